package care.tandem.ui.lock;

import care.tandem.ui.common.Forms;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;

/** Binds the main window's lock cover (password to continue, or sign out) to the {@link LockViewModel}. */
public final class LockController {
    private final LockViewModel vm;
    private final String userName;
    private final Runnable signOut;

    @FXML
    private StackPane lockCover;
    @FXML
    private Label userLabel;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label messageLabel;
    @FXML
    private Button unlockButton;
    @FXML
    private Button signOutButton;

    public LockController(LockViewModel vm, String userName, Runnable signOut) {
        this.vm = vm;
        this.userName = userName;
        this.signOut = signOut;
    }

    @FXML
    private void initialize() {
        userLabel.setText(userName);
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        Forms.collapseWhenEmpty(messageLabel);
        unlockButton.disableProperty().bind(vm.busyProperty());
        unlockButton.setOnAction(e -> vm.unlock());
        signOutButton.setOnAction(e -> signOut.run());
        Forms.linkLabels(lockCover);
        // The cover is shown again at each lock: the password field takes the keys at once.
        lockCover.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Platform.runLater(passwordField::requestFocus);
            }
        });
    }
}
