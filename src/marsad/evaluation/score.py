"""Scoring the coder against a gold set (definitions: shared/eval/README.md).

* event type: per record, the gold type among the predicted types is a true positive, each other
  predicted type a false positive, a missed gold type a false negative;
* actor / recipient: for a found type, the code set of the best-matching predicted event of that
  type against the gold codes; for a missed type every gold code is a false negative;
* exact: the share of records whose type, actor codes and recipient codes all match.

A predicted armed group is ``NSA`` with its home state in ``country`` (contract, ENTITY); the
PLOVER gold codes armed groups under their country (Hamas PSE), as CAMEO does, so a predicted
group counts as its country where the gold names that country and not NSA.

Predicted events with modality ``negated`` are left out, as the definitions say.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.coder import Coder
from marsad.doc.records import Event


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    records: int = 0
    exact: int = 0
    event_type: Counts = field(default_factory=Counts)
    actor: Counts = field(default_factory=Counts)
    recipient: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "event_type": self.event_type.to_dict(),
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict(),
            "exact": round(self.exact / self.records, 4) if self.records else 0.0,
        }


@dataclass
class Report:
    overall: Scores
    per_type: dict[str, Scores]
    errors: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.to_dict(),
                "per_type": {t: s.to_dict() for t, s in sorted(self.per_type.items())}}


def _codes(entities: Iterable[Any]) -> set[str]:
    return {e["code"] if isinstance(e, dict) else e.code for e in entities if e}


def _predicted_codes(entities: Iterable[Any], gold: set[str]) -> set[str]:
    """Each entity's code, or an armed group's home country where the gold has that and not
    the code."""
    codes = set()
    for e in entities:
        if e.code == "NSA" and e.code not in gold and e.country in gold:
            codes.add(e.country)
        else:
            codes.add(e.code)
    return codes


def _set_counts(predicted: set[str], gold: set[str]) -> Counts:
    return Counts(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def score_record(gold: dict[str, Any], events: list[Event], scores: Scores,
                 per_type: dict[str, Scores]) -> dict[str, Any] | None:
    """Add one gold record's counts; return a description of the miss, or None if exact."""
    kept = [e for e in events if e.modality != "negated"]
    predicted_types = {e.event_type for e in kept}
    missed: dict[str, Any] | None = None
    all_exact = True
    for g in gold.get("events", []):
        gtype = g["event_type"]
        bucket = per_type.setdefault(gtype, Scores())
        bucket.records += 1
        scores.records += 1
        gold_a, gold_r = _codes(g.get("actor", [])), _codes(g.get("recipient", []))
        if gtype in predicted_types:
            type_counts = Counts(tp=1)
            candidates = [e for e in kept if e.event_type == gtype]
            best = max(candidates, key=lambda e: _match_quality(e, gold_a, gold_r))
            a = _set_counts(_predicted_codes(best.actor, gold_a), gold_a)
            r = _set_counts(_predicted_codes(best.recipient, gold_r), gold_r)
            exact = a.fp == a.fn == 0 and r.fp == r.fn == 0
        else:
            type_counts = Counts(fn=1)
            a, r, exact = Counts(fn=len(gold_a)), Counts(fn=len(gold_r)), False
            best = None
        for target in (scores, bucket):
            target.event_type.add(type_counts)
            target.actor.add(a)
            target.recipient.add(r)
            target.exact += int(exact)
        if not exact:
            all_exact = False
            missed = {"id": gold.get("id"), "gold": gtype, "gold_actor": sorted(gold_a),
                      "gold_recipient": sorted(gold_r), "predicted": sorted(predicted_types),
                      "actor": sorted(_predicted_codes(best.actor, gold_a)) if best else [],
                      "recipient": sorted(_predicted_codes(best.recipient, gold_r)) if best else []}
    gold_types = {g["event_type"] for g in gold.get("events", [])}
    for extra in predicted_types - gold_types:
        scores.event_type.fp += 1
        per_type.setdefault(extra, Scores()).event_type.fp += 1
    return None if all_exact else missed


def _match_quality(e: Event, gold_a: set[str], gold_r: set[str]) -> tuple[int, int]:
    a, r = _predicted_codes(e.actor, gold_a), _predicted_codes(e.recipient, gold_r)
    return (len(a & gold_a) + len(r & gold_r), -(len(a - gold_a) + len(r - gold_r)))


def evaluate(path: Path, coder: Coder) -> Report:
    """Score every line of a sentence gold file (a bad line raises: ``marsad evaluate`` reads
    the file with ``marsad.evaluation.gold`` to report and skip it instead)."""
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return evaluate_records(records, coder)


def evaluate_records(records: Iterable[dict[str, Any]], coder: Coder) -> Report:
    overall = Scores()
    per_type: defaultdict[str, Scores] = defaultdict(Scores)
    errors = []
    for gold in records:
        events = coder.code_text(gold["text"], date=gold.get("date"), id=gold.get("id"))
        miss = score_record(gold, events, overall, per_type)
        if miss:
            errors.append(miss)
    return Report(overall, dict(per_type), errors)


def format_report(report: Report) -> str:
    """A plain-text table of the figures, overall and per event type."""
    rows: list[tuple[str, ...]] = [("", "records", "type P", "type R", "type F1", "actor F1", "recip F1", "exact")]

    def row(name: str, s: Scores) -> tuple[str, ...]:
        exact = s.exact / s.records if s.records else 0.0
        return (name, str(s.records), f"{s.event_type.precision:.3f}", f"{s.event_type.recall:.3f}",
                f"{s.event_type.f1:.3f}", f"{s.actor.f1:.3f}", f"{s.recipient.f1:.3f}", f"{exact:.3f}")

    rows.append(row("overall", report.overall))
    rows += [row(t, s) for t, s in sorted(report.per_type.items())]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in rows]
    lines.insert(2, "-" * len(lines[0]))
    return "\n".join(lines)
