package care.tandem.interop.instrument;

import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.interop.fhir.FhirJson;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.List;

class ScratchImportTest {
    @Test
    void show() throws Exception {
        FhirJson f = new FhirJson();
        InstrumentLibrary lib = new InstrumentReader(f).bundled();
        QuestionnaireImporter imp = new QuestionnaireImporter(f);
        try (var s = Files.list(Path.of("src/test/resources/fhir-corpus/questionnaires"))) {
            for (Path p : s.sorted().toList()) {
                try {
                    var plan = imp.plan(Files.readString(p), lib, List.of(), ImportMarks.none());
                    System.out.println("== " + p.getFileName() + " " + plan.kind() + " id=" + plan.id() + " v=" + plan.version() + " of=" + plan.versionOf() + " langs=" + plan.languages() + " unusable=" + plan.unusable());
                    if (plan.instrument() != null) System.out.println("   items=" + plan.instrument().items().size() + " total=" + plan.instrument().rules().totalItems() + " crit=" + plan.instrument().rules().critical() + " domains=" + plan.instrument().rules().domains());
                    plan.notHonoured().forEach(n -> System.out.println("   - " + n));
                } catch (RuntimeException e) {
                    System.out.println("== " + p.getFileName() + " FAILED " + e);
                    e.printStackTrace(System.out);
                }
            }
        }
    }
}
