"""Candidate entities for one name: exact keys, cross-script skeletons, fuzzy forms, words, transliteration,
translation.

Each candidate keeps the evidence that found it (which gazetteer spelling, which method, how similar), so the
ranking can weigh it and the API can say *why*.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

import numpy as np
from rapidfuzz import fuzz

from .context import (COMMON_NAME_PARTS, GENERIC_WORDS, LETTER_NAMES, NAME_TITLES, TRANSLATION_GLUE,
                      TRANSLATIONS)
from .index import NameIndex, word_terms
from .keys import (GENERIC_EN, GENERIC_UR, QUALIFIER, TRANSLATED_UR, NameForms, name_forms, norm_name, script_of,
                   without_generic_phrases, without_qualifier)
from .names import available as _can_spell, final_vowel_variants, without_article, word_spellings
from .rank import EntityInfo, generic_words, match_quality, outline, prominence, urdu_share, urdu_shares

try:  # the Urdu text core's transliterator; matching degrades gracefully to keys and fuzzy forms without it
    from .translit import spelling_likelihood as _spelling_likelihood, to_latin as _to_latin, to_urdu as _to_urdu
except ImportError:  # pragma: no cover - only before linker.translit exists
    _to_latin = _to_urdu = _spelling_likelihood = None


#: How many names sharing words with a query are aligned word by word.
_WORD_SHORTLIST = 200
#: How many of a lookup's best cross-script candidates are re-scored through their Urdu spellings. With six
#: romanisations a query has more candidates: 25 -> 40 (and _SPELL_CHECK 15 -> 30) raised the dev objective
#: 0.8259 -> 0.8284 and held-out cross-script recall 0.791 / 0.935 -> 0.795 / 0.938, for ~9 % more time a lookup.
_VERIFY = 40
#: ... and how many of the most prominent skeleton matches at the similarity floor (:meth:`CandidateFinder._cross_sim`).
_VERIFY_FLOOR = 8
#: The similarity a skeleton match keeps however far off its romanisations are: sharing the skeleton is evidence.
_KEY_FLOOR = 0.75
#: How many of a lookup's best cross-script candidates are spelled by the transliteration model (spelling_fits).
_SPELL_CHECK = 30
#: How many word-by-word spellings from attested words a name gets (:meth:`CandidateFinder.latin_guesses`,
#: :meth:`CandidateFinder.urdu_guesses`).
_ATTESTED_SPELLINGS = 4
#: Urdu writes a foreign t, d, r with the dental ت د ر or the retroflex ٹ ڈ ڑ (پوتن and پوٹن are both Putin), and a
#: vowel after a vowel with or without hamza's seat (ناؤرو and ناورو are Nauru, کوئٹہ and کویٹہ Quetta): names
#: that differ only there are compared at this share of their similarity with the two folded together
#: (:func:`_alike`).
_ALIKE = str.maketrans({"ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ؤ": "و", "ئ": "ی", "ۓ": "ے", "أ": "ا", "ء": None})
_ALIKE_COST = 0.98


@lru_cache(maxsize=20_000)
def _alike(key: str) -> str:
    """``key`` with the letters of :data:`_ALIKE` folded, except a final ؤ: a vowel there (پلاؤ, Palau), where a
    final و after a vowel is often a v (پلاو, Plav). Cached: a lookup folds its query once for every name sharing
    its skeleton, and folding costs more than comparing."""
    return key[:-1].translate(_ALIKE) + key[-1] if key.endswith("ؤ") else key.translate(_ALIKE)


#: Urdu's vowel letters (hamza's seats folded in by _alike), as one letter: Urdu spells a foreign name's vowels
#: unstably (مالینیشیا and میلانیشیا are both Melanesia, ایفیٹ and ایفاٹے Efate), its consonants far less ...
_VOWEL_LETTERS = str.maketrans(dict.fromkeys("آاویے", "ا"))
#: ... in a name of at least this many consonants (skeleton letters): a shorter name is mostly its vowels (ہواوی,
#: Huawei, and ہوائی, Hawaii). With the vowel letters at half cost among skeleton matches, the dev objective
#: (bench/tune_lookup.py data) went 0.8370 -> 0.8372 (at any length, 0.8344: two people's names lost to places,
#: Huawei among them). In :meth:`CandidateFinder.verify` they did not move it: there, folding the letters of
#: _alike did (0.8378).
_VOWEL_LENIENT = 3


def _alike_sim(a: str, b: str) -> float:
    """Similarity (0-100) of two Urdu keys, those letters :func:`_alike` folds at :data:`_ALIKE_COST`."""
    return max(fuzz.ratio(a, b), _ALIKE_COST * fuzz.ratio(_alike(a), _alike(b)))


def _urdu_sim(a: str, b: str) -> float:
    """:func:`_alike_sim` with a vowel letter costing half as much as a consonant: the mean of the similarity as
    written and with the vowel letters folded into one."""
    plain = _alike_sim(a, b)
    vowels = _ALIKE_COST * fuzz.ratio(_vowels_folded(a), _vowels_folded(b))
    return (plain + max(plain, vowels)) / 2


@lru_cache(maxsize=20_000)
def _vowels_folded(key: str) -> str:
    """:func:`_alike` with the vowel letters folded into one (cached, as :func:`_alike` is)."""
    return _alike(key).translate(_VOWEL_LETTERS)


@lru_cache(maxsize=20_000)
def _keys(spellings: tuple[str, ...]) -> tuple[str, ...]:
    """The match keys of some spellings (cached: a lookup compares its query's romanisations with every Latin name
    sharing its skeleton)."""
    return tuple(name_forms(s).key for s in spellings)


#: A bare Urdu name compared with a Latin name without its generic words (ایسٹر, Easter Island; مارکیساس,
#: Marquesas Islands) is worth this share of its similarity: the name is not quite the same, and a bare namesake
#: comes first (مقات: the town Makat before the district with the alias Makat District). Dev objective unchanged
#: (0.8378, no query moved), CLDR variants by English name 353 -> 354 of 394 (Galápagos and Marquesas won, Dumont
#: d'Urville Station lost to a namesake); at 1.0 four dev queries were lost to such names (Makat District, BES islands).
_CORE_COST = 0.95

#: In lookup's word path (:meth:`CandidateFinder.words`), how much of the word alignment is the share of the query the
#: name covers; the rest is the share of the name the query covers. News leaves parts of a name out (ترنمول کانگریس
#: for All India Trinamool Congress, ملائم سنگھ for Mulayam Singh Yadav) far more than it adds words to it. Dev
#: objective at 0.5 / 0.65 / 0.75 / 0.85: 0.8436 / 0.8451 / 0.8454 / 0.8390 (at 0.75: people +2 -1, cross-script +2).
#: Everywhere else (running text's _within_names among them) it stays 0.5: at 0.75 everywhere, COUNTER gained 172
#: links and the dev sentences' fitting half lost precision (0.931 -> 0.919).
_QUERY_SHARE = 0.75

#: How prominent a person must be to be found by one word of the name (:meth:`CandidateFinder.name_part`).
_PART_PROMINENCE = 0.6
#: How close a qualifier's spelling must be to a region's name when none has it exactly (:func:`query_hints`).
_QUALIFIER_SIM = 0.85
#: The similarity given to a namesake, by English label, of a place the head of a qualified name names
#: (:meth:`CandidateFinder.namesakes`).
_NAMESAKE_COST = 0.95
#: Names sharing a qualifier's words read to place the region it names (:meth:`CandidateFinder.qualified_places`).
_QUALIFIED_ROWS = 5000


@dataclass(frozen=True, slots=True)
class NameRow:
    """One row of the gazetteer's names table, as matching needs it."""

    eid: int
    name: str
    lang: str
    kind: str         # label / alias / respelled / generated
    key: str
    script: str
    norm: str

    @property
    def foreign(self) -> bool:
        return self.script == "urdu" and self.lang not in ("ur", "")

    @property
    def code(self) -> bool:
        """A short all-capitals alias (ST, ALB): a code, only ever matched exactly."""
        return len(self.key) <= 3 and self.name.isupper()


@dataclass(frozen=True, slots=True)
class Evidence:
    """How one gazetteer name supports an entity for a query."""

    eid: int
    matched: str      # the gazetteer name
    method: str       # exact / generated / key / transliteration / translation / fuzzy
    sim: float        # string similarity in [0, 1] in the space where it matched
    via: str = ""     # the romanisation/spelling (transliteration) or English words (translation) that matched
    foreign: bool = False  # an Urdu-script name the source filed under another language (often Persian/Arabic)


def _nbest(fn, text: str, n: int) -> list[str]:
    """Spellings from a transliterator that may return strings or (string, score) pairs."""
    if fn is None or not text:
        return []
    out = []
    for item in fn(text, n):
        s = item if isinstance(item, str) else (getattr(item, "text", None) or item[0])
        if s and s not in out:
            out.append(s)
    return out


def _word_by_word(words: list[str], attested: dict[str, tuple[str, ...]],
                  guess: Callable[[str], tuple[str, ...]]) -> list[str]:
    """A name spelled word by word in the other script with the words ``attested`` for its words, the others by
    their first ``guess``; none if no word is attested."""
    if not any(w in attested for w in words):
        return []
    options = [attested.get(w) or guess(w)[:1] or (w,) for w in words]
    return [" ".join(combo) for combo in islice(product(*options), _ATTESTED_SPELLINGS)]


#: Urdu words of names that translate an English word (عوامی جمہوریہ: People's Republic), for spelling a name that
#: mixes them with transliterated words (دونیتسک عوامی جمہوریہ: Donetsk People's Republic).
_TRANSLATED_WORDS: dict[str, tuple[str, ...]] = {
    **TRANSLATIONS, **{w: (e.lower(),) for w, e in {**GENERIC_UR, **TRANSLATED_UR}.items()}}


def _decay(rank: int) -> float:
    """How far a transliterator's guess of this rank (0: its best) is trusted: later guesses are less likely."""
    return 1.0 - 0.04 * rank


@lru_cache(maxsize=50_000)
def romanisations(text: str, n: int = 6) -> tuple[str, ...]:
    """to_latin n-best of an Urdu name (cached: news repeats names). Six guesses: the romaniser often ranks the
    Latin name fourth or fifth (قوچان: Kochan, Kuchan, Qochan, Quchan); held-out cross-script recall@1 / @10 was
    0.781 / 0.926 with three, 0.788 / 0.934 with six and 0.790 / 0.935 with ten, for ~15 % more time a lookup."""
    return tuple(_nbest(_to_latin, text, n))


@lru_cache(maxsize=50_000)
def urdu_spellings(text: str, n: int = 3) -> tuple[str, ...]:
    """to_urdu n-best of a Latin name (cached)."""
    return tuple(_nbest(_to_urdu, text, n))


class CandidateFinder:
    """Turns a name (or the forms of a text window) into evidence per entity, best evidence kept."""

    def __init__(self, con: sqlite3.Connection, index: NameIndex):
        self._con = con
        row = con.execute("SELECT value FROM meta WHERE key = 'urdu_labelled'").fetchone()
        self._shares = urdu_shares(json.loads(row[0])) if row else {}  # none in a gazetteer built before them
        self.index = index
        self.entity = lru_cache(maxsize=200_000)(self._entity)
        self.exact_key = lru_cache(maxsize=50_000)(self._exact_key)
        self.within_names = lru_cache(maxsize=50_000)(self._within_names)
        self.translated = lru_cache(maxsize=20_000)(self._translated)
        self.real_entities = lru_cache(maxsize=50_000)(self._real_entities)
        self.urdu_names = lru_cache(maxsize=50_000)(self._urdu_names)
        self.people_by_part = lru_cache(maxsize=20_000)(self._people_by_part)
        self.sounded = lru_cache(maxsize=20_000)(self._sounded)
        self.qualified_places = lru_cache(maxsize=5_000)(self._qualified_places)
        self.name_generics = lru_cache(maxsize=50_000)(self._name_generics)
        self.urdu_guesses = lru_cache(maxsize=50_000)(self._urdu_guesses)

    def _name_generics(self, eid: int) -> frozenset[str]:
        """The generic words of an entity's real names, canonical English (:func:`linker.rank.generic_words`): Cocos
        is also Cocos Islands; cached as :attr:`name_generics`."""
        return frozenset(w for (name,) in self._con.execute(
            "SELECT name FROM names WHERE entity_id = ? AND kind != 'generated'", (eid,)) for w in generic_words(name))

    def kind_names(self, eid: int, hints: dict) -> frozenset[str]:
        """:meth:`name_generics` for a query with generic words to fit them (their only use), else none."""
        return self.name_generics(eid) if hints.get("generic") else frozenset()

    def _qualified_places(self, qualifier: str) -> tuple[tuple[float, float], ...]:
        """(lat, lon) of the places one of whose names ends with this qualifier after a comma (اورنج کاؤنٹی،
        ٹیکساس): where the gazetteer's own names put the region the qualifier names; cached as
        :attr:`qualified_places`."""
        rows = self.index.names_with_all(qualifier.split())
        if not len(rows) or len(rows) > _QUALIFIED_ROWS:
            return ()
        marks = ",".join("?" * len(rows))
        points = set()
        for name, lat, lon in self._con.execute(
                f"SELECT n.name, e.lat, e.lon FROM names n JOIN entities e ON e.id = n.entity_id "
                f"WHERE n.rowid IN ({marks}) AND e.lat IS NOT NULL AND e.lon IS NOT NULL", rows.tolist()):
            found = QUALIFIER.search(name)
            if found and norm_name(found.group().strip(" ،,()[]")) == qualifier:
                points.add((lat, lon))
        return tuple(sorted(points))

    def _entity(self, eid: int) -> EntityInfo:
        qid, en, ur, coarse, classes, country, prior, population, sitelinks, lat, lon = self._con.execute(
            "SELECT qid, label_en, label_ur, coarse, classes, country, prior, population, sitelinks, lat, lon "
            "FROM entities WHERE id = ?", (eid,)).fetchone()
        return EntityInfo(eid, qid, en, ur, coarse, classes, country, prior,
                          prominence(qid, coarse, prior, classes, ur, country, population, sitelinks),
                          lat if lon is not None else None, lon if lat is not None else None,
                          urdu_share(self._shares, coarse, country))

    def names(self, space: str, form: str) -> list[NameRow]:
        """The gazetteer names whose form in ``space`` ("k" key, "s" skeleton) equals ``form``."""
        return self.rows(self.index.name_rows(space, form))

    def rows(self, rowids: list[int]) -> list[NameRow]:
        """The gazetteer names at these rowids."""
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        return [NameRow(*r) for r in self._con.execute(
            f"SELECT entity_id, name, lang, kind, key, script, norm FROM names WHERE rowid IN ({marks})", rowids)]

    def _exact_key(self, key: str) -> tuple[Evidence, ...]:
        """Evidence from the names with exactly this key (real names: exact; build-time spellings: generated);
        cached as :attr:`exact_key` (news repeats names)."""
        return tuple(Evidence(r.eid, r.name, "generated" if r.kind == "generated" else "exact", 1.0,
                              foreign=r.foreign) for r in self.names("k", key))

    def _urdu_names(self, eid: int) -> tuple[tuple[str, str], ...]:
        """(name, key) of an entity's Urdu-script names: its own and those the build generated (cached as
        :attr:`urdu_names`; not :func:`urdu_spellings`, which asks the transliteration model)."""
        return tuple(self._con.execute("SELECT name, key FROM names WHERE entity_id = ? AND script = 'urdu'", (eid,)))

    def _real_entities(self, key: str) -> tuple[EntityInfo, ...]:
        """The entities one of whose real names (label or alias, not a generated spelling) has exactly this key."""
        return tuple(self.entity(ev.eid) for ev in self.exact_key(key) if ev.method == "exact")

    def exact(self, forms: NameForms, out: dict[int, Evidence], bare: bool = True) -> None:
        """Names with the same key (script-specific) and, across scripts, the same skeleton. ``bare``: the name
        was written without a qualifier, so a name's own qualifier may be left out too (:meth:`_cross_sim`)."""
        for ev in self.exact_key(forms.key):
            _keep(out, ev)
        if forms.skeleton:
            for r in self.names("s", forms.skeleton):
                if r.key != forms.key and not r.code:
                    _keep(out, Evidence(r.eid, r.name, "key", self._cross_sim(forms, r, bare)))

    def _cross_sim(self, forms: NameForms, row: NameRow, bare: bool = True) -> float:
        """Similarity of two names that share a skeleton: compared in one script, also without the name's generic
        words that the skeleton leaves out (کرسمس is جزیرہ کرسمس), or through transliteration (there, without them
        at :data:`_CORE_COST`). A bare name is also compared with the name without its qualifier, which the skeleton
        leaves out too (ارزین is the label ارزین، ترکی); a name written with a qualifier is not (وارن کاؤنٹی، اوہائیو
        is no other state's Warren)."""
        key, script = row.key, row.script
        if script == forms.script:
            head = name_forms(without_qualifier(row.name)) if bare and QUALIFIER.search(row.name) else row
            core = without_generic(head.norm).replace(" ", "")
            if script == "urdu":  # پوتن is پوٹن, کویٹہ is کوئٹہ, مالینیشیا is میلانیشیا: such letters cost less
                sim = _urdu_sim if len(forms.skeleton) >= _VOWEL_LENIENT else _alike_sim
                return max(sim(forms.key, k) for k in (key, head.key, core)) / 100
            return max(fuzz.ratio(forms.key, k) for k in (key, head.key, core)) / 100
        if forms.script == "urdu" and script == "latn":
            romanised = _keys(romanisations(forms.norm))
            best = max((fuzz.ratio(r, key) for r in romanised), default=0.0)
            if (bare_name := latin_core(row.name)) != row.name:  # ایسٹر: Easter Island, at a cost
                core = name_forms(bare_name).key
                best = max([best, *(_CORE_COST * fuzz.ratio(r, core) for r in romanised)])
        elif forms.script == "latn" and script == "urdu":
            best = max((fuzz.ratio(u, key) for u in _keys(self.urdu_guesses(forms.norm))), default=0.0)
        else:
            best = 0.0
        return max(_KEY_FLOOR, best / 100)

    def fuzzy(self, forms: NameForms, out: dict[int, Evidence], min_sim: float = 0.7, k: int = 20) -> None:
        """Real and generated names in the query's script a few edits away."""
        for hit in self.index.fuzzy(forms.key, k=k, min_sim=min_sim):
            if hit.sim < 1.0:  # equal keys were found by exact()
                for r in self.names("k", hit.form):
                    _keep(out, Evidence(r.eid, r.name, "generated" if r.kind == "generated" else "fuzzy", hit.sim))

    def transliterated(self, forms: NameForms, out: dict[int, Evidence], min_sim: float = 0.7,
                       k: int = 10) -> None:
        """Romanise an Urdu query (:meth:`latin_guesses`; or spell a Latin query in Urdu) and look the spellings up,
        exactly and fuzzily."""
        if forms.script == "urdu":
            guesses = self.latin_guesses(forms.norm)
        elif forms.script == "latn":
            guesses = tuple((s, _decay(rank)) for rank, s in enumerate(self.urdu_guesses(forms.norm)))
        else:
            return
        for spelling, decay in guesses:
            for hit in self.index.fuzzy(name_forms(spelling).key, k=k, min_sim=min_sim):
                for r in self.names("k", hit.form):
                    if r.kind != "generated" and not r.code:
                        _keep(out, Evidence(r.eid, r.name, "transliteration", round(hit.sim * decay, 4), spelling))

    def latin_guesses(self, norm: str) -> tuple[tuple[str, float], ...]:
        """Latin spellings of a normalised Urdu name, each with how far it is trusted (a factor on similarity): the
        romaniser's guesses, each a little less likely than the one before; the same for the name without an Arabic
        article (صوبہ النعامہ: Naama); and the name spelled word by word with the Latin words the gazetteer's names
        attest (:attr:`linker.index.NameIndex.attested`; بیٹون روج میٹروپولیٹن: Baton Rouge Metropolitan, which
        the romaniser spells Beton Roj), the other words romanised; and a name that mixes words Urdu translates with
        others spelled with their English (دونیتسک عوامی جمہوریہ: donetsk peoples republic).

        Written by hand, an attested spelling is as good as the romaniser's second guess."""
        out: dict[str, float] = {}
        for text in dict.fromkeys((norm, without_article(norm))):
            for rank, spelling in enumerate(romanisations(text)):
                out.setdefault(spelling, _decay(rank))
            words = text.split()
            for spelling in _word_by_word(words, self.index.attested, romanisations):
                out.setdefault(spelling, _decay(1))
            if len(words) > 1 and not all(w in _TRANSLATED_WORDS for w in words):  # all: see self.translated
                for spelling in _word_by_word(words, _TRANSLATED_WORDS, self._attested_or_romanised):
                    out.setdefault(spelling, _decay(1))
        return tuple(out.items())

    def _attested_or_romanised(self, word: str) -> tuple[str, ...]:
        return self.index.attested.get(word) or romanisations(word)

    def _urdu_guesses(self, latin: str) -> tuple[str, ...]:
        """Urdu spellings of a Latin name: the transliteration model's, then the name spelled word by word with the
        Urdu words the gazetteer's names attest (:attr:`linker.index.NameIndex.attested_urdu`; Norfolk: نارفوک, from
        the names of Norfolk, Virginia), the other words spelled by the model; cached as :attr:`urdu_guesses`."""
        spelled = _word_by_word(name_forms(latin).norm.split(), self.index.attested_urdu, urdu_spellings)
        return tuple(dict.fromkeys([*urdu_spellings(latin), *spelled]))

    def words(self, forms: NameForms, out: dict[int, Evidence], min_sim: float = 0.6) -> None:
        """Multi-word names sharing words with a multi-word query, scored by how the words align.

        Catches extra or missing parts of people's names (میاں محمد نواز شریف, عمران احمد خان نیازی, چوہدری نثار)
        and, through word skeletons, Latin-only names spelled word by word in Urdu.
        """
        qwords = forms.norm.split()
        if len(qwords) < 2:
            return
        lists = [a for w in qwords for a in self.index.word_names(w)]
        if not lists:
            return
        rows, shared = np.unique(np.concatenate(lists), return_counts=True)
        content = {w for w in qwords if w not in NAME_TITLES and w not in COMMON_NAME_PARTS}
        keep = shared >= (2 if len(content) >= 2 else 1)
        rows, shared = rows[keep], shared[keep]
        if len(rows) > _WORD_SHORTLIST:
            rows = np.sort(rows[np.argsort(-shared, kind="stable")[:_WORD_SHORTLIST]])
        for r in self.rows(rows.tolist()):
            sim = word_alignment(qwords, r.norm.split(), _QUERY_SHARE)
            if sim >= min_sim:
                _keep(out, Evidence(r.eid, r.name, _word_method(r, forms.script), sim))

    def _within_names(self, words: tuple[str, ...], min_sim: float = 0.7) -> list[Evidence]:
        """Names that contain all of ``words`` and at most two more (تحریک انصاف in پاکستان تحریک انصاف,
        خواجہ آصف in خواجہ محمد آصف), scored by :func:`word_alignment`."""
        rows = self.index.names_with_all(list(words))
        if not len(rows) or len(rows) > _WORD_SHORTLIST:
            return []
        out = []
        for r in self.rows(rows.tolist()):
            parts = r.norm.split()
            if len(parts) <= len(words) + 2:
                sim = word_alignment(list(words), parts)
                if sim >= min_sim:
                    out.append(Evidence(r.eid, r.name, _word_method(r, "urdu"), sim, foreign=r.foreign))
        return out

    def _translated(self, words: tuple[str, ...]) -> list[Evidence]:
        """Names whose English words translate a name written in Urdu words (اقوام متحدہ: United Nations)."""
        english = english_words(words)
        if not english:
            return []
        rows = self.index.names_with_all(list(english))
        if not len(rows) or len(rows) > _WORD_SHORTLIST:
            return []
        marks = ",".join("?" * len(rows))
        out = []
        via = " ".join(e[0] for e in english)
        for eid, name, norm in self._con.execute(
                f"SELECT entity_id, name, norm FROM names WHERE rowid IN ({marks}) AND script = 'latn'", rows.tolist()):
            parts = [w for w in norm.split() if w not in _ENGLISH_GLUE]
            covered = sum(any(p in alt for alt in english) for p in parts)
            if covered < len(parts) and all(set(alt) <= _ENGLISH_GENERIC for alt in english):
                continue  # عالمی تنظیم (a world organisation) is not the World Health Organization
            sim = round(0.5 + 0.5 * covered / max(len(parts), 1), 4)
            out.append(Evidence(eid, name, "translation", sim, via))
        return out

    def without_legal_form(self, forms: NameForms, out: dict[int, Evidence]) -> None:
        """Companies whose name adds a legal form to the query (ایپل: Apple Inc., spelled ایپل انک at build; Tata
        Group), scored by :func:`word_alignment` without the legal-form words, a little below the name with them."""
        qwords = forms.norm.split()
        if not qwords or any(w in _LEGAL_URDU or w in LEGAL_FORMS for w in qwords):
            return
        rows = self.index.names_with_all([*qwords, legal_form_words()])
        if not len(rows) or len(rows) > _WORD_SHORTLIST:
            return
        legal = set(legal_form_words())
        for r in self.rows(rows.tolist()):
            stem = [w for w in r.norm.split() if w not in legal]
            sim = _LEGAL_FORM_COST * word_alignment(qwords, stem) if stem else 0.0
            if sim >= 0.7:
                _keep(out, Evidence(r.eid, r.name, _word_method(r, forms.script), round(sim, 4)))

    def name_part(self, forms: NameForms, out: dict[int, Evidence]) -> None:
        """Prominent people named by one word of their name, wherever it stands (مہاتیر: مہاتیر محمد, whose last word
        is a common name part), scored by :func:`word_alignment` (a part of two words: 0.75)."""
        words = forms.norm.split()
        if len(words) != 1 or words[0] in COMMON_NAME_PARTS or words[0] in NAME_TITLES or len(words[0]) < 3:
            return
        lists = self.index.word_names(words[0], limit=_WORD_SHORTLIST)
        rows = np.unique(np.concatenate(lists)) if lists else ()
        if not len(rows) or len(rows) > _WORD_SHORTLIST:
            return
        for r in self.rows(rows.tolist()):
            ent = self.entity(r.eid)
            if ent.type == "PER" and ent.prominence >= _PART_PROMINENCE:
                sim = word_alignment(words, r.norm.split())
                _keep(out, Evidence(r.eid, r.name, _word_method(r, forms.script), sim))

    def _sounded(self, run: tuple[str, ...], key: str, rows: tuple[int, ...]) -> tuple[Evidence, ...]:
        """:func:`linker.sounds.sound_alikes` of a run of words (cached as :attr:`sounded`: news repeats names)."""
        from .sounds import sound_alikes  # linker.sounds builds on this module

        return tuple(sound_alikes(self, run, key, list(rows)))

    def _people_by_part(self, word: str) -> tuple[Evidence, ...]:
        """:meth:`name_part` of one normalised word (cached as :attr:`people_by_part`): a surname after a title in
        running text (وزیر اعظم کیمرون)."""
        out: dict[int, Evidence] = {}
        self.name_part(name_forms(word), out)
        return tuple(out.values())

    def namesakes(self, head: NameForms, out: dict[int, Evidence]) -> None:
        """The namesakes, by English label, of the places whose Urdu name is the qualified name without its qualifier
        (قرطبہ، ارجنٹائن: قرطبہ is the label of Córdoba in Spain, and so also a spelling of Córdoba in Argentina;
        لنکن کاؤنٹی، واشنگٹن: لنکن کاؤنٹی، مونٹانا is a Lincoln County too), a little below them: the qualifier then
        says which is meant."""
        sources = [ev for ev in out.values() if ev.method == "exact" or (
            script_of(ev.matched) == "urdu" and name_forms(without_qualifier(ev.matched)).key == head.key)]
        labels = {without_qualifier(e.label_en): ev.matched for ev in sources
                  if (e := self.entity(ev.eid)).type == "LOC" and e.label_en}
        for label, matched in sorted(labels.items()):
            for r in self.names("k", name_forms(label).key):
                if r.kind != "generated" and r.script == "latn":
                    _keep(out, Evidence(r.eid, matched, "translation", _NAMESAKE_COST, label))

    def generic_named(self, forms: NameForms, out: dict[int, Evidence]) -> None:
        """Latin names made of the English for the query's generic words and a spelling of the rest (خلیج بافین:
        Baffin Bay, صحرا لیبیا: Libyan Desert, جزائر ہوائی: Hawaiian Islands), scored by how well the rest spells
        the name without its generic words (an English adjective of a place as its noun: Libyan as Libya).

        Urdu puts the generic word first and translates it; the skeleton and word paths compare it with nothing
        in the English name, and the bare namesake (Libya, Sindh) matches the rest exactly.
        """
        if forms.script != "urdu":
            return
        split = generic_split(forms.norm)
        if split is None:
            return
        _, english, core = split
        alternatives = [(*core_alternatives(w), *self.index.attested.get(w, ())) for w in core]
        rows = self.index.names_with_all([english, *alternatives])
        if not len(rows) or len(rows) > _WORD_SHORTLIST:
            return
        qcore = name_forms(" ".join(core))
        romans = [name_forms(r).key for r in romanisations(qcore.norm)]
        scored: dict[int, tuple[float, str, str]] = {}
        for r in self.rows(rows.tolist()):
            latin = r.name if r.script == "latn" else self.entity(r.eid).label_en if r.kind == "generated" else ""
            rest = latin_rest(latin, english)
            if not rest:
                continue
            cheap = max((fuzz.ratio(q, name_forms(v).key) / 100 for v in _adjective_nouns(rest) for q in romans),
                        default=0.0)
            if cheap > scored.get(r.eid, (-1.0,))[0]:
                scored[r.eid] = (cheap, latin, rest)
        for eid, (cheap, latin, rest) in sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))[:_SPELL_CHECK]:
            spelled = max((fuzz.ratio(qcore.key, name_forms(u).key) / 100
                           for v in _adjective_nouns(rest) for u in self.urdu_guesses(v)), default=0.0)
            _keep(out, Evidence(eid, latin, "transliteration", round(max(cheap, spelled), 4), rest))

    def lookup(self, text: str) -> dict[int, Evidence]:
        """All evidence for ``text`` as a name: exact and key matches, then fuzzy, word, transliteration and
        translation matches.

        A qualifier after a comma or in brackets (کلارکسبرگ، مغربی ورجینیا) is matched without it too, and so are
        names without their generic words (ہالاند کاؤنٹی as ہالاند) or a person's title (ڈاکٹر عارف علوی as عارف
        علوی); the cross-script candidates are then re-scored by spelling each in the other script (:meth:`verify`).
        """
        forms = name_forms(text)
        out: dict[int, Evidence] = {}
        if not forms.key:
            return out
        bare = not QUALIFIER.search(text)
        self.exact(forms, out, bare)
        letters = initialism(forms.norm)
        if letters:
            for ev in self.exact_key(letters.lower()):
                _keep(out, ev)
        head = forms if bare else name_forms(without_qualifier(text))
        if head.key and head != forms:
            self.exact(head, out, bare)
        self.fuzzy(head, out)
        self.words(head, out)
        self.transliterated(head, out)
        core = without_generic(without_state_form(without_title(head.norm)))
        if core != head.norm:  # ہالاند کاؤنٹی, محافظہ نابلس, ڈاکٹر عارف علوی: Halland, Nablus, Arif Alvi
            core_forms = name_forms(core)
            self.exact(core_forms, out, bare)
            self.fuzzy(core_forms, out)
            self.transliterated(core_forms, out)
            self.verify(core_forms, out, core=True)
            self.generic_named(head, out)
        self.without_legal_form(head, out)
        self.name_part(head, out)
        self.verify(head, out)
        for ev in self.translated(tuple(head.norm.split())):
            _keep(out, ev)
        if not bare:
            self.namesakes(head, out)
        return out

    def verify(self, forms: NameForms, out: dict[int, Evidence], top: int = _VERIFY, core: bool = False) -> None:
        """Re-score the best cross-script candidates by spelling in Urdu the Latin name they matched, and the Latin
        label of those matched through a skeleton or a fuzzy Urdu name.

        The path that found a Latin name (skeleton, romanised query) measures similarity in a lossy space; the
        Urdu spellings of the name compared with the Urdu query measure it where the query was written, also
        without the name's generic words at :data:`_CORE_COST` (ایسٹر: Easter Island). ``core``:
        ``forms`` are a query without its generic words, compared with the Latin names without theirs too (شیراز
        of شیراز بین الاقوامی ہوائی اڈا: Shiraz of Shiraz International Airport, which Urdu translates).
        """
        if forms.script != "urdu":
            return
        ranked = sorted(out.values(), key=lambda e: (-match_quality(e.method, e.sim), e.eid))[:top]
        # a skeleton match whose romanisations are far off sits at the similarity floor, below the verified ones,
        # however well its label spells the query (اٹلی: found through Republic of Italy): the most prominent are
        # spelled by their label too
        seen = {ev.eid for ev in ranked}
        floor = sorted((ev for ev in out.values()
                        if ev.method == "key" and ev.sim <= _KEY_FLOOR and ev.eid not in seen),
                       key=lambda e: (-self.entity(e.eid).prominence, e.eid))[:_VERIFY_FLOOR]
        for ev in ranked + floor:
            spelled = []
            if ev.method in ("key", "transliteration") and name_forms(ev.matched).script == "latn":
                spelled.append((ev.matched, ev.method))
            if ev.method == "fuzzy" or (ev.method in ("key", "generated") and ev.sim < 1.0):
                # an Urdu name a few letters off may hide a Latin label the query spells exactly (ایڈنبرا: the
                # label Edinburgh, while the Urdu label is ایڈنبرگ and a namesake has Edinburgh as an alias; مسیرو:
                # Maseru, whose spellings kept at build are ماسیرو and a few more)
                label = without_qualifier(self.entity(ev.eid).label_en)
                if label and label != ev.matched and script_of(label) == "latn" and \
                        fuzz.ratio(name_forms(label).skeleton, forms.skeleton) >= 80:  # else it cannot spell the query
                    spelled.append((label, "transliteration"))
            best = ev
            for latin, method in spelled:
                # the whole name last: at full value when it has no generic word to leave out
                spells = {latin_core(latin): 1.0} if core else {latin_core(latin): _CORE_COST, latin: 1.0}
                sim = round(max((cost * _alike_sim(forms.key, name_forms(u).key) / 100
                                 for spell, cost in spells.items() for u in self.urdu_guesses(spell)), default=0.0), 4)
                # not over an Urdu name spelled as closely: the name the query's own script has says why
                if match_quality(method, sim) > match_quality(best.method, best.sim) and not (
                        sim <= best.sim and script_of(best.matched) == "urdu"):
                    best = Evidence(ev.eid, latin, method, sim, ev.via if latin == ev.matched else "", ev.foreign)
            out[ev.eid] = best


#: Classes a generic word of a query asks for (ضلع مونرو: a district), as substrings of the entity's classes.
KIND_HINTS = {
    "کاؤنٹی": ("county", "admin2"), "ضلع": ("district", "admin2"), "ڈسٹرکٹ": ("district", "admin2"),
    "صوبہ": ("province", "admin1", "state"), "ریاست": ("state", "admin1"), "محافظہ": ("governorate", "admin1"),
    "میونسپلٹی": ("municipality", "admin2", "admin3"), "بلدیہ": ("municipality", "admin2", "admin3"),
    "شہر": ("city", "locality", "populated", "capital"), "جزیرہ": ("island",), "جزائر": ("island",),
    "آئلینڈ": ("island",), "دریا": ("river",), "دریائے": ("river",), "جھیل": ("lake",), "پہاڑ": ("mtn", "mountain"),
    "تحصیل": ("admin3", "tehsil", "county"), "اوبلاست": ("oblast", "admin1"), "محکمہ": ("department", "admin1"),
    "شہرستان": ("county", "admin2"), "ریجن": ("region", "admin1"), "علاقہ": ("region", "admin1"),
    "خلیج": ("gulf", "bay"), "بے": ("bay",), "آبنائے": ("strait",), "وادی": ("valley",), "کوہ": ("mtn", "mountain"),
    "صحرا": ("desert",), "صحرائے": ("desert",), "کینٹن": ("canton",), "پیرش": ("parish",), "پارش": ("parish",),
    "وارڈ": ("ward",), "ڈویژن": ("division",), "جمہوریہ": ("country", "admin0"), "مملکت": ("country", "admin0"),
    "بحیرہ": ("sea",), "سمندر": ("sea", "ocean"), "جزیرہ نما": ("peninsula", "pen/cape"), "نہر": ("canal",),
    "سلسلہ کوہ": ("range", "mtn", "mountain"), "آئلینڈز": ("island",),
    # generic words the context lists that once asked for nothing, most of them English spelled in Urdu (dev
    # objective 0.8435 -> 0.8436: میٹروپولیٹن بورو بارنسلے found the borough Barnsley, not Bury's borough)
    "بورو": ("borough",), "جزیرے": ("island",), "ریزروائر": ("reservoir", "lake"), "ریور": ("river",),
    "لیک": ("lake",), "سٹی": ("city", "locality", "populated", "capital"), "قصبہ": ("town", "locality", "populated"),
    "ٹاؤن": ("town", "locality", "populated"), "گاؤں": ("village", "locality", "populated"),
    "ماؤنٹ": ("mtn", "mountain"), "ماؤنٹین": ("mtn", "mountain"), "پراونس": ("province", "admin1", "state"),
    "پریفیکچر": ("prefecture", "admin1"), "پریفیکچور": ("prefecture", "admin1"), "ڈسٹرک": ("district", "admin2"),
    "سٹیٹ": ("state", "admin1"), "ڈیزرٹ": ("desert",), "اسٹیشن": ("station",), "سٹیشن": ("station",),
    "ایئرپورٹ": ("airport",), "ائیرپورٹ": ("airport",), "ائرپورٹ": ("airport",), "زبان": ("language",),
}


#: Izafat forms of generic words (صحرائے نمیب, وادیٔ ...) -> the form GENERIC_WORDS lists.
IZAFAT = {"صحرائے": "صحرا", "دریاۓ": "دریائے", "وادیٔ": "وادی"}  # (بحیرۂ is بحیرہ in every norm: keys.norm_name)
#: The English words of a Latin label that an Urdu generic word stands for (خلیج: Gulf of Aqaba, Baffin Bay).
GENERIC_LABEL_WORDS = {
    "دریا": ("river", "rio"), "دریائے": ("river", "rio"), "خلیج": ("gulf", "bay", "golfo", "golfe"), "بے": ("bay",),
    "بحیرہ": ("sea", "mar"), "سمندر": ("sea", "ocean"), "جزیرہ": ("island", "isle", "ile", "isla", "ilha"),
    "جزائر": ("islands", "island", "isles", "iles", "islas"), "جزیرے": ("islands", "isles", "iles", "islas"),
    "آئلینڈ": ("island",), "آئلینڈز": ("islands",), "صحرا": ("desert",), "جزیرہ نما": ("peninsula",),
    "سلسلہ کوہ": ("mountains", "range"), "کوہ": ("mount", "mountain", "mountains", "monte", "mont"),
    "پہاڑ": ("mountain", "mountains", "range"), "جھیل": ("lake", "lago", "lac"), "آبنائے": ("strait",),
    "وادی": ("valley",), "نہر": ("canal",),
    "ہوائی اڈا": ("airport",), "ہوائی اڈہ": ("airport",), "بین الاقوامی ہوائی اڈا": ("airport",),
    "بین الاقوامی ہوائی اڈہ": ("airport",), "انٹرنیشنل ہوائی اڈا": ("airport",), "ایئرپورٹ": ("airport",),
    "انٹرنیشنل ایئرپورٹ": ("airport",), "داخلی ہوائی اڈا": ("airport", "domestic"),
    "کاؤنٹی": ("county",), "ضلع": ("district",), "صوبہ": ("province",), "محافظہ": ("governorate",),
}
_GENERIC_PHRASES = tuple(sorted((w for w in GENERIC_LABEL_WORDS if " " in w), key=len, reverse=True))
#: ... those of them that spell the English word rather than translate it.
_SPELLED_GENERIC = frozenset({"آئلینڈ", "آئلینڈز", "کاؤنٹی"})


def generic_tokens(norm: str) -> list[str]:
    """The words of a normalised name, generic phrases as one word (جزیرہ نما) and izafat forms as the plain word."""
    padded = f" {norm} "
    for phrase in _GENERIC_PHRASES:
        padded = padded.replace(f" {phrase} ", f" {phrase.replace(' ', '_')} ")
    return [IZAFAT.get(w, w).replace("_", " ") for w in padded.split()]


def generic_split(norm: str) -> tuple[str, tuple[str, ...], list[str]] | None:
    """(the generic word, its English words, the other words) of a normalised Urdu name that has one generic word of
    :data:`GENERIC_LABEL_WORDS` first or last (جزائر کوکوس, کینری آئلینڈز) and one to three other words, else None."""
    words = generic_tokens(norm)
    if len(words) < 2:
        return None
    for generic, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if generic in GENERIC_LABEL_WORDS and 1 <= len(rest) <= 3 and not any(w in GENERIC_WORDS for w in rest):
            return generic, GENERIC_LABEL_WORDS[generic], rest
    return None


@lru_cache(maxsize=20_000)
def core_alternatives(word: str) -> tuple[str, ...]:
    """A word of a name and how a Latin name may write it: its romanisations, its other final vowel (کوئٹہ: Quetta,
    spelled کوئٹا at build), and as an English adjective (ہوائی: Hawaiian, spelled ہوائین; عرب: Arabian; لیبیا:
    Libyan)."""
    out = [word, *final_vowel_variants(word), word + "ن", word[:-1] + "ن", word + "ین"]  # کوئٹہ: کوئٹا
    for r in romanisations(word):
        r = r.lower()
        out += [r, r + "n", r + "an", r + "ian"]
    return tuple(dict.fromkeys(w for w in out if len(w) >= 2))


def latin_rest(name: str, english: tuple[str, ...]) -> str:
    """A Latin name without its qualifier, generic words (``english`` among them) and glue words: the part an Urdu
    name spells (Gulf of Aqaba -> aqaba)."""
    if not name or script_of(name) != "latn":
        return ""
    words = [name_forms(w).key for w in name_forms(without_qualifier(name)).norm.split()]  # Île: ile
    return " ".join(w for w in words if w and w not in english and w not in GENERIC_EN and w not in _ENGLISH_GLUE)


def _adjective_nouns(rest: str) -> tuple[str, ...]:
    """A Latin name and, when it ends like an English adjective of a place, the noun (libyan -> libya, liby;
    arabian -> arab; hawaiian -> hawaii)."""
    out = [rest]
    for ending, noun in (("ian", ""), ("an", ""), ("n", ""), ("ian", "ia"), ("ese", "")):
        if rest.endswith(ending) and len(rest) - len(ending) >= 3:
            out.append(rest[: -len(ending)] + noun)
    return tuple(dict.fromkeys(out))


def query_hints(finder: CandidateFinder, text: str) -> dict:
    """What a looked-up name says beyond its spelling: the kind its generic words ask for, those words (none: a bare
    name), and the places a qualifier after a comma may name (کلارک کاؤنٹی، نیواڈا: a county in Nevada)."""
    hints: dict = {}
    qualifier = QUALIFIER.search(text)
    head = without_qualifier(text) if qualifier else text
    kinds = [k for w in generic_tokens(name_forms(head).norm) for k in KIND_HINTS.get(w, ())]
    if kinds:
        hints["kinds"] = tuple(kinds)
    hints["generic"] = generic_words(head)
    if script_of(head) == "urdu":
        hints["urdu"] = head
        split = generic_split(name_forms(head).norm)
        if split and split[0] not in _SPELLED_GENERIC:  # صحرا is translated, not spelled: Libyan ~ لیبیا
            hints["translated"] = split[1:]
    if qualifier:
        where = qualifier.group().strip(" ،,()[]")
        found: dict[int, Evidence] = {}
        if where:  # جارجیا names the country and, without its generic word, ریاست جارجیا
            finder.exact(name_forms(where), found)
        places = [e for e in (finder.entity(ev.eid) for ev in found.values()
                              if ev.sim == 1.0 and script_of(ev.matched) == script_of(where)) if e.type == "LOC"]
        if where and not places:  # spelled otherwise than the gazetteer (جنوبی کیرولائنا: کیرولینا): a region close
            finder.fuzzy(name_forms(where), found, min_sim=_QUALIFIER_SIM)
            places = [e for e in (finder.entity(ev.eid) for ev in found.values() if ev.sim >= _QUALIFIER_SIM)
                      if e.type == "LOC" and _region(e.classes)]
        regions = [e for e in places if _region(e.classes)]
        if places:  # the region around, in any of its readings: a state rather than its namesake city (واشنگٹن)
            hints["within"] = tuple(sorted(regions or places, key=lambda e: e.eid))
        spellings = {norm_name(where)} | {norm_name(without_qualifier(e.label_ur)) for e in regions if e.label_ur}
        region = outline([p for q in sorted(spellings) if q for p in finder.qualified_places(q)])
        if region:  # where the places named "..., ٹیکساس" lie: inside Texas, not 500 km from its centre
            hints["outline"] = region
    return hints


#: Methods that match an Urdu query to a Latin name (or to an Urdu spelling generated from one at build time).
CROSS_SCRIPT = frozenset({"generated", "key", "transliteration"})


def spelling_fits(hints: dict, evidence: dict[int, Evidence], entity: Callable[[int], EntityInfo]) -> dict[int, float]:
    """For the cross-script matches of an Urdu query (``hints`` of :func:`query_hints`): how likely the learned
    transliteration model spells the Latin name that matched (else the entity's English label) as the query
    (:func:`linker.translit.spelling_likelihood`, cached), relative to the likeliest of them, in [0, 1].

    Relative, so that the best-spelled candidate keeps its score against exact and fuzzy matches and only its
    cross-script rivals lose. Only the :data:`_SPELL_CHECK` best by match quality are spelled (~1.5 ms each);
    the others count as unlikely (0).
    """
    urdu = hints.get("urdu")
    if not urdu or _spelling_likelihood is None:
        return {}
    english: tuple[str, ...] = ()
    if "translated" in hints:  # a translated generic word is no spelling: the rest of each name is compared
        english, core = hints["translated"]
        urdu = " ".join(core)
    cross = [ev for ev in evidence.values() if ev.method in CROSS_SCRIPT]
    cross.sort(key=lambda e: (-match_quality(e.method, e.sim), e.eid))
    fits: dict[int, float] = {}
    for ev in cross:
        latin = ev.matched if script_of(ev.matched) == "latn" else entity(ev.eid).label_en
        if not latin:
            continue
        if len(fits) >= _SPELL_CHECK:
            fits[ev.eid] = 0.0
            continue
        rest = latin_rest(latin, english) if english else ""
        ps = [p for v in (_adjective_nouns(rest) if rest else (latin,))
              if (p := _spelling_likelihood(v, urdu)) is not None]  # None: the name has no letters to spell
        if ps:
            fits[ev.eid] = max(ps)
    best = max(fits.values(), default=0.0)
    return {eid: round(p / best, 4) if best else 0.0 for eid, p in fits.items()}


#: Legal forms of company names, which news leaves out (Apple Inc. is ایپل); lower case, without dots.
LEGAL_FORMS = ("inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "llc", "gmbh",
               "ag", "sa", "nv", "bv", "group", "holdings")
#: ... as Urdu writes them (the build's generated spellings are added by :func:`legal_form_words`).
_LEGAL_URDU = frozenset("انکارپوریٹڈ لمیٹڈ لیمیٹڈ کارپوریشن کمپنی گروپ ہولڈنگز".split())
#: How much of a name's similarity is kept when the query leaves its legal form out.
_LEGAL_FORM_COST = 0.98


@lru_cache(maxsize=1)
def legal_form_words() -> tuple[str, ...]:
    """The words of a legal form in either script: :data:`LEGAL_FORMS`, :data:`_LEGAL_URDU` and the Urdu spellings
    the build generates for them (:func:`linker.names.word_spellings`), normalised as names are."""
    words = set(LEGAL_FORMS) | _LEGAL_URDU
    if _can_spell():  # of the longer forms only: Co, AG, SA are spelled کو، آگ، سا (to, fire, like)
        words |= {u for w in LEGAL_FORMS if len(w) > 2 for u, _ in word_spellings(w.capitalize())
                  if len(u) > 2 and " " not in u}
    return tuple(sorted(name_forms(w).norm for w in words))


_ENGLISH_GLUE = frozenset("of the for and on in de".split())
#: English words of organisation names that say what kind of body, not which: a translated name made only of
#: them (عالمی تنظیم، قومی اسمبلی) must cover the whole English name (World Bank) to match it.
_ENGLISH_GENERIC = frozenset("""world international global organization organisation agency office institute
    national central party union council commission ministry bank fund movement alliance league assembly court
    federal north south people peoples popular democratic""".split())


#: Every word of a name that :func:`english_words` translates is one of these (a quick test for text windows).
TRANSLATABLE = frozenset(TRANSLATIONS) | TRANSLATION_GLUE | {"بین", "الاقوامی"}


@lru_cache(maxsize=50_000)
def english_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The English words (alternatives per Urdu word) of a name made only of :data:`TRANSLATIONS` words, else ()."""
    joined = " ".join(words).replace("بین الاقوامی", "بین_الاقوامی").split()
    content = [w for w in joined if w not in TRANSLATION_GLUE]
    if len(content) < 2 or not all(w in TRANSLATIONS for w in content):
        return ()
    return tuple(TRANSLATIONS[w] for w in content)


def _region(classes: str) -> bool:
    c = classes.lower()
    return any(k in c for k in ("admin0", "admin1", "country", "state", "province", "region"))


def _word_weight(word: str) -> float:
    """Titles and generic place words (جزیرہ، آئلینڈ) weigh little: they come and go between spellings."""
    return 0.25 if word in NAME_TITLES or word in GENERIC_WORDS else 0.6 if word in COMMON_NAME_PARTS else 1.0


def word_alignment(query: list[str], name: list[str], query_share: float = 0.5) -> float:
    """Similarity of two multi-word names from their words: each word's best match on the other side.

    A word matches 1.0 with the same key, 0.85 with the same cross-script skeleton, and its rapidfuzz ratio
    (x 0.9, if >= 0.8) otherwise; titles and very common name parts weigh less. The score is the mean, weighted by
    ``query_share``, of how much of the query the name covers and how much of the name the query covers.
    """
    def best(w: str, others: list[str]) -> float:
        terms = word_terms(w)
        score = 0.0
        for o in others:
            ot = word_terms(o)
            if terms[0] == ot[0]:
                return 1.0
            if len(terms) > 1 and len(ot) > 1 and terms[1] == ot[1]:
                score = max(score, 0.85)
            else:
                r = fuzz.ratio(terms[0], ot[0]) / 100
                if r >= 0.8:
                    score = max(score, 0.9 * r)
        return score

    def cover(a: list[str], b: list[str]) -> float:
        total = sum(_word_weight(w) for w in a)
        return sum(_word_weight(w) * best(w, b) for w in a) / total if total else 0.0

    return round(query_share * cover(query, name) + (1 - query_share) * cover(name, query), 4)


def initialism(norm: str) -> str:
    """The Latin letters of a name spelled letter by letter (آئی ایم ایف -> IMF), else ""."""
    words = norm.split()
    if len(words) < 2 or not all(w in LETTER_NAMES for w in words):
        return ""
    return "".join(LETTER_NAMES[w] for w in words)


#: Nouns of a state's official name (اسلامی جمہوریہ ایران, ہاشمی مملکت اردن), and the words around its short name.
_STATE_NOUNS = frozenset("جمہوریہ مملکت سلطنت".split())
_STATE_WORDS = _STATE_NOUNS | frozenset("اسلامی عوامی جمہوری ہاشمی ھاشمی وفاقی اشتراکی سوشلسٹ شاہی کثیرالقومی".split())


def without_state_form(norm: str) -> str:
    """A state's official name reduced to its short name (اسلامی جمہوریہ ایران -> ایران); other names unchanged."""
    words = norm.split()
    if not any(w in _STATE_NOUNS for w in words):
        return norm
    return " ".join(w for w in words if w not in _STATE_WORDS) or norm


#: Titles written before a person's name that the person's names do not carry: the part of context.NAME_TITLES
#: without خواجہ, چوہدری and the like, which Wikidata labels often keep (Khawaja Saad Rafique).
_TITLES = frozenset("ڈاکٹر جنرل کیپٹن کرنل میجر بیگم محترمہ مسٹر مسز جناب سینیٹر".split())


def without_title(norm: str) -> str:
    """A normalised name without the titles it starts with (ڈاکٹر عارف علوی -> عارف علوی), if a name of two words or
    more is left; else the name unchanged."""
    words = norm.split()
    start = next((i for i, w in enumerate(words) if w not in _TITLES), len(words))
    return " ".join(words[start:]) if start and len(words) - start >= 2 else norm


def latin_core(name: str) -> str:
    """A Latin name without its generic words (Shiraz International Airport -> Shiraz); the whole name if nothing
    is left."""
    return " ".join(w for w in name.split() if w.lower().strip(".,") not in GENERIC_EN) or name


def without_generic(norm: str) -> str:
    """A normalised name without its generic words (جزیرہ کرسمس -> کرسمس); the whole name if nothing is left."""
    return " ".join(w for w in without_generic_phrases(norm).split()
                    if w not in GENERIC_WORDS and w not in IZAFAT) or norm


def _word_method(row: NameRow, script: str) -> str:
    """How a name matched by its words was found for a query in ``script``: a build-time spelling is generated,
    a real name fuzzy in the query's script and key across scripts."""
    return "generated" if row.kind == "generated" else "fuzzy" if row.script == script else "key"


def _keep(out: dict[int, Evidence], ev: Evidence) -> None:
    """Keep the strongest evidence per entity (ties broken by the matched name, for determinism)."""
    old = out.get(ev.eid)
    if old is None or (match_quality(ev.method, ev.sim), ev.matched) > (match_quality(old.method, old.sim),
                                                                       old.matched):
        out[ev.eid] = ev
