package care.tandem.ui;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.service.BackupTimer;
import care.tandem.ui.backup.DamagedDatabaseOffer;
import care.tandem.ui.backup.RestoredWindow;
import care.tandem.ui.common.FxDialogService;
import care.tandem.ui.common.ErrorLog;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.LanguageChoice;
import care.tandem.ui.common.UncaughtErrors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The JavaFX application of Tandem. The data folder opens off the FX thread, while the toolkit starts; {@link #start}
 * shows the first window as soon as it is open (set-up or sign-in), or only a "Cannot open" window
 * saying what is wrong, after which Tandem exits with code 1.
 */
public final class TandemApp extends Application {
    /** When set, the time the first window showed is written to this file and Tandem exits (benchmarks). */
    public static final String BENCH_FIRST_WINDOW_FILE = "tandem.bench.firstWindowFile";

    private static volatile CompletableFuture<Opened> opening;
    private static volatile DamagedDatabaseOffer damagedOffer;
    private BackupTimer backupTimer;
    private static volatile int exitCode;

    private final LanguageChoice languages = LanguageChoice.preferences();
    private Opened opened;
    private FxBackgroundRunner runner;
    private TandemShell shell;

    /** Opens the window on a data folder (null: the default folder) and returns the exit code. */
    public static int launch(Path dataDir) {
        exitCode = 0;
        damagedOffer = null;
        opening = openInBackground(AppContext.dataDir(dataDir));
        Application.launch(TandemApp.class);
        return exitCode;
    }

    // The data folder opens on another core while the JavaFX toolkit starts, so the first window waits
    // for the slower of the two rather than for both one after the other.
    private static CompletableFuture<Opened> openInBackground(Path dir) {
        CompletableFuture<Opened> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Opened opened = Opened.open(() -> AppContext.open(dir, Clock.systemDefaultZone()));
                // A damaged database: look for the latest good backup to offer, on this thread, not the FX one.
                if (opened.failure() instanceof ProblemException p && p.problem() == Problem.DATABASE_DAMAGED) {
                    damagedOffer = DamagedDatabaseOffer.look(dir, Clock.systemDefaultZone()).orElse(null);
                }
                future.complete(opened);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "tandem-open");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** The data folder opened, with what the first window needs; or why it could not be opened. */
    public record Opened(AppContext app, TandemShell.Facts facts, RuntimeException failure) {

        /** Opens the folder and reads what the first window needs; never throws. */
        public static Opened open(java.util.function.Supplier<AppContext> opener) {
            AppContext app = null;
            try {
                app = opener.get();
                return new Opened(app, TandemShell.Facts.read(app), null);
            } catch (RuntimeException e) {
                if (app != null) {
                    app.close();
                }
                return new Opened(null, null, e);
            }
        }
    }

    @Override
    public void init() {
        opened = opening.join();
        if (opened.app() != null) {
            ErrorLog.writeTo(opened.app().dataDir());
        }
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Platform.setImplicitExit(false);
        String benchFile = System.getProperty(BENCH_FIRST_WINDOW_FILE);
        if (benchFile != null && !benchFile.isBlank()) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> benchmarkDone(Path.of(benchFile)));
        }
        UncaughtErrors.install(() -> shell != null && shell.ui() != null ? shell.ui().texts()
                : new Texts(languages.current()));
        if (opened.failure() != null) {
            if (!(opened.failure() instanceof care.tandem.domain.problem.ProblemException)) {
                ErrorLog.unexpected(Thread.currentThread().getName(), opened.failure());
            }
            exitCode = 1;
            Texts texts = new Texts(languages.current());
            DamagedDatabaseOffer offer = damagedOffer;
            CannotOpenWindow.show(stage, texts, opened.failure(), offer == null ? null
                    : offer.view(texts, new FxDialogService(texts), message -> {
                        exitCode = 0;
                        RestoredWindow.show(stage, texts, message, Platform::exit);
                    }), Platform::exit);
            return;
        }
        runner = new FxBackgroundRunner();
        shell = new TandemShell(opened.app(), opened.facts(), runner, languages,
                () -> System.nanoTime() / 1_000_000L, Platform::exit);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                loadInstrumentsInBackground(opened.app());
                backupTimer = BackupTimer.start(opened.app().backups(), Duration.ofMinutes(1),
                        failure -> ErrorLog.unexpected("tandem-backup", failure));
            }
        });
        try {
            shell.start(stage);
        } catch (RuntimeException e) {
            // Without a first window Tandem would run on unseen: say so, and end when that window closes.
            ErrorLog.unexpected(Thread.currentThread().getName(), e);
            exitCode = 1;
            CannotOpenWindow.show(stage, new Texts(languages.current()), e, Platform::exit);
        }
    }

    @Override
    public void stop() {
        if (backupTimer != null) {
            backupTimer.close();
        }
        if (damagedOffer != null) {
            damagedOffer.close();
        }
        if (runner != null) {
            runner.close();
        }
        AppContext app = opened == null ? null : opened.app();
        if (app != null) {
            try {
                // Closing the window without signing out (Ctrl+Q does) still leaves a sign-out in the audit log.
                if (app.session().user().isPresent()) {
                    app.accounts().signOut();
                }
            } catch (RuntimeException e) {
                ErrorLog.unexpected(Thread.currentThread().getName(), e);
            } finally {
                app.close();
            }
        }
        ErrorLog.close();
    }

    // The instrument files (FHIR Questionnaires, read with HAPI FHIR: about a second) load once the first window is
    // on screen, so they never delay it and are ready by the time a clinician starts a screen.
    private static void loadInstrumentsInBackground(AppContext app) {
        Thread thread = new Thread(() -> {
            try {
                app.screening().instruments();
            } catch (RuntimeException e) {
                // Reported again, with its message, when a screen is started.
                ErrorLog.unexpected(Thread.currentThread().getName(), e);
            }
        }, "tandem-instruments");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    // The benchmark's clock stops when the first window is on screen; then Tandem closes.
    private static void benchmarkDone(Path file) {
        String now = Long.toString(System.currentTimeMillis());
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".first-window", ".tmp");
            Files.writeString(temp, now, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException atomicNotSupported) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            ErrorLog.unexpected(Thread.currentThread().getName(), e);
        }
        Platform.exit();
    }
}
