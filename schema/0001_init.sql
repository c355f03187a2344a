-- constat schema, version 1.
-- Released migrations are never edited: add a new numbered file instead.

-- The election this database records, one row.
CREATE TABLE election (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    kind        TEXT NOT NULL CHECK (kind IN ('legislatives', 'presidentielle', 'europeennes',
                                               'municipales', 'regionales', 'departementales')),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1958 AND 2200),
    round       INTEGER NOT NULL CHECK (round IN (1, 2)),
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);

CREATE TABLE circonscription (
    code        TEXT PRIMARY KEY,
    label       TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE candidate (
    circonscription TEXT NOT NULL REFERENCES circonscription(code),
    panel           INTEGER NOT NULL CHECK (panel BETWEEN 1 AND 999),
    surname         TEXT NOT NULL,
    given_name      TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    nuance          TEXT NOT NULL,
    PRIMARY KEY (circonscription, panel)
) WITHOUT ROWID;

CREATE TABLE bureau (
    code            TEXT PRIMARY KEY,
    circonscription TEXT NOT NULL REFERENCES circonscription(code),
    label           TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    commune         TEXT NOT NULL DEFAULT '',
    voting_machines INTEGER NOT NULL DEFAULT 0 CHECK (voting_machines IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX bureau_by_circonscription ON bureau(circonscription);

-- Everyone whose events this file holds. Exactly one row is the local observer (this file's owner).
CREATE TABLE observer (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    -- Ed25519 public key (hex) that signs this observer's chain head; NULL when unknown (CSV).
    public_key  TEXT CHECK (public_key IS NULL OR length(public_key) = 64),
    is_local    INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    created_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX one_local_observer ON observer(is_local) WHERE is_local = 1;

-- Small settings of this file (for instance the observer's current bureau).
CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
) WITHOUT ROWID;

-- The append-only log. Current state is always derived from it.
-- (observer, seq) is each observer's own series; id is globally unique, so merges are a union.
CREATE TABLE event (
    id              TEXT PRIMARY KEY,
    observer        TEXT NOT NULL REFERENCES observer(id),
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    recorded_at     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('tick', 'envelope', 'non_receipt', 'retract')),
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
    -- SHA-256 (hex) of the previous event's hash and this event's canonical encoding
    -- (docs/formats.md, "Hash chain"): each observer's events form a chain.
    hash            TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (observer, seq),
    CHECK (kind <> 'tick' OR (circonscription IS NOT NULL AND panel IS NOT NULL
                              AND item IS NOT NULL AND value IS NOT NULL
                              AND (item <> 'bureau' OR bureau IS NOT NULL))),
    CHECK (kind <> 'envelope' OR (circonscription IS NOT NULL AND voters IS NOT NULL
                                  AND received IS NOT NULL)),
    CHECK (kind <> 'non_receipt' OR (circonscription IS NOT NULL AND bureau IS NOT NULL)),
    CHECK (kind <> 'retract' OR target IS NOT NULL)
);
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

-- Each observer's chain head, signed with the observer's key: the evidence that the chain up to
-- `seq` is the observer's own.
CREATE TABLE chain_head (
    observer    TEXT PRIMARY KEY REFERENCES observer(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    hash        TEXT NOT NULL CHECK (length(hash) = 64),
    signature   TEXT NOT NULL CHECK (length(signature) = 128)
) WITHOUT ROWID;

-- The local observer's secret signing key (hex). Never exported: `constat export db` strips it.
CREATE TABLE local_key (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    secret      TEXT NOT NULL CHECK (length(secret) = 64)
);
