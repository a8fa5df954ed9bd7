"""The urdu-link CLI as a user runs it: JSON lines out, one-line errors and non-zero exits, no tracebacks."""
import json
import subprocess
import sys

import pytest
from tests.engine_gazetteer import engine_gazetteer  # noqa: F401 (fixture)


def run(*args, stdin: bytes = b"", env_gazetteer=None):
    cmd = [sys.executable, "-m", "linker.cli", *map(str, args)]
    env = None
    if env_gazetteer is not None:
        import os
        env = {**os.environ, "URDU_LINKER_GAZETTEER": str(env_gazetteer)}
    return subprocess.run(cmd, input=stdin, capture_output=True, env=env, timeout=60)


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode().splitlines()]


def test_link_reads_stdin_and_prints_one_mention_per_line(engine_gazetteer):
    text = "وفد ماسکواور پیانگ یا نگ گیا"
    r = run("link", "--gazetteer", engine_gazetteer, stdin=text.encode())
    assert r.returncode == 0, r.stderr
    got = lines(r.stdout)
    assert [(m["qid"], text[m["start"]:m["end"]]) for m in got] == [("Q649", "ماسکو"), ("Q18808", "پیانگ یا نگ")]
    assert got[0]["why"]["method"] == "exact" and got[0]["candidates"][0]["qid"] == "Q649"


def test_link_reads_a_file_line_by_line(engine_gazetteer, tmp_path):
    f = tmp_path / "in.txt"
    f.write_text("ماسکو میں\nشہر کراچی میں\n", encoding="utf-8")
    r = run("link", "--lines", f, env_gazetteer=engine_gazetteer)
    assert r.returncode == 0, r.stderr
    assert [(m["line"], m["qid"], m["start"]) for m in lines(r.stdout)] == [(1, "Q649", 0), (2, "Q8660", 4)]


def test_link_jsonl_skips_and_counts_malformed_lines(engine_gazetteer):
    data = '{"id": "a", "text": "ماسکو"}\nnot json\n{"text": 3}\n{"id": 7, "text": "کراچی"}\n'.encode()
    r = run("link", "--jsonl", "--gazetteer", engine_gazetteer, stdin=data)
    got = lines(r.stdout)
    assert [(d["id"], [m["qid"] for m in d["mentions"]]) for d in got] == [("a", ["Q649"]), (7, ["Q8660"])]
    assert r.returncode == 1 and b"2 malformed line(s) skipped" in r.stderr and b"Traceback" not in r.stderr


def test_threshold_option(engine_gazetteer):
    r = run("link", "--threshold", "1", "--gazetteer", engine_gazetteer, stdin="وفد ماسکو گیا".encode())
    assert r.returncode == 0 and all(m["qid"] is None for m in lines(r.stdout))


def test_lookup_one_name_and_names_from_stdin(engine_gazetteer):
    r = run("lookup", "ماسکو", "-k", "3", "--gazetteer", engine_gazetteer)
    assert r.returncode == 0 and lines(r.stdout)[0]["qid"] == "Q649"
    r = run("lookup", "-", "--gazetteer", engine_gazetteer, stdin="Moscow\n\nکراچی\n".encode())
    assert [(d["query"], d["candidates"][0]["qid"]) for d in lines(r.stdout)] == [("Moscow", "Q649"),
                                                                                   ("کراچی", "Q8660")]


def test_translated_names_say_so(engine_gazetteer):
    r = run("lookup", "اقوام متحدہ کی سلامتی کونسل", "--gazetteer", engine_gazetteer)
    best = lines(r.stdout)[0]
    assert (best["qid"], best["method"]) == ("Q37470", "translation")


@pytest.mark.parametrize("args, message", [
    (["link", "--gazetteer", "/nonexistent/g.sqlite"], b"no gazetteer at /nonexistent/g.sqlite"),
    (["lookup", "x", "--gazetteer", "/nonexistent/g.sqlite"], b"gazetteer-rebuild"),
    (["link", "/nonexistent/in.txt"], b"No such file"),
])
def test_errors_are_one_line_and_fail(args, message, engine_gazetteer):
    r = run(*args, env_gazetteer=engine_gazetteer)
    assert r.returncode != 0 and message in r.stderr and b"Traceback" not in r.stderr


def test_non_utf8_input_is_a_clear_error(engine_gazetteer, tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Karachi caf\u00e9".encode("latin-1"))
    r = run("link", f, "--gazetteer", engine_gazetteer)
    assert r.returncode == 1 and b"not UTF-8 text" in r.stderr and b"Traceback" not in r.stderr


def test_a_file_that_is_not_a_gazetteer_is_refused(tmp_path):
    f = tmp_path / "g.sqlite"
    f.write_text("hello")
    r = run("lookup", "x", "--gazetteer", f)
    assert r.returncode == 1 and b"not a gazetteer" in r.stderr and b"Traceback" not in r.stderr


def test_translit_prints_ranked_spellings(engine_gazetteer):
    r = run("translit", "کھاسن", "-n", "2", "--gazetteer", engine_gazetteer)
    got = lines(r.stdout)
    assert r.returncode == 0 and [d["rank"] for d in got] == [1, 2]
    assert all(d["text"] and d["text"].isascii() for d in got)
    r = run("translit", "Khasan", "--to", "urdu", "--gazetteer", engine_gazetteer)
    assert r.returncode == 0 and not lines(r.stdout)[0]["text"].isascii()
