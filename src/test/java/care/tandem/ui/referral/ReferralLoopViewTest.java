package care.tandem.ui.referral;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.ShellSession;
import care.tandem.testing.TestApp;
import care.tandem.ui.TandemShell;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop closed in the real window: a positive Hunger Vital Sign on the family page offers a referral, the
 * clinician refers to CalFresh, later records a follow-up call from the worklist (F, digit, Enter) and closes the
 * referral as got help (S).
 */
@ExtendWith(ApplicationExtension.class)
class ReferralLoopViewTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T17:00:00Z");
    private final ShellSession session = new ShellSession();
    private AppContext app;
    private TandemShell shell;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    private static void fire(FxRobot robot, Node root, String id) {
        robot.interact(((javafx.scene.control.ButtonBase) root.lookup(id))::fire);
    }

    /** A family whose mother answered the Hunger Vital Sign "sometimes true" today: positive for food. */
    private Family familyWithPositiveHvs() {
        try (AppContext filling = TestApp.signedIn(dir, clock)) {
            Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
            Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "510-555-0100");
            Family family = filling.families().save(TestApp.family(child, mother));
            Visit v = filling.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
            Screening s = filling.screening().start(v.id(), mother.id(), mother.id(), "hvs", "en",
                    AdministrationMode.CLINICIAN);
            filling.screening().answer(s.id(), Answer.choice("88122-7", "LA6729-3"));
            filling.screening().answer(s.id(), Answer.choice("88123-5", "LA28398-8"));
            assertTrue(filling.screening().finish(s.id()).screening().score().positive());
            filling.accounts().signOut();
            return family;
        }
    }

    @Test
    void aPositiveHungerVitalSignLeadsToAFoodReferralFollowedUpAndClosedAsGotHelp(FxRobot robot) throws Exception {
        Family family = familyWithPositiveHvs();
        session.openSignedIn(robot, dir, clock);
        app = session.app();
        shell = session.shell();
        Stage main = shell.mainStage();

        // The family page: the positive result offers "Refer…".
        robot.clickOn("#searchField").write("perez").type(KeyCode.ENTER);
        waitUntil(() -> main.getScene().getRoot().lookup("#refer0") != null
                && main.getScene().getRoot().lookup("#referralsEmpty") != null);
        assertEquals("Refer…", ((Button) main.getScene().getRoot().lookup("#refer0")).getText());
        fire(robot, main.getScene().getRoot(), "#refer0");
        waitUntil(() -> window("Tandem — New referral").isPresent());
        Parent dialog = window("Tandem — New referral").orElseThrow().getScene().getRoot();
        waitUntil(() -> !((Button) dialog.lookup("#referButton")).isDisabled());
        assertEquals(Need.FOOD, ((ComboBox<?>) dialog.lookup("#needChoice")).getValue());
        robot.interact(() -> ((CheckBox) dialog.lookup("#consentBox")).setSelected(true));
        fire(robot, dialog, "#referButton");
        waitUntil(() -> window("Tandem — New referral").isEmpty());

        List<Referral> made = app.referrals().forFamily(family.id());
        assertEquals(1, made.size());
        Referral food = made.get(0);
        assertEquals(Need.FOOD, food.need());
        assertEquals("CalFresh", food.destinationName());
        assertEquals(ReferralStatus.SENT, food.status());
        assertTrue(food.screeningId() != null && food.consentToShare());
        waitUntil(() -> main.getScene().getRoot().lookup("#referralRow0") != null);

        // Two weeks and a day later the referral is overdue; the worklist (Ctrl+4) records the call.
        clock.advance(Duration.ofDays(15));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        waitUntil(() -> shell.mainController().referrals() != null
                && shell.mainController().referrals().model().rows().size() == 1);
        TableView<?> table = (TableView<?>) main.getScene().getRoot().lookup("#referralTable");
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        waitUntil(() -> "Overdue 1 day".equals(((javafx.scene.control.Labeled) main.getScene().getRoot()
                .lookup("#detailsFollowUp")).getText()));
        robot.interact(main::requestFocus);
        waitUntil(main::isFocused);
        robot.type(KeyCode.F);
        waitUntil(() -> window("Tandem — Record a follow-up").isPresent());
        robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        waitUntil(() -> window("Tandem — Record a follow-up").isEmpty());
        waitUntil(() -> app.referrals().overdueCount() == 0);

        // The family got help: S, "Completed — got help", save.
        robot.interact(main::requestFocus);
        waitUntil(main::isFocused);
        robot.interact(table::requestFocus);
        robot.type(KeyCode.S);
        waitUntil(() -> window("Tandem — Change status").isPresent());
        Parent status = window("Tandem — Change status").orElseThrow().getScene().getRoot();
        robot.interact(() -> ((RadioButton) status.lookup("#status_COMPLETED")).setSelected(true));
        robot.interact(() -> Screenshots.save(status.getScene(), "referral-loop-close"));
        fire(robot, status, "#statusSave");
        waitUntil(() -> window("Tandem — Change status").isEmpty());

        Referral closed = app.referrals().open(food.id());
        assertEquals(ReferralStatus.COMPLETED, closed.status());
        assertEquals(List.of(ReferralEvent.Kind.CREATED, ReferralEvent.Kind.FOLLOW_UP, ReferralEvent.Kind.STATUS),
                closed.events().stream().map(ReferralEvent::kind).toList());
        assertEquals(ContactOutcome.REACHED, closed.events().get(1).contact());
        assertEquals(15L, app.referrals().measures(closed).daysToFirstUpdate());
        assertEquals(15L, app.referrals().measures(closed).daysToClosure());
        waitUntil(() -> shell.mainController().referrals().model().rows().isEmpty());
        robot.interact(() -> Screenshots.save(main.getScene(), "referral-loop-closed"));
    }
}
