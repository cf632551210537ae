package care.tandem.interop.instrument;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Band;
import care.tandem.domain.screening.CriticalRule;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.LocalText;
import care.tandem.domain.screening.Rule;
import care.tandem.domain.screening.ScoringRules;
import care.tandem.domain.screening.ScreeningDomain;
import care.tandem.domain.screening.TierRule;
import care.tandem.interop.fhir.FhirFileException;
import care.tandem.interop.fhir.FhirJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an instrument: a FHIR R4 Questionnaire (LOINC-coded items and answers, points as {@code ordinalValue},
 * other languages as {@code translation} extensions) and Tandem's scoring rules beside it, and checks that the
 * two agree before anything is scored with them.
 */
public final class InstrumentReader {
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final String BUNDLED = "/care/tandem/instruments/";

    private final FhirJson fhir;
    private final ObjectMapper json = new ObjectMapper();

    public InstrumentReader(FhirJson fhir) {
        this.fhir = fhir;
    }

    /** The instruments shipped with Tandem, as listed in {@code instruments/index.json}. */
    public InstrumentLibrary bundled() {
        List<Instrument> all = new ArrayList<>();
        try {
            for (JsonNode id : json.readTree(resource("index.json"))) {
                String rulesFile = id.asText() + ".rules.json";
                JsonNode rules = json.readTree(resource(rulesFile));
                String qFile = text(rules, "questionnaire", rulesFile);
                all.add(read(qFile, resource(qFile), rulesFile, rules));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InstrumentLibrary(all);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InstrumentReader.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new InstrumentFileException(name, "missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Reads and checks one instrument from its Questionnaire JSON and its rules JSON. */
    public Instrument read(String qFile, String questionnaireJson, String rulesFile, JsonNode rules) {
        Questionnaire q;
        try {
            q = fhir.parseStrict(questionnaireJson, Questionnaire.class);
        } catch (FhirFileException e) {
            throw new InstrumentFileException(qFile, e.getMessage());
        }
        String id = text(rules, "instrument", rulesFile);
        Map<String, String> languageStatus = new LinkedHashMap<>();
        rules.path("languages").fields().forEachRemaining(f -> languageStatus.put(f.getKey(), f.getValue().asText()));
        if (!"verified".equals(languageStatus.get("en"))) {
            throw new InstrumentFileException(rulesFile, "English must be listed as verified");
        }

        LocalText stem = null;
        List<QuestionnaireItemComponent> top = q.getItem();
        if (!top.isEmpty() && top.get(0).getType() == Questionnaire.QuestionnaireItemType.DISPLAY) {
            stem = local(top.get(0).getTextElement());
            top = top.subList(1, top.size());
        }
        List<Item> items = new ArrayList<>();
        collect(qFile, top, null, items);
        ScoringRules scoring = rules(rulesFile, rules);
        Set<String> verified = new LinkedHashSet<>();
        Set<String> unverified = new LinkedHashSet<>();
        languageStatus.forEach((lang, status) -> (status.equals("verified") ? verified : unverified).add(lang));
        String panel = q.getCode().isEmpty() ? null : q.getCodeFirstRep().getCode();
        Instrument instrument = new Instrument(id, q.getUrl(), q.getVersion(), panel, local(q.getTitleElement()),
                stem, local(q.getCopyrightElement()), items, scoring, verified, unverified,
                rules.path("scoreEntry").asBoolean(false));
        InstrumentChecks.check(qFile, rulesFile, instrument);
        return instrument;
    }

    /**
     * Adds the questions of these items, groups opened, in order. A group's text, or a display item inside it,
     * introduces the questions after it in that group (the form's section instructions).
     */
    private static void collect(String file, List<QuestionnaireItemComponent> items, LocalText intro, List<Item> out) {
        LocalText current = intro;
        for (QuestionnaireItemComponent i : items) {
            switch (i.getType()) {
                case GROUP -> collect(file, i.getItem(), i.hasText() ? local(i.getTextElement()) : current, out);
                case DISPLAY -> current = local(i.getTextElement());
                default -> out.add(item(file, i, out.size() + 1, current));
            }
        }
    }

    private static Item item(String file, QuestionnaireItemComponent qi, int number, LocalText intro) {
        String code = qi.getCode().isEmpty() ? qi.getLinkId() : qi.getCodeFirstRep().getCode();
        ItemKind kind = switch (qi.getType()) {
            case CHOICE, OPENCHOICE -> qi.getRepeats() ? ItemKind.MULTI_CHOICE : ItemKind.CHOICE;
            case INTEGER -> ItemKind.INTEGER;
            default -> throw new InstrumentFileException(file, "item " + qi.getLinkId() + " has type "
                    + qi.getType().toCode() + ", which Tandem cannot give");
        };
        List<AnswerOption> options = new ArrayList<>();
        for (Questionnaire.QuestionnaireItemAnswerOptionComponent o : qi.getAnswerOption()) {
            if (!(o.getValue() instanceof Coding c)) {
                throw new InstrumentFileException(file, "item " + qi.getLinkId() + " has an answer that is not coded");
            }
            options.add(new AnswerOption(c.getCode(), local(c.getDisplayElement()), points(o, c)));
        }
        Integer min = intExtension(qi, MIN_VALUE);
        Integer max = intExtension(qi, MAX_VALUE);
        return new Item(code, number, intro, local(qi.getTextElement()), kind, options, min, max);
    }

    private static Integer points(Element option, Coding coding) {
        for (Element e : List.of(option, coding)) {
            for (Extension x : e.getExtension()) {
                if ((ORDINAL.equals(x.getUrl()) || ITEM_WEIGHT.equals(x.getUrl())) && x.getValue() != null) {
                    return new java.math.BigDecimal(x.getValue().primitiveValue()).intValueExact();
                }
            }
        }
        return null;
    }

    private static Integer intExtension(QuestionnaireItemComponent qi, String url) {
        Extension x = qi.getExtensionByUrl(url);
        return x != null && x.getValue() instanceof IntegerType i ? i.getValue() : null;
    }

    /** A text with the languages its translation extensions carry; the element's own text is English. */
    static LocalText local(PrimitiveType<?> element) {
        return local(element, "en");
    }

    /** As {@link #local(PrimitiveType)}, for a file whose own language (its element texts) is {@code own}. */
    static LocalText local(PrimitiveType<?> element, String own) {
        Map<String, String> texts = new HashMap<>();
        if (element.getValueAsString() != null) {
            texts.put(own, element.getValueAsString());
        }
        for (Extension t : element.getExtensionsByUrl(TRANSLATION)) {
            Extension lang = t.getExtensionByUrl("lang");
            Extension content = t.getExtensionByUrl("content");
            if (lang != null && content != null) {
                texts.put(((Type) lang.getValue()).primitiveValue(), ((Type) content.getValue()).primitiveValue());
            }
        }
        return new LocalText(texts);
    }

    static ScoringRules rules(String file, JsonNode r) {
        JsonNode total = r.path("total");
        List<Band> bands = new ArrayList<>();
        for (JsonNode b : r.path("bands")) {
            bands.add(new Band(text(b, "id", file), b.path("min").asInt(), b.path("max").asInt()));
        }
        List<ScreeningDomain> domains = new ArrayList<>();
        for (JsonNode d : r.path("domains")) {
            List<Rule> dr = new ArrayList<>();
            for (JsonNode x : d.path("rules")) {
                List<String> its = strings(x.path("items"));
                dr.add(switch (text(x, "kind", file)) {
                    case "sum-at-least" -> new Rule.SumAtLeast(its, x.path("threshold").asInt());
                    case "answer-in" -> new Rule.AnswerIn(its, new HashSet<>(strings(x.path("answers"))));
                    case "value-at-least" -> new Rule.ValueAtLeast(its, x.path("threshold").asInt());
                    case "not-scored" -> new Rule.NotScored(its);
                    default -> throw new InstrumentFileException(file, "unknown rule kind " + x.path("kind").asText());
                });
            }
            domains.add(new ScreeningDomain(text(d, "id", file), d.path("core").asBoolean(),
                    d.path("private").asBoolean(), dr));
        }
        List<CriticalRule> critical = new ArrayList<>();
        for (JsonNode c : r.path("critical")) {
            critical.add(new CriticalRule(text(c, "item", file), c.path("minPoints").asInt(1),
                    c.path("askDirectlyIfDeclined").asBoolean()));
        }
        Map<String, String> aliases = new HashMap<>();
        r.path("answerAliases").fields().forEachRemaining(f -> aliases.put(f.getKey(), f.getValue().asText()));
        JsonNode t = r.path("tier");
        TierRule tier = t.isObject() ? new TierRule(text(t, "countItem", file), text(t, "conditionItem", file),
                text(t, "yesCode", file)) : null;
        JsonNode followUp = r.path("followUp");
        return new ScoringRules(total.path("code").isTextual() ? total.path("code").asText() : null,
                strings(total.path("items")), bands, domains, critical, new HashSet<>(strings(r.path("reverse"))),
                new HashSet<>(strings(r.path("declineCodes"))), aliases, new HashSet<>(strings(r.path("panelCodes"))),
                new HashSet<>(strings(r.path("canonicals"))), new HashSet<>(strings(r.path("derivedCodes"))),
                followUp.isTextual() ? followUp.asText() : null, tier, text(r, "source", file));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field, String file) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InstrumentFileException(file, "\"" + field + "\" is missing");
        }
        return v.asText();
    }

    /** Parses a rules file's JSON text. */
    public JsonNode parseRules(String file, String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new InstrumentFileException(file, "it is not JSON");
        }
    }
}
