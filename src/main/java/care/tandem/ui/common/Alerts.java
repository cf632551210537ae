package care.tandem.ui.common;

import care.tandem.i18n.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Builds every Tandem alert the same way: "Tandem — …" title, no header or icon, the message as a
 * wrapping label, the stylesheet, over {@code owner} when there is one.
 */
final class Alerts {
    /** Starts the title of every Tandem window and alert; what follows is never patient data. */
    static final String TITLE_PREFIX = "Tandem — ";

    private Alerts() {
    }

    /** An alert titled from {@code titleKey}, saying {@code message} in a label with the id "dialogMessage". */
    static Alert create(Alert.AlertType type, Texts texts, String titleKey, String message, Window owner) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(TITLE_PREFIX + texts.get(titleKey));
        alert.setHeaderText(null);
        alert.setGraphic(null);
        DialogPane pane = alert.getDialogPane();
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.getStyleClass().add("dialog-message");
        text.setId("dialogMessage");
        pane.setContent(text);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.getStylesheets().add(Windows.STYLESHEET);
        return alert;
    }

    /** The label {@link #create} put in the alert. */
    static Label message(Alert alert) {
        return (Label) alert.getDialogPane().getContent();
    }
}
