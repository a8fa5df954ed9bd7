"""Reader for Wikidata JSON dumps (``latest-all.json[.gz|.bz2]``), streamed line by line in constant memory.

The dump is one JSON array with one entity per line, each line but the last ending in a comma. Lines that
cannot be selected are recognised from their bytes and never decoded (most of a full dump); the others are
decoded by msgspec into typed structs that name only the fields the gazetteer needs (its languages, five
properties, sitelinks): everything else (other languages, other statements, references) is skipped without
building Python objects, several times faster than a generic JSON parser on real-sized entities.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import regex

from ..record import DESCRIPTION_LANGS, LANGS, Entity
from . import count_malformed, read_lines
from .wikidata import DEFAULT_MIN_SITELINKS, is_selected, make_entity

_QID = regex.compile(r"Q[1-9][0-9]*")
_PROPERTIES = ("P31", "P17", "P297", "P625", "P1082")
_TRAILING = b" \t\r\n,"


class _Text(msgspec.Struct, frozen=True):
    value: str


class _Snak(msgspec.Struct, frozen=True):
    snaktype: str = "value"
    datavalue: dict[str, Any] | None = None


class _Statement(msgspec.Struct, frozen=True):
    mainsnak: _Snak
    rank: str = "normal"
    qualifiers: dict[str, list[_Snak]] | None = None


class _Sitelink(msgspec.Struct, frozen=True):
    title: str = ""


# Empty maps may be serialised as [] by Wikibase (a PHP empty array), hence the "| tuple" in _Entity.
_Labels = msgspec.defstruct("_Labels", [(lang, _Text | None, None) for lang in LANGS], frozen=True)
_Aliases = msgspec.defstruct("_Aliases", [(lang, tuple[_Text, ...], ()) for lang in LANGS], frozen=True)
_Descriptions = msgspec.defstruct("_Descriptions", [(lang, _Text | None, None) for lang in DESCRIPTION_LANGS],
                                  frozen=True)
_Claims = msgspec.defstruct("_Claims", [(p, tuple[_Statement, ...], ()) for p in _PROPERTIES], frozen=True)


class _Entity(msgspec.Struct):
    id: str
    type: str
    labels: _Labels | tuple = _Labels()
    aliases: _Aliases | tuple = _Aliases()
    descriptions: _Descriptions | tuple = _Descriptions()
    claims: _Claims | tuple = _Claims()
    sitelinks: dict[str, _Sitelink] | tuple = ()


_decode = msgspec.json.Decoder(_Entity).decode


def _values(statements: tuple[_Statement, ...]) -> list[tuple[Any, _Statement]]:
    """(value, statement) of the best-ranked statements: preferred if any, else normal; never deprecated."""
    best = [s for s in statements if s.rank == "preferred"] or [s for s in statements if s.rank == "normal"]
    return [(s.mainsnak.datavalue.get("value"), s) for s in best
            if s.mainsnak.snaktype == "value" and s.mainsnak.datavalue]


def _item_id(value: Any) -> str:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            return value["id"]
        if isinstance(value.get("numeric-id"), int):
            return f"Q{value['numeric-id']}"
    return ""


def _population(claims: _Claims) -> int | None:
    """The best-ranked P1082 value; among several, the one with the latest point in time (P585)."""
    best: tuple[str, int] | None = None
    for value, statement in _values(claims.P1082):
        try:
            amount = int(float(value["amount"]))
        except (KeyError, TypeError, ValueError):
            continue
        times = [(q.datavalue or {}).get("value", {}).get("time", "")
                 for q in (statement.qualifiers or {}).get("P585", [])]
        when = max(times, default="")
        if best is None or (when, amount) > best:
            best = (when, amount)
    return best[1] if best else None


def _coordinates(claims: _Claims) -> tuple[float, float] | None:
    for value, _ in _values(claims.P625):
        if not isinstance(value, dict) or value.get("globe", "").rsplit("/", 1)[-1] not in ("Q2", ""):
            continue  # not on Earth
        try:
            return float(value["latitude"]), float(value["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
    return None


def entity_from_line(line: bytes | memoryview, source: str, min_sitelinks: int = 0,
                     country_codes: dict[str, str] | None = None) -> Entity | None:
    """An :class:`Entity` from one dump line (without its comma), or None if it is not selected.

    Raises ``msgspec.DecodeError`` for a line that is not JSON or not an entity in the dump format.
    ``country_codes`` collects ISO 3166-1 codes (P297) of the items seen, to resolve P17 values later.
    """
    obj = _decode(line)
    if obj.type != "item" or not _QID.fullmatch(obj.id):
        return None  # properties, lexemes, entity schemas
    names = obj.labels if isinstance(obj.labels, _Labels) else _Labels()
    labels = {lang: text.value for lang in LANGS if (text := getattr(names, lang)) is not None}
    more = obj.aliases if isinstance(obj.aliases, _Aliases) else _Aliases()
    aliases = {lang: [t.value for t in texts] for lang in LANGS if (texts := getattr(more, lang))}
    sitelinks = obj.sitelinks if isinstance(obj.sitelinks, dict) else {}
    urwiki = sitelinks["urwiki"].title if "urwiki" in sitelinks else ""
    if not is_selected(bool(labels.get("ur") or aliases.get("ur") or urwiki), len(sitelinks), min_sitelinks):
        return None
    claims = obj.claims if isinstance(obj.claims, _Claims) else _Claims()
    if country_codes is not None:
        for value, _ in _values(claims.P297)[:1]:
            if isinstance(value, str):
                country_codes[obj.id] = value.upper()
    about = obj.descriptions if isinstance(obj.descriptions, _Descriptions) else _Descriptions()
    return make_entity(
        obj.id, labels=labels, aliases=aliases,
        descriptions={lang: text.value for lang in DESCRIPTION_LANGS if (text := getattr(about, lang))},
        p31=[q for v, _ in _values(claims.P31) if (q := _item_id(v))],
        country=next((q for v, _ in _values(claims.P17) if (q := _item_id(v))), ""),
        coords=_coordinates(claims), population=_population(claims), sitelinks=len(sitelinks),
        urwiki_title=urwiki, source=source)


class DumpSource:
    """Streams the entities of a Wikidata JSON dump that the selection rule keeps.

    ``skipped`` counts malformed lines (logged, never fatal); ``filtered`` counts well-formed entities not
    kept (properties, lexemes, SKIP classes, items without usable names or below ``min_sitelinks``).
    ``country_codes`` maps country QIDs to ISO codes as they are seen, for the builder to resolve P17.
    """

    def __init__(self, path: Path, min_sitelinks: int = DEFAULT_MIN_SITELINKS):
        self.path = path
        self.name = path.name
        self.min_sitelinks = min_sitelinks
        self.skipped = 0
        self.filtered = 0
        self.lines = 0
        self.country_codes: dict[str, str] = {}

    def _may_be_selected(self, line: bytes, end: int) -> bool:
        """A byte-level test that is False only for items the selection rule would drop, much cheaper than
        decoding. It relies on the compact layout Wikibase writes (terms, then "claims", then "sitelinks",
        no spaces); a line not in that layout is always decoded."""
        claims = line.find(b'"claims":{', 0, end)
        links = line.rfind(b'"sitelinks":{', claims, end)
        if claims < 0 or links < 0:
            return True
        return (line.count(b'"site":"', links, end) >= self.min_sitelinks
                or line.find(b'"urwiki"', links, end) >= 0
                or line.find(b'"language":"ur"', 0, claims) >= 0)

    def __iter__(self) -> Iterator[Entity]:
        for lineno, line in read_lines(self.path):
            end = len(line)
            while end and line[end - 1] in _TRAILING:  # no copy: comma and end-of-line are cut off by a view
                end -= 1
            if end < 8 and line[:end].strip() in (b"[", b"]"):
                continue
            self.lines += 1
            if self.min_sitelinks > 0 and not self._may_be_selected(line, end):
                self.filtered += 1
                continue
            try:
                entity = entity_from_line(memoryview(line)[:end], self.name, self.min_sitelinks,
                                          self.country_codes)
            except msgspec.ValidationError as e:
                count_malformed(self, lineno, f"not a Wikidata entity ({e})")
                continue
            except msgspec.DecodeError as e:
                count_malformed(self, lineno, f"not JSON ({e})")
                continue
            if entity is None:
                self.filtered += 1
            else:
                yield entity
