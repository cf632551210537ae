package care.tandem.ui.export;

import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.service.CsvExportService;
import care.tandem.service.ExportProgress;
import care.tandem.service.FhirExportService;
import care.tandem.ui.common.ErrorLog;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Export dialog's state: format, folder, since-date, include-private (CSV only, and only for users who may see
 * private results), and while it runs the progress and Cancel. The export runs on its own worker (never the FX
 * thread, never queued behind the database writer); results come back through {@code fx}.
 */
public final class ExportViewModel {

    /** What to write. */
    public enum Format { FHIR, NDJSON, CSV }

    private final FhirExportService fhir;
    private final CsvExportService csv;
    private final Executor worker;
    private final Executor fx;
    private final Texts texts;
    private final boolean mayIncludePrivate;
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.FHIR);
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final BooleanProperty includePrivate = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding includePrivateShown;
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param worker            runs the export (a thread of its own)
     * @param fx                runs the outcome on the FX thread
     * @param mayIncludePrivate the signed-in user may see private results
     */
    public ExportViewModel(FhirExportService fhir, CsvExportService csv, Executor worker, Executor fx, Texts texts,
                           boolean mayIncludePrivate) {
        this.fhir = fhir;
        this.csv = csv;
        this.worker = worker;
        this.fx = fx;
        this.texts = texts;
        this.mayIncludePrivate = mayIncludePrivate;
        includePrivateShown = Bindings.createBooleanBinding(() -> mayIncludePrivate && format.get() == Format.CSV,
                format);
        format.addListener((obs, old, now) -> {
            if (now != Format.CSV) {
                includePrivate.set(false);
            }
        });
    }

    public ObjectProperty<Format> format() {
        return format;
    }

    public StringProperty folder() {
        return folder;
    }

    public ObjectProperty<LocalDate> since() {
        return since;
    }

    public BooleanProperty includePrivate() {
        return includePrivate;
    }

    /** Whether the include-private choice is offered: CSV, and a user who may see private results. */
    public BooleanBinding includePrivateShown() {
        return includePrivateShown;
    }

    public BooleanProperty running() {
        return running;
    }

    /** An export finished and its folder is written. */
    public BooleanProperty finished() {
        return finished;
    }

    /** 0 to 1, or -1 while the amount is not known yet. */
    public DoubleProperty progress() {
        return progress;
    }

    /** What is happening or what came of it. */
    public StringProperty status() {
        return status;
    }

    /** What is wrong and what to do, else empty. */
    public StringProperty message() {
        return message;
    }

    /** Starts the export, unless what was chosen is not usable (then {@link #message()} says why). */
    public void export() {
        if (running.get()) {
            return;
        }
        message.set("");
        finished.set(false);
        Path out = path();
        if (out == null) {
            message.set(texts.get("export.dialog.folderNeeded"));
            return;
        }
        if (!FhirExportService.folderUsable(out)) {
            message.set(texts.get("export.dialog.notEmpty", out));
            return;
        }
        Format chosen = format.get();
        LocalDate from = since.get();
        boolean withPrivate = chosen == Format.CSV && mayIncludePrivate && includePrivate.get();
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        progress.set(-1);
        status.set(texts.get("export.dialog.starting"));
        ExportProgress reporter = new ExportProgress() {
            @Override
            public void step(String what, long done, long total) {
                fx.execute(() -> {
                    progress.set(total > 0 ? (double) done / total : -1);
                    status.set(texts.get("export.dialog.progress", done, total));
                });
            }

            @Override
            public boolean cancelled() {
                return stop.get();
            }
        };
        worker.execute(() -> {
            try {
                String done;
                if (chosen == Format.CSV) {
                    CsvExportService.Result r = csv.export(out, from, withPrivate, reporter);
                    long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
                    done = texts.get("export.dialog.doneCsv", rows, r.rows().size() + 1, r.folder());
                } else {
                    FhirExportService.Result r = fhir.export(new FhirExportService.Request(chosen == Format.FHIR
                            ? FhirExportService.Format.FHIR : FhirExportService.Format.NDJSON, out, from), reporter);
                    done = texts.get("export.dialog.done", r.families(), r.resourceCount(), r.folder());
                }
                fx.execute(() -> {
                    running.set(false);
                    finished.set(true);
                    progress.set(1);
                    status.set(done);
                });
            } catch (CancellationException e) {
                fx.execute(() -> {
                    running.set(false);
                    progress.set(0);
                    status.set(texts.get("export.dialog.cancelled"));
                });
            } catch (ProblemException e) {
                fx.execute(() -> {
                    running.set(false);
                    progress.set(0);
                    status.set("");
                    message.set(texts.problem(e));
                });
            } catch (RuntimeException e) {
                ErrorLog.unexpected(Thread.currentThread().getName(), e);
                fx.execute(() -> {
                    running.set(false);
                    progress.set(0);
                    status.set("");
                    message.set(texts.get("export.dialog.failed"));
                });
            }
        });
    }

    /** Cancel while running: the export stops and leaves nothing behind. Returns whether one was running. */
    public boolean cancel() {
        if (!running.get()) {
            return false;
        }
        cancel.set(true);
        status.set(texts.get("export.dialog.cancelling"));
        return true;
    }

    public boolean mayIncludePrivate() {
        return mayIncludePrivate;
    }

    private Path path() {
        String text = Objects.requireNonNullElse(folder.get(), "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
