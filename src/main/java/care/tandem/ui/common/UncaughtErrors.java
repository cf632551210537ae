package care.tandem.ui.common;

import care.tandem.i18n.Texts;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Catches what nothing else caught, on any thread: logs it (class and frames only) and tells the person
 * what to do in a dialog that shows neither the exception's message nor any record, because either may
 * hold patient data. At most one such dialog is open at a time.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private final Supplier<Texts> texts;
    private boolean showing;

    private UncaughtErrors(Supplier<Texts> texts) {
        this.texts = texts;
    }

    /** Handles uncaught errors of every thread, the FX thread included; call on the FX thread. */
    public static UncaughtErrors install(Supplier<Texts> texts) {
        UncaughtErrors handler = new UncaughtErrors(texts);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        ErrorLog.unexpected(thread.getName(), failure);
        try {
            if (Platform.isFxApplicationThread()) {
                show();
            } else {
                Platform.runLater(this::show);
            }
        } catch (RuntimeException toolkitGone) {
            // The window toolkit is closed (Tandem is exiting): the log entry is all that can be done.
        }
    }

    /** The text of the dialog: what happened, that saving again is safe, when to restart, where the log is. */
    public static String message(Texts texts, Path logFile) {
        String where = logFile == null ? texts.get("error.unexpected.noLog")
                : texts.get("error.unexpected.log", logFile.toString());
        return texts.get("error.unexpected.body") + "\n\n" + where;
    }

    private void show() {
        if (showing) {
            return;
        }
        showing = true;
        Texts t = texts.get();
        Alert alert = Alerts.create(Alert.AlertType.ERROR, t, "error.unexpected.title", message(t, ErrorLog.file()),
                FxDialogService.focusedWindow());
        alert.setHeaderText(t.get("error.unexpected.heading"));
        Label body = Alerts.message(alert);
        body.setMaxWidth(480);
        body.setId("unexpectedErrorText");
        alert.getButtonTypes().setAll(new ButtonType(t.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setOnHidden(e -> showing = false);
        alert.show();
    }
}
