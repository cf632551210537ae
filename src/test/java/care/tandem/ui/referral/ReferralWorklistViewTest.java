package care.tandem.ui.referral;

import atlantafx.base.theme.PrimerLight;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.testing.Screenshots;
import care.tandem.testing.TestUi;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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
import java.util.concurrent.atomic.AtomicInteger;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Referrals section headless on a real data folder: worklist, details, follow-up, status, letter, directory. */
@ExtendWith(ApplicationExtension.class)
class ReferralWorklistViewTest {
    @TempDir
    Path dir;
    private ReferralWorklistFixture data;
    private TestUi testUi;
    private ReferralWorklistView view;
    private Stage stage;
    private final AtomicInteger changes = new AtomicInteger();

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
        data.close();
    }

    private void show(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
    }

    private void show(FxRobot robot, Locale locale) throws Exception {
        testUi = TestUi.of(data.app, locale);
        UiContext ui = testUi.ui();
        Windows windows = testUi.windows();
        robot.interact(() -> {
            view = new ReferralWorklistView(ui, () -> stage, changes::incrementAndGet);
            stage.setScene(windows.scene(view.node(), 1000, 720));
            stage.show();
            view.refresh();
        });
        waitUntil(() -> !view.model().loadingProperty().get());
    }

    private TableView<ReferralWorklistViewModel.Row> table() {
        return view.node().lookup("#referralTable") instanceof TableView<?> t ? cast(t) : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private void choose(FxRobot robot, Referral r) throws Exception {
        robot.interact(() -> {
            TableView<ReferralWorklistViewModel.Row> t = table();
            t.getItems().stream().filter(x -> x.id().equals(r.id())).findFirst()
                    .ifPresent(x -> t.getSelectionModel().select(x));
            t.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        Node n = stage.getScene().getRoot().lookup(id);
        return n instanceof Labeled l ? l.getText() : null;
    }

    private static List<String> texts(Node root) {
        List<String> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.text.Text x && x.getText() != null) {
            out.add(x.getText());
        }
        if (node instanceof TextField f && f.getText() != null) {
            out.add(f.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
        if (node instanceof ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst();
    }

    @Test
    void theMostOverdueReferralIsFirstMarkedOverdueInWordsAndItsDetailsOpenOnTheRight(FxRobot robot)
            throws Exception {
        data = new ReferralWorklistFixture(dir);
        data.food(Urgency.ROUTINE);
        Referral urgent = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.URGENT);
        data.days(4);
        show(robot);

        assertEquals(2, table().getItems().size());
        assertEquals(urgent.id(), table().getItems().get(0).id());
        Labeled firstMark = (Labeled) table().lookupAll(".referral-overdue").iterator().next();
        assertEquals("Overdue 3 days", firstMark.getText());
        assertEquals("2 referrals", text("#referralsCount"));

        choose(robot, urgent);
        waitUntil(() -> "Child development — Help Me Grow".equals(text("#detailsTitle")));
        assertEquals("Overdue 3 days", text("#detailsFollowUp"));
        assertEquals("Before you call", ((Labeled) stage.getScene().getRoot().lookup(".referral-contact-heading"))
                .getText());
        assertEquals("Phone: 510-555-0100", text("#contactPhone0"));
        assertEquals("OK to text: No", text("#contactWay0_1"));
        assertEquals("Restricted — do not contact", text("#contactRestricted1"));
        assertTrue(stage.getScene().getRoot().lookup("#contactPhone1") == null, "Luis's phone is not shown");
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-worklist-details"));
        robot.interact(() -> {
            view.details().node().setVvalue(1);
            Screenshots.save(stage.getScene(), "referral-worklist-details-history");
        });

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("detailsFollowUpButton", stage.getScene().getFocusOwner().getId(), "Enter moves to the details");
    }

    @Test
    void inSpanishTheDetailsFitTheirPaneWithoutScrollingSideways(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral urgent = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.URGENT);
        data.days(40);
        show(robot, Locale.forLanguageTag("es"));
        choose(robot, urgent);
        waitUntil(() -> stage.getScene().getRoot().lookup("#detailsTitle") != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-worklist-details-es"));
        ScrollPane details = view.details().node();
        double content = details.getContent().getLayoutBounds().getWidth();
        double viewport = details.getViewportBounds().getWidth();
        assertTrue(content <= viewport + 0.5, "details " + content + " px wide in a " + viewport + " px pane");
        Labeled mark = (Labeled) table().lookupAll(".referral-overdue").iterator().next();
        assertTrue(mark.getWidth() >= mark.prefWidth(-1) - 0.5, "the overdue mark is not cut: " + mark.getText());
    }

    @Test
    void aPrivateReferralShowsOnlyPrivateReferralUntilItIsOpened(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral safety = data.safety();
        show(robot);
        choose(robot, safety);
        waitUntil(() -> stage.getScene().getRoot().lookup("#openPrivate") != null);

        String shown = String.join("\n", texts(stage.getScene().getRoot()));
        assertTrue(shown.contains("Private referral"), shown);
        assertFalse(shown.contains("Domestic"), shown);
        assertFalse(shown.contains("Safety"), shown);
        assertFalse(shown.contains("799"), shown);
        assertTrue(texts(table()).contains("Private referral"), "the row says only Private referral");
        assertEquals(0, ReferralWorklistFixture.auditRows(dir, "VIEW_PRIVATE", safety.id()));
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-private-hidden"));

        robot.interact(() -> ((Button) stage.getScene().getRoot().lookup("#openPrivate")).fire());
        waitUntil(() -> "Safety at home — National Domestic Violence Hotline".equals(text("#detailsTitle")));
        assertEquals(1, ReferralWorklistFixture.auditRows(dir, "VIEW_PRIVATE", safety.id()));
        assertEquals("Private referral", table().getItems().get(0).title(), "the list still hides it");
    }

    @Test
    void fADigitAndEnterRecordAFollowUpAndTheRowIsNoLongerOverdue(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        data.food(Urgency.ROUTINE);
        Referral urgent = data.food(Urgency.URGENT);
        data.days(3);
        show(robot);
        choose(robot, urgent);
        assertEquals("Overdue 2 days", table().getSelectionModel().getSelectedItem().followUp());

        robot.type(KeyCode.F);
        waitUntil(() -> window("Tandem — Record a follow-up").isPresent());
        Stage dialog = window("Tandem — Record a follow-up").orElseThrow();
        Parent root = dialog.getScene().getRoot();
        assertTrue(dialog.getScene().getFocusOwner() instanceof ListView<?>, "the keyboard is on the outcomes");
        assertEquals("03/06/2026", ((javafx.scene.control.DatePicker) root.lookup("#followUpDate")).getEditor()
                .getText(), "tomorrow's date for Urgent is filled in");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(dialog.getScene(), "referral-follow-up-dialog"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !dialog.isShowing());

        waitUntil(() -> table().getSelectionModel().getSelectedItem() != null
                && ReferralWorklistViewModel.LATER_STYLE.equals(table().getSelectionModel().getSelectedItem()
                .followUpStyle()));
        assertEquals(urgent.id(), table().getSelectionModel().getSelectedItem().id(), "the same row stays chosen");
        assertEquals(0, data.app.referrals().overdueCount());
        assertTrue(changes.get() >= 1, "the window recounts the overdue referrals");
        Referral after = data.app.referrals().open(urgent.id());
        assertEquals("NO_ANSWER", after.events().get(after.events().size() - 1).contact().name());
        waitUntil(() -> "Follow-up: No answer".equals(text("#history0")));
    }

    @Test
    void theStatusDialogOffersOnlyAllowedStatusesAndRefusesAMissingReason(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral food = data.food(Urgency.ROUTINE);
        show(robot);
        choose(robot, food);
        waitUntil(() -> text("#detailsTitle") != null);
        robot.interact(() -> table().requestFocus());

        robot.type(KeyCode.S);
        waitUntil(() -> window("Tandem — Change status").isPresent());
        Stage dialog = window("Tandem — Change status").orElseThrow();
        Parent root = dialog.getScene().getRoot();
        List<String> offered = root.lookupAll(".radio-button").stream().map(Node::getId).toList();
        assertEquals(List.of("status_ACCEPTED", "status_IN_PROGRESS", "status_ON_HOLD", "status_COULD_NOT_CONTACT",
                "status_COMPLETED", "status_DECLINED_BY_ORGANISATION", "status_COULD_NOT_GET_HELP",
                "status_FAMILY_DECLINED", "status_ENTERED_IN_ERROR", "statusElsewhere"), offered);

        robot.interact(() -> ((RadioButton) root.lookup("#status_ON_HOLD")).setSelected(true));
        assertEquals("“On hold” needs a reason: write what happened.",
                ((Labeled) root.lookup("#statusReasonHint")).getText());
        robot.interact(() -> Screenshots.save(dialog.getScene(), "referral-status-dialog"));
        robot.interact(() -> ((Button) root.lookup("#statusSave")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing());
        assertEquals("Not saved: “On hold” needs a reason. Write what happened, then save.",
                ((Labeled) root.lookup("#statusMessage")).getText());
        assertEquals(ReferralStatus.SENT, data.app.referrals().open(food.id()).status());
        robot.interact(() -> Screenshots.save(dialog.getScene(), "referral-status-dialog-refused"));

        robot.interact(() -> {
            ((TextField) root.lookup("#statusReason")).setText("Family away until April");
            ((Button) root.lookup("#statusSave")).fire();
        });
        waitUntil(() -> !dialog.isShowing());
        waitUntil(() -> "On hold".equals(text("#detailsStatus")));
        assertEquals(ReferralStatus.ON_HOLD, data.app.referrals().open(food.id()).status());
    }

    @Test
    void theLetterIsNeverOfferedToARestrictedCaregiver(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        Referral r = data.refer(data.child.id(), Need.CHILD_DEVELOPMENT, "Help Me Grow", Urgency.ROUTINE);
        show(robot);
        choose(robot, r);
        waitUntil(() -> text("#detailsTitle") != null);
        robot.interact(() -> table().requestFocus());

        robot.type(KeyCode.L);
        waitUntil(() -> window("Tandem — Referral letter").isPresent());
        Stage dialog = window("Tandem — Referral letter").orElseThrow();
        Parent root = dialog.getScene().getRoot();
        List<String> choices = root.lookupAll(".radio-button").stream().map(n -> ((Labeled) n).getText()).toList();
        assertEquals(List.of("Clinic copy, and a family copy for Ana Pérez (Spanish)", "Clinic copy only"), choices);
        assertEquals("Not offered, because restricted (do not contact): Luis Pérez",
                ((Labeled) root.lookup("#letterNote")).getText());
        robot.interact(() -> Screenshots.save(dialog.getScene(), "referral-letter-choice"));
        robot.interact(() -> ((Button) root.lookup("#letterCancel")).fire());
        waitUntil(() -> !dialog.isShowing());
    }

    @Test
    void theDirectoryEditsAndRemovesAnEntry(FxRobot robot) throws Exception {
        data = new ReferralWorklistFixture(dir);
        show(robot);
        robot.interact(() -> ((ToggleButton) view.node().lookup("#referralsDirectoryTab")).fire());
        waitUntil(() -> view.directory() != null && !view.directory().model().entries().isEmpty());
        DirectoryView directory = view.directory();
        ListView<?> list = (ListView<?>) directory.node().lookup("#directoryList");
        robot.interact(() -> list.getSelectionModel().select(cast(directory.model().entries().stream()
                .filter(d -> d.name().equals("Home visiting programme")).findFirst().orElseThrow())));
        waitUntil(() -> "Home visiting programme".equals(text("#directoryHeading")));
        assertTrue(((javafx.scene.control.TextArea) directory.node().lookup("#directorySource")).getText()
                .startsWith("DOMAIN.md"), "a seeded entry shows its source");
        assertTrue(String.join("\n", texts(directory.node())).contains("Added by Tandem"));
        robot.interact(() -> {
            ((TextField) directory.node().lookup("#directoryPhone")).setText("510-555-0142");
            ((javafx.scene.control.CheckBox) directory.node().lookup("#directoryNeed_CHILD_DEVELOPMENT"))
                    .setSelected(true);
        });
        robot.interact(() -> Screenshots.save(stage.getScene(), "referral-directory"));
        robot.interact(() -> ((Button) directory.node().lookup("#directorySave")).fire());
        waitUntil(() -> text("#directoryMessage") != null && text("#directoryMessage").startsWith("Saved"));
        assertEquals("510-555-0142", data.destination("Home visiting programme").phone());
        assertTrue(data.destination("Home visiting programme").serves(Need.CHILD_DEVELOPMENT));

        robot.interact(() -> ((Button) directory.node().lookup("#directoryRemove")).fire());
        waitUntil(() -> directory.model().entries().stream().noneMatch(d -> d.name().equals("Home visiting programme")));
        assertTrue(data.app.referrals().destinations(false).stream()
                .noneMatch(d -> d.name().equals("Home visiting programme")));
        assertTrue(directory.node().lookup("#directoryRestore").isVisible(), "a removed one can be restored");
        robot.interact(() -> {
            ((ScrollPane) directory.node().lookup("#directoryForm").getParent().getParent().getParent()).setVvalue(1);
            Screenshots.save(stage.getScene(), "referral-directory-removed");
        });
    }
}
