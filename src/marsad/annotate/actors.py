"""Pipeline stage: actor mentions from actor-layer matches.

Arabic builds most state actors from a sector word and a country that follows it: an adjective
(القوات التركية، وزير الخارجية السوري), a genitive (حكومة العراق، قوات النظام السوري) or a place
(متظاهرون في بغداد). Adjectives coordinated after such a phrase share its sector
(مسؤولون مجريون ورومانيون → HUN GOV, ROU GOV). Whatever attaches to nothing stands alone.

A non-state armed group is coded NSA with its home state apart, in ``country`` (contract,
ENTITY): a named group takes the dictionary's country (the Houthis NSA/YEM, ISIS NSA/none), and
an armed sector word placed in a country (مسلحون سوريون، المتمردون في الكونغو) is NSA of that
country, never the country's code.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Container
from datetime import date

from marsad.annotate.actor_screen import ActorScreen, Unit
from marsad.doc.document import Document
from marsad.doc.records import state_country
from marsad.doc.spans import EntityMention, Match, Term, named_country
from marsad.resources import Resources
from marsad.resources.offices import Office, office_on
from marsad.resources.tables import Actor

#: a state's forces and offices: their country is theirs, not that of the people beside them (an
#: armed group's nisba, المتمردون الكونغوليون, still places them)
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "GOV"})
#: people, never one participant with an office before them (السلطات الإيرانية مواطنيها)
_CIVILIANS = "CVL"
#: the terms that make a match more than a nationality (a name, a capital, a people, an entry)
_NOT_NATIONALITY = frozenset({"country", "capital", "actor", "people"})
#: the dictionary's people: their ids start so
_PERSON = "person."


class ActorResolver:
    """Turns actor-layer matches into entity mentions (code, sector, id, kind)."""

    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        self.res = resources
        self.prepositions = resources.grammar.prepositions
        self._sector_ids = frozenset(s.id for s in resources.sectors)
        words = lang.table("actors")
        self.place_links = frozenset(lang.normalize_term(w) for w in words["place_links"])
        self.third_person = frozenset(lang.normalize_term(w) for w in words["third_person_suffixes"])
        self.counterparts = frozenset(lang.normalize_term(w) for w in words["counterparts"])
        self.nationality = frozenset(lang.normalize_term(w) for w in words["nationality_words"])
        roles = lang.table("roles")
        self.relatives = frozenset(lang.normalize_term(w) for w in roles["relative_pronouns"])
        self.border_words = frozenset(lang.normalize_term(w) for w in roles["border_words"])
        self.without_conjunction = lang.without_conjunction
        self.after_conjunction = lang.affixes.after_conjunction
        self.after_and = lang.affixes.after_and
        self.dative = lang.affixes.dative_prefix
        self.locative = lang.affixes.locative_prefix
        self.definite = lang.affixes.definite_prefix
        self.governed_noun = lang.affixes.governed_noun
        self.feminine_endings = tuple(lang.normalize_term(w) for w in words["feminine_endings"])
        self.definite_word = lang.affixes.definite_word
        self.adjective_shaped = lang.affixes.adjective_shaped
        self.area_nouns = frozenset(lang.normalize_term(w) for w in
                                    (*words["area_nouns"], *lang.table("places")["place_nouns"]))
        self.clause_breaks = lang.clause_breaks
        #: named people's dated offices, by id (people/offices.tsv)
        self.screen = ActorScreen(resources)
        self._offices: dict[str, list[Office]] = {}
        for o in resources.offices:
            self._offices.setdefault(o.id, []).append(o)

    def __call__(self, doc: Document) -> Document:
        sent_starts = [s.nstart for s in doc.sentences]
        tok_starts = doc.token_starts
        units = [Unit(m, bisect_right(tok_starts, m.start) - 1, bisect_right(tok_starts, m.end - 1),
                       max(bisect_right(sent_starts, m.start) - 1, 0))
                 for m in doc.matches if m.terms[0].layer == "actor"]
        units = self.screen(doc, units)
        found: list[EntityMention] = []     # this stage's mentions, written once at the end
        #: the mentions that open on a sector word, and those of them whose country follows the
        #: word (وزير الخارجية المصري): a phrase complete in itself
        self._headed: set[int] = set()
        self._complete: set[int] = set()
        #: the mentions of a country's adjective standing alone (جانيين إثيوبيين، اليمنيين):
        #: people or things of that country, not where an office beside them is
        self._nisba_alone: set[int] = set()
        i = 0
        while i < len(units):
            i = self._resolve_at(doc, units, i, found)
        self._place_unattached(doc, found)
        doc.entities = self._merge_appositions(found)
        return doc

    def _merge_appositions(self, entities: list[EntityMention]) -> list[EntityMention]:
        """``رئيس الوزراء الزيمبابوي روبرت موغابي``: a title and the name right after it, with
        the same code and no و between, are one participant; the named entry's id is kept. Not
        an office and people (السلطات الإيرانية مواطنيها: its citizens are not its authorities)."""
        merged: list[EntityMention] = []
        for e in entities:
            prev = merged[-1] if merged else None
            if (prev is not None and prev.sentence == e.sentence and prev.tok_hi == e.tok_lo
                    and (prev.code, prev.country) == (e.code, e.country)
                    and not self.after_conjunction(e.prefix) and not self.dative(e.prefix)
                    and e.id not in self._sector_ids  # a name after a title, not a new noun
                    # دعا رئيس الوزراء اللبناني رئيس مجلس النواب: a verb's subject and object
                    # (a phrase with its own country is complete: محامي السفارة is one phrase)
                    and not (id(prev) in self._complete and id(e) in self._headed)
                    and not (e.sector == _CIVILIANS != prev.sector)
                    # وطالب الوزير تركيا: a definite word alone takes no genitive
                    and not self._definite_before_country(prev, e)
                    # ودعا أوباما أعضاء الكونغرس: a person's name is complete; what follows it
                    # is another party, unless it is the same person's name
                    and not (prev.id.startswith(_PERSON) and not e.id.startswith(_PERSON))):
                # (دعت السلطات الإيرانية مواطنيها: the citizens are the authorities' object)
                if prev.id in self._sector_ids and e.id not in self._sector_ids:
                    prev.id, prev.name = e.id, e.name
                prev.sector = prev.sector or e.sector
                prev.end, prev.tok_hi = e.end, e.tok_hi
                continue
            merged.append(e)
        return merged

    def _definite_before_country(self, prev: EntityMention, e: EntityMention) -> bool:
        """Whether ``e`` is a country named alone right after a definite word alone (وطالب
        الوزير تركيا بـ …): the country is the verb's next phrase, not the word's owner."""
        return prev.tok_hi - prev.tok_lo == 1 and self.definite(prev.prefix) \
            and e.id == e.code.lower() and not self.definite(e.prefix)

    def _place_unattached(self, doc: Document, entities: list[EntityMention]) -> None:
        """A sector word that named no country (اللاجئين، المتمردون) takes the country of the
        nearest country mention in its own clause (no comma or full stop between), as event
        data codes civilians, rebels and officials by where they are; not one of another clause
        or sentence (that is often another story: واعتقلت الشرطة …، فيما نفت روسيا …), nor the
        event's other side (شكر للسعودية). Those left are placed by the sentence's places or
        the article's country (placing.py). A country named only as a
        border (محافظة شيرناك الحدودية مع سوريا والعراق) or through a news outlet (تلقت وكالة
        الأنباء الألمانية نسخة منه) says nothing of where the sentence's people are."""
        countries: dict[int, list[tuple[EntityMention, str]]] = {}  # by sentence, in order
        bordering = False
        for e in entities:
            country = named_country(e)
            bordering = self._by_border(doc, e) or (bordering and self.after_and(e.prefix))
            if country and not bordering and e.sector != "MED":
                countries.setdefault(e.sentence, []).append((e, country))
        if not countries:
            return
        for e in entities:
            if e.code not in ("UNK", "NSA") or e.id not in self._sector_ids:
                continue
            near = [n for n in self._places_of(doc, e, countries.get(e.sentence) or [])
                    if self._same_clause(doc, n[0], e) and not self._other_party(doc, n[0])
                    and not self._outside_relative(doc, n[0], e)]
            if near:
                c, country = min(near, key=lambda n: abs(n[0].tok_lo - e.tok_lo))
                e.country = country
                e.code = e.code if e.code == "NSA" else country
                e.name = f"{e.name} ({c.name.split(' (')[0]})"

    def _same_clause(self, doc: Document, a: EntityMention, b: EntityMention) -> bool:
        """No clause break (a comma, a full stop, a bracket) between two mentions of a sentence."""
        lo, hi = (a, b) if a.tok_lo < b.tok_lo else (b, a)
        return not any(t in self.clause_breaks for t in doc.tokens[lo.tok_hi:hi.tok_lo])

    def _outside_relative(self, doc: Document, country: EntityMention, e: EntityMention) -> bool:
        """Whether a relative pronoun stands between a country before ``e`` and ``e``: the
        relative clause is a clause of its own (الكويت وقطر تدينان التفجير الذي استهدف مسجد قوات
        الطوارئ في أبها: not Kuwait's forces); one after ``e`` describes it (القوات التي تقودها
        فيتنام: Vietnam's)."""
        return country.tok_lo < e.tok_lo and not self.relatives.isdisjoint(
            doc.tokens[country.tok_hi:e.tok_lo])

    def _other_party(self, doc: Document, c: EntityMention) -> bool:
        """A country after a dative or a preposition other than a place's (شكر للسعودية، هجوم
        على تركيا، اتفاق مع إيران) is the event's other side, not where the sector word is; so
        is a country word describing a thing (ندد الوزير بالتدخل الإيراني، أدان الوزير الهجوم
        الإسرائيلي) other than an area (في الأراضي السورية); a nationality (في المدعو … باكستاني
        الجنسية) is that person's."""
        if self.dative(c.prefix):
            return True
        if c.tok_hi < len(doc.tokens) and doc.tokens[c.tok_hi] in self.nationality:
            return True     # باكستاني الجنسية: the nationality of the person it follows
        before = doc.tokens[c.tok_lo - 1] if c.tok_lo > 0 else ""
        if c.id == c.code.lower() and self.definite_word(before) and not self._area(before):
            return True     # بالتدخل الإيراني: whose the act is (area_nouns, actors.yaml)
        return before in self.prepositions and before not in self.place_links

    def _area(self, token: str) -> bool:
        """The token is a noun of an area or a place (الأراضي، بالعاصمة), its clitics aside."""
        return any(token.endswith(n) and len(token) - len(n) <= 4 for n in self.area_nouns)

    def _places_of(self, doc: Document, e: EntityMention, near: list[tuple[EntityMention, str]]
                   ) -> list[tuple[EntityMention, str]]:
        """The country mentions that can place ``e``: for people (civilians, the arrested), a
        country named as such, by a body they belong to or by an armed group's nisba, not the
        country of a state's force or office beside them (قتلت القوات التركية ستة أشخاص في
        أربيل: Turkey is the doer's, not where the six were); people left unplaced here are
        placed by the sentence's places (placing.py). Nor, for an office or a force, a country's
        adjective alone outside its own phrase (نفذت وزارة الداخلية حكم القتل في جانيين
        إثيوبيين: the ministry is not Ethiopia's; شرطة ولاية نيوجيرسي الأمريكية is America's)."""
        if e.kind != "people":
            return [n for n in near if id(n[0]) not in self._nisba_alone
                    or self._in_phrase(doc, e, n[0])]
        return [n for n in near if n[0].sector not in ARMED_SECTORS]

    def _in_phrase(self, doc: Document, e: EntityMention, n: EntityMention) -> bool:
        """``n`` ends ``e``'s genitive chain: at most two words after it, no preposition between
        (شرطة ولاية نيوجيرسي الأمريكية)."""
        between = doc.tokens[e.tok_hi:n.tok_lo]
        return 0 <= len(between) <= 2 and not any(t in self.prepositions for t in between)

    def _by_border(self, doc: Document, e: EntityMention) -> bool:
        return by_border(doc.tokens, e.tok_lo, self.border_words, self.prepositions,
                         self.without_conjunction)

    def _resolve_at(self, doc: Document, units: list[Unit], i: int, found: list[EntityMention]) -> int:
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) and units[i + 1].sentence == u.sentence else None
        sector = u.term("sector")
        if sector and not u.term("actor"):
            head = self._attach(doc, u, nxt)
            if head is not None:
                ent, used = head
                found.append(ent)
                self._headed.add(id(ent))
                self._complete.add(id(ent))
                return self._coordinated(doc, units, i + 1 + used, ent, found)
            found.append(self._sector_alone(doc, u, sector, found))
            self._headed.add(id(found[-1]))
            return i + 1
        found.append(self._standalone(u))
        if nationality_alone(u.match):
            self._nisba_alone.add(id(found[-1]))
        if u.term("nisba", "country", "actor"):
            return self._coordinated(doc, units, i + 1, found[-1], found)
        return i + 1

    def _attach(self, doc: Document, u: Unit, nxt: Unit | None) -> tuple[EntityMention, int] | None:
        """Sector word + the country/organization that follows it, if one does."""
        if nxt is None:
            return None
        gap = doc.tokens[u.tok_hi:nxt.tok_lo]
        sector_row = self.res.sectors[u.term("sector").ref]  # type: ignore[union-attr]
        nisba = nxt.term("nisba")
        # وطالب الوزير تركيا بـ …: a definite word takes no genitive nor an indefinite adjective,
        # so a country's name right after it is the verb's next phrase, not its owner (رئيس
        # تركيا, وزير خارجية تركيا, الوزير التركي are); but a name shaped as its own adjective
        # (السعودية) after one is that adjective (الشرطة السعودية، القوات السعودية)
        adjacent = not gap and not self.after_conjunction(nxt.match.prefix) \
            and not (self.dative(nxt.match.prefix) and nxt.term("country", "capital")) \
            and not (self.definite(u.match.prefix) and not self.definite(nxt.match.prefix)
                     and nxt.term("country", "capital") and not nxt.term("actor")
                     and not self.adjective_shaped(doc.tokens[nxt.tok_lo])) \
            and not self._next_party(doc, u, nxt, nisba)
        # قواتها من لبنان، جيشه في سوريا: a sector word with a pronoun is its owner's; a place
        # after it says where it is, not whose it is
        linked = len(gap) == 1 and gap[0] in self.place_links \
            and nxt.term("country", "capital", "actor") is not None \
            and u.match.suffix not in self.third_person
        # رئيس وزراء تركيا: one word between; not a complementizer (قال الرئيس إن تركيا …)
        one_word = (len(gap) == 1 and gap[0].isalpha() and gap[0] not in self.prepositions
                    and gap[0] not in self.res.grammar.complementizers and nisba is not None
                    and self._construct_or_adjective(doc, u, gap[0], nxt))
        if not (adjacent or linked or one_word):
            return None
        target = nisba if (adjacent or one_word) and nisba else None
        target = target or nxt.term("actor", "country", "capital", "people")
        if target is None:
            return None
        if target.kind == "actor":
            actor = self._as_on(self.res.actors[target.ref], doc.article.date)
            if actor.kind != "state" or sector_row.kind == "non_state_armed":
                # مقاتلو المقاومة الشعبية، ميليشيات الحشد: the fighters of a named body are it
                return self._entry(u, nxt, actor), 1
            code, name = actor.code, actor.name
        else:
            country = self.res.countries[target.ref]
            code, name = country.code, country.name
        sec = sector_row.sector
        return self._of_country(u, nxt, code, sec, f"{code.lower()}.{sec.lower()}",
                                f"{name} ({sector_row.name})", sector_row.kind), 1

    def _as_on(self, actor: Actor, day: date | None) -> Actor:
        """A person of the offices table as they stood on ``day`` (قوات علي عبدالله صالح in 2015:
        the forces of a side of the war, an armed group's); any other entry as it is."""
        held = office_on(self._offices.get(actor.id, ()), day) if day is not None else None
        return held.as_actor(actor.name, actor.names) if held is not None else actor

    def _next_party(self, doc: Document, u: Unit, nxt: Unit, nisba: Term | None) -> bool:
        """Whether a body's definite name right after a definite sector word is a phrase of its
        own (دعا الوزير المجتمع الدولي، التقى الوزير الاتحاد الأوروبي: the verb's object): a
        definite head takes no genitive, and only a name shaped as an adjective can describe it
        (الوزير التركي، المسلحون الحوثيون are one phrase)."""
        first = doc.tokens[nxt.tok_lo]
        return nisba is None and self.definite(u.match.prefix) and self.definite_word(first) \
            and not self.adjective_shaped(first) and nxt.term("actor") is not None

    def _construct_or_adjective(self, doc: Document, u: Unit, middle: str, nxt: Unit) -> bool:
        """Whether a nisba one word after a sector word can describe it: through a construct
        (وزير الخارجية الإيراني، رئيس الحكومة الإسرائيلية: the head takes no article; مسؤول
        بالخارجية الأمريكية: an office at a ministry) or an
        adjective that agrees with a definite head as the nisba does (القوات الجوية الإيرانية).
        Not the object of a verb between a bare title and its object (أدان الوزير التدخلات
        الإيرانية) nor a noun after a preposition (ندد الوزير بالتدخل الإيراني): those say whose
        the act was, not the title's country."""
        if not self.definite(u.match.prefix):
            return True     # a construct; a title's office (وزيرة الدولة بالداخلية الألمانية)
        if self.governed_noun(middle):
            return False
        text, endings = doc.norm.text, self.feminine_endings
        head = text[u.match.core_start:u.match.core_end]
        nisba = text[nxt.match.core_start:nxt.match.core_end]
        return head.endswith(endings) == middle.endswith(endings) == nisba.endswith(endings)

    def _coordinated(self, doc: Document, units: list[Unit], j: int, head: EntityMention,
                     found: list[EntityMention]) -> int:
        """``مسؤولون مجريون ورومانيون``: adjectives joined by و after a phrase share its sector."""
        while j < len(units):
            v = units[j]
            nisba = v.term("nisba")
            if (v.sentence != head.sentence or nisba is None or v.tok_lo != _last_tok(doc, head) + 1
                    or not self.after_and(v.match.prefix) or v.term("actor")):
                return j
            country = self.res.countries[nisba.ref]
            sec = head.sector
            ident = f"{country.code.lower()}.{sec.lower()}" if sec else country.code.lower()
            found.append(self._of_country(v, v, country.code, sec, ident, country.name, head.kind))
            head = found[-1]
            j += 1
        return j

    def _sector_alone(self, doc: Document, u: Unit, term: Term,
                      found: list[EntityMention]) -> EntityMention:
        row = self.res.sectors[term.ref]
        core = doc.norm.text[u.match.core_start:u.match.core_end]
        if core in self.counterparts:
            # نظيره is the other side's official: neither its antecedent nor the context country
            return self._mention(u, u, "UNK", row.sector, f"{row.id}.counterpart", row.name, row.kind)
        owner = self._antecedent(found, u) if u.match.suffix in self.third_person else None
        if owner is not None:
            # قواتها، حكومته: the pronoun points back to the last named actor
            ident, name = f"{owner.code.lower()}.{row.sector.lower()}", f"{owner.name} ({row.name})"
            if row.kind == "non_state_armed" or owner.code == "NSA":   # مسلحوها، قواتهم of a group
                return self._mention(u, u, "NSA", row.sector, ident, name, "non_state_armed",
                                     owner.country)
            return self._mention(u, u, owner.code, row.sector, ident, name, owner.kind)
        return self._mention(u, u, row.code, row.sector, row.id, row.name, row.kind)

    @staticmethod
    def _antecedent(found: list[EntityMention], u: Unit) -> EntityMention | None:
        for e in reversed(found):
            if e.sentence < u.sentence - 1:
                return None
            if e.code not in ("UNK",) and e.kind in ("state", "igo", "non_state_armed"):
                return e
        return None

    def _standalone(self, u: Unit) -> EntityMention:
        actor = u.term("actor")
        if actor:
            return self._entry(u, u, self.res.actors[actor.ref])
        term = u.term("country", "capital", "nisba", "people")
        assert term is not None
        c = self.res.countries[term.ref]
        if term.kind == "capital":
            return self._mention(u, u, c.code, "GOV", f"{c.code.lower()}.gov", f"{c.name} (government)", "state")
        kind = "people" if term.kind == "people" else "state"
        return self._mention(u, u, c.code, None, c.code.lower(), c.name, kind)

    def _entry(self, first: Unit, last: Unit, a: Actor) -> EntityMention:
        """A dictionary entry (its code and country: ``actor_code``)."""
        code, country = actor_code(a)
        return self._mention(first, last, code, a.sector, a.id, a.name, a.kind, country)

    def _of_country(self, first: Unit, last: Unit, code: str, sector: str | None, ident: str,
                    name: str, kind: str) -> EntityMention:
        """A sector of the country ``code``: the state's own (``القوات التركية``), or, for an
        armed sector word (kind ``non_state_armed``: مسلحون سوريون), an armed group of it."""
        if kind == "non_state_armed":
            return self._mention(first, last, "NSA", sector, ident, name, kind, code)
        return self._mention(first, last, code, sector, ident, name, "state")

    @staticmethod
    def _mention(first: Unit, last: Unit, code: str, sector: str | None, ident: str,
                 name: str, kind: str, home: str | None = None) -> EntityMention:
        """``home`` is an armed group's home state; any other entity's country is its code's."""
        country = (home or None) if code == "NSA" else state_country(code)
        return EntityMention(first.match.start, last.match.end, first.tok_lo, last.tok_hi,
                             first.sentence, first.match.prefix, code, sector, ident, name, kind,
                             country)


def by_border(tokens: list[str], lo: int, border_words: frozenset[str],
              prepositions: Container[str], bare: Callable[[str], str]) -> bool:
    """الحدود مع سوريا، الحدودية مع العراق، المتاخمة لإسرائيل: whether the word at ``lo`` names
    a border (a border word right before it, or with a preposition between)."""
    if lo > 0 and bare(tokens[lo - 1]) in border_words:
        return True
    return lo > 1 and tokens[lo - 1] in prepositions and bare(tokens[lo - 2]) in border_words


def nationality_alone(m: Match) -> bool:
    """Whether a match is a country's adjective and nothing else (اليمنيين، جانيين إثيوبيين،
    متسلل يمني، الجامعات الأمريكية): standing alone, it names people or things of that country,
    not the country itself (on the training annotations its feminine forms mislead as often as
    its forms of people, so every form counts)."""
    return any(t.kind == "nisba" for t in m.terms) \
        and not any(t.kind in _NOT_NATIONALITY for t in m.terms)


def _last_tok(doc: Document, ent: EntityMention) -> int:
    return ent.tok_hi - 1


def actor_code(a: Actor) -> tuple[str, str | None]:
    """A dictionary entry's code and country: an armed group is NSA even where a user's lexicon
    lists it under its country's code (as CAMEO does), which is then its home."""
    if a.kind == "non_state_armed":
        return "NSA", a.country or state_country(a.code)
    return a.code, a.country
