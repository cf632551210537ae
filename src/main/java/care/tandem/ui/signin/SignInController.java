package care.tandem.ui.signin;

import care.tandem.ui.common.Forms;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

import java.util.Locale;

/** Binds the sign-in window to its {@link SignInViewModel}. */
public final class SignInController {
    private final SignInViewModel vm;
    private final String clinicName;

    @FXML
    private Label clinicLabel;
    @FXML
    private TextField usernameField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label messageLabel;
    @FXML
    private Button signInButton;
    @FXML
    private ChoiceBox<Locale> languageChoice;

    public SignInController(SignInViewModel vm, String clinicName) {
        this.vm = vm;
        this.clinicName = clinicName;
    }

    @FXML
    private void initialize() {
        clinicLabel.setText(clinicName);
        Forms.collapseWhenEmpty(clinicLabel);
        usernameField.textProperty().bindBidirectional(vm.usernameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        Forms.collapseWhenEmpty(messageLabel);
        signInButton.disableProperty().bind(vm.busyProperty());
        signInButton.setOnAction(e -> vm.signIn());
        Forms.languages(languageChoice, vm.texts());
        languageChoice.setValue(vm.languageProperty().get());
        languageChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.languageProperty().set(now);
            }
        });
        Forms.linkLabels((javafx.scene.Parent) clinicLabel.getParent());
        Platform.runLater(() -> (vm.usernameProperty().get().isBlank() ? usernameField : passwordField).requestFocus());
    }
}
