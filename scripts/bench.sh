#!/usr/bin/env bash
# Whole-run benchmarks for factdiff (see README, "Benchmarks").
#
#   scripts/bench.sh            # sizes 1000 10000 100000
#   SIZES="1000 10000" scripts/bench.sh
#
# Prints: extraction throughput on one core beside the peer (Python
# dateparser search_dates, languages=['ar']) and the practical limit (one
# pass of a compiled month-name regex), with both ratios; then end-to-end
# `compare` per size: wall time, peak memory, growth factor from the previous
# size, and planted-conflict recall/precision against the generator's gold,
# with the grouping's quality (pure/impure clusters, largest cluster,
# pairwise precision and recall of "same cluster" vs "same event").
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
SEED=${SEED:-7}
PEER_ARTICLES=${PEER_ARTICLES:-300}
OUT=target/bench
mkdir -p "$OUT"

cargo build --release --quiet --bin factdiff --example gen_corpus --example throughput
BIN=target/release/factdiff

TIME=/usr/bin/time
if ! [ -x "$TIME" ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

for n in $SIZES; do
  target/release/examples/gen_corpus --articles "$n" --seed "$SEED" --out "$OUT/c$n" 2>/dev/null
done
first=$(echo "$SIZES" | awk '{print $1}')

echo "== extraction throughput (one core, corpus of $first articles)"
ours=$(target/release/examples/throughput "$OUT/c$first/corpus.jsonl" 3)
echo "$ours"
ext=$(echo "$ours" | awk '/^extract /{print $2}')
lim=$(echo "$ours" | awk '/^month-regex /{print $2}')

VENV=target/bench-venv
if ! [ -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet dateparser
fi
head -n "$PEER_ARTICLES" "$OUT/c$first/corpus.jsonl" > "$OUT/peer.jsonl"
peer=$("$VENV/bin/python" - "$OUT/peer.jsonl" <<'PY'
import json, sys, time
from dateparser.search import search_dates
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
size = sum(len(t.encode("utf-8")) for t in texts)
search_dates(texts[0], languages=["ar"])  # warm up: language data loads once
t = time.perf_counter()
found = sum(len(search_dates(x, languages=["ar"]) or []) for x in texts)
dt = time.perf_counter() - t
print(f"dateparser {size / dt / 1e6:.2f} MB/s {size} bytes {dt:.3f} s ({found} dates, {len(texts)} articles)")
PY
)
echo "$peer"
peer_mbs=$(echo "$peer" | awk '{print $2}')
awk -v e="$ext" -v p="$peer_mbs" -v l="$lim" 'BEGIN {
  printf "ratio extract/peer = %.1fx (target >= 150x)\n", e / p;
  printf "ratio month-regex/extract = %.1fx (target <= 5x)\n", l / e }'

echo "== end to end: compare --format json (2 threads)"
printf "%8s %10s %10s %8s %8s  %s\n" articles wall_s peak_MiB time_x mem_x accuracy
prev_t=""; prev_m=""
for n in $SIZES; do
  set +e
  $TIME -f "%e %M" -o "$OUT/time$n" "$BIN" compare "$OUT/c$n/corpus.jsonl" --isolated --quiet \
    --format json -o "$OUT/c$n/report.json"
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then echo "compare failed at $n (exit $rc)"; exit 1; fi
  read -r t kb < <(tail -n 1 "$OUT/time$n")
  m=$(awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}')
  tx="-"; mx="-"
  if [ -n "$prev_t" ]; then
    tx=$(awk -v a="$t" -v b="$prev_t" 'BEGIN{printf "%.1f", a/b}')
    mx=$(awk -v a="$m" -v b="$prev_m" 'BEGIN{printf "%.1f", a/b}')
  fi
  acc=$(python3 scripts/score_gold.py "$OUT/c$n/gold.json" "$OUT/c$n/report.json")
  printf "%8s %10s %10s %8s %8s  %s\n" "$n" "$t" "$m" "$tx" "$mx" "$acc"
  prev_t=$t; prev_m=$m
done

# One very large article each (issue 12, item 9): the worst cases known,
# at 1 MB and 10 MB, whole runs with their time and peak memory.
echo "== one article: compare --format json (time per MB, peak memory)"
cargo build --release --quiet --example pathological
printf "%-10s %6s %10s %10s %10s\n" case MB wall_s s_per_MB peak_MiB
for case in names seeds one-line places; do
  for mb in 1 10; do
    target/release/examples/pathological "$mb" --case="$case" --write "$OUT" >/dev/null
    set +e
    "$TIME" -f "%e %M" -o "$OUT/time-$case-$mb" "$BIN" compare --isolated --quiet \
      "$OUT/$case-${mb}mb.txt" --format json --fail-on never >/dev/null
    set -e
    read -r t kb < <(tail -n 1 "$OUT/time-$case-$mb")
    awk -v c="$case" -v mb="$mb" -v t="$t" -v kb="$kb" \
      'BEGIN{printf "%-10s %6s %10.2f %10.3f %10.0f\n", c, mb, t, t/mb, kb/1024}'
  done
done
