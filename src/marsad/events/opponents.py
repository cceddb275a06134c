"""Pipeline stage: the armed group an act of force is aimed at where the text names no one.

A state's forces (or its government, or the state named by its adjective: القصف التركي) that
shell, storm, besiege or arrest and whose sentence names no target (طوقت قوات المقاومة الشعبية
قاعدة العند الجوية، ودمرت القوات المسلحة المصرية تسعة مقرات، طيران التحالف يقصف قاعدة العند) act
on the armed group the article has them fighting, as an analyst codes them ("military forces of
Yemen vs. the Houthis"): of the non-state armed groups whose home is the actor's state or the
state where the act took place (Saudi air strikes in Yemen), or that have none (ISIS, al-Qaeda),
the one the article names most (``implied.group_fought_in``), when it names it at least
``MIN_NAMED`` times: a group named once is a passing mention, not the side the article's
fighting is against. The group's entry has ``text`` null: no words name it there.

Only the acts and modes that forces use on an armed group (``against_armed`` in plover.yaml: an
air strike, a siege, a raid, an arrest, a threat of force; not a curfew, a beating or crowd
control, aimed at people) and not a two-sided fight (اشتباكات، معارك: both sides are the actor
and none the recipient). An act of an armed group, of someone unknown, or of a state's opposition, press or people is
left as it is.

The stage runs on the records the decision kept and the merger made one: the decision model
learnt from the parties as the clause gives them, so an implied target is none of its features,
and a record merged from several mentions gets one target, not one per mention.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.doc.document import Document
from marsad.doc.records import Entity, Event, evolve
from marsad.doc.spans import EventMention
from marsad.events.implied import group_fought_in
from marsad.resources import Resources

#: how many times the article names an armed group for it to be the side it has the forces
#: fighting
MIN_NAMED = 2
#: the sectors of a state whose act of force is the state's (None: the state itself, التركي; a
#: judge's arrest too)
_STATE_SIDES = frozenset({"MIL", "COP", "GOV", "JUD", None})


class ImpliedOpponents:
    def __init__(self, resources: Resources, two_sided: Callable[[str], bool]):
        self._types = resources.vocabulary.types
        norm = resources.language.normalize_term if resources.language is not None else str
        #: the families of two-sided fights, by the role rules' test of a word on the first
        #: word of their first form (اشتبك: its خاض معارك too, whose trigger is خاض)
        self._fights = frozenset(
            i for i, fam in enumerate(resources.families)
            if (fam.verbs or fam.nouns)
            and two_sided(norm(_first_word((fam.verbs + fam.nouns)[0]))))

    def __call__(self, doc: Document) -> Document:
        spans: dict[tuple[str, int, int], tuple[int, EventMention]] | None = None
        events = []
        for event in doc.events:
            if self._open(event):
                spans = doc.trigger_spans() if spans is None else spans
                event = self._aimed(doc, event, spans)
            events.append(event)
        doc.events = events
        return doc

    def _open(self, event: Event) -> bool:
        """Whether the event is an act of force by a state's forces or a military coalition
        (``_forces``) with no one it is aimed at."""
        ptype = self._types.get(event.event_type)
        return ptype is not None and ptype.aimed_at_armed(event.mode) and not event.recipient \
            and bool(event.actor) and all(_forces(a) for a in event.actor)

    def _aimed(self, doc: Document, event: Event,
               spans: dict[tuple[str, int, int], tuple[int, EventMention]]) -> Event:
        """The event aimed at the armed group its actor fights, or as it is."""
        evidence = event.evidence[0]
        found = spans.get((evidence.field, evidence.trigger.start, evidence.trigger.end))
        if found is None:
            return event
        t = found[1].trigger
        if t.family in self._fights:
            return event
        fronts = {a.code for a in event.actor if a.code != "IGO"}
        if event.location is not None and event.location.country:
            fronts.add(event.location.country)
        group = group_fought_in(doc, fronts, t.tok_lo, stateless=True)
        if group is None or group[1] < MIN_NAMED:
            return event
        g = group[0]
        start = evidence.trigger.start
        return evolve(event, recipient=(Entity(None, start, start, g.name, g.code, g.sector, g.id,
                                               g.kind, evidence.field, g.country),))


def _forces(e: Entity) -> bool:
    """Whether the party is a military coalition, or a state's forces, government, courts or
    the state itself (a sector word placed in it too: القوات النظامية), not its opposition, press
    or people nor an armed group at home there."""
    if e.code == "IGO":
        return e.sector == "MIL"
    return e.kind in ("state", "other") and e.code == e.country and e.sector in _STATE_SIDES


def _first_word(form: str) -> str:
    """The first word of a lexicon form (its past, for a verb: اشتبك/يشتبك)."""
    return form.split("/")[0].split()[0]
