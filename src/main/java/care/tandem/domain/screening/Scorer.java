package care.tandem.domain.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores answers by an instrument's published rules (each rules file cites its source): totals, bands, positive
 * per domain, critical items. An unfinished screen has no total and lists what is missing; it is positive when the
 * answers given already reach a rule, and never negative.
 */
public final class Scorer {

    private Scorer() {
    }

    /**
     * @throws IllegalArgumentException naming the item code when an answer is for an item or option the
     *                                  instrument does not have
     */
    public static Score score(Instrument instrument, Collection<Answer> given) {
        Map<String, Answer> answers = normalise(instrument, given);
        ScoringRules rules = instrument.rules();

        Map<String, DomainScore> domains = new LinkedHashMap<>();
        for (ScreeningDomain d : rules.domains()) {
            domains.put(d.id(), scoreDomain(instrument, d, answers));
        }
        Outcome outcome = combine(domains.values().stream().filter(DomainScore::core).map(DomainScore::outcome).toList());

        List<String> missing = new ArrayList<>();
        for (String code : instrument.requiredItems()) {
            if (!isAnswered(answers, code)) {
                missing.add(code);
            }
        }
        Integer total = null;
        if (!rules.totalItems().isEmpty() && rules.totalItems().stream().allMatch(c -> isAnswered(answers, c))) {
            total = rules.totalItems().stream().mapToInt(c -> points(instrument, answers.get(c))).sum();
        }
        String band = total == null ? null : rules.band(total).map(Band::id).orElse(null);
        if (rules.tier() != null) {
            band = tier(rules.tier(), answers);
        }

        List<String> critical = new ArrayList<>();
        List<String> askDirectly = new ArrayList<>();
        for (CriticalRule c : rules.critical()) {
            Answer a = answers.get(c.item());
            if (a == null) {
                continue;
            }
            if (a.answered() && points(instrument, a) >= c.minPoints()) {
                critical.add(c.item());
            } else if (a.state() == AnswerState.DECLINED && c.askDirectlyIfDeclined()) {
                askDirectly.add(c.item());
            }
        }
        List<String> declined = instrument.items().stream().map(Item::code)
                .filter(c -> answers.containsKey(c) && answers.get(c).state() == AnswerState.DECLINED).toList();
        return new Score(instrument.id(), missing.isEmpty(), total, band, outcome, critical, askDirectly, missing,
                declined, domains);
    }

    /** Keys answers by item, maps other forms' answer codes to ours and "don't know / refused" codes to declined. */
    private static Map<String, Answer> normalise(Instrument instrument, Collection<Answer> given) {
        ScoringRules rules = instrument.rules();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Answer a : given) {
            Item item = instrument.item(a.item())
                    .orElseThrow(() -> new IllegalArgumentException("item not in " + instrument.id() + ": " + a.item()));
            Answer n = a;
            if (a.answered() && item.kind() != ItemKind.INTEGER) {
                List<String> codes = a.codes().stream().map(c -> rules.answerAliases().getOrDefault(c, c)).toList();
                if (codes.isEmpty()) {
                    throw new IllegalArgumentException("no answer code for item " + item.code());
                }
                if (codes.stream().anyMatch(rules.declineCodes()::contains)) {
                    n = Answer.declined(item.code());
                } else {
                    for (String c : codes) {
                        item.option(c).orElseThrow(() ->
                                new IllegalArgumentException("answer " + c + " not an option of item " + item.code()));
                    }
                    n = new Answer(item.code(), codes, null, AnswerState.ANSWERED);
                }
            } else if (a.answered()) {
                if (a.value() == null || (item.min() != null && a.value() < item.min())
                        || (item.max() != null && a.value() > item.max())) {
                    throw new IllegalArgumentException("value out of range for item " + item.code());
                }
            }
            answers.put(item.code(), n);
        }
        return answers;
    }

    private static DomainScore scoreDomain(Instrument instrument, ScreeningDomain d, Map<String, Answer> answers) {
        List<Outcome> outcomes = new ArrayList<>();
        Integer score = null;
        for (Rule r : d.rules()) {
            boolean all = r.items().stream().allMatch(c -> isAnswered(answers, c));
            if (r instanceof Rule.SumAtLeast s) {
                int sum = s.items().stream().filter(c -> isAnswered(answers, c))
                        .mapToInt(c -> points(instrument, answers.get(c))).sum();
                outcomes.add(sum >= s.threshold() ? Outcome.POSITIVE : all ? Outcome.NEGATIVE : Outcome.INCOMPLETE);
                if (all && d.rules().size() == 1) {
                    score = sum;
                }
            } else if (r instanceof Rule.AnswerIn in) {
                boolean hit = in.items().stream().filter(c -> isAnswered(answers, c))
                        .anyMatch(c -> answers.get(c).codes().stream().anyMatch(in.answers()::contains));
                outcomes.add(hit ? Outcome.POSITIVE : all ? Outcome.NEGATIVE : Outcome.INCOMPLETE);
            } else if (r instanceof Rule.ValueAtLeast v) {
                boolean hit = v.items().stream().filter(c -> isAnswered(answers, c))
                        .anyMatch(c -> answers.get(c).value() >= v.threshold());
                outcomes.add(hit ? Outcome.POSITIVE : all ? Outcome.NEGATIVE : Outcome.INCOMPLETE);
            } else {
                outcomes.add(Outcome.NOT_SCORED);
            }
        }
        return new DomainScore(d.id(), combine(outcomes), score, d.core(), d.privateDomain());
    }

    /** Any positive is positive; all negative is negative; otherwise incomplete. Unscored parts do not count. */
    static Outcome combine(List<Outcome> outcomes) {
        List<Outcome> scored = outcomes.stream().filter(o -> o != Outcome.NOT_SCORED).toList();
        if (scored.isEmpty()) {
            return Outcome.NOT_SCORED;
        }
        if (scored.contains(Outcome.POSITIVE)) {
            return Outcome.POSITIVE;
        }
        return scored.stream().allMatch(o -> o == Outcome.NEGATIVE) ? Outcome.NEGATIVE : Outcome.INCOMPLETE;
    }

    private static String tier(TierRule t, Map<String, Answer> answers) {
        Integer count = isAnswered(answers, t.countItem()) ? answers.get(t.countItem()).value() : null;
        Boolean condition = isAnswered(answers, t.conditionItem())
                ? answers.get(t.conditionItem()).codes().contains(t.yesCode()) : null;
        return AceRisk.tier(count, condition);
    }

    private static boolean isAnswered(Map<String, Answer> answers, String code) {
        Answer a = answers.get(code);
        return a != null && a.answered();
    }

    private static int points(Instrument instrument, Answer a) {
        Item item = instrument.item(a.item()).orElseThrow();
        if (item.kind() == ItemKind.INTEGER) {
            return a.value();
        }
        int sum = 0;
        for (String c : a.codes()) {
            Integer p = item.option(c).orElseThrow().points();
            sum += p == null ? 0 : p;
        }
        return sum;
    }
}
