"""Building the gazetteer file: merging sources, counts, metadata, and atomic replacement (kill -9 included)."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gazetteer import build
from gazetteer.build import BuildError, remove_stale_temps
from gazetteer.sources import open_source
from linker import NORMALISER_VERSION, Linker
from linker.store import SCHEMA_VERSION, read_meta
from tests.conftest import FIXTURES

EXTRACT = FIXTURES / "entities.jsonl"
DUMP = FIXTURES / "wikidata_dump.json"


def _sources():
    return [open_source(str(DUMP), min_sitelinks=5), open_source(str(EXTRACT))]


def test_records_of_one_qid_from_several_sources_merge(tmp_path):
    out = tmp_path / "g.sqlite"
    stats = build(_sources(), out)
    assert stats.merged == 10  # the extract shares 10 QIDs with the dump's 12 items
    assert stats.entities == 12 + 13 - 10
    con = sqlite3.connect(out)
    moscow = {(n, lang) for n, lang in con.execute(
        "SELECT name, lang FROM names JOIN entities e ON e.id = entity_id WHERE e.qid = 'Q649'")}
    assert {("ماسکو", "ur"), ("Moscow", "en"), ("मास्को", "hi"), ("Moskva", "en"), ("Москва", "ru")} <= moscow
    assert len({n for n, _ in moscow}) == len(moscow)  # Москва is an en alias and the ru label: stored once
    row = con.execute("SELECT country, coarse, sitelinks, description, description_ur FROM entities "
                      "WHERE qid = 'Q649'").fetchone()
    assert row == ("RU", "LOC", 30, "capital and largest city of Russia", "روس کا دارالحکومت")
    # Dump-only items get their P17 country as an ISO code through the country item's P297.
    assert con.execute("SELECT country FROM entities WHERE qid = 'Q1697'").fetchone() == ("RU",)


def test_summary_counts_match_the_file_and_metadata_is_stored(tmp_path):
    out = tmp_path / "g.sqlite"
    stats = build(_sources(), out)
    con = sqlite3.connect(out)
    assert stats.entities == con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert stats.names == con.execute("SELECT count(*) FROM names").fetchone()[0]
    own_urdu = "FROM names WHERE lang = 'ur' AND kind != 'generated'"
    assert stats.urdu_names == con.execute(f"SELECT count(*) {own_urdu}").fetchone()[0] > 0
    assert stats.urdu_entities == con.execute(f"SELECT count(DISTINCT entity_id) {own_urdu}").fetchone()[0]
    assert stats.generated == con.execute("SELECT count(*) FROM names WHERE kind = 'generated'").fetchone()[0]
    assert (stats.skipped, stats.filtered) == (4, 5)
    meta = read_meta(con)
    assert meta["sources"] == ["wikidata_dump.json", "entities.jsonl"]
    assert str(meta["normaliser_version"]) == NORMALISER_VERSION and str(meta["schema_version"]) == SCHEMA_VERSION
    assert meta["stats"]["entities"] == stats.entities and meta["stats"]["skipped"] == 4
    assert time.time() - time.mktime(time.strptime(meta["built_at"][:19], "%Y-%m-%dT%H:%M:%S")) < 86400 * 2
    assert "4 skipped rows" in stats.summary() and f"{stats.urdu_names:,} Urdu names" in stats.summary()


def test_limit_caps_the_number_of_entities(tmp_path):
    stats = build([open_source(str(EXTRACT))], tmp_path / "g.sqlite", limit=5)
    assert stats.entities == 5


def test_nameless_records_are_dropped_unless_another_source_names_them(tmp_path):
    nameless = tmp_path / "nameless.jsonl"
    rows = [{"qid": "Q649", "label_en": "", "label_ur": "", "coarse": "LOC", "population": "13000000"},
            {"qid": "Q99999999", "label_en": "", "label_ur": "", "coarse": "ORG"}]
    nameless.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    stats = build([open_source(str(nameless)), open_source(str(EXTRACT))], tmp_path / "g.sqlite")
    assert stats.filtered == 1 and stats.merged == 1 and stats.entities == 13
    assert Linker.open(tmp_path / "g.sqlite").lookup("Moscow")[0].qid == "Q649"


def test_a_build_that_reads_nothing_keeps_the_previous_file(tmp_path):
    out = tmp_path / "g.sqlite"
    build([open_source(str(EXTRACT))], out)
    before = out.read_bytes()
    junk = tmp_path / "junk.jsonl"
    junk.write_text("not json\n{also not\n", encoding="utf-8")
    with pytest.raises(BuildError, match="no entities.*2 malformed rows"):
        build([open_source(str(junk))], out)
    assert out.read_bytes() == before
    assert list(tmp_path.glob(".g.sqlite.*.tmp")) == []


def _synthetic_extract(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"qid": f"Q{10_000_000 + i}", "label_en": f"Place number {i}",
                                "label_ur": f"جگہ {i}", "aliases_en": [f"Spot {i}", f"Locale {i}"],
                                "coarse": "LOC", "type": "village"}) + "\n")


def test_kill_9_during_a_rebuild_leaves_the_previous_gazetteer_working(tmp_path):
    out = tmp_path / "g.sqlite"
    build([open_source(str(EXTRACT))], out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    big = tmp_path / "big.jsonl"
    _synthetic_extract(big, 60_000)
    rebuild = [str(Path(sys.executable).parent / "gazetteer-rebuild"), "--source", str(big), "--out", str(out),
               "--no-progress"]
    proc = subprocess.Popen(rebuild, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not [p for p in tmp_path.glob(".g.sqlite.*.tmp") if p.stat().st_size > 0]:  # writing has begun
            assert proc.poll() is None, "the rebuild ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert hashlib.sha256(out.read_bytes()).hexdigest() == digest
    linker = Linker.open(out)
    assert linker.lookup("ماسکو")[0].qid == "Q649" and linker.lookup("Moscow")[0].qid == "Q649"
    # The killed build's temporary file is left behind, and the next build clears it away.
    (stale,) = tmp_path.glob(".g.sqlite.*.tmp")
    build([open_source(str(EXTRACT))], out)
    assert not stale.exists() and list(tmp_path.glob(".g.sqlite.*.tmp")) == []


def test_a_running_builds_temp_file_is_not_cleaned_away(tmp_path):
    out = tmp_path / "g.sqlite"
    running = tmp_path / ".g.sqlite.abc123.tmp"
    running.write_bytes(b"half a database")
    dead = tmp_path / ".g.sqlite.def456.tmp"
    dead.write_bytes(b"half a database")
    with open(running, "rb") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # what a live build holds on its temp file
        assert remove_stale_temps(out) == [dead]
        assert running.exists() and not dead.exists()
