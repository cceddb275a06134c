#!/usr/bin/env python3
"""List the gazetteer names that news text uses as ordinary words: candidates for ``ambiguous.txt``.

Developer script (reads the SaudiNewsNet corpus beside the repository; nothing is downloaded).
It codes the first ``--articles`` articles and counts, for every town the place stage finds, how
often it was found and how often after a locative cue (في، قرب، مدينة، بـ …). A real town is
named after a cue a good part of the time (في درعا، قرب الفلوجة); a name that is really a word
or a person (بيانه "his statement", مرفا "port", هولاند Hollande, ووكر Walker) almost never is.
Printed: the names found at least ``--min`` times, at most ``--max-cued`` of them after a cue,
that are towns (not countries or provinces) of fewer than ``--max-population`` people and not
yet in ``ambiguous.txt``, one per line in that file's format with the counts as the reason, to
be read before they are added (a real town the press names bare, like رفح in معبر رفح, stays out).

    .venv/bin/python scripts/find_ambiguous_places.py [--corpus DIR] [--articles N]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from marsad.coder import Coder  # noqa: E402
from marsad.reading.sources import read_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "saudinewsnet")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--min", type=int, default=5, help="fewest mentions (default 5)")
    ap.add_argument("--max-cued", type=float, default=0.25,
                    help="largest share of mentions after a locative cue (default 0.25)")
    ap.add_argument("--max-population", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    files = sorted(str(p) for p in args.corpus.glob("*.zip"))
    if not files:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    coder = Coder()
    ambiguous = coder.resources.ambiguous_places
    found: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    rows = {}
    problems: list[object] = []
    for article in itertools.islice(read_articles(files, problems.append), args.articles):
        doc = coder.process(article)
        for p in doc.places:
            name = doc.norm.text[p.start:p.end]
            found[name] += 1
            cued[name] += p.cued
            rows[name] = p.place
    for name, n in found.most_common():
        row = rows[name]
        if (n < args.min or cued[name] > args.max_cued * n or row.precision != "city"
                or row.population >= args.max_population or name in ambiguous):
            continue
        print(f"{name}  # {row.name} ({row.country}, population {row.population}): "
              f"{n} mentions in {args.articles} articles, {cued[name]} after a locative cue")
    return 0


if __name__ == "__main__":
    sys.exit(main())
