"""Pipeline stage: aid that arrives somewhere is aid to the state it arrives in.

News tells aid by its arrival (ووصلت سفينة سعودية محملة بأربعة آلاف طن من المساعدات الغذائية
إلى ميناء المعلا، هبطت طائرة إغاثة في مطار الحديدة) and names the port or the airport, not the
state that receives it; an analyst codes the state the aid reaches as its recipient. The role
rules give a mention the country of its sentence's place (``implied_recipients`` in
``roles.yaml``); where the sentence names no place the gazetteer knows (ميناء المعلا), this stage
gives a record of one of the language's ``destination_recipient`` types (aid) that still names no
recipient the country of the record's place (the article's, as the details stage found it),
when none of its actors is of that country: an implied recipient (``text`` null).

It runs last, on the records the decision kept and the merger made one, like the implied
opponents (``opponents.py``): the decision learnt from the parties the clause gives, and the
same fallback given to the mentions before the decision scored worse (training strict tp 1262 ->
1263 and loose tp 2555 -> 2554, dev strict 223 -> 223). Here: training strict tp 1262 -> 1265,
recipient agreement 1573 -> 1576, loose unchanged; dev strict tp 223 -> 224.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.records import Entity, Event, evolve
from marsad.resources import Resources, language_of


class DestinationRecipients:
    def __init__(self, resources: Resources):
        self._types = frozenset(language_of(resources).table("roles")["destination_recipient"])
        self._countries = {c.code: c.name for c in resources.countries}

    def __call__(self, doc: Document) -> Document:
        if any(e.event_type in self._types for e in doc.events):
            doc.events = [self._received(e) for e in doc.events]
        return doc

    def _received(self, event: Event) -> Event:
        place = event.location.country if event.location is not None else None
        if event.event_type not in self._types or event.recipient or not event.actor \
                or not place or any(place in (a.code, a.country) for a in event.actor):
            return event
        evidence = event.evidence[0]
        start = evidence.trigger.start
        return evolve(event, recipient=(Entity(None, start, start, self._countries.get(place, place),
                                               place, None, place.lower(), "state", evidence.field,
                                               place),))
