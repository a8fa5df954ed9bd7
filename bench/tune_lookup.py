"""Fit the lookup score weights (linker.rank.LOOKUP_WEIGHTS) on development queries only; prints them.

Tuning queries (and nothing else):
- cross-script: the Urdu labels of the entities in the :func:`linker.translit.split.dev` bucket, hidden when the
  gazetteer is built (as bench/crossscript.py hides the disjoint held-out bucket it reports on). The gazetteer
  holds people and organisations too, so that place names compete with them as in real use (tuned on places
  alone, the person/organisation weight grew until place variants resolved to people);
- spelling variants: the Urdu aliases of dev-bucket entities that differ from their Urdu label, hidden at build
  while the label stays (:class:`HideDev`) — without them the fit never sees a variant compete with namesakes;
- people/organisations: the rows of bench/data/people_orgs_dev.tsv in the "tune" half
  (:func:`bench.people.tuning_half`); bench/people.py reports the other half.
Never tuned on: the held-out cross-script queries, the CLDR/iso-codes spelling variants (bench/variants.py), the
report half of the people list. Caveat: the shipped transliteration model was trained on the dev bucket's
names, so the cross-script dev queries are easier for the transliteration path than the held-out ones.

For each query the candidates and their features are collected once; a coordinate search over a small grid,
from a neutral start (:data:`START`), then maximises the mean recall@1 of the three sets, keeping only weights
that rank an exact match first (:data:`ORDER`). Paste the printed numbers into LOOKUP_WEIGHTS.

Usage: python bench/tune_lookup.py --gazetteer /tmp/full.sqlite --dev /tmp/tune_dev.sqlite [--only WEIGHT]
(the second file is built on first use, ~5 min; --only fits one new weight and keeps the others, as urdu_share was)
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.crossscript import HideUrdu, build_once
from bench.people import read_rows, tuning_half
from gazetteer.record import Entity
from gazetteer.sources import open_source
from linker import Linker
from linker.candidates import query_hints, spelling_fits
from linker.keys import name_forms
from linker.rank import LOOKUP_WEIGHTS, lookup_features
from linker.translit.split import dev

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
#: Where the search starts: no preference between methods or types, so that nothing of the earlier fit (which
#: saw the test queries) carries over.
START = {"exact": -7.0, "generated": -7.0, "fuzzy": -7.0, "key": -7.0, "transliteration": -7.0,
         "translation": -7.0, "sim": 9.0, "prominence": 1.0, "person_or_org": 0.0, "untyped": 0.0,
         "kind_fits": 0.0, "in_qualifier": 0.0, "unlikely_spelling": 0.0, "generic_extra": 0.0, "generic_clash": 0.0,
         "urdu_share": 0.0}
#: Kept by hand at neutral: the hidden Urdu labels include concepts (months, colours); fitted, this weight would
#: turn into a bonus for concepts.
FIXED = frozenset({"untyped"})
#: (higher, lower) intercepts the fit must keep ordered: an exact match of a name never ranks below a fuzzier
#: reading of an entity as prominent. Unconstrained, the dev queries (mostly names the gazetteer lacks) pushed
#: exact below fuzzy and generated, and a people row spelled exactly as its label lost to another person's
#: fuzzy match. Each candidate's score is intercept + sim * w["sim"] + ..., with sim = 1 for exact and < 1 for
#: fuzzy, so the ordering also needs a non-negative sim weight (:func:`monotone`).
ORDER = (("exact", "key"), ("key", "fuzzy"), ("exact", "generated"), ("exact", "transliteration"),
         ("exact", "translation"))


#: The moves the coordinate search tries for a weight. The ±0.1 steps let a feature with a wide range (urdu_share: a
#: log-ratio in [-1, 1]) settle at a small weight: with ±0.25 as the smallest step, 0.25 already cost more people
#: rows than it won cross-script ones, and a full fit left the feature at 0 (dev objective 0.8005; 0.8103 with them).
STEPS = (-3, -2, -1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 1, 2, 3)


def collect(linker: Linker, queries: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, dict]]]]:
    """(gold qid, [(candidate qid, features)]) per query."""
    out = []
    for text, qid in queries:
        evidence = linker._finder.lookup(text)
        hints = query_hints(linker._finder, text)
        spelled = spelling_fits(hints, evidence, linker._finder.entity)
        ents = [(ev, linker._finder.entity(ev.eid)) for ev in evidence.values()]
        cands = [(ent.qid, lookup_features(ev.method, ev.sim, ent, hints, spelled.get(ev.eid),
                                           linker._finder.kind_names(ev.eid, hints), ev.matched))
                 for ev, ent in ents]
        out.append((qid, cands))
    return out


def recall1(data, w: dict[str, float]) -> float:
    hits = 0
    for qid, cands in data:
        if cands:
            best = min(cands, key=lambda c: (-sum(w[k] * v for k, v in c[1].items()), c[0]))  # as Linker.lookup
            hits += best[0] == qid
    return hits / len(data)


def objective(sets: dict[str, list], w: dict[str, float]) -> float:
    """Mean recall@1 of the tuning sets."""
    return sum(recall1(d, w) for d in sets.values()) / len(sets)


def monotone(w: dict[str, float]) -> bool:
    """Whether ``w`` keeps the method intercepts in :data:`ORDER` and similarity counting for a candidate."""
    return w["sim"] >= 0 and all(w[hi] >= w[lo] for hi, lo in ORDER)


def fit(sets: dict[str, list], start: dict[str, float], rounds: int = 4,
        only: frozenset[str] | None = None) -> dict[str, float]:
    """Coordinate search from ``start`` maximising the mean recall@1 of ``sets`` (over the weights in ``only``, or
    all but :data:`FIXED`); a step that would break :func:`monotone` is not taken (an exact intercept can rise past
    the others, which may then follow it)."""
    assert monotone(start)
    w = dict(start)
    for _ in range(rounds):
        for key in sorted(only or set(w) - FIXED):
            grid = [v for v in (w[key] + d for d in STEPS)
                    if monotone({**w, key: v})]
            w[key] = max(grid, key=lambda v: (objective(sets, {**w, key: v}), -abs(v - w[key])))
    return w


class HideDev(HideUrdu):
    """The dev bucket's Urdu names, hidden two ways. An entity with Urdu aliases that differ from its Urdu label
    keeps the label and loses those aliases: looked up, they are spelling variants of a name the gazetteer has in
    Urdu (the situation of the CLDR/iso-codes variants). Any other Urdu-labelled entity loses all its Urdu names:
    looked up, its label needs cross-script matching."""

    def __init__(self, source):
        super().__init__(source, bucket=dev)
        self.variants: list[tuple[str, str]] = []

    def hide(self, e: Entity) -> Entity:
        key = name_forms(e.labels["ur"]).key
        other = [a for a in e.aliases.get("ur", []) if name_forms(a).key != key]
        if not other:
            return super().hide(e)
        self.variants += [(a, e.qid) for a in other]
        return replace(e, aliases={**e.aliases, "ur": [a for a in e.aliases["ur"] if a not in other]})


def dev_queries(sources: list[Path], out: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(query, qid) of the dev bucket: cross-script labels and spelling variants (:class:`HideDev`), building
    ``out`` with those names hidden when it is missing."""
    hidden = [HideDev(open_source(str(path))) for path in sources]
    build_once(hidden, out)
    return ([(u, q) for source in hidden for q, u in sorted(source.hidden.items())],
            [pair for source in hidden for pair in source.variants])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, required=True, help="places + people/orgs")
    ap.add_argument("--dev", type=Path, required=True,
                    help="the places + people/orgs gazetteer with the dev bucket's Urdu names hidden (built when "
                         "missing)")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--only", action="append", choices=sorted(START), metavar="WEIGHT",
                    help="fit only this weight (repeatable), from its START value, the others kept as in "
                         "LOOKUP_WEIGHTS: for a new feature whose full refit would move calibrated weights")
    args = ap.parse_args()
    people = [(r["urdu"], r["qid"]) for r in read_rows() if tuning_half(r["qid"])]
    gazetteer = args.data / "gazetteer"
    cross, variants = dev_queries([gazetteer / "places.jsonl.gz", gazetteer / "people_orgs.jsonl.gz"], args.dev)
    print(f"tuning on {len(people)} people/orgs rows (tune half), {len(cross)} dev-bucket cross-script labels and "
          f"{len(variants)} dev-bucket spelling variants")
    dev_linker = Linker.open(args.dev)
    sets = {"people (tune half)": collect(Linker.open(args.gazetteer), people),
            "crossscript (dev bucket)": collect(dev_linker, cross),
            "variants (dev bucket)": collect(dev_linker, variants)}

    def report(name, w):
        per_set = {k: round(recall1(d, w), 3) for k, d in sets.items()}
        print(f"{name}:", per_set, round(objective(sets, w), 4),
              "" if monotone(w) else "(breaks ORDER)")

    assert set(START) == set(LOOKUP_WEIGHTS), "a new weight needs a start value"
    report("current LOOKUP_WEIGHTS", LOOKUP_WEIGHTS)
    only = frozenset(args.only or ())
    start = {**LOOKUP_WEIGHTS, **{k: START[k] for k in only}} if only else START
    report("start", start)
    w = fit(sets, start, only=only or None)
    report("fitted", w)
    print("LOOKUP_WEIGHTS =", {k: round(v, 2) for k, v in sorted(w.items())})


if __name__ == "__main__":
    main()
