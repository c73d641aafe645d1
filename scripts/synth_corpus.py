#!/usr/bin/env python3
"""Synthetic byline/1 corpus for the store's scale figures (crates/store/README.md).

Reads byline/1 records of our own articles (what `byline extract` prints for examples/,
tests/fixtures/articles and eval/blind) and writes N varied records: in each, the words of
person and place names are replaced consistently by invented names drawn from finite pools
(so that entities recur across articles, as in a real corpus), the date, publisher, URL and id
change, and a numbered closing line keeps every text distinct. Every span's offsets are
remapped to the new text (code points) and its text re-read from it, so each record is valid.

    byline extract examples tests/fixtures/articles eval/blind --rules-ner -q > base.jsonl
    python3 scripts/synth_corpus.py base.jsonl -n 100000 --seed 7 > synth.jsonl
"""

import argparse
import bisect
import json
import random
import re
import sys

SYLLABLES = [
    "ba", "ce", "do", "fa", "ga", "he", "ki", "lo", "ma", "ne", "no", "pe", "ra", "ri", "sa",
    "se", "ta", "to", "va", "ve", "wi", "zo", "an", "el", "or", "ul", "ey", "ash", "ber",
    "dan", "fen", "gar", "hal", "kin", "lar", "mor", "nel", "pol", "ros", "sten", "tor", "wyn",
]
PUBLISHERS = [
    "The Northern Courier", "Valley Post", "Harbour Herald", "The Evening Ledger",
    "Midland Wire", "Coastal Times", "The Daily Lantern", "Riverside Gazette",
]
KEEP = {
    "The", "Sir", "Mr", "Mrs", "Ms", "Dr", "Dame", "Lord", "Lady", "Prime", "Minister",
    "President", "Council", "Government", "Street", "North", "South", "East", "West", "New",
    "United", "Kingdom", "States", "City", "County", "Bridge", "Court", "Police", "Party",
}
WORD = re.compile(r"[A-Z][a-z]{2,}")


def invented(rng, syllables=(2, 3)):
    n = rng.choice(syllables)
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def pools(rng):
    first = sorted({invented(rng, (2,)) for _ in range(800)})
    last = sorted({invented(rng, (2, 3)) for _ in range(6000)})
    places = sorted({invented(rng, (2, 3)) for _ in range(1500)})
    return first, last, places


def zipf_pick(rng, pool):
    # a skewed pick: low indices much more often, as names in the news are
    i = int(len(pool) * (rng.random() ** 3))
    return pool[min(i, len(pool) - 1)]


def name_words(rec):
    """The replaceable words of person and place names: (word, kind)."""
    out = {}
    for e in rec["entities"]:
        if e["type"] not in ("PER", "LOC"):
            continue
        texts = [e["name"]] + [m["text"] for m in e["mentions"] if m["kind"] == "name"]
        words = [w for t in texts for w in WORD.findall(t) if w not in KEEP]
        for i, w in enumerate(dict.fromkeys(words)):
            if e["type"] == "LOC":
                out.setdefault(w, "place")
            else:
                # a person's last word is a surname, the others first names
                last = WORD.findall(e["name"])
                out.setdefault(w, "last" if last and w == last[-1] else "first")
    return out


def vary(rec, i, rng, first, last, places):
    words = name_words(rec)
    mapping = {}
    for w, kind in words.items():
        pool = {"first": first, "last": last, "place": places}[kind]
        mapping[w] = zipf_pick(rng, pool)
    text = rec["text"]
    subs = []  # (old_start, old_end, new_text)
    if mapping:
        pat = re.compile(r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b")
        subs = [(m.start(), m.end(), mapping[m.group(0)]) for m in pat.finditer(text)]
    pieces, pos = [], 0
    starts, news, shifts = [], [], []
    shift = 0
    for s, e, new in subs:
        pieces.append(text[pos:s])
        pieces.append(new)
        pos = e
        starts.append(s)
        news.append((s, e, s + shift, s + shift + len(new)))
        shift += len(new) - (e - s)
        shifts.append(shift)
    pieces.append(text[pos:])
    new_text = "".join(pieces)

    def remap(o, is_end):
        k = bisect.bisect_right(starts, o) - 1
        if k < 0:
            return o
        s, e, ns, ne = news[k]
        if o >= e:
            return o + shifts[k]
        if o == s:
            return ns
        return ne if is_end else ns  # inside a replaced word

    def fix(span, with_text=True):
        if span is None:
            return
        span["start"] = remap(span["start"], False)
        span["end"] = remap(span["end"], True)
        if with_text:
            span["text"] = new_text[span["start"]:span["end"]]

    def rename(s):
        if not s or not mapping:
            return s
        return pat.sub(lambda m: mapping[m.group(0)], s)

    for p in rec["paragraphs"] + rec["sentences"]:
        fix(p, with_text=False)
    for e in rec["entities"]:
        e["name"] = rename(e["name"])
        for m in e["mentions"]:
            fix(m)
    for q in rec["quotes"]:
        fix(q)
        fix(q.get("speaker_mention"))
        fix(q.get("cue"))
        q["speaker_name"] = rename(q.get("speaker_name"))
    for t in rec["times"] + rec["quantities"]:
        fix(t)
    for ev in rec["events"]:
        fix(ev["trigger"])

    year = rng.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025])
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    closing = f"\n\nThis is report number {i} in the series."
    rec["text"] = new_text + closing
    rec["id"] = f"synth-{i:07d}"
    rec["source"] = {"path": None, "url": f"https://news.example/{year}/{i}", "format": "jsonl"}
    rec["meta"]["date"] = date
    rec["meta"]["publisher"] = rng.choice(PUBLISHERS)
    rec["meta"]["title"] = rename(rec["meta"].get("title")) or f"Report {i}"
    return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", help="byline/1 JSONL records of our own articles")
    ap.add_argument("-n", type=int, default=100_000, help="records to write")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    first, last, places = pools(rng)
    with open(a.base, encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    if not base:
        sys.exit(f"{a.base}: no records")
    out = sys.stdout
    for i in range(a.n):
        rec = json.loads(json.dumps(base[i % len(base)]))
        out.write(json.dumps(vary(rec, i, rng, first, last, places), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
