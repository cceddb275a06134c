"""Where, when and how many: the time, place and figures that belong to an event mention.

Each comes from the mention's own clause if it has one there, else from its sentence (the
nearest to the trigger). What the event's own sentence does not give is inferred, and marked so:

* A place falls back to the dateline and then the article's country, with no offsets (``start``,
  ``end`` and ``field`` null: nothing in the text names it as the event's place).
* A time falls back to the article's news time, anchored ``"article"`` with no ``text``: the
  time the title or lead gives within the week before publication (أمس، اليوم، الخميس), so
  only in an article that reports today's news; an article whose lead gives no such time leaves
  its undated events undated.
* A figure (a count, the people killed, injured, arrested or missing) belongs to one event
  only: of the events of its sentence, the nearest that can be its cause (an event type's
  ``casualties`` in plover.yaml), one in its clause first (a strike's dead are not a meeting's).
  A figure in the headline is left out where the body tells the same figure (the headline
  restates it), and one that totals what other sentences tell (the data file ``casualties``,
  ``totals``: منذ، الغارتين، إجمالي) where the body or the headline tells figures of its kind.

The spans of a document are grouped by sentence once (:class:`Details`), so each event reads
only the spans of its own sentence: a long article's work grows with its length, not with its
events times its spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from itertools import compress, count
from typing import Any, Protocol, TypeVar

from marsad.annotate.placing import NOT_COUNTED, article_country_code
from marsad.doc.document import Document
from marsad.doc.records import Place
from marsad.doc.spans import CasualtyMention, EventMention, PlaceMention, PlaceRow, TimeMention

#: how far before publication the title's or lead's time may lie for the article to report today's
#: news (a weekday named without الماضي reaches six days back)
NEWS_DAYS = 7
#: the body sentences, after the title, that make the lead
LEAD_SENTENCES = 2
CASUALTY_KINDS = ("killed", "injured", "arrested", "missing")
#: how a casualty figure is told: in an event's own report; in the headline, left out where the
#: body tells the same figure (the headline restates it); in a total of what other sentences
#: tell, left out where the body or the headline tells figures of its kind. So no one is counted
#: twice when an article's events are summed.
OWN, HEADLINE, TOTAL = 0, 1, 2


class _Span(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Span)


class Nearest:
    """Finds the span nearest a trigger, in its clause first: clauses end at the language's
    clause breaks (punctuation tokens)."""

    def __init__(self, clause_breaks: frozenset[str]):
        self.clause_breaks = clause_breaks
        # the clause of each trigger of the document last asked about (its time, place and
        # figures each ask for it): worked out once, by (sentence, first token, end token); and
        # that document's clause breaks, by token index
        self._memo: tuple[Document | None, dict[tuple[int, int, int], tuple[int, int]],
                          list[int]] = (None, {}, [])

    def __call__(self, doc: Document, m: EventMention, inside: Sequence[Any]) -> Any | None:
        """Of the spans of the trigger's sentence (anything with matching-view ``start``), the
        one nearest the trigger, one in the same clause first."""
        if not inside:
            return None
        clause_lo, clause_hi = self._clause(doc, m)
        in_clause = [s for s in inside if clause_lo <= s.start < clause_hi]
        pool = in_clause or inside
        return min(pool, key=lambda s: abs(s.start - m.trigger.start))

    def clause(self, doc: Document, m: EventMention) -> tuple[int, int]:
        """The matching-view span of the trigger's clause."""
        return self._clause(doc, m)

    def _clause(self, doc: Document, m: EventMention) -> tuple[int, int]:
        t = m.trigger
        memo = self._memo           # the document is held, so no later one is taken for it
        if memo[0] is not doc:
            # the breaks found in one pass in C, then each clause's edges by bisection
            breaks = list(compress(count(), map(self.clause_breaks.__contains__, doc.tokens)))
            memo = self._memo = (doc, {}, breaks)
        clauses = memo[1]
        key = (t.sentence, t.tok_lo, t.tok_hi)
        found = clauses.get(key)
        if found is None:
            sent, breaks, starts = doc.sentences[t.sentence], memo[2], doc.token_starts
            before = bisect_left(breaks, t.tok_lo) - 1      # the last break before the trigger
            lo = starts[breaks[before]] if before >= 0 and breaks[before] >= sent.tok_lo \
                else sent.nstart
            after = bisect_left(breaks, t.tok_hi)           # the first break after it
            hi = starts[breaks[after]] if after < len(breaks) and breaks[after] < sent.tok_hi \
                else sent.nend
            found = clauses[key] = (lo, hi)
        return found


def by_sentence(doc: Document, spans: Iterable[S]) -> dict[int, list[S]]:
    """The spans under the index of the sentence their start lies in, in their order; a span
    between sentences (a dateline) lies in none."""
    sentences = doc.sentences
    starts = [s.nstart for s in sentences]
    grouped: dict[int, list[S]] = {}
    for span in spans:
        k = bisect_right(starts, span.start) - 1
        if k >= 0 and span.start < sentences[k].nend:
            grouped.setdefault(k, []).append(span)
    return grouped


class Details:
    """The time, place, figure and casualties of each event mention of one document.

    :meth:`assign` hands each figure to the one mention that owns it; the mentions' records are
    read after it."""

    def __init__(self, doc: Document, nearest: Nearest, totals: frozenset[str] = frozenset(),
                 strip: Callable[[str], str] = str, topics: frozenset[str] = frozenset(),
                 country_rows: Mapping[str, PlaceRow] | None = None,
                 other_clause: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())):
        self.doc = doc
        self.other_clause = other_clause
        self._trigger_tokens: frozenset[int] | None = None
        self.nearest = nearest
        self.totals, self.strip, self.topics = totals, strip, topics
        self.country_rows = country_rows or {}
        self._times = by_sentence(doc, doc.times)
        self._places = by_sentence(doc, doc.places)
        self._entities = by_sentence(doc, doc.entities)
        self._figures = by_sentence(doc, (q for q in doc.quantities
                                          if q.count is not None or q.unit))
        self._casualties = by_sentence(doc, (c for c in doc.casualties if c.count is not None))
        # worked out on the first event that needs them, then kept for the others
        self._fallbacks: tuple[PlaceMention | None, PlaceRow | None] | None = None
        self._news: tuple[dict[str, Any] | None] | None = None
        # what each mention owns (by id), and the kinds counted outside a total
        self._quantities: dict[int, list[Any]] = {}
        self._tolls: dict[int, list[tuple[CasualtyMention, int]]] = {}
        # (kind, count) of the figures told in the body's own reports, and (kind, None) of the
        # kinds told in the body or the headline
        self._told: set[tuple[str, int | None]] = set()

    def assign(self, mentions: Sequence[EventMention],
               causes: Callable[[EventMention], frozenset[str]]) -> None:
        """Each figure of a sentence to one of ``mentions`` there: the nearest, in its clause
        first; a casualty figure to the nearest whose ``causes`` hold its kind."""
        by_sent: dict[int, list[EventMention]] = {}
        for m in mentions:
            by_sent.setdefault(m.trigger.sentence, []).append(m)
        for k, ms in by_sent.items():
            clauses = [self.nearest.clause(self.doc, m) for m in ms]
            for q in self._figures.get(k, ()):
                owner = _owner(ms, clauses, q.start)
                if owner is not None:
                    self._quantities.setdefault(id(owner), []).append(q)
            # a headline restates the body's figures; a total sums what other sentences tell
            title = self.doc.sentences[k].kind == "title"
            for c in self._casualties.get(k, ()):
                rank = TOTAL if self._total(k, c.start) else HEADLINE if title else OWN
                fit = [(m, cl) for m, cl in zip(ms, clauses) if c.kind in causes(m)]
                owner = _owner([m for m, _ in fit], [cl for _, cl in fit], c.start)
                if owner is not None:
                    self._tolls.setdefault(id(owner), []).append((c, rank))
                    if rank == OWN:
                        self._told.add((c.kind, c.count))
                    if rank != TOTAL:
                        self._told.add((c.kind, None))

    def _total(self, k: int, at: int) -> bool:
        """Whether sentence ``k`` up to the end of the clause around offset ``at`` totals what
        other sentences tell (ومنذ بدء النزاع، قتل …؛ قتل … في الغارتين); a later clause's cue
        is about something else (قتل 23 …، وهو أول هجوم منذ …)."""
        doc, totals, strip = self.doc, self.totals, self.strip
        sent, breaks = doc.sentences[k], self.nearest.clause_breaks
        i = max(bisect_right(doc.token_starts, at) - 1, sent.tok_lo)
        hi = next((j for j in range(i, sent.tok_hi) if doc.tokens[j] in breaks), sent.tok_hi)
        return any(t in totals or strip(t) in totals for t in doc.tokens[sent.tok_lo:hi])

    def conflicts(self, group: Sequence[EventMention], m: EventMention) -> bool:
        """Whether ``m`` and a mention of ``group`` each own a figure of one kind that differ
        (قتل 12 في صعدة، وقتل 8 في حجة): two events, not one."""
        mine = {(c.kind, c.count) for c, _ in self._tolls.get(id(m), ())}
        if not mine:
            return False
        kinds = {k for k, _ in mine}
        theirs = {(c.kind, c.count) for o in group for c, _ in self._tolls.get(id(o), ())}
        return any(k in kinds and (k, n) not in mine for k, n in theirs)

    def time(self, m: EventMention) -> dict[str, Any] | None:
        times = self._times.get(m.trigger.sentence, ())
        if times and any(self.other_clause):
            times = [t for t in times if not self._in_other_clause(m, t.start)]
        found = self.nearest(self.doc, m, times)
        if found is None:
            return None
        return _time(found, _original(self.doc, found.start, found.end), found.anchor)

    def _in_other_clause(self, m: EventMention, at: int) -> bool:
        """Whether offset ``at`` lies in a clause opened after the trigger, a word or more before
        it, by a relative pronoun on another noun or by منذ (the roles table's
        ``relative_pronouns``, the time words' ``since``): قصفها حيا في أريحا بمحافظة إدلب التي
        تسيطر عليها الفصائل منذ 28 مايو dates the control, not the strike; زيارته الأولى منذ
        تسلمه مهامه في فبراير dates the taking of office. A relative right after the trigger
        or an event word (الهجوم الذي وقع أمس) tells of the event, and منذ right before the time
        (منذ أمس) bounds it."""
        doc, strip = self.doc, self.strip
        relatives, since = self.other_clause
        hi = bisect_right(doc.token_starts, at) - 1
        for k in range(m.trigger.tok_hi, hi - 1):
            t = doc.tokens[k]
            bare = strip(t)
            if t in since or bare in since:
                return True
            if k >= m.trigger.tok_hi + 2 and (t in relatives or bare in relatives) \
                    and not self._event_word(k - 1) and not self._event_word(k - 2):
                return True
        return False

    def _event_word(self, k: int) -> bool:
        """Whether token ``k`` is an event's word (any mention's trigger): a relative clause on
        it (قتل ثلاثة جنود في الهجوم الذي وقع أمس) tells of that event, not of a place or party."""
        if self._trigger_tokens is None:
            self._trigger_tokens = frozenset(
                i for mention in self.doc.mentions
                for i in range(mention.trigger.tok_lo, mention.trigger.tok_hi))
        return k in self._trigger_tokens

    def news_time(self) -> dict[str, Any] | None:
        """The article's news time (anchored ``"article"``), or None when its title and lead
        give no time in the week before publication."""
        if self._news is None:
            self._news = (_news_time(self.doc, self._times),)
        return self._news[0]

    def place(self, m: EventMention) -> Place | None:
        """The event's place: in its clause, else its sentence (a place after في/بـ first);
        else inferred (no offsets): the dateline, else the article's country."""
        doc = self.doc
        # a country past a border or a "near" (كمين قرب موريتانيا) is not where it happened
        in_sentence = [p for p in self._places.get(m.trigger.sentence, ()) if not p.far_side]
        if in_sentence:
            # a name without في/بـ that is the actor's, or any party's but the recipient's
            # (الولايات المتحدة أكدت، دون علم واشنطن، اتفاق مع طهران), stands for its government,
            # not for where the event happened; the recipient's may be (يزور الوزير دمشق)
            recipients = {r.start for r in m.recipient}
            named = [(e.start, e.end) for e in m.actor] + [
                (e.start, e.end) for e in self._entities.get(m.trigger.sentence, ())
                if e.start not in recipients]
            in_sentence = [p for p in in_sentence
                           if p.cued or not any(s <= p.start < e for s, e in named)]
        # a place in what the event is about (التقى … لبحث الأوضاع في غزة) comes after the
        # dateline: the talks are held where the dateline says
        topic = [p for p in in_sentence if self._topic(m, p.start)] if self.topics else []
        if topic:
            in_sentence = [p for p in in_sentence if p not in topic]
        found = self._nearest_place(m, in_sentence)
        if found is not None:
            return self._named(found)
        if self._fallbacks is None:
            self._fallbacks = (_dateline_place(doc), article_country(doc, self.country_rows))
        dateline, country = self._fallbacks
        if dateline is not None:
            return _place(dateline.place, _original(doc, dateline.start, dateline.end),
                          None, None, None)
        found = self._nearest_place(m, topic)
        if found is not None:
            return self._named(found)
        return _place(country, country.names[0], None, None, None) if country else None

    def _nearest_place(self, m: EventMention, places: Sequence[PlaceMention]) -> PlaceMention | None:
        """The nearest place after في/بـ, else the nearest named place that is no country: a
        country named without في/بـ is a party or an attribute (مبعوث الأمم المتحدة إلى سوريا،
        دبلوماسيون من الولايات المتحدة), not where the event happened."""
        if not places:
            return None
        lo, hi = self.nearest.clause(self.doc, m)
        for pool in ([p for p in places if lo <= p.start < hi], places):
            cued = [p for p in pool if p.cued]
            found = self.nearest(self.doc, m, cued) or self.nearest(
                self.doc, m, [p for p in pool if p.place.precision != "country"])
            if found is not None:
                return found
        return None

    def _named(self, found: PlaceMention) -> Place:
        fld, start, end = self.doc.original_span(found.start, found.end)
        source = self.doc.article.title if fld == "title" else self.doc.article.text
        return _place(found.place, source[start:end], start, end, fld)

    def _topic(self, m: EventMention, at: int) -> bool:
        """Whether a word between the trigger and offset ``at`` makes what follows the subject
        of the event rather than its place (التقى … لبحث الأوضاع في غزة)."""
        doc, topics, strip = self.doc, self.topics, self.strip
        hi = bisect_right(doc.token_starts, at) - 1
        return any(t in topics or strip(t) in topics for t in doc.tokens[m.trigger.tok_hi:hi])

    def quantity(self, m: EventMention) -> dict[str, Any] | None:
        """The figure nearest the trigger of those it owns (أكثر من 22 عملية), else the nearest
        in its clause (ساعدنا شركاء في 22 عملية: the help was given in the operations counted)."""
        found = self.nearest(self.doc, m, self._quantities.get(id(m), ()))
        if found is None:
            lo, hi = self.nearest.clause(self.doc, m)
            found = self.nearest(self.doc, m, [q for q in self._figures.get(m.trigger.sentence, ())
                                               if lo <= q.start < hi])
        if found is None:
            return None
        return {"count": found.count, "qualifier": found.qualifier, "unit": found.unit,
                "text": _original(self.doc, found.start, found.end)}

    def casualties(self, mentions: Sequence[EventMention]) -> dict[str, int | None]:
        """Killed, injured, arrested and missing: the largest figure of each kind the mentions
        own, less a headline's the body restates and a total the article tells in parts."""
        counts: dict[str, int | None] = dict.fromkeys(CASUALTY_KINDS)
        told = self._told
        for m in mentions:
            for c, rank in self._tolls.get(id(m), ()):
                if rank == OWN or (rank == HEADLINE and (c.kind, c.count) not in told) or (
                        rank == TOTAL and (c.kind, None) not in told):
                    counts[c.kind] = max(counts[c.kind] or 0, c.count or 0)
        return counts


def _owner(mentions: Sequence[EventMention], clauses: Sequence[tuple[int, int]],
           start: int) -> EventMention | None:
    """Of ``mentions`` (with their clauses), the one a span at ``start`` belongs to: one whose
    clause holds it first, then the nearest trigger."""
    if not mentions:
        return None
    best = min(range(len(mentions)), key=lambda i: (
        not clauses[i][0] <= start < clauses[i][1], abs(start - mentions[i].trigger.start)))
    return mentions[best]


def _time(found: TimeMention, text: str | None, anchor: str) -> dict[str, Any]:
    return {
        "text": text,
        "start": found.start_date.isoformat() if found.start_date else None,
        "end": found.end_date.isoformat() if found.end_date else None,
        "precision": found.precision,
        "anchor": anchor,
    }


def _news_time(doc: Document, times: dict[int, list[TimeMention]]) -> dict[str, Any] | None:
    """The first time the title or the lead gives, where it is a day in the week before
    publication: the article reports that day's news."""
    published = doc.article.date
    if published is None:
        return None
    body = 0
    for k, sent in enumerate(doc.sentences):
        if sent.kind == "body":
            if body == LEAD_SENTENCES:
                return None
            body += 1
        first = next(iter(times.get(k, ())), None)
        if first is not None:
            return _time(first, None, "article") if _news_day(first, published) else None
    return None


def _news_day(t: TimeMention, published: date) -> bool:
    if t.precision != "day" or t.start_date is None or t.end_date is None:
        return False
    return t.start_date <= published and (published - t.end_date).days <= NEWS_DAYS


def _dateline_place(doc: Document) -> PlaceMention | None:
    """The place named in the wire dateline, else in the title's or the lead's (الكويت: …)."""
    dateline = doc.dateline or doc.lead_dateline
    if dateline is None:
        return None
    lo = doc.norm.to_normalized(dateline.place_start)
    hi = doc.norm.to_normalized(dateline.place_end)
    return next((p for p in doc.places if lo <= p.start < hi), None)


def _original(doc: Document, start: int, end: int) -> str:
    fld, s, e = doc.original_span(start, end)
    return (doc.article.title if fld == "title" else doc.article.text)[s:e]


def _place(row: PlaceRow, text: str, start: int | None, end: int | None, fld: str | None) -> Place:
    return Place(text, start, end, row.name, row.country, row.admin1, row.geonames_id, row.lat,
                 row.lon, row.precision, fld)


def article_country(doc: Document, country_rows: Mapping[str, PlaceRow] | None = None
                    ) -> PlaceRow | None:
    """The article's country (its places and state actors together; on a tie its places
    alone), for an article with a place: its row among the places, else in ``country_rows``
    (an article that names Ségou and Nampala but never Mali is in Mali)."""
    places = [p for p in doc.places if not p.far_side]
    if not places:
        return None
    code = article_country_code(doc, NOT_COUNTED) \
        or Counter(p.place.country for p in places).most_common(1)[0][0]
    return next((p.place for p in doc.places if p.place.country == code and p.place.precision == "country"),
                (country_rows or {}).get(code))
