package care.tandem.ui.screening;

import atlantafx.base.theme.PrimerLight;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.Screenshots;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import care.tandem.ui.family.FamilyScreenController;
import care.tandem.ui.family.FamilyViews;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family page's screening panel and the urgent-alert dialog, headless, on a real data folder. */
@ExtendWith(ApplicationExtension.class)
class ScreeningPanelViewTest {
    @TempDir
    Path dir;
    private ScreeningPanelFixture data;
    private FxBackgroundRunner runner;
    private Windows windows;
    private FamilyScreenController screen;
    private Stage stage;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.close();
        }
        data.app.close();
    }

    private void show(FxRobot robot) {
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(Locale.ENGLISH);
        windows = new Windows(texts.bundle(), false, w -> {
            StackPane cover = new StackPane();
            cover.setId("testCover");
            return cover;
        });
        UiContext ui = new UiContext(data.app, runner, new FakeDialogs(), texts, new ControllerRegistry(), windows,
                false);
        FamilyViews.register(ui);
        robot.interact(() -> {
            FXMLLoader loader = new FXMLLoader(FamilyViews.class.getResource(FamilyViews.SCREEN), texts.bundle());
            loader.setControllerFactory(ui.controllers());
            try {
                loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            screen = loader.getController();
            stage.setScene(windows.scene(loader.<Parent>getRoot(), 1200, 900));
            stage.show();
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> texts(Parent root) {
        List<String> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
    }

    private Optional<Window> alertWindow() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && "Tandem — Urgent: act now".equals(s.getTitle())).findFirst();
    }

    @Test
    void safetyShowsOnlyAsPrivateUntilClickedThenItsResultIsShownAndAudited(FxRobot robot) throws Exception {
        data = ScreeningPanelFixture.signedIn(dir);
        Screening ahc = data.ahcWithPositiveSafety();
        data.phq9(2, 2, 1, 1, 1, 1, 2, 0, 0);
        show(robot);
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> robot.lookup("#private0").tryQuery().isPresent()
                || robot.lookup("#private1").tryQuery().isPresent());

        Parent root = stage.getScene().getRoot();
        String before = String.join("\n", texts(root));
        assertTrue(before.contains("Private"), before);
        assertTrue(before.contains("Social needs (AHC HRSN)"), before);
        assertTrue(before.contains("Moderate (10)"), before);
        String lower = before.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("safety"), before);
        assertFalse(lower.contains("not safe"), before);
        assertFalse(lower.contains("score 20"), before);
        assertEquals(0, ScreeningPanelFixture.auditRows(dir, "VIEW_PRIVATE", ahc.id()));
        robot.interact(() -> Screenshots.save(stage.getScene(), "screening-family-panel-private-hidden"));

        String privateId = robot.lookup("#private0").tryQuery().isPresent() ? "#private0" : "#private1";
        // The pane may reach below Monocle's screen, so the button is pressed as a keyboard user would.
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup(privateId).query()).fire());
        waitUntil(() -> String.join("\n", texts(root)).contains("Interpersonal safety: Positive, score 20"));
        assertEquals(1, ScreeningPanelFixture.auditRows(dir, "VIEW_PRIVATE", ahc.id()));
        robot.interact(() -> Screenshots.save(stage.getScene(), "screening-family-panel-private-shown"));

        robot.interact(() -> screen.model().show(null));
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> robot.lookup(privateId).tryQuery().isPresent());
        assertFalse(String.join("\n", texts(root)).contains("score 20"), "opening the family again hides it");
    }

    @Test
    void anItemNineAlertOpensWithTheFamilyStaysThroughEscAndALockAndIsRecorded(FxRobot robot) throws Exception {
        data = ScreeningPanelFixture.signedIn(dir);
        data.phq9(1, 1, 0, 0, 0, 0, 0, 0, 1);
        Alert raised = data.app.screening().openAlerts(data.family.id()).get(0);
        show(robot);
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> alertWindow().isPresent());
        Window dialog = alertWindow().orElseThrow();
        Parent root = dialog.getScene().getRoot();
        waitUntil(() -> "Answer given: Several days".equals(((Labeled) root.lookup("#alertAnswer")).getText()));
        assertEquals("Urgent: PHQ-9 item 9", ((Labeled) root.lookup("#alertHeading")).getText());
        assertTrue(((Labeled) root.lookup("#alertItem")).getText().startsWith("Question 9: "));
        robot.interact(() -> Screenshots.save(dialog.getScene(), "screening-alert-dialog"));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "Esc does not close it");
        robot.interact(() -> dialog.fireEvent(new javafx.stage.WindowEvent(dialog,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(dialog.isShowing(), "a close request does not close it");
        assertTrue(((Labeled) root.lookup("#alertMessage")).getText().contains("cannot be closed"));

        robot.interact(() -> windows.cover(true));
        assertTrue(dialog.isShowing(), "the lock covers the dialog instead of closing it");
        assertNotNull(dialog.getScene().getRoot().lookup("#testCover"));
        robot.interact(() -> windows.cover(false));
        assertTrue(dialog.isShowing(), "still there after unlock");

        robot.clickOn("#alertAction_" + AlertAction.SAFETY_PLAN_MADE.name());
        robot.clickOn("#alertRecord");
        waitUntil(() -> !dialog.isShowing());
        assertTrue(data.app.screening().openAlerts(null).isEmpty());
        waitUntil(() -> robot.lookup("#resultUrgent0").tryQuery().isPresent());
        assertEquals("Urgent: item 9", robot.lookup("#resultUrgent0").queryLabeled().getText());
        assertTrue(robot.lookup("#panelAlerts").tryQuery().isEmpty(), "no open alert is left on the page");
        assertEquals(1, ScreeningPanelFixture.auditRows(dir, "ALERT_ACTED", raised.id()));
    }
}
