"""Tokens of Urdu text with offsets into the ORIGINAL text.

The text is normalised first (:func:`linker.normalize.normalize`) and tokenised on the normalised form, so
Arabic look-alikes, aerab, ZWNJ and odd digits never split or hide a word. Rules (``regex``, whose classes
keep a letter and its combining marks together, unlike ``re``):

- an Urdu word is a run of Arabic-script letters (پاکِستان is one token: the zer is dropped by the
  normaliser, and a mark the normaliser keeps stays attached);
- a Latin run inside Urdu text is its own token (BBCکی -> BBC + کی), with inner apostrophes (O'Brien);
- digits glued to words split off (کووڈ۱۹؍ -> کووڈ + 19 + ؍; 80بالز -> 80 + بالز), with decimal and
  thousands separators inside a number (1.5, 10,000);
- letters of other scripts (Cyrillic, Devanagari, ...) form words of their own;
- every other non-space character is a one-character ``punct`` token: ۔ ، ؟ ؍ ’ ‘ “ ” ( ) ...
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .normalize import Normalized, normalize

# A letter, then letters and marks in any order: the same runs as (letter mark*)+, in three quarters of the time.
_TOKEN = regex.compile(
    r"(?P<urdu>[\p{Arabic}&&\p{L}][[\p{Arabic}&&\p{L}]\p{M}]*)"
    r"|(?P<latin>[\p{Latin}&&\p{L}][[\p{Latin}&&\p{L}]\p{M}]*(?:['’][\p{Latin}&&\p{L}][[\p{Latin}&&\p{L}]\p{M}]*)*)"
    r"|(?P<number>\p{Nd}+(?:[.,]\p{Nd}+)*)"
    r"|(?P<word>[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)"
    r"|(?P<punct>[^\s\p{M}\p{C}])",
    regex.V1,
)

#: Postpositions and conjunctions that Urdu text often glues to the preceding name (ماسکواور).
FUNCTION_WORDS = ("اور", "کا", "کی", "کے", "نے", "کو", "سے", "میں", "پر")


@dataclass(frozen=True, slots=True)
class Token:
    start: int   # offsets into the ORIGINAL text
    end: int
    text: str    # the original text of the token
    norm: str    # its normalised form
    kind: str    # urdu / latin / number / word / punct


def tokenize(text: str, normalized: Normalized | None = None) -> list[Token]:
    """Tokens of ``text``; pass ``normalized`` when the caller already has ``normalize(text)``."""
    norm = normalized or normalize(text)
    tokens: list[Token] = []
    for nstart, nend, kind in token_spans(norm):
        start, end = norm.to_original(nstart, nend)
        tokens.append(Token(start, end, text[start:end], norm.text[nstart:nend], kind))
    return tokens


def token_spans(norm: Normalized) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each token of :func:`tokenize` in the normalised text: all that running text needs,
    without making a :class:`Token` per word (a frozen dataclass is slow to make by the thousand).

    Matches that come from one original character (¼ -> 1⁄4, ﷺ -> four words) are one token, of the first one's
    kind. The original ends of successive normalised characters never decrease, so the last match's end is the
    merged token's end.
    """
    spans: list[tuple[int, int, str]] = []
    starts, ends = norm.starts, norm.ends
    last_end = -1  # original end of the previous token
    for m in _TOKEN.finditer(norm.text):
        nstart, nend = m.span()
        if starts[nstart] < last_end:  # one original character expanded into several tokens: keep it whole
            spans[-1] = (spans[-1][0], nend, spans[-1][2])
        else:
            spans.append((nstart, nend, m.lastgroup))
        last_end = ends[nend - 1]
    return spans


def glued_splits(word: str) -> list[tuple[str, str]]:
    """(name part, function word) for each function word ``word`` may end with (ماسکواور -> ماسکو + اور).

    Only candidates: the caller keeps a split when the first part is a known name.
    """
    return [(word[: -len(f)], f) for f in FUNCTION_WORDS if word.endswith(f) and len(word) - len(f) >= 2]
