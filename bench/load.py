"""Load test: gunicorn on 127.0.0.1, concurrent clients POSTing real news paragraphs to /api/link.

Prints requests/s, p50/p99 latency, the error count and the time for one text at the size limit, with a
same-run baseline: the same paragraphs linked in-process, one thread, no HTTP.
Bounded: stops after --requests or --max-seconds, whichever is first.

    python bench/load.py --gazetteer /tmp/web/g.sqlite            # 50 clients x 10,000 requests
    URDU_LINKER_GAZETTEER=g.sqlite python bench/load.py --clients 10 --requests 1000
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil  # the bench extra

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval" / "text" / "counter_ur_news_lines.jsonl.gz"


def paragraphs(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [t for line in f if (t := json.loads(line).get("text", "").strip())]


def start_gunicorn(gazetteer: str, workers: int) -> tuple[subprocess.Popen, int]:
    """gunicorn on a free loopback port (bound by gunicorn itself: port 0, read back from its log)."""
    env = {**os.environ, "URDU_LINKER_GAZETTEER": gazetteer}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", "127.0.0.1:0",
                             "--log-level", "info", "web:create_app()"],
                            env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    for line in proc.stderr:
        if m := re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line):
            threading.Thread(target=proc.stderr.read, daemon=True).start()   # keep draining the log
            return proc, int(m.group(1))
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise SystemExit(f"gunicorn did not start (exit code {proc.wait()})")


def request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        con.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        r = con.getresponse()
        return r.status, r.read()
    finally:
        con.close()


def wait_healthy(port: int) -> dict:
    for _ in range(100):
        try:
            status, body = request(port, "GET", "/healthz")
            if status == 200:
                return json.loads(body)
            raise SystemExit(f"/healthz answered {status}: {body.decode()}")
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn never answered /healthz")


def run_clients(port: int, texts: list[str], clients: int, total: int, max_seconds: float):
    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(total))
    lock = threading.Lock()
    stop_at = time.monotonic() + max_seconds

    def client() -> None:
        while time.monotonic() < stop_at:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            body = json.dumps({"text": texts[i % len(texts)]}).encode()
            t0 = time.perf_counter()
            try:
                status, data = request(port, "POST", "/api/link", body)
                ok = status == 200 and "mentions" in json.loads(data)
                err = None if ok else f"HTTP {status}: {data[:200]!r}"
            except (OSError, ValueError) as e:
                err = f"{type(e).__name__}: {e}"
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if err:
                    errors.append(err)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - t0


def baseline(gazetteer: str, texts: list[str], seconds: float = 10.0) -> tuple[int, float]:
    """Paragraphs linked per second in this process, one thread, no HTTP."""
    from linker import GazetteerError, Linker

    try:
        linker = Linker.open(gazetteer)
    except GazetteerError as e:
        raise SystemExit(str(e)) from None
    linker.link(texts[0])                              # warm up whatever the linker loads lazily
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds and n < len(texts):
        linker.link(texts[n])
        n += 1
    return n, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", default=os.environ.get("URDU_LINKER_GAZETTEER"),
                    help="gazetteer file (default: $URDU_LINKER_GAZETTEER)")
    ap.add_argument("--texts", type=Path, default=NEWS, help="JSON lines with a 'text' field (gzip)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    ap.add_argument("--big-chars", type=int, default=100_000, help="size of the one large text sent after the run")
    ap.add_argument("--max-seconds", type=float, default=900, help="stop sending after this long")
    args = ap.parse_args()
    if not args.gazetteer or not Path(args.gazetteer).is_file():
        raise SystemExit("give --gazetteer PATH (or set URDU_LINKER_GAZETTEER); build one with gazetteer-rebuild")
    if not args.texts.is_file():
        raise SystemExit(f"no news paragraphs at {args.texts} (../shared/data is needed)")

    texts = paragraphs(args.texts)
    chars = sum(map(len, texts)) / len(texts)
    print(f"texts: {len(texts):,} news paragraphs, mean {chars:.0f} characters")
    n, secs = baseline(args.gazetteer, texts)
    print(f"baseline: in-process Linker.link, 1 thread, no HTTP: {n / secs:,.1f} paragraphs/s "
          f"({secs / n * 1000:.2f} ms each)")

    proc, port = start_gunicorn(args.gazetteer, args.workers)
    try:
        health = wait_healthy(port)
        entities = health["gazetteer"].get("stats", {}).get("entities", "?")
        print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{port}; gazetteer {entities} entities")
        latencies, errors, wall = run_clients(port, texts, args.clients, args.requests, args.max_seconds)
        big = " ".join(texts)[:args.big_chars]
        t0 = time.perf_counter()
        big_status, _ = request(port, "POST", "/api/link", json.dumps({"text": big}).encode())
        big_secs = time.perf_counter() - t0
        workers = psutil.Process(proc.pid).children()
        rss = [w.memory_info().rss / 2**20 for w in workers]
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    done = len(latencies)
    q = statistics.quantiles(latencies, n=100) if done > 1 else [float("nan")] * 99
    print(f"load: {args.clients} clients, {done:,} of {args.requests:,} requests in {wall:.1f} s")
    print(f"  requests/s {done / wall:,.1f}   p50 {q[49] * 1000:.1f} ms   p99 {q[98] * 1000:.1f} ms   "
          f"max {max(latencies) * 1000:.1f} ms   errors {len(errors)}")
    print(f"  worker memory: {len(rss)} workers, RSS {min(rss):.0f}-{max(rss):.0f} MiB each after the run")
    print(f"  one text of {len(big):,} characters (news paragraphs joined): HTTP {big_status} in {big_secs:.1f} s "
          f"(gunicorn's worker timeout is 30 s)")
    for e in sorted(set(errors))[:5]:
        print(f"  error: {e}")
    target = done == args.requests and not errors
    print(f"target ({args.clients} clients x {args.requests:,} requests, 0 errors): {'met' if target else 'MISSED'}")


if __name__ == "__main__":
    main()
