package care.tandem.service;

import care.tandem.domain.family.Member;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences Tandem writes into a note for the clinician to keep or edit: one for each intervention ticked, each
 * screening result and each referral of the visit. Short clinical English: the note is the clinic's record and is
 * written in English for now (the words live in the bundles under {@code note.sentence.*}, with Spanish beside them
 * for the day a note may be written in Spanish). Private (interpersonal-safety) results, critical items and private
 * referrals are worded for the confidential part only.
 */
final class NoteSentences {
    /** The note's language. */
    static final Locale NOTE_LANGUAGE = Locale.ENGLISH;

    /** The sentences about one screen: for the note's body, and for its confidential part. */
    record Result(List<String> open, List<String> confidential) {
    }

    private final Texts t = new Texts(NOTE_LANGUAGE);

    String intervention(Intervention i) {
        return t.get("note.sentence.intervention." + i.name());
    }

    /** "Ana Pérez (mother)", or the child's name. */
    String person(Member m) {
        if (m.isChild() || m.relationship() == null) {
            return m.fullName();
        }
        return t.get("note.sentence.person", m.fullName(),
                t.get("family.relationship." + m.relationship().name()).toLowerCase(NOTE_LANGUAGE));
    }

    /**
     * What a screen found, in words: the body gets the instrument, band and total and whether it was positive
     * (for an instrument with private domains, only its other domains); the confidential part gets the private
     * domains' results and any critical item. Nothing for a screen entered in error.
     */
    Result result(Screening x, Instrument ins, Member subject) {
        List<String> open = new ArrayList<>();
        List<String> confidential = new ArrayList<>();
        String name = instrumentName(x.instrument());
        String who = person(subject);
        Score score = x.score();
        if (x.status() == ScreeningStatus.ENTERED_IN_ERROR) {
            return new Result(open, confidential);
        }
        if (x.status() == ScreeningStatus.NOT_DONE || score == null) {
            String reason = x.notDoneReason() == null ? "" : t.get("screening.notDone." + x.notDoneReason().name());
            open.add(t.get("note.sentence.notDone", name, who, reason));
            return new Result(open, confidential);
        }
        String finding;
        if (x.status() == ScreeningStatus.IN_PROGRESS) {
            finding = t.get("note.sentence.unfinished");
        } else if (ins != null && ins.hasPrivateItems()) {
            finding = domains(score);
            for (DomainScore d : score.domains().values()) {
                if (d.privateDomain()) {
                    confidential.add(t.get("note.sentence.privateResult", name, t.get("domain." + d.id()), who,
                            x.safetyDeferred() && d.outcome() == Outcome.INCOMPLETE ? t.get("note.sentence.deferred")
                                    : outcome(d.outcome())));
                }
            }
        } else {
            finding = totalAndOutcome(score);
        }
        open.add(t.get("note.sentence.result", name, who, finding));
        if (score.needsAlert()) {
            confidential.add(t.get("note.sentence.critical", name, who));
        }
        return new Result(open, confidential);
    }

    /** A referral made in the visit (or offered and declined); nothing for one entered in error. */
    String referral(Referral r, Member subject) {
        String who = person(subject);
        if (r.kind() == ReferralKind.WARM_HANDOFF) {
            return t.get("note.sentence.warmHandoff", who);
        }
        String need = t.get("referral.need." + r.need().name()).toLowerCase(NOTE_LANGUAGE);
        if (r.status() == ReferralStatus.FAMILY_DECLINED) {
            return t.get("note.sentence.referralDeclined", who, need);
        }
        String urgency = t.get("referral.urgency." + r.urgency().name()).toLowerCase(NOTE_LANGUAGE);
        return r.destinationName().isBlank() ? t.get("note.sentence.referralNoDestination", who, need, urgency)
                : t.get("note.sentence.referral", who, r.destinationName(), need, urgency);
    }

    private String instrumentName(String id) {
        String key = "instrument." + id + ".name";
        String name = t.get(key);
        return name.equals(key) ? id : name;
    }

    /** "total 12 (moderate), positive"; PEARLS gives its total only, its tier rule being unverified (DOMAIN.md §6). */
    private String totalAndOutcome(Score score) {
        String outcome = outcome(score.outcome());
        if (score.total() == null) {
            return outcome;
        }
        String band = score.band() == null || "pearls".equals(score.instrument()) ? null : bandName(score);
        return band == null ? t.get("note.sentence.total", score.total(), outcome)
                : t.get("note.sentence.totalBand", score.total(), band, outcome);
    }

    /** The positive non-private domains, or that none was found (or that the screen is incomplete). */
    private String domains(Score score) {
        List<String> positive = score.domains().values().stream()
                .filter(d -> !d.privateDomain() && d.outcome() == Outcome.POSITIVE)
                .map(d -> t.get("domain." + d.id())).toList();
        if (!positive.isEmpty()) {
            return t.get("note.sentence.positiveFor", String.join(", ", positive));
        }
        boolean incomplete = score.domains().values().stream()
                .anyMatch(d -> d.core() && !d.privateDomain() && d.outcome() == Outcome.INCOMPLETE);
        return incomplete ? outcome(Outcome.INCOMPLETE) : t.get("note.sentence.noNeed");
    }

    private String bandName(Score score) {
        String specific = "band." + score.instrument() + "." + score.band();
        String text = t.get(specific);
        if (text.equals(specific)) {
            text = t.get("band." + score.band());
        }
        return text.startsWith("band.") ? score.band() : text.toLowerCase(NOTE_LANGUAGE);
    }

    private String outcome(Outcome o) {
        return t.get("note.sentence.outcome." + o.name());
    }
}
