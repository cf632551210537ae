package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.domain.screening.ImportedQuestionnaire;
import care.tandem.i18n.Texts;
import care.tandem.service.ImportPreview;
import care.tandem.service.InstrumentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tandem import-questionnaire FILE}: adds a FHIR R4 Questionnaire to the clinic's instruments (ADR 0008),
 * as a new instrument, a new version of one Tandem has, or a translation. Prints what was added and every feature
 * of the file Tandem cannot honour (exit 0); a file that is not an importable Questionnaire: exit 2 and the reason.
 */
@Command(name = "import-questionnaire", mixinStandardHelpOptions = true,
        description = {"Imports a FHIR R4 Questionnaire (JSON) as an instrument the clinic can give: a new one, a new "
                + "version of one Tandem has (same url, or the same LOINC panel as a bundled instrument), or a "
                + "translation that adds a language.",
                "Lists what Tandem cannot honour in the file (exit 0). Exit 2, with the reason, for a file that is "
                        + "not a valid R4 Questionnaire."})
public final class ImportQuestionnaireCommand implements Callable<Integer> {
    static final int REFUSED = 2;

    @ParentCommand
    TandemCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "A Questionnaire in FHIR R4 JSON.")
    Path file;

    @Option(names = "--critical", paramLabel = "LINKID",
            description = "An item whose answer needs same-day action (any answer worth a point or more); repeatable.")
    List<String> critical = new ArrayList<>();

    @Option(names = "--positive-at", paramLabel = "N",
            description = "The total at which a screen is positive (where the file carries a total).")
    Integer positiveAt;

    @Option(names = "--make-current",
            description = "Make this version the one new screens use (else a new version of an instrument Tandem "
                    + "has waits for an administrator).")
    boolean makeCurrent;

    @Option(names = "--dry-run", description = "Show what would be imported and store nothing.")
    boolean dryRun;

    private final Clock clock;

    public ImportQuestionnaireCommand() {
        this(Clock.systemUTC());
    }

    ImportQuestionnaireCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Texts texts = new Texts(Locale.getDefault());
        PrintWriter out = spec.commandLine().getOut();
        ImportMarks marks = new ImportMarks(critical, positiveAt);
        Path dir = AppContext.dataDir(parent.dataDir());
        try (AppContext app = AppContext.open(dir, clock)) {
            passphrase.unlock(app, spec);
            InstrumentService instruments = app.instruments();
            ImportPreview plan = instruments.preview(file, marks);
            String current = instruments.library().find(plan.id()).map(i -> i.version()).orElse(null);
            if (!dryRun) {
                ImportedQuestionnaire q = instruments.importFromCommandLine(file, marks);
                if (makeCurrent) {
                    instruments.makeCurrentFromCommandLine(q.instrument(), q.version());
                    current = q.version();
                } else {
                    current = instruments.library().find(plan.id()).map(i -> i.version()).orElse(null);
                }
            }
            print(out, texts, plan, current);
        } catch (ProblemException e) {
            if (e.problem() == Problem.QUESTIONNAIRE_REFUSED || e.problem() == Problem.INSTRUMENT_VERSION_REFUSED) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(texts.get("cli.error", texts.problem(e)));
                err.flush();
                return REFUSED;
            }
            throw e;
        }
        return 0;
    }

    private void print(PrintWriter out, Texts texts, ImportPreview p, String current) {
        String prefix = dryRun ? texts.get("cli.import.dryRun") + " " : "";
        switch (p.kind()) {
            case "VERSION" -> out.println(prefix + texts.get("cli.import.version", p.title(), p.versionOf(),
                    p.version(), texts.get("cli.import.by." + p.recognisedBy())));
            case "TRANSLATION" -> out.println(prefix + texts.get("cli.import.translation", p.title(), p.versionOf(),
                    p.version(), String.join(", ", p.languages())));
            default -> out.println(prefix + texts.get("cli.import.new", p.title(), p.id(), p.version()));
        }
        if (p.urlGenerated()) {
            out.println(texts.get("cli.import.url", p.url()));
        }
        out.println(texts.get("cli.import.languages", String.join(", ", p.languages())));
        if (p.instrument() != null) {
            out.println(texts.get("cli.import.critical", p.instrument().rules().critical().isEmpty() ? "-"
                    : String.join(", ", p.instrument().rules().critical().stream().map(c -> link(p, c.item())).toList())));
        }
        if (p.usable() && current != null) {
            out.println(p.version().equals(current) ? texts.get("cli.import.isCurrent")
                    : texts.get("cli.import.notCurrent", p.id(), current));
        }
        if (p.notHonoured().isEmpty()) {
            out.println(texts.get("cli.import.allHonoured"));
        } else {
            out.println(texts.get("cli.import.notHonoured", p.notHonoured().size()));
            p.notHonoured().forEach(n -> out.println("  - " + n));
        }
        out.flush();
    }

    private static String link(ImportPreview p, String code) {
        return p.linkIds().entrySet().stream().filter(e -> e.getValue().equals(code)).map(e -> e.getKey())
                .findFirst().orElse(code);
    }
}
