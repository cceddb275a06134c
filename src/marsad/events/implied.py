"""Implied doers: an act the text reports without naming who did it (ANNOTATION.md, "Actors and
recipients": the actor is only implied, its text null, its code given).

A bombing or a terrorist attack with no one named is by an unnamed non-state armed group; an
arrest read as passive with no agent is by the police of the country of those arrested, or of
the sentence's place, else of the article's (not for arrests another act resulted in: أسفرت
العمليات عن اعتقال …). Which acts imply which doer is the language's ``roles`` table
(``implied_actors``); the doer is a row of the actor dictionary (sector words). The mention is
empty (``start == end`` at the trigger), so the record's entity has null text and its offsets
mark where the act is named.

A hostile act of a state's forces aimed at that state itself (قصفت طائرات التحالف مواقع في
الحديدة اليمنية: read as Yemen) is aimed at the armed group the article has fighting there
(``fought_there``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.outcomes import result_verb_before
from marsad.lang import Language
from marsad.resources import Resources
from marsad.resources.tables import EventFamily, SectorWord

_NOT_COUNTRIES = frozenset({"UNK", "IGO", "NGO", "NSA"})


@dataclass(frozen=True)
class _Rule:
    modes: frozenset[str]
    words: frozenset[str]
    passive_only: bool      # only where no agent is told: a passive or a verbal noun
    doer: SectorWord
    victims: SectorWord | None = None
    where: bool = False     # the doer is the state where the act happened, not the victims'
    victim_sectors: frozenset[str] = frozenset()    # only for acts done to these sectors


@dataclass(frozen=True)
class _Target:
    row: SectorWord
    modes: frozenset[str]      # only for acts of these modes (all where empty)
    place_only: bool           # the sentence's place, never the actor's country or the article's
    words: frozenset[str] = frozenset()     # only for acts named with one of these words


class ImpliedActors:
    def __init__(self, resources: Resources, lang: Language):
        sectors = {s.id: s for s in resources.sectors}
        norm = lang.normalize_term
        self._bare = lang.without_conjunction
        self._rules: dict[str, list[_Rule]] = {}
        for etype, specs in lang.table("roles")["implied_actors"].items():
            for spec in specs if isinstance(specs, list) else [specs]:
                if spec["actor"] in sectors:
                    self._rules.setdefault(etype, []).append(_Rule(
                        frozenset(spec.get("modes") or ()),
                        frozenset(norm(w) for w in spec.get("words") or ()),
                        bool(spec.get("passive_only")), sectors[spec["actor"]],
                        sectors.get(spec.get("victims") or ""), spec.get("country") == "place",
                        frozenset(spec.get("victim_sectors") or ())))

        #: verbs of result (أسفرت عن، أدت إلى): an act after one was done by the act named with
        #: it, not by the police of the article's country
        self._result_verbs = frozenset(norm(w) for w in lang.table("roles")["result_verbs"])
        #: the acts of force whose aim at a state's own ground is the armed group fought there
        self._hostile = resources.vocabulary.types_with("conflict")
        #: per event type, who an act aimed at no one named is aimed at
        self._targets: dict[str, list[_Target]] = {}
        for etype, specs in (lang.table("roles").get("implied_recipients") or {}).items():
            for spec in specs if isinstance(specs, list) else [specs]:
                spec = spec if isinstance(spec, dict) else {"recipient": spec}
                if spec["recipient"] in sectors:
                    self._targets.setdefault(etype, []).append(_Target(
                        sectors[spec["recipient"]], frozenset(spec.get("modes") or ()),
                        spec.get("country") == "place",
                        frozenset(norm(w) for w in spec.get("words") or ())))

    def unnamed(self, doc: Document, t: TriggerMention, fam: EventFamily, passive: bool,
                actor: list[EntityMention], recipient: list[EntityMention]
                ) -> tuple[list[EntityMention], list[EntityMention]]:
        """The doer and the target an act implies where the text names none."""
        if not actor:
            actor = self.doer(doc, t, fam, passive, recipient)
        if not recipient and actor:
            # تفجير إرهابي استهدف مسجدا في أبها: done to Saudi Arabia (for an implied doer
            # only, found here or by the clause: التفجير الإرهابي الذي استهدف)
            recipient = self.victims(doc, t, fam, actor)
        if not recipient:   # تظاهر المئات في البصرة: against Iraq's government
            recipient = self.target(doc, t, fam, actor)
        return actor, self.fought_there(doc, t, fam, actor, recipient)

    def fought_there(self, doc: Document, t: TriggerMention, fam: EventFamily,
                     actor: list[EntityMention], recipient: list[EntityMention]
                     ) -> list[EntityMention]:
        """A hostile act of a state's forces, or of a military coalition, aimed at that state
        itself (its name, its adjective, a town of it: قصفت طائرات التحالف مواقع في منطقة رأس
        عيسى، حتى نحرر كل المحافظات اليمنية) is aimed at the armed group the article has fighting
        there: the one it names most of those whose home is that state (the Houthis in Yemen),
        not at the state; ``recipient`` where the article names none."""
        if fam.type not in self._hostile or len(recipient) != 1 or recipient[0].kind != "state" \
                or recipient[0].sector is not None and not _a_place(doc, recipient[0]):
            return recipient
        code = recipient[0].code
        if not any(e.code == code or e.code == "IGO" and e.sector == "MIL" for e in actor):
            return recipient
        group = group_fought_in(doc, {code}, t.tok_lo)
        return [group[0]] if group else recipient

    def target(self, doc: Document, t: TriggerMention, fam: EventFamily,
               actor: list[EntityMention]) -> list[EntityMention]:
        """Who an act that names no recipient is aimed at (a protest: the government of the
        country it is held in, else of the protesters, else of the article; a visit or aid
        delivered: the country of the sentence's place, unless it is the actor's own; a deed
        called terrorist: an unnamed armed group), or []."""
        rule = next((r for r in self._targets.get(fam.type, ())
                     if (not r.modes or fam.mode in r.modes)
                     and (not r.words or not r.words.isdisjoint(self._words(doc, t)))), None)
        if rule is None:
            return []
        if rule.row.kind == "non_state_armed":   # العمل الإرهابي الجبان: whoever did it
            return [implied_mention(t, rule.row, rule.row.code)]
        if rule.place_only:
            code = _country(doc, t, [])
            return [implied_mention(t, rule.row, code)] if code and code != _country_of(actor) \
                else []
        code = _country(doc, t, []) or _country_of(actor) or _article_country(doc)
        return [implied_mention(t, rule.row, code)] if code else []

    def _words(self, doc: Document, t: TriggerMention) -> set[str]:
        """The trigger's words and the word after it, without a conjunction."""
        return {self._bare(w) for w in doc.tokens[t.tok_lo:t.tok_hi + 1]}

    def _rule(self, doc: Document, t: TriggerMention, fam: EventFamily, passive: bool,
              recipient: list[EntityMention]) -> _Rule | None:
        """The first rule of the act's type that its mode or words (the trigger and the word
        after it) and the sectors of those it was done to match."""
        words = self._words(doc, t)
        # soldiers or police of a state, named by the state or only by the sector words (رجال
        # الأمن، قوات الأمن), not an armed group's fighters
        sectors = {e.sector for e in recipient if e.kind in ("state", "other")}
        return next((r for r in self._rules.get(fam.type, ())
                     if not (r.passive_only and not passive and t.tense != "noun")
                     and not (r.victim_sectors and r.victim_sectors.isdisjoint(sectors))
                     and (fam.mode in r.modes or not r.words.isdisjoint(words))), None)

    def doer(self, doc: Document, t: TriggerMention, fam: EventFamily, passive: bool,
             recipient: list[EntityMention]) -> list[EntityMention]:
        """The implied doer of the act at ``t``, or [] where nothing implies one."""
        rule = self._rule(doc, t, fam, passive, recipient)
        if rule is None:
            return []
        code = rule.doer.code
        if rule.doer.kind != "non_state_armed":
            code = (_country(doc, t, []) if rule.where else _country(doc, t, recipient)) \
                or (None if self._resulted(doc, t) else _article_country(doc)) or ""
            if not code:
                return []
        return [implied_mention(t, rule.doer, code)]

    def _resulted(self, doc: Document, t: TriggerMention) -> bool:
        """Whether a verb of result stands before ``t`` in its sentence, within ``RESULT_REACH``
        words (العمليات التي شنت ضد داعش أسفرت عن تدمير … واعتقال عدد من عناصره)."""
        return result_verb_before(doc, t, self._bare, self._result_verbs) is not None

    def victims(self, doc: Document, t: TriggerMention, fam: EventFamily,
                doer: list[EntityMention]) -> list[EntityMention]:
        """Those an act with an implied doer was done to, where the text names no one: the
        people of the country where it happened (its sentence's place, else the article's)."""
        rule = next((r for r in self._rules.get(fam.type, ()) if doer and r.doer.id == doer[0].id),
                    None)
        if rule is None or rule.victims is None or doer[0].end != doer[0].start:
            return []
        code = _country(doc, t, []) or _article_country(doc)
        if not code:
            return []
        return [implied_mention(t, rule.victims, code)]


def group_fought_in(doc: Document, countries: set[str], before: int, stateless: bool = False
                    ) -> tuple[EntityMention, int] | None:
    """The armed group the article has fighting in one of ``countries``: of the non-state armed
    groups whose home is there (or, ``stateless``, that have none: ISIS, al-Qaeda), the one it
    names most (the first named of those), by its last mention before the token ``before``
    (else its first); and how many times it is named."""
    groups = [e for e in doc.entities if e.code == "NSA" and (
        e.country in countries or stateless and e.country is None and e.end > e.start)]
    if not groups:
        return None
    counts = Counter(e.id for e in groups)
    named = max(counts, key=counts.__getitem__)    # the first named of the most named
    mentions = [e for e in groups if e.id == named]
    return max((e for e in mentions if e.tok_hi <= before), key=lambda e: e.tok_lo,
               default=mentions[0]), counts[named]


def implied_mention(t: TriggerMention, row: SectorWord, code: str) -> EntityMention:
    """An empty mention at the act's trigger: no words of the text name it."""
    country = code if code not in _NOT_COUNTRIES else None
    return EntityMention(t.start, t.start, t.tok_lo, t.tok_lo, t.sentence, "", code, row.sector,
                         row.id, row.name, row.kind, country)


def _a_place(doc: Document, e: EntityMention) -> bool:
    """Whether the mention names a place (عدن، صنعاء), not the state's government by it."""
    return any(p.start <= e.start < p.end for p in doc.places)


def _country_of(entities: list[EntityMention]) -> str | None:
    return next((e.code for e in entities if e.code not in _NOT_COUNTRIES), None)


def _article_country(doc: Document) -> str | None:
    """The country most of the article's places lie in, when more than half do."""
    if not doc.places:
        return None
    votes = Counter(p.place.country for p in doc.places)
    code, n = votes.most_common(1)[0]
    return code if n * 2 > len(doc.places) else None


def _country(doc: Document, t: TriggerMention, recipient: list[EntityMention]) -> str | None:
    """The country of those the act was done to, else of the first place in the sentence."""
    for e in recipient:
        if e.kind in ("state", "people") and e.code not in _NOT_COUNTRIES:
            return e.code
    sent = doc.sentences[t.sentence]
    place = next((p for p in doc.places if sent.nstart <= p.start < sent.nend), None)
    return place.place.country if place is not None else None
