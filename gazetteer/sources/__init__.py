"""Sources of gazetteer records, all behind one interface: an iterable of :class:`Entity`.

``open_source(spec)`` picks the reader from the spec: ``wikidata``, ``sparql:URL``, a Wikidata JSON dump
(``.json``, ``.json.gz``, ``.json.bz2``) or an extract (``.jsonl[.gz]``, ``.tsv[.gz]``).
"""
from __future__ import annotations

import bz2
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from isal import igzip, igzip_lib

from ..record import Entity

log = logging.getLogger(__name__)

WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"


class SourceError(Exception):
    """A source cannot be read at all (bad path, unknown format, unreachable endpoint, corrupt file)."""


class Source(Protocol):
    """What the builder needs from a source.

    A source may also have ``country_codes`` (country QID -> ISO 3166-1 code) for the builder to resolve
    P17 values given as QIDs.
    """

    name: str
    skipped: int   # malformed rows/lines seen so far: counted, logged and skipped
    filtered: int  # well-formed records deliberately left out (not items, not selected, no usable name)

    def __iter__(self) -> Iterator[Entity]: ...


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return io.BufferedReader(igzip.open(path, "rb"), _BUFFER)
    if path.suffix == ".bz2":
        return io.BufferedReader(bz2.open(path, "rb"), _BUFFER)
    return open(path, "rb", buffering=_BUFFER)


def read_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line as read, end-of-line included) of a plain, gzip or bzip2 file, streamed; blank
    lines left out. A truncated or corrupt file raises :class:`SourceError` naming the last good line.
    """
    lineno = 0
    try:
        with _open_binary(path) as f:
            for lineno, line in enumerate(f, 1):
                if not line.isspace():
                    yield lineno, line
    except (OSError, EOFError, zlib.error, igzip_lib.IsalError) as e:
        raise SourceError(f"{path.name}: unreadable after line {lineno}: {e}") from None


_LOGGED = 20  # malformed rows logged one by one per source; the rest are only counted


def count_malformed(source: Source, lineno: int, why: str) -> None:
    """Count a malformed row of ``source`` and log it (the first few individually)."""
    source.skipped += 1
    if source.skipped <= _LOGGED:
        log.warning("%s: line %d skipped: %s", source.name, lineno, why)
    elif source.skipped == _LOGGED + 1:
        log.warning("%s: more malformed lines; counting them without logging each", source.name)


_BUFFER = 1 << 20  # dump lines are often tens of kilobytes

_EXTRACT = (".jsonl", ".jsonl.gz", ".tsv", ".tsv.gz")
_DUMP = (".json", ".json.gz", ".json.bz2")


def open_source(spec: str, *, min_sitelinks: int | None = None, timeout: float | None = None,
                page_size: int | None = None, retries: int | None = None) -> Source:
    """The reader for ``spec``. Raises :class:`SourceError` for an unknown spec or a missing file.

    ``min_sitelinks`` (Wikidata sources): keep items without an Urdu name only from this many sitelinks on.
    ``timeout``, ``page_size`` and ``retries`` apply to SPARQL sources. ``None`` means each reader's default.
    """
    from .dump import DumpSource
    from .extract import ExtractSource
    from .sparql import SparqlSource

    wikidata_opts = {} if min_sitelinks is None else {"min_sitelinks": min_sitelinks}
    if spec == "wikidata" or spec.startswith("sparql:"):
        url = WIKIDATA_ENDPOINT if spec == "wikidata" else spec[len("sparql:"):]
        if not url.startswith(("http://", "https://")):
            raise SourceError(f"bad SPARQL source {spec!r}: expected sparql:http(s)://host/path")
        sparql_opts = {k: v for k, v in (("timeout", timeout), ("page_size", page_size), ("retries", retries))
                       if v is not None}
        return SparqlSource(url, **wikidata_opts, **sparql_opts)
    if spec.endswith(_EXTRACT + _DUMP):
        path = Path(spec)
        if not path.is_file():
            raise SourceError(f"no such file: {spec}")
        if spec.endswith(_EXTRACT):
            return ExtractSource(path)
        return DumpSource(path, **wikidata_opts)
    raise SourceError(f"unknown source {spec!r}: expected wikidata, sparql:URL, a Wikidata JSON dump "
                      f"(.json, .json.gz, .json.bz2) or an extract (.jsonl[.gz], .tsv[.gz])")
