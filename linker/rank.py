"""Scores in [0, 1] for (name, entity) pairs: match quality, prominence, context. A score reads as a confidence.

Both scores are logistic functions of a few features, so that 0.5 is a sensible default threshold and a user can
ask for more precision (0.7) or more recall (0.3):

* :func:`confidence` scores a name typed by a user (lookup): spelling agreement and prominence only;
* :func:`text_confidence` scores a span of running text, where most exact matches are accidents (common words
  that are also the name of some village): it adds the features of :data:`TEXT_WEIGHTS`.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

#: How much each way of matching is worth when the strings agree perfectly (sim = 1).
METHOD_WEIGHT = {
    "exact": 1.0,            # a real gazetteer name, same script, same key
    "generated": 0.9,        # an Urdu spelling generated at build time from an English name
    "transliteration": 0.85,  # the query romanised (to_latin n-best) matches an English name
    "key": 0.8,              # the cross-script phonetic skeletons agree
    "fuzzy": 0.95,           # a real name in the same script, a few characters apart (sim < 1 by definition)
}

#: Logit weights of the running-text features (hand-set defaults; ``linker/data/text_weights.json``, written by
#: ``bench/fit_text_weights.py`` from NER corpora, overrides them when present).
TEXT_WEIGHTS: dict[str, float] = {
    "bias": -4.5,
    "quality": 6.5,          # match_quality() of the best spelling
    "prominence": 2.5,       # prominence() of the entity
    "single": -0.8,          # the span is one word
    "short": -1.2,           # ... of at most 3 letters
    "common": -5.0,          # ... which is a common Urdu word (context.COMMON_WORDS)
    "latin": 0.8,            # the span is in Latin script inside Urdu text
    "cue_agrees": 1.0,       # a neighbouring word announces the entity's type (صدر + PER, شہر + LOC)
    "cue_disagrees": -0.8,   # ... announces another type
    "untyped": -2.5,         # the entity has no class and no country (concepts: cricket, October)
    "misc": -1.5,            # the entity is not a person, place or organisation (languages, diseases)
    "foreign_alias": -1.5,   # matched an Urdu-script name listed under another language
    "split": -0.3,           # a glued postposition was cut off (ماسکواور)
    "initialism": -0.2,      # spelled letter by letter (ڈی پی آر کے)
    "two_letters": -6.0,     # ... with two letters only, for anything but an organisation (ٹی وی is not Tuvalu)
    "person_part": -1.5,     # one word matching one word of a person's name (a first name alone)
    "coherent": 0.7,         # shares a country with another confident link of the text
    "seen_in_full": 2.5,     # the name was linked in full elsewhere in the text (پوتن after ولادیمیر پوتن)
}
_WEIGHTS_FILE = Path(__file__).with_name("data") / "text_weights.json"
if _WEIGHTS_FILE.is_file():
    TEXT_WEIGHTS.update(json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"])

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

    @property
    def untyped(self) -> bool:
        """No class and no country: in the extract these are concepts (cricket, film, October), not places."""
        return not self.classes and not self.country


def prominence(qid: str, coarse: str, prior: float, classes: str, label_ur: str, country: str) -> float:
    """Prominence in [0, 1]: the gazetteer prior, else (people, organisations) the age of the QID and offices.

    Low QIDs were created early for well-known topics (Q76 Obama, Q567 Merkel) while back-bench legislators have
    QIDs in the millions; an Urdu label means someone cared to write the name in Urdu. An entity with neither
    class nor country is a concept in the extract (cricket, October): no prominence as a named entity.
    """
    if not classes and not country:
        return 0.0
    p = prior
    if coarse in ("PER", "ORG", "MISC") or p == 0:
        try:
            digits = math.log10(max(int(qid[1:]), 1))
        except ValueError:
            digits = 8.0
        p = max(p, min(1.0, max(0.0, (8.0 - digits) / 6.0)))
        if coarse == "PER" and _HIGH_OFFICE.search(classes):
            p = min(1.0, p + 0.25)
    if label_ur:
        p = min(1.0, p + 0.15)
    return round(p, 4)


def match_quality(method: str, sim: float) -> float:
    """How well the mention's spelling supports the entity, in [0, 1]."""
    return METHOD_WEIGHT[method] * sim ** 2


def _sigmoid(z: float) -> float:
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 4)


def confidence(quality: float, prom: float) -> float:
    """Confidence for a typed name: exact match of a prominent name ~0.98; a fuzzy match of an obscure one < 0.5."""
    return _sigmoid(-4.5 + 6.5 * quality + 2.0 * prom)


def text_confidence(features: dict[str, float]) -> float:
    """Confidence for a span of running text from its features (see :data:`TEXT_WEIGHTS`)."""
    return _sigmoid(TEXT_WEIGHTS["bias"] + sum(TEXT_WEIGHTS[k] * v for k, v in features.items()))
