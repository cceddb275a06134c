"""Pipeline stage: who did it and to whom, from Arabic clause structure.

For each trigger the clause around it is read:

* active verb: a subject before the verb (SVO) or the first bare noun phrase after it (VSO) is
  the actor; the recipient is the next phrase introduced the way the verb governs it (a direct
  object, or على / ضد / مع / إلى / ب / ل …);
* passive verb or ``تم`` + verbal noun: the phrase after it is the recipient, the actor is the
  one after ``من قبل`` / ``على يد`` if any;
* noun: the genitive after it is the actor or recipient as the lexicon says (هجوم X / اعتقال X),
  and the subject of the clause is the actor;
* reported speech (``X قال إن Y هاجم Z``): the embedded clause is read on its own, X is kept as
  the attribution; when the embedded clause has no subject (``قال X إنه هاجم``), X is the actor;
* a verb with no subject anywhere takes the subject of the previous sentence.

Phrases joined by و are one compound participant (PLOVER's convention).
"""

from __future__ import annotations

from typing import Any

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, Sentence, TriggerMention
from marsad.lang import Language
from marsad.resources import Resources
from marsad.resources.tables import EventFamily

_COMMA = ","


class RoleAssigner:
    def __init__(self, resources: Resources):
        self.res = resources
        lang = _language(resources)
        g = self.g = resources.grammar
        self._bare = lang.without_conjunction
        self._fused_preposition = lang.syntax.preposition_proclitic
        self._clause_breaks = lang.clause_breaks
        self._read_words(lang, lang.table("roles"))
        coordinators = tuple(lang.normalize_term(w)
                             for w in lang.table("function_words")["coordinators"])
        #: the first letters of a name joined to the one before it (وقطر)
        self._coordinators = coordinators
        #: the words between two names of one compound participant (X و Y, X، Y)
        self._joiners = [[c] for c in coordinators] + [[_COMMA]]
        #: each family's recipient markers, normalized like the text (على → علي)
        self._recipient_markers = {
            f.recipient: frozenset(m if m == "obj" else lang.normalize_term(m)
                                   for m in (f.recipient or ("obj",)))
            for f in resources.families}
        self.openers = {p for p in g.clause_openers if len(p) == 1}
        #: type → the prepositions a phrase it is directed at follows (plover.yaml: directed)
        vocab = resources.vocabulary
        # how a type's act is directed when the lexicon's recipient markers miss: towards a
        # partner or against an opponent (plover.yaml), and the prepositions of each (roles)
        self._directed = {t: self._directed_prepositions[polarity]
                          for polarity in ("towards", "against") for t in vocab.directed(polarity)}
        # first words of source phrases and speech verbs: a cheap gate before the phrase checks
        self._source_heads = frozenset(p[0] for p in g.source_phrases)
        self._source_cues = lang.syntax.with_conjunction(
            self._source_heads | g.speech | self._source_words_with_lam)
        # Tokens that can end a clause looking left from a trigger (a complementizer, a clause
        # opener, punctuation but the comma), with or without و/ف: every other token is passed
        # over without the detailed checks of _clause_start.
        opener_words = frozenset(p[0] for p in self.openers)
        self._left_stops = (lang.syntax.with_conjunction(g.complementizers | opener_words)
                            | (self._clause_breaks - {_COMMA}))
        self._right_stops = self._clause_breaks | g.complementizers | opener_words

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
        self._belonging = words("belonging")
        self._possessive = norm(table["possessive_preposition"])
        self._partitive_heads = words("partitive_heads")
        self._partitive_preposition = norm(table["partitive_preposition"])
        self._link_words = words("link_words")
        self._pronoun_complementizers = words("pronoun_complementizers")
        self._origin = norm(table["origin_preposition"])
        self._agent_phrase = tuple(norm(table["agent_phrase"]).split())
        self._source_words_with_lam = words("source_words_with_lam")
        self._lam_prefixes = words("lam_prefixes")
        self._source_relative = norm(table["source_relative"])

    def __call__(self, doc: Document) -> Document:
        self._in_entity = in_entity = set[int]()
        for e in doc.entities:
            in_entity.update(range(e.tok_lo, e.tok_hi))
        by_sentence: dict[int, list[EntityMention]] = {}
        for e in doc.entities:
            by_sentence.setdefault(e.sentence, []).append(e)
        mentions = list(doc.mentions)
        # the mentions of each sentence: a trigger reads its own sentence's and the one before
        in_sentence: dict[int, list[EventMention]] = {}
        for m in mentions:
            in_sentence.setdefault(m.trigger.sentence, []).append(m)
        subjects: dict[int, list[EntityMention]] = {}
        for t in doc.triggers:
            if t.sentence not in subjects:
                subjects[t.sentence] = self._sentence_subject(
                    doc, in_sentence.get(t.sentence - 1, []), by_sentence.get(t.sentence - 1, []),
                    [])
            ents = by_sentence.get(t.sentence, [])
            siblings = in_sentence.setdefault(t.sentence, [])
            m = self._assign(doc, siblings, t, ents, subjects[t.sentence])
            mentions.append(m)
            siblings.append(m)
        doc.mentions = mentions
        return doc

    # -- one trigger ---------------------------------------------------------------------
    def _assign(self, doc: Document, siblings: list[EventMention], t: TriggerMention,
                ents: list[EntityMention], previous: list[EntityMention]) -> EventMention:
        fam = self.res.families[t.family]
        sent = doc.sentences[t.sentence]
        left_edge, reporter, pronoun_subject = self._clause_start(doc, sent, t, ents)
        right_edge = self._clause_end(doc, sent, t)
        before = [e for e in ents if left_edge <= e.tok_lo and e.tok_hi <= t.tok_lo]
        after = [e for e in ents if e.tok_lo >= t.tok_hi and e.tok_lo < right_edge]
        passive = t.tense == "passive" or (t.tense == "noun" and self._after_passive_aux(doc, t))
        actor, recipient, confidence = self._participants(
            doc, t, fam, before, after, reporter, pronoun_subject, passive)
        if not actor and reporter and (pronoun_subject or t.tense != "noun"):
            actor = reporter
        if not actor and t.tense in ("past", "present") and not passive \
                and t.tok_lo - left_edge <= 1:
            actor = previous  # وأضاف، وهاجم …: a clause-initial verb continues the last subject
            confidence -= 0.15
        if actor and recipient and _same_codes(actor, recipient):
            recipient = []
        if not actor and recipient and t.tense == "noun":
            actor = self._sentence_agent(siblings, t, recipient)
        source = reporter[:1] or self._sentence_source(doc, sent, ents, t)
        if not source:
            return EventMention(t, actor, recipient, round(confidence, 2))
        return EventMention(t, actor, recipient, round(confidence, 2), source[0],
                            self._saying_span(doc, sent, source[0]))

    def _participants(self, doc: Document, t: TriggerMention, fam: EventFamily,
                      before: list[EntityMention], after: list[EntityMention],
                      reporter: list[EntityMention], pronoun_subject: bool, passive: bool
                      ) -> tuple[list[EntityMention], list[EntityMention], float]:
        """Actor, recipient and confidence from the trigger's own clause, by its kind."""
        if fam.frame == "obligation":
            # X قال إن على Y أن …، Y يجب أن …: X asks it of Y
            recipient = self._first_chain(doc, after, bare=False, max_gap=0, start=t.tok_hi) \
                or self._subject_before(doc, before, t) or self._first_chain(doc, after, bare=True)
            return reporter, recipient, 0.6
        if passive:
            agent = self._agent(doc, t, after)
            patient = self._first_chain(doc, [e for e in after if e not in agent], bare=True)
            return agent, patient, 0.6
        if t.tense == "noun":
            actor, recipient = self._noun_roles(doc, t, fam, before, after)
            return actor, recipient, 0.6
        actor, recipient = self._verb_roles(doc, t, fam, before, after, reporter, pronoun_subject)
        return actor, recipient, 0.75

    def _verb_roles(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    before: list[EntityMention], after: list[EntityMention],
                    reporter: list[EntityMention], pronoun_subject: bool
                    ) -> tuple[list[EntityMention], list[EntityMention]]:
        """An active verb: its subject (SVO, VSO, or the reporter's pronoun) and its object."""
        subject = self._subject_before(doc, before, t)
        if subject:
            actor = subject
            rest = after
        elif pronoun_subject and reporter:
            actor, rest = reporter, after  # قالت سويسرا إنها طردت دبلوماسيين روسيين
        else:
            actor = self._first_chain(doc, after, bare=True)
            rest = [e for e in after if e.tok_lo >= (actor[-1].tok_hi if actor else t.tok_hi)]
        recipient = self._marked(doc, rest, fam, after_tok=actor[-1].tok_hi
                                 if actor and actor[-1].tok_lo > t.tok_lo else t.tok_hi)
        return actor, recipient

    def _noun_roles(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    before: list[EntityMention], after: list[EntityMention]
                    ) -> tuple[list[EntityMention], list[EntityMention]]:
        """An event noun: its genitive is actor or recipient as the lexicon says (هجوم X /
        اعتقال X); the other is marked after it, or the phrase just before it."""
        actor: list[EntityMention] = []
        recipient: list[EntityMention] = []
        genitive = self._first_chain(doc, after, bare=True, max_gap=1, start=t.tok_hi)
        if not genitive and fam.genitive == "actor":
            # انتحاري من تنظيم داعش، هجوم من جانب المسلحين: من + actor right after the noun
            origin = [e for e in after
                      if e.tok_lo == t.tok_hi + 1 and doc.tokens[t.tok_hi] == self._origin]
            genitive = self._chain_from(doc, after, after.index(origin[0])) if origin else []
        if genitive:
            if fam.genitive == "recipient":
                recipient = genitive
            else:
                actor = genitive
        rest = [e for e in after if not genitive or e.tok_lo >= genitive[-1].tok_hi]
        if not recipient:
            recipient = self._marked(doc, rest, fam, allow_obj=False)
        if not actor:
            actor = self._subject_before(doc, before, t, near=True)
        return actor, recipient

    def _sentence_agent(self, siblings: list[EventMention], t: TriggerMention,
                        recipient: list[EntityMention]) -> list[EntityMention]:
        """قدمت قواتها المشورة خلال 22 عملية ضد داعش: the actor of the sentence's last verb
        before an event noun runs the act the noun names (``siblings``: the sentence's
        mentions so far)."""
        agent = next((m.actor for m in reversed(siblings)
                      if m.actor and m.trigger.tok_lo < t.tok_lo and m.trigger.tense != "noun"), [])
        return [e for e in agent if e not in recipient]

    # -- clause edges ----------------------------------------------------------------------
    def _clause_start(self, doc: Document, sent: Sentence, t: TriggerMention,
                      ents: list[EntityMention]) -> tuple[int, list[EntityMention], bool]:
        """Left edge of the trigger's clause, and the reporter if the clause is reported speech."""
        tokens = doc.tokens
        stops = self._left_stops
        for i in range(t.tok_lo - 1, sent.tok_lo - 1, -1):
            tok = tokens[i]
            if tok not in stops:
                continue
            bare = self._bare(tok)
            if tok in self.g.complementizers or bare in self.g.complementizers:
                reporter = self._reporter(doc, sent, i, ents)
                return i + 1, reporter, bare in self._pronoun_complementizers
            if tok == ":":
                speaker = [e for e in ents if e.tok_hi == i and e.tok_lo <= sent.tok_lo + 1]
                if speaker:  # الجيش الأميركي: ساعدنا … — a quoted headline
                    return i + 1, self._subject_before(doc, speaker, None, end=i), True
            if tok in self._clause_breaks and tok != _COMMA:
                return i + 1, [], False
            if (tok,) in self.g.clause_openers or (bare,) in self.g.clause_openers:
                return i + 1, [], False
        return sent.tok_lo, [], False

    def _clause_end(self, doc: Document, sent: Sentence, t: TriggerMention) -> int:
        tokens = doc.tokens
        stops = self._right_stops
        for i in range(t.tok_hi, sent.tok_hi):
            if tokens[i] in stops:
                return i
        return sent.tok_hi

    def _reporter(self, doc: Document, sent: Sentence, comp: int,
                  ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the speech verb before a complementizer (قال X إن / X قال إن)."""
        speech_words = self.g.speech
        bare = self._bare
        speech = next((i for i in range(comp - 1, max(sent.tok_lo, comp - 12) - 1, -1)
                       if bare(doc.tokens[i]) in speech_words or doc.tokens[i] in speech_words),
                      None)
        if speech is None:
            return []
        after = [e for e in ents if speech < e.tok_lo < comp]
        chain = self._first_chain(doc, after, bare=True)
        if chain:
            return chain
        before = [e for e in ents if e.tok_hi <= speech and e.tok_lo >= sent.tok_lo]
        return self._subject_before(doc, before, None, end=speech)

    def _sentence_source(self, doc: Document, sent: Sentence, ents: list[EntityMention],
                         t: TriggerMention) -> list[EntityMention]:
        """Who the sentence cites: بحسب X، وفقا لـ X، نقلا عن X، وفق ما أعلنت X، قال X."""
        tokens = doc.tokens
        cues = self._source_cues
        for e in ents:
            lo = e.tok_lo
            words = tokens[max(sent.tok_lo, lo - 3):lo]
            if cues.isdisjoint(words):
                continue
            raw = tuple(words)
            bare = tuple(self._bare(tok) for tok in raw)  # وبحسب → بحسب (وفقا stays وفقا in raw)
            for window in (raw, bare):
                if any(window[-len(p):] == p for p in self.g.source_phrases if len(window) >= len(p)):
                    return [e]
                if e.prefix in self._lam_prefixes and window \
                        and window[-1] in self._source_words_with_lam:
                    return [e]
            if any(w in self.g.speech for w in bare[-2:]) and not self._governor(doc, e) \
                    and not (e.tok_lo <= t.tok_lo < e.tok_hi):
                return [e]
        return []

    def _saying_span(self, doc: Document, sent: Sentence, who: EntityMention) -> tuple[int, int]:
        """The words that cite the source together with it (أعلنت القيادة المركزية الأميركية)."""
        tokens = doc.tokens
        lo = who.tok_lo
        for i in range(who.tok_lo - 1, max(sent.tok_lo, who.tok_lo - 4) - 1, -1):
            bare = self._bare(tokens[i])
            if bare in self.g.speech or bare in self._source_heads or bare == self._source_relative:
                lo = i
            elif lo != who.tok_lo:
                break
        return doc.token_starts[lo], who.end

    # -- phrases ---------------------------------------------------------------------------
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
        if prev == self._partitive_preposition and lo > 1 and self._is_partitive(tokens[lo - 2]):
            return None  # عناصر من تنظيم داعش، 168 من الليبيريين: the members are the group
        prepositions = self.g.prepositions
        if prev in prepositions:
            return prev
        fused = self._fused_preposition(prev, False)
        if fused and (lo - 1) not in self._in_entity and prev not in self._not_prepositional:
            return fused  # أشاد بجهود قطر، لصالح إيران: the head noun carries the preposition
        agent = self._agent_phrase
        if prev == agent[-1] and lo >= len(agent) and tuple(tokens[lo - len(agent):lo]) == agent:
            return " ".join(agent)
        # في جزيرة قبرص، إلى مدينة حلب: a preposition, one head noun, then the name
        if lo > 1 and tokens[lo - 2] in prepositions and prev.isalpha() \
                and prev[:1] not in self._preposition_clitics:
            return tokens[lo - 2]
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
            joined = (not gap and e.prefix.startswith(self._coordinators)) or gap in self._joiners
            if not joined:
                break
            chain.append(e)
        return chain

    def _subject_before(self, doc: Document, before: list[EntityMention], t: TriggerMention | None,
                        near: bool = False, end: int | None = None) -> list[EntityMention]:
        """The nearest bare phrase before the trigger, taken with the compound it closes."""
        bare = [e for e in before if not self._governor(doc, e)]
        if not bare:
            return []
        last = bare[-1]
        limit = end if end is not None else (t.tok_lo if t else last.tok_hi)
        if near and limit - last.tok_hi > 4:
            return []
        idx = before.index(last)
        start = idx
        while start > 0:
            prev = before[start - 1]
            gap = doc.tokens[prev.tok_hi:before[start].tok_lo]
            if (not gap and before[start].prefix.startswith(self._coordinators)) \
                    or gap in self._joiners:
                start -= 1
            else:
                break
        return before[start:idx + 1]

    def _marked(self, doc: Document, ents: list[EntityMention], fam: EventFamily,
                allow_obj: bool = True, after_tok: int | None = None) -> list[EntityMention]:
        markers = self._recipient_markers[fam.recipient]
        possessive = self._possessive
        ents = [e for e in ents if self._object_position(doc, e, e.tok_lo - 2)]
        for k, e in enumerate(ents):
            gov = self._governor(doc, e)
            if gov is None and "obj" in markers and allow_obj:
                return self._chain_from(doc, ents, k)
            if gov is not None and gov in markers:
                return self._chain_from(doc, ents, k)
            if (gov is None or gov == possessive) and e.tok_lo > 1 \
                    and doc.tokens[e.tok_lo - 2] in markers:
                return self._chain_from(doc, ents, k)  # على مواقع لحزب العمال
            if gov == possessive and "obj" in markers and allow_obj and e.tok_lo > 1 \
                    and (e.tok_lo - 1) not in self._in_entity \
                    and doc.tokens[e.tok_lo - 1] not in self.g.prepositions \
                    and doc.tokens[e.tok_lo - 2] not in self.g.prepositions \
                    and self._governor_of_token(doc, e.tok_lo - 1) is None:
                return self._chain_from(doc, ents, k)  # قصفت مواقعَ لتنظيم داعش: the owner

        # The lexicon's markers missed: a phrase the act is directed at, by the act's polarity
        directed = self._directed.get(fam.type, self._directed_any)
        for k, e in enumerate(ents):
            if self._governor(doc, e) in directed:
                return self._chain_from(doc, ents, k)
        return []

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

    def _after_passive_aux(self, doc: Document, t: TriggerMention) -> bool:
        prev = doc.tokens[t.tok_lo - 1] if t.tok_lo > 0 else ""
        return self._bare(prev) in self.g.passive_auxiliaries

    def _is_partitive(self, token: str) -> bool:
        return token.isdigit() or token in self._partitive_heads

    def _sentence_subject(self, doc: Document, mentions: list[EventMention],
                          ents: list[EntityMention], fallback: list[EntityMention]
                          ) -> list[EntityMention]:
        """The first actor coded in a sentence (``mentions``: the sentence's event mentions,
        ``ents``: its phrases), else its first bare phrase."""
        actor = next((m.actor for m in mentions if m.actor), None) if ents else None
        if actor:
            return actor
        bare = [e for e in ents if not self._governor(doc, e)]
        return self._chain_from(doc, bare, 0) if bare else fallback


def _language(resources: Resources) -> Language:
    if resources.language is None:
        raise ValueError("resources without a language: build them with load_resources()")
    return resources.language


def _same_codes(a: list[EntityMention], b: list[EntityMention]) -> bool:
    return {e.id for e in a} == {e.id for e in b}
