package care.tandem.ui.screening;

import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.DueScreen;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.FormatLocale;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Screening results in the clinician's words: instrument names, bands with their totals, outcomes (an incomplete
 * screen never reads "negative"), due screens and not-done reasons. Private (interpersonal-safety) domains are
 * left out of every public wording here, so a line can never give away their result; {@link #privateText} words
 * them for the moment a clinician clicks "Private".
 */
public final class ScreeningWords {
    /** Bands that read as severe, moderate or mild; the CSS colours them and the words say the same. */
    private static final Set<String> HIGH = Set.of("severe", "moderately-severe", "likely-depression", "high");
    private static final Set<String> MEDIUM = Set.of("moderate", "possible-depression", "intermediate");

    private final Texts texts;
    private final DateTimeFormatter dates;

    public ScreeningWords(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(FormatLocale.of(texts))
                .withZone(zone);
    }

    public Texts texts() {
        return texts;
    }

    /** "PHQ-9", "Social needs (AHC HRSN)". */
    public String instrument(String id) {
        String key = "instrument." + id + ".name";
        String name = texts.get(key);
        return name.equals(key) ? id : name;
    }

    public String date(Instant at) {
        return at == null ? "" : dates.format(at);
    }

    /** "Moderate (12)", "Total 4", or empty when there is no total yet. */
    public String band(Score score) {
        if (score == null || score.total() == null) {
            return "";
        }
        if (score.band() == null) {
            return texts.get("band.totalOnly", score.total());
        }
        String band = texts.get("band.withTotal", bandName(score.instrument(), score.band()), score.total());
        return "pearls".equals(score.instrument()) ? band + " " + texts.get("band.pearls.caveat") : band;
    }

    /** The band's name: {@code band.<instrument>.<band>} when there is one, else {@code band.<band>}. */
    public String bandName(String instrument, String band) {
        String specific = "band." + instrument + "." + band;
        String text = texts.get(specific);
        if (!text.equals(specific)) {
            return text;
        }
        String generic = texts.get("band." + band);
        return generic.equals("band." + band) ? band : generic;
    }

    /** A style class for the band's severity: severity-high, -medium, -low, or severity-none. */
    public static String bandSeverity(Score score) {
        if (score == null || score.band() == null) {
            return "severity-none";
        }
        return HIGH.contains(score.band()) ? "severity-high"
                : MEDIUM.contains(score.band()) ? "severity-medium" : "severity-low";
    }

    /**
     * The outcome as shown on clinician screens, computed without private domains: for the AHC HRSN, positive
     * when a non-private core domain is positive, incomplete when one is not complete, else negative.
     */
    public static Outcome publicOutcome(Instrument instrument, Score score) {
        if (score == null) {
            return Outcome.INCOMPLETE;
        }
        if (instrument == null || !instrument.hasPrivateItems()) {
            return score.outcome();
        }
        List<DomainScore> open = score.domains().values().stream().filter(d -> d.core() && !d.privateDomain())
                .toList();
        if (open.stream().anyMatch(d -> d.outcome() == Outcome.POSITIVE)) {
            return Outcome.POSITIVE;
        }
        if (open.stream().anyMatch(d -> d.outcome() == Outcome.INCOMPLETE)) {
            return Outcome.INCOMPLETE;
        }
        return open.isEmpty() ? Outcome.NOT_SCORED : Outcome.NEGATIVE;
    }

    /** Missing items that may be counted in public: private items are left out. */
    public static int publicMissing(Instrument instrument, Score score) {
        if (score == null) {
            return instrument == null ? 0 : instrument.requiredItems().size();
        }
        Set<String> hidden = instrument == null ? Set.of() : instrument.privateItems();
        return (int) score.missing().stream().filter(code -> !hidden.contains(code)).count();
    }

    /** "Positive", "Negative", "Incomplete — 2 items missing", "Not done: declined", "Entered in error". */
    public String outcome(Instrument instrument, Screening x) {
        if (x.status() == ScreeningStatus.NOT_DONE) {
            String reason = x.notDoneReason() == null ? ""
                    : texts.get("screening.notDone." + x.notDoneReason().name());
            return texts.get("outcome.notDone", reason);
        }
        if (x.status() == ScreeningStatus.ENTERED_IN_ERROR) {
            return texts.get("outcome.enteredInError");
        }
        Outcome outcome = publicOutcome(instrument, x.score());
        int missing = publicMissing(instrument, x.score());
        boolean complete = missing == 0 && x.score() != null;
        return switch (outcome) {
            case POSITIVE -> complete ? texts.get("outcome.POSITIVE")
                    : count("outcome.positiveIncomplete.one", "outcome.positiveIncomplete.other", missing);
            case INCOMPLETE -> missing == 0 ? texts.get("outcome.INCOMPLETE")
                    : count("outcome.incomplete.one", "outcome.incomplete.other", missing);
            // With private domains, "negative" speaks only for the others, whatever the private result.
            case NEGATIVE -> !complete ? count("outcome.incomplete.one", "outcome.incomplete.other", missing)
                    : instrument != null && instrument.hasPrivateItems() ? texts.get("outcome.negativeExceptPrivate")
                    : texts.get("outcome.NEGATIVE");
            case NOT_SCORED -> texts.get("outcome.NOT_SCORED");
        };
    }

    /** A style class for the outcome: result-positive, -negative, -incomplete, -notdone. */
    public static String outcomeStyle(Instrument instrument, Screening x) {
        if (x.status() == ScreeningStatus.NOT_DONE || x.status() == ScreeningStatus.ENTERED_IN_ERROR) {
            return "result-notdone";
        }
        return switch (publicOutcome(instrument, x.score())) {
            case POSITIVE -> "result-positive";
            case NEGATIVE -> publicMissing(instrument, x.score()) == 0 ? "result-negative" : "result-incomplete";
            case INCOMPLETE, NOT_SCORED -> "result-incomplete";
        };
    }

    /** "Positive: housing, food" for the non-private positive domains of a multi-domain instrument, else empty. */
    public String positiveDomains(Score score) {
        if (score == null || score.domains().size() < 2) {
            return "";
        }
        String names = score.domains().values().stream()
                .filter(d -> !d.privateDomain() && d.outcome() == Outcome.POSITIVE)
                .map(d -> texts.get("domain." + d.id()))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : texts.get("outcome.positiveDomains", names);
    }

    /** The private domains' outcome and score, for after the "Private" click: "Interpersonal safety: Positive, score 12". */
    public String privateText(Score score) {
        if (score == null) {
            return texts.get("screening.panel.private.shown", texts.get("outcome.INCOMPLETE"));
        }
        return score.domains().values().stream().filter(DomainScore::privateDomain)
                .map(d -> {
                    String outcome = texts.get("outcome." + d.outcome().name());
                    String text = d.score() == null ? outcome
                            : outcome + ", " + texts.get("screening.panel.private.score", d.score());
                    return d.id().equals("safety") ? texts.get("screening.panel.private.shown", text)
                            : texts.get("domain." + d.id()) + ": " + text;
                })
                .collect(Collectors.joining(" · "));
    }

    /** "PHQ-2 due for Ana — 2-month visit", "Social needs (AHC HRSN) due — yearly". */
    public String due(DueScreen due, Map<java.util.UUID, String> names) {
        String instrument = instrument(due.instrument());
        String reason = due.reason().name();
        String who = due.subjectId() == null ? null : names.get(due.subjectId());
        boolean yearly = due.reason() == DueScreen.Reason.SOCIAL_NEEDS_YEARLY;
        if (who == null) {
            return yearly ? texts.get("due." + reason + ".anyCaregiver", instrument)
                    : texts.get("due." + reason + ".anyCaregiver", instrument, due.ageMonths());
        }
        return yearly ? texts.get("due." + reason, instrument, who)
                : texts.get("due." + reason, instrument, who, due.ageMonths());
    }

    private String count(String one, String other, int n) {
        return n == 1 ? texts.get(one) : texts.get(other, n);
    }
}
