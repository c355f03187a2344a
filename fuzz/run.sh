#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation (stable Rust: the sancov
# pass is asked of LLVM through RUSTFLAGS) and runs each for SECONDS seconds, on the corpus in
# fuzz/corpus/TARGET (kept between runs, not committed) seeded from fuzz/seeds, tests/fixtures
# and sample_data. Exits non-zero on the first crash, leaving the input in fuzz/artifacts/TARGET/
# (replay it with `fuzz/run.sh --replay TARGET FILE`).
#
#   fuzz/run.sh                          # every target, 10 s each
#   fuzz/run.sh 3600 untrusted_db        # one target for an hour
#   FUZZ_OPT=2 FUZZ_JOBS=2 fuzz/run.sh 3600   # every target an hour, optimised, 2 processes
#   fuzz/run.sh --replay xlsx crash-...  # run one input again (e.g. after a fix)
set -euo pipefail
cd "$(dirname "$0")"

all=(events_csv untrusted_db candidates bureaux xlsx plain_line)
triple=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=3 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares"
export CARGO_TERM_COLOR=never
# FUZZ_TARGET_DIR: where the build goes (fuzz/target by default; CI keeps it across runs).
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target}"
# --target keeps RUSTFLAGS off build scripts and proc macros, which must not be instrumented.
build() {
  local started=$SECONDS
  # FUZZ_OPT=2 optimises constat itself (a longer build, more inputs a second: for long runs).
  cargo build --locked --profile fuzz --target "$triple" --bins \
    ${FUZZ_OPT:+--config "profile.fuzz.package.constat.opt-level=$FUZZ_OPT"}
  echo "== fuzz build: $((SECONDS - started)) s"
}
bin() { echo "$CARGO_TARGET_DIR/$triple/fuzz/$1"; }

if [ "${1:-}" = "--replay" ]; then
  build
  exec "$(bin "$2")" "$3"
fi

seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
build

# The seed corpus: generated files (fuzz/make_seeds.sh) and the project's own test data.
seed() {
  local t=$1 dir=seeds/$1
  mkdir -p "$dir.run"
  rm -f "$dir.run"/*
  [ -d "$dir" ] && cp "$dir"/* "$dir.run"/
  case $t in
    candidates) cp ../tests/fixtures/official/*.csv ../tests/fixtures/official/*.txt \
                   ../sample_data/*/candidates.csv "$dir.run"/ ;;
    bureaux) cp ../tests/fixtures/official/*.csv ../sample_data/*/bureaux.csv "$dir.run"/ ;;
    xlsx) cp ../tests/fixtures/official/*.xlsx "$dir.run"/ ;;
    events_csv) cp ../sample_data/*/record.csv "$dir.run"/ ;;
  esac
  echo "$dir.run"
}

for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeds=$(seed "$t")
  echo "== fuzz $t for $seconds s"
  started=$SECONDS
  # -rss_limit_mb: the process (fuzzer included) stays under 512 MB, or it is a crash;
  # -timeout: one input taking over 10 s is a hang, reported as a crash.
  "$(bin "$t")" "corpus/$t" "$seeds" \
    -max_total_time="$seconds" -rss_limit_mb=512 -timeout=10 \
    ${FUZZ_JOBS:+-fork=$FUZZ_JOBS} \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>"artifacts/$t/log.txt" || {
      tail -60 "artifacts/$t/log.txt"
      echo "== fuzz $t: CRASH (input in fuzz/artifacts/$t/)" >&2
      exit 1
    }
  grep -E '^#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added' \
    "artifacts/$t/log.txt" || true
  echo "== fuzz $t: no crash in $((SECONDS - started)) s, corpus $(ls "corpus/$t" | wc -l) inputs"
done
