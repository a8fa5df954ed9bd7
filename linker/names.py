"""Urdu spellings generated at build time for names the gazetteer only has in Latin script.

Most entities (76k people and organisations, 79k places) have no Urdu name, yet Urdu news writes them in
Urdu script. The build spells their English labels and aliases in Urdu with the transliterator's n-best
(:func:`linker.translit.to_urdu`) and indexes the spellings as names of kind ``generated``, so an Urdu mention
finds them by exact key or a few edits away.

Cost control: names repeat words (Mehmet, County, Sharif ...), so each distinct word is transliterated once
(cached) and a name's spellings combine its words' n-best; only a few combinations per name are kept.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import product

import regex

from .context import COMMON_NAME_PARTS, COMMON_WORDS, FUNCTION_WORDS, URDU_COUNTRY
from .keys import GENERIC_UR, name_forms, norm_name, without_qualifier
from .rank import prominence

try:
    from .translit import to_urdu as _to_urdu
except ImportError:  # pragma: no cover - before the Urdu text core's transliterator exists
    _to_urdu = None

#: Spellings kept per name, and per word before combining; a spelling less likely than MIN_SHARE of the
#: name's best one is dropped.
PER_NAME = 3
PER_WORD = 3
MIN_SHARE = 0.2
#: Latin names spelled per entity: the label and the first alias (later aliases are often noise); for very
#: prominent entities more, since their aliases are the names news uses (India: Bhārat -> بھارت).
LATIN_NAMES = 2
LATIN_NAMES_PROMINENT = 8
PROMINENT = 0.8
PROMINENT_SPELLINGS = 6
PROMINENT_MIN_SHARE = 0.005
#: Places get spellings only from this prominence on: each distinct word costs the transliterator ~1 ms, the
#: extract has ~80k Latin-only places, and a village nobody writes about in Urdu only adds false matches.
#: People and organisations always get them (news is about them).
PLACE_MIN_PROMINENCE = 0.3
#: People this prominent (see :func:`linker.rank.prominence`) also get their surname alone (اوباما، مرکل).
SURNAME_PROMINENCE = 0.6

_WORD = regex.compile(r"[\p{Latin}\p{M}]+(?:['’-][\p{Latin}\p{M}]+)*|\d+")
_INITIALISM = regex.compile(r"^[A-Z]{2,6}$")


def available() -> bool:
    """Whether a Latin -> Urdu transliterator is installed (without one nothing is generated)."""
    return _to_urdu is not None


@lru_cache(maxsize=20_000)
def word_spellings(word: str, n: int = PER_WORD) -> tuple[tuple[str, float], ...]:
    """Up to ``n`` Urdu spellings of one Latin word with log-probability-like scores (cached)."""
    if word.isdigit():
        return ((word, 0.0),)
    out: list[tuple[str, float]] = []
    for rank, item in enumerate(_to_urdu(word, n)):
        text, score = (item, None) if isinstance(item, str) else (item[0], item[1] if len(item) > 1 else None)
        if text and all(text != t for t, _ in out):
            # scores from the transliterator if it gives probabilities, else a rank penalty
            out.append((text, math.log(score) if isinstance(score, float) and 0 < score <= 1 else -0.7 * rank))
    return tuple(out)


def spellings(name: str, n: int = PER_NAME, min_share: float = MIN_SHARE) -> list[str]:
    """The ``n`` most likely Urdu spellings of a Latin-script name (qualifiers after a comma dropped), each at
    least ``min_share`` as likely as the best."""
    if _to_urdu is None:
        return []
    head = without_qualifier(name)
    if _INITIALISM.match(head):
        return []  # DPRK: text spells it letter by letter (ڈی پی آر کے), matched through the letters
    words = _WORD.findall(head)
    if not words or len(words) > 5:
        return []
    options = [word_spellings(w, max(n, PER_WORD)) for w in words]
    if not all(options):
        return []
    combos = sorted(product(*options), key=lambda c: (-sum(s for _, s in c), [t for t, _ in c]))[:n]
    best = sum(s for _, s in combos[0])
    return [" ".join(t for t, _ in c) for c in combos if sum(s for _, s in c) >= best + math.log(min_share)]


def generated_names(names: Iterable[tuple[str, str, str]], *, coarse: str = "", prominence: float = 0.0,
                    home: bool = False) -> Iterator[tuple[str, str, str]]:
    """(spelling, "ur", "generated") for an entity whose names are ``names`` (name, lang, kind).

    Urdu names ending in ا or ہ get the other ending too (امریکا / امریکہ, افریقہ / افریقا: both are written), and
    those ending in "City" spelled out (ویٹیکن سٹی) get the name without it, as news writes it.
    An entity without an Urdu name gets Urdu spellings of its first Latin names (where Urdu news has a spelling
    the gazetteer usually has it too, and generated variants of it would mostly add noise), and of the first of
    them as its language reads it (names of kind "respelled", :mod:`linker.respell`: Zhak Shirak -> ژاک شیراک).
    An Arabic-script name in another language is no Urdu name (تهران, Persian for Tehran; البحرين, Arabic for
    Bahrain: Urdu writes تہران, بحرین), except for a place in Pakistan (``home``), whose Arabic-script names are
    Urdu whatever they are filed under; it is spelled the Urdu way (:func:`arabic_as_urdu`) besides the spellings
    of the Latin names. Prominent people also get their surname alone (اوباما، مرکل), from an Urdu name if they
    have one, unless it is a common name part (context.COMMON_NAME_PARTS: محمد, خان). Spellings that equal (by
    key) a name the entity already has, common words and very short strings are left out.
    """
    names = list(names)
    forms = [name_forms(n) for n, _, _ in names]
    keys = {f.key for f in forms}
    urdu: list[str] = []     # Urdu names (and any Arabic-script name of a place in Pakistan)
    foreign: list[str] = []  # Arabic-script names in another language
    latin: list[str] = []
    respelled: list[str] = []  # Latin names respelled by their language (linker.respell): Zhak Shirak
    for (n, lang, kind), f in zip(names, forms):
        if f.script == "urdu":
            (urdu if lang == "ur" or home else foreign).append(n)
        elif f.script == "latn":
            (respelled if kind == "respelled" else latin).append(n)
    out: list[str] = [v for name in urdu for v in final_vowel_variants(name)]
    out += [v for name in urdu for v in without_city(name)]
    if not urdu:
        out += [v for name in foreign for v in arabic_as_urdu(name)]
        if prominence >= PROMINENT:  # the names news uses most: more aliases, rarer spellings too (بھارت)
            for name in latin[:LATIN_NAMES_PROMINENT]:
                out += spellings(name, n=PROMINENT_SPELLINGS, min_share=PROMINENT_MIN_SHARE)
        else:
            for name in latin[:LATIN_NAMES]:
                out += spellings(name)
        out += spellings(respelled[0]) if respelled else []
    if coarse == "PER" and prominence >= SURNAME_PROMINENCE:
        for name in urdu or latin[:1] + respelled[:1]:
            parts = without_qualifier(name).split()
            if len(parts) > 1:  # not a surname that half of Urdu news is named (محمد for Mahathir Mohamad)
                surnames = [parts[-1]] if urdu else spellings(parts[-1], n=2)
                out += [s for s in surnames if name_forms(s).norm not in COMMON_NAME_PARTS]
    for spelling in out:
        f = name_forms(spelling)
        if f.key and f.key not in keys and not _too_common(f.norm):
            keys.add(f.key)
            yield spelling, "ur", "generated"


#: Arabic and Persian letters Urdu writes otherwise: ة and ه (h) as ہ, Arabic yeh and kaf as Urdu ی and ک.
_ARABIC_TO_URDU = str.maketrans({"ة": "ہ", "ه": "ہ", "ي": "ی", "ى": "ی", "ك": "ک"})
_FORMAT_CHARS = regex.compile(r"\p{Cf}")


def arabic_as_urdu(name: str) -> list[str]:
    """An Arabic or Persian spelling of a name as Urdu writes it: with Urdu letters (تهران: تہران), and also
    without the article (البحرين: بحرین, الرقة: رقہ) unless that leaves a generic word (الجزائر is no جزائر)."""
    plain = _FORMAT_CHARS.sub("", name).translate(_ARABIC_TO_URDU)  # "\u200fالبحرين": a mark before the article
    bare = without_article(plain)
    return [plain] if bare == plain or norm_name(bare) in GENERIC_UR else [plain, bare]


def without_article(name: str) -> str:
    """A name without the Arabic article of each word longer than four letters (صوبہ النعامہ -> صوبہ نعامہ; الہ
    and الم are no article)."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in name.split())


#: "City" spelled out in Urdu, which news leaves off.
_CITY = frozenset({"سٹی", "سیٹی"})


def without_city(name: str) -> list[str]:
    """The name without a final spelled-out "City" (ویٹیکن سٹی -> ویٹیکن), if it ends in one after other words."""
    head, _, last = name.rpartition(" ")
    return [head] if head and last in _CITY else []


def final_vowel_variants(name: str) -> list[str]:
    """The same Urdu name with its final ا written ہ or the reverse (امریکا -> امریکہ), for names of 4+ letters."""
    words = name.split()
    if not words or len(words[-1]) < 4:
        return []
    last = words[-1]
    swap = {"ا": "ہ", "ہ": "ا"}.get(last[-1])
    return [" ".join([*words[:-1], last[:-1] + swap])] if swap else []


def _too_common(norm: str) -> bool:
    """A spelling that is a common Urdu word or too short to tell apart (Khasan -> خان) would only mislead."""
    words = norm.split()
    return len(norm.replace(" ", "")) < 3 or all(w in FUNCTION_WORDS or w in COMMON_WORDS for w in words)


def for_entity(entity, names: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Generated names of a :class:`gazetteer.record.Entity` whose own names are ``names`` (build hook)."""
    if _to_urdu is None:
        return []
    prom = prominence(entity.qid, entity.coarse, entity.prior(), "|".join(entity.classes),
                      entity.labels.get("ur", ""), entity.country, entity.population, entity.sitelinks)
    if entity.coarse not in ("PER", "ORG") and prom < PLACE_MIN_PROMINENCE:
        return []
    return list(generated_names(names, coarse=entity.coarse, prominence=prom, home=entity.country == URDU_COUNTRY))
