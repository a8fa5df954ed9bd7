"""Learn the transliteration tables in linker/data/translit.json.gz from ../shared/data.

    python tools/learn_translit.py [--data ../shared/data] [--out linker/data/translit.json.gz]

Training pairs: the Latin and Urdu names of gazetteer entities (places and people/organisations with an
Urdu label), and of the Urdu place names without a QID, cut into word pairs (linker.translit.pairs). Kept out
of training: entities in the held-out split (linker.translit.split.heldout), every entity with a name in the
CLDR or iso-codes evaluation lists (../shared/data/eval/translit), so the benchmark's figures are on unseen
names, and names without a QID whose English name is that of a held-out entity or of one without an Urdu label.

Method: for each direction, EM (forward-backward) aligns the units of the source word (linker.translit.chunks)
to substrings of the target word, monotonically; the Viterbi alignments give counts of unit -> substring in
the context chain of linker.translit.model. Character 5-gram (Urdu) and 4-gram (Latin) counts of the
target-script words give the rescoring models; of these, only n-grams seen at least twice are kept, and long
contexts only when frequent (see LM_MIN_CONTEXT); unit contexts seen once only when they say something new
(see context_counts).
Deterministic: the same data gives the same file.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linker.keys import name_forms  # noqa: E402
from linker.translit.chunks import latin_chunks, latin_letters, urdu_chunks  # noqa: E402
from linker.translit.model import (BOS, EOS, JOINT_BASE, JOINT_OOV, JOINT_ORDER, JOINT_VOCAB, LEVELS,  # noqa: E402
                                   context_keys)
from linker.translit.pairs import word_pairs  # noqa: E402
from linker.translit.split import dev, heldout  # noqa: E402

MAX_SUB = {"l2u": 3, "u2l": 4}   # longest target substring one source unit may produce
#: Orders of the rescoring character models. The Urdu model is a 5-gram; the Latin one a 4-gram (the file's
#: lm_order is the larger: its table has no 4-character context): on dev a fifth character helps spell Urdu
#: (word pairs top-1 +0.9), Latin little (word CER 0.236 vs 0.239) for 1.8 times as many transitions to fill
#: in 5-best to Latin (4.6 times the contexts).
LM_ORDER, LATIN_LM_ORDER = 5, 4
#: Contexts of 4 characters are kept when seen 8 times or more, of 3 when seen 4 times or more: on dev as
#: good as keeping every context seen twice (whole labels top-1/top-5 20.1/35.1 vs 20.3/35.0 %), with 4 in 10
#: of the contexts.
LM_MIN_CONTEXT = {4: 8, 3: 4}


def eval_names(data: Path) -> set[str]:
    """Keys of every name in the CLDR and iso-codes evaluation lists (both scripts)."""
    keys = set()
    for f in ("cldr_en_ur_places.tsv", "isocodes_en_ur_countries.tsv"):
        with open(data / "eval" / "translit" / f, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                keys.update(name_forms(row[c]).key for c in ("latin", "urdu"))
    keys.discard("")
    return keys


def entities(data: Path):
    for f in ("places.jsonl.gz", "people_orgs.jsonl.gz"):
        with gzip.open(data / "gazetteer" / f, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def training_data(data: Path, without_dev: bool = False) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(distinct word pairs, Latin names for the LM, Urdu names for the LM), held-out and eval names excluded."""
    excluded = eval_names(data)
    pairs: set[tuple[str, str]] = set()
    latin_names, urdu_names = [], []
    # English names of entities kept out, or without an Urdu label (some were withheld for evaluation): an
    # Urdu name without a QID is not trained on when its English name is one of these
    blocked: set[str] = set()
    for e in entities(data):
        if heldout(e["qid"]) or without_dev and dev(e["qid"]) or not e["label_ur"]:
            blocked.update(name_forms(n).key for n in [e["label_en"], *e["aliases_en"]] if n)
        if heldout(e["qid"]) or without_dev and dev(e["qid"]):
            continue
        urdu = [n for n in [e["label_ur"], *e["aliases_ur"]] if n]
        latin = [n for n in [e["label_en"], *e["aliases_en"]] if n]
        if any(name_forms(n).key in excluded for n in urdu + latin[:1]):
            continue
        latin_names.append(e["label_en"])
        for u in urdu:
            urdu_names.append(u)
            for lat in latin[:4]:
                found = word_pairs(lat, u)
                if found:
                    pairs.update(found)
                    break
    blocked |= excluded
    with gzip.open(data / "gazetteer" / "urdu_names_without_qid.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            if {name_forms(e["label_en"]).key, name_forms(e["label_ur"]).key} & blocked:
                continue
            latin_names.append(e["label_en"])
            urdu_names.append(e["label_ur"])
            pairs.update(word_pairs(e["label_en"], e["label_ur"]))
    return sorted(pairs), latin_names, urdu_names


_LATIN_VOWELS = set("aeiouy")
_URDU_VOWELS = set("اآوےیعئؤءۂہ")


def allowed(direction: str, unit: str, sub: str, initial: bool, final: bool) -> bool:
    """Structural prior of the alignment: vowels stay with vowels, an inserted vowel goes with the unit on
    its left (Urdu consonant -> "ta", never "at"), a word-initial vowel is written with alef or ain (Iran =
    ایران, Amman = عمان; u also as یو: Utah = یوٹاہ), a prothetic alef only at the start (st -> اسٹ), and a
    consonant is silent only where spelling allows it (Latin h, gh, w, y, or a final letter: Illinois);
    an Urdu consonant is always heard. Pairs that cannot be aligned this way are left out."""
    if direction == "u2l":
        if unit[0] in _URDU_VOWELS:
            return True
        return bool(sub) and (sub[0] not in _LATIN_VOWELS or initial)
    if initial and set(unit) <= _LATIN_VOWELS and unit[0] != "y":
        return sub[:1] in ("ا", "آ", "ع") or unit[0] == "u" and sub[:1] == "ی"
    if not sub:
        return set(unit) <= _LATIN_VOWELS or unit in ("h", "gh", "w", "y") or final
    if set(unit) <= _LATIN_VOWELS:
        return sub[0] in _URDU_VOWELS
    return sub[0] not in "اآع" or (initial and sub[0] == "ا")


def _subs(target: str, j: int, max_sub: int):
    for k in range(0, max_sub + 1):
        if j - k < 0:
            break
        yield k, target[j - k:j]


def align(examples: list[tuple[list[str], str]], direction: str, iterations: int = 6) -> list[tuple]:
    """EM: P(target substring | source unit); (Viterbi substrings, log-prob per unit) of every example."""
    max_sub = MAX_SUB[direction]
    prob: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for it in range(iterations):
        counts: dict[tuple[str, str], float] = defaultdict(float)
        totals: dict[str, float] = defaultdict(float)
        for units, target in examples:
            n, m = len(units), len(target)
            fwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            fwd[0][0] = 1.0
            for i, u in enumerate(units, 1):
                row, prev = fwd[i], fwd[i - 1]
                for j in range(m + 1):
                    s = 0.0
                    for k, sub in _subs(target, j, max_sub):
                        if prev[j - k] and allowed(direction, u, sub, i == 1, i == n):
                            s += prev[j - k] * prob[(u, sub)]
                    row[j] = s
            z = fwd[n][m]
            if z <= 0:
                continue
            bwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            bwd[n][m] = 1.0
            for i in range(n, 0, -1):
                u = units[i - 1]
                for j in range(m + 1):
                    if not bwd[i][j]:
                        continue
                    for k, sub in _subs(target, j, max_sub):
                        p = fwd[i - 1][j - k] * prob[(u, sub)]
                        if p and allowed(direction, u, sub, i == 1, i == n):
                            post = p * bwd[i][j] / z
                            counts[(u, sub)] += post
                            bwd[i - 1][j - k] += prob[(u, sub)] * bwd[i][j]
        for (u, sub), c in counts.items():
            totals[u] += c
        prob = defaultdict(float, {(u, sub): c / totals[u] for (u, sub), c in counts.items()})
        print(f"  EM iteration {it + 1}: {len(prob)} unit->substring entries", file=sys.stderr)
    return [_viterbi(units, target, prob, direction) for units, target in examples]


def _viterbi(units: list[str], target: str, prob, direction: str) -> tuple[list[str] | None, float]:
    max_sub = MAX_SUB[direction]
    n, m = len(units), len(target)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i, u in enumerate(units, 1):
        for j in range(m + 1):
            for k, sub in _subs(target, j, max_sub):
                p = prob.get((u, sub), 0.0)
                if p > 0 and best[i - 1][j - k] > -math.inf and allowed(direction, u, sub, i == 1, i == n):
                    s = best[i - 1][j - k] + math.log(p)
                    if s > best[i][j]:
                        best[i][j], back[i][j] = s, k
    if best[n][m] == -math.inf:
        return None, -math.inf
    out, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        out.append(target[j - k:j])
        j -= k
    return out[::-1], best[n][m] / n


def context_counts(aligned: list[tuple[list[str], list[str]]]) -> list[dict]:
    """Counts of unit outputs per context, every level of the chain.

    An output aligned to a unit only once in all the data is an alignment slip more often than a spelling
    (ow -> نال made Moscow's second best ماسکنال): it is left out. A specific context seen once is kept only
    when its output is not the most frequent one of the next, less specific, context: the others only repeat
    what backing off says. On dev (word pairs top-1, with a graphone 4-gram): none of the contexts seen once
    42.1 %, every one 43.6 %, these 43.1 %, with a fifth of them (the loaded tables ~45 MB lighter)."""
    seen = Counter((u, o) for units, outs in aligned for u, o in zip(units, outs))
    levels: list[dict[str, Counter]] = [defaultdict(Counter) for _ in LEVELS]
    parents: list[dict[str, str]] = [{} for _ in LEVELS]
    for units, outs in aligned:
        for i, out in enumerate(outs):
            if seen[units[i], out] < 2:
                continue
            keys = context_keys(units, i)
            for lvl, key in enumerate(keys):
                levels[lvl][key][out] += 1
                if lvl + 1 < len(keys):
                    parents[lvl][key] = keys[lvl + 1]

    def kept(lvl: int, key: str, c: Counter) -> bool:
        if lvl == len(LEVELS) - 1 or sum(c.values()) >= 2:
            return True
        parent = levels[lvl + 1][parents[lvl][key]]
        return parent[next(iter(c))] < max(parent.values())

    return [{k: dict(sorted(c.items())) for k, c in sorted(table.items()) if kept(lvl, k, c)}
            for lvl, table in enumerate(levels)]


def joint_counts(aligned: list[tuple[list[str], list[str]]]) -> dict:
    """Graphone (unit -> output) n-gram counts (order JOINT_ORDER): each graphone is coded as one private-use
    character so the character n-gram code serves; the vocabulary lists graphones in code order. (A 4-gram
    was worth +0.9 word pairs top-1 on dev, for 1.6 times as many transitions to fill in 5-best: ~10 % slower.)"""
    freq = Counter((u, o) for units, outs in aligned for u, o in zip(units, outs))
    vocab = [g for g, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= 2][:JOINT_VOCAB]
    code = {g: chr(JOINT_BASE + i) for i, g in enumerate(vocab)}
    seqs = ["".join(code.get(g, JOINT_OOV) for g in zip(units, outs)) for units, outs in aligned]
    return {"vocab": [list(g) for g in vocab], "counts": lm_counts(seqs, order=JOINT_ORDER)}


def lm_counts(words: list[str], order: int = LM_ORDER, min_count: int = 2,
              min_context: dict[int, int] | None = None) -> dict[str, dict[str, int]]:
    """Character n-gram counts: context (up to order-1 chars) -> next char -> count. N-grams and contexts seen
    fewer than ``min_count`` times are dropped (beyond single characters), and contexts of length L seen fewer
    than ``min_context[L]`` times."""
    table: dict[str, Counter] = defaultdict(Counter)
    for w in words:
        text = BOS * (order - 1) + w + EOS
        for i in range(order - 1, len(text)):
            for n in range(order):
                table[text[i - n:i]][text[i]] += 1
    floor = {n: max(min_count, (min_context or {}).get(n, 0)) for n in range(2, order)}
    return {k: dict(sorted((ch, c) for ch, c in v.items() if c >= min_count or len(k) <= 1))
            for k, v in sorted(table.items()) if len(k) <= 1 or sum(v.values()) >= floor[len(k)]}


def learn(data: Path, without_dev: bool = False) -> dict:
    t0 = time.time()
    pairs, latin_names, urdu_names = training_data(data, without_dev)
    print(f"{len(pairs)} word pairs from the gazetteer ({time.time() - t0:.0f} s)", file=sys.stderr)
    model: dict = {"pairs": len(pairs), "levels": [list(level) for level in LEVELS], "lm_order": LM_ORDER}
    for direction in ("l2u", "u2l"):
        if direction == "l2u":
            examples = [(latin_chunks(lat), ur) for lat, ur in pairs]
        else:
            examples = [(urdu_chunks(ur), lat) for lat, ur in pairs]
        examples = [(u, t) for u, t in examples if u and t]
        print(f"aligning {direction}: {len(examples)} examples", file=sys.stderr)
        subs = align(examples, direction)
        # the worst-aligned pairs are translations or noise, not transliterations
        floor = sorted(score for _, score in subs)[len(subs) // 20]
        aligned = [(units, outs) for (units, _), (outs, score) in zip(examples, subs)
                   if outs is not None and score > floor]
        model[direction] = context_counts(aligned)
        model[direction + "_joint"] = joint_counts(aligned)
    urdu_words = [w for n in urdu_names for w in name_forms(n).norm.split()]
    latin_words = [latin_letters(w) for n in latin_names for w in n.split()]
    model["lm_urdu"] = lm_counts([w for w in urdu_words if w], min_context=LM_MIN_CONTEXT)
    model["lm_latin"] = lm_counts([w for w in latin_words if w], LATIN_LM_ORDER, min_context=LM_MIN_CONTEXT)
    print(f"done in {time.time() - t0:.0f} s", file=sys.stderr)
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "linker" / "data" / "translit.json.gz")
    ap.add_argument("--without-dev", action="store_true",
                    help="also leave out the dev bucket (linker.translit.split.dev), to tune decoding weights")
    args = ap.parse_args()
    if not (args.data / "gazetteer").is_dir():
        sys.exit(f"no gazetteer data under {args.data}")
    model = learn(args.data, args.without_dev)
    tmp = args.out.with_name(args.out.name + ".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode())
    tmp.replace(args.out)  # readers never see a half-written table
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
