#!/usr/bin/env python3
"""Makes a synthetic corpus of N byline/1 records for the HTTP load test from records of our
own articles (`byline extract ... --format jsonl`): each copy gets its own id, a date spread
over 2020-2026 and one appended sentence that makes its text unique (the store deduplicates by
text hash); spans stay valid because only the end of the text changes.

usage: byline extract examples tests/fixtures/articles/*.txt -q | python3 synth.py N > synth.jsonl
"""
import datetime
import json
import sys

n = int(sys.argv[1])
base = [json.loads(line) for line in sys.stdin if line.strip()]
start = datetime.date(2020, 1, 1)
for i in range(n):
    rec = json.loads(json.dumps(base[i % len(base)]))
    stem = rec["id"].rsplit(".", 1)[0]
    rec["id"] = f"{stem}-{i:06d}.txt"
    rec["meta"]["date"] = (start + datetime.timedelta(days=(i * 37) % 2400)).isoformat()
    rec["meta"]["title"] = f"{stem.replace('-', ' ').title()} no. {i}"
    rec["text"] += f"\n\nArchive note {i}."
    print(json.dumps(rec, ensure_ascii=False))
