package care.tandem.ui.referral;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.referral.ReferralWorklistViewModel.Row;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Referrals section (Ctrl+4): the worklist (filters, the table by follow-up date with overdue ones first, the
 * chosen referral's details on the right) and, behind the "Resource directory" toggle, the directory editor.
 * Keys in the list: F records a follow-up, S changes the status, L writes the letter, Enter moves into the details.
 */
public final class ReferralWorklistView {
    /** The referral screens' stylesheet (the main window's status bar uses its overdue style). */
    public static final String STYLESHEET = ReferralDetailsView.STYLESHEET;

    private final UiContext ui;
    private final Texts t;
    private final ReferralWorklistViewModel vm;
    private final ReferralDetailsView details;
    private final BorderPane root = new BorderPane();
    private final StackPane body = new StackPane();
    private final TableView<Row> table = new TableView<>();
    private final ToggleButton worklistTab;
    private final ToggleButton directoryTab;
    private final Node worklistPane;
    private DirectoryView directory;
    private boolean focusWanted;

    /** @param onChanged run after a referral was changed here (the status bar recounts the overdue ones) */
    public ReferralWorklistView(UiContext ui, Supplier<Window> owner, Runnable onChanged) {
        this.ui = ui;
        this.t = ui.texts();
        ReferralWords words = new ReferralWords(t);
        this.vm = new ReferralWorklistViewModel(ui.app().referrals(), ui.app().accounts(), ui.runner(), ui.dialogs(),
                words, new care.tandem.ui.family.FamilyFormat(t, ui.app().clock()));
        this.details = new ReferralDetailsView(ui, owner);
        details.model().setOnChanged(id -> {
            vm.changed(id);
            onChanged.run();
        });

        Label title = new Label(t.get("nav.referrals"));
        title.getStyleClass().add("title-3");
        ToggleGroup tabs = new ToggleGroup();
        worklistTab = new ToggleButton(t.get("referral.list.tab.worklist"));
        worklistTab.setId("referralsWorklistTab");
        worklistTab.getStyleClass().add("left-pill");
        worklistTab.setToggleGroup(tabs);
        directoryTab = new ToggleButton(t.get("referral.list.tab.directory"));
        directoryTab.setId("referralsDirectoryTab");
        directoryTab.getStyleClass().add("right-pill");
        directoryTab.setToggleGroup(tabs);
        worklistTab.setSelected(true);
        tabs.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                showTab();
            }
        });
        HBox tabBox = new HBox(worklistTab, directoryTab);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label count = new Label();
        count.setId("referralsCount");
        count.getStyleClass().add("referral-muted");
        count.textProperty().bind(vm.countText());
        count.visibleProperty().bind(worklistTab.selectedProperty());
        Button refresh = new Button(t.get("referral.list.refresh"));
        refresh.setId("referralsRefresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> refresh());
        HBox head = new HBox(16, title, tabBox, gap, count, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("referral-head");

        worklistPane = worklist();
        body.getChildren().add(worklistPane);
        root.setTop(head);
        root.setCenter(body);
        root.getStyleClass().add("referral-section");
        root.setId("referralSection");
        root.getStylesheets().add(ReferralDetailsView.STYLESHEET);
    }

    private Node worklist() {
        ComboBox<ReferralWorklistViewModel.Choice<java.util.UUID>> referrer = new ComboBox<>(vm.referrers());
        referrer.setId("filterReferrer");
        referrer.setPrefWidth(140);
        referrer.valueProperty().bindBidirectional(vm.referrer());
        ComboBox<ReferralWorklistViewModel.Choice<care.tandem.domain.referral.Need>> need =
                new ComboBox<>(vm.needs());
        need.setId("filterNeed");
        need.setPrefWidth(200);
        need.valueProperty().bindBidirectional(vm.need());
        ComboBox<ReferralWorklistViewModel.StatusChoice> status = new ComboBox<>(vm.statuses());
        status.setId("filterStatus");
        status.setPrefWidth(140);
        status.valueProperty().bindBidirectional(vm.status());
        TextField family = new TextField();
        family.setId("filterFamily");
        family.setPromptText(t.get("referral.list.filter.familyPrompt"));
        family.textProperty().bindBidirectional(vm.familyText());
        family.setPrefColumnCount(16);
        FlowPane filters = new FlowPane(18, 8, filter("referral.list.filter.referrer", referrer),
                filter("referral.list.filter.need", need), filter("referral.list.filter.status", status),
                filter("referral.list.filter.family", family));
        filters.getStyleClass().add("referral-filters");

        table.setId("referralTable");
        table.getStyleClass().add("referral-table");
        table.setAccessibleText(t.get("referral.list.accessible"));
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Four columns of one to three lines each keep every fact readable beside the details pane; the first is
        // wide enough for "Atrasada 365 días".
        table.getColumns().add(column("referral.list.column.followUp", "columnFollowUp", 160, 160, true,
                r -> List.of(r.followUp(), r.urgency())));
        table.getColumns().add(column("referral.list.column.family", "columnFamily", 140, 160, false,
                r -> List.of(r.family(), t.get("referral.list.forWhom", r.forWhom()),
                        t.get("referral.list.contactLine", r.contact()))));
        table.getColumns().add(column("referral.list.column.title", "columnTitle", 150, 176, false,
                r -> List.of(r.title(), r.status())));
        table.getColumns().add(column("referral.list.column.referrer", "columnReferrer", 120, 124, false,
                r -> List.of(r.referrer())));
        Label empty = new Label();
        empty.setId("referralsEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("referral-placeholder");
        empty.textProperty().bind(vm.emptyText());
        table.setPlaceholder(empty);
        table.setRowFactory(v -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    details.focus();
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (table.getSelectionModel().getSelectedItem() == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                e.consume();
                details.focus();
            } else if (details.key(e)) {
                e.consume();
            }
        });

        // The table follows the view model's choice: a reload keeps the same referral chosen.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selected().set(now);
            }
        });
        vm.rows().addListener((ListChangeListener<Row>) c -> {
            Row kept = vm.selected().get();
            if (kept != null) {
                table.getSelectionModel().select(kept);
            }
            // Once, when the list asked for arrives: later lists never take the focus from where the user went.
            focusIfWanted();
            focusWanted = false;
        });
        table.skinProperty().addListener((obs, old, now) -> focusIfWanted());
        table.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                focusWanted = false;
            }
        });
        vm.selected().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
                if (!vm.afterChange()) {
                    details.model().clear();
                }
                return;
            }
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
            int index = table.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                table.scrollTo(Math.max(0, index - 3));
            }
            details.model().show(now.referral(), now.item().family(), vm.today());
        });

        SplitPane split = new SplitPane(table, details.node());
        split.setDividerPositions(0.63);
        split.setId("referralSplit");
        split.getStyleClass().add("referral-split");
        SplitPane.setResizableWithParent(details.node(), false);
        details.node().setMinWidth(340);
        table.setMinWidth(420);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox pane = new VBox(12, filters, split);
        pane.getStyleClass().add("referral-worklist");
        pane.setId("referralWorklist");
        return pane;
    }

    private HBox filter(String key, javafx.scene.control.Control control) {
        Label label = new Label(t.get(key));
        label.getStyleClass().add("referral-filter-label");
        label.setLabelFor(control);
        control.setAccessibleText(t.get(key));
        HBox box = new HBox(8, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * A cell of one to three lines: the first as the row's headline (the follow-up badge, coloured and in words, in
     * the first column), the others muted; a screen reader reads them all.
     */
    /** A column of one to three lines a row ({@code badge}: the first line as the follow-up badge); not sortable. */
    private TableColumn<Row, Row> column(String key, String id, double min, double pref, boolean badge,
                                         Function<Row, List<String>> lines) {
        TableColumn<Row, Row> c = new TableColumn<>(t.get(key));
        c.setId(id);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
        c.setCellFactory(x -> new LinesCell(lines, badge));
        c.setMinWidth(min);
        c.setPrefWidth(pref);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private static final class LinesCell extends TableCell<Row, Row> {
        private final Function<Row, List<String>> lines;
        private final boolean badge;

        LinesCell(Function<Row, List<String>> lines, boolean badge) {
            this.lines = lines;
            this.badge = badge;
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            VBox box = new VBox(2);
            List<String> texts = lines.apply(row).stream().filter(x -> x != null && !x.isBlank()).toList();
            boolean marked = badge && (ReferralWorklistViewModel.OVERDUE_STYLE.equals(row.followUpStyle())
                    || ReferralWorklistViewModel.TODAY_STYLE.equals(row.followUpStyle()));
            for (int i = 0; i < texts.size(); i++) {
                if (i == 0 && marked) {
                    Label l = new Label(texts.get(i));
                    l.getStyleClass().addAll("referral-badge", row.followUpStyle());
                    l.setMinWidth(Region.USE_PREF_SIZE);
                    box.getChildren().add(l);
                    continue;
                }
                // Text wraps to the column's width, which is known before the first layout (a wrapping Label's
                // height is not, and makes the row far too tall).
                Text line = new Text(texts.get(i));
                line.getStyleClass().add(i == 0 ? "referral-cell-main" : "referral-cell-more");
                if (i == 0 && badge) {
                    line.getStyleClass().add(row.followUpStyle() + "-text");
                }
                if (getTableColumn() != null) {
                    line.wrappingWidthProperty().bind(Bindings.max(40, getTableColumn().widthProperty()
                            .subtract(20)));
                }
                box.getChildren().add(line);
            }
            setGraphic(box);
            setAccessibleText(String.join(", ", texts));
        }
    }

    private void showTab() {
        if (directoryTab.isSelected()) {
            if (directory == null) {
                directory = new DirectoryView(ui);
            }
            body.getChildren().setAll(directory.node());
            directory.refresh();
        } else {
            body.getChildren().setAll(worklistPane);
            vm.refresh();
        }
    }

    /** Loads what is shown again (the section was opened). */
    public void refresh() {
        if (directoryTab.isSelected() && directory != null) {
            directory.refresh();
        } else {
            vm.load();
        }
    }

    /** The worklist with only the overdue referrals, the keyboard in the list (the status bar's count was used). */
    public void showOverdue() {
        worklistTab.setSelected(true);
        vm.showOverdue();
        focusList();
    }

    /** Moves the keyboard into the list, choosing its first referral when none is chosen. */
    public void focusList() {
        // A section shown just now may take the focus only once it is laid out and its list has arrived.
        focusWanted = true;
        table.requestFocus();
        javafx.application.Platform.runLater(this::focusIfWanted);
        vm.chooseFirst();
    }

    private void focusIfWanted() {
        if (focusWanted && table.getScene() != null && !table.isFocused()) {
            table.requestFocus();
        }
    }

    public BorderPane node() {
        return root;
    }

    public ReferralWorklistViewModel model() {
        return vm;
    }

    public ReferralDetailsView details() {
        return details;
    }

    /** The directory editor, once its toggle was used (tests). */
    public DirectoryView directory() {
        return directory;
    }
}
