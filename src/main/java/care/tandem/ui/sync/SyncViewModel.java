package care.tandem.ui.sync;

import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.service.ClinicService;
import care.tandem.service.SyncService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.ProblemTexts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Sync window: the folder (remembered per laptop), the clinic passphrase (never kept; on a demo folder the demo
 * passphrase when left blank), "Sync now" on the db-worker thread, and what the sync did: packages read, records
 * taken in, the package written, packages refused with their reasons, and the open conflicts.
 */
public final class SyncViewModel {
    private final SyncService sync;
    private final ClinicService clinic;
    private final BackgroundRunner runner;
    private final Texts texts;
    private final boolean demo;
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final IntegerProperty openConflicts = new SimpleIntegerProperty();
    private final BooleanBinding canSync;

    public SyncViewModel(SyncService sync, ClinicService clinic, BackgroundRunner runner, Texts texts) {
        this.sync = sync;
        this.clinic = clinic;
        this.runner = runner;
        this.texts = texts;
        this.demo = clinic.info().demo();
        sync.rememberedFolder().ifPresent(p -> folder.set(p.toString()));
        openConflicts.set(sync.openConflictCount());
        canSync = Bindings.createBooleanBinding(() -> !running.get() && !folder.get().isBlank()
                && (demo || !passphrase.get().isEmpty()), running, folder, passphrase);
    }

    /** Syncs now, off the window's thread. */
    public void syncNow() {
        if (!canSync.get()) {
            return;
        }
        running.set(true);
        error.set("");
        result.set(texts.get("sync.running.short"));
        refused.clear();
        Path dir = Path.of(folder.get().strip());
        char[] p = passphrase.get().isEmpty() && demo ? ClinicKey.DEMO_PASSPHRASE.toCharArray()
                : passphrase.get().toCharArray();
        runner.write(() -> {
            try {
                ClinicKey key = clinic.unlock(p).key();
                return sync.syncNow(dir, key, SyncService.Progress.NONE);
            } finally {
                Arrays.fill(p, '\0');
            }
        }, this::done, failure -> {
            running.set(false);
            result.set("");
            error.set(ProblemTexts.describe(failure, texts));
        });
    }

    private void done(SyncService.Summary s) {
        running.set(false);
        passphrase.set("");
        String text = texts.get("sync.done", s.read(), s.recordsIn(), s.alreadyRead()) + "\n"
                + (s.written() == null ? texts.get("sync.done.nothing") : texts.get("sync.done.written", s.recordsOut()));
        result.set(text);
        for (SyncService.Refusal r : s.refused()) {
            refused.add(texts.get("sync.refused", texts.problem(r.problem())));
        }
        openConflicts.set(s.openConflicts());
    }

    /** The conflicts line under the result. */
    public String conflictsText() {
        return openConflicts.get() == 0 ? texts.get("sync.conflicts.none")
                : texts.get("sync.conflicts.open", openConflicts.get());
    }

    /** Counts the open conflicts again (after the conflicts screen closes). */
    public void refreshConflicts() {
        openConflicts.set(sync.openConflictCount());
    }

    public boolean demo() {
        return demo;
    }

    public StringProperty folder() {
        return folder;
    }

    public StringProperty passphrase() {
        return passphrase;
    }

    public BooleanProperty running() {
        return running;
    }

    public StringProperty result() {
        return result;
    }

    public StringProperty error() {
        return error;
    }

    public ObservableList<String> refused() {
        return refused;
    }

    public IntegerProperty openConflicts() {
        return openConflicts;
    }

    public BooleanBinding canSync() {
        return canSync;
    }
}
