-- Tandem schema version 3: the resource directory, referrals and their append-only history (issue 4).
-- A referral row holds where it stands now (for lists); every change is also a referral_event, written once.
-- Closed outcomes are final (only "entered in error" may follow them); the triggers below refuse anything else.

CREATE TABLE referral_destination (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    needs       TEXT NOT NULL DEFAULT '',  -- Need names, space-separated
    phone       TEXT NOT NULL DEFAULT '',
    text_line   TEXT NOT NULL DEFAULT '',
    web         TEXT NOT NULL DEFAULT '',
    languages   TEXT NOT NULL DEFAULT '',
    hours       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    private_use INTEGER NOT NULL DEFAULT 0,
    seed_key    TEXT UNIQUE,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT,
    device_id   TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    deleted_at  TEXT
) STRICT;

CREATE TABLE referral (
    id               TEXT PRIMARY KEY,
    family_id        TEXT NOT NULL REFERENCES family(id),
    subject_id       TEXT NOT NULL REFERENCES person(id),
    kind             TEXT NOT NULL CHECK (kind IN ('COMMUNITY', 'WARM_HANDOFF')),
    need             TEXT NOT NULL,
    destination_id   TEXT REFERENCES referral_destination(id),
    destination_name TEXT NOT NULL DEFAULT '',
    reason           TEXT NOT NULL DEFAULT '',
    urgency          TEXT NOT NULL CHECK (urgency IN ('ROUTINE', 'SOON', 'URGENT', 'SAME_DAY')),
    referrer_id      TEXT NOT NULL REFERENCES app_user(id),
    follow_up_date   TEXT,
    consent_to_share INTEGER NOT NULL DEFAULT 0,
    visit_id         TEXT REFERENCES visit(id),
    screening_id     TEXT REFERENCES screening(id),
    alert_id         TEXT REFERENCES screening_alert(id),
    previous_id      TEXT REFERENCES referral(id),
    private          INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD',
                       'COULD_NOT_CONTACT', 'COMPLETED', 'DECLINED_BY_ORGANISATION', 'COULD_NOT_GET_HELP',
                       'FAMILY_DECLINED', 'REFERRED_ELSEWHERE', 'ENTERED_IN_ERROR')),
    status_reason    TEXT NOT NULL DEFAULT '',
    first_update_at  TEXT,
    closed_at        TEXT,
    created_at       TEXT NOT NULL,
    created_by       TEXT,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT,
    device_id        TEXT NOT NULL,
    hlc              TEXT NOT NULL,
    revision         INTEGER NOT NULL DEFAULT 1,
    deleted_at       TEXT
) STRICT;
CREATE INDEX referral_family ON referral (family_id, created_at);
CREATE INDEX referral_open ON referral (follow_up_date) WHERE closed_at IS NULL;
CREATE INDEX referral_screening ON referral (screening_id);
CREATE INDEX referral_alert ON referral (alert_id);

CREATE TRIGGER referral_final BEFORE UPDATE ON referral
WHEN OLD.status = 'ENTERED_IN_ERROR'
  OR (OLD.status IN ('COMPLETED', 'DECLINED_BY_ORGANISATION', 'COULD_NOT_GET_HELP', 'FAMILY_DECLINED',
                     'REFERRED_ELSEWHERE') AND NEW.status <> 'ENTERED_IN_ERROR')
BEGIN SELECT RAISE(ABORT, 'a closed referral cannot change'); END;
CREATE TRIGGER referral_no_delete BEFORE DELETE ON referral
BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;

CREATE TABLE referral_event (
    id              TEXT PRIMARY KEY,
    referral_id     TEXT NOT NULL REFERENCES referral(id),
    kind            TEXT NOT NULL CHECK (kind IN ('CREATED', 'STATUS', 'FOLLOW_UP')),
    status          TEXT NOT NULL,
    previous_status TEXT,
    contact         TEXT CHECK (contact IN ('REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'TEXTED', 'SPOKE_WITH_DESTINATION')),
    reason          TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    follow_up_date  TEXT,
    at              TEXT NOT NULL,
    by_user         TEXT REFERENCES app_user(id),
    device_id       TEXT NOT NULL,
    hlc             TEXT NOT NULL
) STRICT;
CREATE INDEX referral_event_referral ON referral_event (referral_id, at);
CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event
BEGIN SELECT RAISE(ABORT, 'referral history is append-only'); END;
CREATE TRIGGER referral_event_no_delete BEFORE DELETE ON referral_event
BEGIN SELECT RAISE(ABORT, 'referral history is append-only'); END;
