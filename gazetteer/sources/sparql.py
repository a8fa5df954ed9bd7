"""Reader for a SPARQL endpoint speaking Wikidata's RDF vocabulary (WDQS, QLever, Oxigraph), via wikidata-client.

The queries are portable SPARQL 1.1: explicit PREFIXes, rdfs:label / skos:altLabel / schema:description with
FILTER(lang(...)) and no wikibase:label service, so they run unchanged on any of those endpoints.
wikidata-client drops language tags, so every query that needs a language selects ``lang()`` explicitly.

Items are listed page by page with keyset paging (``FILTER(STR(?item) > last) ORDER BY STR(?item) LIMIT n``:
stable, and no deep OFFSET), first those with an Urdu label or Urdu Wikipedia article, then prominent items
without one. Names and facts of each page are then fetched for small VALUES blocks (short GET URLs).
"""
from __future__ import annotations

import email.utils
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

import regex
import requests
import wikidata_client

from ..record import DESCRIPTION_LANGS, LANGS, Entity
from . import SourceError
from .wikidata import DEFAULT_MIN_SITELINKS, make_entity

log = logging.getLogger(__name__)

ENTITY = "http://www.wikidata.org/entity/"
URWIKI = "https://ur.wikipedia.org/"

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""

_URWIKI_ARTICLE = f"?article schema:about ?item ; schema:isPartOf <{URWIKI}>"

#: Items with an Urdu label or an Urdu Wikipedia article.
URDU_ITEMS = PREFIXES + """SELECT DISTINCT ?item WHERE {
  { ?item rdfs:label ?label . FILTER(lang(?label) = "ur") }
  UNION { %(article)s . }
  FILTER(STRSTARTS(STR(?item), "%(entity)sQ") && STR(?item) > "%(after)s")
} ORDER BY STR(?item) LIMIT %(limit)d"""

#: Prominent items without either: Latin-script names to match across scripts.
PROMINENT_ITEMS = PREFIXES + """SELECT ?item WHERE {
  ?item wikibase:sitelinks ?links .
  FILTER(?links >= %(min_sitelinks)d)
  FILTER(STRSTARTS(STR(?item), "%(entity)sQ") && STR(?item) > "%(after)s")
  FILTER NOT EXISTS { ?item rdfs:label ?label . FILTER(lang(?label) = "ur") }
  FILTER NOT EXISTS { %(article)s . }
} ORDER BY STR(?item) LIMIT %(limit)d"""

NAMES = PREFIXES + """SELECT ?item ?kind ?lang ?text WHERE {
  VALUES ?item { %(values)s }
  { ?item rdfs:label ?text . BIND("label" AS ?kind) }
  UNION { ?item skos:altLabel ?text . BIND("alias" AS ?kind) }
  UNION { ?item schema:description ?text . BIND("description" AS ?kind)
          FILTER(lang(?text) IN (%(description_langs)s)) }
  UNION { %(article)s ; schema:name ?text . BIND("urwiki" AS ?kind) }
  BIND(lang(?text) AS ?lang)
  FILTER(?lang IN (%(langs)s))
}"""

FACTS = PREFIXES + """SELECT ?item ?p ?v WHERE {
  VALUES ?item { %(values)s }
  { ?item wdt:P31 ?v . BIND("P31" AS ?p) }
  UNION { ?item wdt:P17 ?v . BIND("P17" AS ?p) }
  UNION { ?item wdt:P17/wdt:P297 ?v . BIND("P297" AS ?p) }
  UNION { ?item wdt:P625 ?v . BIND("P625" AS ?p) }
  UNION { ?item wdt:P1082 ?v . BIND("P1082" AS ?p) }
  UNION { ?item wikibase:sitelinks ?v . BIND("sitelinks" AS ?p) }
}"""

_POINT = regex.compile(r"\s*Point\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)\s*")  # WKT: lon lat, Earth only
_ERRNO = regex.compile(r"\[Errno -?\d+\] ([^'\")]+)")


def _quoted(langs: tuple[str, ...]) -> str:
    return ", ".join(f'"{lang}"' for lang in langs)


def _number(text: str | None, kind: type) -> Any:
    try:
        return kind(float(text)) if text else None
    except ValueError:
        return None


def retry_after(response: requests.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP-date), if any."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class SparqlSource:
    """Streams the selected items of a Wikidata-vocabulary SPARQL endpoint.

    Requests time out after ``timeout`` s; 429, 5xx, timeouts and connection errors are retried up to
    ``retries`` times with exponential backoff (``backoff`` * 2**attempt s), or after the server's
    Retry-After when it sends one (at most ``max_wait`` s, else give up). Anything else, or running out of
    retries, raises a one-line :class:`SourceError`.
    """

    def __init__(self, endpoint: str, *, min_sitelinks: int = DEFAULT_MIN_SITELINKS, page_size: int = 5000,
                 values_size: int = 200, timeout: float = 120.0, retries: int = 5, backoff: float = 2.0,
                 max_wait: float = 600.0, sleep: Callable[[float], None] = time.sleep):
        self.endpoint = endpoint
        self.name = endpoint
        self.min_sitelinks = min_sitelinks
        self.page_size = page_size
        self.values_size = min(values_size, page_size)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.skipped = 0
        self.filtered = 0
        self.pages = 0      # item-list pages fetched
        self.requests = 0   # HTTP requests sent, retries included

    def query(self, sparql: str) -> list[Mapping[str, Any]]:
        """Run one query with timeout and bounded retries; SourceError when it cannot succeed."""
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                return wikidata_client.query(sparql, endpoint=self.endpoint, timeout=self.timeout)
            except requests.HTTPError as e:
                status = e.response.status_code
                body = " ".join(e.response.text.split())[:200]
                if status != 429 and status < 500:
                    raise SourceError(f"SPARQL endpoint {self.endpoint} refused the query: "
                                      f"HTTP {status}: {body}") from None
                why, wait = f"HTTP {status}", retry_after(e.response)
                if wait is not None and wait > self.max_wait:
                    raise SourceError(f"SPARQL endpoint {self.endpoint} asks to retry after {wait:.0f} s "
                                      f"(more than {self.max_wait:.0f} s): try again later") from None
            except (requests.ConnectionError, requests.Timeout) as e:
                match = _ERRNO.search(str(e))
                why, wait = ("timed out" if isinstance(e, requests.Timeout) else
                             match.group(1).strip() if match else type(e).__name__), None
            except (ValueError, KeyError, TypeError) as e:  # 200 but not SPARQL JSON results
                raise SourceError(f"SPARQL endpoint {self.endpoint} did not answer with SPARQL JSON results "
                                  f"({type(e).__name__})") from None
            except requests.RequestException as e:
                raise SourceError(f"SPARQL endpoint {self.endpoint}: {type(e).__name__}: {e}") from None
            if attempt == self.retries:
                raise SourceError(f"SPARQL endpoint {self.endpoint} unreachable: {why} "
                                  f"(after {self.retries + 1} attempts)")
            wait = self.backoff * 2 ** attempt if wait is None else wait
            log.warning("%s: %s; retrying in %.1f s", self.endpoint, why, wait)
            self.sleep(wait)
        raise AssertionError("unreachable")

    def _item_pages(self, template: str) -> Iterator[list[str]]:
        after = ""
        while True:
            rows = self.query(template % {"entity": ENTITY, "article": _URWIKI_ARTICLE, "after": after,
                                          "limit": self.page_size, "min_sitelinks": self.min_sitelinks})
            self.pages += 1
            qids = [row["item"] for row in rows if "item" in row]
            if qids:
                yield qids
            if len(rows) < self.page_size:
                return
            after = ENTITY + qids[-1]

    def _details(self, qids: list[str]) -> Iterator[Entity]:
        values = " ".join(f"wd:{q}" for q in qids)
        names: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for row in self.query(NAMES % {"values": values, "article": _URWIKI_ARTICLE,
                                       "langs": _quoted(LANGS), "description_langs": _quoted(DESCRIPTION_LANGS)}):
            names[row["item"]].append((row["kind"], row["lang"], row["text"]))
        facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in self.query(FACTS % {"values": values}):
            facts[row["item"]][row["p"]].append(row["v"])
        for qid in qids:
            entity = self._entity(qid, names.get(qid, []), facts.get(qid, {}))
            if entity is None:
                self.filtered += 1
            else:
                yield entity

    def _entity(self, qid: str, names: list[tuple[str, str, str]], facts: Mapping[str, list[str]]) -> Entity | None:
        labels: dict[str, str] = {}
        aliases: dict[str, list[str]] = defaultdict(list)
        descriptions: dict[str, str] = {}
        urwiki = ""
        for kind, lang, text in sorted(names):  # sorted: a deterministic label if an endpoint returns several
            if kind == "label":
                labels.setdefault(lang, text)
            elif kind == "alias":
                aliases[lang].append(text)
            elif kind == "description":
                descriptions.setdefault(lang, text)
            elif kind == "urwiki":
                urwiki = urwiki or text
        point = next((m for v in facts.get("P625", []) if (m := _POINT.fullmatch(v))), None)
        populations = [p for v in facts.get("P1082", []) if (p := _number(v, int)) is not None]
        sitelinks = [s for v in facts.get("sitelinks", []) if (s := _number(v, int)) is not None]
        return make_entity(
            qid, labels=labels, aliases=aliases, descriptions=descriptions, p31=facts.get("P31", []),
            country=min(facts.get("P297", []), default="") or min(facts.get("P17", []), default=""),
            coords=(float(point.group(2)), float(point.group(1))) if point else None,
            population=max(populations, default=None), sitelinks=max(sitelinks, default=None),
            urwiki_title=urwiki, source=self.name)

    def __iter__(self) -> Iterator[Entity]:
        for template in (URDU_ITEMS, PROMINENT_ITEMS):
            for qids in self._item_pages(template):
                for start in range(0, len(qids), self.values_size):
                    yield from self._details(qids[start:start + self.values_size])
