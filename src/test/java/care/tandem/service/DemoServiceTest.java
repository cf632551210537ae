package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteHash;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.LoopMeasures;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.DueScreen;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    @Test
    void aDemoFolderHasScreeningHistoriesWithEveryCaseADemonstrationNeeds(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            DemoService.Result r = app.demo().addFamilies(40, 5L, n -> { }, () -> false);
            assertTrue(r.screens() > 30, "screens written: " + r.screens());
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            UUID clinician = app.session().require().id();
            List<Family> all = app.families().search("");
            assertEquals(40, all.size());
            List<Screening> screens = new ArrayList<>();
            List<DueScreen> depressionDue = new ArrayList<>();
            for (Family f : all) {
                screens.addAll(app.screening().forFamily(f.id()));
                app.screening().due(f.id()).stream()
                        .filter(d -> d.reason() == DueScreen.Reason.DEPRESSION_WELL_VISIT).forEach(depressionDue::add);
            }
            LocalDate today = LocalDate.of(2026, 11, 23);
            assertTrue(screens.stream().map(Screening::visitId).distinct().count() >= 20);
            assertTrue(screens.stream().allMatch(x -> x.clinicianId().equals(clinician)), "the demo clinician saw them");
            assertTrue(screens.stream().anyMatch(x -> x.startedAt()
                    .isBefore(today.minusMonths(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())), "visits over months");
            assertTrue(screens.stream().allMatch(x -> x.startedAt().isBefore(clock.instant().plusSeconds(1))));

            assertTrue(count(screens, "phq2", ScreeningStatus.COMPLETED, Outcome.POSITIVE) >= 1);
            Screening followed = screens.stream().filter(x -> x.followsId() != null && x.instrument().equals("phq9"))
                    .findFirst().orElseThrow();
            Screening phq2 = app.screening().open(followed.followsId());
            assertEquals("phq2", phq2.instrument());
            assertTrue(app.screening().open(followed.id()).answers().containsAll(phq2.answers()),
                    "the PHQ-9 keeps the PHQ-2's two answers");
            for (String instrument : List.of("phq9", "gad7", "hvs", "ahc-hrsn", "epds", "pearls")) {
                assertTrue(count(screens, instrument, ScreeningStatus.COMPLETED, Outcome.POSITIVE) >= 1, instrument);
            }
            assertTrue(screens.stream().anyMatch(x -> x.instrument().equals("phq9") && x.language().equals("es")
                    && x.status() == ScreeningStatus.COMPLETED), "a Spanish PHQ-9");
            Screening trended = screens.stream().filter(x -> x.instrument().equals("phq9")).filter(x ->
                    app.screening().history(x.subjectId(), "phq9").size() >= 4).findFirst().orElseThrow();
            List<Integer> totals = app.screening().history(trended.subjectId(), "phq9").stream()
                    .map(x -> x.score().total()).toList();
            assertEquals(List.of(17, 14, 9, 6), totals, "a PHQ-9 trend over four visits");

            var open = app.screening().openAlerts(null);
            assertTrue(open.stream().anyMatch(a -> a.kind() == AlertKind.CRITICAL), "an open item-9 alert");
            assertTrue(open.stream().anyMatch(a -> a.kind() == AlertKind.ASK_DIRECTLY), "an ask-directly alert");
            assertTrue(open.size() <= 4, "only a few alerts left open: " + open.size());
            assertTrue(screens.stream().filter(x -> x.score() != null && !x.score().critical().isEmpty())
                    .count() > open.stream().filter(a -> a.kind() == AlertKind.CRITICAL).count(),
                    "most critical answers were acted on");

            assertTrue(screens.stream().anyMatch(x -> x.status() == ScreeningStatus.IN_PROGRESS
                    && x.instrument().equals("phq9")), "a PHQ-9 to resume");
            assertTrue(screens.stream().anyMatch(x -> x.status() == ScreeningStatus.IN_PROGRESS && x.safetyDeferred()),
                    "an AHC HRSN waiting for the caregiver to be alone");
            Screening notDone = screens.stream().filter(x -> x.status() == ScreeningStatus.NOT_DONE).findFirst()
                    .orElseThrow();
            assertNotNull(notDone.notDoneReason());
            Screening wrong = screens.stream().filter(x -> x.status() == ScreeningStatus.ENTERED_IN_ERROR).findFirst()
                    .orElseThrow();
            assertFalse(wrong.errorReason().isBlank());
            Screening correction = screens.stream().filter(x -> wrong.id().equals(x.correctsId())).findFirst()
                    .orElseThrow();
            assertEquals(ScreeningStatus.COMPLETED, correction.status());
            assertTrue(correction.counts() && !wrong.counts(), "the correction counts, the screen in error not");

            DomainScore safety = screens.stream().filter(x -> x.instrument().equals("ahc-hrsn")
                            && x.status() == ScreeningStatus.COMPLETED)
                    .map(x -> x.score().domain("safety").orElseThrow()).filter(d -> d.outcome() == Outcome.POSITIVE)
                    .findFirst().orElseThrow();
            assertTrue(safety.privateDomain());
            assertTrue(safety.score() >= 11);

            assertTrue(depressionDue.stream().anyMatch(d -> d.ageMonths() == 2), "a two-month screen due today");
            assertTrue(depressionDue.stream().anyMatch(d -> d.ageMonths() == 4), "a four-month screen due today");
            assertEquals(3, screens.stream().map(Screening::mode).distinct().count(), "self, clinician, interpreter");
            assertEquals(AlertKind.CRITICAL, app.screening().openAlerts(all.get(0).id()).get(0).kind(),
                    "the family at the top of the recent list shows the alert dialog");
        }
    }

    @Test
    void theSameSeedOnAFreshFolderGivesTheSameScreens(@TempDir Path a, @TempDir Path b) {
        assertEquals(screenIds(a), screenIds(b));
    }

    private List<UUID> screenIds(Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            app.demo().addFamilies(20, 9L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            List<UUID> ids = new ArrayList<>();
            for (Family f : app.families().search("")) {
                app.screening().forFamily(f.id()).forEach(x -> ids.add(x.id()));
            }
            return ids.stream().sorted().toList();
        }
    }

    private static long count(List<Screening> screens, String instrument, ScreeningStatus status, Outcome outcome) {
        return screens.stream().filter(x -> x.instrument().equals(instrument) && x.status() == status
                && x.score() != null && x.score().outcome() == outcome).count();
    }

    @Test
    void aDemoFolderHasReferralsInEveryStatusWithTheirHistories(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            DemoService.Result result = app.demo().addFamilies(40, 5L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            List<Referral> all = allReferrals(app);
            assertEquals(result.referrals(), all.size());
            LocalDate today = app.referrals().today();
            assertEquals(LocalDate.of(2026, 11, 23), today);

            assertEquals(EnumSet.allOf(ReferralStatus.class),
                    all.stream().map(Referral::status)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralStatus.class))),
                    "every status occurs");
            List<Referral> overdue = all.stream().filter(r -> r.overdue(today)).toList();
            assertTrue(overdue.size() >= 2, "overdue: " + overdue.size());
            assertEquals(overdue.size(), app.referrals().overdueCount());
            assertTrue(overdue.stream().map(Referral::status).distinct().count() >= 2, "overdue in several statuses");

            Map<UUID, Referral> byId = all.stream().collect(Collectors.toMap(Referral::id, Function.identity()));
            int longHistories = 0;
            for (Referral listed : all) {
                Referral r = app.referrals().open(listed.id());
                List<ReferralEvent> events = r.events();
                assertEquals(ReferralEvent.Kind.CREATED, events.get(0).kind());
                assertEquals(r.createdAt(), events.get(0).at());
                for (int i = 1; i < events.size(); i++) {
                    assertTrue(events.get(i).at().isAfter(events.get(i - 1).at()), "history in time order");
                    assertEquals(events.get(i - 1).status(), events.get(i).previousStatus());
                }
                ReferralEvent lastEvent = events.get(events.size() - 1);
                assertEquals(r.status(), lastEvent.status());
                assertEquals(r.followUpDate(), lastEvent.followUpDate());
                assertTrue(lastEvent.at().isBefore(clock.instant()), "nothing after the demo's now");
                assertEquals(r.status().closed(), r.closedAt() != null);
                if (events.size() >= 4) {
                    longHistories++;
                }
            }
            assertTrue(longHistories >= 3, "histories over days and weeks: " + longHistories);

            Referral safety = all.stream().filter(r -> r.need() == Need.INTERPERSONAL_SAFETY).findFirst().orElseThrow();
            assertTrue(safety.privateReferral());
            assertEquals("National Domestic Violence Hotline", safety.destinationName());
            assertNotNull(safety.screeningId(), "from the AHC HRSN's private safety result");
            assertEquals("ahc-hrsn", app.screening().open(safety.screeningId()).instrument());

            Referral elsewhere = all.stream().filter(r -> r.status() == ReferralStatus.REFERRED_ELSEWHERE).findFirst()
                    .orElseThrow();
            assertFalse(elsewhere.statusReason().isBlank());
            Referral next = all.stream().filter(r -> elsewhere.id().equals(r.previousId())).findFirst().orElseThrow();
            assertNotEquals(elsewhere.destinationId(), next.destinationId());
            assertEquals(elsewhere.need(), next.need());
            assertEquals(elsewhere.screeningId(), next.screeningId());

            Referral food = all.stream().filter(r -> r.need() == Need.FOOD && r.status() == ReferralStatus.COMPLETED)
                    .findFirst().orElseThrow();
            assertEquals("hvs", app.screening().open(food.screeningId()).instrument());
            assertTrue(all.stream().filter(r -> r.need() == Need.MENTAL_HEALTH && r.screeningId() != null)
                    .anyMatch(r -> app.screening().open(r.screeningId()).instrument().equals("phq9")));
            assertTrue(all.stream().anyMatch(r -> r.need() == Need.CHILD_DEVELOPMENT && r.screeningId() == null),
                    "a referral from the family page");
            assertTrue(all.stream().anyMatch(r -> r.need() == Need.TOBACCO));
            assertTrue(all.stream().anyMatch(r -> r.need() == Need.SUBSTANCE_USE));

            Referral handoff = all.stream().filter(r -> r.kind() == ReferralKind.WARM_HANDOFF).findFirst()
                    .orElseThrow();
            assertNotNull(handoff.alertId(), "linked to the acted alert");
            assertEquals(ReferralStatus.COMPLETED, handoff.status());

            Referral declined = all.stream().filter(r -> r.status() == ReferralStatus.FAMILY_DECLINED).findFirst()
                    .orElseThrow();
            assertEquals(0L, app.referrals().measures(declined).daysToClosure(), "declined at the visit");
            Set<Long> closure = new HashSet<>();
            Set<Long> firstUpdate = new HashSet<>();
            for (Referral r : all) {
                LoopMeasures m = app.referrals().measures(r);
                if (m.daysToClosure() != null) {
                    closure.add(m.daysToClosure());
                }
                if (m.daysToFirstUpdate() != null) {
                    firstUpdate.add(m.daysToFirstUpdate());
                }
            }
            assertTrue(closure.size() >= 4, "days to closure vary: " + closure);
            assertTrue(firstUpdate.size() >= 3, "days to first update vary: " + firstUpdate);
            assertTrue(byId.values().stream().anyMatch(r -> r.status() == ReferralStatus.DRAFT));
        }
    }

    @Test
    void theOtherFamiliesGetReferralsTooSoTheWorklistHasARealisticLength(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            DemoService.Result first = app.demo().addFamilies(40, 11L, n -> { }, () -> false);
            DemoService.Result large = app.demo().addFamilies(3_000, 11L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());

            assertTrue(large.referrals() > first.referrals(), "routine families add referrals: " + large.referrals());
            assertTrue(large.notes() > 0 && large.notes() < large.referrals(), "a few routine notes: " + large.notes());
            List<Referral> all = allReferrals(app);
            assertEquals(first.referrals() + large.referrals(), all.size());
            assertTrue(all.stream().map(Referral::referrerId).distinct().count() >= 2, "several clinicians refer");
            int open = app.referrals().worklist(ReferralFilter.open()).size();
            assertTrue(open >= 10 && open < all.size(), "open on the worklist: " + open + " of " + all.size());
        }
    }

    @Test
    void aDemoFolderHasNotesInEveryStateWithTheirHistoriesAndTheTraineesWaitForTheSupervisor(@TempDir Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            DemoService.Result result = app.demo().addFamilies(40, 5L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            List<NoteSummary> all = app.notes().recent();
            assertEquals(result.notes(), all.size());
            assertEquals(EnumSet.allOf(NoteStatus.class), all.stream().map(NoteSummary::status)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(NoteStatus.class))), "every state occurs");
            boolean addendum = false;
            boolean results = false;
            for (NoteSummary listed : all) {
                Note n = app.notes().open(listed.id());
                assertTrue(n.intact(), "signed as stored");
                assertEquals(NoteEvent.Kind.CREATED, n.events().get(0).kind());
                for (int i = 1; i < n.events().size(); i++) {
                    assertTrue(n.events().get(i).at().isAfter(n.events().get(i - 1).at()), "history in time order");
                }
                assertEquals(n.status(), n.events().get(n.events().size() - 1).status());
                assertTrue(n.events().get(n.events().size() - 1).at().isBefore(clock.instant()), "nothing after now");
                assertEquals(n.status().editable(), n.signature() == null);
                assertEquals(n.status() == NoteStatus.COSIGNED, n.cosignature() != null);
                assertTrue(n.updatedAt().isBefore(clock.instant().minus(Duration.ofMinutes(5))), "past-dated");
                addendum |= !n.addenda().isEmpty();
                results |= n.content().sections().stream()
                        .anyMatch(x -> x.fill() == SectionFill.RESULTS && !x.text().isBlank());
            }
            assertTrue(addendum, "a signed note with an addendum");
            assertTrue(results, "the visits' results are written into their notes");

            app.accounts().signOut();
            app.accounts().signIn("supervisor", "supervisor-demo".toCharArray());
            List<NoteSummary> queue = app.notes().cosignQueue();
            assertFalse(queue.isEmpty());
            assertTrue(queue.stream().allMatch(x -> x.authorName().equals(DemoService.USERS.get(3).displayName())));
        }
    }

    @Test
    void theSameSeedOnAFreshFolderGivesTheSameNotes(@TempDir Path a, @TempDir Path b) {
        assertEquals(notes(a), notes(b));
    }

    private List<String> notes(Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            app.demo().addFamilies(30, 9L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            List<String> notes = app.notes().recent().stream()
                    .map(x -> x.id() + " " + x.status() + " " + NoteHash.of(app.notes().open(x.id()).content()))
                    .sorted().toList();
            assertFalse(notes.isEmpty());
            return notes;
        }
    }

    @Test
    void theSameSeedOnAFreshFolderGivesTheSameReferrals(@TempDir Path a, @TempDir Path b) {
        assertEquals(referralIds(a), referralIds(b));
    }

    private List<UUID> referralIds(Path dir) {
        try (AppContext app = TestApp.open(dir, clock)) {
            app.demo().addFamilies(30, 9L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            List<UUID> ids = allReferrals(app).stream().map(Referral::id).sorted().toList();
            assertFalse(ids.isEmpty());
            return ids;
        }
    }

    private static List<Referral> allReferrals(AppContext app) {
        return app.referrals().worklist(new ReferralFilter(null, null, EnumSet.allOf(ReferralStatus.class), null,
                false)).stream().map(ReferralListItem::referral).toList();
    }
}
