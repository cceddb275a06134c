"""Noun phrases around a trigger: what governs a phrase, compounds joined by و, the subject
before a verb, the phrase a verb's act is aimed at, the agent of a passive, the two sides after
بين. The clause-level rules that use them are in ``roles.py``; the words they read are the
language's ``roles`` and ``function_words`` tables."""

from __future__ import annotations

from typing import Any

from marsad.annotate.needed import COMMA
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, TriggerMention
from marsad.events.lead_in import fight_lead_in
from marsad.lang import Language
from marsad.resources import Grammar, Resources, language_of
from marsad.resources.tables import EventFamily

#: the id of a person named without an office the dictionary knows
PERSON = "person"


class PhraseReader:
    """The phrase rules, and every word the role rules read, normalized like the text."""

    def __init__(self, resources: Resources):
        self.res = resources
        lang = language_of(resources)
        self.lang: Language = lang
        self.g: Grammar = resources.grammar
        self._bare = lang.without_conjunction
        self._fused_preposition = lang.syntax.preposition_proclitic
        self._read_words(lang, lang.table("roles"))
        self._read_agreement(lang, lang.table("roles"))
        roles, norm = lang.table("roles"), lang.normalize_term     # اتهم X بـ … (verb_subject.py)
        self._charging, self._charge = frozenset(norm(f) for v in roles["charging_verbs"] for f in sum(
            lang.morphology.verb_phrase_forms(v), [])), norm(roles["charge_preposition"])
        coordinators = tuple(lang.normalize_term(w)
                             for w in lang.table("function_words")["coordinators"])
        #: the first letters of a name joined to the one before it (وقطر)
        self._coordinators = coordinators
        #: the words between two names of one compound participant (X و Y, X، Y)
        self._joiners = [[c] for c in coordinators] + [[COMMA]]
        #: each family's recipient markers, normalized like the text (على → علي)
        self._recipient_markers = {
            f.recipient: frozenset(m if m == "obj" else lang.normalize_term(m)
                                   for m in (f.recipient or ("obj",)))
            for f in resources.families}
        vocab = resources.vocabulary
        # how a type's act is directed when the lexicon's recipient markers miss: towards a
        # partner or against an opponent (plover.yaml), and the prepositions of each (roles)
        self._directed = {t: self._directed_prepositions[polarity]
                          for polarity in ("towards", "against") for t in vocab.directed(polarity)}
        #: every form of every country's adjective of origin (الأميركي، الإسرائيلية)
        forms = lang.morphology.nisba_forms
        self._nisbas = frozenset(lang.normalize_term(a + f) for c in resources.countries
                                 for n in c.nisbas for f in forms(n) for a in ("", self._article))
        #: per document: the tokens inside an entity, inside a trigger
        self._in_entity: set[int] = set()
        self._in_trigger: set[int] = set()
        self._verb_words: set[int] = set()     # عبّر X عن …: a verb, not the preposition عبر
        #: per document: the entity that ends right before each token
        self._entity_ending: dict[int, EntityMention] = {}
        #: per document: the tokens right after a place's name
        self._place_ends: set[int] = set()

    def _read_words(self, lang: Language, table: dict[str, Any]) -> None:
        """The role rules' words (``roles`` table of the language), normalized like the text."""
        norm = lang.normalize_term

        def words(name: str) -> frozenset[str]:
            return frozenset(norm(w) for w in table[name])

        self._preposition_clitics = {norm(k): norm(v)
                                     for k, v in table["preposition_clitics"].items()}
        directed = {polarity: frozenset(norm(w) for w in ws)
                    for polarity, ws in table["directed_prepositions"].items()}
        self._directed_any = directed["any"]
        self._directed_prepositions = directed
        self._not_prepositional = words("not_prepositional")
        self._relatives = words("relative_pronouns")
        self._belonging, self._possessive = words("belonging"), norm(table["possessive_preposition"])
        self._partitive_heads = words("partitive_heads")
        self._partitive_preposition = norm(table["partitive_preposition"])
        self._link_words = words("link_words")
        self._pronoun_complementizers = words("pronoun_complementizers")
        #: characters that open a quotation (not tokens: the tokenizer drops them)
        self._quote_openers = frozenset(table["quote_openers"])
        self._origin = norm(table["origin_preposition"])
        self._agent_phrase = tuple(norm(table["agent_phrase"]).split())
        self._source_words_with_lam = words("source_words_with_lam")
        self._lam_prefixes = words("lam_prefixes")
        self._source_relative = norm(table["source_relative"])
        self._reciprocal, self._between = words("reciprocal"), norm(table["between"])
        self._between_fillers, self._fight_lead_words = words("between_fillers"), words("fight_lead_words")
        self._after_passive_subject = words("after_passive_subject")
        self._adverbial_after_genitive = words("adverbial_after_genitive")
        self._clause_verbs = lang.syntax.with_conjunction(words("clause_verbs"))
        self._article = norm(table["definite_article"])
        self._cause_prepositions = words("cause_prepositions")
        self._passive_prone = frozenset(table["passive_prone_types"])
        self._reported_outcomes = words("reported_outcomes")
        self._reporting_sources = words("reporting_sources")
        self._circumstantial = words("circumstantial")
        self._blessings, self._blessing_marks = words("blessings"), words("blessing_marks")
        self._border_words = words("border_words")
        self._receiving_verbs = words("receiving_verbs")
        self._styles = frozenset(tuple(norm(w).split()) for w in table["styles_of_address"])
        self._pronoun_heads = words("pronoun_heads")
        self._governed_after_comma = words("governed_after_comma")
        self._place_prepositions = words("place_prepositions")
        self._side_places = self._place_prepositions | self._between_fillers   # من الموصل
        self._no_place_recipient = frozenset(table["no_place_recipient"])
        self._count_qualifiers = words("count_qualifiers")
        #: how many words a counted genitive's count may take (أكثر من 20 من عناصر)
        self._count_reach = int(table["count_reach"])

    def _read_agreement(self, lang: Language, table: dict[str, Any]) -> None:
        """The words of gender agreement (``_feminine``), normalized like the text."""
        norm = lang.normalize_term
        self._masculine_in_feminine_form = frozenset(
            norm(w) for w in table["masculine_in_feminine_form"])
        self._feminine_plurals = frozenset(norm(w) for w in table["feminine_plurals"])
        #: as written: the folded text writes ة like the pronoun ه
        self._written_feminine_endings = tuple(lang.table("actors")["feminine_endings"])

    def _reporting_source(self, doc: Document, e: EntityMention) -> bool:
        """Whether ``e`` names who reports rather than who acts: a news outlet, a monitoring
        NGO, a phrase headed by مصدر / مصادر / المرصد."""
        if e.sector == "MED" or e.kind == "ngo":
            return True
        head = self._bare(doc.tokens[e.tok_lo])
        return head in self._reporting_sources or (
            head.startswith(self._article) and head[len(self._article):] in self._reporting_sources)

    def _feminine(self, doc: Document, e: EntityMention) -> bool:
        """Whether ``e`` is a feminine phrase by its head's ending (الحكومة، السلطات، منظمة)
        or a plural of bodies (الدول، الفصائل): not a person's name (أسامة) nor a masculine
        plural with that ending (القادة)."""
        if e.id == PERSON or e.id.startswith(PERSON + "."):
            return False
        return self.feminine_word(doc, e.tok_lo)

    def feminine_word(self, doc: Document, i: int) -> bool:
        """Whether the noun at token ``i`` is feminine by its ending as written (the folded
        text writes ة like the pronoun ه of عليه) or is a plural of bodies (above)."""
        head = self._bare(doc.tokens[i])
        if head.startswith(self._article):
            head = head[len(self._article):]
        lo, hi = doc.norm.span_to_original(doc.token_starts[i], doc.token_ends[i])
        return head in self._feminine_plurals or (
            doc.text[lo:hi].endswith(self._written_feminine_endings)
            and head not in self._masculine_in_feminine_form)

    def _indefinite(self, doc: Document, t: TriggerMention, e: EntityMention) -> bool:
        """Whether the phrase after a verb begins without the article and is not a name: news
        writes the killed indefinite (قتل صحافي عراقي، قتلت سيدة) and the killers definite or
        named (قتلت القوات الأفغانية، قتل داعش)."""
        head = next((i for i in range(t.tok_hi, e.tok_lo + 1)
                     if self._bare(doc.tokens[i]) not in self._after_passive_subject), e.tok_lo)
        if head == e.tok_lo and "." not in e.id and (e.sector is None
                                                      or e.kind == "non_state_armed"):
            return False    # a country or a group by its name
        return not self._bare(doc.tokens[head]).startswith(self._article)

    def _between_sides(self, doc: Document, t: TriggerMention,
                       after: list[EntityMention]) -> list[EntityMention]:
        """The phrases after بين right behind the trigger (an adjective or a place may come between:
        ``fight_lead_in``), joined by و across من جهة … من جهة أخرى or the first side's place (من الموصل)."""
        tokens = doc.tokens
        first = next((k for k, e in enumerate(after) if tokens[e.tok_lo - 1] == self._between
                      and fight_lead_in(doc, t.tok_hi, e.tok_lo - 1, self._bare,
                                        self._place_prepositions, self._fight_lead_words)), None)
        if first is None:
            return []
        sides = self._chain_from(doc, after, first)
        for e in after[first + len(sides):]:
            # a comma before the second side is no break (بين القوات التركية، وعناصر الحزب)
            gap = [w for w in tokens[sides[-1].tok_hi:e.tok_lo] if w != COMMA]
            if len(gap) > 4 or not (all(self._bare(w) in self._between_fillers for w in gap) or fight_lead_in(
                    doc, sides[-1].tok_hi, e.tok_lo, self._bare, self._side_places)) \
                    or not (e.prefix.startswith(self._coordinators)
                            or (gap and gap[-1] in self._coordinators)):
                break
            sides.append(e)
        return sides if len(sides) > 1 else []

    def _aimed_place(self, doc: Document, after: list[EntityMention],
                     actor: list[EntityMention]) -> list[EntityMention]:
        """هدد بفرض حظر التجول في الجزائر العاصمة: the country or city after في in the clause."""
        for e in after:
            if e.kind == "state" and e.sector in (None, "GOV") and e not in actor \
                    and self._governor(doc, e) in self._place_prepositions:
                return [e]
        return []

    def _nisba_after(self, doc: Document, t: TriggerMention,
                     after: list[EntityMention]) -> list[EntityMention]:
        """الغزو الأميركي، الغارات الإسرائيلية: a country's adjective right after the act is
        whose act it is; not a group of people (محاكمة روسيين: an act is never their adjective)."""
        first, people = (after[0] if after else None), self.lang.quantity_words
        if first is None or first.tok_lo != t.tok_hi or first.tok_hi - first.tok_lo != 1 \
                or self._bare(doc.tokens[first.tok_lo]) not in self._nisbas \
                or people and people.looks_like_nisba_plural(doc.tokens[first.tok_lo]):
            return []
        return [first]

    def _lam_genitive(self, doc: Document, t: TriggerMention,
                      after: list[EntityMention]) -> list[EntityMention]:
        """هجوم لداعش، هجوم مسلح لمسلحين: ل + a phrase right after the act (one adjective may
        come between) is whose act it is."""
        for k, e in enumerate(after):
            if e.tok_lo - t.tok_hi > 1:
                break
            if self._preposition_clitics.get(e.prefix) == self._possessive:
                return self._chain_from(doc, after, k)
        return []

    def _origin_phrase(self, doc: Document, start: int,
                       after: list[EntityMention]) -> list[EntityMention]:
        """من + a phrase within two words of ``start`` (قصف مدفعي من قوات النظام), an honorific
        or a style of address between them (اتصالا هاتفيا اليوم من جلالة الملك حمد)."""
        for k, e in enumerate(after):
            if e.tok_lo - start > 3:
                break
            lo = e.tok_lo - next((len(s) for s in self._styles
                                  if tuple(doc.tokens[e.tok_lo - len(s):e.tok_lo]) == s), 0)
            if lo > 0 and doc.tokens[lo - 1] == self._origin \
                    and not (lo > 1 and self._is_partitive(doc.tokens[lo - 2])):
                return self._chain_from(doc, after, k)
        return []

    def _governed_next(self, token: str) -> bool:
        """توعد الرئيس، بسحق …: a comma before a governed phrase does not end the clause."""
        return token in self._governed_after_comma or (
            self._fused_preposition(token, True) is not None
            and token not in self._not_prepositional)

    def _governor(self, doc: Document, e: EntityMention) -> str | None:
        """The preposition governing a phrase: a separate word before it or a proclitic."""
        lo = e.tok_lo
        tokens = doc.tokens
        prev = tokens[lo - 1] if lo > 0 else ""
        clitic = self._preposition_clitics.get(e.prefix)
        if clitic:
            # قافلة تابعة للأمم المتحدة: the owner stands for what belongs to it
            return None if clitic == self._possessive and prev in self._belonging else clitic
        if lo == 0:
            return None
        conjunct = self._entity_ending.get(lo)
        if conjunct is not None and e.prefix.startswith(self._coordinators):
            return self._governor(doc, conjunct)    # مع سوريا والعراق: both after مع
        counted = self._counted_governor(doc, e)
        if counted is not None:
            return counted
        if prev == self._partitive_preposition and lo > 1 and self._is_partitive(tokens[lo - 2]):
            return None  # عناصر من تنظيم داعش، 168 من الليبيريين: the members are the group
        prepositions = self.g.prepositions
        head = self._preposition(prev)
        if head is not None and (lo - 1) not in self._verb_words:
            return head     # وفي العراق نفذت …: after و/ف as alone
        fused = self._fused_preposition(prev, False)
        if fused and (lo - 1) not in self._in_entity and prev not in self._not_prepositional \
                and (lo - 1) not in self._in_trigger:
            # أشاد بجهود قطر، لصالح إيران: the head noun carries the preposition; an event word
            # carries its own (ندد بهجمات المستوطنين: the settlers are the attacks' genitive)
            return fused
        agent = self._agent_phrase
        if prev == agent[-1] and lo >= len(agent) and tuple(tokens[lo - len(agent):lo]) == agent:
            return " ".join(agent)
        # في جزيرة قبرص، ضد زعيم الحركة محمود عباس: a preposition, one or two head nouns, the name;
        # not after a place's name, which closes the phrase (في محافظة البيضاء المتمردين)
        first, of = doc.sentences[e.sentence].tok_lo, self._partitive_preposition
        if lo in self._place_ends:
            return None
        for k in (2, 3):
            heads, at = tokens[lo - k + 1:lo], lo - k   # not خمسة من عناصر داعش: a count
            a_count = tokens[at] == of and at > first and self._is_partitive(tokens[at - 1])
            if lo - k >= first and tokens[lo - k] in prepositions and not a_count and all(
                    w.isalpha() and w[:1] not in self._preposition_clitics
                    and w not in self._pronoun_heads and w not in prepositions for w in heads) \
                    and all(i not in self._in_entity and i not in self._in_trigger
                            for i in range(lo - k + 1, lo)):
                return tokens[lo - k]
        return None

    def _preposition(self, token: str) -> str | None:
        """The preposition ``token`` is, alone or after و/ف (في، وفي، فمن), else None."""
        bare = token if token in self.g.prepositions else self._bare(token)
        return bare if bare in self.g.prepositions else None

    def _counted_governor(self, doc: Document, e: EntityMention) -> str | None:
        """القبض على 18 من قيادات الجماعة، حكم على 300 من مؤيدي الجماعة، اعتقال ضد 175 عنصرا من
        مقاتليها: the preposition before a count (one or two words: a number and its counted
        noun, then من, and at most one head noun) governs the group counted."""
        tokens, lo = doc.tokens, e.tok_lo
        first = doc.sentences[e.sentence].tok_lo
        for k in (3, 4, 5):
            i = lo - k
            if i < first or tokens[i] not in self.g.prepositions or i in self._in_trigger \
                    or not self._is_partitive(tokens[i + 1]):
                continue
            of = i + 3 if self._is_partitive(tokens[i + 2]) else i + 2
            if of >= lo or tokens[of] != self._partitive_preposition:
                continue
            heads = range(of + 1, lo)
            if all(tokens[j].isalpha() and tokens[j] not in self.g.prepositions
                   and j not in self._in_entity and j not in self._in_trigger for j in heads):
                return tokens[i]
        return None

    def _first_chain(self, doc: Document, ents: list[EntityMention], bare: bool,
                     max_gap: int | None = None, start: int | None = None) -> list[EntityMention]:
        for k, e in enumerate(ents):
            if max_gap is not None and start is not None and e.tok_lo - start > max_gap:
                return []
            if bare and self._governor(doc, e):
                continue
            return self._chain_from(doc, ents, k)
        return []

    def _chain_from(self, doc: Document, ents: list[EntityMention], k: int) -> list[EntityMention]:
        """``X و Y``, ``X وY``, ``X، Y و Z``: a compound participant."""
        chain = [ents[k]]
        for e in ents[k + 1:]:
            gap = doc.tokens[chain[-1].tok_hi:e.tok_lo]
            joined = (not gap and e.prefix.startswith(self._coordinators)) or self._joins(gap)
            if not joined:
                break
            chain.append(e)
        return chain

    def _joins(self, gap: list[str]) -> bool:
        """Whether the words between two phrases join them into one compound: و, a comma, or و
        on a partitive head, a comma before it or من after it (الجيش، وعناصر من تنظيم داعش)."""
        if gap in self._joiners:
            return True
        head = gap[1:] if gap[:1] == [COMMA] else gap
        head = head[:-1] if head[-1:] == [self._partitive_preposition] else head
        return len(head) == 1 and self._bare(head[0]) != head[0] \
            and self._bare(head[0]) in self._partitive_heads

    def _subject_before(self, doc: Document, before: list[EntityMention], t: TriggerMention | None,
                        near: bool = False, end: int | None = None) -> list[EntityMention]:
        """The nearest bare phrase before the trigger, taken with the compound it closes."""
        bare = [e for e in before if not self._governor(doc, e)]
        if not bare:
            return []
        last = bare[-1]
        limit = end if end is not None else (t.tok_lo if t else last.tok_hi)
        if near and limit - last.tok_hi - self._blessing_tokens(doc, last.tok_hi, limit) > 4:
            return []
        idx = before.index(last)
        start = idx
        while start > 0:
            prev = before[start - 1]
            gap = doc.tokens[prev.tok_hi:before[start].tok_lo]
            if (not gap and before[start].prefix.startswith(self._coordinators)) \
                    or self._joins(gap):
                start -= 1
            else:
                break
        return before[start:idx + 1]

    def _blessing_tokens(self, doc: Document, lo: int, hi: int) -> int:
        """How many of tokens [lo, hi) are a blessing (- حفظه الله -): its words, and the marks
        next to them that set it off; they stand outside the clause."""
        tokens, words = doc.tokens, self._blessings
        if not words.intersection(tokens[lo:hi]):
            return 0
        return sum(tok in words or (tok in self._blessing_marks and (
            tokens[i - 1] in words or (i + 1 < len(tokens) and tokens[i + 1] in words)))
            for i, tok in enumerate(tokens[lo:hi], lo))

    def _marked(self, doc: Document, ents: list[EntityMention], fam: EventFamily,
                allow_obj: bool = True, after_tok: int | None = None) -> list[EntityMention]:
        markers = self._recipient_markers[fam.recipient]
        possessive = self._possessive
        ents = [e for e in ents if self._object_position(doc, e, e.tok_lo - 2)
                and not self._by_border(doc, e)]
        for k, e in enumerate(ents):
            gov = self._governor(doc, e)
            if gov is None and "obj" in markers and allow_obj:
                return self._chain_from(doc, ents, k)
            if gov == self._origin and "obj" in markers and allow_obj and after_tok is not None \
                    and after_tok <= e.tok_lo - 2 <= after_tok + 1 \
                    and not self._in_entity.intersection(range(after_tok, e.tok_lo)):
                return self._chain_from(doc, ents, k)   # استقبل بعثة مراقبين من المنظمة
            if gov is not None and gov in markers:
                return self._chain_from(doc, ents, k)
            if (gov is None or gov == possessive) and e.tok_lo > 1 \
                    and doc.tokens[e.tok_lo - 2] in markers:
                return self._chain_from(doc, ents, k)  # على مواقع لحزب العمال
            if "obj" in markers and allow_obj and self._owner(doc, e, gov):
                return self._chain_from(doc, ents, k)  # قصفت مواقعَ لتنظيم داعش: the owner

        # The lexicon's markers missed: a phrase the act is directed at, by the act's polarity
        directed = self._directed.get(fam.type, self._directed_any)
        for k, e in enumerate(ents):
            if self._governor(doc, e) in directed:
                return self._chain_from(doc, ents, k)
        return []

    def _owner(self, doc: Document, e: EntityMention, gov: str | None) -> bool:
        """قصفت مواقعَ لتنظيم داعش، مواقع لعناصر داعش: ``e`` owns the bare noun right before
        it (through ل, or through ل + a partitive head: لعناصر، لمسلحي)."""
        lo = e.tok_lo
        if gov != self._possessive:
            return False
        head = doc.tokens[lo - 1] if lo > 0 else ""
        if self._fused_preposition(head, True) == self._possessive \
                and self._is_partitive(head[1:]) and (lo - 1) not in self._in_entity:
            lo -= 1         # لعناصر داعش: the members stand for the group
        return lo > 1 and (lo - 1) not in self._in_entity \
            and doc.tokens[lo - 1] not in self.g.prepositions \
            and doc.tokens[lo - 2] not in self.g.prepositions \
            and self._governor_of_token(doc, lo - 1) is None

    def _by_border(self, doc: Document, e: EntityMention) -> bool:
        """الحدود مع سوريا، الحدود السورية، المتاخمة لإسرائيل: a country naming where."""
        tokens, lo = doc.tokens, e.tok_lo
        prev = self._bare(tokens[lo - 1]) if lo > 0 else ""
        if prev in self._border_words:
            return True
        return lo > 1 and tokens[lo - 1] in self.g.prepositions \
            and self._bare(tokens[lo - 2]) in self._border_words

    def _governor_of_token(self, doc: Document, i: int) -> str | None:
        """Whether token i itself sits in a prepositional phrase (في مواقع …)."""
        tok = doc.tokens[i]
        fused = self._fused_preposition(tok, True)
        if fused and tok not in self._not_prepositional:
            return fused
        return doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1] in self.g.prepositions else None

    def _object_position(self, doc: Document, e: EntityMention, after_tok: int | None) -> bool:
        """A bare phrase is not the object when a link word ties it to an actor before it
        (شبكة القاعدة بزعامة بن لادن, قوات حفظ السلام التابعة للأمم المتحدة)."""
        if after_tok is None:
            return True
        for i in range(max(after_tok, e.tok_lo - 2), e.tok_lo):
            if doc.tokens[i] in self._link_words and i > 0 and (i - 1) in self._in_entity:
                return False
        return True

    def _agent(self, doc: Document, t: TriggerMention,
               after: list[EntityMention]) -> list[EntityMention]:
        """The agent of a passive: the phrase after من قبل / على يد (تم اعتقال X من قبل Y)."""
        for k, e in enumerate(after):
            lo = e.tok_lo
            window = tuple(doc.tokens[max(0, lo - 2):lo])
            if any(window[-len(p):] == p for p in self.g.agent_markers if len(window) >= len(p)):
                return self._chain_from(doc, after, k)
        return []

    def _counted_genitive(self, doc: Document, start: int, ents: list[EntityMention],
                          also: frozenset[str] = frozenset()) -> list[EntityMention]:
        """مقتل 20 من عناصر داعش، إصابة عدد من رجال الأمن، اعتقال أكثر من 300 من أنصار الجماعة:
        a count (a number or a partitive head, with its qualifiers and من) between an event
        noun and a phrase makes the phrase the noun's genitive. Words in ``also`` may come
        first (مقتل وإصابة عدد من …: a second noun of suffering shares the genitive)."""
        tokens = doc.tokens
        i = start
        while i < len(tokens) and self._bare(tokens[i]) in also and tokens[i] != self._bare(tokens[i]):
            i += 1
        counted = head = False
        for j in range(i, min(len(tokens), i + self._count_reach + 2)):
            e = next((x for x in ents if x.tok_lo == j), None)
            if e is not None:
                return self._chain_from(doc, ents, ents.index(e)) if counted else []
            tok = tokens[j]
            if j in self._in_entity or j in self._in_trigger or head:
                return []
            if self._is_partitive(tok):
                counted = True
            elif counted and tok.isalpha() and tok not in self.g.prepositions:
                head = True     # 15 قرويا سوريا: the counted noun, then its adjective of origin
            elif tok != self._partitive_preposition and tok not in self._count_qualifiers:
                return []
        return []

    def _is_partitive(self, token: str) -> bool:
        """20، عناصر، عشرات، and with the article (العشرات من المدنيين، المئات من الأكاديميين)."""
        art = self._article
        return token.isdigit() or token in self._partitive_heads or (
            token.startswith(art) and token[len(art):] in self._partitive_heads)

    def sentence_subject(self, doc: Document, mentions: list[EventMention],
                         ents: list[EntityMention], fallback: list[EntityMention]
                         ) -> list[EntityMention]:
        """The first actor coded in a sentence (``mentions``: the sentence's event mentions,
        ``ents``: its phrases), else its first bare phrase."""
        # not an implied one (no words name it: شهدت البصرة مظاهرات)
        # nor the party an act noun names after it (عقب لقائه وفدا: the one met, not the subject)
        actor = next((m.actor for m in mentions if m.actor and m.actor[0].end > m.actor[0].start
                      and not (m.trigger.tense == "noun" and m.actor[0].tok_lo >= m.trigger.tok_hi)),
                     None) if ents else None
        if actor:
            return actor
        bare = [e for e in ents if not self._governor(doc, e)]
        return self._chain_from(doc, bare, 0) if bare else fallback
