package care.tandem.ui.note;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestApp;
import care.tandem.testing.TestUi;
import care.tandem.ui.family.FamilyScreenController;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing, signing and co-signing a visit note headless on a real data folder, as the clinicians do it. */
@ExtendWith(ApplicationExtension.class)
class NoteEditorViewTest {
    private static final char[] PASSWORD = "note-test-pass".toCharArray();

    @TempDir
    Path dir;
    private AppContext app;
    private TestUi testUi;
    private Stage stage;
    private Family family;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
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

    private void clinic() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-03-02T17:00:00Z"));
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2025, 12, 1));
        Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "510-555-0100");
        family = app.families().save(TestApp.family(child, mother));
        testUi = TestUi.of(app, Locale.ENGLISH);
    }

    private User user(String name, String username, Role role, User supervisor) {
        return app.accounts().createUser(name, username, role, supervisor == null ? null : supervisor.id(),
                PASSWORD.clone());
    }

    private void signIn(String username) {
        app.accounts().signOut();
        app.accounts().signIn(username, PASSWORD.clone());
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    private static String text(Stage s, String id) {
        Node n = s.getScene().getRoot().lookup(id);
        return n instanceof Labeled l ? l.getText() : null;
    }

    /**
     * Opens the family page and writes today's note for a dyadic behavioural-health visit from it; returns the note's
     * window once the draft (the dyadic template) shows.
     */
    private Stage writeTodaysNote(FxRobot robot) throws Exception {
        FamilyScreenController screen = testUi.showFamilyScreen(robot, stage);
        robot.interact(() -> screen.model().open(family.id()));
        waitUntil(() -> stage.getScene().getRoot().lookup("#writeTodayNote") != null);
        robot.interact(() -> ((javafx.scene.control.MenuButton) stage.getScene().getRoot().lookup("#writeTodayNote"))
                .getItems().stream().filter(i -> "writeToday_DYADIC_BEHAVIOURAL_HEALTH".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        waitUntil(() -> window("Tandem — Visit note").isPresent());
        Stage note = window("Tandem — Visit note").orElseThrow();
        waitUntil(() -> note.getScene().getRoot().lookup("#noteSection_assessment") != null);
        return note;
    }

    /** Puts the keyboard in a section's text (scrolled out of sight or not), as Tab would. */
    private static FxRobot typeInto(FxRobot robot, Stage window, String id) throws Exception {
        Node field = window.getScene().getRoot().lookup(id);
        // A click on the window's title gives it the keyboard (requestFocus alone does not, headless).
        robot.clickOn(window.getScene().getRoot().lookup("#noteTitle"));
        robot.interact(field::requestFocus);
        waitUntil(() -> window.isFocused() && window.getScene().getFocusOwner() == field);
        return robot;
    }

    private Note onlyNote() {
        List<NoteSummary> notes = app.notes().forFamily(family.id());
        assertEquals(1, notes.size());
        return app.notes().open(notes.get(0).id());
    }

    @Test
    void aClinicianWritesTheNoteFromTheFamilyPageItSavesItselfAndCtrlEnterSignsAndLocksIt(FxRobot robot)
            throws Exception {
        clinic();
        user("Dr. Carmen Ruiz", "carmen", Role.CLINICIAN, null);
        signIn("carmen");
        Stage note = writeTodaysNote(robot);
        assertEquals("Draft", text(note, "#noteStatus"));

        typeInto(robot, note, "#noteSection_assessment").write("Mother and baby engaged warmly; feeding going well.");
        waitUntil(() -> onlyNote().content().section("assessment").orElseThrow().text()
                .contains("feeding going well"));
        robot.interact(() -> ((javafx.scene.control.CheckBox) note.getScene().getRoot()
                .lookup("#intervention_PSYCHOEDUCATION")).fire());
        waitUntil(() -> onlyNote().content().interventions().contains(care.tandem.domain.note.Intervention
                .PSYCHOEDUCATION));
        String interventions = ((TextArea) note.getScene().getRoot().lookup("#noteSection_interventions")).getText();
        assertFalse(interventions.isBlank(), "the intervention is written into the note as a sentence");
        robot.interact(() -> Screenshots.save(note.getScene(), "note-draft"));

        typeInto(robot, note, "#noteSection_plan").write("Follow up at the 4-month visit.");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> "Signed".equals(text(note, "#noteStatus")));

        Note signed = onlyNote();
        assertEquals(NoteStatus.SIGNED, signed.status());
        assertTrue(signed.content().section("plan").orElseThrow().text().contains("4-month visit"),
                "what was typed just before signing is in the signed note");
        assertNotNull(signed.contentHash());
        assertTrue(signed.intact());
        assertTrue(text(note, "#noteSignature").startsWith("Signed by Dr. Carmen Ruiz"));
        assertFalse(((TextArea) note.getScene().getRoot().lookup("#noteSection_assessment")).isEditable(),
                "a signed note is read-only");
        assertNotNull(note.getScene().getRoot().lookup("#noteAddAddendum"), "only addenda may follow");
        assertTrue(note.getScene().getRoot().lookup("#noteSign") == null);
        robot.interact(() -> Screenshots.save(note.getScene(), "note-signed"));
    }

    @Test
    void aTraineesSignedNoteWaitsForTheSupervisorWhoCoSignsItFromTheVisitsSection(FxRobot robot)
            throws Exception {
        clinic();
        User supervisor = user("Dr. Sam Okafor", "sam", Role.SUPERVISOR, null);
        user("Jordan Lee", "jordan", Role.ASSOCIATE, supervisor);
        signIn("jordan");
        Stage note = writeTodaysNote(robot);
        assertEquals("Sign and send for co-signature (Ctrl+Enter)", text(note, "#noteSign"));
        typeInto(robot, note, "#noteSection_assessment").write("Dyad observed; caregiver attuned.");
        robot.interact(() -> ((Button) note.getScene().getRoot().lookup("#noteSign")).fire());
        waitUntil(() -> "Awaiting co-signature".equals(text(note, "#noteStatus")));
        assertEquals(NoteStatus.AWAITING_COSIGN, onlyNote().status());
        robot.interact(note::close);

        signIn("sam");
        VisitsView[] visits = new VisitsView[1];
        robot.interact(() -> {
            visits[0] = new VisitsView(testUi.ui(), () -> stage);
            stage.setScene(testUi.windows().scene((javafx.scene.Parent) visits[0].node(), 1200, 760));
            visits[0].refresh();
        });
        waitUntil(() -> visits[0].model().cosignCountProperty().get() == 1);
        assertEquals("To co-sign (1)", text(stage, "#visitsToCosign"));
        robot.clickOn("#visitsToCosign");
        waitUntil(() -> visits[0].model().rows().size() == 1);
        robot.interact(() -> {
            javafx.scene.control.ListView<?> list =
                    (javafx.scene.control.ListView<?>) stage.getScene().getRoot().lookup("#visitsList");
            list.getSelectionModel().select(0);
        });
        waitUntil(() -> stage.getScene().getRoot().lookup("#noteCosign") != null);
        robot.interact(() -> Screenshots.save(stage.getScene(), "note-cosign-queue"));
        robot.interact(() -> ((Button) stage.getScene().getRoot().lookup("#noteCosign")).fire());
        waitUntil(() -> window("Tandem — Co-sign the note").isPresent());
        Stage dialog = window("Tandem — Co-sign the note").orElseThrow();
        robot.interact(() -> ((Button) dialog.getScene().getRoot().lookup("#noteDialogOk")).fire());
        waitUntil(() -> "Co-signed".equals(text(stage, "#noteStatus")));

        Note cosigned = onlyNote();
        assertEquals(NoteStatus.COSIGNED, cosigned.status());
        assertEquals("I have reviewed this note and agree with the assessment and plan.", cosigned.attestation());
        assertTrue(text(stage, "#noteSignature").startsWith("Signed by Jordan Lee"));
        assertTrue(text(stage, "#noteCosignature").startsWith("Co-signed by Dr. Sam Okafor"));
        waitUntil(() -> visits[0].model().cosignCountProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "note-cosigned"));
    }
}
