"""People and organisations in running text that have no Urdu name, found by how their Latin names sound.

Most of the gazetteer's people and organisations have Latin names only. The build generates Urdu spellings for
them, but news spells a name its own way (عارف علوی, where the build wrote آریف الوی for Arif Alvi), and
romanising every run of words while linking costs a millisecond a word and the transliteration model's memory.
Instead, every run of 2-4 Urdu words is tested by its sound form (the words' consonant skeletons glued,
:func:`linker.keys.sound_form`) against those of the Latin names of organisations and the multi-word ones of
people (one vectorised hash test, :meth:`linker.index.NameIndex.sound_rows`; سام سنگ is Samsung). A run that
sounds like such a name is a candidate when

* its words sound like the name's words in order, one to one or one to a run (:func:`aligned`): عبدالرشید گوڈیل
  is Abdul Rashid Godil, but کمار سنتوشی is not Santosh Kumar, and most runs of everyday words that share a
  whole name's consonants split differently;
* it is close to one of the Urdu spellings of the entity (generated or its own): ratio >= :data:`SOUND_SIM`.

The evidence has method ``key`` (the cross-script skeletons agree) and, as ``via``, the Urdu spelling it is
closest to; the running-text weights judge it as any ``key`` match, but document coherence counts half for it
(:data:`linker.linking.SOUND_COHERENCE`).
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from .candidates import CandidateFinder, Evidence
from .keys import glue, sound_form

#: How close (rapidfuzz ratio of keys, 0-1) a run of words must be to one of the entity's Urdu spellings. Set on
#: the dev sentences' fitting half (0.7-0.8 link the same names there; 0.7 kept one more right link).
SOUND_SIM = 0.7
#: Entity types found by sound (places mostly have Urdu names, or generated spellings that news agrees with).
_TYPES = frozenset({"PER", "ORG"})


def sound_alikes(finder: CandidateFinder, words: tuple[str, ...], key: str, rowids: list[int]) -> list[Evidence]:
    """Evidence for the people and organisations whose names (``rowids``, from the sound index) the run of
    normalised ``words`` with key ``key`` sounds like."""
    form = sound_form(words)
    out: dict[int, Evidence] = {}
    for r in finder.rows(rowids):
        parts = r.norm.split()
        if r.eid in out or sound_form(parts) != form or not aligned(words, tuple(parts)):
            continue
        if finder.entity(r.eid).type not in _TYPES:
            continue
        ratio, spelling = max(((fuzz.ratio(key, k), name) for name, k in finder.urdu_names(r.eid)),
                              default=(0.0, ""))
        if ratio / 100 >= SOUND_SIM:
            out[r.eid] = Evidence(r.eid, r.name, "key", round(ratio / 100, 4), via=spelling)
    return list(out.values())


@lru_cache(maxsize=100_000)
def aligned(urdu: tuple[str, ...], latin: tuple[str, ...]) -> bool:
    """Whether the words sound alike in order, each word of one side like one word or a run of words of the
    other (عبدالرشید گوڈیل: Abdul Rashid Godil; آدتیہ ناتھ: Adityanath)."""
    us = [sound_form((w,)) for w in urdu]
    ls = [sound_form((w,)) for w in latin]
    if us == ls:  # word for word, the usual case
        return True

    @lru_cache(maxsize=None)
    def fit(i: int, j: int) -> bool:
        if i == len(us) or j == len(ls):
            return i == len(us) and j == len(ls)
        if us[i] == ls[j] and fit(i + 1, j + 1):
            return True
        return (any(glue(ls[j:k]) == us[i] and fit(i + 1, k) for k in range(j + 2, len(ls) + 1))
                or any(glue(us[i:k]) == ls[j] and fit(k, j + 1) for k in range(i + 2, len(us) + 1)))

    return fit(0, 0)
