package care.tandem.interop.fhir.export;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Resource ids. A resource made from one Tandem record has the record's UUID as its id; where one record yields
 * several resources (a screen's Observations, a referral's Task, a caregiver's RelatedPerson for each child), each
 * further id is a name-based UUID of the record's UUID and the resource's role, so every export on every laptop gives
 * the same record the same ids.
 */
public final class FhirIds {
    private FhirIds() {
    }

    /** The id of the resource playing {@code role} for the record {@code record}. */
    public static String derived(UUID record, String role) {
        return UUID.nameUUIDFromBytes(("tandem-fhir:" + role + ":" + record).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
