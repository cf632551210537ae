package care.tandem.ui.setup;

import care.tandem.domain.user.PasswordPolicy;
import care.tandem.domain.user.User;
import care.tandem.domain.user.UsernamePolicy;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The first start of a new data folder: the clinic's name and its first administrator. Each field says
 * beside itself what is missing (the password as soon as one is typed, the rest after a first try to
 * continue); a complete form creates the clinic and signs the administrator in.
 */
public final class SetUpViewModel {
    private final StringProperty clinicName = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper clinicNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper displayNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Locale> language;
    private boolean triedToContinue;

    private final AccountService accounts;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Function<Locale, Texts> textsFor;
    private final Consumer<User> onSignedIn;
    private final Consumer<String> onSetUpWithoutSignIn;
    private String createdUsername;

    /**
     * @param onSetUpWithoutSignIn the clinic was created but signing in after it failed: show the sign-in
     *                             window for this user name, saying the clinic is ready
     */
    public SetUpViewModel(AccountService accounts, BackgroundRunner runner, DialogService dialogs, Locale language,
                          Function<Locale, Texts> textsFor, Consumer<User> onSignedIn,
                          Consumer<String> onSetUpWithoutSignIn) {
        this.accounts = accounts;
        this.runner = runner;
        this.dialogs = dialogs;
        this.textsFor = textsFor;
        this.onSignedIn = onSignedIn;
        this.onSetUpWithoutSignIn = onSetUpWithoutSignIn;
        this.language = new SimpleObjectProperty<>(language);
        for (Observable o : new Observable[] {clinicName, displayName, username, password, repeat, this.language}) {
            o.addListener(x -> validate());
        }
    }

    /**
     * Creates the clinic and its administrator and signs them in, if every field is right. The clinic is
     * created once only: if the sign-in after it fails, the person is sent to the sign-in window (with the
     * user name filled in) instead of being offered a second set-up that the service would refuse.
     */
    public void createClinic() {
        if (busy.get()) {
            return;
        }
        if (createdUsername != null) {
            onSetUpWithoutSignIn.accept(createdUsername);
            return;
        }
        triedToContinue = true;
        if (!validate()) {
            return;
        }
        String clinic = clinicName.get().strip();
        String name = displayName.get().strip();
        String user = username.get().strip();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        runner.write(() -> accounts.setUp(clinic, name, user, secret), admin -> {
            createdUsername = user;
            password.set("");
            repeat.set("");
            signInAfterSetUp(user, secret);
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    private void signInAfterSetUp(String user, char[] secret) {
        runner.write(() -> accounts.signIn(user, secret), result -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            if (result instanceof SignInResult.Success success) {
                onSignedIn.accept(success.user());
            } else {
                onSetUpWithoutSignIn.accept(user);
            }
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            dialogs.showProblem(failure);
            onSetUpWithoutSignIn.accept(user);
        });
    }

    /** Updates every field's message; true when the form may be sent. */
    private boolean validate() {
        Texts texts = textsFor.apply(language.get());
        boolean ok = check(clinicNameError, isBlank(clinicName) ? "setup.clinicName.required" : null, texts);
        ok &= check(displayNameError, isBlank(displayName) ? "setup.displayName.required" : null, texts);
        ok &= check(usernameError, UsernamePolicy.problem(username.get()).orElse(null), texts);
        String pw = password.get() == null ? "" : password.get();
        String pwProblem = PasswordPolicy.problem(pw.toCharArray()).orElse(null);
        // A password being typed is judged at once; an empty one only after a try to continue.
        boolean showPassword = triedToContinue || !pw.isEmpty();
        ok &= show(passwordError, pwProblem, texts, showPassword);
        String rp = repeat.get() == null ? "" : repeat.get();
        String repeatProblem = rp.equals(pw) ? null : "setup.repeat.mismatch";
        ok &= show(repeatError, repeatProblem, texts, triedToContinue || rp.length() >= pw.length() && !rp.isEmpty());
        return ok;
    }

    private boolean check(ReadOnlyStringWrapper error, String key, Texts texts) {
        return show(error, key, texts, triedToContinue);
    }

    private static boolean show(ReadOnlyStringWrapper error, String key, Texts texts, boolean visible) {
        error.set(key != null && visible ? texts.get(key) : "");
        return key == null;
    }

    private static boolean isBlank(StringProperty p) {
        return p.get() == null || p.get().isBlank();
    }

    public Texts texts() {
        return textsFor.apply(language.get());
    }

    public StringProperty clinicNameProperty() {
        return clinicName;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty clinicNameErrorProperty() {
        return clinicNameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayNameErrorProperty() {
        return displayNameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }
}
