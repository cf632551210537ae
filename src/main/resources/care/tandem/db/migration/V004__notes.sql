-- Tandem schema version 4: the visit's kind, minutes, place and child screens; visit notes, their append-only history
-- and addenda; the note templates (issue 5).
-- A note's text changes only while it is a draft or returned to its author. Once signed it is a fact: the triggers
-- below refuse any change to a signed note (the service refuses first and audits the attempt; this is the second
-- line), any change to the visit facts it documents, and any change or removal of its history and addenda.

ALTER TABLE visit ADD COLUMN kind TEXT NOT NULL DEFAULT 'WELL_CHILD_DYADIC'
    CHECK (kind IN ('WELL_CHILD_DYADIC', 'DYADIC_BEHAVIOURAL_HEALTH', 'FOLLOW_UP', 'TELEHEALTH'));
ALTER TABLE visit ADD COLUMN minutes INTEGER CHECK (minutes >= 0);
ALTER TABLE visit ADD COLUMN place TEXT NOT NULL DEFAULT 'CLINIC'
    CHECK (place IN ('CLINIC', 'HOME', 'SCHOOL', 'COMMUNITY', 'VIDEO', 'PHONE'));
ALTER TABLE visit ADD COLUMN child_screens TEXT NOT NULL DEFAULT '';  -- ChildScreen names, space-separated

CREATE TABLE note_template (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kinds      TEXT NOT NULL DEFAULT '',  -- VisitKind names, space-separated
    sections   TEXT NOT NULL,             -- JSON: [{key, heading, prompt, fill}]
    seed_key   TEXT UNIQUE,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    device_id  TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    revision   INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
) STRICT;

CREATE TABLE note (
    id             TEXT PRIMARY KEY,
    visit_id       TEXT NOT NULL UNIQUE REFERENCES visit(id),  -- one current note per visit
    family_id      TEXT NOT NULL REFERENCES family(id),
    template_id    TEXT NOT NULL REFERENCES note_template(id),
    status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'AWAITING_COSIGN', 'RETURNED', 'SIGNED', 'COSIGNED')),
    content        TEXT NOT NULL,  -- JSON (NoteRepository): sections, concerns, interventions, referrals, report, confidential
    author_id      TEXT NOT NULL REFERENCES app_user(id),
    signed_by      TEXT REFERENCES app_user(id),
    signed_at      TEXT,
    content_hash   TEXT,           -- SHA-256 of the content's canonical text, stored at signing
    cosigned_by    TEXT REFERENCES app_user(id),
    cosigned_at    TEXT,
    attestation    TEXT NOT NULL DEFAULT '',
    return_comment TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    created_by     TEXT,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    device_id      TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    revision       INTEGER NOT NULL DEFAULT 1,
    deleted_at     TEXT,
    CHECK ((status IN ('DRAFT', 'RETURNED')) = (signed_at IS NULL)),
    CHECK ((status IN ('DRAFT', 'RETURNED')) = (content_hash IS NULL)),
    CHECK ((status = 'COSIGNED') = (cosigned_at IS NOT NULL))
) STRICT;
CREATE INDEX note_family ON note (family_id);
CREATE INDEX note_author ON note (author_id, status);
CREATE INDEX note_awaiting ON note (signed_at) WHERE status = 'AWAITING_COSIGN';
CREATE INDEX note_recent ON note (updated_at);

-- A signed (or co-signed) note never changes again.
CREATE TRIGGER note_signed_final BEFORE UPDATE ON note
WHEN OLD.status IN ('SIGNED', 'COSIGNED')
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change'); END;
-- A note awaiting its co-signature keeps what was signed: the supervisor co-signs it as it is, or returns it.
CREATE TRIGGER note_awaiting_cosign BEFORE UPDATE ON note
WHEN OLD.status = 'AWAITING_COSIGN' AND (
    NEW.status NOT IN ('AWAITING_COSIGN', 'COSIGNED', 'RETURNED')
    OR NEW.content IS NOT OLD.content OR NEW.template_id IS NOT OLD.template_id
    OR NEW.author_id IS NOT OLD.author_id OR NEW.visit_id IS NOT OLD.visit_id
    OR (NEW.status <> 'RETURNED' AND (NEW.content_hash IS NOT OLD.content_hash OR NEW.signed_by IS NOT OLD.signed_by
                                      OR NEW.signed_at IS NOT OLD.signed_at)))
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change'); END;
CREATE TRIGGER note_no_delete BEFORE DELETE ON note
BEGIN SELECT RAISE(ABORT, 'notes are never deleted'); END;

-- The visit facts a signed note documents stay as they were signed.
CREATE TRIGGER visit_signed_note BEFORE UPDATE OF kind, minutes, place, child_screens ON visit
WHEN (NEW.kind IS NOT OLD.kind OR NEW.minutes IS NOT OLD.minutes OR NEW.place IS NOT OLD.place
      OR NEW.child_screens IS NOT OLD.child_screens)
  AND EXISTS (SELECT 1 FROM note WHERE visit_id = OLD.id AND status IN ('AWAITING_COSIGN', 'SIGNED', 'COSIGNED'))
BEGIN SELECT RAISE(ABORT, 'the visit of a signed note cannot change'); END;

CREATE TABLE note_event (
    id           TEXT PRIMARY KEY,
    note_id      TEXT NOT NULL REFERENCES note(id),
    kind         TEXT NOT NULL CHECK (kind IN ('CREATED', 'SIGNED', 'COSIGNED', 'RETURNED', 'ADDENDUM')),
    status       TEXT NOT NULL,
    comment      TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    by_user      TEXT REFERENCES app_user(id),
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL
) STRICT;
CREATE INDEX note_event_note ON note_event (note_id, at);
CREATE TRIGGER note_event_no_update BEFORE UPDATE ON note_event
BEGIN SELECT RAISE(ABORT, 'note history is append-only'); END;
CREATE TRIGGER note_event_no_delete BEFORE DELETE ON note_event
BEGIN SELECT RAISE(ABORT, 'note history is append-only'); END;

CREATE TABLE note_addendum (
    id         TEXT PRIMARY KEY,
    note_id    TEXT NOT NULL REFERENCES note(id),
    text       TEXT NOT NULL,
    signed_by  TEXT NOT NULL REFERENCES app_user(id),
    signed_at  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    device_id  TEXT NOT NULL,
    hlc        TEXT NOT NULL
) STRICT;
CREATE INDEX note_addendum_note ON note_addendum (note_id, signed_at);
CREATE TRIGGER note_addendum_signed_note BEFORE INSERT ON note_addendum
WHEN (SELECT status FROM note WHERE id = NEW.note_id) NOT IN ('SIGNED', 'COSIGNED')
BEGIN SELECT RAISE(ABORT, 'addenda follow a signed note'); END;
CREATE TRIGGER note_addendum_no_update BEFORE UPDATE ON note_addendum
BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
CREATE TRIGGER note_addendum_no_delete BEFORE DELETE ON note_addendum
BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
