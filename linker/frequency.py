"""How common a word is in Urdu at large, from wordfreq's Urdu list (Wikipedia, subtitles, news and web text).

A run of words that are all everyday Urdu is a phrase of the language, not a name, when it only resembles one:
امریکی صدر ("American president") sounds like Mark Souder, سامنا کرنا ("to face") like Simon Crean, and بار بار
("again and again") is a generated spelling of some village Bar. The hand-written lists of :mod:`linker.context`
cannot hold every such word.
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

#: Zipf frequency (log10 of occurrences per billion words) from which a word counts as everyday Urdu. Words of
#: such phrases score 4.8-6.3 (اختیار 5.5, کرنا 6.0); the rarest word of a foreign name written in Urdu usually
#: scores below (مریم اورنگزیب 4.3, لوک سبھا 4.5), the commonest single names above (بھارت 5.7), which is why
#: only runs of several words are judged by it.
EVERYDAY_ZIPF = 4.8


@lru_cache(maxsize=100_000)
def everyday(word: str) -> bool:
    """Whether ``word`` (normalised) is among the most frequent words of written Urdu."""
    return zipf_frequency(word, "ur") >= EVERYDAY_ZIPF
