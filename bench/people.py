"""People and organisations: recall@1/@10 of Urdu news spellings (bench/data/people_orgs_dev.tsv) through lookup.

Almost all of the extract's 76k people and organisations have Latin names only, so these rows measure the
cross-script path (generated spellings, skeleton keys, transliteration) as much as spelling tolerance.
Rows whose note says "ambiguous" or "surname only" are reported separately too.

The list is split in two halves by a stable hash of the QID (:func:`tuning_half`): bench/tune_lookup.py fits the
lookup weights on the "tune" half only, so the "report" half is the figure to quote; the whole list is printed too.

Usage: python bench/people.py --gazetteer /tmp/g.sqlite
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import time
from collections import Counter
from pathlib import Path

from linker import Linker

DEV = Path(__file__).with_name("data") / "people_orgs_dev.tsv"


def tuning_half(qid: str) -> bool:
    """True for the QIDs whose rows bench/tune_lookup.py may tune on: sha1("people-half:" + qid) is even (a salt
    of its own, so the halves do not follow the transliteration split of linker.translit.split)."""
    return int(hashlib.sha1(f"people-half:{qid}".encode()).hexdigest()[:8], 16) % 2 == 0


def read_rows(path: Path = DEV) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))


def category(note: str) -> str:
    for key in ("ambiguous", "surname only", "initialism", "translated", "control", "differs", "later", "variant"):
        if key in note:
            return key
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", required=True)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--show", type=int, default=40, help="how many misses to list")
    args = ap.parse_args()
    linker = Linker.open(args.gazetteer)
    rows = read_rows(args.dev)
    at1: Counter = Counter()
    at10: Counter = Counter()
    total: Counter = Counter()
    methods: Counter = Counter()
    misses = []
    t0 = time.perf_counter()
    for row in rows:
        cands = linker.lookup(row["urdu"], k=10)
        qids = [c.qid for c in cands]
        half = "tune half" if tuning_half(row["qid"]) else "report half"
        for group in ("all", half, row["type"], category(row["note"])):
            total[group] += 1
            at1[group] += bool(qids) and qids[0] == row["qid"]
            at10[group] += row["qid"] in qids
        if qids and qids[0] == row["qid"]:
            methods[cands[0].method] += 1
        else:
            got = f"{cands[0].label_en} ({cands[0].method} {cands[0].score})" if cands else "nothing"
            rank = qids.index(row["qid"]) + 1 if row["qid"] in qids else "-"
            misses.append(f"{row['urdu']} -> want {row['label_en']}, got {got}, rank {rank}  [{row['note']}]")
    dt = time.perf_counter() - t0
    print(f"people/orgs dev list: {len(rows)} rows, {dt / len(rows) * 1000:.1f} ms per lookup")
    first = ["all", "report half", "tune half", "PER", "ORG"]
    for group in [*first, *sorted(g for g in total if g not in first)]:
        print(f"  {group:14s} n={total[group]:4d}  recall@1 {at1[group] / total[group]:.3f}  "
              f"recall@10 {at10[group] / total[group]:.3f}")
    print(f"  top-1 hits by method: {dict(methods)}")
    print(f"  misses ({len(misses)}), first {args.show}:")
    for line in misses[:args.show]:
        print("   ", line)


if __name__ == "__main__":
    main()
