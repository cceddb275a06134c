"""Pipeline stage: the trained decision on each candidate event.

The rules before this stage propose candidates generously: every event word with a participant.
Many are not reports of an event (commentary, the content of a plan or a case, a sport
metaphor), and the rules' modality misses background and intent that the article only implies.
A model trained on whole annotated articles (``scripts/train_event_model.py``; the file is
``resources/data/models/event_decision.json``, read by the resources loader) looks at each
candidate's features (``events/features.py``) and

* drops it when its keep probability is under the model's threshold; but in an article where
  some candidate reaches that threshold (the article reports an event), the most probable
  candidate of each event type is kept from the model's lower ``type_threshold`` (``keep``):
  news of an event comes with the reactions to it (a call, a meeting, a condemnation), each
  told once or twice, while a second candidate of a type is mostly a repeat of the first or
  another sense of its word. Chosen out of fold, as the threshold: on the training annotations
  it raises recall without more false alarms in quiet articles, where no candidate reaches the
  threshold;
* gives it the modality the model finds most likely (asserted, historical, future,
  hypothetical, negated), or keeps the rules' modality where the file has no modality model;
  but an entry of an on-this-day chronicle (1974 - مواجهات عنيفة …) is historical, so is an
  event its own words date to a day before the news period (``dated_modality``), and a
  headline or lead event the rules read as asserted, dated by its own words inside the news
  period (22 عملية … الشهر الماضي), is not made background;
* folds a dropped candidate that names a participant and is another mention of a kept one
  (the merger's ``same_event``, with the kept one's modality) into that one, as the merger
  would: the headline kept and its lead dropped would lose the lead's evidence and its more
  precise figures ("أكثر من 22 عملية"). It adds no record; a mention outside the lead is not
  folded into a headline kept alone, which is to meet its lead first (folded there, it gave the
  headline its parties and left the lead a record of its own: on the training annotations loose
  tp / fp 2555 / 484 -> 2550 / 446, strict tp 1265 -> 1261, loose F1 0.812 -> 0.816; dev strict
  tp 225 -> 226, fp 107 -> 104);
* gives a kept candidate that is another mention of a kept headline event (the merger's
  ``same_event``) the headline's modality, so that the merger after it makes them one record:
  the headline and its lead are one event even where the model read the lead as background;
  but not a candidate dated before the news period, nor one read as background after the lead.

The model learnt from whole articles: a text shorter than its ``min_sentences`` (a headline, a
single sentence, as in a sentence-level test set) is left to the rules.

Candidates include triggers without any participant (the assembler keeps them when a model
follows) and the words of the lexicons' ``candidate`` entries (``events/candidates.yaml``), in
documents of the model's ``min_sentences`` up. Without a model (``Resources.decision_model``
None, or ``Coder(decide=False)``) the stage passes the rules' records through untouched, as
before the model existed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from marsad.doc.document import Document
from marsad.doc.records import Event, evolve
from marsad.doc.spans import EventMention
from marsad.events.assemble import before_news
from marsad.events.expected import Expectation
from marsad.events.features import SOME_DAY, CandidateFeatures
from marsad.events.merge import (
    INFERRED_TIME,
    EventMerger,
    combine,
    headline_only,
    leads,
    same_event,
)
from marsad.resources import Resources
from marsad.resources.models import DecisionModel


def keep(types: Sequence[str], probs: Sequence[float], threshold: float,
         type_threshold: float | None = None) -> list[bool]:
    """Which candidates of one article (their event types and keep probabilities) are kept:
    those at ``threshold``, and, when one is, the most probable of each type (the first of
    equals) at ``type_threshold`` (the module docstring)."""
    kept = [p >= threshold for p in probs]
    if type_threshold is None or not any(kept):
        return kept
    best: dict[str, int] = {}
    for i, (etype, p) in enumerate(zip(types, probs)):
        if etype not in best or p > probs[best[etype]]:
            best[etype] = i
    for i in best.values():
        kept[i] = kept[i] or probs[i] >= type_threshold
    return kept


#: a chronicle's entry ("on this day" columns): its line opens with the year and a dash
_CHRONICLE_LINE = re.compile(r"\s*((?:19|20)\d\d)\s*[-–—]")


def _chronicle_entry(event: Event, doc: Document) -> bool:
    """Whether the event is an entry of a chronicle (1974 - مواجهات عنيفة …، 1996 - عملية تفجير
    …): its own time is the year that opens its line before a dash, a year before the
    publication's. Such a column tells history, whatever the words of the entry say; the
    training annotations hold one, too few for the model to learn it."""
    time = event.time
    if not time or time.get("precision") != "year" or not event.evidence:
        return False
    found = _CHRONICLE_LINE.match(event.evidence[0].sentence)
    published = doc.article.date
    return found is not None and found.group(1) == time.get("text") and (
        published is None or int(found.group(1)) < published.year)


def dated_modality(event: Event, modality: str, published: date | None) -> str:
    """``modality``, but historical for an event read as asserted that its own words date to a
    day, or to a time named in full (في 26 يونيو الماضي، في 14 تموز 2015، في 2014), that ended
    before the news period (``before_news``): background by the guideline's definition, told
    with the words of news (تعرض المسجد إلى تفجير … في 26 يونيو in an article of 6 August). A
    vaguer time said against publication (الشهر الماضي، العام الماضي، في كانون الثاني) is left
    to the model: made history by its date as well, out of fold F1 0.6208 -> 0.6201 (a month or a
    year the sentence names is as often another clause's time)."""
    time = event.time
    if modality != "asserted" or not time or time.get("anchor") == INFERRED_TIME:
        return modality
    exact = time.get("anchor") == "explicit" or time.get("precision") == "day"
    return "historical" if exact and before_news(time, published) else modality


def _lead_news(event: Event, doc: Document, features: CandidateFeatures) -> bool:
    """Whether the event is told in the headline or the lead with a time of its own inside the
    news period, and the rules read it as asserted: what the lead dates to the news period is
    the news (أكثر من 22 عملية ضد داعش الشهر الماضي in a monthly summary), not background. In
    an undated article a relative time is measured as if it were dated (``undated_time``)."""
    time, published = event.time, doc.article.date
    if published is None:
        time, published = features.undated_time(time), SOME_DAY
    if event.modality != "asserted" or not time or not time.get("end") \
            or time.get("anchor") == INFERRED_TIME:
        return False
    lead = any(ev.field == "title" or ev.sentence_index <= 1 for ev in event.evidence)
    return lead and not before_news(time, published)


class EventDecision:
    def __init__(self, resources: Resources, model: DecisionModel | None):
        self.model = model.interned() if model is not None else None
        self.features = CandidateFeatures(resources, weighed_by=self.model) \
            if self.model is not None else None
        self.generic_ids = frozenset(s.id for s in resources.sectors)
        self._merger = EventMerger(resources)
        self._expected = Expectation(resources)

    def __call__(self, doc: Document) -> Document:
        model, features = self.model, self.features
        if model is None or features is None or not doc.events:
            return doc
        if doc.worded_sentences() < model.min_sentences:
            return doc      # the rules' records: no wider candidates were proposed here
        kept: list[Event] = []
        dropped: list[Event] = []
        spans: dict[tuple[str, int, int], tuple[int, EventMention]] = {}    # read when needed
        rows = features.candidate_features(doc)
        probs = [model.keep_probability(feats) for feats in rows]
        decisions = keep([e.event_type for e in doc.events], probs, model.threshold,
                         model.type_threshold)
        for event, feats, keeps in zip(doc.events, rows, decisions):
            if not keeps:
                dropped.append(event)
                continue
            modality = "historical" if _chronicle_entry(event, doc) \
                else dated_modality(event, model.modality(feats, event.modality),
                                    doc.article.date)
            if event.modality == "future" and not spans:
                spans = doc.trigger_spans()
            if modality == "historical" and _lead_news(event, doc, features) or (
                    event.modality == "future" and self._expected.governs(doc, event, spans)):
                modality = event.modality
            kept.append(event if modality == event.modality else evolve(event, modality=modality))
        for event in dropped:
            self._fold_into_kept(event, kept, _lead_news(event, doc, features),
                                 doc.article.date)
        doc.events = self._as_headline(kept, doc)
        return doc

    def _as_headline(self, kept: list[Event], doc: Document) -> list[Event]:
        """Each kept event that is another mention of a kept headline event, at its modality;
        not one whose own date is before the news period (وقتل 6500 شخص منذ أبريل 2014 under a
        headline of today's killings: background, whatever the headline says), nor one the
        model read as background outside the lead (وكان مسلحون قد قتلوا … in the fifth
        sentence): the headline restates its lead, not the article's recap."""
        kept = self._headline_of_background(kept, doc)
        heads = [e for e in kept if any(ev.field == "title" for ev in e.evidence)]
        if not heads:
            return kept
        out = []
        for event in kept:
            lead = min((ev.sentence_index for ev in event.evidence if ev.field != "title"),
                       default=0) <= 1
            if before_news(event.time, doc.article.date) or (
                    event.modality == "historical" and not lead):
                out.append(event)
                continue
            out.append(self._retold(event, [h for h in heads if h.modality != event.modality]))
        return out

    def _retold(self, event: Event, others: list[Event]) -> Event:
        """``event`` at the modality of the first of ``others`` it is another mention of."""
        for other in others:
            mention = evolve(event, modality=other.modality)
            if other is not event and same_event(other, mention, self.generic_ids, self._merger.statements):
                return mention
        return event

    def _headline_of_background(self, kept: list[Event], doc: Document) -> list[Event]:
        """A headline event with no time of its own, told in the body (if at all) only by
        references (بالتفجير), that is another mention of a body event dated before the news
        period takes that event's modality: الكويت: القبض على خلية لا علاقة لها بتفجير «الصادق»
        names the June bombing the body dates, not a new one. Not where the body also tells
        it as news (a kept mention, other than a reference, that the headline can be at its
        own modality)."""
        past = [e for e in kept if e.modality == "historical"
                and before_news(e.time, doc.article.date)]
        if not past:
            return kept
        out = []
        for event in kept:
            if any(ev.field == "title" for ev in event.evidence) \
                    and (not event.time or event.time.get("anchor") == INFERRED_TIME) \
                    and self._merger.refers_back(event, headline=True) \
                    and not any(other is not event
                                and same_event(other, event, self.generic_ids, self._merger.statements)
                                and not self._merger.refers_back(other, headline=True)
                                for other in kept):
                event = self._retold(event, past)
            out.append(event)
        return out

    def _fold_into_kept(self, event: Event, kept: list[Event], lead_news: bool,
                        published: date | None) -> None:
        """Merge ``event`` into the kept event it is another mention of, if any. A headline or
        lead mention the lead dates to the news period (``lead_news``: 22 عملية … الشهر الماضي)
        makes the event the news again where only the model read the kept one as background
        (العمليات … في المناطق التي كانت تسيطر عليها داعش سابقاً), not its own date."""
        if not event.actor and not event.recipient:
            return
        lead = leads({(ev.field, ev.sentence_index) for ev in event.evidence})
        for i, other in enumerate(kept):
            if other.event_type == event.event_type \
                    and (lead or not headline_only(other.evidence)):
                mention = evolve(event, modality=other.modality)
                if same_event(other, mention, self.generic_ids, self._merger.statements):
                    merged = combine(other, mention)
                    if lead_news and other.modality == "historical" \
                            and not before_news(other.time, published):
                        merged = evolve(merged, modality=event.modality)
                    kept[i] = merged
                    return
