"""Refit the running-text weights (linker.rank.TEXT_WEIGHTS) on the fitting half of the dev sentences; prints them.

Tuned on: the sentences of bench/data/linked_dev.jsonl whose id falls in :func:`bench.text.fitting_half` — and
nothing else (not UNER, not COUNTER). bench/text.py reports the other half. The objective is the F1 of links
(right QID on an overlapping span; a linked gold NIL name counts as a wrong link) at the default threshold.
A coordinate search over a small grid starts from the current weights and moves a weight only when the F1
strictly improves, so weights the sentences say nothing about keep their values.

Usage: python bench/tune_text.py --gazetteer /tmp/full.sqlite
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.text import f1, fitting_half, read_dev, score_dev
from linker import Linker
from linker.rank import TEXT_WEIGHTS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", required=True, help="places + people/orgs")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    linker = Linker.open(args.gazetteer)
    rows = [r for r in read_dev() if fitting_half(r["id"])]

    def objective() -> float:
        return f1(score_dev(linker, rows, linker.threshold)[0])

    start = dict(TEXT_WEIGHTS)
    best = objective()
    print(f"{len(rows)} fitting sentences; start F1 {best:.4f}")
    for _ in range(args.rounds):
        for key in sorted(TEXT_WEIGHTS):
            base = choice = TEXT_WEIGHTS[key]
            for delta in (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0):
                TEXT_WEIGHTS[key] = base + delta
                got = objective()
                if got > best + 1e-9:
                    best, choice = got, base + delta
            TEXT_WEIGHTS[key] = choice
        print(f"after a round: F1 {best:.4f}")
    print("changed:", {k: (start[k], round(v, 2)) for k, v in TEXT_WEIGHTS.items() if v != start[k]})


if __name__ == "__main__":
    main()
