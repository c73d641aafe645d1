#!/usr/bin/env python3
"""Build crates/lexicon/data/common_words.txt: English words that are usually written in lower
case, so a capitalised occurrence at the start of a sentence is not taken for a name.

Derived statistics only (one word per line, no text): a word is kept when it occurs in lower
case at least MIN times in the training texts and its lower-case share among non-sentence-initial
occurrences is at least 0.25. Sources (read at build time, never copied):
  ../shared/data/conll2003/eng.train  (token column)
  ../shared/data/polnear/train/text/*.txt
usage: python3 scripts/build_common_words.py [SHARED_DIR] > crates/lexicon/data/common_words.txt
"""
import collections, glob, os, re, sys

MIN = 3
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
lower, cap = collections.Counter(), collections.Counter()

def feed(tokens):
    for i, t in enumerate(tokens):
        if not re.fullmatch(r"[A-Za-z][a-z'-]*", t):
            continue
        if i == 0 or tokens[i - 1] in {".", "!", "?", '"', "“", "‘", ":"}:
            continue
        if t.islower():
            lower[t] += 1
        else:
            cap[t.lower()] += 1

sent = []
with open(os.path.join(shared, "data/conll2003/eng.train"), encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            feed(sent); sent = []
        else:
            sent.append(parts[0])
feed(sent)
for path in sorted(glob.glob(os.path.join(shared, "data/polnear/train/text/*.txt"))):
    with open(path, encoding="utf-8") as f:
        for s in re.split(r"(?<=[.!?])\s+", f.read()):
            feed(re.findall(r"[\w'’-]+|[^\w\s]", s))

words = sorted(w for w, n in lower.items() if n >= MIN and n / (n + cap[w]) >= 0.25)
sys.stdout.write("\n".join(words) + "\n")
