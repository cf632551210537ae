package care.tandem.ui.settings;

import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.ui.common.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.util.function.Function;

/** Binds the administrator's Settings window to its {@link SettingsViewModel}. */
public final class SettingsController {
    private final SettingsViewModel vm;

    @FXML
    private Label idleLabel;
    @FXML
    private Spinner<Integer> idleSpinner;
    @FXML
    private Button saveIdleButton;
    @FXML
    private Label idleMessage;
    @FXML
    private TableView<SettingsViewModel.UserRow> usersTable;
    @FXML
    private TableColumn<SettingsViewModel.UserRow, String> nameColumn;
    @FXML
    private TableColumn<SettingsViewModel.UserRow, String> usernameColumn;
    @FXML
    private TableColumn<SettingsViewModel.UserRow, String> roleColumn;
    @FXML
    private Label newNameLabel;
    @FXML
    private TextField newNameField;
    @FXML
    private Label newUsernameLabel;
    @FXML
    private TextField newUsernameField;
    @FXML
    private Label newRoleLabel;
    @FXML
    private ChoiceBox<Role> newRoleChoice;
    @FXML
    private Label newSupervisorLabel;
    @FXML
    private ChoiceBox<User> newSupervisorChoice;
    @FXML
    private Label newPasswordLabel;
    @FXML
    private PasswordField newPasswordField;
    @FXML
    private Label addMessage;
    @FXML
    private Button addUserButton;
    @FXML
    private Button closeButton;

    public SettingsController(SettingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory minutes =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60, vm.idleMinutesProperty().get());
        idleSpinner.setValueFactory(minutes);
        minutes.valueProperty().bindBidirectional(vm.idleMinutesProperty());
        // A typed number counts when the field is left, not only on Enter.
        idleSpinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                idleSpinner.increment(0);
            }
        });
        idleSpinner.setAccessibleText(idleLabel.getText());
        idleLabel.setLabelFor(idleSpinner);
        saveIdleButton.setOnAction(e -> {
            idleSpinner.increment(0);
            vm.saveIdleMinutes();
        });
        idleMessage.textProperty().bind(vm.idleMessageProperty());
        Forms.collapseWhenEmpty(idleMessage);

        usersTable.setItems(vm.users());
        column(nameColumn, SettingsViewModel.UserRow::displayName);
        column(usernameColumn, SettingsViewModel.UserRow::username);
        column(roleColumn, SettingsViewModel.UserRow::role);
        usersTable.setPlaceholder(new Label(vm.texts().get("settings.users.none")));

        newNameField.textProperty().bindBidirectional(vm.displayNameProperty());
        newUsernameField.textProperty().bindBidirectional(vm.usernameProperty());
        newPasswordField.textProperty().bindBidirectional(vm.passwordProperty());
        newRoleChoice.setItems(FXCollections.observableArrayList(Role.values()));
        newRoleChoice.setConverter(converter(vm::roleText));
        newRoleChoice.valueProperty().bindBidirectional(vm.roleProperty());
        newSupervisorChoice.setItems(vm.supervisors());
        newSupervisorChoice.setConverter(converter(User::displayName));
        newSupervisorChoice.valueProperty().bindBidirectional(vm.supervisorProperty());
        newSupervisorChoice.disableProperty().bind(vm.needsSupervisorProperty().not());
        link(newNameLabel, newNameField);
        link(newUsernameLabel, newUsernameField);
        link(newRoleLabel, newRoleChoice);
        link(newSupervisorLabel, newSupervisorChoice);
        link(newPasswordLabel, newPasswordField);
        addMessage.textProperty().bind(vm.messageProperty());
        Forms.collapseWhenEmpty(addMessage);
        addUserButton.disableProperty().bind(vm.busyProperty());
        addUserButton.setOnAction(e -> vm.addUser());
        closeButton.setOnAction(e -> closeButton.getScene().getWindow().hide());
        vm.load();
    }

    private static void column(TableColumn<SettingsViewModel.UserRow, String> column,
                               Function<SettingsViewModel.UserRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static void link(Label label, javafx.scene.control.Control field) {
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
