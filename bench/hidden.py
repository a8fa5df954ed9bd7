"""Running text about entities whose Urdu names the gazetteer lacks (as the shared extract lacks India's).

Two ways to see it, both with one bucket of :mod:`linker.translit.split` hidden at build (places and people/orgs,
:class:`bench.crossscript.HideUrdu`): the hand-annotated dev sentences linked against that gazetteer, and silver
mentions — news lines (COUNTER and the real/fake news corpus) in which the hidden Urdu label of a prominent,
typed entity of the bucket occurs as whole words. The gold of a silver mention is that entity: a label such as
برلن or جدہ means the place in news; labels that are common words (اور, تیل) are left out by the prominence and
common-word filters. bench/text.py reports them for the held-out bucket.
"""
from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path

import regex

from bench.crossscript import HideUrdu, build_once
from gazetteer.sources import open_source
from linker import Linker
from linker.context import COMMON_WORDS, FUNCTION_WORDS
from linker.keys import norm_name

NEWS = ("counter_ur_news_lines.jsonl.gz", "real_fake_news_ur.jsonl.gz")
#: Entities at least this prominent (rank.prominence) give silver mentions: a capital or a head of state, not a
#: village whose name is also a word.
MIN_PROMINENCE = 0.6


def hidden_gazetteer(data: Path, bucket: Callable[[str], bool], out: Path) -> dict[str, str]:
    """{qid: hidden Urdu label} of ``bucket``, building ``out`` (places + people/orgs, the bucket's Urdu names
    hidden) when it is missing."""
    sources = [HideUrdu(open_source(str(data / "gazetteer" / f)), bucket=bucket)
               for f in ("places.jsonl.gz", "people_orgs.jsonl.gz")]
    build_once(sources, out)
    return {qid: label for source in sources for qid, label in source.hidden.items()}


def silver_mentions(full: Linker, hidden: dict[str, str], data: Path, per_name: int = 3,
                    seed: int = 0) -> list[tuple[str, int, int, str]]:
    """(line, start, end, qid): up to ``per_name`` news sentences for each hidden label of a prominent, typed
    entity (looked up in the ``full`` gazetteer) that is not a common word, at random but reproducibly."""
    labels: dict[str, list[str]] = {}
    eids = dict(full._con.execute("SELECT qid, id FROM entities"))
    for qid, label in hidden.items():
        ent = full._finder.entity(eids[qid]) if qid in eids else None
        if (ent is None or ent.untyped or ent.prominence < MIN_PROMINENCE or "،" in label
                or any(w in COMMON_WORDS or w in FUNCTION_WORDS for w in norm_name(label).split())):
            continue
        labels.setdefault(label, []).append(qid)
    labels = {k: v for k, v in labels.items() if len(v) == 1}  # one label, one entity
    if not labels:
        return []
    pattern = regex.compile(r"(?<![\p{L}\p{M}])(" + "|".join(map(regex.escape, sorted(labels, key=len, reverse=True)))
                            + r")(?![\p{L}\p{M}])")
    found: dict[str, list[tuple[str, int, int]]] = {}
    for name in NEWS:
        for line in gzip.open(data / "eval" / "text" / name, "rt", encoding="utf-8"):
            text = json.loads(line).get("text") or ""
            for sentence in regex.split(r"(?<=[۔؟!\n])", text):
                if 20 <= len(sentence) <= 400:
                    for m in pattern.finditer(sentence):
                        found.setdefault(m.group(1), []).append((sentence, m.start(1), m.end(1)))
    rng = random.Random(seed)
    return [(s, a, b, labels[label][0]) for label, occ in sorted(found.items())
            for s, a, b in rng.sample(occ, min(per_name, len(occ)))]


def silver_recall(linker: Linker, silver: list[tuple[str, int, int, str]], threshold: float
                  ) -> tuple[float, list[str]]:
    """Share of silver mentions linked to their entity on an overlapping span; and the misses."""
    hits, misses = 0, []
    for line, start, end, qid in silver:
        over = [m for m in linker.link(line, threshold=threshold) if m.qid and m.start < end and start < m.end]
        if any(m.qid == qid for m in over):
            hits += 1
        else:
            got = f"{over[0].surface} -> {over[0].label_en}" if over else "not linked"
            misses.append(f"{line[start:end]} ({qid}): {got}")
    return hits / max(len(silver), 1), misses
