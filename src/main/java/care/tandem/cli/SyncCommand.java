package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.service.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tandem sync --folder DIR}: reads the clinic's other laptops' packages in the folder and writes this laptop's.
 * On an empty data folder it joins the clinic whose packages the folder holds (docs/sync.md).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Syncs this laptop with the clinic's other laptops through a shared folder (a USB stick, a",
                "shared drive or a cloud-synced folder): reads their packages there, then writes this laptop's.",
                "On an empty data folder, joins the clinic whose packages the folder holds.",
                "Exit status 2 when a package was refused (damaged, altered, another clinic's) or for bad input."})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--folder", required = true, paramLabel = "DIR",
            description = "The clinic's sync folder.")
    Path folder;

    @Mixin
    PassphraseOptions passphrase;

    private final Clock clock;

    SyncCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter out = spec.commandLine().getOut();
        Path dir = AppContext.dataDir(parent.dataDir());
        SyncService.Summary s;
        String clinicName;
        try (AppContext app = AppContext.open(dir, clock)) {
            if (app.sync().canJoin()) {
                char[] p = passphrase.passphrase(spec, app.sync().folderIsDemo(folder));
                try {
                    s = app.sync().join(folder, id -> ClinicKey.derive(p, id), SyncService.Progress.NONE);
                } finally {
                    Arrays.fill(p, '\0');
                }
            } else {
                ClinicKey key = passphrase.unlock(app, spec);
                s = app.sync().syncNow(folder, key, SyncService.Progress.NONE);
            }
            clinicName = app.clinic().info().clinicName();
        }
        if (s.joined()) {
            out.println(texts.get("cli.sync.joined", clinicName, s.read(), s.recordsIn()));
        } else {
            out.println(texts.get("cli.sync.done", clinicName, s.read(), s.recordsIn(), s.alreadyRead()));
        }
        out.println(s.written() == null ? texts.get("cli.sync.nothing")
                : texts.get("cli.sync.written", s.written(), s.recordsOut()));
        if (s.openConflicts() > 0) {
            out.println(texts.get("cli.sync.conflicts", s.openConflicts()));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (SyncService.Refusal r : s.refused()) {
            err.println(texts.get("cli.sync.refused", texts.problem(r.problem())));
        }
        return s.refused().isEmpty() ? 0 : 2;
    }
}
