-- Tandem schema version 5: billing help (issue 5). The clinic's code table, and the codes a clinician accepted for
-- a visit. Suggestions are computed, never stored: a code exists here only once a clinician accepted it.
-- The FQHC same-day setting lives in the setting table (keys billing.fqhc, billing.fqhc.same_day_rule).

CREATE TABLE billing_code (
    id           TEXT PRIMARY KEY,
    system       TEXT NOT NULL CHECK (system IN ('CPT', 'HCPCS', 'ICD_10_CM')),
    code         TEXT NOT NULL,
    modifier     TEXT NOT NULL DEFAULT '',
    label        TEXT NOT NULL,
    label_es     TEXT NOT NULL DEFAULT '',
    verification TEXT NOT NULL CHECK (verification IN ('CONFIRMED', 'CONFLICTING', 'UNVERIFIED')),
    source       TEXT NOT NULL DEFAULT '',
    confidential INTEGER NOT NULL DEFAULT 0,
    seed_key     TEXT UNIQUE,  -- the billing rules' name for a seeded code; NULL for one the clinic added
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
) STRICT;

-- A code accepted for a visit, copied from the code table as it was then (later table edits leave it alone).
-- Written once; removing it is a tombstone (removed_at/by), after which the row never changes again.
CREATE TABLE visit_billing_code (
    id           TEXT PRIMARY KEY,
    visit_id     TEXT NOT NULL REFERENCES visit(id),
    code_id      TEXT NOT NULL REFERENCES billing_code(id),
    system       TEXT NOT NULL CHECK (system IN ('CPT', 'HCPCS', 'ICD_10_CM')),
    code         TEXT NOT NULL,
    modifier     TEXT NOT NULL DEFAULT '',
    label        TEXT NOT NULL,
    label_es     TEXT NOT NULL DEFAULT '',
    verification TEXT NOT NULL CHECK (verification IN ('CONFIRMED', 'CONFLICTING', 'UNVERIFIED')),
    confidential INTEGER NOT NULL DEFAULT 0,
    screening_id TEXT REFERENCES screening(id),
    child_screen TEXT CHECK (child_screen IN ('ASQ_3', 'ASQ_SE_2', 'M_CHAT_R_F', 'OTHER_BEHAVIOURAL')),
    reason_key   TEXT NOT NULL,
    reason_args  TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    accepted_at  TEXT NOT NULL,
    accepted_by  TEXT NOT NULL REFERENCES app_user(id),
    removed_at   TEXT,
    removed_by   TEXT REFERENCES app_user(id),
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX visit_billing_code_visit ON visit_billing_code (visit_id);
-- One live acceptance of a code for the same screen (or child screen, or the visit itself).
CREATE UNIQUE INDEX visit_billing_code_once ON visit_billing_code
    (visit_id, code_id, COALESCE(screening_id, ''), COALESCE(child_screen, '')) WHERE removed_at IS NULL;

CREATE TRIGGER visit_billing_code_remove_only BEFORE UPDATE ON visit_billing_code
WHEN OLD.removed_at IS NOT NULL OR NEW.removed_at IS NULL
BEGIN SELECT RAISE(ABORT, 'an accepted code is only ever removed'); END;
CREATE TRIGGER visit_billing_code_no_delete BEFORE DELETE ON visit_billing_code
BEGIN SELECT RAISE(ABORT, 'accepted codes are never deleted'); END;
