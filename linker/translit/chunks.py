"""Cutting words into the units the transliteration model maps one at a time.

Latin: English digraphs and doubled letters are one unit (sh, ch, th, kh, ee, oo, tt ...), since they map to
one Urdu letter or none. Urdu: a consonant with do-chashmi ھ is one unit (کھ, پھ), every other letter its own.
"""
from __future__ import annotations

import regex
from unidecode import unidecode

LATIN_UNITS = (
    "tsch tion sion sch tch igh eau "
    "sh ch th kh gh ph zh dh bh jh ck qu ng "
    "ee oo ou ai ay ei ey ie ea oa au aw ow oe ue ui oi oy ew "
    "bb cc dd ff gg ll mm nn pp rr ss tt zz kk").split()
_LATIN = regex.compile("|".join(sorted(LATIN_UNITS, key=len, reverse=True)) + "|[a-z]")
_URDU = regex.compile(r"[\p{Arabic}&&\p{L}]ھ?", flags=regex.V1)
_LATIN_PRE = str.maketrans({"ç": "ch", "č": "ch", "ć": "ch", "š": "sh", "ś": "sh", "ş": "sh", "ž": "zh",
                            "ź": "z", "ż": "z", "ł": "l", "ñ": "n"})
_ASCII_NON_LETTERS = str.maketrans("", "", "".join(chr(c) for c in range(128) if not "a" <= chr(c) <= "z"))


def latin_letters(word: str) -> str:
    """Lower-case ASCII letters of a Latin (or other non-Arabic) word: Ariège -> ariege, Şirvan -> shirvan."""
    if word.isascii():   # the same letters without unidecode
        return word.lower().translate(_ASCII_NON_LETTERS)
    return "".join(c for c in unidecode(word.lower().translate(_LATIN_PRE)).lower() if "a" <= c <= "z")


def latin_chunks(word: str) -> list[str]:
    """Units of a lower-case ASCII word: 'khasan' -> ['kh', 'a', 's', 'a', 'n']."""
    return _LATIN.findall(word)


def urdu_chunks(word: str) -> list[str]:
    """Units of a normalised Urdu word: 'کھاسن' -> ['کھ', 'ا', 'س', 'ن']."""
    return _URDU.findall(word)
