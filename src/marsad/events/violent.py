"""Who did violent and coercive acts to whom, where the clause says it in ways of its own
(``roles.py`` reads every clause; these rules are for the types of the ``relative_clause_types``
entry of the language's ``roles`` table, attacks and arrests, and the ``executions`` entry):

* a verb right after a relative pronoun with no pronoun on it has what the clause is about as
  its subject: the phrase before the pronoun (المسلحون الذين هاجموا مركز الشرطة), or an act or a
  weapon, which names no one (التفجير الذي استهدف مسجدا، الغارات التي استهدفت مواقع للحوثيين), so
  the phrase after the verb is its object; an act called terrorist there is an unnamed armed
  group's. With a pronoun on the verb the phrase before is its object and the subject follows
  (الحزب الذي استهدفته الغارات التركية);
* an act noun's doer may be named by a relative clause with a verb of doing right after it
  (العمليات التي يقوم بها الجيش التركي ضد X، الإعدامات التي نفذتها السلطات), or, the act being
  indefinite, by such a verb with a pronoun for the act (غارات شنتها الطائرات التركية);
* a sentence of death is carried out on the one after في (حكم القتل تعزيرا في جانيين يمنيين);
* a verb written alike in both voices (قتل/قُتل) is passive when the one phrase after it is
  followed by no object (قتل صحافي في انفجار): that phrase suffered it; a definite or named
  phrase after it, a word of time between them or not, is its object, and the indefinite
  phrase its doer (قصفت طائرات حربية سورية أمس بلدة الزبداني). A count of a group right after
  it (قتل عنصران من الشرطة التركية، اعتقل العشرات من أنصار الجماعة، قتل اثنان منهم) suffered
  it unless an object follows; so did a subject right before it, definite or not, when no
  object or count follows (أن الجنود قتلوا عندما سقطت قذائف);
* troops or people named by a sector word after an act of mobilizing (حشد مقاتلين) are what it
  mobilizes, not its recipient;
* a passive act with no bare phrase after it was done to the phrase its own preposition marks
  (تم القبض على ثلاثة أشخاص), else to the subject before it (إن ثلاثة من رجال الأمن استشهدوا).
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.condemned import CondemnedActs
from marsad.events.phrases import PhraseReader
from marsad.events.verb_forms import bare_forms
from marsad.lang import Language
from marsad.resources import Resources
from marsad.resources.tables import EventFamily

#: how many words (adjectives) may stand between an event noun and its relative clause
RELATIVE_REACH = 2
#: how many words a count right after a verb may take (أكثر من 20، نحو 300)
COUNT_WORDS = 3
#: how many words (a passive's auxiliary) may stand between a relative pronoun and its act
RELATIVE_AUX = 2
#: how many words (its subject) may stand between a verb and its own act noun (ألقت الشرطة القبض)
OWN_NOUN_REACH = 3


class ViolentClauses:
    """The rules of the module docstring, over the phrase rules ``ph``."""

    def __init__(self, resources: Resources, lang: Language, ph: PhraseReader,
                 condemned: CondemnedActs):
        self.ph = ph
        self.condemned = condemned
        roles = lang.table("roles")
        norm = lang.normalize_term
        self.types = frozenset(roles["relative_clause_types"])
        #: per family of those types, its verbs' forms with no pronoun (استهدف، not استهدفته)
        self._acts = bare_forms(lang, resources.families, self.types)
        self._relatives = frozenset(norm(w) for w in roles["relative_pronouns"])
        self._resumptive = frozenset(norm(w) for w in roles["resumptive_pronouns"])
        executions = roles["executions"]
        self._sentence_heads = frozenset(norm(w) for w in executions["heads"])
        self._sentence_kinds = frozenset(norm(w) for w in executions["kinds"])
        self._executed_on = frozenset(norm(w) for w in executions["prepositions"])
        self._affixes = lang.affixes
        self._prepositions = resources.grammar.prepositions
        self._clause_breaks = lang.clause_breaks
        self._mobilizing = frozenset(roles["mobilizing_types"])
        self._time_words = frozenset(norm(w) for w in roles["time_after_subject"])
        #: قد between a subject and its verb (أربعة إيطاليين قد اختطفوا)
        self._qad = frozenset(norm(w) for w in lang.table("triggers")["qad"])
        self._sector_words = frozenset(s.id for s in resources.sectors)
        self._numbers = lang.numbers
        #: the families whose every verb comes with its object noun (فتح نيران، شن غارات)
        self._phrasal = frozenset(i for i, f in enumerate(resources.families)
                                  if f.verbs and all(" " in v for v in f.verbs))
        #: the pronouns that stand for people (ـهم، ـهما) on a passive act's noun or preposition
        self._plural_suffixes = tuple(norm(w) for w in lang.table("actors")["plural_pronouns"])
        #: قتل اثنان منهم: the partitive preposition with a pronoun for the group counted
        self._partitive_pronouns = frozenset(norm(w) for w in roles["partitive_pronouns"])
        self._marks_passive = lang.syntax.marks_passive
        self._others = frozenset(norm(w) for w in lang.table("quantities")["units"]["other"]["plural"])

    def written_passive(self, doc: Document, t: TriggerMention) -> bool:
        """Whether ``t`` is a past verb the article writes with the passive's vowel (وقُتل
        الطفل، رجال الأمن قُتلوا ظلماً): the language reads it (``Syntax.marks_passive``); what
        the clause says then goes by the passive's rules, whatever the order of its phrases."""
        if t.tense != "past":
            return False
        start, end = doc.norm.span_to_original(doc.token_starts[t.tok_lo], doc.token_ends[t.tok_lo])
        return self._marks_passive(doc.norm.original[start:end])

    def after_relative(self, doc: Document, t: TriggerMention) -> bool:
        """Whether ``t`` is a verb of these types right after a relative pronoun."""
        return t.family in self._acts and t.tok_lo > 0 and doc.tokens[t.tok_lo - 1] in self._relatives

    def subject_is_antecedent(self, doc: Document, t: TriggerMention) -> bool:
        """Whether ``t``, after a relative pronoun, carries no pronoun (nor one after it): its
        subject is what the clause is about (التفجير الذي استهدف)."""
        tokens = doc.tokens
        return self.after_relative(doc, t) \
            and self.ph._bare(tokens[t.tok_lo]) in self._acts[t.family] \
            and not (t.tok_hi < len(tokens) and tokens[t.tok_hi] in self._resumptive) \
            and not self._resumed_after_own_noun(doc, t)

    def _resumed_after_own_noun(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the verb's own act noun follows it, its subject between them or not, with
        the pronoun for what the clause is about (المسؤول الذي ألقي القبض عليه، الناشط الذي ألقت
        الشرطة القبض عليه): that one suffered the act, it did not do it."""
        tokens = doc.tokens
        own = next((c for c in doc.complements if c.sentence == t.sentence
                    and t.tok_hi <= c.tok_lo <= t.tok_hi + OWN_NOUN_REACH), None)
        return own is not None and (tokens[own.tok_hi - 1] in self._resumptive or (
            own.tok_hi < len(tokens) and tokens[own.tok_hi] in self._resumptive))

    def relative_act(self, doc: Document, t: TriggerMention, fam: EventFamily,
                     after: list[EntityMention], antecedent: list[EntityMention]
                     ) -> tuple[list[EntityMention], list[EntityMention]]:
        """Actor and recipient of a verb right after a relative pronoun (module docstring);
        ``antecedent``: the phrase before the pronoun, if any."""
        if self.subject_is_antecedent(doc, t):
            relative = t.tok_lo - 1
            actor = antecedent or self.condemned.unnamed_doer(
                doc, t, max(doc.sentences[t.sentence].tok_lo, relative - RELATIVE_REACH - 1),
                relative)
            return actor, self.ph._marked(doc, after, fam, after_tok=t.tok_hi)
        actor = self.ph._first_chain(doc, after, bare=True)
        return actor, [e for e in antecedent if e not in actor]

    def noun_doer(self, doc: Document, t: TriggerMention, ents: list[EntityMention],
                  rest: list[EntityMention]) -> tuple[list[EntityMention], list[EntityMention]]:
        """The doer an act noun's relative clause (or, indefinite, its verb of doing with a
        pronoun for it) names right after the noun or its adjectives, read past the noun's
        clause among its sentence's phrases ``ents``; and the phrases after the doer, where
        the recipient is marked. With no such clause, the agent of its clause ``rest``
        (اعتقال X على يد Y، إطلاق جسر جوي من قبل Y) and the others of ``rest``."""
        after = [e for e in ents if e.tok_lo >= t.tok_hi]
        doer = self._doer_after(doc, t, after)
        if not doer:
            agent = self.ph._agent(doc, t, rest)
            return agent, [e for e in rest if e not in agent]
        return doer, [e for e in after if e.tok_lo >= doer[-1].tok_hi]

    def _doer_after(self, doc: Document, t: TriggerMention,
                    after: list[EntityMention]) -> list[EntityMention]:
        end = doc.sentences[t.sentence].tok_hi
        for i in range(t.tok_hi, min(end, t.tok_hi + RELATIVE_REACH + 1)):
            doer = self.condemned.verb_doer(doc, i, end, after)
            if doer:        # غارات شنتها الطائرات التركية: an indefinite act, no relative
                return doer
            if i in self.ph._in_entity or i in self.ph._in_trigger \
                    or doc.tokens[i] in self._prepositions:
                return []
            doer = self.condemned.relative_doer(doc, i, end, after)
            if doer:
                return doer
        return []

    def _ungoverned(self, prefix: str) -> bool:
        """A phrase with no preposition on it, bare or with the article (جانيين، الجاني)."""
        aff = self._affixes
        return not prefix or (aff.definite_prefix(prefix) and not aff.dative_prefix(prefix)
                              and not aff.locative_prefix(prefix))

    def executed(self, doc: Document, t: TriggerMention,
                 after: list[EntityMention]) -> list[EntityMention]:
        """نفذت الوزارة حكم القتل تعزيرا في جانيين يمنيين، في الجاني، القتل تعزيرا لمهرب هيروين باكستاني:
        the one a sentence of death (after حكم, or followed by its kind: تعزيرا، قصاصا، حدا) is
        carried out on follows في / بحق or a fused ب / ل, after the sentence's kind."""
        tokens = doc.tokens
        i = t.tok_hi
        after_head = t.tok_lo > 0 and self.ph._bare(tokens[t.tok_lo - 1]) in self._sentence_heads
        if not after_head and (i >= len(tokens) or tokens[i] not in self._sentence_kinds):
            return []
        while i < len(tokens) and tokens[i] in self._sentence_kinds:
            i += 1
        if i + 1 >= len(tokens):
            return []
        first = i + 1 if tokens[i] in self._executed_on else i
        if first == i and self.ph._fused_preposition(tokens[i], True) not in self._executed_on:
            return []
        # up to two head nouns may stand before the name or the adjective of origin (في جانيين
        # يمنيين، لمهرب هيروين باكستاني)
        on = next((k for k, e in enumerate(after) if first <= e.tok_lo <= first + 2
                   and self._ungoverned(e.prefix)
                   and all(tokens[j].isalpha() and j not in self.ph._in_entity
                           and j not in self.ph._in_trigger for j in range(first, e.tok_lo))), None)
        return self.ph._chain_from(doc, after, on) if on is not None else []

    def not_mobilized(self, fam: EventFamily,
                      recipient: list[EntityMention]) -> list[EntityMention]:
        """حشد مقاتلين جددا، نشر قوات، سيرت دوريات الشرطة: troops, fighters or people named by a
        sector word after an act of mobilizing are what it mobilizes, not whom it is aimed at."""
        if fam.type not in self._mobilizing:
            return recipient
        return [e for e in recipient if e.id not in self._sector_words]

    def passive_patient(self, doc: Document, t: TriggerMention, fam: EventFamily,
                        before: list[EntityMention], others: list[EntityMention]
                        ) -> list[EntityMention]:
        """Who suffered a passive act with no bare phrase after it (``others``: the phrases
        after it but its agent): the phrase its own preposition marks (تم القبض على شخصين, not
        one that only directs it: استشهد جنديان في مواجهات مع الحوثيين), else, for a passive
        verb, the subject before it with no other act between them (إن ثلاثة من رجال الأمن
        استشهدوا أمس)."""
        ph = self.ph
        patient: list[EntityMention] = []
        if fam.type in ph._passive_prone:
            patient = ph._marked(doc, others, fam, allow_obj=False)
            if patient and ph._governor(doc, patient[0]) not in ph._recipient_markers[fam.recipient]:
                patient = []
        if not patient and (t.tense == "passive" or self.written_passive(doc, t)):
            patient = ph._subject_before(doc, before, t)
            if patient and ph._in_trigger.intersection(range(patient[-1].tok_hi, t.tok_lo)):
                patient = []
        return patient

    def resumed_patient(self, doc: Document, t: TriggerMention,
                        antecedent: Callable[[Document, int], list[EntityMention]]
                        ) -> list[EntityMention]:
        """أفراد الخلية الذين تم القبض عليهم، الإرهابيين الذين تم ضبطهم: a passive act in a
        relative clause, its pronoun on its noun or its preposition, was done to the phrase the
        clause is about (``antecedent``: the phrase ending before a relative pronoun), not to
        a phrase after it."""
        tokens = doc.tokens
        lo = max(doc.sentences[t.sentence].tok_lo, t.tok_lo - RELATIVE_AUX)
        rel = next((i for i in range(t.tok_lo - 1, lo - 1, -1) if tokens[i] in self._relatives),
                   None)
        last = tokens[t.tok_hi - 1] if t.tok_hi - t.tok_lo > 1 else tokens[t.tok_lo]
        nxt = tokens[t.tok_hi] if t.tok_hi < len(tokens) else ""
        if rel is None or not any(w.endswith(self._plural_suffixes) and len(w) > 3
                                  for w in (last, nxt)):
            return []
        return antecedent(doc, rel)

    def voice(self, doc: Document, t: TriggerMention, fam: EventFamily,
              after: list[EntityMention], actor: list[EntityMention],
              recipient: list[EntityMention], right_edge: int
              ) -> tuple[list[EntityMention], list[EntityMention], bool]:
        """A verb written alike in both voices (قتل/قُتل) is passive when the one phrase after it
        is followed by no object: a preposition, a time word, a cause (جراء، إثر) or the clause's
        end (قتل صحافي في انفجار، قتلت سيدة جراء قصف). That phrase is who suffered it; the doer
        is the agent phrase if any (قتل شاب برصاص الجيش). Subject first, the same holds of an
        indefinite phrase before the verb (إن 12 مدنيا قتلوا في الغارات، ستة أشخاص اعتقلوا).
        Civilians are read so even when definite (وقتل المدنيون عندما أطلق المتمردون النار).
        A count of a group right after the verb (قتل عنصران من الشرطة، اعتقل العشرات من أنصار
        الجماعة، قتل اثنان منهم) is who suffered it, when no subject stands before the verb.
        A verb that comes with its object noun (فتحت قوات النظام أمس نيران رشاشاتها) is active:
        the lexicon found that object after the phrase."""
        if t.family in self._phrasal:
            return actor, recipient, False
        counted = None if actor and actor[0].tok_lo < t.tok_lo \
            or fam.type not in self.ph._passive_prone \
            else self._counted_group(doc, t, after, right_edge)
        if counted is not None:
            return self.ph._agent(doc, t, [e for e in after if e not in counted]), counted, True
        if actor and fam.type in self.ph._passive_prone and self._counted_after(doc, t, actor[0]):
            # قتل 17 مسلحا من الحوثيين وقوات صالح: a count right after the verb is who suffered it
            sufferers = actor + [e for e in recipient if e not in actor]
            agent = self.ph._agent(doc, t, [e for e in after if e.tok_lo >= sufferers[-1].tok_hi])
            return agent, [e for e in sufferers if e not in agent], True
        if recipient or not actor or fam.type not in self.ph._passive_prone \
                or "obj" not in self.ph._recipient_markers[fam.recipient] \
                or not (self.ph._indefinite(doc, t, actor[0]) or actor[0].sector == "CVL"
                        or self._subject_right_before(doc, t, actor, right_edge)):
            return actor, recipient, False
        end = actor[-1].tok_hi if actor[0].tok_lo > t.tok_lo else t.tok_hi
        if actor[0].tok_lo > t.tok_lo and end < right_edge and doc.tokens[end] in self._others:
            end += 1    # وقتل جنديان آخران في هجوم: "others" is the phrase's, not an object
        if actor[0].tok_lo < t.tok_lo and end < right_edge and end in self.ph._in_entity:
            return actor, recipient, False      # قتلوا مدنيين: an object follows
        if end < right_edge and end not in self.ph._in_entity:
            if self._object_after_time(doc, end, right_edge):
                return actor, recipient, False
            nxt = doc.tokens[end]
            bare = self.ph._bare(nxt)
            if nxt == self.ph._origin or not (
                    nxt in self._prepositions or bare in self.ph._after_passive_subject
                    or bare in self._time_words     # اختطفوا يوم الأحد: no object after the time
                    or bare in self._prepositions or nxt in self._clause_breaks
                    or self._fused(nxt)):
                return actor, recipient, False
        agent = self.ph._agent(doc, t, [e for e in after if e.tok_lo >= end and e not in actor])
        return agent, actor, True

    def _subject_right_before(self, doc: Document, t: TriggerMention,
                              actor: list[EntityMention], right_edge: int) -> bool:
        """أن الجنود قتلوا عندما سقطت قذائف، أن رئيس المخابرات السابق قتل في منطقة كامينجي: a
        subject right before the verb (قد aside: أربعة إيطاليين قد اختطفوا), definite or named,
        with no count after the verb in its clause (الجيش قتل في الغارة 20 مسلحا: an object to
        come)."""
        tokens = doc.tokens
        return all(self.ph._bare(w) in self._qad for w in tokens[actor[-1].tok_hi:t.tok_lo]) \
            and actor[-1].tok_hi <= t.tok_lo and not any(
            self._is_count(tokens[i]) for i in range(t.tok_hi, right_edge))

    def _counted_after(self, doc: Document, t: TriggerMention, e: EntityMention) -> bool:
        """Whether ``e`` is counted right after the verb (قتل 13 مسلحا، اعتقل نحو 300 مشتبه):
        a verb's subject right after it is not a count, so the verb is passive."""
        gap = doc.tokens[t.tok_hi:e.tok_lo]
        if not 0 < len(gap) <= COUNT_WORDS or self.ph._in_entity.intersection(
                range(t.tok_hi, e.tok_lo)):
            return False
        last, numbers = gap[-1], self._numbers
        return last.isdigit() or (numbers is not None
                                  and numbers.parse_number(self.ph._bare(last)) is not None)

    def _counted_group(self, doc: Document, t: TriggerMention, after: list[EntityMention],
                       right_edge: int) -> list[EntityMention] | None:
        """The group a count right after the verb (a word of time may come first) takes from
        (عنصران من الشرطة التركية، أكثر من 20 من عناصر داعش, one head noun allowed before the
        group), [] for a pronoun (اثنان منهم); None when there is no such count, or an object
        follows it (the count is then the doer)."""
        ph, tokens = self.ph, doc.tokens
        i = t.tok_hi
        while i < right_edge and ph._bare(tokens[i]) in self._time_words:
            i += 1
        count = next((j for j in range(i, min(right_edge - 1, i + COUNT_WORDS))
                      if self._is_count(tokens[j])), None)
        if count is None or any(j in ph._in_entity or j in ph._in_trigger for j in range(
                i, count + 1)) or any(ph._bare(tokens[j]) not in ph._count_qualifiers
                                      and tokens[j] != ph._partitive_preposition
                                      for j in range(i, count)):
            return None
        of = tokens[count + 1]
        if ph._bare(of) in self._partitive_pronouns:
            group: list[EntityMention] = []
            end = count + 2
        else:
            k = next((k for k, e in enumerate(after) if e.tok_lo in (count + 2, count + 3)), None)
            if of != ph._partitive_preposition or k is None or (
                    after[k].tok_lo == count + 3 and not tokens[count + 2].isalpha()):
                return None
            group = ph._chain_from(doc, after, k)
            end = group[-1].tok_hi
        return None if self._object_at(doc, end, right_edge, after) else group

    def _object_at(self, doc: Document, i: int, right_edge: int,
                   after: list[EntityMention]) -> bool:
        """Whether an object stands at ``i``, past words of time (خطف عناصر من الجبهة مساء أمس
        قائد الفرقة): a bare phrase, or a noun without the article (a definite word there is
        an adjective); not a preposition, a cause, a clause break or the clause's end."""
        ph, tokens = self.ph, doc.tokens
        while i < right_edge and ph._bare(tokens[i]) in self._time_words:
            i += 1
        if i >= right_edge:
            return False
        if i in ph._in_entity:
            return any(e.tok_lo == i and ph._governor(doc, e) is None for e in after)
        word = tokens[i]
        bare = ph._bare(word)
        return word.isalpha() and not (
            word in self._prepositions or bare in self._prepositions or word in self._clause_breaks
            or bare in ph._after_passive_subject or self._fused(word)
            or bare.startswith(ph._article) or i in ph._in_trigger)

    def _is_count(self, word: str) -> bool:
        """A number (in digits or words) or a partitive head (عنصران، العشرات، عدد); not a
        day's name (يوم الأحد: no "one")."""
        numbers = self._numbers
        if self.ph._bare(word) in self._time_words:
            return False
        return self.ph._is_partitive(word) or (
            numbers is not None and numbers.parse_number(self.ph._bare(word)) is not None)

    def _object_after_time(self, doc: Document, i: int, right_edge: int) -> bool:
        """قصفت طائرات حربية سورية أمس بلدة الزبداني: after the words of time at ``i`` comes
        a definite or named phrase, or a noun with one as its genitive (بلدة الزبداني), counted
        or not, which is the verb's object; not a preposition, a cause or the clause's end (قتل صحافي أمس في
        انفجار)."""
        ph, tokens = self.ph, doc.tokens
        j = i
        while j < right_edge and ph._bare(tokens[j]) in self._time_words:
            j += 1
        if j == i or j >= right_edge:
            return False
        counted = j + 1 < right_edge and any(c.isdigit() for c in tokens[j])
        if counted:
            j += 1      # أسرت قوات المقاومة أمس 45 حوثيا: a count before its noun
        if j in ph._in_entity:
            return True
        word = tokens[j]
        if not word.isalpha() or word in self._prepositions or word in self._clause_breaks \
                or ph._bare(word) in ph._after_passive_subject or self._fused(word):
            return False
        return counted or any(k < right_edge and (k in ph._in_entity or k + 1 in ph._place_ends
                                       or ph._bare(tokens[k]).startswith(ph._article))
                   for k in (j, j + 1))

    def _fused(self, word: str) -> bool:
        """بقذيفة، لصالح: a preposition fused to the word's front (not بلدة، لجنة)."""
        return self.ph._fused_preposition(word, True) is not None \
            and word not in self.ph._not_prepositional
