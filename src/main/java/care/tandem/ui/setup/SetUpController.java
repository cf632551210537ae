package care.tandem.ui.setup;

import care.tandem.ui.common.Forms;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

import java.util.Locale;

/** Binds the first-start window to its {@link SetUpViewModel}. */
public final class SetUpController {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final SetUpViewModel vm;

    @FXML
    private TextField clinicNameField;
    @FXML
    private TextField displayNameField;
    @FXML
    private TextField usernameField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private PasswordField repeatField;
    @FXML
    private Label clinicNameError;
    @FXML
    private Label displayNameError;
    @FXML
    private Label usernameError;
    @FXML
    private Label passwordError;
    @FXML
    private Label repeatError;
    @FXML
    private Button createButton;
    @FXML
    private ChoiceBox<Locale> languageChoice;

    public SetUpController(SetUpViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        clinicNameField.textProperty().bindBidirectional(vm.clinicNameProperty());
        displayNameField.textProperty().bindBidirectional(vm.displayNameProperty());
        usernameField.textProperty().bindBidirectional(vm.usernameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        repeatField.textProperty().bindBidirectional(vm.repeatProperty());
        error(clinicNameError, vm.clinicNameErrorProperty(), clinicNameField);
        error(displayNameError, vm.displayNameErrorProperty(), displayNameField);
        error(usernameError, vm.usernameErrorProperty(), usernameField);
        error(passwordError, vm.passwordErrorProperty(), passwordField);
        error(repeatError, vm.repeatErrorProperty(), repeatField);
        createButton.disableProperty().bind(vm.busyProperty());
        createButton.setOnAction(e -> vm.createClinic());
        Forms.languages(languageChoice, vm.texts());
        languageChoice.setValue(vm.languageProperty().get());
        languageChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.languageProperty().set(now);
            }
        });
        Forms.linkLabels(createButton.getParent());
        Platform.runLater(clinicNameField::requestFocus);
    }

    // Only bindings reach the view model (they hold this window weakly) and the listener sits on the
    // window's own label: each language switch builds a new window, and the old one must be free to go.
    private static void error(Label label, ReadOnlyStringProperty text, TextInputControl field) {
        label.textProperty().bind(text);
        Forms.collapseWhenEmpty(label);
        field.accessibleHelpProperty().bind(text);
        label.textProperty().addListener((obs, old, now) ->
                field.pseudoClassStateChanged(DANGER, now != null && !now.isEmpty()));
        field.pseudoClassStateChanged(DANGER, !text.get().isEmpty());
    }
}
