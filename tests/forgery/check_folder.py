#!/usr/bin/env python3
"""Checks a constat evidence folder by hand, with nothing but Python 3 and the public format
(docs/formats.md, docs/evidence.md): every file's SHA-256 against the MANIFEST, no file left
out, the MANIFEST's Ed25519 signature (MANIFEST.sig), every observer's hash chain recomputed
from events.csv, their signed heads (signatures.csv), and the chain digest (chain-digest.txt).

    python3 check_folder.py FOLDER      prints what it recomputed; exit 0 only if all holds

Standard library only: Ed25519 verification is the reference code of RFC 8032, section 6.
"""
import csv
import hashlib
import io
import json
import os
import sys
import uuid

# --- Ed25519 verification (RFC 8032, section 6) ---------------------------------------------
P = 2**255 - 19
Q = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    e, f = (a[1] - a[0]) * (b[1] - b[0]) % P, (a[1] + a[0]) * (b[1] + b[0]) % P
    g, h = 2 * a[3] * b[3] * D % P, 2 * a[2] * b[2] % P
    e, f, g, h = f - e, h - g, h + g, f + e
    return (e * f, g * h, f * g, e * h)


def _mul(s, pt):
    acc = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            acc = _add(acc, pt)
        pt = _add(pt, pt)
        s >>= 1
    return acc


def _same(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    return P - x if (x & 1) != sign else x


def _point(b):
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


GY = 4 * pow(5, P - 2, P) % P
G = (_x(GY, 0), GY, 1, _x(GY, 0) * GY % P)


def ed25519_verify(public, message, signature):
    a, r = _point(public), _point(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    return _same(_mul(s, G), _add(r, _mul(h, a)))


# --- The public format -----------------------------------------------------------------------
def fingerprint(public):
    """First 100 bits of SHA-256("constat-key/1" || key), Crockford base 32, groups of 4."""
    bits = int.from_bytes(hashlib.sha256(b"constat-key/1" + public).digest(), "big")
    chars = "".join("0123456789ABCDEFGHJKMNPQRSTVWXYZ"[(bits >> (256 - 5 * (i + 1))) & 31]
                    for i in range(20))
    return "-".join(chars[i:i + 4] for i in range(0, 20, 4))


def unquote(cell):
    """The events CSV adds one ' before a text cell starting with = + - @ tab CR or '."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "'"):
        return cell[1:]
    return cell


def canonical(row):
    """The canonical JSON array of an events.csv row (versions 1 to 4; 4: a photo)."""
    text = lambda c: row.get(c) or None
    number = lambda c: int(row[c]) if row.get(c) else None
    flag = lambda c: {"true": True, "false": False}.get(row.get(c) or "")
    v4 = bool(row.get("photo_of"))
    v3 = v4 or any(row.get(c) for c in ("seen_at", "machines", "household"))
    v2 = v3 or any(row.get(c) for c in ("envelope", "received_on"))
    tag = ("constat-event/4" if v4 else "constat-event/3" if v3
           else "constat-event/2" if v2 else "constat-event/1")
    fields = [tag, row["id"], row["observer"], int(row["seq"]), row["recorded_at"], row["kind"],
              text("circonscription"), text("bureau"), number("panel"), text("item"),
              text("value"), number("voters"), number("received"),
              unquote(row["voter"]) or None, text("target"), unquote(row["note"]) or None]
    if v2:
        fields += [number("envelope"), text("received_on")]
    if v3:
        fields += [text("seen_at"), flag("machines"), flag("household")]
    if v4:
        fields += [row["photo_of"], text("photo_about"), row["photo_sha256"],
                   row["photo_original"], int(row["photo_size"]), row["photo_type"],
                   unquote(row["photo_name"]), text("photo_taken_at")]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()


def link(previous, row):
    return hashlib.sha256(previous + canonical(row)).digest()


def head_message(observer, seq, hash_hex):
    return json.dumps(["constat-head/1", observer, seq, hash_hex], separators=(",", ":")).encode()


def digest_of_heads(heads):
    """heads: {observer: (seq, hash bytes)} -> the chain digest (64 hex digits)."""
    h = hashlib.sha256(b"constat-digest/1")
    for observer in sorted(heads, key=lambda o: uuid.UUID(o).bytes):
        seq, last = heads[observer]
        h.update(uuid.UUID(observer).bytes + seq.to_bytes(8, "big") + last)
    return h.hexdigest()


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- The check -------------------------------------------------------------------------------
def check(folder):
    problems = []
    bad = lambda what: problems.append(what) or print("BROKEN:", what)
    path = lambda name: os.path.join(folder, name)
    names = sorted(os.listdir(folder))
    if not names:
        bad("the folder is empty")
        return problems
    # The photos' folder: its files are named photos/<SHA-256 of the bytes>.<jpg|png|heic>.
    if os.path.isdir(path("photos")) and not os.path.islink(path("photos")):
        names.remove("photos")
        names += sorted("photos/" + n for n in os.listdir(path("photos")))
    inside = lambda name: name.count("/") == 0 or (
        name.startswith("photos/") and name.count("/") == 1 and name[7:] not in ("", ".", ".."))
    manifest = open(path("MANIFEST"), "rb").read() if "MANIFEST" in names else b""
    listed = []
    for line in manifest.decode("utf-8", "replace").splitlines():
        digest, _, name = line.partition("  ")
        listed.append(name)
        if name not in names or not inside(name) or "\\" in name:
            bad(f"{name}: listed in the MANIFEST, not in the folder")
        elif hashlib.sha256(open(path(name), "rb").read()).hexdigest() != digest:
            bad(f"{name}: SHA-256 differs from the MANIFEST")
    if not listed:
        bad("MANIFEST missing or empty")
    for name in names:
        if name not in listed and name not in ("MANIFEST", "MANIFEST.sig"):
            bad(f"{name}: not listed in the MANIFEST")
    seals = {}
    if "signatures.csv" in names:
        for r in read_csv(path("signatures.csv")):
            seals[r["observer"]] = r
    else:
        bad("signatures.csv missing")
    try:
        sig = dict(l.split(": ", 1) for l in open(path("MANIFEST.sig")).read().splitlines()[1:])
        key = bytes.fromhex(sig["public_key"])
        ok = ed25519_verify(key, manifest, bytes.fromhex(sig["signature"]))
        ok = ok and seals.get(sig["observer"], {}).get("public_key") == sig["public_key"]
        print(f"MANIFEST.sig: signed by {sig['observer']}, key {fingerprint(key)}:",
              "valid" if ok else "INVALID")
        if not ok:
            bad("MANIFEST.sig does not verify (or is not the exporter's key in signatures.csv)")
    except (OSError, KeyError, ValueError):
        bad("MANIFEST.sig missing or malformed")
    if "events.csv" not in names:
        bad("events.csv missing")
        return problems
    chains = {}  # observer -> [name, seq, hash, {seq: hash}, broken]
    for row in read_csv(path("events.csv")):
        c = chains.setdefault(row["observer"], [row["observer_name"], 0, bytes(32), {}, None])
        if c[4]:
            continue
        seq = int(row["seq"])
        if seq != c[1] + 1:
            c[4] = f"position {c[1] + 1} missing"
        elif link(c[2], row).hex() != row["hash"]:
            c[4] = f"event {row['id']} at position {seq} does not match its hash"
        else:
            c[1], c[2] = seq, bytes.fromhex(row["hash"])
            c[3][seq] = row["hash"]
    for observer in sorted(set(chains) | {o for o, s in seals.items() if s["signed_seq"]}):
        name, seq, last, hashes, broken = chains.get(observer, ["", 0, bytes(32), {}, None])
        s = seals.get(observer)
        if broken is None and s is None:
            broken = "observer not in signatures.csv: no key checks these events"
        elif broken is None and name and unquote(s["observer_name"]) != unquote(name):
            broken = "name differs from signatures.csv"
        elif broken is None and not (s["public_key"] and s["signed_seq"]):
            broken = "no signed head"
        elif broken is None:
            signed = int(s["signed_seq"])
            msg = head_message(observer, signed, s["signed_hash"])
            if not ed25519_verify(bytes.fromhex(s["public_key"]), msg, bytes.fromhex(s["signature"])):
                broken = f"head signature (position {signed}) does not verify"
            elif hashes.get(signed) != s["signed_hash"]:
                broken = f"signed head (position {signed}) is not in the chain"
            elif signed != seq:
                broken = f"{seq} events, signed up to position {signed} only"
        key = fingerprint(bytes.fromhex(s["public_key"])) if s and s["public_key"] else "no key"
        print(f"chain {name} ({observer}): {seq} events, last hash {last.hex()}, key {key}:",
              "intact" if broken is None else "BROKEN")
        if broken:
            bad(f"chain of {name} ({observer}): {broken}")
    heads = {}
    for row in read_csv(path("events.csv")):
        heads[row["observer"]] = (int(row["seq"]), bytes.fromhex(row["hash"]))
    digest = digest_of_heads(heads) if heads else None
    written = open(path("chain-digest.txt")).read().strip() if "chain-digest.txt" in names else None
    print("chain digest recomputed:", digest)
    if written != digest:
        bad("chain-digest.txt differs from the digest recomputed from events.csv")
    # Each photo event against photos/: the file's SHA-256 must be the event's photo_sha256; a
    # photo whose file is absent was announced but not received, or came as its thumbnail only
    # (photos/<hash>.thumbnail.jpg): neither is a break of the chain.
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/heic": "heic"}
    for row in read_csv(path("events.csv")):
        if row["kind"] != "photo":
            continue
        name = f"photos/{row['photo_sha256']}.{extension.get(row['photo_type'], '')}"
        shown = f"photo {unquote(row['photo_name'])!r} (event {row['id']})"
        if name not in names and f"photos/{row['photo_sha256']}.thumbnail.jpg" in names:
            # Its thumbnail only (covered by the MANIFEST; the event's hash is the original's).
            print(f"{shown}: thumbnail only")
        elif name not in names:
            print(f"{shown}: announced, not received")
        elif hashlib.sha256(open(path(name), "rb").read()).hexdigest() != row["photo_sha256"]:
            bad(f"{name}: not the photo its event {row['id']} announces")
        else:
            print(f"{shown}: intact")
    return problems


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_folder.py FOLDER")
    found = check(sys.argv[1])
    print("ALL INTACT" if not found else f"{len(found)} PROBLEM(S)")
    sys.exit(1 if found else 0)
