package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.service.CsvExportService;
import care.tandem.service.ExportProgress;
import care.tandem.service.FhirExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code tandem export}: the clinic's records as FHIR R4 (Bundle JSON files, or one NDJSON file per resource type) or
 * CSV, into a new or empty folder; everything, or what changed since a date. The clinic passphrase shows that the
 * person is the clinic's staff; the export is audited.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the clinic's records into a new or empty folder (which then holds nothing else).",
                "fhir: FHIR R4 Bundle JSON files; ndjson: one <ResourceType>.ndjson per resource type; csv: "
                        + "spreadsheets for quality work.",
                "Private content is in FHIR and NDJSON exports marked restricted (meta.security R); CSV leaves it "
                        + "out (a clinician may include it from the window's Export dialog)."})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "fhir|ndjson|csv", description = "What to write.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "A new or empty folder for the export.")
    Path out;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only records changed on or after this day (YYYY-MM-DD); default: everything.")
    String since;

    @Option(names = "--include-private",
            description = "CSV: include private content. Needs a clinician signed in, so it is refused here: use "
                    + "the window's Export dialog.")
    boolean includePrivate;

    @Mixin
    PassphraseOptions passphrase;

    private final Clock clock;

    public ExportCommand() {
        this(Clock.systemDefaultZone());
    }

    ExportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter outText = spec.commandLine().getOut();
        String f = format.strip().toLowerCase(Locale.ROOT);
        LocalDate from = sinceDate(texts);
        if (!FhirExportService.folderUsable(out)) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.export.notEmpty", out.toAbsolutePath()));
        }
        FhirExportService.Format kind = switch (f) {
            case "fhir" -> FhirExportService.Format.FHIR;
            case "ndjson" -> FhirExportService.Format.NDJSON;
            case "csv" -> null;
            default -> throw new ParameterException(spec.commandLine(), texts.get("cli.export.format", format));
        };
        if (kind == null && includePrivate) {
            // Private content needs a clinician or supervisor signed in (CsvExportService); the command line has none.
            throw new ParameterException(spec.commandLine(), texts.get("cli.export.privateNeedsSignIn"));
        }
        if (includePrivate) {
            outText.println(texts.get("cli.export.privateNote"));
        }
        Path dir = AppContext.dataDir(parent.dataDir());
        try (AppContext app = AppContext.open(dir, clock)) {
            passphrase.unlock(app, spec);
            boolean demo = app.clinic().info().demo();
            Printed progress = new Printed(outText, texts);
            if (kind == null) {
                CsvExportService.Result r = app.csvExport().export(out, from, false, progress);
                long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
                outText.println(texts.get("cli.export.doneCsv", rows, r.folder().toAbsolutePath()));
            } else {
                FhirExportService.Result r = app.fhirExport().export(new FhirExportService.Request(kind, out, from),
                        progress);
                String types = r.resources().entrySet().stream().map((Map.Entry<String, Long> e) -> e.getKey()
                        + " " + e.getValue()).collect(Collectors.joining(", "));
                outText.println(texts.get("cli.export.done", r.families(), r.resourceCount(), types, r.folder(),
                        String.format(Locale.ROOT, "%.1f", r.bytes() / 1_048_576.0)));
                if (demo) {
                    outText.println(texts.get("cli.export.demo"));
                }
            }
        }
        return 0;
    }

    private LocalDate sinceDate(Texts texts) {
        if (since == null) {
            return null;
        }
        try {
            return LocalDate.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.export.since", since));
        }
    }

    /** Prints a line about every tenth of the families. */
    private static final class Printed implements ExportProgress {
        private final PrintWriter out;
        private final Texts texts;
        private long next;

        Printed(PrintWriter out, Texts texts) {
            this.out = out;
            this.texts = texts;
        }

        @Override
        public void step(String what, long done, long total) {
            if (total <= 0 || done == 0 || done < next || done == total) {
                return;
            }
            out.println(texts.get("cli.export.progress", done, total));
            out.flush();
            next = done + Math.max(total / 10, 1);
        }

        @Override
        public boolean cancelled() {
            return Thread.currentThread().isInterrupted();
        }
    }
}
