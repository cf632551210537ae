package care.tandem.ui.settings;

import care.tandem.domain.billing.SameDayRule;
import care.tandem.ui.common.Forms;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds the FQHC same-day tab of Settings to its {@link FqhcViewModel}. */
public final class FqhcController {
    private final FqhcViewModel vm;

    @FXML
    private CheckBox fqhcCheck;
    @FXML
    private Label ruleLabel;
    @FXML
    private ChoiceBox<SameDayRule> ruleChoice;
    @FXML
    private VBox explanationBox;
    @FXML
    private Label fqhcMessage;
    @FXML
    private Button saveFqhcButton;

    public FqhcController(FqhcViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        fqhcCheck.selectedProperty().bindBidirectional(vm.fqhc());
        ruleChoice.setItems(FXCollections.observableArrayList(SameDayRule.values()));
        ruleChoice.setConverter(Forms.converter(vm::ruleText));
        ruleChoice.valueProperty().bindBidirectional(vm.sameDayRule());
        // The rule matters only at an FQHC, RHC or Tribal clinic; it is kept while the box is unticked.
        ruleChoice.disableProperty().bind(vm.fqhc().not());
        Forms.link(ruleLabel, ruleChoice);
        vm.explanation().addListener((ListChangeListener<String>) change -> explain());
        explain();
        fqhcMessage.textProperty().bind(vm.message());
        Forms.collapseWhenEmpty(fqhcMessage);
        saveFqhcButton.disableProperty().bind(vm.busy());
        saveFqhcButton.setOnAction(e -> vm.save());
    }

    private void explain() {
        explanationBox.getChildren().clear();
        for (int i = 0; i < vm.explanation().size(); i++) {
            Label line = new Label(vm.explanation().get(i));
            line.setId("fqhcExplanation" + i);
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            if (i == vm.explanation().size() - 1) {
                line.getStyleClass().add("settings-status");
            }
            explanationBox.getChildren().add(line);
        }
        ruleChoice.setAccessibleHelp(String.join(" ", vm.explanation()));
    }
}
