package care.tandem.interop.instrument;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Band;
import care.tandem.domain.screening.CriticalRule;
import care.tandem.domain.screening.EnableWhen;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.LocalText;
import care.tandem.domain.screening.Rule;
import care.tandem.domain.screening.ScoringRules;
import care.tandem.domain.screening.ScreeningDomain;
import care.tandem.domain.screening.TierRule;
import care.tandem.interop.fhir.FhirJson;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports a clinic's FHIR R4 Questionnaire (a licensed EPDS, its own Spanish translation, a form another system
 * wrote) into Tandem's instrument model (ADR 0005, ADR 0008): the Questionnaire's items, answers, points
 * ({@code ordinalValue} or {@code itemWeight}), {@code enableWhen} and translations, plus scoring rules derived
 * from what the file carries (a {@code calculatedExpression} that sums, or points on every question), from the
 * instrument it is a version of (the published rules of a bundled PHQ-9 carry over), and from the clinic's marks.
 * What Tandem cannot honour is listed, never silently dropped; a file that is not an R4 Questionnaire is refused.
 */
public final class QuestionnaireImporter {
    /** Items that are critical wherever they appear: PHQ-9 item 9 (thoughts of self-harm). */
    public static final Set<String> KNOWN_CRITICAL = Set.of("44260-8");
    /** Larger than any real Questionnaire; refused unread. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    static final String CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
    static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";
    private static final String LOINC = "http://loinc.org";
    /** Default bounds of a whole-number question whose file gives none. */
    static final int DEFAULT_MIN = 0;
    static final int DEFAULT_MAX = 999;
    private static final Set<String> R5_ELEMENTS = Set.of("answerConstraint", "disabledDisplay",
            "versionAlgorithmString", "versionAlgorithmCoding", "copyrightLabel");
    private static final Set<String> R5_TYPES = Set.of("coding", "question");
    /** Extensions Tandem reads. */
    private static final Set<String> READ = Set.of(InstrumentReader.TRANSLATION, InstrumentReader.ORDINAL,
            InstrumentReader.ITEM_WEIGHT, InstrumentReader.MIN_VALUE, InstrumentReader.MAX_VALUE, CALCULATED, VARIABLE);
    /** Extensions about how a form looks or about the file itself, which change nothing Tandem does. */
    private static final Set<String> HARMLESS = Set.of(
            "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
            "http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix",
            "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
            "http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory",
            "http://hl7.org/fhir/StructureDefinition/rendering-style",
            "http://hl7.org/fhir/StructureDefinition/rendering-xhtml",
            "http://hl7.org/fhir/StructureDefinition/rendering-markdown",
            "http://hl7.org/fhir/StructureDefinition/rendering-styleSensitive",
            "http://hl7.org/fhir/StructureDefinition/artifact-versionAlgorithm",
            "http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status",
            "http://hl7.org/fhir/StructureDefinition/structuredefinition-fmm",
            "http://hl7.org/fhir/StructureDefinition/structuredefinition-wg",
            "http://hl7.org/fhir/StructureDefinition/questionnaire-supportLink");

    private final FhirJson fhir;
    private final ObjectMapper json = new ObjectMapper();

    public QuestionnaireImporter(FhirJson fhir) {
        this.fhir = fhir;
    }

    /** How an import relates to what Tandem has. */
    public enum Kind {
        /** An instrument Tandem did not have. */
        NEW,
        /** Another version of an instrument Tandem has (same url, same LOINC panel, or the same published form). */
        VERSION,
        /** The same items and answers as the current version, in a language it lacks: adds that language. */
        TRANSLATION
    }

    /** An imported Questionnaire Tandem already holds: its instrument id, version label, url and panel code. */
    public record Existing(String id, String version, String url, String panelCode) {
    }

    /**
     * What an import will add.
     *
     * @param instrument     the instrument as Tandem will give it, or null when it cannot be given
     *                       ({@code unusable} says why: a Questionnaire with no questions)
     * @param versionOf      the instrument this is a version (or translation) of, or null for a new one
     * @param urlGenerated   the file had no {@code url}: {@code url} was made for it
     * @param rules          the derived scoring rules, in the rules-file format of the bundled instruments
     * @param linkIds        each question's linkId and the item code Tandem knows it by
     * @param notAsked       linkIds of items Tandem does not ask (calculated, or of a type it cannot give)
     * @param losesCritical  critical items of the instrument it versions that this file lacks (it may not become
     *                       current while this is not empty)
     * @param notHonoured    what the file says that Tandem cannot honour, one line each
     * @param recognisedBy   how it was recognised as a version: "url", "panel" (its LOINC panel code) or "title"
     *                       (its title and scored questions); null for a new instrument
     */
    public record Plan(Kind kind, String id, String version, String versionOf, String url, boolean urlGenerated,
                       String fileVersion, String language, Set<String> languages, String title, String panelCode,
                       Instrument instrument, String unusable, JsonNode rules, Map<String, String> linkIds,
                       Set<String> notAsked, List<String> losesCritical, List<String> notHonoured,
                       String recognisedBy) {
        public Plan {
            languages = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(languages));
            linkIds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(linkIds));
            notAsked = Set.copyOf(notAsked);
            losesCritical = List.copyOf(losesCritical);
            notHonoured = List.copyOf(notHonoured);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Planning an import
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Reads a Questionnaire and says what importing it would add, without storing anything.
     *
     * @param known    the instruments Tandem has (bundled and imported, every version)
     * @param existing every imported Questionnaire Tandem holds, including those that cannot be given
     * @throws QuestionnaireRefused saying why the file is not an importable R4 Questionnaire, or why a mark cannot
     *                              be applied
     */
    public Plan plan(String text, InstrumentLibrary known, Collection<Existing> existing, ImportMarks marks) {
        Read r = read(text, null);
        Match match = recognise(r, known, existing);
        String id = match == null ? newId(r, known, existing) : match.id;
        Instrument base = match == null ? null : known.find(id).orElse(null);
        List<String> notes = new ArrayList<>(r.notes);
        Set<String> computed = new HashSet<>();
        if (base != null) {
            computed.addAll(base.rules().derivedCodes());
            if (base.rules().totalCode() != null) {
                computed.add(base.rules().totalCode());
            }
            // What the instrument computes (its total, the HVS risk) is not asked, whatever the file's type for it.
            notAsking(r, computed);
        }
        r.leftOut.forEach((link, why) -> {
            if (!computed.contains(why[0])) {
                notes.add(why[1]);
            }
        });
        Map<String, String> map = base == null ? Map.of() : mapping(r, base);
        List<String> lost = new ArrayList<>();
        ScoringRules rules = r.items.isEmpty() ? emptyRules(r, base)
                : derive(r, id, base, map, marks, notes, lost);
        Kind kind = match == null ? Kind.NEW : Kind.VERSION;
        if (base != null && isTranslation(r, base)) {
            kind = Kind.TRANSLATION;
        }
        String version = versionLabel(r.fileVersion, id, known, existing) + "-" + fingerprint(text, marks);
        Instrument instrument = null;
        String unusable = null;
        if (r.items.isEmpty()) {
            unusable = "it has no questions Tandem can ask";
        } else {
            instrument = instrument(r, id, version, rules);
        }
        if (!lost.isEmpty()) {
            notes.add("critical item" + (lost.size() > 1 ? "s " : " ") + String.join(", ", lost) + " of " + id
                    + (lost.size() > 1 ? " are" : " is") + " not in this file: this version can never become current");
        }
        return new Plan(kind, id, version, match == null ? null : id, r.url, r.urlGenerated, r.fileVersion,
                r.language, r.languages, r.title.in("en"), r.panelCode, instrument, unusable,
                rulesJson(id, rules, r.languages), r.linkIds, r.notAsked, lost,
                notes.stream().distinct().toList(), match == null ? null : match.how);
    }

    /** The rules of a Questionnaire with nothing to ask (stored for its metadata; never given). */
    private static ScoringRules emptyRules(Read r, Instrument base) {
        Set<String> panels = new HashSet<>();
        if (r.panelCode != null) {
            panels.add(r.panelCode);
        }
        return new ScoringRules(null, List.of(), List.of(), List.of(), List.of(), Set.of(), Set.of(), Map.of(), panels,
                Set.of(), Set.of(), null, null, base == null ? "Derived from the imported Questionnaire"
                : "A version of " + base.id() + " with no questions");
    }

    /**
     * The instrument of an import Tandem stored: the file read again with the rules derived when it was imported
     * (the clinic's marks included).
     *
     * @param url the url it was stored under (made at import when the file had none)
     */
    public Instrument rebuild(String text, String url, String id, String version, JsonNode rules) {
        Read r = read(text, url);
        ScoringRules scoring = InstrumentReader.rules(id + " " + version, rules);
        Set<String> computed = new HashSet<>(scoring.derivedCodes());
        if (scoring.totalCode() != null) {
            computed.add(scoring.totalCode());
        }
        notAsking(r, computed);
        if (r.items.isEmpty()) {
            throw new InstrumentFileException(id + " " + version, "it has no questions Tandem can ask");
        }
        return instrument(r, id, version, scoring);
    }

    /** Takes what an instrument computes (its total, the HVS risk) out of the questions, and numbers the rest. */
    private static void notAsking(Read r, Set<String> computed) {
        for (Item i : List.copyOf(r.items)) {
            if (computed.contains(i.code())) {
                r.items.remove(i);
                r.notAsked.add(r.codeToLink.get(i.code()));
                r.requiredCodes.remove(i.code());
            }
        }
        for (int k = 0; k < r.items.size(); k++) {
            Item i = r.items.get(k);
            if (i.number() != k + 1) {
                r.items.set(k, new Item(i.code(), k + 1, i.intro(), i.text(), i.kind(), i.options(), i.min(), i.max()));
            }
        }
    }

    /** The linkId map of a Questionnaire as {@link #plan} reads it (for scoring a response by its linkIds). */
    public Plan standalone(String text, InstrumentLibrary bundled) {
        return plan(text, bundled, List.of(), ImportMarks.none());
    }

    private Instrument instrument(Read r, String id, String version, ScoringRules rules) {
        Set<String> langs = r.languages;
        Set<String> verified = new LinkedHashSet<>(langs);
        Instrument in = new Instrument(id, r.url, version, r.panelCode, r.title, r.stem, r.copyright, r.items, rules,
                verified, Set.of(), false, r.enableWhen);
        try {
            InstrumentChecks.check(id, id, in, true);
        } catch (InstrumentFileException e) {
            throw new QuestionnaireRefused("Tandem could not make a consistent instrument of it: " + e.getMessage());
        }
        return in;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reading the file
    // ------------------------------------------------------------------------------------------------------------

    /** What Tandem reads from one Questionnaire file. */
    private static final class Read {
        String url;
        boolean urlGenerated;
        String fileVersion;
        String language;
        String resourceId;
        String name;
        String panelCode;
        LocalText title;
        LocalText stem;
        LocalText copyright;
        final List<Item> items = new ArrayList<>();
        final Map<String, String> linkIds = new LinkedHashMap<>();
        final Map<String, String> codeToLink = new HashMap<>();
        final Map<String, EnableWhen> enableWhen = new LinkedHashMap<>();
        final Set<String> requiredCodes = new LinkedHashSet<>();
        final Set<String> notAsked = new LinkedHashSet<>();
        final Set<String> languages = new LinkedHashSet<>();
        /** Items a sum expression adds up (codes), and the code of the item that holds the sum; null if none. */
        List<String> sumItems;
        String sumCode;
        final Set<String> calculatedCodes = new LinkedHashSet<>();
        final List<String> notes = new ArrayList<>();
        /** Items not asked, by linkId: their code and why. */
        final Map<String, String[]> leftOut = new LinkedHashMap<>();
        final Map<String, List<String>> ignoredExtensions = new TreeMap<>();
        final Map<String, ValueSet> contained = new HashMap<>();
        final Map<String, String> variables = new HashMap<>();
    }

    private Read read(String text, String storedUrl) {
        JsonNode tree = precheck(text);
        Read r = new Read();
        Questionnaire q = parse(text, r.notes);
        r.language = language(q.getLanguage());
        r.resourceId = q.getIdElement().getIdPart();
        r.name = q.getName();
        r.fileVersion = q.hasVersion() ? q.getVersion() : null;
        if (storedUrl != null) {
            r.url = storedUrl;
            r.urlGenerated = !q.hasUrl();
        } else if (q.hasUrl() && !q.getUrl().isBlank()) {
            r.url = q.getUrl().strip();
        } else {
            r.url = "urn:uuid:" + UUID.randomUUID();
            r.urlGenerated = true;
        }
        r.panelCode = panel(q);
        r.title = q.hasTitle() ? local(q.getTitleElement(), r.language)
                : LocalText.english(q.hasName() ? q.getName() : "Imported questionnaire");
        r.copyright = q.hasCopyright() ? local(q.getCopyrightElement(), r.language) : null;
        for (Resource c : q.getContained()) {
            if (c instanceof ValueSet vs) {
                r.contained.put(vs.getIdElement().getIdPart().replaceFirst("^#", ""), vs);
            }
        }
        for (Extension x : q.getExtension()) {
            variable(r, x);
            extension(r, x, "the Questionnaire");
        }
        List<QuestionnaireItemComponent> top = q.getItem();
        if (!top.isEmpty() && top.get(0).getType() == Questionnaire.QuestionnaireItemType.DISPLAY
                && top.get(0).getItem().isEmpty()) {
            r.stem = local(top.get(0).getTextElement(), r.language);
            top = top.subList(1, top.size());
        }
        Set<String> seen = new HashSet<>();
        checkLinkIds(q.getItem(), seen);
        Map<QuestionnaireItemComponent, String> calculated = new LinkedHashMap<>();
        collect(r, top, null, calculated);
        for (var e : calculated.entrySet()) {
            calculation(r, e.getKey(), e.getValue());
        }
        for (QuestionnaireItemComponent i : allItems(q.getItem())) {
            enableWhen(r, i);
        }
        r.ignoredExtensions.forEach((url, where) -> r.notes.add("extension " + shortName(url) + " is ignored ("
                + (where.size() == 1 ? where.get(0) : where.size() + " places") + ")"));
        languages(r);
        if (tree.path("item").isMissingNode() || r.items.isEmpty()) {
            r.notes.add("it has no questions Tandem can ask: it is kept, but cannot be given");
        }
        return r;
    }

    /** JSON, a Questionnaire, R4: refused with the reason otherwise. */
    private JsonNode precheck(String text) {
        if (text == null || text.isBlank()) {
            throw new QuestionnaireRefused("the file is empty");
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new QuestionnaireRefused("it is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new QuestionnaireRefused("it is not a FHIR resource (a JSON object)");
        }
        JsonNode type = tree.path("resourceType");
        if (!type.isTextual()) {
            throw new QuestionnaireRefused("it has no FHIR resourceType");
        }
        if (!type.asText().equals("Questionnaire")) {
            throw new QuestionnaireRefused("it is a " + type.asText() + ", not a Questionnaire");
        }
        String r5 = r5(tree);
        if (r5 != null) {
            throw new QuestionnaireRefused("it is FHIR R5 (" + r5 + "); Tandem imports FHIR R4 Questionnaires");
        }
        if (tree.path("fhirVersion").isTextual() && tree.path("fhirVersion").asText().startsWith("5")) {
            throw new QuestionnaireRefused("it is FHIR R5; Tandem imports FHIR R4 Questionnaires");
        }
        if (hasModifier(tree)) {
            throw new QuestionnaireRefused("it has a modifierExtension, which changes what the form means and "
                    + "which Tandem cannot read");
        }
        if (!tree.path("status").isTextual()) {
            throw new QuestionnaireRefused("it has no status (draft, active, retired), which every R4 Questionnaire has");
        }
        return tree;
    }

    private static String r5(JsonNode node) {
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (R5_ELEMENTS.contains(f.getKey())) {
                    return f.getKey();
                }
                if (f.getKey().equals("type") && f.getValue().isTextual() && R5_TYPES.contains(f.getValue().asText())
                        && node.has("linkId")) {
                    return "item type " + f.getValue().asText();
                }
                String deeper = r5(f.getValue());
                if (deeper != null) {
                    return deeper;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                String deeper = r5(n);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private static boolean hasModifier(JsonNode node) {
        if (node.isObject()) {
            if (node.has("modifierExtension") && !node.path("resourceType").isTextual()
                    || node.has("modifierExtension") && node.path("resourceType").asText().equals("Questionnaire")) {
                return true;
            }
            var it = node.fields();
            while (it.hasNext()) {
                var f = it.next();
                if (!f.getKey().equals("contained") && hasModifier(f.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (hasModifier(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Questionnaire parse(String text, List<String> notes) {
        List<String> problems = new ArrayList<>();
        LenientErrorHandler handler = new LenientErrorHandler(false) {
            @Override
            public void invalidValue(IParseLocation location, String value, String error) {
                problems.add("an invalid value in " + where(location));
            }

            @Override
            public void incorrectJsonType(IParseLocation location, String element,
                                          BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                                          BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
                problems.add("a value of the wrong JSON type in " + element);
            }
        };
        handler.setErrorOnInvalidValue(false);
        IParser parser = fhir.context().newJsonParser().setParserErrorHandler(handler);
        try {
            return parser.parseResource(Questionnaire.class, text);
        } catch (DataFormatException | ClassCastException e) {
            throw new QuestionnaireRefused("it is not a valid FHIR R4 Questionnaire");
        } finally {
            // Read as written where HAPI can (a decimal written as a JSON string); said, not hidden.
            problems.stream().distinct().forEach(p -> notes.add("it is not valid R4: " + p + " (read as written)"));
        }
    }

    private static String where(ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation l) {
        return l == null || l.getParentElementName() == null ? "the file" : l.getParentElementName();
    }

    private static String language(String code) {
        if (code == null || code.isBlank()) {
            return "en";
        }
        return code.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    /** The Questionnaire's code, or the code of its one top-level group (SDOH CC PRAPARE): LOINC or no system. */
    private static String panel(Questionnaire q) {
        for (Coding c : q.getCode()) {
            if (c.hasCode() && (!c.hasSystem() || LOINC.equals(c.getSystem()))) {
                return c.getCode();
            }
        }
        List<QuestionnaireItemComponent> groups = q.getItem().stream()
                .filter(i -> i.getType() == Questionnaire.QuestionnaireItemType.GROUP).toList();
        if (q.getItem().size() == 1 && groups.size() == 1) {
            for (Coding c : groups.get(0).getCode()) {
                if (c.hasCode() && (!c.hasSystem() || LOINC.equals(c.getSystem()))) {
                    return c.getCode();
                }
            }
        }
        return null;
    }

    private static void checkLinkIds(List<QuestionnaireItemComponent> items, Set<String> seen) {
        for (QuestionnaireItemComponent i : items) {
            if (!i.hasLinkId() || i.getLinkId().isBlank()) {
                throw new QuestionnaireRefused("an item has no linkId, which every R4 Questionnaire item has");
            }
            if (!seen.add(i.getLinkId())) {
                throw new QuestionnaireRefused("linkId " + i.getLinkId() + " appears twice");
            }
            if (i.getType() == null || i.getType() == Questionnaire.QuestionnaireItemType.NULL) {
                throw new QuestionnaireRefused("item " + i.getLinkId() + " has no type, or one R4 does not have");
            }
            checkLinkIds(i.getItem(), seen);
        }
    }

    private static List<QuestionnaireItemComponent> allItems(List<QuestionnaireItemComponent> items) {
        List<QuestionnaireItemComponent> out = new ArrayList<>();
        for (QuestionnaireItemComponent i : items) {
            out.add(i);
            out.addAll(allItems(i.getItem()));
        }
        return out;
    }

    private static LocalText local(org.hl7.fhir.r4.model.PrimitiveType<?> element, String language) {
        return InstrumentReader.local(element, language);
    }

    /**
     * Adds the questions of these items, groups opened, in order; a group's text, or a display item, introduces the
     * questions after it. Calculated items are set aside for {@link #calculation}.
     */
    private void collect(Read r, List<QuestionnaireItemComponent> items, LocalText intro,
                         Map<QuestionnaireItemComponent, String> calculated) {
        LocalText current = intro;
        for (QuestionnaireItemComponent i : items) {
            String link = i.getLinkId();
            for (Extension x : i.getExtension()) {
                variable(r, x);
                extension(r, x, "item " + link);
            }
            if (i.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                if (i.getRepeats()) {
                    r.notes.add("group " + link + " repeats: Tandem asks it once");
                }
                collect(r, i.getItem(), i.hasText() ? local(i.getTextElement(), r.language) : current, calculated);
                continue;
            }
            if (i.getType() == Questionnaire.QuestionnaireItemType.DISPLAY) {
                current = i.hasText() ? local(i.getTextElement(), r.language) : current;
                continue;
            }
            String code = code(r, i);
            if (!i.getExtensionsByUrl(CALCULATED).isEmpty()) {
                calculated.put(i, code);
                r.notAsked.add(link);
                r.linkIds.put(link, code);
                r.calculatedCodes.add(code);
            } else {
                Item item = question(r, i, code, r.items.size() + 1, current);
                if (item == null) {
                    r.notAsked.add(link);
                } else {
                    r.items.add(item);
                    r.linkIds.put(link, code);
                    r.codeToLink.put(code, link);
                    if (i.getRequired()) {
                        r.requiredCodes.add(code);
                    }
                }
            }
            if (!i.getItem().isEmpty()) {
                // Questions nested under a question (shown with it): asked after it, in order.
                collect(r, i.getItem(), current, calculated);
            }
        }
    }

    /** The item code: its LOINC code (or a code without a system) when it has one used once, else its linkId. */
    private static String code(Read r, QuestionnaireItemComponent i) {
        for (Coding c : i.getCode()) {
            if (c.hasCode() && (!c.hasSystem() || LOINC.equals(c.getSystem()))
                    && !r.codeToLink.containsKey(c.getCode()) && !r.linkIds.containsValue(c.getCode())) {
                return c.getCode();
            }
        }
        return i.getLinkId();
    }

    private Item question(Read r, QuestionnaireItemComponent qi, String code, int number, LocalText intro) {
        String link = qi.getLinkId();
        ItemKind kind;
        switch (qi.getType()) {
            case CHOICE, OPENCHOICE -> kind = qi.getRepeats() ? ItemKind.MULTI_CHOICE : ItemKind.CHOICE;
            case INTEGER -> kind = ItemKind.INTEGER;
            default -> {
                r.leftOut.put(link, new String[]{code, "item " + link + " is of type " + qi.getType().toCode()
                        + ", which Tandem cannot ask: it is left out"});
                return null;
            }
        }
        if (qi.getType() == Questionnaire.QuestionnaireItemType.OPENCHOICE) {
            r.notes.add("item " + link + " allows a typed answer besides its options: Tandem offers the options only");
        }
        List<AnswerOption> options = new ArrayList<>();
        if (kind != ItemKind.INTEGER) {
            if (qi.hasAnswerValueSet()) {
                ValueSet vs = qi.getAnswerValueSet().startsWith("#")
                        ? r.contained.get(qi.getAnswerValueSet().substring(1)) : null;
                if (vs == null) {
                    r.notes.add("item " + link + " takes its answers from ValueSet " + qi.getAnswerValueSet()
                            + ", which is not in the file: it is left out");
                    return null;
                }
                for (ValueSet.ConceptSetComponent inc : vs.getCompose().getInclude()) {
                    for (ValueSet.ConceptReferenceComponent c : inc.getConcept()) {
                        options.add(new AnswerOption(c.getCode(), conceptDisplay(c, r.language), points(c)));
                    }
                }
                if (options.isEmpty()) {
                    for (ValueSet.ValueSetExpansionContainsComponent c : vs.getExpansion().getContains()) {
                        options.add(new AnswerOption(c.getCode(), LocalText.english(c.getDisplay()), points(c)));
                    }
                }
            }
            for (Questionnaire.QuestionnaireItemAnswerOptionComponent o : qi.getAnswerOption()) {
                if (!(o.getValue() instanceof Coding c) || !c.hasCode()) {
                    r.notes.add("item " + link + " has answers that are not codes: it is left out");
                    return null;
                }
                for (Extension x : o.getExtension()) {
                    extension(r, x, "an answer of item " + link);
                }
                options.add(new AnswerOption(c.getCode(), c.hasDisplay() ? local(c.getDisplayElement(), r.language)
                        : LocalText.english(c.getCode()), points(o, c)));
            }
            if (options.isEmpty()) {
                r.notes.add("item " + link + " has no answers Tandem can offer: it is left out");
                return null;
            }
            if (options.stream().map(AnswerOption::code).distinct().count() < options.size()) {
                r.notes.add("item " + link + " has two answers with one code: it is left out");
                return null;
            }
            if (options.stream().anyMatch(o -> o.points() != null) && options.stream().anyMatch(o -> o.points() == null)) {
                r.notes.add("item " + link + " has points on some answers only: answers without points count 0");
            }
        }
        Integer min = intExtension(qi, InstrumentReader.MIN_VALUE);
        Integer max = intExtension(qi, InstrumentReader.MAX_VALUE);
        if (kind == ItemKind.INTEGER && (min == null || max == null)) {
            min = min == null ? DEFAULT_MIN : min;
            max = max == null ? Math.max(DEFAULT_MAX, min) : max;
        }
        LocalText text = qi.hasText() ? local(qi.getTextElement(), r.language) : LocalText.english(link);
        return new Item(code, number, intro, text, kind, options, min, max);
    }

    private static LocalText conceptDisplay(ValueSet.ConceptReferenceComponent c, String language) {
        if (!c.hasDisplay()) {
            return LocalText.english(c.getCode());
        }
        Map<String, String> texts = new HashMap<>(local(c.getDisplayElement(), language).byLanguage());
        for (ValueSet.ConceptReferenceDesignationComponent d : c.getDesignation()) {
            if (d.hasLanguage() && d.hasValue()) {
                texts.putIfAbsent(language(d.getLanguage()), d.getValue());
            }
        }
        return new LocalText(texts);
    }

    private static Integer points(Element... elements) {
        for (Element e : elements) {
            for (Extension x : e.getExtension()) {
                if ((InstrumentReader.ORDINAL.equals(x.getUrl()) || InstrumentReader.ITEM_WEIGHT.equals(x.getUrl()))
                        && x.getValue() != null && x.getValue().primitiveValue() != null) {
                    try {
                        return new BigDecimal(x.getValue().primitiveValue().trim()).intValueExact();
                    } catch (ArithmeticException | NumberFormatException ex) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Integer intExtension(QuestionnaireItemComponent qi, String url) {
        Extension x = qi.getExtensionByUrl(url);
        if (x == null || x.getValue() == null) {
            return null;
        }
        if (x.getValue() instanceof IntegerType i) {
            return i.getValue();
        }
        if (x.getValue() instanceof DecimalType d && d.getValue() != null) {
            try {
                return d.getValue().intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static void variable(Read r, Extension x) {
        if (VARIABLE.equals(x.getUrl()) && x.getValue() instanceof Expression e && e.hasName() && e.hasExpression()) {
            r.variables.put(e.getName(), e.getExpression());
        }
    }

    /** Notes an extension Tandem neither reads nor may safely ignore. */
    private static void extension(Read r, Extension x, String where) {
        String url = x.getUrl();
        if (url == null || READ.contains(url) || HARMLESS.contains(url)) {
            return;
        }
        r.ignoredExtensions.computeIfAbsent(url, k -> new ArrayList<>()).add(where);
    }

    private static String shortName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Recognises a calculatedExpression that sums points; anything else is listed and the item is not computed. */
    private void calculation(Read r, QuestionnaireItemComponent i, String code) {
        Extension calc = i.getExtensionsByUrl(CALCULATED).get(0);
        String expression = calc.getValue() instanceof Expression e ? e.getExpression() : null;
        List<String> summed = expression == null ? null
                : SumExpressions.summedItems(expression, r.items, r.linkIds, r.variables);
        if (summed != null && r.sumItems == null) {
            r.sumItems = summed;
            r.sumCode = code;
            return;
        }
        r.leftOut.put(i.getLinkId(), new String[]{code, "item " + i.getLinkId() + " is calculated by an expression "
                + "that is not a sum of points Tandem recognises: Tandem does not compute it"});
    }

    private static void enableWhen(Read r, QuestionnaireItemComponent i) {
        if (!i.hasEnableWhen()) {
            if (i.getExtensionByUrl("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression") != null) {
                r.notes.add("item " + i.getLinkId() + " is shown by an expression (enableWhenExpression): Tandem "
                        + "always asks it");
            }
            return;
        }
        String target = r.linkIds.get(i.getLinkId());
        if (target == null || r.items.stream().noneMatch(it -> it.code().equals(target))) {
            if (i.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                r.notes.add("group " + i.getLinkId() + " has enableWhen: Tandem always asks its questions");
            }
            return;
        }
        List<EnableWhen.Condition> conditions = new ArrayList<>();
        for (QuestionnaireItemEnableWhenComponent w : i.getEnableWhen()) {
            EnableWhen.Condition c = condition(r, w);
            if (c == null) {
                r.notes.add("item " + i.getLinkId() + " has an enableWhen Tandem cannot check (" + w.getQuestion()
                        + " " + (w.hasOperator() ? w.getOperator().toCode() : "?") + "): Tandem always asks it");
                return;
            }
            conditions.add(c);
        }
        boolean all = !i.hasEnableBehavior() || i.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ALL;
        r.enableWhen.put(target, new EnableWhen(all, conditions));
    }

    private static EnableWhen.Condition condition(Read r, QuestionnaireItemEnableWhenComponent w) {
        String code = r.linkIds.get(w.getQuestion());
        Optional<Item> item = r.items.stream().filter(it -> it.code().equals(code)).findFirst();
        if (code == null || item.isEmpty() || !w.hasOperator()) {
            return null;
        }
        EnableWhen.Operator op = switch (w.getOperator()) {
            case EXISTS -> EnableWhen.Operator.EXISTS;
            case EQUAL -> EnableWhen.Operator.EQUALS;
            case NOT_EQUAL -> EnableWhen.Operator.NOT_EQUALS;
            case GREATER_THAN -> EnableWhen.Operator.GREATER;
            case LESS_THAN -> EnableWhen.Operator.LESS;
            case GREATER_OR_EQUAL -> EnableWhen.Operator.GREATER_OR_EQUAL;
            case LESS_OR_EQUAL -> EnableWhen.Operator.LESS_OR_EQUAL;
            default -> null;
        };
        if (op == null) {
            return null;
        }
        if (op == EnableWhen.Operator.EXISTS) {
            return w.hasAnswerBooleanType() ? new EnableWhen.Condition(code, op, null, null,
                    w.getAnswerBooleanType().booleanValue()) : null;
        }
        if (w.getAnswer() instanceof Coding c && item.get().kind() != ItemKind.INTEGER
                && (op == EnableWhen.Operator.EQUALS || op == EnableWhen.Operator.NOT_EQUALS)
                && item.get().option(c.getCode()).isPresent()) {
            return new EnableWhen.Condition(code, op, c.getCode(), null, false);
        }
        if (item.get().kind() == ItemKind.INTEGER) {
            Integer n = w.getAnswer() instanceof IntegerType it ? it.getValue()
                    : w.getAnswer() instanceof DecimalType d && d.getValue() != null
                    && d.getValue().stripTrailingZeros().scale() <= 0 ? d.getValue().intValue() : null;
            return n == null ? null : new EnableWhen.Condition(code, op, null, n, false);
        }
        return null;
    }

    /** The languages every text of the form has (the file's own language, plus its translation extensions). */
    private static void languages(Read r) {
        Set<String> langs = new LinkedHashSet<>(r.title.languages());
        List<LocalText> texts = new ArrayList<>();
        if (r.stem != null) {
            texts.add(r.stem);
        }
        for (Item i : r.items) {
            texts.add(i.text());
            if (i.intro() != null) {
                texts.add(i.intro());
            }
            i.options().forEach(o -> texts.add(o.display()));
        }
        texts.forEach(t -> langs.retainAll(t.languages()));
        if (langs.isEmpty()) {
            langs.add(r.language);
        }
        Set<String> seen = new LinkedHashSet<>();
        texts.forEach(t -> seen.addAll(t.languages()));
        seen.removeAll(langs);
        if (!seen.isEmpty()) {
            r.notes.add("wording in " + String.join(", ", seen) + " is incomplete (not every text has it): "
                    + "that language is not offered");
        }
        r.languages.addAll(langs.stream().sorted((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b))
                .toList());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Recognising what it is a version of
    // ------------------------------------------------------------------------------------------------------------

    private record Match(String id, String how) {
    }

    private static Match recognise(Read r, InstrumentLibrary known, Collection<Existing> existing) {
        if (!r.urlGenerated) {
            for (Instrument current : known.all()) {
                for (Instrument v : known.versions(current.id())) {
                    if (r.url.equals(v.url()) || v.rules().canonicals().contains(r.url)) {
                        return new Match(v.id(), "url");
                    }
                }
            }
            for (Existing e : existing) {
                if (r.url.equals(e.url())) {
                    return new Match(e.id(), "url");
                }
            }
        }
        if (r.panelCode != null) {
            for (Instrument i : known.all()) {
                if (i.rules().panelCodes().contains(r.panelCode) || r.panelCode.equals(i.panelCode())) {
                    return new Match(i.id(), "panel");
                }
            }
            for (Existing e : existing) {
                if (r.panelCode.equals(e.panelCode())) {
                    return new Match(e.id(), "panel");
                }
            }
        }
        for (Instrument i : known.all()) {
            if (sameTitle(r.title.in("en"), i.title().in("en")) && sameShape(r.items, i.items())) {
                return new Match(i.id(), "title");
            }
        }
        return null;
    }

    /** "Generalized Anxiety Disorder - 7" is the title "Generalized Anxiety Disorder-7 (GAD-7)". */
    static boolean sameTitle(String imported, String known) {
        String a = normal(imported);
        String b = normal(known.replaceAll("\\(.*\\)", ""));
        return !a.isEmpty() && b.length() >= 6 && (a.startsWith(b) || b.startsWith(a) && a.length() >= 6);
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The questions whose every answer has points: the scored ones, which decide whether two forms are the same. */
    private static List<Item> pointed(List<Item> items) {
        return items.stream().filter(i -> !i.options().isEmpty()
                && i.options().stream().allMatch(o -> o.points() != null)).toList();
    }

    /**
     * The same number of scored questions, each of the same kind with the same points on the same number of answers.
     */
    private static boolean sameShape(List<Item> all, List<Item> allOfOther) {
        List<Item> a = pointed(all);
        List<Item> b = pointed(allOfOther);
        if (a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            Item x = a.get(k);
            Item y = b.get(k);
            if (x.kind() != y.kind() || x.options().size() != y.options().size()) {
                return false;
            }
            for (int o = 0; o < x.options().size(); o++) {
                if (!java.util.Objects.equals(x.options().get(o).points(), y.options().get(o).points())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The base instrument's item codes mapped to this file's: by code, or by position for a same-shaped form. */
    private static Map<String, String> mapping(Read r, Instrument base) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Item b : base.items()) {
            if (r.items.stream().anyMatch(i -> i.code().equals(b.code()))) {
                map.put(b.code(), b.code());
            }
        }
        if (map.isEmpty() && sameShape(r.items, base.items())) {
            List<Item> a = pointed(base.items());
            List<Item> b = pointed(r.items);
            for (int k = 0; k < a.size(); k++) {
                map.put(a.get(k).code(), b.get(k).code());
            }
        }
        return map;
    }

    /** Same item and answer codes as the current version, with a language it lacks. */
    private static boolean isTranslation(Read r, Instrument base) {
        Set<String> a = new HashSet<>();
        r.items.forEach(i -> a.add(i.code()));
        Set<String> b = new HashSet<>();
        base.items().forEach(i -> b.add(i.code()));
        if (!a.equals(b)) {
            return false;
        }
        for (Item i : base.items()) {
            Item other = r.items.stream().filter(x -> x.code().equals(i.code())).findFirst().orElseThrow();
            Set<String> oa = new HashSet<>();
            other.options().forEach(o -> oa.add(o.code()));
            Set<String> ob = new HashSet<>();
            i.options().forEach(o -> ob.add(o.code()));
            if (!oa.equals(ob)) {
                return false;
            }
        }
        return r.languages.stream().anyMatch(l -> !base.languages().contains(l));
    }

    private static String newId(Read r, InstrumentLibrary known, Collection<Existing> existing) {
        String source = r.resourceId != null && !r.resourceId.isBlank() ? r.resourceId
                : r.name != null && !r.name.isBlank() ? r.name : r.title.in("en");
        String slug = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = "questionnaire";
        }
        Set<String> taken = new HashSet<>();
        known.all().forEach(i -> taken.add(i.id()));
        existing.forEach(e -> taken.add(e.id()));
        String id = slug;
        for (int n = 2; taken.contains(id); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    /**
     * Six hex digits of the SHA-256 of the file and the clinic's marks, which end every imported version label: two
     * laptops that import different files (or the same file with different marks) before they sync never make the
     * same label, and the same file with the same marks always makes the same one.
     */
    static String fingerprint(String text, ImportMarks marks) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(("\n" + String.join(",", marks.critical()) + "|" + marks.positiveAt())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A version label without its fingerprint. */
    private static String base(String label) {
        return label.matches(".*-[0-9a-f]{6}") ? label.substring(0, label.length() - 7) : label;
    }

    /** The file's version when this instrument has no version by that name, else "import-N". */
    private static String versionLabel(String fileVersion, String id, InstrumentLibrary known,
                                       Collection<Existing> existing) {
        Set<String> taken = new HashSet<>();
        known.versions(id).forEach(v -> taken.add(base(v.version())));
        existing.stream().filter(e -> e.id().equals(id)).forEach(e -> taken.add(base(e.version())));
        if (fileVersion != null && !fileVersion.isBlank() && !taken.contains(fileVersion.strip())) {
            return fileVersion.strip();
        }
        String label;
        int n = taken.size() + 1;
        do {
            label = "import-" + n++;
        } while (taken.contains(label));
        return label;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Deriving the scoring rules
    // ------------------------------------------------------------------------------------------------------------

    private ScoringRules derive(Read r, String id, Instrument base, Map<String, String> map, ImportMarks marks,
                                List<String> notes, List<String> lost) {
        fillPoints(r, base, map);
        String totalCode = null;
        List<String> totalItems = List.of();
        List<Band> bands = List.of();
        List<ScreeningDomain> domains = new ArrayList<>();
        List<CriticalRule> critical = new ArrayList<>();
        Set<String> reverse = new HashSet<>();
        Set<String> declines = new HashSet<>();
        Map<String, String> aliases = new HashMap<>();
        Set<String> panels = new HashSet<>();
        Set<String> canonicals = new HashSet<>();
        Set<String> derived = new HashSet<>(r.calculatedCodes);
        String followUp = null;
        TierRule tier = null;
        String source;
        if (base != null) {
            ScoringRules b = base.rules();
            source = "The published rules of " + base.id() + " (" + b.source() + "), carried over to this version";
            if (!b.totalItems().isEmpty()) {
                List<String> mapped = b.totalItems().stream().map(map::get).toList();
                if (mapped.contains(null)) {
                    notes.add("the total of " + base.id() + " needs items this file lacks: this version has no total");
                } else {
                    totalCode = b.totalCode();
                    totalItems = mapped;
                    bands = b.bands();
                }
            }
            for (ScreeningDomain d : b.domains()) {
                List<Rule> rules = new ArrayList<>();
                for (Rule rule : d.rules()) {
                    Rule m = mapRule(rule, map, base, r);
                    if (m == null) {
                        notes.add("the rule of " + base.id() + "'s " + d.id() + " domain reads items this file lacks: "
                                + "it is left out");
                    } else {
                        rules.add(m);
                    }
                }
                if (!rules.isEmpty()) {
                    domains.add(new ScreeningDomain(d.id(), d.core(), d.privateDomain(), rules));
                }
            }
            for (CriticalRule c : b.critical()) {
                String to = map.get(c.item());
                if (to == null) {
                    lost.add(c.item());
                } else {
                    critical.add(new CriticalRule(to, c.minPoints(), c.askDirectlyIfDeclined()));
                }
            }
            b.reverse().stream().map(map::get).filter(java.util.Objects::nonNull).forEach(reverse::add);
            Set<String> optionCodes = new HashSet<>();
            r.items.forEach(i -> i.options().forEach(o -> optionCodes.add(o.code())));
            b.declineCodes().stream().filter(optionCodes::contains).forEach(declines::add);
            aliases.putAll(b.answerAliases());
            panels.addAll(b.panelCodes());
            canonicals.addAll(b.canonicals());
            canonicals.add(base.url());
            derived.addAll(b.derivedCodes());
            if (b.totalCode() != null) {
                derived.add(b.totalCode());
            }
            followUp = b.followUp();
            if (b.tier() != null && map.containsKey(b.tier().countItem()) && map.containsKey(b.tier().conditionItem())) {
                tier = new TierRule(map.get(b.tier().countItem()), map.get(b.tier().conditionItem()), b.tier().yesCode());
            }
        } else {
            source = "Derived from the imported Questionnaire";
            if (r.sumItems != null) {
                totalCode = r.sumCode;
                totalItems = r.sumItems;
                source += ": its calculatedExpression sums the points of " + r.sumItems.size() + " items";
            } else if (!r.items.isEmpty() && r.notAsked.isEmpty() && r.items.stream().allMatch(i ->
                    !i.options().isEmpty() && i.options().stream().allMatch(o -> o.points() != null))) {
                totalItems = r.items.stream().map(Item::code).toList();
                source += ": every answer carries points, so the total is their sum";
            }
        }
        if (r.panelCode != null) {
            panels.add(r.panelCode);
        }
        if (totalCode != null) {
            derived.remove(totalCode);
        }
        derived.removeIf(c -> r.items.stream().anyMatch(i -> i.code().equals(c)));

        // The clinic's positive threshold.
        if (marks.positiveAt() != null) {
            if (totalItems.isEmpty()) {
                throw new QuestionnaireRefused("--positive-at needs a total, and this Questionnaire has none "
                        + "(no summing calculatedExpression, and not every answer has points)");
            }
            int max = 0;
            for (String c : totalItems) {
                Item i = r.items.stream().filter(x -> x.code().equals(c)).findFirst().orElseThrow();
                max += i.kind() == ItemKind.INTEGER ? i.max()
                        : i.options().stream().mapToInt(o -> o.points() == null ? 0 : o.points()).max().orElse(0);
            }
            if (marks.positiveAt() < 1 || marks.positiveAt() > max) {
                throw new QuestionnaireRefused("--positive-at " + marks.positiveAt() + " is outside the total's range "
                        + "(1 to " + max + ")");
            }
            List<String> total = totalItems;
            boolean replaced = false;
            List<ScreeningDomain> changed = new ArrayList<>();
            for (ScreeningDomain d : domains) {
                List<Rule> rules = new ArrayList<>();
                for (Rule rule : d.rules()) {
                    if (rule instanceof Rule.SumAtLeast s && s.items().equals(total)) {
                        rules.add(new Rule.SumAtLeast(s.items(), marks.positiveAt()));
                        replaced = true;
                    } else {
                        rules.add(rule);
                    }
                }
                changed.add(new ScreeningDomain(d.id(), d.core(), d.privateDomain(), rules));
            }
            domains = changed;
            if (!replaced) {
                domains.removeIf(d -> d.core() && d.rules().stream().allMatch(x -> x instanceof Rule.NotScored));
                domains.add(0, new ScreeningDomain("total", true, false,
                        List.of(new Rule.SumAtLeast(total, marks.positiveAt()))));
            }
        }
        if (domains.stream().noneMatch(ScreeningDomain::core)) {
            List<String> asked = !totalItems.isEmpty() ? totalItems
                    : !r.requiredCodes.isEmpty() ? List.copyOf(r.requiredCodes)
                    : r.items.stream().map(Item::code).toList();
            if (!asked.isEmpty()) {
                domains.add(new ScreeningDomain("answers", true, false, List.of(new Rule.NotScored(asked))));
            }
            if (!r.items.isEmpty()) {
                notes.add("it has no positive rule: its screens are recorded and totalled where it has a total, "
                        + "never called positive (an administrator can set one with --positive-at)");
            }
        }

        // Critical items: known ones (PHQ-9 item 9) wherever they appear, then the clinic's marks.
        for (Item i : r.items) {
            if (KNOWN_CRITICAL.contains(i.code()) && critical.stream().noneMatch(c -> c.item().equals(i.code()))
                    && maxPoints(i) >= 1) {
                critical.add(new CriticalRule(i.code(), 1, true));
            }
        }
        for (String link : marks.critical()) {
            String code = r.linkIds.get(link);
            if (code == null) {
                code = r.items.stream().map(Item::code).filter(link::equals).findFirst().orElse(null);
            }
            String c = code;
            Item item = c == null ? null : r.items.stream().filter(x -> x.code().equals(c)).findFirst().orElse(null);
            if (item == null) {
                throw new QuestionnaireRefused("--critical " + link + ": no question Tandem asks has that linkId");
            }
            if (item.kind() == ItemKind.INTEGER ? item.max() < 1 : maxPoints(item) < 1) {
                throw new QuestionnaireRefused("--critical " + link + ": its answers carry no points (ordinalValue "
                        + "or itemWeight), so Tandem cannot tell which answer is critical");
            }
            if (critical.stream().noneMatch(x -> x.item().equals(c))) {
                critical.add(new CriticalRule(c, 1, true));
            }
        }
        return new ScoringRules(totalCode, totalItems, bands, domains, critical, reverse, declines, aliases, panels,
                canonicals, derived, followUp, tier, source);
    }

    private static int maxPoints(Item i) {
        if (i.kind() == ItemKind.INTEGER) {
            return i.max() == null ? 0 : i.max();
        }
        return i.options().stream().mapToInt(o -> o.points() == null ? 0 : o.points()).max().orElse(0);
    }

    /** Points the file leaves out are taken from the version it replaces, answer by answer (same code or place). */
    private static void fillPoints(Read r, Instrument base, Map<String, String> map) {
        if (base == null) {
            return;
        }
        for (int k = 0; k < r.items.size(); k++) {
            Item i = r.items.get(k);
            String baseCode = map.entrySet().stream().filter(e -> e.getValue().equals(i.code())).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (baseCode == null || i.options().stream().allMatch(o -> o.points() != null)) {
                continue;
            }
            Item b = base.item(baseCode).orElseThrow();
            List<AnswerOption> options = new ArrayList<>();
            for (int o = 0; o < i.options().size(); o++) {
                AnswerOption opt = i.options().get(o);
                Integer p = opt.points();
                if (p == null) {
                    p = b.option(opt.code()).map(AnswerOption::points).orElse(
                            b.options().size() == i.options().size() ? b.options().get(o).points() : null);
                }
                options.add(new AnswerOption(opt.code(), opt.display(), p));
            }
            r.items.set(k, new Item(i.code(), i.number(), i.intro(), i.text(), i.kind(), options, i.min(), i.max()));
        }
    }

    private static Rule mapRule(Rule rule, Map<String, String> map, Instrument base, Read r) {
        List<String> items = rule.items().stream().map(map::get).toList();
        if (items.contains(null)) {
            return null;
        }
        if (rule instanceof Rule.SumAtLeast s) {
            return new Rule.SumAtLeast(items, s.threshold());
        }
        if (rule instanceof Rule.ValueAtLeast v) {
            return new Rule.ValueAtLeast(items, v.threshold());
        }
        if (rule instanceof Rule.AnswerIn a) {
            Set<String> answers = new HashSet<>();
            for (int k = 0; k < rule.items().size(); k++) {
                Item b = base.item(rule.items().get(k)).orElseThrow();
                String to = items.get(k);
                Item n = r.items.stream().filter(x -> x.code().equals(to)).findFirst().orElseThrow();
                for (String answer : a.answers()) {
                    if (n.option(answer).isPresent()) {
                        answers.add(answer);
                    } else {
                        int pos = b.options().indexOf(b.option(answer).orElse(null));
                        if (pos >= 0 && n.options().size() == b.options().size()) {
                            answers.add(n.options().get(pos).code());
                        }
                    }
                }
            }
            return answers.isEmpty() ? null : new Rule.AnswerIn(items, answers);
        }
        return new Rule.NotScored(items);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The rules as JSON (the bundled rules-file format, read back by InstrumentReader.rules)
    // ------------------------------------------------------------------------------------------------------------

    JsonNode rulesJson(String id, ScoringRules rules, Set<String> languages) {
        ObjectNode o = json.createObjectNode();
        o.put("instrument", id);
        o.put("source", rules.source());
        ObjectNode langs = o.putObject("languages");
        languages.forEach(l -> langs.put(l, "verified"));
        o.put("scoreEntry", false);
        strings(o.putArray("panelCodes"), rules.panelCodes());
        strings(o.putArray("canonicals"), rules.canonicals());
        if (!rules.totalItems().isEmpty()) {
            ObjectNode total = o.putObject("total");
            if (rules.totalCode() != null) {
                total.put("code", rules.totalCode());
            }
            strings(total.putArray("items"), rules.totalItems());
        }
        ArrayNode bands = o.putArray("bands");
        for (Band b : rules.bands()) {
            bands.addObject().put("id", b.id()).put("min", b.min()).put("max", b.max());
        }
        ArrayNode domains = o.putArray("domains");
        for (ScreeningDomain d : rules.domains()) {
            ObjectNode dn = domains.addObject().put("id", d.id()).put("core", d.core()).put("private", d.privateDomain());
            ArrayNode rs = dn.putArray("rules");
            for (Rule rule : d.rules()) {
                ObjectNode rn = rs.addObject();
                if (rule instanceof Rule.SumAtLeast s) {
                    rn.put("kind", "sum-at-least").put("threshold", s.threshold());
                } else if (rule instanceof Rule.AnswerIn a) {
                    rn.put("kind", "answer-in");
                    strings(rn.putArray("answers"), a.answers());
                } else if (rule instanceof Rule.ValueAtLeast v) {
                    rn.put("kind", "value-at-least").put("threshold", v.threshold());
                } else {
                    rn.put("kind", "not-scored");
                }
                strings(rn.putArray("items"), rule.items());
            }
        }
        ArrayNode critical = o.putArray("critical");
        for (CriticalRule c : rules.critical()) {
            critical.addObject().put("item", c.item()).put("minPoints", c.minPoints())
                    .put("askDirectlyIfDeclined", c.askDirectlyIfDeclined());
        }
        strings(o.putArray("reverse"), rules.reverse());
        strings(o.putArray("declineCodes"), rules.declineCodes());
        ObjectNode aliases = o.putObject("answerAliases");
        new TreeMap<>(rules.answerAliases()).forEach(aliases::put);
        strings(o.putArray("derivedCodes"), rules.derivedCodes());
        if (rules.followUp() != null) {
            o.put("followUp", rules.followUp());
        } else {
            o.putNull("followUp");
        }
        if (rules.tier() != null) {
            o.putObject("tier").put("countItem", rules.tier().countItem())
                    .put("conditionItem", rules.tier().conditionItem()).put("yesCode", rules.tier().yesCode());
        } else {
            o.putNull("tier");
        }
        return o;
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        (values instanceof List<String> l ? l : values.stream().sorted().toList()).forEach(array::add);
    }
}
