package care.tandem.ui.caregiver;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caregiver mode headless: the laptop turned round, answered by keys and clicks, covered, and handed back. */
@ExtendWith(ApplicationExtension.class)
class CaregiverModeViewTest {
    /** Words that would give away a result, in either language, and record details other than the first name. */
    private static final List<String> NEVER_SHOWN = List.of("score", "puntuación", "total", "band", "minimal",
            "mild", "moderate", "severe", "leve", "moderad", "grave", "positiv", "negativ", "critical", "crítico",
            "alert", "alerta", "depress", "Pérez", "Lucía", "Pedro", "5105550100");

    @TempDir
    Path dir;
    private AppContext app;
    private FxBackgroundRunner runner;
    private UiContext ui;
    private Stage main;
    private Family family;
    private Member mother;
    private Visit visit;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<List<UUID>> handedBack = new CopyOnWriteArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = TestApp.signedIn(dir, Clock.systemDefaultZone());
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.now().minusMonths(2));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        Member father = TestApp.caregiver("Pedro", "Pérez", Relationship.FATHER, "5105550101");
        family = app.families().save(TestApp.family(child, mother, father));
        visit = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(Locale.ENGLISH);
        // A demo folder: the caregiver's window must still say DEMO.
        Windows windows = new Windows(texts.bundle(), true, w -> new StackPane(new Label("Locked")));
        ui = new UiContext(app, runner, dialogs, texts, new ControllerRegistry(), windows, true);
        // As the shell does: Ctrl+L in any Tandem window locks them all.
        windows.addSceneHook(scene -> scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L,
                KeyCombination.SHORTCUT_DOWN), () -> windows.cover(true)));
        main = stage;
        main.setScene(windows.scene(new StackPane(new Label("Family page")), 1000, 700));
        main.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ui.windows().closeAll()).get(10, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
        runner.close();
        app.close();
    }

    private UUID start(String instrument, String language) {
        return app.screening().start(visit.id(), mother.id(), mother.id(), instrument, language,
                AdministrationMode.SELF).id();
    }

    private Stage launch(FxRobot robot, String language, UUID... ids) throws Exception {
        robot.interact(() -> CaregiverMode.launch(ui, main, List.of(ids), "Ana", language, true, handedBack::add));
        waitUntil(() -> caregiverStage() != null);
        Stage stage = caregiverStage();
        waitUntil(() -> stage.getScene().lookup("#questionPage") != null);
        return stage;
    }

    private Stage caregiverStage() {
        return (Stage) Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#caregiverRoot") != null).findFirst().orElse(null);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(Stage stage, String id) {
        Node n = stage.getScene().lookup(id);
        return n == null ? null : ((Labeled) n).getText();
    }

    private static void waitForText(Stage stage, String id, String expected) throws Exception {
        try {
            waitUntil(() -> expected.equals(text(stage, id)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " shows \"" + text(stage, id) + "\", not \"" + expected + "\"", e);
        }
    }

    /** The words of every label and button now in the window (all of them, shown or not). */
    private static List<String> labels(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
    }

    private void look(Stage stage) {
        seen.addAll(labels(stage.getScene().getRoot()));
    }

    private void assertNothingGivenAway(int total) {
        for (String text : seen) {
            for (String word : NEVER_SHOWN) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                        "\"" + text + "\" contains \"" + word + "\"");
            }
            assertFalse(text.matches(".*\\b" + total + "\\b.*"), "\"" + text + "\" shows the total " + total);
        }
    }

    private void snapshot(FxRobot robot, Stage stage, String name) {
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    @Test
    void aCaregiverCompletesAPhq9InSpanishByKeysAndClicksAndHandsBack(FxRobot robot) throws Exception {
        UUID id = start("phq9", "es");
        Stage stage = launch(robot, "es", id);
        assertTrue(stage.isFullScreen());
        assertNotNull(stage.getScene().lookup("#demoBand"), "a demo folder says DEMO on the caregiver's window too");
        waitForText(stage, "#questionLabel", "Poco interés o placer en hacer cosas");
        assertEquals("Varios días", text(stage, "#choice2"));
        assertEquals("Hola, Ana", text(stage, "#greetingLabel"));
        assertEquals("Pregunta 1 de 10", text(stage, "#progressLabel"));
        assertEquals("Prefiero no contestar", text(stage, "#declineButton"));
        look(stage);
        snapshot(robot, stage, "caregiver-question-es");

        // Items 1-8: 3, 2, 2, ... by digit keys and a click; item 9 "Ningún día"; the difficulty item.
        robot.type(KeyCode.DIGIT4);
        waitForText(stage, "#progressLabel", "Pregunta 2 de 10");
        robot.clickOn("#choice3");
        waitForText(stage, "#progressLabel", "Pregunta 3 de 10");
        robot.type(KeyCode.BACK_SPACE);
        waitForText(stage, "#progressLabel", "Pregunta 2 de 10");
        assertTrue(((javafx.scene.control.ToggleButton) stage.getScene().lookup("#choice3")).isSelected());
        robot.type(KeyCode.ENTER);
        waitForText(stage, "#progressLabel", "Pregunta 3 de 10");
        for (int i = 3; i <= 8; i++) {
            look(stage);
            robot.type(KeyCode.DIGIT2);
            waitForText(stage, "#progressLabel", "Pregunta " + (i + 1) + " de 10");
        }
        robot.type(KeyCode.DIGIT1);
        waitForText(stage, "#progressLabel", "Pregunta 10 de 10");
        look(stage);
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> stage.getScene().lookup("#endPage") != null);
        assertEquals("Gracias. Por favor, devuelva la computadora a su clínico(a).", text(stage, "#thanksLabel"));
        look(stage);
        snapshot(robot, stage, "caregiver-thanks-es");

        Screening done = app.screening().open(id);
        assertEquals(ScreeningStatus.COMPLETED, done.status());
        assertEquals(3 + 2 + 6 * 1, done.score().total());
        assertEquals(10, done.answers().size());
        assertNothingGivenAway(done.score().total());

        robot.clickOn("#endPasswordField").write("wrong one").type(KeyCode.ENTER);
        waitUntil(() -> text(stage, "#endMessage") != null && !text(stage, "#endMessage").isEmpty());
        assertTrue(text(stage, "#endMessage").startsWith("Esa contraseña no es correcta"));
        assertTrue(stage.isShowing());
        robot.clickOn("#endPasswordField").write(TestApp.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> !handedBack.isEmpty());
        assertEquals(List.of(List.of(id)), handedBack);
        assertFalse(stage.isShowing());
    }

    @Test
    void stoppingHalfWayAfterACriticalItem9LeavesTheAlertOpenAndTheScreenInProgress(FxRobot robot) throws Exception {
        UUID id = start("phq9", "en");
        Stage stage = launch(robot, "en", id);
        waitForText(stage, "#progressLabel", "Question 1 of 10");
        for (int i = 1; i <= 8; i++) {
            robot.type(KeyCode.DIGIT1);
            waitForText(stage, "#progressLabel", "Question " + (i + 1) + " of 10");
        }
        look(stage);
        snapshot(robot, stage, "caregiver-question-en");
        robot.clickOn("#choice2");
        waitForText(stage, "#progressLabel", "Question 10 of 10");

        robot.clickOn("#clinicianButton");
        waitUntil(() -> stage.getScene().lookup("#passwordPage") != null);
        assertTrue(stage.getScene().lookup("#questionLabel") == null, "the question page is gone");
        look(stage);
        snapshot(robot, stage, "caregiver-password-en");
        robot.clickOn("#caregiverPassword").write(TestApp.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> !handedBack.isEmpty());

        assertEquals(List.of(List.of(id)), handedBack);
        assertEquals(ScreeningStatus.IN_PROGRESS, app.screening().open(id).status());
        List<Alert> open = app.screening().openAlerts(family.id());
        assertEquals(List.of(AlertKind.CRITICAL), open.stream().map(Alert::kind).toList());
        assertEquals("44260-8", open.get(0).item());
        assertNothingGivenAway(99);
    }

    @Test
    void escBlanksTheWindowAtOnceAndOnlyTheClinicianPasswordBringsItBack(FxRobot robot) throws Exception {
        UUID id = start("phq9", "en");
        Stage stage = launch(robot, "en", id);
        waitForText(stage, "#questionLabel", "Little interest or pleasure in doing things");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = labels(stage.getScene().getRoot());
        assertTrue(shown.stream().noneMatch(t -> t.contains("interest") || t.contains("Several")
                || t.contains("Ana") || t.contains("Question")), shown.toString());
        assertTrue(shown.contains("Tandem"));
        assertTrue(stage.isFullScreen(), "Esc does not leave full screen");
        snapshot(robot, stage, "caregiver-blank");

        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> stage.getScene().lookup("#caregiverPassword") != null);
        assertTrue(app.screening().open(id).answers().isEmpty(), "a key on the blank page answers nothing");
        assertTrue(stage.getScene().lookup("#passwordBack") == null
                || !stage.getScene().lookup("#passwordBack").isVisible(), "no way back without the password");
        robot.clickOn("#caregiverPassword").write("not it").type(KeyCode.ENTER);
        waitUntil(() -> !text(stage, "#passwordMessage").isEmpty());
        assertTrue(stage.getScene().lookup("#questionLabel") == null);
        robot.clickOn("#caregiverPassword").write(TestApp.PASSWORD).type(KeyCode.ENTER);
        waitForText(stage, "#questionLabel", "Little interest or pleasure in doing things");
        assertTrue(handedBack.isEmpty());
    }

    @Test
    void losingFocusCoversTheWindowAndAsksForThePassword(FxRobot robot) throws Exception {
        UUID id = start("phq9", "en");
        Stage stage = launch(robot, "en", id);
        waitForText(stage, "#questionLabel", "Little interest or pleasure in doing things");
        // Alt+Tab to another program. Monocle keeps every window "focused", so the platform's report of the loss
        // is given the way the toolkit itself gives it.
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, false));
        waitUntil(() -> stage.getScene().lookup("#passwordPage") != null);
        assertTrue(stage.getScene().lookup("#questionLabel") == null, "nothing shows before the password");
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, true));
        robot.clickOn("#caregiverPassword").write(TestApp.PASSWORD).type(KeyCode.ENTER);
        waitForText(stage, "#questionLabel", "Little interest or pleasure in doing things");
        assertTrue(handedBack.isEmpty());
    }

    @Test
    void aPositivePhq2GoesStraightOnIntoThePhq9WithoutShowingAResult(FxRobot robot) throws Exception {
        UUID phq2 = start("phq2", "en");
        Stage stage = launch(robot, "en", phq2);
        waitForText(stage, "#progressLabel", "Question 1 of 2");
        robot.type(KeyCode.DIGIT3);
        waitForText(stage, "#progressLabel", "Question 2 of 2");
        robot.type(KeyCode.DIGIT4);
        waitForText(stage, "#progressLabel", "Question 3 of 10");
        assertEquals("Trouble falling or staying asleep, or sleeping too much", text(stage, "#questionLabel"));
        assertEquals("A few more questions", text(stage, "#noteLabel"));
        look(stage);
        assertNothingGivenAway(5);

        robot.clickOn("#clinicianButton");
        robot.clickOn("#caregiverPassword").write(TestApp.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> !handedBack.isEmpty());
        List<UUID> ids = handedBack.get(0);
        assertEquals(2, ids.size());
        assertEquals(phq2, ids.get(0));
        Screening phq9 = app.screening().open(ids.get(1));
        assertEquals("phq9", phq9.instrument());
        assertEquals(ScreeningStatus.IN_PROGRESS, phq9.status());
        assertEquals(2, phq9.answers().size(), "the two PHQ-2 answers kept");
    }

    @Test
    void ctrlLLocksTheCaregiverWindowLikeEveryOtherAndCloseRequestsAreRefused(FxRobot robot) throws Exception {
        UUID id = start("phq9", "en");
        Stage stage = launch(robot, "en", id);
        waitForText(stage, "#progressLabel", "Question 1 of 10");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(stage.isShowing(), "no close without the password");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(stage.getScene().lookup(".lock-layer"), "Ctrl+L locks the caregiver's window too");
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.screening().open(id).answers().isEmpty(), "keys under the lock answer nothing");
        robot.interact(() -> ui.windows().cover(false));
        assertTrue(stage.getScene().lookup(".lock-layer") == null);
    }
}
