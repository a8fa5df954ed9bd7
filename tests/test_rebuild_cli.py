"""``gazetteer-rebuild``: through click's runner and as the installed console script in a subprocess."""
from __future__ import annotations

import importlib
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer.cli import main
from linker import Linker
from tests.conftest import FIXTURES

SCRIPT = Path(sys.executable).parent / "gazetteer-rebuild"


def _dead_endpoint() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"sparql:http://127.0.0.1:{s.getsockname()[1]}/sparql"


BAD = [
    (["--source", "no/such/places.jsonl.gz"], "no such file: no/such/places.jsonl.gz"),
    (["--source", "places.csv"], "unknown source 'places.csv'"),
    (["--source", "sparql:nonsense"], "bad SPARQL source"),
]


@pytest.mark.parametrize("args, message", BAD + [(["--retries", "0", "--source", "DEAD"], "unreachable")])
def test_bad_sources_give_one_line_and_a_non_zero_exit(args, message, tmp_path):
    args = [_dead_endpoint() if a == "DEAD" else a for a in args]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "g.sqlite"), "--no-progress"])
    assert result.exit_code != 0
    assert result.output.startswith("Error: ") and message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "g.sqlite").exists()


@pytest.mark.parametrize("args, message", BAD + [(["--retries", "1", "--source", "DEAD"], "unreachable")])
def test_the_console_script_fails_cleanly(args, message, tmp_path):
    args = [_dead_endpoint() if a == "DEAD" else a for a in args]
    proc = subprocess.run([str(SCRIPT), *args, "--out", str(tmp_path / "g.sqlite"), "--no-progress"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr + proc.stdout
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1


def test_an_unwritable_output_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, ["--source", str(FIXTURES / "entities.jsonl"),
                                       "--out", str(blocker / "g.sqlite"), "--no-progress"])
    assert result.exit_code != 0 and result.output.startswith("Error: ") and "Traceback" not in result.output


def test_rebuild_writes_a_gazetteer_and_prints_the_summary(tmp_path, monkeypatch):
    out = tmp_path / "env.sqlite"
    monkeypatch.setenv("URDU_LINKER_GAZETTEER", str(out))  # the default --out
    proc = subprocess.run([str(SCRIPT), "--source", str(FIXTURES / "entities.jsonl"),
                           "--source", str(FIXTURES / "wikidata_dump.json"), "--min-sitelinks", "5"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{out}: 15 entities") and "10 merged" in proc.stdout
    assert "4 skipped rows" in proc.stdout
    assert Linker.open(out).lookup("پاکستان")[0].qid == "Q843"


def test_an_unexpected_error_is_one_line_unless_debugging(tmp_path, monkeypatch):
    def broken(entity):
        raise KeyError("'")

    # a fault injected where a bug once was (a transliteration KeyError on "O'Brien")
    monkeypatch.setattr(importlib.import_module("gazetteer.build"), "expand_names", broken)
    out = tmp_path / "g.sqlite"
    args = ["--source", str(FIXTURES / "entities.jsonl"), "--out", str(out), "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: unexpected KeyError") and "left as it was" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert isinstance(CliRunner().invoke(main, [*args, "--debug"]).exception, KeyError)
