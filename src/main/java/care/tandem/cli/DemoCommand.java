package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.service.DemoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tandem demo}: fills a data folder with synthetic families and the demo users. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Adds realistic synthetic families to a demo data folder (plainly marked as not real).",
                "Refuses a folder that holds a clinic's real records. Each run adds N new families.",
                "A new demo clinic's sync passphrase is the one given, else the demo passphrase "
                        + "(" + ClinicKey.DEMO_PASSPHRASE + ")."})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--families", paramLabel = "N", defaultValue = "200",
            description = "How many families to add (default: ${DEFAULT-VALUE}).")
    int families;

    @Option(names = "--seed", paramLabel = "S", description = "Makes the run repeatable on the same folder.")
    Long seed;

    @Mixin
    PassphraseOptions passphrase;

    private final Clock clock;

    DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (families < 0 || families > 10_000_000) {
            throw new ParameterException(spec.commandLine(),
                    "--families must be between 0 and 10000000, not " + families);
        }
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter out = spec.commandLine().getOut();
        Path dir = AppContext.dataDir(parent.dataDir());
        try (AppContext app = AppContext.open(dir, clock)) {
            boolean checkFirst = !app.accounts().needsSetUp() && app.clinic().hasPassphrase();
            if (checkFirst) { // a wrong passphrase adds nothing
                passphrase.unlock(app, spec);
            }
            long step = Math.max(families / 10, 10_000);
            DemoService.Result r = app.demo().addFamilies(families, seed, done -> {
                if (done % step == 0 && done < families) {
                    out.printf("  %,d / %,d%n", done, families);
                    out.flush();
                }
            }, () -> Thread.currentThread().isInterrupted());
            out.println(texts.get("cli.demo.added", r.added(), app.dataDir(), r.total()));
            out.println(texts.get("cli.demo.users"));
            for (DemoService.DemoUser u : DemoService.USERS) {
                out.printf("  %-11s %-16s %s%n", u.username(), u.password(), u.displayName());
            }
            out.println(texts.get("cli.demo.marked"));
            if (!checkFirst) { // a new demo clinic takes the passphrase given, else the demo passphrase
                passphrase.unlock(app, spec);
            }
        }
        return 0;
    }
}
