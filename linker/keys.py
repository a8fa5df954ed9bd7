"""Match keys shared by the gazetteer build and the linker.

Every name is reduced to forms that can be compared exactly:
``norm`` (normalised, case-folded, single-spaced), ``key`` (norm without spaces and punctuation) and
``skeleton`` (a phonetic consonant key in one space for Urdu and Latin script).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from unidecode import unidecode

from .normalize import normalize

_NON_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")


@dataclass(frozen=True, slots=True)
class NameForms:
    norm: str
    key: str
    skeleton: str
    script: str  # "urdu" | "latn" | "other"


def script_of(text: str) -> str:
    """Dominant script of a name: 'urdu' (Arabic script), 'latn', or 'other'."""
    ar = len(_ARABIC.findall(text))
    la = len(_LATIN.findall(text))
    if ar == 0 and la == 0:
        return "other"
    return "urdu" if ar >= la else "latn"


def norm_name(name: str) -> str:
    """Normalised, case-folded name with punctuation turned into single spaces."""
    return _NON_WORD.sub(" ", normalize(name).text.casefold()).strip()


def skeleton(norm: str, script: str) -> str:
    """Phonetic key (placeholder: to be replaced by the Urdu text core's cross-script key)."""
    return norm.replace(" ", "") if script == "urdu" else unidecode(norm).replace(" ", "")


def name_forms(name: str) -> NameForms:
    norm = norm_name(name)
    script = script_of(norm)
    return NameForms(norm, norm.replace(" ", ""), skeleton(norm, script), script)
