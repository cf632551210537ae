package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.family.DuplicateRule;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.FamilyMerge;
import care.tandem.domain.family.FamilyValidation;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.SearchTerms;
import care.tandem.domain.family.ValidationFailedException;
import care.tandem.domain.family.ValidationProblem;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.WriteStamp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The family registry: find, open, create, change and merge households; every step audited. */
public final class FamilyService {
    /** How many families a search shows at most; the list says when there are more to narrow down. */
    public static final int SEARCH_LIMIT = 50;
    static final String FAMILY = "family";

    private final Database db;
    private final FamilyRepository families;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;

    public FamilyService(Database db, FamilyRepository families, AuditRepository audit, Stamps stamps,
                         Session session) {
        this.db = db;
        this.families = families;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
    }

    /**
     * Families whose members match what was typed (any part of a name, accents and case ignored; a date of
     * birth; phone digits; Medi-Cal id); with nothing searchable typed, the most recently changed families.
     * Runs on the read connection, so it never waits behind a save.
     */
    public List<Family> search(String query) {
        session.require();
        List<List<String>> terms = SearchTerms.query(query == null ? "" : query);
        if (terms.isEmpty()) {
            return db.read(c -> families.recent(c, SEARCH_LIMIT));
        }
        return db.read(c -> families.search(c, terms, SEARCH_LIMIT));
    }

    /** Opens a family's record and audits the view. */
    public Family open(UUID id) {
        UUID user = session.require().id();
        Family f = db.read(c -> families.find(c, id)).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.VIEW, FAMILY, id, "");
            return null;
        });
        return f;
    }

    /** Problems to show before saving; errors block {@link #save}, warnings do not. */
    public List<ValidationProblem> check(Family family) {
        return FamilyValidation.validate(family, today());
    }

    /**
     * Existing families with a member who looks like one of this family's (same name and date of birth),
     * to flag before a new family is saved.
     */
    public List<Family> possibleDuplicates(Family family) {
        session.require();
        Map<UUID, Family> found = new LinkedHashMap<>();
        for (Member m : family.members()) {
            if (m.birthDate() == null) {
                continue;
            }
            for (Family other : db.read(c -> families.withMemberBornOn(c, m.birthDate(), family.id()))) {
                if (other.members().stream().anyMatch(o -> DuplicateRule.samePerson(o, m))) {
                    found.putIfAbsent(other.id(), other);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Creates or changes a family and returns it as stored.
     *
     * @throws ValidationFailedException when it has errors (names missing, a future date of birth, ...)
     * @throws ProblemException          RECORD_CHANGED_ELSEWHERE if someone saved it since it was opened
     */
    public Family save(Family family) {
        UUID user = session.require().id();
        List<ValidationProblem> problems = check(family);
        if (FamilyValidation.hasErrors(problems)) {
            throw new ValidationFailedException(problems.stream().filter(ValidationProblem::isError).toList());
        }
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            families.save(c, family, s);
            audit.append(c, s, family.isNew() ? AuditAction.CREATE : AuditAction.CHANGE, FAMILY, family.id(),
                    "members=" + family.members().size());
            return families.find(c, family.id()).orElseThrow();
        });
    }

    /**
     * Merges two records of one household into {@code keptId}; the other is tombstoned as merged into it.
     *
     * @throws ProblemException MERGE_SAME_FAMILY, NOT_FOUND
     */
    public Family merge(UUID keptId, UUID otherId) {
        UUID user = session.require().id();
        if (keptId.equals(otherId)) {
            throw new ProblemException(Problem.MERGE_SAME_FAMILY);
        }
        return db.write(c -> {
            Family kept = families.find(c, keptId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Family other = families.find(c, otherId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            FamilyMerge.Result merged = FamilyMerge.merge(kept, other);
            WriteStamp s = stamps.now(user);
            families.save(c, merged.family(), s);
            families.markMerged(c, otherId, keptId, merged.personMergedInto(), s);
            audit.append(c, s, AuditAction.MERGE, FAMILY, keptId, "merged=" + otherId);
            return families.find(c, keptId).orElseThrow();
        });
    }

    /** Number of live families in this data folder. */
    public long count() {
        return db.read(families::count);
    }

    public Optional<Family> find(UUID id) {
        return db.read(c -> families.find(c, id));
    }

    private LocalDate today() {
        return LocalDate.now(stamps.clock());
    }
}
