#!/usr/bin/env python3
"""The forger's tool of the forgery corpus (tests/integration/forgery.rs, issue 15): builds
forged evidence from GENUINE files with nothing but the public format (docs/formats.md) and the
standard library: hashes recomputed, MANIFEST recomputed, heads and MANIFEST re-signed with
whatever key the forger holds.

    forge.py ATTACK GENUINE_FOLDER OUT_FOLDER [--victim NAME] [--secret HEX] [--drop-head]
    forge.py db-ATTACK DATABASE --victim NAME           (changes DATABASE in place: give a copy)
    forge.py csv-ATTACK EVENTS_CSV OUT_CSV --victim NAME (an events CSV of `constat export csv`)

--secret: the Ed25519 secret key the forger holds (the exporter's own, or one stolen); with it
the MANIFEST (and, for new-key and stolen-key, the victim's head) is signed again.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_folder import (G, P, Q, _mul, canonical, digest_of_heads, fingerprint,  # noqa: E402
                          head_message, read_csv)


# --- Ed25519 signing (RFC 8032, section 6), what a forger needs beside verification ----------
def _expand(secret):
    h = hashlib.sha512(secret).digest()
    return (int.from_bytes(h[:32], "little") & ((1 << 254) - 8)) | (1 << 254), h[32:]


def _compress(pt):
    zi = pow(pt[2], P - 2, P)
    x, y = pt[0] * zi % P, pt[1] * zi % P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def public_of(secret):
    return _compress(_mul(_expand(secret)[0], G))


def sign(secret, message):
    a, prefix = _expand(secret)
    public = _compress(_mul(a, G))
    r = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % Q
    big_r = _compress(_mul(r, G))
    h = int.from_bytes(hashlib.sha512(big_r + public + message).digest(), "little") % Q
    return big_r + ((r + h * a) % Q).to_bytes(32, "little")


def quote(cell):
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else cell


# --- Folders -----------------------------------------------------------------------------------
class Folder:
    def __init__(self, path):
        self.path = path
        with open(os.path.join(path, "events.csv"), encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            self.header = reader.fieldnames
            self.rows = list(reader)
        self.seals = read_csv(os.path.join(path, "signatures.csv"))
        raw = open(os.path.join(path, "observations.csv"), encoding="utf-8-sig", newline="").read()
        self.obs_delimiter = ";" if raw.startswith("id;") else ","
        reader = csv.DictReader(io.StringIO(raw), delimiter=self.obs_delimiter)
        self.obs_header = reader.fieldnames
        self.observations = {o["id"]: o for o in reader}

    def victim_id(self, name):
        return next(r["observer"] for r in self.rows if r["observer_name"] == name)

    def of(self, observer):
        return [r for r in self.rows if r["observer"] == observer]

    def rechain(self, observer):
        previous = bytes(32)
        for r in self.of(observer):
            previous = hashlib.sha256(previous + canonical(r)).digest()
            r["hash"] = previous.hex()

    def seal(self, observer):
        return next(s for s in self.seals if s["observer"] == observer)

    def sign_head(self, observer, secret):
        s, last = self.seal(observer), self.of(observer)[-1]
        s["public_key"] = public_of(secret).hex()
        s["fingerprint"] = fingerprint(public_of(secret))
        s["signed_seq"], s["signed_hash"] = last["seq"], last["hash"]
        s["signature"] = sign(secret, head_message(observer, int(last["seq"]), last["hash"])).hex()

    def save(self, secret=None, signer=None):
        """events.csv, signatures.csv, chain-digest.txt and the MANIFEST written again; the
        MANIFEST signed again when the forger holds a key."""
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=self.header, lineterminator="\n",
                           extrasaction="ignore")
        w.writeheader()
        w.writerows(self.rows)
        self.write("events.csv", out.getvalue().encode())
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=list(self.seals[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(self.seals)
        self.write("signatures.csv", out.getvalue().encode())
        # observations.csv made to show the forged events (the forger has the format too).
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=self.obs_header, delimiter=self.obs_delimiter,
                           lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in self.rows:
            o = dict(self.observations.get(r["id"]) or self.observations[r["_from"]])
            o.update(id=r["id"], hash=r["hash"])
            if r["kind"] == "tick":
                o.update(item=r["item"], value=r["value"])
            w.writerow(o)
        self.write("observations.csv", b"\xef\xbb\xbf" + out.getvalue().encode())
        heads = {r["observer"]: (int(r["seq"]), bytes.fromhex(r["hash"])) for r in self.rows}
        if heads:
            self.write("chain-digest.txt", (digest_of_heads(heads) + "\n").encode())
        self.remanifest(secret, signer)

    def write(self, name, data):
        with open(os.path.join(self.path, name), "wb") as f:
            f.write(data)

    def remanifest(self, secret=None, signer=None):
        names = sorted(n for n in os.listdir(self.path) if n not in ("MANIFEST", "MANIFEST.sig"))
        manifest = "".join(
            hashlib.sha256(open(os.path.join(self.path, n), "rb").read()).hexdigest() + "  " + n + "\n"
            for n in names).encode()
        self.write("MANIFEST", manifest)
        if secret is not None:
            sig_path = os.path.join(self.path, "MANIFEST.sig")
            old = dict(l.split(": ", 1) for l in open(sig_path).read().splitlines()[1:])
            public = public_of(secret)
            self.write("MANIFEST.sig", (
                "constat-manifest-signature/1\n"
                f"observer: {signer or old['observer']}\n"
                f"public_key: {public.hex()}\n"
                f"fingerprint: {fingerprint(public)}\n"
                f"signature: {sign(secret, manifest).hex()}\n").encode())


def flip_first(rows):
    """The first tick of the rows says the opposite."""
    for r in rows:
        if r["kind"] == "tick":
            r["value"] = "absent" if r["value"] == "present" else "present"
            return
    raise SystemExit("no tick to change")


def edit_bytes(folder, name):
    path = os.path.join(folder.path, name)
    data = open(path, "rb").read()
    for old, new in ((b"absent", b"present"), (b"present", b"absent")):
        if old in data:
            folder.write(name, data.replace(old, new, 1))
            return
    raise SystemExit(f"nothing to change in {name}")


def forge_folder(args):
    if args.attack == "empty":
        os.makedirs(args.out)
        open(os.path.join(args.out, "MANIFEST"), "wb").close()
        return
    shutil.copytree(args.genuine, args.out)
    f = Folder(args.out)
    secret = bytes.fromhex(args.secret) if args.secret else None
    victim = f.victim_id(args.victim) if args.victim else None
    if args.attack in ("edit-observations", "edit-report-html"):
        edit_bytes(f, "observations.csv" if args.attack == "edit-observations" else "report.html")
        f.remanifest(secret)
        return
    if args.attack == "edit-events":
        flip_first(f.of(victim))
        f.rechain(victim)
    elif args.attack in ("append", "append-unsigned"):
        last = dict(f.of(victim)[-1])
        last["_from"] = last["id"]
        last.update(id=str(uuid.uuid4()), seq=str(int(last["seq"]) + 1),
                    note="present, erreur de ma part")
        flip_first([last])
        if args.attack == "append-unsigned":
            # No signature at all on the appended row (rather than the previous row's copied).
            last["signature"] = ""
        at = f.rows.index(f.of(victim)[-1]) + 1
        f.rows.insert(at, last)
        f.rechain(victim)
    elif args.attack == "drop-last":
        f.rows.remove(f.of(victim)[-1])
        if args.drop_head:
            s = f.seal(victim)
            s["signed_seq"] = s["signed_hash"] = s["signature"] = ""
    elif args.attack == "orphan":
        row = dict(f.rows[0])
        row["_from"] = row["id"]
        row.update(id=str(uuid.uuid4()), observer=str(uuid.uuid4()), observer_name="fantôme",
                   seq="1")
        f.rows.append(row)
        f.rechain(row["observer"])
    elif args.attack == "garble-name":
        garbled = garble(args.victim)
        for r in f.of(victim):
            r["observer_name"] = quote(garbled)
        f.seal(victim)["observer_name"] = quote(garbled)
    elif args.attack == "strip-statement":
        # The name garbled and the signed statement that covers it removed: every event and its
        # signature are left as they were (nothing a signature covers is touched).
        garbled = garble(args.victim)
        for r in f.of(victim):
            r["observer_name"] = quote(garbled)
            r["observer_statement"] = r["reference_digest"] = ""
        f.seal(victim)["observer_name"] = quote(garbled)
    elif args.attack == "time-back":
        # With the observer's stolen key: the last event dated an hour before the one before it,
        # the chain recomputed and every row and the head signed again, so that nothing but the
        # order of time tells.
        rows = f.of(victim)
        before = rows[-2]["recorded_at"]
        hour = int(before[11:13])
        if hour == 0:
            raise SystemExit("time-back: the previous event is at midnight; pick another fixture")
        earlier = lambda t: t[:11] + f"{hour - 1:02d}" + t[13:]
        rows[-1]["recorded_at"] = earlier(before)
        shown = f.observations[rows[-1]["id"]]
        shown["recorded_at"] = earlier(shown["recorded_at"][:11] + before[11:13] + shown["recorded_at"][13:])
        f.rechain(victim)
        for r in rows:
            r["signature"] = sign(secret, head_message(victim, int(r["seq"]), r["hash"])).hex()
        f.sign_head(victim, secret)
        f.save(secret, signer=victim)
        return
    elif args.attack in ("new-key", "stolen-key"):
        flip_first(f.of(victim))
        f.rechain(victim)
        if args.attack == "new-key":
            secret = os.urandom(32)
        f.sign_head(victim, secret)
        f.save(secret, signer=victim)
        return
    else:
        raise SystemExit(f"unknown attack {args.attack}")
    f.save(secret)


def garble(name):
    """The name as a spreadsheet that reads UTF-8 as Latin-1 writes it back ("Léa" → "LÃ©a"),
    an accent added first so that an ASCII name changes too."""
    return (name + "é").encode("utf-8").decode("latin-1")


# --- Databases ---------------------------------------------------------------------------------
COLUMNS = ["id", "observer", "seq", "recorded_at", "kind", "circonscription", "bureau", "panel",
           "item", "value", "voters", "received", "voter", "target", "note", "hash", "envelope",
           "received_on", "seen_at", "machines", "household"]


def as_csv_row(db_row):
    """A database row as the events CSV writes it (what `canonical` reads)."""
    row = {}
    for c, v in zip(COLUMNS, db_row):
        if c in ("machines", "household"):
            row[c] = "" if v is None else ("true" if v else "false")
        elif c in ("voter", "note"):
            row[c] = quote(v or "")
        else:
            row[c] = "" if v is None else str(v)
    return row


def forge_db(args):
    conn = sqlite3.connect(args.genuine)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    victim = conn.execute("SELECT id FROM observer WHERE name = ?", (args.victim,)).fetchone()[0]
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM event WHERE observer = ? ORDER BY seq",
                        (victim,)).fetchall()
    attack = args.attack[3:]
    if attack == "append":
        last = as_csv_row(rows[-1])
        values = list(rows[-1])
        values[0], values[2] = str(uuid.uuid4()), int(last["seq"]) + 1
        values[9] = "absent" if values[9] == "present" else "present"
        values[14] = "present, erreur de ma part"
        new = as_csv_row(values)
        values[15] = hashlib.sha256(bytes.fromhex(last["hash"]) + canonical(new)).hexdigest()
        conn.execute(f"INSERT INTO event ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     values)
    elif attack == "cut":
        conn.execute("DELETE FROM event WHERE observer = ? AND seq = ?", (victim, rows[-1][2]))
        conn.execute("DELETE FROM chain_head WHERE observer = ?", (victim,))
    elif attack == "orphan":
        values = list(rows[0])
        values[0], values[1], values[2] = str(uuid.uuid4()), str(uuid.uuid4()), 1
        values[15] = hashlib.sha256(bytes(32) + canonical(as_csv_row(values))).hexdigest()
        conn.execute(f"INSERT INTO event ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     values)
    elif attack == "forged-key-change":
        # A key change of the victim's chain to a key of the forger's, signed by that new key
        # only (the forger does not hold the victim's), the head and the statement signed again
        # with it: what `constat key new --lost` writes, without the victim.
        secret = os.urandom(32)
        public = public_of(secret).hex()
        old_key, name, digest = conn.execute(
            "SELECT public_key, name, reference_digest FROM observer WHERE id = ?",
            (victim,)).fetchone()
        last = as_csv_row(rows[-1])
        seq = int(last["seq"]) + 1
        values = [None] * len(COLUMNS)
        values[0], values[1], values[2], values[3] = str(uuid.uuid4()), victim, seq, last["recorded_at"]
        values[4], values[12], values[14] = "key_change", old_key, public
        values[15] = hashlib.sha256(bytes.fromhex(last["hash"])
                                    + canonical(as_csv_row(values))).hexdigest()
        conn.execute(f"INSERT INTO event ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     values)
        signature = sign(secret, head_message(victim, seq, values[15])).hex()
        conn.execute("INSERT INTO event_signature (event, signature) VALUES (?, ?)",
                     (values[0], signature))
        conn.execute("UPDATE chain_head SET seq = ?, hash = ?, signature = ? WHERE observer = ?",
                     (seq, values[15], signature, victim))
        conn.execute("UPDATE observer SET public_key = ?, statement = ? WHERE id = ?",
                     (public, sign(secret, statement_message(victim, name, public, digest)).hex(),
                      victim))
    elif attack == "strip-statement":
        conn.execute("UPDATE observer SET name = ?, reference_digest = NULL, statement = NULL"
                     " WHERE id = ?", (garble(args.victim), victim))
    elif attack == "strip-key":
        # The observer's key, statement, head and every signature removed: a chain that says
        # nothing of who wrote it (what constat accepts only from files that never had keys).
        kept = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            " AND tbl_name = 'event_signature'").fetchall()
        for name, _ in kept:
            conn.execute(f"DROP TRIGGER {name}")
        triggers += kept
        conn.execute("DELETE FROM event_signature WHERE event IN"
                     " (SELECT id FROM event WHERE observer = ?)", (victim,))
        conn.execute("DELETE FROM chain_head WHERE observer = ?", (victim,))
        conn.execute("UPDATE observer SET public_key = NULL, reference_digest = NULL,"
                     " statement = NULL WHERE id = ?", (victim,))
    elif attack == "garble":
        conn.execute("UPDATE observer SET name = ? WHERE id = ?",
                     (garble(args.victim), victim))
    elif attack == "new-key":
        rows = [list(r) for r in rows]
        rows[0][9] = "absent" if rows[0][9] == "present" else "present"
        previous = bytes(32)
        for r in rows:
            previous = hashlib.sha256(previous + canonical(as_csv_row(r))).digest()
            conn.execute("UPDATE event SET value = ?, hash = ? WHERE id = ?",
                         (r[9], previous.hex(), r[0]))
        secret = os.urandom(32)
        seq = rows[-1][2]
        conn.execute("UPDATE observer SET public_key = ? WHERE id = ?",
                     (public_of(secret).hex(), victim))
        conn.execute("UPDATE chain_head SET seq = ?, hash = ?, signature = ? WHERE observer = ?",
                     (seq, previous.hex(), sign(secret, head_message(victim, seq, previous.hex())).hex(),
                      victim))
    else:
        raise SystemExit(f"unknown attack {args.attack}")
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def statement_message(observer, name, public_hex, digest_hex):
    """The observer's signed statement (docs/formats.md, "Hash chain")."""
    return json.dumps(["constat-observer/1", observer, name, public_hex, digest_hex],
                      ensure_ascii=False, separators=(",", ":")).encode()


def forge_csv(args):
    """csv-new-key: the victim's first tick flipped, the chain recomputed, every row re-signed
    with a NEW key (signature, public_key, observer_statement): a file consistent in itself.
    csv-unsigned: the same edit with the key and signatures left out (blank cells).
    csv-strip-statement: nothing signed touched; the name garbled and the observer's signed
    statement (and reference digest) left out."""
    raw = open(args.genuine, encoding="utf-8-sig", newline="").read()
    reader = csv.DictReader(io.StringIO(raw))
    header, rows = reader.fieldnames, list(reader)
    victim = next(r["observer"] for r in rows if r["observer_name"] == args.victim)
    mine = [r for r in rows if r["observer"] == victim]
    if args.attack == "csv-strip-statement":
        # Events and signatures untouched; the name garbled, its signed statement removed.
        for r in mine:
            r["observer_name"] = quote(garble(args.victim))
            r["observer_statement"] = r["reference_digest"] = ""
        write_csv(args.out, header, rows)
        return
    flip_first(mine)
    previous = bytes(32)
    for r in mine:
        previous = hashlib.sha256(previous + canonical(r)).digest()
        r["hash"] = previous.hex()
    if args.attack == "csv-new-key":
        secret = os.urandom(32)
        public = public_of(secret).hex()
        for r in mine:
            r["public_key"] = public
            r["signature"] = sign(secret, head_message(victim, int(r["seq"]), r["hash"])).hex()
            r["observer_statement"] = sign(secret, statement_message(
                victim, r["observer_name"], public, r["reference_digest"])).hex()
    elif args.attack == "csv-unsigned":
        for r in mine:
            r["public_key"] = r["signature"] = r["observer_statement"] = ""
    else:
        raise SystemExit(f"unknown attack {args.attack}")
    write_csv(args.out, header, rows)


def write_csv(path, header, rows):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    open(path, "w", encoding="utf-8", newline="").write(out.getvalue())


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("attack")
    p.add_argument("genuine")
    p.add_argument("out", nargs="?")
    p.add_argument("--victim")
    p.add_argument("--secret")
    p.add_argument("--drop-head", action="store_true")
    a = p.parse_args()
    if a.attack.startswith("db-"):
        forge_db(a)
    elif a.attack.startswith("csv-"):
        forge_csv(a)
    else:
        forge_folder(a)
