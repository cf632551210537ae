package care.tandem.ui.signin;

import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sign-in window's state: user name, password, the language of the screens, and what a refused
 * attempt says (attempts left, or until when sign-in is paused). A success hands the user on.
 */
public final class SignInViewModel {
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Locale> language;

    private final AccountService accounts;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Function<Locale, Texts> textsFor;
    private final Clock clock;
    private final Consumer<User> onSignedIn;

    public SignInViewModel(AccountService accounts, BackgroundRunner runner, DialogService dialogs, Locale language,
                           Function<Locale, Texts> textsFor, Clock clock, Consumer<User> onSignedIn) {
        this.accounts = accounts;
        this.runner = runner;
        this.dialogs = dialogs;
        this.textsFor = textsFor;
        this.clock = clock;
        this.onSignedIn = onSignedIn;
        this.language = new SimpleObjectProperty<>(language);
        // A message written in the old language is cleared rather than left untranslated.
        this.language.addListener((obs, old, now) -> message.set(""));
    }

    /** Signs in with what was typed; the password field is emptied whatever the outcome. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        Texts texts = texts();
        String name = username.get() == null ? "" : username.get().strip();
        if (name.isEmpty()) {
            message.set(texts.get("signin.usernameRequired"));
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            message.set(texts.get("signin.passwordRequired"));
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        message.set("");
        busy.set(true);
        runner.write(() -> accounts.signIn(name, secret), result -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            if (result instanceof SignInResult.Success success) {
                onSignedIn.accept(success.user());
            } else {
                message.set(SignInMessages.describe(result, texts(), clock.getZone(), clock.instant()));
            }
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    public Texts texts() {
        return textsFor.apply(language.get());
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }
}
