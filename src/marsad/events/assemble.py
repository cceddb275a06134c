"""Pipeline stage: event mentions become output records (contract §2).

A trigger with no participant at all ("الدعم المستمر أمر حاسم") is mostly commentary, not a
report of an event, and is dropped by the rules; where a trained event decision follows (in
documents of ``bare_from`` sentences up), it is kept as a candidate without actor or recipient
and the model decides (اجتماع، تظاهرت، أدان often stand without a named participant in their
sentence). Mentions of one type with the same participants in one
sentence are one event with several evidence triggers, unless each reports a figure of its own
(قتل 12 في صعدة، وقتل 8 في حجة). Each figure belongs to one mention (``events/details.py``); an
asserted event with no time of its own takes the article's news time, if it has one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from marsad.doc.document import Document
from marsad.doc.records import Attribution, Entity, Event, Evidence, Trigger, state_country
from marsad.doc.spans import EntityMention, EventMention
from marsad.events.details import Details, Nearest
from marsad.resources import Resources
from marsad.version import __version__

R = TypeVar("R")


class EventAssembler:
    def __init__(self, resources: Resources, bare_from: int | None = None):
        assert resources.language is not None
        self.res = resources
        self.bare_from = bare_from
        lang = resources.language
        self.nearest = Nearest(lang.clause_breaks)
        self.totals = frozenset(map(lang.normalize_term, lang.table("casualties").get("totals", ())))
        self.strip = lang.affixes.without_proclitic
        self.topics = frozenset(map(lang.normalize_term, lang.table("places").get("topic_cues", ())))
        #: words opening a clause whose times are not the event's (events/details.py)
        self.other_clause = (
            frozenset(map(lang.normalize_term, lang.table("roles")["relative_pronouns"])),
            frozenset(map(lang.normalize_term, lang.table("time_words").get("since", ()))))
        #: each country's own gazetteer row: the article's country when it names only its towns
        self.country_rows = {p.country: p for p in resources.places if p.precision == "country"}
        self.coder_info = {"name": "marsad", "version": __version__, "resources": resources.version}

    def __call__(self, doc: Document) -> Document:
        # no participant at all: commentary, not a report of an event (a candidate where the
        # trained decision follows)
        if self.bare_from is not None and doc.worded_sentences() >= self.bare_from:
            kept = list(doc.mentions)
        else:
            kept = [m for m in doc.mentions if m.actor or m.recipient]
        stated = {id(m): self._stated(m) for m in kept}
        types = self.res.vocabulary.types
        details = Details(doc, self.nearest, self.totals, self.strip, self.topics, self.country_rows,
                          self.other_clause)
        details.assign(kept, lambda m: types[stated[id(m)][0]].casualties)
        groups: list[list[EventMention]] = []
        # the groups of each (sentence, type, modality): a mention is compared with its own
        # sentence's groups only, not with every group of the article
        keyed: dict[tuple[int, str, str], list[list[EventMention]]] = {}
        for m in kept:
            same_key = keyed.setdefault((m.trigger.sentence, *stated[id(m)]), [])
            group = next((g for g in same_key
                          if _compatible(g, m) and not details.conflicts(g, m)), None)
            if group is None:
                same_key.append([m])
                groups.append(same_key[-1])
            else:
                group.append(m)
        doc.events = [self._event(doc, _fullest_first(ms), details) for ms in groups]
        return doc

    def _stated(self, m: EventMention) -> tuple[str, str]:
        """The type and modality a mention is coded as (a pledged strike is a THREATEN)."""
        fam = self.res.families[m.trigger.family]
        etype, _, converted = self.res.vocabulary.stated(fam.type, fam.mode, m.trigger.stance)
        return etype, "asserted" if converted else m.trigger.modality

    def _event(self, doc: Document, mentions: list[EventMention], details: Details) -> Event:
        first = mentions[0]
        fam = self.res.families[first.trigger.family]
        etype, mode, converted = self.res.vocabulary.stated(fam.type, fam.mode,
                                                            first.trigger.stance)
        evidence = tuple(self._evidence(doc, m) for m in mentions)
        actor = tuple(self.entity(doc, e) for e in first.actor)
        recipient = tuple(self.entity(doc, e) for e in first.recipient)
        trig = evidence[0].trigger
        ident = "|".join([doc.article.id, etype, ",".join(e.code for e in actor),
                          ",".join(e.code for e in recipient), evidence[0].field,
                          str(trig.start), str(trig.end)])
        time = _first_found(details.time, mentions)
        if (converted or first.trigger.tense == "past") and _starts_after(time, doc.article.date):
            # the pledged or threatened act's time (سيزور المملكة في سبتمبر، هدد بأنه سيهاجم
            # المدن في العاشر من الشهر), not the pledge's or the threat's
            time = None
        modality = "asserted" if converted else first.trigger.modality
        if modality == "asserted":
            modality = _by_date(time, doc.article.date, first.trigger.tense)
            time = time or details.news_time()
        return Event(
            event_id=hashlib.sha1(ident.encode("utf-8")).hexdigest()[:20],
            article_id=doc.article.id,
            language=doc.article.language,
            event_type=etype,
            mode=mode,
            context=fam.context,
            cameo=fam.cameo,
            actor=actor,
            recipient=recipient,
            evidence=evidence,
            confidence=_confidence(first),
            coder=self.coder_info,
            modality=modality,
            attribution=self._attribution(doc, first),
            location=details.place(first),
            quantity=_first_found(details.quantity, mentions),
            casualties=details.casualties(mentions),
            time=time,
        )

    def _attribution(self, doc: Document, m: EventMention) -> Attribution | None:
        if m.attribution is None:
            return None
        who = self.entity(doc, m.attribution)
        span = m.attribution_span or (m.attribution.start, m.attribution.end)
        fld, start, end = doc.original_span(*span)
        source = doc.article.title if fld == "title" else doc.article.text
        return Attribution(source[start:end] if fld == who.field else who.text or "", who)

    def entity(self, doc: Document, e: EntityMention) -> Entity:
        fld, start, end = doc.original_span(e.start, e.end)
        source = doc.article.title if fld == "title" else doc.article.text
        # an implied doer is an empty mention at its act: no words of the article name it
        text = source[start:end] if e.end > e.start else None
        # whatever a state's code names belongs to it (a minister by name: شتاينماير, DEU)
        country = e.country or state_country(e.code)
        return Entity(text, start, end, e.name, e.code, e.sector, e.id, e.kind, fld, country)

    def _evidence(self, doc: Document, m: EventMention) -> Evidence:
        sent = doc.sentences[m.trigger.sentence]
        fld, start, end = doc.original_span(m.trigger.start, m.trigger.end)
        source = doc.article.title if fld == "title" else doc.article.text
        sentence = doc.text[sent.start:sent.end]
        index = sent.index
        return Evidence(index, sentence, Trigger(source[start:end], start, end), fld)


def _first_found(record: Callable[[EventMention], R | None],
                 mentions: list[EventMention]) -> R | None:
    """The leading mention's detail (time, figure), else the first other mention's."""
    return next((r for r in map(record, mentions) if r), None)


def _ids(entities: list[EntityMention]) -> set[str]:
    return {e.id for e in entities}


def _compatible(group: list[EventMention], m: EventMention) -> bool:
    """Same sentence and type: one event unless they name different participants."""
    for other in group:
        for a, b in ((other.actor, m.actor), (other.recipient, m.recipient)):
            if a and b and not (_ids(a) & _ids(b)):
                return False
    return True


def _fullest_first(mentions: list[EventMention]) -> list[EventMention]:
    """The mention with the most participants leads (its roles become the event's)."""
    return sorted(mentions, key=lambda m: -(bool(m.actor) + bool(m.recipient)))


#: how far back an article's news reaches: what ended earlier is background (ANNOTATION.md:
#: "about the two weeks before publication") — for a date the text states (في 3 يوليو). A time
#: said relative to publication reaches further: "last month" in a monthly summary is its news.
NEWS_PERIOD_DAYS = 14
RELATIVE_NEWS_PERIOD_DAYS = 45


def _by_date(time: dict | None, publication: date | None, tense: str | None) -> str:
    """An asserted event's modality by its date: historical when its time ended before the news
    period (في سبتمبر 2014، العام الماضي، في 14 يوليو الماضي in news of August), future when a
    verb that is not past or a noun starts after publication (يلتقي يوم 19/11، غدا), else
    asserted."""
    if not time or not publication or not time.get("end") or not time.get("start"):
        return "asserted"
    if before_news(time, publication):
        return "historical"
    if tense != "past" and _starts_after(time, publication):
        return "future"     # a past verb with a later date is a misread date, not the future
    return "asserted"


def before_news(time: dict | None, publication: date | None) -> bool:
    """Whether a resolved time ended before the article's news period."""
    if not time or not publication or not time.get("end"):
        return False
    # a named day (في 14 يوليو الماضي: the year is the publication's, the day the text's own) is
    # as exact as a full date; the wider reach is for the vague ones (الشهر الماضي)
    anchor = time.get("anchor")
    exact = anchor == "explicit" or (anchor == "publication_date" and time.get("precision") == "day")
    reach = NEWS_PERIOD_DAYS if exact else RELATIVE_NEWS_PERIOD_DAYS
    return (publication - date.fromisoformat(time["end"])).days > reach


def _starts_after(time: dict | None, publication: date | None) -> bool:
    start = (time or {}).get("start")
    return bool(start and publication and date.fromisoformat(start) > publication)


def _confidence(m: EventMention) -> float:
    score = m.confidence + (0.1 if m.actor and m.recipient else 0.0)
    score -= 0.2 if not m.actor and not m.recipient else 0.0
    return round(min(0.99, max(0.05, score)), 2)
