"""The link page in Debian's Chromium, driven by Playwright, against the app on a real local port.

JavaScript is switched off in the page: the core flow must work with server-rendered HTML alone.
"""
from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from web import create_app

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
TEXT = "روسی صدر نے ماسکو میں کہا کہ پیانگ یانگ اور ٹوکیو کے درمیان بات چیت ہو گی۔ <b>بس</b>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium fonts-noto-core; .ci/run does)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def base_url(fixture_gazetteer):
    server = make_server("127.0.0.1", 0, create_app({"GAZETTEER": str(fixture_gazetteer)}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield b
        b.close()


def test_link_page_in_chromium(browser, base_url, tmp_path):
    fonts = subprocess.run(["fc-list", ":lang=ur", "family"], capture_output=True, text=True).stdout \
        if shutil.which("fc-list") else ""
    assert "Noto Nastaliq Urdu" in fonts, "Urdu would render as boxes: apt-get install fonts-noto-core"

    context = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(base_url + "/")
    page.get_by_label("Urdu text").fill(TEXT)
    page.get_by_role("button", name="Link names").click()
    page.wait_for_selector("#linked-text")

    text = page.locator("#linked-text")
    assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "ur"
    assert text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Nastaliq" in text.evaluate("e => getComputedStyle(e).fontFamily")
    links = {a.inner_text(): a.get_attribute("href") for a in text.locator(".m a").all()}
    assert links["ماسکو"] == "https://www.wikidata.org/wiki/Q649"
    assert links["پیانگ یانگ"] == "https://www.wikidata.org/wiki/Q18808"
    assert text.locator("b").count() == 0            # markup in the text stays text

    moscow = text.locator(".m.t-LOC", has=page.locator('a[href$="/Q649"]')).first
    loc_bg = moscow.evaluate("e => getComputedStyle(e).backgroundColor")
    assert loc_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    tip = moscow.locator(".tip")
    assert not tip.is_visible()
    moscow.hover()
    assert tip.is_visible() and "Moscow" in tip.inner_text()
    assert page.locator("#mention-1").is_visible()    # the side panel lists the names

    shot = tmp_path / "link.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert not blocked, blocked                       # nothing on our pages trips the CSP
    context.close()
