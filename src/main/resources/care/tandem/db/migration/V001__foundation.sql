-- Tandem schema version 1: install identity, clinic, devices, users, families, search, change log, audit.
-- Conventions (ARCHITECTURE.md, docs/decisions/0002): every synced row has a UUID text id, created/updated
-- at and by, the device that last wrote it, a hybrid-logical-clock stamp (hlc) and a revision; deletion is
-- a tombstone (deleted_at). Times are ISO-8601 UTC text. Local integer keys (seq) never leave this file.

CREATE TABLE install_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE clinic (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    device_id  TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    revision   INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;

CREATE TABLE device (
    id         TEXT PRIMARY KEY,
    clinic_id  TEXT NOT NULL REFERENCES clinic(id),
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE app_user (
    id              TEXT PRIMARY KEY,
    clinic_id       TEXT NOT NULL REFERENCES clinic(id),
    username        TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('ADMINISTRATOR', 'CLINICIAN', 'ASSOCIATE', 'SUPERVISOR')),
    supervisor_id   TEXT REFERENCES app_user(id),
    password_hash   TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT,
    device_id       TEXT NOT NULL,
    hlc             TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    deleted_at      TEXT
) STRICT;
CREATE UNIQUE INDEX app_user_username ON app_user (username COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE family (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    protective_order INTEGER NOT NULL DEFAULT 0,
    restriction_note TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    synthetic        INTEGER NOT NULL DEFAULT 0,
    merged_into      TEXT REFERENCES family(id),
    created_at       TEXT NOT NULL,
    created_by       TEXT,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT,
    device_id        TEXT NOT NULL,
    hlc              TEXT NOT NULL,
    revision         INTEGER NOT NULL DEFAULT 1,
    deleted_at       TEXT
) STRICT;
CREATE INDEX family_recent ON family (updated_at) WHERE deleted_at IS NULL;

CREATE TABLE person (
    id                  TEXT PRIMARY KEY,
    family_id           TEXT NOT NULL REFERENCES family(id),
    kind                TEXT NOT NULL CHECK (kind IN ('CHILD', 'CAREGIVER')),
    position            INTEGER NOT NULL,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    birth_date          TEXT,
    sex                 TEXT CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    preferred_language  TEXT NOT NULL DEFAULT 'en',
    interpreter_needed  INTEGER NOT NULL DEFAULT 0,
    relationship        TEXT CHECK (relationship IN
                          ('MOTHER', 'FATHER', 'GRANDPARENT', 'FOSTER_PARENT', 'LEGAL_GUARDIAN', 'OTHER')),
    phone               TEXT NOT NULL DEFAULT '',
    ok_to_call          INTEGER NOT NULL DEFAULT 0,
    ok_to_text          INTEGER NOT NULL DEFAULT 0,
    ok_to_leave_message INTEGER NOT NULL DEFAULT 0,
    may_consent         INTEGER NOT NULL DEFAULT 0,
    restricted          INTEGER NOT NULL DEFAULT 0,
    medi_cal_id         TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    merged_into         TEXT REFERENCES person(id),
    created_at          TEXT NOT NULL,
    created_by          TEXT,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT,
    device_id           TEXT NOT NULL,
    hlc                 TEXT NOT NULL,
    revision            INTEGER NOT NULL DEFAULT 1,
    deleted_at          TEXT
) STRICT;
CREATE INDEX person_family ON person (family_id);
CREATE INDEX person_birth ON person (birth_date) WHERE deleted_at IS NULL;

-- Search-as-you-type: one row per live family (rowid = family.seq), terms from domain SearchTerms.
-- Contentless (the terms are never read back, only matched), with deletes allowed (SQLite 3.43+).
CREATE VIRTUAL TABLE family_search USING fts5 (
    terms,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3 4'
);

-- Append-only: which fields of which record changed, ordered by hybrid logical clock (ADR 0002).
CREATE TABLE change_log (
    seq       INTEGER PRIMARY KEY,
    hlc       TEXT NOT NULL,
    device_id TEXT NOT NULL,
    user_id   TEXT,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    fields    TEXT NOT NULL
) STRICT;
CREATE INDEX change_log_hlc ON change_log (hlc);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

-- Append-only: who signed in, locked, created, changed or viewed what, and when.
CREATE TABLE audit_event (
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    at        TEXT NOT NULL,
    user_id   TEXT,
    device_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_event_entity ON audit_event (entity_id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

-- Clinic settings (idle lock minutes, ...): small, mutable, synced later.
CREATE TABLE setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    hlc        TEXT NOT NULL
) STRICT;
