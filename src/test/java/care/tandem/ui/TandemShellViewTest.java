package care.tandem.ui;

import care.tandem.testing.Screenshots;
import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.family.Family;
import care.tandem.testing.TestApp;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.LanguageChoice;
import care.tandem.ui.family.FamilyScreenController;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The way through Tandem's windows, headless: set-up or sign-in, the main window, the lock, the language. */
@ExtendWith(ApplicationExtension.class)
class TandemShellViewTest {
    @TempDir
    Path dir;
    private Stage stage;
    private AppContext app;
    private FxBackgroundRunner runner;
    private TandemShell shell;
    private final AtomicLong millis = new AtomicLong(1_000_000L);
    private final AtomicBoolean exited = new AtomicBoolean();
    private final LanguageChoice languages = LanguageChoice.inMemory(Locale.ENGLISH);

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        // Owned windows first, as at sign-out: an owner hidden first would make a half-filled Settings ask.
        if (shell != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                if (shell.ui() != null) {
                    shell.ui().windows().closeAll();
                }
            }).get(10, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private void open(FxRobot robot) {
        app = TestApp.open(dir, Clock.systemDefaultZone());
        runner = new FxBackgroundRunner();
        TandemShell.Facts facts = TandemShell.Facts.read(app);
        robot.interact(() -> {
            // A fresh window per test: a window resized while showing upsets Monocle's headless painter.
            stage = new Stage();
            shell = new TandemShell(app, facts, runner, languages, millis::get, () -> exited.set(true));
            shell.start(stage);
        });
    }

    /**
     * A demo folder whose urgent alerts were already acted on, so the alert dialog (which opens first after sign-in
     * and cannot be closed otherwise; tested in OpenAlertsAfterRestartViewTest) leaves the window to these tests.
     */
    private void demoFolder() {
        try (AppContext filling = TestApp.open(dir, Clock.systemDefaultZone())) {
            filling.demo().addFamilies(20, 1L, n -> { }, () -> false);
            filling.accounts().signIn("clinician", "clinician-demo".toCharArray());
            filling.screening().openAlerts(null).forEach(a -> filling.screening().act(a.id(),
                    AlertAction.ASSESSED_NO_CURRENT_RISK, ""));
            filling.accounts().signOut();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(FxRobot robot, String user, String password) throws Exception {
        robot.clickOn("#usernameField").write(user);
        robot.clickOn("#passwordField").write(password).type(KeyCode.ENTER);
        waitUntil(() -> shell.mainStage() != null && shell.mainStage().isShowing());
    }

    private void snapshot(FxRobot robot, Scene scene, String name) {
        robot.interact(() -> Screenshots.save(scene, name));
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T in(Window w, String query) {
        return (T) w.getScene().getRoot().lookup(query);
    }

    @Test
    void aClinicianSignsInCreatesAFamilyAndFindsItByACaregiversName(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "clinician", "clinician-demo");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Window editor = robot.window("Tandem — New family");
        robot.clickOn("#childGivenName0").write("Mateo");
        robot.clickOn("#childFamilyName0").write("Quispe Huamán");
        robot.clickOn("#caregiverGivenName0").write("Rocío");
        robot.clickOn("#caregiverFamilyName0").write("Huamán");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !editor.isShowing());
        assertEquals(21, app.families().count());
        waitUntil(() -> "21 families".equals(this.<Label>in(shell.mainStage(), "#statusFamilies").getText()));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("rocio hua");
        ListView<Family> list = robot.lookup("#resultList").queryListView();
        waitUntil(() -> list.getItems().size() == 1
                && list.getItems().get(0).caregivers().get(0).givenName().equals("Rocío")
                && list.getItems().get(0).children().get(0).familyName().equals("Quispe Huamán"));
    }

    @Test
    void lockingClosesAnOpenQuestionAsNoSoNothingShowsOrBlocksTheUnlock(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "clinician", "clinician-demo");
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> answer.complete(shell.ui().dialogs().confirm(
                "family.merge.confirm.title", "family.merge.confirm.rightIntoLeft")));
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w.isShowing()
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));

        millis.addAndGet(5 * 60_000L);
        robot.interact(() -> shell.lock().checkIdle());
        assertEquals(false, answer.get(10, TimeUnit.SECONDS), "the question was answered No");
        assertTrue(robot.listWindows().stream().noneMatch(w -> w.isShowing()
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));
        PasswordField password = (PasswordField) shell.mainStage().getScene().getRoot()
                .lookup(".lock-cover #passwordField");
        robot.clickOn(password).write("clinician-demo").type(KeyCode.ENTER);
        waitUntil(() -> !shell.lock().isLocked());
    }

    @Test
    void firstStartSetUpLeadsToTheMainWindow(FxRobot robot) throws Exception {
        open(robot);
        assertEquals("Tandem — Set up", stage.getTitle());

        robot.clickOn("#clinicNameField").write("Sunrise Clinic");
        robot.clickOn("#displayNameField").write("Ana Lopez");
        robot.clickOn("#usernameField").write("alopez");
        robot.clickOn("#passwordField").write("short");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Use at least 8 characters.", robot.lookup("#passwordError").queryLabeled().getText());
        robot.write(" but long now");
        robot.clickOn("#repeatField").write("short but long now");
        snapshot(robot, stage.getScene(), "setup");
        robot.clickOn("#createButton");

        waitUntil(() -> shell.mainStage() != null && shell.mainStage().isShowing());
        Stage main = shell.mainStage();
        assertEquals("Tandem — Families", main.getTitle());
        assertFalse(stage.isShowing(), "the set-up window closes");
        assertTrue(main.getScene().getRoot().lookupAll("#demoBand").isEmpty(), "a real clinic has no DEMO band");
        assertEquals("Sunrise Clinic", this.<Label>in(main, "#clinicLabel").getText());
        waitUntil(() -> "0 families".equals(this.<Label>in(main, "#statusFamilies").getText()));
        snapshot(robot, main.getScene(), "main-families-empty");
    }

    @Test
    void signInOnADemoFolderShowsTheDemoBandOnEveryWindow(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        assertEquals("Tandem — Sign in", stage.getTitle());
        assertEquals("DEMO — not real patients", robot.lookup("#demoBand").queryLabeled().getText());
        snapshot(robot, stage.getScene(), "signin");

        robot.clickOn("#usernameField").write("admin");
        robot.clickOn("#passwordField").write("wrong password").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#messageLabel").queryLabeled().getText().isEmpty());
        assertTrue(robot.lookup("#messageLabel").queryLabeled().getText().contains("4 tries left"));

        robot.clickOn("#passwordField").write("admin-demo").type(KeyCode.ENTER);
        waitUntil(() -> shell.mainStage() != null && shell.mainStage().isShowing());
        Stage main = shell.mainStage();
        assertTrue(main.getTitle().startsWith("Tandem"));
        Label band = this.in(main, "#demoBand");
        assertTrue(band != null && band.isVisible());
        assertTrue(this.<Label>in(main, "#statusDemo").isVisible());
        waitUntil(() -> "20 families".equals(this.<Label>in(main, "#statusFamilies").getText()));

        robot.push(KeyCode.F1);
        waitUntil(() -> helpWindow() != null);
        Stage help = helpWindow();
        assertTrue(help.getScene().getRoot().lookup("#demoBand") != null, "the help window says DEMO too");
        snapshot(robot, help.getScene(), "help");
        robot.interact(help::hide);
    }

    private static Stage showingStage(String title) {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .findFirst().orElse(null);
    }

    private static Stage helpWindow() {
        return showingStage("Tandem — Help");
    }

    @Test
    void ctrlLLocksAndThePasswordResumesWithEverythingAsItWas(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "clinician", "clinician-demo");
        Stage main = shell.mainStage();
        TextField search = in(main, "#searchField");
        waitUntil(search::isFocused);
        robot.write("Lop");
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> shell.lock().isLocked());
        Node cover = main.getScene().getRoot().lookup(".lock-cover");
        assertTrue(cover != null && cover.isVisible());
        assertTrue(search.isDisabled(), "nothing under the cover takes keys");
        assertTrue(main.getScene().getRoot().lookup("#demoBand").isVisible(), "the DEMO band stays while locked");
        assertTrue(main.getTitle().startsWith("Tandem"));
        snapshot(robot, main.getScene(), "locked");

        // Keys of the main window do nothing while locked.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals("Tandem — Families", main.getTitle());

        PasswordField password = (PasswordField) cover.lookup("#passwordField");
        waitUntil(password::isFocused);
        robot.write("not it").type(KeyCode.ENTER);
        waitUntil(() -> !((Label) cover.lookup("#messageLabel")).getText().isEmpty());
        assertTrue(((Label) cover.lookup("#messageLabel")).getText().contains("tries left"));
        assertTrue(shell.lock().isLocked());

        robot.write("clinician-demo").type(KeyCode.ENTER);
        waitUntil(() -> !shell.lock().isLocked());
        assertTrue(main.getScene().getRoot().lookupAll(".lock-cover").isEmpty());
        assertFalse(search.isDisabled());
        assertEquals("Lop", search.getText(), "what was typed is still there");
    }

    @Test
    void idleTimeLocksEveryOpenWindowAndUnlockUncoversThemAll(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "admin", "admin-demo");
        robot.clickOn("#settingsButton");
        waitUntil(() -> settingsWindow() != null);
        Stage settings = settingsWindow();
        TextField name = in(settings, "#newNameField");
        robot.interact(() -> name.setText("Dr. Half Typed"));

        millis.addAndGet(5 * 60_000L);
        robot.interact(() -> shell.lock().checkIdle());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.lock().isLocked());
        assertTrue(settings.getScene().getRoot().lookup(".lock-cover") != null, "the settings window is covered");
        assertTrue(shell.mainStage().getScene().getRoot().lookup(".lock-cover") != null);

        // The settings window is modal over the main window, so its own cover unlocks too.
        PasswordField password = (PasswordField) settings.getScene().getRoot().lookup(".lock-cover #passwordField");
        robot.clickOn(password).write("admin-demo").type(KeyCode.ENTER);
        waitUntil(() -> !shell.lock().isLocked());
        assertTrue(settings.getScene().getRoot().lookupAll(".lock-cover").isEmpty());
        assertEquals("Dr. Half Typed", name.getText());
    }

    @Test
    void signOutOnTheLockCoverWithSettingsOpenAsksFirstAndNeverUncoversTheWindows(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "admin", "admin-demo");
        robot.clickOn("#settingsButton");
        waitUntil(() -> settingsWindow() != null);
        Stage settings = settingsWindow();
        Stage main = shell.mainStage();
        TextField name = in(settings, "#newNameField");
        robot.interact(() -> name.setText("Dr. Half Typed"));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> shell.lock().isLocked());

        // A cover taken off a window that is still showing would show its content for a moment.
        AtomicBoolean uncoveredWhileShowing = new AtomicBoolean();
        for (Stage w : List.of(settings, main)) {
            StackPane layer = (StackPane) w.getScene().getRoot().lookup(".lock-cover").getParent();
            layer.getChildren().addListener((ListChangeListener<Node>) change -> {
                while (change.next()) {
                    if (change.wasRemoved() && w.isShowing()) {
                        uncoveredWhileShowing.set(true);
                    }
                }
            });
        }

        Button signOut = (Button) settings.getScene().getRoot().lookup(".lock-cover #signOutButton");
        robot.clickOn(signOut);
        waitUntil(() -> question() != null);
        DialogPane asked = question();
        assertEquals("Sign out now? Anything not saved in the open windows will be lost.",
                ((Label) asked.lookup("#dialogMessage")).getText());
        robot.interact(() -> answer(asked, ButtonBar.ButtonData.NO).fire());
        waitUntil(() -> question() == null);

        assertTrue(settings.isShowing() && main.isShowing());
        assertTrue(shell.lock().isLocked());
        assertTrue(settings.getScene().getRoot().lookup(".lock-cover") != null, "still covered");
        assertEquals("Dr. Half Typed", name.getText());
        assertTrue(app.session().user().isPresent(), "still signed in");

        robot.clickOn(signOut);
        waitUntil(() -> question() != null);
        DialogPane again = question();
        robot.interact(() -> answer(again, ButtonBar.ButtonData.YES).fire());
        waitUntil(() -> stage.isShowing() && !main.isShowing() && !settings.isShowing());

        assertEquals("Tandem — Sign in", stage.getTitle());
        assertFalse(app.session().user().isPresent());
        assertFalse(uncoveredWhileShowing.get(), "no window was uncovered before it closed");
        assertTrue(robot.listWindows().stream().noneMatch(w -> w.isShowing() && w != stage));
    }

    private static DialogPane question() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElse(null);
    }

    private static Button answer(DialogPane pane, ButtonBar.ButtonData data) {
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
        return (Button) pane.lookupButton(type);
    }

    private static Stage settingsWindow() {
        return showingStage("Tandem — Settings");
    }

    @Test
    void ctrlDigitsOpenTheSectionsAndCtrlFFindsAFamily(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "clinician", "clinician-demo");
        Stage main = shell.mainStage();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Tandem — Screening", main.getTitle());
        waitUntil(() -> main.getScene().getRoot().lookup("#worklistUnfinished0") != null);
        assertEquals("No urgent alerts open.", this.<Label>in(main, "#worklistNoAlerts").getText());
        snapshot(robot, main.getScene(), "main-screening");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Tandem — Families", main.getTitle());
        assertTrue(this.<TextField>in(main, "#searchField").isFocused());
        FamilyScreenController families = shell.mainController().familyScreen();
        assertTrue(families != null);
    }

    @Test
    void signOutReturnsToSignInAndClosesTheMainWindow(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        signIn(robot, "clinician", "clinician-demo");
        Stage main = shell.mainStage();

        robot.clickOn("#signOutButton");
        waitUntil(() -> stage.isShowing() && !main.isShowing());
        assertEquals("Tandem — Sign in", stage.getTitle());
        assertFalse(app.session().user().isPresent());
    }

    @Test
    void choosingSpanishTurnsTheSignInWindowSpanishAndIsRemembered(FxRobot robot) throws Exception {
        demoFolder();
        open(robot);
        robot.clickOn("#usernameField").write("admin");
        ChoiceBox<Locale> language = robot.lookup("#languageChoice").query();
        robot.interact(() -> language.setValue(new Locale("es")));
        waitUntil(() -> "Tandem — Iniciar sesión".equals(stage.getTitle()));

        assertEquals("Iniciar sesión", robot.lookup("#signInButton").queryAs(Button.class).getText());
        assertEquals("DEMO — no son pacientes reales", robot.lookup("#demoBand").queryLabeled().getText());
        assertEquals("admin", robot.lookup("#usernameField").queryTextInputControl().getText(),
                "what was typed stays");
        assertEquals(new Locale("es"), languages.current());
        snapshot(robot, stage.getScene(), "signin-es");

        robot.clickOn("#passwordField").write("admin-demo").type(KeyCode.ENTER);
        waitUntil(() -> shell.mainStage() != null && shell.mainStage().isShowing());
        assertEquals("Tandem — Familias", shell.mainStage().getTitle());
        snapshot(robot, shell.mainStage().getScene(), "main-es");
        assertTrue(Set.of("Sesión iniciada: Alex Admin (demo), Administrador")
                .contains(this.<Label>in(shell.mainStage(), "#statusUser").getText()));
    }
}
