"""``urdu-link``: a thin click layer over :class:`linker.Linker` with JSON-lines output.

Errors a user can cause (no gazetteer, an unreadable or non-UTF-8 file, malformed JSON lines) give a one-line
message on stderr and a non-zero exit status, never a traceback.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from .api import Linker
from .store import GazetteerError

_gazetteer = click.option("--gazetteer", type=click.Path(dir_okay=False), default=None,
                          help="Gazetteer file (default: $URDU_LINKER_GAZETTEER, then the per-user path).")


def _open(path: str | None, threshold: float | None = None) -> Linker:
    try:
        if threshold is None:
            return Linker.open(path)
        return Linker.open(path, threshold=threshold)
    except GazetteerError as e:
        raise click.ClickException(str(e)) from None


def _emit(obj: dict) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def _read_text(file) -> str:
    """The whole input as text; a clear error for bytes that are not UTF-8."""
    data = file.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise click.ClickException(f"{file.name}: not UTF-8 text (byte {e.start})") from None


@click.group()
def main() -> None:
    """Find and link foreign names in Urdu text; transliterate Urdu <-> Latin."""


@main.command()
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--lines", "mode", flag_value="lines", help="Each input line is a separate text.")
@click.option("--jsonl", "mode", flag_value="jsonl",
              help='Each input line is a JSON object {"id": ..., "text": ...}; one output line per object.')
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Minimum score of a link (default 0.5); lower-scoring names are reported with qid null.")
@_gazetteer
def link(file, mode: str | None, threshold: float | None, gazetteer: str | None) -> None:
    """Link the names in FILE (default: stdin).

    By default the whole input is one text and each mention is one JSON line with offsets into it. With
    --lines, each mention also carries its "line" (1-based) and offsets into that line. With --jsonl, each
    input object gives one output object {"id", "mentions"}; malformed lines are counted and skipped.
    """
    linker = _open(gazetteer, threshold)
    text = _read_text(file)
    if mode is None:
        for mention in linker.link(text):
            _emit(mention.to_dict())
    elif mode == "lines":
        for n, line in enumerate(text.splitlines(), 1):
            for mention in linker.link(line):
                _emit({"line": n, **mention.to_dict()})
    else:
        bad = 0
        for n, doc in _json_lines(text):
            if doc is None:
                bad += 1
                click.echo(f"line {n}: not a JSON object with a string \"text\"; skipped", err=True)
                continue
            _emit({"id": doc.get("id", n), "mentions": [m.to_dict() for m in linker.link(doc["text"])]})
        if bad:
            click.echo(f"{bad} malformed line(s) skipped", err=True)
            sys.exit(1)


def _json_lines(text: str) -> Iterator[tuple[int, dict | None]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            doc = None
        yield n, doc if isinstance(doc, dict) and isinstance(doc.get("text"), str) else None


@main.command()
@click.argument("name")
@click.option("-k", default=10, show_default=True, type=click.IntRange(1, 50), help="How many candidates.")
@_gazetteer
def lookup(name: str, k: int, gazetteer: str | None) -> None:
    """Ranked candidates for one NAME: one JSON object per candidate.

    NAME "-" reads one name per line from stdin and prints one object {"query", "candidates"} per name.
    """
    linker = _open(gazetteer)
    if name != "-":
        for cand in linker.lookup(name, k=k):
            _emit(cand.to_dict())
        return
    for query in _read_text(click.get_binary_stream("stdin")).splitlines():
        if query.strip():
            _emit({"query": query, "candidates": [c.to_dict() for c in linker.lookup(query, k=k)]})


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
