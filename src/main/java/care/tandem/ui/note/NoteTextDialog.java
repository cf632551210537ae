package care.tandem.ui.note;

import care.tandem.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Asks for one piece of text before a step that needs it: a supervisor's attestation, the comment when returning a
 * note, an addendum. OK stays disabled while the text is blank; Ctrl+Enter is OK, Esc cancels.
 */
final class NoteTextDialog {
    private NoteTextDialog() {
    }

    static Stage ask(UiContext ui, Window owner, String titleKey, String questionKey, String initial, String okKey,
                     Consumer<String> onOk) {
        Label question = new Label(ui.texts().get(questionKey));
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        TextArea text = new TextArea(initial);
        text.setId("noteDialogText");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        question.setLabelFor(text);
        text.setAccessibleText(ui.texts().get(questionKey));
        VBox.setVgrow(text, Priority.ALWAYS);
        Button cancel = new Button(ui.texts().get("visits.dialog.cancel"));
        cancel.setId("noteDialogCancel");
        cancel.setCancelButton(true);
        Button ok = new Button(ui.texts().get(okKey));
        ok.setId("noteDialogOk");
        ok.getStyleClass().add("accent");
        ok.disableProperty().bind(text.textProperty().map(String::isBlank));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, ok);
        VBox root = new VBox(12, question, text, buttons);
        root.setPadding(new Insets(20));
        root.getStylesheets().add(NoteEditorView.STYLESHEET);
        Stage stage = ui.windows().newStage(owner, titleKey, root, 560, 320);
        cancel.setOnAction(e -> stage.close());
        ok.setOnAction(e -> {
            if (!text.getText().isBlank()) {
                stage.close();
                onOk.accept(text.getText().strip());
            }
        });
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                ok::fire);
        stage.show();
        text.requestFocus();
        text.positionCaret(text.getText().length());
        return stage;
    }
}
