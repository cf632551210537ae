package care.tandem.ui.export;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.testing.TestUi;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog, headless on a demo folder: choose NDJSON and a folder, export, see it done; in Spanish too. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogViewTest {
    @TempDir
    Path dir;
    private AppContext app;
    private TestUi testUi;
    private Stage owner;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = primary;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (testUi != null) {
            testUi.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private ExportDialog open(FxRobot robot, Locale locale) {
        app = TestApp.open(dir.resolve("data"), MutableClock.at("2026-11-23T16:00:00Z"));
        app.demo().addFamilies(6, 2L, n -> { }, () -> false);
        app.accounts().signIn("clinician", "clinician-demo".toCharArray());
        testUi = TestUi.of(app, locale);
        ExportDialog[] d = new ExportDialog[1];
        robot.interact(() -> d[0] = ExportDialog.show(testUi.ui(), owner));
        return d[0];
    }

    @Test
    void anExportChosenInTheDialogIsWrittenWithProgressAndSaysSo(FxRobot robot) throws Exception {
        ExportDialog d = open(robot, Locale.ENGLISH);
        var root = d.stage().getScene().getRoot();
        Path out = dir.resolve("out");
        robot.interact(() -> {
            ((RadioButton) root.lookup("#exportFormat_NDJSON")).fire();
            ((TextField) root.lookup("#exportFolder")).setText(out.toString());
        });
        assertFalse(root.lookup("#exportIncludePrivate").isVisible(), "include-private is for CSV only");
        robot.interact(() -> ((RadioButton) root.lookup("#exportFormat_CSV")).fire());
        assertTrue(root.lookup("#exportIncludePrivate").isVisible(), "a clinician may include private content in CSV");
        robot.interact(() -> Screenshots.save(d.stage().getScene(), "export-dialog-csv"));
        robot.interact(() -> ((RadioButton) root.lookup("#exportFormat_NDJSON")).fire());
        robot.interact(() -> ((Button) root.lookup("#exportStart")).fire());
        waitUntil(() -> d.model().finished().get());
        robot.interact(() -> { });
        String status = ((Labeled) root.lookup("#exportStatus")).getText();
        assertTrue(status.startsWith("Done: 6 families"), status);
        assertEquals("Close", ((Button) root.lookup("#exportCancel")).getText());
        assertTrue(Files.exists(out.resolve("Patient.ndjson")));
        robot.interact(() -> Screenshots.save(d.stage().getScene(), "export-dialog-done"));
    }

    @Test
    void theDialogSpeaksSpanishAndRefusesAFolderThatIsNotEmpty(FxRobot robot) throws Exception {
        ExportDialog d = open(robot, Locale.forLanguageTag("es"));
        var root = d.stage().getScene().getRoot();
        Path full = Files.createDirectories(dir.resolve("lleno"));
        Files.writeString(full.resolve("x.txt"), "x");
        robot.interact(() -> ((TextField) root.lookup("#exportFolder")).setText(full.toString()));
        robot.interact(() -> ((Button) root.lookup("#exportStart")).fire());
        String message = ((Labeled) root.lookup("#exportMessage")).getText();
        assertTrue(message.startsWith("La carpeta"), message);
        assertEquals("Tandem — Exportar registros", d.stage().getTitle());
        robot.interact(() -> Screenshots.save(d.stage().getScene(), "export-dialog-es"));
    }
}
