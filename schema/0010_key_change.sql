-- constat schema: key rotation (issue 15 point 3).
-- Released migrations are never edited: add a new numbered file instead.
--
-- `constat key new` appends a key-change event (kind 'key_change') to the local observer's
-- chain: the previous public key in `voter`, the new one in `note` (64 hex digits each), signed
-- with the previous key (or, with `--lost`, with the new one only). The new kind needs the
-- table's CHECK on `kind` widened: the table is rebuilt, as in versions 4 and 8.

DROP TRIGGER event_is_append_only_no_update;
DROP TRIGGER event_is_append_only_no_delete;

CREATE TABLE event_v10 (
    id              TEXT PRIMARY KEY,
    observer        TEXT NOT NULL REFERENCES observer(id),
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    recorded_at     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('tick', 'envelope', 'non_receipt', 'machines',
                                                  'retract', 'photo', 'key_change')),
    circonscription TEXT,
    bureau          TEXT,
    panel           INTEGER,
    item            TEXT CHECK (item IS NULL OR item IN ('foi', 'courrier', 'bureau')),
    value           TEXT CHECK (value IS NULL OR value IN ('present', 'absent', 'unchecked')),
    voters          INTEGER CHECK (voters IS NULL OR voters >= 0),
    received        INTEGER CHECK (received IS NULL OR received >= 0),
    voter           TEXT,
    target          TEXT,
    note            TEXT,
    hash            TEXT NOT NULL CHECK (length(hash) = 64),
    envelope        INTEGER
        CHECK (envelope IS NULL OR (kind = 'tick' AND item IN ('foi', 'courrier')
                                    AND envelope BETWEEN 1 AND 999)),
    received_on     TEXT
        CHECK (received_on IS NULL OR (kind = 'envelope'
                                       AND received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
    seen_at         TEXT,
    machines        INTEGER CHECK (machines IS NULL OR (kind = 'machines' AND machines IN (0, 1))),
    household       INTEGER CHECK (household IS NULL OR (kind = 'non_receipt' AND household IN (0, 1))),
    -- A photo event: what it is attached to ('bureau', 'cell' with panel and item, 'household',
    -- 'non_receipt' with photo_about the non-receipt's event id).
    photo_of        TEXT CHECK (photo_of IS NULL OR (kind = 'photo'
                                AND photo_of IN ('bureau', 'cell', 'household', 'non_receipt'))),
    photo_about     TEXT CHECK (photo_about IS NULL OR photo_of = 'non_receipt'),
    -- SHA-256 (hex) of the bytes stored, and of the file as given (equal when stored as received).
    photo_sha256    TEXT CHECK (photo_sha256 IS NULL OR length(photo_sha256) = 64),
    photo_original  TEXT CHECK (photo_original IS NULL OR length(photo_original) = 64),
    photo_size      INTEGER CHECK (photo_size IS NULL OR photo_size >= 0),
    photo_type      TEXT CHECK (photo_type IS NULL
                                OR photo_type IN ('image/jpeg', 'image/png', 'image/heic')),
    photo_name      TEXT,
    -- EXIF DateTimeOriginal, the camera's local time: YYYY-MM-DDTHH:MM:SS.
    photo_taken_at  TEXT,
    UNIQUE (observer, seq),
    CHECK (kind <> 'tick' OR (circonscription IS NOT NULL AND panel IS NOT NULL
                              AND item IS NOT NULL AND value IS NOT NULL
                              AND (item <> 'bureau' OR bureau IS NOT NULL))),
    CHECK (kind <> 'envelope' OR (circonscription IS NOT NULL AND voters IS NOT NULL
                                  AND received IS NOT NULL)),
    CHECK (kind <> 'non_receipt' OR (circonscription IS NOT NULL AND bureau IS NOT NULL)),
    CHECK (kind <> 'machines' OR (circonscription IS NOT NULL AND bureau IS NOT NULL
                                  AND machines IS NOT NULL)),
    CHECK (kind <> 'retract' OR target IS NOT NULL),
    -- A key change: the previous public key in `voter`, the new one in `note` (hex).
    CHECK (kind <> 'key_change' OR (length(voter) = 64 AND length(note) = 64)),
    CHECK (kind <> 'photo' OR (circonscription IS NOT NULL AND bureau IS NOT NULL
                               AND photo_of IS NOT NULL AND photo_sha256 IS NOT NULL
                               AND photo_original IS NOT NULL AND photo_size IS NOT NULL
                               AND photo_type IS NOT NULL AND photo_name IS NOT NULL
                               AND (photo_of <> 'cell' OR (panel IS NOT NULL AND item IS NOT NULL))
                               AND (photo_of <> 'non_receipt' OR photo_about IS NOT NULL)))
);
-- In rowid order: each observer's events stay in seq order in storage.
INSERT INTO event_v10 (rowid, id, observer, seq, recorded_at, kind, circonscription, bureau,
                       panel, item, value, voters, received, voter, target, note, hash, envelope,
                       received_on, seen_at, machines, household, photo_of, photo_about,
                       photo_sha256, photo_original, photo_size, photo_type, photo_name,
                       photo_taken_at)
    SELECT rowid, id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item,
           value, voters, received, voter, target, note, hash, envelope, received_on, seen_at,
           machines, household, photo_of, photo_about, photo_sha256, photo_original, photo_size,
           photo_type, photo_name, photo_taken_at
    FROM event ORDER BY rowid;
DROP TABLE event;
ALTER TABLE event_v10 RENAME TO event;
CREATE INDEX event_by_place ON event(circonscription, panel, item);
CREATE INDEX event_by_target ON event(target) WHERE target IS NOT NULL;
CREATE INDEX event_by_photo ON event(photo_sha256) WHERE photo_sha256 IS NOT NULL;

CREATE TRIGGER event_is_append_only_no_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER event_is_append_only_no_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a retraction instead');
END;
