package care.tandem.ui.note;

import care.tandem.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.UUID;
import java.util.function.Consumer;

/** A visit's note in its own window (from the family page); what is typed is saved when it closes. */
public final class NoteWindow {
    private NoteWindow() {
    }

    /** Opens the visit's note (made as a draft on first use). */
    public static Stage openVisit(UiContext ui, Window owner, UUID visitId, Runnable onChanged) {
        return show(ui, owner, onChanged, vm -> vm.openVisit(visitId));
    }

    /** Opens a note by id. */
    public static Stage open(UiContext ui, Window owner, UUID noteId, Runnable onChanged) {
        return show(ui, owner, onChanged, vm -> vm.open(noteId));
    }

    private static Stage show(UiContext ui, Window owner, Runnable onChanged, Consumer<NoteEditorViewModel> load) {
        Stage[] stage = new Stage[1];
        NoteEditorView editor = new NoteEditorView(ui, () -> stage[0]);
        editor.model().setOnChanged(onChanged);
        Button close = new Button(ui.texts().get("visits.note.window.close"));
        close.setId("noteWindowClose");
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 12, 16));
        BorderPane root = new BorderPane(editor.node());
        root.setBottom(buttons);
        root.getStylesheets().add(NoteEditorView.STYLESHEET);
        stage[0] = ui.windows().newStage(owner, "visits.note.window.title", root, 820, 760);
        close.setOnAction(e -> stage[0].close());
        stage[0].setOnHiding(e -> {
            editor.leave();
            onChanged.run();
        });
        editor.model().stateProperty().addListener((obs, old, now) -> {
            if (now == NoteEditorViewModel.State.SHOWN && old == NoteEditorViewModel.State.LOADING) {
                editor.focus();
            }
        });
        stage[0].show();
        load.accept(editor.model());
        return stage[0];
    }
}
