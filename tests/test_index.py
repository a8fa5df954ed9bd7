"""The candidate index persisted in the gazetteer: hash membership and gram-filtered fuzzy search."""
import json
import sqlite3

import pytest
from rapidfuzz import fuzz

from gazetteer import build
from gazetteer.sources import open_source
from linker import GazetteerError, Linker
from linker.index import NameIndex, _form_offsets
from linker.store import connect_readonly
from tests.engine_gazetteer import engine_gazetteer  # noqa: F401 (fixture)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def index(engine_gazetteer):
    return NameIndex(connect_readonly(engine_gazetteer))


@pytest.fixture(scope="module")
def keys(engine_gazetteer):
    return sorted({k for (k,) in sqlite3.connect(engine_gazetteer).execute("SELECT key FROM names")})


def test_contains_knows_exactly_the_gazetteer_keys(index, keys):
    assert all(index.contains("k", keys))
    assert index.contains("k", ["ماسکو", "ماسکوو", "moscow", "mosco", ""]) == [True, False, True, False, False]


def test_fuzzy_finds_near_misses_best_first(index):
    hits = index.fuzzy("ماسکوو", k=3, min_sim=0.6)
    assert hits[0].form == "ماسکو" and 0.85 < hits[0].sim < 1
    assert [h.sim for h in hits] == sorted((h.sim for h in hits), reverse=True)
    assert index.fuzzy("zzzzqqq", k=5, min_sim=0.6) == []


@pytest.mark.parametrize("query", ["ماسکوو", "پیانگیانک", "کراچى", "moskow", "pyongyan", "tokio", "nort korea"])
def test_fuzzy_agrees_with_brute_force(index, keys, query):
    brute = sorted(((fuzz.ratio(query, k) / 100, k) for k in keys), reverse=True)
    best_sim, best = brute[0]
    assert best_sim >= 0.75, "the query should have a close key in the fixture"
    got = index.fuzzy(query, k=5, min_sim=0.6)
    assert got[0].sim == pytest.approx(round(best_sim, 4)) and got[0].form in {k for s, k in brute if s == best_sim}


def test_k_and_min_sim_are_respected(index):
    assert len(index.fuzzy("ماسکو", k=1, min_sim=0.1)) == 1
    assert all(h.sim >= 0.9 for h in index.fuzzy("ماسکوو", k=10, min_sim=0.9))


def test_short_urdu_query_reaches_a_key_sharing_no_trigram_through_its_skeleton(tmp_path):
    """پسنآن (two vowel-letter slips) shares no trigram with پوسنان, but the consonants P-S-N of both agree."""
    record = {"qid": "Q900000101", "label_ur": "پوسنان", "aliases_ur": [], "label_en": "Posnan", "aliases_en": [],
              "type": "city", "coarse": "LOC", "country": "PL", "lat": "", "lon": "", "population": "", "rank": "0",
              "source": "invented for tests", "source_id": "", "match": "direct", "data_date": ""}
    src = tmp_path / "e.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    build([open_source(str(src))], tmp_path / "g.sqlite")
    con = connect_readonly(tmp_path / "g.sqlite")
    index = NameIndex(con)
    # from memory: reading SQLite there made the slowest lookups wait for the disk
    con.set_authorizer(lambda *_: sqlite3.SQLITE_DENY)
    assert [h.form for h in index.fuzzy("پسنآن", k=5, min_sim=0.6)] == ["پوسنان"]


def test_long_query_reaches_a_key_several_letters_off(tmp_path):
    """مولود چاوش اوغلو is four edits from میولوت چاوش اغلو (ratio 0.86) and shares 6 of its 14 trigrams with it; the
    other two names hold the other 8, so every trigram of the query has a posting list."""
    names = {"Q900000201": "میولوت چاوش اغلو", "Q900000202": "مولود چاوش", "Q900000203": "شاوغلو"}
    src = tmp_path / "e.jsonl"
    src.write_text("".join(json.dumps(
        {"qid": qid, "label_ur": name, "aliases_ur": [], "label_en": "", "aliases_en": [], "type": "human",
         "coarse": "PER", "country": "", "lat": "", "lon": "", "population": "", "rank": "",
         "source": "invented for tests", "source_id": "", "match": "direct", "data_date": ""},
        ensure_ascii=False) + "\n" for qid, name in names.items()), encoding="utf-8")
    build([open_source(str(src))], tmp_path / "g.sqlite")
    index = NameIndex(connect_readonly(tmp_path / "g.sqlite"))
    assert "میولوتچاوشاغلو" in [h.form for h in index.fuzzy("مولودچاوشاوغلو", k=5, min_sim=0.8)]


def test_gazetteer_without_index_is_refused(tmp_path):
    out = tmp_path / "g.sqlite"
    build([open_source(str(FIXTURES / "entities.jsonl"))], out)
    con = sqlite3.connect(out)
    with con:
        con.execute("DELETE FROM lx_blobs WHERE name = 'version'")
    con.close()
    with pytest.raises(GazetteerError, match="rebuild"):
        Linker.open(out)


def test_forms_are_cut_from_their_blob_with_lengths_in_characters():
    forms = ["khasan", "کھاسن", "ariege", "x", "پیانگیانگ"]
    blob = "\n".join(forms).encode("utf-8")
    starts, lengths = _form_offsets(blob)
    assert [blob[starts[i]:starts[i + 1] - 1].decode("utf-8") for i in range(len(forms))] == forms
    assert lengths.tolist() == [len(f) for f in forms]  # characters, not UTF-8 bytes (Urdu letters take two)
    assert _form_offsets(b"")[1].size == 0
