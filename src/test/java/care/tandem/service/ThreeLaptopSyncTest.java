package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.Note;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.sync.SyncConflict;
import care.tandem.files.ClinicKey;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three laptops of one clinic (one sets it up, two join from the sync folder) through several rounds of edits and
 * syncs in different orders, packages read twice: all three end identical, nothing lost, true conflicts kept on
 * every laptop with the same winner.
 */
class ThreeLaptopSyncTest {
    private static final char[] PASSPHRASE = "clinic sync passphrase".toCharArray();
    private static final String CLINICIAN_PASSWORD = "long enough password";

    /** Every synced table, with the columns that stay on one laptop. */
    private static final Map<String, Set<String>> TABLES = new LinkedHashMap<>();

    static {
        for (String t : List.of("clinic", "device", "person", "visit", "screening", "screening_alert",
                "referral_destination", "referral", "referral_event", "note_template", "note", "note_event",
                "note_addendum", "billing_code", "visit_billing_code", "setting", "sync_conflict",
                "imported_questionnaire")) {
            TABLES.put(t, Set.of("revision"));
        }
        TABLES.put("app_user", Set.of("revision", "failed_attempts", "locked_until"));
        TABLES.put("family", Set.of("revision", "seq"));
        TABLES.put("screening_answer", Set.of());
    }

    @TempDir
    Path root;
    private final List<AppContext> open = new ArrayList<>();
    private ClinicKey key;

    @AfterEach
    void closeAll() {
        open.forEach(AppContext::close);
    }

    private AppContext open(Path dir, MutableClock clock) {
        AppContext app = TestApp.open(dir, clock);
        open.add(app);
        return app;
    }

    private AppContext reopen(AppContext app, MutableClock clock) {
        Path dir = app.dataDir();
        app.close();
        open.remove(app);
        return open(dir, clock);
    }

    private static void signIn(AppContext app) {
        app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
    }

    private SyncService.Summary sync(AppContext app, Path folder) {
        SyncService.Summary s = app.sync().syncNow(folder, key, SyncService.Progress.NONE);
        assertEquals(List.of(), s.refused(), "no package refused");
        return s;
    }

    @Test
    void threeLaptopsEndIdenticalWithNothingLostAndConflictsKept() throws Exception {
        Path folder = Files.createDirectories(root.resolve("usb"));
        MutableClock clockA = MutableClock.at("2026-11-23T15:00:00Z");
        // The others' clocks disagree with A's: B runs 3 minutes fast, C 2 minutes slow.
        MutableClock clockB = MutableClock.at("2026-11-23T15:03:00Z");
        MutableClock clockC = MutableClock.at("2026-11-23T14:58:00Z");

        // ---- round 0: A sets the clinic up; B and C join from the folder ----
        AppContext a = TestApp.signedIn(root.resolve("a"), clockA);
        open.add(a);
        key = a.clinic().unlock(PASSPHRASE).key();
        a.accounts().createUser("Dr. Carmen Ruiz", "carmen", care.tandem.domain.user.Role.CLINICIAN, null,
                CLINICIAN_PASSWORD.toCharArray());
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        Family f1 = a.families().save(TestApp.family(child, mother));
        Destination food = a.referrals().destinations(false).stream()
                .filter(d -> d.needs().contains(Need.FOOD)).findFirst().orElseThrow();
        SyncService.Summary first = sync(a, folder);
        assertNotNull(first.written());
        assertTrue(first.recordsOut() > 10, "the first package holds everything A has");

        AppContext b = open(root.resolve("b"), clockB);
        assertTrue(b.sync().canJoin());
        SyncService.Summary joined = b.sync().join(folder, id -> {
            assertEquals(key.clinicId(), id);
            return key;
        }, SyncService.Progress.NONE);
        assertTrue(joined.joined());
        assertEquals(1, joined.read());
        b = reopen(b, clockB);
        signIn(b);
        assertEquals(a.clinic().info().clinicId(), b.clinic().info().clinicId());
        assertEquals("Test Clinic", b.clinic().info().clinicName());
        assertEquals(f1.members().get(0).givenName(), b.families().open(f1.id()).members().get(0).givenName());
        assertEquals(1, b.families().search("Lucía").size(), "search finds what sync brought");

        AppContext c = open(root.resolve("c"), clockC);
        c.sync().join(folder, id -> key, SyncService.Progress.NONE);
        c = reopen(c, clockC);
        signIn(c);
        assertFalse(c.sync().canJoin());

        // ---- round 1: edits on all three ----
        tick(clockA, clockB, clockC);
        // B and C edit different fields of the same person: both kept.
        save(b, f1.id(), m -> m.kind().name().equals("CAREGIVER") ? withPhone(m, "5105550199") : m);
        save(c, f1.id(), m -> m.kind().name().equals("CAREGIVER") ? withNotes(m, "Prefers mornings") : m);
        // A and B change the same field to different values: a true conflict.
        save(a, f1.id(), m -> m.kind().name().equals("CHILD") ? withGiven(m, "Lucia") : m);
        tick(clockA, clockB, clockC);
        save(b, f1.id(), m -> m.kind().name().equals("CHILD") ? withGiven(m, "Luz") : m);
        // New families everywhere.
        Family f2 = a.families().save(TestApp.family(TestApp.child("Mateo", "Ruiz", LocalDate.of(2025, 1, 2)),
                TestApp.caregiver("Rosa", "Ruiz", Relationship.MOTHER, "5105550111")));
        Family f3 = b.families().save(TestApp.family(TestApp.child("Sofía", "López", LocalDate.of(2024, 5, 6)),
                TestApp.caregiver("Marta", "López", Relationship.MOTHER, "5105550122")));
        Family f4 = c.families().save(TestApp.family(TestApp.child("Diego", "Soto", LocalDate.of(2026, 2, 3)),
                TestApp.caregiver("Inés", "Soto", Relationship.MOTHER, "5105550133")));
        // A screens the mother of F1 and finishes the screen.
        Visit v1 = a.screening().visitToday(f1.id(), child.id(), List.of(mother.id()));
        Screening hvs = a.screening().start(v1.id(), mother.id(), mother.id(), "hvs", "en",
                AdministrationMode.CLINICIAN);
        a.screening().answer(hvs.id(), Answer.choice("88122-7", "LA6729-3"));
        a.screening().answer(hvs.id(), Answer.choice("88123-5", "LA28398-8"));
        a.screening().finish(hvs.id());
        // B refers the F1 mother for food and records a call.
        Referral r1 = b.referrals().create(new NewReferral(f1.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                food.id(), "", Urgency.SOON, null, true, true, null, null, null));
        b.referrals().recordFollowUp(r1.id(), ContactOutcome.REACHED, "Has the number.", null);

        // Sync in one order, then read everything again in another.
        sync(b, folder);
        sync(c, folder);
        sync(a, folder);
        sync(c, folder);
        sync(b, folder);

        // ---- round 2: the note on A's visit is drafted on C, signed on C, an addendum written on A ----
        tick(clockA, clockB, clockC);
        // The clinician, created on A, signs in on C with the password A set.
        c.accounts().signOut();
        c.accounts().signIn("carmen", CLINICIAN_PASSWORD.toCharArray());
        Note draft = c.notes().openForVisit(v1.id());
        long rev = c.notes().saveDraft(draft.id(), draft.revision(),
                draft.content().withSectionText(draft.content().sections().get(0).key(), "Calm, engaged."));
        Note signed = c.notes().sign(draft.id(), rev);
        // Meanwhile A closes the referral as completed while C records another call (closing wins; both kept).
        Referral onA = a.referrals().open(r1.id());
        assertEquals(ReferralStatus.SENT, onA.status());
        a.referrals().changeStatus(r1.id(), ReferralStatus.COMPLETED, "", "Got food benefits.", null);
        tick(clockA, clockB, clockC);
        c.referrals().recordFollowUp(r1.id(), ContactOutcome.LEFT_MESSAGE, "Left a voicemail.", null);
        sync(c, folder);
        sync(a, folder);
        tick(clockA, clockB, clockC);
        a.accounts().signOut();
        a.accounts().signIn("carmen", CLINICIAN_PASSWORD.toCharArray());
        a.notes().addAddendum(signed.id(), "Mother called back: all well.");
        b.families().save(withFamilyNotes(b.families().open(f4.id()), "Moved in November"));
        // B's administrator imports a Questionnaire; C has read its instruments already (they are kept once read).
        assertTrue(c.screening().instruments().find("phq9").isPresent());
        care.tandem.domain.screening.ImportedQuestionnaire auditC = b.instruments().importText(
                care.tandem.testing.FhirCorpus.questionnaire("uscore-Questionnaire-AUDIT-C.json"),
                care.tandem.domain.screening.ImportMarks.none());
        sync(a, folder);
        sync(b, folder);
        sync(c, folder);

        // ---- settle: every laptop syncs until no one has anything new ----
        List<AppContext> laptops = List.of(a, b, c);
        for (int round = 0; round < 4; round++) {
            for (AppContext l : round % 2 == 0 ? laptops : List.of(c, a, b)) {
                sync(l, folder);
            }
        }
        long packages;
        try (Stream<Path> s = Files.list(folder)) {
            packages = s.count();
        }
        // The imported instrument reached every laptop and can be given there.
        for (AppContext l : List.of(a, c)) {
            assertTrue(l.screening().instruments().find(auditC.instrument()).isPresent(), "imported on B, given here");
        }
        // Reading every package again changes nothing.
        for (AppContext l : laptops) {
            SyncService.Summary again = sync(l, folder);
            assertEquals(0, again.read());
            assertEquals(packages, again.alreadyRead() + ownPackages(l, folder));
            assertNull(again.written(), "nothing new after settling");
        }

        // ---- identical, nothing lost ----
        Map<String, List<Map<String, Object>>> heldByA = dump(a.dataDir());
        assertSame(heldByA, dump(b.dataDir()), "B");
        assertSame(heldByA, dump(c.dataDir()), "C");
        for (UUID family : List.of(f1.id(), f2.id(), f3.id(), f4.id())) {
            for (AppContext l : laptops) {
                assertNotNull(l.families().open(family));
            }
        }
        Family merged = c.families().open(f1.id());
        Member mum = merged.members().stream().filter(m -> m.id().equals(mother.id())).findFirst().orElseThrow();
        assertEquals("5105550199", mum.phone(), "B's phone edit kept");
        assertEquals("Prefers mornings", mum.notes(), "C's note on the same person kept");
        assertEquals("Luz", merged.members().get(0).givenName(), "the later of two concurrent edits wins everywhere");
        assertEquals("Moved in November", a.families().open(f4.id()).notes());
        assertEquals(ScreeningStatus.COMPLETED, b.screening().open(hvs.id()).status());
        assertEquals(2, b.screening().open(hvs.id()).answers().size());
        Referral closed = b.referrals().open(r1.id());
        assertEquals(ReferralStatus.COMPLETED, closed.status(), "closing wins over a call made at the same time");
        assertEquals(4, closed.events().size(), "created, two calls and the closing: every step kept");
        Note onB = b.notes().open(signed.id());
        assertEquals(1, onB.addenda().size());

        // The conflicts: the given name (field) and the referral (whole record), the same on every laptop.
        for (AppContext l : laptops) {
            List<SyncService.ConflictView> open = l.sync().conflicts(true);
            Set<String> what = new TreeSet<>();
            open.forEach(k -> what.add(k.conflict().entity() + "." + k.conflict().field()));
            assertEquals(Set.of("person.given_name", "referral.*"), what, "conflicts kept on every laptop");
        }
        SyncConflict name = a.sync().conflicts(true).stream().map(SyncService.ConflictView::conflict)
                .filter(k -> k.field().equals("given_name")).findFirst().orElseThrow();
        assertEquals("\"Luz\"", name.keptValue());
        assertEquals("\"Lucia\"", name.otherValue());

        // ---- a person resolves the conflict on C: the merged value reaches everyone ----
        c.sync().resolve(name.id(), "\"Lucía\"");
        for (AppContext l : List.of(c, a, b, c)) {
            sync(l, folder);
        }
        for (AppContext l : laptops) {
            assertEquals("Lucía", l.families().open(f1.id()).members().get(0).givenName());
            assertEquals(1, l.sync().conflicts(true).size(), "only the referral's is left open");
            assertEquals(2, l.sync().conflicts(false).size(), "the resolved one stays, with its history");
        }
        assertSame(dump(a.dataDir()), dump(b.dataDir()), "B");
        assertSame(dump(a.dataDir()), dump(c.dataDir()), "C");
    }

    private static long ownPackages(AppContext l, Path folder) throws Exception {
        String prefix = l.clinic().info().deviceId() + "-";
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }

    private static void tick(MutableClock... clocks) {
        for (MutableClock c : clocks) {
            c.advance(Duration.ofMinutes(7));
        }
    }

    private static void save(AppContext app, UUID familyId, java.util.function.UnaryOperator<Member> edit) {
        Family f = app.families().open(familyId);
        app.families().save(f.withMembers(f.members().stream().map(edit).toList()));
    }

    private static Family withFamilyNotes(Family f, String notes) {
        return new Family(f.id(), f.members(), f.protectiveOrder(), f.restrictionNote(), notes, f.synthetic(),
                f.stamp());
    }

    private static Member withPhone(Member m, String phone) {
        return new Member(m.id(), m.kind(), m.givenName(), m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), m.relationship(), phone, m.contact(), m.mayConsent(),
                m.restricted(), m.mediCalId(), m.notes());
    }

    private static Member withNotes(Member m, String notes) {
        return new Member(m.id(), m.kind(), m.givenName(), m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), m.relationship(), m.phone(), m.contact(), m.mayConsent(),
                m.restricted(), m.mediCalId(), notes);
    }

    private static Member withGiven(Member m, String given) {
        return new Member(m.id(), m.kind(), given, m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), m.relationship(), m.phone(), m.contact(), m.mayConsent(),
                m.restricted(), m.mediCalId(), m.notes());
    }

    /** The same tables with the same rows, or a short account of the first difference. */
    private static void assertSame(Map<String, List<Map<String, Object>>> expected,
                                   Map<String, List<Map<String, Object>>> actual, String laptop) {
        for (String table : expected.keySet()) {
            List<Map<String, Object>> e = expected.get(table);
            List<Map<String, Object>> x = actual.get(table);
            assertEquals(e.size(), x.size(), laptop + " holds as many rows of " + table + " as A");
            for (int i = 0; i < e.size(); i++) {
                if (!e.get(i).equals(x.get(i))) {
                    Map<String, String> diff = new TreeMap<>();
                    for (String col : e.get(i).keySet()) {
                        if (!java.util.Objects.equals(e.get(i).get(col), x.get(i).get(col))) {
                            diff.put(col, e.get(i).get(col) + " | " + x.get(i).get(col));
                        }
                    }
                    throw new AssertionError(laptop + " differs from A in " + table + " row " + i + ": " + diff);
                }
            }
        }
    }

    /** Every synced table's rows, in key order, without the columns that stay on one laptop. */
    static Map<String, List<Map<String, Object>>> dump(Path dataDir) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        try (var conn = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tandem.db"))) {
            for (var t : TABLES.entrySet()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (var st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM " + t.getKey()
                             + (t.getKey().equals("family") ? " ORDER BY id" : " ORDER BY 1, 2"))) {
                    var md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!t.getValue().contains(md.getColumnName(i))) {
                                row.put(md.getColumnName(i), rs.getObject(i));
                            }
                        }
                        rows.add(row);
                    }
                }
                out.put(t.getKey(), rows);
            }
        }
        return out;
    }
}
