"""Gold events lost in merging: matched by the records before ``events/merge.py`` and not after.

    .venv/bin/python scripts/merge_losses.py dev        # ../shared/eval/real-news.dev.jsonl
    .venv/bin/python scripts/merge_losses.py train      # training/annotations/*.jsonl
    .venv/bin/python scripts/merge_losses.py dev -v     # and each loss, with both records

Each article is coded by every stage but the merger; the merger then runs with each of its
merges recorded. Gold events are matched as ``marsad evaluate`` matches them (asserted events,
one to one per type), once against the records before the merger and once after. A gold event
matched before and not after (loose), or matched strictly before and only loosely after
(strict), is counted under the rule that merged its record: told together (the same sentence;
the headline and the lead), a reference back (``التفجير``), or the participants (one side
without an actor, a shared actor, a shared recipient, a place or a time of their own), and under
what sets the two gold events apart (actor, recipient, date, country codes; one sentence).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import marsad.events.merge as merge  # noqa: E402
from marsad.coder import Coder  # noqa: E402
from marsad.doc.document import Document  # noqa: E402
from marsad.doc.records import Event  # noqa: E402
from marsad.evaluation.articles import GoldArticle, GoldEvent, is_strict, match_events  # noqa: E402
from marsad.evaluation.standoff import read_corpus, read_standoff  # noqa: E402
from marsad.reading.article import Article  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "real-news.dev.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet"
#: each merge of the current article: (kept index, kept record before it, merged record)
MERGES: list[tuple[int, Event, Event]] = []
_absorb = merge._absorb


def _recording_absorb(merged: list[Event], absorbed: dict[int, list[Any]], i: int,
                      event: Event) -> None:
    MERGES.append((i, merged[i], event))
    _absorb(merged, absorbed, i, event)


def gold_articles(which: str) -> Iterator[dict[str, Any]]:
    if which == "dev":
        with open(DEV, encoding="utf-8") as fh:
            yield from (json.loads(line) for line in fh if line.strip())
    else:
        files = sorted(glob.glob(str(ROOT / "training" / "annotations" / "*.jsonl")))
        yield from read_standoff(files, read_corpus(CORPUS))


def matched(article: GoldArticle, events: list[Event]) -> tuple[dict[int, Event], set[int]]:
    """Gold index -> the record matched to it; the gold indexes matched strictly."""
    loose: dict[int, Event] = {}
    strict: set[int] = set()
    for etype in {e.event_type for e in article.events} | {e.event_type for e in events}:
        ps = [article.predicted(e) for e in events
              if e.event_type == etype and e.modality == "asserted"]
        gs = [i for i, g in enumerate(article.events)
              if g.event_type == etype and g.modality == "asserted"]
        for i, j in match_events(ps, [article.events[k] for k in gs]):
            loose[gs[j]] = ps[i].event
            if is_strict(ps[i], article.events[gs[j]]):
                strict.add(gs[j])
    return loose, strict


def why_merged(a: Event, b: Event, generic_ids: frozenset[str]) -> str:
    if merge._told_together(a, b):
        same = {(ev.field, ev.sentence_index) for ev in a.evidence} \
            & {(ev.field, ev.sentence_index) for ev in b.evidence}
        return "same sentence" if same else "headline/lead"
    if a.modality != b.modality or not merge.same_event(a, b, generic_ids):
        return "refers back"
    if not (a.actor and b.actor):
        return "one side without actor"
    if {e.id for e in a.actor} & {e.id for e in b.actor}:
        return "shared actor"
    if {e.id for e in a.recipient} & {e.id for e in b.recipient}:
        return "shared recipient, actors differ"
    return "own place" if merge._own_place(a) and merge._own_place(b) else "own time"


def gold_apart(g: GoldEvent, h: GoldEvent | None) -> str:
    if h is None:
        return "other record matched no gold"
    parts = [name for name, differ in (
        ("actor", g.actor != h.actor), ("recipient", g.recipient != h.recipient),
        ("date", bool(g.start and h.start and (g.start, g.end) != (h.start, h.end))),
        ("country", bool(g.country and h.country and g.country != h.country)),
        ("one sentence", g.sentence_index == h.sentence_index)) if differ]
    return "+".join(parts) or "nothing"


def partner(record: Event, matched_records: list[Event]) -> tuple[Event, Event] | None:
    """The pair of records whose merge took ``record`` in: (kept, merged); for a kept record,
    the first record merged into it that matched a gold event, else the first merged."""
    for _, kept, event in MERGES:
        if event is record:
            return kept, event
    firsts = {i: kept for i, kept, _ in reversed(MERGES)}
    for i, first in firsts.items():
        if first is record:
            members = [e for j, _, e in MERGES if j == i]
            hit = [e for e in members if any(e is m for m in matched_records)]
            return first, (hit or members)[0]
    return None


def losses(article: GoldArticle, before: list[Event], after: list[Event],
           generic_ids: frozenset[str]) -> Iterator[tuple[str, str, str, str]]:
    loose_b, strict_b = matched(article, before)
    loose_a, strict_a = matched(article, after)
    for gi, record in loose_b.items():
        kind = "loose" if gi not in loose_a else \
            "strict" if gi in strict_b and gi not in strict_a else None
        if kind is None:
            continue
        pair = partner(record, list(loose_b.values()))
        if pair is None:
            yield kind, "its record not merged", "-", article.id
            continue
        other = pair[0] if pair[1] is record else pair[1]
        h = next((article.events[j] for j, r in loose_b.items() if r is other), None)
        yield kind, why_merged(*pair, generic_ids), gold_apart(article.events[gi], h), article.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=("dev", "train"))
    parser.add_argument("-v", "--verbose", action="store_true", help="each loss")
    args = parser.parse_args()
    merge._absorb = _recording_absorb
    coder = Coder()
    *before_merging, merger = coder.stages
    by_rule: Counter[tuple[str, str]] = Counter()
    by_gold: Counter[tuple[str, str, str]] = Counter()
    totals: Counter[str] = Counter()
    for raw in gold_articles(args.which):
        article = GoldArticle.from_record(raw)
        doc = Document.from_article(Article.from_mapping(article.record), coder.language.normalize)
        for stage in before_merging:
            doc = stage(doc)
        before = list(doc.events)
        MERGES.clear()
        after = merger(doc).events
        totals["records before"] += len(before)
        totals["records after"] += len(after)
        for kind, rule, apart, aid in losses(article, before, after, merger.generic_ids):
            by_rule[kind, rule] += 1
            by_gold[kind, rule, apart] += 1
            if args.verbose:
                print(f"{kind:6} {rule:32} {apart:30} {aid}")
    print(dict(totals))
    for (kind, rule), n in sorted(by_rule.items()):
        print(f"  {kind:6} {rule:32} {n:4}")
    print("by what sets the two gold events apart:")
    for (kind, rule, apart), n in sorted(by_gold.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {kind:6} {rule:32} {apart:30} {n:4}")


if __name__ == "__main__":
    main()
