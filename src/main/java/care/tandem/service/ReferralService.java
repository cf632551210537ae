package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.LoopMeasures;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ReferralTransitions;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.user.User;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Closed-loop referrals: the clinic's resource directory, referring from a positive screen or the family page, every
 * step after that as an append-only event (status changes by the transition table, follow-up contacts), the
 * worklist with overdue follow-ups, loop measures, and the referral letter.
 */
public final class ReferralService {
    static final String REFERRAL = "referral";
    static final String DESTINATION = "referral_destination";
    /** The seed key of the in-clinic behavioural-health clinician, the destination of warm hand-offs. */
    public static final String WARM_HANDOFF_KEY = "warm-handoff";
    /** How many referrals the worklist shows at most. */
    public static final int WORKLIST_LIMIT = 500;
    private static final String SEED = "/care/tandem/referral/destinations.json";

    private final Database db;
    private final ReferralRepository referrals;
    private final FamilyRepository families;
    private final UserRepository users;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final ClinicService clinic;
    private final ReferralLetters letters = new ReferralLetters();
    private volatile boolean seeded;

    public ReferralService(Database db, ReferralRepository referrals, FamilyRepository families, UserRepository users,
                           AuditRepository audit, Stamps stamps, Session session, ClinicService clinic) {
        this.db = db;
        this.referrals = referrals;
        this.families = families;
        this.users = users;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.clinic = clinic;
    }

    // ---- the resource directory ----

    /** The directory, by name (seeded with the statewide California destinations on first use). */
    public List<Destination> destinations(boolean withRemoved) {
        session.require();
        seed();
        return db.read(c -> referrals.destinations(c, withRemoved));
    }

    /** The active destinations that serve a need, for pre-selection when referring. */
    public List<Destination> suggest(Need need) {
        return destinations(false).stream().filter(d -> d.serves(need)).toList();
    }

    /**
     * Adds a destination (revision 0) or saves an edited one.
     *
     * @throws ProblemException BAD_ARGUMENT without a name; RECORD_CHANGED_ELSEWHERE when it was saved meanwhile
     */
    public Destination saveDestination(Destination d) {
        UUID user = session.require().id();
        if (d.name().isBlank()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "name");
        }
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            Optional<Destination> existing = referrals.destination(c, d.id());
            if (existing.isEmpty()) {
                referrals.insertDestination(c, d, s);
                audit.append(c, s, AuditAction.CREATE, DESTINATION, d.id(), "");
            } else if (referrals.updateDestination(c, d, s)) {
                audit.append(c, s, AuditAction.CHANGE, DESTINATION, d.id(), "");
            } else {
                throw new ProblemException(Problem.RECORD_CHANGED_ELSEWHERE);
            }
            return referrals.destination(c, d.id()).orElseThrow();
        });
    }

    /** Writes the seeded destinations that are not yet in the directory (never again once the clinic edits them). */
    void seed() {
        if (seeded) {
            return;
        }
        List<Destination> seed = readSeed();
        db.write(c -> {
            Set<String> present = referrals.seedKeys(c);
            WriteStamp s = stamps.now();
            for (Destination d : seed) {
                if (!present.contains(d.seedKey())) {
                    referrals.insertDestination(c, d, s);
                }
            }
            return null;
        });
        seeded = true;
    }

    /** The id a seeded destination has on every laptop, so that syncing two laptops never doubles it. */
    static UUID seedId(String key) {
        return UUID.nameUUIDFromBytes(("tandem:destination:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Destination> readSeed() {
        try (InputStream in = ReferralService.class.getResourceAsStream(SEED)) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, SEED));
            List<Destination> out = new ArrayList<>();
            for (JsonNode n : root.path("destinations")) {
                Set<Need> needs = EnumSet.noneOf(Need.class);
                n.path("needs").forEach(x -> needs.add(Need.valueOf(x.asText())));
                String key = n.path("key").asText();
                out.add(new Destination(seedId(key), n.path("name").asText(), needs, n.path("phone").asText(),
                        n.path("text").asText(), n.path("web").asText(), n.path("languages").asText(),
                        n.path("hours").asText(), n.path("notes").asText(), n.path("source").asText(),
                        n.path("private").asBoolean(false), key, true, 1));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(Problem.INSTALLATION_DAMAGED, e);
        }
    }

    // ---- referring ----

    /** Makes a referral, sent now or kept as a draft; the creation is the first event of its history. */
    public Referral create(NewReferral n) {
        UUID user = session.require().id();
        seed();
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            Referral r = insert(c, n, null, user, s);
            return referrals.find(c, r.id()).orElseThrow();
        });
    }

    /**
     * Records a referral the family declined when it was offered: made and closed at once as "family declined", so
     * declined offers count in the measures.
     */
    public Referral declineOffer(NewReferral n, String reason) {
        UUID user = session.require().id();
        requireReason(reason);
        seed();
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            Referral r = insert(c, n, null, user, s);
            step(c, r, ReferralEvent.Kind.STATUS, ReferralStatus.FAMILY_DECLINED, null, reason, "", null, user, s);
            return referrals.find(c, r.id()).orElseThrow();
        });
    }

    private Referral insert(Connection c, NewReferral n, UUID previousId, UUID user, WriteStamp s) throws SQLException {
        Family f = family(c, n.familyId());
        member(f, n.subjectId());
        Destination d = n.destinationId() == null ? null : referrals.destination(c, n.destinationId())
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (d == null && n.reason().isBlank()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "destination");
        }
        LocalDate today = today();
        LocalDate followUp = n.followUpDate() != null ? n.followUpDate() : today.plusDays(n.urgency().followUpDays());
        if (followUp.isBefore(today)) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "follow-up date");
        }
        ReferralStatus status = n.send() ? ReferralStatus.SENT : ReferralStatus.DRAFT;
        boolean privateReferral = n.need().isPrivate() || (d != null && d.privateUse());
        Referral r = new Referral(UUID.randomUUID(), n.familyId(), n.subjectId(), n.kind(), n.need(),
                d == null ? null : d.id(), d == null ? "" : d.name(), n.reason(), n.urgency(), user, followUp,
                n.consentToShare(), n.visitId(), n.screeningId(), n.alertId(), previousId, privateReferral, status, "",
                s.at(), null, null, List.of(), 1);
        referrals.insertReferral(c, r, s);
        referrals.insertEvent(c, new ReferralEvent(UUID.randomUUID(), r.id(), ReferralEvent.Kind.CREATED, status, null,
                null, "", "", followUp, user, s.at()), s);
        audit.append(c, s, AuditAction.CREATE, REFERRAL, r.id(), n.kind().name());
        return r;
    }

    /**
     * Moves a referral to another status by the transition table, with a reason where the status needs one.
     * An open referral gets its next follow-up date ({@code nextFollowUp}, or the urgency's default from today).
     *
     * @throws ProblemException REFERRAL_CLOSED when it already has a final outcome; REFERRAL_STEP_REFUSED for a
     *                          status that cannot follow; REASON_NEEDED without a needed reason; use
     *                          {@link #referElsewhere} for "referred elsewhere"
     */
    public Referral changeStatus(UUID referralId, ReferralStatus to, String reason, String note,
                                 LocalDate nextFollowUp) {
        if (to == ReferralStatus.REFERRED_ELSEWHERE) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "use referElsewhere");
        }
        UUID user = session.require().id();
        return db.write(c -> {
            Referral r = find(c, referralId);
            WriteStamp s = stamps.now(user);
            step(c, r, ReferralEvent.Kind.STATUS, to, null, reason, note, nextFollowUp, user, s);
            audit.append(c, s, to == ReferralStatus.ENTERED_IN_ERROR ? AuditAction.ENTERED_IN_ERROR
                    : AuditAction.CHANGE, REFERRAL, referralId, to.name());
            return referrals.find(c, referralId).orElseThrow();
        });
    }

    /**
     * Closes a referral as "referred elsewhere" and makes the new referral to the other destination, linked to it,
     * with the same person, need, urgency, consent, visit and screen.
     *
     * @return the new referral
     */
    public Referral referElsewhere(UUID referralId, String reason, UUID newDestinationId, boolean send) {
        UUID user = session.require().id();
        return db.write(c -> {
            Referral r = find(c, referralId);
            WriteStamp s = stamps.now(user);
            step(c, r, ReferralEvent.Kind.STATUS, ReferralStatus.REFERRED_ELSEWHERE, null, reason, "", null, user, s);
            Referral next = insert(c, new NewReferral(r.familyId(), r.subjectId(), r.kind(), r.need(), newDestinationId,
                    r.reason(), r.urgency(), null, r.consentToShare(), send, r.visitId(), r.screeningId(), r.alertId()),
                    r.id(), user, s);
            audit.append(c, s, AuditAction.CHANGE, REFERRAL, referralId, "referred elsewhere");
            return referrals.find(c, next.id()).orElseThrow();
        });
    }

    /**
     * A new attempt after a closed referral: a new referral linked to it (closed outcomes are final), to the same
     * or another destination.
     */
    public Referral tryAgain(UUID referralId, UUID destinationId, boolean send) {
        UUID user = session.require().id();
        return db.write(c -> {
            Referral r = find(c, referralId);
            if (r.open() || r.status() == ReferralStatus.ENTERED_IN_ERROR) {
                throw new ProblemException(Problem.BAD_ARGUMENT, r.status().name());
            }
            WriteStamp s = stamps.now(user);
            Referral next = insert(c, new NewReferral(r.familyId(), r.subjectId(), r.kind(), r.need(), destinationId,
                    r.reason(), r.urgency(), null, r.consentToShare(), send, r.visitId(), r.screeningId(), r.alertId()),
                    r.id(), user, s);
            return referrals.find(c, next.id()).orElseThrow();
        });
    }

    /**
     * Records a follow-up contact (a call, a text, a talk with the destination) without changing the status; the
     * referral gets its next follow-up date, so it is no longer overdue.
     */
    public Referral recordFollowUp(UUID referralId, ContactOutcome outcome, String note, LocalDate nextFollowUp) {
        Objects.requireNonNull(outcome, "outcome");
        UUID user = session.require().id();
        return db.write(c -> {
            Referral r = find(c, referralId);
            if (!r.open()) {
                throw new ProblemException(Problem.REFERRAL_CLOSED);
            }
            WriteStamp s = stamps.now(user);
            step(c, r, ReferralEvent.Kind.FOLLOW_UP, r.status(), outcome, "", note, nextFollowUp, user, s);
            audit.append(c, s, AuditAction.CHANGE, REFERRAL, referralId, "follow-up " + outcome.name());
            return referrals.find(c, referralId).orElseThrow();
        });
    }

    /** Checks and records one step of a referral's history. */
    private void step(Connection c, Referral r, ReferralEvent.Kind kind, ReferralStatus to, ContactOutcome contact,
                      String reason, String note, LocalDate nextFollowUp, UUID user, WriteStamp s)
            throws SQLException {
        if (kind == ReferralEvent.Kind.STATUS) {
            Optional<ReferralTransitions.Refusal> refusal = ReferralTransitions.check(r.status(), to, reason);
            if (refusal.isPresent()) {
                throw new ProblemException(switch (refusal.get()) {
                    case CLOSED -> Problem.REFERRAL_CLOSED;
                    case REASON_NEEDED -> Problem.REASON_NEEDED;
                    case SAME_STATUS, NOT_FROM_HERE -> Problem.REFERRAL_STEP_REFUSED;
                });
            }
        }
        LocalDate today = today();
        LocalDate next = null;
        if (!to.closed()) {
            next = nextFollowUp != null ? nextFollowUp : today.plusDays(r.urgency().followUpDays());
            if (next.isBefore(today)) {
                throw new ProblemException(Problem.BAD_ARGUMENT, "follow-up date");
            }
        }
        ReferralEvent e = new ReferralEvent(UUID.randomUUID(), r.id(), kind, to, r.status(), contact,
                reason == null ? "" : reason.strip(), note == null ? "" : note.strip(), next, user, s.at());
        referrals.applyEvent(c, r, e, s);
    }

    // ---- warm hand-off ----

    /**
     * The warm hand-off of this person in this visit: the one already made (linked to the alert if it was not), or
     * a new one to the clinic's behavioural-health clinician, followed up today. Alert actions and note
     * interventions both come here, so one hand-off is one record.
     */
    public Referral warmHandoff(UUID familyId, UUID subjectId, UUID visitId, UUID screeningId, UUID alertId) {
        UUID user = session.require().id();
        seed();
        return db.write(c -> warmHandoff(c, familyId, subjectId, visitId, screeningId, alertId, user));
    }

    Referral warmHandoff(Connection c, UUID familyId, UUID subjectId, UUID visitId, UUID screeningId, UUID alertId,
                         UUID user) throws SQLException {
        if (visitId != null) {
            List<Referral> made = referrals.warmHandoffs(c, visitId, subjectId);
            if (!made.isEmpty()) {
                return referrals.find(c, made.get(0).id()).orElseThrow();
            }
        }
        WriteStamp s = stamps.now(user);
        Referral r = insert(c, new NewReferral(familyId, subjectId, ReferralKind.WARM_HANDOFF, Need.MENTAL_HEALTH,
                seedId(WARM_HANDOFF_KEY), "", Urgency.SAME_DAY, null, true, true, visitId, screeningId, alertId),
                null, user, s);
        return referrals.find(c, r.id()).orElseThrow();
    }

    // ---- reading ----

    /** A referral with its history; audited as a view (a private one as a private view). */
    public Referral open(UUID referralId) {
        UUID user = session.require().id();
        return db.write(c -> {
            Referral r = find(c, referralId);
            audit.append(c, stamps.now(user), r.privateReferral() ? AuditAction.VIEW_PRIVATE : AuditAction.VIEW,
                    REFERRAL, referralId, "");
            return r;
        });
    }

    /** A family's referrals, newest first, without their histories. */
    public List<Referral> forFamily(UUID familyId) {
        session.require();
        return db.read(c -> referrals.forFamily(c, familyId));
    }

    /** The worklist: referrals by follow-up date, the earliest (most overdue) first, filtered; at most {@link #WORKLIST_LIMIT}. */
    public List<ReferralListItem> worklist(ReferralFilter filter) {
        session.require();
        LocalDate today = today();
        return db.read(c -> {
            Map<UUID, String> names = new HashMap<>();
            for (User u : users.all(c)) {
                names.put(u.id(), u.displayName());
            }
            Map<UUID, Optional<Family>> familyCache = new HashMap<>();
            List<ReferralListItem> out = new ArrayList<>();
            for (Referral r : referrals.worklist(c, filter.referrerId(), filter.need(), filter.statuses(),
                    filter.familyId(), filter.overdueOnly() ? today : null, WORKLIST_LIMIT)) {
                Optional<Family> f = familyCache.get(r.familyId());
                if (f == null) {
                    f = families.find(c, r.familyId());
                    familyCache.put(r.familyId(), f);
                }
                f.ifPresent(family -> out.add(new ReferralListItem(r, family, names.getOrDefault(r.referrerId(), ""),
                        r.overdueDays(today))));
            }
            return out;
        });
    }

    /** How many open referrals are past their follow-up date today (the main window shows it). */
    public int overdueCount() {
        session.require();
        return db.read(c -> referrals.overdueCount(c, today()));
    }

    /** Days to the first update and to closure, and the outcome, in the clinic's time zone. */
    public LoopMeasures measures(Referral r) {
        return LoopMeasures.of(r, stamps.clock().getZone());
    }

    /** Today by the clinic's clock (injected; never the wall clock in tests). */
    public LocalDate today() {
        return LocalDate.now(stamps.clock());
    }

    // ---- letters ----

    /**
     * Writes the referral letter as a PDF, atomically: the clinic copy, and on a separate page the family copy in
     * the recipient's language (English or Spanish) without confidential details. A private referral has no family
     * copy.
     *
     * @param recipientId the caregiver the family copy is for (for a caregiver's own referral, that caregiver; for a
     *                    child's, any caregiver not restricted), or null for the clinic copy alone
     * @throws ProblemException RECIPIENT_RESTRICTED for a caregiver who must not receive information;
     *                          RECIPIENT_NOT_SUBJECT for another caregiver's referral
     */
    public void letter(UUID referralId, UUID recipientId, Path file) {
        UUID user = session.require().id();
        String clinicName = clinic.info().clinicName();
        ReferralLetters.Input input = db.read(c -> {
            Referral r = find(c, referralId);
            Family f = family(c, r.familyId());
            Member recipient = null;
            if (recipientId != null && !r.privateReferral()) {
                recipient = member(f, recipientId);
                if (recipient.restricted() || recipient.isChild()) {
                    throw new ProblemException(Problem.RECIPIENT_RESTRICTED);
                }
                // A caregiver's own referral (depression, substance use) is theirs: its family copy is for them only.
                if (!member(f, r.subjectId()).isChild() && !recipient.id().equals(r.subjectId())) {
                    throw new ProblemException(Problem.RECIPIENT_NOT_SUBJECT);
                }
            }
            Destination d = r.destinationId() == null ? null : referrals.destination(c, r.destinationId()).orElse(null);
            String referrer = users.find(c, r.referrerId()).map(u -> u.user().displayName()).orElse("");
            return new ReferralLetters.Input(r, f, member(f, r.subjectId()), recipient, d, clinicName, referrer,
                    today());
        });
        letters.write(input, file);
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.PRINT, REFERRAL, referralId,
                    input.recipient() == null ? "clinic copy" : "clinic and family copy");
            return null;
        });
    }

    // ---- helpers ----

    private Referral find(Connection c, UUID id) throws SQLException {
        return referrals.find(c, id).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private Family family(Connection c, UUID familyId) throws SQLException {
        return families.find(c, familyId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private static Member member(Family f, UUID personId) {
        return f.members().stream().filter(m -> m.id().equals(personId)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(Problem.REASON_NEEDED);
        }
    }
}
