"""Lookup of Urdu place names made of a generic word and a name (خلیج بافین, صحرا لیبیا, بحیرۂ بیرنٹس): the feature
the generic word names, not its bare namesake (Libya) nor a feature of that kind with a similar name (Gulf of
Finland)."""
import pytest

from linker.candidates import core_alternatives, generic_split, latin_rest, query_hints
from linker.keys import norm_name
from tests.fixture_linker import fixture_linker

# tests/fixtures/generic_entities.jsonl: real QIDs; the features have Latin names only, their bare namesakes and
# rivals of the same kind (Gulf of Finland, Bering Sea) have Urdu labels.
@pytest.fixture(scope="module")
def linker(tmp_path_factory):
    return fixture_linker(tmp_path_factory, "generic_entities.jsonl")


@pytest.mark.parametrize("query, qid", [
    ("صحرا لیبیا", "Q181528"),       # Libyan Desert, not Libya (exact on the name without its generic word)
    ("بحیرہ عرب", "Q58705"),         # Arabian Sea: the English adjective of the name Urdu writes as a noun
    ("خلیج بافین", "Q37040"),        # Baffin Bay, not the Gulf of Finland (same generic word, other name)
    ("جزائر ہوائی", "Q192626"),      # Hawaiian Islands, not the state of Hawaii
    ("بحیرۂ بیرنٹس", "Q45823"),      # izafat form of بحیرہ: Barents Sea, not the Bering Sea
    # the territory Cocos, also named Cocos Islands (matched through the spelling of its label): not the Cook
    # Islands, nor the airport that the source also calls Cocos (Keeling) Islands
    ("جزائر کوکوس", "Q36004"),
    ("لوئیزویل بین الاقوامی ہوائی اڈا", "Q1199087"),  # the airport, not the city: a generic phrase last
    # words Urdu translates mixed with a transliterated name: Donetsk People's Republic, not the city Donetsk
    ("دونیتسک عوامی جمہوریہ", "Q16150196"),
    # the Latin-only borough Barnsley, not Bury (میٹروپولیٹن بورو بری), whose Urdu label spells the generic words too
    ("میٹروپولیٹن بورو بارنسلے", "Q1857382"),
])
def test_generic_word_and_name_find_the_feature(linker, query, qid):
    cands = linker.lookup(query)
    assert cands and cands[0].qid == qid, [(c.qid, c.label_en, c.score) for c in cands[:3]]


def test_a_bare_name_is_the_city_even_when_it_is_the_provinces_own_alias(linker):
    # پادووا is an Urdu name of the province (labelled صوبہ پادووا) and only a spelling generated for the city,
    # which has no Urdu name: a bare name still means the city
    assert linker.lookup("پادووا")[0].qid == "Q617"
    assert linker.lookup("صوبہ پادووا")[0].qid == "Q16226"


def test_bare_names_still_find_the_namesake(linker):
    assert linker.lookup("لیبیا")[0].qid == "Q1016"
    assert linker.lookup("ہوائی")[0].qid == "Q782"
    assert linker.lookup("لوئیزویل")[0].qid == "Q43668"


@pytest.mark.parametrize("query, qid", [
    ("ایسٹر", "Q14452"),       # Easter Island (Latin only), not the region Eastern: a romanisation of ایسٹر is Easter
    # the Marquesas Islands, whose Urdu label (جزائر ماکیئساس) lacks the r: found through the Latin name, not Arkansas
    ("مارکیساس", "Q172697"),
])
def test_a_bare_name_finds_the_island_whose_latin_name_has_the_generic_word(linker, query, qid):
    cands = linker.lookup(query)
    assert cands and cands[0].qid == qid, [(c.qid, c.label_en, c.score) for c in cands[:3]]


def test_a_name_left_without_its_generic_word_ranks_below_the_bare_namesake(linker):
    # مقات is the town Makat exactly, and the district's alias Makat District only without its generic word
    found = [c.qid for c in linker.lookup("مقات")]
    assert found.index("Q3260005") < found.index("Q2550418")


@pytest.mark.parametrize("query, kind", [
    ("میٹروپولیٹن بورو بارنسلے", "borough"),  # which Barnsley's classes say it is, and Bury's label says of Bury
    ("گاؤں نوشہرہ", "village"), ("لیک ٹاہو", "lake"), ("ماؤنٹ ایورسٹ", "mountain"), ("ڈیزرٹ اٹاکاما", "desert"),
])
def test_generic_words_spelled_in_english_ask_for_their_kind_too(linker, query, kind):
    assert kind in query_hints(linker._finder, query).get("kinds", ())


def test_generic_split_and_the_latin_rest():
    assert generic_split("خلیج بافین") == ("خلیج", ("gulf", "bay", "golfo", "golfe"), ["بافین"])
    assert generic_split("کینری آئلینڈز") == ("آئلینڈز", ("islands",), ["کینری"])
    assert generic_split("جزیرہ نما کریمیا")[1] == ("peninsula",)
    assert generic_split(norm_name("بحیرۂ بیرنٹس"))[:2] == ("بحیرہ", ("sea", "mar"))  # the izafat form, normalised
    assert generic_split("لیبیا") is None and generic_split("خلیج") is None and generic_split("") is None
    assert latin_rest("Gulf of Aqaba", ("gulf", "bay")) == "aqaba"
    assert latin_rest("Cocos (Keeling) Islands", ("islands",)) == "cocos"
    assert latin_rest("Île Amsterdam", ("island", "ile")) == "amsterdam"
    assert "ہوائین" in core_alternatives("ہوائی")  # Hawaiian as the build spells it
    assert "کوئٹا" in core_alternatives("کوئٹہ")  # Quetta as the build spells it
    assert generic_split("کوئٹہ بین الاقوامی ہوائی اڈا") == ("بین الاقوامی ہوائی اڈا", ("airport",), ["کوئٹہ"])
