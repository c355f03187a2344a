-- constat schema: the roster (issue 15 point 2).
-- Released migrations are never edited: add a new numbered file instead.

-- The observers a coordinator enrolled beforehand, by key fingerprint (docs/formats.md,
-- "Fingerprints and PV references": 20 characters of Crockford's base 32, kept without dashes).
-- With a roster, `constat merge` refuses a file signed by a key not enrolled here.
CREATE TABLE roster (
    fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 20),
    name        TEXT NOT NULL,
    added_at    TEXT NOT NULL
) WITHOUT ROWID;
