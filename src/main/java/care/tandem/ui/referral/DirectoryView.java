package care.tandem.ui.referral;

import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.Forms;
import care.tandem.ui.common.UiContext;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The resource directory editor (Referrals section, "Resource directory"): the destinations on the left (name,
 * needs, phone; removed ones on request), the chosen one's form on the right; Save (Ctrl+S), Remove from directory
 * or Restore, Add destination.
 */
public final class DirectoryView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final Texts t;
    private final DirectoryViewModel vm;
    private final SplitPane root;
    private final ListView<Destination> list = new ListView<>();
    private final TextField nameField = new TextField();
    private boolean reverting;

    public DirectoryView(UiContext ui) {
        this.t = ui.texts();
        this.vm = new DirectoryViewModel(ui.app().referrals(), ui.runner(), ui.dialogs(), new ReferralWords(t));

        Button add = new Button(t.get("referral.directory.add"));
        add.setId("directoryAdd");
        add.getStyleClass().add("accent");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            if (vm.newEntry()) {
                list.getSelectionModel().clearSelection();
                nameField.requestFocus();
            }
        });
        CheckBox removed = new CheckBox(t.get("referral.directory.showRemoved"));
        removed.setId("directoryShowRemoved");
        removed.selectedProperty().bindBidirectional(vm.showRemoved());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, add, gap, removed);
        top.setAlignment(Pos.CENTER_LEFT);
        list.setItems(vm.entries());
        list.setId("directoryList");
        list.getStyleClass().add("referral-directory-list");
        list.setAccessibleText(t.get("referral.directory.list"));
        list.setCellFactory(v -> new EntryCell());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.getStyleClass().add("referral-placeholder");
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loaded())
                .then(t.get("referral.directory.empty")).otherwise(t.get("referral.directory.loading")));
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (reverting || now == null) {
                return;
            }
            if (!vm.edit(now)) {
                // Kept the unsaved changes: the list goes back to the destination being edited.
                reverting = true;
                list.getSelectionModel().select(old);
                reverting = false;
            }
        });
        VBox left = new VBox(10, top, list);
        left.getStyleClass().add("referral-directory-side");
        left.setMinWidth(300);

        StackPane right = new StackPane();
        Label placeholder = new Label(t.get("referral.directory.placeholder"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("referral-placeholder");
        placeholder.setId("directoryPlaceholder");
        Node form = form();
        form.visibleProperty().bind(vm.editing().isNotNull());
        placeholder.visibleProperty().bind(vm.editing().isNull());
        right.getChildren().addAll(placeholder, form);
        right.setMinWidth(380);
        StackPane.setAlignment(placeholder, Pos.TOP_LEFT);

        root = new SplitPane(left, right);
        root.setDividerPositions(0.38);
        root.getStyleClass().add("referral-directory");
        root.setId("referralDirectory");
        root.getStylesheets().add(ReferralDetailsView.STYLESHEET);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                vm.save();
            }
        });
    }

    private Node form() {
        Label heading = new Label();
        heading.setId("directoryHeading");
        heading.getStyleClass().add("title-4");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        Label seeded = new Label();
        seeded.setId("directorySeeded");
        seeded.setWrapText(true);
        seeded.setMinHeight(Region.USE_PREF_SIZE);
        seeded.getStyleClass().add("referral-muted");
        Forms.collapseWhenEmpty(seeded);
        Label removedTag = new Label(t.get("referral.directory.removedTag"));
        removedTag.setId("directoryRemovedTag");
        removedTag.getStyleClass().addAll("referral-badge", "referral-closed");
        Runnable headingText = () -> {
            heading.setText(vm.heading());
            seeded.setText(vm.seededText());
            Destination d = vm.editing().get();
            removedTag.setVisible(d != null && !d.active());
            removedTag.setManaged(removedTag.isVisible());
        };
        vm.editing().addListener((obs, old, now) -> headingText.run());
        vm.isNew().addListener((obs, old, now) -> headingText.run());
        HBox head = new HBox(10, heading, removedTag);
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("referral-form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        nameField.setId("directoryName");
        nameField.textProperty().bindBidirectional(vm.name());
        row = add(grid, row, "referral.directory.name", nameField);
        GridPane needs = new GridPane();
        needs.setHgap(12);
        needs.setVgap(6);
        needs.setId("directoryNeeds");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            needs.getColumnConstraints().add(half);
        }
        Need[] all = Need.values();
        int half = (all.length + 1) / 2;
        for (int i = 0; i < all.length; i++) {
            CheckBox box = new CheckBox(vm.words().need(all[i]));
            box.setId("directoryNeed_" + all[i].name());
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
            box.selectedProperty().bindBidirectional(vm.need(all[i]));
            // Down the first column, then the second, so Tab reads the needs in their order.
            needs.add(box, i / half, i % half);
        }
        row = add(grid, row, "referral.directory.needs", needs);
        row = add(grid, row, "referral.directory.phone", text("directoryPhone", vm.phone()));
        row = add(grid, row, "referral.directory.text", text("directoryText", vm.text()));
        row = add(grid, row, "referral.directory.web", text("directoryWeb", vm.web()));
        row = add(grid, row, "referral.directory.languages", text("directoryLanguages", vm.languages()));
        row = add(grid, row, "referral.directory.hours", text("directoryHours", vm.hours()));
        row = add(grid, row, "referral.directory.notes", area("directoryNotes", vm.notes(), 4));
        row = add(grid, row, "referral.directory.source", area("directorySource", vm.source(), 2));
        CheckBox privateUse = new CheckBox(t.get("referral.directory.private"));
        privateUse.setId("directoryPrivate");
        privateUse.setWrapText(true);
        privateUse.selectedProperty().bindBidirectional(vm.privateUse());
        privateUse.setAccessibleText(t.get("referral.directory.private"));
        grid.add(privateUse, 1, row);

        Label message = new Label();
        message.setId("directoryMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.message());
        vm.messageIsProblem().addListener((obs, old, problem) -> message.getStyleClass()
                .setAll("label", problem ? "referral-problem" : "referral-message"));
        message.getStyleClass().add("referral-message");
        Forms.collapseWhenEmpty(message);

        Button remove = new Button(t.get("referral.directory.remove"));
        remove.setId("directoryRemove");
        remove.setOnAction(e -> vm.remove());
        Button restore = new Button(t.get("referral.directory.restore"));
        restore.setId("directoryRestore");
        restore.setOnAction(e -> vm.restore());
        Runnable which = () -> {
            Destination d = vm.editing().get();
            boolean stored = d != null && !vm.isNew().get();
            remove.setVisible(stored && d.active());
            remove.setManaged(remove.isVisible());
            restore.setVisible(stored && !d.active());
            restore.setManaged(restore.isVisible());
        };
        vm.editing().addListener((obs, old, now) -> which.run());
        vm.isNew().addListener((obs, old, now) -> which.run());
        which.run();
        Button discard = new Button(t.get("referral.directory.discard"));
        discard.setId("directoryDiscard");
        discard.disableProperty().bind(vm.dirty().not().or(vm.busy()));
        discard.setOnAction(e -> vm.discard());
        Button save = new Button(t.get("referral.directory.save"));
        save.setId("directorySave");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busy());
        save.setOnAction(e -> vm.save());
        save.setAccessibleText(t.get("referral.directory.saveAccessible"));
        remove.disableProperty().bind(vm.busy());
        restore.disableProperty().bind(vm.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, remove, restore, gap, discard, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("referral-form-buttons");

        VBox page = new VBox(12, head, seeded, grid, message, buttons);
        page.setPadding(new Insets(16, 20, 20, 20));
        page.setId("directoryForm");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("referral-details-scroll");
        return scroll;
    }

    private int add(GridPane grid, int row, String key, Node field) {
        Label label = new Label(t.get(key));
        label.getStyleClass().add("referral-fact-label");
        label.setLabelFor(field);
        if (field instanceof Control c) {
            c.setAccessibleText(t.get(key));
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        GridPane.setValignment(label, VPos.TOP);
        return row + 1;
    }

    private TextField text(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private TextArea area(String id, StringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(value);
        tabMovesOn(a);
        return a;
    }

    /** Tab leaves a text area (as in every other field) instead of typing a tab. */
    static void tabMovesOn(TextInputControl area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
    }

    /** Loads the directory (the section was opened). */
    public void refresh() {
        vm.load();
    }

    public SplitPane node() {
        return root;
    }

    public DirectoryViewModel model() {
        return vm;
    }

    /** Moves the keyboard into the list. */
    public void focus() {
        list.requestFocus();
    }

    /** Name, needs and phone; "Removed" for one taken out of the directory. */
    private final class EntryCell extends ListCell<Destination> {
        @Override
        protected void updateItem(Destination d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label name = new Label(d.name());
            name.getStyleClass().add("referral-entry-name");
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            HBox first = new HBox(8, name);
            first.setAlignment(Pos.CENTER_LEFT);
            if (!d.active()) {
                Label gone = new Label(t.get("referral.directory.removedTag"));
                gone.getStyleClass().addAll("referral-badge", "referral-closed");
                first.getChildren().add(gone);
            }
            String needs = vm.needsText(d);
            Label served = new Label(needs);
            served.getStyleClass().add("referral-muted");
            served.setWrapText(true);
            served.setMinHeight(Region.USE_PREF_SIZE);
            served.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(2, first, served);
            if (!d.phone().isBlank()) {
                Label phone = new Label(t.get("referral.details.destination.phone", d.phone()));
                phone.setWrapText(true);
                phone.setMinHeight(Region.USE_PREF_SIZE);
                box.getChildren().add(phone);
            }
            box.prefWidthProperty().bind(list.widthProperty().subtract(40));
            setGraphic(box);
            setText(null);
            setAccessibleText(d.name() + (d.active() ? "" : ", " + t.get("referral.directory.removedTag")) + ". "
                    + needs + (d.phone().isBlank() ? "" : ". " + d.phone()));
        }
    }
}
