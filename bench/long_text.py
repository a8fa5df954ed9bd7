"""Long-text scaling: seconds to link texts of growing length, so a super-linear step shows as a growing ratio.

The web API accepts 100,000 characters; a request must finish well inside gunicorn's 30 s worker timeout. Three
kinds of text: real news (COUNTER lines joined), Urdu made of names (the worst case: every window has
candidates), and Latin-script names inside one text.

Usage: python bench/long_text.py --gazetteer /tmp/g.sqlite [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from linker import Linker

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SIZES = (10_000, 25_000, 50_000, 100_000)
DENSE_UR = "ولادیمیر پوتن نے ماسکو میں ڈونلڈ ٹرمپ اور شمالی کوریا کے پیانگ یانگ"
DENSE_LATIN = "Vladimir Putin met Donald Trump in Moscow and Pyongyang"


def texts(data: Path) -> dict[str, str]:
    out = {"urdu names": " ".join([DENSE_UR] * 2000), "latin names": " ".join([DENSE_LATIN] * 2000)}
    news = data / "eval" / "text" / "counter_ur_news_lines.jsonl.gz"
    if news.exists():
        with gzip.open(news, "rt", encoding="utf-8") as fh:
            out["news"] = " ".join(json.loads(line)["text"] for line in fh)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", required=True)
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    linker = Linker.open(args.gazetteer)
    linker.link(DENSE_UR)  # warm the index
    for kind, text in texts(args.data).items():
        per_char = []
        for n in SIZES:
            t0 = time.perf_counter()
            mentions = linker.link(text[:n])
            dt = time.perf_counter() - t0
            per_char.append(dt / n)
            print(f"{kind:12} {n:>7,} chars  {len(mentions):>6,} mentions  {dt:6.2f} s")
        print(f"{kind:12} time per character, longest / shortest text: {per_char[-1] / per_char[0]:.2f} "
              "(about 1 when linear)")


if __name__ == "__main__":
    main()
