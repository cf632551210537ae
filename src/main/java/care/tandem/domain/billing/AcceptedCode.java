package care.tandem.domain.billing;

import care.tandem.domain.note.ChildScreen;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A code the clinician accepted for a visit, as the code table had it then (code, modifier, labels, mark and
 * confidentiality are kept, so later table edits do not change a visit's codes).
 */
public record AcceptedCode(UUID id, UUID visitId, UUID codeId, CodeSystem system, String code, String modifier,
                           String label, String labelEs, Verification verification, boolean confidential,
                           UUID screeningId, ChildScreen childScreen, Words reason, UUID acceptedBy,
                           Instant acceptedAt) {

    public AcceptedCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(reason, "reason");
        modifier = Objects.requireNonNullElse(modifier, "");
        labelEs = Objects.requireNonNullElse(labelEs, "");
    }

    /** The code as a claim shows it: "G8431-HD". */
    public String display() {
        return modifier.isEmpty() ? code : code + "-" + modifier;
    }

    /** The label in a language ("en", "es"); the English one where no Spanish label was written. */
    public String label(String language) {
        return "es".equals(language) && !labelEs.isEmpty() ? labelEs : label;
    }

    /** True when this is the suggestion accepted: the same code from the same screen or child screen. */
    public boolean matches(BillingSuggestion s) {
        return codeId.equals(s.code().id()) && Objects.equals(screeningId, s.screeningId())
                && childScreen == s.childScreen();
    }
}
