package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.ui.common.UiContext;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Wires the merge window: search for the other record of the household on the left, both records side by
 * side with the one kept marked, and Merge, which asks before it acts.
 */
public final class FamilyMergeController {
    private final UiContext ui;
    private FamilyMergeViewModel model;
    private Stage stage;

    @FXML private TextField mergeSearchField;
    @FXML private Label mergeLimitLabel;
    @FXML private ListView<Family> mergeResultList;
    @FXML private RadioButton keepCurrentRadio;
    @FXML private RadioButton keepOtherRadio;
    @FXML private Label currentRoleLabel;
    @FXML private Label otherRoleLabel;
    @FXML private ScrollPane currentScroll;
    @FXML private ScrollPane otherScroll;
    @FXML private Label otherPlaceholder;
    @FXML private Button mergeConfirmButton;

    FamilyMergeController(UiContext ui) {
        this.ui = ui;
    }

    void attach(FamilyMergeViewModel merge, Stage window) {
        this.model = merge;
        this.stage = window;
        window.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                window.close();
            }
        });
        FamilySearchControls.wire(merge.search(), merge.format(), mergeSearchField, mergeResultList, mergeLimitLabel,
                "mergeEmptyLabel");
        mergeResultList.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> merge.choose(f));

        ToggleGroup keep = new ToggleGroup();
        keepCurrentRadio.setToggleGroup(keep);
        keepOtherRadio.setToggleGroup(keep);
        keepCurrentRadio.setSelected(merge.keepCurrentProperty().get());
        keepOtherRadio.setSelected(!merge.keepCurrentProperty().get());
        keepCurrentRadio.selectedProperty().addListener((obs, old, selected) -> merge.keepCurrentProperty().set(selected));
        merge.keepCurrentProperty().addListener((obs, old, current) -> {
            keepCurrentRadio.setSelected(current);
            keepOtherRadio.setSelected(!current);
            showRoles();
        });
        keepOtherRadio.disableProperty().bind(merge.otherProperty().isNull());

        otherRoleLabel.visibleProperty().bind(otherRoleLabel.textProperty().isNotEmpty());
        otherRoleLabel.managedProperty().bind(otherRoleLabel.visibleProperty());
        currentScroll.setContent(new FamilyDetailsView(merge.format(), "current").build(merge.current()));
        merge.otherProperty().addListener((obs, old, other) -> {
            otherScroll.setContent(other == null ? null : new FamilyDetailsView(merge.format(), "other").build(other));
            otherScroll.setVisible(other != null);
            otherPlaceholder.setVisible(other == null);
            showRoles();
        });
        otherScroll.setVisible(false);
        mergeConfirmButton.disableProperty().bind(merge.canMergeProperty().not());
        showRoles();
        mergeSearchField.requestFocus();
    }

    private void showRoles() {
        boolean keepCurrent = model.keepCurrentProperty().get();
        currentRoleLabel.setText(ui.texts().get(keepCurrent ? "family.merge.kept" : "family.merge.mergedAway"));
        otherRoleLabel.setText(model.otherProperty().get() == null ? ""
                : ui.texts().get(keepCurrent ? "family.merge.mergedAway" : "family.merge.kept"));
        currentRoleLabel.getStyleClass().removeAll("family-merge-kept", "family-merge-away");
        otherRoleLabel.getStyleClass().removeAll("family-merge-kept", "family-merge-away");
        currentRoleLabel.getStyleClass().add(keepCurrent ? "family-merge-kept" : "family-merge-away");
        otherRoleLabel.getStyleClass().add(keepCurrent ? "family-merge-away" : "family-merge-kept");
    }

    @FXML
    private void merge() {
        model.merge();
    }

    @FXML
    private void cancel() {
        stage.close();
    }
}
