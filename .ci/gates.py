#!/usr/bin/env python3
"""Evaluation gates for .ci/run: score byline's records with the shared scorers and fail when a
figure drops below the floor stated in README.md ("Measured quality").

usage: gates.py BYLINE_BINARY SHARED_DIR
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Floors: the seed article per issue #3's acceptance list.
SEED_FLOORS = {
    "quotes.found": 8, "quotes.attributed": 8, "quotes.kind": 8,
    "indirect.found": 1, "indirect.attributed": 1,
    "entities.found": 20, "times.value": 6, "quantities.value": 5, "events.found": 4,
}
SEED_MUST_PASS = ["date", "boilerplate", "body-start", "body-end"]
CLUSTER_FLOOR = 0.8

# Floors for our own hand-keyed articles (tests/fixtures/articles): the figures measured when
# the gate was set, listed in README.md. A drop below any of them fails CI.
FIXTURE_FLOORS_FILE = os.path.join(HERE, "fixture-floors.json")


def get(d, dotted):
    for k in dotted.split("."):
        d = d[k]
    return d


def score(binary, shared, article, gold=None):
    rec = subprocess.run([binary, "extract", article, "--format", "json", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    cmd = [sys.executable, os.path.join(shared, "tools", "score_seed.py"), "-", "--json"]
    if gold:
        cmd += ["--gold", gold]
    out = subprocess.run(cmd, input=rec, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"score_seed.py failed on {article}:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    failures = []
    res = score(binary, shared, os.path.join(shared, "golden", "seed-article.txt"))
    print("seed:", res["summary"])
    if not res["valid"]:
        failures.append("seed: record invalid")
    checks = {c["name"]: c["pass"] for c in res["checks"]}
    for name in SEED_MUST_PASS:
        if not checks.get(name):
            failures.append(f"seed: check {name} fails")
    for key, floor in SEED_FLOORS.items():
        if get(res, key) < floor:
            failures.append(f"seed: {key} = {get(res, key)} < {floor}")
    cl = res["clusters"]
    if cl["gold"] and cl["correct"] / cl["gold"] < CLUSTER_FLOOR:
        failures.append(f"seed: clusters {cl['correct']}/{cl['gold']} < {CLUSTER_FLOOR:.0%}")

    floors = json.load(open(FIXTURE_FLOORS_FILE)) if os.path.exists(FIXTURE_FLOORS_FILE) else {}
    fixtures = os.path.join(ROOT, "tests", "fixtures", "articles")
    total = {"passed": 0, "total": 0}
    for name in sorted(f[:-4] for f in os.listdir(fixtures) if f.endswith(".txt")):
        r = score(binary, shared, os.path.join(fixtures, name + ".txt"), os.path.join(fixtures, name + ".gold.json"))
        print(f"{name}: {r['summary']}")
        total["passed"] += r["passed"]
        total["total"] += r["total"]
        if not r["valid"]:
            failures.append(f"{name}: record invalid")
        if name in floors and r["passed"] < floors[name]:
            failures.append(f"{name}: {r['passed']} checks < floor {floors[name]}")
    print(f"fixtures: {total['passed']}/{total['total']} checks")
    if failures:
        print("GATES FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("gates: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
