"""The Flask app through its test client: every route, every error path, escaping and headers."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from html.parser import HTMLParser

import pytest

from linker import NORMALISER_VERSION, Candidate, Linker, Mention
from web import create_app
from web.highlight import segments
from tests.engine_gazetteer import engine_gazetteer  # noqa: F401 (fixture)

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SENTENCE = "روسی صدر نے ماسکو میں کہا کہ پیانگ یانگ اور ٹوکیو کے درمیان بات چیت ہو گی۔"


@pytest.fixture
def app(fixture_gazetteer):
    return create_app({"GAZETTEER": str(fixture_gazetteer), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


class _Page(HTMLParser):
    """Tags and attributes of a page, and the visible text of the linked-text block (tooltips left out)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.linked_text = ""
        self._stack: list[str] = []      # 'text' / 'tip' / '' for open elements inside #linked-text
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id") == "linked-text":
            self._stack = ["text"]
        elif self._stack:
            self._stack.append("tip" if "tip" in (a.get("class") or "").split() else "")

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._stack and "tip" not in self._stack:
            self.linked_text += data


def _mention_links(html: str) -> list[tuple[str, str, str]]:
    """(type class, QID, surface) of each linked mention in the highlighted text."""
    return re.findall(r'<span class="m (t-\w+)"><a href="https://www\.wikidata\.org/wiki/(Q\d+)"[^>]*>([^<]*)</a>', html)


# --- pages ---------------------------------------------------------------------------------------------

def test_index_form_posts_text_to_itself_and_offers_examples(client):
    r = client.get("/")
    assert r.status_code == 200
    page = _Page(r.get_data(as_text=True))
    forms = [a for t, a in page.tags if t == "form" and a.get("method") == "post"]
    assert forms and all(f["action"] == "/" for f in forms)
    textarea = next(a for t, a in page.tags if t == "textarea")
    assert (textarea["name"], textarea["dir"], textarea["lang"]) == ("text", "rtl", "ur")
    assert any(t == "label" and a.get("for") == "text" for t, a in page.tags)
    examples = [a["value"] for t, a in page.tags if t == "input" and a.get("type") == "hidden"]
    assert len(examples) >= 3 and any("ماسکو" in e for e in examples)


def test_example_button_links_its_text_in_one_post(client):
    example = next(a["value"] for t, a in _Page(client.get("/").get_data(as_text=True)).tags
                   if t == "input" and a.get("type") == "hidden" and "ماسکو" in a["value"])
    html = client.post("/", data={"text": example}).get_data(as_text=True)
    assert ("t-LOC", "Q649", "ماسکو") in _mention_links(html)


def test_posted_text_is_shown_rtl_with_mentions_linked_to_wikidata(client, fixture_gazetteer):
    r = client.post("/", data={"text": SENTENCE})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    links = _mention_links(html)
    assert ("t-LOC", "Q649", "ماسکو") in links
    assert ("t-LOC", "Q18808", "پیانگ یانگ") in links
    page = _Page(html)
    block = next(a for t, a in page.tags if a.get("id") == "linked-text")
    assert (block["dir"], block["lang"]) == ("rtl", "ur")
    assert page.linked_text == SENTENCE            # highlighting loses and moves nothing
    # The side panel names every mention the linker found, with English and Urdu labels and score.
    mentions = Linker.open(fixture_gazetteer).link(SENTENCE)
    assert html.count('<li id="mention-') == len(mentions)
    for m in mentions:
        assert f"<dd>{m.label_en}</dd>" in html and f"<dd>{m.score:.2f}" in html


def test_a_name_found_by_sound_shows_the_spelling_it_came_through(engine_gazetteer):
    # Arif Alvi has no Urdu name: the panel says which of the gazetteer's generated spellings led to him.
    client = create_app({"GAZETTEER": str(engine_gazetteer), "TESTING": True}).test_client()
    html = client.post("/", data={"text": "پاکستان کے صدر عارف علوی نے کہا"}).get_data(as_text=True)
    (m,) = [m for m in Linker.open(engine_gazetteer).link("پاکستان کے صدر عارف علوی نے کہا") if m.qid == "Q4790529"]
    assert f"<dt>Via</dt><dd><bdi>{m.why['via']}</bdi></dd>" in html
    assert ("t-PER", "Q4790529", "عارف علوی") in _mention_links(html)


def test_long_text_is_refused_on_the_page_and_kept_in_the_form(fixture_gazetteer):
    app = create_app({"GAZETTEER": str(fixture_gazetteer), "MAX_TEXT_CHARS": 20})
    r = app.test_client().post("/", data={"text": "ماسکو " * 5})
    assert r.status_code == 413
    html = r.get_data(as_text=True)
    assert 'role="alert"' in html and "limit is 20" in html
    assert "ماسکو ماسکو" in html                   # the text is still in the textarea


def test_oversized_form_is_an_html_413(client):
    r = client.post("/", data={"text": "ا" * (3 * 1024 * 1024)})
    assert r.status_code == 413 and r.mimetype == "text/html" and 'role="alert"' in r.get_data(as_text=True)


def test_unlinked_names_show_their_transliteration(app, fixture_gazetteer):
    """A NIL mention (qid None) is highlighted as unlinked and listed with its Latin spelling."""
    text = "سرحد پر کھاسن ہے"
    nil = Mention(8, 13, "کھاسن", None, "", "", "LOC", 0.3)
    from flask import render_template
    with app.test_request_context("/", method="POST"):
        html = render_template("index.html", text=text, examples=(), mentions=[nil], error=None,
                               segments=segments(text, [nil]), translits={"کھاسن": "Khasan"})
    page = _Page(html)
    assert page.linked_text == text
    assert re.search(r'<span class="m t-LOC nil"><span tabindex="0"[^>]*>کھاسن</span>', html)
    assert html.count("Khasan") == 2                 # tooltip and side panel
    assert "wikidata.org/wiki/None" not in html


def test_segments_skip_overlapping_and_out_of_range_mentions():
    text = "abcdefghij"
    ms = [Mention(2, 5, "cde", "Q1", "", "", "LOC", 1.0), Mention(3, 6, "def", "Q2", "", "", "LOC", 1.0),
          Mention(8, 12, "ij??", "Q3", "", "", "LOC", 1.0), Mention(0, 1, "a", "Q4", "", "", "PER", 1.0)]
    segs = segments(text, ms)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.number) for s in segs if s.mention] == [("a", 4), ("cde", 1)]


def test_lookup_page_ranks_candidates_with_score_and_method(client):
    r = client.get("/lookup", query_string={"q": "ماسکو"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    rows = re.findall(r"<tr><td>(\d+)</td><td><a href=\"https://www\.wikidata\.org/wiki/(Q\d+)\"", html)
    assert rows[0] == ("1", "Q649")
    assert re.search(r"<td>(exact|fuzzy|key|transliteration|generated)</td>", html)
    assert '<span lang="ur" dir="rtl" class="ur">ماسکو</span>' in html


def test_lookup_page_without_query_shows_only_the_form(client):
    html = client.get("/lookup").get_data(as_text=True)
    assert 'name="q"' in html and "<table" not in html and 'role="alert"' not in html


def test_lookup_page_reports_a_bad_k(client):
    r = client.get("/lookup", query_string={"q": "ماسکو", "k": "999"})
    assert r.status_code == 400 and "k must be an integer from 1 to 50" in r.get_data(as_text=True)


def test_translit_page_lists_n_best_both_ways(client, fixture_gazetteer):
    linker = Linker.open(fixture_gazetteer)
    r = client.get("/translit", query_string={"q": "کھاسن", "to": "latn", "n": 3})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'class="spellings"' in html, "no spellings listed for کھاسن"
    got = re.findall(r"<li>([^<]*)</li>", html.split('class="spellings"')[1])
    assert got == linker.transliterate("کھاسن", to="latn", n=3) and 1 <= len(got) <= 3
    r = client.get("/translit", query_string={"q": "Khasan", "to": "urdu", "n": 2})
    html = r.get_data(as_text=True)
    assert '<ol class="spellings" lang="ur" dir="rtl">' in html
    got = re.findall(r'<li class="ur">([^<]*)</li>', html)
    assert got == linker.transliterate("Khasan", to="urdu", n=2) and got


def test_translit_page_reports_a_bad_direction(client):
    r = client.get("/translit", query_string={"q": "x", "to": "klingon"})
    assert r.status_code == 400 and "to must be one of latn, urdu" in r.get_data(as_text=True)


def test_unknown_page_is_an_html_404(client):
    r = client.get("/nowhere")
    assert r.status_code == 404 and r.mimetype == "text/html"


# --- JSON API --------------------------------------------------------------------------------------------

MENTION_FIELDS = {"start", "end", "surface", "qid", "label_en", "label_ur", "type", "score", "candidates", "why"}
CANDIDATE_FIELDS = {"qid", "label_en", "label_ur", "type", "score", "matched", "method"}


def test_api_link_returns_mentions_with_the_contract_fields(client):
    text = "  " + SENTENCE.replace("ماسکو", "ماسکو\u064e")     # leading spaces and a diacritic shift offsets
    r = client.post("/api/link", json={"text": text})
    assert r.status_code == 200 and r.mimetype == "application/json"
    mentions = r.get_json()["mentions"]
    assert mentions
    for m in mentions:
        assert set(m) == MENTION_FIELDS
        assert text[m["start"]:m["end"]] == m["surface"]
        for c in m["candidates"]:
            assert set(c) == CANDIDATE_FIELDS
    assert {"Q649", "Q18808"} <= {m["qid"] for m in mentions}


def test_api_link_accepts_json_without_the_content_type(client):
    r = client.post("/api/link", data=json.dumps({"text": "ماسکو"}), content_type="text/plain")
    assert r.status_code == 200 and r.get_json()["mentions"][0]["qid"] == "Q649"


def test_api_link_of_empty_text_is_empty(client):
    assert client.post("/api/link", json={"text": ""}).get_json() == {"mentions": []}


@pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe", b"[1, 2]", b'"text"', b"null", b"{}",
                                  b'{"text": 5}', b'{"text": null}', b'{"text": ["a"]}', b'{"text": "\\ud800"}'])
def test_api_link_rejects_bad_bodies_with_a_json_400(client, body):
    r = client.post("/api/link", data=body, content_type="application/json")
    assert r.status_code == 400
    err = r.get_json()
    assert err["status"] == 400 and err["message"]


def test_api_link_text_limit_is_a_json_413(client, fixture_gazetteer):
    r = client.post("/api/link", json={"text": "ا" * 100_001})
    assert r.status_code == 413 and "limit is 100,000" in r.get_json()["message"]
    small = create_app({"GAZETTEER": str(fixture_gazetteer), "MAX_TEXT_CHARS": 10}).test_client()
    assert small.post("/api/link", json={"text": "ماسکو ماسکو"}).status_code == 413   # 11 characters
    assert small.post("/api/link", json={"text": "ماسکو ماسک"}).status_code == 200    # 10 characters


def test_oversized_body_is_a_json_413(client):
    r = client.post("/api/link", data=b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}',
                    content_type="application/json")
    assert r.status_code == 413 and r.get_json()["status"] == 413


def test_api_lookup(client):
    r = client.get("/api/lookup", query_string={"q": "Moscow", "k": 3})
    body = r.get_json()
    assert r.status_code == 200 and body["candidates"][0]["qid"] == "Q649" and len(body["candidates"]) <= 3
    assert set(body["candidates"][0]) == CANDIDATE_FIELDS
    scores = [c["score"] for c in body["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert client.get("/api/lookup", query_string={"q": "ماسکو", "k": 50}).status_code == 200


@pytest.mark.parametrize("qs", [{}, {"q": "  "}, {"q": "ماسکو", "k": "0"}, {"q": "ماسکو", "k": "51"},
                                {"q": "ماسکو", "k": "ten"}, {"q": "ماسکو", "k": "9" * 5000}])
def test_api_lookup_rejects_bad_parameters(client, qs):
    r = client.get("/api/lookup", query_string=qs)
    assert r.status_code == 400 and r.get_json()["message"]


def test_api_lookup_query_limit_is_a_413(client):
    assert client.get("/api/lookup", query_string={"q": "ا" * 1001}).status_code == 413


def test_api_transliterate(client, fixture_gazetteer):
    linker = Linker.open(fixture_gazetteer)
    r = client.get("/api/transliterate", query_string={"q": "کھاسن", "to": "latn", "n": 3})
    body = r.get_json()
    assert r.status_code == 200 and (body["to"], body["n"]) == ("latn", 3)
    assert [x["text"] for x in body["results"]] == linker.transliterate("کھاسن", to="latn", n=3)
    assert [x["rank"] for x in body["results"]] == list(range(1, len(body["results"]) + 1))
    r = client.get("/api/transliterate", query_string={"q": "Pyongyang", "to": "urdu"})
    assert [x["text"] for x in r.get_json()["results"]] == linker.transliterate("Pyongyang", to="urdu", n=1)


@pytest.mark.parametrize("qs", [{}, {"q": "x", "to": "latin"}, {"q": "x", "n": "0"}, {"q": "x", "n": "51"}])
def test_api_transliterate_rejects_bad_parameters(client, qs):
    r = client.get("/api/transliterate", query_string=qs)
    assert r.status_code == 400 and r.get_json()["message"]


def test_api_errors_are_json(client):
    r = client.get("/api/link")
    assert r.status_code == 405 and r.get_json()["status"] == 405
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.get_json()["status"] == 404


def test_healthz_reports_the_gazetteer(client, fixture_gazetteer):
    r = client.get("/healthz")
    body = r.get_json()
    assert r.status_code == 200 and body["status"] == "ok"
    assert body["gazetteer"]["path"] == str(fixture_gazetteer)
    assert str(body["gazetteer"]["normaliser_version"]) == NORMALISER_VERSION


def test_missing_gazetteer_is_a_clear_503_until_it_is_built(tmp_path, fixture_gazetteer):
    path = tmp_path / "later.sqlite"
    client = create_app({"GAZETTEER": str(path)}).test_client()
    r = client.get("/healthz")
    assert r.status_code == 503 and "gazetteer-rebuild" in r.get_json()["message"]
    assert client.post("/api/link", json={"text": "ماسکو"}).status_code == 503
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 503 and "gazetteer-rebuild" in html and "Traceback" not in html
    shutil.copy(fixture_gazetteer, path)            # built while the server runs: no restart needed
    assert client.get("/healthz").status_code == 200


def test_gazetteer_defaults_to_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("URDU_LINKER_GAZETTEER", str(tmp_path / "env.sqlite"))
    assert create_app().config["GAZETTEER"] == str(tmp_path / "env.sqlite")


def test_one_linker_per_process_and_a_fresh_one_after_fork(app, client):
    client.get("/healthz")
    holder = app.extensions["urdu_linker"]
    first = holder.get()
    client.post("/api/link", json={"text": "ماسکو"})
    assert holder.get() is first
    pid = os.fork()
    if pid == 0:                                    # child: must not reuse the parent's SQLite connection
        os._exit(0 if holder.get() is not first and holder.get() is holder.get() else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# --- security --------------------------------------------------------------------------------------------

def _assert_inert(html: str) -> None:
    assert SCRIPT not in html and IMG not in html and "<img" not in html
    for tag, attrs in _Page(html).tags:
        assert tag != "script" and tag != "img", tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


@pytest.mark.parametrize("path", ["/", "/lookup?q=x", "/translit?q=x", "/api/lookup?q=x", "/healthz", "/nowhere"])
def test_security_headers(client, path):
    h = client.get(path).headers
    csp = h["Content-Security-Policy"]
    assert "script-src 'none'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert h["X-Content-Type-Options"] == "nosniff" and h["X-Frame-Options"] == "DENY"


def test_hostile_text_is_escaped_on_the_page(client):
    text = f"ماسکو {SCRIPT} {IMG} پیانگ یانگ"
    html = client.post("/", data={"text": text}).get_data(as_text=True)
    _assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _Page(html).linked_text == text


def test_hostile_gazetteer_labels_are_escaped_on_the_lookup_page(client):
    for q in (SCRIPT, IMG):
        html = client.get("/lookup", query_string={"q": q}).get_data(as_text=True)
        assert "Q90000002" in html                  # the hostile entity really is on the page
        _assert_inert(html)


def test_hostile_gazetteer_labels_are_escaped_in_the_highlighted_text(app, fixture_gazetteer):
    hostile: Candidate = Linker.open(fixture_gazetteer).lookup(SCRIPT)[0]
    assert hostile.qid == "Q90000002"
    other = dataclasses.replace(hostile, qid="Q90000003")
    text = f"یہاں {IMG} ہے {SCRIPT}"
    linked = Mention(5, 5 + len(IMG), IMG, hostile.qid, hostile.label_en, hostile.label_ur, hostile.type,
                     hostile.score, [hostile, other], {"matched": IMG, "method": SCRIPT})
    nil = Mention(len(text) - len(SCRIPT), len(text), SCRIPT, None, "", "", "", 0.1, [other], {"nil": IMG})
    from flask import render_template
    with app.test_request_context("/", method="POST"):
        html = render_template("index.html", text=text, examples=(), mentions=[linked, nil], error=None,
                               segments=segments(text, [linked, nil]), translits={SCRIPT: IMG})
    _assert_inert(html)
    assert "https://www.wikidata.org/wiki/Q90000002" in html and "https://www.wikidata.org/wiki/Q90000003" in html
    assert _Page(html).linked_text == text


def test_hostile_input_never_appears_raw_in_json(client):
    for r in (client.post("/api/link", json={"text": f"{SCRIPT} {IMG}"}),
              client.get("/api/lookup", query_string={"q": SCRIPT}),
              client.get("/api/lookup", query_string={"q": IMG}),
              client.get("/api/transliterate", query_string={"q": SCRIPT}),
              client.get("/api/lookup", query_string={"q": SCRIPT, "k": IMG})):
        body = r.get_data(as_text=True)
        assert r.status_code < 500 and "<" not in body and ">" not in body
    body = client.get("/api/lookup", query_string={"q": SCRIPT}).get_json()
    assert body["candidates"][0]["label_ur"] == SCRIPT and body["candidates"][0]["label_en"] == IMG


TRICKY = ["A'B", "X'Y'Z", "O'Neil", "N'Djamena", "U.S.A.", "AT&T", "'", "--", "\u0640\u0640", "\u200c", "\ufdfa",
          "\u0661\u0662", "\ufefb", "Ж", "ـ" + "ا" * 999]


@pytest.mark.parametrize("to", ["latn", "urdu"])
@pytest.mark.parametrize("q", TRICKY)
def test_tricky_names_never_500(client, q, to):
    assert client.get("/api/transliterate", query_string={"q": q, "to": to, "n": 5}).status_code == 200
    assert client.get("/api/lookup", query_string={"q": q}).status_code in (200, 400)
    assert client.post("/api/link", json={"text": f"{q} ماسکو {q}"}).status_code == 200


# --- fuzzing: no input produces a 5xx -------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Every code point, lone surrogates included (they reach the API through JSON \\u escapes).
_any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
_urdu_ish = st.text(st.sampled_from(list("ماسکو پیانگ یانگ ٹوکیو ولادیمیر پوتن۔،\u064e\u0670\u200c\u200f<>\"'&\n")),
                    max_size=200)
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | _any_text,
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(_any_text, kids, max_size=4),
                     max_leaves=10)


@_fuzz
@given(text=_any_text | _urdu_ish)
def test_fuzz_api_link_any_unicode(client, text):
    r = client.post("/api/link", data=json.dumps({"text": text}), content_type="application/json")
    assert r.status_code in (200, 400), r.get_data(as_text=True)
    if r.status_code == 200:
        for m in r.get_json()["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text) and text[m["start"]:m["end"]] == m["surface"]


@_fuzz
@given(body=st.binary(max_size=300) | _json.map(lambda v: json.dumps({"text": v}).encode()))
def test_fuzz_api_link_any_body(client, body):
    r = client.post("/api/link", data=body, content_type="application/json")
    assert r.status_code in (200, 400) and r.is_json


@_fuzz
@given(text=st.text(st.characters(codec="utf-8"), max_size=300) | _urdu_ish)
def test_fuzz_link_page(client, text):
    r = client.post("/", data={"text": text})
    assert r.status_code == 200
    _assert_inert(r.get_data(as_text=True))


@_fuzz
@given(q=st.text(st.characters(codec="utf-8"), max_size=60) | _urdu_ish, k=st.text(max_size=4),
       to=st.sampled_from(["latn", "urdu", "", "x"]))
def test_fuzz_lookup_and_transliterate(client, q, k, to):
    for path in ("/api/lookup", "/lookup"):
        assert client.get(path, query_string={"q": q, "k": k}).status_code in (200, 400, 413)
    for path in ("/api/transliterate", "/translit"):
        assert client.get(path, query_string={"q": q, "to": to, "n": k}).status_code in (200, 400, 413)
