package care.tandem.interop.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a FHIR R4 QuestionnaireResponse (JSON) into what scoring needs: the questionnaire canonical, every code
 * that appears as a segment of a link id (groups included, for panel codes such as {@code /96777-8/71802-3}), and
 * each answered item with its code (the link id if it is a LOINC code, else its last segment) and its answers
 * (coded, or numbers). It says nothing about which instrument that is: the caller decides.
 */
public final class ResponseReader {
    /** A LOINC code: digits, a dash and the check digit (LOINC item and panel codes, not LA answer codes). */
    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");
    private static final String LOINC_SYSTEM = "http://loinc.org";

    private final FhirJson fhir;

    public ResponseReader(FhirJson fhir) {
        this.fhir = fhir;
    }

    /** What a response holds, without its subject, author or free text. */
    public record Response(String canonical, Set<String> pathCodes, List<ResponseItem> items) {
        public Response {
            pathCodes = Set.copyOf(pathCodes);
            items = List.copyOf(items);
        }

        /** The codes of the answered items, in the order they appear. */
        public Set<String> itemCodes() {
            Set<String> codes = new LinkedHashSet<>();
            items.forEach(i -> codes.add(i.code()));
            return codes;
        }
    }

    /**
     * One item that carries answers.
     *
     * @param code       the link id if it is a LOINC code, else its last path segment (which may not be LOINC)
     * @param coded      the answers given as codings, in order
     * @param numbers    the answers given as whole or decimal numbers, in order
     * @param otherTypes the FHIR types of answers of any other kind (string, boolean, quantity, ...)
     */
    public record ResponseItem(String linkId, String code, List<Code> coded, List<BigDecimal> numbers,
                               List<String> otherTypes) {
        public ResponseItem {
            coded = List.copyOf(coded);
            numbers = List.copyOf(numbers);
            otherTypes = List.copyOf(otherTypes);
        }

        /** Whether the item code is a LOINC code (the linkId is, or ends with, one). */
        public boolean loinc() {
            return isLoinc(code);
        }

        public int answerCount() {
            return coded.size() + numbers.size() + otherTypes.size();
        }
    }

    /**
     * A coded answer.
     *
     * @param system the code system, or null when the coding has none (some forms leave LOINC implicit)
     */
    public record Code(String system, String code) {
        /** A LOINC code, or a code without a system (taken as LOINC, as LHC-Forms writes them). */
        public boolean loinc() {
            return system == null || system.isBlank() || LOINC_SYSTEM.equals(system);
        }
    }

    /**
     * Reads a QuestionnaireResponse.
     *
     * @throws FhirFileException saying what is wrong: not JSON, another resource type, or not valid FHIR R4
     */
    public Response read(String json) {
        QuestionnaireResponse qr = fhir.parse(json, QuestionnaireResponse.class);
        Set<String> pathCodes = new LinkedHashSet<>();
        List<ResponseItem> items = new ArrayList<>();
        walk(qr.getItem(), pathCodes, items);
        String canonical = qr.hasQuestionnaire() ? qr.getQuestionnaire() : null;
        return new Response(canonical, pathCodes, items);
    }

    private static void walk(List<QuestionnaireResponseItemComponent> level, Set<String> pathCodes,
                             List<ResponseItem> items) {
        for (QuestionnaireResponseItemComponent item : level) {
            String linkId = item.hasLinkId() ? item.getLinkId().trim() : "";
            for (String segment : linkId.split("/")) {
                if (!segment.isBlank()) {
                    pathCodes.add(segment.trim());
                }
            }
            if (item.hasAnswer()) {
                items.add(answered(linkId, item.getAnswer()));
            }
            walk(item.getItem(), pathCodes, items);
            for (QuestionnaireResponseItemAnswerComponent a : item.getAnswer()) {
                walk(a.getItem(), pathCodes, items);
            }
        }
    }

    private static ResponseItem answered(String linkId, List<QuestionnaireResponseItemAnswerComponent> answers) {
        List<Code> coded = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (QuestionnaireResponseItemAnswerComponent a : answers) {
            Type v = a.getValue();
            if (v instanceof Coding c && c.hasCode()) {
                coded.add(new Code(c.hasSystem() ? c.getSystem() : null, c.getCode().trim()));
            } else if (v instanceof IntegerType i && i.getValue() != null) {
                numbers.add(BigDecimal.valueOf(i.getValue()));
            } else if (v instanceof DecimalType d && d.getValue() != null) {
                numbers.add(d.getValue());
            } else if (v != null) {
                other.add(v.fhirType());
            }
        }
        return new ResponseItem(linkId, itemCode(linkId), coded, numbers, other);
    }

    /** The link id if it is a LOINC code, else its last path segment ({@code /93025-5/93043-8/56051-6} → 56051-6). */
    static String itemCode(String linkId) {
        if (isLoinc(linkId)) {
            return linkId;
        }
        String[] segments = linkId.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                return segments[i].trim();
            }
        }
        return linkId;
    }

    static boolean isLoinc(String code) {
        return code != null && LOINC.matcher(code).matches();
    }
}
