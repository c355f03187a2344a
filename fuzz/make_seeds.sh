#!/usr/bin/env bash
# Writes the generated part of the seed corpus into fuzz/seeds/ (committed): an observer's
# database and its events CSV made by the real binary from the Paris sample, and the plain
# mode's typed lines. The rest of the corpus is taken from tests/fixtures and sample_data by
# run.sh at each run. Needs `cargo build` of the main crate first.
set -euo pipefail
cd "$(dirname "$0")"
bin=../target/debug/constat
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/obs.db"
c() { LANG=fr_FR.UTF-8 "$bin" --db "$db" "$@" >/dev/null; }
c init --sample paris-1-2017 --observer "Alice Martin"
c tick --circonscription 7501 --candidate 1 --item bureau --value absent
c tick --circonscription 7501 --candidate 2 --item courrier --value present --note "bulletins épuisés à 10 h"
c tick --circonscription 7501 --candidate 3 --item bureau --value present
c envelope --circonscription 7501 --voters 3 --received 2
c non-receipt --circonscription 7501 --bureau 75056_0911 --voter "Jean Dupont"
mkdir -p seeds/untrusted_db seeds/events_csv seeds/plain_line
rm -f seeds/untrusted_db/* seeds/events_csv/*
c export db -o "$PWD/seeds/untrusted_db/observer.db"
c export csv -o "$PWD/seeds/events_csv/events.csv"
# A database with no event yet, and the sample's own record.
LANG=fr_FR.UTF-8 "$bin" --db "$work/empty.db" init --sample paris-1-2017 --observer Bob >/dev/null
LANG=fr_FR.UTF-8 "$bin" --db "$work/empty.db" export db -o "$PWD/seeds/untrusted_db/no-event.db" >/dev/null
i=0
while IFS= read -r line; do
  i=$((i + 1))
  printf '%s' "$line" > "seeds/plain_line/$i.txt"
done <<'LINES'
3 foi p
  3   courrier   absent 
12 BUREAU Présent
3 f -
3. c a
4 b clear
4 mail effacer
tous b p
all mail absent
enveloppe 3 2
non-reçu Jean Dupont
aide
help
q
oui
non
annuler
undo
LINES
ls -la seeds/*
