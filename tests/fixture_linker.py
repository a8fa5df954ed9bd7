"""A Linker over a gazetteer built from one hand-written fixture file alone (tests/fixtures/NAME)."""
from __future__ import annotations

from gazetteer import build
from gazetteer.sources import open_source
from linker import Linker
from tests.conftest import FIXTURES


def fixture_linker(tmp_path_factory, name: str) -> Linker:
    out = tmp_path_factory.mktemp(name.split(".")[0]) / "gazetteer.sqlite"
    build([open_source(str(FIXTURES / name))], out)
    return Linker.open(out)
