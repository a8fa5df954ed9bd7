"""Linker.lookup: one name, ranked candidates across scripts and spellings."""
import pytest

from linker import Linker
from tests.engine_gazetteer import engine_gazetteer  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def linker(engine_gazetteer):
    return Linker.open(engine_gazetteer)


def top(linker, name):
    cands = linker.lookup(name)
    assert cands, name
    return cands[0]


def test_exact_names_in_both_scripts(linker):
    for name in ("ماسکو", "Moscow", "MOSCOW", "Москва", "كراچي"):
        c = top(linker, name)
        assert c.qid in ("Q649", "Q8660") and c.method == "exact"


def test_misspelling_is_found_fuzzily(linker):
    c = top(linker, "ماسکوو")
    assert (c.qid, c.method, c.matched) == ("Q649", "fuzzy", "ماسکو")
    assert top(linker, "Moskow").qid == "Q649"


def test_cross_script_key_reaches_a_latin_only_entity(linker):
    c = top(linker, "کھاسن")  # Khasan has no Urdu name in the gazetteer
    assert c.qid == "Q90000001" and c.method in ("key", "transliteration", "generated")
    assert c.matched == "Khasan" or c.method == "generated"


def test_exact_beats_fuzzy_and_scores_are_ordered(linker):
    cands = linker.lookup("ماسکو", k=10)
    assert cands[0].qid == "Q649" and cands[0].method == "exact"
    assert all(0 <= c.score <= 1 for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    exact = cands[0].score
    assert top(linker, "ماسکوو").score < exact


def test_namesakes_are_all_candidates(linker):
    assert {c.qid for c in linker.lookup("حیدرآباد")} >= {"Q90000401", "Q90000402"}


def test_k_limits_and_empty_queries(linker):
    assert len(linker.lookup("حیدرآباد", k=1)) == 1
    assert linker.lookup("") == [] and linker.lookup("  ،۔ ") == []


def test_lookup_is_deterministic(linker, engine_gazetteer):
    assert linker.lookup("نیو یارک") == Linker.open(engine_gazetteer).lookup("نیو یارک")
