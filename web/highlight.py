"""Cut a text into plain and mention segments for the template, which escapes every one of them.

No HTML is built here: the segments are plain strings, so nothing from the text or the gazetteer can
become markup. Mentions that overlap an earlier one or fall outside the text are left out of the
highlighting (they are still listed beside it).
"""
from __future__ import annotations

from dataclasses import dataclass

from linker import Mention

TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mention: Mention | None = None
    number: int | None = None      # 1-based position of the mention in the linker's list


def type_class(type_: str) -> str:
    """A CSS class for an entity type; anything unexpected is drawn as MISC."""
    return f"t-{type_ if type_ in TYPES else 'MISC'}"


def segments(text: str, mentions: list[Mention]) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    ordered = sorted(enumerate(mentions, 1), key=lambda nm: (nm[1].start, -nm[1].end))
    for number, m in ordered:
        if not pos <= m.start < m.end <= len(text):
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m, number))
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
