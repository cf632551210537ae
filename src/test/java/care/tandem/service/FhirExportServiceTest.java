package care.tandem.service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.testing.ExportFixture;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR export on real SQLite: a demo folder (the showcase families, with billing codes accepted for their visits,
 * one of them removed), exported by the service as a person's export would be.
 */
class FhirExportServiceTest {
    private static final Set<String> SAFETY_CODES = Set.of("95618-5", "95617-7", "95616-9", "95615-1", "95614-4");
    private static final Set<String> SAFETY_Z_CODES = Set.of("Z63.0", "Z91.410", "Z91.411", "Z91.412", "Z91.413",
            "Z91.414", "Z91.419", "Z69.11");
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T16:00:00Z");

    @TempDir
    static Path shared;
    private static Path data;
    private static Map<UUID, Screening> screens;
    private static Set<UUID> caregivers;

    @BeforeAll
    static void demoFolderWithAcceptedCodes() {
        data = shared.resolve("data");
        ExportFixture.create(data, CLOCK);
        screens = new HashMap<>();
        caregivers = new HashSet<>();
        try (AppContext app = TestApp.open(data, CLOCK)) {
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            for (Family f : app.families().search("")) {
                f.caregivers().forEach(m -> caregivers.add(m.id()));
                app.screening().forFamily(f.id()).forEach(x -> screens.put(x.id(), x));
            }
        }
    }

    @Test
    void caregiversScreensResultsAndConcernsHaveTheCaregiverAsSubject(@TempDir Path dir) throws IOException {
        Map<String, List<Resource>> out = export(dir.resolve("out"), null);
        int caregiverResponses = 0;
        for (Resource r : out.get("QuestionnaireResponse")) {
            QuestionnaireResponse qr = (QuestionnaireResponse) r;
            Screening s = screens.get(UUID.fromString(qr.getIdElement().getIdPart()));
            assertEquals("Patient/" + s.subjectId(), qr.getSubject().getReference());
            caregiverResponses += caregivers.contains(s.subjectId()) ? 1 : 0;
        }
        assertTrue(caregiverResponses > 0, "the demo has caregivers' own screens");
        Map<String, String> subjectOfResponse = out.get("QuestionnaireResponse").stream().collect(Collectors.toMap(
                r -> "QuestionnaireResponse/" + r.getIdElement().getIdPart(),
                r -> ((QuestionnaireResponse) r).getSubject().getReference()));
        Map<String, String> subjectOfObservation = new HashMap<>();
        for (Resource r : out.get("Observation")) {
            Observation o = (Observation) r;
            subjectOfObservation.put("Observation/" + o.getIdElement().getIdPart(), o.getSubject().getReference());
            for (Reference from : o.getDerivedFrom()) {
                assertEquals(subjectOfResponse.get(from.getReference()), o.getSubject().getReference());
            }
        }
        int caregiverConcerns = 0;
        for (Resource r : out.get("Condition")) {
            Condition c = (Condition) r;
            for (Condition.ConditionEvidenceComponent e : c.getEvidence()) {
                for (Reference d : e.getDetail()) {
                    assertEquals(subjectOfObservation.get(d.getReference()), c.getSubject().getReference());
                }
            }
            UUID subject = UUID.fromString(c.getSubject().getReferenceElement().getIdPart());
            caregiverConcerns += caregivers.contains(subject) ? 1 : 0;
        }
        assertTrue(caregiverConcerns > 0, "a caregiver's own screen gave a health concern about the caregiver");
        for (Resource r : out.get("Patient")) {
            Patient p = (Patient) r;
            UUID id = UUID.fromString(p.getIdElement().getIdPart());
            assertEquals(caregivers.contains(id), !p.getLink().isEmpty(), "caregivers link to their RelatedPersons");
        }
    }

    @Test
    void privateContentIsLabelledRestrictedAndNothingElseIs(@TempDir Path dir) throws IOException {
        Map<String, List<Resource>> out = export(dir.resolve("out"), null);
        int safety = 0;
        for (Resource r : out.get("Observation")) {
            Observation o = (Observation) r;
            String code = o.getCode().getCodingFirstRep().getCode();
            if (SAFETY_CODES.contains(code)) {
                safety++;
                assertTrue(restricted(o), "safety answers and results are restricted");
            } else if (code.startsWith("4425") || code.equals("44261-6")) {
                assertFalse(restricted(o), "a PHQ result is not private");
            }
        }
        assertTrue(safety > 0);
        Set<String> privateRequests = new HashSet<>();
        for (Resource r : out.get("ServiceRequest")) {
            ServiceRequest sr = (ServiceRequest) r;
            boolean safetyNeed = sr.getCode().getCodingFirstRep().getCode().equals("INTERPERSONAL_SAFETY");
            assertEquals(safetyNeed, restricted(sr), "only referrals that reveal a safety result are restricted");
            if (safetyNeed) {
                privateRequests.add("ServiceRequest/" + sr.getIdElement().getIdPart());
            }
        }
        assertFalse(privateRequests.isEmpty());
        Set<String> privateTasks = new HashSet<>();
        for (Resource r : out.get("Task")) {
            Task t = (Task) r;
            boolean p = privateRequests.contains(t.getFocus().getReference());
            assertEquals(p, restricted(t));
            if (p) {
                privateTasks.add("Task/" + t.getIdElement().getIdPart());
            }
        }
        for (Resource r : out.get("Provenance")) {
            Provenance p = (Provenance) r;
            if (privateTasks.contains(p.getTargetFirstRep().getReference())) {
                assertTrue(restricted(p), "a private referral's history is restricted too");
            }
        }
        int confidentialCodes = 0;
        for (Resource r : out.get("Condition")) {
            Condition c = (Condition) r;
            boolean z = SAFETY_Z_CODES.contains(c.getCode().getCodingFirstRep().getCode());
            assertEquals(z, restricted(c));
            confidentialCodes += z ? 1 : 0;
        }
        assertTrue(confidentialCodes > 0);
        int complete = 0;
        for (Resource r : out.get("DocumentReference")) {
            DocumentReference d = (DocumentReference) r;
            boolean full = d.getDescription().contains("confidential part");
            assertEquals(full, restricted(d), "only the complete copy of a note with a confidential part is restricted");
            complete += full ? 1 : 0;
        }
        assertTrue(complete > 0);
    }

    @Test
    void everyExportGivesEachRecordTheSameIds(@TempDir Path dir) throws IOException {
        assertEquals(ids(export(dir.resolve("one"), null)), ids(export(dir.resolve("two"), null)));
        List<String> all = ids(export(dir.resolve("three"), null)).stream().toList();
        assertEquals(all.size(), new HashSet<>(all).size(), "no id is used twice");
    }

    @Test
    void recordsEnteredInErrorOrRemovedAreExportedSoMarked(@TempDir Path dir) throws IOException {
        Map<String, List<Resource>> out = export(dir.resolve("out"), null);
        long wrong = out.get("QuestionnaireResponse").stream().map(r -> (QuestionnaireResponse) r)
                .filter(q -> q.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR).count();
        assertEquals(screens.values().stream().filter(s -> s.status() == ScreeningStatus.ENTERED_IN_ERROR).count(),
                wrong);
        assertTrue(wrong > 0);
        List<Condition> removed = out.get("Condition").stream().map(r -> (Condition) r)
                .filter(c -> c.getVerificationStatus().getCodingFirstRep().getCode().equals("entered-in-error"))
                .toList();
        assertEquals(1, removed.size());
        assertFalse(removed.get(0).hasClinicalStatus());
        long notDone = screens.values().stream().filter(s -> s.status() == ScreeningStatus.NOT_DONE).count();
        assertTrue(notDone > 0);
        assertEquals(notDone, out.get("Observation").stream().map(r -> (Observation) r)
                .filter(o -> o.getStatus() == Observation.ObservationStatus.CANCELLED).count());
    }

    @Test
    void demoFamiliesAreTaggedAsTestData(@TempDir Path dir) throws IOException {
        Map<String, List<Resource>> out = export(dir.resolve("out"), null);
        for (List<Resource> list : out.values()) {
            for (Resource r : list) {
                if (!r.fhirType().equals("Practitioner")) {
                    assertTrue(r.getMeta().getTag().stream().anyMatch(t -> t.getCode().equals("HTEST")), r.getId());
                }
            }
        }
    }

    @Test
    void ndjsonWritesOneFilePerResourceTypeAndNothingElse(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        FhirExportService.Result result = exportTo(out, FhirExportService.Format.NDJSON, null, ExportProgress.NONE);
        IParser parser = FHIR.newJsonParser();
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                names.add(name);
                String type = name.substring(0, name.length() - ".ndjson".length());
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                assertEquals(result.resources().get(type), (long) lines.size(), name);
                for (String line : lines) {
                    assertEquals(type, parser.parseResource(line).fhirType());
                }
            }
        }
        assertEquals(result.resources().keySet().stream().map(t -> t + ".ndjson").collect(Collectors.toSet()), names);
        assertTrue(names.contains("Condition.ndjson") && names.contains("Practitioner.ndjson"));
    }

    @Test
    void fhirWritesCollectionBundles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        FhirExportService.Result result = exportTo(out, FhirExportService.Format.FHIR, null, ExportProgress.NONE);
        long entries = 0;
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertTrue(f.getFileName().toString().matches("bundle-\\d{5}\\.json"), f.toString());
                org.hl7.fhir.r4.model.Bundle b = FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class,
                        Files.readString(f));
                assertEquals(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION, b.getType());
                entries += b.getEntry().size();
            }
        }
        assertEquals(result.resourceCount(), entries);
    }

    @Test
    void aFolderThatHoldsAnythingIsRefusedAndLeftAsItWas(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        ProblemException e = assertThrows(ProblemException.class,
                () -> exportTo(out, FhirExportService.Format.NDJSON, null, ExportProgress.NONE));
        assertEquals(Problem.EXPORT_FOLDER_NOT_EMPTY, e.problem());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("notes.txt")), files.toList());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no staging folder left beside it");
        }
    }

    @Test
    void anEmptyFolderIsFilled(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        exportTo(out, FhirExportService.Format.NDJSON, null, ExportProgress.NONE);
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.count() > 5);
        }
    }

    @Test
    void aCancelledExportLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        List<Long> seen = new ArrayList<>();
        ExportProgress cancelAfterFirstPage = new ExportProgress() {
            @Override
            public void step(String what, long done, long total) {
                seen.add(done);
            }

            @Override
            public boolean cancelled() {
                return seen.size() > 1;
            }
        };
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> exportTo(out, FhirExportService.Format.FHIR, null, cancelAfterFirstPage));
        assertTrue(seen.get(seen.size() - 1) > 0, "it had written families when cancelled");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "neither the folder nor a staging folder is left");
        }
    }

    @Test
    void sinceADateExportsOnlyWhatChangedFromThatDay(@TempDir Path dir) throws IOException {
        MutableClock clock = MutableClock.at("2026-03-02T18:00:00Z");
        Path folder = dir.resolve("real");
        Family later;
        try (AppContext app = TestApp.signedIn(folder, clock)) {
            app.families().save(TestApp.family(TestApp.child("Ana", "Lopez", LocalDate.of(2025, 1, 5)),
                    TestApp.caregiver("Rosa", "Lopez", Relationship.MOTHER, "(510) 555-0101")));
            clock.advance(Duration.ofDays(40));
            later = app.families().save(TestApp.family(TestApp.child("Leo", "Ng", LocalDate.of(2024, 5, 6)),
                    TestApp.caregiver("Mai", "Ng", Relationship.MOTHER, "(510) 555-0102")));
            Path out = dir.resolve("out");
            app.fhirExport().export(new FhirExportService.Request(FhirExportService.Format.NDJSON, out,
                    LocalDate.of(2026, 4, 11)), ExportProgress.NONE);
            Map<String, List<Resource>> resources = read(out);
            Set<String> patients = resources.get("Patient").stream().map(r -> r.getIdElement().getIdPart())
                    .collect(Collectors.toSet());
            assertEquals(later.members().stream().map(Member::id).map(UUID::toString).collect(Collectors.toSet()),
                    patients);
            assertEquals(Set.of("Patient", "RelatedPerson"), resources.keySet());
            for (Resource r : resources.get("Patient")) {
                assertTrue(r.getMeta().getTag().isEmpty(), "a real family is not tagged as test data");
            }
            Path nothing = dir.resolve("nothing");
            FhirExportService.Result none = app.fhirExport().export(new FhirExportService.Request(
                    FhirExportService.Format.NDJSON, nothing, LocalDate.of(2026, 4, 12)), ExportProgress.NONE);
            assertEquals(0, none.families());
            assertTrue(Files.isDirectory(nothing));
        }
    }

    // ---- helpers ----

    private static boolean restricted(Resource r) {
        return r.getMeta().getSecurity().stream().anyMatch((Coding c) -> "R".equals(c.getCode())
                && c.getSystem().equals("http://terminology.hl7.org/CodeSystem/v3-Confidentiality"));
    }

    private static Set<String> ids(Map<String, List<Resource>> out) {
        Set<String> ids = new HashSet<>();
        out.values().forEach(l -> l.forEach(r -> ids.add(r.fhirType() + "/" + r.getIdElement().getIdPart())));
        return ids;
    }

    private static Map<String, List<Resource>> export(Path out, LocalDate since) throws IOException {
        exportTo(out, FhirExportService.Format.NDJSON, since, ExportProgress.NONE);
        return read(out);
    }

    private static FhirExportService.Result exportTo(Path out, FhirExportService.Format format, LocalDate since,
                                                     ExportProgress progress) {
        try (AppContext app = TestApp.open(data, CLOCK)) {
            return app.fhirExport().export(new FhirExportService.Request(format, out, since), progress);
        }
    }

    private static Map<String, List<Resource>> read(Path out) throws IOException {
        IParser parser = FHIR.newJsonParser();
        Map<String, List<Resource>> byType = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Resource r = (Resource) parser.parseResource(line);
                    byType.computeIfAbsent(r.fhirType(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return byType;
    }
}
