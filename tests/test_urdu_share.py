"""The share of a country's places with an Urdu label: counted at build, a lookup feature among namesakes."""
import sqlite3

import pytest

from gazetteer import build
from gazetteer.sources import open_source
from linker import Linker
from linker.rank import urdu_share, urdu_shares
from tests.conftest import FIXTURES

# tests/fixtures/urdu_share_entities.jsonl: two places named Korlinth, in XA (where the two other places have
# Urdu labels) and in XB (where none has); Ostrana lies in both; all the same type, population and QID age.
NAMESAKES = FIXTURES / "urdu_share_entities.jsonl"


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    out = tmp_path_factory.mktemp("share") / "share.sqlite"
    build([open_source(str(NAMESAKES))], out)
    return out


def test_build_counts_own_urdu_labels_per_country(gazetteer):
    meta = Linker.open(gazetteer).meta
    # Ostrana (XA | XB), without an Urdu label, counts in both its countries
    assert meta["urdu_labelled"] == {"LOC": {"XA": [2, 4], "XB": [0, 4]}}


def test_namesake_in_a_country_written_about_in_urdu_ranks_first(gazetteer):
    linker = Linker.open(gazetteer)
    for query in ("Korlinth", "کورلنتھ"):
        cands = [c for c in linker.lookup(query) if c.label_en == "Korlinth"]
        assert [c.qid for c in cands] == ["Q900000021", "Q900000011"], query  # XA's, though its QID sorts last
        assert cands[0].method == cands[1].method and cands[0].score > cands[1].score


def test_shares_are_clipped_log_ratios_for_places_and_neutral_when_unknown():
    shares = urdu_shares({"LOC": {"XA": [2, 4], "XB": [0, 4], "XC": [0, 0]}, "PER": {"XA": [1, 1], "XB": [0, 100]}})
    loc = shares["LOC"]
    assert loc["XA"] > 0 > loc["XB"] > -1.0
    assert loc["XC"] == 0.0  # no places: as covered as places overall
    assert urdu_shares({"LOC": {"XD": [0, 1000], "XE": [100, 100]}})["LOC"] == {"XD": -1.0, "XE": 1.0}  # clipped
    assert "PER" not in shares  # people's shares rest on a handful of Urdu labels
    assert urdu_share(shares, "LOC", "XB | XA") == loc["XA"]  # the best-covered of its countries
    assert urdu_share(shares, "LOC", "YY") == 0.0 and urdu_share(shares, "PER", "XA") == 0.0


def test_gazetteer_built_before_the_counts_still_ranks(gazetteer, tmp_path):
    old = tmp_path / "old.sqlite"
    old.write_bytes(gazetteer.read_bytes())
    con = sqlite3.connect(old)
    with con:
        con.execute("DELETE FROM meta WHERE key = 'urdu_labelled'")
    con.close()
    linker = Linker.open(old)
    cands = [c for c in linker.lookup("Korlinth") if c.label_en == "Korlinth"]
    assert [c.qid for c in cands] == ["Q900000011", "Q900000021"]  # a tie, broken by QID as before
    assert cands[0].score == cands[1].score
