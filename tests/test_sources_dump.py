"""The Wikidata JSON dump reader on tests/fixtures/wikidata_dump.json (the real dump layout: "[", one entity
per line with a trailing comma, "]"), which also holds a property, a lexeme and four malformed lines."""
from __future__ import annotations

import bz2
import gzip
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from gazetteer.sources import SourceError, open_source
from gazetteer.sources.dump import DumpSource
from tests.conftest import FIXTURES

DUMP = FIXTURES / "wikidata_dump.json"
KEPT = {"Q649", "Q159", "Q1697", "Q18808", "Q423", "Q8660", "Q843", "Q7747", "Q22686", "Q56226", "Q7184",
        "Q284454"}


@pytest.fixture(params=[".json", ".json.gz", ".json.bz2"])
def dump_path(request, tmp_path) -> Path:
    path = tmp_path / f"latest-all{request.param}"
    opener = {".json": open, ".json.gz": gzip.open, ".json.bz2": bz2.open}[request.param]
    with open(DUMP, "rb") as src, opener(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_every_compression_reads_the_same_entities_and_counts_malformed_lines(dump_path):
    source = open_source(str(dump_path), min_sitelinks=5)
    assert isinstance(source, DumpSource)
    entities = {e.qid: e for e in source}
    assert set(entities) == KEPT
    assert source.skipped == 4    # truncated object, plain text, a JSON array, an object without id
    assert source.filtered == 5   # the property, the lexeme, Khasan (1 sitelink), a disambiguation page,
    #                               an item named only in German
    assert entities["Q649"].labels["ur"] == "ماسکو"


def test_languages_descriptions_and_best_ranked_facts():
    entities = {e.qid: e for e in DumpSource(DUMP, min_sitelinks=5)}
    moscow = entities["Q649"]
    assert moscow.labels == {"ur": "ماسکو", "en": "Moscow", "hi": "मास्को", "fa": "مسکو", "ru": "Москва"}  # no de
    assert moscow.descriptions == {"ur": "روس کا دارالحکومت", "en": "capital and largest city of Russia"}
    assert moscow.population == 13010112  # latest point in time; the deprecated larger value is ignored
    assert (moscow.lat, moscow.lon, moscow.sitelinks, moscow.country) == (55.755833333, 37.617777777, 30, "Q159")
    pyongyang = entities["Q18808"]
    assert pyongyang.classes == ["capital", "city"]      # P31 given as numeric-id only (older dumps)
    assert (pyongyang.lat, pyongyang.lon) == (39.019444444, 125.7475)  # the coordinate on the Moon is skipped
    assert entities["Q7747"].labels["ur"] == "ولادیمیر پوتن"  # Urdu Wikipedia title, disambiguator removed


def test_country_codes_are_collected_for_the_builder():
    source = DumpSource(DUMP, min_sitelinks=5)
    list(source)
    assert source.country_codes == {"Q159": "RU", "Q423": "KP", "Q843": "PK"}


def test_min_sitelinks_keeps_every_urdu_item_but_only_prominent_others():
    strict = {e.qid for e in DumpSource(DUMP, min_sitelinks=1000)}
    assert strict == KEPT - {"Q22686"}  # every Urdu item stays; Trump (20 sitelinks) goes
    everything = {e.qid for e in DumpSource(DUMP, min_sitelinks=0)}
    assert everything == KEPT | {"Q90000001"}


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_compressed_dump_is_a_clear_error(tmp_path, damage):
    data = gzip.compress(DUMP.read_bytes())
    half = len(data) // 2
    path = tmp_path / "bad.json.gz"
    path.write_bytes(data[:half] if damage == "truncated" else data[:half] + bytes(200) + data[half + 200:])
    with pytest.raises(SourceError, match=r"bad\.json\.gz: unreadable after line \d+"):
        list(DumpSource(path))


@pytest.mark.parametrize("min_sitelinks", [0, 5, 20, 1000])
def test_the_byte_level_prefilter_agrees_with_decoding(tmp_path, min_sitelinks):
    # Re-serialised with spaces after colons, no line has the compact layout the prefilter relies on, so
    # every line is decoded: both readings must select the same items and count the same.
    spaced = tmp_path / "spaced.json"
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    with open(spaced, "w", encoding="utf-8") as f:
        for line in lines:
            body = line.rstrip(",")
            try:
                body = json.dumps(json.loads(body), ensure_ascii=False)
            except ValueError:
                pass
            f.write(body + ("," if line.endswith(",") else "") + "\n")
    compact, loose = DumpSource(DUMP, min_sitelinks), DumpSource(spaced, min_sitelinks)
    assert [replace(e, sources=[]) for e in compact] == [replace(e, sources=[]) for e in loose]
    assert (compact.filtered, compact.skipped) == (loose.filtered, loose.skipped)
