package care.tandem.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code tandem}: with no subcommand it opens the window; subcommands do the rest. */
@Command(name = "tandem", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = "Dyadic care screening, notes and referrals for pediatric primary care, offline.",
        subcommands = {DemoCommand.class, ScoreCommand.class,
                ExportCommand.class, SyncCommand.class, ImportQuestionnaireCommand.class, BackupCommand.class,
                RestoreCommand.class})
public final class TandemCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder holding tandem.db (default: $TANDEM_HOME, else the OS data folder).")
    Path dataDir;

    private final Function<Path, Integer> openWindow;

    /** @param openWindow opens the window on a data folder (null: the default folder) and returns the exit code */
    public TandemCommand(Function<Path, Integer> openWindow) {
        this.openWindow = openWindow;
    }

    @Override
    public Integer call() {
        return openWindow.apply(dataDir);
    }

    Path dataDir() {
        return dataDir;
    }
}
