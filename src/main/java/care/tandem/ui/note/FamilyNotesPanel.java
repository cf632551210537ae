package care.tandem.ui.note;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The family page's visit notes: "Write today's note" (today's visit of the youngest child with the caregivers, made
 * if screening has not made it yet) and the family's notes with their status, each opening in its own window.
 */
public final class FamilyNotesPanel {
    private final UiContext ui;
    private final Texts t;
    private final Supplier<Window> owner;
    private final Runnable onChanged;
    private final NoteWords words;
    private final VBox root = new VBox(8);
    private Family family;

    public FamilyNotesPanel(UiContext ui, Supplier<Window> owner, Runnable onChanged) {
        this.ui = ui;
        this.t = ui.texts();
        this.owner = owner;
        this.onChanged = onChanged;
        this.words = new NoteWords(t, ui.app().clock().getZone());
        root.setId("familyNotes");
        root.getStyleClass().add("family-notes");
        root.getStylesheets().add(NoteEditorView.STYLESHEET);
    }

    public Node node() {
        return root;
    }

    /** Shows a family's notes (null: none). */
    public void show(Family f) {
        family = f;
        refresh();
    }

    /** Reads the family's notes again. */
    public void refresh() {
        Family f = family;
        if (f == null) {
            root.getChildren().clear();
            return;
        }
        ui.runner().read(() -> ui.app().notes().forFamily(f.id()), notes -> {
            if (family != null && family.id().equals(f.id())) {
                rebuild(notes);
            }
        }, ui.dialogs()::showProblem);
    }

    private void rebuild(List<NoteSummary> notes) {
        root.getChildren().clear();
        Label title = new Label(t.get("visits.panel.title"));
        title.getStyleClass().addAll("title-4", "family-section-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // The kind is asked first: it picks the note's template (a draft keeps the template it was made from).
        MenuButton write = new MenuButton(t.get("visits.panel.writeToday"));
        write.setId("writeTodayNote");
        write.setMinWidth(Region.USE_PREF_SIZE);
        write.setDisable(family.children().isEmpty());
        for (VisitKind kind : VisitKind.values()) {
            MenuItem item = new MenuItem(words.kind(kind));
            item.setId("writeToday_" + kind.name());
            item.setOnAction(e -> writeToday(kind));
            write.getItems().add(item);
        }
        HBox head = new HBox(10, title, gap, write);
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(head);
        if (notes.isEmpty()) {
            Label empty = new Label(t.get("visits.panel.empty"));
            empty.setId("notesEmpty");
            empty.setWrapText(true);
            empty.getStyleClass().add("note-muted");
            root.getChildren().add(empty);
        }
        for (int i = 0; i < notes.size(); i++) {
            root.getChildren().add(row(notes.get(i), "noteRow" + i));
        }
    }

    private Node row(NoteSummary n, String id) {
        Label main = new Label(t.get("visits.panel.row", words.kind(n.visitKind()), words.date(n.visitDate())));
        main.getStyleClass().add("note-row-title");
        main.setWrapText(true);
        Label status = new Label(t.get("visits.panel.rowMore", words.status(n.status()), n.authorName()));
        status.setId(id + "Status");
        status.getStyleClass().add("note-muted");
        VBox row = new VBox(2, main, status);
        row.setId(id);
        row.getStyleClass().add("note-panel-row");
        row.setFocusTraversable(true);
        row.setAccessibleRole(AccessibleRole.BUTTON);
        row.setAccessibleText(main.getText() + ", " + status.getText());
        Runnable open = () -> NoteWindow.open(ui, owner.get(), n.id(), this::changed);
        row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                open.run();
            }
        });
        row.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                open.run();
            }
        });
        return row;
    }

    /**
     * Today's visit of the youngest child as screening recorded it, or made with every caregiver present; a visit
     * without a note yet takes {@code kind}, whose template the note is drafted from.
     */
    public void writeToday(VisitKind kind) {
        Family f = family;
        if (f == null || f.children().isEmpty()) {
            return;
        }
        Member child = f.children().stream().max(Comparator.comparing(m -> m.birthDate() == null
                ? java.time.LocalDate.MIN : m.birthDate())).orElseThrow();
        List<UUID> caregivers = f.caregivers().stream().map(Member::id).toList();
        ui.runner().write(() -> {
            Visit v = ui.app().screening().visitTodayAsItIs(f.id(), child.id(), caregivers);
            boolean noted = ui.app().notes().forFamily(f.id()).stream().anyMatch(n -> n.visitId().equals(v.id()));
            return noted || v.kind() == kind ? v
                    : ui.app().notes().updateVisit(v.id(), kind, v.minutes(), v.place(), v.childScreens());
        }, v -> NoteWindow.openVisit(ui, owner.get(), v.id(), this::changed), ui.dialogs()::showProblem);
    }

    private void changed() {
        refresh();
        onChanged.run();
    }
}
