"""``gazetteer-rebuild``: the offline rebuild script, a thin click layer over :func:`gazetteer.build`."""
from __future__ import annotations

import logging
import sqlite3

import click

from linker.store import default_path

from .build import BuildError, build
from .sources import SourceError, open_source
from .sources.wikidata import DEFAULT_MIN_SITELINKS


@click.command()
@click.option("--source", "sources", multiple=True, required=True, metavar="SRC",
              help="wikidata, sparql:URL, a Wikidata JSON dump (.json[.gz|.bz2]) or an extract "
                   "(.jsonl[.gz], .tsv[.gz]). Repeat to merge several sources by QID.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Gazetteer file to (atomically) replace. Default: $URDU_LINKER_GAZETTEER, else a per-user path.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Stop after this many entities.")
@click.option("--min-sitelinks", type=click.IntRange(min=0), default=DEFAULT_MIN_SITELINKS, show_default=True,
              help="Wikidata sources: keep items without an Urdu name only from this many sitelinks on.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="SPARQL sources: seconds before a request times out (it is then retried).")
@click.option("--page-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="SPARQL sources: items listed per query.")
@click.option("--retries", type=click.IntRange(min=0), default=5, show_default=True,
              help="SPARQL sources: retries of a request after 429/5xx/timeouts (exponential backoff).")
@click.option("--progress/--no-progress", default=True, help="Show progress bars on stderr.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def main(sources: tuple[str, ...], out: str | None, limit: int | None, min_sitelinks: int, timeout: float,
         page_size: int, retries: int, progress: bool, debug: bool) -> None:
    """Rebuild the Urdu gazetteer from Wikidata, a Wikidata dump or extracts."""
    logging.basicConfig(level=logging.WARNING, format="gazetteer-rebuild: %(message)s")
    out_path = out or default_path()
    try:
        opened = [open_source(s, min_sitelinks=min_sitelinks, timeout=timeout, page_size=page_size,
                              retries=retries) for s in sources]
        stats = build(opened, out_path, limit=limit, progress=progress)
    except (SourceError, BuildError, OSError, sqlite3.Error) as e:
        raise click.ClickException(" ".join(str(e).split())) from None
    except Exception as e:  # a bug: still one line, and the previous gazetteer is kept
        if debug:
            raise
        raise click.ClickException(f"unexpected {type(e).__name__}: {' '.join(str(e).split())} (a bug; "
                                   f"--debug shows the traceback); {out_path} left as it was") from None
    click.echo(f"{out_path}: {stats.summary()}")
