#!/usr/bin/env python3
"""Builds crates/ner/models/clusters.tsv.gz: word clusters for the NER tagger.

Derived statistics only: cased word2vec vectors (gensim) trained on unlabeled news text we have,
then k-means at three granularities. The text: the PolNeAR train and dev article texts and the
tokens of CoNLL-2003 eng.train (never eng.testa). Deterministic for the seeds below
(gensim run with one worker).

Usage:
  pip install gensim==4.4.0 numpy scipy
  python3 scripts/build_ner_clusters.py ../shared/data crates/ner/models/clusters.tsv.gz \
      /tmp/whl/x/usr/share/wordnet   # optional WordNet glosses (see build_ner_gazetteer.py)

Output: "WORD<TAB>C1<TAB>C2<TAB>C3" (cluster ids for k = 64, 256, 1024), sorted, gzip.
"""
import glob
import gzip
import os
import re
import sys

import numpy as np
from gensim.models import Word2Vec
from scipy.cluster.vq import kmeans2

data, out = sys.argv[1], sys.argv[2]
# Optional: a WordNet 3.0 dict directory (Debian wordnet-base, /usr/share/wordnet): its glosses
# add 1.5M words of general English. Measured: eng.testa 91.13 with them, 91.25 without; the
# shipped file is built without.
wordnet = sys.argv[3] if len(sys.argv) > 3 else None
TOKEN = re.compile(r"[A-Za-z][A-Za-z'.\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[^\sA-Za-z\d]")

sents = []
for split in ("train", "dev"):
    for path in sorted(glob.glob(os.path.join(data, "polnear", split, "text", "*"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            for para in f.read().split("\n"):
                for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para):
                    toks = TOKEN.findall(s.replace("’", "'").replace("“", '"').replace("”", '"'))
                    if toks:
                        sents.append(toks)
if wordnet:
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wordnet, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" ") or "|" not in line:
                    continue
                for piece in line.split("|", 1)[1].split(";"):
                    toks = TOKEN.findall(piece.replace('"', " "))
                    if len(toks) > 2:
                        sents.append(toks)
cur = []
with open(os.path.join(data, "conll2003", "eng.train"), encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
        elif parts[0] != "-DOCSTART-":
            cur.append(parts[0])
print(len(sents), "sentences,", sum(map(len, sents)), "tokens", file=sys.stderr)

model = Word2Vec(sents, vector_size=100, window=5, min_count=3, sg=1, negative=10,
                 epochs=15, workers=1, seed=1)
words = model.wv.index_to_key
vecs = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
ids = []
for k in (64, 256, 1024):
    np.random.seed(k)
    _, lab = kmeans2(vecs.astype(np.float64), k, iter=30, minit="points", seed=k)
    ids.append(lab)
with gzip.GzipFile(out, "wb", mtime=0) as f:
    for i in sorted(range(len(words)), key=lambda i: words[i]):
        f.write(f"{words[i]}\t{ids[0][i]}\t{ids[1][i]}\t{ids[2][i]}\n".encode())
print(len(words), "words", file=sys.stderr)
