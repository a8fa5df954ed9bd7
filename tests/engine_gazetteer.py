"""A gazetteer for the linking engine's tests: the shared fixture plus entities the engine needs.

The engine's entities live in their own file so that tests counting the shared fixture's entities stay valid.
Import the fixture into a test module with ``from tests.engine_gazetteer import engine_gazetteer``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import build
from gazetteer.sources import open_source
from tests.conftest import FIXTURES


@pytest.fixture(scope="session")
def engine_gazetteer(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("engine") / "engine.sqlite"
    build([open_source(str(FIXTURES / "entities.jsonl")), open_source(str(FIXTURES / "engine_entities.jsonl"))], out)
    return out


def linked_mentions(linker, text: str, **kw) -> dict:
    """{surface: Mention} of the linked mentions of ``text``, after checking that every offset slices the original
    text."""
    out = {}
    for m in linker.link(text, **kw):
        assert text[m.start:m.end] == m.surface
        if m.qid:
            out[m.surface] = m
    return out
