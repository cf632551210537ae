package care.tandem.persistence;

import care.tandem.domain.screening.ImportedQuestionnaire;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Questionnaires a clinic imported (V006). A row is written once; the file and its rules never change (a new
 * file is a new version). Which version is current is a setting, not a row field, so two laptops choosing
 * differently merge as one setting does.
 */
public final class ImportedQuestionnaireRepository {
    static final String TABLE = "imported_questionnaire";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    public void insert(Connection c, ImportedQuestionnaire q, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO imported_questionnaire (id, instrument, version, kind, version_of, url, url_generated,
                    file_version, panel_code, title, languages, questionnaire, rules, marks, not_honoured, usable,
                    loses_critical, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, q.id(), q.instrument(), q.version(), q.kind(), q.versionOf(), q.url(), q.urlGenerated(),
                    q.fileVersion(), q.panelCode(), q.title(), String.join(" ", q.languages()), q.questionnaireJson(),
                    q.rulesJson(), q.marksJson(), json(q.notHonoured()), q.usable(),
                    String.join(" ", q.losesCritical()), s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, TABLE, q.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Every imported Questionnaire not withdrawn, oldest first. */
    public List<ImportedQuestionnaire> all(Connection c) throws SQLException {
        return list(c, "SELECT * FROM imported_questionnaire WHERE deleted_at IS NULL ORDER BY created_at, hlc");
    }

    public Optional<ImportedQuestionnaire> find(Connection c, UUID id) throws SQLException {
        return list(c, "SELECT * FROM imported_questionnaire WHERE id = ? AND deleted_at IS NULL", id).stream()
                .findFirst();
    }

    private static List<ImportedQuestionnaire> list(Connection c, String sql, Object... args) throws SQLException {
        List<ImportedQuestionnaire> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportedQuestionnaire(Rows.uuid(rs, "id"), rs.getString("instrument"),
                            rs.getString("version"), rs.getString("kind"), rs.getString("version_of"),
                            rs.getString("url"), rs.getInt("url_generated") == 1, rs.getString("file_version"),
                            rs.getString("panel_code"), rs.getString("title"), words(rs.getString("languages")),
                            rs.getString("questionnaire"), rs.getString("rules"), rs.getString("marks"),
                            strings(rs.getString("not_honoured")), rs.getInt("usable") == 1,
                            List.copyOf(words(rs.getString("loses_critical"))), Rows.instant(rs, "created_at"),
                            Rows.uuid(rs, "created_by")));
                }
            }
        }
        return out;
    }

    private static LinkedHashSet<String> words(String s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (s != null) {
            Arrays.stream(s.split(" ")).filter(w -> !w.isBlank()).forEach(out::add);
        }
        return out;
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String text) {
        try {
            return text == null ? List.of() : JSON.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
