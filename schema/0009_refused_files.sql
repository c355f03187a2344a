-- constat schema: the files `constat merge` (and `merge --watch`) refused, with why (issue 18
-- point 3: a refused file is never buried among the merged ones; the coordination view lists
-- them first). One row per path and content: the same file refused again updates its time; a
-- file merged later from the same path removes its rows.
CREATE TABLE refused_file (
    -- The path as the merge was given it (for the coordinator; not checked).
    path        TEXT NOT NULL,
    -- Its file name.
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    refused_at  TEXT NOT NULL,
    -- The reason's message id in locales/*/reasons.ftl (`refusal-copied-database`, …): what a
    -- program or a test looks at.
    reason      TEXT NOT NULL,
    -- The reason rendered in each language of the catalogue, for the view.
    text_fr     TEXT NOT NULL,
    text_en     TEXT NOT NULL,
    PRIMARY KEY (path, sha256, size)
) WITHOUT ROWID;
CREATE INDEX refused_file_at ON refused_file (refused_at);
