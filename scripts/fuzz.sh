#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for a given time each.
#
#   scripts/fuzz.sh TARGET SECONDS   one target (see `scripts/fuzz.sh list`)
#   scripts/fuzz.sh all SECONDS      every target, one after the other
#   scripts/fuzz.sh list             the targets
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz passes -Z flags
# to rustc; on a stable toolchain RUSTC_BOOTSTRAP=1 lets them through (set
# here). Targets are built without a sanitizer (the crate forbids unsafe
# code: what we look for are panics, hangs and runaway memory), optimised,
# with debug assertions (integer overflow panics).
#
# Seed corpora come from fixtures/ (seeds, ingest/**, hostile), plus, for
# the multi-article targets, seeds joined two and three at a time with
# U+001E, the separator those targets split on. New inputs the fuzzer finds
# go to fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET, the log to
# fuzz/logs/TARGET.log. Exits 1 if any target found a crash.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/fuzz"
export RUSTC_BOOTSTRAP=1

targets=(
  ingest_text ingest_markdown ingest_html ingest_jsonl ingest_bytes
  extract_date extract_year extract_number extract_entity extract_all
  compare report pathological
)

usage() {
  echo "usage: $0 TARGET|all SECONDS   (or: $0 list)" >&2
  exit 2
}

[[ ${1:-} == list ]] && { printf '%s\n' "${targets[@]}"; exit 0; }
[[ $# -eq 2 ]] || usage
which=$1
seconds=$2
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [[ $which != all ]] && ! printf '%s\n' "${targets[@]}" | grep -qx -- "$which"; then
  echo "unknown target: $which (one of: ${targets[*]})" >&2
  exit 2
fi
command -v cargo-fuzz >/dev/null || {
  echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2
  exit 2
}

build_flags=(--sanitizer none --release --debug-assertions)

# Seeds for the multi-article targets: the real articles, by twos and threes.
joined_seeds() {
  local dir="$fuzz/corpus/joined-seeds"
  mkdir -p "$dir"
  local files=("$root"/fixtures/seeds/*.txt)
  local n=${#files[@]} i j
  for ((i = 0; i < n; i++)); do
    for ((j = i + 1; j < n; j++)); do
      { cat "${files[i]}"; printf '\x1e'; cat "${files[j]}"; } >"$dir/pair-$i-$j"
    done
  done
  if ((n >= 3)); then
    { cat "${files[0]}"; printf '\x1e'; cat "${files[1]}"; printf '\x1e'; cat "${files[2]}"; } >"$dir/three"
  fi
  { cat "$root/fixtures/hostile/a.txt"; printf '\x1e'; cat "$root/fixtures/hostile/b.txt"; } >"$dir/hostile"
  echo "$dir"
}

run_one() {
  local target=$1
  local corpus="$fuzz/corpus/$target"
  local log="$fuzz/logs/$target.log"
  mkdir -p "$corpus" "$fuzz/logs" "$fuzz/artifacts/$target"
  local seeds=("$root/fixtures/seeds" "$root/fixtures/hostile" "$root/fixtures/ingest")
  case $target in
    compare | report) seeds+=("$(joined_seeds)") ;;
  esac
  echo "== $target: ${seconds}s (log: ${log#"$root"/})"
  local status=0
  (cd "$fuzz" && cargo fuzz run "${build_flags[@]}" "$target" "$corpus" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=32768 \
    -print_final_stats=1) >"$log" 2>&1 || status=$?
  local execs rate crashes
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  crashes=$(find "$fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  echo "   executions: $execs, exec/s: $rate, corpus: $(find "$corpus" -type f | wc -l) inputs, artifacts: $crashes, exit: $status"
  if ((status != 0)); then
    grep -m5 -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | sed 's/^/   /' || true
    return 1
  fi
}

(cd "$fuzz" && cargo fuzz build "${build_flags[@]}") >"$fuzz/build.log" 2>&1 || {
  tail -30 "$fuzz/build.log" >&2
  exit 2
}

failed=0
if [[ $which == all ]]; then
  for t in "${targets[@]}"; do run_one "$t" || failed=1; done
else
  run_one "$which" || failed=1
fi
exit $failed
