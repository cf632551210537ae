package care.tandem.ui.referral;

import atlantafx.base.theme.PrimerLight;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.Screening;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestUi;
import care.tandem.ui.family.FamilyScreenController;
import care.tandem.ui.referral.NewReferralViewModel.DestinationChoice;
import care.tandem.ui.screening.ReferralOfferFixture;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From a positive result on the family page to a referral, headless on a real data folder: "Refer…" opens the
 * dialog with the need and its destinations preselected; Refer, Family declined, a private safety referral and a
 * follow-up date in the past.
 */
@ExtendWith(ApplicationExtension.class)
class NewReferralDialogViewTest {
    private static final String TITLE = "Tandem — New referral";
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

    private void showFamily(FxRobot robot) throws Exception {
        showFamily(robot, Locale.ENGLISH);
    }

    private void showFamily(FxRobot robot, Locale locale) throws Exception {
        testUi = TestUi.of(data.app, locale);
        screen = testUi.showFamilyScreen(robot, stage);
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> robot.lookup("#screeningPanel").tryQuery().isPresent()
                && robot.lookup("#screeningLoading").tryQuery().isEmpty()
                && robot.lookup("#referralPanel").tryQuery().isPresent()
                && robot.lookup("#referralsLoading").tryQuery().isEmpty());
    }

    private static void fire(FxRobot robot, Node root, String id) {
        Node node = root.lookup(id);
        assertTrue(node instanceof ButtonBase, id + " is a button");
        robot.interact(((ButtonBase) node)::fire);
    }

    private Optional<Window> dialog() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && (TITLE.equals(s.getTitle())
                        || "Tandem — Nueva derivación".equals(s.getTitle()))).findFirst();
    }

    /** Opens the dialog from a button of the family page and waits until its directory is read. */
    private Parent openDialog(FxRobot robot, String buttonId) throws Exception {
        fire(robot, stage.getScene().getRoot(), buttonId);
        waitUntil(() -> dialog().isPresent());
        Parent root = dialog().orElseThrow().getScene().getRoot();
        waitUntil(() -> !((Button) root.lookup("#referButton")).isDisabled());
        return root;
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null && node.isVisible()) {
            out.add(l.getText());
        }
        if (node instanceof ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
        if (node instanceof TitledPane t && t.getContent() != null && t.isExpanded()) {
            collect(t.getContent(), out);
        }
        if (node instanceof Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private void scrollToReferrals(FxRobot robot) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stage.getScene().getRoot().lookup("#detailsScroll");
            Node panel = stage.getScene().getRoot().lookup("#referralPanel");
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = panel.getBoundsInParent().getMinY() - 40;
            scroll.setVvalue(Math.max(0, Math.min(1, y / Math.max(1, contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPositiveHungerVitalSignOffersReferAndReferMakesASentFoodReferralLinkedToTheScreen(FxRobot robot)
            throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        Screening hvs = data.hungerVitalSignPositive();
        showFamily(robot);
        assertEquals("No referrals yet. A positive screen offers one.",
                robot.lookup("#referralsEmpty").queryLabeled().getText());
        assertEquals("Refer…", robot.lookup("#refer0").queryButton().getText());
        assertEquals("Refer after this result: Hunger Vital Sign for Ana",
                robot.lookup("#refer0").queryButton().getAccessibleText());
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-offer-on-result"));

        Parent root = openDialog(robot, "#refer0");
        ComboBox<Need> need = (ComboBox<Need>) root.lookup("#needChoice");
        ComboBox<DestinationChoice> destination = (ComboBox<DestinationChoice>) root.lookup("#destinationChoice");
        assertEquals(Need.FOOD, need.getValue());
        assertEquals("Food", need.getConverter().toString(need.getValue()));
        List<String> offered = destination.getItems().stream().map(c -> destination.getConverter().toString(c))
                .toList();
        assertEquals(List.of("CalFresh", "Local food bank or pantry (through 2-1-1)",
                "WIC (Women, Infants, and Children)", "2-1-1 California", "Other in the directory…",
                "Not in the directory"), offered);
        assertEquals("CalFresh", destination.getConverter().toString(destination.getValue()));
        assertEquals("1-877-847-3663", ((Labeled) root.lookup("#destinationFact0")).getText());
        assertEquals("Positive Hunger Vital Sign on Mar 10, 2026",
                ((javafx.scene.control.TextField) root.lookup("#reasonField")).getText());
        assertEquals("03/24/2026", ((DatePicker) root.lookup("#followUpDate")).getEditor().getText());
        assertEquals("Mar 24, 2026: in 14 days", ((Labeled) root.lookup("#followUpWords")).getText());
        assertFalse(((javafx.scene.control.CheckBox) root.lookup("#consentBox")).isSelected());
        assertFalse(root.lookup("#privateNotice").isVisible());
        assertEquals("The family agrees that we may share information with this destination",
                ((Labeled) root.lookup("#consentBox")).getText());
        assertEquals("For", ((javafx.scene.control.Control) root.lookup("#subjectChoice")).getAccessibleText());

        // Keyboard first: the dialog opens on "For", and Tab goes on to the need.
        assertEquals("subjectChoice", root.getScene().getFocusOwner().getId());
        robot.type(KeyCode.TAB);
        assertEquals("needChoice", root.getScene().getFocusOwner().getId());
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-food"));

        robot.interact(() -> ((javafx.scene.control.CheckBox) root.lookup("#consentBox")).setSelected(true));
        fire(robot, root, "#referButton");
        waitUntil(() -> dialog().isEmpty());

        List<Referral> made = data.app.referrals().forFamily(data.family.id());
        assertEquals(1, made.size());
        Referral r = made.get(0);
        assertEquals(ReferralStatus.SENT, r.status());
        assertEquals(Need.FOOD, r.need());
        assertEquals("CalFresh", r.destinationName());
        assertEquals(hvs.id(), r.screeningId());
        assertEquals(hvs.visitId(), r.visitId());
        assertEquals(ReferralOfferFixture.TODAY.plusDays(14), r.followUpDate());
        assertTrue(r.consentToShare());

        waitUntil(() -> robot.lookup("#referralRow0").tryQuery().isPresent());
        String row = String.join(" | ", texts(robot.lookup("#referralRow0").query()));
        assertTrue(row.contains("Food — CalFresh") && row.contains("Sent") && row.contains("Follow up Mar 24, 2026"),
                row);
        scrollToReferrals(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-family-page-panel"));
    }

    @Test
    void familyDeclinedRecordsAReferralClosedAsFamilyDeclined(FxRobot robot) throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        data.hungerVitalSignPositive();
        showFamily(robot);
        Parent root = openDialog(robot, "#refer0");

        fire(robot, root, "#declinedButton");
        assertTrue(root.lookup("#declineBox").isVisible());
        fire(robot, root, "#declineRecord");
        assertEquals("Choose why the family declined, or write the reason.",
                ((Labeled) root.lookup("#referralMessage")).getText());
        assertTrue(dialog().isPresent(), "nothing is saved without a reason");

        robot.interact(() -> ((RadioButton) root.lookup("#declineReason2")).setSelected(true));
        robot.interact(() -> root.lookup("#declineDetails").requestFocus());
        robot.targetWindow(dialog().orElseThrow());
        robot.write("after payday");
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-declined"));
        // Enter in the question records the answer; it never sends the referral.
        robot.type(KeyCode.ENTER);
        waitUntil(() -> dialog().isEmpty());

        List<Referral> all = data.app.referrals().forFamily(data.family.id());
        assertEquals(1, all.size());
        Referral r = all.get(0);
        assertEquals(ReferralStatus.FAMILY_DECLINED, r.status());
        assertEquals("Will call later: after payday", r.statusReason());
        assertFalse(r.open());
        waitUntil(() -> robot.lookup("#closedReferrals").tryQuery().isPresent());
        assertEquals("Closed (1)", robot.lookup("#closedReferrals").queryAs(TitledPane.class).getText());
        assertEquals("No open referrals.", robot.lookup("#referralsNoneOpen").queryLabeled().getText());
        robot.interact(() -> robot.lookup("#closedReferrals").queryAs(TitledPane.class).setExpanded(true));
        String row = String.join(" | ", texts(robot.lookup("#closedReferralRow0").query()));
        assertTrue(row.contains("Family declined") && row.contains("Closed Mar 10, 2026"), row);
    }

    @Test
    void aPrivateSafetyReferralIsOfferedOnlyBehindPrivateAndListedAsPrivateReferral(FxRobot robot)
            throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        data.ahcWithPositiveSafety();
        showFamily(robot);
        Parent page = stage.getScene().getRoot();
        assertTrue(robot.lookup("#referPrivate0").tryQuery().isEmpty(), "no private offer before the click");
        String before = String.join("\n", texts(page)).toLowerCase(Locale.ROOT);
        assertFalse(before.contains("safety"), before);

        Node publicRefer = robot.lookup("#refer0").query();
        if (publicRefer instanceof javafx.scene.control.MenuButton menu) {
            assertTrue(menu.getItems().stream().noneMatch(i -> i.getText().equals("Safety at home")),
                    "the public offer never names the private need");
        }
        assertFalse(publicRefer.getAccessibleText().toLowerCase(Locale.ROOT).contains("safety"));

        fire(robot, page, "#private0");
        waitUntil(() -> robot.lookup("#referPrivate0").tryQuery().isPresent());
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-offer-private-revealed"));
        Parent root = openDialog(robot, "#referPrivate0");
        @SuppressWarnings("unchecked")
        ComboBox<Need> need = (ComboBox<Need>) root.lookup("#needChoice");
        assertEquals("Safety at home", need.getConverter().toString(need.getValue()));
        assertTrue(root.lookup("#privateNotice").isVisible());
        assertEquals("Private referral: it will show as 'Private referral' in lists and never on a family copy.",
                ((Labeled) root.lookup("#privateNotice")).getText());
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-private"));
        fire(robot, root, "#referButton");
        waitUntil(() -> dialog().isEmpty());

        Referral r = data.app.referrals().forFamily(data.family.id()).get(0);
        assertTrue(r.privateReferral());
        assertEquals(Need.INTERPERSONAL_SAFETY, r.need());
        // A new family hides the private result again; the referral still reads only "Private referral".
        robot.interact(() -> screen.model().show(null));
        robot.interact(() -> screen.model().open(data.family.id()));
        waitUntil(() -> robot.lookup("#referralRow0").tryQuery().isPresent());
        String row = String.join(" | ", texts(robot.lookup("#referralRow0").query()));
        assertTrue(row.contains("Private referral") && row.contains("Sent"), row);
        String after = String.join("\n", texts(page)).toLowerCase(Locale.ROOT);
        assertFalse(after.contains("safety") || after.contains("violence") || after.contains("hotline"), after);
        scrollToReferrals(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-family-page-private"));
    }

    @Test
    void aFollowUpDateInThePastIsRefusedAndTheDialogKeepsWhatWasTyped(FxRobot robot) throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        data.hungerVitalSignPositive();
        showFamily(robot);
        Parent root = openDialog(robot, "#refer0");
        DatePicker date = (DatePicker) root.lookup("#followUpDate");

        robot.interact(() -> date.getEditor().setText("03/02/2026"));
        fire(robot, root, "#referButton");

        assertEquals("The follow-up date Mar 2, 2026 is in the past. Choose today (Mar 10, 2026) or a later date.",
                ((Labeled) root.lookup("#referralMessage")).getText());
        assertTrue(root.lookup("#referralMessage").isVisible());
        assertTrue(root.lookup("#followUpWords").getStyleClass().contains("referral-followup-past"));
        assertTrue(dialog().isPresent());
        assertEquals("03/02/2026", date.getEditor().getText());
        assertTrue(data.app.referrals().forFamily(data.family.id()).isEmpty());
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-past-date"));
    }

    @Test
    void newReferralFromThePanelOpensWithNothingPreselected(FxRobot robot) throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        showFamily(robot);
        Parent root = openDialog(robot, "#newReferralButton");
        @SuppressWarnings("unchecked")
        ComboBox<Need> need = (ComboBox<Need>) root.lookup("#needChoice");
        assertEquals(null, need.getValue());
        assertEquals(Need.values().length, need.getItems().size());
        assertEquals("", ((javafx.scene.control.TextField) root.lookup("#reasonField")).getText());
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) root.lookup("#subjectChoice")).getSelectionModel()
                .select(2));
        assertTrue(root.lookup("#subjectRestricted").isVisible(), "a restricted caregiver is marked");
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-blank-restricted"));
    }

    @Test
    void theDialogSpeaksSpanishOnASpanishScreen(FxRobot robot) throws Exception {
        data = ReferralOfferFixture.signedIn(dir);
        data.hungerVitalSignPositive();
        showFamily(robot, new Locale("es"));
        assertEquals("Derivar…", robot.lookup("#refer0").queryButton().getText());
        Parent root = openDialog(robot, "#refer0");

        assertEquals("La familia acepta que compartamos información con este destino",
                ((Labeled) root.lookup("#consentBox")).getText());
        assertEquals("Derivar", ((Labeled) root.lookup("#referButton")).getText());
        assertTrue(((Labeled) root.lookup("#followUpWords")).getText().endsWith("dentro de 14 días"),
                ((Labeled) root.lookup("#followUpWords")).getText());
        robot.interact(() -> Screenshots.save(root.getScene(), "referral-new-dialog-spanish"));
    }
}
