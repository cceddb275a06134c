"""Scoring the coder on whole articles (``shared/eval/ANNOTATION.md``, "Scoring").

Each gold article (title, text, date, ``kind``, ``sentences``, every event it reports) is coded
with the ``Coder`` and its events are compared with the gold ones:

* **Matching.** Per article and event type, predicted *asserted* events are matched one-to-one
  to gold *asserted* events. The matching has as many pairs as it can (the smaller of the two
  counts: any two events of one type may pair) and, among those, prefers in this order: pairs
  that are strict matches; pairs whose actor and recipient codes agree (counted per role); pairs
  whose sentences are nearer. A gold event's sentences are its ``sentence_index`` and those its
  ``note`` names as telling the same event ("s3 = same", "headline" = sentence 0); a predicted
  event's are the sentences of its evidence, numbered as the gold ``sentences`` (found by the
  trigger's offset; the title is sentence 0). The best such matching is found exactly (the
  Hungarian method, ``marsad.evaluation.assignment``), not greedily.
* **Loose**: a matched pair (the type agrees). **Strict**: the actor codes overlap and the
  recipient codes overlap, or are both empty. A predicted entity the coder marks as a non-state
  armed group (``kind`` ``non_state_armed``, or sector ``REB``/``INS``) also counts as ``NSA``,
  so that a record that codes the PKK ``TUR`` (marsad before the contract's ``country`` field,
  or a CAMEO-style coder) matches a gold ``NSA``; marsad's own records code it ``NSA`` with
  ``country`` ``TUR``, and that home country never matches a gold ``TUR`` (the guideline: a
  group's home country is not its code). Precision is over predicted asserted
  events, recall over gold asserted events; overall and per event type.
* **Roles** on loose matches: how many pairs' actor codes agree, and recipient codes (the same
  test as strict, per role). **Place** (the location's country) and **date** (the predicted
  time overlaps the gold start–end) on strict matches: agreeing pairs over pairs where both
  sides give one.
* **False alarms**: predicted asserted events in ``quiet`` articles, and how many quiet articles
  have any.
* **Modality**: predicted events of any modality matched one-to-one to gold events of any
  modality of the same type that share a sentence; the gold × predicted modality counts.

``misses`` (gold asserted events left unmatched) and ``false_alarms`` (predicted asserted
events left unmatched) name each error for ``marsad evaluate --errors``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.coder import Coder
from marsad.doc.records import Entity, Event, Evidence
from marsad.evaluation.assignment import best_assignment, lexicographic
from marsad.evaluation.score import Counts
from marsad.lang import UnsupportedLanguage
from marsad.reading.article import ArticleError

MODALITIES = ("asserted", "historical", "future", "hypothetical", "negated")
NON_STATE_SECTORS = frozenset({"REB", "INS"})
_NOTE_SENTENCE = re.compile(r"\bs(\d+)\b")
_NOTE_TITLE = re.compile(r"\b(headline|title)\b", re.IGNORECASE)


def gold_codes(entities: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(e["code"]) for e in entities if isinstance(e, dict) and e.get("code"))


def predicted_codes(entities: Iterable[Entity]) -> frozenset[str]:
    """The entities' codes, with ``NSA`` added for a non-state armed group coded by country."""
    codes = set()
    for e in entities:
        codes.add(e.code)
        if e.kind == "non_state_armed" or e.sector in NON_STATE_SECTORS:
            codes.add("NSA")
    return frozenset(codes)


def roles_agree(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    return bool(predicted & gold) or not (predicted or gold)


@dataclass(frozen=True)
class GoldEvent:
    event_type: str
    modality: str
    actor: frozenset[str]
    recipient: frozenset[str]
    country: str | None
    start: str | None
    end: str | None
    sentence_index: int | None
    sentences: frozenset[int]      # sentence_index and those the note calls the same event
    sentence: str
    trigger: str | None

    @classmethod
    def from_dict(cls, raw: dict[str, Any], article_sentences: Sequence[str]) -> GoldEvent:
        idx = raw.get("sentence_index")
        idx = idx if isinstance(idx, int) else None
        date = raw.get("date") or {}
        return cls(
            event_type=raw["event_type"], modality=raw.get("modality") or "asserted",
            actor=gold_codes(raw.get("actor") or []), recipient=gold_codes(raw.get("recipient") or []),
            country=(raw.get("location") or {}).get("country"),
            start=_day(date.get("start")), end=_day(date.get("end") or date.get("start")),
            sentence_index=idx, sentences=_note_sentences(raw.get("note"), idx, len(article_sentences)),
            sentence=article_sentences[idx] if idx is not None and 0 <= idx < len(article_sentences) else "",
            trigger=raw.get("trigger") if isinstance(raw.get("trigger"), str) else None)


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


def _note_sentences(note: Any, idx: int | None, count: int) -> frozenset[int]:
    found = {idx} if idx is not None else set()
    if isinstance(note, str):
        found.update(int(n) for n in _NOTE_SENTENCE.findall(note))
        if _NOTE_TITLE.search(note):
            found.add(0)
    return frozenset(i for i in found if not count or i < count)


@dataclass(frozen=True)
class Predicted:
    event: Event
    sentences: frozenset[int]      # in the gold numbering where the gold gives its sentences
    actor: frozenset[str]
    recipient: frozenset[str]

    @property
    def event_type(self) -> str:
        return self.event.event_type

    @property
    def modality(self) -> str:
        return self.event.modality


@dataclass(frozen=True)
class GoldArticle:
    id: str
    kind: str
    record: dict[str, Any]                  # what the coder is given (contract §1)
    events: tuple[GoldEvent, ...]
    sentence_starts: tuple[int, ...] | None   # offsets in the text of sentences 1, 2, …

    @classmethod
    def from_record(cls, raw: dict[str, Any]) -> GoldArticle:
        text, title = raw["text"], raw.get("title") or ""
        sentences = raw.get("sentences") or []
        record = {"id": raw.get("id"), "title": title, "text": text, "date": raw.get("date"),
                  "source": raw.get("source")}
        events = tuple(GoldEvent.from_dict(e, sentences) for e in raw.get("events") or [])
        return cls(str(raw.get("id") or ""), str(raw.get("kind") or "conflict"), record, events,
                   _sentence_starts(text, sentences[1:]) if sentences else None)

    def sentence_of(self, evidence: Evidence) -> int:
        """The gold number of the sentence holding ``evidence``'s trigger."""
        if evidence.field == "title":
            return 0
        if self.sentence_starts is None:
            return evidence.sentence_index
        return max(1, bisect.bisect_right(self.sentence_starts, evidence.trigger.start))

    def predicted(self, event: Event) -> Predicted:
        return Predicted(event, frozenset(self.sentence_of(ev) for ev in event.evidence),
                         predicted_codes(event.actor), predicted_codes(event.recipient))


def _sentence_starts(text: str, sentences: Sequence[str]) -> tuple[int, ...] | None:
    starts, pos = [], 0
    for sentence in sentences:
        found = text.find(sentence, pos)
        if found < 0:
            return None     # sentences that are not the text's: fall back on the coder's numbering
        starts.append(found)
        pos = found + len(sentence)
    return tuple(starts)


@dataclass
class TypeScores:
    loose: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)

    def add(self, loose: Counts, strict: Counts) -> None:
        self.loose.add(loose)
        self.strict.add(strict)


@dataclass
class ArticleScores:
    """The figures of the module docstring, summed over the articles scored."""

    articles: int = 0
    quiet_articles: int = 0
    overall: TypeScores = field(default_factory=TypeScores)
    per_type: dict[str, TypeScores] = field(default_factory=dict)
    actor_agree: int = 0
    recipient_agree: int = 0
    place_agree: int = 0
    place_both: int = 0
    date_agree: int = 0
    date_both: int = 0
    quiet_false_alarms: int = 0
    quiet_articles_alarmed: int = 0
    modality: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)


def is_strict(p: Predicted, g: GoldEvent) -> bool:
    return roles_agree(p.actor, g.actor) and roles_agree(p.recipient, g.recipient)


def _distance(p: Predicted, g: GoldEvent) -> int | None:
    if not p.sentences or not g.sentences:
        return None
    return min(abs(a - b) for a in p.sentences for b in g.sentences)


def _pair_preference(p: Predicted, g: GoldEvent, size: int) -> float:
    d = _distance(p, g)
    agree = roles_agree(p.actor, g.actor) + roles_agree(p.recipient, g.recipient)
    return lexicographic((float(is_strict(p, g)), agree / 2, 0.0 if d is None else 1 / (1 + d)),
                         size)


def match_events(predicted: Sequence[Predicted], gold: Sequence[GoldEvent]
                 ) -> list[tuple[int, int]]:
    """One-to-one ``(predicted, gold)`` index pairs, all of one type (module docstring)."""
    size = min(len(predicted), len(gold))
    return best_assignment([[_pair_preference(p, g, size) for g in gold] for p in predicted])


def _by_type(items: Iterable[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(item.event_type, []).append(item)
    return groups


def score_article(article: GoldArticle, events: Sequence[Event], scores: ArticleScores) -> None:
    """Add one coded article's figures to ``scores``."""
    predicted = [article.predicted(e) for e in events]
    asserted_p = _by_type(p for p in predicted if p.modality == "asserted")
    asserted_g = _by_type(g for g in article.events if g.modality == "asserted")
    scores.articles += 1
    misses, false_alarms = [], []
    for etype in sorted(asserted_p.keys() | asserted_g.keys()):
        ps, gs = asserted_p.get(etype, []), asserted_g.get(etype, [])
        pairs = match_events(ps, gs)
        _count_pairs(etype, [(ps[i], gs[j]) for i, j in pairs], len(ps), len(gs), scores)
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        misses += [_miss(article, g) for j, g in enumerate(gs) if j not in matched_g]
        false_alarms += [_false_alarm(article, p) for i, p in enumerate(ps) if i not in matched_p]
    scores.misses += sorted(misses, key=_in_reading_order)
    scores.false_alarms += sorted(false_alarms, key=_in_reading_order)
    if article.kind == "quiet":
        scores.quiet_articles += 1
        alarms = sum(len(ps) for ps in asserted_p.values())
        scores.quiet_false_alarms += alarms
        scores.quiet_articles_alarmed += int(alarms > 0)
    _count_modalities(predicted, article.events, scores)


def _count_pairs(etype: str, pairs: list[tuple[Predicted, GoldEvent]], n_predicted: int,
                 n_gold: int, scores: ArticleScores) -> None:
    strict = [(p, g) for p, g in pairs if is_strict(p, g)]
    loose_counts = Counts(len(pairs), n_predicted - len(pairs), n_gold - len(pairs))
    strict_counts = Counts(len(strict), n_predicted - len(strict), n_gold - len(strict))
    scores.overall.add(loose_counts, strict_counts)
    scores.per_type.setdefault(etype, TypeScores()).add(loose_counts, strict_counts)
    scores.actor_agree += sum(roles_agree(p.actor, g.actor) for p, g in pairs)
    scores.recipient_agree += sum(roles_agree(p.recipient, g.recipient) for p, g in pairs)
    for p, g in strict:
        country = p.event.location.country if p.event.location else None
        if country and g.country:
            scores.place_both += 1
            scores.place_agree += int(country == g.country)
        span = _time_span(p.event)
        if span and g.start and g.end:
            scores.date_both += 1
            scores.date_agree += int(span[0] <= g.end and g.start <= span[1])


def _time_span(event: Event) -> tuple[str, str] | None:
    time = event.time or {}
    start = _day(time.get("start"))
    if not start:
        return None
    return start, _day(time.get("end")) or start


def _count_modalities(predicted: Sequence[Predicted], gold: Sequence[GoldEvent],
                      scores: ArticleScores) -> None:
    """Events of any modality, matched by type and a shared sentence (module docstring)."""
    golds = _by_type(gold)
    for etype, ps in _by_type(predicted).items():
        gs = golds.get(etype, [])
        size = min(len(ps), len(gs))
        weights = [[lexicographic((float(bool(p.sentences & g.sentences)),
                                   float(g.sentence_index in p.sentences)), size) for g in gs]
                   for p in ps]
        for i, j in best_assignment(weights):
            if ps[i].sentences & gs[j].sentences:
                scores.modality[(gs[j].modality, ps[i].modality)] += 1


def _in_reading_order(error: dict[str, Any]) -> int:
    return -1 if error["sentence_index"] is None else error["sentence_index"]


def _miss(article: GoldArticle, g: GoldEvent) -> dict[str, Any]:
    return {"article": article.id, "event_type": g.event_type, "sentence_index": g.sentence_index,
            "sentence": g.sentence, "trigger": g.trigger, "actor": sorted(g.actor),
            "recipient": sorted(g.recipient)}


def _false_alarm(article: GoldArticle, p: Predicted) -> dict[str, Any]:
    first = p.event.evidence[0] if p.event.evidence else None
    return {"article": article.id, "event_type": p.event_type,
            "sentence_index": min(p.sentences) if p.sentences else None,
            "sentence": first.sentence if first else "",
            "trigger": first.trigger.text if first else None,
            "actor": sorted(e.code for e in p.event.actor),
            "recipient": sorted(e.code for e in p.event.recipient)}


def evaluate_articles(records: Iterable[tuple[int, dict[str, Any]]], coder: Coder,
                      on_problem: Callable[[int, str], None] | None = None) -> ArticleScores:
    """Code and score each ``(line number, gold article)``; an article the coder cannot read
    (a bad date, a language it does not code) is passed to ``on_problem`` with its line number
    and skipped."""
    scores = ArticleScores()
    for lineno, raw in records:
        article = GoldArticle.from_record(raw)
        try:
            events = coder.code_article(article.record)
        except (ArticleError, UnsupportedLanguage) as exc:
            if on_problem:
                on_problem(lineno, str(exc))
            continue
        score_article(article, events, scores)
    return scores
