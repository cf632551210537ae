package care.tandem.service;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.interop.fhir.FhirFileException;
import care.tandem.interop.fhir.ResponseReader;
import care.tandem.interop.fhir.ResponseReader.Code;
import care.tandem.interop.fhir.ResponseReader.ResponseItem;
import care.tandem.interop.instrument.QuestionnaireImporter;
import care.tandem.interop.instrument.QuestionnaireRefused;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scores a FHIR R4 QuestionnaireResponse written elsewhere (another EHR, a form app): recognises the instrument
 * (its Questionnaire canonical, a panel code in its link ids, else its item codes), maps its LOINC-coded answers
 * to Tandem's and scores them by the published rules. Stateless: it opens no database and records nothing, so the
 * command line can score a file without a data folder or a sign-in. A response Tandem cannot score faithfully
 * (an unknown instrument, items or answers the instrument lacks) is refused, never scored as a partial screen.
 */
public final class ResponseScoringService {
    /** Larger than any real response; refused unread so a wrong file cannot exhaust memory. */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int LISTED = 3;

    private final ResponseReader reader;
    private final Supplier<InstrumentLibrary> instruments;
    private final QuestionnaireImporter importer;

    /** @param instruments the instruments to recognise and score (read on the first score, not before) */
    public ResponseScoringService(ResponseReader reader, Supplier<InstrumentLibrary> instruments) {
        this(reader, instruments, null);
    }

    /** @param importer reads the Questionnaire given with {@link #score(Path, Path)} */
    public ResponseScoringService(ResponseReader reader, Supplier<InstrumentLibrary> instruments,
                                  QuestionnaireImporter importer) {
        this.reader = reader;
        this.instruments = instruments;
        this.importer = importer;
    }

    /**
     * A response scored against a Questionnaire given with it.
     *
     * @param ignored linkIds answered in the response that Tandem does not score: the Questionnaire's calculated
     *                items (Tandem computes its own total) and items of types Tandem cannot ask
     */
    public record LinkedScore(Score score, List<String> ignored) {
        public LinkedScore {
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Scores a QuestionnaireResponse against a Questionnaire file, by the response's linkIds: any Questionnaire
     * Tandem can import (ADR 0008), its rules derived as an import would derive them (a version of a bundled
     * instrument keeps the published rules). Needs no data folder.
     *
     * @throws Refused saying why: either file unreadable, the Questionnaire refused, the response for another
     *                 Questionnaire, a linkId the Questionnaire lacks, or an answer that is not one of its options
     */
    public LinkedScore score(Path responseFile, Path questionnaireFile) {
        String qText = text(questionnaireFile, "the Questionnaire: ");
        QuestionnaireImporter.Plan plan;
        try {
            plan = importer.standalone(qText, library());
        } catch (QuestionnaireRefused e) {
            throw new Refused("the Questionnaire is refused: " + e.reason());
        }
        if (plan.instrument() == null) {
            throw new Refused("the Questionnaire has no questions Tandem can ask");
        }
        String json = text(responseFile, "");
        ResponseReader.Response response = read(json);
        if (response.canonical() != null && !plan.urlGenerated()) {
            String url = response.canonical().contains("|")
                    ? response.canonical().substring(0, response.canonical().indexOf('|')) : response.canonical();
            if (!url.equals(plan.url())) {
                throw new Refused("the response is for Questionnaire " + url + ", not " + plan.url());
            }
        }
        Instrument instrument = plan.instrument();
        List<ResponseItem> answered = response.items().stream().filter(i -> i.answerCount() > 0).toList();
        if (answered.isEmpty()) {
            throw new Refused("it has no answers");
        }
        List<String> ignored = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResponseItem i : answered) {
            String code = plan.linkIds().get(i.linkId());
            if (plan.notAsked().contains(i.linkId()) || (code != null && instrument.item(code).isEmpty())) {
                ignored.add(i.linkId());
                continue;
            }
            if (code == null) {
                unknown.add(i.linkId());
                continue;
            }
            if (!seen.add(code)) {
                throw new Refused("item " + i.linkId() + " is answered more than once");
            }
            answers.add(linkedAnswer(instrument.item(code).orElseThrow(), i));
        }
        if (!unknown.isEmpty()) {
            throw new Refused("linkIds not in the Questionnaire: " + list(unknown));
        }
        try {
            return new LinkedScore(Scorer.score(instrument, answers), ignored);
        } catch (IllegalArgumentException e) {
            throw new Refused(instrument.id() + ": " + e.getMessage());
        }
    }

    /** One item's answer by linkId: codes of any system (the Questionnaire's own), or a whole number. */
    private static Answer linkedAnswer(Item item, ResponseItem given) {
        String where = "item " + given.linkId();
        if (!given.otherTypes().isEmpty()) {
            throw new Refused(where + " has an answer of type " + given.otherTypes().get(0)
                    + ", not a coding or a number");
        }
        if (item.kind() == ItemKind.INTEGER) {
            if (!given.coded().isEmpty() || given.numbers().size() != 1) {
                throw new Refused(where + " takes one whole number");
            }
            try {
                return Answer.value(item.code(), given.numbers().get(0).intValueExact());
            } catch (ArithmeticException e) {
                throw new Refused(where + " takes a whole number, not " + given.numbers().get(0).toPlainString());
            }
        }
        if (!given.numbers().isEmpty()) {
            throw new Refused(where + " takes a coded answer, not a number");
        }
        List<String> codes = given.coded().stream().map(Code::code).toList();
        if (item.kind() == ItemKind.CHOICE && codes.size() != 1) {
            throw new Refused(where + " takes one answer, not " + codes.size());
        }
        for (String c : codes) {
            if (item.option(c).isEmpty()) {
                throw new Refused(where + ": answer " + c + " is not one of its options");
            }
        }
        return Answer.choices(item.code(), codes);
    }

    private static String text(Path file, String which) {
        try {
            if (Files.isDirectory(file)) {
                throw new Refused(which + "it is a folder, not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new Refused(which + "it is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Refused(which + "there is no such file");
        } catch (AccessDeniedException e) {
            throw new Refused(which + "the file may not be read (permission denied)");
        } catch (IOException e) {
            throw new Refused(which + "the file could not be read");
        }
    }

    /** Why a response is not scored, in one line of words and codes (never the file's name or content). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }

        public String reason() {
            return getMessage();
        }
    }

    /**
     * Reads and scores a QuestionnaireResponse file.
     *
     * @throws Refused saying why: missing, unreadable, not JSON, not a QuestionnaireResponse, an instrument Tandem
     *                 does not know, or items or answers the instrument does not have
     */
    public Score score(Path file) {
        String json;
        try {
            if (Files.isDirectory(file)) {
                throw new Refused("it is a folder, not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new Refused("it is larger than " + MAX_BYTES / (1024 * 1024) + " MB, too large for a response");
            }
            json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Refused("there is no such file");
        } catch (AccessDeniedException e) {
            throw new Refused("the file may not be read (permission denied)");
        } catch (IOException e) {
            throw new Refused("the file could not be read");
        }
        return score(json);
    }

    /** As {@link #score(Path)}, for a response's JSON text. */
    public Score score(String json) {
        ResponseReader.Response response = read(json);
        List<ResponseItem> answered = response.items().stream().filter(i -> i.answerCount() > 0).toList();
        if (answered.isEmpty()) {
            throw new Refused("it has no answers");
        }
        InstrumentLibrary library = library();
        Set<String> itemCodes = new LinkedHashSet<>();
        answered.forEach(i -> itemCodes.add(i.code()));
        Instrument instrument = library.recognise(response.canonical(), response.pathCodes(), itemCodes)
                .orElseThrow(() -> new Refused("not an instrument Tandem knows (" + unknownWhy(library, answered) + ")"));

        List<String> foreign = answered.stream()
                .filter(i -> !InstrumentLibrary.isDerived(instrument, i.code()) && instrument.item(i.code()).isEmpty())
                .map(ResponseItem::linkId).toList();
        if (!foreign.isEmpty()) {
            throw new Refused("items not LOINC-coded or not of " + instrument.id() + ": " + list(foreign));
        }
        List<Answer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResponseItem i : answered) {
            if (InstrumentLibrary.isDerived(instrument, i.code())) {
                continue;
            }
            if (!seen.add(i.code())) {
                throw new Refused("item " + i.code() + " is answered more than once");
            }
            answers.add(answer(instrument.id(), instrument.item(i.code()).orElseThrow(), i));
        }
        try {
            return Scorer.score(instrument, answers);
        } catch (IllegalArgumentException e) {
            throw new Refused(instrument.id() + ": " + e.getMessage());
        }
    }

    private InstrumentLibrary library() {
        try {
            return instruments.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.INSTRUMENTS_DAMAGED, e);
        }
    }

    /** The answer to one item as Tandem records it; the Scorer then checks each code against the item's options. */
    private static Answer answer(String instrumentId, Item item, ResponseItem given) {
        String where = instrumentId + " item " + item.code();
        if (!given.otherTypes().isEmpty()) {
            throw new Refused(where + " has an answer of type " + given.otherTypes().get(0)
                    + ", not a LOINC coding or a number");
        }
        if (item.kind() == ItemKind.INTEGER) {
            if (!given.coded().isEmpty() || given.numbers().size() != 1) {
                throw new Refused(where + " takes one whole number");
            }
            BigDecimal n = given.numbers().get(0);
            try {
                return Answer.value(item.code(), n.intValueExact());
            } catch (ArithmeticException e) {
                throw new Refused(where + " takes a whole number, not " + n.toPlainString());
            }
        }
        if (!given.numbers().isEmpty()) {
            throw new Refused(where + " takes a LOINC answer code, not a number");
        }
        for (Code c : given.coded()) {
            if (!c.loinc()) {
                throw new Refused(where + " has an answer that is not LOINC-coded (" + c.system() + ")");
            }
        }
        List<String> codes = given.coded().stream().map(Code::code).toList();
        if (item.kind() == ItemKind.CHOICE) {
            if (codes.size() != 1) {
                throw new Refused(where + " takes one answer, not " + codes.size());
            }
            return Answer.choice(item.code(), codes.get(0));
        }
        return Answer.choices(item.code(), codes);
    }

    /** Why no instrument was recognised, naming at most a few link ids or codes. */
    private static String unknownWhy(InstrumentLibrary library, List<ResponseItem> answered) {
        List<String> notLoinc = answered.stream().filter(i -> !i.loinc()).map(ResponseItem::linkId).toList();
        if (!notLoinc.isEmpty()) {
            return "items not LOINC-coded: " + list(notLoinc);
        }
        Set<String> known = new HashSet<>();
        for (Instrument i : library.all()) {
            i.items().forEach(item -> known.add(item.code()));
            if (i.rules().totalCode() != null) {
                known.add(i.rules().totalCode());
            }
            known.addAll(i.rules().derivedCodes());
        }
        List<String> unknown = answered.stream().map(ResponseItem::code).filter(c -> !known.contains(c))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            return "items of no instrument Tandem knows: " + list(unknown);
        }
        return "its items are not all of one instrument";
    }

    private static String list(List<String> codes) {
        String shown = String.join(", ", codes.subList(0, Math.min(LISTED, codes.size())));
        return codes.size() > LISTED ? shown + " and " + (codes.size() - LISTED) + " more" : shown;
    }

    private ResponseReader.Response read(String json) {
        if (json.isBlank()) {
            throw new Refused("the file is empty");
        }
        try {
            return reader.read(json);
        } catch (FhirFileException e) {
            throw new Refused(e.getMessage());
        }
    }
}
