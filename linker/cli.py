"""``urdu-link``: a thin click layer over :class:`linker.Linker` with JSON-lines output."""
from __future__ import annotations

import json
import sys

import click

from .api import Linker
from .store import GazetteerError

_gazetteer = click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
                          help="Gazetteer file (default: $URDU_LINKER_GAZETTEER, then the per-user path).")


def _open(path: str | None) -> Linker:
    try:
        return Linker.open(path)
    except GazetteerError as e:
        raise click.ClickException(str(e)) from None


def _emit(obj: dict) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@click.group()
def main() -> None:
    """Find and link foreign names in Urdu text; transliterate Urdu <-> Latin."""


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@_gazetteer
def link(file, gazetteer: str | None) -> None:
    """Link the names in FILE (default: stdin): one JSON object per mention."""
    linker = _open(gazetteer)
    for mention in linker.link(file.read()):
        _emit(mention.to_dict())


@main.command()
@click.argument("name")
@click.option("-k", default=10, show_default=True, type=click.IntRange(1, 50), help="How many candidates.")
@_gazetteer
def lookup(name: str, k: int, gazetteer: str | None) -> None:
    """Ranked candidates for one NAME: one JSON object per candidate."""
    for cand in _open(gazetteer).lookup(name, k=k):
        _emit(cand.to_dict())


@main.command()
@click.argument("text")
@click.option("--to", type=click.Choice(["latn", "urdu"]), default="latn", show_default=True)
@click.option("-n", default=1, show_default=True, type=click.IntRange(1, 50), help="How many spellings.")
@_gazetteer
def translit(text: str, to: str, n: int, gazetteer: str | None) -> None:
    """Transliterate TEXT: one JSON object per spelling, best first."""
    for rank, spelling in enumerate(_open(gazetteer).transliterate(text, to=to, n=n), 1):
        _emit({"rank": rank, "text": spelling})


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@_gazetteer
def serve(host: str, port: int, gazetteer: str | None) -> None:
    """Serve the lookup page and JSON API (development server; use gunicorn in production)."""
    from web import create_app  # the web UI sits on top of the library, not the other way round

    app = create_app({"GAZETTEER": gazetteer} if gazetteer else None)
    app.run(host=host, port=port)


if __name__ == "__main__":
    sys.exit(main())
