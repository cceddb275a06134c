"""Reading a gold file for ``marsad evaluate``: which of the three formats it is, and its lines.

* **sentence** gold (``plover-gsr-ar.dev.jsonl``): ``{"id", "text", "date", "events"}`` with one
  or a few events per short text, scored by ``marsad.evaluation.score``;
* **article** gold (``real-news.dev.jsonl``, ``ANNOTATION.md``): a whole article per line, with
  ``title``, ``text``, ``kind``, ``sentences`` and every event it reports, each with a
  ``modality``; scored by ``marsad.evaluation.articles``;
* **stand-off** training annotations (``"corpus": "saudinewsnet"``): article gold whose texts are
  spans into the corpus, resolved with ``marsad.evaluation.standoff`` before scoring.

The format is the file's, decided by its first line that is a JSON object: a line with
``corpus`` is stand-off; one with ``kind`` or ``sentences``, or with an event carrying a
``modality``, is article gold; anything else is sentence gold. A line that does not fit its
file's format is a ``GoldProblem`` (``FILE:LINE: message``): it is reported and skipped, and
the other lines are still scored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluation.standoff import CorpusRecord, StandoffError, read_corpus, resolve
from marsad.reading.article import ArticleError, parse_date

SENTENCE, ARTICLE, STANDOFF = "sentence", "article", "standoff"


class GoldError(ValueError):
    """A gold file that cannot be scored at all (a stand-off file without its corpus)."""


class GoldLineError(ValueError):
    """One gold line that does not fit its file's format."""


@dataclass(frozen=True)
class GoldProblem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class GoldFile:
    """The usable lines of a gold file (stand-off lines already resolved) and the problems."""

    path: str
    kind: str
    records: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[GoldProblem] = field(default_factory=list)


def detect_kind(line: dict[str, Any]) -> str:
    """The format a gold line is written in (see the module docstring)."""
    if line.get("corpus"):
        return STANDOFF
    if "kind" in line or "sentences" in line:
        return ARTICLE
    events = line.get("events")
    if isinstance(events, list) and any(isinstance(e, dict) and "modality" in e for e in events):
        return ARTICLE
    return SENTENCE


def read_gold(path: str | Path, corpus_dir: str | Path | None = None) -> GoldFile:
    """Every line of ``path`` checked against the file's format; stand-off lines are resolved
    against the SaudiNewsNet corpus in ``corpus_dir`` (read only when the file needs it)."""
    lines, problems = _json_lines(Path(path))
    kind = detect_kind(lines[0][1]) if lines else SENTENCE
    gold = GoldFile(str(path), kind, problems=problems)
    corpus = _corpus(corpus_dir) if kind == STANDOFF else {}
    check = {SENTENCE: _check_sentence, ARTICLE: _check_article}.get(kind, _check_article)
    for lineno, line in lines:
        try:
            record = resolve(line, corpus) if kind == STANDOFF else line
            check(record)
        except (StandoffError, GoldLineError) as exc:
            gold.problems.append(GoldProblem(str(path), lineno, str(exc)))
            continue
        gold.records.append((lineno, record))
    gold.problems.sort(key=lambda p: p.line)
    return gold


def _json_lines(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[GoldProblem]]:
    lines, problems = [], []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as exc:
                problems.append(GoldProblem(str(path), lineno, f"invalid JSON: {exc.msg}"))
                continue
            if not isinstance(value, dict):
                problems.append(GoldProblem(str(path), lineno, "expected a JSON object"))
                continue
            lines.append((lineno, value))
    return lines, problems


def _corpus(folder: str | Path | None) -> dict[str, CorpusRecord]:
    if folder is None or not Path(folder).is_dir() or not any(Path(folder).glob("*.zip")):
        raise GoldError(f"stand-off gold points into the SaudiNewsNet corpus, and there is none "
                        f"at {folder}: give its folder (the dated .zip files) with --corpus DIR")
    return read_corpus(folder)


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise GoldLineError(message)


def _check_events(line: dict[str, Any], entity_check: Callable[[Any], bool]) -> None:
    events = line.get("events", [])
    _require(isinstance(events, list), "'events' is not a list")
    for n, event in enumerate(events):
        _require(isinstance(event, dict), f"event {n} is not a JSON object")
        _require(isinstance(event.get("event_type"), str), f"event {n} has no 'event_type'")
        for role in ("actor", "recipient"):
            ents = event.get(role) or []
            _require(isinstance(ents, list) and all(entity_check(e) for e in ents),
                     f"event {n}: '{role}' is not a list of entities with a 'code'")


def _check_date(line: dict[str, Any]) -> None:
    try:
        parse_date(line.get("date"))
    except ArticleError as exc:
        raise GoldLineError(str(exc)) from None


def _check_sentence(line: dict[str, Any]) -> None:
    _require(isinstance(line.get("text"), str), "missing 'text'")
    _check_date(line)
    _check_events(line, lambda e: isinstance(e, dict) and "code" in e)


def _check_article(line: dict[str, Any]) -> None:
    _require(isinstance(line.get("text"), str), "missing 'text'")
    _require(isinstance(line.get("title") or "", str), "'title' is not a string")
    _check_date(line)
    sentences = line.get("sentences")
    _require(sentences is None or (isinstance(sentences, list)
                                   and all(isinstance(s, str) for s in sentences)),
             "'sentences' is not a list of strings")
    _check_events(line, lambda e: isinstance(e, dict) and "code" in e)
    for n, event in enumerate(line.get("events") or []):
        _require(isinstance(event.get("modality", "asserted"), str), f"event {n}: bad 'modality'")
        _require(isinstance(event.get("location") or {}, dict), f"event {n}: bad 'location'")
        _require(isinstance(event.get("date") or {}, dict), f"event {n}: bad 'date'")
