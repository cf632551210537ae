package care.tandem.ui.settings;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.FhirCorpus;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Instruments tab in the Settings window, headless, in English and Spanish: list, preview, marks, import. */
@ExtendWith(ApplicationExtension.class)
class InstrumentsViewTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private Stage stage;
    private SettingsViewModel vm;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            app.close();
        }
    }

    private void show(FxRobot robot, Locale locale) {
        app = TestApp.signedIn(dir.resolve("data"), MutableClock.at("2026-01-05T14:00:00Z"));
        robot.interact(() -> {
            Texts texts = new Texts(locale);
            vm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(), app.notes(), app.billing(),
                    new SyncRunner(), dialogs, texts, minutes -> { }).withInstruments(app.instruments());
            FXMLLoader loader = new FXMLLoader(
                    SettingsController.class.getResource("/care/tandem/ui/settings/SettingsView.fxml"), texts.bundle());
            loader.setControllerFactory(SettingsControllers.registry(app, vm, dialogs, texts));
            Parent root;
            try {
                root = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage = new Stage();
            stage.setScene(new Scene(root, 900, 720));
            stage.getScene().getStylesheets().add("/care/tandem/ui/tandem.css");
            stage.show();
            TabPane tabs = (TabPane) root.lookup("#settingsTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "instrumentsTab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void anAdministratorPreviewsMarksAndImportsAQuestionnaire(String language, FxRobot robot) throws IOException {
        show(robot, Locale.forLanguageTag(language));
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#instrumentsTable").queryAs(TableView.class);
        assertEquals(8, table.getItems().size());
        assertTrue(robot.lookup("#importButton").queryButton().isDisabled());
        robot.interact(() -> Screenshots.save(stage.getScene(), "settings-instruments-" + language));

        Path file = Files.writeString(dir.resolve("phq9.json"),
                FhirCorpus.questionnaire("uscore-Questionnaire-phq-9-example.json"));
        robot.interact(() -> vm.instruments().preview(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#importButton").queryButton().isDisabled());
        assertEquals(9, robot.lookup("#criticalBox").lookup(".check-box").queryAllAs(CheckBox.class).size());
        robot.interact(() -> robot.lookup(".settings-scroll").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(p -> p.setVvalue(1)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "settings-instruments-preview-" + language));

        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, table.getItems().size());
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
        robot.interact(() -> robot.lookup(".settings-scroll").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(p -> p.setVvalue(0)));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> ((InstrumentsViewModel.Row) r).version().startsWith("import-2-")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#makeCurrentButton").queryButton().isDisabled());
        robot.interact(() -> Screenshots.save(stage.getScene(), "settings-instruments-imported-" + language));
    }
}
