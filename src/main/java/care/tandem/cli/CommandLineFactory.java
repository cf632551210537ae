package care.tandem.cli;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.function.Function;

/**
 * Builds the {@code tandem} command line: its subcommands, and how a problem becomes a message and an
 * exit code (2 for bad input, as for a bad option; 1 for anything else).
 */
public final class CommandLineFactory {
    /** Problems with what the person gave (an option, a file, a passphrase): exit status 2, as for a bad option. */
    static final EnumSet<Problem> BAD_INPUT = EnumSet.of(Problem.BAD_ARGUMENT, Problem.DEMO_REFUSED_REAL_DATA,
            Problem.PASSPHRASE_NEEDED, Problem.PASSPHRASE_WRONG, Problem.PASSPHRASE_TOO_SHORT,
            Problem.FILE_NOT_TANDEM, Problem.FILE_NEWER_FORMAT, Problem.FILE_WRONG_KIND, Problem.FILE_DAMAGED,
            Problem.FILE_OTHER_CLINIC, Problem.FILE_TAMPERED, Problem.EXPORT_FOLDER_NOT_EMPTY);

    private CommandLineFactory() {
    }

    /** @param openWindow opens the window on a data folder (null: the default) and returns the exit code */
    public static CommandLine create(Function<Path, Integer> openWindow, Clock clock) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new TandemCommand(openWindow), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DemoCommand.class ? type.cast(new DemoCommand(clock)) : defaults.create(type);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ProblemException p) {
                Texts texts = new Texts(Locale.getDefault());
                commandLine.getErr().println(texts.get("cli.error", texts.problem(p)));
                return BAD_INPUT.contains(p.problem()) ? 2 : 1;
            }
            throw e;
        });
        return cli;
    }
}
