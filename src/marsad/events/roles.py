"""Pipeline stage: who did it and to whom, from Arabic clause structure.

For each trigger the clause around it is read (it ends at a clause break, at the next event
verb, or at a verb of suffering: قتل ضابط وأصيب جنديان; an apposition or relative clause between
commas right after the subject is passed over):

* active verb: a subject before the verb (SVO) or the first bare noun phrase after it (VSO),
  not the genitive of a noun with its preposition (رحب بالهجمات التركية: ``verb_subject.py``), is
  the actor; the recipient is the next phrase introduced the way the verb governs it (a direct
  object, or على / ضد / مع / إلى / ب / ل …);
* a verb written alike in both voices (قتل/قُتل) whose only phrase after it is indefinite and
  followed by no object (قتل صحافي في انفجار) is passive: that phrase is the recipient;
* passive verb or ``تم`` + verbal noun: the phrase after it is the recipient, the actor is the
  one after ``من قبل`` / ``على يد`` / ``برصاص`` if any;
* a verb joined by و to an earlier verb of its clause shares that verb's subject; a statement
  verb whose ending or prefix is its subject (وطالبوا، «نطالب») or after a relative (X الذي اتهم Y)
  has no subject after it; an obligation (يجب أن) or a participle (مطالبا) is the speaker's;
* parties named by a pronoun, by gender agreement or elsewhere in the sentence (عليهم، خلال
  لقائه X، وطالب الحكومة، بتهمة …): the rules are ``other_parties.OtherParties``;
* noun: the genitive after it is the actor or recipient as the lexicon says (هجوم X / اعتقال X),
  ل + a phrase (هجوم لداعش) or من + a phrase (قصف من الطيران) after it is the doer, and the
  subject of the clause is the actor unless the noun names an outcome it reports (أعلنت الوزارة
  مقتل …) or stands after a preposition of place or cause (قتل ضابط في هجوم);
* two-sided acts (اشتباكات بين X و Y، اشتبك X مع Y): both sides are the actor, no recipient;
  so is ground taken from a side (تحرير عدن من الحوثيين: ``territory.py``);
* reported speech (``X قال إن Y هاجم Z``, or a quotation ``قال X «هاجم Y Z»``): the embedded
  clause is read on its own, X is kept as the attribution; when the embedded clause has no
  subject (``قال X إنه هاجم``), X is the actor;
* with no one else named, the country or city an act is aimed at (في X) is its recipient, and
  a protest is by the people of its place against that country's government;
* a verb with no subject anywhere takes the subject of the previous sentence; a statement verb
  after a pronoun with no verb of saying (فإنها دعت Y) takes its own sentence's earlier actor;
* statements and diplomacy (the speaker, the one asked or threatened, a meeting of
  counterparts): the rules are ``statements.StatementReader``;
* a condemnation of an act (أدان الهجوم الإرهابي على المسجد، الجريمة التي نفذها X) is aimed at
  the act's doer (an unnamed armed group for a terrorist bombing), not at its victims: the
  rules are ``condemned.CondemnedActs``.
* violent and coercive acts have rules of their own (``violent.ViolentClauses``): a verb right
  after a relative pronoun (التفجير الذي استهدف مسجدا), an act noun's doer named by a relative
  clause after it (العمليات التي يقوم بها الجيش ضد X), executions, passives with nothing after
  them; and what people suffered takes the doer of the act it came from (``outcomes.py``).

Phrases joined by و are one compound participant (PLOVER's convention). The phrase rules are
``phrases.PhraseReader``.
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.annotate.describe import PERSON_PREFIX
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, Sentence, TriggerMention
from marsad.events import verb_subject
from marsad.events.asides import DASH, adverbial_clause, aside_end
from marsad.events.condemned import CondemnedActs
from marsad.events.implied import ImpliedActors
from marsad.events.imputed import ImputedWrongs
from marsad.events.other_parties import OtherParties
from marsad.events.outcomes import OutcomeReader
from marsad.events.phrases import COMMA, PhraseReader
from marsad.events.speech import SpeechReader
from marsad.events.statements import StatementReader
from marsad.events.subjective import genitive_doer, noun_genitive, supported_after_doer
from marsad.events.territory import TerritoryReader
from marsad.events.undertaking import AnsweredRequests, UndertakingVerbs
from marsad.events.verb_forms import bare_forms, subject_forms, two_voiced_forms
from marsad.events.verb_subject import in_prepositional_phrase, main_after_relative, not_sufferers
from marsad.events.violent import ViolentClauses
from marsad.resources import Resources, language_of
from marsad.resources.tables import EventFamily


class RoleAssigner:
    def __init__(self, resources: Resources):
        self.ph = PhraseReader(resources)
        self.res = resources
        self.g = g = resources.grammar
        lang = language_of(resources)
        self._clause_breaks = lang.clause_breaks
        self.openers = {p for p in g.clause_openers if len(p) == 1}
        self.speech = SpeechReader(self.ph, g, lang)
        self.territory = TerritoryReader(self.ph)
        self.outcomes = OutcomeReader(self.ph)
        self.undertaking = UndertakingVerbs(self.ph)     # تمكنت القوات من تحرير: the doer
        self.answered = AnsweredRequests(self.ph)       # وافقت إسرائيل على طلب مصر: Israel was asked
        # what ends a clause looking left (complementizers, openers, breaks but the comma; و/ف)
        opener_words = frozenset(p[0] for p in self.openers)
        self._left_stops = (lang.syntax.with_conjunction(g.complementizers | opener_words)
                            | (self._clause_breaks - {COMMA}))
        self._adv = (self.ph._coordinators, g.prepositions, self.ph._bare)   # adverbial_clause
        self._right_stops = (self._clause_breaks | g.complementizers | opener_words
                             | self.ph._clause_verbs)
        #: per family, the verb forms written alike in both voices (قتل/قُتل، اتهم/اتُّهم)
        self._two_voiced = two_voiced_forms(lang, resources.families)
        roles = lang.table("roles")
        statements = frozenset(roles["subject_in_verb_types"])
        #: per family, the verb forms whose ending is a dual or plural subject (طالبوا، يدعون)
        self._subject_in_verb = subject_forms(lang, resources.families, statements)
        self._verb_forms = bare_forms(lang, resources.families, statements)
        #: who says what to whom in statements and diplomacy (statements.py)
        self.statements = StatementReader(self.ph, self.speech, lang, statements, resources.families)
        self._relatives = frozenset(lang.normalize_term(w) for w in roles["relative_pronouns"])
        self._resumptive = frozenset(lang.normalize_term(w) for w in roles["resumptive_pronouns"])
        #: parties named by a pronoun, by agreement or elsewhere in the sentence
        self.others = OtherParties(self.ph, self.speech, lang, resources.families, statements)
        #: per sentence, where its event verbs begin: a clause read from a trigger ends there
        self._verb_starts: dict[int, list[int]] = {}
        self._implied = ImpliedActors(resources, lang)
        #: per document: each sentence's phrases
        self._by_sentence: dict[int, list[EntityMention]] = {}
        #: the apposition passed over by the last clause read (رفضت باكستان، الحليف …، نشر)
        self._aside = (0, 0)
        #: whom a condemnation is aimed at: the doer of the deed it condemns
        self._condemned = CondemnedActs(resources, lang, self.ph)
        # غارات شنتها طائرات روسية: a verb of doing with a pronoun for the act opens a clause
        self._right_stops |= self._condemned.doer_forms_with_pronoun()
        #: relative clauses, executions and passives of violent acts
        self.violent = ViolentClauses(resources, lang, self.ph, self._condemned)
        #: a wrong named by its doer (يقف وراء، التدخل في شؤون): imputed.py
        self.imputed = ImputedWrongs(self.ph, self.speech)

    def __call__(self, doc: Document) -> Document:
        self.ph._in_entity = in_entity = set[int]()
        self.ph._in_trigger = {i for t in doc.triggers for i in range(t.tok_lo, t.tok_hi)}
        self.ph._verb_words = {t.tok_lo for t in doc.triggers if t.tense != "noun"}
        self.ph._entity_ending = {e.tok_hi: e for e in doc.entities}
        self.ph._place_ends = {bisect_left(doc.token_ends, p.end) + 1 for p in doc.places}
        self._quote_opens = self.speech.quotation_starts(doc)
        self.others.start(doc)
        by_sentence: dict[int, list[EntityMention]] = {}
        for e in doc.entities:
            in_entity.update(range(e.tok_lo, e.tok_hi))
            by_sentence.setdefault(e.sentence, []).append(e)
        self._by_sentence = by_sentence
        self.statements.start(by_sentence)
        mentions = list(doc.mentions)
        # the mentions of each sentence: a trigger reads its own sentence's and the one before
        in_sentence: dict[int, list[EventMention]] = {}
        for m in mentions:
            in_sentence.setdefault(m.trigger.sentence, []).append(m)
        subjects: dict[int, list[EntityMention]] = {}
        verb_starts: dict[int, list[int]] = {}
        self._verb_starts = verb_starts
        for t in doc.triggers:
            if t.tense != "noun" and t.prefix[:1] in self.ph._coordinators:
                verb_starts.setdefault(t.sentence, []).append(t.tok_lo)
        for t in doc.triggers:
            if t.sentence not in subjects:
                subjects[t.sentence] = self.ph.sentence_subject(
                    doc, in_sentence.get(t.sentence - 1, []), by_sentence.get(t.sentence - 1, []),
                    [])
            ents = by_sentence.get(t.sentence, [])
            siblings = in_sentence.setdefault(t.sentence, [])
            m = self._assign(doc, siblings, t, ents, subjects[t.sentence])
            mentions.append(m)
            siblings.append(m)
        self._condemned(doc, in_sentence, by_sentence, lambda c, own: self._assign(doc, [], c, own, []))
        self.outcomes.of_fights(doc, in_sentence.values(), self._two_sided)
        for m in mentions:  # استقبل X Y: Y, the visitor, is the actor (lexicon frame: hosting)
            if self.res.families[m.trigger.family].frame == "hosting" \
                    or self.statements.hosts.hosted(m.trigger):     # in his office (hosting.py)
                m.actor, m.recipient = m.recipient, m.actor
        doc.mentions = mentions
        return doc

    # -- one trigger ---------------------------------------------------------------------
    def _assign(self, doc: Document, siblings: list[EventMention], t: TriggerMention,
                ents: list[EntityMention], previous: list[EntityMention]) -> EventMention:
        fam = self.res.families[t.family]
        sent = doc.sentences[t.sentence]
        left_edge, reporter, pronoun_subject = self._clause_start(doc, sent, t, ents)
        reporter = self.statements.carried_reporter(doc, sent, left_edge, reporter)
        right_edge = self._clause_end(doc, sent, t, ents)
        before = not_sufferers(self.ph, siblings, t, self.res.families, [
            e for e in ents if left_edge <= e.tok_lo and e.tok_hi <= t.tok_lo])
        after = [e for e in ents if t.tok_hi <= e.tok_lo < right_edge
                 and not self._aside[0] < e.tok_lo < self._aside[1]]
        passive = self._passive(doc, t)
        actor, recipient, confidence = self._participants(
            doc, t, fam, before, after, reporter, pronoun_subject, passive)
        actor, recipient = self.statements.speaker_first(
            doc, sent, t, fam, ents, reporter, pronoun_subject, passive, (actor, recipient))
        actor, recipient = self.imputed.sides(doc, sent, t, fam, ents, before, reporter,
                                              (actor, recipient))   # طهران تقف وراء الهجوم
        if fam.frame == "territory":
            actor, recipient = self.territory.sides(doc, t, before, after, actor, recipient)
        actor, recipient = self.statements.circumstance(doc, sent, siblings, t, fam, ents, after,
                                                        (actor, recipient), previous)
        if t.family in self._two_voiced and t.tense != "noun" and not passive:
            actor, recipient, passive = self.violent.voice(doc, t, fam, after, actor, recipient,
                                                           right_edge)
        if actor and not recipient and actor[0].tok_lo > t.tok_lo and t.tense != "noun" \
                and t.tok_lo > 0 and doc.tokens[t.tok_lo - 1] in self.g.prepositions:
            actor, recipient = [], actor    # بسبب دعمها بن لادن: a verbal noun and its object
        if t.tense != "noun" and not passive and t.prefix[:1] in self.ph._coordinators:
            actor, recipient = self._shared_subject(doc, siblings, t, fam, left_edge, after,
                                                    actor, recipient)
        if self._two_sided(doc, t) or t.tense == "noun":
            actor, recipient = self._reciprocal_sides(doc, t, after, actor, recipient)
        if not actor and reporter and (pronoun_subject or (t.tense != "noun" and not passive)) \
                and not self.outcomes.is_outcome(doc, t):
            actor = reporter    # not for an outcome it reports (الجزائر: مقتل تسعة جنود)
        if not actor and t.tense in ("past", "present") and not passive \
                and t.tok_lo - left_edge <= 1 and not self.violent.subject_is_antecedent(doc, t):
            # وأضاف، وهاجم: the last subject continues; after فإنها دعت, its own sentence's first
            actor = (pronoun_subject and self.statements.opens_clause(doc, t)
                     and self._sentence_agent(siblings, t, recipient)) \
                or self.statements.carried_speaker(doc, sent, t, fam) or previous
            confidence -= 0.15
        actor, recipient = self.others.pronouns(doc, t, fam, ents, self._by_sentence, passive,
                                                (actor, recipient))
        actor, recipient = self.others.possessed_act(doc, sent, t, fam, ents, [
            self._sentence_agent(siblings, t, actor), self.ph._subject_before(doc, before, t),
            previous], (actor, recipient))
        return self._settled(doc, sent, siblings, t, fam, ents, after, reporter, passive,
                             (actor, recipient), confidence)

    def _settled(self, doc: Document, sent: Sentence, siblings: list[EventMention],
                 t: TriggerMention, fam: EventFamily, ents: list[EntityMention],
                 after: list[EntityMention], reporter: list[EntityMention], passive: bool,
                 roles: tuple[list[EntityMention], list[EntityMention]], confidence: float
                 ) -> EventMention:
        """The statement rules' last word, the last resorts, implied parties and charges."""
        actor, recipient = self.statements.addressed(
            doc, t, fam, after, self.statements.occasion(doc, sent, t, fam, ents, roles, reporter))
        actor, recipient = self._last_resorts(doc, siblings, t, fam, after, actor, recipient)
        actor, recipient = self._implied.unnamed(doc, t, fam, passive, actor, recipient)
        actor, recipient = self.others.charge(doc, siblings, t, fam, (actor, recipient))
        source = reporter[:1] or self.speech.sentence_source(doc, sent, ents, t)
        return EventMention(t, actor, recipient, round(confidence, 2), *(
            (source[0], self.speech.saying_span(doc, sent, source[0])) if source else ()))

    def _last_resorts(self, doc: Document, siblings: list[EventMention], t: TriggerMention,
                      fam: EventFamily, after: list[EntityMention], actor: list[EntityMention],
                      recipient: list[EntityMention]
                      ) -> tuple[list[EntityMention], list[EntityMention]]:
        """One phrase for both roles is the actor's; an act aimed at a place (في X); an event
        noun with a recipient and no actor is run by the sentence's last verb's actor, unless
        it names what the recipient suffered. Troops an act mobilizes are not its recipient."""
        recipient = self.violent.not_mobilized(fam, recipient)
        if actor and recipient:     # not the actor again, nor its phrase's adjective
            recipient = self.others.other_party(doc, fam, actor, recipient, after)
        if actor and not recipient and fam.type not in self.ph._no_place_recipient:
            recipient = self.ph._aimed_place(doc, after, actor)
        if not actor and recipient and t.tense == "noun" and not self.outcomes.is_outcome(doc, t) \
                and not self.outcomes.caused(doc, t):
            # not for what someone suffered (أدان X التفجير الذي أدى إلى استشهاد عدد من المصلين)
            actor = self._sentence_agent(siblings, t, recipient)
        return actor, recipient

    def _participants(self, doc: Document, t: TriggerMention, fam: EventFamily,
                      before: list[EntityMention], after: list[EntityMention],
                      reporter: list[EntityMention], pronoun_subject: bool, passive: bool
                      ) -> tuple[list[EntityMention], list[EntityMention], float]:
        """Actor, recipient and confidence from the trigger's own clause, by its kind."""
        if fam.frame == "obligation":
            # X قال إن على Y أن …، Y يجب أن …: X asks it of Y
            recipient = self.ph._first_chain(doc, after, bare=False, max_gap=0, start=t.tok_hi) \
                or self.ph._subject_before(doc, before, t) or self.ph._first_chain(doc, after, bare=True)
            return reporter, recipient, 0.6
        if passive:
            agent = self.ph._agent(doc, t, after)
            others = [e for e in after if e not in agent]
            patient = self.violent.resumed_patient(doc, t, self._antecedent) \
                or self.ph._first_chain(doc, others, bare=True) \
                or self.violent.passive_patient(doc, t, fam, before, others)
            return agent, [e for e in patient if e not in agent], 0.6
        if t.tense == "noun":
            actor, recipient = self._noun_roles(doc, t, fam, before, after)
            return actor or self.undertaking.doer(doc, t, before), recipient, 0.6
        actor, recipient = self._verb_roles(doc, t, fam, before, after, reporter, pronoun_subject)
        return actor, recipient, 0.75

    def _verb_roles(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    before: list[EntityMention], after: list[EntityMention],
                    reporter: list[EntityMention], pronoun_subject: bool
                    ) -> tuple[list[EntityMention], list[EntityMention]]:
        """An active verb: its subject (SVO, VSO, or the reporter's pronoun) and its object."""
        if self.violent.after_relative(doc, t):
            # التفجير الذي استهدف مسجدا، الحزب الذي استهدفته الغارات (violent.py)
            return self.violent.relative_act(doc, t, fam, after, self._antecedent(doc, t.tok_lo - 1))
        subject = self.ph._subject_before(doc, before, t)
        if subject:
            actor = subject
            rest = after
        elif pronoun_subject and reporter:
            actor, rest = reporter, after  # قالت سويسرا إنها طردت دبلوماسيين روسيين
        elif pronoun_subject and fam.type in self.statements.statements \
                and self.statements.opens_clause(doc, t):
            # وفيما أدانت رئاسة كردستان القصف، فإنها دعت حزب العمال إلى …: the pronoun is the
            # subject (found later: the sentence's earlier actor), the phrase after it the object
            return [], self.ph._marked(doc, after, fam, after_tok=t.tok_hi)
        elif self._relative_subject(doc, t):
            # المالكي الذي اتهم المملكة: the subject is the phrase the relative clause is about
            return self._antecedent(doc, t.tok_lo - 1), self.ph._marked(
                doc, after, fam, after_tok=t.tok_hi)
        elif self.ph._bare(doc.tokens[t.tok_lo]) in self._subject_in_verb.get(t.family, ()):
            # وطالبوا الحكومة بـ …، الأهالي الذين اتهموا المتمردين: the verb's ending is its
            # subject (found later: the sentence before), the phrase after it its object
            return [], self.ph._marked(doc, after, fam, after_tok=t.tok_hi)
        else:
            actor = self.ph._first_chain(doc, [e for e in after if not in_prepositional_phrase(
                self.ph, doc, e)], bare=True)   # رحب بالهجمات التركية: not Turkey (verb_subject.py)
            if actor and (self.others.disagrees(doc, t, actor[0]) or verb_subject.named_noun_between(
                    self.ph, doc, t, actor[0], self.violent._time_words)
                          or verb_subject.charged_object(self.ph, doc, t, actor)):
                # its object: feminine after a masculine verb, after its noun subject, before a charge
                return [], self.ph._marked(doc, after, fam, after_tok=t.tok_hi)
            rest = [e for e in after if e.tok_lo >= (actor[-1].tok_hi if actor else t.tok_hi)
                    and not (e.id in {a.id for a in actor} and e.id.startswith(PERSON_PREFIX))]
        recipient = self.ph._marked(doc, rest, fam, after_tok=actor[-1].tok_hi
                                 if actor and actor[-1].tok_lo > t.tok_lo else t.tok_hi)
        return actor, supported_after_doer(self.ph, doc, t, fam, recipient, rest)

    def _relative_subject(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the verb opens a relative clause about its subject (المالكي الذي اتهم X),
        not about its object (الاتفاق الذي أبرمته إيران، القرار الذي صادق عليه المجلس)."""
        tokens = doc.tokens
        return t.family in self._subject_in_verb and t.tense != "noun" and t.tok_lo > 0 \
            and tokens[t.tok_lo - 1] in self._relatives \
            and self.ph._bare(tokens[t.tok_lo]) in self._verb_forms.get(t.family, ()) \
            and not (t.tok_hi < len(tokens) and tokens[t.tok_hi] in self._resumptive)

    def _antecedent(self, doc: Document, relative: int) -> list[EntityMention]:
        """The phrase ending right before a relative pronoun (or before a comma before it)."""
        end = relative - 1 if relative > 0 and doc.tokens[relative - 1] == COMMA else relative
        e = self.ph._entity_ending.get(end)
        return [e] if e is not None else []

    def _noun_roles(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    before: list[EntityMention], after: list[EntityMention]
                    ) -> tuple[list[EntityMention], list[EntityMention]]:
        """An event noun: its genitive is actor or recipient as the lexicon says (هجوم X /
        اعتقال X); the other is marked after it, or the phrase just before it."""
        actor: list[EntityMention] = []
        recipient: list[EntityMention] = []
        nisba = self.ph._nisba_after(doc, t, after)
        if nisba:
            actor, after = nisba, after[1:]
        genitive = noun_genitive(self.ph, doc, t, fam, after)
        if genitive:
            if fam.genitive == "recipient":
                # دعم إيران للحوثيين، استيلاء الحوثيين على …: an object after it, the doer
                doer, marked = genitive_doer(self.ph, doc, t, fam, genitive, after)
                actor, recipient = (genitive, marked) if doer else (actor, genitive)
            elif not actor:
                actor = genitive
        rest = [e for e in after if not genitive or e.tok_lo >= genitive[-1].tok_hi]
        if not actor and (fam.genitive == "actor" or self.ph._origin not in
                          self.ph._recipient_markers[fam.recipient]):
            # انتحاري من تنظيم داعش، قصف من الطيران المروحي: من + the doer after the act
            actor = self.ph._origin_phrase(doc, genitive[-1].tok_hi if genitive else t.tok_hi, rest)
            rest = [e for e in rest if e not in actor]
            if actor and not genitive:
                recipient = self.others.receiver(doc, t, self._by_sentence.get(t.sentence, []),
                                                 before)
        if not actor:    # العمليات التي يقوم بها الجيش ضد X، الطلب الذي تقدم به X
            actor, rest = self.violent.noun_doer(doc, t, self._by_sentence.get(t.sentence, []), rest)
        if not recipient:
            recipient = self.ph._marked(doc, rest, fam, allow_obj=False) \
                or self.violent.executed(doc, t, rest)
        if fam.type in self.ph._passive_prone and self._in_cause_phrase(doc, t):
            # قتل ضابط في هجوم لداعش، توفي سجين جراء التعذيب: the subject suffered the act
            if not recipient:
                recipient = [e for e in self.ph._subject_before(doc, before, t, near=True)
                             if e not in actor]
        elif not actor:
            actor = self.ph._subject_before(doc, before, t, near=True)
            if actor and (self.ph._reporting_source(doc, actor[-1])
                          or self.ph._bare(doc.tokens[t.tok_lo]) in self.ph._reported_outcomes) \
                    and self.speech.reported(doc, actor[-1].tok_hi, t.tok_lo, actor[0].tok_lo) \
                    or actor and self._condemned.condemned_by(doc, actor, t):
                actor = []      # أعلنت الوزارة مقتل …، أدان الوزير العمل الإرهابي …
        return actor, self.answered.asked(doc, t, fam, before, actor, recipient)

    def _in_cause_phrase(self, doc: Document, t: TriggerMention) -> bool:
        """قتل ضابط في هجوم، قتلت سيدة جراء قصف: an act after a preposition of place or cause;
        لقي جنود حتفهم بعبوة ناسفة، إصابة ثلاثة أشخاص بانفجار عبوة: an act named after a verb
        or a noun of suffering in its clause."""
        tokens = doc.tokens
        if t.tok_lo > 0 and self.ph._bare(tokens[t.tok_lo - 1]) in self.ph._cause_prepositions:
            return True
        lo = max(doc.sentences[t.sentence].tok_lo, t.tok_lo - 8)
        return any(tokens[i] in self.ph._clause_verbs or self.outcomes.word(tokens[i])
                   for i in range(lo, t.tok_lo))

    def _shared_subject(self, doc: Document, siblings: list[EventMention], t: TriggerMention,
                        fam: EventFamily, left_edge: int, after: list[EntityMention],
                        actor: list[EntityMention], recipient: list[EntityMention]
                        ) -> tuple[list[EntityMention], list[EntityMention]]:
        """هاجمت القوات مواقع وقتلت عشرة مسلحين: a verb joined by و/ف to an earlier verb of its
        clause shares that verb's subject; the one phrase after it is its object, and a phrase
        before it is the first verb's object, not this one's subject."""
        if verb_subject.after_title_break(doc, t):
            left_edge = doc.sentences[t.sentence].tok_lo
        first = next((m for m in reversed(siblings) if m.trigger.tense in ("past", "present")
                      and left_edge <= m.trigger.tok_lo < t.tok_lo and m.actor), None)
        own = self.others.own_subject(doc, t, fam, after) or (first and self.others.disagreeing_subject(
            doc, t, fam, after, first.actor))
        if own:     # وتجمع المصلون …، واعتدت القوات عليهم، واعتقل الجيش (other_parties.py)
            return own
        if first is None or (actor and recipient and actor[0].tok_lo > t.tok_lo):
            return actor, recipient
        if actor and actor[0].tok_lo > t.tok_lo:
            return first.actor, actor
        return first.actor, self.ph._marked(doc, after, fam) or recipient

    def _reciprocal_sides(self, doc: Document, t: TriggerMention, after: list[EntityMention],
                          actor: list[EntityMention], recipient: list[EntityMention]
                          ) -> tuple[list[EntityMention], list[EntityMention]]:
        """Two-sided acts: اشتباكات بين X و Y، محادثات بين X و Y (the two sides after بين are
        the actor); اشتبك X مع Y (the other side joins the actor, no recipient)."""
        sides = self.ph._between_sides(doc, t, after)
        if sides and not (t.tense == "noun" and actor and actor[0].tok_lo < t.tok_lo):
            return sides, []
        if not self._two_sided(doc, t):
            return actor, recipient
        # معارك عنيفة مع الحوثيين: the side after مع is one of the two, never a recipient
        return actor + [e for e in recipient if e not in actor], []

    def _two_sided(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the trigger names a two-sided fight (اشتبك، المواجهات، معارك، باشتباكات)."""
        return self.outcomes.two_sided(doc.tokens[t.tok_lo])

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
        quotes = self._quote_opens
        for i in range(t.tok_lo - 1, sent.tok_lo - 1, -1):
            if i + 1 in quotes:
                speaker = self.speech.reporter(doc, sent, i + 1, ents)
                if speaker:     # قال X لوكالة الأنباء «خطفت الجبهة …»: a subject after the
                    return i + 1, speaker, False    # verb is the quotation's own
            tok = tokens[i]
            if tok not in stops and (tok != COMMA or not adverbial_clause(tokens, i, *self._adv)):
                continue
            bare = self.ph._bare(tok)
            if tok in self.g.complementizers or bare in self.g.complementizers:
                reporter = self.speech.reporter(doc, sent, i, ents)
                return i + 1, reporter, bare in self.ph._pronoun_complementizers
            if tok == ":":
                speaker = [e for e in ents if e.tok_hi == i and e.tok_lo <= sent.tok_lo + 1]
                if speaker:  # الجيش الأميركي: ساعدنا … — a quoted headline; a noun after it
                    # is news the speaker gives (الجزائر: هجوم مسلح على ثكنة), not its own act
                    return (i + 1, self.ph._subject_before(doc, speaker, None, end=i),
                            t.tense != "noun")
            if tok in self._clause_breaks:    # a comma only before و and a preposition
                return i + 1, [], False
            if ((tok,) in self.g.clause_openers or (bare,) in self.g.clause_openers) \
                    and not main_after_relative(self.ph, doc, t, i, self._relatives):
                return i + 1, [], False
        return sent.tok_lo, [], False

    def _clause_end(self, doc: Document, sent: Sentence, t: TriggerMention,
                    ents: list[EntityMention]) -> int:
        """The first clause break after the trigger, or the next event verb (قتل ضابط وأصيب
        جنديان: the wounded belong to the second verb). An aside between commas or dashes right
        after the subject is passed over (رفضت باكستان، الحليف …، نشر؛ رفض الرئيس -في تصريح- …)."""
        tokens = doc.tokens
        stops = self._right_stops
        end = min((i for i in self._verb_starts.get(t.sentence, ()) if i >= t.tok_hi),
                  default=sent.tok_hi)
        subject_end = next((e.tok_hi for e in ents if t.tok_hi <= e.tok_lo <= t.tok_hi + 1), -1)
        if self.statements.complement_after_subject(doc, t, self.res.families[t.family],
                                                     subject_end, end):
            subject_end = -1    # توعد الرئيس، بسحق «بوكو حرام»: not an aside
        i = t.tok_hi
        self._aside = (0, 0)
        while i < end:
            if tokens[i] in stops or tokens[i] == DASH and i == subject_end:
                aside = aside_end(tokens, i, end, self.ph._coordinators, self.ph._relatives) \
                    if i == subject_end else None
                if aside is not None:
                    self._aside = (i, aside)
                    i = aside
                elif not self.statements.clause_goes_on(doc, t, self.res.families[t.family], i, end):
                    return i
            i += 1
        return end

    # -- phrases ---------------------------------------------------------------------------
    def _passive(self, doc: Document, t: TriggerMention) -> bool:
        """A passive verb, one written so (قُتل), or a verbal noun after a passive auxiliary."""
        if t.tense != "noun":
            return t.tense == "passive" or self.violent.written_passive(doc, t)
        prev = doc.tokens[t.tok_lo - 1] if t.tok_lo > 0 else ""
        return self.ph._bare(prev) in self.g.passive_auxiliaries
