package care.tandem.interop.note;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.interop.note.NoteDocument.Addendum;
import care.tandem.interop.note.NoteDocument.Child;
import care.tandem.interop.note.NoteDocument.Confidential;
import care.tandem.interop.note.NoteDocument.Section;
import care.tandem.interop.note.NoteDocument.Signature;
import care.tandem.interop.note.NoteDocument.Signing;
import care.tandem.interop.note.NoteDocument.Visit;
import care.tandem.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static care.tandem.testing.PdfText.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotePdfTest {
    private static final String HASH = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";
    private static final Signature AUTHOR = new Signature("Dana Ortiz", "Associate clinical social worker",
            "November 23, 2026, 4:10 PM");
    private static final Signature SUPERVISOR = new Signature("Sam Lee", "Licensed clinical social worker",
            "November 24, 2026, 9:02 AM");
    private static final Confidential CONFIDENTIAL = new Confidential("Confidential: not for the family", List.of(
            new Section("Safety", "HITS total 12: positive. Safety plan made with the mother; hotline number given."),
            new Section("Caregiver history", "History of intimate partner abuse, per the mother.")));

    @Test
    void aSignedNoteShowsTheClinicHeaderSectionsSignatureHashAndAddenda(@TempDir Path dir) {
        Path file = dir.resolve("note.pdf");
        NoteDocument note = note(Signing.signed(AUTHOR), Confidential.NONE, List.of(
                new Addendum("Mother called: the WIC appointment is on Friday.",
                        new Signature("Dana Ortiz", "", "November 25, 2026, 11:30 AM")),
                new Addendum("Food bank referral closed: food received.", AUTHOR)));

        NotePdf.write(note, file, false);

        List<String> pages = PdfText.pages(file);
        String text = body(pages);
        for (String expected : List.of("Tandem Demo Clinic", "Dyadic behavioral health visit note",
                "Child Ana Ruiz (born March 3, 2025)", "Visit date November 23, 2026",
                "Kind of visit Dyadic behavioral health visit", "Place In the clinic", "Time spent 45 minutes",
                "Clinician Dana Ortiz", "Relationship and interaction observed Ana looks to her mother",
                "Caregiver Rosa reports poor sleep. EPDS total 11: possible depression.",
                "Plan Follow up in two weeks. Signatures Signed by Dana Ortiz (Associate clinical social worker), "
                        + "November 23, 2026, 4:10 PM Addendum 1 Mother called: the WIC appointment is on Friday. "
                        + "Signed by Dana Ortiz, November 25, 2026, 11:30 AM Addendum 2 Food bank referral closed: "
                        + "food received. Signed by Dana Ortiz (Associate clinical social worker)")) {
            assertTrue(text.contains(expected), "lacks '" + expected + "':\n" + text);
        }
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(flat(pages.get(p)).endsWith("Signed content SHA-256: 1a2b3c4d5e6f7081… Page " + (p + 1) + " of "
                    + pages.size()), pages.get(p));
        }
        assertFalse(text.contains(HASH.substring(0, 17)), "the hash is shortened");
        assertFalse(text.contains("Draft") || text.contains("co-signature"), text);
    }

    @Test
    void aCoSignedNoteShowsBothSignaturesAndTheAttestation(@TempDir Path dir) {
        Path file = dir.resolve("note.pdf");
        String attestation = "I reviewed this note with the associate and agree with the assessment and plan.";

        NotePdf.write(note(Signing.coSigned(AUTHOR, SUPERVISOR, attestation), Confidential.NONE, List.of()), file,
                false);

        String text = flat(PdfText.all(file));
        assertTrue(text.contains("Signed by Dana Ortiz (Associate clinical social worker), November 23, 2026, 4:10 PM "
                + "Co-signed by Sam Lee (Licensed clinical social worker), November 24, 2026, 9:02 AM "
                + "Attestation " + attestation), text);
        assertFalse(text.contains("Awaiting"), text);
    }

    @Test
    void aNoteAwaitingItsCoSignatureSaysSo(@TempDir Path dir) {
        Path file = dir.resolve("note.pdf");

        NotePdf.write(note(Signing.awaitingCoSignature(AUTHOR), Confidential.NONE, List.of()), file, false);

        String text = flat(PdfText.all(file));
        assertTrue(text.contains("Signed by Dana Ortiz (Associate clinical social worker), November 23, 2026, 4:10 PM "
                + "Co-signature Awaiting co-signature"), text);
        assertFalse(text.contains("Co-signed by"), text);
    }

    @Test
    void aDraftSaysSoAtTheTopAndOnEveryPageAndHasNoHash(@TempDir Path dir) {
        Path file = dir.resolve("note.pdf");
        NoteDocument draft = new NoteDocument(Locale.US, "Tandem Demo Clinic", "Dyadic behavioral health visit note",
                child(), visit(), longSections(), Confidential.NONE, Signing.draft(), List.of(), "");

        NotePdf.write(draft, file, false);

        List<String> pages = PdfText.pages(file).stream().map(PdfText::flat).toList();
        assertTrue(pages.size() >= 2, "pages: " + pages.size());
        assertTrue(pages.get(0).contains("Dyadic behavioral health visit note Draft — not signed Child Ana Ruiz"),
                pages.get(0));
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).endsWith("Draft — not signed Page " + (p + 1) + " of " + pages.size()),
                    pages.get(p));
        }
        String last = pages.get(pages.size() - 1);
        assertTrue(last.contains("Signatures Draft — not signed"), last);
        assertFalse(String.join("", pages).contains("SHA-256") || String.join("", pages).contains("Signed by"));
    }

    @Test
    void withoutTheFlagTheConfidentialPartIsAbsentAndNothingHintsAtIt(@TempDir Path dir) {
        Path withPart = dir.resolve("with.pdf");
        Path withoutPart = dir.resolve("without.pdf");

        NotePdf.write(note(Signing.signed(AUTHOR), CONFIDENTIAL, List.of()), withPart, false);
        NotePdf.write(note(Signing.signed(AUTHOR), Confidential.NONE, List.of()), withoutPart, false);

        String text = PdfText.all(withPart);
        for (String absent : List.of("Confidential", "confidential", "withheld", "HITS", "Safety", "abuse",
                "not for the family")) {
            assertFalse(text.contains(absent), "'" + absent + "' in the family copy:\n" + text);
        }
        assertEquals(PdfText.all(withoutPart), text, "the copy reads exactly as a note with no confidential part");
    }

    @Test
    void withTheFlagTheConfidentialPartIsPrintedAndEveryPageSaysItIsNotForTheFamily(@TempDir Path dir) {
        Path file = dir.resolve("clinic.pdf");
        NoteDocument note = new NoteDocument(Locale.US, "Tandem Demo Clinic", "Dyadic behavioral health visit note",
                child(), visit(), longSections(), CONFIDENTIAL, Signing.signed(AUTHOR), List.of(), HASH);

        NotePdf.write(note, file, true);

        List<String> pages = PdfText.pages(file).stream().map(PdfText::flat).toList();
        assertTrue(pages.size() >= 2, "pages: " + pages.size());
        assertTrue(pages.get(0).contains("Dyadic behavioral health visit note "
                + "Includes the confidential section: not for the family Child Ana Ruiz"), pages.get(0));
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).endsWith("Includes the confidential section: not for the family "
                    + "Signed content SHA-256: 1a2b3c4d5e6f7081… Page " + (p + 1) + " of " + pages.size()),
                    pages.get(p));
        }
        String text = String.join(" ", pages);
        assertTrue(text.contains("Confidential: not for the family Safety HITS total 12: positive."), text);
        assertTrue(text.contains("Caregiver history History of intimate partner abuse, per the mother."), text);
        assertTrue(text.indexOf("Follow-up Section 29") < text.indexOf("Confidential: not for the family Safety"),
                "the confidential part follows the note's sections");
        assertTrue(text.indexOf("HITS total 12") < text.indexOf("Signatures Signed by"),
                "and comes before the signatures");
    }

    @Test
    void spanishAccentsAndLabelsSurvive(@TempDir Path dir) {
        Path file = dir.resolve("nota.pdf");
        NoteDocument note = new NoteDocument(new Locale("es", "US"), "Clínica Tandem de Demostración",
                "Nota de visita diádica de salud conductual",
                new Child("María José Ñúñez", "3 de marzo de 2025"),
                new Visit("23 de noviembre de 2026", "Visita diádica de salud conductual", "En la clínica", 30,
                        "Dana Ortiz"),
                List.of(new Section("Evaluación", "La niña duerme poco; la mamá está cansada y pidió ayuda."),
                        new Section("Plan", "Orientación anticipada sobre el sueño; seguimiento en dos semanas.")),
                Confidential.NONE, Signing.signed(new Signature("Dana Ortiz", "Trabajadora social asociada",
                "23 de noviembre de 2026, 16:10")), List.of(), HASH);

        NotePdf.write(note, file, false);

        String text = flat(PdfText.all(file));
        for (String expected : List.of("Clínica Tandem de Demostración",
                "Niño o niña María José Ñúñez (fecha de nacimiento: 3 de marzo de 2025)",
                "Tiempo dedicado 30 minutos", "Profesional que atendió Dana Ortiz",
                "Evaluación La niña duerme poco; la mamá está cansada y pidió ayuda.",
                "Orientación anticipada sobre el sueño", "Firmas Firmado por Dana Ortiz (Trabajadora social asociada)",
                "SHA-256 del contenido firmado: 1a2b3c4d5e6f7081… Página 1 de 1")) {
            assertTrue(text.contains(expected), "lacks '" + expected + "':\n" + text);
        }
        assertFalse(text.contains("?"), "no character replaced: " + text);
    }

    @Test
    void aLongNoteFlowsOntoSeveralPagesWithPageNumbersAndLosesNothing(@TempDir Path dir) {
        Path file = dir.resolve("long.pdf");
        NoteDocument note = new NoteDocument(Locale.US, "Tandem Demo Clinic", "Dyadic behavioral health visit note",
                child(), visit(), longSections(), Confidential.NONE, Signing.signed(AUTHOR), List.of(), HASH);

        NotePdf.write(note, file, false);

        List<String> pages = PdfText.pages(file).stream().map(PdfText::flat).toList();
        assertTrue(pages.size() >= 3, "pages: " + pages.size());
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).endsWith("Signed content SHA-256: 1a2b3c4d5e6f7081… Page " + (p + 1) + " of "
                    + pages.size()), pages.get(p));
        }
        String text = body(pages);
        for (int i = 0; i < 30; i++) {
            assertTrue(text.contains("Section " + i + ": the child and her mother"), "section " + i);
            assertTrue(text.contains("End of section " + i + "."), "the whole of section " + i);
        }
        assertTrue(pages.get(pages.size() - 1).contains("Signed by Dana Ortiz"), "the signature ends the note");
    }

    @Test
    void aFailedWriteLeavesNoFileUnderTheRealNameAndNoPartFile(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("note.pdf"));
        Files.writeString(target.resolve("keep.txt"), "a folder in the way");
        NoteDocument note = note(Signing.signed(AUTHOR), CONFIDENTIAL, List.of());

        ProblemException e = assertThrows(ProblemException.class, () -> NotePdf.write(note, target, true));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertTrue(Files.isDirectory(target), "what was under the name is left as it was");
        assertEquals(List.of(target), list(dir), "no half-written file beside it");
        assertFalse(e.getMessage().contains("Ruiz") || e.getMessage().contains("HITS"), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeWrittenIsAStorageProblem(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("reports"), "a file, not a folder");
        Path target = notAFolder.resolve("note.pdf");

        ProblemException e = assertThrows(ProblemException.class,
                () -> NotePdf.write(note(Signing.signed(AUTHOR), Confidential.NONE, List.of()), target, false));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertEquals(List.of(notAFolder), list(dir));
    }

    @Test
    void aNoteIsCoSignedOnlyAfterItsAuthorSigns() {
        assertThrows(IllegalArgumentException.class, () -> new Signing(null, true, null, ""));
        assertThrows(IllegalArgumentException.class, () -> new Signing(null, false, SUPERVISOR, "agree"));
        assertThrows(IllegalArgumentException.class, () -> new Signing(AUTHOR, true, SUPERVISOR, "agree"));
    }

    /** The text of the pages without their footers, as one line. */
    private static String body(List<String> pages) {
        return flat(flat(String.join(" ", pages)).replaceAll("Signed content SHA-256: \\S+ Page \\d+ of \\d+", ""));
    }

    private static NoteDocument note(Signing signing, Confidential confidential, List<Addendum> addenda) {
        return new NoteDocument(Locale.US, "Tandem Demo Clinic", "Dyadic behavioral health visit note", child(),
                visit(), List.of(
                new Section("Child", "Ana is 8 months old, fussy in the evenings, feeding well."),
                new Section("Caregiver", "Rosa reports poor sleep.\n\nEPDS total 11: possible depression."),
                new Section("Relationship and interaction observed", "Ana looks to her mother when the clinician "
                        + "speaks; Rosa soothes her quickly and talks to her warmly."),
                new Section("Assessment", "Evening fussiness within the range of normal; maternal mood needs "
                        + "follow-up."),
                new Section("Plan", "Follow up in two weeks.")),
                confidential, signing, addenda, signing.isDraft() ? "" : HASH);
    }

    private static Child child() {
        return new Child("Ana Ruiz", "March 3, 2025");
    }

    private static Visit visit() {
        return new Visit("November 23, 2026", "Dyadic behavioral health visit", "In the clinic", 45, "Dana Ortiz");
    }

    private static List<Section> longSections() {
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sections.add(new Section(i == 29 ? "Follow-up" : "Observation " + i, "Section " + i
                    + ": the child and her mother " + "played together on the mat while the clinician watched. "
                    .repeat(4) + "\nEnd of section " + i + "."));
        }
        return sections;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
