"""Urdu spells a foreign name's vowels unstably and its consonants far less: two spellings that differ only in vowel
letters (مالینیشیا, میلانیشیا: Melanesia) are closer than two that differ in a consonant — in names long enough for
their consonants to say which name is meant."""
import pytest

from tests.fixture_linker import fixture_linker


# tests/fixtures/spelling_entities.jsonl: Melanesia and Polynesia (real QIDs, their Urdu labels), an invented town
# Malin Shiba (مالین شیبا) whose Urdu name has more letters in common with مالینیشیا than Melanesia's but another
# consonant; Hawaii (ہوائی) and the Latin-only Huawei, two names of one consonant in Urdu; an invented Latin-only
# town Hartmund and an invented Hartmung (ہارتمنگ).
@pytest.fixture(scope="module")
def linker(tmp_path_factory):
    return fixture_linker(tmp_path_factory, "spelling_entities.jsonl")


def test_a_spelling_off_in_its_vowel_letters_only_beats_one_off_in_a_consonant(linker):
    found = [c.qid for c in linker.lookup("مالینیشیا")]
    assert found[:2] == ["Q37394", "Q900030001"]


def test_a_short_name_is_told_apart_by_its_vowel_letters(linker):
    # ہواوی has one consonant: its vowel letters are most of what it says (Huawei, not the more prominent Hawaii)
    assert linker.lookup("ہواوی")[0].qid == "Q160120"
    assert linker.lookup("ہوائی")[0].qid == "Q782"


def test_a_latin_name_is_as_sure_in_a_dental_spelling_as_in_the_retroflex_one_urdu_spells_it_with(linker):
    # the Latin-only Hartmund, spelled ہارٹمنڈ by the transliteration model, and written ہارتمند (پوتن for پوٹن):
    # the same name to a reader, and well ahead of Hartmung (ہارتمنگ), one consonant off
    dental, retroflex = linker.lookup("ہارتمند"), linker.lookup("ہارٹمنڈ")
    assert dental[0].qid == retroflex[0].qid == "Q900030002"
    assert dental[0].score > 0.9 and abs(dental[0].score - retroflex[0].score) < 0.03
