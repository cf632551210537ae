package care.tandem.interop.instrument;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Band;
import care.tandem.domain.screening.CriticalRule;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.LocalText;
import care.tandem.domain.screening.Rule;
import care.tandem.domain.screening.ScoringRules;
import care.tandem.domain.screening.ScreeningDomain;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks an instrument passes before it is used: the rules name only items and answers the Questionnaire
 * has; everything summed has points; reverse-scored items fall and the others rise; the bands cover the total's
 * range without gaps; every language the rules list is present in every text.
 */
final class InstrumentChecks {

    private InstrumentChecks() {
    }

    static void check(String qFile, String rulesFile, Instrument in) {
        check(qFile, rulesFile, in, false);
    }

    /**
     * @param imported a clinic's imported Questionnaire: whole-number items may lack bounds, points need not rise
     *                 (a form's own scoring, such as PRAPARE's yes = 1, no = 0), and its one core domain may be
     *                 unscored (no positive rule until the clinic sets one)
     */
    static void check(String qFile, String rulesFile, Instrument in, boolean imported) {
        ScoringRules r = in.rules();
        Set<String> codes = new HashSet<>();
        for (Item i : in.items()) {
            if (!codes.add(i.code())) {
                fail(qFile, "item code " + i.code() + " appears twice");
            }
            if (i.kind() != ItemKind.INTEGER && i.options().isEmpty()) {
                fail(qFile, "item " + i.code() + " has no answers");
            }
            if (!imported && i.kind() == ItemKind.INTEGER && (i.min() == null || i.max() == null)) {
                fail(qFile, "whole-number item " + i.code() + " needs minValue and maxValue");
            }
        }
        Set<String> summed = new LinkedHashSet<>(r.totalItems());
        for (ScreeningDomain d : r.domains()) {
            for (Rule rule : d.rules()) {
                rule.items().forEach(c -> known(rulesFile, in, c));
                if (rule instanceof Rule.SumAtLeast s) {
                    summed.addAll(s.items());
                }
                if (rule instanceof Rule.AnswerIn a) {
                    for (String answer : a.answers()) {
                        if (a.items().stream().noneMatch(c -> in.item(c).orElseThrow().option(answer).isPresent())) {
                            fail(rulesFile, "answer " + answer + " is not an option of " + a.items());
                        }
                    }
                }
            }
        }
        for (String c : summed) {
            Item item = known(rulesFile, in, c);
            if (item.kind() == ItemKind.INTEGER) {
                continue;
            }
            List<Integer> points = item.options().stream().map(AnswerOption::points).toList();
            if (points.contains(null)) {
                fail(qFile, "item " + c + " is summed but an answer has no points (ordinalValue)");
            }
            boolean reverse = r.reverse().contains(c);
            for (int k = 1; k < points.size() && !imported; k++) {
                if (reverse ? points.get(k) >= points.get(k - 1) : points.get(k) <= points.get(k - 1)) {
                    fail(qFile, "item " + c + (reverse ? " is reverse-scored but its points do not fall"
                            : " is not reverse-scored but its points do not rise") + " from the first answer to the last");
                }
            }
        }
        r.reverse().forEach(c -> {
            if (!summed.contains(c)) {
                fail(rulesFile, "reverse-scored item " + c + " is not summed");
            }
        });
        for (CriticalRule c : r.critical()) {
            Item item = known(rulesFile, in, c.item());
            int max = item.options().stream().mapToInt(o -> o.points() == null ? 0 : o.points()).max().orElse(0);
            if (c.minPoints() < 1 || c.minPoints() > max) {
                fail(rulesFile, "critical item " + c.item() + " can never reach " + c.minPoints() + " points");
            }
        }
        if (!r.totalItems().isEmpty()) {
            checkBands(rulesFile, in, r);
        } else if (!r.bands().isEmpty()) {
            fail(rulesFile, "bands without a total");
        }
        if (r.tier() != null) {
            known(rulesFile, in, r.tier().countItem());
            known(rulesFile, in, r.tier().conditionItem()).option(r.tier().yesCode())
                    .orElseThrow(() -> new InstrumentFileException(rulesFile, "tier answer " + r.tier().yesCode() + " missing"));
        }
        if (r.domains().stream().noneMatch(ScreeningDomain::core)) {
            fail(rulesFile, "no core domain: nothing would make the screen positive");
        }
        Set<String> languages = new LinkedHashSet<>(in.languages());
        languages.addAll(in.unverifiedLanguages());
        for (String lang : languages) {
            need(qFile, in.title(), lang, "the title");
            if (in.stem() != null) {
                need(qFile, in.stem(), lang, "the instructions");
            }
            for (Item i : in.items()) {
                need(qFile, i.text(), lang, "item " + i.code());
                if (i.intro() != null) {
                    need(qFile, i.intro(), lang, "the words before item " + i.code());
                }
                i.options().forEach(o -> need(qFile, o.display(), lang, "an answer of item " + i.code()));
            }
        }
    }

    private static void checkBands(String file, Instrument in, ScoringRules r) {
        int min = 0;
        int max = 0;
        for (String c : r.totalItems()) {
            Item i = known(file, in, c);
            if (i.kind() == ItemKind.INTEGER) {
                min += i.min();
                max += i.max();
            } else {
                min += i.options().stream().mapToInt(AnswerOption::points).min().orElse(0);
                max += i.options().stream().mapToInt(AnswerOption::points).max().orElse(0);
            }
        }
        if (r.bands().isEmpty()) {
            return;
        }
        int next = min;
        for (Band b : r.bands()) {
            if (b.min() != next || b.max() < b.min()) {
                fail(file, "band " + b.id() + " should start at " + next);
            }
            next = b.max() + 1;
        }
        if (next - 1 != max) {
            fail(file, "the bands end at " + (next - 1) + " but the total reaches " + max);
        }
    }

    private static Item known(String file, Instrument in, String code) {
        return in.item(code).orElseThrow(() -> new InstrumentFileException(file, "names item " + code
                + ", which the Questionnaire does not have"));
    }

    private static void need(String file, LocalText text, String lang, String what) {
        if (text == null || !text.has(lang)) {
            fail(file, what + " has no text in language " + lang);
        }
    }

    private static void fail(String file, String reason) {
        throw new InstrumentFileException(file, reason);
    }
}
