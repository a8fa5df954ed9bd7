"""Names the transliteration model spells wrong, found through what the gazetteer itself attests: the words an
entity's names in the other script give a word (روج: Rouge, from بیٹون روج and Baton Rouge; Quetta: کوئٹہ), and
Arabic names without their article."""
import shutil
import sqlite3
from collections import Counter
from contextlib import closing

import pytest

from gazetteer import build
from gazetteer.sources import open_source
from linker import Linker
from linker.index import INDEX_SCHEMA, NameIndex, _put_word_lists, _read_word_list
from linker.store import connect_readonly
from tests.conftest import FIXTURES


# tests/fixtures/attested_entities.jsonl: real QIDs; the entities looked for have Latin names only, and each query
# shares words with the Urdu label of another entity (Norfolk, French Polynesia, Guyana) or its first letters with
# one (Alabama for النعامہ)
@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    out = tmp_path_factory.mktemp("attested") / "gazetteer.sqlite"
    build([open_source(str(FIXTURES / "attested_entities.jsonl"))], out)
    return out


@pytest.fixture(scope="module")
def linker(gazetteer):
    return Linker.open(gazetteer)


@pytest.mark.parametrize("query, qid", [
    # نارفوک is Norfolk in the city's names (romanised, Narfuk): the airport named after it, not the city
    ("نارفوک بین الاقوامی ہوائی اڈا", "Q1432196"),
    # فرانسیسی is French in French Polynesia's names, گیانا in Guyana's: French Guiana, not Guyana
    ("فرانسیسی گیانا", "Q3769"),
    # النعامہ romanised with its article (Alinaama) is nearer Alabama than Naama
    ("صوبہ النعامہ", "Q233675"),
    # Quetta is کوئٹہ in the city's names, which the model spells کوئٹا: the airport, not the city
    ("کوئٹہ بین الاقوامی ہوائی اڈا", "Q31581"),
])
def test_a_name_spelled_with_attested_words_finds_the_latin_only_entity(linker, query, qid):
    cands = linker.lookup(query)
    assert cands and cands[0].qid == qid, [(c.qid, c.label_en, c.score) for c in cands[:3]]


def test_attested_words_come_from_an_entitys_names_whose_words_sound_alike(gazetteer):
    attested = NameIndex(connect_readonly(gazetteer)).attested
    assert attested["روج"] == ("rouge",) and attested["فرانسیسی"] == ("french",)
    assert attested["بیٹن"] == ("baton",)  # from the alias بیٹن روج
    assert NameIndex(connect_readonly(gazetteer)).attested_urdu["rouge"] == ("روج",)  # and the other way
    assert "لوزیانا" not in attested  # a qualifier has no counterpart in the English label
    # جزائر کوکوس is Cocos Islands: the generic words, which Urdu puts first and English last, are left out
    assert attested["کوکوس"] == ("cocos",) and "جزائر" not in attested


def test_a_file_built_before_attested_words_still_looks_up(gazetteer, tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(gazetteer, old)
    with sqlite3.connect(old) as con:
        con.execute("DELETE FROM lx_blobs WHERE name IN ('attested', 'attested_urdu')")
    linker = Linker.open(old)
    assert linker.lookup("نارفوک")[0].qid == "Q49231"
    # without the attested words the airport is out of reach again, as before them
    assert linker.lookup("نارفوک بین الاقوامی ہوائی اڈا")[0].qid != "Q1432196"


def test_ties_between_attested_words_do_not_depend_on_the_order_they_were_counted_in():
    # pairs are counted from sets, whose order varies from one Python process to the next (hash seeds); a build
    # must not
    blobs = []
    for order in (["b", "c", "a"], ["a", "c", "b"]):
        with closing(sqlite3.connect(":memory:")) as con:
            con.executescript(INDEX_SCHEMA)
            _put_word_lists(con, "attested", {"ur": Counter({w: 1 for w in order}), "du": Counter({"x": 2, "y": 1})})
            blobs.append(dict(con.execute("SELECT name, data FROM lx_blobs")))
            assert _read_word_list(con, "attested") == {"du": ("x", "y"), "ur": ("a", "b")}
    assert blobs[0] == blobs[1]
