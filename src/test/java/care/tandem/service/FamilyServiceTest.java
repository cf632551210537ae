package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.ValidationFailedException;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static care.tandem.testing.TestApp.caregiver;
import static care.tandem.testing.TestApp.child;
import static care.tandem.testing.TestApp.family;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyServiceTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private AppContext app;
    private FamilyService families;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, clock);
        families = app.families();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Family garciaLopez() {
        return family(child("Sofía", "García López", LocalDate.of(2025, 3, 5)),
                caregiver("María José", "López", Relationship.MOTHER, "(213) 555-0142"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria", "MARÍA", "mar", "lopez", "garcia", "García López", "sofia garcia",
            "03/05/2025", "2025-03-05", "3/5/2025", "(213) 555-0142", "0142", "2135550142", "maria 03/05/2025"})
    void aSavedFamilyIsFoundByAnyMembersNameDateOfBirthOrPhone(String query) {
        Family saved = families.save(garciaLopez());
        families.save(family(child("Liam", "Smith", LocalDate.of(2024, 1, 2)),
                caregiver("Emma", "Smith", Relationship.MOTHER, "(415) 555-0100")));
        List<Family> found = families.search(query);
        assertEquals(List.of(saved.id()), found.stream().map(Family::id).toList(), query);
    }

    @Test
    void aFamilyIsFoundByAChildsMediCalId() {
        Member kid = child("Ana", "Ruiz", LocalDate.of(2025, 1, 1));
        kid = new Member(kid.id(), kid.kind(), kid.givenName(), kid.familyName(), kid.birthDate(), kid.sex(), "es",
                false, null, "", kid.contact(), false, false, "91234567A", "");
        Family saved = families.save(family(kid, caregiver("Rosa", "Ruiz", Relationship.GRANDPARENT, "")));
        assertEquals(List.of(saved.id()), families.search("91234567a").stream().map(Family::id).toList());
    }

    @Test
    void nothingMatchesANameNobodyHas() {
        families.save(garciaLopez());
        assertTrue(families.search("zyxw").isEmpty());
    }

    @Test
    void anEmptySearchShowsTheMostRecentlyChangedFamiliesFirst() {
        Family first = families.save(garciaLopez());
        clock.advance(Duration.ofMinutes(1));
        Family second = families.save(family(child("Liam", "Smith", null),
                caregiver("Emma", "Smith", Relationship.MOTHER, "")));
        assertEquals(List.of(second.id(), first.id()), families.search("").stream().map(Family::id).toList());
    }

    @Test
    void savingStampsWhoAndWhenAndAnEditBumpsTheRevision() {
        Family saved = families.save(garciaLopez());
        assertEquals(1, saved.stamp().revision());
        assertEquals(app.session().require().id(), saved.stamp().createdBy());
        clock.advance(Duration.ofHours(1));
        Family edited = families.save(new Family(saved.id(), saved.members(), true, "Father", saved.notes(), false,
                saved.stamp()));
        assertEquals(2, edited.stamp().revision());
        assertTrue(edited.protectiveOrder());
        assertEquals(saved.stamp().createdAt(), edited.stamp().createdAt());
        assertEquals(clock.instant(), edited.stamp().updatedAt());
    }

    @Test
    void anEditFromAStaleCopyIsRefusedAndTheStoredFamilyIsKept() {
        Family saved = families.save(garciaLopez());
        families.save(new Family(saved.id(), saved.members(), false, "", "first edit", false, saved.stamp()));
        ProblemException e = assertThrows(ProblemException.class, () -> families.save(
                new Family(saved.id(), saved.members(), false, "", "stale edit", false, saved.stamp())));
        assertEquals(Problem.RECORD_CHANGED_ELSEWHERE, e.problem());
        assertEquals("first edit", families.find(saved.id()).orElseThrow().notes());
    }

    @Test
    void aFamilyWithErrorsIsNotSavedAndEachErrorIsReported() {
        Family nameless = family(child("", "", LocalDate.of(2099, 1, 1)),
                caregiver("Ana", "Ruiz", Relationship.MOTHER, "12"));
        ValidationFailedException e = assertThrows(ValidationFailedException.class, () -> families.save(nameless));
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertEquals(0, families.count());
    }

    @Test
    void aRemovedMemberIsTombstonedNotDeleted() throws SQLException {
        Family saved = families.save(family(child("Ana", "Ruiz", null), child("Leo", "Ruiz", null),
                caregiver("Rosa", "Ruiz", Relationship.MOTHER, "")));
        Member leo = saved.children().get(1);
        List<Member> fewer = new ArrayList<>(saved.members());
        fewer.remove(leo);
        Family after = families.save(saved.withMembers(fewer));
        assertEquals(2, after.members().size());
        assertEquals("1", sql("SELECT deleted_at IS NOT NULL FROM person WHERE id = '" + leo.id() + "'"));
        assertTrue(families.search("leo").isEmpty());
    }

    @Test
    void aFamilyLikeAnExistingOneIsFlaggedBeforeSaving() {
        Family saved = families.save(garciaLopez());
        Family again = family(child("Sofia", "Garcia Lopez", LocalDate.of(2025, 3, 5)),
                caregiver("Ana", "Other", Relationship.MOTHER, ""));
        assertEquals(List.of(saved.id()), families.possibleDuplicates(again).stream().map(Family::id).toList());
        Family different = family(child("Sofia", "Garcia Lopez", LocalDate.of(2025, 3, 6)),
                caregiver("Ana", "Other", Relationship.MOTHER, ""));
        assertTrue(families.possibleDuplicates(different).isEmpty());
    }

    @Test
    void twoRecordsOfOneFamilyMergeIntoOneAndTheOtherIsTombstoned() throws SQLException {
        Family kept = families.save(garciaLopez());
        Family other = families.save(family(child("Sofia", "Garcia Lopez", LocalDate.of(2025, 3, 5)),
                caregiver("Juan", "García", Relationship.FATHER, "(213) 555-0199")));
        Family merged = families.merge(kept.id(), other.id());
        assertEquals(1, merged.children().size(), "the same child is folded into one");
        assertEquals(2, merged.caregivers().size(), "the father moves to the kept family");
        assertTrue(families.find(other.id()).isEmpty());
        assertEquals(kept.id().toString(), sql("SELECT merged_into FROM family WHERE id = '" + other.id() + "'"));
        assertEquals(List.of(kept.id()), families.search("juan").stream().map(Family::id).toList());
        assertEquals(1, families.count());
    }

    @Test
    void aFamilyCannotBeMergedWithItself() {
        Family kept = families.save(garciaLopez());
        ProblemException e = assertThrows(ProblemException.class, () -> families.merge(kept.id(), kept.id()));
        assertEquals(Problem.MERGE_SAME_FAMILY, e.problem());
    }

    @Test
    void createsChangesAndViewsAreAuditedWithUserAndTime() throws SQLException {
        Family saved = families.save(garciaLopez());
        families.open(saved.id());
        families.save(new Family(saved.id(), saved.members(), false, "", "edited", false, saved.stamp()));
        assertEquals("CREATE,VIEW,CHANGE", sql("SELECT group_concat(action) FROM (SELECT action FROM audit_event "
                + "WHERE entity_id = '" + saved.id() + "' ORDER BY seq)"));
        assertEquals("1", sql("SELECT count(DISTINCT user_id) FROM audit_event WHERE entity_id = '" + saved.id() + "'"));
    }

    @Test
    void theAuditLogAndTheChangeLogRefuseChanges() {
        families.save(garciaLopez());
        SQLException update = assertThrows(SQLException.class, () -> sql("UPDATE audit_event SET action = 'X'"));
        assertTrue(update.getMessage().contains("append-only"));
        assertThrows(SQLException.class, () -> sql("DELETE FROM change_log"));
    }

    @Test
    void searchingNeedsASignedInUser() {
        app.accounts().signOut();
        ProblemException e = assertThrows(ProblemException.class, () -> families.search("maria"));
        assertEquals(Problem.NOT_SIGNED_IN, e.problem());
    }

    /** Runs SQL on a second connection, as another process would see the file. */
    private String sql(String query) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             Statement s = c.createStatement()) {
            if (!query.startsWith("SELECT")) {
                s.executeUpdate(query);
                return null;
            }
            try (ResultSet rs = s.executeQuery(query)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
