package care.tandem.ui.backup;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.Windows;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * "Tandem — Restored": shown once a restore in the window has replaced the database, which is now closed. It says
 * what was restored and where the replaced records were kept; closing it ends Tandem, to be started again.
 */
public final class RestoredWindow {
    private RestoredWindow() {
    }

    /** Shows the message in {@code stage}; {@code onClose} runs when it is closed. */
    public static void show(Stage stage, Texts texts, String message, Runnable onClose) {
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        Label heading = new Label(texts.get("restored.heading"));
        heading.getStyleClass().add("start-heading");
        heading.setWrapText(true);
        Label text = new Label(message);
        text.setId("restoredMessage");
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        text.getStyleClass().add("cannot-open-message");
        Button close = new Button(texts.get("dialog.close"));
        close.setId("restoredClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.getStyleClass().add("accent");
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(heading, text, buttons);
        card.getStyleClass().addAll("start-card", "cannot-open-card");
        card.setMaxWidth(560);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane page = new StackPane(card);
        page.getStyleClass().add("start-page");
        stage.setTitle(windows.title("restored.title"));
        stage.setScene(windows.scene(page, 640, 360));
        close.setOnAction(e -> stage.hide());
        stage.setOnHidden(e -> onClose.run());
        stage.show();
        close.requestFocus();
    }
}
