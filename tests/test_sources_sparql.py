"""The SPARQL reader against a real Oxigraph server loaded with tests/fixtures/wikidata_sample.ttl, and its
error paths against a real local HTTP server (stdlib) that answers 429/503 or nothing."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from gazetteer import build
from gazetteer.cli import main as rebuild_main
from gazetteer.sources import SourceError, open_source
from gazetteer.sources.dump import DumpSource
from gazetteer.sources.sparql import SparqlSource
from linker import Linker
from tests.conftest import FIXTURES

TTL = FIXTURES / "wikidata_sample.ttl"
SELECTED = {"Q649", "Q159", "Q1697", "Q18808", "Q423", "Q8660", "Q843", "Q7747", "Q22686", "Q56226", "Q7184",
            "Q284454"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> str:
    """URL of a read-only Oxigraph server holding the Turtle fixture."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the oxigraph CLI is missing: pip install -e '.[dev]' installs it")
    db = tmp_path_factory.mktemp("oxigraph") / "db"
    subprocess.run([exe, "load", "--location", str(db), "--file", str(TTL)], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([exe, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(200):
            try:
                if requests.get(url, params={"query": "ASK {}"}, timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("oxigraph did not start")
        yield url
    finally:
        server.terminate()
        server.wait(10)


def _read(url: str, **kwargs) -> tuple[SparqlSource, dict]:
    source = SparqlSource(url, min_sitelinks=5, **kwargs)
    return source, {e.qid: e for e in source}


def test_selects_urdu_items_and_prominent_latin_only_items(oxigraph):
    source, entities = _read(oxigraph)
    assert set(entities) == SELECTED
    # Khasan: no Urdu name and 1 sitelink; P31: a property; the disambiguation page and the German-only item
    # are selected and then left out (filtered), not yielded.
    assert source.filtered == 2
    assert entities["Q22686"].labels == {"en": "Donald Trump"}


def test_paging_pages_and_loses_nothing(oxigraph):
    big, whole = _read(oxigraph, page_size=1000)
    small, paged = _read(oxigraph, page_size=2)
    assert big.pages == 2  # one page of Urdu items, one of prominent ones
    assert small.pages == 9  # 12 Urdu items -> 6 full pages + an empty one; 2 prominent -> 1 full + 1 empty
    assert paged.keys() == whole.keys()
    assert all(paged[q] == whole[q] for q in whole)


def test_languages_descriptions_and_facts(oxigraph):
    _, entities = _read(oxigraph)
    moscow = entities["Q649"]
    assert moscow.labels == {"ur": "ماسکو", "en": "Moscow", "ru": "Москва", "hi": "मास्को", "fa": "مسکو"}
    assert sorted(moscow.aliases["en"]) == ["Moscow City", "Moskva"]
    assert moscow.descriptions == {"en": "capital and largest city of Russia", "ur": "روس کا دارالحکومت"}
    assert (moscow.coarse, moscow.country, moscow.population, moscow.sitelinks) == ("LOC", "RU", 13010112, 30)
    assert moscow.lat == pytest.approx(55.7558) and moscow.lon == pytest.approx(37.6178)
    assert moscow.classes == ["capital", "city", "city with millions of inhabitants"]
    assert entities["Q18808"].aliases["ur"] == ["پیونگ یانگ"]
    assert entities["Q7184"].coarse == "ORG" and entities["Q56226"].coarse == "PER"
    # No Urdu label: the Urdu Wikipedia title (without its disambiguator) becomes the Urdu label.
    assert entities["Q7747"].labels["ur"] == "ولادیمیر پوتن"


def test_the_dump_reader_and_the_sparql_reader_agree(oxigraph):
    _, by_sparql = _read(oxigraph)
    dump = DumpSource(FIXTURES / "wikidata_dump.json", min_sitelinks=5)
    by_dump = {e.qid: e for e in dump}
    assert by_dump.keys() == by_sparql.keys()
    for qid, d in by_dump.items():
        s = by_sparql[qid]
        assert (d.labels, d.descriptions, d.coarse, d.classes, d.population, d.sitelinks) == \
               (s.labels, s.descriptions, s.coarse, s.classes, s.population, s.sitelinks), qid
        assert {k: sorted(v) for k, v in d.aliases.items()} == {k: sorted(v) for k, v in s.aliases.items()}, qid
        assert dump.country_codes.get(d.country, d.country) == s.country, qid
        assert (d.lat is None) == (s.lat is None) and (d.lat or 0) == pytest.approx(s.lat or 0), qid


def test_merges_with_an_extract_into_a_working_gazetteer(oxigraph, tmp_path):
    out = tmp_path / "g.sqlite"
    stats = build([SparqlSource(oxigraph, min_sitelinks=5), open_source(str(FIXTURES / "entities.jsonl"))], out)
    # entities.jsonl shares 10 QIDs with the selection and adds Tokyo, Khasan and Q90000002.
    assert stats.merged == 10
    assert stats.entities == len(SELECTED) + 3
    linker = Linker.open(out)
    assert linker.lookup("ماسکو")[0].qid == "Q649"
    assert linker.lookup("Москва")[0].qid == "Q649"
    assert linker.lookup("ولادیمیر پوتن")[0].qid == "Q7747"
    assert linker.lookup("ٹوکیو")[0].qid == "Q1490"  # from the extract only


def test_rebuild_cli_reads_a_sparql_endpoint(oxigraph, tmp_path):
    from click.testing import CliRunner

    out = tmp_path / "g.sqlite"
    result = CliRunner().invoke(rebuild_main, ["--source", f"sparql:{oxigraph}", "--out", str(out),
                                               "--min-sitelinks", "5", "--page-size", "3", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"{len(SELECTED)} entities" in result.output
    assert Linker.open(out).lookup("Donald Trump")[0].qid == "Q22686"


# --- error paths: a real local HTTP server scripted to fail -----------------------------------------------

RESULTS = {"head": {"vars": ["item"]},
           "results": {"bindings": [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q649"}}]}}


class _Scripted(ThreadingHTTPServer):
    """Answers the n-th request with the n-th (status, headers, delay) of ``script``; then 200 with RESULTS."""

    def __init__(self, script):
        self.script = list(script)
        self.times: list[float] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(handler):  # noqa: N805
                self.times.append(time.monotonic())
                status, headers, delay = self.script.pop(0) if self.script else (200, {}, 0)
                time.sleep(delay)
                body = json.dumps(RESULTS).encode() if status == 200 else b"busy"
                handler.send_response(status)
                for k, v in {"Content-Type": "application/sparql-results+json", **headers}.items():
                    handler.send_header(k, v)
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                try:
                    handler.wfile.write(body)
                except OSError:
                    pass

            def log_message(handler, *args):  # noqa: N805
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def test_retries_honour_retry_after_then_back_off(tmp_path):
    server = _Scripted([(429, {"Retry-After": "1"}, 0), (503, {}, 0)])
    with server as url:
        source = SparqlSource(url, retries=3, backoff=0.2)
        assert source.query("SELECT ?item WHERE {}") == [{"item": "Q649"}]
    first, second, third = server.times
    assert second - first >= 1.0          # the server's Retry-After, not the 0.2 s backoff
    assert 0.4 <= third - second < 1.0    # second retry: backoff * 2
    assert source.requests == 3


def test_retry_after_longer_than_allowed_gives_up_at_once():
    server = _Scripted([(429, {"Retry-After": "3600"}, 0)])
    with server as url, pytest.raises(SourceError, match="retry after 3600 s"):
        SparqlSource(url, max_wait=60).query("SELECT ?item WHERE {}")
    assert len(server.times) == 1


def test_persistent_5xx_ends_in_one_line_error_after_bounded_retries():
    server = _Scripted([(503, {}, 0)] * 10)
    with server as url, pytest.raises(SourceError) as err:
        SparqlSource(url, retries=2, backoff=0.01).query("SELECT ?item WHERE {}")
    assert len(server.times) == 3
    assert "HTTP 503" in str(err.value) and "after 3 attempts" in str(err.value) and "\n" not in str(err.value)


def test_a_client_error_is_not_retried():
    server = _Scripted([(400, {}, 0)])
    with server as url, pytest.raises(SourceError, match="HTTP 400"):
        SparqlSource(url, retries=3, backoff=0.01).query("SELECT nonsense")
    assert len(server.times) == 1


def test_timeouts_are_retried_then_reported():
    server = _Scripted([(200, {}, 1.0)] * 3)
    with server as url, pytest.raises(SourceError, match="timed out"):
        SparqlSource(url, timeout=0.2, retries=1, backoff=0.01).query("SELECT ?item WHERE {}")
    assert len(server.times) == 2


def test_unreachable_endpoint_is_a_clear_error():
    url = f"http://127.0.0.1:{_free_port()}/sparql"  # nothing listens there
    with pytest.raises(SourceError) as err:
        list(SparqlSource(url, retries=1, backoff=0.01))
    message = str(err.value)
    assert message.startswith(f"SPARQL endpoint {url} unreachable") and "refused" in message.lower()
