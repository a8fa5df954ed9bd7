"""The one record every source yields and the builder consumes."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

COARSE_TYPES = ("PER", "LOC", "ORG", "MISC")

#: Languages whose labels and aliases the Wikidata readers keep, in priority order. Urdu and English are the
#: two the linker shows; the others help transliteration and cross-script matching: ``mul`` (Wikidata's
#: language-independent label, usually the Latin-script name), Hindi (Devanagari is phonetic and close to
#: Urdu pronunciation), Western Punjabi (Shahmukhi, i.e. Urdu script), Persian, Arabic and Pashto (Arabic
#: script, often the same spelling as Urdu), Russian (Cyrillic shows how Russian names are pronounced).
#: Bounded on purpose: every language adds names to the index.
LANGS = ("ur", "en", "mul", "hi", "pnb", "fa", "ar", "ps", "ru")
#: Languages whose descriptions are kept (the linker shows them).
DESCRIPTION_LANGS = ("ur", "en")


@dataclass(slots=True)
class Entity:
    """A Wikidata item as far as linking needs it."""

    qid: str
    labels: dict[str, str] = field(default_factory=dict)          # lang -> label
    aliases: dict[str, list[str]] = field(default_factory=dict)   # lang -> aliases
    descriptions: dict[str, str] = field(default_factory=dict)    # lang -> description
    coarse: str = "MISC"                                          # PER / LOC / ORG / MISC
    classes: list[str] = field(default_factory=list)              # fine classes, highest priority first
    country: str = ""                                             # ISO 3166-1 alpha-2 or a QID
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    sitelinks: int | None = None
    rank: int | None = None      # Natural Earth / Who's On First rank: smaller is more prominent
    sources: list[str] = field(default_factory=list)

    def merge(self, other: Entity) -> None:
        """Fold another record of the same QID into this one (union of names; first record wins ties).

        A LOC record's type wins over another coarse type: the place file is authoritative for places. A LOC
        record with no evidence of being a place (no class, country or coordinates: the extract's bare labels of a
        2015 Wikidata sample, where Google, NASA and Hamas are "LOC") yields to a typed record of another type.
        """
        assert other.qid == self.qid
        if self.coarse == "LOC" and other.coarse not in ("LOC", "MISC") and other.classes and not self._placed():
            self.coarse = other.coarse
        for lang, label in other.labels.items():
            self.add_name(lang, label)
        for lang, names in other.aliases.items():
            for name in names:
                self._add_alias(lang, name)
        for lang, desc in other.descriptions.items():
            self.descriptions.setdefault(lang, desc)
        if other.coarse == "LOC" and self.coarse != "LOC" and other._placed():
            self.coarse, self.classes = "LOC", other.classes + [c for c in self.classes if c not in other.classes]
        else:
            self.classes += [c for c in other.classes if c not in self.classes]
        if self.coarse == "MISC":
            self.coarse = other.coarse
        self.country = self.country or other.country
        if self.lat is None:
            self.lat, self.lon = other.lat, other.lon
        self.population = _max(self.population, other.population)
        self.sitelinks = _max(self.sitelinks, other.sitelinks)
        if other.rank is not None and (self.rank is None or other.rank < self.rank):
            self.rank = other.rank
        self.sources += [s for s in other.sources if s not in self.sources]

    def _placed(self) -> bool:
        """Whether the record shows it is a place: a class, a country or coordinates."""
        return bool(self.classes or self.country or self.lat is not None)

    def add_name(self, lang: str, name: str) -> None:
        """Make ``name`` the label for ``lang`` if there is none yet, else an alias."""
        if not name:
            return
        if not self.labels.get(lang):
            self.labels[lang] = name
        else:
            self._add_alias(lang, name)

    def has_names(self) -> bool:
        return any(self.labels.values()) or any(self.aliases.values())

    def _add_alias(self, lang: str, name: str) -> None:
        if name and name != self.labels.get(lang):
            bucket = self.aliases.setdefault(lang, [])
            if name not in bucket:
                bucket.append(name)

    def prior(self) -> float:
        """Prominence in [0, 1] from sitelinks, else rank, else population (log scales)."""
        if self.sitelinks:
            return min(1.0, math.log1p(self.sitelinks) / math.log1p(300))
        score = 0.0
        if self.rank is not None:
            score = max(0.0, 1.0 - self.rank / 20)
        if self.population and self.population > 1:
            score = max(score, min(1.0, math.log10(self.population) / 8) * 0.9)
        return round(score, 4)


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)
