-- constat schema: the files `constat merge --watch` has merged (issue 18 point 2).
-- A file seen again with the same size and SHA-256 (a re-synced copy, the watch restarted over
-- the same inbox) is skipped without being merged again. Only files merged whole are listed: a
-- refused file is tried again when its content changes.
CREATE TABLE merged_file (
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    -- The file's name when it was merged (for the coordinator; not checked).
    name        TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    PRIMARY KEY (sha256, size)
) WITHOUT ROWID;
