#!/usr/bin/env python3
"""Planted-conflict recall and precision of a `factdiff compare --format json`
report against the generator's gold file.

usage: score_gold.py gold.json report.json

A prediction is (event, kind) for every conflict in the report, the event
being the one most of the conflict's documents belong to; a planted item is
(event, kind). Also reports how well articles were grouped (pairwise).
"""
import json
import sys
from collections import Counter

gold = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
event_of = gold["events"]


def eid(document):
    return event_of.get(document.rsplit("#", 1)[-1])


planted = {(p["event"], p["kind"]) for p in gold["planted"]}
predicted = set()
conflicts = 0
for cluster in report["clusters"]:
    for d in cluster["discrepancies"]:
        if d["severity"] != "conflict":
            continue
        conflicts += 1
        events = Counter(eid(v["document"]) for v in d["values"])
        predicted.add((events.most_common(1)[0][0], d["kind"]))
hit = len(planted & predicted)
recall = hit / len(planted) if planted else 1.0
precision = hit / len(predicted) if predicted else 1.0
# Grouping quality: clusters that are exactly one event.
exact = sum(
    1
    for c in report["clusters"]
    if len({eid(d) for d in c["documents"]}) == 1
)
print(
    f"planted={len(planted)} predicted={len(predicted)} hit={hit} "
    f"recall={recall:.4f} precision={precision:.4f} "
    f"clusters={len(report['clusters'])} pure_clusters={exact}"
)
