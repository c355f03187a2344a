-- constat schema, version 4: when an observation was seen, voting machines as observations, and
-- whether a non-receipt is of the observer's own household.
--
-- A new event kind needs the table's CHECK on `kind` widened, which SQLite can only do by
-- rebuilding the table: the append-only triggers are dropped for the copy and created again.

DROP TRIGGER event_is_append_only_no_update;
DROP TRIGGER event_is_append_only_no_delete;

CREATE TABLE event_v4 (
    id              TEXT PRIMARY KEY,
    observer        TEXT NOT NULL REFERENCES observer(id),
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    recorded_at     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('tick', 'envelope', 'non_receipt', 'machines',
                                                  'retract')),
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
    -- When the observation was seen, when the observer gave it (a record typed in later); NULL:
    -- at recorded_at. Same format as recorded_at.
    seen_at         TEXT,
    -- A machines event's statement: 1 the bureau votes on machines, 0 it does not.
    machines        INTEGER CHECK (machines IS NULL OR (kind = 'machines' AND machines IN (0, 1))),
    -- A non-receipt's voter is of the observer's own household (1) or not (0); NULL before v4.
    household       INTEGER CHECK (household IS NULL OR (kind = 'non_receipt' AND household IN (0, 1))),
    UNIQUE (observer, seq),
    CHECK (kind <> 'tick' OR (circonscription IS NOT NULL AND panel IS NOT NULL
                              AND item IS NOT NULL AND value IS NOT NULL
                              AND (item <> 'bureau' OR bureau IS NOT NULL))),
    CHECK (kind <> 'envelope' OR (circonscription IS NOT NULL AND voters IS NOT NULL
                                  AND received IS NOT NULL)),
    CHECK (kind <> 'non_receipt' OR (circonscription IS NOT NULL AND bureau IS NOT NULL)),
    CHECK (kind <> 'machines' OR (circonscription IS NOT NULL AND bureau IS NOT NULL
                                  AND machines IS NOT NULL)),
    CHECK (kind <> 'retract' OR target IS NOT NULL)
);
-- In rowid order: each observer's events stay in seq order in storage.
INSERT INTO event_v4 (rowid, id, observer, seq, recorded_at, kind, circonscription, bureau, panel,
                      item, value, voters, received, voter, target, note, hash, envelope,
                      received_on)
    SELECT rowid, id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item,
           value, voters, received, voter, target, note, hash, envelope, received_on
    FROM event ORDER BY rowid;
DROP TABLE event;
ALTER TABLE event_v4 RENAME TO event;
CREATE INDEX event_by_place ON event(circonscription, panel, item);
CREATE INDEX event_by_target ON event(target) WHERE target IS NOT NULL;

CREATE TRIGGER event_is_append_only_no_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER event_is_append_only_no_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a retraction instead');
END;
