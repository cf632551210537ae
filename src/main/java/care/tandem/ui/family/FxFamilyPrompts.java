package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.ui.common.FxDialogService;
import care.tandem.ui.common.UiContext;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;

/** Asks the family screens' questions in a Tandem window over the one in front. */
final class FxFamilyPrompts implements FamilyPrompts {
    private final UiContext ui;
    private final FamilyFormat format;

    FxFamilyPrompts(UiContext ui, FamilyFormat format) {
        this.ui = ui;
        this.format = format;
    }

    @Override
    public DuplicateDecision possibleDuplicates(List<Family> candidates) {
        Label message = new Label(ui.texts().get("family.duplicates.message"));
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("family-duplicates-message");
        ListView<Family> list = new ListView<>();
        list.setId("duplicateList");
        list.getItems().setAll(candidates);
        list.setCellFactory(l -> new FamilyListCell(format));
        list.getSelectionModel().selectFirst();
        list.setAccessibleText(ui.texts().get("family.duplicates.title"));
        list.setPrefHeight(200);
        VBox.setVgrow(list, Priority.ALWAYS);
        Button open = new Button(ui.texts().get("family.duplicates.open"));
        open.setId("duplicateOpenButton");
        Button saveAnyway = new Button(ui.texts().get("family.duplicates.saveAnyway"));
        saveAnyway.setId("duplicateSaveButton");
        Button back = new Button(ui.texts().get("family.duplicates.back"));
        back.setId("duplicateBackButton");
        back.setCancelButton(true);
        open.setDefaultButton(true);
        open.getStyleClass().add("accent");
        HBox buttons = new HBox(10, back, saveAnyway, open);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(12, message, list, buttons);
        content.setPadding(new Insets(16));
        content.getStyleClass().add("family-duplicates");

        Stage stage = ui.windows().newStage(FxDialogService.focusedWindow(), "family.duplicates.title", content,
                640, 420);
        DuplicateDecision[] answer = {new DuplicateDecision(DuplicateChoice.GO_BACK, null)};
        open.setOnAction(e -> {
            answer[0] = new DuplicateDecision(DuplicateChoice.OPEN_EXISTING, list.getSelectionModel().getSelectedItem());
            stage.close();
        });
        saveAnyway.setOnAction(e -> {
            answer[0] = new DuplicateDecision(DuplicateChoice.SAVE_AS_NEW, null);
            stage.close();
        });
        back.setOnAction(e -> stage.close());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.fire();
            }
        });
        stage.showAndWait();
        return answer[0];
    }
}
