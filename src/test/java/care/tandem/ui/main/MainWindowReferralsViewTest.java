package care.tandem.ui.main;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.service.NewReferral;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.ShellSession;
import care.tandem.testing.TestApp;
import care.tandem.ui.TandemShell;
import care.tandem.ui.referral.ReferralWorklistViewModel;
import javafx.application.Application;
import javafx.scene.control.Hyperlink;
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

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's overdue-referral count: said in words after sign-in, opening the overdue referrals, recounted. */
@ExtendWith(ApplicationExtension.class)
class MainWindowReferralsViewTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-02T17:00:00Z");
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

    /** Two urgent referrals made three days ago: both overdue today. */
    private void twoOverdueReferrals() {
        try (AppContext filling = TestApp.signedIn(dir, clock)) {
            Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2025, 12, 1));
            Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "510-555-0100");
            Family family = filling.families().save(TestApp.family(child, mother));
            Destination calFresh = filling.referrals().destinations(false).stream()
                    .filter(d -> d.name().equals("CalFresh")).findFirst().orElseThrow();
            Destination helpMeGrow = filling.referrals().destinations(false).stream()
                    .filter(d -> d.name().equals("Help Me Grow")).findFirst().orElseThrow();
            filling.referrals().create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                    calFresh.id(), "", Urgency.URGENT, null, true, true, null, null, null));
            filling.referrals().create(new NewReferral(family.id(), child.id(), ReferralKind.COMMUNITY,
                    Need.CHILD_DEVELOPMENT, helpMeGrow.id(), "", Urgency.URGENT, null, true, true, null, null, null));
            filling.accounts().signOut();
        }
        clock.advance(Duration.ofDays(3));
    }

    private void signIn(FxRobot robot) throws Exception {
        session.openSignedIn(robot, dir, clock);
        app = session.app();
        shell = session.shell();
    }

    @Test
    void theStatusBarSaysHowManyReferralsAreOverdueAndOpensThemAndRecountsAfterACall(FxRobot robot)
            throws Exception {
        twoOverdueReferrals();
        signIn(robot);
        Stage main = shell.mainStage();
        Hyperlink overdue = (Hyperlink) main.getScene().getRoot().lookup("#statusOverdue");
        waitUntil(() -> "2 referrals overdue".equals(overdue.getText()));
        assertTrue(overdue.isVisible());
        assertTrue(overdue.isFocusTraversable(), "Tab reaches it");

        robot.interact(overdue::fire);
        waitUntil(() -> shell.mainController().referrals() != null
                && shell.mainController().referrals().model().rows().size() == 2);
        assertEquals("Tandem — Referrals", main.getTitle());
        assertEquals(ReferralWorklistViewModel.Scope.OVERDUE,
                shell.mainController().referrals().model().status().get().scope());
        TableView<?> table = (TableView<?>) main.getScene().getRoot().lookup("#referralTable");
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 0);
        // Focus is put on the table explicitly: which window holds focus after another test's windows closed is
        // timing-dependent under Monocle on a loaded machine, and this test is about the count, not focus.
        robot.interact(() -> {
            main.requestFocus();
            table.requestFocus();
        });
        waitUntil(() -> main.isFocused() && main.getScene().getFocusOwner() == table);
        waitUntil(() -> main.getScene().getRoot().lookup("#detailsTitle") != null);
        robot.interact(() -> Screenshots.save(main.getScene(), "main-referrals-overdue"));

        robot.type(KeyCode.F);
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w instanceof Stage s
                && "Tandem — Record a follow-up".equals(s.getTitle())));
        robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        waitUntil(() -> "1 referral overdue".equals(overdue.getText()));
        waitUntil(() -> shell.mainController().referrals().model().rows().size() == 1);
        assertEquals(1, app.referrals().overdueCount());
    }

    @Test
    void ctrl4OpensTheReferralsWorklistAndNoCountShowsWhenNothingIsOverdue(FxRobot robot) throws Exception {
        try (AppContext filling = TestApp.signedIn(dir, clock)) {
            filling.accounts().signOut();
        }
        signIn(robot);
        Stage main = shell.mainStage();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> "Tandem — Referrals".equals(main.getTitle())
                && main.getScene().getRoot().lookup("#referralTable") != null);
        waitUntil(() -> !shell.mainController().referrals().model().loadingProperty().get());
        assertEquals("No open referrals. A positive screen offers one, or refer from a family's page.",
                shell.mainController().referrals().model().emptyText().get());
        Hyperlink overdue = (Hyperlink) main.getScene().getRoot().lookup("#statusOverdue");
        assertFalse(overdue.isVisible());
        robot.interact(() -> Screenshots.save(main.getScene(), "main-referrals-empty"));
    }
}
