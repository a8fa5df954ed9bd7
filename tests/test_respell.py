"""Latin names respelled by their country's language (Chomutov: Khomutov), so that Urdu written the way the name
sounds in its own language (خومتو، ژاک شیراک) finds an entity that has Latin names only."""
import unicodedata

import pytest

from gazetteer import build
from gazetteer.build import expand_names
from gazetteer.record import Entity
from gazetteer.sources import open_source
from linker import Linker
from linker.respell import language, respell, respellings
from tests.conftest import FIXTURES


@pytest.mark.parametrize("name, lang, sound", [
    ("Chomutov", "cs", "Khomutov"),            # Czech ch is kh
    ("Szczecin", "pl", "Shchetsin"),           # Polish sz, cz, c
    ("Kętrzyn", "pl", "Kentshin"),             # ę is a nasal e; rz after t is sh
    ("Ciechanów", "pl", "Chekhanuv"),          # ci before a vowel is ch (ć), ch is kh, ó is u, w is v
    ("Eceabat", "tr", "Ejeabat"),              # Turkish c is j
    ("Recep Erdoğan", "tr", "Rejep Erdoghan"),  # ğ as Urdu writes it (اردوغان)
    ("Çavuşoğlu", "tr", "Chavush oghlu"),       # -oğlu ("son of") a word of its own, as Urdu writes it (اوغلو)
    ("Steinmeier", "de", "Shtainmaier"),        # st- and sp- begin with sh
    ("Jujuy", "es", "Khukhui"),                # Spanish j is kh
    ("Madridejos", "ph", "Madridehos"),        # but h in the Philippines
    ("Corella", "ph", "Coreya"),
    ("Jacques Chirac", "fr", "Zhak Shirac"),   # French j, ch; silent final -es
    ("Joachim Gauck", "de", "Yoakhim Gauk"),
    ("Xgħajra", "mt", "Shayra"),               # Maltese x is sh; għ is silent
    ("Gjirokastër", "sq", "Jirokastar"),       # Albanian gj is j (and no j -> y after it)
    ("Xi Jinping", "zh", "Shi Jinping"),       # pinyin x is sh
])
def test_a_name_is_respelled_as_its_language_reads_it(name, lang, sound):
    assert respell(name, lang) == sound


def test_decomposed_letters_are_respelled_as_composed_ones():
    assert respell(unicodedata.normalize("NFD", "České Budějovice"), "cs") == respell("České Budějovice", "cs")


def test_english_words_and_names_of_other_countries_are_left_alone():
    assert respell("Chomutov District", "cs") == "Khomutov District"
    assert respell("University of Zagreb", "sh") == "University of Zagreb"
    assert language("CZ") == "cs" and language("XA") == "" and language("GB") == ""
    assert respellings([("Chomutov", "en", "label")], "GB") == []
    # an Urdu name is not respelled, and a name the rules leave as it is gives no row
    assert respellings([("خومتو", "ur", "label"), ("Praha", "en", "alias"), ("Chomutov", "en", "label")], "CZ") == [
        ("Khomutov", "cs", "respelled")]


def test_only_an_entity_without_an_urdu_name_gets_respellings():
    """Like the generated spellings, a respelling stands in for the Urdu name nobody recorded; an entity with one
    has no need of it (and famous places with Urdu names have English names, which respelling would garble:
    Czech Republic read as Czech)."""
    def kinds(labels):
        return {row[2] for row in expand_names(Entity("Q161094", labels=labels, coarse="LOC", country="CZ"))}
    assert "respelled" in kinds({"en": "Chomutov"})
    assert "respelled" not in kinds({"en": "Chomutov", "ur": "خومتو"})


# tests/fixtures/respell_entities.jsonl: real Latin-only entities of Czechia, Poland, Turkey, France and Argentina,
# and invented namesakes of two of them in a country XA, whose names nothing respells
@pytest.fixture(scope="module")
def linker(tmp_path_factory):
    out = tmp_path_factory.mktemp("respell") / "gazetteer.sqlite"
    build([open_source(str(FIXTURES / "respell_entities.jsonl"))], out)
    return Linker.open(out)


@pytest.mark.parametrize("query, qid", [
    ("خومتو ضلع", "Q161094"),    # Chomutov District, Czech ch
    ("کینتشن", "Q319397"),       # Kętrzyn
    ("عجیابات", "Q1023153"),     # Eceabat
    ("صوبہ خوخوئی", "Q44764"),   # Jujuy Province
    ("ژاک شیراک", "Q2105"),      # Jacques Chirac
])
def test_urdu_written_as_the_language_sounds_finds_the_latin_only_entity(linker, query, qid):
    cands = linker.lookup(query)
    assert cands and cands[0].qid == qid, [(c.qid, c.label_en, round(c.score, 3)) for c in cands[:3]]


@pytest.mark.parametrize("query, qid, namesake", [("خومتو", "Q161094", "Q90001501"),
                                                  ("ژاک شیراک", "Q2105", "Q90001502")])
def test_the_respelling_is_what_finds_it(linker, query, qid, namesake):
    """A namesake in a country whose language nothing respells matches the same query only as English reads it."""
    score = {c.qid: c.score for c in linker.lookup(query, k=10)}
    assert score[qid] > score.get(namesake, 0.0) + 0.1, score


def test_running_text_links_a_name_written_as_french_sounds(linker):
    text = "فرانس کے سابق صدر ژاک شیراک نے کہا"
    found = [(m.qid, text[m.start:m.end]) for m in linker.link(text)]
    assert ("Q2105", "ژاک شیراک") in found, found
