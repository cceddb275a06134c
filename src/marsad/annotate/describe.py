"""How a participant of an article is coded: from the description the article gives it.

Used by the entity stage (``annotate/entities.py``), which builds the participants. The order of
trust, after ANNOTATION.md ("a person is coded by the office or side the article gives them"):

1. a title with a country of its own somewhere in the article (وزيرة الخارجية الكولومبية …), or
   an office in a named organisation (الأمين العام لرابطة العالم الإسلامي: NGO; أمير جبهة
   النصرة: NSA);
2. for a person of the dictionary, the office they held on the article's publication date
   (``resources/offices.py``); a date in no term of theirs gives their country and no sector
   (a former president); no date gives their latest term;
3. the country the actor stage guessed for a title that named none (the nearest country);
4. the dictionary entry;
5. for a person described nowhere, the nearest country named in their sentence or the one
   before (the actor stage's rule for a sector word without a country), else what the first
   mention had (an honorific gives a sector).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.annotate.actors import actor_code
from marsad.doc.spans import EntityMention, Participant
from marsad.resources import Resources
from marsad.resources.offices import Office, office_on

#: the id prefix of the dictionary's people (actors/institutions.tsv, people/offices.tsv)
PERSON_PREFIX = "person."
#: codes that name no country: a title coded so has no country of its own
NO_COUNTRY = ("UNK", "IGO", "NGO", "NSA")

Coding = tuple[str, str | None, str, str, str, str | None]  # code, sector, id, name, kind, country


@dataclass
class Draft:
    """A participant while it is being built."""

    mentions: list[EntityMention]
    keys: set[str] = field(default_factory=set)
    title: str | None = None            # the word of its title (وزيرة)
    described: EntityMention | None = None   # a title with its own country
    guessed: EntityMention | None = None     # a title whose country the actor stage guessed
    person: str | None = None           # dictionary id
    sector: str | None = None           # from an honorific
    near: str | None = None             # the nearest country named around a bare name


class Describer:
    """Codes drafts into participants, and every mention of each from its description."""

    def __init__(self, resources: Resources, sector_ids: frozenset[str]):
        self._sector_ids = sector_ids
        self._actors = {a.id: a for a in resources.actors}
        self._offices: dict[str, list[Office]] = {}
        for o in resources.offices:
            self._offices.setdefault(o.id, []).append(o)

    def describe(self, p: Draft, e: EntityMention) -> None:
        """Notes the title ``e`` as the draft's description (its own country, or a guess)."""
        if e.code == "UNK" or e.id in self._sector_ids:
            # a named armed group (أمير جبهة النصرة: NSA) and a named body of states or an NGO
            # (الأمين العام لرابطة العالم الإسلامي: NGO) describe as a country does
            p.guessed = p.guessed or e
        else:
            p.described = p.described or e

    def code(self, p: Draft, day: date | None) -> Participant:
        """Codes every mention of ``p`` that has no country of its own by its description."""
        code, sector, ident, name, kind, country = self._description(p, day)
        for e in p.mentions:
            if e.code not in NO_COUNTRY and e.id not in self._sector_ids \
                    and not e.id.startswith(PERSON_PREFIX) and e is not p.guessed:
                if e.code == code:      # a title with its own country: the person's id
                    e.id, e.name = ident, name
                continue
            e.code, e.sector, e.id, e.name, e.kind, e.country = code, sector, ident, name, kind, country
        return Participant(code, sector, ident, name, kind, frozenset(p.keys), p.title, p.mentions)

    def _description(self, p: Draft, day: date | None) -> Coding:
        """(code, sector, id, name, kind, country) in the order of the module docstring."""
        first = p.mentions[0]
        actor = self._actors.get(p.person) if p.person else None
        ident, name = (actor.id, actor.name) if actor else (first.id, first.name)
        d = p.described
        if d is not None:
            return d.code, d.sector, *((ident, name) if actor else (d.id, d.name)), d.kind, d.country
        office = self._office(p.person, day) if p.person else None
        if office is not None:
            return office
        g = p.guessed
        if g is not None and g.code not in NO_COUNTRY:
            return g.code, g.sector, *((ident, name) if actor else (g.id, g.name)), g.kind, g.country
        if actor is not None:
            code, country = actor_code(actor)
            return code, actor.sector, ident, name, actor.kind, country
        if first.code in NO_COUNTRY and p.near is not None:
            # a person the article describes nowhere: by where they are, as the actor stage
            # codes a sector word that names no country
            return p.near, p.sector or first.sector, ident, name, "state", p.near
        return first.code, p.sector or first.sector, ident, name, first.kind, first.country

    def _office(self, person: str | None, day: date | None) -> Coding | None:
        terms = self._offices.get(person or "")
        actor = self._actors.get(person or "")
        if not terms or actor is None:
            return None
        held = office_on(terms, day)
        if held is not None:
            code, country = actor_code(held.as_actor(actor.name))
            return code, held.sector, actor.id, actor.name, held.kind, country
        assert day is not None      # without a day, office_on gives the latest term
        nearest = min(terms, key=lambda t: abs(((t.end or t.start or day) - day).days))
        code, country = actor_code(nearest.as_actor(actor.name))
        return code, None, actor.id, actor.name, nearest.kind, country


def merge_by_name(people: list[Draft]) -> list[Draft]:
    """Drafts that share a name key and do not contradict each other (two dictionary people,
    two titles with different countries) are one participant."""
    merged: list[Draft] = []
    by_key: dict[str, list[Draft]] = {}
    for p in people:
        into = next((q for k in p.keys for q in by_key.get(k, ()) if _compatible(q, p)), None)
        if into is None:
            merged.append(p)
            into = p
        else:
            into.mentions += p.mentions
            into.keys |= p.keys
            into.title = into.title if into.title is not None else p.title
            into.described = into.described or p.described
            into.guessed = into.guessed or p.guessed
            into.person = into.person or p.person
            into.sector = into.sector or p.sector
        for k in p.keys:
            if into not in by_key.setdefault(k, []):
                by_key[k].append(into)
    return merged


def _compatible(a: Draft, b: Draft) -> bool:
    if a.person and b.person and a.person != b.person:
        return False
    return not (a.described and b.described and a.described.code != b.described.code)
