"""Candidate index over the gazetteer's names, persisted in the gazetteer file itself.

Two match spaces, both computed by :func:`linker.keys.name_forms` at build time:
``k`` — the key (normalised, no spaces; Latin-folded outside Arabic script) and ``s`` — the cross-script
consonant skeleton. The index holds

* per space, a sorted array of 32-bit hashes of every form: a window of running text is tested against it
  without touching SQLite (most windows are not names), and
* for keys, an inverted index of padded character trigrams. Each gram's posting list is sorted by the length of
  the form, so a query reads only the slice of forms a few characters longer or shorter than itself; the
  forms sharing enough grams — a form within two edits shares all but at most six trigrams — are ranked by
  Dice overlap and the best go to rapidfuzz for the final ranking. A query never scans every name.
  A short key two slips away may share no trigram with its query (ڈالیان / ڈوالان share one of six): short
  queries rerank a longer shortlist, and short Urdu ones (whose vowel letters ا و ی ے come and go between
  spellings) also the Urdu keys sharing their consonant skeleton, kept by skeleton hash in memory: read from
  SQLite, they made the slowest lookups wait for the disk until the page cache held the file (1M names: p99
  16 ms on a cold cache, 1.7 ms warm, in one run).
* a word index over multi-word names (each word by key and by skeleton -> the names containing it), for names
  written with a part more or less (خواجہ آصف for خواجہ محمد آصف, تحریک انصاف for پاکستان تحریک انصاف);
* the sound forms (:func:`linker.keys.sound_form`) of the Latin names of organisations and the multi-word ones
  of people, as sorted hashes with their name rows: running text tests every run of words against them to find
  the many such entities that have no Urdu name (عارف علوی: Arif Alvi; سام سنگ: Samsung). A file built before
  them has none (no such matches), and still opens;
* the Latin words the gazetteer's own names attest for Urdu words (روج: Rouge, from بیٹون روج and Baton Rouge,
  two names of one entity), and the Urdu words they attest for Latin words, which spell a name where the
  transliteration model gets it wrong. A file built before them has none, and still opens.

Everything expensive is computed once by :func:`build_index` inside the build and stored as BLOBs; opening an
index maps them with :func:`numpy.frombuffer` (no copy, no parsing), so start-up is fast and memory small.
"""
from __future__ import annotations

import sqlite3
import zlib
from array import array
from collections import Counter
from functools import cached_property, lru_cache, reduce
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .keys import QUALIFIER, name_forms, norm_name, script_of, sound_form, without_qualifier

#: Bump when the tables or the gram scheme below change.
INDEX_VERSION = "6"

INDEX_SCHEMA = "CREATE TABLE lx_blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);"

SPACES = ("k", "s")
_COLUMN = {"k": "key", "s": "skeleton"}
Q = 3
#: Edits a query may be away from a form and still be guaranteed to reach rapidfuzz (each costs <= Q grams).
EDITS = 2
#: ... and a long one (:data:`MAX_QUERY_GRAMS` grams or more): Urdu spells a long foreign name several letters
#: apart (مولود چاوش اوغلو and the build's میولوت چاوش اغلو for Mevlüt Çavuşoğlu: four edits, ratio 0.86, sharing 6
#: of the query's 14 grams where 2 edits needed 8). At 3, the dev objective (bench/tune_lookup.py data) went
#: 0.8394 -> 0.8435 (people +2, spelling variants +1, cross-script -2: long names whose generic words match
#: another's); lookup p99 at 99k names 0.52 -> 0.54 ms.
EDITS_LONG = 3
#: How many gram-overlap candidates rapidfuzz reranks.
SHORTLIST = 150
#: Queries of at most this many characters (Urdu ones) also get the keys sharing their consonant skeleton, and ...
SHORT_QUERY = 7
#: ... this many gram-overlap candidates: a Dice shortlist says little when most candidates share one gram.
SHORT_SHORTLIST = 300
#: Skeleton neighbours are read for a skeleton that at most this many names share.
SKELETON_NAMES = 200
#: A long query uses only this many of its grams (the rarest).
MAX_QUERY_GRAMS = 14
#: Posting lists longer than this are cut to the query's length window (shorter ones are read whole).
_SLICE_FROM = 256
#: Sound forms shorter than this (two consonants) are shared by too many runs of everyday words to be indexed.
MIN_SOUND = 3
#: An Urdu word and the Latin word at its place in another name of the entity are kept when their consonant skeletons
#: are at least this alike (rapidfuzz ratio): جزائر کوکوس is Cocos Islands, word for word جزائر: Cocos.
ATTESTED_SKELETON = 50
#: How many Latin words are kept per Urdu word, the most often attested first.
ATTESTED_PER_WORD = 2
_MAX_LEN = 255  # lengths are stored as uint8; longer forms are clipped (they still match, in the last bucket)


def form_hash(form: str) -> int:
    """Stable 32-bit hash of a form (Python's ``hash`` is salted per process, this one is persisted).

    A collision only costs one SQLite query that finds nothing: with 10^6 forms, one window in ~4,000.
    """
    return zlib.crc32(form.encode("utf-8"))


def form_hashes(forms: list[str]) -> np.ndarray:
    """:func:`form_hash` of each form (the loop runs in C: a text has a hundred windows and more)."""
    return np.fromiter(map(zlib.crc32, map(str.encode, forms)), dtype=np.uint32, count=len(forms))


def grams(form: str) -> set[str]:
    """Distinct character trigrams of a key padded with start and end marks (ab -> ^ab, ab$)."""
    p = f"\x02{form}\x03"
    return {p[i:i + Q] for i in range(len(p) - Q + 1)}


def _length_window(n: int) -> int:
    return 2 + n // 8


def build_index(con: sqlite3.Connection) -> dict[str, int]:
    """Write the index for the names already in ``con``; returns counts for the build summary."""
    con.executescript(INDEX_SCHEMA)
    distinct: dict[str, list[str]] = {}
    for space in SPACES:
        col = _COLUMN[space]
        distinct[space] = [f for (f,) in con.execute(f"SELECT DISTINCT {col} FROM names WHERE {col} != '' "
                                                     f"ORDER BY {col}")]
        hashes = np.unique(np.fromiter(map(form_hash, distinct[space]), dtype=np.uint32))
        _put_blob(con, f"hashes_{space}", hashes.tobytes())
    # Skeletons are short consonant strings (Putin = PTN): edit distance on them says little, so only keys
    # get a gram index.
    forms = distinct["k"]
    lengths = np.minimum(np.fromiter(map(len, forms), dtype=np.int64, count=len(forms)), _MAX_LEN)
    gram_ids: dict[str, int] = {}
    gid_of = gram_ids.setdefault
    pair_gram, pair_form = array("i"), array("i")
    for fid, form in enumerate(forms):
        gs = [gid_of(g, len(gram_ids)) for g in grams(form)]
        pair_gram.extend(gs)
        pair_form.extend([fid] * len(gs))
    f_sorted, starts = _group(pair_gram, pair_form, len(gram_ids), lengths)
    _put_blob(con, "forms", "\n".join(forms).encode("utf-8"))
    _put_blob(con, "posting_lengths", lengths[f_sorted].astype(np.uint8).tobytes())
    _put_postings(con, "gram", gram_ids, f_sorted, starts)
    skeleton_keys = _build_skeleton_keys(con, forms)
    words = _build_words(con)
    sounds = _build_sounds(con)
    attested = _build_attested(con)
    _put_blob(con, "version", INDEX_VERSION.encode())
    return {"keys": len(forms), "skeletons": len(distinct["s"]), "grams": len(gram_ids),
            "gram_postings": len(f_sorted), "skeleton_keys": skeleton_keys, "words": words, "sounds": sounds,
            "attested": attested}


def _build_skeleton_keys(con: sqlite3.Connection, forms: list[str]) -> int:
    """For each skeleton at most :data:`SKELETON_NAMES` names share, the ids (in ``forms``, the sorted keys) of
    those names' Urdu keys, grouped by the skeleton's hash: :meth:`NameIndex._same_skeleton` reads them."""
    key_id = {form: i for i, form in enumerate(forms)}
    # one pass over the table, counted here: filtering by a GROUP BY in SQLite took three times as long
    rows = con.execute("SELECT skeleton, key FROM names NOT INDEXED WHERE skeleton != ''").fetchall()
    shared = Counter(skeleton for skeleton, _ in rows)
    pairs = {(form_hash(skeleton), key_id[key]) for skeleton, key in rows
             if shared[skeleton] <= SKELETON_NAMES and not key.isascii()}
    table = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    hashes, ids = table[np.lexsort((table[:, 1], table[:, 0]))].T
    unique = np.unique(hashes)
    _put_blob(con, "skeleton_hashes", unique.astype(np.uint32).tobytes())
    _put_blob(con, "skeleton_starts", np.searchsorted(hashes, np.append(unique, 1 << 32)).astype(np.int64).tobytes())
    _put_blob(con, "skeleton_keys", ids.astype(np.int32).tobytes())
    return len(pairs)


def _build_words(con: sqlite3.Connection) -> int:
    """Word index of multi-word names: each word's key and skeleton -> the names (rowids) containing it."""
    terms: dict[str, int] = {}
    tid_of = terms.setdefault
    pair_term, pair_row = array("i"), array("i")
    for rowid, norm in con.execute("SELECT rowid, norm FROM names WHERE instr(norm, ' ') > 0"):
        ts = {tid_of(t, len(terms)) for w in norm.split() for t in word_terms(w)}
        pair_term.extend(ts)
        pair_row.extend([rowid] * len(ts))
    rows, starts = _group(pair_term, pair_row, len(terms))
    _put_postings(con, "word", terms, rows, starts)
    return len(terms)


def _build_sounds(con: sqlite3.Connection) -> int:
    """Sound forms of the Latin names of organisations and the multi-word ones of people (a one-word name says
    too little of a person), not their respellings (which sound like too many runs of Urdu words: Maurice Druon
    read as French, Moric Druon, is امریکی ڈرون): sorted hashes, and the name rowid of each."""
    pairs = sorted((form_hash(form), rowid) for rowid, norm in con.execute(
        "SELECT n.rowid, n.norm FROM names n JOIN entities e ON e.id = n.entity_id "
        "WHERE n.script = 'latn' AND n.kind IN ('label', 'alias') "
        "AND (instr(n.norm, ' ') > 0 AND e.coarse = 'PER' OR e.coarse = 'ORG')")
        if len(form := sound_form(norm.split())) >= MIN_SOUND)
    _put_blob(con, "sound_hashes", np.array([h for h, _ in pairs], dtype=np.uint32).tobytes())
    _put_blob(con, "sound_rows", np.array([r for _, r in pairs], dtype=np.int32).tobytes())
    return len(pairs)


def _build_attested(con: sqlite3.Connection) -> int:
    """Urdu word -> Latin words and Latin word -> Urdu words, from each entity's own names (labels and aliases, not
    respellings; without qualifiers and generic words, which the two languages put at different places: جزیرہ
    اسینشن, Ascension Island): an Urdu and a Latin name of as many words, word for word where the two words'
    skeletons are alike (:data:`ATTESTED_SKELETON`), counted once per entity."""
    from .candidates import latin_core, without_generic  # linker.candidates builds on this module

    names: dict[int, tuple[list[list[str]], list[list[str]]]] = {}
    for eid, name, norm, script in con.execute(  # only entities with a real Urdu name have pairs
            "SELECT entity_id, name, norm, script FROM names WHERE kind IN ('label', 'alias') "
            "AND script IN ('urdu', 'latn') "
            "AND entity_id IN (SELECT entity_id FROM names WHERE script = 'urdu' AND kind != 'generated')"):
        if QUALIFIER.search(name):
            norm = norm_name(without_qualifier(name))
        if script_of(norm) == script:
            core = latin_core(norm) if script == "latn" else without_generic(norm)
            names.setdefault(eid, ([], []))[script == "latn"].append(core.split())
    to_latin: dict[str, Counter] = {}
    to_urdu: dict[str, Counter] = {}
    skeleton = lru_cache(maxsize=None)(lambda word: name_forms(word).skeleton)
    for urdu, latin in names.values():
        pairs = {(a, b) for u in urdu for e in latin if len(u) == len(e) for a, b in zip(u, e)
                 if _sound_alike(skeleton(a), skeleton(b))}
        for a, b in pairs:
            to_latin.setdefault(a, Counter())[b] += 1
            to_urdu.setdefault(b, Counter())[a] += 1
    _put_word_lists(con, "attested", to_latin)
    _put_word_lists(con, "attested_urdu", to_urdu)
    return len(to_latin)


def _put_word_lists(con: sqlite3.Connection, name: str, counts: dict[str, Counter]) -> None:
    """word -> its :data:`ATTESTED_PER_WORD` most frequent counterparts (ties in alphabetical order, so that a build
    is reproducible), stored as lines of tab-separated words."""
    lines = ("\t".join([w, *(o for o, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:ATTESTED_PER_WORD])])
             for w, c in sorted(counts.items()))
    _put_blob(con, name, "\n".join(lines).encode("utf-8"))


def _read_word_list(con: sqlite3.Connection, name: str) -> dict[str, tuple[str, ...]]:
    """The word lists :func:`_put_word_lists` stored (none in a file built before them)."""
    row = con.execute("SELECT data FROM lx_blobs WHERE name = ?", (name,)).fetchone()
    return {words[0]: tuple(words[1:]) for line in (row[0] if row else b"").decode("utf-8").splitlines()
            if len(words := line.split("\t")) > 1}


def _sound_alike(a: str, b: str) -> bool:
    """Whether two words' cross-script skeletons are alike enough to be one word in two scripts."""
    return bool(a and b) and fuzz.ratio(a, b) >= ATTESTED_SKELETON


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """What a word of a multi-word name is indexed by: its key, and ("~" +) its cross-script skeleton when that
    has three consonants or more (two, as in سائٹ = ST = سٹیو, match far too much)."""
    f = name_forms(word)
    return (f.key, "~" + f.skeleton) if len(f.skeleton) >= 3 else (f.key,)


def _group(terms: array, ids: array, n_terms: int, lengths: np.ndarray | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """Posting lists from (term id, id) pairs: ids grouped by term (then by length if given, then id)."""
    t = np.frombuffer(terms, dtype=np.int32)
    i = np.frombuffer(ids, dtype=np.int32)
    order = np.lexsort((i, lengths[i], t) if lengths is not None else (i, t))
    return i[order], np.searchsorted(t[order], np.arange(n_terms + 1))


def _put_postings(con: sqlite3.Connection, prefix: str, terms: dict[str, int], ids: np.ndarray,
                  starts: np.ndarray) -> None:
    _put_blob(con, f"{prefix}_terms", "\n".join(terms).encode("utf-8"))
    _put_blob(con, f"{prefix}_starts", starts.astype(np.int64).tobytes())
    _put_blob(con, f"{prefix}_postings", ids.astype(np.int32).tobytes())


def _read_postings(blobs: dict[str, bytes], prefix: str) -> tuple[dict[str, tuple[int, int]], np.ndarray]:
    terms = blobs[f"{prefix}_terms"].decode("utf-8").split("\n") if blobs[f"{prefix}_terms"] else []
    starts = np.frombuffer(blobs[f"{prefix}_starts"], dtype=np.int64).tolist()
    return ({t: (starts[i], starts[i + 1]) for i, t in enumerate(terms)},
            np.frombuffer(blobs[f"{prefix}_postings"], dtype=np.int32))


def _form_offsets(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(start offsets, with one past the end last; lengths in characters) of the newline-separated UTF-8 forms."""
    if not blob:
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32)
    codes = np.frombuffer(blob, dtype=np.uint8)
    starts = np.concatenate(([0], np.flatnonzero(codes == 10) + 1, [len(blob) + 1]))
    # a character is a byte that is not a UTF-8 continuation byte; each form but the last counts its newline
    chars = np.add.reduceat((codes & 0xC0) != 0x80, starts[:-1], dtype=np.int32)
    chars[:-1] -= 1
    return starts, chars


def _put_blob(con: sqlite3.Connection, name: str, data: bytes) -> None:
    con.execute("INSERT INTO lx_blobs VALUES (?, ?)", (name, data))


def _member(rows: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """For each of ``rows``, whether the sorted array ``sorted_ids`` holds it (binary search)."""
    if not len(sorted_ids):
        return np.zeros(len(rows), dtype=bool)
    at = np.searchsorted(sorted_ids, rows)
    at[at == len(sorted_ids)] = 0
    return sorted_ids[at] == rows


@dataclass(frozen=True, slots=True)
class FormHit:
    """A distinct gazetteer key close to the query, and its similarity in [0, 1]."""

    form: str
    sim: float


class NameIndex:
    """Read side of the index: hash membership, exact form -> name rows, fuzzy keys through trigrams.

    Safe to share between threads: every array is read-only.
    """

    def __init__(self, con: sqlite3.Connection):
        self._con = con
        try:
            blobs = dict(con.execute("SELECT name, data FROM lx_blobs"))
        except sqlite3.DatabaseError:
            blobs = {}
        if blobs.get("version", b"").decode() != INDEX_VERSION:
            raise ValueError("the gazetteer's name index is missing or from another version")
        self._hashes = {s: np.frombuffer(blobs[f"hashes_{s}"], dtype=np.uint32) for s in SPACES}
        # the keys stay one UTF-8 blob, cut by offsets on use: half a million str objects would cost ~40 MB
        self._form_blob = blobs["forms"]
        self._form_starts, self._lengths = _form_offsets(self._form_blob)
        self._grams, self._postings = _read_postings(blobs, "gram")
        self._posting_lengths = np.frombuffer(blobs["posting_lengths"], dtype=np.uint8)
        self._words, self._word_postings = _read_postings(blobs, "word")
        self._word_lists = lru_cache(maxsize=50_000)(self._word_lists_uncached)
        self._skeleton_hashes = np.frombuffer(blobs["skeleton_hashes"], dtype=np.uint32)
        self._skeleton_starts = np.frombuffer(blobs["skeleton_starts"], dtype=np.int64)
        self._skeleton_keys = np.frombuffer(blobs["skeleton_keys"], dtype=np.int32)
        self._sound_hashes = np.frombuffer(blobs.get("sound_hashes", b""), dtype=np.uint32)
        self._sound_rows = np.frombuffer(blobs.get("sound_rows", b""), dtype=np.int32)

    def __len__(self) -> int:
        return len(self._lengths)

    def _form(self, i: int) -> str:
        return self._form_blob[self._form_starts[i]:self._form_starts[i + 1] - 1].decode("utf-8")

    @cached_property
    def attested(self) -> dict[str, tuple[str, ...]]:
        """Urdu word -> the Latin words the gazetteer's names attest for it (:func:`_build_attested`); read on first
        use, since only lookup needs them (running text keeps the memory)."""
        return _read_word_list(self._con, "attested")

    @cached_property
    def attested_urdu(self) -> dict[str, tuple[str, ...]]:
        """Latin word -> the Urdu words the gazetteer's names attest for it; read on first use."""
        return _read_word_list(self._con, "attested_urdu")

    def contains(self, space: str, forms: Iterable[str]) -> list[bool]:
        """For each form, whether some gazetteer name has exactly this form in ``space`` (no SQLite access)."""
        forms = list(forms)
        h = self._hashes[space]
        if not forms or not len(h):
            return [False] * len(forms)
        q = form_hashes(forms)
        pos = np.searchsorted(h, q)
        pos[pos == len(h)] = 0
        return (h[pos] == q).tolist()

    def sound_rows(self, forms: list[str]) -> list[list[int]]:
        """For each sound form, the rowids of the people's and organisations' Latin names that have it (a hash
        collision may add a row whose form differs: callers compare)."""
        if not forms or not len(self._sound_hashes):
            return [[] for _ in forms]
        q = form_hashes(forms)
        lo = np.searchsorted(self._sound_hashes, q, "left")
        hi = np.searchsorted(self._sound_hashes, q, "right")
        return [self._sound_rows[a:b].tolist() if b > a else [] for a, b in zip(lo.tolist(), hi.tolist())]

    def word_names(self, word: str, limit: int = 5000) -> list[np.ndarray]:
        """Row ids of the multi-word names containing ``word`` (by key; by skeleton), lists over ``limit`` left out.

        A very common word (محمد، خان) alone says little; the other words of the query find the name.
        """
        return [rows for rows in self._word_lists(word) if len(rows) <= limit]

    def names_with_all(self, words: list[str] | list[tuple[str, ...]]) -> np.ndarray:
        """Row ids of the multi-word names that contain every one of ``words`` (each by key or skeleton); a word
        given as a tuple of alternatives is there when one of them is.

        Starts from the rarest word and keeps the rows the others' lists contain (binary search): a common word's
        list runs to thousands of names, and is never sorted or merged.
        """
        options = []
        for word in words:
            lists = (self._word_lists(word) if isinstance(word, str) else
                     tuple(rows for alt in word for rows in self._word_lists(alt)))
            if not lists:  # most words of running text are in no multi-word name
                return np.zeros(0, dtype=np.int32)
            options.append(lists)
        if not options:
            return np.zeros(0, dtype=np.int32)
        options.sort(key=lambda lists: sum(map(len, lists)))
        rows = reduce(np.union1d, options[0])
        for lists in options[1:]:
            if not len(rows):
                break
            rows = rows[reduce(np.logical_or, (_member(rows, other) for other in lists),
                               np.zeros(len(rows), dtype=bool))]
        return rows

    def _word_lists_uncached(self, word: str) -> tuple[np.ndarray, ...]:
        """The posting lists of a word's terms (key, skeleton) that the word index has."""
        return tuple(self._word_postings[a:b] for a, b in filter(None, map(self._words.get, word_terms(word))))

    def name_rows(self, space: str, form: str) -> list[int]:
        """Row ids of the names whose form in ``space`` equals ``form``."""
        col = _COLUMN[space]
        return [r for (r,) in self._con.execute(f"SELECT rowid FROM names WHERE {col} = ?", (form,))]

    def fuzzy(self, form: str, k: int = 10, min_sim: float = 0.6) -> list[FormHit]:
        """Up to ``k`` distinct keys most similar to ``form`` (rapidfuzz ratio >= ``min_sim``), best first."""
        if not form or not len(self):
            return []
        n = len(form)
        spans = sorted((self._grams[g] for g in grams(form) if g in self._grams), key=lambda ab: ab[1] - ab[0])
        spans = spans[:MAX_QUERY_GRAMS]  # the rarest grams of a long name are enough to find it
        lo_len, hi_len = max(0, n - _length_window(n)), min(_MAX_LEN, n + _length_window(n))
        lists = []
        for a, b in spans:
            if b - a > _SLICE_FROM:  # long list: read only the forms of about the query's length
                lens = self._posting_lengths[a:b]
                a, b = a + int(lens.searchsorted(lo_len, "left")), a + int(lens.searchsorted(hi_len, "right"))
            if b > a:
                lists.append(self._postings[a:b])
        hits = _closest(form, self._shortlist(lists, len(spans), SHORTLIST if n > SHORT_QUERY else SHORT_SHORTLIST),
                        k, min_sim)
        if n <= SHORT_QUERY and not form.isascii():  # an Urdu key: keys fold every other script to ASCII
            hits = sorted({*hits, *_closest(form, self._same_skeleton(form), k, min_sim)},
                          key=lambda h: (-h.sim, h.form))[:k]
        return hits

    def _shortlist(self, lists: list[np.ndarray], n_grams: int, size: int) -> list[str]:
        """The ``size`` forms sharing the most of the query's ``n_grams`` trigrams (by Dice; a form of length m has
        m padded trigrams), among those sharing enough to be within :data:`EDITS` edits (:data:`EDITS_LONG` for a
        query of :data:`MAX_QUERY_GRAMS` grams or more)."""
        if not lists:
            return []
        edits = EDITS_LONG if n_grams >= MAX_QUERY_GRAMS else EDITS
        need = max(1, min(n_grams - Q * edits, len(lists)))
        cand, shared = np.unique(np.concatenate(lists), return_counts=True)
        keep = shared >= need
        cand, shared = cand[keep], shared[keep]
        if len(cand) > size:
            dice = shared / (n_grams + self._lengths[cand])
            cand = np.sort(cand[np.argpartition(-dice, size)[:size]])
        return [self._form(i) for i in cand.tolist()]

    def _same_skeleton(self, form: str) -> list[str]:
        """Urdu keys of the names with the consonant skeleton of the key ``form``, sorted, unless more than
        :data:`SKELETON_NAMES` names share it (as they share most skeletons of one or two consonants): such a
        skeleton says little about the name. (A hash collision may add another skeleton's keys: rapidfuzz ranks
        them with the rest.)"""
        skel = name_forms(form).skeleton
        if not skel:
            return []
        h = form_hash(skel)
        i = int(np.searchsorted(self._skeleton_hashes, h))
        if i == len(self._skeleton_hashes) or self._skeleton_hashes[i] != h:
            return []
        a, b = self._skeleton_starts[i], self._skeleton_starts[i + 1]
        return [self._form(j) for j in self._skeleton_keys[a:b].tolist()]


def _closest(form: str, texts: list[str], k: int, min_sim: float) -> list[FormHit]:
    """The ``k`` of ``texts`` most similar to ``form`` (rapidfuzz ratio >= ``min_sim``), best first; of equal
    scores, rapidfuzz keeps the first in ``texts``, which come sorted."""
    found = process.extract(form, texts, scorer=fuzz.ratio, processor=None, limit=k, score_cutoff=min_sim * 100)
    return [FormHit(texts[i], round(score / 100, 4)) for _, score, i in sorted(found, key=lambda m: (-m[1], m[0]))]
