"""People without an Urdu name, found in running text by how their Latin names sound (linker.sounds)."""
import shutil
import sqlite3

import pytest

from linker import Linker
from linker.index import NameIndex
from linker.keys import sound_form
from linker.rank import TEXT_WEIGHTS
from linker.sounds import aligned
from tests.engine_gazetteer import engine_gazetteer, linked_mentions  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def linker(engine_gazetteer):
    return Linker.open(engine_gazetteer)


def test_a_person_news_spells_its_own_way_is_linked_by_sound(linker):
    # The build spells Arif Alvi آریف الوی; Urdu news writes عارف علوی, which no generated spelling matches.
    text = "پاکستان کے صدر عارف علوی نے کہا"
    got = linked_mentions(linker, text)
    m = got["عارف علوی"]
    assert m.qid == "Q4790529" and (m.start, m.end) == (text.index("عارف"), len("پاکستان کے صدر عارف علوی"))
    assert m.why["method"] == "key" and m.why["matched"] in ("Arif Alvi", "Dr. Arif Alvi")
    assert m.why["via"] != "عارف علوی"  # the closest spelling of the gazetteer, not the text's
    assert got["پاکستان"].qid == "Q843"
    assert linked_mentions(linker, "اسرائیل کے وزیر اعظم یائر لپید نے کہا")["یائر لپید"].qid == "Q1396120"


def test_a_name_found_by_sound_ends_where_urdu_names_end(linker):
    # Before a postposition, an honorific or punctuation; not inside a phrase of other words.
    assert linked_mentions(linker, "پاکستان کے صدر عارف علوی صاحب نے کہا")["عارف علوی"].qid == "Q4790529"
    assert linked_mentions(linker, "پاکستان کے صدر عارف علوی، وزیر اعظم")["عارف علوی"].qid == "Q4790529"
    inside = linked_mentions(linker, "پاکستان کے صدر عارف علوی مسائل زدہ علاقہ", threshold=0.0)
    assert "Q4790529" not in {m.qid for m in inside.values()}


def test_a_spelled_letter_before_a_name_is_not_part_of_it(linker):
    # ایم این اے (MNA, member of the National Assembly): the letter اے has no consonant and sounds like nothing.
    text = "پاکستان کے ایم این اے عارف علوی نے کہا"
    got = linked_mentions(linker, text, threshold=0.0)
    assert [(s, m.qid) for s, m in got.items() if m.qid == "Q4790529"] == [("عارف علوی", "Q4790529")]


def test_a_one_word_company_name_written_in_two_words(linker):
    text = "سام سنگ کے سربراہ کو رشوت کے مقدمے میں گرفتار کر لیا گیا۔"
    m = linked_mentions(linker, text, threshold=0.0)["سام سنگ"]
    assert m.qid == "Q20718" and m.why["method"] == "key" and m.start == 0


def test_a_sound_alike_alone_is_not_confident(linker):
    # Without a title or a text about its country, a name found by sound only is a weak candidate.
    assert "عارف علوی" not in linked_mentions(linker, "عارف علوی نے کہا")
    weak = linked_mentions(linker, "عارف علوی نے کہا", threshold=0.0)
    assert weak["عارف علوی"].qid == "Q4790529" and weak["عارف علوی"].score < 0.5


def test_coherence_counts_less_for_a_sound_alike(linker):
    m = linked_mentions(linker, "پاکستان کے صدر عارف علوی نے کہا")["عارف علوی"]
    assert 0 < m.why["context"]["coherent"] < TEXT_WEIGHTS["coherent"]


def test_words_must_sound_alike_in_order():
    assert aligned(("عارف", "علوی"), ("arif", "alvi"))
    assert aligned(("عبدالرشید", "گوڈیل"), ("abdul", "rashid", "godil"))  # one word for two
    assert aligned(("یوگی", "آدتیہ", "ناتھ"), ("yogi", "adityanath"))  # two words for one
    assert sound_form(("کمار", "سنتوشی")) == sound_form(("kumar", "santoshi"))
    assert not aligned(("کمار", "سنتوشی"), ("santosh", "kumar"))  # the same consonants, another name


def test_sound_index_rows(engine_gazetteer):
    con = sqlite3.connect(engine_gazetteer)
    index = NameIndex(con)
    hit, miss = index.sound_rows([sound_form(("عارف", "علوی")), sound_form(("zzq", "xxw"))])
    assert miss == []
    names = {n for (n,) in con.execute(f"SELECT name FROM names WHERE rowid IN ({','.join('?' * len(hit))})", hit)}
    assert "Arif Alvi" in names


def test_a_file_built_before_the_sound_index_still_links(engine_gazetteer, tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(engine_gazetteer, old)
    with sqlite3.connect(old) as con:
        con.execute("DELETE FROM lx_blobs WHERE name IN ('sound_hashes', 'sound_rows')")
    got = linked_mentions(Linker.open(old), "پاکستان کے صدر عارف علوی نے کہا", threshold=0.0)
    assert got["پاکستان"].qid == "Q843" and "عارف علوی" not in got
