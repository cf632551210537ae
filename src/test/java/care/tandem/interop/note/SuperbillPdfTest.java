package care.tandem.interop.note;

import care.tandem.interop.note.SuperbillDocument.Code;
import care.tandem.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static care.tandem.testing.PdfText.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuperbillPdfTest {
    private static final Code G8431 = new Code("G8431", "HD", "Maternal depression screen positive, follow-up plan "
            + "documented", "HCPCS", false, false);
    private static final Code C96127 = new Code("96127", "", "Brief emotional/behavioral assessment", "CPT", false,
            false);
    private static final Code C96161 = new Code("96161", "", "Caregiver-focused health risk assessment", "CPT", false,
            true);
    private static final Code Z5941 = new Code("Z59.41", "", "Food insecurity", "ICD-10-CM", false, false);
    private static final Code Z630 = new Code("Z63.0", "", "Problems in relationship with spouse or partner",
            "ICD-10-CM", true, false);
    private static final Code Z91414 = new Code("Z91.414", "", "Personal history of adult intimate partner abuse",
            "ICD-10-CM", true, false);

    @Test
    void theSuperbillListsTheChildTheVisitTheClinicianAndEachCodeWithItsSystem(@TempDir Path dir) {
        Path file = dir.resolve("superbill.pdf");

        SuperbillPdf.write(bill(Locale.US, List.of(G8431, C96127, C96161, Z5941)), file, false);

        String text = flat(PdfText.all(file));
        for (String expected : List.of("Tandem Demo Clinic Superbill", "Child Ana Ruiz",
                "Date of birth March 3, 2025", "Medi-Cal number 91234567A", "Date of service November 23, 2026",
                "Rendering clinician Dana Ortiz, ASW", "Codes Code Modifier Description Code system",
                "G8431 HD Maternal depression screen positive, follow-up", "96127 Brief emotional/behavioral assessment CPT",
                "96161 Caregiver-focused health risk assessment CPT Verify with your plan",
                "Z59.41 Food insecurity ICD-10-CM",
                "Codes marked “Verify with your plan” were checked by the clinic with the family's health plan.",
                "Page 1 of 1")) {
            assertTrue(text.contains(expected), "lacks '" + expected + "':\n" + text);
        }
    }

    @Test
    void withoutTheFlagConfidentialCodesAreAbsentAndNothingHintsAtThem(@TempDir Path dir) {
        Path withCodes = dir.resolve("with.pdf");
        Path withoutCodes = dir.resolve("without.pdf");

        SuperbillPdf.write(bill(Locale.US, List.of(G8431, Z630, C96127, Z91414)), withCodes, false);
        SuperbillPdf.write(bill(Locale.US, List.of(G8431, C96127)), withoutCodes, false);

        String text = PdfText.all(withCodes);
        for (String absent : List.of("Z63.0", "Z91.4", "spouse", "partner", "abuse", "onfidential", "withheld")) {
            assertFalse(text.contains(absent), "'" + absent + "' on the family's superbill:\n" + text);
        }
        assertEquals(PdfText.all(withoutCodes), text, "it reads exactly as a superbill without those codes");
    }

    @Test
    void withTheFlagConfidentialCodesArePrintedAndEveryPageSaysItIsNotForTheFamily(@TempDir Path dir) {
        Path file = dir.resolve("clinic.pdf");

        SuperbillPdf.write(bill(Locale.US, List.of(G8431, Z630, Z91414)), file, true);

        String text = flat(PdfText.all(file));
        assertTrue(text.contains("Superbill Includes confidential codes: not for the family Child Ana Ruiz"), text);
        assertTrue(text.contains("Z63.0 Problems in relationship with spouse or partner ICD-10-CM"), text);
        assertTrue(text.contains("Z91.414 Personal history of adult intimate partner abuse ICD-10-CM"), text);
        assertTrue(text.endsWith("Includes confidential codes: not for the family Page 1 of 1"), text);
        assertFalse(text.contains("Verify with your plan"), "no line about plans when no code needs it: " + text);
    }

    @Test
    void theFlagAddsNoMarkWhenThereIsNoConfidentialCode(@TempDir Path dir) {
        Path clinic = dir.resolve("clinic.pdf");
        Path family = dir.resolve("family.pdf");

        SuperbillPdf.write(bill(Locale.US, List.of(G8431, C96127)), clinic, true);
        SuperbillPdf.write(bill(Locale.US, List.of(G8431, C96127)), family, false);

        assertEquals(PdfText.all(family), PdfText.all(clinic));
    }

    @Test
    void aSuperbillWhoseOnlyCodesAreConfidentialSaysThereAreNoCodesOnTheFamilysCopy(@TempDir Path dir) {
        Path onlyConfidential = dir.resolve("only.pdf");
        Path none = dir.resolve("none.pdf");

        SuperbillPdf.write(bill(Locale.US, List.of(Z630)), onlyConfidential, false);
        SuperbillPdf.write(bill(Locale.US, List.of()), none, false);

        String text = flat(PdfText.all(onlyConfidential));
        assertTrue(text.contains("Codes No billing codes for this visit."), text);
        assertEquals(PdfText.all(none), PdfText.all(onlyConfidential));
    }

    @Test
    void aSpanishSuperbillKeepsItsAccents(@TempDir Path dir) {
        Path file = dir.resolve("resumen.pdf");
        SuperbillDocument bill = new SuperbillDocument(new Locale("es", "US"), "Clínica Tandem de Demostración",
                "María José Ñúñez", "3 de marzo de 2025", "", "23 de noviembre de 2026", "Dana Ortiz",
                List.of(new Code("96161", "", "Evaluación de riesgos de salud centrada en la cuidadora", "CPT",
                        false, true)));

        SuperbillPdf.write(bill, file, false);

        String text = flat(PdfText.all(file));
        for (String expected : List.of("Clínica Tandem de Demostración Resumen de servicios para el seguro (superbill)",
                "Niño o niña María José Ñúñez", "Fecha de nacimiento 3 de marzo de 2025",
                "Fecha del servicio 23 de noviembre de 2026", "Profesional que prestó el servicio Dana Ortiz",
                "Código Modificador Descripción Sistema de", "Evaluación de riesgos de salud centrada en la",
                "Verifique con su plan",
                "La clínica verificó con el plan de salud de la familia los códigos marcados «Verifique con su plan».",
                "Página 1 de 1")) {
            assertTrue(text.contains(expected), "lacks '" + expected + "':\n" + text);
        }
        assertFalse(text.contains("Medi-Cal"), "a blank Medi-Cal number is left off: " + text);
        assertFalse(text.contains("?"), "no character replaced: " + text);
    }

    private static SuperbillDocument bill(Locale language, List<Code> codes) {
        return new SuperbillDocument(language, "Tandem Demo Clinic", "Ana Ruiz", "March 3, 2025", "91234567A",
                "November 23, 2026", "Dana Ortiz, ASW", codes);
    }
}
