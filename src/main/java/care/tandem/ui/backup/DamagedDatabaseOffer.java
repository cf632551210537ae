package care.tandem.ui.backup;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.service.Backup;
import care.tandem.service.PreparedRestore;
import care.tandem.service.RestoreService;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.ErrorLog;
import care.tandem.ui.common.FormatLocale;
import care.tandem.ui.common.ProblemTexts;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * What the "Cannot open" window offers when the database is damaged: the newest backup in the folder that passes its
 * integrity check now, restored in place of the damaged file (which is kept as found), or, when there is none, what
 * to do. It holds the folder's lock while the window is open, so no other Tandem opens the damaged file meanwhile.
 */
public final class DamagedDatabaseOffer implements AutoCloseable {
    private final RestoreService restore;
    private final Optional<Backup> latestGood;
    private final Clock clock;

    private DamagedDatabaseOffer(RestoreService restore, Optional<Backup> latestGood, Clock clock) {
        this.restore = restore;
        this.latestGood = latestGood;
        this.clock = clock;
    }

    /**
     * Looks in the data folder's backups for the newest good copy (checking each, newest first). Runs on a background
     * thread; empty when the folder cannot even be held (another Tandem has it open).
     */
    public static Optional<DamagedDatabaseOffer> look(Path dataDir, Clock clock) {
        RestoreService r;
        try {
            r = AppContext.openForRestore(dataDir, clock);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DamagedDatabaseOffer(r, r.latestGood(), clock));
        } catch (RuntimeException e) {
            ErrorLog.unexpected(Thread.currentThread().getName(), e);
            r.close();
            return Optional.empty();
        }
    }

    /** The backup offered, if one is good. */
    public Optional<Backup> latestGood() {
        return latestGood;
    }

    /**
     * The offer as shown in the window: a sentence and a button to restore (after a yes), or what to do when no backup
     * is good. {@code onRestored} gets the message to show once the backup is in place.
     */
    public Node view(Texts texts, DialogService dialogs, java.util.function.Consumer<String> onRestored) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FormatLocale.of(texts)).withZone(clock.getZone());
        VBox box = new VBox();
        box.getStyleClass().add("damaged-offer");
        box.setSpacing(8);
        if (latestGood.isEmpty()) {
            Label none = label(texts.get("damaged.offer.none"), "damagedOfferNone");
            box.getChildren().add(none);
            return box;
        }
        Backup b = latestGood.get();
        String made = time.format(b.name().made());
        Label text = label(texts.get("damaged.offer", made), "damagedOfferText");
        Button restoreButton = new Button(texts.get("damaged.offer.button", made));
        restoreButton.setId("damagedOfferRestore");
        restoreButton.getStyleClass().add("accent");
        Label result = label("", "damagedOfferResult");
        restoreButton.setOnAction(e -> {
            if (!dialogs.confirm("damaged.offer.confirm.title", "damaged.offer.confirm.message", made)) {
                return;
            }
            restoreButton.setDisable(true);
            Thread worker = new Thread(() -> {
                try (PreparedRestore p = restore.prepare(b.file(), null)) {
                    Optional<Backup> kept = restore.restore(p);
                    String message = texts.get("backups.restored", made, kept.map(k -> k.file().getFileName()
                            .toString()).orElse(texts.get("backups.restored.nothingKept")));
                    Platform.runLater(() -> onRestored.accept(message));
                } catch (RuntimeException failure) {
                    Platform.runLater(() -> {
                        restoreButton.setDisable(false);
                        result.setText(texts.get("damaged.offer.failed", ProblemTexts.describe(failure, texts)));
                    });
                }
            }, "tandem-restore");
            worker.setDaemon(true);
            worker.start();
        });
        box.getChildren().addAll(text, restoreButton, result);
        return box;
    }

    private static Label label(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** Releases the folder's lock. */
    @Override
    public void close() {
        restore.close();
    }
}
