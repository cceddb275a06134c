"""CPU time of each pipeline stage, and what the coding's cost grows with.

    .venv/bin/python bench/stages.py [--corpus ../shared/corpus/saudinewsnet] [--limit 1000]
                                     [--warm 1000]

Codes ``--warm`` SaudiNewsNet articles first (the words' memos fill, as in a long run), then the
next ``--limit`` ones stage by stage, timing each stage with ``time.process_time`` (CPU time:
it holds on this shared machine where wall time does not). Prints each stage's CPU per article
and share; how many articles yield no record and the share of the CPU they take; and a least-
squares fit of each article's CPU to a fixed part, its candidates (the records the assembler
makes, before the decision) and its length, with the share of the CPU each part explains.
Not part of the tests; ``bench/same_records.py`` compares two versions' CPU and records.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _solve(rows: list[tuple[float, ...]], ys: list[float]) -> list[float]:
    """Least squares by the normal equations (three unknowns, Gauss-Jordan)."""
    n = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(n)]
         + [sum(r[i] * y for r, y in zip(rows, ys))] for i in range(n)]
    for i in range(n):
        pivot = max(range(i, n), key=lambda k: abs(a[k][i]))
        a[i], a[pivot] = a[pivot], a[i]
        for k in range(n):
            if k != i and a[i][i]:
                f = a[k][i] / a[i][i]
                a[k] = [x - f * y for x, y in zip(a[k], a[i])]
    return [a[i][n] / a[i][i] if a[i][i] else 0.0 for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(HERE.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=1000)
    args = parser.parse_args()

    import marsad
    from marsad.doc.document import Document
    from marsad.doc.stage import stage_name
    from marsad.reading.sources import read_articles

    coder = marsad.Coder()
    lang, stages = coder._pipeline(coder.language.code)
    assembler = next(i for i, s in enumerate(stages) if type(s).__name__ == "EventAssembler")
    articles = []
    for n, article in enumerate(read_articles([args.corpus], lambda issue: None)):
        if n >= args.warm + args.limit:
            break
        articles.append(article)
    for article in articles[:args.warm]:
        coder.code(article)
    clock, spent = time.process_time, Counter[str]()
    rows: list[tuple[float, ...]] = []
    costs: list[float] = []
    quiet = quiet_cpu = 0.0
    for article in articles[args.warm:]:
        start = t = clock()
        doc = Document.from_article(article, lang.normalize)
        spent["Document.from_article"] += clock() - t
        for i, stage in enumerate(stages):
            t = clock()
            doc = stage(doc)
            spent[stage_name(stage)] += clock() - t
            if i == assembler:
                candidates = len(doc.events)
        cpu = clock() - start
        rows.append((1.0, float(candidates), (len(article.title) + len(article.text)) / 1000))
        costs.append(cpu * 1000)
        if not doc.events:
            quiet, quiet_cpu = quiet + 1, quiet_cpu + cpu
    _report(spent, rows, costs, quiet, quiet_cpu)


def _report(spent: Counter[str], rows: list[tuple[float, ...]], costs: list[float],
            quiet: float, quiet_cpu: float) -> None:
    n, total = len(costs), sum(costs) / 1000
    print(f"{n} articles, CPU {total / n * 1000:.2f} ms per article")
    for name, s in spent.most_common():
        print(f"  {name:24s} {s / n * 1000:6.3f} ms  {s / total:6.1%}")
    print(f"articles with no record: {quiet:.0f} ({quiet / n:.0%}), {quiet_cpu / total:.0%} of the CPU")
    fixed, per_candidate, per_kchar = _solve(rows, costs)
    shares = [sum(r[k] for r in rows) * c / sum(costs)
              for k, c in enumerate((fixed, per_candidate, per_kchar))]
    print(f"CPU ms = {fixed:.3f} + {per_candidate:.3f} per candidate + {per_kchar:.3f} per 1000 "
          f"characters; candidates {sum(r[1] for r in rows) / n:.1f} per article")
    print(f"share of the CPU: fixed {shares[0]:.0%}, candidates {shares[1]:.0%}, "
          f"length {shares[2]:.0%}")


if __name__ == "__main__":
    main()
