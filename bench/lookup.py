"""Lookup latency and recall@10 of the candidate index vs brute-force rapidfuzz, on a real and a 1M-name gazetteer.

Queries are gazetteer keys with one or two realistic misspellings (Urdu confusables ت/ٹ, س/ص/ث, ہ/ح, ی/ے,
dropped or added vowel letters; Latin vowel and double-letter slips; a random deletion). A query is a hit when
the key it was made from is among the 10 forms returned. The same-run baseline is
``rapidfuzz.process.extract(query, all_keys, scorer=fuzz.ratio, limit=10)`` over every distinct key.

Targets: >= 50x faster than brute force at equal or better recall@10; p99 < 5 ms at 1M names.

Usage:
  python bench/lookup.py --gazetteer /tmp/places.sqlite
  python bench/lookup.py --gazetteer /tmp/places.sqlite --synthetic /tmp/g1m.sqlite --names 1000000
(--synthetic builds, once, a gazetteer of recombined words of the real one with at least --names names.)
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from gazetteer import build
from gazetteer.record import Entity
from linker import Linker
from linker.index import NameIndex
from linker.store import connect_readonly

CONFUSABLE = [set("تٹطۃ"), set("دڈ"), set("رڑ"), set("سصث"), set("زذضظ"), set("ہحھ"), set("کق"), set("یے"),
              set("اعآ"), set("aeiou"), set("ck"), set("sz")]
VOWEL_LETTERS = "اوی"


def misspell(key: str, rng: random.Random) -> str:
    """One or two slips a writer makes in a name."""
    for _ in range(rng.choice((1, 1, 2))):
        i = rng.randrange(len(key))
        kind = rng.random()
        group = next((g for g in CONFUSABLE if key[i] in g), None)
        if group and len(group) > 1 and kind < 0.5:
            key = key[:i] + rng.choice(sorted(group - {key[i]})) + key[i + 1:]
        elif kind < 0.7 and key[i] in VOWEL_LETTERS + "aeiou":
            key = key[:i] + key[i + 1:]
        elif kind < 0.85:
            key = key[:i] + (rng.choice(VOWEL_LETTERS) if key[i] > "\u0600" else key[i]) + key[i:]
        elif len(key) > 4:
            key = key[:i] + key[i + 1:]
    return key


class Synthetic:
    """A source of entities whose Urdu and English names recombine words of a real gazetteer's names."""

    name = "synthetic"
    skipped = filtered = 0

    def __init__(self, real: sqlite3.Connection, entities: int, seed: int = 7):
        words = {"ur": set(), "en": set()}
        for norm, script in real.execute("SELECT norm, script FROM names WHERE script IN ('urdu', 'latn')"):
            words["ur" if script == "urdu" else "en"].update(w for w in norm.split() if len(w) > 1)
        self.words = {k: sorted(v) for k, v in words.items()}
        self.entities = entities
        self.seed = seed

    def __iter__(self):
        rng = random.Random(self.seed)
        for i in range(self.entities):
            labels = {lang: " ".join(rng.choice(ws) for _ in range(rng.choice((1, 2, 2, 3))))
                      for lang, ws in self.words.items()}
            yield Entity(qid=f"Q{i + 1}", labels=labels, coarse="LOC", classes=["synthetic"], country="ZZ")


def run(path: Path, queries: int, brute_queries: int, rng: random.Random) -> None:
    con = connect_readonly(path)
    index = NameIndex(con)
    keys = [k for (k,) in con.execute("SELECT DISTINCT key FROM names")]
    names = con.execute("SELECT count(*) FROM names").fetchone()[0]
    pool = [k for k in keys if len(k) >= 4]
    sample = [(k, misspell(k, rng)) for k in rng.sample(pool, queries)]
    print(f"{path}: {names:,} names, {len(keys):,} distinct keys, {queries} misspelt queries")

    def timed(fn, qs):
        """Latencies, and for each query whether the key it was made from is among the forms found."""
        lat, hits = [], []
        for orig, q in qs:
            t = time.perf_counter()
            forms = fn(q)
            lat.append(time.perf_counter() - t)
            hits.append(orig in forms)
        return lat, hits

    index.fuzzy(sample[0][1])  # warm the page cache
    lat, hits = timed(lambda q: [h.form for h in index.fuzzy(q, k=10, min_sim=0.5)], sample)
    q = sorted(lat)
    print(f"  index:       p50 {statistics.median(lat) * 1e3:.2f} ms  p99 {q[int(len(q) * 0.99) - 1] * 1e3:.2f} ms  "
          f"{len(lat) / sum(lat):,.0f} q/s  recall@10 {sum(hits) / len(hits):.3f}")
    sub = sample[:brute_queries]
    blat, bhits = timed(lambda q: [m[0] for m in process.extract(q, keys, scorer=fuzz.ratio, processor=None,
                                                                  limit=10, score_cutoff=50)], sub)
    ilat, ihits = timed(lambda q: [h.form for h in index.fuzzy(q, k=10, min_sim=0.5)], sub)
    print(f"  brute force: p50 {statistics.median(blat) * 1e3:.1f} ms  {len(blat) / sum(blat):,.1f} q/s  "
          f"recall@10 {sum(bhits) / len(sub):.3f} (index on the same {len(sub)} queries: {sum(ihits) / len(sub):.3f})")
    print(f"  found by brute force only (key, query): {[s for s, b, i in zip(sub, bhits, ihits) if b and not i]}; "
          f"by the index only: {[s for s, b, i in zip(sub, bhits, ihits) if i and not b]}")
    print(f"  speed-up (mean latency): {sum(blat) / sum(ilat):.0f}x  (target >= 50x at equal or better recall)")
    linker = Linker.open(path)
    t = time.perf_counter()
    for _, q in sample[:200]:
        linker.lookup(q)
    print(f"  full Linker.lookup (exact + key + fuzzy + transliteration, ranked): "
          f"{(time.perf_counter() - t) / min(200, len(sample)) * 1e3:.2f} ms mean")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, required=True)
    ap.add_argument("--synthetic", type=Path, help="path of the generated large gazetteer (built if missing)")
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--brute-queries", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(42)
    run(args.gazetteer, args.queries, args.brute_queries, rng)
    if args.synthetic:
        if not args.synthetic.is_file():
            t = time.perf_counter()
            stats = build([Synthetic(sqlite3.connect(args.gazetteer), args.names // 2)], args.synthetic)
            print(f"built {args.synthetic}: {stats.names:,} names in {time.perf_counter() - t:.0f} s")
        run(args.synthetic, args.queries, args.brute_queries, rng)


if __name__ == "__main__":
    main()
