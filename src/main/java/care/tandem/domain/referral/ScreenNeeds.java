package care.tandem.domain.referral;

import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The needs a scored screen points to, so that a positive result offers a referral with the right destinations
 * pre-selected (UX.md, "Act"). Domain ids are those of the instrument rules files; the destinations per need
 * follow DOMAIN.md §D.1.
 */
public final class ScreenNeeds {
    private static final Map<String, Need> BY_DOMAIN = Map.ofEntries(
            Map.entry("depression", Need.MENTAL_HEALTH),
            Map.entry("anxiety", Need.MENTAL_HEALTH),
            Map.entry("mental-health", Need.MENTAL_HEALTH),
            Map.entry("food", Need.FOOD),
            Map.entry("housing", Need.HOUSING),
            Map.entry("housing-quality", Need.HOUSING),
            Map.entry("utilities", Need.UTILITIES),
            Map.entry("transportation", Need.TRANSPORTATION),
            Map.entry("safety", Need.INTERPERSONAL_SAFETY),
            Map.entry("financial-strain", Need.FINANCIAL),
            Map.entry("employment", Need.EMPLOYMENT),
            Map.entry("education", Need.EDUCATION),
            Map.entry("family-community-support", Need.SOCIAL_SUPPORT),
            Map.entry("substance-use", Need.SUBSTANCE_USE),
            Map.entry("disabilities", Need.OTHER),
            Map.entry("aces", Need.PARENTING_SUPPORT));

    private ScreenNeeds() {
    }

    /** The need a positive domain points to, or OTHER for a domain Tandem has no mapping for. */
    public static Need of(String domainId) {
        return BY_DOMAIN.getOrDefault(domainId, Need.OTHER);
    }

    /**
     * The needs of a score, in the instrument's domain order: one per positive domain, and CRISIS first when a
     * critical item (PHQ-9 item 9, EPDS item 10) was answered or declined.
     */
    public static List<Need> of(Score score) {
        Set<Need> out = new LinkedHashSet<>();
        if (score == null) {
            return List.of();
        }
        if (!score.critical().isEmpty() || !score.askDirectly().isEmpty()) {
            out.add(Need.CRISIS);
        }
        for (DomainScore d : score.domains().values()) {
            if (d.outcome() == Outcome.POSITIVE) {
                out.add(of(d.id()));
            }
        }
        return List.copyOf(out);
    }
}
