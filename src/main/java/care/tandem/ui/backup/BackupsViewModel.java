package care.tandem.ui.backup;

import care.tandem.domain.backup.BackupKind;
import care.tandem.domain.backup.DatabaseSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.service.Backup;
import care.tandem.service.BackupService;
import care.tandem.service.ClinicService;
import care.tandem.service.PreparedRestore;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.FormatLocale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Backups tab of Settings (administrators): the copies in the data folder with their time, size and check, "Back
 * up now", "Back up to…" (encrypted, with the clinic passphrase), restoring a backup after comparing what it holds with
 * what is here and confirming with the administrator's password, and setting the clinic passphrase when the clinic
 * has none. A restore closes the database: {@code onRestored} then closes Tandem with a message.
 */
public final class BackupsViewModel {
    /** A row of the list of backups. */
    public record Row(String made, String kind, String size, String checked, Backup backup) {
    }

    /** A line of the comparison shown before a restore. */
    public record CompareRow(String what, String backup, String here) {
    }

    private final BackupService backups;
    private final ClinicService clinic;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<String> onRestored;
    private final DateTimeFormatter time;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty error = new SimpleBooleanProperty(this, "error");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty hasPassphrase = new SimpleBooleanProperty(this, "hasPassphrase", true);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty passphraseRepeat = new SimpleStringProperty(this, "passphraseRepeat", "");
    private final ObjectProperty<PreparedRestore> prepared = new SimpleObjectProperty<>(this, "prepared");
    private final StringProperty compareHeading = new SimpleStringProperty(this, "compareHeading", "");
    private final StringProperty hereNote = new SimpleStringProperty(this, "hereNote", "");
    private final ObservableList<CompareRow> comparison = FXCollections.observableArrayList();
    private final StringProperty adminPassword = new SimpleStringProperty(this, "adminPassword", "");

    /** @param onRestored told the message to show once the database was replaced (Tandem must then close) */
    public BackupsViewModel(BackupService backups, ClinicService clinic, BackgroundRunner runner, DialogService dialogs,
                            Texts texts, Clock clock, Consumer<String> onRestored) {
        this.backups = backups;
        this.clinic = clinic;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.clock = clock;
        this.onRestored = onRestored;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FormatLocale.of(texts)).withZone(clock.getZone());
    }

    private record Loaded(List<Backup> backups, boolean hasPassphrase) {
    }

    /** Reads the list of backups and whether the clinic has a passphrase. */
    public void load() {
        runner.read(() -> new Loaded(backups.list(), clinic.hasPassphrase()), loaded -> {
            rows.setAll(loaded.backups().stream().map(this::row).toList());
            hasPassphrase.set(loaded.hasPassphrase());
            describeNewest(loaded.backups());
        }, dialogs::showProblem);
    }

    private void describeNewest(List<Backup> list) {
        Optional<Backup> newest = list.stream().filter(b -> b.name().kind() == BackupKind.REGULAR).findFirst();
        if (newest.isEmpty()) {
            status.set(texts.get("backups.status.none"));
            stale.set(true);
            return;
        }
        Instant made = newest.get().name().made();
        boolean old = Duration.between(made, clock.instant()).compareTo(Duration.ofHours(48)) > 0;
        stale.set(old);
        status.set(texts.get(old ? "backups.status.old" : "backups.status.newest", time.format(made)));
    }

    private Row row(Backup b) {
        String kind = b.name().kind() == BackupKind.BEFORE_MIGRATION
                ? texts.get("backups.kind.BEFORE_MIGRATION", b.name().fromVersion())
                : texts.get("backups.kind." + b.name().kind().name());
        String checked = b.checked() ? texts.get("backups.checked.yes")
                : b.name().kind() == BackupKind.DAMAGED ? texts.get("backups.checked.damaged")
                : texts.get("backups.checked.no");
        return new Row(time.format(b.name().made()), kind, size(b.size(), FormatLocale.of(texts)), checked, b);
    }

    static String size(long bytes, Locale locale) {
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.0f KB", Math.ceil(bytes / 1024.0));
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** Makes a checked backup in the data folder now. */
    public void backupNow() {
        if (!start()) {
            return;
        }
        runner.write(backups::backupNow, made -> {
            done(texts.get("backups.made", time.format(made.name().made())), false);
            load();
        }, this::failed);
    }

    /** Writes one encrypted backup into {@code dir}, with the clinic passphrase typed in the passphrase field. */
    public void backupTo(Path dir) {
        if (!hasPassphrase.get()) {
            done(texts.get("backups.passphrase.setFirst"), true);
            return;
        }
        char[] secret = typedPassphrase();
        if (secret.length == 0) {
            done(texts.get("backups.passphrase.needed"), true);
            return;
        }
        if (!start()) {
            Arrays.fill(secret, '\0');
            return;
        }
        runner.write(() -> {
            try {
                return backups.backupTo(dir, clinic.unlock(secret).key());
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, sealed -> {
            passphrase.set("");
            done(texts.get("backups.sealed", sealed.getFileName(), dir), false);
            load();
        }, this::failed);
    }

    /** Sets the clinic passphrase (typed twice) when the clinic has none. */
    public void setPassphrase() {
        String a = passphrase.get() == null ? "" : passphrase.get();
        if (!a.equals(passphraseRepeat.get())) {
            done(texts.get("backups.passphrase.mismatch"), true);
            return;
        }
        if (a.length() < ClinicKey.MIN_LENGTH) {
            done(texts.get("problem.PASSPHRASE_TOO_SHORT", ClinicKey.MIN_LENGTH), true);
            return;
        }
        if (!start()) {
            return;
        }
        char[] secret = a.toCharArray();
        runner.write(() -> {
            try {
                clinic.setPassphrase(secret);
                return true;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, ok -> {
            passphrase.set("");
            passphraseRepeat.set("");
            hasPassphrase.set(true);
            done(texts.get("backups.passphrase.set"), false);
        }, this::failed);
    }

    /** Makes the selected backup in the list ready to restore and shows what it holds. */
    public void prepareSelected() {
        Row row = selected.get();
        if (row == null) {
            done(texts.get("backups.restore.chooseFirst"), true);
            return;
        }
        prepare(row.backup().file());
    }

    /**
     * Makes a backup file ready to restore (decrypting an encrypted one with the passphrase typed) and shows what it
     * holds beside what is here. Nothing is replaced.
     */
    public void prepare(Path file) {
        if (!start()) {
            return;
        }
        char[] secret = typedPassphrase();
        cancelRestore();
        runner.write(() -> {
            try {
                return backups.prepare(file, secret.length == 0 ? null : secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, ready -> {
            busy.set(false);
            message.set("");
            if (ready.sealed()) {
                passphrase.set("");
            }
            show(ready);
        }, failure -> {
            if (failure instanceof ProblemException p && p.problem() == Problem.PASSPHRASE_NEEDED) {
                done(texts.get("backups.restore.needsPassphrase"), true);
            } else {
                failed(failure);
            }
        });
    }

    private void show(PreparedRestore p) {
        prepared.set(p);
        compareHeading.set(texts.get("backups.compare.heading", p.chosen().getFileName(), time.format(p.made())));
        hereNote.set(switch (p.here()) {
            case NONE -> texts.get("backups.compare.hereNone");
            case DAMAGED -> texts.get("backups.compare.hereDamaged");
            case READABLE -> "";
        });
        DatabaseSummary b = p.backup();
        Optional<DatabaseSummary> h = p.current();
        List<CompareRow> lines = new ArrayList<>();
        lines.add(new CompareRow(texts.get("backups.compare.clinic"), blankAsDash(b.clinicName()),
                h.map(s -> blankAsDash(s.clinicName())).orElse("—")));
        lines.add(new CompareRow(texts.get("backups.compare.newest"), newest(b),
                h.map(this::newest).orElse("—")));
        lines.add(new CompareRow(texts.get("backups.compare.version"), Long.toString(b.schemaVersion()),
                h.map(s -> Long.toString(s.schemaVersion())).orElse("—")));
        lines.add(count("backups.compare.families", b.families(), h.map(DatabaseSummary::families)));
        lines.add(count("backups.compare.screens", b.screens(), h.map(DatabaseSummary::screens)));
        lines.add(count("backups.compare.notes", b.notes(), h.map(DatabaseSummary::notes)));
        lines.add(count("backups.compare.referrals", b.referrals(), h.map(DatabaseSummary::referrals)));
        lines.add(count("backups.compare.users", b.users(), h.map(DatabaseSummary::users)));
        comparison.setAll(lines);
    }

    private String newest(DatabaseSummary s) {
        return s.newestChange().map(time::format).orElse("—");
    }

    private CompareRow count(String key, long backup, Optional<Long> here) {
        return new CompareRow(texts.get(key), String.format(FormatLocale.of(texts), "%,d", backup),
                here.map(n -> String.format(FormatLocale.of(texts), "%,d", n)).orElse("—"));
    }

    private static String blankAsDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /**
     * Replaces the database with the backup shown, once the administrator's password is confirmed. What is here is
     * kept in the backups folder first; Tandem then closes.
     */
    public void restore() {
        PreparedRestore p = prepared.get();
        if (p == null) {
            return;
        }
        String typed = adminPassword.get() == null ? "" : adminPassword.get();
        if (typed.isEmpty()) {
            done(texts.get("backups.restore.passwordNeeded"), true);
            return;
        }
        if (!dialogs.confirm("backups.restore.confirm.title", "backups.restore.confirm.message",
                time.format(p.made()))) {
            return;
        }
        if (!start()) {
            return;
        }
        char[] secret = typed.toCharArray();
        runner.write(() -> backups.restore(p, secret), result -> {
            busy.set(false);
            adminPassword.set("");
            if (result instanceof BackupService.RestoreResult.Restored r) {
                prepared.set(null);
                onRestored.accept(texts.get("backups.restored", time.format(p.made()),
                        r.kept().map(k -> k.file().getFileName().toString())
                                .orElse(texts.get("backups.restored.nothingKept"))));
            } else if (result instanceof BackupService.RestoreResult.PasswordRefused refused) {
                done(refusal(refused.result()), true);
            }
        }, this::failed);
    }

    private String refusal(SignInResult result) {
        if (result instanceof SignInResult.LockedOut locked) {
            return texts.get("backups.restore.lockedOut", time.format(locked.until()));
        }
        int left = result instanceof SignInResult.Rejected r ? r.remainingAttempts() : 0;
        return texts.get("backups.restore.wrongPassword", left);
    }

    /** Leaves the comparison without restoring; the ready copy is removed. */
    public void cancelRestore() {
        PreparedRestore p = prepared.get();
        prepared.set(null);
        comparison.clear();
        adminPassword.set("");
        if (p != null) {
            runner.write(() -> {
                p.close();
                return true;
            }, ok -> { }, dialogs::showProblem);
        }
    }

    private char[] typedPassphrase() {
        String p = passphrase.get();
        return p == null ? new char[0] : p.strip().toCharArray();
    }

    private boolean start() {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        message.set(texts.get("backups.working"));
        error.set(false);
        return true;
    }

    private void done(String text, boolean isError) {
        busy.set(false);
        message.set(text);
        error.set(isError);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        message.set("");
        dialogs.showProblem(failure);
    }

    public Texts texts() {
        return texts;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty hasPassphraseProperty() {
        return hasPassphrase;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseRepeatProperty() {
        return passphraseRepeat;
    }

    public ObjectProperty<PreparedRestore> preparedProperty() {
        return prepared;
    }

    public StringProperty compareHeadingProperty() {
        return compareHeading;
    }

    public StringProperty hereNoteProperty() {
        return hereNote;
    }

    public ObservableList<CompareRow> comparison() {
        return comparison;
    }

    public StringProperty adminPasswordProperty() {
        return adminPassword;
    }
}
