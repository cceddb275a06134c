"""Pipeline stage: fighters taken by the other side in a war are captured, not arrested.

ANNOTATION.md ("Violence"): a combatant captured in battle is ASSAULT (abduct); an arrest by
police or security forces is COERCE (arrest). The words are often the same: «وألقت المقاومة
الشعبية القبض على 72 عنصراً من الحوثيين» uses the arrest's verb for a capture at the front. So
a record of an arrest (the language's ``battle_captures``, ``roles.yaml``: the type and mode it
is coded as, and the type, mode and CAMEO code of a capture) whose actors are all military
forces (sector MIL: an army, a pro-government militia fighting under the state) and whose
recipients are all armed groups (code NSA) is a capture. Police and security forces (COP)
arresting suspects, an army and the police together, an army arresting civilians, and an armed
group arresting people, its own deserters among them, stay arrests.

It runs on the records the decision kept, before the merger: the decision learnt the arrest's
type from the clause's words, and the capture then merges with the capture told another way
(أسرت المقاومة …) in its sentence.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.records import Entity, Event, evolve
from marsad.resources import Resources, language_of

#: the sector of a military force, the code of an armed group
_MILITARY = "MIL"
_ARMED_GROUP = "NSA"


def _military(e: Entity) -> bool:
    return e.sector == _MILITARY


def _armed_group(e: Entity) -> bool:
    return e.code == _ARMED_GROUP


class BattleCaptures:
    def __init__(self, resources: Resources):
        table = language_of(resources).table("roles")["battle_captures"]
        self._arrest = (table["arrest"]["type"], table["arrest"]["mode"])
        capture = table["capture"]
        self._capture = (capture["type"], capture["mode"], str(capture["cameo"]))

    def __call__(self, doc: Document) -> Document:
        if any((e.event_type, e.mode) == self._arrest for e in doc.events):
            doc.events = [self._captured(e) for e in doc.events]
        return doc

    def _captured(self, event: Event) -> Event:
        if (event.event_type, event.mode) != self._arrest or not event.actor \
                or not event.recipient or not all(map(_military, event.actor)) \
                or not all(map(_armed_group, event.recipient)):
            return event
        etype, mode, cameo = self._capture
        return evolve(event, event_type=etype, mode=mode, cameo=cameo)
