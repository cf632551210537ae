package care.tandem;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/** The layering of ARCHITECTURE.md: a wrong import fails the build with a readable message. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.tandem");
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("care.tandem.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "java.io..", "java.nio..",
                        "care.tandem.persistence..", "care.tandem.service..", "care.tandem.ui..", "care.tandem.cli..",
                        "care.tandem.i18n..")
                .because("the domain holds the clinical rules as plain Java: no JavaFX, SQL or I/O")
                .check(classes);
    }

    @Test
    void interopKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("care.tandem.interop..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "care.tandem.persistence..",
                        "care.tandem.service..", "care.tandem.ui..", "care.tandem.cli..")
                .because("FHIR, CSV, PDF and package formats are called by services and know only the domain")
                .check(classes);
    }

    @Test
    void persistenceKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("care.tandem.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "care.tandem.service..",
                        "care.tandem.ui..", "care.tandem.cli..")
                .check(classes);
    }

    @Test
    void servicesDoNotKnowTheWindowOrTheCommandLine() {
        noClasses().that().resideInAPackage("care.tandem.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "care.tandem.ui..", "care.tandem.cli..")
                .check(classes);
    }

    @Test
    void theWindowAndTheCommandLineReachDataOnlyThroughServices() {
        noClasses().that().resideInAnyPackage("care.tandem.ui..", "care.tandem.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .orShould().dependOnClassesThat().resideInAnyPackage("care.tandem.persistence..", "care.tandem.interop..")
                .because("ui and cli call services; SQL lives only in persistence, file formats only in interop")
                .check(classes);
    }

    @Test
    void onlyPersistenceRunsSql() {
        noClasses().that().resideOutsideOfPackage("care.tandem.persistence..")
                .should().callMethod(java.sql.Connection.class, "prepareStatement", String.class)
                .orShould().callMethod(java.sql.Connection.class, "createStatement")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are tested without the toolkit (ARCHITECTURE.md)")
                .check(classes);
    }

    @Test
    void onlyTheUiImportsJavaFxSceneClasses() {
        noClasses().that().resideOutsideOfPackages("care.tandem.ui..", "care.tandem")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void nothingWritesToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("the command line prints through picocli's writers; logs go to the log file without patient data")
                .check(classes);
    }
}
