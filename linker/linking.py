"""Linking running text: windows -> candidates -> context-aware scores -> non-overlapping mentions.

Steps for one text:

1. tokenise the normalised text and make candidate windows (:mod:`linker.mentions`);
2. keep the windows whose key the index knows (one vectorised hash test for all windows) — real names and the
   Urdu spellings generated at build time for Latin-only entities — runs of 2-3 words that are part of a
   longer name (تحریک انصاف in پاکستان تحریک انصاف), translated names (اقوام متحدہ: United Nations), and runs
   that sound like a person's or organisation's Latin name (عارف علوی: Arif Alvi, :mod:`linker.sounds`).
   Romanising words on the fly (as lookup does) costs a millisecond a word and, on running text, mostly finds
   Latin names that share a common word's consonants. Runs of spelled letters count only whole and not when they
   spell a common noun (اے پی پی is not AP; اے ٹی ایم is a cash machine), nor does a word that the next one
   continues into a longer name (بالی وڈ: Bollywood);
3. score every (window, entity) pair: match quality, prominence, the type cues around the window, and
   penalties for common words, phrases of everyday words (امریکی صدر), very short words and repairs (glued
   splits, initialisms);
4. pick non-overlapping windows, longest confident match first;
5. document coherence: candidates that share a country with the other confident links gain, names already
   linked in full elsewhere in the text (ولادیمیر پوتن ... پوتن) keep their entity; then pick again.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .candidates import TRANSLATABLE, CandidateFinder, Evidence, english_words
from .context import (COMMON_INITIALISMS, COMMON_NAME_PARTS, COMMON_WORDS, FUNCTION_WORDS, GENITIVES, GIVEN_NAMES,
                      LETTER_NAMES, NAME_CONTINUATIONS, NAME_TITLES, ORG_WORDS, PERSON_HONORIFICS, PERSON_TITLES,
                      PLACE_WORDS, TIME_AFTER, TIME_BEFORE, TIME_OF_DAY, URDU_COUNTRY)
from .frequency import everyday
from .keys import GENERIC_UR, norm_name, sound_form
from .mentions import Window, Word, windows, words_of
from .normalize import normalize
from .rank import EntityInfo, match_quality, text_confidence
from .tokenize import token_spans

#: A link counts for document coherence when it scores at least this.
CONFIDENT = 0.75
MAX_CANDIDATES = 5
#: Spans scoring at least this (but below the threshold) are reported as NIL mentions with their candidates.
NIL_FLOOR = 0.25
#: Two words at least this alike (rapidfuzz ratio) are one word spelled two ways (بینک، بنک).
_SAME_WORD = 80
#: A word that is a place of at least this prominence + ی is read as its demonym (چینی, not Cheney).
DEMONYM_PROMINENCE = 0.7
#: Places at least this prominent (countries, capitals, world cities) are written in Urdu news so often that a
#: spelling generated for them, of five letters or more, is nearly as good as a label (shorter ones, such as کور
#: for Korea, are everyday words too). 0.95 (countries and capitals) at first; 0.8 takes in world cities such as
#: Melbourne: with the dev bucket's Urdu names hidden, silver news recall 0.286 -> 0.314 and the fitting half of the
#: dev sentences unchanged; in COUNTER and the news lines, 5 more links, all Melbourne.
FAMOUS = 0.8
#: People at least this prominent (heads of state and government with early QIDs: Modi, Obama, Merkel) are meant by
#: their surname alone without a title before it. In COUNTER and the news lines: مودی linked 8 more times, nothing
#: else changed; the dev sentences unchanged.
FAMOUS_PERSON = 0.95
#: Runs of at most this many words are looked up by sound (:mod:`linker.sounds`).
MAX_SOUND_TOKENS = 4
#: A name found by sound alone (:mod:`linker.sounds`) shares the country of a text's other links about as often
#: when it is a namesake of the person meant (ماہرہ خان, an actress the gazetteer lacks, sounds like Ammara Khan,
#: a Pakistani politician): document coherence counts this much for it. Set by reading such links in COUNTER and
#: the real/fake news lines (at 1, 151 links, about half wrong; at 0.5, 65, mostly right); the fitting half of
#: the dev sentences loses one right link.
SOUND_COHERENCE = 0.5
#: Namesakes of one span scored, the most prominent first (علی is the name of dozens of places and people).
_MAX_NAMESAKES = 12


@dataclass
class Scored:
    """One candidate entity of a span, with what went into its score."""

    ev: Evidence
    ent: EntityInfo
    features: dict[str, float] = field(default_factory=dict)
    notes: dict = field(default_factory=dict)
    score: float = 0.0

    def rescore(self) -> None:
        self.score = text_confidence(self.features)


@dataclass
class Span:
    """A window with candidates; ``start``/``end`` in the original text."""

    win: Window
    start: int
    end: int
    surface: str
    cands: list[Scored]

    @property
    def best(self) -> Scored:
        return self.cands[0]

    def sort(self) -> None:
        self.cands.sort(key=lambda c: (-c.score, c.ent.qid))


def link_spans(finder: CandidateFinder, text: str, threshold: float) -> tuple[list[Span], list[Span]]:
    """The linked spans of ``text`` (best candidate first in each) and the NIL spans, in text order."""
    norm = normalize(text)
    words, joined = words_of(norm, token_spans(norm))
    wins = list(windows(words, joined))
    spans: list[Span] = []
    known = finder.index.contains("k", [w.key for w in wins])
    letters = [w.norm in LETTER_NAMES for w in words]
    sounds = _sound_alikes(finder, words, joined, letters, wins, known)
    untranslatable = _running(w.norm not in TRANSLATABLE for w in words)
    unfit, plain = _part_counts(words)
    titled = _after_title(words)
    evidence: dict[int, dict[int, Evidence]] = {}
    for n, (win, hit) in enumerate(zip(wins, known)):
        first, past = win.first, win.last + 1  # the window's words: first ... past - 1
        if (win.initialism or letters[first]) and (_common_initialism(win, words, letters)
                                                    or _inside_letters(win, words, joined, letters)):
            continue
        if hit:
            if not (_too_short(win, words) or _continued(win, words)
                    or past - first == 1 and _not_a_name_alone(finder, words[first].norm)):
                spelled = _spelled_edge(win, letters)
                evidence[n] = {ev.eid: ev for ev in finder.exact_key(win.key) if not spelled or ev.method == "exact"}
        elif past - first > 1 and not win.initialism and not _spelled_edge(win, letters):
            # a single word the index does not know is no name
            found: dict[int, Evidence] = {}
            if untranslatable[past] == untranslatable[first] and english_words(run := _run(words, win)):
                found = {ev.eid: ev for ev in finder.translated(run)}
            if (past - first <= 3 and not win.split and unfit[past] == unfit[first]
                    and plain[past] - plain[first] < past - first):
                found.update(_within_names(finder, _run(words, win)))
            for ev in sounds.get(n, ()):
                found.setdefault(ev.eid, ev)
            if found:
                evidence[n] = found
        if titled[win.first] and win.first == win.last and not win.split and not everyday(words[win.first].norm):
            # وزیر اعظم کیمرون: David Cameron (a surname is no everyday word: صدر مملکت is no one's name)
            found = evidence.setdefault(n, {})
            for ev in finder.people_by_part(words[win.first].norm):
                found.setdefault(ev.eid, ev)
    for n, found in sorted(evidence.items()):
        if found:
            win = wins[n]
            start, end = win.original(norm)
            best = sorted(found.values(), key=lambda ev: (-finder.entity(ev.eid).prominence, ev.eid))
            cues = _cues(words, win)
            spans.append(Span(win, start, end, text[start:end],
                              [_scored(finder, ev, win, words, cues) for ev in best[:_MAX_NAMESAKES]]))
    for span in spans:
        span.sort()
    chosen = _select(spans, threshold)
    spans += _name_parts(chosen, words, wins, norm, text)
    _coherence(spans, chosen)
    for span in spans:
        span.sort()
    linked = _select(spans, threshold)
    nil = _select([s for s in spans if s.best.score < threshold and _nil_worthy(s, words)], NIL_FLOOR, linked)
    return linked, nil


def _nil_worthy(span: Span, words: list[Word]) -> bool:
    """A NIL mention is a name-like span, not a common word that happens to match something obscure."""
    return not (span.win.tokens == 1 and words[span.win.first].norm in COMMON_WORDS)


def _name_parts(chosen: list[Span], words: list[Word], wins: list[Window], norm, text: str) -> list[Span]:
    """Single words elsewhere in the text that repeat a part of a person linked in full (پوتن after ولادیمیر پوتن)."""
    parts: dict[str, Scored] = {}
    for span in chosen:
        if span.win.tokens > 1 and span.best.ent.type == "PER" and span.best.score >= CONFIDENT:
            for w in words[span.win.first:span.win.last + 1]:
                if w.norm not in FUNCTION_WORDS and len(w.norm) > 2:
                    parts.setdefault(w.norm, span.best)
    if not parts:  # most texts
        return []
    covered = {i for span in chosen for i in range(span.win.first, span.win.last + 1)}
    out = []
    for win in wins:
        full = parts.get(norm.text[win.nstart:win.nend]) if win.tokens == 1 else None
        if full is not None and win.first not in covered:
            start, end = win.original(norm)
            s = Scored(full.ev, full.ent, {**full.features, "seen_in_full": 1.0},
                       {"seen_in_full": full.ev.matched})
            s.rescore()
            out.append(Span(win, start, end, text[start:end], [s]))
    return out


def _continued(win: Window, words: list[Word]) -> bool:
    """The next word continues the window into a longer name written in two (بالی وڈ: Bollywood, not Bali)."""
    return not win.split and win.last + 1 < len(words) and words[win.last + 1].norm in NAME_CONTINUATIONS


def _inside_letters(win: Window, words: list[Word], joined: list[bool], letters: list[bool]) -> bool:
    """An initialism with a spelled letter right before or after it is part of a longer one: اے پی in اے پی پی is
    APP (the Associated Press of Pakistan), not AP. A genitive is no letter there (ڈی پی آر کے کے سربراہ).
    ``letters``: for each word of the text, whether it is a letter's name."""
    if not win.initialism:
        return False

    def letter(i: int) -> bool:
        return 0 <= i < len(words) and letters[i] and words[i].norm not in GENITIVES

    return (joined[win.first] and letter(win.first - 1)
            or win.last + 1 < len(words) and joined[win.last + 1] and letter(win.last + 1))


def _after_title(words: list[Word]) -> list[bool]:
    """For each word, whether a title stands right before it or two words before (وزیر اعظم کیمرون، صدر اوباما)."""
    title = [w.norm in PERSON_TITLES for w in words]
    return [i > 0 and title[i - 1] or i > 1 and title[i - 2] for i in range(len(words))]


def _spelled_edge(win: Window, letters: list[bool]) -> bool:
    """A plain window of spelled letters only (سی این این), or with one spelled letter at an edge (آسٹریلیا اے, ڈی
    فرانس): it names something as an initialism (the window of its Latin letters) or by a real Urdu name, not
    through a spelling generated for some alias (CNN of an Indian party, ABC of a shoe shop) nor fuzzily (پاکستان
    ایل: HBL Pakistan). A run of letters before a word is a name's start (اے بی سی مارٹ, این ٹی ٹی ڈوکومو).
    ``letters``: for each word of the text, whether it is a letter's name."""
    first, last = win.first, win.last
    if not (letters[first] or letters[last]) or win.initialism or first == last:  # most windows
        return False
    return (letters[first] and not letters[first + 1] or letters[last] and not letters[last - 1]
            or all(letters[first:last + 1]))


def _common_initialism(win: Window, words: list[Word], letters: list[bool]) -> bool:
    """The window spells a common noun letter by letter (اے ٹی ایم: ATM), as an initialism or as plain words.
    ``letters``: for each word of the text, whether it is a letter's name."""
    if win.initialism:
        return win.initialism in COMMON_INITIALISMS
    if not all(letters[win.first:win.last + 1]):  # most windows: a word that is no letter spells nothing
        return False
    return "".join(LETTER_NAMES[w.norm] for w in words[win.first:win.last + 1]) in COMMON_INITIALISMS


def _too_short(win: Window, words: list[Word]) -> bool:
    """One word of one or two letters is never a name on its own (او، سو، نو), save a Latin initialism (UN)."""
    if win.tokens > 1 or win.initialism or len(win.key) > 2:
        return False
    word = words[win.first]
    return not (word.kind == "latin" and word.norm.isupper() and len(word.norm) == 2)


def _not_a_name_alone(finder: CandidateFinder, word: str) -> bool:
    """A given name (جارج) or a demonym (چینی Chinese, روسی Russian, امریکی American: a well-known place + ی) is
    not a name on its own, whatever it happens to spell (George, South Africa; Dick Cheney) — unless the word is
    itself a real name of a well-known entity (جرسی Jersey, not Gers + ی)."""
    if word in GIVEN_NAMES:
        return True
    if len(word) < 4 or not word.endswith("ی"):
        return False

    def well_known(key: str) -> bool:
        return any(e.prominence >= DEMONYM_PROMINENCE and (key == word or e.type == "LOC")
                   for e in finder.real_entities(key))

    return not well_known(word) and any(well_known(stem) for stem in (word[:-1], word[:-1] + "ہ", word[:-1] + "ا"))


def _sound_alikes(finder: CandidateFinder, words: list[Word], joined: list[bool], letters: list[bool],
                  wins: list[Window], known: list[bool]) -> dict[int, tuple[Evidence, ...]]:
    """Evidence by sound (:mod:`linker.sounds`) for the windows of 2-4 Urdu words that the index does not know
    and that hold no function word or lone letter, nor start or end in a spelled letter (ڈیموکریٹ ای میلز is
    no Democratic Party; ایم این اے غلام محمد لالی: the name starts after اے), by window number. The window must
    end where a name does in Urdu: before a postposition, an honorific or punctuation (عارف علوی نے، عارف علوی صاحب).
    Runs inside a phrase (ٹیلی فونک بات چیت, رین سم وئیر) sounded like names far more often than they were one; in
    COUNTER and the news lines the rule took 24 of 68 such links, 13 of them wrong, and most of the lookups."""
    norms = [w.norm for w in words]
    barred = _running(w.kind != "urdu" or len(w.norm) < 2 or w.norm in FUNCTION_WORDS for w in words)
    ends = [i + 1 == len(words) or not joined[i + 1] or norms[i + 1] in FUNCTION_WORDS
            or norms[i + 1] in PERSON_HONORIFICS for i in range(len(words))]
    picks = [n for n, (w, hit) in enumerate(zip(wins, known))
             if not hit and ends[w.last] and 1 <= w.last - w.first < MAX_SOUND_TOKENS and not w.initialism
             and not w.split and barred[w.last + 1] == barred[w.first]
             and not letters[w.first] and not letters[w.last]]
    runs = [_run(words, wins[n]) for n in picks]
    out: dict[int, tuple[Evidence, ...]] = {}
    for n, run, rows in zip(picks, runs, finder.index.sound_rows([_run_sound(r) for r in runs])):
        if rows and (found := finder.sounded(run, wins[n].key, tuple(rows))):
            out[n] = found
    return out


@lru_cache(maxsize=100_000)
def _run_sound(run: tuple[str, ...]) -> str:
    """:func:`linker.keys.sound_form` of a run of words, cached (most runs recur)."""
    return sound_form(run)


def _by_sound(ev: Evidence) -> bool:
    """Whether the evidence is a sound-alike (:mod:`linker.sounds`): a skeleton match with the spelling it is
    closest to."""
    return ev.method == "key" and bool(ev.via)


def _running(flags: Iterable[bool]) -> list[int]:
    """Running counts of per-word flags: ``c[j] - c[i]`` of words i..j-1 have the flag (a window is tested in
    constant time, not word by word)."""
    return list(accumulate(flags, initial=0))


def _run(words: list[Word], win: Window) -> tuple[str, ...]:
    """The normalised words of a window."""
    return tuple(w.norm for w in words[win.first:win.last + 1])


def _part_counts(words: list[Word]) -> tuple[list[int], list[int]]:
    """:func:`_running` counts of the words no run that is part of a name holds (function words, single letters)
    and of those that say nothing of a name (common words and name parts, titles, words of two letters): runs with
    none of the first and not only the second are looked up by :func:`_within_names`."""
    unfit = _running(w.norm in FUNCTION_WORDS or len(w.norm) < 2 for w in words)
    plain = _running(w.norm in COMMON_WORDS or w.norm in COMMON_NAME_PARTS or w.norm in NAME_TITLES
                     or len(w.norm) < 3 for w in words)
    return unfit, plain


def _within_names(finder: CandidateFinder, words: tuple[str, ...]) -> dict[int, Evidence]:
    """Entities a run of words names in part: the words of the run all occur in one of their names. The caller
    checks the words first (:func:`_part_counts`)."""
    out: dict[int, Evidence] = {}
    for ev in finder.within_names(words):
        if finder.entity(ev.eid).type == "PER" and not _starts_as(words, ev.matched):
            continue
        if ev.eid not in out or ev.sim > out[ev.eid].sim:
            out[ev.eid] = ev
    return out


def _starts_as(words: tuple[str, ...], name: str) -> bool:
    """Whether a run of words that holds a common name part (خان، محمد) also holds the first word of the person's
    name that is no title: خان آفریدی and اکبر خان name too many people to be Shehryar Khan Afridi or Sher Akbar
    Khan, while حمزہ شہباز, طیب اردگان and خواجہ آصف are how news shortens a name."""
    if not any(w in COMMON_NAME_PARTS for w in words):
        return True
    first = next((p for p in norm_name(name).split() if p not in NAME_TITLES), "")
    return not first or any(fuzz.ratio(w, first) >= _SAME_WORD or sound_form((w,)) == sound_form((first,))
                            for w in words)


def _cues(words: list[Word], win: Window) -> tuple[set[str], set[str]]:
    """(types announced, types ruled out) by the words next to the window.

    Titles come before a person (صدر اوباما), honorifics after (عمران خان صاحب); generic place and organisation
    words sit on either side (شہر ماسکو، ماسکو شہر). "X کے صدر" (X's president) announces that X is not a person.
    A glued split (ماسکواور) makes the split-off word the next word.
    """
    before = [w.norm for w in words[max(0, win.first - 2):win.first]]
    after = [win.split] if win.split and win.nend < words[win.last].nend else []
    after += [w.norm for w in words[win.last + 1:win.last + 3]]
    yes = {t for t in (_announced(w, PERSON_TITLES) for w in before) if t}
    no: set[str] = set()
    if after:
        first = after[0]
        if first in GENITIVES and len(after) > 1 and after[1] in PERSON_TITLES:
            no.add("PER")
        elif t := _announced(first, PERSON_HONORIFICS):
            yes.add(t)
    return yes, no


def _announced(word: str, person_words: frozenset[str]) -> str | None:
    """The coarse type a neighbouring word announces (titles before a person, honorifics after one)."""
    if word in person_words:
        return "PER"
    return "LOC" if word in PLACE_WORDS else "ORG" if word in ORG_WORDS else None


def _scored(finder: CandidateFinder, ev: Evidence, win: Window, words: list[Word],
            cues: tuple[set[str], set[str]]) -> Scored:
    """A candidate with the features of :data:`linker.rank.TEXT_WEIGHTS` that do not depend on other spans;
    ``cues`` are the window's :func:`_cues`."""
    ent = finder.entity(ev.eid)
    f = {"quality": match_quality(ev.method, ev.sim), "prominence": ent.prominence, ev.method: 1.0}
    notes: dict = {}
    yes, no = cues
    if yes or no:
        notes["cues"] = sorted(yes) + [f"not {t}" for t in sorted(no)]
        if ent.type in yes:
            f["cue_agrees"] = 1.0
        elif yes or ent.type in no:
            f["cue_disagrees"] = 1.0
    span = words[win.first:win.last + 1]
    famous_generated = _famous_generated(ev, ent, win)
    if win.tokens == 1:
        word = span[0].norm
        f["single"] = 1.0
        f[f"single_{ev.method}"] = 1.0
        if len(win.key) <= 3 and not win.initialism:
            f["short"] = 1.0
        if word in TIME_OF_DAY and _time_context(words, win):
            f["time_of_day"] = 1.0
        if ent.type == "PER" and "PER" not in yes and ent.prominence < FAMOUS_PERSON:
            f["person_part"] = 1.0
        if span[0].kind == "urdu" and not win.split:
            if word.endswith(_PLURAL_ENDINGS) and not (ev.method == "exact" and _home(ent)):
                # but بنوں and حویلیاں, Pakistani towns' own Urdu names (Punjabi -ian, -on), are no plurals
                f["plural_ending"] = 1.0
            elif word.endswith(_VERB_ENDINGS) and not (famous_generated and not everyday(word)):
                f["verb_ending"] = 1.0  # but جکارتا and ہوانا are no verbs
    if not win.split and all(_common(w.norm, win.tokens) for w in span):
        if win.tokens == 1:
            f["common"] = 1.0  # صدر، جاری
        elif ent.type in ("LOC", "MISC") or ev.method == "generated":
            # شمال مشرقی، بنک گروپ: a run of common words names a place only if the place is well known
            # (اسلام آباد). People's names are made of such words, and institutions too (قومی اسمبلی), but
            # those have Urdu names of their own, not generated ones.
            f["common_run"] = 1.0 - ent.prominence
    if (win.tokens > 1 and not win.initialism and ev.method in ("generated", "key", "fuzzy")
            and all(everyday(w.norm) for w in span)
            and (len({w.norm for w in span}) == 1 or not _written_in(span, ev.matched))):
        f["everyday_phrase"] = 1.0  # امریکی صدر (American president) is no spelling of Mark Souder; بار بار
    if all(w.kind == "latin" for w in span):
        f["latin"] = 1.0
    if ent.untyped:
        f["untyped"] = 1.0
    if ent.type in ("PER", "ORG"):
        f["person_or_org"] = 1.0
    if ent.type == "MISC":
        f["misc"] = 1.0
    if ent.label_ur:
        f["urdu_label"] = 1.0
    if famous_generated:
        f["famous_generated"] = 1.0  # بھارت, سنگاپور: Wikidata lacks the Urdu label of many a country and capital
    if ev.foreign and ent.country != URDU_COUNTRY:
        f["foreign_alias"] = 1.0
    if win.split:
        f["split"] = 1.0
        notes["split"] = win.split
    if win.initialism:
        f["initialism"] = 1.0
        notes["initialism"] = win.initialism
    if win.tokens == 2 and all(w.norm in LETTER_NAMES for w in span):  # ٹی وی، سی سی: however it matched
        f["two_letters_org" if ent.type == "ORG" else "two_letters"] = 1.0
    if win.tokens == 1 or win.initialism:
        f["obscure_single"] = 1.0 - ent.prominence
        if _home(ent) and not win.initialism and span[0].norm not in GENERIC_UR:  # تحصیل alone is no tehsil
            f["home_place"] = 1.0
    if win.initialism:
        f["initialism_obscure"] = 1.0 - ent.prominence
    s = Scored(ev, ent, f, notes)
    s.rescore()
    return s


def _home(ent: EntityInfo) -> bool:
    """A place in Pakistan, where Urdu news is written."""
    return ent.type == "LOC" and ent.country == URDU_COUNTRY


def _famous_generated(ev: Evidence, ent: EntityInfo, win: Window) -> bool:
    """A famous place (:data:`FAMOUS`) matched by a generated spelling of five letters or more."""
    return ev.method == "generated" and ent.type == "LOC" and ent.prominence >= FAMOUS and len(win.key) >= 5


def _written_in(span: list[Word], name: str) -> bool:
    """Whether every word of the span is a word of the matched name, as written or a letter apart (خواجہ آصف in
    خواجہ محمد آصف, عالمی بینک as عالمی بنک), not only alike in sound (سامنا کرنا for Simon Crean)."""
    words = norm_name(name).split()
    return all(process.extractOne(w.norm, words, scorer=fuzz.ratio, score_cutoff=_SAME_WORD) for w in span)


def _common(word: str, tokens: int) -> bool:
    """A word that says nothing about a name: common or closed-class; in a run, also generic words (بنک گروپ)."""
    return word in COMMON_WORDS or word in FUNCTION_WORDS or tokens > 1 and (word in ORG_WORDS or word in PLACE_WORDS)


def _time_context(words: list[Word], win: Window) -> bool:
    """شام کو، آج شام، جمعہ کی شام، شام سات بجے: the evening, not Syria."""
    before = words[win.first - 1] if win.first else None
    after = words[win.last + 1] if win.last + 1 < len(words) else None
    return bool((before and (before.norm in TIME_BEFORE or before.kind == "number")) or
                (win.split and win.split in TIME_AFTER) or (after and (after.norm in TIME_AFTER or after.kind == "number")))


#: Endings of Urdu plural and oblique forms (کسانوں، علاقوں، گاڑیاں، کریں) and of verbs (کرنا، رکھنے، کرتے):
#: an inflected common word, rarely a name.
_PLURAL_ENDINGS = ("وں", "یں", "یاں", "ئیں")
_VERB_ENDINGS = ("نا", "نے", "تے", "تا", "تی", "ئے", "یے")


def _select(spans: list[Span], threshold: float, taken: list[Span] | None = None) -> list[Span]:
    """Non-overlapping spans whose best score reaches ``threshold``: more tokens first, then higher score.

    Spans in ``taken`` are already placed: the new ones may not overlap them (and are not returned).
    """
    confident = [s for s in spans if s.best.score >= threshold]
    confident.sort(key=lambda s: (-s.win.tokens, -s.best.score, bool(s.win.split), s.start, s.end))
    occupied: set[int] = set()  # normalised-text positions already covered (linear in the text, not quadratic)
    for t in taken or []:
        occupied.update(range(t.win.nstart, t.win.nend))
    new: list[Span] = []
    for span in confident:
        cells = range(span.win.nstart, span.win.nend)
        if occupied.isdisjoint(cells):
            occupied.update(cells)
            new.append(span)
    return sorted(new, key=lambda s: (s.start, s.end))


def _coherence(spans: list[Span], chosen: list[Span]) -> None:
    """Candidates sharing a country with the other confident links of the text gain."""
    confident = {id(s): s.best.ent.country for s in chosen if s.best.score >= CONFIDENT and s.best.ent.country}
    countries = Counter(confident.values())
    for span in spans:
        own = confident.get(id(span))  # a span does not vouch for itself
        for c in span.cands:
            if c.ent.country and countries[c.ent.country] > (c.ent.country == own):
                c.features["coherent"] = SOUND_COHERENCE if _by_sound(c.ev) else 1.0
                c.notes["coherence"] = c.ent.country
                c.rescore()
