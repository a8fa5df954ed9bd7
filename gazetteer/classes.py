"""Wikidata classes (P31 "instance of" values) -> coarse type and a readable fine class.

Subclass reasoning (P279*) is not possible while streaming a dump and times out on the query service, so
this is an explicit table of the concrete classes that news text names most often. The table's order is its
priority: an item's coarse type is that of the first row matching one of its P31 values, whatever order the
source lists them in (the query service returns no statement order, and a dump and a SPARQL build must agree).
Items with no known class fall back to LOC when they have coordinates (P625), else MISC. Items of a ``SKIP`` class
(Wikimedia pages, names, scholarly articles, taxa, molecules) are not entities one links text to and are
dropped by the readers.

Add rows when a frequent class is missing; keep the comment equal to the class's English label.
"""
from __future__ import annotations

from collections.abc import Iterable

SKIP = "SKIP"

#: QID -> (coarse type or SKIP, fine class name)
CLASSES: dict[str, tuple[str, str]] = {
    # --- people -------------------------------------------------------------------------------------
    "Q5": ("PER", "human"),
    "Q15632617": ("PER", "fictional human"),
    # --- countries and polities ---------------------------------------------------------------------
    "Q6256": ("LOC", "country"),
    "Q3624078": ("LOC", "sovereign state"),
    "Q112099": ("LOC", "island country"),
    "Q7275": ("LOC", "state"),
    "Q3024240": ("LOC", "historical country"),
    "Q1048835": ("LOC", "political territorial entity"),
    # --- administrative units -----------------------------------------------------------------------
    "Q56061": ("LOC", "administrative territorial entity"),
    "Q10864048": ("LOC", "first-level administrative country subdivision"),
    "Q13220204": ("LOC", "second-level administrative country subdivision"),
    "Q13221722": ("LOC", "third-level administrative country subdivision"),
    "Q107390": ("LOC", "federated state"),
    "Q35657": ("LOC", "state of the United States"),
    "Q34876": ("LOC", "province"),
    "Q6465": ("LOC", "department of France"),
    "Q28575": ("LOC", "county"),
    "Q47168": ("LOC", "county of the United States"),
    "Q15284": ("LOC", "municipality"),
    # --- settlements --------------------------------------------------------------------------------
    "Q5119": ("LOC", "capital"),
    "Q515": ("LOC", "city"),
    "Q1549591": ("LOC", "big city"),
    "Q1637706": ("LOC", "city with millions of inhabitants"),
    "Q200250": ("LOC", "metropolis"),
    "Q174844": ("LOC", "megacity"),
    "Q1093829": ("LOC", "city of the United States"),
    "Q7930989": ("LOC", "city/town"),
    "Q3957": ("LOC", "town"),
    "Q532": ("LOC", "village"),
    "Q5084": ("LOC", "hamlet"),
    "Q2514025": ("LOC", "posyolok"),
    "Q15078955": ("LOC", "urban-type settlement in Russia"),
    "Q486972": ("LOC", "human settlement"),
    "Q123705": ("LOC", "neighborhood"),
    # --- regions and physical geography -------------------------------------------------------------
    "Q5107": ("LOC", "continent"),
    "Q82794": ("LOC", "geographic region"),
    "Q23442": ("LOC", "island"),
    "Q33837": ("LOC", "archipelago"),
    "Q34763": ("LOC", "peninsula"),
    "Q4022": ("LOC", "river"),
    "Q23397": ("LOC", "lake"),
    "Q165": ("LOC", "sea"),
    "Q9430": ("LOC", "ocean"),
    "Q8502": ("LOC", "mountain"),
    "Q46831": ("LOC", "mountain range"),
    "Q39816": ("LOC", "valley"),
    # --- facilities ---------------------------------------------------------------------------------
    "Q1248784": ("LOC", "airport"),
    "Q55488": ("LOC", "railway station"),
    # --- organisations ------------------------------------------------------------------------------
    "Q43229": ("ORG", "organization"),
    "Q7278": ("ORG", "political party"),
    "Q7210356": ("ORG", "political organization"),
    "Q484652": ("ORG", "international organization"),
    "Q245065": ("ORG", "intergovernmental organization"),
    "Q163740": ("ORG", "nonprofit organization"),
    "Q79913": ("ORG", "non-governmental organization"),
    "Q48204": ("ORG", "voluntary association"),
    "Q327333": ("ORG", "government agency"),
    "Q2659904": ("ORG", "government organization"),
    "Q7188": ("ORG", "government"),
    "Q11204": ("ORG", "legislature"),
    "Q41487": ("ORG", "court"),
    "Q17149090": ("ORG", "armed organization"),
    "Q17127659": ("ORG", "terrorist organization"),
    "Q4830453": ("ORG", "business"),
    "Q783794": ("ORG", "company"),
    "Q891723": ("ORG", "public company"),
    "Q6881511": ("ORG", "enterprise"),
    "Q161726": ("ORG", "multinational corporation"),
    "Q22687": ("ORG", "bank"),
    "Q66344": ("ORG", "central bank"),
    "Q11691": ("ORG", "stock exchange"),
    "Q46970": ("ORG", "airline"),
    "Q192283": ("ORG", "news agency"),
    "Q11032": ("ORG", "newspaper"),
    "Q1616075": ("ORG", "television station"),
    "Q3918": ("ORG", "university"),
    "Q31855": ("ORG", "research institute"),
    "Q476028": ("ORG", "association football club"),
    "Q12973014": ("ORG", "sports team"),
    # --- other named things -------------------------------------------------------------------------
    "Q34770": ("MISC", "language"),
    "Q41710": ("MISC", "ethnic group"),
    "Q9174": ("MISC", "religion"),
    "Q1190554": ("MISC", "occurrence"),
    "Q178561": ("MISC", "battle"),
    "Q132241": ("MISC", "festival"),
    "Q11424": ("MISC", "film"),
    "Q7889": ("MISC", "video game"),
    # --- not entities to link -----------------------------------------------------------------------
    "Q4167410": (SKIP, "Wikimedia disambiguation page"),
    "Q22808320": (SKIP, "Wikimedia human name disambiguation page"),
    "Q4167836": (SKIP, "Wikimedia category"),
    "Q11266439": (SKIP, "Wikimedia template"),
    "Q13406463": (SKIP, "Wikimedia list article"),
    "Q17633526": (SKIP, "Wikinews article"),
    "Q13442814": (SKIP, "scholarly article"),
    "Q101352": (SKIP, "family name"),
    "Q202444": (SKIP, "given name"),
    "Q16521": (SKIP, "taxon"),
    "Q7187": (SKIP, "gene"),
    "Q8054": (SKIP, "protein"),
    "Q11173": (SKIP, "chemical compound"),
}


_PRIORITY = {qid: i for i, qid in enumerate(CLASSES)}


def classify(p31: Iterable[str], has_coordinates: bool = False) -> tuple[str, list[str]] | None:
    """(coarse type, fine classes) for an item's P31 values; None for an item of a SKIP class.

    Fine classes are the table's names of the known classes in table order, then the raw QIDs of unknown
    classes in the given order, so no information is lost.
    """
    known: list[str] = []
    unknown: list[str] = []
    for qid in p31:
        if qid in _PRIORITY:
            if CLASSES[qid][0] == SKIP:
                return None
            if qid not in known:
                known.append(qid)
        elif qid not in unknown:
            unknown.append(qid)
    known.sort(key=_PRIORITY.__getitem__)
    coarse = CLASSES[known[0]][0] if known else "LOC" if has_coordinates else "MISC"
    return coarse, [CLASSES[q][1] for q in known] + unknown
