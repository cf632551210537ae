package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoServiceTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");

    @Test
    void aDemoRunAddsSyntheticFamiliesAndTheDemoUsersOnce(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            DemoService.Result first = app.demo().addFamilies(120, 1L, n -> { }, () -> false);
            assertEquals(120, first.total());
            assertTrue(first.usersCreated());
            DemoService.Result second = app.demo().addFamilies(30, 1L, n -> { }, () -> false);
            assertEquals(150, second.total());
            assertFalse(second.usersCreated());
            assertTrue(app.clinic().info().demo());
            for (DemoService.DemoUser u : DemoService.USERS) {
                assertInstanceOf(SignInResult.Success.class, app.accounts().signIn(u.username(), u.password().toCharArray()));
            }
            List<Family> some = app.families().search("");
            assertTrue(some.stream().allMatch(Family::synthetic));
            assertTrue(some.stream().allMatch(f -> f.notes().startsWith("SYNTHETIC")));
        }
    }

    @Test
    void theSameSeedOnAFreshFolderGivesTheSameFamilies(@TempDir Path a, @TempDir Path b) {
        assertEquals(familyIds(a, 7L), familyIds(b, 7L));
    }

    @Test
    void aSecondRunOnOneFolderAddsDifferentFamilies(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            app.demo().addFamilies(50, 3L, n -> { }, () -> false);
            app.demo().addFamilies(50, 3L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            Set<UUID> ids = new HashSet<>();
            app.families().search("").forEach(f -> ids.add(f.id()));
            assertEquals(100, app.families().count());
            assertEquals(50, ids.size(), "the recent list shows 50 distinct families");
        }
    }

    @Test
    void aFolderWithRealRecordsIsRefusedAndLeftAsItWas(@TempDir Path dir) {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            app.families().save(TestApp.family(TestApp.child("Ana", "Ruiz", LocalDate.of(2025, 1, 1)),
                    TestApp.caregiver("Rosa", "Ruiz", Relationship.MOTHER, "")));
            ProblemException e = assertThrows(ProblemException.class,
                    () -> app.demo().addFamilies(10, 1L, n -> { }, () -> false));
            assertEquals(Problem.DEMO_REFUSED_REAL_DATA, e.problem());
            assertEquals(1, app.families().count());
            assertFalse(app.clinic().info().demo());
        }
    }

    @Test
    void aCancelledRunKeepsTheChunksItFinished(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            int[] calls = {0};
            DemoService.Result r = app.demo().addFamilies(12_000, 1L, n -> { }, () -> calls[0]++ >= 1);
            assertEquals(5_000, r.added());
            assertEquals(5_000, r.total());
        }
    }

    private List<UUID> familyIds(Path dir, long seed) {
        try (AppContext app = TestApp.open(dir, clock)) {
            app.demo().addFamilies(20, seed, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            return app.families().search("").stream().map(Family::id).sorted().toList();
        }
    }
}
