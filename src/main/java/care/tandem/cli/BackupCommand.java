package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.service.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tandem backup}: a checked backup in the data folder's {@code backups/}; with {@code --out DIR}, also one
 * encrypted file in DIR (sealed with the clinic key). ADR 0010.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the data folder's database: a consistent copy, checked (PRAGMA integrity_check), "
                + "kept in its backups folder by the rotation rule (7 daily, 4 weekly, 12 monthly).",
                "With --out DIR, also writes one encrypted file there (tandem-<UTC time>.tandem-backup), sealed with "
                        + "the clinic key and read back whole before the command ends. Restore it with tandem restore.",
                "Refused while Tandem has the data folder open. Exit status 2 for bad input (a wrong passphrase)."})
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the encrypted backup (a USB stick, a shared drive). Created if missing.")
    Path out;

    @Mixin
    PassphraseOptions passphrase;

    private final Clock clock;

    public BackupCommand() {
        this(Clock.systemDefaultZone());
    }

    BackupCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter o = spec.commandLine().getOut();
        Path dir = AppContext.dataDir(parent.dataDir());
        try (AppContext app = AppContext.open(dir, clock)) {
            if (out == null) {
                Backup b = app.backups().backupNow();
                o.println(texts.get("cli.backup.done", b.file(), RestoreCommand.size(b.size())));
            } else {
                Path sealed = app.backups().backupTo(out.toAbsolutePath(), passphrase.unlock(app, spec));
                o.println(texts.get("cli.backup.sealed", sealed, RestoreCommand.size(sizeOf(sealed))));
                o.println(texts.get("cli.backup.alsoHere", app.dataDir().resolve("backups")));
            }
        }
        o.flush();
        return 0;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
