package care.tandem.ui;

import care.tandem.AppContext;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.service.ClinicInfo;
import care.tandem.ui.backup.BackupChoosers;
import care.tandem.ui.backup.BackupsController;
import care.tandem.ui.backup.BackupsViewModel;
import care.tandem.ui.backup.RestoredWindow;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.FxDialogService;
import care.tandem.ui.common.LanguageChoice;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.common.Windows;
import care.tandem.ui.family.FamilyViews;
import care.tandem.ui.help.HelpWindow;
import care.tandem.ui.lock.LockController;
import care.tandem.ui.lock.LockViewModel;
import care.tandem.ui.main.MainWindowController;
import care.tandem.ui.main.MainWindowViewModel;
import care.tandem.ui.settings.SettingsController;
import care.tandem.ui.settings.SettingsViewModel;
import care.tandem.ui.setup.SetUpController;
import care.tandem.ui.setup.SetUpViewModel;
import care.tandem.ui.signin.SignInController;
import care.tandem.ui.signin.SignInViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The windows of one open data folder and the way between them: first-start set-up or sign-in, then the
 * main window with its idle lock, Settings and Help, and back to sign-in on sign-out. It never touches
 * the disk on the FX thread: what it needs up front comes in {@link Facts}, read before the first window.
 */
public final class TandemShell {
    private static final double IDLE_CHECK_SECONDS = 5;

    /** What the first window needs to know, read off the FX thread when the folder opens. */
    public record Facts(boolean needsSetUp, ClinicInfo clinic, int idleLockMinutes) {
        public static Facts read(AppContext app) {
            return new Facts(app.accounts().needsSetUp(), app.clinic().info(), app.clinic().idleLockMinutes());
        }
    }

    private final AppContext app;
    private final Facts facts;
    private final BackgroundRunner runner;
    private final LanguageChoice languages;
    private final LongSupplier monotonicMillis;
    private final Runnable exit;
    private final DialogService dialogs = new CurrentDialogs();

    private Locale language;
    private String clinicName;
    private int idleMinutes;
    private UiContext ui;
    private Stage startStage;
    private SignInViewModel signInVm;
    private SetUpViewModel setUpVm;
    private Stage mainStage;
    private MainWindowViewModel mainVm;
    private MainWindowController mainController;
    private LockViewModel lockVm;
    private SettingsViewModel settingsVm;
    private BackupsViewModel backupsVm;
    private Timeline idleTimer;
    private boolean keepStartSize;
    private User user;

    /**
     * @param monotonicMillis time for the idle lock, only ever moving forward
     * @param exit            ends Tandem (production: {@code Platform.exit()})
     */
    public TandemShell(AppContext app, Facts facts, BackgroundRunner runner, LanguageChoice languages,
                       LongSupplier monotonicMillis, Runnable exit) {
        this.app = app;
        this.facts = facts;
        this.runner = runner;
        this.languages = languages;
        this.monotonicMillis = monotonicMillis;
        this.exit = exit;
        this.clinicName = facts.clinic().clinicName();
        this.idleMinutes = facts.idleLockMinutes();
    }

    /** Shows the first window in {@code stage}: set-up on a new folder, else sign-in. */
    public void start(Stage stage) {
        language = languages.current();
        startStage = stage;
        stage.setOnCloseRequest(e -> exit.run());
        if (facts.needsSetUp()) {
            setUpVm = new SetUpViewModel(app.accounts(), runner, dialogs, language, Texts::new, this::signedIn,
                    this::setUpWithoutSignIn);
            setUpVm.languageProperty().addListener((obs, old, now) -> switchLanguage(now, this::showSetUp));
            setUpVm.clinicNameProperty().addListener((obs, old, now) -> clinicName = now == null ? "" : now.strip());
            showSetUp();
        } else {
            showSignIn();
        }
    }

    private void showSetUp() {
        ui = newUi(language);
        showStart("setup.title", load("/care/tandem/ui/setup/SetUpView.fxml"), 600, 740);
    }

    private void showSignIn() {
        if (signInVm == null) {
            signInVm = new SignInViewModel(app.accounts(), runner, dialogs, language, Texts::new, app.clock(),
                    this::signedIn);
            signInVm.languageProperty().addListener((obs, old, now) -> switchLanguage(now, this::showSignIn));
        }
        ui = newUi(language);
        showStart("signin.title", load("/care/tandem/ui/signin/SignInView.fxml"), 560, 640);
    }

    // The clinic exists now; set-up must not run again, so the person signs in the usual way.
    private void setUpWithoutSignIn(String username) {
        setUpVm = null;
        keepStartSize = true;
        showSignIn();
        signInVm.usernameProperty().set(username);
        signInVm.messageProperty().set(ui.texts().get("setup.signInNow"));
    }

    private void showStart(String titleKey, Parent root, double width, double height) {
        // A language switch keeps the size the person gave the window; a new window starts at its own.
        Scene scene = startStage.getScene();
        boolean keep = keepStartSize && scene != null;
        keepStartSize = false;
        double w = keep ? scene.getWidth() : width;
        double h = keep ? scene.getHeight() : height;
        startStage.setTitle(ui.windows().title(titleKey));
        startStage.setScene(ui.windows().scene(root, w, h));
        startStage.setMinWidth(420);
        startStage.setMinHeight(480);
        if (!startStage.isShowing()) {
            startStage.sizeToScene();
            startStage.show();
        }
    }

    // The new language is remembered and the window rebuilt in it; what was typed stays in the view model.
    private void switchLanguage(Locale now, Runnable rebuild) {
        if (now == null || now.equals(language)) {
            return;
        }
        language = now;
        languages.remember(now);
        keepStartSize = true;
        Platform.runLater(rebuild);
    }

    private void signedIn(User signedIn) {
        user = signedIn;
        signInVm = null;
        setUpVm = null;
        openMain();
        startStage.hide();
    }

    private void openMain() {
        mainStage = new Stage();
        ui = newUi(language);
        Texts texts = ui.texts();
        lockVm = new LockViewModel(app.accounts(), runner, dialogs, texts, app.clock(), monotonicMillis, idleMinutes);
        mainVm = new MainWindowViewModel(new MainWindowViewModel.Setup(texts, user, clinicName, app.dataDir(),
                ui.demo(), app.accounts(), app.families(), runner, dialogs, lockVm, this::signedOut, exit,
                app.screening()));
        Windows windows = ui.windows();
        windows.addSceneHook(scene -> {
            scene.addEventFilter(InputEvent.ANY, e -> lockVm.input());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), lockVm::lock);
        });
        lockVm.lockedProperty().addListener((obs, was, locked) -> {
            windows.cover(locked);
            if (!locked && mainController != null) {
                // An alert raised while locked (caregiver mode, another window) is the first thing seen after.
                mainController.showOpenAlerts();
            }
        });

        FXMLLoader loader = loader("/care/tandem/ui/main/MainWindow.fxml");
        Parent root = loadWith(loader);
        mainController = loader.getController();
        mainStage.setScene(windows.scene(root, 1200, 780));
        mainStage.setMinWidth(900);
        mainStage.setMinHeight(600);
        mainController.attach(mainStage);
        mainStage.show();
        // The visit starts with finding a family: the cursor waits in the search; an urgent alert still open
        // (from before a lock, a crash or a restart) comes first.
        Platform.runLater(mainController::findFamily);
        mainController.showOpenAlerts();

        idleTimer = new Timeline(new KeyFrame(Duration.seconds(IDLE_CHECK_SECONDS), e -> lockVm.checkIdle()));
        idleTimer.setCycleCount(Animation.INDEFINITE);
        idleTimer.play();
    }

    private void signedOut() {
        stopMain();
        showSignIn();
    }

    private void stopMain() {
        if (idleTimer != null) {
            idleTimer.stop();
            idleTimer = null;
        }
        if (ui != null) {
            // Closed while still covered, so nothing they held shows, even for a moment; then the cover
            // is reset for the windows of the next sign-in.
            ui.windows().closeAll();
            ui.windows().cover(false);
        }
        mainStage = null;
        mainVm = null;
        mainController = null;
        lockVm = null;
        settingsVm = null;
        backupsVm = null;
        user = null;
    }

    // Closing the other windows discards what they hold unsaved, and their own questions cannot be asked
    // without showing their content, so the cover asks once for all of them.
    private void signOutFromLock() {
        boolean othersOpen = ui.windows().openWindows().stream().anyMatch(w -> w != mainStage);
        if (lockVm != null && lockVm.confirmSignOut(othersOpen) && mainVm != null) {
            mainVm.signOut();
        }
    }

    private void openSettings() {
        settingsVm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(), app.notes(), app.billing(),
                runner, dialogs, ui.texts(), minutes -> {
                    idleMinutes = minutes;
                    if (lockVm != null) {
                        lockVm.idleMinutesProperty().set(minutes);
                    }
                }).withInstruments(app.instruments());
        backupsVm = new BackupsViewModel(app.backups(), app.clinic(), runner, dialogs, ui.texts(), app.clock(),
                this::restored);
        FXMLLoader loader = loader("/care/tandem/ui/settings/SettingsView.fxml");
        Parent root = loadWith(loader);
        Stage settings = ui.windows().newStage(mainStage, "settings.title", root, 900, 720);
        loader.<SettingsController>getController().attach(settings);
        settings.show();
    }

    // A restore closed the database: every window goes, and one says what was restored; closing it ends Tandem.
    private void restored(String message) {
        Texts texts = ui.texts();
        stopMain();
        RestoredWindow.show(startStage, texts, message, exit);
    }

    private void openHelp() {
        HelpWindow.show(ui, mainStage, mainVm.sectionProperty().get());
    }

    private UiContext newUi(Locale locale) {
        Texts texts = new Texts(locale);
        Windows windows = new Windows(texts.bundle(), facts.clinic().demo(), this::coverFor);
        ControllerRegistry registry = new ControllerRegistry();
        UiContext context = new UiContext(app, runner, new FxDialogService(texts), texts, registry, windows,
                facts.clinic().demo());
        registry.register(SignInController.class, () -> new SignInController(signInVm, clinicName))
                .register(SetUpController.class, () -> new SetUpController(setUpVm))
                .register(MainWindowController.class,
                        () -> new MainWindowController(context, mainVm, this::openSettings, this::openHelp))
                .register(LockController.class,
                        () -> new LockController(lockVm, user.displayName(), this::signOutFromLock));
        SettingsController.register(registry, () -> settingsVm);
        BackupsController.register(registry, () -> backupsVm, BackupChoosers.system(),
                () -> app.dataDir().resolve("backups"));
        FamilyViews.register(context);
        return context;
    }

    // Every window's cover asks for the password: a modal window (a family being edited) blocks the main
    // window, so the cover of the window in front must be able to unlock.
    private Parent coverFor(Window w) {
        return load("/care/tandem/ui/lock/LockView.fxml");
    }

    private Parent load(String fxml) {
        return loadWith(loader(fxml));
    }

    private FXMLLoader loader(String fxml) {
        FXMLLoader loader = new FXMLLoader(TandemShell.class.getResource(fxml), ui.texts().bundle());
        loader.setControllerFactory(ui.controllers());
        return loader;
    }

    private static Parent loadWith(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + loader.getLocation(), e);
        }
    }

    /** The window context of the windows open now (tests). */
    public UiContext ui() {
        return ui;
    }

    /** The main window's controller while signed in (tests). */
    public MainWindowController mainController() {
        return mainController;
    }

    /** The idle lock while signed in (tests). */
    public LockViewModel lock() {
        return lockVm;
    }

    /** The main window while signed in. */
    public Stage mainStage() {
        return mainStage;
    }

    /** Dialogs in whatever language the windows speak now. */
    private final class CurrentDialogs implements DialogService {
        @Override
        public void showProblem(Throwable failure) {
            ui.dialogs().showProblem(failure);
        }

        @Override
        public boolean confirm(String titleKey, String messageKey, Object... args) {
            return ui.dialogs().confirm(titleKey, messageKey, args);
        }
    }
}
