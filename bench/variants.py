"""Spelling variants: CLDR and iso-codes Urdu place names that differ from the gazetteer's Urdu label.

Each (English, Urdu) pair of ../shared/data/eval/translit/{cldr_en_ur_places,isocodes_en_ur_countries}.tsv is
tied to the gazetteer entity whose English label (else alias) equals the English name — the most prominent one
when several do. The same (English, Urdu) pair may come in rows of several types (Malta as a country and as the
tz exemplar city Europe/Malta): one bare spelling cannot mean both, so either reading counts as right for each of
those rows. Pairs whose Urdu equals a reading's Urdu label after normalisation are left out (they test nothing);
the rest are looked up by their Urdu spelling. Target: recall@1 >= 0.95. Also printed: how many misses have a
namesake of the gold entity (the same English name: Sakhalin the island for Sakhalin Oblast) first, which the
bare spelling cannot tell apart; the target is on the strict figure.

Usage: python bench/variants.py --gazetteer /tmp/g.sqlite [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from linker import Linker
from linker.keys import name_forms
from linker.store import connect_readonly

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = ("cldr_en_ur_places.tsv", "isocodes_en_ur_countries.tsv")


#: What the pair's type says the entity's classes contain.
KIND_CLASSES = {"country": ("country", "admin0"), "city": ("city", "locality", "populated", "capital"),
                "region": ("continent", "region", "geo:")}


def gold_entities(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(English key, kind) -> (qid, Urdu label) of the entity with that English label (else alias) whose classes
    fit the kind (country / city / region), the most prominent one when several do."""
    con = connect_readonly(path)
    best: dict[tuple[str, str], tuple] = {}
    for name, kind, qid, label_ur, prior, classes in con.execute(
            "SELECT n.name, n.kind, e.qid, e.label_ur, e.prior, e.classes FROM names n "
            "JOIN entities e ON e.id = n.entity_id WHERE n.lang = 'en' AND n.kind != 'generated' AND e.coarse = 'LOC'"):
        key = name_forms(name).key
        for pair_kind, wanted in KIND_CLASSES.items():
            rank = (any(w in classes for w in wanted), kind == "label", prior)
            if (key, pair_kind) not in best or rank > best[(key, pair_kind)][:3]:
                best[(key, pair_kind)] = (*rank, qid, label_ur)
    return {k: (v[3], v[4]) for k, v in best.items()}


def pair_kind(type_: str) -> str:
    return next((k for k in KIND_CLASSES if k in type_), "region")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=30)
    args = ap.parse_args()
    gold = gold_entities(args.gazetteer)
    linker = Linker.open(args.gazetteer)
    for fname in FILES:
        rows = list(csv.DictReader((args.data / "eval" / "translit" / fname).open(encoding="utf-8"), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
        pairs = [(name_forms(row["latin"]).key, name_forms(row["urdu"]).key) for row in rows]
        readings: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for row, pair in zip(rows, pairs):
            g = gold.get((pair[0], pair_kind(row["type"])))
            if g is not None:
                readings.setdefault(pair, set()).add(g)
        tested = hit1 = hit10 = unknown = same = several = namesake1 = 0
        misses = []
        for row, pair in zip(rows, pairs):
            golds = readings.get(pair)
            if golds is None:
                unknown += 1
                continue
            if any(pair[1] == name_forms(label_ur).key for _, label_ur in golds):
                same += 1
                continue
            tested += 1
            several += len(golds) > 1
            cands = linker.lookup(row["urdu"], k=10)
            qids = [c.qid for c in cands]
            wanted = {qid for qid, _ in golds}
            hit1 += bool(qids) and qids[0] in wanted
            hit10 += bool(wanted & set(qids))
            # a namesake of the gold entity, with the same English name, first: the bare spelling cannot tell them apart
            namesake1 += bool(qids) and qids[0] not in wanted and name_forms(cands[0].label_en).key == pair[0]
            if not qids or qids[0] not in wanted:
                rank = next((i + 1 for i, q in enumerate(qids) if q in wanted), "-")
                misses.append((row["urdu"], row["latin"], " / ".join(sorted(u for _, u in golds)),
                               cands[0].label_en if cands else "-", rank))
        print(f"{fname}: {len(rows)} pairs, {unknown} without a gazetteer entity, {same} equal to the label, "
              f"{tested} variants ({several} with two readings): recall@1 {hit1 / max(tested, 1):.3f}  "
              f"recall@10 {hit10 / max(tested, 1):.3f}"
              f"  (target recall@1 >= 0.95)")
        print(f"  {namesake1} misses have a namesake with the same English name first; recall@1 counting those: "
              f"{(hit1 + namesake1) / max(tested, 1):.3f}")
        for m in misses[:args.show]:
            print("   miss (urdu, english, gazetteer label, got, rank):", m)


if __name__ == "__main__":
    main()
