package care.tandem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The FHIR corpus copied into the test resources ({@code /fhir-corpus/}), and files made from it. */
public final class FhirCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirCorpus() {
    }

    /** Every Questionnaire of the corpus. */
    public static final List<String> QUESTIONNAIRES = List.of(
            "lforms-fhir-app-hunger-vital-signs.json",
            "lforms-phq9.json",
            "rkonfhir-GAD-7.json",
            "sdc-questionnaire-sdc-profile-example-PHQ9.json",
            "sdc-questionnaire-sdc-profile-example-hunger-vital-signs.json",
            "sdohcc-Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json",
            "sdohcc-Questionnaire-SDOHCC-QuestionnairePRAPARE.json",
            "uscore-Questionnaire-AUDIT-C.json",
            "uscore-Questionnaire-ahc-hrsn-screening-example.json",
            "uscore-Questionnaire-hunger-vital-sign-example.json",
            "uscore-Questionnaire-phq-9-example.json",
            "uscore-Questionnaire-prapare-example.json");

    public static String questionnaire(String name) {
        try (InputStream in = FhirCorpus.class.getResourceAsStream("/fhir-corpus/questionnaires/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test corpus file missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String file) {
        try {
            return JSON.readTree(questionnaire(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clinic's Spanish Hunger Vital Sign: the US Core file with its wording in Spanish and language es. */
    public static String spanishHvs() {
        ObjectNode q = (ObjectNode) tree("uscore-Questionnaire-hunger-vital-sign-example.json");
        q.put("language", "es");
        q.put("title", "Signo vital del hambre");
        q.remove("url");
        q.put("url", "http://example.org/clinica/Questionnaire/hvs-es");
        String[] texts = {"Dentro de los últimos 12 meses, nos preocupaba que la comida se acabara antes de tener "
                + "dinero para comprar más.", "Dentro de los últimos 12 meses, la comida que compramos no duró y no "
                + "teníamos dinero para obtener más.", "Riesgo de inseguridad alimentaria"};
        int k = 0;
        for (var item : q.withArray("item")) {
            ObjectNode i = (ObjectNode) item;
            i.put("text", texts[k++]);
            for (var o : i.withArray("answerOption")) {
                ObjectNode c = (ObjectNode) o.path("valueCoding");
                c.put("display", switch (c.path("code").asText()) {
                    case "LA28397-0" -> "A menudo es cierto";
                    case "LA6729-3" -> "A veces es cierto";
                    case "LA28398-8" -> "Nunca es cierto";
                    case "LA15775-2" -> "No sabe o se niega a responder";
                    case "LA19952-3" -> "En riesgo";
                    case "LA19983-8" -> "Sin riesgo";
                    default -> c.path("display").asText();
                });
            }
            for (var child : i.withArray("item")) {
                ((ObjectNode) child).put("text", "Una respuesta de «a menudo» o «a veces» en cualquiera de las dos "
                        + "preguntas indica un riesgo.");
            }
        }
        return q.toString();
    }
}
