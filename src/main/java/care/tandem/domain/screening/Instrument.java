package care.tandem.domain.screening;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A screening instrument as Tandem gives it: the FHIR Questionnaire's items, texts and points, with its scoring
 * rules. {@code scoreEntry}: Tandem may not ship the licensed wording (EPDS, PEARLS), so items are named by topic
 * and the clinician enters the printed option or count.
 *
 * @param languages           languages whose wording is verified and offered to caregivers
 * @param unverifiedLanguages languages whose wording exists but is not verified (GAD-7 Spanish): offered only
 *                            when the clinic has said so in its settings, always labelled
 */
public record Instrument(String id, String url, String version, String panelCode, LocalText title, LocalText stem,
                         LocalText copyright, List<Item> items, ScoringRules rules, Set<String> languages,
                         Set<String> unverifiedLanguages, boolean scoreEntry) {

    public Instrument {
        items = List.copyOf(items);
        languages = Set.copyOf(languages);
        unverifiedLanguages = Set.copyOf(unverifiedLanguages);
    }

    /**
     * Whether a clinician's digit is an answer's points (UX.md: where the options score 0–n, as in the PHQ and GAD)
     * rather than its printed position (EPDS score entry, whose points carry the reversal; AHC; HVS).
     */
    public boolean digitsArePoints(Item item) {
        return !scoreEntry && item.kind() != ItemKind.INTEGER && !item.options().isEmpty()
                && item.options().stream().allMatch(o -> o.points() != null)
                && item.options().stream().anyMatch(o -> o.points() == 0);
    }

    /** The option a digit picks: by points where {@link #digitsArePoints}, else by position (1 = first, 0 = tenth). */
    public Optional<AnswerOption> optionForDigit(Item item, int digit) {
        if (digitsArePoints(item)) {
            return item.options().stream().filter(o -> o.points() == digit).findFirst();
        }
        int position = digit == 0 ? 10 : digit;
        return position <= item.options().size() ? Optional.of(item.options().get(position - 1)) : Optional.empty();
    }

    /** The digit that picks this option, as its button shows it. */
    public int digitFor(Item item, AnswerOption option) {
        if (digitsArePoints(item)) {
            return option.points();
        }
        int position = item.options().indexOf(option) + 1;
        return position == 10 ? 0 : position;
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The items a complete screen needs: the total's items, or else those of the core domains. */
    public Set<String> requiredItems() {
        if (!rules.totalItems().isEmpty()) {
            return new LinkedHashSet<>(rules.totalItems());
        }
        Set<String> required = new LinkedHashSet<>();
        rules.domains().stream().filter(ScreeningDomain::core).forEach(d -> required.addAll(d.items()));
        return required;
    }

    /** Items of a private domain (interpersonal safety), asked only when the caregiver is alone. */
    public Set<String> privateItems() {
        Set<String> items = new LinkedHashSet<>();
        rules.domains().stream().filter(ScreeningDomain::privateDomain).forEach(d -> items.addAll(d.items()));
        return items;
    }

    public boolean hasPrivateItems() {
        return !privateItems().isEmpty();
    }

    public Instrument withRules(ScoringRules newRules) {
        return new Instrument(id, url, version, panelCode, title, stem, copyright, items, newRules, languages,
                unverifiedLanguages, scoreEntry);
    }
}
