package care.tandem.ui.note;

import care.tandem.domain.note.NoteSummary;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The Visits section (Ctrl+3): my unsigned notes, recent notes, and a supervisor's co-sign queue on the left; the
 * chosen note on the right, to write, sign, co-sign or add to.
 */
public final class VisitsView {
    private final Texts t;
    private final VisitsViewModel vm;
    private final NoteEditorView editor;
    private final ListView<NoteSummary> list = new ListView<>();
    private final BorderPane root = new BorderPane();

    public VisitsView(UiContext ui, Supplier<Window> owner) {
        this.t = ui.texts();
        this.vm = new VisitsViewModel(ui.app().notes(), ui.runner(), ui.dialogs(), () -> ui.app().session().user());
        this.editor = new NoteEditorView(ui, owner);
        NoteWords words = editor.model().words();
        editor.model().setOnChanged(vm::refresh);

        Label title = new Label(t.get("nav.visits"));
        title.getStyleClass().add("title-2");
        ToggleGroup group = new ToggleGroup();
        ToggleButton drafts = tab("visitsMyDrafts", "visits.list.myDrafts", group, VisitsViewModel.Mode.MY_DRAFTS);
        ToggleButton recent = tab("visitsRecent", "visits.list.recent", group, VisitsViewModel.Mode.RECENT);
        ToggleButton cosign = tab("visitsToCosign", "visits.list.toCosign", group, VisitsViewModel.Mode.TO_COSIGN);
        cosign.textProperty().bind(vm.cosignCountProperty().asString(t.get("visits.list.toCosignCount")));
        HBox tabs = new HBox(drafts, recent);
        if (vm.supervises()) {
            tabs.getChildren().add(cosign);
        }
        tabs.getStyleClass().add("segmented");
        drafts.setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.mode().set((VisitsViewModel.Mode) now.getUserData());
            }
        });
        HBox head = new HBox(16, title, tabs);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("visits-head");

        list.setId("visitsList");
        list.setItems(vm.rows());
        list.setAccessibleText(t.get("visits.list.accessible"));
        Label empty = new Label();
        empty.setWrapText(true);
        empty.setId("visitsEmpty");
        empty.textProperty().bind(vm.mode().map(m -> t.get("visits.list.empty." + m.name())));
        list.setPlaceholder(empty);
        list.setCellFactory(x -> new ListCell<>() {
            @Override
            protected void updateItem(NoteSummary n, boolean isEmpty) {
                super.updateItem(n, isEmpty);
                if (isEmpty || n == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label main = new Label(t.get("visits.list.row", n.childName(), words.date(n.visitDate())));
                main.getStyleClass().add("note-row-title");
                Label more = new Label(t.get("visits.list.rowMore", words.kind(n.visitKind()),
                        words.status(n.status()), n.authorName()));
                more.getStyleClass().add("note-muted");
                more.setWrapText(true);
                setText(null);
                // A cell as wide as the list, so the second line wraps rather than scrolling sideways.
                setPrefWidth(0);
                main.setWrapText(true);
                setGraphic(new VBox(2, main, more));
                setAccessibleText(main.getText() + ", " + more.getText());
            }
        });
        // A note co-signed or signed leaves its list; it stays on the right until another is chosen.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (editor.model().noteProperty().get() == null
                    || !editor.model().noteProperty().get().id().equals(now.id()))) {
                editor.model().open(now.id());
            }
        });
        SplitPane split = new SplitPane(list, editor.node());
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(list, false);
        list.setMinWidth(240);
        editor.node().setMinWidth(420);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setTop(head);
        root.setCenter(split);
        root.setId("visitsSection");
        root.getStylesheets().add(NoteEditorView.STYLESHEET);
    }

    private ToggleButton tab(String id, String key, ToggleGroup group, VisitsViewModel.Mode mode) {
        ToggleButton b = new ToggleButton(t.get(key));
        b.setId(id);
        b.setToggleGroup(group);
        b.setUserData(mode);
        return b;
    }

    public Node node() {
        return root;
    }

    public VisitsViewModel model() {
        return vm;
    }

    /** Reads the list again (the section is shown). */
    public void refresh() {
        vm.refresh();
    }

    /** Saves the note being written (the section is left). */
    public void leave() {
        editor.leave();
    }
}
