"""Scores in [0, 1] for (name, entity) pairs: match quality, prominence, context. A score reads as a confidence.

Both scores are logistic functions of a few features, so that 0.5 is a sensible default threshold and a user can
ask for more precision (0.7) or more recall (0.3):

* :func:`lookup_logit` scores a name typed by a user (lookup): spelling agreement and prominence only;
* :func:`text_confidence` scores a span of running text, where most exact matches are accidents (common words
  that are also the name of some village): it adds the features of :data:`TEXT_WEIGHTS`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .keys import GENERIC_EN, GENERIC_UR, QUALIFIER, norm_name, without_qualifier

#: How much each way of matching is worth when the strings agree perfectly (sim = 1).
METHOD_WEIGHT = {
    "exact": 1.0,            # a real gazetteer name, same script, same key
    "generated": 0.9,        # an Urdu spelling generated at build time from an English name
    "transliteration": 0.85,  # the query romanised (to_latin n-best) matches an English name
    "translation": 0.85,     # the query's words translated (context.TRANSLATIONS) make an English name
    "key": 0.8,              # the cross-script phonetic skeletons agree
    "fuzzy": 0.95,           # a real name in the same script, a few characters apart (sim < 1 by definition)
}

#: Logit weights of the running-text features. First set by hand while reading bench/text.py's output, which
#: lists UNER's wrong links (so UNER is not an independent test of them: ٹی وی, شام کو, شمال مشرقی came from
#: there); then refitted by bench/tune_text.py on the fitting half of bench/data/linked_dev.jsonl only (bias,
#: generated, key, fuzzy, common, cue_disagrees, foreign_alias, split, coherent moved; bench/text.py reports the
#: other half). A logistic fit on the IL-NER, IJCNLP and Jahangir corpora was tried earlier: those corpora
#: annotate different things (local first names, no Latin names) and the fit linked worse on the dev sentences.
TEXT_WEIGHTS: dict[str, float] = {
    "bias": -5.0,
    "quality": 6.5,          # match_quality() of the best spelling
    "prominence": 2.5,       # prominence() of the entity
    "exact": 0.0, "generated": -1.0, "key": -0.75, "fuzzy": -0.75, "transliteration": -1.0,  # how it matched
    "translation": -1.0,
    "single": -0.8,          # the span is one word
    "single_exact": 0.0, "single_generated": -1.5, "single_key": -2.5, "single_fuzzy": -2.0,
    "single_transliteration": -2.0,
    "short": -1.2,           # ... of at most 3 letters
    "common": -4.75,         # ... which is a common Urdu word (context.COMMON_WORDS)
    "common_run": -7.0,      # several words, all common, times (1 - prominence): شمال مشرقی but اسلام آباد
    "time_of_day": -8.0,     # ... which is a time of day here (شام کو: in the evening, not Syria)
    "plural_ending": -2.8,   # ... ending like a plural or oblique form (علاقوں)
    "verb_ending": -1.4,     # ... ending like a verb form (کرنا، رکھنے)
    "everyday_phrase": -3.0,  # several words, all everyday Urdu (frequency.everyday), matched only by sound or
    #                           a generated spelling: امریکی صدر, سامنا کرنا, بار بار. Set by hand from the wrong
    #                           links of COUNTER and the real/fake news corpus (not UNER); the dev sentences agree
    "latin": 0.8,            # the span is in Latin script inside Urdu text
    "cue_agrees": 1.0,       # a neighbouring word announces the entity's type (صدر + PER, شہر + LOC)
    "cue_disagrees": -1.3,   # ... announces another type (weakly: a title is a sign of names nearby)
    "untyped": -2.5,         # the entity has no class and no country (concepts: cricket, October)
    "person_or_org": 0.0,    # the entity is a person or an organisation
    "misc": -1.5,            # the entity is not a person, place or organisation (languages, diseases)
    "urdu_label": 0.5,       # the entity has an Urdu label of its own
    "famous_generated": 1.5,  # ... or is a famous place (linking.FAMOUS: a capital, a world city) matched by a generated spelling of 5+
    #                            letters (بھارت 0.51 -> 0.82); set by hand, checked on the dev sentences (report
    #                            half unchanged) and COUNTER's links (Barbados, India, Korea gained; through
    #                            coherence with India, also سنگھ alone as Amarinder Singh)
    # one word naming a place in Pakistan (بنوں، مٹھی، کشمور): Urdu news writes about Pakistani towns far more than
    # their prominence (population, QID age) says. Set by hand from the links it adds in COUNTER and the real/fake
    # news lines (36 gained, ~31 right: Bannu 7, Gujrat, Malakand, Mithi, Kashmor; wrong: بندھی, پلک), checked
    # on the dev sentences (report half R 0.838 -> 0.843, fitting half unchanged) and UNER (LOC 0.853 -> 0.863,
    # precision unchanged). At 2 a village named کمیٹی (committee) was linked 66 times.
    "home_place": 1.5,
    "foreign_alias": -1.5,   # matched an Urdu-script name listed under another language (often Persian)
    "split": -1.3,           # a glued postposition was cut off (ماسکواور)
    "initialism": -0.2,      # spelled letter by letter (ڈی پی آر کے)
    "initialism_obscure": -1.0,  # ... times (1 - prominence): PCB, APP, ICC name many bodies
    "two_letters": -8.0,     # ... with two letters only, for a place (ٹی وی is TV, not Tuvalu's ISO code)
    "two_letters_org": -2.0,  # ... for an organisation (یو این: UN; but آئی جی is an inspector general)
    "obscure_single": -3.0,  # one word or initialism, times (1 - prominence): short spans need a known entity
    "person_part": -1.5,     # one word matching a person (a first name or surname alone), with no title before it
    "coherent": 2.7,         # shares a country with another confident link of the text
    "seen_in_full": 2.5,     # the name was linked in full elsewhere in the text (پوتن after ولادیمیر پوتن)
}

# Offices that make a person news-prominent (the extract has no sitelinks for people).
_HIGH_OFFICE = re.compile(r"\b(president|prime minister|chancellor|head of (state|government)|king|queen|emir|"
                          r"supreme leader|secretary[- ]general|foreign minister|minister of|leader of)\b", re.I)


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What ranking and output need to know about an entity (one row of the gazetteer's entities table)."""

    eid: int
    qid: str
    label_en: str
    label_ur: str
    type: str
    classes: str
    country: str
    prior: float
    prominence: float
    lat: float | None = None
    lon: float | None = None
    urdu_share: float = 0.0  # how much Urdu writers cover its country (:func:`urdu_shares`); 0 = average or unknown

    @property
    def untyped(self) -> bool:
        """No class and no country: in the extract these are concepts (cricket, film, October), not places."""
        return not self.classes and not self.country


def prominence(qid: str, coarse: str, prior: float, classes: str, label_ur: str, country: str,
               population: int | None = None, sitelinks: int | None = None) -> float:
    """Prominence in [0, 1]: how likely a news text means this entity rather than a namesake.

    With Wikidata sitelinks (a dump or SPARQL build) the gazetteer prior is used. The extract has none, and its
    rank-based prior saturates (a county and a capital both get 1.0), so the age of the QID stands in: low QIDs
    were created early for well-known topics (Q61 Washington D.C., Q76 Obama, Q567 Merkel) while namesake
    counties, villages and back-bench legislators have QIDs in the millions. For places, population and the
    administrative level (country, capital, province) add to it; for people, high offices; an Urdu label means
    someone cared to write the name in Urdu. An entity with neither class nor country is a concept in the
    extract (cricket, October): no prominence as a named entity.
    """
    if not classes and not country:
        return 0.0
    if sitelinks:
        p = prior
    else:
        try:
            age = min(1.0, max(0.0, (8.0 - math.log10(max(int(qid[1:]), 1))) / 6.0))
        except ValueError:
            age = 0.0
        if coarse == "LOC":
            pop = min(1.0, math.log10(population) / 8) if population and population > 1 else 0.3
            p = 0.45 * age + 0.35 * pop + _place_level(classes)
        else:
            p = age
            if coarse == "PER" and _HIGH_OFFICE.search(classes):
                p += 0.25
    if label_ur:
        p += 0.1
    return round(min(1.0, max(0.0, p)), 4)


def _place_level(classes: str) -> float:
    """How much a place's administrative level raises the chance that news means it."""
    c = classes.lower()
    if "admin0" in c or "country" in c:
        return 0.3
    if "capital" in c:
        return 0.2
    if "admin1" in c or "state" in c or "province" in c:
        return 0.1
    return 0.0


#: The types :func:`urdu_shares` covers.
_SHARE_TYPES = frozenset({"LOC"})


def urdu_shares(counts: dict[str, dict[str, list[int]]]) -> dict[str, dict[str, float]]:
    """How much Urdu writers write about each country's places: the log-ratio of the share of its places that have an
    Urdu label of their own to that share over all places, clipped to [-1, 1]; 0 for an average country.

    ``counts`` is the gazetteer's ``urdu_labelled`` meta entry ({coarse: {country: [labelled, entities]}}, written by
    ``gazetteer.build``). The share varies hugely (in the extract: Pakistan 0.84, United States 0.83, Turkey 0.53,
    Japan 0.49, Iran 0.17, China 0.12, India 0.08, United Kingdom 0.06, Italy 0.05, Australia 0.02): it is an
    estimate, from the gazetteer itself, of how often Urdu writers write about places of that country, so among
    namesakes the one in a country much written about in Urdu is the likelier reading of an Urdu spelling. It also
    reflects Urdu Wikipedia's bot-created coverage (whole series of articles on US counties and towns, for one),
    which says what Urdu Wikipedia has rather than what Urdu news writes about; the clipping keeps that from
    outweighing prominence. The share is smoothed by one labelled place in 1 / (share overall), about 5 places, so
    a country with few places is taken to be about average. Places only: people and organisations rarely have Urdu
    labels (146 of 43k people), so their per-country shares rest on a handful of labels.
    """
    out: dict[str, dict[str, float]] = {}
    for coarse in _SHARE_TYPES & counts.keys():
        by_country = counts[coarse]
        overall = (sum(n[0] for n in by_country.values()) + 1) / (sum(n[1] for n in by_country.values()) + 2)
        out[coarse] = {country: round(max(-1.0, min(1.0, math.log((labelled + 1) / (n + 1 / overall) / overall))), 4)
                       for country, (labelled, n) in by_country.items()}
    return out


def urdu_share(shares: dict[str, dict[str, float]], coarse: str, country: str) -> float:
    """An entity's value of :func:`urdu_shares`: of the best-covered of its countries when it has several
    (Niagara Falls, CA | US: the United States', which Urdu writers cover most); an entity without a country
    has the value of the entities without one; 0 (neutral) for what the table lacks (a gazetteer built before
    the table was)."""
    by_country = shares.get(coarse, {})
    return max(by_country.get(c.strip(), 0.0) for c in country.split("|"))


def match_quality(method: str, sim: float) -> float:
    """How well the mention's spelling supports the entity, in [0, 1]."""
    return METHOD_WEIGHT[method] * sim ** 2


def sigmoid(z: float) -> float:
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 4)


#: Logit weights of a looked-up name's candidates: one intercept per method, then similarity, prominence and type.
#: Fitted by bench/tune_lookup.py, from a neutral start, on development queries only: the Urdu labels and aliases
#: of the dev bucket of linker.translit.split (hidden at build) and the tune half of bench/data/people_orgs_dev.tsv
#: — never on the held-out cross-script labels, the CLDR/iso-codes variants or the report half of the people list.
#: The fit keeps the exact intercept at or above every other method's (bench.tune_lookup.ORDER): unconstrained, it
#: put exact below fuzzy and generated, and an exact name lost to a one-letter-longer namesake's fuzzy match.
#: With unlikely_spelling (:func:`linker.candidates.spelling_fits`) the dev objective went 0.748 -> 0.760.
LOOKUP_WEIGHTS: dict[str, float] = {
    "exact": -7.0, "generated": -7.0, "fuzzy": -7.25, "key": -7.0, "transliteration": -7.0,
    "translation": -7.0,  # constrained, the intercepts stayed level: exact wins through sim (1 for exact, < 1 fuzzy)
    "sim": 9.25, "prominence": 1.5, "person_or_org": 0.0,
    # an entity with no class and no country (concepts: December, tennis). Kept by hand at neutral: the dev bucket's
    # hidden labels include such concepts, and a user who types ٹینس may mean tennis as well as Tennessee. At -1
    # the dev objective was 0.8142 (cross-script 0.803), at 0 0.8165 (0.810); fitted alone it becomes a bonus
    # (+0.5, 0.818), which would put a concept ahead of a place spelled alike
    "untyped": 0.0,
    # the query's generic word fits the entity's classes (کاؤنٹی: a county) or is in its label or another name;
    # refitted alone (tune_lookup.py --only kind_fits) after the generic-word path (CandidateFinder.generic_named)
    # and qualifier outlines came in: dev objective 0.8106 at 1.5 -> 0.8114 at 1.3; with the entity's other names
    # counted, 0.8129, and with the rest of that change 0.8140 (1.3 and 1.75 tie)
    "kind_fits": 1.3,
    "in_qualifier": 3.5,  # the entity lies in the place named after the comma (..., ٹیکساس), by country or distance
    "unlikely_spelling": -0.5,  # 1 - how likely the Latin name is spelled as the Urdu query, relative to its rivals
    # a bare query (no generic word) matched an admin area whose label has one (تہران: not the province); fitted alone
    # on the dev objective (0.7746 anywhere from -1 to -2, 0.7685 at 0), the rest unchanged. It once spared a province
    # matched through one of its own names exactly; it no longer does (پادووا, the province's alias and the city's
    # generated spelling, is the city): dev objective 0.8307 -> 0.8311, flat from -1 to -1.5
    "generic_extra": -1.0,
    # the query has generic words and the name it matched has others (خلیج عقبہ matched محافظہ عقبہ: the keys leave
    # generic words out, a gulf is no governorate); fitted alone on the dev objective: 0.8255 at 0, 0.8259 anywhere
    # from -0.5 to -3
    "generic_clash": -1.5,
    # how much Urdu writers cover the place's country, in [-1, 1] (:func:`urdu_shares`): a nudge between namesakes.
    # Fitted alone (tune_lookup.py --only urdu_share), the rest unchanged: dev objective 0.7987 (people 0.868 /
    # cross-script 0.775 / variants 0.754) -> 0.8072 (0.881 / 0.782 / 0.758). A full refit from the neutral start
    # reached 0.8103 (urdu_share 0.2) but lowered sim to 8.35, and with it the confidence of nearly exact names
    # (دورتمند for ڈورٹمنڈ under 0.95, ایپل for Apple Inc. under 0.9): recall@1 does not see the scale of the log-odds.
    "urdu_share": 0.15,
}


def lookup_features(method: str, sim: float, ent: EntityInfo, hints: dict | None = None,
                    spelled: float | None = None, names: frozenset[str] = frozenset(),
                    matched: str = "") -> dict[str, float]:
    """The features :data:`LOOKUP_WEIGHTS` weighs for one candidate of a looked-up name.

    ``hints`` (from :func:`linker.candidates.query_hints`): the classes the query's generic words ask for (they also
    fit an entity whose label, or one of whose ``names`` — their generic words, from
    :meth:`linker.candidates.CandidateFinder.name_generics` — has the same generic word: جزائر آلند, Åland Islands;
    جزائر کوکوس, Cocos labelled without it and also named Cocos Islands), the query's generic words
    (none: a bare name, which rather means the city than its namesake province, oblast or county, even where the
    name is one of the province's own), and the entities the qualifier after a comma may name.
    ``matched``: the name of the entity the query matched, whose generic words may contradict the query's.
    ``spelled`` (from :func:`linker.candidates.spelling_fits`): for a cross-script match of an Urdu query, how likely
    the Latin name is spelled that way in Urdu, relative to its cross-script rivals, in [0, 1]; the similarity of a
    skeleton or a romanisation cannot tell Dallas (ڈیلس) from Dalas. ``ent.urdu_share`` (:func:`urdu_shares`): of two
    namesakes spelled alike, the one in a country whose places Urdu writers cover (Pakistan, the United States,
    Turkey) is the likelier reading of an Urdu spelling than the one in a country they rarely write about.
    """
    f = {method: 1.0, "sim": sim, "prominence": ent.prominence,
         "person_or_org": float(ent.type in ("PER", "ORG")), "untyped": float(ent.untyped),
         "urdu_share": ent.urdu_share}
    if spelled is not None:
        f["unlikely_spelling"] = 1.0 - spelled
    if hints:
        kinds, generic = hints.get("kinds"), hints.get("generic")
        named = entity_generic(ent.label_en, ent.label_ur)
        classes = ent.classes.lower().replace("lake centerline", "")  # Natural Earth's river through a lake
        if (kinds and any(k in classes for k in kinds)) or (generic and generic & (named | names)):
            f["kind_fits"] = 1.0
        if generic is not None and not generic and named & _LEVELS:
            f["generic_extra"] = 1.0
        if generic and (other := generic_words(matched)) and not other & generic:
            f["generic_clash"] = 1.0
        readings = [w for w in hints.get("within", ()) if w.eid != ent.eid]
        region = hints.get("outline")
        if region and ent.lon is not None and len(readings) == len(hints.get("within", ())):  # not a reading itself
            # where the places named "..., region" lie: in Texas rather than near its centre
            f["in_qualifier"] = max([region.contains(ent.lat, ent.lon),
                                     *(_within(ent, w) for w in readings if _is_country(w))])
        elif readings:
            f["in_qualifier"] = max(_within(ent, w) for w in readings)
        if method == "exact" and QUALIFIER.search(matched):  # named with the query's qualifier: کانگو (DRC)
            f["in_qualifier"] = 1.0
    return f


#: Generic words in their canonical English form (plural and synonyms folded): جزائر and Islands are "island";
#: Korean -gu, -gun and Japanese -ku are districts, counties and wards.
_CANONICAL = {"islands": "island", "mountains": "mountain", "mount": "mountain", "gu": "district",
              "gun": "county", "ku": "ward", "shi": "city", "amphoe": "district", "آئلینڈ": "island",
              "آئلینڈز": "island", "سٹی": "city", "سیٹی": "city", "ماؤنٹ": "mountain", "ماؤنٹین": "mountain",
              "پراونس": "province", "سٹیٹ": "state", "ریاستی": "state", "کینٹن": "canton", "پارش": "parish",
              "صحرائے": "desert",  # an izafat form (صحرائے نمیب; بحیرۂ is بحیرہ in every norm)
              **{w: w for w in ("krai", "okrug", "raion", "voivodeship")}}  # levels the phonetic keys keep
#: Urdu generic phrases whose words would read as other generic words (جزیرہ نما: a peninsula, not an island).
_PHRASES = {"جزیرہ نما": "peninsula", "سلسلہ کوہ": "mountains"}
#: Generic words of administrative areas, which share their name with their capital or main town (Tehran
#: Province, Kaliningrad Oblast, Stockholm County), and of airports named after the town (کوپن ہیگن is Copenhagen,
#: not Copenhagen Airport; not stations, which may be named after a person: Mawson Station). Not city (Mexico City,
#: Chihuahua City are the cities), republic (Czech Republic) or natural features (a bare name is as likely the Blue
#: Ridge Mountains as anything).
_LEVELS = frozenset("""county district province region municipality department governorate state oblast prefecture
    parish division tehsil borough ward canton krai okrug raion voivodeship airport""".split())


@lru_cache(maxsize=200_000)
def generic_words(name: str) -> frozenset[str]:
    """The generic words of a name in either script (Tehran Province, صوبہ تہران: {"province"}), canonical English;
    a qualifier after a comma does not count (Nara, Nara)."""
    out = set()
    norm = f" {norm_name(without_qualifier(name))} "
    for phrase, english in _PHRASES.items():
        norm = norm.replace(f" {phrase} ", f" {english} ")
    for w in norm.split():
        if w in GENERIC_UR:
            w = GENERIC_UR[w].lower()
        elif w not in GENERIC_EN and w not in _CANONICAL:
            continue
        out.add(_CANONICAL.get(w, w))
    return frozenset(out)


def entity_generic(label_en: str, label_ur: str) -> frozenset[str]:
    """The generic words of an entity's labels (an oblast, a prefecture, an island group)."""
    return generic_words(label_en) | generic_words(label_ur)


def _is_country(e: EntityInfo) -> bool:
    return "admin0" in e.classes or "country" in e.classes


#: How far outside the outline of a qualifier's places an entity still counts as partly in the region (km): the
#: outline joins the centres of the outermost places, and the region reaches beyond them. Chosen on the dev
#: bucket's qualified names (bench/tune_lookup.py's cross-script queries with a comma: 50 km 294 of 326 at
#: recall@1, 100 km 300, 150 km 301, 200 km 301; a margin of the places' spacing plus 50 km 299; the distance from
#: the region's centre alone 295).
_HULL_MARGIN_KM = 150.0
#: A place whose nearest neighbour among a qualifier's places is farther than this many times their median
#: nearest-neighbour distance is left out of the outline (Petersburg, Indiana with the coordinates of Petersburg,
#: Virginia), unless it is this close to another (km).
_ISOLATED = 5.0
_ISOLATED_MIN_KM = 50.0
#: At most this many places outline a region (an even sample of more).
_OUTLINE_POINTS = 1000


@dataclass(frozen=True, slots=True)
class Outline:
    """Where a region lies, from the coordinates of the places named after it ("..., Texas"): their convex hull,
    counter-clockwise, in :func:`_plane` km."""

    hull: tuple[tuple[float, float], ...]

    def contains(self, lat: float, lon: float) -> float:
        """1 inside the hull, falling to 0 at :data:`_HULL_MARGIN_KM` outside it."""
        p = _plane(lat, lon)
        edges = list(zip(self.hull, self.hull[1:] + self.hull[:1]))
        if all(_cross(a, b, p) >= 0 for a, b in edges):
            return 1.0
        return max(0.0, 1.0 - min(_segment_km(p, a, b) for a, b in edges) / _HULL_MARGIN_KM)


def _plane(lat: float, lon: float) -> tuple[float, float]:
    """Kilometres east and north of (0, 0) (sinusoidal projection): enough to outline a state or a province."""
    return 111.2 * lon * math.cos(math.radians(lat)), 111.2 * lat


def outline(points: list[tuple[float, float]]) -> Outline | None:
    """The :class:`Outline` of (lat, lon) points, isolated points left out; None for fewer than 4 points or points
    that outline no area."""
    pts = sorted({_plane(lat, lon) for lat, lon in points})
    if len(pts) < 4:
        return None
    if len(pts) > _OUTLINE_POINTS:  # the pairwise distances below grow with the square
        pts = pts[::math.ceil(len(pts) / _OUTLINE_POINTS)]
    xy = np.array(pts)
    dist = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    nearest = dist.min(axis=1)
    limit = max(_ISOLATED * float(np.median(nearest)), _ISOLATED_MIN_KM)
    pts = [p for p, d in zip(pts, nearest.tolist()) if d <= limit]

    def half(seq):
        out: list[tuple[float, float]] = []
        for p in seq:
            while len(out) >= 2 and _cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out[:-1]
    hull = tuple(half(pts) + half(reversed(pts)))
    return Outline(hull) if len(hull) >= 3 else None


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segment_km(p, a, b) -> float:
    """Distance from point ``p`` to the segment ``a``-``b`` on the plane."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _within(ent: EntityInfo, where: EntityInfo) -> float:
    """How surely ``ent`` lies in ``where``: by distance when both have coordinates (1 at the centre, 0 from
    ~700 km), else 1 for the same country (when ``where`` is a country) and 0 otherwise."""
    if _is_country(where):
        return float(bool(ent.country) and ent.country == where.country)
    if ent.lat is None or where.lat is None:
        return 0.0  # a firm in the same country as Nebraska is not in Nebraska (کنگز: Kings Food Markets)
    dlat = math.radians(ent.lat - where.lat)
    dlon = math.radians(ent.lon - where.lon) * math.cos(math.radians((ent.lat + where.lat) / 2))
    km = 6371 * math.hypot(dlat, dlon)
    return max(0.0, 1.0 - km / 700)


def lookup_logit(method: str, sim: float, ent: EntityInfo, hints: dict | None = None,
                 spelled: float | None = None, names: frozenset[str] = frozenset(), matched: str = "") -> float:
    """Log-odds for a typed name; ``sigmoid`` of it is the confidence (an exact match of a prominent name ~0.98, a
    fuzzy match of an obscure one < 0.5). Candidates are ranked by the log-odds: rounded confidences of good
    candidates tie near 1 (0.9968 for several namesakes), and a tie would fall to the QID."""
    features = lookup_features(method, sim, ent, hints, spelled, names, matched)
    return sum(LOOKUP_WEIGHTS[k] * v for k, v in features.items())


def text_confidence(features: dict[str, float]) -> float:
    """Confidence for a span of running text from its features (see :data:`TEXT_WEIGHTS`)."""
    return sigmoid(TEXT_WEIGHTS["bias"] + sum(TEXT_WEIGHTS[k] * v for k, v in features.items()))
