"""Transliteration and match-key benchmark on ../shared/data (prints figures; not a test).

    python bench/translit.py [--data ../shared/data] [--sections keys,u2l,l2u,speed] [--misses 15]
                             [--gazetteer /tmp/translit_hidden.sqlite [--rebuild]]

- u2l: Urdu -> Latin CER against the English name, CLDR's 419 city names (target <= 0.20) and the held-out
  gazetteer places, with uroman, anyascii and unidecode as same-run baselines.
- l2u: Latin -> Urdu exact match after normalisation (space-free key), top-1 and top-5, on held-out places
  (target top-1 >= 50 %, top-5 >= 85 %) and on CLDR / iso-codes pairs scored against every reference spelling.

Each figure is given three times: "model" is the transliterator alone (``to_latin(text)``); "lexicon" re-ranks
against words attested in the extracts (``to_latin(text, lexicon=...)``, a library feature); "linker" is
``Linker.transliterate`` (known names answered with their labels, then the model) on a gazetteer built from both
extracts with the Urdu names of the held-out entities hidden (``--gazetteer``, built there if missing), so that
held-out figures cannot be looked up. CLDR and iso-codes names are mostly known to that gazetteer: there the
linker figure says how well known names are answered, not how well names are transliterated. The Latin
lexicon is built from every Latin-script name of the extracts, held-out entities included (a real gazetteer
knows English names); the Urdu lexicon from the Urdu labels and aliases of entities OUTSIDE the held-out split,
and for CLDR / iso-codes also without any name equal to one of their Urdu spellings.
- keys: how well the skeleton (and loose) key alone pairs each Urdu label with its entity's English names
  over the whole gazetteer (recall) and how many entities share the key (bucket sizes).
- speed: names/s for normalise + keys (target >= 50k) and n-best transliteration (target >= 5k), one core:
  the model from fresh caches, with a lexicon, and through the Linker.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402
from unidecode import unidecode  # noqa: E402

from bench.crossscript import HideUrdu  # noqa: E402
from gazetteer import build  # noqa: E402
from gazetteer.sources import open_source  # noqa: E402
from linker import Linker  # noqa: E402
from linker.candidates import romanisations, urdu_spellings  # noqa: E402
from linker.keys import GENERIC_EN, GENERIC_UR, name_forms, without_qualifier  # noqa: E402
from linker.normalize import normalize_text  # noqa: E402
from linker.keys import _word_keys  # noqa: E402
from linker.translit import Lexicon, _models, _word_nbest, heldout, to_latin, to_urdu  # noqa: E402
from linker.translit.pairs import similar, word_pairs  # noqa: E402


def baselines() -> dict:
    """Generic romanisers, same run (bench extra): None where not installed."""
    out = {}
    try:
        import uroman
        ur = uroman.Uroman()
        out["uroman"] = lambda s: ur.romanize_string(s, lcode="urd")
    except Exception as e:  # noqa: BLE001 - report and go on without it
        print(f"(uroman unavailable: {e})")
    try:
        from anyascii import anyascii
        out["anyascii"] = anyascii
    except ImportError:
        print("(anyascii unavailable)")
    out["unidecode"] = unidecode
    return out


def _fold(s: str) -> str:
    return " ".join(unidecode(s).lower().split())


def cer(hyps: list[str], refs: list[str]) -> float:
    """Mean per-name character error rate: edit distance / reference length (case and accents folded)."""
    return statistics.fmean(Levenshtein.distance(_fold(h), _fold(r)) / max(1, len(_fold(r)))
                            for h, r in zip(hyps, refs))


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


_ENTITIES: dict[Path, list] = {}


def places(data: Path):
    """(file, entity) of both gazetteer extracts (read once)."""
    if data not in _ENTITIES:
        _ENTITIES[data] = []
        for f in ("places.jsonl.gz", "people_orgs.jsonl.gz"):
            with gzip.open(data / "gazetteer" / f, "rt", encoding="utf-8") as fh:
                _ENTITIES[data] += [(f, json.loads(line)) for line in fh]
    return _ENTITIES[data]


def latin_lexicon(data: Path) -> Lexicon:
    """Words of every Latin-script name in the extract (held-out entities too: English names are known)."""
    return Lexicon.from_names((n for _, e in places(data) for n in [e["label_en"], *e["aliases_en"]]), "latn")


def urdu_lexicon(data: Path, hidden_keys: frozenset[str] = frozenset()) -> Lexicon:
    """Words of the Urdu labels and aliases of entities outside the held-out split, names whose key is in
    ``hidden_keys`` left out."""
    return Lexicon.from_names((n for _, e in places(data) if not heldout(e["qid"])
                               for n in [e["label_ur"], *e["aliases_ur"]] if n and key(n) not in hidden_keys), "urdu")


def key(s: str) -> str:
    return name_forms(s).key


def hidden_gazetteer(data: Path, out: Path, rebuild: bool) -> Linker:
    """A Linker on both extracts with the held-out entities' Urdu names hidden (built at ``out`` if missing)."""
    if rebuild or not out.is_file():
        t0 = time.perf_counter()
        stats = build([HideUrdu(open_source(str(data / "gazetteer" / f)))
                       for f in ("places.jsonl.gz", "people_orgs.jsonl.gz")], out)
        print(f"built {out}: {stats.summary()} ({time.perf_counter() - t0:.0f} s)")
    return Linker.open(out)


def spellers(to: str, lexicon: Lexicon, linker: Linker | None) -> list[tuple[str, object]]:
    """(label, fn(text, n) -> spellings) of the model alone, with ``lexicon`` and, if given, the Linker."""
    fn = to_latin if to == "latn" else to_urdu
    out = [("model", lambda t, n: [s for s, _ in fn(t, n)]),
           ("lexicon", lambda t, n: [s for s, _ in fn(t, n, lexicon)])]
    if linker is not None:
        out.append(("linker", lambda t, n: linker.transliterate(t, to, n)))
    return out


def section_u2l(data: Path, misses: int, lexicon: Lexicon, linker: Linker | None) -> None:
    print("\n== Urdu -> Latin: CER against the English name (lower is better) ==")
    print(f"   lexicon: {len(lexicon):,} Latin words of all the extract's Latin-script names (held-out included)")
    base = baselines()
    rows = [r for r in read_tsv(data / "eval/translit/cldr_en_ur_places.tsv") if r["type"].startswith("city")]
    urdu, refs = [r["urdu"] for r in rows], [r["latin"] for r in rows]
    print(f"CLDR cities ({len(rows)}), baselines: " + "  ".join(f"{n} {cer([f(u) for u in urdu], refs):.3f}"
                                                       for n, f in base.items()))
    if linker is not None:
        known = sum(bool(linker._known_labels(u, "latn")) for u in urdu)
        print(f"   (the linker's gazetteer knows {known} of the {len(urdu)} names: answered with their labels)")
    for label, spell in spellers("latn", lexicon, linker):
        t0 = time.perf_counter()
        ours = [(spell(u, 1) or [""])[0] for u in urdu]
        dt = time.perf_counter() - t0
        top5 = [spell(u, 5) or [""] for u in urdu]
        best5 = [min(c, key=lambda h: Levenshtein.distance(_fold(h), _fold(r))) for c, r in zip(top5, refs)]
        exact1 = sum(_fold(h) == _fold(r) for h, r in zip(ours, refs)) / len(refs)
        exact5 = sum(any(_fold(h) == _fold(r) for h in c) for c, r in zip(top5, refs)) / len(refs)
        print(f"  {label:8} CER {cer(ours, refs):.3f} (target <= 0.20); oracle CER over 5-best {cer(best5, refs):.3f}; "
              f"exact match top-1 {exact1:.1%}, top-5 {exact5:.1%}   [{len(rows) / dt:.0f} names/s]")
        worst = sorted(zip(urdu, refs, ours), key=lambda x: -Levenshtein.distance(_fold(x[2]), _fold(x[1])))
        print("    worst: " + "; ".join(f"{u} -> {h} (ref {r})" for u, r, h in worst[:misses]))
    # held-out gazetteer places whose Urdu label is a transliteration of the English one
    ur, en = [], []
    for _, e in places(data):
        if e["label_ur"] and heldout(e["qid"]) and word_pairs(e["label_en"], e["label_ur"]):
            ur.append(without_qualifier(e["label_ur"]))
            en.append(e["label_en"])
    print(f"held-out places, transliterated labels ({len(ur)}): " +
          "  ".join(f"{n} {cer([f(u) for u in ur], en):.3f}" for n, f in base.items()) + "  ours: " +
          "  ".join(f"{label} {cer([(spell(u, 1) or [''])[0] for u in ur], en):.3f}"
                    for label, spell in spellers("latn", lexicon, linker)))


def gkey(s: str) -> str:
    """The key with generic words (County/کاؤنٹی, District/ضلع ...) left out, qualifier dropped."""
    words = name_forms(without_qualifier(s)).norm.split()
    kept = [w for w in words if w not in GENERIC_UR and w not in GENERIC_EN] or words
    return "".join(kept)


def _score(cands: list[list[str]], refs: list[set[str]], fold=key) -> tuple[float, float]:
    top1 = sum(bool(c) and fold(c[0]) in r for c, r in zip(cands, refs)) / len(refs)
    top5 = sum(any(fold(x) in r for x in c[:5]) for c, r in zip(cands, refs)) / len(refs)
    return top1, top5


def section_l2u(data: Path, misses: int, linker: Linker | None) -> None:
    print("\n== Latin -> Urdu: exact match of the space-free normalised key, top-1 / top-5 ==")
    lexicon = urdu_lexicon(data)
    print(f"   lexicon: {len(lexicon):,} Urdu words of the Urdu names of entities outside the held-out split")
    all_items, translit_items, word_items, generic_items = [], [], [], []
    for _, e in places(data):
        if not (e["label_ur"] and heldout(e["qid"])):
            continue
        generic_items.append((e["label_en"], {gkey(n) for n in [e["label_ur"], *e["aliases_ur"]] if n}))
        refs = {key(n) for n in [e["label_ur"], *e["aliases_ur"]] if n}
        heads = {key(without_qualifier(n)) for n in [e["label_ur"], *e["aliases_ur"]] if n}
        all_items.append((e["label_en"], refs | heads))
        if similar(e["label_en"], without_qualifier(e["label_ur"])) >= 50:
            translit_items.append((e["label_en"], refs | heads))
        for lw, uw in word_pairs(e["label_en"], e["label_ur"]):
            word_items.append((lw, {key(uw)}))
    for name, items in (("held-out places, all Urdu labels", all_items),
                        ("held-out places whose Urdu label sounds like the English one", translit_items),
                        ("held-out word pairs (generic words and qualifiers left out)", word_items)):
        print(f"{name} ({len(items)}):   (target 50 % / 85 %)")
        for label, spell in spellers("urdu", lexicon, linker):
            t0 = time.perf_counter()
            cands = [spell(lat, 5) for lat, _ in items]
            dt = time.perf_counter() - t0
            t1, t5 = _score(cands, [r for _, r in items])
            print(f"  {label:8} top-1 {t1:.1%}  top-5 {t5:.1%}   [{len(items) / dt:.0f} names/s, 5-best]")
            if name.startswith("held-out places, all"):
                g1, g5 = _score(cands, [r for _, r in generic_items], gkey)
                print(f"  {label:8} the same, generic words and qualifiers ignored on both sides: "
                      f"top-1 {g1:.1%}  top-5 {g5:.1%}")
            if name.startswith("held-out word"):
                wrong = [(lat, c[:3], sorted(r)[0]) for (lat, r), c in zip(items, cands)
                         if not any(key(x) in r for x in c)]
                print("    misses: " + "; ".join(f"{a} -> {' / '.join(c)} (ref {r})" for a, c, r in wrong[:misses]))
    refs: dict[str, set[str]] = defaultdict(set)
    for f in ("cldr_en_ur_places.tsv", "isocodes_en_ur_countries.tsv", "wikidata_2015_en_ur_labels.tsv"):
        for r in read_tsv(data / "eval/translit" / f):
            refs[r["latin"]].add(key(r["urdu"]))
    for f, label in (("cldr_en_ur_places.tsv", "CLDR places"), ("isocodes_en_ur_countries.tsv", "iso-codes countries")):
        rows = read_tsv(data / "eval/translit" / f)
        names = sorted({r["latin"] for r in rows})
        hidden = frozenset(key(r["urdu"]) for r in rows)
        print(f"{label} ({len(names)}, every reference spelling):")
        without = urdu_lexicon(data, hidden)
        for how, spell in (*spellers("urdu", lexicon, linker),
                           (f"lexicon without names spelled as in {label}",
                            lambda t, n: [s for s, _ in to_urdu(t, n, without)])):
            cands = [spell(n, 5) for n in names]
            t1, t5 = _score(cands, [refs[n] for n in names])
            print(f"  {how:8} top-1 {t1:.1%}  top-5 {t5:.1%}")


def section_keys(data: Path) -> None:
    print("\n== Match keys alone: does an Urdu label's key reach its entity's English names? ==")
    buckets = {"skeleton": defaultdict(set), "loose": defaultdict(set)}
    urdu = []
    for _, e in places(data):
        for n in [e["label_en"], *e["aliases_en"]]:
            f = name_forms(n) if n else None
            if f and f.script != "urdu" and f.skeleton:
                buckets["skeleton"][f.skeleton].add(e["qid"])
                buckets["loose"][f.loose].add(e["qid"])
        if e["label_ur"]:
            urdu.append((e["qid"], name_forms(e["label_ur"])))
    for which, index in buckets.items():
        sizes, hits = [], 0
        for qid, f in urdu:
            b = index.get(getattr(f, which), ())
            sizes.append(len(b))
            hits += qid in b
        sizes.sort()
        q = statistics.quantiles(sizes, n=10)
        print(f"{which}: recall {hits / len(urdu):.1%} of {len(urdu)} Urdu labels; entities per key: "
              f"median {statistics.median(sizes):.0f}, p90 {q[-1]:.0f}, mean {statistics.fmean(sizes):.1f}, "
              f"empty {sizes.count(0) / len(sizes):.1%}")


def _reset_caches() -> None:
    """Empty every memo of the transliterator and the back-off transitions its character models add on use, so
    speed is measured from fresh caches (the tables compiled at load stay: that cost is the load time)."""
    _word_nbest.cache_clear()
    romanisations.cache_clear()
    urdu_spellings.cache_clear()
    m = _models()
    for model in (m.l2u, m.u2l):
        model.reset()
    for lm in (*m.lm.values(), *(j.lm for j in m.joint.values())):
        lm.reset()


def section_speed(data: Path, linker: Linker | None) -> None:
    print("\n== Speed (CPU time of this process, one core) ==")
    _models.cache_clear()
    t0 = time.process_time()
    _models()
    print(f"transliteration tables loaded and compiled in {time.process_time() - t0:.2f} s (once, on first use)")
    latin, urdu, names = [], [], []
    for _, e in places(data):
        latin.append(e["label_en"])
        if e["label_ur"]:
            urdu.append(e["label_ur"])
        names += [e["label_en"], *e["aliases_en"], e["label_ur"], *e["aliases_ur"]]
    names = [n for n in names if n]
    _word_keys.cache_clear()
    t0 = time.process_time()
    for n in names:
        name_forms(normalize_text(n))
    dt = time.process_time() - t0
    print(f"normalise + keys: {len(names) / dt:,.0f} names/s over all {len(names):,} gazetteer names, "
          "in build order from a cold start (target 50k)")
    for label, fn, items in (("to_urdu 5-best", to_urdu, latin[50000:55000]),
                             ("to_latin 5-best", to_latin, urdu[10000:15000]),
                             ("to_urdu 3-best, sustained as in a build", to_urdu, latin[20000:60000])):
        _reset_caches()
        t0 = time.process_time()
        for n in items:
            fn(n, 3 if "3-best" in label else 5)
        dt = time.process_time() - t0
        print(f"{label}: {len(items) / dt:,.0f} names/s over {len(items)} unseen names, fresh caches (target 5k)")
    lexicons = {"urdu": urdu_lexicon(data), "latn": latin_lexicon(data)}
    for to, items in (("urdu", latin[60000:65000]), ("latn", urdu[15000:20000])):
        for label, spell in spellers(to, lexicons[to], linker)[1:]:
            _reset_caches()
            t0 = time.process_time()
            for n in items:
                spell(n, 5)
            dt = time.process_time() - t0
            print(f"{label} to {to} 5-best: {len(items) / dt:,.0f} names/s over {len(items)} unseen names, "
                  "fresh caches")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sections", default="u2l,l2u,keys,speed")
    ap.add_argument("--misses", type=int, default=15)
    ap.add_argument("--gazetteer", type=Path, default=Path(tempfile.gettempdir()) / "translit_hidden.sqlite",
                    help="gazetteer with the held-out entities' Urdu names hidden (built there if missing)")
    ap.add_argument("--rebuild", action="store_true", help="rebuild that gazetteer")
    ap.add_argument("--no-linker", action="store_true", help="model and lexicon figures only")
    args = ap.parse_args()
    if not (args.data / "eval" / "translit").is_dir():
        sys.exit(f"no evaluation data under {args.data}")
    sections = args.sections.split(",")
    linker = None
    if not args.no_linker and {"u2l", "l2u", "speed"} & set(sections):
        linker = hidden_gazetteer(args.data, args.gazetteer, args.rebuild)
    if "u2l" in sections:
        section_u2l(args.data, args.misses, latin_lexicon(args.data), linker)
    if "l2u" in sections:
        section_l2u(args.data, args.misses, linker)
    if "keys" in sections:
        section_keys(args.data)
    if "speed" in sections:
        section_speed(args.data, linker)


if __name__ == "__main__":
    main()
