"""Whom a condemnation is aimed at: the doer of the deed it condemns (ANNOTATION.md: the one
condemned is the recipient; a terrorist act with no doer named is by an unnamed armed group).
A rejection, a protest and praise of a deed are read the same way (رفض التصريحات التي أدلى بها X،
احتجاجا على الغارات التي تشنها X، أشاد بالدعم الذي قدمه X: the one supported is the one who gave
the support), as the ``roles`` table's ``condemning_types`` and ``condemning_cameos`` say.

``roles.py`` reads each act's clause; this module then re-reads the object of each condemnation
(the ``condemned_acts`` entry of the language's ``roles`` table):

* the object is an act the trigger finder set apart as its complement (أدان الهجوم على المسجد،
  ندد بهجمات المستوطنين): the recipient is that act's actor, read by the role stage's own rules
  (an implied armed group for a terrorist bombing); a definite act with no doer in its own words
  (وأدانت رئاسة كردستان القصف) is the last act of its type the article told before, and its
  doer is that act's (``told_before``: how many sentences back, its own included);
* the object is a word for a deed that is no event word (الجريمة، العمل، التصريحات): its doer is
  named by a relative clause with a verb of doing, deciding or calling for (الجريمة التي نفذها
  مستوطنون، ما تقوم به قوات الاحتلال، الهدنة التي دعت إليها X، الإصلاحات التي أعلنها X), by
  قيام X بـ, by الصادرة عن X, or by an agent phrase (من قبل المسؤولين الإيرانيين);
* with no doer named, a deed called terrorist or criminal (العمل الإجرامي الذي استهدف مسجدا) is
  an unnamed armed group's;
* where nothing else is aimed at, the party right after the word for the deed, its genitive or
  adjective (استنكاره لتصريحات المسؤولين الإيرانيين، تندد بالتصريحات الإيرانية); not after a word
  for an act, whose genitive is whom it was done to (أدان اختطاف الموظفين الإيطاليين: with no
  kidnapper named, no one is condemned).

The object is looked for right after the condemnation, or after its subject when the subject
follows it (دان رئيس مجلس النواب … التفجير الإرهابي).
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, TriggerMention
from marsad.events.implied import implied_mention
from marsad.events.phrases import COMMA, PhraseReader
from marsad.lang import Language
from marsad.resources import Resources

#: how many words after a relative clause's verb of doing its subject may begin: a phrase of
#: place or time may come first (التصريحات التي أدلى بها حول الجزائر الرئيس الفرنسي)
DOER_REACH = 4
#: reads the roles of an act set apart as a complement, with the entities after it
ReadAct = Callable[[TriggerMention, list[EntityMention]], EventMention]


class CondemnedActs:
    def __init__(self, resources: Resources, lang: Language, ph: PhraseReader):
        self.res = resources
        self.ph = ph
        table = lang.table("roles")["condemned_acts"]
        norm = lang.normalize_term
        self._condemning = frozenset(
            i for i, f in enumerate(resources.families)
            if f.mode in table["modes"] or f.type in table.get("condemning_types", ())
            or f.cameo in table.get("condemning_cameos", ()))
        self._condemnable = frozenset(table["types"])
        self._gap = int(table["max_gap"])
        self._window = int(table["window"])
        self._reach = int(table["unnamed_reach"])
        self._relatives = frozenset(norm(w) for w in table["relative_pronouns"])
        self._doer_verbs = tuple(norm(w) for w in table["doer_verbs"])
        self._undertaking = frozenset(norm(w) for w in table["undertaking"])
        self._issued = frozenset(norm(w) for w in table["issued"])
        self._issued_by = frozenset(norm(w) for w in table["issued_prepositions"])
        self._object_pronouns = tuple(norm(w) for w in table["object_pronouns"])
        self._resumptive = frozenset(norm(w) for w in lang.table("roles")["resumptive_pronouns"])
        self._unnamed_words = frozenset(norm(w) for w in table["unnamed_doer_words"])
        self._unnamed = next(s for s in resources.sectors if s.id == table["unnamed_doer"])
        self._breaks = lang.clause_breaks - {COMMA}
        self._prepositions = resources.grammar.prepositions
        self._definite = lang.affixes.definite_prefix
        self._lookback = int(table["told_before"])

    def __call__(self, doc: Document, in_sentence: dict[int, list[EventMention]],
                 by_sentence: dict[int, list[EntityMention]], read_act: ReadAct) -> None:
        settled: set[int] = set()
        acted: set[int] = set()     # condemnations of an act whose doer is not named
        for c in doc.complements:
            # the act is the condemnation's object, a noun (أدان الهجوم); a verb after it is a
            # relative clause about the act (التفجير الذي استهدف مسجدا)
            if c.tense != "noun" or self.res.families[c.family].type not in self._condemnable:
                continue
            condemning = [m for m in in_sentence.get(c.sentence, ())
                          if m.trigger.family in self._condemning
                          and 0 <= c.tok_lo - self._object_start(m) <= self._gap]
            if not condemning:
                continue
            # the act's own words only: the phrase before it is the condemner
            own = [e for e in by_sentence.get(c.sentence, []) if e.tok_lo >= c.tok_hi]
            self.ph._in_trigger.update(range(c.tok_lo, c.tok_hi))   # ندد بهجمات X
            act = read_act(c, own)
            self.ph._in_trigger.difference_update(range(c.tok_lo, c.tok_hi))
            doer = act.actor
            if not doer and self._definite(c.prefix):
                doer = self._told_before(c, in_sentence)    # أدان القصف: the one told before
            for m in condemning:
                if id(m) in settled:
                    continue    # an act inside the condemned one's relative clause (الهجوم الذي أدى إلى مقتل)
                m.recipient = [e for e in doer if e not in m.actor]
                if m.recipient:
                    settled.add(id(m))
                else:
                    acted.add(id(m))
        for sentence, mentions in in_sentence.items():
            ents = by_sentence.get(sentence, [])
            for m in mentions:
                if m.trigger.family in self._condemning and id(m) not in settled \
                        and not self._party_first(doc, m):
                    doer = self._deed_doer(doc, m, ents) or (
                        [] if m.recipient or id(m) in acted else self._deed_owner(doc, m, ents))
                    if doer:
                        m.recipient = doer

    def _told_before(self, c: TriggerMention, in_sentence: dict[int, list[EventMention]]
                     ) -> list[EntityMention]:
        """The doer of the last act of the condemned act's type told before it in the article
        (غارات للطيران التركي على قرية … وأدانت رئاسة كردستان القصف): a definite act with no
        doer of its own is that one."""
        kind = self.res.families[c.family].type
        for sentence in range(c.sentence, max(-1, c.sentence - self._lookback), -1):
            for m in reversed(in_sentence.get(sentence, ())):
                if (sentence < c.sentence or m.trigger.tok_hi <= c.tok_lo) and m.actor \
                        and self.res.families[m.trigger.family].type == kind:
                    return m.actor
        return []

    def _deed_owner(self, doc: Document, m: EventMention,
                    ents: list[EntityMention]) -> list[EntityMention]:
        """استغرابه من تصريحات القيادات الإيرانية، تندد بالتصريحات الإيرانية: the party right
        after the word for the deed (its genitive or adjective), where nothing else is aimed at."""
        start = self._object_start(m)
        for e in ents:
            if not start < e.tok_lo <= start + self._gap or e in m.actor:
                continue
            head = e.tok_lo - 1
            if head in self.ph._in_entity or head in self.ph._in_trigger \
                    or not doc.tokens[head].isalpha() or doc.tokens[head] in self._prepositions \
                    or e.prefix in self.ph._preposition_clitics:
                return []
            return self.ph._chain_from(doc, ents, ents.index(e))
        return []

    def _party_first(self, doc: Document, m: EventMention) -> bool:
        """Whether the act's object is a party its preposition names first, right after it
        (وقوف الكويت مع المملكة في تصديها للأعمال الإجرامية: the kingdom is supported; the
        criminal acts are those of the kingdom's foe, not its object)."""
        start = self._object_start(m)
        return any(e.tok_lo == start + 1 for e in m.recipient) \
            and doc.tokens[start] in self._prepositions

    def _object_start(self, m: EventMention) -> int:
        """Where the condemnation's object may begin: after the trigger, or after its subject
        when the subject follows it (VSO)."""
        t = m.trigger
        if m.actor and m.actor[-1].tok_lo >= t.tok_hi and m.actor[-1].end > m.actor[-1].start:
            return m.actor[-1].tok_hi
        return t.tok_hi

    def condemned_by(self, doc: Document, subject: list[EntityMention],
                     t: TriggerMention) -> bool:
        """Whether a condemnation stands before the act at ``t``, between it and ``subject`` or
        before both (الوزير أدان العمل الإرهابي، أدان الوزير العمل الإرهابي): the subject
        condemns the act, it did not do it."""
        if self.res.families[t.family].type not in self._condemnable:
            return False
        return any(c.sentence == t.sentence and c.tok_hi <= t.tok_lo and c.family in self._condemning
                   and (c.tok_lo >= subject[-1].tok_hi or c.tok_hi <= subject[0].tok_lo)
                   for c in doc.triggers)

    def unnamed_doer(self, doc: Document, t: TriggerMention, lo: int,
                     hi: int) -> list[EntityMention]:
        """An unnamed armed group as the doer of an act called terrorist or criminal by a word
        in tokens [lo, hi) (التفجير الإرهابي الذي استهدف مسجدا), else []."""
        words = self._unnamed_words
        if any(self.ph._bare(doc.tokens[i]) in words and i not in self.ph._in_entity
               for i in range(max(lo, 0), hi)):
            return [implied_mention(t, self._unnamed, self._unnamed.code)]
        return []

    def doer_forms_with_pronoun(self) -> frozenset[str]:
        """The verbs of doing with a pronoun for the act (شنتها، نفذه، ارتكبوها)."""
        return frozenset(v + p for v in self._doer_verbs for p in self._object_pronouns)

    def verb_doer(self, doc: Document, i: int, end: int,
                  ents: list[EntityMention]) -> list[EntityMention]:
        """The doer named after a verb of doing at token ``i`` that carries a pronoun for the
        act, as after an indefinite act, which takes no relative pronoun (غارات شنتها الطائرات
        التركية، مداهمات قامت بها الشرطة، كمين نصبه مسلحون), or []."""
        tokens = doc.tokens
        tok = tokens[i]
        if not tok.startswith(self._doer_verbs) or i + 1 >= end:
            return []
        lo = i + 2 if tokens[i + 1] in self._resumptive else i + 1
        if lo == i + 1 and not tok.endswith(self._object_pronouns):
            return []
        doer = [e for e in ents if lo <= e.tok_lo <= lo + 1 and self._unmarked(doc, e)]
        return self.ph._chain_from(doc, ents, ents.index(doer[0])) if doer else []

    def _unmarked(self, doc: Document, e: EntityMention) -> bool:
        """Whether no preposition governs ``e`` (العمليات التي شنت ضد داعش: ISIS is the target
        of a passive, not the doer)."""
        return doc.tokens[e.tok_lo - 1] not in self._prepositions \
            and e.prefix not in self.ph._preposition_clitics

    def relative_doer(self, doc: Document, i: int, end: int,
                      ents: list[EntityMention]) -> list[EntityMention]:
        """The doer named by a relative clause with a verb of doing that opens at token ``i``
        (التي نفذها مستوطنون، ما تقوم به قوات الاحتلال، الذي شنته مجموعة مسلحة), or []."""
        tokens = doc.tokens
        if not (self.ph._bare(tokens[i]) in self._relatives and i + 1 < end
                and tokens[i + 1].startswith(self._doer_verbs)):
            return []
        doer = [e for e in ents if i + 2 <= e.tok_lo <= i + 2 + DOER_REACH
                and self._unmarked(doc, e)]
        return self.ph._chain_from(doc, ents, ents.index(doer[0])) if doer else []

    def _deed_doer(self, doc: Document, m: EventMention,
                   ents: list[EntityMention]) -> list[EntityMention]:
        """The doer of the deed a condemnation names as its object (module docstring), or []."""
        tokens = doc.tokens
        start = self._object_start(m)
        end = min(doc.sentences[m.trigger.sentence].tok_hi, start + self._window)
        end = next((i for i in range(start, end) if tokens[i] in self._breaks), end)
        inside = [e for e in ents if start <= e.tok_lo < end and e not in m.actor]
        bare = self.ph._bare
        for i in range(start, end):
            word = bare(tokens[i])
            if i in self.ph._in_entity:
                break       # the object is a named party itself (انتقد X تصريحات Y)
            doer = self.relative_doer(doc, i, end, inside)
            if doer:        # الجريمة التي نفذها مستوطنون، ما تقوم به (دول) التحالف
                return doer
            if word in self._issued and i + 1 < end and bare(tokens[i + 1]) in self._issued_by:
                doer = [e for e in inside if e.tok_lo == i + 2]
                if doer:     # التوضيحات الصادرة عن الحكومة العراقية
                    return self.ph._chain_from(doc, inside, inside.index(doer[0]))
            if word in self._undertaking and i - start <= self._gap:
                doer = [e for e in inside if e.tok_lo == i + 1]
                if doer:     # استنكر قيام عناصر جبهة النصرة بخطف …
                    return self.ph._chain_from(doc, inside, inside.index(doer[0]))
        agent = self.ph._agent(doc, m.trigger, inside)
        if agent:            # استمرار التصريحات العدائية من قبل المسؤولين الإيرانيين
            return agent
        # العمل الإجرامي الذي استهدف مسجدا: no doer named; the deed may stand after a long
        # subject and its asides (دان رئيس ديوان المظالم … باسمه واسم منسوبيه العمل الإرهابي)
        last = min(doc.sentences[m.trigger.sentence].tok_hi, start + self._reach)
        last = next((i for i in range(start, last) if tokens[i] in self._breaks), last)
        if any(bare(tokens[i]) in self._unnamed_words and i not in self.ph._in_entity
               for i in range(start, last)):
            return [implied_mention(m.trigger, self._unnamed, self._unnamed.code)]
        return []
