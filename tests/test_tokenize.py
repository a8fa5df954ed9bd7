"""The tokeniser: Urdu punctuation, glued digits, Latin runs, combining marks, offsets into the original."""
import pytest
from hypothesis import given, settings, strategies as st

from linker.tokenize import glued_splits, tokenize
from tests.test_normalize import TEXT


def _tok(text):
    return [(t.text, t.kind) for t in tokenize(text)]


@pytest.mark.parametrize("text, expected", [
    ("کووڈ۱۹؍", [("کووڈ", "urdu"), ("۱۹", "number"), ("؍", "punct")]),
    ("80بالز", [("80", "number"), ("بالز", "urdu")]),
    ("BBCکی رپورٹ", [("BBC", "latin"), ("کی", "urdu"), ("رپورٹ", "urdu")]),
    ("“ماسکو”، روس؟", [("“", "punct"), ("ماسکو", "urdu"), ("”", "punct"), ("،", "punct"), ("روس", "urdu"),
                      ("؟", "punct")]),
    ("‘پوتن’ نے کہا۔", [("‘", "punct"), ("پوتن", "urdu"), ("’", "punct"), ("نے", "urdu"), ("کہا", "urdu"),
                       ("۔", "punct")]),
    ("O'Brien 1,500.25", [("O'Brien", "latin"), ("1,500.25", "number")]),
    ("Москва ट्रम्प", [("Москва", "word"), ("ट्रम्प", "word")]),
])
def test_tokens(text, expected):
    assert _tok(text) == expected


def test_words_with_combining_marks_stay_whole():
    text = "پاکِستان اور مُحَمَّد"
    assert [t.text for t in tokenize(text)] == ["پاکِستان", "اور", "مُحَمَّد"]
    assert [t.norm for t in tokenize(text)] == ["پاکستان", "اور", "محمد"]
    # Python's re would split at the zer: the reason the tokeniser uses regex
    import re
    assert len(re.findall(r"\w+", "پاکِستان")) == 2


def test_arabic_lookalikes_and_zwnj_do_not_split_words():
    toks = tokenize("كراچي پیانگ\u200cیانگ")
    assert [t.norm for t in toks] == ["کراچی", "پیانگیانگ"]
    assert [t.text for t in toks] == ["كراچي", "پیانگ\u200cیانگ"]


def test_an_expanding_character_is_one_token():
    toks = tokenize("محمد ﷺ ¼")
    assert [(t.text, t.start, t.end) for t in toks] == [("محمد", 0, 4), ("ﷺ", 5, 6), ("¼", 7, 8)]
    assert toks[1].norm == "صلی اللہ علیہ وسلم"


def test_glued_function_words_are_offered_as_splits():
    assert ("ماسکو", "اور") in glued_splits("ماسکواور")
    assert ("پوتن", "نے") in glued_splits("پوتننے")
    assert glued_splits("اور") == []


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_token_offsets_slice_the_original(text):
    last = 0
    for t in tokenize(text):
        assert 0 <= t.start < t.end <= len(text) and t.start >= last
        assert text[t.start:t.end] == t.text
        assert t.norm.strip()
        last = t.end
