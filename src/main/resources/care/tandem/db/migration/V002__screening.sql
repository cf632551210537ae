-- Tandem schema version 2: visits, screens, their answers, and urgent alerts (issue 3).
-- Screens are append-only facts once finished: answers change only while the screen is in progress, and a
-- finished screen changes only to "entered in error" (triggers below). A correction is a new screen.

CREATE TABLE visit (
    id           TEXT PRIMARY KEY,
    family_id    TEXT NOT NULL REFERENCES family(id),
    child_id     TEXT NOT NULL REFERENCES person(id),
    visit_date   TEXT NOT NULL,
    clinician_id TEXT NOT NULL REFERENCES app_user(id),
    caregivers   TEXT NOT NULL DEFAULT '',  -- ids of the caregivers present, space-separated
    created_at   TEXT NOT NULL,
    created_by   TEXT,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
) STRICT;
CREATE INDEX visit_family ON visit (family_id, visit_date);

CREATE TABLE screening (
    id                 TEXT PRIMARY KEY,
    visit_id           TEXT NOT NULL REFERENCES visit(id),
    family_id          TEXT NOT NULL REFERENCES family(id),
    subject_id         TEXT NOT NULL REFERENCES person(id),
    respondent_id      TEXT REFERENCES person(id),
    instrument         TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    language           TEXT NOT NULL,
    mode               TEXT NOT NULL CHECK (mode IN ('SELF', 'CLINICIAN', 'INTERPRETER')),
    status             TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'NOT_DONE', 'ENTERED_IN_ERROR')),
    not_done_reason    TEXT CHECK (not_done_reason IN
                         ('DECLINED', 'CAREGIVER_NOT_PRESENT', 'NOT_APPROPRIATE_NOW', 'DONE_ELSEWHERE')),
    error_reason       TEXT,
    corrects_id        TEXT REFERENCES screening(id),
    follows_id         TEXT REFERENCES screening(id),
    safety_deferred    INTEGER NOT NULL DEFAULT 0,
    clinician_id       TEXT NOT NULL REFERENCES app_user(id),
    started_at         TEXT NOT NULL,
    completed_at       TEXT,
    -- The score of the answers so far (domain Scorer), kept for lists and trends; the answers stay the record.
    total              INTEGER,
    band               TEXT,
    outcome            TEXT CHECK (outcome IN ('POSITIVE', 'NEGATIVE', 'INCOMPLETE', 'NOT_SCORED')),
    critical           INTEGER NOT NULL DEFAULT 0,
    score              TEXT,
    created_at         TEXT NOT NULL,
    created_by         TEXT,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT,
    device_id          TEXT NOT NULL,
    hlc                TEXT NOT NULL,
    revision           INTEGER NOT NULL DEFAULT 1,
    deleted_at         TEXT
) STRICT;
CREATE INDEX screening_family ON screening (family_id, started_at);
CREATE INDEX screening_subject ON screening (subject_id, instrument, started_at);
CREATE INDEX screening_visit ON screening (visit_id);
CREATE INDEX screening_in_progress ON screening (started_at) WHERE status = 'IN_PROGRESS';

CREATE TRIGGER screening_final BEFORE UPDATE ON screening
WHEN OLD.status = 'ENTERED_IN_ERROR'
  OR (OLD.status IN ('COMPLETED', 'NOT_DONE') AND NEW.status <> 'ENTERED_IN_ERROR')
BEGIN SELECT RAISE(ABORT, 'a finished screen cannot change'); END;
CREATE TRIGGER screening_no_delete BEFORE DELETE ON screening
BEGIN SELECT RAISE(ABORT, 'screens are never deleted'); END;

-- One row per answered (or declined, or deferred) item; keyed by screen and item code.
CREATE TABLE screening_answer (
    screening_id TEXT NOT NULL REFERENCES screening(id),
    item         TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('ANSWERED', 'DECLINED', 'DEFERRED')),
    codes        TEXT NOT NULL DEFAULT '',  -- answer codes, space-separated
    value        INTEGER,
    answered_at  TEXT NOT NULL,
    answered_by  TEXT,
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    PRIMARY KEY (screening_id, item)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER screening_answer_insert BEFORE INSERT ON screening_answer
WHEN (SELECT status FROM screening WHERE id = NEW.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;
CREATE TRIGGER screening_answer_update BEFORE UPDATE ON screening_answer
WHEN (SELECT status FROM screening WHERE id = OLD.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;
CREATE TRIGGER screening_answer_delete BEFORE DELETE ON screening_answer
WHEN (SELECT status FROM screening WHERE id = OLD.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;

CREATE TABLE screening_alert (
    id           TEXT PRIMARY KEY,
    screening_id TEXT NOT NULL REFERENCES screening(id),
    family_id    TEXT NOT NULL REFERENCES family(id),
    subject_id   TEXT NOT NULL REFERENCES person(id),
    instrument   TEXT NOT NULL,
    item         TEXT NOT NULL,
    answer_code  TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL CHECK (kind IN ('CRITICAL', 'ASK_DIRECTLY')),
    status       TEXT NOT NULL CHECK (status IN ('OPEN', 'ACTED', 'WITHDRAWN')),
    raised_at    TEXT NOT NULL,
    action       TEXT CHECK (action IN ('ASSESSED_NO_CURRENT_RISK', 'SAFETY_PLAN_MADE', 'GAVE_988', 'WARM_HANDOFF',
                                        'EMERGENCY_SERVICES', 'COULD_NOT_COMPLETE')),
    action_note  TEXT NOT NULL DEFAULT '',
    acted_by     TEXT REFERENCES app_user(id),
    acted_at     TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
) STRICT;
CREATE INDEX screening_alert_open ON screening_alert (family_id) WHERE status = 'OPEN';
CREATE INDEX screening_alert_screening ON screening_alert (screening_id);
-- An alert acted on or withdrawn stays as it is.
CREATE TRIGGER screening_alert_final BEFORE UPDATE ON screening_alert
WHEN OLD.status <> 'OPEN'
BEGIN SELECT RAISE(ABORT, 'a closed alert cannot change'); END;
CREATE TRIGGER screening_alert_no_delete BEFORE DELETE ON screening_alert
BEGIN SELECT RAISE(ABORT, 'alerts are never deleted'); END;
