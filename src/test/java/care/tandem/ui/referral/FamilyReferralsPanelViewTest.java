package care.tandem.ui.referral;

import atlantafx.base.theme.PrimerLight;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.service.NewReferral;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestUi;
import care.tandem.ui.family.FamilyScreenController;
import care.tandem.ui.screening.ReferralOfferFixture;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
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

import java.nio.file.Path;
import java.time.Duration;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family page's referral panel, headless: overdue in words and colour, the closed list folded, keyboard rows. */
@ExtendWith(ApplicationExtension.class)
class FamilyReferralsPanelViewTest {
    @TempDir
    Path dir;
    private ReferralOfferFixture data;
    private TestUi testUi;
    private FamilyScreenController screen;
    private Stage stage;

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
        data.app.close();
    }

    private Destination destination(String name) {
        return data.app.referrals().destinations(false).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private NewReferral referral(Need need, String destination, Urgency urgency) {
        return new NewReferral(data.family.id(), data.mother.id(), ReferralKind.COMMUNITY, need,
                destination(destination).id(), "", urgency, null, true, true, null, null, null);
    }

    @Test
    void overdueReferralsAreCountedInTheHeaderAndSaidInWordsAndClosedOnesAreFolded(FxRobot robot) throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        data.app.referrals().create(referral(Need.FOOD, "WIC (Women, Infants, and Children)", Urgency.ROUTINE));
        data.app.referrals().create(referral(Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.URGENT));
        data.app.referrals().create(referral(Need.INTERPERSONAL_SAFETY, "National Domestic Violence Hotline",
                Urgency.SOON));
        data.app.referrals().declineOffer(referral(Need.TOBACCO, "Kick It California", Urgency.ROUTINE),
                "Not interested");
        data.clock.advance(Duration.ofDays(9));

        testUi = TestUi.of(data.app, java.util.Locale.ENGLISH);
        screen = testUi.showFamilyScreen(robot, stage);
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> robot.lookup("#referralRow2").tryQuery().isPresent());

        assertEquals("2 overdue", robot.lookup("#referralOverdueCount").queryLabeled().getText());
        assertEquals("Overdue 8 days", robot.lookup("#referralRow0When").queryLabeled().getText());
        assertTrue(robot.lookup("#referralRow0When").query().getStyleClass().contains("referral-overdue"));
        assertEquals("Overdue 2 days", robot.lookup("#referralRow1When").queryLabeled().getText());
        assertEquals("Follow up Mar 24, 2026", robot.lookup("#referralRow2When").queryLabeled().getText());
        assertFalse(robot.lookup("#referralRow2When").query().getStyleClass().contains("referral-overdue"));
        Node first = robot.lookup("#referralRow0").query();
        assertTrue(first.isFocusTraversable(), "each referral is reached with Tab");
        assertEquals("Child development — Help Me Grow, Sent, Overdue 8 days, for Ana", first.getAccessibleText());
        assertEquals("Private referral, Sent, Overdue 2 days", robot.lookup("#referralRow1").query()
                .getAccessibleText());
        TitledPane closed = robot.lookup("#closedReferrals").queryAs(TitledPane.class);
        assertEquals("Closed (1)", closed.getText());
        assertFalse(closed.isExpanded());

        robot.interact(() -> closed.setExpanded(true));
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stage.getScene().getRoot().lookup("#detailsScroll");
            Node panel = stage.getScene().getRoot().lookup("#referralPanel");
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double view = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, (panel.getBoundsInParent().getMinY() - 20) / Math.max(1, content - view)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Closed Mar 10, 2026", ((Labeled) robot.lookup("#closedReferralRow0When").query()).getText());
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-family-panel-overdue"));

        robot.interact(() -> screen.referrals().refresh());
        waitUntil(() -> robot.lookup("#closedReferrals").tryQuery().isPresent());
        assertTrue(robot.lookup("#closedReferrals").queryAs(TitledPane.class).isExpanded(),
                "a refresh keeps the closed list as the clinician left it");
    }
}
