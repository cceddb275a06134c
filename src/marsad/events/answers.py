"""Pipeline stage: a rejection answers the charge told just before it.

News tells a charge and its denial together (وتتهم كييف ومعها الغرب روسيا بتأجيج التمرد، إلا أن
موسكو تنفي تلك التهم); the denial names the charge (تلك التهم، هذه الاتهامات), not the one who
made it, and an analyst codes the accuser as its recipient. So a record of one of the language's
``answered_charges`` types (``roles.yaml``: a rejection) with an actor and no recipient takes as
its recipient the actor of the nearest record of the type it answers (a charge) told before it,
in its sentence or the one before, whose recipient is its own actor (by code).

It runs on the records the decision kept and the merger made one, like the implied opponents
(``opponents.py``): the decision learnt from the parties the clause gives.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.records import Event, evolve
from marsad.resources import Resources, language_of


class AnsweredCharges:
    def __init__(self, resources: Resources):
        #: the type that answers → the type it answers (REJECT → ACCUSE)
        self._answers = dict(language_of(resources).table("roles")["answered_charges"])

    def __call__(self, doc: Document) -> Document:
        if any(e.event_type in self._answers for e in doc.events):
            doc.events = [self._answered(e, doc.events) for e in doc.events]
        return doc

    def _answered(self, event: Event, events: list[Event]) -> Event:
        charged = self._answers.get(event.event_type)
        if charged is None or not event.actor or event.recipient or not event.evidence:
            return event
        own = event.evidence[0]
        codes = {a.code for a in event.actor}
        charges = [(ev.sentence_index, ev.trigger.start, e) for e in events
                   if e.event_type == charged and e.actor and codes & {r.code for r in e.recipient}
                   for ev in e.evidence if ev.field == own.field
                   and own.sentence_index - 1 <= ev.sentence_index <= own.sentence_index
                   and ev.trigger.start < own.trigger.start]
        if not charges:
            return event
        return evolve(event, recipient=max(charges, key=lambda c: (c[0], c[1]))[2].actor)
