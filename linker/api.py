"""The public Python API: ``Linker.open(path).link(text) / .lookup(name) / .transliterate(text)``."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

from .candidates import CandidateFinder, Evidence, query_hints, romanisations, spelling_fits, urdu_spellings
from .index import NameIndex
from .context import GENERIC_WORDS
from .keys import GENERIC_EN, QUALIFIER, name_forms, norm_name, without_qualifier
from .linking import MAX_CANDIDATES, Span, link_spans
from .rank import TEXT_WEIGHTS, lookup_logit, sigmoid
from .store import GazetteerError, connect_readonly, read_meta

#: Default confidence below which a span is not reported (a score reads as the chance the link is right).
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    qid: str
    label_en: str
    label_ur: str
    type: str          # PER / LOC / ORG / MISC
    score: float       # in [0, 1]
    matched: str       # the gazetteer name that matched
    method: str        # exact / fuzzy / key / transliteration / translation / generated

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int         # offsets into the ORIGINAL text
    end: int
    surface: str
    qid: str | None    # None: NIL
    label_en: str
    label_ur: str
    type: str
    score: float
    candidates: list[Candidate] = field(default_factory=list)
    why: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _by_alias(c: Candidate) -> bool:
    """Whether a candidate matched one of its aliases only: of equally scored candidates, one named by its label
    (or a spelling generated from its names) comes first — "India" is India's label and an alias of Arunachal
    Pradesh, among the claimants Natural Earth lists for a disputed area."""
    return c.method != "generated" and c.matched not in (c.label_en, c.label_ur)


class Linker:
    """Links names in Urdu text to Wikidata items using a gazetteer file (opened read-only).

    One instance may be shared by threads: it only reads the file and keeps caches of immutable values.
    """

    def __init__(self, con, threshold: float = DEFAULT_THRESHOLD):
        self._con = con
        self.meta = read_meta(con)
        self.threshold = threshold
        try:
            self._finder = CandidateFinder(con, NameIndex(con))
        except (ValueError, KeyError) as e:
            raise GazetteerError(f"{e}: rebuild it with gazetteer-rebuild") from None

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, threshold: float = DEFAULT_THRESHOLD) -> Linker:
        """Open the gazetteer at ``path`` (default: $URDU_LINKER_GAZETTEER, then the per-user path).

        ``threshold`` is the default minimum score of :meth:`link` (0.5; higher for precision).
        """
        return cls(connect_readonly(path), threshold=threshold)

    def lookup(self, name: str, k: int = 10) -> list[Candidate]:
        """Ranked candidate entities for one name, in Urdu or Latin script (exact, key, fuzzy, transliterated)."""
        evidence = self._finder.lookup(name)
        hints = query_hints(self._finder, name)
        spelled = spelling_fits(hints, evidence, self._finder.entity)
        ranked = sorted((self._candidate(ev, hints, spelled.get(ev.eid)) for ev in evidence.values()),
                        key=lambda c: (-c[0], _by_alias(c[1]), c[1].qid))
        return [c for _, c in ranked[:k]]

    def _candidate(self, ev: Evidence, hints: dict, spelled: float | None) -> tuple[float, Candidate]:
        """(log-odds, candidate): the ranking uses the log-odds, which do not tie when rounded scores do."""
        ent = self._finder.entity(ev.eid)
        z = lookup_logit(ev.method, ev.sim, ent, hints, spelled, self._finder.kind_names(ev.eid, hints), ev.matched)
        return z, Candidate(ent.qid, ent.label_en, ent.label_ur, ent.type, sigmoid(z), ev.matched, ev.method)

    def link(self, text: str, threshold: float | None = None) -> list[Mention]:
        """Mentions of gazetteer entities in ``text``, in text order, with original-text offsets.

        Spans scoring below ``threshold`` (default: the one given to :meth:`open`) are left out.
        """
        limit = self.threshold if threshold is None else threshold
        linked, unlinked = link_spans(self._finder, text, limit)
        mentions = [self._mention(s, linked=True) for s in linked]
        mentions += [self._mention(s, linked=False) for s in unlinked]
        return sorted(mentions, key=lambda m: (m.start, m.end))

    def _mention(self, span: Span, linked: bool) -> Mention:
        best = span.best
        cands = [Candidate(c.ent.qid, c.ent.label_en, c.ent.label_ur, c.ent.type, c.score, c.ev.matched,
                           c.ev.method) for c in span.cands[:MAX_CANDIDATES]]
        context = {k: round(TEXT_WEIGHTS[k] * v, 3) for k, v in best.features.items()
                   if k not in ("quality", "prominence")}
        why = {"matched": best.ev.matched, "method": best.ev.method, "similarity": best.ev.sim,
               "prior": best.ent.prominence, "context": context, **best.notes}
        if best.ev.via:
            why["via"] = best.ev.via
        if not linked:
            return Mention(span.start, span.end, span.surface, None, "", "", "", best.score, cands,
                           {**why, "nil": "below threshold"})
        e = best.ent
        return Mention(span.start, span.end, span.surface, e.qid, e.label_en, e.label_ur, e.type, best.score,
                       cands, why)

    def transliterate(self, text: str, to: str = "latn", n: int = 1) -> list[str]:
        """Up to ``n`` spellings of ``text`` in Latin (``to="latn"``) or Urdu (``to="urdu"``) script, best first.

        A name the gazetteer knows (a real label or alias with the same key as the whole of ``text``) is answered
        first with its entities' labels in that script, most prominent entity first (ماسکو -> Moscow); the
        transliterator's spellings follow, without repeats.
        """
        if to not in ("latn", "urdu"):
            raise ValueError(f"to must be 'latn' or 'urdu', not {to!r}")
        known = self._known_labels(text, to)
        spelled = (romanisations if to == "latn" else urdu_spellings)(text, n + len(known[:n]))
        out: dict[str, str] = {}
        for spelling in (*known, *spelled):
            out.setdefault(norm_name(spelling).replace(" ", ""), spelling)
        return list(out.values())[:n]

    def _known_labels(self, text: str, to: str) -> list[str]:
        """Labels in ``to`` script of the entities one of whose real names has the key of ``text``.

        Labels that sound like ``text`` (same loose phonetic key) come first, then the rest (a translation:
        بھارت -> India), each most prominent entity first. A qualifier (", Idaho") is left out unless ``text``
        has one; an Urdu label with generic words comes first without them unless ``text`` has some (Padua:
        پادووا, then صوبہ پادووا).
        """
        forms = name_forms(text)
        found = self._finder.real_entities(forms.key) if forms.key else ()
        qualified = QUALIFIER.search(text) is not None
        generic = any(w in GENERIC_WORDS or w in GENERIC_EN for w in forms.norm.split())
        ranked = []
        for e in found:
            label = e.label_en if to == "latn" else e.label_ur
            if not qualified:
                label = without_qualifier(label)
            spellings = [label]
            if to == "urdu" and not generic:  # the label without its generic words first, then as it is
                spellings.insert(0, " ".join(w for w in label.split() if norm_name(w) not in GENERIC_WORDS))
            ranked += [(name_forms(s).loose != forms.loose, -e.prominence, e.eid, i, s)
                       for i, s in enumerate(spellings) if s]
        return [label for *_, label in sorted(ranked)]
