from gazetteer.classes import CLASSES, SKIP, classify
from gazetteer.record import Entity


def _place() -> Entity:
    return Entity("Q30", labels={"en": "United States", "ur": "ریاستہائے متحدہ"}, coarse="LOC",
                  classes=["admin0:Sovereign country"], country="US", rank=0, sources=["places"])


def _operator() -> Entity:
    return Entity("Q30", labels={"en": "United States of America"}, aliases={"en": ["USA"]},
                  descriptions={"en": "country located primarily in North America"}, coarse="ORG",
                  classes=["operator (operators/boundary/protected_area)"], country="US", sources=["nsi"])


def test_merge_unions_names_and_a_second_label_becomes_an_alias():
    e = _place()
    e.merge(_operator())
    assert e.labels == {"en": "United States", "ur": "ریاستہائے متحدہ"}
    assert e.aliases["en"] == ["United States of America", "USA"]
    assert e.descriptions == {"en": "country located primarily in North America"}
    assert e.sources == ["places", "nsi"]


def test_the_place_type_wins_whichever_record_comes_first():
    first_place, first_operator = _place(), _operator()
    first_place.merge(_operator())
    first_operator.merge(_place())
    for e in (first_place, first_operator):
        assert e.coarse == "LOC"
        assert e.classes[0] == "admin0:Sovereign country"
        assert "operator (operators/boundary/protected_area)" in e.classes


def test_a_bare_place_record_yields_to_a_typed_record_of_another_type():
    # The extract's 2015 label sample files Google as a place, with no class, country or coordinates.
    def bare() -> Entity:
        return Entity("Q95", labels={"en": "Google", "ur": "گوگل"}, coarse="LOC", sources=["sample"])

    def company() -> Entity:
        return Entity("Q95", labels={"en": "Google"}, coarse="ORG", classes=["wd-desc: technology company"],
                      country="US", sources=["nsi"])

    first_bare, first_company = bare(), company()
    first_bare.merge(company())
    first_company.merge(bare())
    for e in (first_bare, first_company):
        assert (e.coarse, e.classes, e.country, e.labels["ur"]) == ("ORG", ["wd-desc: technology company"], "US",
                                                                     "گوگل")
    placed = Entity("Q95", labels={"en": "Google"}, coarse="LOC", lat=1.0, lon=2.0)
    placed.merge(company())
    assert placed.coarse == "LOC"  # a record with coordinates is still a place


def test_merge_keeps_the_most_prominent_facts():
    e = Entity("Q1", labels={"en": "A"}, population=10, rank=5, sitelinks=3)
    e.merge(Entity("Q1", labels={"en": "A"}, population=20, rank=2, sitelinks=1, lat=1.0, lon=2.0))
    assert (e.population, e.rank, e.sitelinks, e.lat, e.lon) == (20, 2, 3, 1.0, 2.0)
    assert e.aliases == {}  # the same label twice is not an alias


def test_prior_prefers_sitelinks_and_orders_by_prominence():
    assert Entity("Q1", sitelinks=300).prior() == 1.0
    assert Entity("Q1", sitelinks=30).prior() > Entity("Q2", sitelinks=3).prior() > 0
    assert Entity("Q1", rank=0).prior() > Entity("Q2", rank=9).prior()
    assert Entity("Q1", population=10_000_000).prior() > Entity("Q2", population=1_000).prior()
    assert Entity("Q1").prior() == 0


def test_classify_uses_the_table_priority_not_the_statement_order():
    assert classify(["Q515", "Q5"]) == ("PER", ["human", "city"])
    assert classify(["Q5119", "Q1637706", "Q515"])[1] == ["capital", "city", "city with millions of inhabitants"]
    assert classify(["Q7278"]) == ("ORG", ["political party"])
    assert classify(["Q192283"])[0] == "ORG"


def test_classify_keeps_unknown_classes_and_falls_back_on_coordinates():
    assert classify(["Q835714"]) == ("MISC", ["Q835714"])
    assert classify(["Q835714"], has_coordinates=True) == ("LOC", ["Q835714"])
    assert classify(["Q1127126", "Q245065"]) == ("ORG", ["intergovernmental organization", "Q1127126"])
    assert classify([]) == ("MISC", [])


def test_classify_drops_items_that_are_not_entities():
    assert classify(["Q4167410"]) is None
    assert classify(["Q5", "Q13442814"]) is None
    assert all(coarse in ("PER", "LOC", "ORG", "MISC", SKIP) for coarse, _ in CLASSES.values())
