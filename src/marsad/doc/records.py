"""The records that leave the coder (contract §2): frozen, typed, serialisable."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

R = TypeVar("R")


def evolve(record: R, **changes: Any) -> R:
    """``dataclasses.replace`` for these records, without its cost (a getattr per field and a
    frozen ``__init__`` that sets each field through ``object.__setattr__``): the records have
    no ``__post_init__`` or init-only fields, so a copy of the instance dict with the changes
    is exactly what ``replace`` builds. Like ``replace``, only existing fields may change."""
    state = record.__dict__
    if not changes.keys() <= state.keys():
        raise TypeError(f"unknown fields: {sorted(changes.keys() - state.keys())}")
    new = object.__new__(type(record))
    new.__dict__.update(state, **changes)
    return new


@dataclass(frozen=True)
class Entity:
    """An actor or recipient: a span of the article resolved to a dictionary entry.

    ``country`` is the state the entity belongs to: its ``code`` for a state entity, the home
    state of a non-state armed group (``code`` NSA; the Houthis YEM, ISIS None), None for IGOs
    and NGOs (contract, ENTITY). It is the last field so that positional construction with
    the older fields stays valid; ``to_dict`` writes it after ``code``. ``text`` is None for an
    implied actor the article does not name (its offsets mark where the act is named)."""

    text: str | None
    start: int
    end: int
    name: str
    code: str
    sector: str | None
    id: str
    kind: str
    field: str = "text"
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "code": self.code, "country": self.country, "sector": self.sector,
                "id": self.id, "kind": self.kind, "field": self.field}


#: codes that are no state's: an entity with one of them has no ``country`` unless it is an
#: armed group with a home state
NON_STATE_CODES = frozenset({"IGO", "NGO", "NSA", "UNK"})


def state_country(code: str) -> str | None:
    """The country a code names: the code itself for an ISO 3166-1 alpha-3 code, else None."""
    return code if len(code) == 3 and code.isupper() and code not in NON_STATE_CODES else None


@dataclass(frozen=True)
class Place:
    """A resolved place; ``start``/``end``/``field`` are None when it was inferred from the
    article (its country) rather than read in the event's sentence or the dateline."""

    text: str
    start: int | None
    end: int | None
    name: str
    country: str | None
    admin1: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    precision: str
    field: str | None = "text"      # text | title | None (inferred from the article)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    sentence_index: int
    sentence: str
    trigger: Trigger
    field: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Attribution:
    text: str
    entity: Entity | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entity": self.entity.to_dict() if self.entity else None}


@dataclass(frozen=True)
class Event:
    """One coded event (contract §2)."""

    event_id: str
    article_id: str
    language: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    coder: dict[str, str]
    modality: str = "asserted"
    location: Place | None = None
    time: dict[str, Any] | None = None
    quantity: dict[str, Any] | None = None
    casualties: dict[str, int | None] = field(
        default_factory=lambda: {"killed": None, "injured": None, "arrested": None, "missing": None}
    )
    attribution: Attribution | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "language": self.language,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "location": self.location.to_dict() if self.location else None,
            "time": self.time,
            "quantity": self.quantity,
            "casualties": dict(self.casualties),
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "evidence": [ev.to_dict() for ev in self.evidence],
            "confidence": self.confidence,
            "coder": dict(self.coder),
        }
