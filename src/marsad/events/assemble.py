"""Pipeline stage: event mentions become output records (contract §2).

A noun trigger with no participant at all ("الدعم المستمر أمر حاسم") is commentary, not a
report of an event, and is dropped. Mentions of one type with the same participants in one
sentence are one event with several evidence triggers.
"""

from __future__ import annotations

import hashlib

from marsad import __version__
from marsad.document import Document, EntityMention, EventMention
from marsad.records import Attribution, Entity, Event, Evidence, Trigger
from marsad.resources import Resources


class EventAssembler:
    def __init__(self, resources: Resources):
        self.res = resources
        self.coder_info = {"name": "marsad", "version": __version__, "resources": resources.version}

    def __call__(self, doc: Document) -> Document:
        groups: dict[tuple, list[EventMention]] = {}
        for m in doc.mentions:
            if m.trigger.tense == "noun" and not (m.actor or m.recipient):
                continue
            fam = self.res.families[m.trigger.family]
            key = (m.trigger.sentence, fam.type, m.trigger.modality,
                   tuple(e.id for e in m.actor), tuple(e.id for e in m.recipient))
            groups.setdefault(key, []).append(m)
        doc.events = [self._event(doc, ms) for ms in groups.values()]
        return doc

    def _event(self, doc: Document, mentions: list[EventMention]) -> Event:
        first = mentions[0]
        fam = self.res.families[first.trigger.family]
        evidence = tuple(self._evidence(doc, m) for m in mentions)
        actor = tuple(self.entity(doc, e) for e in first.actor)
        recipient = tuple(self.entity(doc, e) for e in first.recipient)
        attribution = None
        if first.attribution is not None:
            who = self.entity(doc, first.attribution)
            attribution = Attribution(who.text, who)
        trig = evidence[0].trigger
        ident = "|".join([doc.article.id, fam.type, ",".join(e.code for e in actor),
                          ",".join(e.code for e in recipient), evidence[0].field,
                          str(trig.start), str(trig.end)])
        return Event(
            event_id=hashlib.sha1(ident.encode("utf-8")).hexdigest()[:20],
            article_id=doc.article.id,
            language=doc.article.language,
            event_type=fam.type,
            mode=fam.mode,
            context=fam.context,
            cameo=fam.cameo,
            actor=actor,
            recipient=recipient,
            evidence=evidence,
            confidence=_confidence(first),
            coder=self.coder_info,
            modality=first.trigger.modality,
            attribution=attribution,
        )

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


def _confidence(m: EventMention) -> float:
    score = m.confidence + (0.1 if m.actor and m.recipient else 0.0)
    score -= 0.2 if not m.actor and not m.recipient else 0.0
    return round(min(0.99, max(0.05, score)), 2)
