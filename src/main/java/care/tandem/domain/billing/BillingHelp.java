package care.tandem.domain.billing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The billing help for a visit: suggested codes (procedure codes first) and notices. One administered instrument
 * never gets two procedure codes: the rules pick one and say why in the notices (checked here).
 */
public record BillingHelp(List<BillingSuggestion> suggestions, List<BillingNotice> notices) {

    public BillingHelp {
        suggestions = List.copyOf(suggestions);
        notices = List.copyOf(notices);
        Set<Object> sources = new HashSet<>();
        for (BillingSuggestion s : suggestions) {
            Object source = s.screeningId() != null ? s.screeningId() : s.childScreen();
            if (s.code().system().procedure() && source != null && !sources.add(source)) {
                throw new IllegalArgumentException("two procedure codes for one instrument");
            }
        }
    }
}
