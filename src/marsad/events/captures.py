"""Pipeline stage: fighters taken by the other side in a war are captured, not arrested.

ANNOTATION.md ("Violence"): a combatant captured in battle is ASSAULT (abduct); an arrest by
police or security forces is COERCE (arrest). The words are often the same: «وألقت المقاومة
الشعبية القبض على 72 عنصراً من الحوثيين» uses the arrest's verb for a capture at the front. So
a record of an arrest (the language's ``battle_captures``, ``roles.yaml``: the type and mode it
is coded as, and the type, mode and CAMEO code of a capture) whose actors are all military
forces (sector MIL: an army, a pro-government militia fighting under the state) and whose
recipients are all armed groups (code NSA) is a capture. Police and security forces (COP)
arresting suspects, an army and the police together, an army arresting civilians, and an armed
group arresting people, its own deserters among them, stay arrests. The capture is "in battle"
where the article reports the captor's state and an armed group in an act of violence (another
record of the capture's type, one side the actor and the other the recipient, or both the
actor of a fight): «الجيش اللبناني اعتقل عناصر من تنظيم داعش قرب الحدود» told alone is an
arrest, «جيش بوروندي يعتقل مسلحين ويقتل آخرين في اشتباكات» a capture.

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
            fighting = _fighting_sides(doc.events, self._capture[0])
            doc.events = [self._captured(e, fighting) for e in doc.events]
        return doc

    def _captured(self, event: Event, fighting: frozenset[str]) -> Event:
        if (event.event_type, event.mode) != self._arrest or not event.actor \
                or not event.recipient or not all(map(_military, event.actor)) \
                or not all(map(_armed_group, event.recipient)) \
                or not all(e.code in fighting for e in event.actor):
            return event
        etype, mode, cameo = self._capture
        return evolve(event, event_type=etype, mode=mode, cameo=cameo)


def _fighting_sides(events: list[Event], violence: str) -> frozenset[str]:
    """The codes of the states the article has in an act of violence with an armed group."""
    sides: set[str] = set()
    for e in events:
        if e.event_type != violence:
            continue
        parties = e.actor + e.recipient
        if any(map(_armed_group, parties)):
            sides.update(p.code for p in parties if p.code != _ARMED_GROUP)
    return frozenset(sides)
