"""Benchmark the gazetteer build and the dump reader; prints figures to compare with the targets of issue 2.

1. ``gazetteer-rebuild`` on ../shared/data/gazetteer/places.jsonl.gz (99k entities; target < 60 s and
   < 500 MB peak RSS on one core), then on places + people_orgs (the full working gazetteer), each in a
   fresh process: wall and CPU seconds, entities/s, peak RSS, and the build's own phase timings.
2. A synthetic 100k-entity Wikidata JSON dump (bench/gen_dump.py, written to a temporary directory) read by
   the dump reader (target >= 20k entities/s), with a same-run baseline: the same lines parsed by orjson
   and by the standard json module (generic parsers, as a reader without typed decoding would use).

The machine may be shared: CPU seconds are the figure that does not depend on other processes' load.

    python bench/build.py [--entities 100000] [--data DIR] [--skip-build] [--skip-dump]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "gazetteer"
sys.path.insert(0, str(ROOT))

from bench.gen_dump import write_dump  # noqa: E402
from gazetteer.sources.dump import DumpSource  # noqa: E402


def _rebuild(sources: list[Path], out: Path) -> None:
    script = Path(sys.executable).parent / "gazetteer-rebuild"
    args = [str(script), *[a for s in sources for a in ("--source", str(s))], "--out", str(out), "--no-progress"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"rebuild failed: {stderr.strip()}")
    import sqlite3

    meta = dict(sqlite3.connect(out).execute("SELECT key, value FROM meta"))
    stats = json.loads(meta["stats"])
    cpu = usage.ru_utime + usage.ru_stime
    names = " + ".join(s.name for s in sources)
    print(f"build {names}: {stats['entities']:,} entities, {stats['names']:,} names, {stats['merged']:,} merged")
    print(f"  wall {wall:.1f} s, CPU {cpu:.1f} s -> {stats['entities'] / cpu:,.0f} entities/s per CPU-second "
          f"({stats['entities'] / wall:,.0f}/s wall); peak RSS {usage.ru_maxrss / 1024:.0f} MB")
    timings = stats.get("timings") or {}
    if timings:
        print("  phases (wall s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    print(f"  {stdout.strip()}")


def _rate(label: str, lines: int, mb: float, seconds: float, cpu: float) -> None:
    print(f"  {label:<44} {lines / cpu:>9,.0f} lines/s per CPU-second ({lines / seconds:,.0f}/s wall), "
          f"{mb / cpu:,.0f} MB/s")


def bench_dump(entities: int) -> None:
    with tempfile.TemporaryDirectory(prefix="urdu-linker-bench-") as tmp:
        plain, path = Path(tmp) / "synthetic.json", Path(tmp) / "synthetic.json.gz"
        t0 = time.perf_counter()
        write_dump(str(plain), entities)
        with open(plain, "rb") as src, gzip.open(path, "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst)
        mb = plain.stat().st_size / 1e6
        print(f"synthetic dump: {entities:,} entities, {mb:,.0f} MB uncompressed ({mb * 1e3 / entities:.1f} kB "
              f"per entity), {path.stat().st_size / 1e6:,.0f} MB gzipped; written in {time.perf_counter() - t0:.0f} s")
        for label, p, min_sitelinks in (("dump reader, .json.gz, default selection", path, None),
                                        ("dump reader, .json, default selection", plain, None),
                                        ("dump reader, .json, every item kept", plain, 0)):
            source = DumpSource(p) if min_sitelinks is None else DumpSource(p, min_sitelinks=min_sitelinks)
            t, c = time.perf_counter(), time.process_time()
            kept = sum(1 for _ in source)
            _rate(label, source.lines, mb, time.perf_counter() - t, time.process_time() - c)
            print(f"    kept {kept:,}, filtered {source.filtered:,}, malformed {source.skipped:,}")
        import orjson

        for label, loads in (("baseline: orjson.loads every line, .json", orjson.loads),
                             ("baseline: json.loads every line, .json", json.loads)):
            t, c, n = time.perf_counter(), time.process_time(), 0
            with open(plain, "rb") as f:
                for line in f:
                    line = line.rstrip(b",\n")
                    if len(line) > 1:
                        loads(line)
                        n += 1
            _rate(label, n, mb, time.perf_counter() - t, time.process_time() - c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000, help="size of the synthetic dump")
    ap.add_argument("--data", type=Path, default=DATA, help=f"the extract folder (default {DATA})")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--skip-dump", action="store_true")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if not args.skip_build:
        data = args.data
        if not (data / "places.jsonl.gz").is_file():
            print(f"skipping the build benchmark: {data} not found")
        else:
            with tempfile.TemporaryDirectory(prefix="urdu-linker-bench-") as tmp:
                _rebuild([data / "places.jsonl.gz"], Path(tmp) / "places.sqlite")
                _rebuild([data / "places.jsonl.gz", data / "people_orgs.jsonl.gz"], Path(tmp) / "full.sqlite")
    if not args.skip_dump:
        bench_dump(args.entities)
    print(f"bench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
