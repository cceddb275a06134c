"""Implied doers: an act the text reports without naming who did it (ANNOTATION.md, "Actors and
recipients": the actor is only implied, its text null, its code given).

A bombing or a terrorist attack with no one named is by an unnamed non-state armed group; an
arrest read as passive with no agent is by the police of the country of those arrested, or of
the sentence's place. Which acts imply which doer is the language's ``roles`` table
(``implied_actors``); the doer is a row of the actor dictionary (sector words). The mention is
empty (``start == end`` at the trigger), so the record's entity has null text and its offsets
mark where the act is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.lang import Language
from marsad.resources import Resources
from marsad.resources.tables import EventFamily, SectorWord

_NOT_COUNTRIES = frozenset({"UNK", "IGO", "NGO", "NSA"})


@dataclass(frozen=True)
class _Rule:
    modes: frozenset[str]
    words: frozenset[str]
    passive_only: bool
    doer: SectorWord


class ImpliedActors:
    def __init__(self, resources: Resources, lang: Language):
        sectors = {s.id: s for s in resources.sectors}
        norm = lang.normalize_term
        self._bare = lang.without_conjunction
        self._rules = {
            etype: _Rule(frozenset(spec.get("modes") or ()),
                         frozenset(norm(w) for w in spec.get("words") or ()),
                         bool(spec.get("passive_only")), sectors[spec["actor"]])
            for etype, spec in lang.table("roles")["implied_actors"].items()
            if spec["actor"] in sectors}

    def doer(self, doc: Document, t: TriggerMention, fam: EventFamily, passive: bool,
             recipient: list[EntityMention]) -> list[EntityMention]:
        """The implied doer of the act at ``t``, or [] where nothing implies one."""
        rule = self._rules.get(fam.type)
        if rule is None or (rule.passive_only and not passive):
            return []
        words = {self._bare(w) for w in doc.tokens[t.tok_lo:t.tok_hi + 1]}
        if fam.mode not in rule.modes and rule.words.isdisjoint(words):
            return []
        code = rule.doer.code
        if rule.doer.kind != "non_state_armed":
            code = _country(doc, t, recipient) or ""
            if not code:
                return []
        return [EntityMention(t.start, t.start, t.tok_lo, t.tok_lo, t.sentence, "", code,
                              rule.doer.sector, rule.doer.id, rule.doer.name, rule.doer.kind)]


def _country(doc: Document, t: TriggerMention, recipient: list[EntityMention]) -> str | None:
    """The country of those the act was done to, else of the first place in the sentence."""
    for e in recipient:
        if e.kind == "state" and e.code not in _NOT_COUNTRIES:
            return e.code
    sent = doc.sentences[t.sentence]
    place = next((p for p in doc.places if sent.nstart <= p.start < sent.nend), None)
    return place.place.country if place is not None else None
