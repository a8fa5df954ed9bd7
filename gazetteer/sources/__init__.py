"""Sources of gazetteer records, all behind one interface: an iterable of :class:`Entity`.

``open_source(spec)`` picks the reader from the spec: ``wikidata``, ``sparql:URL``, a Wikidata JSON dump
(``.json``, ``.json.gz``, ``.json.bz2``) or an extract (``.jsonl[.gz]``, ``.tsv[.gz]``).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ..record import Entity


class SourceError(Exception):
    """A source cannot be read at all (bad path, unknown format, unreachable endpoint)."""


class Source(Protocol):
    """What the builder needs from a source."""

    name: str
    skipped: int  # malformed rows/lines seen so far, counted and skipped

    def __iter__(self) -> Iterator[Entity]: ...


def open_source(spec: str) -> Source:
    from .extract import ExtractSource

    if spec.endswith((".jsonl", ".jsonl.gz", ".tsv", ".tsv.gz")):
        path = Path(spec)
        if not path.is_file():
            raise SourceError(f"no such file: {spec}")
        return ExtractSource(path)
    raise SourceError(f"unknown source {spec!r}: expected wikidata, sparql:URL, a Wikidata JSON dump "
                      f"(.json, .json.gz, .json.bz2) or an extract (.jsonl[.gz], .tsv[.gz])")
