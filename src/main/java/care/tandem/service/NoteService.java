package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.MandatedReport;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteHash;
import care.tandem.domain.note.NoteLifecycle;
import care.tandem.domain.note.NoteLifecycle.Action;
import care.tandem.domain.note.NoteLifecycle.Actor;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.Signature;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.SqlWork;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Visit notes: the visit's kind, minutes, place and child screens; the note drafted from the template for the visit's
 * kind with this visit's results and referrals written in; saved as it is typed; interventions ticked into it (a warm
 * hand-off or referral linked as a referral record); a mandated report recorded; signed and locked (content hash
 * stored), co-signed by the supervisor of an associate or returned to them with a comment; addenda after signing.
 * Any attempt to change a signed note is refused and audited. The note is written in English (the clinic's record).
 */
public final class NoteService {
    static final String NOTE = "note";
    static final String TEMPLATE = "note_template";
    static final String VISIT = "visit";
    /** How many notes the Visits section lists at most. */
    public static final int RECENT_LIMIT = 100;
    private static final String SEED = "/care/tandem/note/templates.json";

    private final Database db;
    private final NoteRepository notes;
    private final ScreeningRepository screenings;
    private final ReferralRepository referralRecords;
    private final FamilyRepository families;
    private final UserRepository users;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final ReferralService referrals;
    private final Supplier<InstrumentLibrary> instruments;
    private final NoteSentences sentences = new NoteSentences();
    private volatile boolean seeded;

    public NoteService(Database db, NoteRepository notes, ScreeningRepository screenings,
                       ReferralRepository referralRecords, FamilyRepository families, UserRepository users,
                       AuditRepository audit, Stamps stamps, Session session, ReferralService referrals,
                       Supplier<InstrumentLibrary> instruments) {
        this.db = db;
        this.notes = notes;
        this.screenings = screenings;
        this.referralRecords = referralRecords;
        this.families = families;
        this.users = users;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.referrals = referrals;
        this.instruments = instruments;
    }

    // ---- templates ----

    /**
     * The note templates by name (seeded with the dyadic templates on first use): those in use, or with the retired
     * ones too for the administrator's editor.
     */
    public List<NoteTemplate> templates(boolean withRetired) {
        session.require();
        seed();
        return db.read(c -> notes.templates(c, withRetired));
    }

    /**
     * Saves an edited template (revision as read) or adds a new one (revision 0); administrators only. Notes already
     * drafted keep the sections they were laid out with.
     *
     * @throws ProblemException NOT_ALLOWED for anyone but an administrator; BAD_ARGUMENT for a template without a
     *                          name or sections; RECORD_CHANGED_ELSEWHERE when it was saved meanwhile
     */
    public NoteTemplate saveTemplate(NoteTemplate template) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        template.problem().ifPresent(p -> {
            throw new ProblemException(Problem.BAD_ARGUMENT, p);
        });
        seed();
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            if (notes.template(c, template.id()).isEmpty()) {
                notes.insertTemplate(c, template, s);
                audit.append(c, s, AuditAction.CREATE, TEMPLATE, template.id(), "");
            } else if (notes.updateTemplate(c, template, s)) {
                audit.append(c, s, AuditAction.CHANGE, TEMPLATE, template.id(), "");
            } else {
                throw new ProblemException(Problem.RECORD_CHANGED_ELSEWHERE);
            }
            return notes.template(c, template.id()).orElseThrow();
        });
    }

    /** Writes the seeded templates that are not yet there (never again once the clinic has them). */
    void seed() {
        if (seeded) {
            return;
        }
        List<NoteTemplate> seed = readSeed();
        db.write(c -> {
            Set<String> present = notes.templateSeedKeys(c);
            WriteStamp s = stamps.now();
            for (NoteTemplate t : seed) {
                if (!present.contains(t.seedKey())) {
                    notes.insertTemplate(c, t, s);
                }
            }
            return null;
        });
        seeded = true;
    }

    /** The id a seeded template has on every laptop, so that syncing two laptops never doubles it. */
    static UUID seedId(String key) {
        return UUID.nameUUIDFromBytes(("tandem:note-template:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static List<NoteTemplate> readSeed() {
        try (InputStream in = NoteService.class.getResourceAsStream(SEED)) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, SEED));
            List<NoteTemplate> out = new ArrayList<>();
            for (JsonNode n : root.path("templates")) {
                Set<VisitKind> kinds = EnumSet.noneOf(VisitKind.class);
                n.path("kinds").forEach(k -> kinds.add(VisitKind.valueOf(k.asText())));
                List<TemplateSection> sections = new ArrayList<>();
                for (JsonNode s : n.path("sections")) {
                    sections.add(new TemplateSection(s.path("key").asText(), s.path("heading").asText(),
                            s.path("prompt").asText(), SectionFill.valueOf(s.path("fill").asText())));
                }
                String key = n.path("key").asText();
                NoteTemplate t = new NoteTemplate(seedId(key), n.path("name").asText(), kinds, sections, key, true, 1);
                if (t.problem().isPresent()) {
                    throw new IllegalStateException("seeded template " + key + ": " + t.problem().get());
                }
                out.add(t);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(Problem.INSTALLATION_DAMAGED, e);
        }
    }

    // ---- the visit ----

    public Visit visit(UUID visitId) {
        session.require();
        return db.read(c -> visit(c, visitId));
    }

    /**
     * Records the visit's kind, minutes (null: not known yet), place and the child screens given.
     *
     * @throws ProblemException NOTE_LOCKED or NOTE_AWAITING_COSIGN once its note is signed (audited); NOT_ALLOWED
     *                          for an administrator or, once the note is drafted, anyone but its author
     */
    public Visit updateVisit(UUID visitId, VisitKind kind, Integer minutes, VisitPlace place,
                             Set<ChildScreen> childScreens) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        if (minutes != null && minutes < 0) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "minutes");
        }
        User user = session.require();
        if (user.role() == Role.ADMINISTRATOR) {
            throw new ProblemException(Problem.NOT_ALLOWED);
        }
        return guarded(VISIT, visitId, user, c -> {
            visit(c, visitId);
            Optional<Note> note = notes.forVisit(c, visitId);
            if (note.isPresent()) {
                require(c, note.get(), Action.EDIT, user, null);
            }
            WriteStamp s = stamps.now(user.id());
            screenings.updateVisitDetails(c, visitId, kind, minutes, place, childScreens, s);
            audit.append(c, s, AuditAction.CHANGE, VISIT, visitId, "kind, minutes, place, child screens");
            return visit(c, visitId);
        });
    }

    // ---- the note ----

    /**
     * The visit's note, audited as a view; made as a draft by the signed-in clinician on first use, from the template
     * for the visit's kind, with this visit's screening results and referrals written in as sentences (private ones
     * in the confidential part). A signed note's content hash is checked: {@link Note#intact()} false is audited.
     *
     * @throws ProblemException NOT_ALLOWED when an administrator would start one
     */
    public Note openForVisit(UUID visitId) {
        User user = session.require();
        seed();
        return db.write(c -> {
            Optional<Note> existing = notes.forVisit(c, visitId);
            if (existing.isPresent()) {
                return viewed(c, existing.get(), user);
            }
            if (user.role() == Role.ADMINISTRATOR) {
                throw new ProblemException(Problem.NOT_ALLOWED);
            }
            Visit v = visit(c, visitId);
            WriteStamp s = stamps.now(user.id());
            NoteTemplate template = templateFor(c, v.kind());
            Note draft = new Note(UUID.randomUUID(), v.id(), v.familyId(), template.id(), NoteStatus.DRAFT,
                    firstDraft(c, v, template), user.id(), user.displayName(), null, null, null, "", "", List.of(),
                    List.of(), s.at(), s.at(), 1);
            notes.insertNote(c, draft, s);
            notes.insertEvent(c, new NoteEvent(UUID.randomUUID(), draft.id(), NoteEvent.Kind.CREATED,
                    NoteStatus.DRAFT, user.id(), user.displayName(), s.at(), "", ""), s);
            audit.append(c, s, AuditAction.CREATE, NOTE, draft.id(), template.name());
            return find(c, draft.id());
        });
    }

    /** The template offered first for a kind of visit: the first in use made for it, else the first in use. */
    NoteTemplate templateFor(Connection c, VisitKind kind) throws SQLException {
        List<NoteTemplate> all = notes.templates(c, false);
        if (all.isEmpty()) {
            throw new ProblemException(Problem.NOT_FOUND);
        }
        return all.stream().filter(t -> t.kinds().contains(kind)).findFirst().orElse(all.get(0));
    }

    /**
     * The template's sections with this visit's results, referrals and their interventions written in (the demo data
     * drafts its notes here too).
     */
    NoteContent firstDraft(Connection c, Visit v, NoteTemplate template) throws SQLException {
        NoteContent content = NoteContent.from(template);
        Family f = family(c, v.familyId());
        InstrumentLibrary library = instruments.get();
        List<Screening> given = screenings.forFamily(c, v.familyId()).stream()
                .filter(x -> x.visitId().equals(v.id()))
                .sorted(Comparator.comparing(Screening::startedAt)).toList();
        for (Screening x : given) {
            Optional<Member> subject = member(f, x.subjectId());
            if (subject.isEmpty()) {
                continue;
            }
            NoteSentences.Result r = sentences.result(x, library.find(x.instrument()).orElse(null), subject.get());
            for (String line : r.open()) {
                content = content.withSentence(SectionFill.RESULTS, line, false);
            }
            for (String line : r.confidential()) {
                content = content.withSentence(SectionFill.RESULTS, line, true);
            }
        }
        List<Referral> made = referralRecords.forFamily(c, v.familyId()).stream()
                .filter(r -> v.id().equals(r.visitId()) && r.status() != ReferralStatus.ENTERED_IN_ERROR)
                .sorted(Comparator.comparing(Referral::createdAt)).toList();
        for (Referral r : made) {
            content = linked(content, r, f);
        }
        return content;
    }

    /**
     * The content with a referral linked: its sentence written in, and its intervention (warm hand-off, or referral)
     * ticked unless it was only offered and declined.
     */
    private NoteContent linked(NoteContent content, Referral r, Family f) {
        Member subject = member(f, r.subjectId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        NoteContent out = content.withReferral(r.id(), sentences.referral(r, subject), r.privateReferral());
        if (r.status() == ReferralStatus.FAMILY_DECLINED) {
            return out;
        }
        Intervention i = r.kind() == ReferralKind.WARM_HANDOFF ? Intervention.WARM_HANDOFF : Intervention.REFERRAL;
        return ticked(out, i);
    }

    /** The content with an intervention ticked and its sentence written in. */
    NoteContent ticked(NoteContent content, Intervention i) {
        return content.tick(i, sentences.intervention(i));
    }

    /** A note with its addenda and history, audited as a view; the content hash of a signed note is checked. */
    public Note open(UUID noteId) {
        User user = session.require();
        return db.write(c -> viewed(c, find(c, noteId), user));
    }

    private Note viewed(Connection c, Note n, User user) throws SQLException {
        WriteStamp s = stamps.now(user.id());
        audit.append(c, s, AuditAction.VIEW, NOTE, n.id(), "");
        if (!n.intact()) {
            audit.append(c, s, AuditAction.INTEGRITY_FAILED, NOTE, n.id(), "content hash does not match");
        }
        return n;
    }

    /**
     * Saves the draft as typed: the text of each of its sections (by key), the presenting concerns and the
     * confidential part. Interventions, linked referrals and the mandated report are kept as stored: use
     * {@link #tick}, {@link #untick}, {@link #linkReferral} and {@link #recordMandatedReport} for those.
     *
     * @param revision the revision the text was typed on
     * @return the new revision
     * @throws ProblemException NOTE_CHANGED_ELSEWHERE when the note was saved meanwhile (nothing is saved);
     *                          NOTE_LOCKED / NOTE_AWAITING_COSIGN once signed (audited); NOT_ALLOWED for anyone but
     *                          its author
     */
    public long saveDraft(UUID noteId, long revision, NoteContent content) {
        return edit(noteId, revision, "draft", n -> {
            NoteContent stored = n.content();
            List<NoteSection> sections = stored.sections().stream().map(s -> s.withText(
                    content.section(s.key()).map(NoteSection::text).orElse(s.text()))).toList();
            return new NoteContent(sections, content.concerns(), content.concernText(), stored.interventions(),
                    stored.referralIds(), stored.mandatedReport(), content.confidential());
        }).revision();
    }

    /**
     * Ticks an intervention and writes its sentence into the note. A warm hand-off is made (or the one already made
     * for this person in this visit is taken) in the same step and linked.
     *
     * @param subjectId for a warm hand-off, the person handed off (a caregiver present, or the child); else ignored
     * @throws ProblemException BAD_ARGUMENT for a warm hand-off without a person
     */
    public Note tick(UUID noteId, long revision, Intervention intervention, UUID subjectId) {
        Objects.requireNonNull(intervention, "intervention");
        if (intervention == Intervention.WARM_HANDOFF) {
            if (subjectId == null) {
                throw new ProblemException(Problem.BAD_ARGUMENT, "person");
            }
            referrals.seed();
        }
        UUID user = session.require().id();
        return edit(noteId, revision, "tick " + intervention.name(), (c, n) -> {
            if (intervention != Intervention.WARM_HANDOFF) {
                return ticked(n.content(), intervention);
            }
            Referral r = referrals.warmHandoff(c, n.familyId(), subjectId, n.visitId(), null, null, user);
            return linked(n.content(), r, family(c, n.familyId()));
        });
    }

    /** Unticks an intervention and takes its sentence out (unless edited); linked referrals stay linked. */
    public Note untick(UUID noteId, long revision, Intervention intervention) {
        Objects.requireNonNull(intervention, "intervention");
        return edit(noteId, revision, "untick " + intervention.name(),
                n -> n.content().untick(intervention, sentences.intervention(intervention)));
    }

    /**
     * Links a referral of this visit's family (made by {@link ReferralService#create}) to the note, with its sentence
     * (a private referral's in the confidential part), and ticks its intervention.
     *
     * @throws ProblemException NOT_FOUND for a referral of another family
     */
    public Note linkReferral(UUID noteId, long revision, UUID referralId) {
        return edit(noteId, revision, "referral " + referralId, (c, n) -> {
            Referral r = referralRecords.find(c, referralId)
                    .filter(x -> x.familyId().equals(n.familyId()))
                    .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            return linked(n.content(), r, family(c, n.familyId()));
        });
    }

    /**
     * Records the mandated report the clinician made (null clears an entry made by mistake while the note is a draft;
     * once signed, an addendum corrects it).
     */
    public Note recordMandatedReport(UUID noteId, long revision, MandatedReport report) {
        return edit(noteId, revision, "mandated report", n -> n.content().withMandatedReport(report));
    }

    /**
     * Signs the note as its author: locked, with its content hash. A licensed author's note is then final; an
     * associate's goes to their supervisor's co-sign queue.
     *
     * @throws ProblemException NOTE_NO_SUPERVISOR for an associate without a supervisor; NOTE_CHANGED_ELSEWHERE when
     *                          it was saved meanwhile (sign what you see)
     */
    public Note sign(UUID noteId, long revision) {
        User user = session.require();
        return guarded(NOTE, noteId, user, c -> {
            Note n = find(c, noteId);
            require(c, n, Action.SIGN, user, null);
            boolean cosign = user.role().needsSupervisor();
            if (cosign && user.supervisorId() == null) {
                throw new ProblemException(Problem.NOTE_NO_SUPERVISOR);
            }
            NoteStatus status = NoteLifecycle.after(n.status(), Action.SIGN, cosign);
            String hash = NoteHash.of(n.content());
            WriteStamp s = stamps.now(user.id());
            if (!notes.sign(c, noteId, revision, status, hash, s)) {
                throw new ProblemException(Problem.NOTE_CHANGED_ELSEWHERE);
            }
            notes.insertEvent(c, new NoteEvent(UUID.randomUUID(), noteId, NoteEvent.Kind.SIGNED, status, user.id(),
                    user.displayName(), s.at(), "", hash), s);
            audit.append(c, s, AuditAction.SIGN, NOTE, noteId, status.name());
            return find(c, noteId);
        });
    }

    /** Notes of the signed-in user's associates awaiting a co-signature, longest waiting first. */
    public List<NoteSummary> cosignQueue() {
        UUID user = session.require().id();
        return db.read(c -> notes.awaitingCosign(c, user));
    }

    /** Co-signs an associate's note as their supervisor, with what the supervisor attests. */
    public Note cosign(UUID noteId, String attestation) {
        User user = session.require();
        return guarded(NOTE, noteId, user, c -> {
            Note n = find(c, noteId);
            require(c, n, Action.COSIGN, user, attestation);
            WriteStamp s = stamps.now(user.id());
            notes.cosign(c, noteId, attestation.strip(), s);
            notes.insertEvent(c, new NoteEvent(UUID.randomUUID(), noteId, NoteEvent.Kind.COSIGNED,
                    NoteStatus.COSIGNED, user.id(), user.displayName(), s.at(), attestation.strip(),
                    n.contentHash()), s);
            audit.append(c, s, AuditAction.COSIGN, NOTE, noteId, "");
            return find(c, noteId);
        });
    }

    /** Returns an associate's note to them with a comment: they edit it and sign again. */
    public Note returnToAuthor(UUID noteId, String comment) {
        User user = session.require();
        return guarded(NOTE, noteId, user, c -> {
            Note n = find(c, noteId);
            require(c, n, Action.RETURN, user, comment);
            WriteStamp s = stamps.now(user.id());
            notes.returnToAuthor(c, noteId, comment.strip(), s);
            notes.insertEvent(c, new NoteEvent(UUID.randomUUID(), noteId, NoteEvent.Kind.RETURNED,
                    NoteStatus.RETURNED, user.id(), user.displayName(), s.at(), comment.strip(), ""), s);
            audit.append(c, s, AuditAction.RETURN_TO_AUTHOR, NOTE, noteId, "");
            return find(c, noteId);
        });
    }

    /** Adds an addendum to a signed note, signed at once by the signed-in clinician. */
    public Note addAddendum(UUID noteId, String text) {
        User user = session.require();
        return guarded(NOTE, noteId, user, c -> {
            Note n = find(c, noteId);
            require(c, n, Action.ADD_ADDENDUM, user, text);
            WriteStamp s = stamps.now(user.id());
            Addendum a = new Addendum(UUID.randomUUID(), noteId, text.strip(),
                    new Signature(user.id(), user.displayName(), s.at()));
            notes.insertAddendum(c, a, s);
            notes.insertEvent(c, new NoteEvent(UUID.randomUUID(), noteId, NoteEvent.Kind.ADDENDUM, n.status(),
                    user.id(), user.displayName(), s.at(), "", ""), s);
            audit.append(c, s, AuditAction.ADDENDUM, NOTE, noteId, a.id().toString());
            return find(c, noteId);
        });
    }

    // ---- lists ----

    /** A family's notes, newest visit first, with their status. */
    public List<NoteSummary> forFamily(UUID familyId) {
        session.require();
        return db.read(c -> notes.forFamily(c, familyId));
    }

    /** The most recently changed notes of every family, for the Visits section; at most {@link #RECENT_LIMIT}. */
    public List<NoteSummary> recent() {
        session.require();
        return db.read(c -> notes.recent(c, RECENT_LIMIT));
    }

    /** The signed-in user's unsigned notes (drafts and returned ones), oldest visit first. */
    public List<NoteSummary> myDrafts() {
        UUID user = session.require().id();
        return db.read(c -> notes.unsigned(c, user));
    }

    // ---- helpers ----

    /** A change to a note's content: given the note as stored, the new content. */
    private interface ContentChange {
        NoteContent apply(Connection c, Note current) throws SQLException;
    }

    private interface SimpleChange {
        NoteContent apply(Note current);
    }

    private Note edit(UUID noteId, long revision, String detail, SimpleChange change) {
        return edit(noteId, revision, detail, (c, n) -> change.apply(n));
    }

    /** Checks that the signed-in user may edit the note, applies the change and saves it at {@code revision}. */
    private Note edit(UUID noteId, long revision, String detail, ContentChange change) {
        User user = session.require();
        return guarded(NOTE, noteId, user, c -> {
            Note n = find(c, noteId);
            require(c, n, Action.EDIT, user, null);
            if (n.revision() != revision) {
                throw new ProblemException(Problem.NOTE_CHANGED_ELSEWHERE);
            }
            WriteStamp s = stamps.now(user.id());
            if (!notes.updateContent(c, noteId, revision, change.apply(c, n), s)) {
                throw new ProblemException(Problem.NOTE_CHANGED_ELSEWHERE);
            }
            audit.append(c, s, AuditAction.CHANGE, NOTE, noteId, detail);
            return find(c, noteId);
        });
    }

    /**
     * Runs one write; an attempt to change a signed note is refused (the work throws, the transaction rolls back) and
     * then audited in a transaction of its own, so the refusal is on record although nothing else was written.
     */
    private <T> T guarded(String entity, UUID id, User user, SqlWork<T> work) {
        try {
            return db.write(work);
        } catch (ProblemException e) {
            if (e.problem() == Problem.NOTE_LOCKED || e.problem() == Problem.NOTE_AWAITING_COSIGN) {
                db.write(c -> {
                    audit.append(c, stamps.now(user.id()), AuditAction.CHANGE_REFUSED, entity, id,
                            e.problem().name());
                    return null;
                });
            }
            throw e;
        }
    }

    /** Refuses a step the lifecycle does not allow this user, with the problem people are shown. */
    private void require(Connection c, Note n, Action action, User user, String text) throws SQLException {
        Optional<NoteLifecycle.Refusal> refusal = NoteLifecycle.check(n.status(), action, actor(c, n, user), text);
        if (refusal.isPresent()) {
            throw new ProblemException(switch (refusal.get()) {
                case LOCKED -> Problem.NOTE_LOCKED;
                case AWAITING_COSIGN -> Problem.NOTE_AWAITING_COSIGN;
                case NOT_SIGNED, NOT_AWAITING_COSIGN -> Problem.NOTE_STEP_REFUSED;
                case NOT_AUTHOR, NOT_SUPERVISOR, NOT_CLINICIAN -> Problem.NOT_ALLOWED;
                case TEXT_NEEDED -> Problem.NOTE_TEXT_NEEDED;
            });
        }
    }

    private Actor actor(Connection c, Note n, User user) throws SQLException {
        if (user.role() == Role.ADMINISTRATOR) {
            return Actor.ADMINISTRATOR;
        }
        if (user.id().equals(n.authorId())) {
            return Actor.AUTHOR;
        }
        UUID supervisor = users.find(c, n.authorId()).map(u -> u.user().supervisorId()).orElse(null);
        return user.id().equals(supervisor) ? Actor.SUPERVISOR : Actor.OTHER_CLINICIAN;
    }

    private Note find(Connection c, UUID noteId) throws SQLException {
        return notes.find(c, noteId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private Visit visit(Connection c, UUID visitId) throws SQLException {
        return screenings.visit(c, visitId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private Family family(Connection c, UUID familyId) throws SQLException {
        return families.find(c, familyId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private static Optional<Member> member(Family f, UUID personId) {
        return f.members().stream().filter(m -> m.id().equals(personId)).findFirst();
    }
}
