"""Pipeline stage: event mentions become output records (contract §2).

A trigger with no participant at all ("الدعم المستمر أمر حاسم") is mostly commentary, not a
report of an event, and is dropped by the rules; where a trained event decision follows
(in documents of ``bare_from`` sentences up), it is kept as a candidate without actor or recipient and the model decides
(اجتماع، تظاهرت، أدان often stand without a named participant in their sentence).

Mentions of one type with the same participants in one sentence are one event with several
evidence triggers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TypeVar

from marsad.doc.document import Document
from marsad.doc.records import Attribution, Entity, Event, Evidence, Trigger
from marsad.doc.spans import EntityMention, EventMention, PlaceRow
from marsad.events.details import (
    Nearest,
    article_country,
    casualty_record,
    place_record,
    quantity_record,
    time_record,
)
from marsad.resources import Resources
from marsad.version import __version__

R = TypeVar("R")


class EventAssembler:
    def __init__(self, resources: Resources, bare_from: int | None = None):
        assert resources.language is not None
        self.res = resources
        self.bare_from = bare_from
        self.nearest = Nearest(resources.language.clause_breaks)
        self.coder_info = {"name": "marsad", "version": __version__, "resources": resources.version}

    def __call__(self, doc: Document) -> Document:
        groups: list[tuple[tuple, list[EventMention]]] = []
        keep_bare = self.bare_from is not None and len(doc.sentences) >= self.bare_from
        for m in doc.mentions:
            if not (m.actor or m.recipient or keep_bare):
                continue  # no participant at all: commentary, not a report of an event
            fam = self.res.families[m.trigger.family]
            etype, _, converted = self.res.vocabulary.stated(fam.type, fam.mode, m.trigger.stance)
            modality = "asserted" if converted else m.trigger.modality
            key = (m.trigger.sentence, etype, modality)
            group = next((g for k, g in groups if k == key and _compatible(g, m)), None)
            if group is None:
                groups.append((key, [m]))
            else:
                group.append(m)
        # the article's country, worked out at most once for all its events
        country = cache(lambda: article_country(doc))
        doc.events = [self._event(doc, _fullest_first(ms), country) for _, ms in groups]
        return doc

    def _event(self, doc: Document, mentions: list[EventMention],
               country: Callable[[], PlaceRow | None] | None = None) -> Event:
        first = mentions[0]
        fam = self.res.families[first.trigger.family]
        etype, mode, converted = self.res.vocabulary.stated(fam.type, fam.mode,
                                                            first.trigger.stance)
        evidence = tuple(self._evidence(doc, m) for m in mentions)
        actor = tuple(self.entity(doc, e) for e in first.actor)
        recipient = tuple(self.entity(doc, e) for e in first.recipient)
        trig = evidence[0].trigger
        ident = "|".join([doc.article.id, etype, ",".join(e.code for e in actor),
                          ",".join(e.code for e in recipient), evidence[0].field,
                          str(trig.start), str(trig.end)])
        time = self._first_found(time_record, doc, mentions)
        modality = "asserted" if converted else first.trigger.modality
        if modality == "asserted" and _long_before(time, doc.article.date):
            modality = "historical"  # منذ عام 2014 in a report about today is background
        return Event(
            event_id=hashlib.sha1(ident.encode("utf-8")).hexdigest()[:20],
            article_id=doc.article.id,
            language=doc.article.language,
            event_type=etype,
            mode=mode,
            context=fam.context,
            cameo=fam.cameo,
            actor=actor,
            recipient=recipient,
            evidence=evidence,
            confidence=_confidence(first),
            coder=self.coder_info,
            modality=modality,
            attribution=self._attribution(doc, first),
            location=place_record(doc, first, self.nearest, country),
            quantity=self._first_found(quantity_record, doc, mentions),
            casualties=casualty_record(doc, first),
            time=time,
        )

    def _first_found(self, record: Callable[[Document, EventMention, Nearest], R | None],
                     doc: Document, mentions: list[EventMention]) -> R | None:
        """The leading mention's detail (time, figure), else the first other mention's."""
        return next((r for r in (record(doc, m, self.nearest) for m in mentions) if r), None)

    def _attribution(self, doc: Document, m: EventMention) -> Attribution | None:
        if m.attribution is None:
            return None
        who = self.entity(doc, m.attribution)
        span = m.attribution_span or (m.attribution.start, m.attribution.end)
        fld, start, end = doc.original_span(*span)
        source = doc.article.title if fld == "title" else doc.article.text
        return Attribution(source[start:end] if fld == who.field else who.text, who)

    def entity(self, doc: Document, e: EntityMention) -> Entity:
        fld, start, end = doc.original_span(e.start, e.end)
        source = doc.article.title if fld == "title" else doc.article.text
        return Entity(source[start:end], start, end, e.name, e.code, e.sector, e.id, e.kind, fld)

    def _evidence(self, doc: Document, m: EventMention) -> Evidence:
        sent = doc.sentences[m.trigger.sentence]
        fld, start, end = doc.original_span(m.trigger.start, m.trigger.end)
        source = doc.article.title if fld == "title" else doc.article.text
        sentence = doc.text[sent.start:sent.end]
        index = sent.index
        return Evidence(index, sentence, Trigger(source[start:end], start, end), fld)


def _ids(entities: list[EntityMention]) -> set[str]:
    return {e.id for e in entities}


def _compatible(group: list[EventMention], m: EventMention) -> bool:
    """Same sentence and type: one event unless they name different participants."""
    for other in group:
        for a, b in ((other.actor, m.actor), (other.recipient, m.recipient)):
            if a and b and not (_ids(a) & _ids(b)):
                return False
    return True


def _fullest_first(mentions: list[EventMention]) -> list[EventMention]:
    """The mention with the most participants leads (its roles become the event's)."""
    return sorted(mentions, key=lambda m: -(bool(m.actor) + bool(m.recipient)))


def _long_before(time: dict | None, publication: date | None) -> bool:
    """An explicit date that ended over a year before publication."""
    if not time or not publication or time.get("anchor") != "explicit" or not time.get("end"):
        return False
    return (publication - date.fromisoformat(time["end"])).days > 365


def _confidence(m: EventMention) -> float:
    score = m.confidence + (0.1 if m.actor and m.recipient else 0.0)
    score -= 0.2 if not m.actor and not m.recipient else 0.0
    return round(min(0.99, max(0.05, score)), 2)
