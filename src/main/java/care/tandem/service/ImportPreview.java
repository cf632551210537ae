package care.tandem.service;

import care.tandem.domain.screening.Instrument;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What importing a Questionnaire file would add (ADR 0008), as the window and the command line show it before
 * anything is stored.
 *
 * @param kind         NEW, VERSION or TRANSLATION
 * @param versionOf    the instrument it is a version or translation of, or null
 * @param recognisedBy how it was recognised as a version: "url", "panel" or "title"; null for a new instrument
 * @param instrument   the instrument as Tandem will give it, or null when it has nothing to ask
 * @param linkIds      each question's linkId and the item code Tandem knows it by
 * @param notHonoured  what Tandem cannot honour in the file, one line each
 */
public record ImportPreview(String kind, String id, String version, String versionOf, String recognisedBy,
                            String title, String url, boolean urlGenerated, Set<String> languages,
                            Instrument instrument, Map<String, String> linkIds, List<String> notHonoured,
                            List<String> losesCritical) {

    public ImportPreview {
        languages = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(languages));
        linkIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(linkIds));
        notHonoured = List.copyOf(notHonoured);
        losesCritical = List.copyOf(losesCritical);
    }

    /** Whether it can be given (it has questions Tandem can ask). */
    public boolean usable() {
        return instrument != null;
    }
}
