"""Reader for the extract format of ../shared/data/gazetteer (JSONL or TSV, optionally gzipped)."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import msgspec

from ..record import COARSE_TYPES, Entity
from . import count_malformed, read_lines

_DESCRIPTION = "wd-desc:"  # people_orgs keeps the Wikidata description as a pseudo-class in `type`


def _num(value: object, kind: type) -> float | int | None:
    if value in (None, ""):
        return None
    try:
        return kind(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _list(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    if isinstance(value, str) and value:
        return [v for v in value.split("|") if v.strip()]  # TSV: '|'-joined
    return []


def entity_from_row(row: dict, source: str) -> Entity:
    """Map one extract row to an :class:`Entity`; raises ValueError/KeyError/TypeError on a malformed row."""
    qid = row["qid"]
    if not (isinstance(qid, str) and qid.startswith("Q") and qid[1:].isdigit()):
        raise ValueError(f"bad qid {qid!r}")
    classes, description = [], ""
    for part in (row.get("type") or "").split("|"):
        part = part.strip()
        if part.startswith(_DESCRIPTION):
            description = description or part[len(_DESCRIPTION):].strip()
        elif part and part not in classes:
            classes.append(part)
    coarse = row.get("coarse") or "MISC"
    return Entity(
        qid=qid,
        labels={lang: label for lang in ("ur", "en") if (label := (row.get(f"label_{lang}") or "").strip())},
        aliases={lang: names for lang in ("ur", "en") if (names := _list(row.get(f"aliases_{lang}")))},
        descriptions={"en": description} if description else {},
        coarse=coarse if coarse in COARSE_TYPES else "MISC",
        classes=classes,
        country=row.get("country") or "",
        lat=_num(row.get("lat"), float),
        lon=_num(row.get("lon"), float),
        population=_num(row.get("population"), int),
        rank=_num(row.get("rank"), int),
        sources=[source],
    )


class ExtractSource:
    """Streams the extract. Malformed rows are counted in ``skipped`` and logged, never fatal."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.skipped = 0
        self.filtered = 0  # never: the extract is a selection already

    def _rows(self) -> Iterator[tuple[int, dict | None, str]]:
        lines = read_lines(self.path)
        if ".tsv" in self.path.suffixes:
            good: list[int] = []  # line numbers of the lines handed to the csv reader

            def decoded() -> Iterator[str]:
                for lineno, line in lines:
                    try:
                        text = line.decode("utf-8").rstrip("\r\n")
                    except UnicodeDecodeError as e:
                        count_malformed(self, lineno, f"not UTF-8 ({e})")
                        continue
                    good.append(lineno)
                    yield text

            reader = csv.reader(decoded(), delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, [])
            for values in reader:
                if len(values) != len(header):
                    yield good[-1], None, f"{len(values)} fields, header has {len(header)}"
                else:
                    yield good[-1], dict(zip(header, values)), ""
            return
        for lineno, line in lines:
            try:
                row = msgspec.json.decode(line)
            except msgspec.DecodeError as e:
                yield lineno, None, f"not JSON ({e})"
                continue
            yield (lineno, row, "") if isinstance(row, dict) else (lineno, None, "not a JSON object")

    def __iter__(self) -> Iterator[Entity]:
        for lineno, row, why in self._rows():
            if row is None:
                count_malformed(self, lineno, why)
                continue
            try:
                entity = entity_from_row(row, self.name)
            except (KeyError, ValueError, TypeError, AttributeError) as e:
                count_malformed(self, lineno, f"{type(e).__name__}: {e}")
                continue
            yield entity  # even without names: another source may have names for the same QID
