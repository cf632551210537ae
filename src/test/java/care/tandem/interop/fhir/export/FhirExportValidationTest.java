package care.tandem.interop.fhir.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import care.tandem.AppContext;
import care.tandem.service.ExportProgress;
import care.tandem.service.FhirExportService;
import care.tandem.testing.ExportFixture;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource of an export of demo data validates against base FHIR R4 with HAPI FHIR's validator, with no
 * errors. The demo run's showcase families give every kind and variant: private safety results, private referrals,
 * signed and co-signed notes with addenda, screens of caregivers, screens not done and entered in error.
 */
class FhirExportValidationTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");

    @Test
    void everyExportedResourceValidatesAgainstBaseR4(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("export");
        Path bundles = dir.resolve("bundles");
        ExportFixture.create(dir.resolve("data"), clock);
        try (AppContext app = TestApp.open(dir.resolve("data"), clock)) {
            app.fhirExport().export(new FhirExportService.Request(FhirExportService.Format.NDJSON, out, null),
                    ExportProgress.NONE);
            app.fhirExport().export(new FhirExportService.Request(FhirExportService.Format.FHIR, bundles, null),
                    ExportProgress.NONE);
        }
        FhirContext context = FhirContext.forR4();
        IParser parser = context.newJsonParser();
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    resources.add((Resource) parser.parseResource(line));
                }
            }
        }
        Map<String, Integer> byType = new TreeMap<>();
        resources.forEach(r -> byType.merge(r.fhirType(), 1, Integer::sum));
        long restricted = resources.stream().filter(r -> r.getMeta().getSecurity().stream()
                .anyMatch((Coding c) -> "R".equals(c.getCode()))).count();
        System.out.println("exported " + resources.size() + " resources " + byType + ", restricted " + restricted);
        assertEquals(Set.of("Patient", "RelatedPerson", "Encounter", "QuestionnaireResponse", "Observation",
                "Condition", "ServiceRequest", "Task", "DocumentReference", "Provenance", "Practitioner"),
                byType.keySet(), "every kind of resource appears");
        assertTrue(restricted >= 10, "private results, referrals, codes and note copies appear");

        FhirValidation validation = new FhirValidation(context);
        long warnings = 0;
        List<String> errors = new ArrayList<>();
        long t0 = System.nanoTime();
        Map<String, Long> nanos = new TreeMap<>();
        for (Resource r : resources) {
            long t = System.nanoTime();
            ValidationResult result = validation.validate(r);
            nanos.merge(r.fhirType(), (System.nanoTime() - t) / 1_000_000, Long::sum);
            warnings += FhirValidation.warnings(result);
            for (SingleValidationMessage m : FhirValidation.errors(result)) {
                errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + m.getLocationString() + ": "
                        + m.getMessage());
            }
        }
        System.out.println("validated " + resources.size() + " resources in " + (System.nanoTime() - t0) / 1_000_000
                + " ms: " + errors.size() + " errors, " + warnings + " warnings");
        System.out.println("ms by type " + nanos);
        errors.stream().limit(40).forEach(System.out::println);
        // The Bundle around them: its first entries, as a file holds them (fullUrl, type collection).
        Bundle first;
        try (Stream<Path> files = Files.list(bundles)) {
            first = parser.parseResource(Bundle.class, Files.readString(files.sorted().findFirst().orElseThrow()));
        }
        first.getEntry().subList(12, first.getEntry().size()).clear();
        for (SingleValidationMessage m : FhirValidation.errors(validation.validate(first))) {
            errors.add("Bundle " + m.getLocationString() + ": " + m.getMessage());
        }
        assertEquals(List.of(), errors.stream().limit(20).toList());
        assertTrue(resources.size() > 0);
    }
}
