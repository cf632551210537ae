package care.tandem.ui.help;

import care.tandem.ui.common.UiContext;
import care.tandem.ui.main.Section;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** The F1 window, "Tandem — Help": what the open screen is for, and the keys that work everywhere. */
public final class HelpWindow {
    /** Keys and what they do, as bundle keys: the key's name, then its action. */
    public static final List<String[]> KEYS = List.of(
            new String[] {"help.key.find", "help.action.find"},
            new String[] {"help.key.new", "help.action.new"},
            new String[] {"help.key.startScreen", "help.action.startScreen"},
            new String[] {"help.key.sections", "help.action.sections"},
            new String[] {"referral.list.help.key.followUp", "referral.list.help.action.followUp"},
            new String[] {"referral.list.help.key.status", "referral.list.help.action.status"},
            new String[] {"referral.list.help.key.letter", "referral.list.help.action.letter"},
            new String[] {"help.key.lock", "help.action.lock"},
            new String[] {"help.key.help", "help.action.help"},
            new String[] {"help.key.quit", "help.action.quit"},
            new String[] {"help.key.tab", "help.action.tab"});

    private HelpWindow() {
    }

    /** Opens the help window over {@code owner} for {@code section}. */
    public static Stage show(UiContext ui, Window owner, Section section) {
        Label heading = new Label(ui.texts().get(section.titleKey()));
        heading.getStyleClass().add("title-3");
        Label purpose = new Label(ui.texts().get(section.purposeKey()));
        purpose.setWrapText(true);
        purpose.setId("helpPurpose");
        purpose.setMinHeight(Label.USE_PREF_SIZE);
        Label keysHeading = new Label(ui.texts().get("help.keys.heading"));
        keysHeading.getStyleClass().add("section-heading");
        GridPane keys = new GridPane();
        keys.getStyleClass().add("help-keys");
        int row = 0;
        for (String[] k : KEYS) {
            Label key = new Label(ui.texts().get(k[0]));
            key.getStyleClass().add("key-cap");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(ui.texts().get(k[1]));
            action.setWrapText(true);
            keys.addRow(row++, key, action);
        }
        Button close = new Button(ui.texts().get("dialog.close"));
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("button-row");
        VBox page = new VBox(heading, purpose, keysHeading, keys, buttons);
        page.getStyleClass().add("help-page");
        page.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        Stage stage = ui.windows().newStage(owner, "help.title", scroll, 560, 520);
        close.setOnAction(e -> stage.hide());
        stage.show();
        close.requestFocus();
        return stage;
    }
}
