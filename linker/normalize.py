"""Urdu text normalisation with an offset map back to the original text.

Matching works on normalised text; mentions are reported in the caller's original offsets, so every
normalised character remembers the [start, end) span of original text it came from.

What :func:`normalize` does, in order, one grapheme cluster at a time (clusters keep a letter and its
combining marks together, so composition never crosses them):

1. NFKC (presentation forms -> letters, ﷺ -> its four-word phrase, fullwidth -> ASCII, NBSP -> space).
   NFKC yields ARABIC letters (ﻳ -> ي, ﻫ -> ه), so the fold comes after it, on composed text (never NFD:
   NFD splits ئ into ي + hamza).
2. Fold Arabic look-alikes to Urdu letters: ك -> ک, ي ى -> ی, ة -> ۃ, ۀ -> ۂ, ە -> ہ, أ إ ٱ -> ا,
   ۓ -> ئے, ی + hamza above -> ئ. Arabic ه stands for ہ or ھ: it becomes ھ (do-chashmi) after an
   aspirable stop (ب پ ت ٹ ج چ د ڈ ڑ ک گ) when a letter follows in the same word (بهارت -> بھارت,
   كهاسن -> کھاسن), else ہ (شهر -> شہر, لاهور -> لاہور, final ه -> ہ). Known misses of this rule:
   تهران/دهلی/بهادر (ہ after a stop) become تھران/دھلی/بھادر; word-final کچه/ساته become کچہ/ساتہ.
3. Drop aerab (U+064B-065F except the hamzas, U+0670, Quranic marks U+06D6-06ED), tatweel, ZWNJ/ZWJ,
   ZWSP, soft hyphen, BOM and bidi controls; combining marks left without a base are dropped too.
4. Every space separator and TAB -> " "; line/paragraph separators -> "\\n"; every decimal digit
   (Urdu ۰-۹, Arabic-Indic ٠-٩, Devanagari, ...) -> ASCII; Arabic decimal/thousands signs -> "." ",".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

#: Bump when the output of :func:`normalize` or of the keys changes: gazetteers built with another
#: version are refused (linker.store) and must be rebuilt.
NORMALISER_VERSION = "6"

_FOLD = {
    "\u0643": "\u06a9",  # ك -> ک
    "\u064a": "\u06cc",  # ي -> ی
    "\u0649": "\u06cc",  # ى -> ی
    "\u0629": "\u06c3",  # ة -> ۃ
    "\u06c0": "\u06c2",  # ۀ -> ۂ
    "\u06d5": "\u06c1",  # ە (ae) -> ہ
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",  # ٲ -> ا
    "\u0673": "\u0627",  # ٳ -> ا
    "\u06d3": "\u0626\u06d2",  # ۓ -> ئے
    "\u066b": ".",       # Arabic decimal separator
    "\u066c": ",",       # Arabic thousands separator
    "\t": " ",
    "\u2028": "\n",
    "\u2029": "\n",
}
_DROP = frozenset(map(chr, [
    *range(0x064B, 0x0654), *range(0x0656, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5),
    0x06E7, 0x06E8, *range(0x06EA, 0x06EE),            # aerab and Quranic annotation marks
    0x0640,                                            # tatweel
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C,    # ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM
    *range(0x202A, 0x202F), *range(0x2066, 0x206A),    # bidi embeddings and isolates
    0x00AD, 0xFEFF, 0x2060,                            # soft hyphen, BOM, word joiner
]))
_HAMZA_ABOVE, _HAMZA_BELOW = "\u0654", "\u0655"
_ARABIC_HEH = "\u0647"
# Letters after which Arabic ه inside a word is the aspiration mark ھ.
_ASPIRABLE = "بپتٹجچدڈڑکگ"
_HEH = regex.compile(rf"(?<=[{_ASPIRABLE}])\u0647(?=\p{{L}})|(\u0647)")
# Text made only of these needs no work: ASCII and already-Urdu letters, punctuation and space.
_CLEAN_SET = ("\n\r\u0020-\u007e\u0621\u0622\u0624\u0626-\u0628\u062a-\u063a\u0641\u0642\u0644-\u0646\u0648"
              "\u0679-\u06bf\u06c1-\u06c3\u06cc\u06d2\u06d4\u060c\u061b\u061f\u066a\u06fd")
_CLEAN = re.compile(f"[{_CLEAN_SET}]*")  # plain ranges: `re` matches them several times faster
# Runs of clean characters not followed by a combining mark pass unchanged; everything else goes
# one grapheme cluster at a time.
_PIECES = regex.compile(rf"(?:[{_CLEAN_SET}](?![\p{{M}}\u200c\u200d]))+|\X")
_MARKS = frozenset(("Mn", "Mc", "Me"))
_OWN_CLUSTER = regex.compile(r"\p{Grapheme_Cluster_Break=Other}")


def _passes_unchanged(ch: str) -> bool:
    """True if ``ch`` comes out of every step unchanged, whatever its neighbours (no mark joins it).

    Such a character is a grapheme cluster of its own (Grapheme_Cluster_Break=Other: nothing composes or
    reorders with it), NFKC leaves it alone and no fold, drop or digit rule touches it.
    """
    return (unicodedata.normalize("NFKC", ch) == ch and unicodedata.combining(ch) == 0
            and unicodedata.category(ch)[0] in "LPS" and ch not in _DROP and ch not in _FOLD
            and ch != _ARABIC_HEH and bool(_OWN_CLUSTER.match(ch)))


def _char_class(chars: frozenset[str]) -> str:
    """A `re` character class matching exactly ``chars``, written as ranges."""
    codes = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


# Text made only of clean characters or of letters, punctuation and symbols of the Latin, Greek, Cyrillic
# and Armenian blocks and typographic dashes and quotes that pass unchanged (Ariège, São Paulo, Москва,
# O’Brien) is its own normal form: most names in other scripts than Urdu are such text, and would
# otherwise go cluster by cluster.
_UNCHANGED_CHARS = frozenset(
    {chr(c) for c in range(0x0700) if _CLEAN.fullmatch(chr(c))}
    | {chr(c) for lo, hi in ((0x00A0, 0x058F), (0x1E00, 0x1FFF), (0x2010, 0x2027)) for c in range(lo, hi + 1)
       if _passes_unchanged(chr(c))})
_UNCHANGED = re.compile(_char_class(_UNCHANGED_CHARS) + "*")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the [start, end) span in the original."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original text."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


_cache: dict[str, str] = {}


def _fold_chars(text: str) -> str:
    out = []
    for ch in text:
        if ch in _DROP:
            continue
        mapped = _FOLD.get(ch)
        if mapped is not None:
            out.append(mapped)
            continue
        cat = unicodedata.category(ch)
        out.append(" " if cat == "Zs" else str(unicodedata.decimal(ch)) if cat == "Nd" else ch)
    return "".join(out)


def _fold_cluster(cluster: str) -> str:
    """Normalise one grapheme cluster (cached: real text repeats few distinct clusters)."""
    done = _cache.get(cluster)
    if done is not None:
        return done
    text = _fold_chars(unicodedata.normalize("NFKC", cluster))
    if _HAMZA_ABOVE in text:
        text = text.replace("\u06cc\u0654", "\u0626").replace(_ARABIC_HEH + _HAMZA_ABOVE, "\u06c2")
    # fold again what NFC composed (ا + hamza -> أ -> ا); hamzas that found no letter are dropped
    text = _fold_chars(unicodedata.normalize("NFC", text)).replace(_HAMZA_ABOVE, "").replace(_HAMZA_BELOW, "")
    if text and unicodedata.category(text[0]) in _MARKS:
        text = text.lstrip("".join(c for c in text if unicodedata.category(c) in _MARKS))
    if len(_cache) < 100_000:
        _cache[cluster] = text
    return text


def _heh(text: str) -> str:
    return _HEH.sub(lambda m: "\u06c1" if m.group(1) else "\u06be", text) if _ARABIC_HEH in text else text


def normalize_text(text: str) -> str:
    """The text of :func:`normalize` without the offset map (faster, for names and keys)."""
    if text.isascii() and text.isprintable() or _UNCHANGED.fullmatch(text):
        return text
    return _fold_text(text)


def _fold_text(text: str) -> str:
    """:func:`normalize_text` the long way, one piece at a time."""
    return _heh("".join(p if _CLEAN.fullmatch(p) else _fold_cluster(p) for p in _PIECES.findall(text)))


def normalize(text: str) -> Normalized:
    """Normalise ``text`` (see the module docstring) and map every output character to its source span."""
    if _UNCHANGED.fullmatch(text):
        n = len(text)
        return Normalized(text, tuple(range(n)), tuple(range(1, n + 1)))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _PIECES.finditer(text):
        piece, s, e = m.group(), m.start(), m.end()
        if _CLEAN.fullmatch(piece):
            chars.append(piece)
            starts.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))
        else:
            folded = _fold_cluster(piece)
            chars.append(folded)
            starts.extend([s] * len(folded))
            ends.extend([e] * len(folded))
    return Normalized(_heh("".join(chars)), tuple(starts), tuple(ends))
