package care.tandem.ui;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.ProblemTexts;
import care.tandem.ui.common.Windows;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * "Tandem — Cannot open": the only window shown when the data folder cannot be opened (in use, on a
 * network share, damaged, unreadable, written by a newer Tandem). It says what is wrong and what to do;
 * closing it ends Tandem.
 */
public final class CannotOpenWindow {
    private CannotOpenWindow() {
    }

    /** Shows the problem in {@code stage}; {@code onClose} runs when it is closed. */
    public static void show(Stage stage, Texts texts, Throwable failure, Runnable onClose) {
        show(stage, texts, failure, null, onClose);
    }

    /**
     * As {@link #show(Stage, Texts, Throwable, Runnable)}, with {@code offer} (may be null) under the message: what
     * Tandem can do about it, such as restoring the latest good backup of a damaged database.
     */
    public static void show(Stage stage, Texts texts, Throwable failure, javafx.scene.Node offer, Runnable onClose) {
        Windows windows = new Windows(texts.bundle(), false, w -> new StackPane());
        Label heading = new Label(texts.get("cannotOpen.heading"));
        heading.getStyleClass().add("start-heading");
        heading.setWrapText(true);
        Label message = new Label(ProblemTexts.describe(failure, texts));
        message.setWrapText(true);
        message.setId("cannotOpenMessage");
        message.setMinHeight(Label.USE_PREF_SIZE);
        message.getStyleClass().add("cannot-open-message");
        Button close = new Button(texts.get("dialog.close"));
        close.setId("cannotOpenClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.getStyleClass().add("accent");
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = offer == null ? new VBox(heading, message, buttons) : new VBox(heading, message, offer, buttons);
        card.getStyleClass().addAll("start-card", "cannot-open-card");
        card.setMaxWidth(560);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        StackPane page = new StackPane(card);
        page.getStyleClass().add("start-page");
        stage.setTitle(windows.title("cannotOpen.title"));
        stage.setScene(windows.scene(page, 640, offer == null ? 360 : 480));
        close.setOnAction(e -> stage.hide());
        stage.setOnHidden(e -> onClose.run());
        stage.show();
        close.requestFocus();
    }
}
