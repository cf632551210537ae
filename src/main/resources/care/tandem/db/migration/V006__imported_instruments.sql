-- Tandem schema version 6: Questionnaires a clinic imported (issue 6, ADR 0008). Each row is one version of an
-- instrument: a new one, another version of one Tandem has (bundled or imported), or a translation that adds a
-- language. The original file is kept as it came, with the rules Tandem derived from it and the clinic's marks,
-- so every laptop of the clinic builds the same instrument. Which version new screens use is the setting
-- 'instrument.current.<instrument>' (absent: the bundled version, or the first import of a new instrument).

CREATE TABLE imported_questionnaire (
    id            TEXT PRIMARY KEY,
    instrument    TEXT NOT NULL,              -- the instrument id: a bundled one (phq9) or the import's own
    version       TEXT NOT NULL,              -- Tandem's label: the file's version or import-N, then a fingerprint
    kind          TEXT NOT NULL CHECK (kind IN ('NEW', 'VERSION', 'TRANSLATION')),
    version_of    TEXT,                       -- the instrument it is a version or translation of (NULL for NEW)
    url           TEXT NOT NULL,              -- the file's canonical url, or the one Tandem made for it
    url_generated INTEGER NOT NULL DEFAULT 0,
    file_version  TEXT,                       -- Questionnaire.version as the file gave it
    panel_code    TEXT,                       -- its LOINC panel code, if any
    title         TEXT NOT NULL,
    languages     TEXT NOT NULL,              -- space-separated language codes offered
    questionnaire TEXT NOT NULL,              -- the file's JSON, as imported
    rules         TEXT NOT NULL,              -- the derived rules (the bundled rules-file format)
    marks         TEXT NOT NULL DEFAULT '{}', -- the clinic's marks: {"critical": [linkId...], "positiveAt": n}
    not_honoured  TEXT NOT NULL DEFAULT '[]', -- JSON array of what Tandem cannot honour, shown again later
    usable        INTEGER NOT NULL DEFAULT 1, -- 0: nothing to ask (kept for its metadata, never given)
    loses_critical TEXT NOT NULL DEFAULT '',  -- critical items of what it versions that it lacks (never current)
    created_at    TEXT NOT NULL,
    created_by    TEXT,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT,
    device_id     TEXT NOT NULL,
    hlc           TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,
    deleted_at    TEXT
) STRICT;
-- Not unique: labels end with a fingerprint of the file and the marks, so two laptops never make one label for
-- different content; the same file with the same marks imported on two laptops is one version (read once).
CREATE INDEX imported_questionnaire_version ON imported_questionnaire (instrument, version);
CREATE INDEX imported_questionnaire_url ON imported_questionnaire (url);

-- The file as imported is the record: only the row's tombstone may change.
CREATE TRIGGER imported_questionnaire_file_fixed BEFORE UPDATE ON imported_questionnaire
WHEN NEW.questionnaire IS NOT OLD.questionnaire OR NEW.rules IS NOT OLD.rules OR NEW.instrument IS NOT OLD.instrument
    OR NEW.version IS NOT OLD.version
BEGIN SELECT RAISE(ABORT, 'an imported questionnaire is kept as it was imported'); END;
CREATE TRIGGER imported_questionnaire_no_delete BEFORE DELETE ON imported_questionnaire
BEGIN SELECT RAISE(ABORT, 'imported questionnaires are never deleted'); END;
