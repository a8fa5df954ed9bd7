import sqlite3

import pytest

from gazetteer import build
from gazetteer.sources import open_source
from linker import GazetteerError, Linker
from tests.conftest import FIXTURES


def test_lookup_urdu_and_latin_reach_the_same_entity(fixture_gazetteer):
    linker = Linker.open(fixture_gazetteer)
    assert linker.lookup("ماسکو")[0].qid == "Q649"
    assert linker.lookup("moscow")[0].qid == "Q649"
    assert linker.lookup("Москва")[0].qid == "Q649"


def test_lookup_ignores_arabic_lookalikes_and_spacing(fixture_gazetteer):
    linker = Linker.open(fixture_gazetteer)
    assert linker.lookup("كراچي")[0].qid == "Q8660"          # Arabic kaf and yeh
    assert linker.lookup("پیانگیانگ")[0].qid == "Q18808"     # space omitted


def test_citation_marks_are_stripped_from_aliases(fixture_gazetteer):
    con = sqlite3.connect(fixture_gazetteer)
    names = {n for (n,) in con.execute("SELECT name FROM names")}
    assert "Kim Jong Un" in names and "Kim Jong Un[14]" not in names


def test_gazetteer_from_another_normaliser_is_refused(tmp_path):
    out = tmp_path / "g.sqlite"
    build([open_source(str(FIXTURES / "entities.jsonl"))], out)
    con = sqlite3.connect(out)
    with con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'normaliser_version'")
    con.close()
    with pytest.raises(GazetteerError, match="rebuild"):
        Linker.open(out)


def test_missing_gazetteer_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="gazetteer-rebuild"):
        Linker.open(tmp_path / "nope.sqlite")
