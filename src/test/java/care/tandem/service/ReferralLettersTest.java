package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.interop.pdf.PdfBlock;
import care.tandem.interop.pdf.PdfCopy;
import care.tandem.interop.pdf.PdfDocument;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralLettersTest {
    private static final String REASON =
            "PHQ-9 total 17 (moderately severe); Hunger Vital Sign positive, ran out of food";
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");

    // ---- end to end, through ReferralService.letter ----

    @Test
    void theClinicCopyAndAnEnglishFamilyCopyArePrintedAndThePrintIsAudited(@TempDir Path dir) throws Exception {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            Saved s = saveFamily(app, "en");
            Referral r = app.referrals().create(food(s, ReferralService.seedId("calfresh")));
            Path file = dir.resolve("letters").resolve("referral.pdf");

            app.referrals().letter(r.id(), s.rosa().id(), file);

            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertEquals(2, doc.getNumberOfPages());
                String clinic = page(doc, 1);
                for (String expected : List.of("Test Clinic", "Referral", "Date November 23, 2026",
                        "Child Ana Ruiz (born March 3, 2025)", "For Ana Ruiz (child)", "Need Food",
                        "Destination CalFresh", "Phone 1-877-847-3663", "Website GetCalFresh.org", "Reason " + REASON,
                        "Urgency Routine", "Referred by Ada Admin", "Consent to share information Yes", "Status Sent",
                        "Follow-up date December 7, 2026", "Clinic copy", "Page 1 of 1")) {
                    assertTrue(clinic.contains(expected), "clinic copy lacks '" + expected + "':\n" + clinic);
                }
                assertFalse(clinic.contains("PRIVATE"), clinic);

                String family = page(doc, 2);
                for (String expected : List.of("Test Clinic", "Where to get help", "November 23, 2026",
                        "Dear Rosa Ruiz,", "At your visit to Test Clinic", "CalFresh", "Phone 1-877-847-3663",
                        "Website GetCalFresh.org", "Next steps", english("letter.next.FOOD"),
                        "If you have questions, call the clinic.", "Family copy")) {
                    assertTrue(family.contains(expected), "family copy lacks '" + expected + "':\n" + family);
                }
                assertConfidentialDetailsAbsent(family);
            }
            assertEquals(1, auditRows(dir, "PRINT", r.id()));
        }
    }

    @Test
    void aSpanishSpeakingCaregiverGetsTheFamilyCopyInSpanish(@TempDir Path dir) throws Exception {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            Saved s = saveFamily(app, "es");
            Referral r = app.referrals().create(food(s, ReferralService.seedId("calfresh")));
            Path file = dir.resolve("carta.pdf");

            app.referrals().letter(r.id(), s.rosa().id(), file);

            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertEquals(2, doc.getNumberOfPages());
                assertTrue(page(doc, 1).contains("Need Food"), "the clinic copy stays in English");
                String family = page(doc, 2);
                for (String expected : List.of("Dónde conseguir ayuda", "23 de noviembre de 2026", "Hola, Rosa Ruiz:",
                        "En su visita a Test Clinic", "Teléfono 1-877-847-3663", "Sitio web GetCalFresh.org",
                        "Próximos pasos", spanish("letter.next.FOOD"), "Si tiene preguntas, llame a la clínica.",
                        "Copia para la familia", "Página 1 de 1")) {
                    assertTrue(family.contains(expected), "Spanish copy lacks '" + expected + "':\n" + family);
                }
                assertFalse(family.contains("Where to get help"), family);
                assertFalse(family.contains(english("letter.next.FOOD")), family);
                assertConfidentialDetailsAbsent(family);
            }
        }
    }

    @Test
    void aPrivateReferralPrintsOnlyTheClinicCopyMarkedPrivate(@TempDir Path dir) throws Exception {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            Saved s = saveFamily(app, "en");
            Referral r = app.referrals().create(new NewReferral(s.family().id(), s.rosa().id(), ReferralKind.COMMUNITY,
                    Need.INTERPERSONAL_SAFETY, ReferralService.seedId("dv-hotline"), "AHC safety domain positive",
                    Urgency.URGENT, null, true, true, null, null, null));
            assertTrue(r.privateReferral());
            Path file = dir.resolve("private.pdf");

            app.referrals().letter(r.id(), s.rosa().id(), file);

            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertEquals(1, doc.getNumberOfPages(), "no family page for a private referral");
                String clinic = page(doc, 1);
                assertTrue(clinic.contains("PRIVATE — do not give to the family"), clinic);
                assertTrue(clinic.contains("Need Safety at home"), clinic);
                assertTrue(clinic.contains("National Domestic Violence Hotline"), clinic);
                assertFalse(clinic.contains("Family copy") || clinic.contains("Dear "), clinic);
            }
            assertEquals(1, auditRows(dir, "PRINT", r.id()));
        }
    }

    @Test
    void aRestrictedCaregiverIsRefusedAndNoFileIsWritten(@TempDir Path dir) {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            Saved s = saveFamily(app, "en");
            Referral r = app.referrals().create(food(s, ReferralService.seedId("calfresh")));
            Path file = dir.resolve("refused.pdf");

            ProblemException e = assertThrows(ProblemException.class,
                    () -> app.referrals().letter(r.id(), s.restricted().id(), file));

            assertEquals(Problem.RECIPIENT_RESTRICTED, e.problem());
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void namesInOtherScriptsDoNotStopTheLetter(@TempDir Path dir) throws Exception {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            Member child = member(MemberKind.CHILD, "王小明", "Nguyễn", LocalDate.of(2024, 2, 1), null, "vi", "");
            Member mother = member(MemberKind.CAREGIVER, "Hương", "Nguyễn Thị", LocalDate.of(1994, 1, 1),
                    Relationship.MOTHER, "vi", "");
            Family f = app.families().save(new Family(UUID.randomUUID(), List.of(child, mother), false, "", "", false,
                    null));
            Referral r = app.referrals().create(new NewReferral(f.id(), child.id(), ReferralKind.COMMUNITY,
                    Need.CHILD_DEVELOPMENT, ReferralService.seedId("help-me-grow"), "Speech: few words at 24 months",
                    Urgency.SOON, null, true, true, null, null, null));
            Path file = dir.resolve("letter.pdf");

            app.referrals().letter(r.id(), mother.id(), file);

            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertEquals(2, doc.getNumberOfPages());
                assertTrue(page(doc, 1).contains("Child ??? Nguyễn (born February 1, 2024)"), page(doc, 1));
                assertTrue(page(doc, 2).contains("Dear Hương Nguyễn Thị,"), page(doc, 2));
                assertTrue(page(doc, 2).contains(english("letter.next.CHILD_DEVELOPMENT")), "vi → English copy");
            }
        }
    }

    // ---- the words of the copies ----

    @Test
    void theFamilyCopyLeavesOutEveryConfidentialDetail() {
        Input in = input(false, "en", REASON + "; Medi-Cal 12345678A");
        PdfDocument letter = new ReferralLetters().letter(in.value());

        assertEquals(2, letter.copies().size());
        String clinic = words(letter.copies().get(0));
        assertTrue(clinic.contains(REASON), clinic);
        assertTrue(clinic.contains("On hold: waitlist until January; father's drinking mentioned"), clinic);
        String family = words(letter.copies().get(1));
        assertConfidentialDetailsAbsent(family);
        assertFalse(family.contains("waitlist") || family.contains("drinking"), "no status reason: " + family);
        assertFalse(family.contains("On hold"), "no status: " + family);
        assertFalse(family.contains("Luis"), "no other caregiver: " + family);
        assertFalse(family.contains("Ana"), "no child's name: " + family);
        assertFalse(family.contains("Consent"), family);
        assertFalse(family.contains("Ada Admin"), family);
    }

    @Test
    void aPrivateReferralHasNoFamilyCopyEvenWhenARecipientIsGiven() {
        PdfDocument letter = new ReferralLetters().letter(input(true, "es", "Safety screen positive").value());

        assertEquals(1, letter.copies().size());
        assertTrue(words(letter.copies().get(0)).contains("PRIVATE — do not give to the family"));
    }

    @Test
    void everyNeedHasNextStepsInEnglishAndInSpanish() {
        Texts en = new Texts(Locale.ENGLISH);
        Texts es = new Texts(new Locale("es"));
        for (Need n : Need.values()) {
            String key = "letter.next." + n.name();
            assertNotEquals(key, en.get(key), "English next steps for " + n);
            assertNotEquals(key, es.get(key), "Spanish next steps for " + n);
            assertNotEquals(en.get(key), es.get(key), "Spanish is not the English text for " + n);
            assertTrue(en.get(key).split("\\. ").length >= 2, "two sentences for " + n);
        }
    }

    @Test
    void spanishIsChosenForAnySpanishTagAndEnglishForEverythingElse() {
        assertEquals("es", ReferralLetters.language(member(MemberKind.CAREGIVER, "A", "B", null,
                Relationship.MOTHER, "es-MX", "")).getLanguage());
        assertEquals("en", ReferralLetters.language(member(MemberKind.CAREGIVER, "A", "B", null,
                Relationship.MOTHER, "vi", "")).getLanguage());
    }

    // ---- writing the file ----

    @Test
    void anExistingFileIsReplacedAndNoPartFileIsLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("letter.pdf");
        Files.writeString(file, "an older letter");

        new ReferralLetters().write(input(false, "en", REASON).value(), file);

        byte[] bytes = Files.readAllBytes(file);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertEquals(2, doc.getNumberOfPages());
        }
        assertEquals(List.of(file), list(dir), "no .part file left beside it");
    }

    @Test
    void aFailureHalfWayLeavesTheOldFileAsItWas(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("letter.pdf");
        Files.writeString(file, "an older letter");
        ReferralLetters failing = new ReferralLetters((letter, tmp) -> {
            Files.writeString(tmp, "%PDF-1.7 half a letter");
            throw new IOException("simulated failure");
        });

        ProblemException e = assertThrows(ProblemException.class,
                () -> failing.write(input(false, "en", REASON).value(), file));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertArrayEquals("an older letter".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir), "no .part file left beside it");
    }

    @Test
    void aLongReasonRunsOntoASecondPageAndTheFamilyCopyStillStartsOnItsOwn(@TempDir Path dir) throws IOException {
        String reason = String.join(" ", java.util.Collections.nCopies(250, "clinical"));
        Path file = dir.resolve("long.pdf");

        new ReferralLetters().write(input(false, "en", reason).value(), file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(3, doc.getNumberOfPages());
            assertTrue(page(doc, 1).contains("Page 1 of 2"), page(doc, 1));
            assertTrue(page(doc, 2).contains("Clinic copy") && page(doc, 2).contains("Page 2 of 2"), page(doc, 2));
            String family = page(doc, 3);
            assertTrue(family.startsWith("Test Clinic") || family.contains("Where to get help"), family);
            assertFalse(family.contains("clinical"), family);
            assertTrue(family.contains("Page 1 of 1"), family);
        }
    }

    // ---- helpers ----

    private record Saved(Family family, Member ana, Member rosa, Member luis, Member restricted) {
    }

    private record Input(ReferralLetters.Input value) {
    }

    private static Saved saveFamily(AppContext app, String rosaLanguage) {
        Member ana = member(MemberKind.CHILD, "Ana", "Ruiz", LocalDate.of(2025, 3, 3), null, "en", "12345678A");
        Member rosa = member(MemberKind.CAREGIVER, "Rosa", "Ruiz", LocalDate.of(1995, 6, 1), Relationship.MOTHER,
                rosaLanguage, "87654321B");
        Member luis = member(MemberKind.CAREGIVER, "Luis", "Ruiz", LocalDate.of(1993, 6, 1), Relationship.FATHER,
                "en", "");
        Member restricted = new Member(UUID.randomUUID(), MemberKind.CAREGIVER, "Victor", "Mora",
                LocalDate.of(1990, 1, 1), Sex.MALE, "en", false, Relationship.OTHER, "", ContactPreferences.NONE,
                false, true, "", "");
        Family f = app.families().save(new Family(UUID.randomUUID(), List.of(ana, rosa, luis, restricted), true,
                "Victor Mora: protective order, no information", "", false, null));
        return new Saved(f, ana, rosa, luis, restricted);
    }

    private static NewReferral food(Saved s, UUID destination) {
        return new NewReferral(s.family().id(), s.ana().id(), ReferralKind.COMMUNITY, Need.FOOD, destination, REASON,
                Urgency.ROUTINE, null, true, true, null, null, null);
    }

    private static Member member(MemberKind kind, String given, String family, LocalDate born, Relationship rel,
                                 String language, String mediCal) {
        return new Member(UUID.randomUUID(), kind, given, family, born, Sex.FEMALE, language, false, rel, "",
                kind == MemberKind.CHILD ? ContactPreferences.NONE : new ContactPreferences(true, true, false),
                kind != MemberKind.CHILD, false, mediCal, "");
    }

    /** A referral on hold, for Ana, with a recipient (Rosa) or none, built without a database. */
    private static Input input(boolean privateReferral, String rosaLanguage, String reason) {
        Member ana = member(MemberKind.CHILD, "Ana", "Ruiz", LocalDate.of(2025, 3, 3), null, "en", "12345678A");
        Member rosa = member(MemberKind.CAREGIVER, "Rosa", "Ruiz", LocalDate.of(1995, 6, 1), Relationship.MOTHER,
                rosaLanguage, "87654321B");
        Member luis = member(MemberKind.CAREGIVER, "Luis", "Ruiz", LocalDate.of(1993, 6, 1), Relationship.FATHER,
                "en", "");
        Family f = new Family(UUID.randomUUID(), List.of(ana, rosa, luis), true, "Restricted: Luis, no information",
                "", false, null);
        Destination d = privateReferral
                ? new Destination(UUID.randomUUID(), "National Domestic Violence Hotline",
                Set.of(Need.INTERPERSONAL_SAFETY), "1-800-799-SAFE (7233)", "Text START to 88788", "", "", "24/7", "",
                "", true, "dv-hotline", true, 1)
                : new Destination(UUID.randomUUID(), "CalFresh", Set.of(Need.FOOD), "1-877-847-3663", "",
                "GetCalFresh.org", "English, Spanish", "", "notes", "source", false, "calfresh", true, 1);
        Need need = privateReferral ? Need.INTERPERSONAL_SAFETY : Need.FOOD;
        Referral r = new Referral(UUID.randomUUID(), f.id(), ana.id(), ReferralKind.COMMUNITY, need, d.id(), d.name(),
                reason, Urgency.SOON, UUID.randomUUID(), LocalDate.of(2026, 12, 1), true, null, null, null, null,
                privateReferral, ReferralStatus.ON_HOLD, "waitlist until January; father's drinking mentioned",
                Instant.parse("2026-11-20T17:00:00Z"), null, null, List.of(), 2);
        return new Input(new ReferralLetters.Input(r, f, ana, rosa, d, "Test Clinic", "Ada Admin",
                LocalDate.of(2026, 11, 23)));
    }

    /** What a family copy must never hold. */
    private static void assertConfidentialDetailsAbsent(String family) {
        for (String secret : List.of("PHQ", "17", "moderately", "Hunger Vital Sign", "ran out of food", "Reason",
                "12345678A", "87654321B", "protective order", "Victor", "Mora", "Luis", "Safety", "PRIVATE",
                "Domestic Violence")) {
            assertFalse(family.contains(secret), "family copy holds '" + secret + "':\n" + family);
        }
    }

    private static String words(PdfCopy copy) {
        List<String> out = new ArrayList<>();
        copy.blocks().stream().map(PdfBlock::text).forEach(out::add);
        return String.join("\n", out);
    }

    private static String english(String key) {
        return new Texts(Locale.ENGLISH).get(key);
    }

    private static String spanish(String key) {
        return new Texts(new Locale("es")).get(key);
    }

    /** The text of one page, with line breaks from wrapping turned back into spaces. */
    private static String page(PDDocument doc, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(doc).replaceAll("\\s+", " ").strip();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static int auditRows(Path dir, String action, UUID entityId) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event WHERE action = '" + action
                     + "' AND entity_id = '" + entityId + "'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
