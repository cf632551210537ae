package care.tandem.domain.screening;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scored screen. {@code total} and {@code band} exist only when every item of the total is answered;
 * {@code outcome} is the instrument's threshold rule, independent of critical items; {@code critical} holds
 * the items that need same-day action; {@code askDirectly} the critical items the caregiver declined.
 *
 * @param band the band of the total (PEARLS: the ACEs Aware risk tier), or null
 */
public record Score(String instrument, boolean complete, Integer total, String band, Outcome outcome,
                    List<String> critical, List<String> askDirectly, List<String> missing, List<String> declined,
                    Map<String, DomainScore> domains) {

    public Score {
        critical = List.copyOf(critical);
        askDirectly = List.copyOf(askDirectly);
        missing = List.copyOf(missing);
        declined = List.copyOf(declined);
        domains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(domains));
    }

    /**
     * The outcome as it may be shown when the private (interpersonal-safety) domains are not: the core domains that
     * are not private, combined as the published rule combines all of them. Equal to {@link #outcome()} for an
     * instrument with no private domain.
     */
    public Outcome outcomeWithoutPrivate() {
        return Scorer.combine(domains.values().stream().filter(d -> d.core() && !d.privateDomain())
                .map(DomainScore::outcome).toList());
    }

    public boolean positive() {
        return outcome == Outcome.POSITIVE;
    }

    /** Whether anything here needs the urgent-alert dialog. */
    public boolean needsAlert() {
        return !critical.isEmpty() || !askDirectly.isEmpty();
    }

    public Optional<DomainScore> domain(String id) {
        return Optional.ofNullable(domains.get(id));
    }
}
