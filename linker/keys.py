"""Match keys shared by the gazetteer build and the linker.

Every name is reduced to forms that are compared exactly:

``norm``
    normalised (:func:`linker.normalize.normalize_text`), case-folded, punctuation -> single spaces.
``key``
    ``norm`` without spaces; letters of scripts other than Arabic are folded to ASCII with unidecode
    (Ariège -> ariege, Москва -> moskva), so Latin, Cyrillic ... spellings share one Latin key space.
``skeleton``
    a consonant key in one space for Urdu and Latin script (Khasan = کھاسن = KSN, Putin = پوتن = پیوٹن =
    PTN, Pyongyang = پیانگ یانگ = PNGNG, Tokyo = ٹوکیو = TK, Trump = ٹرمپ = TRMP); see the tables below.
``loose``
    the skeleton with confusable classes merged (K=G=Q, S=Z, C=J=X, T=D, P=B=F, no H): a second key
    that finds more cross-script pairs at the price of bigger buckets.

Both phonetic keys ignore a qualifier after a comma or in brackets ("Haywood County, North Carolina" ->
"Haywood County"), drop generic words in either script (County/کاؤنٹی, District/ضلع, ...: an Urdu label
often translates the generic part that the English label leaves out) and translate compass words
(شمالی -> North). A name made only of generic words keeps them.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex
from unidecode import unidecode

from .normalize import normalize_text

_NON_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")
_NON_ARABIC_RUN = regex.compile(r"[^\p{Arabic}\s]+")
# Arabic-script letters and spaces only (the usual Urdu name): no script count and nothing to fold
_URDU_ONLY = re.compile("[ " + "".join(c for c in map(chr, range(0x0600, 0x0700)) if _ARABIC.match(c)) + "]*")
#: A qualifier after a comma or in brackets: "Haywood County, North Carolina", "Georgia (country)".
QUALIFIER = regex.compile(r"\s*(?:[,،].*|\(.*?\)|\[.*?\])")
_HAS_QUALIFIER = re.compile(r"[,،(\[]")
# ASCII needs no Unicode classes: `re` and str.translate do it several times faster than `regex`.
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})

#: Generic words an Urdu label translates (Urdu -> English). Dropped from both phonetic keys in either
#: script, and translated by the transliterator.
GENERIC_UR = {
    "کاؤنٹی": "County", "ضلع": "District", "صوبہ": "Province", "علاقہ": "Region", "جھیل": "Lake",
    "بلدیہ": "Municipality", "میونسپلٹی": "Municipality", "محکمہ": "Department", "محافظہ": "Governorate",
    "دریائے": "River", "دریا": "River", "جزیرہ": "Island", "جزائر": "Islands", "جزیرے": "Islands",
    "شہر": "City", "بحیرہ": "Sea", "سمندر": "Sea", "پہاڑ": "Mountain", "کوہ": "Mount", "ریاست": "State",
    "اوبلاست": "Oblast", "پریفیکچر": "Prefecture", "شہرستان": "County", "خلیج": "Gulf", "جمہوریہ": "Republic",
    "وادی": "Valley", "صحرا": "Desert", "آبنائے": "Strait", "جزیرہ نما": "Peninsula", "نہر": "Canal",
    "پیرش": "Parish", "ڈویژن": "Division", "تحصیل": "Tehsil", "گاؤں": "Village", "قصبہ": "Town",
    # generic words Urdu labels transliterate instead
    "ریور": "River", "بورو": "Borough", "ڈیزرٹ": "Desert", "وارڈ": "Ward", "ڈسٹرکٹ": "District",
    "ڈسٹرک": "District", "ریجن": "Region", "ریزروائر": "Reservoir", "پریفیکچر": "Prefecture",
    "پریفیکچور": "Prefecture", "ایئرپورٹ": "Airport", "ائیرپورٹ": "Airport", "ائرپورٹ": "Airport",
    "انٹرنیشنل": "International", "اڈا": "Airport", "اڈہ": "Airport", "اڈے": "Airport", "لیک": "Lake",
    "پارک": "Park", "اسٹیشن": "Station", "سٹیشن": "Station", "زبان": "Language",
}
_GENERIC_PHRASE_UR = regex.compile(r"(?<!\S)(?:ہوائی اڈ[اہے]|آئی لینڈ|بین الاقوامی|جزیرہ نما|سلسلہ کوہ|ماؤنٹ|سٹی|سیٹی)(?!\S)")
#: English generic words dropped from the phonetic keys (the English side of GENERIC_UR and kin).
GENERIC_EN = frozenset(
    "county district province region lake municipality department governorate river island islands city "
    "sea mountain mountains mount state oblast prefecture gulf republic valley desert strait peninsula "
    "canal parish division tehsil village town borough ward reservoir airport international park station "
    "language shi ku gun amphoe".split())
#: Compass and other words an Urdu label translates where the English label keeps them.
TRANSLATED_UR = {"شمالی": "North", "جنوبی": "South", "مشرقی": "East", "مغربی": "West", "وسطی": "Central",
                 "بالائی": "Upper", "زیریں": "Lower", "شمال": "North", "جنوب": "South", "شرقی": "East",
                 "غربی": "West"}
#: Words left out of the phonetic keys: conjunctions and articles (Gulf of Mexico = خلیج میکسیکو), and the
#: English adjectives of compass words folded onto them.
_KEY_STOP = frozenset("of the and و".split())
_KEY_FOLD = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_KEY_WORD = {**_KEY_FOLD, **TRANSLATED_UR}   # the word a key is made of, for the words that differ
_KEY_SPECIAL = _KEY_STOP | frozenset(_KEY_WORD)
_GENERIC = frozenset(GENERIC_UR) | GENERIC_EN

# --- Urdu skeleton table: letter (or letter + ھ) -> class; unlisted letters (vowels, glides) drop out ----
_UR_ASPIRATED = {  # consonant + do-chashmi ھ is one sound; پھ is usually a Latin "ph" (Phuket = پھوکٹ)
    "پھ": "F", "کھ": "K", "گھ": "G", "تھ": "T", "ٹھ": "T", "دھ": "D", "ڈھ": "D", "بھ": "B", "جھ": "J",
    "چھ": "C", "ڑھ": "R", "رھ": "R", "لھ": "L", "مھ": "M", "نھ": "N"}
_UR_CLASS = {
    **dict.fromkeys("تٹطۃ", "T"), **dict.fromkeys("دڈ", "D"), **dict.fromkeys("رڑ", "R"),
    **dict.fromkeys("سصثزذضظژ", "S"), **dict.fromkeys("کقخ", "K"), **dict.fromkeys("گغ", "G"),
    "ج": "J", "چ": "C", "ش": "X", "ف": "F", "پ": "P", "ب": "B", "م": "M", **dict.fromkeys("نں", "N"),
    "ل": "L", **dict.fromkeys("ہحھۂ", "H"),
}
_UR_TABLE = str.maketrans({**dict.fromkeys(map(chr, range(0x0600, 0x0700))), **_UR_CLASS,
                           **{c: c for c in "FKGTDBJCRLMN"}})

# --- Latin skeleton: lower-case ASCII (after unidecode) -> classes -----------------------------------------
# Digraphs first (longest first), then soft c, h by position, initial w/v, then one letter -> one class.
_LATIN_DIGRAPHS = [("ssion", "XN"), ("tion", "XN"), ("sion", "XN"), ("chr", "KR"), ("igh", "i"), ("tsch", "X"), ("sch", "X"), ("tch", "C"), ("sh", "X"), ("sz", "X"), ("ch", "C"),
                   ("cz", "C"), ("zh", "S"), ("kh", "K"), ("ck", "K"), ("gh", "G"), ("ph", "F"), ("th", "T"),
                   ("dh", "D"), ("x", "KS"), ("q", "K")]
# most words have no h: they skip the digraphs with h (no replacement brings one in)
_LATIN_DIGRAPHS_NO_H = [(pair, cls) for pair, cls in _LATIN_DIGRAPHS if "h" not in pair]
_NOT_LETTERS = re.compile(r"[^a-z]+")
_LATIN_TABLE = str.maketrans("tdrszkgjfpbmnlch", "TDRSSKGJFPBMNLKH", "aeiouywv")
_LATIN_PRE = {"\u00e7": "ch", "\u010d": "ch", "\u0107": "ch", "\u0161": "sh", "\u015b": "sh", "\u015f": "sh",
              "\u017e": "zh", "\u017a": "zh", "\u017c": "zh"}   # ç č ć š ś ş ž ź ż before unidecode
_LATIN_PRE_TABLE = str.maketrans(_LATIN_PRE)
# unidecode goes char by char in Python: the blocks most names use (Latin, Greek, Cyrillic, Hebrew, Indic,
# Thai ... Ethiopic; not Arabic) are looked up once; spaces stay (they separate the runs that _ascii folds)
_TO_ASCII = str.maketrans({
    ch: unidecode(ch.translate(_LATIN_PRE_TABLE))
    for ch in map(chr, (*range(0x0080, 0x0600), *range(0x0900, 0x1400), *range(0x1780, 0x1800),
                        *range(0x1E00, 0x2000)))
    if not ch.isspace()})
_DOUBLES = re.compile(r"([TDRSKGJCXFPBMNLHW])\1+")
_FIRST = operator.itemgetter(1)   # as a re.sub replacement, several times faster than the template r"\1"
_LOOSE = str.maketrans("GQZJXDBF", "KKSCCTPP", "H")


@dataclass(frozen=True, slots=True)
class NameForms:
    norm: str
    key: str
    skeleton: str
    script: str  # "urdu" | "latn" | "other"
    loose: str = ""


def script_of(text: str) -> str:
    """Dominant script of a name: 'urdu' (Arabic script), 'latn', or 'other'."""
    if text.isascii():
        return "latn" if _ASCII_LETTER.search(text) else "other"
    if _URDU_ONLY.fullmatch(text) and text.strip(" "):
        return "urdu"
    has_ar, has_la = _ARABIC.search(text), _LATIN.search(text)
    if has_ar and has_la:
        return "urdu" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) else "latn"
    return "urdu" if has_ar else "latn" if has_la else "other"


def norm_name(name: str) -> str:
    """Normalised, case-folded name with punctuation turned into single spaces; ۂ (ہ with the izafat's hamza,
    "of") is ہ: جمہوریۂ چین is جمہوریہ چین, بحیرۂ عرب is بحیرہ عرب."""
    text = normalize_text(name).casefold().replace("ۂ", "ہ")
    if text.isalpha():
        return text
    words = text.split()
    if "".join(words).isalpha():   # letters and spaces only (the usual name): no regex needed
        return " ".join(words)
    if text.isascii():
        return " ".join(text.translate(_ASCII_NON_WORD).split())
    return _NON_WORD.sub(" ", text).strip()


def _ascii(norm: str) -> str:
    """Letters of scripts other than Arabic folded to lower-case ASCII (Arabic script kept)."""
    if norm.isascii() or _URDU_ONLY.fullmatch(norm):
        return norm
    folded = norm.translate(_TO_ASCII)
    if folded.isascii():   # no Arabic script, no rarer script: the one-table fold was all it took
        return folded.lower()
    return _NON_ARABIC_RUN.sub(_ascii_run, norm)


def _ascii_run(match: regex.Match) -> str:
    """One run of non-Arabic characters in lower-case ASCII (ç č ... -> ch before unidecode)."""
    run = match.group().translate(_TO_ASCII)
    return (run if run.isascii() else unidecode(run)).lower()


def _urdu_word(word: str) -> str:
    """Skeleton of one Urdu word: initial و is W, final ہ is a vowel (افریقہ Africa), ھ joins its consonant."""
    head = "W" if word[0] == "و" else ""
    if len(word) > 1 and word[-1] in "ہۂ":
        word = word[:-1]
    if "ھ" in word:
        for pair, cls in _UR_ASPIRATED.items():
            word = word.replace(pair, cls)
    sk = word.translate(_UR_TABLE)
    return head + sk[:1] + sk[1:].replace("H", "") if word[0] in "ہح" else head + sk.replace("H", "")


def _latin_word(word: str) -> str:
    """Skeleton of one lower-case ASCII word: digraphs, soft c, h by position, initial w/v, classes."""
    first = word[0]
    head = "W" if first in "wv" else "S" if first == "x" else ""
    if word.endswith("ough"):
        word = word[:-2]  # Peterborough = پیٹربورو
    if first == "x":
        word = word[1:]
    elif word.startswith("mc"):
        word = "mk" + word[2:]
    for pair, cls in _LATIN_DIGRAPHS if "h" in word else _LATIN_DIGRAPHS_NO_H:
        if pair in word:
            word = word.replace(pair, cls)
    if "c" in word:   # soft c
        word = word.replace("ce", "se").replace("ci", "si").replace("cy", "sy")
    if "h" in word:
        word = word[0] + word[1:].replace("h", "")   # final h, or h after a consonant, is silent
    return head + word.translate(_LATIN_TABLE)


def _squeeze(key: str) -> str:
    """Collapse repeated classes (Latin doubles letters, Urdu does not: Trotta = ٹروٹا)."""
    return _DOUBLES.sub(_FIRST, key)


def _glue(out: str, part: str) -> str:
    """``out + part`` with a class shared at the seam written once."""
    return out + part[1:] if out and part and out[-1] == part[0] else out + part


@lru_cache(maxsize=300_000)
def _word_keys(word: str) -> tuple[str, str]:
    """(skeleton, loose) of one word of a norm, in either script."""
    if "\u0600" <= word[0] <= "\u06ff":
        skel = _urdu_word(word)
    elif word.isascii() and word.isalpha():
        skel = _latin_word(word.lower())
    else:
        skel = "".join(_latin_word(a) for a in _NOT_LETTERS.sub(" ", _ascii(word).lower()).split())
    skel = _squeeze(skel)
    loose = skel.translate(_LOOSE)
    return skel, loose if loose == skel else _squeeze(loose)   # an unchanged skeleton is squeezed already


def phonetic_keys(norm: str) -> tuple[str, str]:
    """(skeleton, loose) of a normalised name: generic words dropped, compass words translated."""
    if not norm.isascii() and _GENERIC_PHRASE_UR.search(norm):
        norm = _GENERIC_PHRASE_UR.sub(" ", norm).strip() or norm
    words = norm.split()
    if len(words) == 1:   # most names: nothing to drop or join (a lone stop word is kept as it is)
        return _word_keys(_KEY_WORD.get(words[0], words[0]))
    if not words:
        return "", ""
    if not _KEY_SPECIAL.isdisjoint(words):
        words = [_KEY_WORD.get(w, w) for w in words if w not in _KEY_STOP] or words
    if not _GENERIC.isdisjoint(words):
        words = [w for w in words if w not in _GENERIC] or words
    skel, loose = _word_keys(words[0])
    for word in words[1:]:
        # W only where the name starts: Urdu splits compounds where English does not (Blackwood = بلیک ووڈ)
        s, lo = _word_keys(word)
        skel, loose = _glue(skel, s.removeprefix("W")), _glue(loose, lo.removeprefix("W"))
    return skel, loose


def skeleton(norm: str, script: str | None = None) -> str:
    """The cross-script consonant skeleton of a normalised name (``script`` is not needed, kept for callers)."""
    return phonetic_keys(norm)[0]


def sound_form(words: Iterable[str]) -> str:
    """The skeletons of a name's words glued in order (Arif Alvi and عارف علوی: RFL), with no word dropped or
    translated: how running text finds a person or organisation by sound (:mod:`linker.index`)."""
    return glue(_word_keys(word)[0] for word in words)


def glue(skeletons: Iterable[str]) -> str:
    """Skeletons joined, a class shared at a seam written once."""
    out = ""
    for part in skeletons:
        out = _glue(out, part)
    return out


def without_generic_phrases(norm: str) -> str:
    """An Urdu normalised name without its generic phrases (شیراز بین الاقوامی ہوائی اڈا -> شیراز), as the phonetic
    keys leave them out; the whole name if nothing is left."""
    if norm.isascii() or not _GENERIC_PHRASE_UR.search(norm):
        return norm
    return " ".join(_GENERIC_PHRASE_UR.sub(" ", norm).split()) or norm


def without_qualifier(name: str) -> str:
    """The name without a qualifier after a comma or in brackets (the whole name if nothing is left)."""
    return QUALIFIER.sub("", name).strip() or name


def name_forms(name: str) -> NameForms:
    """All match forms of a name; the gazetteer build and the linker both call this."""
    norm = norm_name(name)
    script = script_of(norm)
    folded = _ascii(norm)
    head = _ascii(norm_name(without_qualifier(name))) if _HAS_QUALIFIER.search(name) else folded
    skel, loose = phonetic_keys(head or folded)
    return NameForms(norm, folded.replace(" ", ""), skel, script, loose)
