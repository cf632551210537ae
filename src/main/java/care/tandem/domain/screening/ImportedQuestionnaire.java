package care.tandem.domain.screening;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One Questionnaire a clinic imported, as stored: the file as it came, the rules derived from it, the clinic's marks
 * and what Tandem could not honour (ADR 0008).
 *
 * @param kind          NEW, VERSION or TRANSLATION
 * @param versionOf     the instrument it is a version or translation of, or null
 * @param usable        false when it has nothing Tandem can ask (kept for its metadata, never given)
 * @param losesCritical critical items of the instrument it versions that it lacks: it may never become current
 */
public record ImportedQuestionnaire(UUID id, String instrument, String version, String kind, String versionOf,
                                    String url, boolean urlGenerated, String fileVersion, String panelCode,
                                    String title, Set<String> languages, String questionnaireJson, String rulesJson,
                                    String marksJson, List<String> notHonoured, boolean usable,
                                    List<String> losesCritical, Instant importedAt, UUID importedBy) {

    public ImportedQuestionnaire {
        languages = Set.copyOf(languages);
        notHonoured = List.copyOf(notHonoured);
        losesCritical = List.copyOf(losesCritical);
    }
}
