package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.LoopMeasures;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ReferralTransitions;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.FamilyService;
import care.tandem.service.ReferralService;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.FormatLocale;
import care.tandem.ui.family.FamilyFormat;
import care.tandem.ui.screening.ScreeningWords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One referral's details beside the worklist (or in its own window): who it is for, the caregivers' safe-contact
 * preferences before a call, need, destination with its directory facts, reason, urgency, who referred and when,
 * consent, status, follow-up, linked referrals, the screen behind it, its history and loop measures. A private
 * referral shows only "Private referral" until the clinician opens it (audited as a private view).
 */
public final class ReferralDetailsViewModel {

    /** What the pane shows. */
    public enum State { EMPTY, LOADING, PRIVATE_HIDDEN, SHOWN }

    /** One labelled fact; {@code id} names it for tests and screen readers. */
    public record Fact(String id, String label, String value) {
    }

    /**
     * A caregiver as the clinician needs them before a call.
     *
     * @param phone empty for a restricted caregiver: never shown as callable
     * @param ways  "OK to call: Yes", "OK to text: No", "OK to leave a message: Yes" (none for a restricted one)
     */
    public record ContactLine(UUID memberId, String name, String phone, List<Way> ways, boolean restricted) {
    }

    /** One way of contact in words, and whether the caregiver agreed to it. */
    public record Way(String text, boolean ok) {
    }

    /** One step of the history: when, who, what, and its reason, note and next follow-up. */
    public record HistoryLine(String when, String who, String what, List<String> details) {
    }

    /** A letter recipient: a caregiver (a family copy as well), or null for the clinic copy alone. */
    public record LetterChoice(UUID recipientId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Everything the pane shows for an opened referral. */
    public record Details(Referral referral, Family family, LocalDate today, String title, String followUp,
                          String followUpStyle, String status, List<ContactLine> contacts, String protectiveOrder,
                          List<Fact> facts, List<String> destination, List<Fact> measures, List<HistoryLine> history,
                          Referral previous, Referral next) {

        public boolean canFollowUp() {
            return referral.open();
        }

        public boolean canChangeStatus() {
            return !ReferralTransitions.next(referral.status()).isEmpty();
        }

        public boolean canReferElsewhere() {
            return ReferralTransitions.allowed(referral.status(), ReferralStatus.REFERRED_ELSEWHERE);
        }

        public boolean canTryAgain() {
            return !referral.open() && referral.status() != ReferralStatus.ENTERED_IN_ERROR;
        }
    }

    private record Context(Family family, Map<UUID, String> users, Map<UUID, Destination> destinations,
                           Screening screen, List<Referral> familyReferrals, LocalDate today) {
    }

    private final ReferralService referrals;
    private final ScreeningService screening;
    private final AccountService accounts;
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReferralWords words;
    private final FamilyFormat format;
    private final ScreeningWords screeningWords;
    private final Texts texts;
    private final ZoneId zone;
    private final DateTimeFormatter times;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Consumer<UUID> onChanged = id -> { };
    private Referral current;
    private Family family;
    private LocalDate today;
    private int generation;

    public ReferralDetailsViewModel(ReferralService referrals, ScreeningService screening, AccountService accounts,
                                    FamilyService families, BackgroundRunner runner, DialogService dialogs,
                                    ReferralWords words, FamilyFormat format, ZoneId zone) {
        this.referrals = referrals;
        this.screening = screening;
        this.accounts = accounts;
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.format = format;
        this.texts = words.texts();
        this.zone = zone;
        this.screeningWords = new ScreeningWords(texts, zone);
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FormatLocale.of(texts)).withZone(zone);
    }

    /** Runs after a referral was changed here, with the id of the referral to keep chosen. */
    public void setOnChanged(Consumer<UUID> onChanged) {
        this.onChanged = onChanged;
    }

    /**
     * Shows a referral chosen in a list: a private one only as "Private referral" until {@link #openPrivate}; any
     * other is opened (audited) at once. Choosing the one already shown keeps it as it is.
     */
    public void show(Referral r, Family f, LocalDate today) {
        if (current != null && current.id().equals(r.id()) && state.get() != State.EMPTY) {
            if (state.get() == State.PRIVATE_HIDDEN) {
                current = r;
                family = f;
            }
            return;
        }
        current = r;
        family = f;
        this.today = today;
        message.set("");
        details.set(null);
        if (r.privateReferral()) {
            generation++;
            state.set(State.PRIVATE_HIDDEN);
        } else {
            load(r.id(), f);
        }
    }

    /** Opens one referral by id (its own window, reached by a click on it): audited as a view. */
    public void showById(UUID referralId) {
        current = null;
        family = null;
        message.set("");
        load(referralId, null);
    }

    /** The clinician clicked "Open private referral": opened and audited as a private view. */
    public void openPrivate() {
        if (state.get() == State.PRIVATE_HIDDEN && current != null) {
            load(current.id(), family);
        }
    }

    /** Shows nothing (the list's filters changed). */
    public void clear() {
        generation++;
        current = null;
        family = null;
        details.set(null);
        message.set("");
        state.set(State.EMPTY);
    }

    private void load(UUID id, Family known) {
        int mine = ++generation;
        state.set(State.LOADING);
        // open() writes its audit entry, so it queues with the writes.
        runner.write(() -> {
            Referral r = referrals.open(id);
            return build(r, context(r, known));
        }, d -> {
            if (mine == generation) {
                apply(d);
            }
        }, failure -> {
            if (mine == generation) {
                state.set(current != null && current.privateReferral() ? State.PRIVATE_HIDDEN : State.EMPTY);
            }
            dialogs.showProblem(failure);
        });
    }

    private void apply(Details d) {
        current = d.referral();
        family = d.family();
        today = d.today();
        details.set(d);
        state.set(State.SHOWN);
    }

    /**
     * A referral was changed here (a follow-up, a status, a new linked referral): shows it as it is now (the new
     * referral after "referred elsewhere" or "try again") and tells the list.
     */
    public void changed(Referral updated) {
        boolean hidden = state.get() == State.PRIVATE_HIDDEN && current != null && current.id().equals(updated.id());
        current = updated;
        onChanged.accept(updated.id());
        if (hidden || state.get() == State.EMPTY) {
            return;
        }
        int mine = ++generation;
        Family known = family;
        runner.read(() -> build(updated, context(updated, known)), d -> {
            if (mine == generation) {
                apply(d);
            }
        }, dialogs::showProblem);
    }

    private Context context(Referral r, Family known) {
        Family f = known != null && known.id().equals(r.familyId()) ? known : families.find(r.familyId())
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        Map<UUID, String> users = new HashMap<>();
        for (User u : accounts.users()) {
            users.put(u.id(), u.displayName());
        }
        Map<UUID, Destination> destinations = new HashMap<>();
        for (Destination d : referrals.destinations(true)) {
            destinations.put(d.id(), d);
        }
        Screening screen = r.screeningId() == null ? null : screening.forFamily(r.familyId()).stream()
                .filter(s -> s.id().equals(r.screeningId())).findFirst().orElse(null);
        return new Context(f, users, destinations, screen, referrals.forFamily(r.familyId()), referrals.today());
    }

    private Details build(Referral r, Context c) {
        Family f = c.family();
        LocalDate now = c.today();
        String followUpStyle = !r.open() ? ReferralWorklistViewModel.CLOSED_STYLE
                : r.overdue(now) ? ReferralWorklistViewModel.OVERDUE_STYLE
                : now.equals(r.followUpDate()) ? ReferralWorklistViewModel.TODAY_STYLE
                : ReferralWorklistViewModel.LATER_STYLE;
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("factWho", texts.get("referral.details.who"),
                ReferralWorklistViewModel.forWhom(texts, format, f, r.subjectId())));
        facts.add(new Fact("factFamily", texts.get("referral.details.family"),
                f.children().isEmpty() ? format.familyTitle(f) : format.childrenLine(f)));
        String need = words.need(r.need());
        if (r.kind() == ReferralKind.WARM_HANDOFF) {
            need = texts.get("referral.details.needKind", need, words.kind(r.kind()));
        }
        facts.add(new Fact("factNeed", texts.get("referral.details.need"), need));
        String destinationName = r.destinationName().isBlank() ? r.reason() : r.destinationName();
        facts.add(new Fact("factDestination", texts.get("referral.details.destination"), destinationName));
        if (r.destinationId() != null && !r.reason().isBlank()) {
            facts.add(new Fact("factReason", texts.get("referral.details.reason"), r.reason()));
        }
        facts.add(new Fact("factUrgency", texts.get("referral.details.urgency"), words.urgency(r.urgency())));
        String referrer = c.users().getOrDefault(r.referrerId(), "");
        facts.add(new Fact("factReferredBy", texts.get("referral.details.referredBy"),
                r.createdAt() == null ? referrer : texts.get("referral.details.referredByOn", referrer,
                        words.date(day(r.createdAt())))));
        facts.add(new Fact("factConsent", texts.get("referral.details.consent"),
                texts.get(r.consentToShare() ? "referral.details.consent.yes" : "referral.details.consent.no")));
        String status = words.status(r.status());
        if (!r.statusReason().isBlank()) {
            status = texts.get("referral.details.statusWithReason", status, r.statusReason());
        }
        facts.add(new Fact("factStatus", texts.get("referral.details.status"), status));
        facts.add(new Fact("factFollowUp", texts.get("referral.details.followUp"), followUpFact(r, now)));
        Referral previous = r.previousId() == null ? null : c.familyReferrals().stream()
                .filter(x -> x.id().equals(r.previousId())).findFirst().orElse(null);
        Referral next = c.familyReferrals().stream().filter(x -> r.id().equals(x.previousId())).findFirst()
                .orElse(null);
        if (r.previousId() != null) {
            facts.add(new Fact("factPrevious", texts.get("referral.details.previous"), previous == null
                    ? texts.get("referral.details.linkedUnknown") : linked(previous)));
        }
        if (next != null) {
            facts.add(new Fact("factNext", texts.get("referral.details.next"), linked(next)));
        }
        if (r.screeningId() != null) {
            Screening s = c.screen();
            Instant at = s == null ? null : s.completedAt() != null ? s.completedAt() : s.startedAt();
            facts.add(new Fact("factScreen", texts.get("referral.details.screen"), s == null || at == null
                    ? texts.get("referral.details.fromScreen")
                    : texts.get("referral.details.fromScreenOn", screeningWords.instrument(s.instrument()),
                    words.date(day(at)))));
        }
        return new Details(r, f, now, openedTitle(r), words.followUp(r, now), followUpStyle, words.status(r.status()),
                contactLines(texts, format, f, r), protectiveOrder(f), facts,
                destinationFacts(r.destinationId() == null ? null : c.destinations().get(r.destinationId())),
                measures(referrals.measures(r)), history(r, c.users()), previous, next);
    }

    /** "Food — CalFresh": the title of an opened referral, a private one too (it was opened to be read). */
    private String openedTitle(Referral r) {
        String destination = r.destinationName().isBlank() ? r.reason() : r.destinationName();
        return destination.isBlank() ? words.need(r.need())
                : texts.get("referral.title", words.need(r.need()), destination);
    }

    private String linked(Referral x) {
        return texts.get("referral.details.linked", words.title(x), words.status(x.status()));
    }

    private String followUpFact(Referral r, LocalDate now) {
        if (!r.open()) {
            return r.closedAt() == null ? texts.get("referral.details.followUp.closed")
                    : texts.get("referral.details.followUp.closedOn", words.date(day(r.closedAt())));
        }
        if (r.overdue(now)) {
            return texts.get("referral.details.followUp.overdue", words.followUp(r, now), words.date(r.followUpDate()));
        }
        if (now.equals(r.followUpDate())) {
            return words.followUp(r, now);
        }
        return words.date(r.followUpDate());
    }

    private List<String> destinationFacts(Destination d) {
        List<String> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        add(out, "referral.details.destination.phone", d.phone());
        add(out, "referral.details.destination.text", d.text());
        add(out, "referral.details.destination.web", d.web());
        add(out, "referral.details.destination.hours", d.hours());
        add(out, "referral.details.destination.languages", d.languages());
        return out;
    }

    private void add(List<String> out, String key, String value) {
        if (!value.isBlank()) {
            out.add(texts.get(key, value));
        }
    }

    private List<Fact> measures(LoopMeasures m) {
        return List.of(
                new Fact("measureFirstUpdate", texts.get("referral.details.measure.firstUpdate"), days(m.daysToFirstUpdate())),
                new Fact("measureClosure", texts.get("referral.details.measure.closure"), days(m.daysToClosure())),
                new Fact("measureOutcome", texts.get("referral.details.measure.outcome"),
                        texts.get("referral.details.outcome." + m.outcome().name())));
    }

    private String days(Long n) {
        if (n == null) {
            return texts.get("referral.details.measure.notYet");
        }
        if (n == 0) {
            return texts.get("referral.details.measure.sameDay");
        }
        return n == 1 ? texts.get("referral.details.measure.oneDay") : texts.get("referral.details.measure.days", n);
    }

    private List<HistoryLine> history(Referral r, Map<UUID, String> users) {
        List<HistoryLine> out = new ArrayList<>();
        for (ReferralEvent e : r.events()) {
            String what = switch (e.kind()) {
                case CREATED -> texts.get("referral.details.history.created", words.status(e.status()));
                case STATUS -> e.previousStatus() == null ? words.status(e.status())
                        : texts.get("referral.details.history.status", words.status(e.previousStatus()),
                        words.status(e.status()));
                case FOLLOW_UP -> texts.get("referral.details.history.followUp",
                        e.contact() == null ? "" : words.contact(e.contact()));
            };
            List<String> lines = new ArrayList<>();
            add(lines, "referral.details.history.reason", e.reason());
            add(lines, "referral.details.history.note", e.note());
            if (e.followUpDate() != null) {
                lines.add(texts.get("referral.details.history.nextFollowUp", words.date(e.followUpDate())));
            }
            out.add(new HistoryLine(e.at() == null ? "" : times.format(e.at()), users.getOrDefault(e.by(), ""), what,
                    lines));
        }
        // Newest first: the last call is what the next caller needs.
        java.util.Collections.reverse(out);
        return out;
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * The caregivers to call about a referral (the one it is for, or each caregiver of a child) with their
     * safe-contact preferences in words; a restricted caregiver says "Restricted — do not contact" and no phone.
     */
    static List<ContactLine> contactLines(Texts texts, FamilyFormat format, Family f, Referral r) {
        List<ContactLine> out = new ArrayList<>();
        for (Member m : ReferralWorklistViewModel.toCall(f, r)) {
            if (m.restricted()) {
                out.add(new ContactLine(m.id(), format.caregiverLine(m), "", List.of(), true));
                continue;
            }
            out.add(new ContactLine(m.id(), format.caregiverLine(m),
                    m.phone().isBlank() ? texts.get("referral.details.contact.noPhone")
                            : texts.get("referral.details.contact.phone", m.phone()),
                    List.of(way(texts, "referral.details.contact.call", m.contact().okToCall()),
                            way(texts, "referral.details.contact.text", m.contact().okToText()),
                            way(texts, "referral.details.contact.message", m.contact().okToLeaveMessage())),
                    false));
        }
        return out;
    }

    private static Way way(Texts texts, String key, boolean yes) {
        return new Way(texts.get(key, texts.get(yes ? "referral.details.yes" : "referral.details.no")), yes);
    }

    /** The family's protective-order note for the call, or empty. */
    static String protectiveOrder(Family f) {
        return f.protectiveOrder() ? f.restrictionNote() : "";
    }

    // ---- the letter ----

    /**
     * Who the letter may be for: for a child's referral each caregiver who is not restricted, for a caregiver's own
     * referral that caregiver alone (a family copy in their language as well as the clinic copy), then the clinic
     * copy alone; for a private referral only the clinic copy.
     */
    public List<LetterChoice> letterChoices() {
        List<LetterChoice> out = new ArrayList<>();
        Referral r = current;
        if (r != null && family != null && !r.privateReferral()) {
            boolean forCaregiver = family.caregivers().stream().anyMatch(m -> m.id().equals(r.subjectId()));
            for (Member m : family.caregivers()) {
                if (!m.restricted() && (!forCaregiver || m.id().equals(r.subjectId()))) {
                    out.add(new LetterChoice(m.id(), texts.get("referral.details.letter.family",
                            format.displayName(m), format.language(m.preferredLanguage()))));
                }
            }
        }
        out.add(new LetterChoice(null, texts.get("referral.details.letter.clinicOnly")));
        return out;
    }

    /** Why some choices are missing: a private referral has no family copy; restricted caregivers are not offered. */
    public String letterNote() {
        if (current == null || family == null) {
            return "";
        }
        if (current.privateReferral()) {
            return texts.get("referral.details.letter.privateOnly");
        }
        List<String> restricted = family.caregivers().stream().filter(Member::restricted).map(format::displayName)
                .toList();
        return restricted.isEmpty() ? "" : texts.get("referral.details.letter.restricted", String.join(", ", restricted));
    }

    /** A file name without patient names: "referral-letter-2026-12-03.pdf". */
    public String letterFileName() {
        return "referral-letter-" + (today == null ? "" : today.toString()) + ".pdf";
    }

    /** Writes the letter in the background and says where it was saved. */
    public void letter(UUID recipientId, Path file) {
        Referral r = current;
        if (r == null) {
            return;
        }
        busy.set(true);
        message.set("");
        runner.write(() -> {
            referrals.letter(r.id(), recipientId, file);
            return file;
        }, saved -> {
            busy.set(false);
            message.set(texts.get("referral.details.letter.saved", saved.toString()));
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** The referral shown or chosen now (the list's version while a private one is hidden), or null. */
    public Referral current() {
        return current;
    }

    public Family family() {
        return family;
    }

    /** Today by the clinic's clock as of the last load (the list's while a private one is hidden). */
    public LocalDate today() {
        return today;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "Letter saved: …", or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReferralWords words() {
        return words;
    }

    public FamilyFormat format() {
        return format;
    }

    public ReferralService referrals() {
        return referrals;
    }
}
