package care.tandem.ui.screening;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningService;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.scene.control.Label;
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

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clinician starts and enters screens by keys, headless. */
@ExtendWith(ApplicationExtension.class)
class EntryWindowViewTest {
    @TempDir
    Path dir;
    AppContext app;
    ScreeningService service;
    FxBackgroundRunner runner;
    FakeDialogs dialogs = new FakeDialogs();
    UiContext ui;
    Family family;
    Stage main;
    final List<List<Alert>> shown = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = TestApp.signedIn(dir, Clock.systemDefaultZone());
        service = app.screening();
        family = app.families().save(TestApp.family(TestApp.child("Liam", "Nguyen", LocalDate.now().minusMonths(2)),
                TestApp.caregiver("Ana", "Nguyen", Relationship.MOTHER, "(555) 123-4567")));
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(Locale.ENGLISH);
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        ui = new UiContext(app, runner, dialogs, texts, new ControllerRegistry(), windows, false);
        // Records what the urgent-alert dialog was given, and lets the entry go on.
        EntryWindow.alertPresenter = (context, owner, alerts, after) -> {
            shown.add(alerts);
            after.run();
        };
        main = stage;
        stage.setScene(windows.scene(new StackPane(new Label("main")), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        EntryWindow.alertPresenter = AlertDialogs::showAll;
        FxToolkit.cleanupStages();
        runner.close();
        app.close();
    }

    private Screening started(String instrument) {
        var visit = service.visitToday(family.id(), family.children().get(0).id(),
                List.of(family.caregivers().get(0).id()));
        var who = family.caregivers().get(0).id();
        return service.start(visit.id(), who, who, instrument, "en", AdministrationMode.CLINICIAN);
    }

    @Test
    void the_clinician_enters_a_phq9_by_keys_and_item_9_raises_the_alert_at_once(FxRobot robot) throws Exception {
        Screening s = started("phq9");
        robot.interact(() -> ScreeningLauncher.resume(ui, main, s.id(), () -> { }));
        Window entry = window(robot, "Tandem — Screening");
        waitUntil(() -> robot.lookup("#item1").tryQuery().isPresent());
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        }
        waitUntil(() -> text(robot, "#answer5").equals("Several days"));
        robot.interact(() -> Screenshots.save(entry.getScene(), "screening-entry-midway"));
        assertEquals("5 of 10", text(robot, "#entryProgress"));
        assertFalse(robot.lookup("#resultsPane").query().isVisible());
        assertTrue(robot.lookup("#resultTotal").tryQuery().isEmpty());

        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.DIGIT0).type(KeyCode.ENTER);
        }
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> !shown.isEmpty());
        assertEquals("44260-8", shown.get(0).get(0).item());
        assertEquals(1, shown.size());

        waitUntil(() -> robot.lookup("#resultTotal").tryQuery().isPresent());
        assertEquals("Total 6", text(robot, "#resultTotal"));
        assertEquals("Band: Mild", text(robot, "#resultBand"));
        assertEquals("Negative", text(robot, "#resultOutcome"));
        assertEquals("Needs action today: question 9 answered \"Several days\"", text(robot, "#resultCritical"));
        robot.type(KeyCode.ENTER).type(KeyCode.DIGIT2);
        waitUntil(() -> text(robot, "#answer10").equals("Somewhat difficult"));
        robot.interact(() -> Screenshots.save(entry.getScene(), "screening-entry-results"));

        robot.clickOn("#finishButton");
        waitUntil(() -> !robot.lookup("#finishButton").query().isVisible());
        assertTrue(dialogs.questions.isEmpty(), () -> "asked: " + dialogs.questions);
        assertEquals(care.tandem.domain.screening.ScreeningStatus.COMPLETED, service.open(s.id()).status());
    }

    @Test
    void a_positive_phq2_continues_into_the_phq9_with_items_1_and_2_kept(FxRobot robot) throws Exception {
        Screening s = started("phq2");
        robot.interact(() -> ScreeningLauncher.resume(ui, main, s.id(), () -> { }));
        window(robot, "Tandem — Screening");
        waitUntil(() -> robot.lookup("#item1").tryQuery().isPresent());
        robot.type(KeyCode.DIGIT3).type(KeyCode.ENTER).type(KeyCode.DIGIT2);
        waitUntil(() -> robot.lookup("#followUpButton").query().isVisible());
        assertEquals("Continue with the PHQ-9 (answers kept)", robot.lookup("#followUpButton").queryButton().getText());

        robot.clickOn("#followUpButton");
        waitUntil(() -> text(robot, "#entryTitle").equals("PHQ-9"));
        assertEquals("Nearly every day", text(robot, "#answer1"));
        assertEquals("More than half the days", text(robot, "#answer2"));
        waitUntil(() -> text(robot, "#entryProgress").equals("2 of 10"));
        robot.interact(() -> Screenshots.save(robot.lookup("#entryTitle").query().getScene(), "screening-followup"));
        robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#answer3").equals("Several days"));
        assertTrue(robot.lookup("#entryTitle").query().getScene().getWindow().isShowing());
    }

    @Test
    void the_set_up_dialog_starts_an_ahc_screen_with_the_safety_questions_deferred(FxRobot robot) throws Exception {
        robot.interact(() -> ScreeningLauncher.start(ui, main, family, "ahc-hrsn", null, () -> { }));
        Window setup = window(robot, "Tandem — Start a screen");
        waitUntil(() -> robot.lookup("#aloneBox").query().isVisible()
                && robot.lookup("#languageNote").query().isVisible());
        assertEquals("Spanish not available for Social needs (AHC HRSN): give it in English with an interpreter.",
                text(robot, "#languageNote"));
        assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
        robot.interact(() -> Screenshots.save(setup.getScene(), "screening-setup"));

        robot.clickOn("#aloneDefer");
        robot.clickOn("#startButton");
        Window entry = window(robot, "Tandem — Screening");
        waitUntil(() -> robot.lookup("#item7").tryQuery().isPresent());
        assertEquals("Deferred — ask when the caregiver is alone", text(robot, "#answer7"));
        assertFalse(setup.isShowing());
        assertTrue(entry.isShowing());
    }

    @Test
    void ahc_results_keep_the_safety_domain_behind_private(FxRobot robot) throws Exception {
        Screening s = started("ahc-hrsn");
        for (Answer a : List.of(Answer.choice("71802-3", "LA31994-9"), Answer.choices("96778-6", List.of("LA28580-1")),
                Answer.choice("88122-7", "LA28397-0"), Answer.choice("88123-5", "LA28398-8"),
                Answer.choice("93030-5", "LA32-8"), Answer.choice("96779-4", "LA32-8"),
                Answer.choice("95618-5", "LA6270-8"), Answer.choice("95617-7", "LA10066-1"),
                Answer.choice("95616-9", "LA6270-8"), Answer.choice("95615-1", "LA10082-8"))) {
            service.answer(s.id(), a);
        }
        service.finish(s.id());
        robot.interact(() -> ScreeningLauncher.resume(ui, main, s.id(), () -> { }));
        Window entry = window(robot, "Tandem — Screening");
        waitUntil(() -> robot.lookup("#privateButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#domainOutcome-safety").tryQuery().isEmpty());
        assertEquals("Positive", text(robot, "#domainOutcome-food"));
        assertEquals("Private — answered", text(robot, "#answer7"));
        robot.interact(() -> Screenshots.save(entry.getScene(), "screening-ahc-results-private-hidden"));

        robot.clickOn("#privateButton");
        waitUntil(() -> robot.lookup("#domainOutcome-safety").tryQuery().isPresent());
        assertEquals("Negative", text(robot, "#domainOutcome-safety"));
        assertEquals("Never", text(robot, "#answer7"));
    }

    private static Window window(FxRobot robot, String title) throws Exception {
        waitUntil(() -> robot.listTargetWindows().stream().anyMatch(w -> w instanceof Stage st
                && title.equals(st.getTitle()) && st.isShowing()));
        return robot.window(title);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
