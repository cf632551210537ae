package care.tandem.service;

import care.tandem.domain.demo.DemoFamilyGenerator;
import care.tandem.domain.demo.DemoScreenPlan;
import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteHash;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.Signature;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.screening.Visit;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.WriteStamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The notes of the demo visits, written as the note service would have written them at the time: drafted from the
 * template for the visit's kind with the visit's results and referrals written in, the clinician's text added, then
 * signed, co-signed, returned or given addenda at their own past times. The showcase families hold a note in every
 * state; of the other families with visits, about one in {@link #ROUTINE_ONE_IN} has a note for its latest visit. The
 * same seed gives the same notes, ids included.
 */
final class DemoNotes {
    /** Of the routine families with visits, about one in this many has a note (a few hundred in a large run). */
    static final int ROUTINE_ONE_IN = 3;

    /** Where a demo note ends up. */
    enum State { DRAFT, SIGNED, SIGNED_WITH_ADDENDUM, AWAITING_COSIGN, RETURNED, COSIGNED }

    /**
     * The showcase's latest visits, oldest first, begin with these states (the later steps need the older visits);
     * the newest two are drafts, and those between are signed.
     */
    private static final List<State> SHOWCASE = List.of(State.COSIGNED, State.RETURNED, State.SIGNED_WITH_ADDENDUM,
            State.AWAITING_COSIGN);
    private static final Map<String, List<String>> TEXT = Map.of(
            "child", List.of("Alert and interactive; babbles and reaches for the caregiver.",
                    "Active toddler; explores the room and checks back with the caregiver.",
                    "Fussy at the start, settled after a feed."),
            "caregiver", List.of("Reports feeling tired but coping; good support from family.",
                    "Reports stress about work and money; sleeping poorly.",
                    "Tearful when talking about sleep; open to support."),
            "relationship", List.of("Warm, responsive interaction; the caregiver reads the child's cues well.",
                    "Playful back-and-forth; the caregiver soothes the child quickly.",
                    "Some difficulty with limits; repair observed after a tantrum."),
            "assessment", List.of("Healthy development; caregiver stress in the expected range.",
                    "Sleep difficulties with caregiver fatigue; no safety concerns today.",
                    "Caregiver depressive symptoms affecting routines; strong bond observed."),
            "plan", List.of("Bedtime routine discussed; the caregiver will keep a sleep log.",
                    "Continue well-child care; follow up on the referral.",
                    "The caregiver will start counselling; review at the next visit."),
            "follow-up", List.of("Follow-up visit in two weeks.", "Phone check-in next week; visit in one month.",
                    "Next well-child visit as scheduled."),
            "check-in", List.of("Growing well; the caregiver asked about feeding.",
                    "Family doing well; the caregiver is sleeping more this month.",
                    "The caregiver is worried about tantrums at bedtime."));
    private static final List<String> ADDENDA = List.of(
            "Spoke with the caregiver by phone; the family has started the programme.",
            "Late entry: the caregiver called back; sleep is better with the new routine.",
            "The referral destination confirmed the first appointment.");
    private static final String RETURN_COMMENT = "Please add the plan for sleep and when the family is seen again.";
    private static final String ATTESTATION =
            "I reviewed this note with the associate and agree with the assessment and plan.";

    private final Random random;
    private final Instant latest;
    private final NoteService service;
    private final NoteRepository notes;
    private final ScreeningRepository screenings;
    private final BiFunction<UUID, Instant, WriteStamp> at;
    private final BillingService billing;
    private final UUID supervisor;
    private final UUID trainee;
    private final Map<UUID, String> names;

    /**
     * @param now   the demo run's time: every step is at least ten minutes before it
     * @param at    a stamp for a user at a past time
     * @param names the demo users' display names, for the signatures
     */
    DemoNotes(long seed, Instant now, NoteService service, NoteRepository notes, ScreeningRepository screenings,
              BillingService billing, BiFunction<UUID, Instant, WriteStamp> at, UUID supervisor, UUID trainee,
              Map<UUID, String> names) {
        this.billing = billing;
        this.random = new Random(seed);
        this.latest = now.minus(10, ChronoUnit.MINUTES);
        this.service = service;
        this.notes = notes;
        this.screenings = screenings;
        this.at = at;
        this.supervisor = supervisor;
        this.trainee = trainee;
        this.names = Map.copyOf(names);
    }

    /**
     * The showcase families' notes: their latest visits, oldest first, in every state; their earlier visits signed.
     *
     * @return the notes written
     */
    int showcase(Connection c, List<DemoScreenPlan.Planned> families) throws SQLException {
        List<DemoScreenPlan.DemoVisit> latestVisits = new ArrayList<>();
        List<DemoScreenPlan.DemoVisit> earlier = new ArrayList<>();
        for (DemoScreenPlan.Planned p : families) {
            List<DemoScreenPlan.DemoVisit> visits = p.visits().stream()
                    .sorted(Comparator.comparing(DemoScreenPlan.DemoVisit::at)).toList();
            if (!visits.isEmpty()) {
                latestVisits.add(visits.get(visits.size() - 1));
                earlier.addAll(visits.subList(0, visits.size() - 1));
            }
        }
        latestVisits.sort(Comparator.comparing(DemoScreenPlan.DemoVisit::at));
        int n = 0;
        for (int i = 0; i < latestVisits.size(); i++) {
            State state = i >= latestVisits.size() - 2 ? State.DRAFT : i < SHOWCASE.size() ? SHOWCASE.get(i)
                    : State.SIGNED;
            n += write(c, latestVisits.get(i), state);
        }
        for (DemoScreenPlan.DemoVisit v : earlier) {
            n += write(c, v, State.SIGNED);
        }
        return n;
    }

    /**
     * About one routine family in {@link #ROUTINE_ONE_IN} gets a note for its latest visit, most of them signed.
     *
     * @return the notes written
     */
    int routine(Connection c, List<DemoScreenPlan.Planned> families) throws SQLException {
        int n = 0;
        for (DemoScreenPlan.Planned p : families) {
            Optional<DemoScreenPlan.DemoVisit> v = p.visits().stream().max(Comparator.comparing(DemoScreenPlan.DemoVisit::at));
            if (v.isEmpty() || random.nextInt(ROUTINE_ONE_IN) != 0) {
                continue;
            }
            int r = random.nextInt(100);
            State state = r < 65 ? State.SIGNED : r < 75 ? State.SIGNED_WITH_ADDENDUM : r < 85 ? State.COSIGNED
                    : r < 90 ? State.AWAITING_COSIGN : State.DRAFT;
            n += write(c, v.get(), state);
        }
        return n;
    }

    /**
     * One note, taken as far towards {@code state} as the time since the visit allows.
     *
     * @return 1, or 0 when the visit is too recent for a note
     */
    private int write(Connection c, DemoScreenPlan.DemoVisit dv, State state) throws SQLException {
        boolean byTrainee = state == State.AWAITING_COSIGN || state == State.RETURNED || state == State.COSIGNED;
        UUID author = byTrainee ? trainee : dv.visit().clinicianId();
        Instant drafted = dv.at().plus(25 + random.nextInt(20), ChronoUnit.MINUTES);
        Instant signed = drafted.plus(30 + random.nextInt(180), ChronoUnit.MINUTES);
        Instant reviewed = signed.plus(1, ChronoUnit.DAYS).plus(random.nextInt(120), ChronoUnit.MINUTES);
        Instant addendum = signed.plus(2 + random.nextInt(4), ChronoUnit.DAYS);
        if (drafted.isAfter(latest)) {
            return 0;
        }
        Visit v = details(c, dv.visit(), author, drafted);
        NoteTemplate template = service.templateFor(c, v.kind());
        Note draft = new Note(uuid(), v.id(), v.familyId(), template.id(), NoteStatus.DRAFT,
                written(service.firstDraft(c, v, template), v.kind(), state == State.DRAFT), author, "", null, null,
                null, "", "", List.of(), List.of(), drafted, drafted, 1);
        WriteStamp s = at.apply(author, drafted);
        notes.insertNote(c, draft, s);
        event(c, draft.id(), NoteEvent.Kind.CREATED, NoteStatus.DRAFT, author, drafted, "", "");
        if (state == State.DRAFT || signed.isAfter(latest)) {
            return 1;
        }
        NoteStatus status = byTrainee ? NoteStatus.AWAITING_COSIGN : NoteStatus.SIGNED;
        String hash = NoteHash.of(draft.content());
        notes.sign(c, draft.id(), 1, status, hash, at.apply(author, signed));
        event(c, draft.id(), NoteEvent.Kind.SIGNED, status, author, signed, "", hash);
        billing.acceptForDemo(c, v, draft.content(), at.apply(author, signed));
        if (state == State.RETURNED && !reviewed.isAfter(latest)) {
            notes.returnToAuthor(c, draft.id(), RETURN_COMMENT, at.apply(supervisor, reviewed));
            event(c, draft.id(), NoteEvent.Kind.RETURNED, NoteStatus.RETURNED, supervisor, reviewed, RETURN_COMMENT,
                    "");
        } else if (state == State.COSIGNED && !reviewed.isAfter(latest)) {
            notes.cosign(c, draft.id(), ATTESTATION, at.apply(supervisor, reviewed));
            event(c, draft.id(), NoteEvent.Kind.COSIGNED, NoteStatus.COSIGNED, supervisor, reviewed, ATTESTATION, hash);
        } else if (state == State.SIGNED_WITH_ADDENDUM && !addendum.isAfter(latest)) {
            Addendum a = new Addendum(uuid(), draft.id(), ADDENDA.get(random.nextInt(ADDENDA.size())),
                    new Signature(author, names.getOrDefault(author, ""), addendum));
            notes.insertAddendum(c, a, at.apply(author, addendum));
            event(c, draft.id(), NoteEvent.Kind.ADDENDUM, NoteStatus.SIGNED, author, addendum, "", "");
        }
        return 1;
    }

    /** The visit's kind, minutes, place and child screens, recorded when its note was drafted. */
    private Visit details(Connection c, Visit v, UUID author, Instant when) throws SQLException {
        VisitKind[] kinds = VisitKind.values();
        VisitKind kind = kinds[random.nextInt(kinds.length)];
        VisitPlace place = kind == VisitKind.TELEHEALTH ? VisitPlace.VIDEO
                : random.nextInt(10) == 0 ? VisitPlace.HOME : VisitPlace.CLINIC;
        Integer minutes = 20 + 5 * random.nextInt(9);
        Set<ChildScreen> given = kind == VisitKind.WELL_CHILD_DYADIC && random.nextBoolean()
                ? EnumSet.of(ChildScreen.ASQ_3, ChildScreen.ASQ_SE_2) : Set.of();
        screenings.updateVisitDetails(c, v.id(), kind, minutes, place, given, at.apply(author, when));
        return new Visit(v.id(), v.familyId(), v.childId(), v.date(), v.clinicianId(), v.caregivers(), kind, minutes,
                place, given, v.revision() + 1);
    }

    /** The clinician's words in the sections Tandem does not fill (a draft is left half written), and concerns. */
    private NoteContent written(NoteContent content, VisitKind kind, boolean halfWritten) {
        NoteContent out = content;
        List<NoteSection> own = content.sections().stream()
                .filter(s -> s.fill() == SectionFill.NONE && TEXT.containsKey(s.key())).toList();
        int count = halfWritten ? own.size() / 2 : own.size();
        for (NoteSection s : own.subList(0, count)) {
            List<String> options = TEXT.get(s.key());
            out = out.withSectionText(s.key(), options.get(random.nextInt(options.size())));
        }
        PresentingConcern[] all = PresentingConcern.values();
        out = out.withConcerns(Set.of(all[random.nextInt(all.length)]), "");
        Intervention given = kind == VisitKind.WELL_CHILD_DYADIC ? Intervention.ANTICIPATORY_GUIDANCE
                : random.nextBoolean() ? Intervention.PSYCHOEDUCATION : Intervention.BRIEF_INTERVENTION;
        return service.ticked(out, given);
    }

    private void event(Connection c, UUID noteId, NoteEvent.Kind kind, NoteStatus status, UUID by, Instant when,
                       String comment, String hash) throws SQLException {
        notes.insertEvent(c, new NoteEvent(uuid(), noteId, kind, status, by, names.getOrDefault(by, ""), when, comment,
                hash), at.apply(by, when));
    }

    private UUID uuid() {
        return DemoFamilyGenerator.randomUuid(random);
    }
}
