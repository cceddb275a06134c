"""Event records (contract §2) taken apart into the rows of the store's tables."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from marsad.doc.records import state_country
from marsad.lang.ar.normalize import normalize_term
from marsad.reading.article import Article, Origin
from marsad.store.backends import Column
from marsad.store.names import PlaceNames

#: quantity units that count actions, so that 22 عملية is 22 operations; a count of people or
#: things is no count of operations, and such an event counts once.
#: between the sentences of an event's evidence, which are kept on one line each so that a
#: CSV row is one line
EVIDENCE_SEPARATOR = " ‖ "

ACTION_UNITS = frozenset({"operation", "strike", "attack", "raid", "time"})


def _columns(spec: str) -> tuple[Column, ...]:
    return tuple(Column(*item.split(":")) for item in spec.split())


ARTICLE_COLUMNS = _columns(
    "article_id:text content_hash:text title:text source:text url:text published:date "
    "language:text n_events:int coder_version:text resources_version:text ingested_at:timestamp")
TEXT_COLUMNS = _columns("article_id:text title:text text:text")
ACTOR_COLUMNS = _columns("actor_id:text name:text code:text sector:text kind:text")
PLACE_COLUMNS = _columns("geonames_id:int name:text country:text admin1:text admin1_name:text "
                         "lat:float lon:float precision:text")
EVENT_COLUMNS = _columns(
    "event_id:text article_id:text event_type:text mode:text cameo:text modality:text "
    "confidence:float event_date:date time_text:text time_start:date time_end:date "
    "time_precision:text time_anchor:text quantity_count:int quantity_qualifier:text "
    "quantity_unit:text quantity_text:text operations:int killed:int injured:int arrested:int "
    "missing:int geonames_id:int location_text:text attribution_text:text evidence:text "
    "evidence_search:text record:text")
ENTITY_COLUMNS = _columns(
    "event_id:text role:text position:int actor_id:text text:text start_offset:int "
    "end_offset:int field:text country:text")
CONTEXT_COLUMNS = _columns("event_id:text context:text")


def content_hash(article: Article) -> str:
    """What coding depends on: the title, the text and the publication date."""
    key = json.dumps([article.title, article.text, article.date.isoformat() if article.date else None],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Rows:
    """Rows for a batch of articles, table by table; ``names`` gives places their division's
    name."""

    names: PlaceNames = field(repr=False, compare=False)
    articles: list[tuple] = field(default_factory=list)
    texts: list[tuple] = field(default_factory=list)
    actors: dict[str, tuple] = field(default_factory=dict)
    places: dict[int, tuple] = field(default_factory=dict)
    events: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)
    contexts: list[tuple] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def add_article(self, article: Article, records: list[str], coder_version: str,
                    resources_version: str, now: datetime) -> None:
        """``records`` are the article's events as contract JSON lines."""
        seen: set[str] = set()
        for line in records:
            event = json.loads(line)
            if event["event_id"] in seen:   # the coder's ids are unique; the store insists
                continue
            seen.add(event["event_id"])
            self._add_event(event, line, article)
        self.ids.add(article.id)
        self.articles.append((article.id, content_hash(article), " ".join(article.title.split()) or None,
                              article.source, article.url, article.date, article.language,
                              len(seen), coder_version, resources_version, now))
        self.texts.append((article.id, article.title, article.text))

    def _add_event(self, event: dict[str, Any], line: str, article: Article) -> None:
        event_id = event["event_id"]
        time = event.get("time") or {}
        quantity = event.get("quantity") or {}
        casualties = event.get("casualties") or {}
        location = event.get("location")
        attribution = event.get("attribution")
        start = _date(time.get("start"))
        # two triggers of one sentence are two evidence items but one sentence to read
        sentences = EVIDENCE_SEPARATOR.join(dict.fromkeys(
            " ".join(ev["sentence"].split()) for ev in event.get("evidence", [])))
        self.events.append((
            event_id, article.id, event["event_type"], event.get("mode"), event.get("cameo"),
            event.get("modality") or "asserted", event.get("confidence"),
            start or article.date, time.get("text"), start, _date(time.get("end")),
            time.get("precision"), time.get("anchor"), quantity.get("count"),
            quantity.get("qualifier"), quantity.get("unit"), quantity.get("text"),
            operations(quantity), casualties.get("killed"), casualties.get("injured"),
            casualties.get("arrested"), casualties.get("missing"),
            self._place(location), location.get("text") if location else None,
            attribution.get("text") if attribution else None,
            sentences, normalize_term(sentences), line))
        for role in ("actor", "recipient"):
            for position, entity in enumerate(event.get(role) or []):
                self._entity(event_id, role, position, entity)
        if attribution and attribution.get("entity"):
            self._entity(event_id, "attribution", 0, attribution["entity"])
        self.contexts.extend((event_id, c) for c in sorted(set(event.get("context") or [])))

    def _entity(self, event_id: str, role: str, position: int, entity: dict[str, Any]) -> None:
        entity = contract_entity(entity)
        actor_id = entity.get("id") or f"{entity.get('code')}.{entity.get('sector') or 'any'}".lower()
        self.actors.setdefault(actor_id, (actor_id, entity.get("name"), entity.get("code"),
                                          entity.get("sector"), entity.get("kind")))
        self.entities.append((event_id, role, position, actor_id, entity.get("text"),
                              entity.get("start"), entity.get("end"), entity.get("field"),
                              entity.get("country")))

    def _place(self, location: dict[str, Any] | None) -> int | None:
        if not location or location.get("geonames_id") is None:
            return None
        gid = int(location["geonames_id"])
        country, admin1 = location.get("country"), location.get("admin1")
        self.places.setdefault(gid, (gid, location.get("name"), country, admin1,
                                     self._admin1_name(country, admin1), location.get("lat"),
                                     location.get("lon"), location.get("precision")))
        return gid

    def _admin1_name(self, country: str | None, code: str | None) -> str | None:
        return self.names.admin1_name(country, code) if country and code else None


ARMED_SECTORS = frozenset({"REB", "INS"})


def contract_entity(entity: dict[str, Any]) -> dict[str, Any]:
    """An entity in the contract's shape. One written before the ``country`` field (a store of
    schema version 1) gets it as migration 0002 gives it to the store's rows: a state entity's
    country is its code, and an armed group coded by its home country becomes NSA of it."""
    if not isinstance(entity, dict) or "country" in entity:
        return entity
    code = entity.get("code")
    country = state_country(code) if isinstance(code, str) else None
    armed = entity.get("kind") == "non_state_armed" or entity.get("sector") in ARMED_SECTORS
    changes: dict[str, Any] = {"country": country}
    if armed and country:
        changes.update(code="NSA", kind="non_state_armed")
    upgraded: dict[str, Any] = {}
    for key, value in entity.items():
        upgraded[key] = changes.pop(key, value)
        if key == "code":
            upgraded["country"] = changes.pop("country")
    return upgraded | changes


def contract_record(record: dict[str, Any]) -> dict[str, Any]:
    """A stored record with every entity in the contract's shape (see ``contract_entity``)."""
    for role in ("actor", "recipient"):
        if isinstance(record.get(role), list):
            record[role] = [contract_entity(e) for e in record[role]]
    attribution = record.get("attribution")
    if isinstance(attribution, dict) and attribution.get("entity"):
        attribution["entity"] = contract_entity(attribution["entity"])
    return record


def operations(quantity: dict[str, Any]) -> int:
    count = quantity.get("count")
    if isinstance(count, int) and count > 0 and quantity.get("unit") in ACTION_UNITS:
        return count
    return 1


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class SeenIds:
    """The articles of one ingest by id: where each was first read and a digest of what coding
    depends on, so that an id read again can be said (the last article of an id is the one
    stored). About 200 bytes an article of the input."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[Origin | None, str]] = {}

    def again(self, article: Article) -> tuple[Origin | None, bool] | None:
        """None for an id not seen before in this ingest; else where the earlier article of
        this id was read and whether it was the same (title, text and date)."""
        digest = content_hash(article)[:16]
        earlier = self._seen.get(article.id)
        self._seen[article.id] = (article.origin, digest)
        return None if earlier is None else (earlier[0], earlier[1] == digest)


def unique_by_id(articles: Iterable[Article]) -> list[Article]:
    """The last version of each article id, in first-seen order."""
    latest: dict[str, Article] = {}
    for article in articles:
        latest[article.id] = article
    return list(latest.values())
