"""The gazetteer file: one SQLite database, written by ``gazetteer.build``, read here (read-only)."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .normalize import NORMALISER_VERSION

#: Bump when the tables below change shape.
SCHEMA_VERSION = "2"

#: meta keys: schema_version, normaliser_version, builder, built_at, sources, stats and urdu_labelled (JSON counts
#: of Urdu-labelled entities per type and country, read by linker.candidates; absent from files built before it,
#: which still open: the ranking feature it feeds is then neutral).
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    qid TEXT NOT NULL UNIQUE,
    label_en TEXT NOT NULL DEFAULT '',
    label_ur TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',  -- English
    description_ur TEXT NOT NULL DEFAULT '',
    coarse TEXT NOT NULL DEFAULT 'MISC',   -- PER / LOC / ORG / MISC
    classes TEXT NOT NULL DEFAULT '',      -- fine classes, '|'-joined, highest priority first
    country TEXT NOT NULL DEFAULT '',      -- ISO 3166-1 alpha-2, else the P17 QID
    lat REAL, lon REAL, population INTEGER,
    sitelinks INTEGER,                     -- Wikidata sitelink count (NULL from extracts)
    prior REAL NOT NULL DEFAULT 0          -- prominence in [0, 1]
);
CREATE TABLE names (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,                    -- label / alias / respelled / generated
    norm TEXT NOT NULL,
    key TEXT NOT NULL,
    skeleton TEXT NOT NULL,
    script TEXT NOT NULL
);
"""

INDEXES = """
CREATE INDEX names_norm ON names(norm);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_skeleton ON names(skeleton);
CREATE INDEX names_entity ON names(entity_id);
"""


class GazetteerError(Exception):
    """The gazetteer file is missing, unreadable or was built by an incompatible version."""


def default_path() -> Path:
    """``$URDU_LINKER_GAZETTEER``, else a per-user data path (XDG)."""
    env = os.environ.get("URDU_LINKER_GAZETTEER")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "urdu-linker" / "gazetteer.sqlite"


def connect_readonly(path: str | os.PathLike | None = None) -> sqlite3.Connection:
    """Open a gazetteer read-only and check that this code can read it."""
    path = Path(path) if path is not None else default_path()
    if not path.is_file():
        raise GazetteerError(f"no gazetteer at {path}: build one with gazetteer-rebuild (see README)")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        meta = dict(con.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as e:
        raise GazetteerError(f"{path} is not a gazetteer file ({e})") from e
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise GazetteerError(f"{path} has schema version {meta.get('schema_version')}, this code reads "
                             f"{SCHEMA_VERSION}: rebuild it with gazetteer-rebuild")
    if meta.get("normaliser_version") != NORMALISER_VERSION:
        raise GazetteerError(f"{path} was built with normaliser version {meta.get('normaliser_version')}, "
                             f"this code uses {NORMALISER_VERSION}: rebuild it with gazetteer-rebuild")
    return con


def read_meta(con: sqlite3.Connection) -> dict[str, object]:
    """Build metadata; JSON values (counts, sources) decoded."""
    out: dict[str, object] = {}
    for k, v in con.execute("SELECT key, value FROM meta"):
        try:
            out[k] = json.loads(v)
        except ValueError:
            out[k] = v
    return out
