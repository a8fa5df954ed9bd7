"""A qualifier after a comma (کلے کاؤنٹی، کینٹکی) places the name in the region where the gazetteer's places
named "..., کینٹکی" lie, not merely near the region's centre."""
import pytest

from linker.rank import outline
from tests.fixture_linker import fixture_linker

# tests/fixtures/qualifier_entities.jsonl: Kentucky (real Q1603), seven Kentucky counties whose Urdu names carry
# the qualifier (invented QIDs, real places, approximate coordinates), and two Latin-only Clay Counties: in eastern
# Kentucky, and in Tennessee just south of the border, nearer to Kentucky's centre; Argentina and two Córdobas (real
# QIDs), in Spain (Urdu label قرطبہ) and in Argentina (Latin names only); Washington (real Q1223) with six counties
# named after it (invented QIDs) and two Lincoln Counties (real QIDs): in Montana (Urdu label) and Washington;
# the DR Congo (alias کانگو (DRC)) and Kasongo inside it.
@pytest.fixture(scope="module")
def linker(tmp_path_factory):
    return fixture_linker(tmp_path_factory, "qualifier_entities.jsonl")


def test_the_namesake_inside_the_region_wins_over_one_nearer_its_centre(linker):
    cands = [c for c in linker.lookup("کلے کاؤنٹی، کینٹکی") if c.label_en == "Clay County"]
    assert [c.qid for c in cands] == ["Q900020102", "Q900020101"]
    assert cands[0].score > cands[1].score


def test_a_qualifier_picks_a_namesake_by_english_label_of_the_entity_the_urdu_name_belongs_to(linker):
    # قرطبہ is the Urdu label of Córdoba in Spain; Córdoba in Argentina has Latin names only
    assert linker.lookup("قرطبہ")[0].qid == "Q5818"
    assert linker.lookup("قرطبہ، ارجنٹائن")[0].qid == "Q44210"


def test_a_qualifier_picks_a_namesake_of_a_place_named_otherwise_after_its_own_region(linker):
    # no Lincoln County has the Urdu name لنکن کاؤنٹی; Montana's is لنکن کاؤنٹی، مونٹانا, Washington's has Latin names
    # only (and no spelling of them generated at build, as for most obscure places)
    assert linker.lookup("لنکن کاؤنٹی، واشنگٹن")[0].qid == "Q484150"
    assert linker.lookup("لنکن کاؤنٹی، مونٹانا")[0].qid == "Q490344"


def test_the_places_named_after_a_qualifier_are_read_once(linker):
    points = linker._finder.qualified_places("کینٹکی")
    assert len(points) == 7 and (37.05, -88.7) in points


def test_outline_contains_its_inside_and_fades_outside():
    grid = [(lat, lon) for lat in (36.6, 37.5, 38.4, 39.1) for lon in (-89.0, -87.0, -85.0, -83.0)]
    region = outline(grid)
    assert region.contains(37.9, -86.1) == 1.0
    assert 0.0 < region.contains(36.3, -86.0) < 1.0  # ~30 km outside
    assert region.contains(33.0, -86.0) == 0.0        # ~400 km outside
    # an isolated point (a namesake's coordinates filed under the qualifier) does not stretch the outline
    assert outline(grid + [(30.0, -70.0)]).contains(32.0, -75.0) == 0.0
    assert outline(grid[:3]) is None  # too few places to outline an area
    many = [(36.6 + i / 1000, -89.0 + (i * 7919 % 6000) / 1000) for i in range(2500)]  # sampled, not squared
    assert outline(many).contains(37.5, -86.0) == 1.0 and outline(many).contains(33.0, -86.0) == 0.0


def test_a_name_written_with_its_own_qualifier_beats_the_places_inside_what_the_qualifier_names(linker):
    # کانگو (DRC) is an Urdu name of the DR Congo itself; DRC also names the country the qualifier reads as, inside
    # which Kasongo (کاسونگو, spelled almost alike) lies
    found = [c.qid for c in linker.lookup("کانگو (DRC)")]
    assert found[0] == "Q974" and "Q587152" in found
