"""What the two Wikidata readers (JSON dump, SPARQL) share: which items to keep and how facts become records.

Both select the same items so that a dump build and a query build agree: every item with an Urdu label or
alias or an Urdu Wikipedia article, plus the prominent items without any (at least ``min_sitelinks``
sitelinks) so that Latin-script names can be matched across scripts.
"""
from __future__ import annotations

from collections.abc import Iterable

import regex

from ..classes import classify
from ..record import DESCRIPTION_LANGS, LANGS, Entity

#: Items without an Urdu name are kept from this many sitelinks on (Wikipedia articles and other wikis).
DEFAULT_MIN_SITELINKS = 10

_DISAMBIGUATOR = regex.compile(r"\s*\([^()]*\)\s*$")  # "ٹیکساس (امریکی ریاست)" -> "ٹیکساس"


def make_entity(qid: str, *, labels: dict[str, str], aliases: dict[str, list[str]],
                descriptions: dict[str, str], p31: Iterable[str], country: str = "",
                coords: tuple[float, float] | None = None, population: int | None = None,
                sitelinks: int | None = None, urwiki_title: str = "", source: str) -> Entity | None:
    """An :class:`Entity` from an item's facts, or None if it is not one to link to.

    Not kept: items of a class the table marks SKIP (disambiguation pages, taxa, …) and items with no
    label or alias in :data:`LANGS`. The title of the item's Urdu Wikipedia article is an Urdu name too
    (the label if the item has no Urdu label), without the trailing disambiguator in parentheses.
    """
    typed = classify(p31, coords is not None)
    if typed is None:
        return None
    entity = Entity(
        qid=qid,
        labels={lang: labels[lang] for lang in LANGS if labels.get(lang)},
        aliases={lang: list(dict.fromkeys(aliases[lang])) for lang in LANGS if aliases.get(lang)},
        descriptions={lang: descriptions[lang] for lang in DESCRIPTION_LANGS if descriptions.get(lang)},
        coarse=typed[0], classes=typed[1], country=country,
        lat=coords[0] if coords else None, lon=coords[1] if coords else None,
        population=population, sitelinks=sitelinks, sources=[source],
    )
    if urwiki_title:
        entity.add_name("ur", _DISAMBIGUATOR.sub("", urwiki_title) or urwiki_title)
    return entity if entity.has_names() else None


def is_selected(has_urdu: bool, sitelinks: int, min_sitelinks: int) -> bool:
    """The selection rule of both readers (see the module docstring)."""
    return has_urdu or sitelinks >= min_sitelinks
