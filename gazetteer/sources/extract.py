"""Reader for the extract format of ../shared/data/gazetteer (JSONL or TSV, optionally gzipped)."""
from __future__ import annotations

import csv
import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path

from ..record import COARSE_TYPES, Entity

log = logging.getLogger(__name__)


def _open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


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
    """Map one extract row to an :class:`Entity`; raises ValueError/KeyError on a malformed row."""
    qid = row["qid"]
    if not (isinstance(qid, str) and qid.startswith("Q") and qid[1:].isdigit()):
        raise ValueError(f"bad qid {qid!r}")
    labels = {lang: row.get(f"label_{lang}") or "" for lang in ("ur", "en")}
    coarse = row.get("coarse") or "MISC"
    classes = [c.strip() for c in (row.get("type") or "").replace("||", "|").split("|") if c.strip()]
    desc = next((c[len("wd-desc:"):].strip() for c in classes if c.startswith("wd-desc:")), "")
    return Entity(
        qid=qid,
        labels={k: v for k, v in labels.items() if v},
        aliases={lang: _list(row.get(f"aliases_{lang}")) for lang in ("ur", "en")},
        descriptions={"en": desc} if desc else {},
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
    """Streams the extract; malformed rows are counted in ``skipped`` and logged, never fatal."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.skipped = 0

    def _rows(self, f) -> Iterator[dict | None]:
        if ".tsv" in self.path.suffixes:
            yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            return
        for line in f:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                yield None
                continue
            yield row if isinstance(row, dict) else None

    def __iter__(self) -> Iterator[Entity]:
        with _open_text(self.path) as f:
            for n, row in enumerate(self._rows(f), 1):
                try:
                    if row is None:
                        raise ValueError("not a JSON object")
                    yield entity_from_row(row, self.name)
                except (KeyError, ValueError, TypeError) as e:
                    self.skipped += 1
                    log.warning("%s: row %d skipped: %s", self.name, n, e)
