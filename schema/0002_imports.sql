-- constat schema, version 2: official data imports.

-- Bureaux from INSEE's REU table have no circonscription until Etalab's table gives it:
-- rebuild the bureau table with a nullable circonscription.
CREATE TABLE bureau_v2 (
    code            TEXT PRIMARY KEY,
    circonscription TEXT REFERENCES circonscription(code),
    label           TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    commune         TEXT NOT NULL DEFAULT '',
    voting_machines INTEGER NOT NULL DEFAULT 0 CHECK (voting_machines IN (0, 1))
) WITHOUT ROWID;
INSERT INTO bureau_v2 SELECT code, circonscription, label, address, commune, voting_machines FROM bureau;
DROP TABLE bureau;
ALTER TABLE bureau_v2 RENAME TO bureau;
CREATE INDEX bureau_by_circonscription ON bureau(circonscription);

-- A candidate missing from a later import of the official list is kept (events refer to it)
-- and marked withdrawn.
ALTER TABLE candidate ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));

-- Every import, for provenance: which file, what it was recognised as, what it changed.
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('candidates', 'bureaux')),
    file        TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    changed     INTEGER NOT NULL,
    withdrawn   INTEGER NOT NULL
);
