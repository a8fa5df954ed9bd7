"""Transliteration between Urdu script and Latin script, n-best, for names.

- :func:`to_latin` aims at the ENGLISH spelling of a name written in Urdu (کھاسن -> Khasan), with generic
  words translated (ضلع -> District, دریائے -> River) and placed the English way.
- :func:`to_urdu` follows Urdu news conventions for a Latin name (Trump -> ٹرمپ, Khasan -> کھاسن).

Both are learned from the gazetteer's Latin/Urdu name pairs (``tools/learn_translit.py``; the held-out
split is :func:`heldout`). Scores are probabilities normalised over the returned list, best first.
"""
from __future__ import annotations

import gc
import gzip
import math
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import msgspec
import regex

from ..keys import GENERIC_UR, TRANSLATED_UR, _word_keys
from ..normalize import normalize_text
from .chunks import latin_chunks, latin_letters, urdu_chunks
from .lexicon import Lexicon
from .model import CharLM, JointLM, Node, UnitModel, rescored, search
from .split import heldout

__all__ = ["Lexicon", "heldout", "spelling_likelihood", "to_latin", "to_urdu", "transliterate"]

DATA = Path(__file__).resolve().parents[1] / "data" / "translit.json.gz"
#: Weights of the target-script character model and of the graphone model when rescoring a word's
#: candidates (tuned on the dev bucket with a model trained without it: tools/learn_translit.py --without-dev).
LM_WEIGHT = {"l2u": 0.15, "u2l": 0.3}
JOINT_WEIGHT = {"l2u": 0.25, "u2l": 0.25}
#: News spells foreign t and d with the retroflex ٹ ڈ (Tokyo = ٹوکیو, Donald = ڈونلڈ) more often than the
#: gazetteer's place labels, which the model learns from: a small push towards the news convention.
RETROFLEX_BONUS = 0.8
#: Retroflex letters -> their dental twins, for aspirated units the model never saw (:func:`_seen`).
_DENTAL = str.maketrans("ٹڈڑ", "تدر")
#: How many candidates per word are rescored, and how many per word are combined into names.
WORD_CANDIDATES = 8
#: Lexicon-backed re-ranking (see :func:`_word_spellings`): log-score bonus of an attested word, and per
#: log(1 + count); the log score of a substring the model never offers for a unit, and the longest such
#: substring; how many of the model's best guesses lend their phonetic keys to find attested words.
LEX_BONUS = {"l2u": 2.0, "u2l": 12.0}
LEX_COUNT = {"l2u": 0.5, "u2l": 1.0}
UNSEEN = -8.0
LONGEST = {"l2u": 3, "u2l": 4}
LEX_GUESSES = 3
#: English words of place names as Urdu writes them: spelled back as English, not transliterated.
ENGLISH_WORDS_UR = {
    "نیو": "New", "سینٹ": "Saint", "سان": "San", "سانتا": "Santa", "پورٹ": "Port", "فورٹ": "Fort",
    "کیپ": "Cape", "گریٹ": "Great", "لٹل": "Little", "اپر": "Upper", "لوئر": "Lower", "نارتھ": "North",
    "ساؤتھ": "South", "ایسٹ": "East", "ویسٹ": "West", "کنگ": "King", "کوئین": "Queen", "پرنس": "Prince",
    "لاس": "Los", "ایل": "El", "لا": "La", "ڈیل": "Del", "ڈی": "De", "آف": "of", "اینڈ": "and"}
#: English generic words that precede the name (Lake Victoria); the others follow it (Lahore District).
_EN_BEFORE = {"Lake", "Mount", "Gulf", "Strait"}
#: Latin generic words -> Urdu, and whether Urdu puts them before the name (the more frequent placement in
#: the gazetteer's training labels: Chin State = چن ریاست, Amphoe X = X ضلع).
_GENERIC_EN_UR = {"county": ("کاؤنٹی", False), "district": ("ضلع", False), "province": ("صوبہ", False),
                  "river": ("دریائے", True), "lake": ("جھیل", True), "island": ("جزیرہ", True),
                  "islands": ("جزائر", True), "city": ("شہر", False), "mount": ("ماؤنٹ", True),
                  "mountains": ("پہاڑ", False), "sea": ("بحیرہ", True), "gulf": ("خلیج", True),
                  "state": ("ریاست", False), "region": ("علاقہ", False), "north": ("شمالی", True),
                  "south": ("جنوبی", True), "east": ("مشرقی", True), "west": ("مغربی", True),
                  "central": ("وسطی", True), "airport": ("ہوائی اڈا", False), "amphoe": ("ضلع", False),
                  "prefecture": ("پریفیکچر", False), "parish": ("پیرش", False), "station": ("اسٹیشن", False),
                  "republic": ("جمہوریہ", True), "strait": ("آبنائے", True)}
#: English glue words: "the" is not written, "of" only as آف when no generic word goes before the name
#: (Gulf of Finland = خلیج فن لینڈ, Isle of Man = آئل آف مین).
_GLUE_EN_UR = {"the": "", "of": "آف"}
#: Suffixes not written when they end a name: Japanese city (Murakami Shi = موراکامی).
_LAST_DROPPED_EN = {"shi"}
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+|[^\s\p{L}\p{M}\p{N}]+", flags=regex.V1)
#: How Urdu spells the letters of an initialism (ڈی پی آر کے = DPRK, پی ٹی آئی = PTI).
LETTER_NAMES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    "اے بی سی ڈی ای ایف جی ایچ آئی جے کے ایل ایم این او پی کیو آر ایس ٹی یو وی ڈبلیو ایکس وائی زیڈ").split()))
_LETTER_OF = {v: k for k, v in LETTER_NAMES.items()}
_ARABIC = regex.compile(r"\p{Arabic}")
_COMMA = regex.compile(r"\s*[،,]\s*")
_NUMBER = regex.compile(r"\p{N}+")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_SCORE = itemgetter(1)


class _Models:
    def __init__(self, path: Path = DATA):
        with gzip.open(path, "rb") as fh:
            raw = msgspec.json.decode(fh.read())
        # compiling the tables makes a few hundred thousand acyclic containers: garbage collections in between
        # would only traverse them again and again (~20 % of the load time)
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.l2u = UnitModel(raw["l2u"])
            self.u2l = UnitModel(raw["u2l"])
            self.lm = {"l2u": CharLM(raw["lm_order"], raw["lm_urdu"]),
                       "u2l": CharLM(raw["lm_order"], raw["lm_latin"])}
            self.joint = {d: JointLM(raw[d + "_joint"]["vocab"], raw[d + "_joint"]["counts"]) for d in ("l2u", "u2l")}
        finally:
            if collecting:
                gc.enable()


@lru_cache(maxsize=1)
def _models() -> _Models:
    return _Models()


def _softmax(scored: list[tuple[str, float]], n: int) -> list[tuple[str, float]]:
    """The first ``n`` of ``scored`` (best first) with their scores normalised."""
    scored = scored[:n]
    if not scored:
        return []
    top = scored[0][1]
    weights = [math.exp(s - top) for _, s in scored]
    z = sum(weights)
    return [(t, round(w / z, 4)) for (t, _), w in zip(scored, weights)]


def _unit_model(direction: str) -> UnitModel:
    """The unit model of one direction ("l2u" or "u2l")."""
    return _models().l2u if direction == "l2u" else _models().u2l


def _units(direction: str, word: str) -> list[str]:
    """The model's units of a source word; a unit never seen in training is read as one it has seen (:func:`_seen`)."""
    units = latin_chunks(latin_letters(word)) if direction == "l2u" else urdu_chunks(word)
    support = _unit_model(direction).support
    if support.keys() >= set(units):
        return units
    return [u for unit in units for u in _seen(unit, support)]


def _seen(unit: str, support: dict) -> tuple[str, ...]:
    """Units the model has seen for ``unit``: an aspirated retroflex as its dental twin (ڈھاکہ, Dhaka: ڈھ as دھ),
    else letter by letter, do-chashmi ھ as ہ. The model has never seen ھ alone, and would copy it into a Latin
    spelling (Dھaka)."""
    if unit in support:
        return (unit,)
    dental = unit.translate(_DENTAL)
    return (dental,) if dental in support else tuple(unit.replace("ھ", "ہ"))


def _rescore(direction: str, units: list[str], outs: tuple[str, ...], score: float) -> tuple[str, float]:
    """A candidate spelling and its score: unit model + character LM + graphone LM (+ news retroflexes)."""
    node = None
    for o in outs:
        node = [o, node]
    return _rescored(direction, units, [score], [node])[0]


def _rescored(direction: str, units: list[str], scores: list[float], nodes: list[Node]) -> list[tuple[str, float]]:
    """(spelling, score) of each hypothesis of :func:`~.model.search`, as :func:`_rescore` scores it (see
    :func:`~.model.rescored`), with the push towards news retroflexes from Latin."""
    m = _models()
    bonus, letters = (RETROFLEX_BONUS, "ٹڈ") if direction == "l2u" else (0.0, "")
    return rescored(m.lm[direction], m.joint[direction], units, scores, nodes, LM_WEIGHT[direction],
                    JOINT_WEIGHT[direction], bonus, letters)


@lru_cache(maxsize=20_000)
def _word_nbest(direction: str, word: str, k: int = WORD_CANDIDATES) -> tuple[tuple[str, float], ...]:
    """Up to ``k`` (spelling, log score) of one word, best first: the unit model's k-best rescored by the
    graphone and character models (cached: names repeat words)."""
    units = _units(direction, word)
    if not units:
        return ((word, 0.0),)
    model = _unit_model(direction)
    best: dict[str, float] = {}
    scores, nodes = search(model.dists(units), k, beam=3 if k <= WORD_CANDIDATES else 5)
    for text, score in _rescored(direction, units, scores, nodes):
        if score > best.get(text, -math.inf):
            best[text] = score
    return tuple(sorted(best.items(), key=_SCORE, reverse=True))


def _word_spellings(direction: str, word: str, k: int, lexicon: Lexicon | None) -> list[tuple[str, float]]:
    """Up to ``k`` (spelling, log score) of one word, best first; with a ``lexicon`` of the target script,
    attested words that share a phonetic key with the word or with the model's best guesses compete too,
    scored by the same models plus a bonus for being attested (more for frequent words)."""
    cands = _word_nbest(direction, word, max(k, WORD_CANDIDATES))
    if lexicon is None or not lexicon:
        return list(cands[:k])
    memo_key = (direction, word, k)
    done = lexicon.memo.get(memo_key)
    if done is not None:
        return done
    scores = dict(cands)
    units = _units(direction, word)
    if units:
        model = _unit_model(direction)
        guesses = [t for t, _ in cands[:LEX_GUESSES] if t]
        keys = {key for text in (word, *guesses) for key in _word_keys(text) if key}
        for w in lexicon.near(keys, guesses):
            if w not in scores:
                forced = model.forced(units, w, UNSEEN, LONGEST[direction])
                if forced is not None:
                    scores[w] = _rescore(direction, units, *forced)[1]
    bonus, per_count = LEX_BONUS[direction], LEX_COUNT[direction]
    ranked = sorted(((t, s + (bonus + per_count * lexicon.prior(t) if t in lexicon else 0.0))
                     for t, s in scores.items()), key=lambda x: -x[1])[:k]
    if len(lexicon.memo) < 200_000:
        lexicon.memo[memo_key] = ranked
    return ranked


def _combine(per_word: list[list[tuple[str, float]]], n: int, sep: str = " ") -> list[tuple[str, float]]:
    """The n best names (at least 5), best first, from per-word candidate lists (sum of log scores, from 0.0)."""
    per_word = [kept for cands in per_word if (kept := [(t, s) for t, s in cands if t.strip()])]
    if not per_word:
        return []
    width = max(n, 5)
    beams = [(c, 0.0 + t) for c, t in per_word[0]]
    for i, cands in enumerate(per_word):
        if i:
            beams = [(f"{b}{sep}{c}", s + t) for b, s in beams for c, t in cands]
        beams.sort(key=_SCORE, reverse=True)   # stable: ties keep their order
        del beams[width:]
    return beams


def _initialism(word: str) -> bool:
    """BBC, DPRK, KCNA are spelled letter by letter; NATO and UNESCO are read as words."""
    return word.isascii() and word.isalpha() and word.isupper() and 2 <= len(word) <= 5 and (
        len(word) <= 3 or sum(c in "AEIOU" for c in word) <= 1)


def _parts(per_part: list[list[list[tuple[str, float]]]], comma: str) -> list[list[tuple[str, float]]]:
    """Comma-separated parts (Monroe County, Florida) joined back, each keeping its own word order."""
    out: list[list[tuple[str, float]]] = []
    for part in per_part:
        if part:
            if out:
                out[-1] = [(t + comma, s) for t, s in out[-1]]
            out += part
    return out


def to_latin(urdu: str, n: int = 5, lexicon: Lexicon | None = None) -> list[tuple[str, float]]:
    """English-style spellings of an Urdu name, best first, with normalised scores (sum to 1 over the list).

    ``lexicon``: attested Latin words (:class:`Lexicon`), preferred where the model finds them likely.
    """
    text = normalize_text(urdu)
    per_part = [_latin_part(part.split(), n, lexicon) for part in _COMMA.split(text)]
    spellings = _softmax(_combine(_parts(per_part, ","), n), n)
    words = text.split()
    if len(words) >= 2 and all(w in _LETTER_OF for w in words):  # an initialism: ڈی پی آر کے -> DPRK
        rest = [(t, round(s * 0.1, 4)) for t, s in spellings[:n - 1]]
        return [("".join(_LETTER_OF[w] for w in words), 0.9 if rest else 1.0), *rest]
    return spellings


def _latin_part(words: list[str], n: int, lexicon: Lexicon | None) -> list[list[tuple[str, float]]]:
    """Candidate lists per word of one comma-free part of an Urdu name, in English word order."""
    before, main, after = [], [], []
    for w in words:
        w = w.strip("۔؟؛.")
        if not w:
            continue
        if w in TRANSLATED_UR or w in ENGLISH_WORDS_UR:
            main.append([(TRANSLATED_UR.get(w) or ENGLISH_WORDS_UR[w], 0.0)])
        elif w in GENERIC_UR and len(words) > 1:
            en = GENERIC_UR[w]
            (before if en in _EN_BEFORE else after).append([(en, 0.0)])
        elif _ARABIC.search(w):
            main.append([(lexicon.show(t) if lexicon is not None else t.capitalize(), s)
                         for t, s in _word_spellings("u2l", w, n, lexicon)])
        elif _HAS_WORD.search(w):
            main.append([(w, 0.0)])  # Latin words and digits stay as they are
    return before + main + after


def to_urdu(latin: str, n: int = 5, lexicon: Lexicon | None = None) -> list[tuple[str, float]]:
    """Urdu spellings of a Latin name following Urdu news conventions, best first, normalised scores.

    ``lexicon``: attested Urdu words (:class:`Lexicon`), preferred where the model finds them likely.
    """
    per_part = [_urdu_part(part, n, lexicon) for part in _COMMA.split(latin)]
    return _softmax(_combine(_parts(per_part, "،"), n), n)


def _urdu_part(latin: str, n: int, lexicon: Lexicon | None) -> list[list[tuple[str, float]]]:
    """Candidate lists per word of one comma-free part of a Latin name, in Urdu word order."""
    words = [w for w in _WORD.findall(latin) if w.strip("-'’.")]
    before, main, after = [], [], []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _LAST_DROPPED_EN and 0 < i == len(words) - 1:
            continue
        if low in _GLUE_EN_UR and len(words) > 1:
            main.append([(_GLUE_EN_UR[low], 0.0)])
        elif low in _GENERIC_EN_UR and len(words) > 1:
            ur, pre = _GENERIC_EN_UR[low]
            (before if pre else after).append([(ur, 0.0)])
        elif _initialism(w):
            main.append([(" ".join(LETTER_NAMES[c] for c in w), 0.0)])
        elif _ARABIC.search(w) or _NUMBER.fullmatch(w):
            main.append([(w, 0.0)])  # already Urdu, or digits
        elif latin_letters(w):
            main.append(_word_spellings("l2u", low, n, lexicon))
    if before:
        main = [c for c in main if c != [("آف", 0.0)]]
    return before + main + after


def transliterate(text: str, to: str = "latn", n: int = 1, lexicon: Lexicon | None = None) -> list[str]:
    """Up to ``n`` spellings of ``text`` in ``to`` script ("latn" or "urdu"), best first; ``lexicon``: attested
    words of the ``to`` script (see :func:`to_latin`)."""
    if to not in ("latn", "urdu"):
        raise ValueError(f"to must be 'latn' or 'urdu', not {to!r}")
    if lexicon is not None and lexicon.script != to:
        raise ValueError(f"a {lexicon.script!r} lexicon cannot help spell {to!r}")
    fn = to_latin if to == "latn" else to_urdu
    return [t for t, _ in fn(text, n, lexicon)]


#: English generic and compass words (and glue), left out when a Latin name is spelled against an Urdu one.
_GENERIC_LATIN = frozenset(w.lower() for w in (*GENERIC_UR.values(), *TRANSLATED_UR.values(), "of", "the", "and"))


@lru_cache(maxsize=50_000)
def spelling_likelihood(latin: str, urdu: str) -> float | None:
    """How likely the learned model spells the Latin name ``latin`` as the Urdu name ``urdu``, in [0, 1]: the
    geometric mean, per Urdu letter, of the probability of its best forced alignment (:meth:`UnitModel.forced`).

    Word by word when both names have as many words, else the whole names without spaces. Tells a Latin name
    that sounds like the Urdu one (Karachi, کراچی: ~0.8) from one that merely shares a consonant skeleton or a
    fuzzy romanisation (London, کراچی: ~0.002). None when either side has no letters.
    """
    src = [low for w in _WORD.findall(latin) if (low := latin_letters(w))]
    tgt = [w for w in normalize_text(urdu).split() if _ARABIC.search(w)]
    if not src or not tgt:
        return None
    # generic and compass words are translated and placed differently (Lahore District = ضلع لاہور): left out
    src = [w for w in src if w not in _GENERIC_LATIN] or src
    tgt = [w for w in tgt if w not in GENERIC_UR and w not in TRANSLATED_UR] or tgt
    pairs = zip(src, tgt) if len(src) == len(tgt) else [("".join(src), "".join(tgt))]
    model, total = _models().l2u, 0.0
    for word, target in pairs:
        forced = model.forced(_units("l2u", word), target, UNSEEN, LONGEST["l2u"])
        if forced is None:
            return 0.0
        total += forced[1]
    return round(math.exp(total / sum(len(t) for t in tgt)), 4)


def unload() -> None:
    """Forget the loaded tables and every memo (the next call loads them again): a gazetteer build lets them go
    once its names are spelled, before indexing, which needs the memory."""
    _models.cache_clear()
    _word_nbest.cache_clear()
    spelling_likelihood.cache_clear()
