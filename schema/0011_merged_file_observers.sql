-- constat schema: whose events each file `constat merge --watch` merged carried (issue 18 point
-- 3: the coordination view lists each observer's last file time). One row per merged file
-- (`merged_file`, by content) and observer named in it; files merged before this schema have
-- none (their observers show their latest event only).
CREATE TABLE merged_file_observer (
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    observer    TEXT NOT NULL,
    PRIMARY KEY (observer, sha256, size)
) WITHOUT ROWID;
