"""``gazetteer-rebuild``: the offline rebuild script, a thin click layer over :func:`gazetteer.build`."""
from __future__ import annotations

import sqlite3

import click

from linker.store import default_path

from .build import build
from .sources import SourceError, open_source


@click.command()
@click.option("--source", "sources", multiple=True, required=True, metavar="SRC",
              help="wikidata, sparql:URL, a Wikidata JSON dump (.json[.gz|.bz2]) or an extract "
                   "(.jsonl[.gz], .tsv[.gz]). Repeat to merge several sources by QID.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Gazetteer file to (atomically) replace. Default: $URDU_LINKER_GAZETTEER, else a per-user path.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Stop after this many entities.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def main(sources: tuple[str, ...], out: str | None, limit: int | None, progress: bool) -> None:
    """Rebuild the Urdu gazetteer from Wikidata or from extracts."""
    out_path = out or default_path()
    try:
        opened = [open_source(s) for s in sources]
        stats = build(opened, out_path, limit=limit, progress=progress)
    except (SourceError, OSError, sqlite3.Error) as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{out_path}: {stats.entities:,} entities, {stats.names:,} names "
               f"({stats.urdu_names:,} Urdu), {stats.merged:,} merged, {stats.skipped:,} skipped rows, "
               f"{stats.seconds:.1f} s")
