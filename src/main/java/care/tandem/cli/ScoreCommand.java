package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.i18n.Texts;
import care.tandem.service.ResponseScoringService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tandem score FILE}: scores a FHIR R4 QuestionnaireResponse and prints the result as one JSON object on
 * standard output. Needs no data folder and records nothing. A file Tandem will not score: exit status 2 and one
 * line on standard error saying why.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores a FHIR R4 QuestionnaireResponse (JSON, LOINC-coded items and answers) and prints "
                + "one JSON object: instrument, complete, total, band, positive, critical, missing "
                + "(and domains, for the AHC HRSN).",
                "Instruments: phq2, phq9, gad2, gad7, hvs, ahc-hrsn, epds. Needs no data folder; records nothing.",
                "With --questionnaire Q.json: scores against that Questionnaire by linkIds; \"ignored\" lists "
                        + "answered linkIds Tandem does not score (calculated items, types it cannot ask).",
                "Exit status 2, with the reason on standard error, for a file it cannot score."})
public final class ScoreCommand implements Callable<Integer> {
    /** Exit status for a file Tandem will not score, as for any other bad input. */
    static final int REFUSED = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A QuestionnaireResponse in FHIR R4 JSON.")
    Path file;

    @Option(names = "--questionnaire", paramLabel = "Q.json",
            description = "Score against this FHIR R4 Questionnaire, by the response's linkIds (any Questionnaire "
                    + "Tandem can import; a version of a bundled instrument keeps its published rules).")
    Path questionnaire;

    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        ResponseScoringService scoring = AppContext.standaloneScoring();
        Score score;
        List<String> ignored = List.of();
        try {
            if (questionnaire != null) {
                ResponseScoringService.LinkedScore linked = scoring.score(file, questionnaire);
                score = linked.score();
                ignored = linked.ignored();
            } else {
                score = scoring.score(file);
            }
        } catch (ResponseScoringService.Refused e) {
            Texts texts = new Texts(Locale.getDefault());
            PrintWriter err = spec.commandLine().getErr();
            err.println(texts.get("cli.error", "cannot score this file: " + e.reason()));
            err.flush();
            return REFUSED;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Map<String, Object> result = result(score);
            if (!ignored.isEmpty()) {
                result.put("ignored", ignored);
            }
            out.println(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return 0;
    }

    /** The printed object, keys in a fixed order; {@code domains} only for instruments of several domains. */
    static Map<String, Object> result(Score score) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("instrument", score.instrument());
        r.put("complete", score.complete());
        r.put("total", score.total());
        r.put("band", score.band());
        r.put("positive", positive(score.outcome()));
        r.put("critical", score.critical());
        r.put("missing", score.missing());
        if (score.domains().size() > 1) {
            Map<String, Object> domains = new LinkedHashMap<>();
            for (DomainScore d : score.domains().values()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("positive", positive(d.outcome()));
                if (d.score() != null) {
                    one.put("score", d.score());
                }
                domains.put(d.id(), one);
            }
            r.put("domains", domains);
        }
        return r;
    }

    /** True or false only when decided: an unfinished screen that is not yet positive is null, never negative. */
    private static Boolean positive(Outcome outcome) {
        return switch (outcome) {
            case POSITIVE -> Boolean.TRUE;
            case NEGATIVE -> Boolean.FALSE;
            case INCOMPLETE, NOT_SCORED -> null;
        };
    }
}
