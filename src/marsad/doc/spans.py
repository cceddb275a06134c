"""The spans that stages write onto a document, and the lexicon and gazetteer entries they point
to: typed, immutable records (frozen dataclasses, or named tuples where a document makes dozens).

This module is the ground floor of the package: it imports nothing from marsad.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


class Sentence(NamedTuple):
    """A sentence of the document (a named tuple: cheaper to make than a frozen dataclass)."""

    index: int          # type: ignore[assignment]  # shadows tuple.index, never used here
    start: int          # offsets into Document.text (original characters)
    end: int
    nstart: int         # offsets into the matching view
    nend: int
    kind: str           # title | heading | body
    tok_lo: int         # tokens [tok_lo, tok_hi) of Document.tokens
    tok_hi: int


@dataclass(slots=True)
class EntityMention:
    start: int          # matching-view offsets
    end: int
    tok_lo: int
    tok_hi: int
    sentence: int
    prefix: str         # proclitics on the first word (و ب ل …)
    code: str
    sector: str | None
    id: str
    name: str
    kind: str
    country: str | None = None   # the state: the code of a state entity, an armed group's home


def named_country(e: EntityMention) -> str | None:
    """The country an entity mention names, for the stages that look for the countries a
    sentence or an article is about: a state entity's, or an armed group's placed there by a
    country word (مسلحون سوريون, id ``syr.reb``); a named group's home state (the Houthis') is
    the group's, not a mention of the country, as when groups were coded by country."""
    if e.kind == "state":
        return e.code if e.country else None
    if e.code == "NSA" and e.country and e.id.startswith(e.country.lower() + "."):
        return e.country
    return None


@dataclass(slots=True)
class Participant:
    """One person (or body) followed through the article: every mention that names it — with
    its title, by its name alone, by the title alone, by a pronoun — and how it is coded, from
    the description the article gives it (``annotate/entities.py``)."""

    code: str
    sector: str | None
    id: str
    name: str
    kind: str
    keys: frozenset[str]        # the name words later mentions are known by (باركو، الزياني)
    title: str | None           # the word of the title it was introduced with (وزيرة)
    mentions: list[EntityMention]


@dataclass(slots=True)
class TriggerMention:
    start: int
    end: int
    tok_lo: int
    tok_hi: int
    sentence: int
    prefix: str
    family: int         # index into Resources.families
    tense: str          # past | present | passive | noun
    modality: str = "asserted"
    stance: str | None = None   # pledge (سيدعم، تعهد بـ) | refusal (لن يستقبل) | None


@dataclass(slots=True)
class EventMention:
    """A trigger with its participants, before it becomes an output record."""

    trigger: TriggerMention
    actor: list[EntityMention]
    recipient: list[EntityMention]
    confidence: float
    attribution: EntityMention | None = None
    attribution_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """What one surface form stands for.

    ``kind`` is country, capital, nisba, people, actor, sector (actor layer) or verb, noun
    (trigger layer); ``ref`` indexes the resource list of that kind; ``tense`` is past,
    present, passive or noun for triggers.
    """

    layer: str
    kind: str
    ref: int
    clitics: str
    tense: str | None = None
    lam_variant: bool = False
    t_variant: bool = False
    definite: bool = False
    needs: tuple[str, ...] = ()     # words that must follow a verb head (قدم … المساعدة)

    def __reduce__(self) -> tuple[type, tuple]:
        # Spelled out, so that the compiled class (mypyc) pickles as the interpreted one does.
        return (Term, (self.layer, self.kind, self.ref, self.clitics, self.tense, self.lam_variant,
                       self.t_variant, self.definite, self.needs))


class Match(NamedTuple):
    """A lexicon hit in the matching view: the core form and the whole word(s) around it.

    A named tuple rather than a frozen dataclass: documents make dozens, and a tuple is built
    several times faster."""

    start: int          # first character of the word, proclitics included
    end: int            # after the last character, enclitics included
    core_start: int
    core_end: int
    prefix: str
    suffix: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place_start: int
    place_end: int


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in the matching view and the dates it stands for."""

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: str
    anchor: str


@dataclass(frozen=True)
class QuantityMention:
    """A counted or vague quantity; offsets are into the text given to :func:`find_quantities`."""

    start: int
    end: int
    text: str
    count: int | None
    qualifier: str | None
    unit: str | None


@dataclass(frozen=True)
class CasualtyMention:
    """People killed, injured, arrested or missing, with their number when the text gives one."""

    start: int
    end: int
    text: str
    kind: str
    count: int | None
    qualifier: str | None


@dataclass(frozen=True)
class PlaceRow:
    geonames_id: int | None
    country: str
    admin1: str | None
    name: str
    names: tuple[str, ...]
    lat: float
    lon: float
    population: int
    precision: str          # city | admin1 | country

    def __reduce__(self) -> tuple[type, tuple]:
        # Spelled out (it is in the resource cache): the compiled class (mypyc) cannot be
        # unpickled from the interpreted one's state, which sets the frozen fields one by one.
        return (PlaceRow, (self.geonames_id, self.country, self.admin1, self.name, self.names,
                           self.lat, self.lon, self.population, self.precision))


@dataclass(frozen=True)
class PlaceMention:
    start: int              # matching-view offsets
    end: int
    place: PlaceRow
    cued: bool              # a locative cue stands before it (في حلب, مدينة حماة)
    far_side: bool = False  # a country past a border or a "near" (قرب موريتانيا، الحدود مع سوريا)


class SentenceSpan(NamedTuple):
    """A sentence's span in the folded text (a tuple: many are made per article)."""

    start: int
    end: int
    kind: str  # "title" | "heading" | "body"
