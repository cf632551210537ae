package care.tandem.ui.referral;

import atlantafx.base.theme.PrimerLight;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestUi;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
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

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One referral in its own window (as the family page opens it), headless on a real data folder. */
@ExtendWith(ApplicationExtension.class)
class ReferralDetailsViewTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private TestUi testUi;
    private Stage owner;
    private final AtomicInteger changes = new AtomicInteger();

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = primary;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (testUi != null) {
            testUi.close();
        }
        data.close();
    }

    private Stage open(FxRobot robot, Referral r) throws Exception {
        testUi = TestUi.of(data.app, Locale.ENGLISH);
        UiContext ui = testUi.ui();
        Windows windows = testUi.windows();
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            owner.setScene(windows.scene(new StackPane(), 400, 300));
            owner.show();
            shown[0] = ReferralWindow.show(ui, owner, r.id(), changes::incrementAndGet);
        });
        Stage w = shown[0];
        waitUntil(() -> w.getScene().getRoot().lookup("#detailsTitle") != null);
        return w;
    }

    private static String text(Stage w, String id) {
        Node n = w.getScene().getRoot().lookup(id);
        return n instanceof Labeled l ? l.getText() : null;
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    @Test
    void theWindowShowsTheReferralItsHistoryAndMeasuresWithoutAPatientNameInItsTitle(FxRobot robot)
            throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral r = data.food(Urgency.SOON);
        data.days(2);
        data.app.referrals().recordFollowUp(r.id(), ContactOutcome.LEFT_MESSAGE, "Asked her to call back", null);
        data.days(1);
        data.app.referrals().changeStatus(r.id(), ReferralStatus.ACCEPTED, "", "Intake on Friday", null);

        Stage w = open(robot, r);

        assertEquals("Tandem — Referral", w.getTitle());
        assertEquals("Food — CalFresh", text(w, "#detailsTitle"));
        assertEquals("Sent → Accepted", text(w, "#history0"));
        assertEquals("Follow-up: Left a message", text(w, "#history1"));
        assertEquals("Referred: Sent", text(w, "#history2"));
        assertEquals("2 days", text(w, "#measureFirstUpdate"));
        assertEquals("Not yet", text(w, "#measureClosure"));
        assertEquals(1, ReferralWorklistFixture.auditRows(dir, "VIEW", r.id()));
        robot.interact(() -> Screenshots.save(w.getScene(), "referral-window"));
        robot.interact(() -> {
            ((ScrollPane) w.getScene().getRoot().lookup("#referralDetails").getParent().getParent().getParent())
                    .setVvalue(1);
            Screenshots.save(w.getScene(), "referral-window-history");
        });
    }

    @Test
    void fInTheWindowRecordsAFollowUpAndTellsTheFamilyPage(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral r = data.food(Urgency.URGENT);
        data.days(3);
        Stage w = open(robot, r);
        assertEquals("Overdue 2 days", text(w, "#detailsFollowUp"));
        waitUntil(() -> w.getScene().getFocusOwner() != null
                && "detailsFollowUpButton".equals(w.getScene().getFocusOwner().getId()));

        robot.type(KeyCode.F);
        waitUntil(() -> window("Tandem — Record a follow-up").isPresent());
        Stage dialog = window("Tandem — Record a follow-up").orElseThrow();
        robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
        waitUntil(() -> !dialog.isShowing());
        waitUntil(() -> "Follow-up: Reached the caregiver".equals(text(w, "#history0")));
        assertFalse("Overdue 2 days".equals(text(w, "#detailsFollowUp")));
        assertEquals(1, changes.get());
        assertEquals(0, data.app.referrals().overdueCount());
    }

    @Test
    void aPrivateReferralOpenedFromTheFamilyPageIsAuditedAsAPrivateView(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral r = data.safety();
        Stage w = open(robot, r);
        assertEquals("Safety at home — National Domestic Violence Hotline", text(w, "#detailsTitle"));
        assertEquals(1, ReferralWorklistFixture.auditRows(dir, "VIEW_PRIVATE", r.id()));
        assertEquals("Tandem — Referral", w.getTitle());
    }

    @Test
    void aClosedReferralOffersTryAgainWhichMakesALinkedReferral(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral r = data.food(Urgency.ROUTINE);
        data.app.referrals().changeStatus(r.id(), ReferralStatus.DECLINED_BY_ORGANISATION, "Over income", "", null);
        Stage w = open(robot, r);
        assertTrue(w.getScene().getRoot().lookup("#detailsFollowUpButton") == null, "no follow-up once closed");
        assertTrue(w.getScene().getRoot().lookup("#detailsElsewhereButton") == null);
        robot.interact(() -> ((Button) w.getScene().getRoot().lookup("#detailsTryAgainButton")).fire());
        waitUntil(() -> window("Tandem — Try again").isPresent());
        Stage dialog = window("Tandem — Try again").orElseThrow();
        waitUntil(() -> ((javafx.scene.control.ComboBox<?>) dialog.getScene().getRoot().lookup("#statusDestination"))
                .getValue() != null);
        robot.interact(() -> Screenshots.save(dialog.getScene(), "referral-try-again-dialog"));
        robot.interact(() -> ((Button) dialog.getScene().getRoot().lookup("#statusSave")).fire());
        waitUntil(() -> !dialog.isShowing());
        waitUntil(() -> "Food — CalFresh (Declined by the organisation)".equals(text(w, "#factPrevious")));
        assertEquals(2, data.app.referrals().forFamily(data.family.id()).size());
    }
}
