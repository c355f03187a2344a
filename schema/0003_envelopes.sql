-- constat schema, version 3: several envelopes per household, and when the envelopes came.

-- A tick of an envelope item (profession de foi, mailed ballot) may name which of the household's
-- envelopes it was checked in (1, 2, …); NULL means the first (and, before version 3, the only).
ALTER TABLE event ADD COLUMN envelope INTEGER
    CHECK (envelope IS NULL OR (kind = 'tick' AND item IN ('foi', 'courrier')
                                AND envelope BETWEEN 1 AND 999));

-- The day a household's envelopes arrived (YYYY-MM-DD), on envelope events, when given.
ALTER TABLE event ADD COLUMN received_on TEXT
    CHECK (received_on IS NULL OR (kind = 'envelope'
                                   AND received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'));
