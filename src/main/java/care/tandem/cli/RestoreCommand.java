package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.domain.backup.DatabaseSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.service.Backup;
import care.tandem.service.PreparedRestore;
import care.tandem.service.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tandem restore FILE}: shows what a backup holds beside what the data folder holds, and replaces the database
 * only when confirmed ({@code --yes}, or y at the prompt on a terminal). Exit status 0 restored, 1 nothing replaced
 * (not confirmed, or the folder is in use), 2 bad input (a damaged or foreign file, a wrong passphrase). ADR 0010.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a backup: an encrypted .tandem-backup file (needs the clinic passphrase) or a copy "
                + "from the data folder's backups folder.",
                "First shows what the backup holds and what the data folder holds now; replaces nothing unless "
                        + "confirmed with --yes or by answering y. The database it replaces is kept in backups first.",
                "Works on a damaged database; refused while Tandem has the data folder open.",
                "Exit status: 0 restored, 1 nothing replaced, 2 bad input (a damaged, foreign or newer backup, "
                        + "a wrong passphrase)."})
public final class RestoreCommand implements Callable<Integer> {
    /** Nothing was replaced because the person did not confirm. */
    static final int NOT_CONFIRMED = 1;
    /** The file or passphrase was refused. */
    static final int REFUSED = 2;
    private static final EnumSet<Problem> BAD_INPUT = EnumSet.of(Problem.NOT_FOUND, Problem.BAD_ARGUMENT,
            Problem.PASSPHRASE_NEEDED, Problem.PASSPHRASE_WRONG, Problem.FILE_NOT_TANDEM, Problem.FILE_NEWER_FORMAT,
            Problem.FILE_WRONG_KIND, Problem.FILE_DAMAGED, Problem.FILE_OTHER_CLINIC, Problem.FILE_TAMPERED,
            Problem.BACKUP_NEWER_VERSION);

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup: a .tandem-backup file or a .db copy.")
    Path file;

    @Option(names = "--yes", description = "Replace without asking (after showing the comparison).")
    boolean yes;

    @Mixin
    PassphraseOptions passphrase;

    /** Where the question is asked: the terminal, if input is one. */
    interface Terminal {
        /** Whether there is a terminal to ask on. */
        boolean present();

        /** Asks and returns the line typed (null at end of input). */
        String ask(String question);
    }

    /** The terminal (replaced in tests). */
    Terminal terminal = new Terminal() {
        @Override
        public boolean present() {
            return System.console() != null;
        }

        @Override
        public String ask(String question) {
            Console c = System.console();
            return c == null ? null : c.readLine("%s", question);
        }
    };

    private final Clock clock;

    public RestoreCommand() {
        this(Clock.systemDefaultZone());
    }

    RestoreCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = AppContext.dataDir(parent.dataDir());
        try (RestoreService restore = AppContext.openForRestore(dir, clock)) {
            Path chosen = file.toAbsolutePath();
            RestoreService.FileFacts facts = restore.facts(chosen);
            char[] secret = facts.sealed() ? passphrase.passphrase(spec, facts.demo()) : null;
            try (PreparedRestore prepared = restore.prepare(chosen, secret)) {
                show(prepared, dir, texts, out);
                if (!confirmed(texts, out)) {
                    out.println(texts.get("cli.restore.notConfirmed"));
                    out.flush();
                    return NOT_CONFIRMED;
                }
                Optional<Backup> kept = restore.restore(prepared);
                out.println(texts.get("cli.restore.done", when(prepared.made()),
                        kept.map(b -> b.file().toString()).orElse(texts.get("cli.restore.nothingKept"))));
                if (prepared.olderVersion()) {
                    out.println(texts.get("cli.restore.migrates"));
                }
                out.flush();
                return 0;
            } finally {
                if (secret != null) {
                    java.util.Arrays.fill(secret, '\0');
                }
            }
        } catch (ProblemException e) {
            if (!BAD_INPUT.contains(e.problem())) {
                throw e;
            }
            err.println(texts.get("cli.error", texts.problem(e)));
            err.flush();
            return REFUSED;
        }
    }

    private boolean confirmed(Texts texts, PrintWriter out) {
        if (yes) {
            return true;
        }
        if (!terminal.present()) {
            out.println(texts.get("cli.restore.noTerminal"));
            return false;
        }
        out.flush();
        String answer = terminal.ask(texts.get("cli.restore.confirm"));
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|s|si|sí");
    }

    private static void show(PreparedRestore p, Path dir, Texts texts, PrintWriter out) {
        out.println(texts.get("cli.restore.backup", p.chosen().getFileName(), when(p.made())));
        out.println(summary(p.backup(), texts));
        switch (p.here()) {
            case NONE -> out.println(texts.get("cli.restore.hereNone", dir));
            case DAMAGED -> out.println(texts.get("cli.restore.hereDamaged", dir));
            case READABLE -> {
                out.println(texts.get("cli.restore.here", dir));
                out.println(summary(p.current().orElseThrow(), texts));
            }
        }
    }

    private static String summary(DatabaseSummary s, Texts texts) {
        // Indented under its heading; a bundle value cannot begin with spaces.
        return "  " + texts.get("cli.restore.summary", s.clinicName().isBlank() ? "—" : s.clinicName(), s.schemaVersion(),
                s.families(), s.screens(), s.notes(), s.referrals(), s.users(),
                s.newestChange().map(RestoreCommand::when).orElse("—"));
    }

    static String when(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.systemDefault()).format(t);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
