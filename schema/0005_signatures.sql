-- constat schema, version 5: every event signed, the observer's name and reference data covered
-- by a signed statement, and the secret key out of the database.

-- The signature of each event: the observer's Ed25519 signature of the chain head at the event's
-- position (`["constat-head/1", observer, seq, hash]`, docs/formats.md "Hash chain"), written in
-- the same transaction as the event. Append-only, like the events.
CREATE TABLE event_signature (
    event       TEXT PRIMARY KEY REFERENCES event(id),
    signature   TEXT NOT NULL CHECK (length(signature) = 128)
) WITHOUT ROWID;

CREATE TRIGGER event_signature_is_append_only_no_update BEFORE UPDATE ON event_signature
BEGIN
    SELECT RAISE(ABORT, 'signatures are append-only');
END;
CREATE TRIGGER event_signature_is_append_only_no_delete BEFORE DELETE ON event_signature
BEGIN
    SELECT RAISE(ABORT, 'signatures are append-only');
END;

-- The SHA-256 (hex) of the reference data the observer worked against (docs/formats.md,
-- "Reference digest"), and the observer's signature (hex) of the statement
-- `["constat-observer/1", id, name, public key hex, reference digest hex]`. NULL for observers
-- known from files of earlier versions or from unsigned CSVs.
ALTER TABLE observer ADD COLUMN reference_digest TEXT
    CHECK (reference_digest IS NULL OR length(reference_digest) = 64);
ALTER TABLE observer ADD COLUMN statement TEXT
    CHECK (statement IS NULL OR length(statement) = 128);

-- The secret key now lives in a key file outside the database (docs/formats.md, "Key file"):
-- constat moves it there before this migration runs, with secure_delete on, and VACUUMs after.
DROP TABLE local_key;
