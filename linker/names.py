"""Urdu spellings generated at build time for names the gazetteer only has in Latin script.

Most entities (76k people and organisations, 79k places) have no Urdu name, yet Urdu news writes them in
Urdu script. The build spells their English labels and aliases in Urdu with the transliterator's n-best
(:func:`linker.translit.to_urdu`) and indexes the spellings as names of kind ``generated``, so an Urdu mention
finds them by exact key or a few edits away.

Cost control: names repeat words (Mehmet, County, Sharif ...), so each distinct word is transliterated once
(cached) and a name's spellings combine its words' n-best; only a few combinations per name are kept.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import product

import regex

from .keys import name_forms
from .rank import prominence

try:
    from .translit import to_urdu as _to_urdu
except ImportError:  # pragma: no cover - before the Urdu text core's transliterator exists
    _to_urdu = None

#: Spellings kept per name, and per word before combining.
PER_NAME = 3
PER_WORD = 3
#: People this prominent (see :func:`linker.rank.prominence`) also get their surname alone (اوباما، مرکل).
SURNAME_PROMINENCE = 0.6

_QUALIFIER = regex.compile(r"\s*(?:[,،].*|\(.*?\)|\[.*?\])")
_WORD = regex.compile(r"[\p{Latin}\p{M}]+(?:['’-][\p{Latin}\p{M}]+)*|\d+")
_INITIALISM = regex.compile(r"^[A-Z]{2,6}$")


def available() -> bool:
    """Whether a Latin -> Urdu transliterator is installed (without one nothing is generated)."""
    return _to_urdu is not None


@lru_cache(maxsize=300_000)
def word_spellings(word: str) -> tuple[tuple[str, float], ...]:
    """Up to :data:`PER_WORD` Urdu spellings of one Latin word with log-probability-like scores (cached)."""
    if word.isdigit():
        return ((word, 0.0),)
    out: list[tuple[str, float]] = []
    for rank, item in enumerate(_to_urdu(word, PER_WORD)):
        text, score = (item, None) if isinstance(item, str) else (item[0], item[1] if len(item) > 1 else None)
        if text and all(text != t for t, _ in out):
            # scores from the transliterator if it gives probabilities, else a rank penalty
            out.append((text, math.log(score) if isinstance(score, float) and 0 < score <= 1 else -0.7 * rank))
    return tuple(out)


def spellings(name: str, n: int = PER_NAME) -> list[str]:
    """The ``n`` most likely Urdu spellings of a Latin-script name (qualifiers after a comma dropped)."""
    if _to_urdu is None:
        return []
    head = _QUALIFIER.sub("", name).strip() or name
    if _INITIALISM.match(head):
        return []  # DPRK: text spells it letter by letter (ڈی پی آر کے), matched through the letters
    words = _WORD.findall(head)
    if not words or len(words) > 6:
        return []
    options = [word_spellings(w) for w in words]
    if not all(options):
        return []
    combos = sorted(product(*options), key=lambda c: (-sum(s for _, s in c), [t for t, _ in c]))
    return [" ".join(t for t, _ in combo) for combo in combos[:n]]


def generated_names(names: Iterable[tuple[str, str, str]], *, coarse: str = "", prominence: float = 0.0,
                    ) -> Iterator[tuple[str, str, str]]:
    """(spelling, "ur", "generated") for the Latin-script names among an entity's (name, lang, kind).

    Spellings that equal (by key) a name the entity already has are not repeated. Prominent people also get
    their surname alone, from the Latin and the real Urdu names.
    """
    names = list(names)
    keys = {name_forms(n).key for n, _, _ in names}
    latin = [n for n, _, _ in names if name_forms(n).script == "latn"]
    out: list[str] = []
    for name in latin:
        out += spellings(name)
    if coarse == "PER" and prominence >= SURNAME_PROMINENCE:
        for name, lang, _ in names:
            parts = _QUALIFIER.sub("", name).split()
            if len(parts) > 1:
                out += [parts[-1]] if lang == "ur" else spellings(parts[-1], n=2)
    for spelling in out:
        key = name_forms(spelling).key
        if key and key not in keys:
            keys.add(key)
            yield spelling, "ur", "generated"


def for_entity(entity, names: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Generated names of a :class:`gazetteer.record.Entity` whose own names are ``names`` (build hook)."""
    if _to_urdu is None:
        return []
    prom = prominence(entity.qid, entity.coarse, entity.prior(), "|".join(entity.classes),
                      entity.labels.get("ur", ""), entity.country)
    return list(generated_names(names, coarse=entity.coarse, prominence=prom))
