package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ReferralTransitions;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.Forms;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.FamilyFormat;
import care.tandem.ui.referral.ReferralDetailsViewModel.ContactLine;
import care.tandem.ui.referral.ReferralDetailsViewModel.Details;
import care.tandem.ui.referral.ReferralDetailsViewModel.Fact;
import care.tandem.ui.referral.ReferralDetailsViewModel.HistoryLine;
import care.tandem.ui.referral.ReferralDetailsViewModel.LetterChoice;
import care.tandem.ui.referral.ReferralDetailsViewModel.State;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One referral's details and actions, beside the worklist or in its own window: the caregivers' safe-contact
 * preferences first (before a call), the facts, loop measures and history; Record follow-up (F), Change status (S),
 * Refer elsewhere, Try again (closed ones), Letter (L). A private referral shows only "Private referral" and its
 * Open button until clicked.
 */
public final class ReferralDetailsView {
    static final String STYLESHEET = "/care/tandem/ui/referral/Referral.css";

    private final UiContext ui;
    private final Texts t;
    private final ReferralDetailsViewModel vm;
    private final Supplier<Window> owner;
    private final VBox page = new VBox();
    private final ScrollPane root;
    private Node focusTarget;

    public ReferralDetailsView(UiContext ui, Supplier<Window> owner) {
        this.ui = ui;
        this.t = ui.texts();
        this.owner = owner;
        this.vm = new ReferralDetailsViewModel(ui.app().referrals(), ui.app().screening(), ui.app().accounts(),
                ui.app().families(), ui.runner(), ui.dialogs(), new ReferralWords(t),
                new FamilyFormat(t, ui.app().clock()), ui.app().clock().getZone());
        page.getStyleClass().add("referral-details");
        page.setId("referralDetails");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("referral-details-scroll");
        root.getStylesheets().add(STYLESHEET);
        root.setAccessibleText(t.get("referral.details.accessible"));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (key(e)) {
                e.consume();
            }
        });
        vm.stateProperty().addListener((obs, old, now) -> rebuild());
        vm.detailsProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public ScrollPane node() {
        return root;
    }

    public ReferralDetailsViewModel model() {
        return vm;
    }

    /** Moves the keyboard into the details: the first action, or "Open private referral". */
    public void focus() {
        if (focusTarget != null && !focusTarget.isDisabled()) {
            focusTarget.requestFocus();
        } else {
            root.requestFocus();
        }
    }

    /**
     * The details' keys, also used by the list beside them: F records a follow-up, S changes the status, L writes
     * the letter. Keys typed into a field, or with Ctrl/Alt, are left alone.
     *
     * @return true when the key was used
     */
    public boolean key(KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || e.getTarget() instanceof TextInputControl || e.getTarget() instanceof DatePicker) {
            return false;
        }
        if (e.getCode() == KeyCode.F) {
            followUp();
            return true;
        }
        if (e.getCode() == KeyCode.S) {
            changeStatus(false);
            return true;
        }
        if (e.getCode() == KeyCode.L) {
            letter();
            return true;
        }
        return false;
    }

    private void rebuild() {
        // Keys pressed in the details stay in the details when they are rebuilt (after a save).
        boolean hadFocus = page.getScene() != null && inside(page.getScene().getFocusOwner());
        page.getChildren().clear();
        focusTarget = null;
        State state = vm.stateProperty().get();
        Details d = vm.detailsProperty().get();
        switch (state) {
            case EMPTY -> placeholder("referral.details.placeholder");
            case LOADING -> placeholder("referral.details.loading");
            case PRIVATE_HIDDEN -> showPrivate();
            case SHOWN -> {
                if (d != null) {
                    showDetails(d);
                }
            }
        }
        if (hadFocus) {
            focus();
        }
    }

    private boolean inside(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == root) {
                return true;
            }
        }
        return false;
    }

    private void placeholder(String key) {
        Label text = new Label(t.get(key));
        text.setWrapText(true);
        text.setId("detailsPlaceholder");
        text.getStyleClass().add("referral-placeholder");
        page.getChildren().add(text);
    }

    private void showPrivate() {
        Label title = new Label(t.get("referral.private"));
        title.getStyleClass().add("title-3");
        title.setId("detailsPrivate");
        Label why = new Label(t.get("referral.details.private.explain"));
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add("referral-muted");
        Button open = new Button(t.get("referral.details.private.open"));
        open.setId("openPrivate");
        open.getStyleClass().add("accent");
        open.setOnAction(e -> vm.openPrivate());
        page.getChildren().addAll(title, why, open);
        focusTarget = open;
    }

    private void showDetails(Details d) {
        Label title = new Label(d.title());
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("title-3");
        title.setId("detailsTitle");
        Label followUp = new Label(d.followUp());
        followUp.setId("detailsFollowUp");
        followUp.getStyleClass().addAll("referral-badge", d.followUpStyle());
        HBox badges = new HBox(8, followUp);
        if (d.referral().open()) {
            Label status = new Label(d.status());
            status.setId("detailsStatus");
            status.getStyleClass().addAll("referral-badge", "referral-status");
            badges.getChildren().add(status);
        }
        badges.setAlignment(Pos.CENTER_LEFT);

        FlowPane actions = new FlowPane(8, 8);
        actions.getStyleClass().add("referral-actions");
        actions.setId("detailsActions");
        if (d.canFollowUp()) {
            Button b = action("detailsFollowUpButton", "referral.details.action.followUp", "F", this::followUp);
            b.getStyleClass().add("accent");
            actions.getChildren().add(b);
        }
        if (d.canChangeStatus()) {
            actions.getChildren().add(action("detailsStatusButton", "referral.details.action.status", "S",
                    () -> changeStatus(false)));
        }
        if (d.canReferElsewhere()) {
            actions.getChildren().add(action("detailsElsewhereButton", "referral.details.action.elsewhere", null,
                    () -> changeStatus(true)));
        }
        if (d.canTryAgain()) {
            actions.getChildren().add(action("detailsTryAgainButton", "referral.details.action.tryAgain", null,
                    this::tryAgain));
        }
        actions.getChildren().add(action("detailsLetterButton", "referral.details.action.letter", "L", this::letter));
        actions.getChildren().forEach(n -> n.disableProperty().bind(vm.busyProperty()));
        focusTarget = actions.getChildren().get(0);

        Label message = new Label();
        message.setId("detailsMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("referral-message");
        message.textProperty().bind(vm.messageProperty());
        Forms.collapseWhenEmpty(message);

        page.getChildren().addAll(title, badges, actions, message);
        if (d.referral().open() || !d.contacts().isEmpty()) {
            page.getChildren().add(contactBox(t, d.contacts(), d.protectiveOrder()));
        }
        page.getChildren().add(facts(d));
        page.getChildren().add(heading("referral.details.measures"));
        page.getChildren().add(grid(d.measures(), null));
        page.getChildren().add(heading("referral.details.history"));
        page.getChildren().add(history(d.history()));
    }

    private Button action(String id, String key, String shortcut, Runnable run) {
        Button b = new Button(t.get(key));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> run.run());
        if (shortcut != null) {
            Label cap = new Label(shortcut);
            cap.getStyleClass().add("key-cap");
            b.setGraphic(cap);
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.setAccessibleText(t.get("referral.details.action.withKey", t.get(key), shortcut));
        }
        return b;
    }

    private Label heading(String key) {
        Label h = new Label(t.get(key));
        h.getStyleClass().addAll("title-4", "referral-heading");
        return h;
    }

    private Node facts(Details d) {
        VBox box = new VBox(4);
        box.getChildren().add(heading("referral.details.facts"));
        GridPane grid = grid(d.facts(), d);
        box.getChildren().add(grid);
        if (d.previous() != null) {
            Hyperlink link = new Hyperlink(t.get("referral.details.showPrevious"));
            link.setId("detailsShowPrevious");
            link.setOnAction(e -> vm.showById(d.previous().id()));
            box.getChildren().add(link);
        }
        if (d.next() != null) {
            Hyperlink link = new Hyperlink(t.get("referral.details.showNext"));
            link.setId("detailsShowNext");
            link.setOnAction(e -> vm.showById(d.next().id()));
            box.getChildren().add(link);
        }
        return box;
    }

    private GridPane grid(List<Fact> facts, Details d) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("referral-facts");
        ColumnConstraints labels = new ColumnConstraints();
        // Labels wrap rather than push the values out of a narrow pane (long Spanish labels).
        labels.setMinWidth(90);
        labels.setMaxWidth(200);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        values.setMinWidth(120);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (Fact f : facts) {
            Label label = new Label(f.label());
            label.getStyleClass().add("referral-fact-label");
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            Label value = new Label(f.value());
            value.setId(f.id());
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setMaxWidth(Double.MAX_VALUE);
            value.getStyleClass().add("referral-fact-value");
            label.setLabelFor(value);
            value.setAccessibleText(f.label() + ": " + f.value());
            Node shown = value;
            if (d != null && "factDestination".equals(f.id()) && !d.destination().isEmpty()) {
                VBox withFacts = new VBox(2, value);
                for (int i = 0; i < d.destination().size(); i++) {
                    Label extra = new Label(d.destination().get(i));
                    extra.setId("destinationFact" + i);
                    extra.setWrapText(true);
                    extra.setMinHeight(Region.USE_PREF_SIZE);
                    extra.getStyleClass().add("referral-destination-fact");
                    withFacts.getChildren().add(extra);
                }
                shown = withFacts;
            }
            grid.addRow(row++, label, shown);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        }
        return grid;
    }

    private Node history(List<HistoryLine> lines) {
        VBox box = new VBox(6);
        box.setId("detailsHistory");
        for (int i = 0; i < lines.size(); i++) {
            HistoryLine h = lines.get(i);
            Label when = new Label(h.who().isBlank() ? h.when() : t.get("referral.details.history.whenWho", h.when(),
                    h.who()));
            when.getStyleClass().add("referral-muted");
            when.setWrapText(true);
            Label what = new Label(h.what());
            what.setId("history" + i);
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.getStyleClass().add("referral-history-what");
            VBox entry = new VBox(2, when, what);
            for (String detail : h.details()) {
                Label l = new Label(detail);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                entry.getChildren().add(l);
            }
            entry.getStyleClass().add("referral-history-entry");
            entry.setFocusTraversable(false);
            box.getChildren().add(entry);
        }
        return box;
    }

    /**
     * "Before you call": each caregiver to call, with phone and OK to call / text / leave a message in words; a
     * restricted caregiver shows "Restricted — do not contact" and never a phone.
     */
    static Node contactBox(Texts t, List<ContactLine> lines, String protectiveOrder) {
        VBox box = new VBox(8);
        box.getStyleClass().add("referral-contact-box");
        box.setId("contactBox");
        Label heading = new Label(t.get("referral.details.contact.heading"));
        heading.getStyleClass().add("referral-contact-heading");
        box.getChildren().add(heading);
        if (!protectiveOrder.isBlank() || lines.stream().anyMatch(ContactLine::restricted)) {
            Label order = new Label(protectiveOrder.isBlank() ? t.get("referral.details.contact.protective")
                    : t.get("referral.details.contact.protectiveNote", protectiveOrder));
            order.setWrapText(true);
            order.setMinHeight(Region.USE_PREF_SIZE);
            order.getStyleClass().add("referral-restricted");
            order.setId("contactProtective");
            box.getChildren().add(order);
        }
        if (lines.isEmpty()) {
            Label none = new Label(t.get("referral.details.contact.none"));
            none.getStyleClass().add("referral-muted");
            box.getChildren().add(none);
        }
        for (int i = 0; i < lines.size(); i++) {
            ContactLine c = lines.get(i);
            Label name = new Label(c.name());
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            name.getStyleClass().add("referral-contact-name");
            name.setId("contactName" + i);
            VBox person = new VBox(4, name);
            if (c.restricted()) {
                Label restricted = new Label(t.get("referral.details.contact.restricted"));
                restricted.getStyleClass().add("referral-restricted");
                restricted.setId("contactRestricted" + i);
                person.getChildren().add(restricted);
            } else {
                Label phone = new Label(c.phone());
                phone.setId("contactPhone" + i);
                phone.getStyleClass().add("referral-contact-phone");
                // One way a line, wrapping: a flow of labels is as wide as its widest label and pushed the
                // details sideways in Spanish ("Se pueden enviar mensajes de texto: No").
                VBox ways = new VBox(2);
                for (int w = 0; w < c.ways().size(); w++) {
                    ReferralDetailsViewModel.Way way = c.ways().get(w);
                    Label l = new Label(way.text());
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    l.setId("contactWay" + i + "_" + w);
                    l.getStyleClass().add(way.ok() ? "referral-yes" : "referral-no");
                    ways.getChildren().add(l);
                }
                person.getChildren().addAll(phone, ways);
            }
            person.getStyleClass().add("referral-contact-person");
            box.getChildren().add(person);
        }
        return box;
    }

    // ---- actions ----

    /** F: records a follow-up contact for the referral shown (or chosen in the list). */
    public void followUp() {
        Referral r = vm.current();
        Family f = vm.family();
        LocalDate today = vm.today();
        if (r == null || f == null || today == null || !r.open() || vm.busyProperty().get()) {
            return;
        }
        FollowUpDialog.show(ui, owner.get(), r, f, today, vm::changed);
    }

    /** S: changes the status (with {@code elsewhere}: "referred elsewhere" chosen already). */
    public void changeStatus(boolean elsewhere) {
        Referral r = vm.current();
        LocalDate today = vm.today();
        if (r == null || today == null || vm.busyProperty().get()) {
            return;
        }
        Set<ReferralStatus> next = ReferralTransitions.next(r.status());
        if (next.isEmpty() || (elsewhere && !next.contains(ReferralStatus.REFERRED_ELSEWHERE))) {
            return;
        }
        StatusDialog.show(ui, owner.get(), r, today, StatusDialogViewModel.Mode.CHANGE, elsewhere, vm::changed);
    }

    private void tryAgain() {
        Details d = vm.detailsProperty().get();
        if (d != null && d.canTryAgain()) {
            StatusDialog.show(ui, owner.get(), d.referral(), d.today(), StatusDialogViewModel.Mode.TRY_AGAIN, false,
                    vm::changed);
        }
    }

    /** L: asks whom the letter is for and where to save it, then writes it in the background. */
    public void letter() {
        if (vm.stateProperty().get() == State.PRIVATE_HIDDEN) {
            focus();
            return;
        }
        if (vm.stateProperty().get() != State.SHOWN || vm.busyProperty().get()) {
            return;
        }
        List<LetterChoice> choices = vm.letterChoices();
        ToggleGroup group = new ToggleGroup();
        VBox options = new VBox(8);
        for (int i = 0; i < choices.size(); i++) {
            RadioButton b = new RadioButton(choices.get(i).label());
            b.setId("letterChoice" + i);
            b.setUserData(choices.get(i));
            b.setToggleGroup(group);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
            options.getChildren().add(b);
        }
        group.selectToggle(group.getToggles().get(0));
        Label question = new Label(t.get("referral.details.letter.question"));
        question.getStyleClass().add("referral-dialog-label");
        Label note = new Label(vm.letterNote());
        note.setId("letterNote");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("referral-muted");
        Forms.collapseWhenEmpty(note);
        Button cancel = new Button(t.get("referral.details.letter.cancel"));
        cancel.setId("letterCancel");
        cancel.setCancelButton(true);
        Button save = new Button(t.get("referral.details.letter.choose"));
        save.setId("letterSave");
        save.setDefaultButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, save);
        buttons.getStyleClass().add("referral-dialog-buttons");
        VBox content = new VBox(12, question, options, note);
        content.setPadding(new Insets(20));
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox rootBox = new VBox(content, buttons);
        rootBox.getStyleClass().add("referral-dialog");
        rootBox.getStylesheets().add(STYLESHEET);
        Stage stage = ui.windows().newStage(owner.get(), "referral.details.letter.title", rootBox, 520, 280);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> {
            LetterChoice choice = (LetterChoice) group.getSelectedToggle().getUserData();
            stage.close();
            FileChooser chooser = new FileChooser();
            chooser.setTitle(ui.windows().title("referral.details.letter.saveTitle"));
            chooser.setInitialFileName(vm.letterFileName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.get("referral.details.letter.pdf"),
                    "*.pdf"));
            File file = chooser.showSaveDialog(owner.get());
            if (file != null) {
                vm.letter(choice.recipientId(), file.toPath());
            }
        });
        stage.show();
        ((Node) group.getSelectedToggle()).requestFocus();
    }
}
