"""The public Python API: ``Linker.open(path).link(text) / .lookup(name) / .transliterate(text)``."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

import regex

from .keys import name_forms
from .normalize import normalize
from .store import connect_readonly, read_meta


@dataclass(frozen=True, slots=True)
class Candidate:
    qid: str
    label_en: str
    label_ur: str
    type: str          # PER / LOC / ORG / MISC
    score: float       # in [0, 1]
    matched: str       # the gazetteer name that matched
    method: str        # exact / fuzzy / key / transliteration / generated

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


class Linker:
    """Links names in Urdu text to Wikidata items using a gazetteer file (opened read-only)."""

    def __init__(self, con):
        self._con = con
        self.meta = read_meta(con)

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> Linker:
        """Open the gazetteer at ``path`` (default: $URDU_LINKER_GAZETTEER, then the per-user path)."""
        return cls(connect_readonly(path))

    def lookup(self, name: str, k: int = 10) -> list[Candidate]:
        """Entities whose normalised name (or space-free key) equals ``name``'s, most prominent first."""
        f = name_forms(name)
        if not f.key:
            return []
        rows = self._con.execute(
            """SELECT e.qid, e.label_en, e.label_ur, e.coarse, e.prior, n.name, n.norm = ?
               FROM names n JOIN entities e ON e.id = n.entity_id
               WHERE n.norm = ? OR n.key = ?""", (f.norm, f.norm, f.key)).fetchall()
        best: dict[str, Candidate] = {}
        for qid, en, ur, coarse, prior, matched, exact in rows:
            score = round((0.7 if exact else 0.6) + 0.3 * prior, 4)
            if qid not in best or score > best[qid].score:
                best[qid] = Candidate(qid, en, ur, coarse, score, matched, "exact" if exact else "key")
        return sorted(best.values(), key=lambda c: (-c.score, c.qid))[:k]

    def link(self, text: str) -> list[Mention]:
        """Mentions of gazetteer names in ``text`` (exact 1-4 word windows, longest first; preliminary)."""
        norm = normalize(text)
        words = [m.span() for m in regex.finditer(r"[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}]+)*", norm.text)]
        mentions: list[Mention] = []
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                s, e = words[i][0], words[i + n - 1][1]
                cands = self.lookup(norm.text[s:e], k=5)
                if cands:
                    top = cands[0]
                    start, end = norm.to_original(s, e)
                    mentions.append(Mention(start, end, text[start:end], top.qid, top.label_en, top.label_ur,
                                            top.type, top.score, cands,
                                            {"matched": top.matched, "method": top.method}))
                    i += n
                    break
            else:
                i += 1
        return mentions
