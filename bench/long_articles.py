"""Coding time against article length: long articles and run-on sentences.

    .venv/bin/python bench/long_articles.py [--corpus ../shared/corpus/saudinewsnet]
                                             [--sizes 25000,50000,100000,200000,500000]
                                             [--timeout 300]

The texts are made of real SaudiNewsNet sentences (the first zip of the corpus): an article of
them in paragraphs of five, and one run-on sentence joining them with a comma (،) and with
و and no punctuation at all. Each is coded once, in a fresh process (so one slow run cannot
slow the next, and a run that passes ``--timeout`` is reported as such); the time is the
coding alone, resources loaded before. Linear work shows as a steady time per 100,000
characters and a ratio near the ratio of the lengths. Not part of the tests: speed is measured
here, while tests/annotate/test_segment.py checks the mechanism (the sentence cap) and counts
the work done.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

SHAPES = ("article", "run-on ،", "run-on و")
_JOINERS = {"run-on ،": "، ", "run-on و": " و"}


def sentences(corpus: str, wanted: int = 6000) -> list[str]:
    """Real sentences of the corpus's first zip, without their full stop."""
    from marsad.reading.sources import read_articles

    zips = sorted(Path(corpus).glob("*.zip"))[:1]
    found: list[str] = []
    for article in read_articles([str(z) for z in zips], lambda issue: None):
        for s in re.split(r"(?<=[.!؟])\s+", article.text):
            s = s.strip().rstrip(".!؟ ")
            if 40 < len(s) < 400 and "\n" not in s and "." not in s:
                found.append(s)
        if len(found) >= wanted:
            break
    return found


def make_text(shape: str, chars: int, pool: list[str]) -> str:
    """``chars`` characters of the pool's sentences (repeated if the pool runs out)."""
    joiner = _JOINERS.get(shape, ". ")
    out: list[str] = []
    size = 0
    while size < chars:
        s = pool[len(out) % len(pool)]
        out.append(s + "." if shape == "article" and len(out) % 5 == 4 else s)
        size += len(s) + len(joiner)
    if shape == "article":
        paragraphs = [". ".join(out[i:i + 5]) for i in range(0, len(out), 5)]
        return "\n".join(paragraphs)[:chars]
    return joiner.join(out)[:chars]


def _one(corpus: str, shape: str, chars: int) -> dict:
    import marsad
    from marsad.reading.article import Article

    coder = marsad.Coder()
    text = make_text(shape, chars, sentences(corpus))
    article = Article.from_mapping({"id": "long", "text": text, "date": "2015-07-21"})
    t = time.perf_counter()
    doc = coder.process(article)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "events": len(doc.events), "sentences": len(doc.sentences),
            "chars": len(text)}


def _child(corpus: str, shape: str, chars: int, timeout: float) -> dict | None:
    try:
        out = subprocess.run([sys.executable, __file__, "--corpus", corpus, "--_one", shape,
                              str(chars)], capture_output=True, text=True, check=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--sizes", default="25000,50000,100000,200000,500000",
                        help="characters, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated: " + ", ".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run")
    parser.add_argument("--_one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._one:
        print(json.dumps(_one(args.corpus, args._one[0], int(args._one[1]))))
        return 0
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    print(f"{'shape':<10} {'chars':>8} {'sentences':>9} {'events':>6} {'seconds':>8} "
          f"{'s/100k':>7} {'x prev':>7}")
    for shape in args.shapes.split(","):
        previous = None
        for chars in (int(n) for n in args.sizes.split(",")):
            r = _child(args.corpus, shape, chars, args.timeout)
            if r is None:
                print(f"{shape:<10} {chars:>8,} {'':>9} {'':>6} {'> ' + str(int(args.timeout)):>8}")
                previous = None
                continue
            ratio = f"{r['seconds'] / previous:.1f}" if previous else ""
            print(f"{shape:<10} {r['chars']:>8,} {r['sentences']:>9,} {r['events']:>6,} "
                  f"{r['seconds']:>8.2f} {r['seconds'] * 100_000 / r['chars']:>7.2f} {ratio:>7}",
                  flush=True)
            previous = r["seconds"]
    return 0


if __name__ == "__main__":
    sys.exit(main())
