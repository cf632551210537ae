package care.tandem.ui.export;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Relationship;
import care.tandem.testing.FxWait;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.ShellSession;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The main window's Export… button opens the Export dialog; an administrator is never offered private content. */
@ExtendWith(ApplicationExtension.class)
class MainWindowExportViewTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private final ShellSession session = new ShellSession();
    @TempDir
    Path dir;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private static Optional<Stage> exportDialog() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(w -> w instanceof Stage)
                .map(w -> (Stage) w).filter(s -> "Tandem — Export records".equals(s.getTitle())).findFirst();
    }

    @Test
    void theExportButtonOpensTheExportDialog(FxRobot robot) throws Exception {
        try (AppContext app = TestApp.signedIn(dir, clock)) {
            app.families().save(TestApp.family(TestApp.child("Ana", "Lopez", LocalDate.of(2025, 1, 5)),
                    TestApp.caregiver("Rosa", "Lopez", Relationship.MOTHER, "(510) 555-0101")));
        }
        session.openSignedIn(robot, dir, clock);
        Stage main = session.shell().mainStage();
        Button export = (Button) main.getScene().getRoot().lookup("#exportButton");
        assertNotNull(export, "the top bar has Export…");
        robot.interact(() -> Screenshots.save(main.getScene(), "main-export-button"));
        robot.interact(export::fire);
        FxWait.waitUntil(() -> exportDialog().isPresent());
        var root = exportDialog().orElseThrow().getScene().getRoot();
        robot.interact(() -> ((RadioButton) root.lookup("#exportFormat_CSV")).fire());
        assertFalse(root.lookup("#exportIncludePrivate").isVisible(), "an administrator does not see private results");
    }
}
