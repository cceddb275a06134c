"""Throughput and memory benchmark over the real SaudiNewsNet articles.

    .venv/bin/python bench/throughput.py [--corpus ../shared/corpus/saudinewsnet] [--limit N] [--jobs N]

The interpreter decides what is measured: a venv set up with ``scripts/setup.sh`` runs the mypyc
build (or plain Python where it could not compile), one set up with ``--dev`` the .py sources;
the first row of the table says which ran (``marsad.RUNS_AS``).

Prints one table: start-up (import to first coded article), articles/s and words/s in one
process and with --jobs workers, peak resident memory of the coding processes, and the ratio of
coding time to a bare regex tokenization of the same texts (the floor no coder can beat). The
floor is timed twice: as the best of three separate passes, and article by article beside the
coding, which keeps the ratio steady while this shared machine's speed drifts.
Each measurement runs in a fresh process that streams the corpus, as `marsad code` does, so
memory is the coder's own and not the benchmark's copy of the corpus. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

_WORD_RE = re.compile(r"\w+")
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")   # the coder's own tokenization (words and punctuation)


def _articles(corpus: str, limit: int):  # type: ignore[no-untyped-def]
    from marsad.reading.sources import read_articles

    issues: list = []
    for n, article in enumerate(read_articles([corpus], issues.append), start=1):
        yield article
        if limit and n >= limit:
            break


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _run_single(corpus: str, limit: int) -> dict:
    t0 = time.perf_counter()
    import marsad

    coder = marsad.Coder()
    startup = None
    coding = floor_words = floor_tokens = 0.0
    n = words = events = failures = 0
    clock = time.perf_counter
    for article in _articles(corpus, limit):
        t = clock()
        try:
            events += len(coder.code(article))
        except Exception:
            failures += 1
        coding += clock() - t
        if startup is None:
            startup = clock() - t0
        n += 1
        # The floor is timed article by article beside the coding, so that the ratio holds
        # however fast this (shared, drifting) machine happens to run at the moment.
        text = article.title + "\n" + article.text
        t = clock()
        found = _WORD_RE.findall(text)
        floor_words += clock() - t
        t = clock()
        _TOKEN_RE.findall(text)
        floor_tokens += clock() - t
        words += len(found)
    return {"articles": n, "words": words, "events": events, "failures": failures,
            "runs_as": marsad.RUNS_AS, "coding_s": coding, "floor_words_s": floor_words,
            "floor_tokens_s": floor_tokens, "startup_s": startup, "rss_mb": _peak_rss_mb(),
            "wall_s": time.perf_counter() - t0}


def _run_parallel(corpus: str, limit: int, jobs: int) -> dict:
    from marsad.run import make_executor

    t = time.perf_counter()
    n = events = failures = 0
    for outcome in make_executor(jobs).code(_articles(corpus, limit), render=True):
        n += 1
        events += len(outcome.lines)
        failures += outcome.error is not None
    return {"articles": n, "events": events, "failures": failures, "wall_s": time.perf_counter() - t,
            "rss_mb": _peak_rss_mb(), "worker_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN)}


def _floor(corpus: str, limit: int) -> tuple[float, float, float]:
    """Seconds to read, to find \\w+ words, and to find words and punctuation."""
    read = words = tokens = 0.0
    t = time.perf_counter()
    texts: list[str] = []
    for article in _articles(corpus, limit):
        texts.append(article.title + "\n" + article.text)
        if len(texts) == 2000:
            words += _scan(_WORD_RE, texts)
            tokens += _scan(_TOKEN_RE, texts)
            texts = []
    words += _scan(_WORD_RE, texts)
    tokens += _scan(_TOKEN_RE, texts)
    read = time.perf_counter() - t - words - tokens
    return read, words, tokens


def _scan(pattern: re.Pattern[str], texts: list[str]) -> float:
    """Seconds for the best of three passes of ``pattern`` over the texts."""
    return _timed(lambda: [pattern.findall(x) for x in texts])


def _timed(run) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t)
    return best


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(here.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--limit", type=int, default=0, help="articles (0 = all 31,030)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--_single", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--_parallel", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._single:
        print(json.dumps(_run_single(args.corpus, args.limit)))
        return 0
    if args._parallel:
        print(json.dumps(_run_parallel(args.corpus, args.limit, args.jobs)))
        return 0
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    common = ["--corpus", args.corpus, "--limit", str(args.limit)]
    single = _child("--_single", *common)
    parallel = _child("--_parallel", "--jobs", str(args.jobs), *common)
    _, floor_words, floor_tokens = _floor(args.corpus, args.limit)
    n, coding = single["articles"], single["coding_s"]
    rows = [
        ("coder runs as", f"{single['runs_as']} ({sys.executable})"),
        ("articles", f"{n:,}"),
        ("words", f"{single['words']:,} ({single['words'] / max(n, 1):.0f} per article)"),
        ("coder exceptions", f"{single['failures']} (parallel run: {parallel['failures']})"),
        ("events", f"{single['events']:,} (parallel run: {parallel['events']:,})"),
        ("start-up (import to first coded article)", f"{single['startup_s']:.2f} s"),
        ("1 process: articles/s (coding time)", f"{n / coding:,.0f}"),
        ("1 process: words/s", f"{single['words'] / coding:,.0f}"),
        ("1 process: articles/s (wall: start-up, reading, coding)", f"{n / single['wall_s']:,.0f}"),
        (f"--jobs {args.jobs}: articles/s (wall)",
         f"{parallel['articles'] / parallel['wall_s']:,.0f} "
         f"(speed-up {single['wall_s'] / parallel['wall_s']:.2f}x)"),
        ("peak RSS, 1 process (streaming)", f"{single['rss_mb']:,.0f} MB"),
        (f"peak RSS, --jobs {args.jobs}: parent / largest worker",
         f"{parallel['rss_mb']:,.0f} MB / {parallel['worker_rss_mb']:,.0f} MB"),
        ("floor: \\w+ words, best of 3 passes", f"{floor_words:.2f} s; coding/floor = {coding / floor_words:.1f}x"),
        ("floor: words and punctuation, best of 3",
         f"{floor_tokens:.2f} s; coding/floor = {coding / floor_tokens:.1f}x"),
        ("floor: \\w+ words, timed beside the coding",
         f"{single['floor_words_s']:.2f} s; coding/floor = {coding / single['floor_words_s']:.1f}x"),
        ("floor: words and punctuation, beside the coding",
         f"{single['floor_tokens_s']:.2f} s; coding/floor = {coding / single['floor_tokens_s']:.1f}x"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
