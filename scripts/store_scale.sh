#!/usr/bin/env bash
# Scale figures of the corpus store (crates/store/README.md): ingest a synthetic corpus of
# byline/1 records in chunks of 10k into one store, printing documents/s per chunk (so the
# rate at 10k and at 100k articles can be compared), the store's size, one re-ingest of a
# chunk into the full store (replacement), and query latencies from `byline bench-store`.
#
#   cargo build --release
#   byline extract examples tests/fixtures/articles eval/blind --rules-ner -q > /tmp/scale/base.jsonl
#   python3 scripts/synth_corpus.py /tmp/scale/base.jsonl -n 100000 --seed 7 > /tmp/scale/synth.jsonl
#   scripts/store_scale.sh /tmp/scale/synth.jsonl /tmp/scale/corpus.db
set -euo pipefail
SYNTH="$1"
DB="$2"
BIN="${BYLINE:-${CARGO_TARGET_DIR:-target}/release/byline}"
WORK="$(dirname "$DB")/chunks"
rm -rf "$WORK" "$DB" "$DB-wal" "$DB-shm"
mkdir -p "$WORK"
split -l 10000 -d -a 3 --additional-suffix=.jsonl "$SYNTH" "$WORK/part-"
# wall time and CPU time (user + system) per chunk: on a shared machine the CPU time is the
# steadier measure of whether ingest slows down as the store grows
TIMEFORMAT='%R %U %S'
n=0
for f in "$WORK"/part-*.jsonl; do
  lines=$(wc -l < "$f")
  t=$( { time "$BIN" ingest "$f" --db "$DB" -q; } 2>&1 )
  n=$((n + lines))
  size=$(du -b "$DB" | cut -f1)
  python3 -c "import sys; l,n,z,r,u,s=map(float,sys.argv[1:]); print(f'articles {int(n):>7}  chunk {int(l)} docs: wall {r:6.1f} s = {l/r:5.0f} docs/s, cpu {u+s:6.1f} s = {l/(u+s):5.0f} docs/cpu-s  store {z/1e6:8.1f} MB = {z/1e6/(n/1000):.2f} MB per 1k')" "$lines" "$n" "$size" $t
done
first=$(ls "$WORK"/part-*.jsonl | head -1)
t=$( { time "$BIN" ingest "$first" --db "$DB" -q; } 2>&1 )
python3 -c "import sys; r,u,s=map(float,sys.argv[1:]); print(f're-ingest of the first 10k into the full store (all replaced): wall {10000/r:.0f} docs/s, cpu {10000/(u+s):.0f} docs/cpu-s')" $t
"$BIN" bench-store --db "$DB" --queries 500
