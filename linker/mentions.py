"""Where a name may be in running Urdu text: windows of 1-5 tokens, with the repairs real text needs.

A window is a candidate span, not a mention: the linker keeps the windows whose key the index knows and
ranks them. The repairs:

* space insertion (پیانگ یا نگ): a window's key is its tokens' keys concatenated, and gazetteer keys have no
  spaces either, so a name split by a stray space still matches;
* space omission (ماسکواور): a window may end in a token with a glued postposition cut off (ماسکو + اور), or
  start in one with a glued preposition cut off (کیخلاف -> خلاف);
* glued digits (کووڈ۱۹؍): the tokeniser separates them; a number may end a window (کووڈ 19);
* Latin names inside Urdu text: Latin tokens make windows like any other (keys fold case and accents);
* initialisms spelled letter by letter (ڈی پی آر کے): a run of letter names also yields the Latin letters
  (DPRK) as a window key.

Offsets: every window knows its span in the normalised text; :class:`Window` converts it to the original.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .context import FUNCTION_WORDS, GLUED_PREFIXES, GLUED_SUFFIXES, LETTER_NAMES
from .index import word_terms
from .normalize import Normalized

MAX_TOKENS = 5
_WORD_KINDS = frozenset({"urdu", "latin", "word", "number"})
#: Punctuation that may sit inside a name (کم جونگ-اون, U.S.); any other punctuation ends a window.
_JOINERS = frozenset("-‐‑–'’&/.")
_MIN_CORE = 2  # a glued split must leave a name of at least this many letters


@dataclass(slots=True)
class Word:
    """A word token with its span in the normalised text (not frozen, like :class:`Window`: made by the
    hundred thousand, and a frozen dataclass is five times slower to make)."""

    norm: str
    kind: str
    nstart: int
    nend: int


@dataclass(slots=True)
class Window:
    """A candidate span: word indices [first, last], its normalised span and the key it is looked up by."""

    first: int
    last: int
    nstart: int
    nend: int
    key: str
    split: str = ""        # the glued function word cut off the span, if any
    initialism: str = ""   # the Latin letters when the span spells an initialism

    @property
    def tokens(self) -> int:
        return self.last - self.first + 1

    def original(self, norm: Normalized) -> tuple[int, int]:
        return norm.to_original(self.nstart, self.nend)


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """The key of one word, as :func:`linker.keys.name_forms` computes it for whole names: the first of the word's
    index terms (:func:`linker.index.word_terms`, cached), by which the word index is then read without computing
    the word's forms again."""
    return word_terms(word)[0]


def words_of(norm: Normalized, spans: list[tuple[int, int, str]]) -> tuple[list[Word], list[bool]]:
    """Word tokens with normalised spans, and for each word whether it continues the previous one's phrase.

    ``spans``: :func:`linker.tokenize.token_spans` of ``norm``.
    """
    text = norm.text
    words: list[Word] = []
    joined: list[bool] = []
    pos = 0
    broken = True
    lines = "\n" in text
    for start, end, kind in spans:
        if lines and text.find("\n", pos, start) >= 0:
            broken = True  # a name does not run across a line break
        pos = end
        if kind in _WORD_KINDS:
            words.append(Word(text[start:end], kind, start, end))
            joined.append(not broken)
            broken = False
        elif (mark := text[start:end]) in _JOINERS and not (mark == "." and words and words[-1].kind != "latin"):
            continue
        else:
            broken = True
    return words, joined


def windows(words: list[Word], joined: list[bool]) -> Iterator[Window]:
    """Every candidate span: plain windows, glued splits at the edges, initialisms."""
    n = len(words)
    keys = [word_key(w.norm) for w in words]
    splits = [glued_suffix(w.norm) if w.kind == "urdu" else None for w in words]
    closing = [w.norm in FUNCTION_WORDS for w in words]  # no window ends in a function word
    prefixed = [w.kind == "urdu" and w.norm.startswith(GLUED_PREFIXES) for w in words]
    for i in range(n):
        if not (closing[i] or words[i].kind == "number"):
            key = ""
            for j in range(i, min(n, i + MAX_TOKENS)):
                if j > i and not joined[j]:
                    break
                head_key = key
                key += keys[j]
                if not closing[j]:
                    yield Window(i, j, words[i].nstart, words[j].nend, key)
                if splits[j]:  # the last word with a glued postposition cut off (ماسکواور -> ماسکو)
                    core, suffix = splits[j]
                    yield Window(i, j, words[i].nstart, words[j].nend - len(suffix), head_key + word_key(core),
                                 split=suffix)
        if prefixed[i]:
            yield from _prefix_split(words, keys, joined, i)
    yield from _initialisms(words, joined)


@lru_cache(maxsize=100_000)
def glued_suffix(word: str) -> tuple[str, str] | None:
    """(core, postposition) when ``word`` ends in a glued postposition leaving a plausible name, else None."""
    for suffix in GLUED_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_CORE:
            return word[:-len(suffix)], suffix
    return None


def _prefix_split(words: list[Word], keys: list[str], joined: list[bool], i: int) -> Iterator[Window]:
    """Windows starting inside Urdu word ``i``, which starts with a glued preposition, after it (کےماسکو -> ماسکو)."""
    first = words[i]
    for prefix in GLUED_PREFIXES:
        if first.norm.startswith(prefix) and len(first.norm) - len(prefix) >= _MIN_CORE + 1:
            core = first.norm[len(prefix):]
            if core in FUNCTION_WORDS:
                return
            key = word_key(core)
            for j in range(i, min(len(words), i + MAX_TOKENS)):
                if j > i:
                    if not joined[j]:
                        break
                    key += keys[j]
                if words[j].norm not in FUNCTION_WORDS:
                    yield Window(i, j, first.nstart + len(prefix), words[j].nend, key, split=prefix)
            return


def _initialisms(words: list[Word], joined: list[bool]) -> Iterator[Window]:
    """Runs of spelled letters (ڈی پی آر کے) as Latin initialisms (dprk), every sub-run of 2+ letters."""
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].norm in LETTER_NAMES and (j == i or joined[j]):
            j += 1
        for a in range(i, j):
            for b in range(a + 1, min(j, a + 8)):
                letters = "".join(LETTER_NAMES[w.norm] for w in words[a:b + 1])
                yield Window(a, b, words[a].nstart, words[b].nend, letters.lower(), initialism=letters)
        i = max(j, i + 1)
