package care.tandem.domain.screening;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tandem's scoring of one instrument, as published (each rules file names its source).
 *
 * @param totalCode      LOINC code of the total score, or null where the instrument has no total (AHC HRSN)
 * @param totalItems     the items summed into the total (a total exists only when all are answered)
 * @param bands          severity bands of the total, contiguous
 * @param domains        what the instrument screens for, each with its positive rule
 * @param critical       items that raise an urgent alert whatever the total
 * @param reverse        items whose points fall as the printed position rises (EPDS 3, 5–10)
 * @param declineCodes   answer codes that mean the question was declined ("Don't know/refused")
 * @param answerAliases  answer codes other forms use for one of ours (GAD-7 item 2 LA18938-3 = LA6570-1)
 * @param panelCodes     LOINC panel codes that identify the instrument in a response
 * @param canonicals     other Questionnaire canonicals known to be this instrument (US Core examples)
 * @param derivedCodes   codes other forms compute and a response may carry, ignored when read (HVS risk 88124-3,
 *                       AHC safety total 95614-4)
 * @param followUp       the instrument a positive result leads to, keeping the answers (PHQ-2 → PHQ-9)
 * @param tier           a risk tier computed from the answers and shown as the band (PEARLS), or null
 * @param source         the published source of these rules
 */
public record ScoringRules(String totalCode, List<String> totalItems, List<Band> bands, List<ScreeningDomain> domains,
                           List<CriticalRule> critical, Set<String> reverse, Set<String> declineCodes,
                           Map<String, String> answerAliases, Set<String> panelCodes, Set<String> canonicals,
                           Set<String> derivedCodes, String followUp, TierRule tier, String source) {

    public ScoringRules {
        totalItems = List.copyOf(totalItems);
        bands = List.copyOf(bands);
        domains = List.copyOf(domains);
        critical = List.copyOf(critical);
        reverse = Set.copyOf(reverse);
        declineCodes = Set.copyOf(declineCodes);
        answerAliases = Map.copyOf(answerAliases);
        panelCodes = Set.copyOf(panelCodes);
        canonicals = Set.copyOf(canonicals);
        derivedCodes = Set.copyOf(derivedCodes);
    }

    public Optional<Band> band(int total) {
        return bands.stream().filter(b -> b.contains(total)).findFirst();
    }

    public Optional<ScreeningDomain> domain(String id) {
        return domains.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** These rules with the positive threshold of every sum rule and the bands replaced (clinic setting). */
    public ScoringRules withThresholds(int positiveAt, List<Band> newBands) {
        List<ScreeningDomain> changed = domains.stream().map(d -> new ScreeningDomain(d.id(), d.core(),
                d.privateDomain(), d.rules().stream().map(r -> r instanceof Rule.SumAtLeast s
                        ? (Rule) new Rule.SumAtLeast(s.items(), positiveAt) : r).toList())).toList();
        return new ScoringRules(totalCode, totalItems, newBands, changed, critical, reverse, declineCodes,
                answerAliases, panelCodes, canonicals, derivedCodes, followUp, tier, source);
    }
}
