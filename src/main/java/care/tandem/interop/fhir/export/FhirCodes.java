package care.tandem.interop.fhir.export;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import java.util.Map;

/** The code systems and codes the FHIR export writes (docs/fhir-export.md lists them). */
final class FhirCodes {
    static final String LOINC = "http://loinc.org";
    static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String US_CORE_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category";
    static final String US_CORE_CONDITION_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/condition-category";
    static final String US_CORE_DOCUMENT_CATEGORY =
            "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
    static final String GRAVITY = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
    static final String TASK_STATUS = "http://hl7.org/fhir/task-status";
    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    static final String DOCUMENT_COMPLETION = "http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion";
    static final String PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String LANGUAGE = "urn:ietf:bcp:47";
    static final String SNOMED = "http://snomed.info/sct";
    /** Tandem's own code systems: visit kind and place, referral need and status, and its instruments' items. */
    static final String TANDEM = "urn:tandem:fhir:";

    /** Gravity SDOH domain codes for Tandem's screening domains (DOMAIN.md §3.4); null: unspecified, with text. */
    static final Map<String, String[]> GRAVITY_DOMAINS = Map.ofEntries(
            Map.entry("housing", new String[] {"housing-instability", "homelessness"}),
            Map.entry("housing-quality", new String[] {"inadequate-housing"}),
            Map.entry("food", new String[] {"food-insecurity"}),
            Map.entry("transportation", new String[] {"transportation-insecurity"}),
            Map.entry("utilities", new String[] {"utility-insecurity"}),
            Map.entry("safety", new String[] {"intimate-partner-violence"}),
            Map.entry("financial-strain", new String[] {"financial-insecurity"}),
            Map.entry("employment", new String[] {"employment-status"}),
            Map.entry("family-community-support", new String[] {"social-connection"}),
            Map.entry("education", new String[] {"educational-attainment"}));

    /** LOINC codes of domain scores that have one (AHC HRSN total safety score). */
    static final Map<String, String> DOMAIN_SCORE_CODES = Map.of("safety", "95614-4");

    private FhirCodes() {
    }

    static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept c = new CodeableConcept();
        c.addCoding(new Coding(system, code, display));
        return c;
    }

    static boolean isLoinc(String code) {
        return code.matches("\\d{1,7}-\\d") || code.matches("LA\\d{1,6}-\\d");
    }
}
