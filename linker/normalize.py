"""Urdu text normalisation with an offset map back to the original text.

Matching works on normalised text; mentions are reported in the caller's original offsets.
Every normalised character therefore remembers the span of original text it came from.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

#: Bump when the output of :func:`normalize` changes: gazetteers built with another version are refused.
NORMALISER_VERSION = "1"

# Arabic look-alikes -> Urdu letters (applied after NFKC, which maps presentation forms to ARABIC letters).
_FOLD = {
    "\u0643": "\u06a9",  # ك -> ک
    "\u064a": "\u06cc",  # ي -> ی
    "\u0649": "\u06cc",  # ى -> ی
    "\u0647": "\u06c1",  # ه -> ہ
    "\u0629": "\u06c3",  # ة -> ۃ
    "\u06c0": "\u06c2",  # ۀ -> ۂ
}
for _zero in (0x0660, 0x06F0):  # Arabic-Indic and Urdu/Persian digits -> ASCII
    for _d in range(10):
        _FOLD[chr(_zero + _d)] = str(_d)

# Dropped: aerab and other combining Arabic marks, tatweel, joiners, bidi controls, soft hyphen.
_DROP = set(map(chr, [*range(0x064B, 0x0653), 0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F,
                       0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x00AD, 0xFEFF]))
_SPACE = regex.compile(r"[\p{Zs}\t]")
# Text made only of these needs no work (identity offsets): ASCII and already-Urdu letters and punctuation.
_CLEAN = regex.compile(r"[\u0020-\u007e\u0621-\u0628\u062a-\u063a\u0641-\u0642\u0644-\u0646\u0648\u0679-\u06bf"
                       r"\u06c1-\u06d4\u060c\u061f]*")


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


def _fold_cluster(cluster: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", cluster):
        if ch in _DROP:
            continue
        ch = _FOLD.get(ch, ch)
        if _SPACE.match(ch):
            ch = " "
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def normalize(text: str) -> Normalized:
    """NFKC, fold Arabic look-alikes to Urdu, drop aerab/tatweel/joiners, unify spaces and digits."""
    if _CLEAN.fullmatch(text):
        n = len(text)
        return Normalized(text, tuple(range(n)), tuple(range(1, n + 1)))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in regex.finditer(r"\X", text):
        folded = _fold_cluster(m.group())
        chars.append(folded)
        starts.extend([m.start()] * len(folded))
        ends.extend([m.end()] * len(folded))
    return Normalized("".join(chars), tuple(starts), tuple(ends))
