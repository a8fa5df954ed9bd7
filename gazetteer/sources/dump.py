"""Reader for Wikidata JSON dumps (``latest-all.json[.gz|.bz2]``), streamed line by line in constant memory.

The dump is one JSON array with one entity per line, each line but the last ending in a comma. Lines are
parsed with orjson; a line is parsed at all only if a cheap byte-level test says the item may be selected
(it mentions Urdu, or has enough sitelinks), which skips most of a full dump without decoding it.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import regex

from ..record import LANGS, Entity
from . import count_malformed, read_lines
from .wikidata import DEFAULT_MIN_SITELINKS, is_selected, make_entity

_QID = regex.compile(r"Q[1-9][0-9]*")
# Byte-level pre-filter; whitespace-tolerant, as re-serialised dumps may put spaces after colons.
_MENTIONS_URDU = regex.compile(rb'"language"\s*:\s*"ur"|"urwiki"')
_SITELINK = regex.compile(rb'"site"\s*:\s*"')


def _values(statements: list) -> list:
    """Values of the best-ranked statements (preferred if any, else normal; never deprecated)."""
    best = [s for s in statements if s.get("rank") == "preferred"] or \
           [s for s in statements if s.get("rank", "normal") == "normal"]
    out = []
    for s in best:
        snak = s.get("mainsnak") or {}
        if snak.get("snaktype", "value") == "value" and "datavalue" in snak:
            out.append((snak["datavalue"].get("value"), s))
    return out


def _item_id(value: object) -> str:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            return value["id"]
        if isinstance(value.get("numeric-id"), int):
            return f"Q{value['numeric-id']}"
    return ""


def _population(claims: dict) -> int | None:
    """The best-ranked P1082 value; among several, the one with the latest point in time (P585)."""
    best: tuple[str, int] | None = None
    for value, statement in _values(claims.get("P1082", [])):
        try:
            amount = int(float(value["amount"]))
        except (KeyError, TypeError, ValueError):
            continue
        times = [q.get("datavalue", {}).get("value", {}).get("time", "")
                 for q in (statement.get("qualifiers") or {}).get("P585", [])]
        when = max(times, default="")
        if best is None or (when, amount) > best:
            best = (when, amount)
    return best[1] if best else None


def _coordinates(claims: dict) -> tuple[float, float] | None:
    for value, _ in _values(claims.get("P625", [])):
        if not isinstance(value, dict) or value.get("globe", "").rsplit("/", 1)[-1] not in ("Q2", ""):
            continue  # not on Earth
        try:
            return float(value["latitude"]), float(value["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
    return None


def entity_from_json(obj: dict, source: str, min_sitelinks: int = 0,
                     country_codes: dict[str, str] | None = None) -> Entity | None:
    """An :class:`Entity` from one parsed dump entity, or None if it is not selected.

    Raises ValueError/KeyError/TypeError/AttributeError on an entity that is not in the dump format.
    ``country_codes`` collects ISO 3166-1 codes (P297) of the items seen, to resolve P17 values later.
    """
    qid = obj["id"]
    if obj.get("type") != "item" or not _QID.fullmatch(qid):
        return None  # properties, lexemes, entity schemas
    labels = {lang: v["value"] for lang, v in (obj.get("labels") or {}).items() if lang in LANGS}
    aliases = {lang: [a["value"] for a in vs] for lang, vs in (obj.get("aliases") or {}).items() if lang in LANGS}
    sitelinks = obj.get("sitelinks") or {}
    urwiki = (sitelinks.get("urwiki") or {}).get("title", "")
    if not is_selected(bool(labels.get("ur") or aliases.get("ur") or urwiki), len(sitelinks), min_sitelinks):
        return None
    claims = obj.get("claims") or {}
    if country_codes is not None:
        for value, _ in _values(claims.get("P297", []))[:1]:
            if isinstance(value, str):
                country_codes[qid] = value.upper()
    return make_entity(
        qid, labels=labels, aliases=aliases,
        descriptions={lang: v["value"] for lang, v in (obj.get("descriptions") or {}).items()},
        p31=[q for v, _ in _values(claims.get("P31", [])) if (q := _item_id(v))],
        country=next((q for v, _ in _values(claims.get("P17", [])) if (q := _item_id(v))), ""),
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

    def _maybe_selected(self, line: bytes) -> bool:
        if self.min_sitelinks <= 0 or _MENTIONS_URDU.search(line):
            return True
        return len(_SITELINK.findall(line)) >= self.min_sitelinks

    def __iter__(self) -> Iterator[Entity]:
        for lineno, line in read_lines(self.path):
            line = line.strip()
            if line in (b"[", b"]"):
                continue
            self.lines += 1
            if line.endswith(b","):
                line = line[:-1]
            if not (line.startswith(b"{") and line.endswith(b"}")):
                count_malformed(self, lineno, "not one JSON object on the line")
                continue
            if not self._maybe_selected(line):
                self.filtered += 1
                continue
            try:
                entity = entity_from_json(orjson.loads(line), self.name, self.min_sitelinks, self.country_codes)
            except orjson.JSONDecodeError as e:
                count_malformed(self, lineno, f"not JSON ({e})")
                continue
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                count_malformed(self, lineno, f"not a Wikidata entity ({type(e).__name__}: {e})")
                continue
            if entity is None:
                self.filtered += 1
            else:
                yield entity
