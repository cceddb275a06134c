"""Throughput and memory benchmark over the real SaudiNewsNet articles.

    .venv/bin/python bench/throughput.py [--corpus ../shared/corpus/saudinewsnet] [--limit N] [--jobs N]

Prints one table: start-up (import to first coded article), articles/s and words/s in one
process and with --jobs workers, peak resident memory, and the ratio of coding time to a bare
regex tokenization pass over the same texts (the floor no coder can beat).
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

_WORD_RE = re.compile(r"\w+")


def _load(corpus: Path, limit: int):
    from marsad.reading.sources import read_articles  # the reader only: resources load later

    issues = []
    articles = []
    for article in read_articles([str(corpus)], issues.append):
        articles.append(article)
        if limit and len(articles) >= limit:
            break
    return articles, issues


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--limit", type=int, default=0, help="articles (0 = all 31,030)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    articles, issues = _load(corpus, args.limit)
    t0 = time.perf_counter()
    import marsad

    coder = marsad.Coder()
    coder.code(articles[0])
    startup = time.perf_counter() - t0
    texts = [a.title + "\n" + a.text for a in articles]
    words = sum(len(_WORD_RE.findall(t)) for t in texts)

    t = time.perf_counter()
    for text in texts:
        _WORD_RE.findall(text)
    floor = time.perf_counter() - t

    t = time.perf_counter()
    n_events = 0
    failures = 0
    for article in articles:
        try:
            n_events += len(coder.code(article))
        except Exception:
            failures += 1
    single = time.perf_counter() - t
    rss_single = _peak_rss_mb()

    from marsad.parallel import code_in_order

    t = time.perf_counter()
    n_parallel = sum(len(o.events) for o in code_in_order(iter(articles), args.jobs))
    parallel = time.perf_counter() - t
    rss_children = _peak_rss_mb(resource.RUSAGE_CHILDREN)

    rows = [
        ("articles", f"{len(articles):,}"),
        ("words", f"{words:,} ({words / max(len(articles), 1):.0f} per article)"),
        ("input issues", f"{len(issues)}"),
        ("coder exceptions", f"{failures}"),
        ("events", f"{n_events:,} (parallel run: {n_parallel:,})"),
        ("start-up (import to first article)", f"{startup:.2f} s"),
        ("1 process: articles/s", f"{len(articles) / single:,.0f}"),
        ("1 process: words/s", f"{words / single:,.0f}"),
        (f"--jobs {args.jobs}: articles/s", f"{len(articles) / parallel:,.0f} "
                                           f"(speed-up {single / parallel:.2f}x)"),
        ("peak RSS, coding process", f"{rss_single:,.0f} MB"),
        ("peak RSS, largest worker", f"{rss_children:,.0f} MB"),
        ("tokenization floor", f"{floor:.2f} s; coding/floor = {single / floor:.1f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
