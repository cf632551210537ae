package care.tandem.ui.settings;

import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import java.util.function.Function;
import java.util.function.Supplier;

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
    @FXML
    private Label monthsLabel;
    @FXML
    private TextField monthsField;
    @FXML
    private Label instrumentLabel;
    @FXML
    private ChoiceBox<String> instrumentChoice;
    @FXML
    private Label socialLabel;
    @FXML
    private TextField socialField;
    @FXML
    private Label epdsPositiveLabel;
    @FXML
    private TextField epdsPositiveField;
    @FXML
    private Label epdsLikelyLabel;
    @FXML
    private TextField epdsLikelyField;
    @FXML
    private CheckBox gadSpanishCheck;
    @FXML
    private Label gadSpanishWarning;
    @FXML
    private Label screeningMessage;
    @FXML
    private Button saveScreeningButton;

    public SettingsController(SettingsViewModel vm) {
        this.vm = vm;
    }

    /** Registers the controllers of the Settings window and its tabs, given the view model of the window open. */
    public static ControllerRegistry register(ControllerRegistry registry, Supplier<SettingsViewModel> open) {
        return registry.register(SettingsController.class, () -> new SettingsController(open.get()))
                .register(NoteTemplatesController.class, () -> new NoteTemplatesController(open.get().templates()))
                .register(BillingCodesController.class, () -> new BillingCodesController(open.get().codes()))
                .register(FqhcController.class, () -> new FqhcController(open.get().fqhc()))
                .register(InstrumentsController.class, () -> new InstrumentsController(open.get().instruments()));
    }

    @FXML
    private void initialize() {
        SpinnerValueFactory.IntegerSpinnerValueFactory minutes =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 60, vm.idleMinutesProperty().get());
        minutes.setConverter(minutesConverter(minutes));
        idleSpinner.setValueFactory(minutes);
        // Only digits can be typed, so the number read when the field is left or saved is always one.
        idleSpinner.getEditor().setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches("\\d{0,2}") ? change : null));
        minutes.valueProperty().bindBidirectional(vm.idleMinutesProperty());
        idleSpinner.setAccessibleText(idleLabel.getText());
        idleLabel.setLabelFor(idleSpinner);
        // The spinner reads a typed number when it loses focus; an emptied field then shows the minutes again.
        idleSpinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitMinutes();
            }
        });
        saveIdleButton.setOnAction(e -> {
            commitMinutes();
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
        newRoleChoice.setConverter(Forms.converter(vm::roleText));
        newRoleChoice.valueProperty().bindBidirectional(vm.roleProperty());
        newSupervisorChoice.setItems(vm.supervisors());
        newSupervisorChoice.setConverter(Forms.converter(User::displayName));
        newSupervisorChoice.valueProperty().bindBidirectional(vm.supervisorProperty());
        newSupervisorChoice.disableProperty().bind(vm.needsSupervisorProperty().not());
        Forms.link(newNameLabel, newNameField);
        Forms.link(newUsernameLabel, newUsernameField);
        Forms.link(newRoleLabel, newRoleChoice);
        Forms.link(newSupervisorLabel, newSupervisorChoice);
        Forms.link(newPasswordLabel, newPasswordField);
        addMessage.textProperty().bind(vm.messageProperty());
        Forms.collapseWhenEmpty(addMessage);
        addUserButton.disableProperty().bind(vm.busyProperty());
        addUserButton.setOnAction(e -> vm.addUser());
        closeButton.setOnAction(e -> {
            if (vm.mayClose()) {
                closeButton.getScene().getWindow().hide();
            }
        });
        bindScreening(vm.screening());
        vm.load();
    }

    private void bindScreening(ScreeningSettingsViewModel screening) {
        monthsField.textProperty().bindBidirectional(screening.depressionMonthsProperty());
        // Months are digits and commas; the thresholds and the interval digits only.
        monthsField.setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches("[\\d,\\s]{0,60}") ? change : null));
        instrumentChoice.setItems(FXCollections.observableArrayList(ScreeningSettingsViewModel.DEPRESSION_INSTRUMENTS));
        instrumentChoice.setConverter(Forms.converter(screening::instrumentText));
        instrumentChoice.valueProperty().bindBidirectional(screening.depressionInstrumentProperty());
        for (TextField number : java.util.List.of(socialField, epdsPositiveField, epdsLikelyField)) {
            number.setTextFormatter(new TextFormatter<>(
                    change -> change.getControlNewText().matches("\\d{0,2}") ? change : null));
        }
        socialField.textProperty().bindBidirectional(screening.socialNeedsMonthsProperty());
        epdsPositiveField.textProperty().bindBidirectional(screening.epdsPositiveProperty());
        epdsLikelyField.textProperty().bindBidirectional(screening.epdsLikelyProperty());
        gadSpanishCheck.selectedProperty().bindBidirectional(screening.unverifiedGadSpanishProperty());
        Forms.link(monthsLabel, monthsField);
        Forms.link(instrumentLabel, instrumentChoice);
        Forms.link(socialLabel, socialField);
        Forms.link(epdsPositiveLabel, epdsPositiveField);
        Forms.link(epdsLikelyLabel, epdsLikelyField);
        gadSpanishCheck.setAccessibleHelp(gadSpanishWarning.getText());
        screeningMessage.textProperty().bind(screening.messageProperty());
        screening.errorProperty().addListener((obs, was, is) -> {
            screeningMessage.getStyleClass().remove("danger-text");
            if (is) {
                screeningMessage.getStyleClass().add("danger-text");
            }
        });
        Forms.collapseWhenEmpty(screeningMessage);
        saveScreeningButton.disableProperty().bind(screening.busyProperty());
        saveScreeningButton.setOnAction(e -> screening.save());
    }

    private void commitMinutes() {
        idleSpinner.commitValue();
        // Shows the value the text became (an emptied field its minutes again, 0 the least allowed).
        idleSpinner.cancelEdit();
    }

    /** Asks before the window's own close button discards a half-typed new user. */
    public void attach(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!vm.mayClose()) {
                e.consume();
            }
        });
    }

    // An emptied field keeps the minutes shown before rather than becoming no number at all, which the
    // spinner's arrows could not step from.
    private static StringConverter<Integer> minutesConverter(SpinnerValueFactory<Integer> factory) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                String digits = text == null ? "" : text.strip();
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
                    return factory.getValue();
                }
                return Integer.parseInt(digits);
            }
        };
    }

    private static void column(TableColumn<SettingsViewModel.UserRow, String> column,
                               Function<SettingsViewModel.UserRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

}
