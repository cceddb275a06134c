"""Pipeline stage: one record per event within an article.

The headline and the lead, or two paragraphs, often tell the same event. Records of the same
type and modality whose participants are compatible (the same codes, or one side unknown) —
and, where each has an actor, that share a party, a place or a time of their own — or that are
told together (in one sentence, or in the headline and the lead), and whose time and place
overlap are merged into one that keeps every evidence span and the most precise figures: a
count with its qualifier over a bare count, a day over a month, a city over a country; and a
side one mention names over the same side (code and sector) another only implies (the police
of اعتقالات في الموصل, named in اعتقلت الشرطة العراقية). A record is compared with the latest
``MERGE_WINDOW`` kept records of its type and modality, not with all of an article's.

A record told only by a definite verbal noun (التفجير، بالتفجير، هذا الهجوم، حادث التفجير)
refers back to an event the article has told: where no record of its modality is the same
event, it joins the latest earlier record of its type, whatever that one's modality, whose time
and place it can share (a mention naming a place or a time of its own joins only a record that
names one too: بالتفجير الذي وقع في مسجد الصادق الشهر الماضي), and takes its modality. Such a
mention reads its parties off the sentence around it (the governor who visited the site, the
court that tries the accused), so its parties do not keep it apart; and the modality its own
sentence gives (the trial is news, the bombing it recalls background) is the one read wrong.
"""

from __future__ import annotations

from typing import Any

from marsad.doc.document import Document
from marsad.doc.records import Entity, Event, Evidence, Place, evolve
from marsad.resources import Resources

#: the kept records of one type and modality a new record is compared with, the latest ones:
#: the work per article stays linear in its length. No article of the 31,030 of SaudiNewsNet
#: keeps more than 61 records of one kind (the farthest merge reaches back 39), so the window
#: changes only what is coded from a text far longer than a news article.
MERGE_WINDOW = 100
_TIME_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_RANK = {"city": 0, "admin1": 1, "country": 2}
#: the anchor of a time the event's own text does not give (events/details.py): it neither keeps
#: two records apart nor wins over a time the text gives
INFERRED_TIME = "article"
#: the farthest apart two body sentences telling one statement may be (``same_event``)
STATEMENT_REACH = 2


class EventMerger:
    def __init__(self, resources: Resources):
        # a bare sector word (مسلحين، مسؤول) is compatible with a named actor of that sector
        self.generic_ids = frozenset(s.id for s in resources.sectors)
        #: the speech acts, told apart by sentences (``same_event``)
        self.statements = frozenset(resources.vocabulary.types_with("verbal"))
        lang = resources.language
        self._definite = lang.affixes.definite_word if lang is not None else None
        self._normalize = lang.normalize_term if lang is not None else str
        #: the openings of a sentence that tells a new story (``_told_anew``)
        self._new_story = tuple(self._normalize(w) for w in
                                lang.table("function_words")["new_story_openers"]) \
            if lang is not None else ()
        self._bare = lang.without_conjunction if lang is not None else str

    def __call__(self, doc: Document) -> Document:
        merged: list[Event] = []
        # where the kept records of each type and modality are: only those can be the same
        # event, so a record is compared with them (the last MERGE_WINDOW of them), not with
        # every record of the article
        slots: dict[tuple[str, str], list[int]] = {}
        # the evidence of the records merged into each kept one, sorted in once at the end
        # (not once per merge: a record that absorbs many would cost the square of their number)
        absorbed: dict[int, list[Evidence]] = {}
        for event in doc.events:
            same_kind = slots.setdefault((event.event_type, event.modality), [])
            for i in same_kind[-MERGE_WINDOW:]:
                if self.same(merged[i], event):
                    _absorb(merged, absorbed, i, event)
                    break
            else:
                antecedent = self._antecedent(event, merged)
                if antecedent is not None:
                    _absorb(merged, absorbed, antecedent,
                            evolve(event, modality=merged[antecedent].modality))
                    continue
                same_kind.append(len(merged))
                merged.append(event)
        for i, evidence in absorbed.items():
            merged[i] = evolve(merged[i], evidence=_in_order(merged[i].evidence + tuple(evidence)))
        doc.events = merged
        return doc

    def same(self, a: Event, b: Event) -> bool:
        """``same_event``, but two mentions told apart are two events where the later one's
        sentences open on a new story (``_told_anew``). On the training annotations: loose
        tp / fp 2547 / 476 -> 2550 / 478, strict tp 1256 -> 1256; dev strict 219 -> 222."""
        if not same_event(a, b, self.generic_ids, self.statements):
            return False
        if _told_together(a, b):
            return True
        return not self._told_anew(b if _first_body(b) >= _first_body(a) else a)

    def _told_anew(self, event: Event) -> bool:
        """Whether every body sentence telling ``event`` opens on a new story's words (وفي
        تطور آخر، أفادت مصادر عسكرية أن القوات الموالية لهادي استعادت الحوطة): the article
        says it is not an event it told before, whatever parties the two share."""
        body = [ev.sentence for ev in event.evidence if ev.field != "title"]
        return bool(body) and bool(self._new_story) and all(map(self._opens_new_story, body))

    def _opens_new_story(self, sentence: str) -> bool:
        words = self._normalize(sentence[:60]).split(maxsplit=1)
        if not words:
            return False
        head = " ".join([self._bare(words[0]), *words[1:]])
        return any(head.startswith(w) and not head[len(w):len(w) + 1].isalpha()
                   for w in self._new_story)

    def _antecedent(self, event: Event, merged: list[Event]) -> int | None:
        """The kept record a record told by a definite verbal noun refers back to: the latest
        of its type whose time and place it can share (the module docstring); None for any
        other record."""
        if not self._refers_back(event):
            return None
        for i in range(len(merged) - 1, max(-1, len(merged) - MERGE_WINDOW - 1), -1):
            other = merged[i]
            if other.event_type == event.event_type and _compatible_time(other.time, event.time) \
                    and _compatible_place(other, event) \
                    and (_own_place(other) or not _own_place(event)) \
                    and (_own_time(other.time) or not _own_time(event.time)):
                return i
        return None

    def _refers_back(self, event: Event) -> bool:
        """Whether every mention of the record is a definite verbal noun (التفجير، بالهجوم) in
        the body: a reference to an event, not its first telling. A record that also holds an
        indefinite mention tells something new beside the reference (بعد الهجوم شن الجيش عملية
        عسكرية)."""
        return bool(event.evidence) and self.refers_back(event, headline=False)

    def refers_back(self, event: Event, headline: bool) -> bool:
        """Whether every body mention of the record is a definite verbal noun; with
        ``headline``, mentions in the headline are allowed beside them."""
        definite, norm = self._definite, self._normalize
        return definite is not None and all(
            (headline and ev.field == "title")
            or (ev.field != "title" and definite(norm((ev.trigger.text.split() or [""])[0])))
            for ev in event.evidence)


def _absorb(merged: list[Event], absorbed: dict[int, list[Evidence]], i: int,
            event: Event) -> None:
    """Merge ``event`` into ``merged[i]``, its evidence set aside to be sorted in once at the
    end; but a record told in the headline alone takes the first of it at once, so that it no
    longer reads as the headline alone (``_told_together``)."""
    carried = event.evidence[:1] if headline_only(merged[i].evidence) else ()
    merged[i] = combine(merged[i], evolve(event, evidence=carried))
    absorbed.setdefault(i, []).extend(event.evidence[len(carried):])


def same_event(a: Event, b: Event, generic_ids: frozenset[str] = frozenset(),
               statements: frozenset[str] = frozenset()) -> bool:
    """Whether two records of one article report the same event: compatible time and place
    (two operations on different days or in different places are never one), and compatible
    participants, or mentions told together (one sentence, or the headline and the lead).
    Statements (``statements``: the speech-act types) told in the body more than
    ``STATEMENT_REACH`` sentences apart are two: a minister's wish for closer ties and, later
    on, his coming visit (on the training annotations, with the decision's folding alike: loose
    F1 0.8092 -> 0.8112, strict 0.3826 -> 0.3835; dev 0.699 -> 0.706, strict 0.456 -> 0.458)."""
    if a.event_type != b.event_type or a.modality != b.modality:
        return False
    if not (_compatible_time(a.time, b.time) and _compatible_place(a, b)):
        return False
    if _told_together(a, b):
        return not _reversed(a, b)
    if a.event_type in statements and _sentences_apart(a, b) > STATEMENT_REACH:
        return False
    return (_compatible_parties(a.actor, b.actor, generic_ids)
            and _compatible_parties(a.recipient, b.recipient, generic_ids)
            and (not (a.actor and b.actor) or _tied(a, b, generic_ids)))


def _reversed(a: Event, b: Event) -> bool:
    """Whether each record's actor is the other's recipient and their actors share nothing:
    أطلقت أنقرة عملية عسكرية ضد داعش …، قتل 13 جنديا في كمين tells the operation and the
    attack it answered, not one event read twice."""
    return bool(_codes(a.actor) & _codes(b.recipient) and _codes(a.recipient) & _codes(b.actor)
                and not _codes(a.actor) & _codes(b.actor))


def _tied(a: Event, b: Event, generic_ids: frozenset[str]) -> bool:
    """Whether two records told apart, each with its own actor, share something that makes
    them one event. Where the actors are parties (``_other_parties``: not a sector word, not a
    state beside one of its own parties), only one party acting on one recipient is: an article
    telling the Houthis' shelling of a district and, sentences on, their attack on a town tells
    two events, and a repeat names its party and its target again (on the
    training annotations: loose F1 0.8112 -> 0.8116, strict 0.3835 -> 0.3868; dev 0.707 ->
    0.704, strict 0.459 -> 0.461). Otherwise the same actor, the same recipient, a place each
    names itself (below a country) or a time each gives itself: an article telling the day's
    attacks by the militants, village by village, tells several events whose actors all read
    NSA, and a repeat of one names its party, its place or its day again (loose F1 0.756 ->
    0.760, strict 0.336 -> 0.341)."""
    shared_actor = bool({e.id for e in a.actor} & {e.id for e in b.actor})
    shared_recipient = bool({e.id for e in a.recipient} & {e.id for e in b.recipient})
    if _other_parties(a.actor, b.actor, generic_ids):
        return shared_actor and shared_recipient
    if shared_actor or shared_recipient:
        return True
    return (_own_place(a) and _own_place(b)) or (_own_time(a.time) and _own_time(b.time))


def _other_parties(a: tuple[Entity, ...], b: tuple[Entity, ...],
                   generic_ids: frozenset[str]) -> bool:
    """Whether two actors are parties, each acting on its own (or one party named twice, whose
    acts ``_tied`` keeps apart unless aimed at one recipient): the King's cable of
    congratulation and the Crown Prince's to one president, sent the same day, are two events;
    so are two deputies' condemnations of one bombing. Not where one is
    the other's less precise form: a sector word (مسلحون، الجيش), or the state or its
    government (مصر، القاهرة) beside another of its parties (وزير الخارجية المصري). On the
    training annotations (with the decision trained on them): loose P / R / F1 0.843 / 0.768
    / 0.804 -> 0.843 / 0.771 / 0.805, strict 0.382 -> 0.384; dev 0.761 / 0.664 / 0.709 ->
    0.761 / 0.670 / 0.713, strict 0.460 -> 0.462."""
    if all(e.id in generic_ids for e in a) or all(e.id in generic_ids for e in b):
        return False
    return not (_codes(a) & _codes(b) and (_state_itself(a) or _state_itself(b)))


def _state_itself(parties: tuple[Entity, ...]) -> bool:
    """Whether every entity is a state or its government (ids ``irq``, ``irq.gov``:
    ``annotate/actors.py``), not one of its parties."""
    return all(e.id in (e.code.lower(), f"{e.code.lower()}.gov") for e in parties)


def _told_together(a: Event, b: Event) -> bool:
    """Mentions of one type and modality in one sentence (قتل … بانفجار), or in the headline
    and the lead: news tells one event there, and where their participants differ the roles
    were read differently, not two events told (on the training annotations, out of fold:
    precision 0.630 -> 0.654, F1 0.602 -> 0.605 at threshold 0.40)."""
    sa = {(ev.field, ev.sentence_index) for ev in a.evidence}
    sb = {(ev.field, ev.sentence_index) for ev in b.evidence}
    if sa & sb:
        return True
    return bool((headline_only(a.evidence) and leads(sb))
                or (headline_only(b.evidence) and leads(sa)))


def _first_body(event: Event) -> int:
    return min((ev.sentence_index for ev in event.evidence if ev.field != "title"), default=0)


def _sentences_apart(a: Event, b: Event) -> int:
    """The fewest sentences between a body mention of one record and one of the other."""
    sa = [ev.sentence_index for ev in a.evidence if ev.field != "title"]
    sb = [ev.sentence_index for ev in b.evidence if ev.field != "title"]
    return min((abs(x - y) for x in sa for y in sb), default=0)


def headline_only(evidence: tuple[Evidence, ...]) -> bool:
    """Whether a record is told in the headline and nowhere else (yet): a headline joined to
    one event of its lead is that event, and does not draw in the lead's other events (قصف في
    سوريا over a raid in Idlib and the army's shelling elsewhere)."""
    return bool(evidence) and all(ev.field == "title" for ev in evidence)


def leads(sentences: set[tuple[str, int]]) -> bool:
    """Whether a record's first body sentence is in the lead: the article's first two (the
    title is 0). A lead often opens with the setting and tells the headline's event in its
    second sentence (شهدت سيناء تصعيدا … وقالت مصادر إن مسلحين هاجموا حاجزا). Out of fold
    (logistic, pair 0.55/0.30), the first sentence → the first two, with a headline joined to
    one lead event drawing in no other: loose P / R / F1 0.647 / 0.603 / 0.624 → 0.650 / 0.602
    / 0.625, strict 0.295 → 0.296; the first two, drawing in the others too: strict 0.295."""
    return min((i for f, i in sentences if f != "title"), default=99) <= 2


def combine(a: Event, b: Event) -> Event:
    """One record from two mentions: every evidence span, the most precise figures. The sides
    of a fight (two or more as the actor, no recipient: تدور معارك بين قوات النظام والفصائل)
    take no recipient from a later one-sided mention that aims at one of them, or at men of a
    state's side among them (وقتل جنديان in a clash of government forces: the same country and
    sector; not by a group code, NSA, which every armed group shares)."""
    recipient = _named_first(a.recipient, b.recipient)
    if len(a.actor) > 1 and not a.recipient:
        sides = {s.id for s in a.actor} | {(s.code, s.sector) for s in a.actor if s.country == s.code}
        recipient = tuple(e for e in recipient if e.id not in sides and (e.code, e.sector) not in sides)
    return evolve(
        a,
        actor=_named_first(a.actor, b.actor),
        recipient=recipient,
        evidence=_in_order(a.evidence + b.evidence),
        mode=a.mode or b.mode,
        context=tuple(dict.fromkeys(a.context + b.context)),
        time=_most_precise_time(a.time, b.time),
        location=_most_precise_place(a, b),
        quantity=_most_precise_quantity(a.quantity, b.quantity),
        casualties={k: _larger(a.casualties.get(k), b.casualties.get(k)) for k in a.casualties},
        attribution=a.attribution or b.attribution,
        confidence=round(min(0.99, max(a.confidence, b.confidence) + 0.05), 2),
    )


def _named_first(a: tuple[Entity, ...], b: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The first mention's party, but one the text only implies (its text null: the police
    of an arrest told by its noun in the headline) gives way to the same side (code and
    sector) that the other mention names (اعتقلت الشرطة العراقية in the lead)."""
    if a and b and all(e.text is None for e in a) and all(e.text is not None for e in b) \
            and {(e.code, e.sector) for e in a} == {(e.code, e.sector) for e in b}:
        return b
    return a or b


def _in_order(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The title's evidence first, then the body's by sentence (a stable sort: sorting the
    evidence of several merges at once gives what sorting it after each merge would)."""
    return tuple(sorted(evidence, key=lambda ev: (ev.field != "title", ev.sentence_index)))


def _codes(parties: tuple[Entity, ...]) -> set[str]:
    return {e.code for e in parties}


def _compatible_parties(a: tuple[Entity, ...], b: tuple[Entity, ...],
                        generic_ids: frozenset[str]) -> bool:
    if not a or not b or {e.id for e in a} & {e.id for e in b}:
        return True
    if all(e.id in generic_ids for e in a) or all(e.id in generic_ids for e in b):
        return bool({e.sector for e in a} & {e.sector for e in b}) or bool(_codes(a) & _codes(b))
    return bool(_codes(a) & _codes(b)) and not (_named(a) and _named(b))


def _named(parties: tuple[Entity, ...]) -> bool:
    return any(e.kind in ("non_state_armed", "igo", "ngo") for e in parties)


def _compatible_time(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if not _own_time(a) or not _own_time(b):
        return True
    assert a is not None and b is not None
    return a["start"] <= b["end"] and b["start"] <= a["end"]


def _compatible_place(a: Event, b: Event) -> bool:
    """Places that can be one event's: the same country, and where both name a place inside it,
    the same place or one containing the other (a city in the province named by the other).
    Two strikes on two towns are two events, however alike their other parts. A place no words
    of the event name (inferred from the article, no offsets) keeps nothing apart, as a time
    the text does not give: the headline «القصف التركي» placed in Turkey by the article's
    country is the lead's strike in Syria (out of fold, logistic, pair 0.55/0.30: loose P / R /
    F1 0.634 / 0.608 / 0.621 -> 0.647 / 0.603 / 0.624, strict 0.294 -> 0.295)."""
    p, q = a.location, b.location
    if p is None or q is None or p.start is None or q.start is None:
        return True
    if p.country != q.country:
        return False
    if p.precision == "country" or q.precision == "country":
        return True
    if p.precision == q.precision:
        return p.name == q.name
    city, region = (p, q) if _PLACE_RANK.get(p.precision, 9) < _PLACE_RANK.get(q.precision, 9) else (q, p)
    return city.admin1 is None or city.admin1 == region.admin1 or city.admin1 == region.name


def _own_place(event: Event) -> bool:
    """A place below a country that the event's own text names: a mention naming one (من
    جهة أخرى … السيطرة على منطقتي الوهط وصبر بمحافظة لحج) tells where it happened, a new
    front, unless the event it would refer back to names a place as well."""
    p = event.location
    return p is not None and p.start is not None and p.precision != "country"


def _own_time(t: dict[str, Any] | None) -> bool:
    """A dated time the event's own text gives."""
    return bool(t and t.get("start") and t.get("anchor") != INFERRED_TIME)


def _most_precise_time(a: dict[str, Any] | None, b: dict[str, Any] | None) -> dict[str, Any] | None:
    if not _own_time(a):
        return b if _own_time(b) else (a or b)
    if not _own_time(b):
        return a
    assert a is not None and b is not None
    return a if _TIME_RANK.get(a["precision"], 9) <= _TIME_RANK.get(b["precision"], 9) else b


def _most_precise_place(a: Event, b: Event) -> Place | None:
    if a.location is None or b.location is None:
        return a.location or b.location
    rank_a = _PLACE_RANK.get(a.location.precision, 9)
    return a.location if rank_a <= _PLACE_RANK.get(b.location.precision, 9) else b.location


def _most_precise_quantity(a: dict[str, Any] | None, b: dict[str, Any] | None) -> dict[str, Any] | None:
    def score(q: dict[str, Any] | None) -> tuple[int, int, int]:
        if not q:
            return (0, 0, 0)
        return (q.get("count") is not None, q.get("qualifier") is not None, q.get("unit") is not None)

    return a if score(a) >= score(b) else b


def _larger(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)
