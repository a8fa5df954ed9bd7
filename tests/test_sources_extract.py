"""The extract reader (schema of ../shared/data/gazetteer/README.md), JSONL and TSV, plain and gzipped."""
from __future__ import annotations

import gzip
import json

import pytest

from gazetteer.sources import SourceError, open_source
from tests.conftest import FIXTURES

ROW = {"qid": "Q66", "label_ur": "", "aliases_ur": [], "label_en": "Boeing", "aliases_en": ["Boeing Co."],
       "type": "wd-desc: American aerospace corporation | operator (operators/man_made/works)", "coarse": "ORG",
       "country": "US", "lat": "", "lon": "", "population": "", "rank": "", "source": "nsi", "source_id": "",
       "match": "direct", "data_date": ""}


def test_description_is_taken_out_of_the_type_field(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    (e,) = list(open_source(str(path)))
    assert e.descriptions == {"en": "American aerospace corporation"}
    assert e.classes == ["operator (operators/man_made/works)"]
    assert (e.coarse, e.country, e.lat, e.population) == ("ORG", "US", None, None)


def test_malformed_rows_are_counted_and_the_rest_read(tmp_path):
    lines = [json.dumps(ROW), "{not json", json.dumps([1, 2]), json.dumps({**ROW, "qid": "P31"}),
             json.dumps({**ROW, "qid": "Q7"}), "", json.dumps({k: v for k, v in ROW.items() if k != "qid"})]
    path = tmp_path / "x.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    source = open_source(str(path))
    assert [e.qid for e in source] == ["Q66", "Q7"]
    assert source.skipped == 4


def test_tsv_with_pipe_joined_aliases_and_a_short_row(tmp_path):
    header = ["qid", "label_ur", "aliases_ur", "label_en", "aliases_en", "type", "coarse", "country", "lat",
              "lon", "population", "rank"]
    rows = [["Q649", "ماسکو", "", "Moscow", "Moskva|Москва", "city", "LOC", "RU", "55.75", "37.61", "", "0"],
            ["Q1", "too", "short"],
            ["Q18808", "پیانگ یانگ", "پیونگ یانگ", "Pyongyang", "", "city", "LOC", "KP", "", "", "", ""]]
    path = tmp_path / "x.tsv"
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    source = open_source(str(path))
    entities = {e.qid: e for e in source}
    assert set(entities) == {"Q649", "Q18808"} and source.skipped == 1
    assert entities["Q649"].aliases == {"en": ["Moskva", "Москва"]}
    assert entities["Q18808"].aliases == {"ur": ["پیونگ یانگ"]}
    assert entities["Q649"].lat == 55.75 and entities["Q649"].rank == 0


def test_fixture_reads_completely():
    source = open_source(str(FIXTURES / "entities.jsonl"))
    entities = list(source)
    assert len(entities) == 13 and source.skipped == 0
    assert {e.coarse for e in entities} == {"LOC", "PER", "ORG"}


@pytest.mark.parametrize("spec, message", [
    ("nope/places.jsonl.gz", "no such file"),
    ("places.csv", "unknown source"),
    ("sparql:ftp://example.org/sparql", "bad SPARQL source"),
])
def test_bad_specs_are_refused(spec, message):
    with pytest.raises(SourceError, match=message):
        open_source(spec)
