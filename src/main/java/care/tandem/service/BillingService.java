package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.BillingHelp;
import care.tandem.domain.billing.BillingRules;
import care.tandem.domain.billing.BillingSuggestion;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.CodeTable;
import care.tandem.domain.billing.FqhcSetting;
import care.tandem.domain.billing.NoteFacts;
import care.tandem.domain.billing.SameDayRule;
import care.tandem.domain.billing.ScreenFacts;
import care.tandem.domain.billing.Superbill;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.billing.VisitFacts;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.BillingRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.ScreeningRepository;
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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Billing help: the clinic's code table (seeded with the codes of the design references, each with its mark and
 * source), code suggestions for a visit from its screens and note (domain {@link BillingRules}), the codes the
 * clinician accepts or removes, the FQHC same-day setting, and the data of the visit's superbill.
 */
public final class BillingService {
    static final String CODE = "billing_code";
    static final String ACCEPTED = "visit_billing_code";
    static final String FQHC_KEY = "billing.fqhc";
    static final String SAME_DAY_RULE_KEY = "billing.fqhc.same_day_rule";
    private static final String SEED = "/care/tandem/billing/codes.json";

    private final Database db;
    private final BillingRepository billing;
    private final ScreeningRepository screenings;
    private final FamilyRepository families;
    private final UserRepository users;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final ClinicService clinic;
    private volatile boolean seeded;

    public BillingService(Database db, BillingRepository billing, ScreeningRepository screenings,
                          FamilyRepository families, UserRepository users, InstallRepository install,
                          AuditRepository audit, Stamps stamps, Session session, ClinicService clinic) {
        this.db = db;
        this.billing = billing;
        this.screenings = screenings;
        this.families = families;
        this.users = users;
        this.install = install;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.clinic = clinic;
    }

    // ---- the code table ----

    /** The code table (seeded on first use), procedure codes first; with the codes out of use when asked. */
    public List<BillingCode> codes(boolean withInactive) {
        session.require();
        seed();
        return db.read(c -> billing.codes(c, withInactive));
    }

    /**
     * Administrators add a code (revision 0) or save an edited one; a code is taken out of use by saving it
     * inactive. A seeded code keeps its rule key, so the rules still suggest it after the clinic edits it.
     *
     * @throws ProblemException NOT_ALLOWED for other roles; BAD_ARGUMENT without a code or an English label;
     *                          RECORD_CHANGED_ELSEWHERE when it was saved meanwhile
     */
    public BillingCode saveCode(BillingCode code) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        if (code.code().isEmpty()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "code");
        }
        if (code.label().isEmpty()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "label");
        }
        seed();
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            Optional<BillingCode> existing = billing.code(c, code.id());
            if (existing.isEmpty()) {
                billing.insertCode(c, code, s);
                audit.append(c, s, AuditAction.CREATE, CODE, code.id(), "");
            } else if (billing.updateCode(c, code, s)) {
                audit.append(c, s, AuditAction.CHANGE, CODE, code.id(), "");
            } else {
                throw new ProblemException(Problem.RECORD_CHANGED_ELSEWHERE);
            }
            return billing.code(c, code.id()).orElseThrow();
        });
    }

    /** Writes the seeded codes that are not yet in the table (never again once the clinic edits them). */
    void seed() {
        if (seeded) {
            return;
        }
        List<BillingCode> seed = seedCodes();
        db.write(c -> {
            Set<String> present = billing.seedKeys(c);
            WriteStamp s = stamps.now();
            for (BillingCode code : seed) {
                if (!present.contains(code.key())) {
                    billing.insertCode(c, code, s);
                }
            }
            return null;
        });
        seeded = true;
    }

    /** The id a seeded code has on every laptop, so that syncing two laptops never doubles it. */
    static UUID seedId(String key) {
        return UUID.nameUUIDFromBytes(("tandem:billing-code:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The code table Tandem ships (care/tandem/billing/codes.json), as it is seeded into a new clinic. */
    public static List<BillingCode> seedCodes() {
        try (InputStream in = BillingService.class.getResourceAsStream(SEED)) {
            JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, SEED));
            List<BillingCode> out = new ArrayList<>();
            for (JsonNode n : root.path("codes")) {
                String key = n.path("key").asText();
                out.add(new BillingCode(seedId(key), key, CodeSystem.valueOf(n.path("system").asText()),
                        n.path("code").asText(), n.path("modifier").asText(), n.path("label").asText(),
                        n.path("labelEs").asText(), Verification.valueOf(n.path("mark").asText()),
                        n.path("source").asText(), n.path("confidential").asBoolean(false), true, 1));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(Problem.INSTALLATION_DAMAGED, e);
        }
    }

    // ---- the FQHC setting ----

    /** Whether the clinic is an FQHC, RHC or Tribal clinic and which same-day rule it follows (default: not one). */
    public FqhcSetting fqhc() {
        session.require();
        return db.read(this::fqhc);
    }

    private FqhcSetting fqhc(Connection c) throws SQLException {
        boolean fqhc = install.setting(c, FQHC_KEY).map(Boolean::parseBoolean).orElse(false);
        SameDayRule rule = install.setting(c, SAME_DAY_RULE_KEY).flatMap(BillingService::rule)
                .orElse(SameDayRule.UNDECIDED);
        return new FqhcSetting(fqhc, rule);
    }

    private static Optional<SameDayRule> rule(String name) {
        try {
            return Optional.of(SameDayRule.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Administrators set the FQHC setting. */
    public void saveFqhc(FqhcSetting setting) {
        UUID user = session.requireRole(Role.ADMINISTRATOR).id();
        db.write(c -> {
            WriteStamp s = stamps.now(user);
            install.putSetting(c, FQHC_KEY, Boolean.toString(setting.fqhc()), s);
            install.putSetting(c, SAME_DAY_RULE_KEY, setting.sameDayRule().name(), s);
            return null;
        });
    }

    // ---- suggestions and accepted codes ----

    /**
     * The suggested codes and notices for a visit, from its finished screens, the child's age at the visit, the codes
     * accepted on the child's other visits, the FQHC setting and what the caller read from the note. Suggestions
     * start unaccepted; {@link AcceptedCode#matches} tells which ones were accepted already.
     */
    public BillingHelp suggestions(UUID visitId, NoteFacts note) {
        Objects.requireNonNull(note, "note");
        session.require();
        seed();
        return db.read(c -> suggest(c, visitId, note));
    }

    private BillingHelp suggest(Connection c, UUID visitId, NoteFacts note) throws SQLException {
        Visit v = visit(c, visitId);
        Family f = families.find(c, v.familyId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        Member child = member(f, v.childId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        // The visit's finished screens in the order they were given (entered in error and not done never count).
        List<ScreenFacts> screens = screenings.forFamily(c, v.familyId()).stream()
                .filter(s -> visitId.equals(s.visitId()) && s.status() == ScreeningStatus.COMPLETED)
                .sorted(Comparator.comparing(Screening::startedAt))
                .map(s -> facts(s, member(f, s.subjectId()))).toList();
        VisitFacts facts = new VisitFacts(v.date(), child.birthDate(), screens, note,
                billing.billedBefore(c, v.childId(), visitId), fqhc(c));
        return BillingRules.suggest(facts, new CodeTable(billing.codes(c, false)));
    }

    /**
     * The demo's clinician accepting, when a demo note is signed, the suggested codes whose mark is confirmed (never a
     * "verify with your plan" one), stamped at the signing's past time. Call {@link #seed()} first.
     *
     * @return how many codes were accepted
     */
    int acceptForDemo(Connection c, Visit visit, NoteContent content, WriteStamp s) throws SQLException {
        int n = 0;
        for (BillingSuggestion suggestion : suggest(c, visit.id(), NoteFacts.of(visit, content)).suggestions()) {
            if (suggestion.code().verification() == Verification.CONFIRMED) {
                insert(c, visit.id(), suggestion.code(), suggestion, s);
                n++;
            }
        }
        return n;
    }

    private static ScreenFacts facts(Screening s, Optional<Member> subject) {
        Score score = s.score();
        // The child screened: no relation. A caregiver without one recorded (or no longer found) is not the mother.
        boolean child = subject.map(Member::isChild).orElse(false);
        Relationship relation = child ? null : subject.map(Member::relationship).orElse(Relationship.OTHER);
        if (score == null) {
            return new ScreenFacts(s.id(), s.instrument(), relation, Outcome.NOT_SCORED, Set.of(), Set.of(), null,
                    s.followsId());
        }
        Set<String> positive = new HashSet<>();
        Set<String> privateDomains = new HashSet<>();
        for (DomainScore d : score.domains().values()) {
            if (d.outcome() == Outcome.POSITIVE) {
                positive.add(d.id());
            }
            if (d.privateDomain()) {
                privateDomains.add(d.id());
            }
        }
        Integer aceCount = "pearls".equals(s.instrument()) ? score.total() : null;
        return new ScreenFacts(s.id(), s.instrument(), relation, score.outcome(), positive, privateDomains, aceCount,
                s.followsId());
    }

    /**
     * Accepts a suggested code for the visit: stored as the code table has it now, with the suggestion's reason and
     * confidentiality. Accepting the same code for the same screen again returns the one already accepted.
     *
     * @throws ProblemException NOT_FOUND for an unknown visit or code; BAD_ARGUMENT for a code out of use or a screen
     *                          of another visit
     */
    public AcceptedCode accept(UUID visitId, BillingSuggestion suggestion) {
        UUID user = session.require().id();
        return db.write(c -> {
            visit(c, visitId);
            BillingCode code = billing.code(c, suggestion.code().id())
                    .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            if (!code.active()) {
                throw new ProblemException(Problem.BAD_ARGUMENT, "code out of use");
            }
            if (suggestion.screeningId() != null && screenings.find(c, suggestion.screeningId())
                    .filter(s -> visitId.equals(s.visitId())).isEmpty()) {
                throw new ProblemException(Problem.BAD_ARGUMENT, "screen of another visit");
            }
            Optional<AcceptedCode> already = billing.accepted(c, visitId).stream()
                    .filter(a -> a.matches(suggestion)).findFirst();
            if (already.isPresent()) {
                return already.get();
            }
            return insert(c, visitId, code, suggestion, stamps.now(user));
        });
    }

    private AcceptedCode insert(Connection c, UUID visitId, BillingCode code, BillingSuggestion suggestion,
                                WriteStamp s) throws SQLException {
        AcceptedCode a = new AcceptedCode(UUID.randomUUID(), visitId, code.id(), code.system(), code.code(),
                code.modifier(), code.label(), code.labelEs(), code.verification(),
                suggestion.confidential() || code.confidential(), suggestion.screeningId(),
                suggestion.childScreen(), suggestion.why(), s.userId(), s.at());
        billing.insertAccepted(c, a, s);
        audit.append(c, s, AuditAction.BILLING_CODE_ACCEPTED, ACCEPTED, a.id(), code.id().toString());
        return a;
    }

    /**
     * Removes an accepted code from the visit (kept as a tombstone).
     *
     * @throws ProblemException NOT_FOUND when the visit has no such accepted code
     */
    public void remove(UUID visitId, UUID acceptedCodeId) {
        UUID user = session.require().id();
        db.write(c -> {
            WriteStamp s = stamps.now(user);
            if (!billing.removeAccepted(c, visitId, acceptedCodeId, s)) {
                throw new ProblemException(Problem.NOT_FOUND);
            }
            audit.append(c, s, AuditAction.BILLING_CODE_REMOVED, ACCEPTED, acceptedCodeId, "");
            return null;
        });
    }

    /** The codes accepted for a visit and not removed, in the order they were accepted. */
    public List<AcceptedCode> accepted(UUID visitId) {
        session.require();
        return db.read(c -> billing.accepted(c, visitId));
    }

    /**
     * The data of the visit's superbill: every accepted code, the confidential ones marked (the PDF leaves them off a
     * family copy unless the clinician includes them). The caller audits the print.
     */
    public Superbill superbill(UUID visitId) {
        session.require();
        String clinicName = clinic.info().clinicName();
        return db.read(c -> {
            Visit v = visit(c, visitId);
            Family f = families.find(c, v.familyId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Member child = member(f, v.childId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            String clinician = users.find(c, v.clinicianId()).map(u -> u.user().displayName()).orElse("");
            return new Superbill(clinicName, child.fullName(), child.birthDate(), child.mediCalId(), v.date(),
                    clinician, billing.accepted(c, visitId));
        });
    }

    // ---- helpers ----

    private Visit visit(Connection c, UUID visitId) throws SQLException {
        return screenings.visit(c, visitId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private static Optional<Member> member(Family f, UUID personId) {
        return f.members().stream().filter(m -> m.id().equals(personId)).findFirst();
    }
}
