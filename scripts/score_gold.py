#!/usr/bin/env python3
"""Planted-conflict recall and precision of a `factdiff compare --format json`
report against the generator's gold file.

usage: score_gold.py gold.json report.json

A prediction is (event, kind) for every conflict in the report, the event
being the one most of the conflict's documents belong to; a planted item is
(event, kind). Also reports how well articles were grouped:
pure_clusters counts clusters whose documents are all of one event (of
`clusters`, singletons included), impure the clusters that mix events,
largest the biggest cluster's size, and pair_p / pair_r the pairwise
precision and recall of "same cluster" against "same event".
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
def pairs(n):
    return n * (n - 1) // 2


# Pairwise grouping quality: pairs of articles put together vs of one event.
together = 0
correct = 0
largest = 0
for c in report["clusters"]:
    docs = c["documents"]
    largest = max(largest, len(docs))
    together += pairs(len(docs))
    correct += sum(pairs(k) for k in Counter(eid(d) for d in docs).values())
same_event = sum(pairs(k) for k in Counter(event_of.values()).values())
pair_p = correct / together if together else 1.0
pair_r = correct / same_event if same_event else 1.0
print(
    f"planted={len(planted)} predicted={len(predicted)} hit={hit} "
    f"recall={recall:.4f} precision={precision:.4f} "
    f"clusters={len(report['clusters'])} pure_clusters={exact} "
    f"impure={len(report['clusters']) - exact} largest={largest} "
    f"pair_p={pair_p:.4f} pair_r={pair_r:.4f}"
)
