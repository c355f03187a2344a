-- constat schema: key disputes (issue 15 point 2).
-- Released migrations are never edited: add a new numbered file instead.
--
-- A file refused by `merge` because it gives an observer this database already holds with
-- another key: one of the two keys is not the observer's, and the first file to arrive must not
-- win. The observer's events held here are set aside from every finding, report and procès-
-- verbal while the dispute is open, until the coordinator settles it with
-- `merge --accept-key FINGERPRINT`: in favour of the key held here (its events count again),
-- or of the file's key (the events held here stay set aside for good; the database, append-only,
-- cannot take the file's chain in their place, so the national database is rebuilt from the
-- files with that key accepted).
CREATE TABLE key_dispute (
    observer    TEXT NOT NULL,
    -- The name the refused file gives the observer (for the coordinator; not trusted).
    name        TEXT NOT NULL,
    -- Fingerprints (`Fingerprint`'s text): the key held here (NULL: held without a key) and the
    -- refused file's.
    held        TEXT,
    claimed     TEXT NOT NULL,
    -- The refused file's path as the merge was given it.
    path        TEXT NOT NULL,
    raised_at   TEXT NOT NULL,
    -- The fingerprint `--accept-key` chose (`held` or `claimed`), and when; NULL while open.
    settled     TEXT CHECK (settled IS NULL OR settled = held OR settled = claimed),
    settled_at  TEXT CHECK ((settled IS NULL) = (settled_at IS NULL)),
    PRIMARY KEY (observer, claimed)
) WITHOUT ROWID;
