package care.tandem.ui.family;

import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main path through the Families screen, headless: add a family, find it by typing, open it. */
@ExtendWith(ApplicationExtension.class)
class FamilyScreenViewTest {
    @TempDir
    Path dir;
    AppContext app;
    FxBackgroundRunner runner;
    FakeDialogs dialogs = new FakeDialogs();
    FamilyScreenController screen;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = TestApp.signedIn(dir, Clock.systemDefaultZone());
        app.families().save(TestApp.family(TestApp.child("Liam", "Nguyen", LocalDate.now().minusYears(2)),
                FamilyFixture.caregiver("Anh", "Nguyen", Relationship.FATHER)));
        runner = new FxBackgroundRunner();
        Texts texts = new Texts(Locale.ENGLISH);
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        UiContext ui = new UiContext(app, runner, dialogs, texts, new ControllerRegistry(), windows, false);
        FamilyViews.register(ui);
        FXMLLoader loader = FamilyViews.load(ui, FamilyViews.SCREEN);
        screen = loader.getController();
        stage.setScene(windows.scene(loader.getRoot(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
        app.close();
    }

    @Test
    void a_new_family_is_saved_found_by_typing_and_opened(FxRobot robot) throws Exception {
        ListView<Family> list = robot.lookup("#resultList").queryListView();
        waitUntil(() -> list.getItems().size() == 1);

        robot.interact(screen::newFamily);
        Window editor = robot.window("Tandem — New family");
        robot.clickOn("#childGivenName0").write("Sofía");
        robot.clickOn("#childFamilyName0").write("García López");
        String born = DateInput.format(LocalDate.now().minusMonths(4));
        robot.clickOn("#childBirthDate0").write(born);
        robot.clickOn("#caregiverGivenName0").write("María José");
        robot.clickOn("#caregiverFamilyName0").write("García López");
        robot.clickOn("#caregiverPhone0").write("(555) 201-7788");
        clickInForm(robot, editor, "#caregiverOkToCall0");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        waitUntil(() -> !editor.isShowing());
        assertEquals(2, app.families().count());
        assertTrue(dialogs.problems.isEmpty(), () -> "problems: " + dialogs.problems);
        waitUntil(() -> detailsCaregiver(robot).equals("María José García López"));

        robot.clickOn("#searchField").write("nguyen").type(KeyCode.ENTER);
        waitUntil(() -> detailsCaregiver(robot).equals("Anh Nguyen"));

        robot.clickOn("#searchField").eraseText(6).write("maria").write(" lopez");
        waitUntil(() -> list.getItems().size() == 1
                && list.getItems().get(0).caregivers().get(0).givenName().equals("María José"));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        waitUntil(() -> detailsCaregiver(robot).equals("María José García López"));
        assertEquals("María José García López", robot.lookup("#detailsCaregiver0").queryAs(Label.class).getText());
        assertEquals("Sofía García López", robot.lookup("#detailsChild0").queryAs(Label.class).getText());
        assertEquals("García López family", robot.lookup("#detailsTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".family-fact-value").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("(555) 201-7788 · OK to call · No texts · No messages")));
    }

    @Test
    void editing_the_opened_family_saves_and_shows_the_change(FxRobot robot) throws Exception {
        robot.clickOn("#searchField").write("nguyen").type(KeyCode.ENTER);
        waitUntil(() -> detailsCaregiver(robot).equals("Anh Nguyen"));

        robot.clickOn("#editButton");
        Window editor = robot.window("Tandem — Edit family");
        clickInForm(robot, editor, "#caregiverRestricted0");
        assertTrue(robot.from(editor.getScene().getRoot()).lookup("#caregiverRestricted0").queryAs(CheckBox.class)
                .isSelected());
        robot.clickOn("#saveButton");
        waitUntil(() -> !editor.isShowing());
        waitUntil(() -> robot.lookup("#detailsRestricted0").tryQuery().isPresent());
        assertEquals("Must not receive information", robot.lookup("#detailsRestricted0").queryAs(Label.class).getText());
        assertTrue(dialogs.problems.isEmpty(), () -> "problems: " + dialogs.problems);
    }

    @Test
    void the_form_cannot_be_typed_in_while_its_save_is_under_way(FxRobot robot) throws Exception {
        robot.clickOn("#searchField").write("nguyen").type(KeyCode.ENTER);
        waitUntil(() -> detailsCaregiver(robot).equals("Anh Nguyen"));
        robot.clickOn("#editButton");
        Window editor = robot.window("Tandem — Edit family");
        clickInForm(robot, editor, "#familyNotesArea");
        robot.write("moved in March");
        Node form = robot.from(editor.getScene().getRoot()).lookup("#form").query();
        TextArea notes = robot.from(editor.getScene().getRoot()).lookup("#familyNotesArea").queryAs(TextArea.class);

        // Writes are serialised: the save queues behind this one until the test lets it go.
        CountDownLatch release = new CountDownLatch(1);
        runner.write(() -> release.await(10, TimeUnit.SECONDS), done -> { }, failed -> { });
        try {
            robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
            waitUntil(form::isDisabled);
            assertTrue(notes.isDisabled());
            assertTrue(editor.isShowing());
        } finally {
            release.countDown();
        }

        waitUntil(() -> !editor.isShowing());
        Family stored = app.families().search("nguyen").get(0);
        assertEquals("moved in March", stored.notes());
        assertTrue(dialogs.problems.isEmpty(), () -> "problems: " + dialogs.problems);
    }

    @Test
    void a_date_that_cannot_be_read_stays_as_typed_with_a_clear_error(FxRobot robot) throws Exception {
        robot.interact(screen::newFamily);
        robot.clickOn("#childBirthDate0").write("13/45/2024");
        robot.clickOn("#childGivenName0");
        WaitForAsyncUtils.waitForFxEvents();

        DatePicker picker = robot.lookup("#childBirthDate0").queryAs(DatePicker.class);
        assertEquals("13/45/2024", picker.getEditor().getText());
        Label message = robot.lookup("#childBirthDateMessage0").queryAs(Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().startsWith("Tandem cannot read this date"), message.getText());

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, app.families().count());
        assertTrue(robot.lookup("#childGivenNameMessage0").queryAs(Label.class).isVisible());
        assertFalse(robot.lookup("#formMessageLabel").queryAs(Label.class).getText().isEmpty());
        assertEquals("13/45/2024", picker.getEditor().getText());
    }

    /** Focus scrolls the form to a field below the fold (as Tab would), then the click lands on it. */
    private static void clickInForm(FxRobot robot, Window window, String query) {
        Node node = robot.from(window.getScene().getRoot()).lookup(query).query();
        robot.interact(node::requestFocus);
        robot.clickOn(node);
    }

    private static String detailsCaregiver(FxRobot robot) {
        return robot.lookup("#detailsCaregiver0").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
