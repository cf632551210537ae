-- Tandem schema version 7: sync between laptops through package files (issue 6, ADR 0009).
-- What this laptop has sent and read, the conflicts kept for a person to resolve, and the guard under which a
-- package is applied. The laptop-local sync_package never leave this file; sync_conflict syncs.

-- Finds a record's change-log entries (its per-field versions) without scanning the log.
CREATE INDEX change_log_entity ON change_log (entity_id, entity);

-- Holds a row only inside the transaction that applies a package (inserted first, deleted before commit). The
-- lifecycle triggers below stand aside while it does: a package carries rows that were already checked by the
-- laptop that wrote them, and the merge (SyncStore) never moves a record back in its lifecycle.
CREATE TABLE sync_guard (
    applying INTEGER NOT NULL
) STRICT;

-- Every package read, by its checksum (a package read twice changes nothing), with the laptop that wrote it, its
-- number in that laptop's series and what the writer held then, so that what this laptop knows can be told.
CREATE TABLE sync_package (
    sha256     TEXT PRIMARY KEY,
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    knowledge  TEXT NOT NULL,  -- JSON {device: newest HLC it holds from that device}
    file_name  TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;
CREATE INDEX sync_package_device ON sync_package (device_id, seq);

-- A value of one field that lost to another value written at the same time on another laptop: kept, never
-- dropped, until a person chooses. Its id is the same on every laptop (from record, field and the lost version).
CREATE TABLE sync_conflict (
    id           TEXT PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    field        TEXT NOT NULL,
    kept_value   TEXT,           -- JSON of the value the record holds
    kept_hlc     TEXT NOT NULL,
    kept_by      TEXT,
    other_value  TEXT,           -- JSON of the value that lost
    other_hlc    TEXT NOT NULL,
    other_by     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    resolution   TEXT,           -- JSON of the value the person chose
    resolved_by  TEXT,
    resolved_at  TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    device_id    TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
) STRICT;
CREATE INDEX sync_conflict_open ON sync_conflict (created_at) WHERE status = 'OPEN';

-- The lifecycle triggers of V002-V005, the same but for the sync guard.
DROP TRIGGER screening_final;
CREATE TRIGGER screening_final BEFORE UPDATE ON screening
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND (OLD.status = 'ENTERED_IN_ERROR'
  OR (OLD.status IN ('COMPLETED', 'NOT_DONE') AND NEW.status <> 'ENTERED_IN_ERROR'))
BEGIN SELECT RAISE(ABORT, 'a finished screen cannot change'); END;

DROP TRIGGER screening_answer_insert;
CREATE TRIGGER screening_answer_insert BEFORE INSERT ON screening_answer
WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
  AND (SELECT status FROM screening WHERE id = NEW.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;
DROP TRIGGER screening_answer_update;
CREATE TRIGGER screening_answer_update BEFORE UPDATE ON screening_answer
WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
  AND (SELECT status FROM screening WHERE id = OLD.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;
DROP TRIGGER screening_answer_delete;
CREATE TRIGGER screening_answer_delete BEFORE DELETE ON screening_answer
WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
  AND (SELECT status FROM screening WHERE id = OLD.screening_id) IS NOT 'IN_PROGRESS'
BEGIN SELECT RAISE(ABORT, 'answers change only while a screen is in progress'); END;

DROP TRIGGER screening_alert_final;
CREATE TRIGGER screening_alert_final BEFORE UPDATE ON screening_alert
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND OLD.status <> 'OPEN'
BEGIN SELECT RAISE(ABORT, 'a closed alert cannot change'); END;

DROP TRIGGER referral_final;
CREATE TRIGGER referral_final BEFORE UPDATE ON referral
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND (OLD.status = 'ENTERED_IN_ERROR'
  OR (OLD.status IN ('COMPLETED', 'DECLINED_BY_ORGANISATION', 'COULD_NOT_GET_HELP', 'FAMILY_DECLINED',
                     'REFERRED_ELSEWHERE') AND NEW.status <> 'ENTERED_IN_ERROR'))
BEGIN SELECT RAISE(ABORT, 'a closed referral cannot change'); END;

DROP TRIGGER note_signed_final;
CREATE TRIGGER note_signed_final BEFORE UPDATE ON note
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND OLD.status IN ('SIGNED', 'COSIGNED')
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change'); END;
DROP TRIGGER note_awaiting_cosign;
CREATE TRIGGER note_awaiting_cosign BEFORE UPDATE ON note
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND OLD.status = 'AWAITING_COSIGN' AND (
    NEW.status NOT IN ('AWAITING_COSIGN', 'COSIGNED', 'RETURNED')
    OR NEW.content IS NOT OLD.content OR NEW.template_id IS NOT OLD.template_id
    OR NEW.author_id IS NOT OLD.author_id OR NEW.visit_id IS NOT OLD.visit_id
    OR (NEW.status <> 'RETURNED' AND (NEW.content_hash IS NOT OLD.content_hash OR NEW.signed_by IS NOT OLD.signed_by
                                      OR NEW.signed_at IS NOT OLD.signed_at)))
BEGIN SELECT RAISE(ABORT, 'a signed note cannot change'); END;

DROP TRIGGER visit_signed_note;
CREATE TRIGGER visit_signed_note BEFORE UPDATE OF kind, minutes, place, child_screens ON visit
WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
  AND (NEW.kind IS NOT OLD.kind OR NEW.minutes IS NOT OLD.minutes OR NEW.place IS NOT OLD.place
      OR NEW.child_screens IS NOT OLD.child_screens)
  AND EXISTS (SELECT 1 FROM note WHERE visit_id = OLD.id AND status IN ('AWAITING_COSIGN', 'SIGNED', 'COSIGNED'))
BEGIN SELECT RAISE(ABORT, 'the visit of a signed note cannot change'); END;

DROP TRIGGER note_addendum_signed_note;
CREATE TRIGGER note_addendum_signed_note BEFORE INSERT ON note_addendum
WHEN NOT EXISTS (SELECT 1 FROM sync_guard)
  AND (SELECT status FROM note WHERE id = NEW.note_id) NOT IN ('SIGNED', 'COSIGNED')
BEGIN SELECT RAISE(ABORT, 'addenda follow a signed note'); END;

DROP TRIGGER visit_billing_code_remove_only;
CREATE TRIGGER visit_billing_code_remove_only BEFORE UPDATE ON visit_billing_code
WHEN NOT EXISTS (SELECT 1 FROM sync_guard) AND (OLD.removed_at IS NOT NULL OR NEW.removed_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'an accepted code is only ever removed'); END;
