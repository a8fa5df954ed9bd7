"""Format checks for the hand-written linking dev sets in bench/data (a wrong span or QID makes a benchmark lie)."""
from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
PEOPLE_ORGS = DATA / "people_orgs_dev.tsv"
LINKED = DATA / "linked_dev.jsonl"
QID = re.compile(r"Q[1-9][0-9]*")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
COLUMNS = ["urdu", "qid", "label_en", "type", "note"]


def read_tsv() -> list[dict[str, str]]:
    with PEOPLE_ORGS.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def read_linked() -> list[dict]:
    with LINKED.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_people_orgs_rows_are_well_formed():
    rows = read_tsv()
    assert 250 <= len(rows) <= 500
    for row in rows:
        assert None not in row and all(v is not None for v in row.values()), row   # no short/long rows
        urdu = row["urdu"]
        assert urdu == urdu.strip() and ARABIC_SCRIPT.search(urdu), row
        assert unicodedata.normalize("NFC", urdu) == urdu, row
        assert QID.fullmatch(row["qid"]), row
        assert row["type"] in {"PER", "ORG"}, row
        assert row["label_en"].strip(), row
    pairs = [(r["urdu"], r["qid"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "duplicate (urdu, qid) rows"
    labels: dict[str, set[str]] = {}
    for r in rows:
        labels.setdefault(r["qid"], set()).add(r["label_en"])
    assert all(len(v) == 1 for v in labels.values()), "one QID with several English labels"


def test_people_orgs_cover_both_types_and_spelling_variants():
    rows = read_tsv()
    types = {r["type"] for r in rows}
    assert types == {"PER", "ORG"}
    per_qid: dict[str, int] = {}
    for r in rows:
        per_qid[r["qid"]] = per_qid.get(r["qid"], 0) + 1
    assert sum(1 for n in per_qid.values() if n >= 3) >= 10   # several spellings of the same entity


def test_linked_sentences_have_exact_spans():
    docs = read_linked()
    assert 120 <= len(docs) <= 250
    assert len({d["id"] for d in docs}) == len(docs)
    assert len({d["text"] for d in docs}) == len(docs)
    assert any(not d["mentions"] for d in docs)          # sentences with no names at all
    for doc in docs:
        assert set(doc) == {"id", "text", "mentions"}
        text = doc["text"]
        previous_end = 0
        for m in doc["mentions"]:
            assert set(m) == {"start", "end", "text", "qid", "type"}, m
            assert 0 <= m["start"] < m["end"] <= len(text), (doc["id"], m)
            assert m["start"] >= previous_end, f"{doc['id']}: mentions overlap or are unsorted"
            previous_end = m["end"]
            assert text[m["start"]:m["end"]] == m["text"], (doc["id"], m)
            assert m["text"] == m["text"].strip(), (doc["id"], m)
            assert m["qid"] is None or QID.fullmatch(m["qid"]), (doc["id"], m)
            assert m["type"] in {"PER", "LOC", "ORG"}, (doc["id"], m)


def test_linked_sentences_include_nil_and_every_type():
    mentions = [m for d in read_linked() for m in d["mentions"]]
    for kind in ("PER", "LOC", "ORG"):
        assert any(m["type"] == kind and m["qid"] for m in mentions), kind
        assert any(m["type"] == kind and m["qid"] is None for m in mentions), kind


def gazetteer_records(path: Path, wanted: set[str]) -> dict[str, dict]:
    """Records of the wanted QIDs only: the line prefix is checked before parsing, to stay fast."""
    found: dict[str, dict] = {}
    prefix = re.compile(r'\{"qid": "(Q[0-9]+)"')
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = prefix.match(line)
            if m and m.group(1) in wanted:
                found[m.group(1)] = json.loads(line)
    return found


@pytest.mark.shared_data
def test_people_orgs_qids_exist_in_the_extract_with_that_label(shared_data):
    rows = read_tsv()
    records = gazetteer_records(shared_data / "gazetteer" / "people_orgs.jsonl.gz", {r["qid"] for r in rows})
    missing = sorted({r["qid"] for r in rows} - set(records))
    assert not missing, missing
    for r in rows:
        rec = records[r["qid"]]
        assert rec["label_en"] == r["label_en"], r
        assert rec["coarse"] == r["type"], r


@pytest.mark.shared_data
def test_linked_qids_exist_in_the_extract(shared_data):
    mentions = [m for d in read_linked() for m in d["mentions"] if m["qid"]]
    places = {m["qid"] for m in mentions if m["type"] == "LOC"}
    people_orgs = {m["qid"] for m in mentions if m["type"] != "LOC"}
    gaz = shared_data / "gazetteer"
    assert not places - set(gazetteer_records(gaz / "places.jsonl.gz", places))
    assert not people_orgs - set(gazetteer_records(gaz / "people_orgs.jsonl.gz", people_orgs))
