package care.tandem.domain.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * @param enableWhen          when items of an imported Questionnaire are asked, by item code (bundled: none)
 */
public record Instrument(String id, String url, String version, String panelCode, LocalText title, LocalText stem,
                         LocalText copyright, List<Item> items, ScoringRules rules, Set<String> languages,
                         Set<String> unverifiedLanguages, boolean scoreEntry, Map<String, EnableWhen> enableWhen) {

    public Instrument {
        items = List.copyOf(items);
        languages = Set.copyOf(languages);
        unverifiedLanguages = Set.copyOf(unverifiedLanguages);
        enableWhen = Map.copyOf(enableWhen);
    }

    /** An instrument whose items are always asked (every bundled one). */
    public Instrument(String id, String url, String version, String panelCode, LocalText title, LocalText stem,
                      LocalText copyright, List<Item> items, ScoringRules rules, Set<String> languages,
                      Set<String> unverifiedLanguages, boolean scoreEntry) {
        this(id, url, version, panelCode, title, stem, copyright, items, rules, languages, unverifiedLanguages,
                scoreEntry, Map.of());
    }

    /** Whether an item is asked given the answers so far (keyed by item code): always, unless its enableWhen fails. */
    public boolean enabled(String itemCode, Map<String, Answer> answers) {
        EnableWhen w = enableWhen.get(itemCode);
        return w == null || w.holds(answers);
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
                unverifiedLanguages, scoreEntry, enableWhen);
    }

    /**
     * This instrument with the wording of another language added from a translation of it (a clinic's imported
     * Spanish file): texts are matched by item and answer code, and the language is added only when every text of
     * this instrument has it. Points, rules and everything else stay this instrument's.
     */
    public Instrument withTranslation(Instrument translation, Collection<String> newLanguages) {
        Set<String> added = new LinkedHashSet<>();
        for (String lang : newLanguages) {
            if (!languages.contains(lang) && covers(translation, lang)) {
                added.add(lang);
            }
        }
        if (added.isEmpty()) {
            return this;
        }
        List<Item> merged = items.stream().map(i -> {
            Item t = translation.item(i.code()).orElseThrow();
            List<AnswerOption> options = i.options().stream().map(o -> new AnswerOption(o.code(),
                    add(o.display(), t.option(o.code()).orElseThrow().display(), added), o.points())).toList();
            return new Item(i.code(), i.number(), i.intro() == null ? null : add(i.intro(), t.intro(), added),
                    add(i.text(), t.text(), added), i.kind(), options, i.min(), i.max());
        }).toList();
        Set<String> langs = new LinkedHashSet<>(languages);
        langs.addAll(added);
        Set<String> unverified = new LinkedHashSet<>(unverifiedLanguages);
        unverified.removeAll(added);
        return new Instrument(id, url, version, panelCode, add(title, translation.title(), added),
                stem == null ? null : add(stem, translation.stem(), added), copyright, merged, rules, langs,
                unverified, scoreEntry, enableWhen);
    }

    private boolean covers(Instrument t, String lang) {
        if (!t.title().has(lang) || (stem != null && (t.stem() == null || !t.stem().has(lang)))) {
            return false;
        }
        for (Item i : items) {
            Optional<Item> other = t.item(i.code());
            if (other.isEmpty() || !other.get().text().has(lang)
                    || (i.intro() != null && (other.get().intro() == null || !other.get().intro().has(lang)))) {
                return false;
            }
            for (AnswerOption o : i.options()) {
                Optional<AnswerOption> x = other.get().option(o.code());
                if (x.isEmpty() || !x.get().display().has(lang)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static LocalText add(LocalText base, LocalText from, Set<String> langs) {
        Map<String, String> texts = new HashMap<>(base.byLanguage());
        langs.forEach(l -> texts.put(l, from.byLanguage().get(l)));
        return new LocalText(texts);
    }
}
