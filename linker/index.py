"""Candidate index over the gazetteer's names, persisted in the gazetteer file itself.

Two match spaces, both computed by :func:`linker.keys.name_forms` at build time:
``k`` — the key (normalised, no spaces; Latin-folded outside Arabic script) and ``s`` — the cross-script
consonant skeleton. The index holds

* per space, a sorted array of 64-bit hashes of every form: a window of running text is tested against it
  without touching SQLite (most windows are not names), and
* for keys, a padded character bigram + trigram inverted index over the distinct forms (posting lists as
  BLOBs), which yields a short list of candidates that rapidfuzz then reranks. A query never scans every name.

Everything expensive is computed once by :func:`build_index` inside the build; :class:`NameIndex` only reads
BLOBs at open time (a few MB) and fetches posting lists on demand, so start-up is fast and memory small.
"""
from __future__ import annotations

import hashlib
import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

#: Bump when the tables or the gram scheme below change.
INDEX_VERSION = "1"

INDEX_SCHEMA = """
CREATE TABLE lx_blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE lx_grams (gram TEXT PRIMARY KEY, ids BLOB NOT NULL) WITHOUT ROWID;
"""

SPACES = ("k", "s")
_COLUMN = {"k": "key", "s": "skeleton"}
#: Share of the query's grams a candidate must have (count filter; low enough for a few edits in short names).
_MIN_SHARED = 0.3
#: How many gram-overlap candidates rapidfuzz reranks.
_SHORTLIST = 80


def form_hash(form: str) -> int:
    """Stable 64-bit hash of a form (Python's ``hash`` is salted per process, this one is persisted)."""
    return int.from_bytes(hashlib.blake2b(form.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def grams(form: str) -> set[str]:
    """Distinct padded character bigrams and trigrams of a key.

    Bigrams keep short names findable after an edit; trigrams make the posting lists of long names short.
    """
    p = f"\x02{form}\x03"
    n = len(p)
    return {p[i:i + 2] for i in range(n - 1)} | {p[i:i + 3] for i in range(n - 2)}


def build_index(con: sqlite3.Connection) -> dict[str, int]:
    """Write the index tables for the names already in ``con``; returns counts for the build summary."""
    con.executescript(INDEX_SCHEMA)
    distinct: dict[str, list[str]] = {}
    for space in SPACES:
        col = _COLUMN[space]
        distinct[space] = [f for (f,) in con.execute(f"SELECT DISTINCT {col} FROM names WHERE {col} != '' "
                                                     f"ORDER BY {col}")]
        hashes = np.unique(np.fromiter(map(form_hash, distinct[space]), dtype=np.int64))
        _put_blob(con, f"hashes_{space}", hashes.tobytes())
    # Skeletons are short consonant strings (Putin = PTN): edit distance on them says little, so only keys
    # get a gram index.
    forms = distinct["k"]
    postings: dict[str, list[int]] = defaultdict(list)
    for fid, form in enumerate(forms):
        for g in grams(form):
            postings[g].append(fid)
    offsets = np.zeros(len(forms) + 1, dtype=np.int64)
    np.cumsum([len(f) for f in forms], out=offsets[1:])
    _put_blob(con, "forms", "".join(forms).encode("utf-8"))
    _put_blob(con, "offsets", offsets.tobytes())
    con.executemany("INSERT INTO lx_grams VALUES (?, ?)",
                    ((g, np.asarray(ids, dtype=np.uint32).tobytes()) for g, ids in postings.items()))
    _put_blob(con, "version", INDEX_VERSION.encode())
    return {"keys": len(forms), "skeletons": len(distinct["s"]), "grams": len(postings)}


def _put_blob(con: sqlite3.Connection, name: str, data: bytes) -> None:
    con.execute("INSERT INTO lx_blobs VALUES (?, ?)", (name, data))


@dataclass(frozen=True, slots=True)
class FormHit:
    """A distinct gazetteer key close to the query, and its similarity in [0, 1]."""

    form: str
    sim: float


class NameIndex:
    """Read side of the index: hash membership, exact form -> name rows, fuzzy forms through bigrams."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con
        blobs = dict(con.execute("SELECT name, data FROM lx_blobs"))
        if blobs.get("version", b"").decode() != INDEX_VERSION:
            raise ValueError("the gazetteer's name index is missing or from another version")
        self._hashes = {s: np.frombuffer(blobs[f"hashes_{s}"], dtype=np.int64) for s in SPACES}
        self._forms = blobs["forms"].decode("utf-8")
        self._offsets = np.frombuffer(blobs["offsets"], dtype=np.int64)
        self._lengths = np.diff(self._offsets).astype(np.int32)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def contains(self, space: str, forms: Iterable[str]) -> list[bool]:
        """For each form, whether some gazetteer name has exactly this form in ``space`` (no SQLite access)."""
        forms = list(forms)
        if not forms:
            return []
        h = self._hashes[space]
        q = np.fromiter((form_hash(f) for f in forms), dtype=np.int64, count=len(forms))
        pos = np.searchsorted(h, q)
        pos[pos == len(h)] = 0
        return (h[pos] == q).tolist() if len(h) else [False] * len(forms)

    def name_rows(self, space: str, form: str) -> list[int]:
        """Row ids of the names whose form in ``space`` equals ``form``."""
        col = _COLUMN[space]
        return [r for (r,) in self._con.execute(f"SELECT rowid FROM names WHERE {col} = ?", (form,))]

    def _form(self, fid: int) -> str:
        return self._forms[self._offsets[fid]:self._offsets[fid + 1]]

    def _postings(self, qgrams: list[str]) -> list[np.ndarray]:
        marks = ",".join("?" * len(qgrams))
        rows = self._con.execute(f"SELECT ids FROM lx_grams WHERE gram IN ({marks})", qgrams)
        return sorted((np.frombuffer(b, dtype=np.uint32) for (b,) in rows), key=len)

    def fuzzy(self, form: str, k: int = 10, min_sim: float = 0.6) -> list[FormHit]:
        """Up to ``k`` distinct keys most similar to ``form`` (rapidfuzz ratio >= ``min_sim``).

        Count filtering with prefix filtering: a form sharing at least ``need`` of the query's G grams must occur
        in one of the G - need + 1 shortest posting lists, so only those are scanned; the longer lists are probed
        by binary search for the candidates alone.
        """
        if not form or not len(self):
            return []
        qgrams = list(grams(form))
        lists = self._postings(qgrams)
        if not lists:
            return []
        need = max(1, math.ceil(len(qgrams) * _MIN_SHARED))
        scanned = max(1, len(lists) - need + 1)
        cand, shared = np.unique(np.concatenate(lists[:scanned]), return_counts=True)
        for a in lists[scanned:]:
            pos = np.searchsorted(a, cand)
            pos[pos == len(a)] = 0
            shared += a[pos] == cand
        ok = shared >= min(need, len(lists))
        cand, shared = cand[ok], shared[ok]
        if len(cand) > _SHORTLIST:  # keep the best by Dice on grams
            dice = shared / (len(qgrams) + self._ngrams(cand))
            cand = cand[np.argsort(-dice, kind="stable")[:_SHORTLIST]]
        texts = [self._form(int(i)) for i in cand]
        found = process.extract(form, texts, scorer=fuzz.ratio, processor=None, limit=k,
                                score_cutoff=min_sim * 100)
        return [FormHit(texts[i], round(score / 100, 4)) for _, score, i in found]

    def _ngrams(self, fids: np.ndarray) -> np.ndarray:
        """Number of grams of each form (its length + 1 padded bigrams + its length padded trigrams)."""
        return 2 * self._lengths[fids] + 1


