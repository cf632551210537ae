package care.tandem.ui.settings;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.FqhcSetting;
import care.tandem.domain.billing.SameDayRule;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Settings window, headless: the idle minutes take only numbers, a half-typed user is not lost, and an
 * administrator edits the screening settings, a note template, a billing code and the FQHC same-day rule.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private Stage stage;

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

    private void open(FxRobot robot) {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        show(robot);
    }

    private void show(FxRobot robot) {
        robot.interact(() -> {
            Texts texts = new Texts(Locale.ENGLISH);
            SettingsViewModel vm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(), app.notes(),
                    app.billing(), new SyncRunner(), dialogs, texts, minutes -> { });
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
            Scene scene = new Scene(root, 900, 720);
            scene.getStylesheets().add("/care/tandem/ui/tandem.css");
            stage.setScene(scene);
            loader.<SettingsController>getController().attach(stage);
            stage.show();
        });
    }

    private TextField minutesField(FxRobot robot) {
        Spinner<?> spinner = robot.lookup("#idleSpinner").queryAs(Spinner.class);
        return spinner.getEditor();
    }

    private void replaceMinutes(FxRobot robot, String typed) {
        TextField field = minutesField(robot);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(typed);
    }

    private String idleMessage(FxRobot robot) {
        return robot.lookup("#idleMessage").queryLabeled().getText();
    }

    @Test
    void lettersTypedIntoTheIdleMinutesAreNotTakenAndSavingStillWorks(FxRobot robot) {
        open(robot);
        TextField field = minutesField(robot);
        robot.clickOn(field);
        robot.interact(field::end);
        robot.write("abc").type(KeyCode.ENTER);

        assertEquals("5", field.getText());
        robot.clickOn("#saveIdleButton");
        assertEquals("Saved: Tandem locks after 5 minutes without use.", idleMessage(robot));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void typedMinutesAreSaved(FxRobot robot) {
        open(robot);
        replaceMinutes(robot, "12");
        robot.clickOn("#saveIdleButton");

        assertEquals("Saved: Tandem locks after 12 minutes without use.", idleMessage(robot));
        assertEquals(12, app.clinic().idleLockMinutes());
    }

    @Test
    void anEmptiedMinutesFieldShowsTheMinutesAgainInsteadOfFailing(FxRobot robot) {
        open(robot);
        replaceMinutes(robot, "");
        robot.clickOn("#saveIdleButton");

        assertEquals("5", minutesField(robot).getText());
        assertEquals("Saved: Tandem locks after 5 minutes without use.", idleMessage(robot));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void closingWithAHalfTypedNewUserAsksFirst(FxRobot robot) {
        open(robot);
        robot.clickOn("#newNameField").write("Dr. Half Typed");
        dialogs.answer = false;
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("settings.users.discard.message"), dialogs.questions);
        assertTrue(stage.isShowing());
        assertEquals("Dr. Half Typed", robot.lookup("#newNameField").queryTextInputControl().getText());

        dialogs.answer = true;
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
    }

    private void replace(FxRobot robot, String field, String typed) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        // Focus, not a click: the section may be scrolled out of the window's view.
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.type(KeyCode.BACK_SPACE);
        robot.write(typed);
    }

    private void screenshot(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#generalScroll").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    private String text(FxRobot robot, String field) {
        return robot.lookup(field).queryAs(TextField.class).getText();
    }

    @Test
    void anAdministratorSetsTheScreeningScheduleAndThresholdsAndSeesThemAgainOnReopening(FxRobot robot) {
        open(robot);
        assertTrue(robot.lookup("#screeningSection").query().isVisible());
        assertEquals("1, 2, 4, 6", text(robot, "#monthsField"));
        assertEquals("10", text(robot, "#epdsPositiveField"));
        assertEquals("13", text(robot, "#epdsLikelyField"));
        screenshot(robot, "settings-screening");

        replace(robot, "#monthsField", "1, 2, 4, 6, 9");
        robot.interact(() -> robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getSelectionModel().select(2));
        replace(robot, "#socialField", "6");
        replace(robot, "#epdsPositiveField", "11");
        replace(robot, "#epdsLikelyField", "14");
        robot.interact(() -> robot.lookup("#gadSpanishCheck").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#saveScreeningButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Screening settings saved. They apply from now on.",
                robot.lookup("#screeningMessage").queryLabeled().getText());

        robot.interact(stage::hide);
        show(robot);
        assertEquals("1, 2, 4, 6, 9", text(robot, "#monthsField"));
        assertEquals("EPDS", robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getConverter()
                .toString(robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getValue()));
        assertEquals("6", text(robot, "#socialField"));
        assertEquals("11", text(robot, "#epdsPositiveField"));
        assertEquals("14", text(robot, "#epdsLikelyField"));
        assertTrue(robot.lookup("#gadSpanishCheck").queryAs(CheckBox.class).isSelected());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void aPositiveThresholdAboveLikelyDepressionIsRefusedInlineAndNotSaved(FxRobot robot) {
        open(robot);
        replace(robot, "#epdsPositiveField", "15");
        robot.write("x");
        assertEquals("15", text(robot, "#epdsPositiveField"), "letters are not taken");
        robot.interact(() -> robot.lookup("#saveScreeningButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("The EPDS positive threshold cannot be above the \"likely depression\" threshold. Nothing was saved.",
                robot.lookup("#screeningMessage").queryLabeled().getText());
        assertEquals(10, app.screening().settings().epdsPositive());
        screenshot(robot, "settings-screening-refused");
    }

    private void openTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // The window as opened (900 px), at 1000 px wide, and scrolled to the end of the form.
    private void screenshots(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name + "-1000"));
        robot.interact(() -> robot.lookup(".settings-scroll").queryAllAs(ScrollPane.class).forEach(p -> p.setVvalue(1)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name + "-1000-end"));
    }

    private void fire(FxRobot robot, String button) {
        robot.interact(() -> robot.lookup(button).queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anAdministratorMovesAndRewordsATemplatesSectionsAndSavesIt(FxRobot robot) {
        open(robot);
        openTab(robot, "templatesTab");
        ComboBox<?> templates = robot.lookup("#templateChoice").queryAs(ComboBox.class);
        assertEquals(2, templates.getItems().size());
        assertEquals(templates.getItems().get(0), templates.getValue(), "the first template is shown");
        assertEquals("Dyadic behavioural-health note", text(robot, "#templateNameField"));

        ListView<?> sections = robot.lookup("#sectionList").queryAs(ListView.class);
        robot.interact(() -> sections.getSelectionModel().select(6));
        assertEquals("plan", text(robot, "#keyField"));
        robot.clickOn("#moveUpButton");
        assertEquals(5, sections.getSelectionModel().getSelectedIndex(), "the moved section stays chosen");
        replace(robot, "#headingField", "Plan and next steps");
        robot.interact(() -> robot.lookup("#kindWELL_CHILD_DYADIC").queryAs(CheckBox.class).setSelected(true));
        screenshots(robot, "settings-templates");
        fire(robot, "#saveTemplateButton");

        assertEquals("Template saved. New notes use it from now on.",
                robot.lookup("#templateMessage").queryLabeled().getText());
        NoteTemplate saved = app.notes().templates(false).get(0);
        assertEquals(new TemplateSection("plan", "Plan and next steps", "What happens next, and who does it.",
                SectionFill.NONE), saved.sections().get(5));
        assertTrue(saved.kinds().contains(VisitKind.WELL_CHILD_DYADIC));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void aTemplateThatCannotBeSavedSaysWhyBesideTheSaveButton(FxRobot robot) {
        open(robot);
        openTab(robot, "templatesTab");
        robot.clickOn("#newTemplateButton");
        replace(robot, "#templateNameField", "Home visit");
        robot.clickOn("#addSectionButton");
        fire(robot, "#saveTemplateButton");

        Labeled message = robot.lookup("#templateMessage").queryLabeled();
        assertTrue(message.getText().startsWith("Each section needs a heading"), message.getText());
        assertTrue(message.getStyleClass().contains("danger-text"));
        assertEquals(2, app.notes().templates(true).size());
        robot.interact(() -> Screenshots.save(stage.getScene(), "settings-templates-refused"));
    }

    @Test
    void anAdministratorEditsACodeAndSeesVerifyWithYourPlan(FxRobot robot) {
        open(robot);
        openTab(robot, "codesTab");
        @SuppressWarnings("unchecked")
        TableView<BillingCode> table = robot.lookup("#codeTable").queryAs(TableView.class);
        BillingCode h2027 = table.getItems().stream().filter(c -> c.code().equals("H2027")).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(h2027);
            table.scrollTo(h2027);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("H2027", robot.lookup("#codeHeading").queryLabeled().getText());
        assertTrue(robot.lookup("#verifyWarning").query().isVisible(), "❓ says verify with your plan");
        assertTrue(robot.lookup("#codeField").query().isDisabled(), "an existing code's number stays");

        replace(robot, "#labelEsField", "Psicoeducación (versión de la clínica)");
        robot.interact(() -> robot.lookup("#activeCheck").queryAs(CheckBox.class).setSelected(false));
        screenshots(robot, "settings-codes");
        fire(robot, "#saveCodeButton");

        assertEquals("Saved H2027. Billing help uses it from now on.",
                robot.lookup("#codeMessage").queryLabeled().getText());
        BillingCode saved = app.billing().codes(true).stream().filter(c -> c.id().equals(h2027.id())).findFirst()
                .orElseThrow();
        assertEquals("Psicoeducación (versión de la clínica)", saved.labelEs());
        assertFalse(saved.active());
        assertEquals(saved, table.getSelectionModel().getSelectedItem(), "the saved code stays chosen");
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void anAdministratorSetsTheFqhcSameDayRuleBesideBothSources(FxRobot robot) {
        open(robot);
        openTab(robot, "fqhcTab");
        assertTrue(robot.lookup("#ruleChoice").query().isDisabled(), "the rule waits for the FQHC box");
        assertTrue(robot.lookup("#fqhcExplanation0").queryLabeled().getText().startsWith("✅ DHCS"));
        assertTrue(robot.lookup("#fqhcExplanation1").queryLabeled().getText().startsWith("⚠️ SPA 23-0010"));

        robot.clickOn("#fqhcCheck");
        @SuppressWarnings("unchecked")
        ChoiceBox<SameDayRule> rule = robot.lookup("#ruleChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> rule.setValue(SameDayRule.CONTRACT));
        assertEquals("The clinic follows the contract's rule.",
                robot.lookup("#fqhcExplanation2").queryLabeled().getText());
        screenshots(robot, "settings-fqhc");
        fire(robot, "#saveFqhcButton");

        assertEquals(new FqhcSetting(true, SameDayRule.CONTRACT), app.billing().fqhc());
        assertEquals("FQHC setting saved. Billing help follows it from now on.",
                robot.lookup("#fqhcMessage").queryLabeled().getText());
    }
}
