#!/usr/bin/env python3
"""Reliability table of byline quote confidences on PolNeAR (analysis, not a runtime part).

Usage: python3 scripts/reliability.py GOLD_SPLIT_DIR PRED.jsonl SUBSET

Pairs predicted units with gold attributions exactly as ../shared/tools/score_attribution.py
does (it is imported from there), gives each unit the highest confidence of its quotes, and
prints per confidence value: units, share right end to end; then the expected calibration error.
"""
import importlib.util
import os
import sys
from collections import Counter, defaultdict
SCORER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools",
                      "score_attribution.py")
spec = importlib.util.spec_from_file_location("sa", SCORER)
sa = importlib.util.module_from_spec(spec); spec.loader.exec_module(sa)
gold_dir, pred, subset = sys.argv[1], sys.argv[2], sys.argv[3]
stats = Counter()
gold = sa.load_gold(gold_dir, stats)
recs = sa.load_records(pred, gold, stats, [])
match_subset = "direct" if subset == "quoted" else subset
buck = defaultdict(lambda: [0, 0])
for name in sorted(gold):
    doc = gold[name]
    cands = [a for a in doc.attrs if a.in_subset(match_subset)]
    scored = [a.in_subset(subset) and not a.in_title for a in cands]
    rec = recs.get(name)
    if rec is None: continue
    preds = sa.build_units(rec, doc, subset, "attribution", stats)
    keep = [not (p.iv and p.iv[-1][1] <= doc.title_end) for p in preds]
    # a unit's confidence: the highest of its quotes' (matched by their text)
    quotes = rec.get("quotes") or []
    confs = []
    for p in preds:
        texts = p.text.split(" | ")
        c = max((q.get("confidence", 0) for q in quotes if q.get("text") in texts), default=0)
        confs.append(c)
    pairs = sa.match(cands, [p for p, k in zip(preds, keep) if k])
    kept = [i for i, k in enumerate(keep) if k]
    right = {}
    ign = set()
    for gi, pi, ov, jac in pairs:
        g, p = cands[gi], preds[kept[pi]]
        if not scored[gi]:
            ign.add(kept[pi]); continue
        ok = False
        if jac >= 0.5:
            ok = sa.iv_overlap(g.src_key, p.mentions) > 0 if g.src_key else not p.has_speaker
        right[kept[pi]] = ok
    for i in kept:
        if i in ign: continue
        b = buck[round(confs[i], 2)]
        b[0] += 1; b[1] += right.get(i, False)
tot = sum(v[0] for v in buck.values()); ece = 0
for c in sorted(buck):
    n, r = buck[c]; ece += n / tot * abs(c - r / n)
    print(f"| {c:.2f} | {n} | {r/n:.2f} |")
print("ECE", round(ece, 3), "units", tot)
