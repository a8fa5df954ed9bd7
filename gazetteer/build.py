"""Build the SQLite gazetteer from sources: merge by QID, expand names, replace the file atomically.

Steps: :func:`collect` reads every source and merges records by QID; :func:`expand_names` turns one
entity into its name rows (the one place that decides which names an entity has and their match forms);
:func:`write` fills the tables; :func:`build` runs them into a temporary file that replaces the old
gazetteer only when complete.
"""
from __future__ import annotations

import errno
import fcntl
import gc
import glob
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from itertools import islice
from pathlib import Path

import regex
from tqdm import tqdm

from linker.index import build_index
from linker.keys import name_forms
from linker.names import for_entity as generated_names
from linker.normalize import NORMALISER_VERSION
from linker.respell import respellings
from linker.store import INDEXES, SCHEMA, SCHEMA_VERSION
from linker.translit import unload as unload_transliterator

from .record import LANGS, Entity
from .sources import Source

log = logging.getLogger(__name__)

_CITATION = regex.compile(r"\s*\[\d+\]")
_CHUNK = 5000          # entities written per batch: bounds the memory of the write step
_STALE_EMPTY_S = 60    # an empty temp file younger than this may be a build that has not locked it yet

#: (name, lang, kind, norm, key, skeleton, script): one row of the names table without its entity id.
NameRow = tuple[str, str, str, str, str, str, str]


class BuildError(Exception):
    """The build produced nothing usable; the previous gazetteer is kept."""


@dataclass
class BuildStats:
    entities: int = 0
    names: int = 0
    urdu_names: int = 0      # Urdu labels and aliases (lang "ur", not generated)
    urdu_entities: int = 0   # entities with at least one of them
    generated: int = 0       # generated spellings (kind "generated")
    merged: int = 0          # records folded into an entity already seen from another record
    skipped: int = 0         # malformed rows/lines across all sources (counted, logged, skipped)
    filtered: int = 0        # well-formed records left out (not items, not selected, no usable names)
    seconds: float = 0.0
    #: {coarse: {country: [entities with an Urdu label of their own, entities]}}: how much of each country Urdu
    #: writers cover (:func:`linker.rank.urdu_shares`); an entity of several countries counts in each, one of
    #: none under "".
    urdu_labelled: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # wall seconds per phase
    sources: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.entities:,} entities, {self.names:,} names ({self.urdu_names:,} Urdu names, "
                f"{self.urdu_entities:,} entities with one; {self.generated:,} generated), {self.merged:,} merged, "
                f"{self.skipped:,} skipped rows, {self.filtered:,} filtered, {self.seconds:.1f} s")


def entity_names(entity: Entity) -> Iterator[tuple[str, str, str]]:
    """(name, lang, kind) for each distinct label and alias: labels first, languages in :data:`LANGS` order.

    Citation marks ("Kim Jong Un[14]") are removed; a name met again in another language is not repeated.
    """
    order = {lang: i for i, lang in enumerate(LANGS)}
    seen: set[str] = set()
    for kind, by_lang in (("label", {lang: [n] for lang, n in entity.labels.items()}), ("alias", entity.aliases)):
        for lang in sorted(by_lang, key=lambda lang: order.get(lang, len(order))):
            for name in by_lang[lang]:
                name = _CITATION.sub("", name).strip()
                if name and name not in seen:
                    seen.add(name)
                    yield name, lang, kind


def expand_names(entity: Entity) -> list[NameRow]:
    """Every name row of one entity, with the match forms of :mod:`linker.keys` (names without any are dropped)."""
    rows: list[NameRow] = []
    own = list(entity_names(entity))
    if not any(lang == "ur" for _, lang, _ in own):  # a stand-in for the Urdu name nobody recorded, as generated ones
        own += respellings(own, entity.country)  # Chomutov: Khomutov, as Czech reads it
    keys: set[str] = set()
    for name, lang, kind in own + generated_names(entity, own):  # + Urdu spellings of Latin-only names
        f = name_forms(name)
        if f.key and not (kind == "respelled" and f.key in keys):
            keys.add(f.key)
            rows.append((name, lang, kind, f.norm, f.key, f.skeleton, f.script))
    return rows


def collect(sources: Iterable[Source], stats: BuildStats, *, limit: int | None = None,
            progress: bool = False) -> dict[str, Entity]:
    """Read every source and merge records by QID.

    Entities still without any name after merging are dropped (counted as filtered); country QIDs (P17)
    become ISO codes where a source knows them.
    """
    merged: dict[str, Entity] = {}
    codes: dict[str, str] = {}
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
            stats.filtered += source.filtered
            codes.update(getattr(source, "country_codes", {}))
    nameless = [qid for qid, entity in merged.items() if not entity.has_names()]
    for qid in nameless:
        del merged[qid]
    stats.filtered += len(nameless)
    if codes:
        for entity in merged.values():
            entity.country = codes.get(entity.country, entity.country)
    return merged


def _entity_row(eid: int, e: Entity) -> tuple:
    return (eid, e.qid, e.labels.get("en", ""), e.labels.get("ur", ""), e.descriptions.get("en", ""),
            e.descriptions.get("ur", ""), e.coarse, "|".join(e.classes), e.country, e.lat, e.lon, e.population,
            e.sitelinks, e.prior())


def _count_labelled(counts: dict[str, dict[str, list[int]]], e: Entity) -> None:
    """Count ``e`` in :attr:`BuildStats.urdu_labelled`, under each of its countries ("CA | US")."""
    by_country = counts.setdefault(e.coarse, {})
    for country in {c.strip() for c in e.country.split("|")}:
        n = by_country.setdefault(country, [0, 0])
        n[0] += bool(e.labels.get("ur"))
        n[1] += 1


def write(con: sqlite3.Connection, entities: dict[str, Entity], stats: BuildStats, *,
          progress: bool = False) -> None:
    """Create the tables and fill them, in batches of entities with their names, then index them.

    Empties ``entities`` as they are written.
    """
    con.executescript(SCHEMA)
    # each entity is let go once taken: its memory serves the memos of name generation as the build goes on
    numbered = enumerate((entities.pop(qid) for qid in list(entities)), 1)
    names_s = insert_s = 0.0
    with tqdm(total=len(entities), unit=" entities", disable=not progress, desc="writing") as bar:
        while chunk := list(islice(numbered, _CHUNK)):
            t0 = time.perf_counter()
            ent_rows, name_rows = [], []
            for eid, entity in chunk:
                ent_rows.append(_entity_row(eid, entity))
                _count_labelled(stats.urdu_labelled, entity)
                names = expand_names(entity)
                name_rows += [(eid, *row) for row in names]
                urdu = sum(row[1] == "ur" and row[2] != "generated" for row in names)
                stats.urdu_names += urdu
                stats.urdu_entities += urdu > 0
                stats.generated += sum(row[2] == "generated" for row in names)
            t1 = time.perf_counter()
            con.executemany(f"INSERT INTO entities VALUES ({','.join('?' * len(ent_rows[0]))})", ent_rows)
            con.executemany(f"INSERT INTO names VALUES ({','.join('?' * 8)})", name_rows)
            names_s, insert_s = names_s + t1 - t0, insert_s + time.perf_counter() - t1
            stats.entities += len(ent_rows)
            stats.names += len(name_rows)
            bar.update(len(chunk))
    # the records are in the file now, and so are their names' spellings: the transliterator's tables and memos
    # are not needed to index, which needs memory too
    unload_transliterator()
    gc.collect()  # (its character models' states refer to each other)
    t0 = time.perf_counter()
    con.executescript(INDEXES)
    build_index(con)  # the linker's candidate index (hash filters, gram postings), persisted in the file
    stats.timings.update(names=round(names_s, 2), insert=round(insert_s, 2),
                         index=round(time.perf_counter() - t0, 2))


def _write_meta(con: sqlite3.Connection, stats: BuildStats) -> None:
    try:
        version = metadata.version("urdu-linker")
    except metadata.PackageNotFoundError:
        version = "unknown"
    meta = {"schema_version": SCHEMA_VERSION, "normaliser_version": NORMALISER_VERSION,
            "builder": f"urdu-linker {version}",
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "sources": json.dumps(stats.sources, ensure_ascii=False),
            "stats": json.dumps({k: v for k, v in asdict(stats).items() if k != "urdu_labelled"}, ensure_ascii=False),
            "urdu_labelled": json.dumps(stats.urdu_labelled, ensure_ascii=False, sort_keys=True)}
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def remove_stale_temps(out: Path) -> list[Path]:
    """Delete temporary files of earlier builds of ``out`` that were killed; returns what it deleted.

    Every running build holds an exclusive flock on its temporary file (released by the kernel when the
    process dies, even by kill -9), so a file that can be locked belongs to no running build. A file that is
    still empty and new is left alone: it may be a build between creating its file and locking it.
    """
    removed = []
    for path in map(Path, glob.glob(str(out.parent / f".{glob.escape(out.name)}.*.tmp"))):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            st = os.fstat(fd)
            if st.st_size == 0 and time.time() - st.st_mtime < _STALE_EMPTY_S:
                continue
            path.unlink(missing_ok=True)
            removed.append(path)
            log.info("removed %s, left by a build that was killed", path)
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
        finally:
            os.close(fd)
    return removed


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A locked temporary file beside ``out``, renamed onto ``out`` if the block completes, else deleted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    tmp = Path(name)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield tmp
        os.fsync(fd)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; servers may run as another user
        os.replace(tmp, out)
        dir_fd = os.open(out.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # make the rename itself durable
        finally:
            os.close(dir_fd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def build(sources: Iterable[Source], out: str | os.PathLike, *, limit: int | None = None,
          progress: bool = False) -> BuildStats:
    """Read every source, merge records by QID and atomically replace ``out`` with the new gazetteer.

    The file is written under a temporary name in the same directory and renamed only when complete, so a
    build that fails or is killed leaves the previous gazetteer untouched. Raises :class:`BuildError` (and
    keeps the previous file) when the sources yield no entity at all.
    """
    t0 = time.perf_counter()
    stats = BuildStats()
    with _replacing(Path(out)) as tmp:
        entities = collect(sources, stats, limit=limit, progress=progress)
        stats.timings["read"] = round(time.perf_counter() - t0, 2)
        if not entities:
            raise BuildError(f"no entities read from {', '.join(stats.sources) or 'no sources'} "
                             f"({stats.skipped:,} malformed rows skipped, {stats.filtered:,} filtered); "
                             f"{out} left as it was")
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            with con:
                write(con, entities, stats, progress=progress)
                stats.seconds = round(time.perf_counter() - t0, 2)
                _write_meta(con, stats)
        finally:
            con.close()
    return stats
