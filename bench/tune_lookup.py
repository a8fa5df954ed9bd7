"""Fit the lookup score weights (linker.rank.LOOKUP_WEIGHTS) on the development queries; prints them.

Queries: the people/organisation dev list (bench/data), the CLDR/iso-codes spelling variants and the held-out
cross-script Urdu labels (see bench/variants.py and bench/crossscript.py). For each query the candidates and their
features are collected once; a coordinate search over a small grid then maximises the mean recall@1 of the three
sets. Seven numbers come out; paste them into LOOKUP_WEIGHTS.

Usage: python bench/tune_lookup.py --gazetteer /tmp/full.sqlite --crossscript /tmp/crossscript.sqlite
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from bench.crossscript import HideUrdu
from bench.variants import FILES, gold_entities, pair_kind
from gazetteer.sources import open_source
from linker import Linker
from linker.candidates import query_hints
from linker.keys import name_forms
from linker.rank import LOOKUP_WEIGHTS, lookup_features

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEV = Path(__file__).with_name("data") / "people_orgs_dev.tsv"


def collect(linker: Linker, queries: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, dict]]]]:
    """(gold qid, [(candidate qid, features)]) per query."""
    out = []
    for text, qid in queries:
        evidence = linker._finder.lookup(text)
        hints = query_hints(linker._finder, text)
        cands = [(linker._finder.entity(ev.eid).qid, lookup_features(ev.method, ev.sim,
                                                                     linker._finder.entity(ev.eid), hints))
                 for ev in evidence.values()]
        out.append((qid, cands))
    return out


def recall1(data, w: dict[str, float]) -> float:
    hits = 0
    for qid, cands in data:
        if cands:
            best = max(cands, key=lambda c: (sum(w[k] * v for k, v in c[1].items()), c[0]))
            hits += best[0] == qid
    return hits / len(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, required=True)
    ap.add_argument("--crossscript", type=Path, required=True, help="the gazetteer built by bench/crossscript.py")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    full = Linker.open(args.gazetteer)
    people = [(r["urdu"], r["qid"]) for r in csv.DictReader(DEV.open(encoding="utf-8"), delimiter="\t",
                                                           quoting=csv.QUOTE_NONE)]
    gold = gold_entities(args.gazetteer)
    variants = []
    for fname in FILES:
        for r in csv.DictReader((args.data / "eval" / "translit" / fname).open(encoding="utf-8"), delimiter="\t",
                                quoting=csv.QUOTE_NONE):
            g = gold.get((name_forms(r["latin"]).key, pair_kind(r["type"])))
            if g and name_forms(r["urdu"]).key != name_forms(g[1]).key:
                variants.append((r["urdu"], g[0]))
    hidden = HideUrdu(open_source(str(args.data / "gazetteer" / "places.jsonl.gz")))
    for _ in hidden:
        pass
    sets = {"people": collect(full, people), "variants": collect(full, variants),
            "crossscript": collect(Linker.open(args.crossscript), [(u, q) for q, u in sorted(hidden.hidden.items())])}

    def objective(w):
        return sum(recall1(d, w) for d in sets.values()) / len(sets)

    w = dict(LOOKUP_WEIGHTS)
    print("start:", {k: round(recall1(d, w), 3) for k, d in sets.items()}, round(objective(w), 4))
    for _ in range(3):
        for key in sorted(w):
            grid = [w[key] + d for d in (-2, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2)]
            w[key] = max(grid, key=lambda v: (objective({**w, key: v}), -abs(v - w[key])))
    print("fitted:", {k: round(recall1(d, w), 3) for k, d in sets.items()}, round(objective(w), 4))
    print("LOOKUP_WEIGHTS =", {k: round(v, 2) for k, v in sorted(w.items())})


if __name__ == "__main__":
    main()
