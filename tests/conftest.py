"""Shared fixtures: a gazetteer built from the hand-written fixture, and the optional shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import build
from gazetteer.sources import open_source

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def fixture_gazetteer(tmp_path_factory) -> Path:
    """A gazetteer file built from tests/fixtures/entities.jsonl."""
    out = tmp_path_factory.mktemp("gaz") / "fixture.sqlite"
    build([open_source(str(FIXTURES / "entities.jsonl"))], out)
    return out


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip: the third-party data is not part of the repository."""
    if not (SHARED_DATA / "gazetteer").is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (tests on real data need ../shared/data)")
    return SHARED_DATA
