package care.tandem.ui.settings;

import care.tandem.domain.user.PasswordPolicy;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.domain.user.UsernamePolicy;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.BillingService;
import care.tandem.service.ClinicService;
import care.tandem.service.NoteService;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An administrator's settings: minutes until the idle lock, the list of users, a form to add one
 * (an associate names a supervisor), the screening settings ({@link ScreeningSettingsViewModel}), the note
 * templates ({@link NoteTemplatesViewModel}), the billing code table ({@link BillingCodesViewModel}) and the FQHC
 * same-day setting ({@link FqhcViewModel}). Each change goes through the services, which check the role again.
 */
public final class SettingsViewModel {
    /** A row of the user list. */
    public record UserRow(String displayName, String username, String role) {
    }

    private final ObjectProperty<Integer> idleMinutes = new SimpleObjectProperty<>(ClinicService.DEFAULT_IDLE_LOCK_MINUTES);
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObservableList<User> supervisors = FXCollections.observableArrayList();
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CLINICIAN);
    private final ObjectProperty<User> supervisor = new SimpleObjectProperty<>();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty idleMessage = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding needsSupervisor = Bindings.createBooleanBinding(
            () -> role.get() != null && role.get().needsSupervisor(), role);

    private final AccountService accounts;
    private final ClinicService clinic;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final IntConsumer onIdleMinutesSaved;

    private final ScreeningSettingsViewModel screening;
    private final NoteTemplatesViewModel templates;
    private final BillingCodesViewModel codes;
    private final FqhcViewModel fqhc;
    private final InstrumentsViewModel instruments;
    private volatile care.tandem.service.InstrumentService instrumentService;

    /**
     * @param screening the screening service, for the screening section
     * @param notes     the note service, for the note templates
     * @param billing   the billing service, for the code table and the FQHC setting
     */
    public SettingsViewModel(AccountService accounts, ClinicService clinic, ScreeningService screening,
                             NoteService notes, BillingService billing, BackgroundRunner runner, DialogService dialogs,
                             Texts texts, IntConsumer onIdleMinutesSaved) {
        this.screening = new ScreeningSettingsViewModel(screening, runner, dialogs, texts);
        this.templates = new NoteTemplatesViewModel(notes, runner, dialogs, texts);
        this.codes = new BillingCodesViewModel(billing, runner, dialogs, texts);
        this.fqhc = new FqhcViewModel(billing, runner, dialogs, texts);
        this.instruments = new InstrumentsViewModel(() -> instrumentService, runner, dialogs, texts);
        this.accounts = accounts;
        this.clinic = clinic;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.onIdleMinutesSaved = onIdleMinutesSaved;
    }

    private record Loaded(int idleMinutes, List<User> users, List<User> supervisors) {
    }

    /** Reads the settings and users in the background. */
    public void load() {
        runner.read(() -> new Loaded(clinic.idleLockMinutes(), accounts.users(), accounts.supervisors()), loaded -> {
            idleMinutes.set(loaded.idleMinutes());
            users.setAll(loaded.users().stream().map(this::row).toList());
            User chosen = supervisor.get();
            supervisors.setAll(loaded.supervisors());
            supervisor.set(chosen != null && supervisors.contains(chosen) ? chosen
                    : supervisors.isEmpty() ? null : supervisors.get(0));
        }, dialogs::showProblem);
        screening.load();
        templates.load();
        codes.load();
        fqhc.load();
        instruments.load();
    }

    /** Gives the Instruments tab its service (bundled and imported instruments; issue 6). */
    public SettingsViewModel withInstruments(care.tandem.service.InstrumentService service) {
        this.instrumentService = service;
        return this;
    }

    /** The instruments: versions, imported Questionnaires, which version is current. */
    public InstrumentsViewModel instruments() {
        return instruments;
    }

    /** The screening section. */
    public ScreeningSettingsViewModel screening() {
        return screening;
    }

    /** The note templates. */
    public NoteTemplatesViewModel templates() {
        return templates;
    }

    /** The billing code table. */
    public BillingCodesViewModel codes() {
        return codes;
    }

    /** The FQHC same-day setting. */
    public FqhcViewModel fqhc() {
        return fqhc;
    }

    /** Saves the idle-lock minutes (1 to 60) and applies them at once. */
    public void saveIdleMinutes() {
        Integer minutes = idleMinutes.get();
        if (minutes == null || minutes < 1 || minutes > 60) {
            idleMessage.set(texts.get("settings.idle.range"));
            return;
        }
        idleMessage.set("");
        runner.write(() -> {
            clinic.setIdleLockMinutes(minutes);
            return minutes;
        }, saved -> {
            idleMessage.set(texts.get("settings.idle.saved", saved));
            onIdleMinutesSaved.accept(saved);
        }, dialogs::showProblem);
    }

    /**
     * Adds the user described by the form; on success the form empties and the list reloads. A refused
     * add (a user name already taken) keeps everything typed, the password too, so it can be corrected.
     */
    public void addUser() {
        if (busy.get()) {
            return;
        }
        String problem = formProblem();
        if (problem != null) {
            message.set(texts.get(problem));
            return;
        }
        String name = displayName.get().strip();
        String user = username.get().strip();
        Role r = role.get();
        User sup = r.needsSupervisor() ? supervisor.get() : null;
        char[] secret = password.get().toCharArray();
        message.set("");
        busy.set(true);
        runner.write(() -> accounts.createUser(name, user, r, sup == null ? null : sup.id(), secret), created -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            displayName.set("");
            username.set("");
            password.set("");
            message.set(texts.get("settings.users.added", created.displayName()));
            load();
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /**
     * Whether the window may close: yes when nothing typed is unsaved (the add-user form, a note template, a billing
     * code, the FQHC setting), else only if the person agrees to discard it (the question's default is No).
     */
    public boolean mayClose() {
        if (templates.hasUnsavedChanges() || codes.hasUnsavedChanges() || fqhc.hasUnsavedChanges()
                || instruments.hasUnsavedChanges()) {
            return dialogs.confirm("settings.discard.title", "settings.discard.message");
        }
        if (isBlank(displayName) && isBlank(username) && isEmpty(password)) {
            return true;
        }
        return dialogs.confirm("settings.users.discard.title", "settings.users.discard.message");
    }

    private static boolean isBlank(StringProperty p) {
        return p.get() == null || p.get().isBlank();
    }

    private static boolean isEmpty(StringProperty p) {
        return p.get() == null || p.get().isEmpty();
    }

    private String formProblem() {
        if (displayName.get() == null || displayName.get().isBlank()) {
            return "setup.displayName.required";
        }
        String usernameProblem = UsernamePolicy.problem(username.get()).orElse(null);
        if (usernameProblem != null) {
            return usernameProblem;
        }
        if (role.get() == null) {
            return "settings.users.roleRequired";
        }
        if (role.get().needsSupervisor() && supervisor.get() == null) {
            return "settings.users.supervisorRequired";
        }
        return PasswordPolicy.problem(password.get() == null ? new char[0] : password.get().toCharArray())
                .orElse(null);
    }

    private UserRow row(User u) {
        return new UserRow(u.displayName(), u.username(), roleText(u.role()));
    }

    public String roleText(Role r) {
        return texts.get("role." + r.name());
    }

    public Texts texts() {
        return texts;
    }

    public ObjectProperty<Integer> idleMinutesProperty() {
        return idleMinutes;
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    public ObservableList<User> supervisors() {
        return supervisors;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<User> supervisorProperty() {
        return supervisor;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty idleMessageProperty() {
        return idleMessage;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding needsSupervisorProperty() {
        return needsSupervisor;
    }
}
