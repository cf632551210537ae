package care.tandem.domain.screening;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A need an instrument screens for (depression; AHC housing, food, safety, ...). {@code core}: counts toward the
 * instrument's positive and completeness (AHC core domains; the single domain of the PHQ-9). {@code privateDomain}:
 * shown only behind a "Private" click, never on a caregiver-facing screen or a family copy (interpersonal safety).
 */
public record ScreeningDomain(String id, boolean core, boolean privateDomain, List<Rule> rules) {

    public ScreeningDomain {
        rules = List.copyOf(rules);
    }

    public Set<String> items() {
        Set<String> items = new LinkedHashSet<>();
        rules.forEach(r -> items.addAll(r.items()));
        return items;
    }
}
