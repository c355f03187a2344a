#!/usr/bin/env bash
# Replays the 2017 reference record of Paris's 1st circonscription into a database through the
# ordinary `constat` commands: 66 ticks, the household envelope (1 envelope for 4 voters) and the
# observer's own non-receipt.
#
#   sample_data/paris-1-2017/replay-record.sh DB [CONSTAT]
#
# DB must have been created with `constat init --db DB --sample paris-1-2017 --observer NAME`.
# CONSTAT is the constat binary (default: `constat` on the PATH).
#
# The facts are typed in today but were seen in 2017: each command says when with --seen-at (the
# record gives no time of day; the envelope is dated the Saturday, the table the Sunday morning).
set -euo pipefail
db=${1:?usage: replay-record.sh DB [CONSTAT]}
constat=${2:-constat}
here=$(cd "$(dirname "$0")" && pwd)
saturday="10/06/2017 18:00"
tail -n +2 "$here/record.csv" | while IFS=, read -r circ bureau panel item value; do
  if [ "$item" = bureau ]; then seen="11/06/2017 10:00"; else seen=$saturday; fi
  "$constat" --db "$db" tick --circonscription "$circ" --bureau "$bureau" \
    --candidate "$panel" --item "$item" --value "$value" --seen-at "$seen" >/dev/null
done
"$constat" --db "$db" envelope --circonscription 7501 --bureau 75056_0911 --voters 4 --received 1 \
  --seen-at "$saturday" >/dev/null
"$constat" --db "$db" non-receipt --circonscription 7501 --bureau 75056_0911 --household own \
  --seen-at "$saturday" --note "procès-verbal de non-réception, en deux exemplaires" >/dev/null
echo "reference record replayed into $db"
