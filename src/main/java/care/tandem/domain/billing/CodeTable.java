package care.tandem.domain.billing;

import java.util.List;
import java.util.Optional;

/** The clinic's code table as the billing rules read it: only the codes in use are suggested. */
public record CodeTable(List<BillingCode> codes) {

    public CodeTable {
        codes = List.copyOf(codes);
    }

    /** The active code the rules know by {@code key}, or empty when the clinic took it out of use. */
    public Optional<BillingCode> byKey(String key) {
        return codes.stream().filter(c -> c.active() && key.equals(c.key())).findFirst();
    }
}
