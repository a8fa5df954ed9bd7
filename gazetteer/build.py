"""Build the SQLite gazetteer from sources: merge by QID, compute name forms, replace the file atomically."""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import regex
from tqdm import tqdm

from linker.keys import name_forms
from linker.normalize import NORMALISER_VERSION
from linker.store import INDEXES, SCHEMA, SCHEMA_VERSION

from .record import Entity
from .sources import Source

_CITATION = regex.compile(r"\s*\[\d+\]")


@dataclass
class BuildStats:
    entities: int = 0
    names: int = 0
    urdu_names: int = 0
    merged: int = 0          # records folded into an entity already seen from another record
    skipped: int = 0         # malformed rows/lines across all sources
    seconds: float = 0.0
    sources: list[str] = field(default_factory=list)


def entity_names(entity: Entity) -> Iterator[tuple[str, str, str]]:
    """(name, lang, kind) for every distinct label and alias, citation marks removed."""
    seen: set[tuple[str, str]] = set()
    for kind, items in (("label", ((l, [n]) for l, n in entity.labels.items())),
                        ("alias", entity.aliases.items())):
        for lang, names in items:
            for name in names:
                name = _CITATION.sub("", name).strip()
                if name and (name, lang) not in seen:
                    seen.add((name, lang))
                    yield name, lang, kind


def _collect(sources: Iterable[Source], limit: int | None, stats: BuildStats,
             progress: bool) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    with tqdm(unit=" entities", disable=not progress, desc="reading", smoothing=0.1) as bar:
        for source in sources:
            stats.sources.append(source.name)
            for entity in source:
                seen = merged.get(entity.qid)
                if seen is None:
                    if limit is not None and len(merged) >= limit:
                        break
                    merged[entity.qid] = entity
                else:
                    seen.merge(entity)
                    stats.merged += 1
                bar.update()
            stats.skipped += source.skipped
    return merged


def _write(con: sqlite3.Connection, entities: dict[str, Entity], stats: BuildStats) -> None:
    con.executescript(SCHEMA)
    ent_rows, name_rows = [], []
    for eid, e in enumerate(entities.values(), 1):
        ent_rows.append((eid, e.qid, e.labels.get("en", ""), e.labels.get("ur", ""),
                         e.descriptions.get("en", ""), e.coarse, "|".join(e.classes), e.country,
                         e.lat, e.lon, e.population, e.prior()))
        for name, lang, kind in entity_names(e):
            f = name_forms(name)
            if not f.key:
                continue
            name_rows.append((eid, name, lang, kind, f.norm, f.key, f.skeleton, f.script))
            stats.urdu_names += lang == "ur"
    con.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", ent_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?,?)", name_rows)
    con.executescript(INDEXES)
    stats.entities, stats.names = len(ent_rows), len(name_rows)


def build(sources: Iterable[Source], out: str | os.PathLike, *, limit: int | None = None,
          progress: bool = False) -> BuildStats:
    """Read every source, merge records by QID and atomically replace ``out`` with the new gazetteer.

    The file is written under a temporary name in the same directory and renamed only when complete,
    so a build that fails or is killed leaves the previous gazetteer untouched.
    """
    t0 = time.perf_counter()
    stats = BuildStats()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    entities = _collect(sources, limit, stats, progress)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        with con:
            _write(con, entities, stats)
            stats.seconds = round(time.perf_counter() - t0, 2)
            meta = {"schema_version": SCHEMA_VERSION, "normaliser_version": NORMALISER_VERSION,
                    "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "sources": json.dumps(stats.sources), "stats": json.dumps(asdict(stats))}
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; servers may run as another user
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return stats
