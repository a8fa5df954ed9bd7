"""Word pairs from a (Latin name, Urdu name) pair of one entity: what the learning script trains on and the
benchmark evaluates on. Pure functions: no data is read here."""
from __future__ import annotations

from rapidfuzz import fuzz

from ..keys import GENERIC_EN, GENERIC_UR, TRANSLATED_UR, name_forms, norm_name, script_of, without_qualifier
from .chunks import latin_letters

_TRANSLATED_EN = {v.lower() for v in TRANSLATED_UR.values()}


def _urdu_words(name: str) -> list[str]:
    words = norm_name(without_qualifier(name)).split()
    return [w for w in words if w not in GENERIC_UR and w not in TRANSLATED_UR]


def _latin_words(name: str) -> list[str]:
    words = [latin_letters(w) for w in norm_name(without_qualifier(name)).split()]
    return [w for w in words if w and w not in GENERIC_EN and w not in _TRANSLATED_EN]


def similar(latin: str, urdu: str) -> float:
    """How alike two spellings sound, 0-100: rapidfuzz ratio of their loose phonetic keys."""
    return fuzz.ratio(name_forms(latin).loose, name_forms(urdu).loose)


def word_pairs(latin: str, urdu: str, min_similarity: float = 50) -> list[tuple[str, str]]:
    """(Latin word, Urdu word) pairs of two names of one entity, generic and compass words left out.

    Words pair in order when both names have as many; a one-word side pairs with the other side joined
    (Pyongyang = پیانگیانگ). Pairs that do not sound alike (translations, noise) are dropped.
    """
    if script_of(urdu) != "urdu" or script_of(latin) != "latn":
        return []
    lw, uw = _latin_words(latin), _urdu_words(urdu)
    if not lw or not uw:
        return []
    if len(lw) == len(uw):
        pairs = list(zip(lw, uw))
    elif len(lw) == 1:
        pairs = [(lw[0], "".join(uw))]
    elif len(uw) == 1:
        pairs = [("".join(lw), uw[0])]
    else:
        return []
    return [(a, b) for a, b in pairs if similar(a, b) >= min_similarity]
