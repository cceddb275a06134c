"""What people suffered (مقتل، إصابة، استشهاد) and the acts it came from.

* A noun of suffering, also after و or a fused ب / ل (مقتل، وإصابة، بإصابة), makes an act named
  after it in its clause the cause of the suffering (إصابة ثلاثة أشخاص بانفجار عبوة): those
  hurt are not the act's doer (``roles.py``, the cause phrase).
* The dead of a two-sided fight fell in it: ``مقتل ستة أشخاص في اشتباكات بين قوات الأمن
  ومقاتلين`` is the fight's outcome, both sides the actor and no recipient (ANNOTATION.md,
  "Violence"). So is a killing told as falling in a fight with one side named after مع (قتل جندي
  تركي في اشتباكات مع تنظيم داعش، قتل ثلاثة من الإرهابيين باشتباكات مع قوات الأمن): the killed
  are of the other side, and both sides are the actor. Not a capture (أسر ثلاثة حوثيين في
  مواجهات مع المقاومة): the captors took the captured, one side's act.
* An outcome after a verb of result (أسفر عن، أدى إلى) is what the act named with that verb did:
  ``غارات للطيران الروسي أسفرت عن مقتل 15 قرويا`` gives the strikes their victims and the deaths
  their doer.
* Those killed or hurt by an act named after them with a cause preposition fell to its doer:
  ``مقتل 30 عنصرا من داعش بقصف لطيران التحالف`` is the coalition's, where the outcome names no
  doer of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, TriggerMention
from marsad.events.phrases import PhraseReader

#: how many words after the outcome the fight it fell in may be named (في اشتباكات عنيفة بين …)
FIGHT_REACH = 6
#: how many words after the outcome the act that caused it may be named (مقتل 30 عنصرا من تنظيم
#: داعش وتدمير مخزن للأسلحة بقصف لطيران التحالف)
CAUSE_REACH = 10
#: how many words before an outcome its verb of result may stand (أسفرت غارات X، مساء الأحد، على
#: بلدة … عن مقتل), and before that verb the act it reports the result of
RESULT_REACH = 16


def _named(entities: list[EntityMention]) -> bool:
    """Whether the text names one of ``entities`` (not only an implied doer)."""
    return any(e.end > e.start for e in entities)


class OutcomeReader:
    """The outcome rules of the role stage, over the phrase rules ``ph``."""

    def __init__(self, ph: PhraseReader):
        self.ph = ph
        norm = ph.lang.normalize_term
        #: verbs that tie an act to what it did (أسفر عن، أدى إلى، أوقع)
        self._result_verbs = frozenset(norm(w) for w in ph.lang.table("roles")["result_verbs"])
        self._causes = frozenset(norm(w) for w in ph.lang.table("roles")["cause_only_prepositions"])
        #: the acts that may fall in a fight, and the word before a fight's other side (مع)
        self._fight_types = frozenset(ph.lang.table("roles")["fight_outcome_types"])
        self._fight_with = norm(ph.lang.table("roles")["fight_side_preposition"])
        self._not_fight_modes = frozenset(ph.lang.table("roles")["fight_outcome_not_modes"])

    def is_outcome(self, doc: Document, t: TriggerMention) -> bool:
        """Whether ``t`` names what someone suffered (مقتل، إصابة), which a speaker reports."""
        return t.tense == "noun" and self.ph._bare(doc.tokens[t.tok_lo]) in self.ph._reported_outcomes

    def caused(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the act noun ``t`` is named as a cause (جراء تفجير، بسبب القصف): what the
        clause's people suffered, not something its subject did."""
        return t.tense == "noun" and t.tok_lo > 0 \
            and self.ph._bare(doc.tokens[t.tok_lo - 1]) in self._causes

    def word(self, token: str) -> bool:
        """مقتل، وإصابة، بإصابة: a noun of suffering, after و or a fused ب / ل."""
        word = self.ph._bare(token)
        if word in self.ph._reported_outcomes:
            return True
        return self.ph._fused_preposition(word, True) is not None \
            and word[1:] in self.ph._reported_outcomes

    def of_fights(self, doc: Document, sentences: Iterable[list[EventMention]],
                  two_sided: Callable[[Document, TriggerMention], bool]) -> None:
        """Give each outcome that fell in a two-sided fight named after it in its sentence
        (``sentences``: each sentence's mentions) the fight's roles (module docstring)."""
        for ms in sentences:
            self._of_fights(doc, ms, two_sided)

    def _of_fights(self, doc: Document, ms: list[EventMention],
                   two_sided: Callable[[Document, TriggerMention], bool]) -> None:
        for m in ms:
            self._fought_by_subject(m, ms, two_sided(doc, m.trigger))
        for m in ms:
            t = m.trigger
            if self.is_outcome(doc, t):
                end = t.tok_hi
            elif self._suffered(doc, m):
                # the reach counts from the last of those who suffered it named after the verb
                end = max([t.tok_hi] + [e.tok_hi for e in m.recipient if e.tok_lo >= t.tok_hi])
            else:
                continue
            fight = next((c for c in ms if len(c.actor) > 1
                          and 0 < c.trigger.tok_lo - end <= FIGHT_REACH
                          and two_sided(doc, c.trigger)
                          and not any(e in c.actor for e in m.recipient)), None)
            if fight is not None:
                m.actor, m.recipient = list(fight.actor), []
            elif sides := self._fight_read_in(doc, t, end, two_sided):
                m.actor, m.recipient = sides, []
        for m in ms:
            self._fell_in_fight(doc, m)
        for m in ms:
            if m.recipient and not _named(m.actor) and self.ph.res.families[m.trigger.family].type \
                    in self.ph._passive_prone:
                cause = self._cause(doc, m, ms)
                if cause is not None:
                    m.actor = [e for e in cause.actor if e not in m.recipient]
        for m in ms:
            if self.is_outcome(doc, m.trigger):
                self._result(doc, m, ms)

    def _fought_by_subject(self, m: EventMention, ms: list[EventMention], two_sided: bool) -> None:
        """A fight named by its noun with only the side after مع (سيطرت القوات العراقية على
        الرمادي بعد معارك عنيفة مع داعش، قتل الجيش خمسة مسلحين في اشتباكات مع التنظيم) was
        fought by the doer of the act of violence told before it in the sentence: that doer is
        the other side of the compound actor."""
        t = m.trigger
        if not two_sided or t.tense != "noun" or not m.actor \
                or any(e.tok_lo < t.tok_lo for e in m.actor):
            return
        fighter = next((c for c in reversed(ms) if c.trigger.tok_hi <= t.tok_lo
                        and c.trigger.tense in ("past", "present") and c.actor
                        and self.ph.res.families[c.trigger.family].type in self._fight_types), None)
        if fighter is not None:
            m.actor = [e for e in fighter.actor if e not in m.actor and e not in m.recipient] \
                + m.actor

    def _fight_read_in(self, doc: Document, t: TriggerMention, end: int,
                       two_sided: Callable[[Document, TriggerMention], bool]) -> list[EntityMention]:
        """قتل جندي في اشتباكات بين الجيش والحوثيين: the sides after بين of a fight within reach
        that the trigger stage read as the killing's own object (a complement, no mention)."""
        fight = next((c for c in doc.complements if c.sentence == t.sentence
                      and 0 < c.tok_lo - end <= FIGHT_REACH and two_sided(doc, c)), None)
        if fight is None:
            return []
        after = [e for e in doc.entities if e.sentence == t.sentence and e.tok_lo >= fight.tok_hi]
        return self.ph._between_sides(doc, fight, after)

    def _suffered(self, doc: Document, m: EventMention) -> bool:
        """قتل ثلاثة جنود في اشتباكات بين …، قُتل جندي: a killing told by its verb with no doer
        named (a passive, or a verb whose doer is only implied), of a kind that falls in fights."""
        t = m.trigger
        fam = self.ph.res.families[t.family]
        return t.tense != "noun" and not _named(m.actor) and bool(m.recipient) \
            and fam.type in self._fight_types and fam.mode not in self._not_fight_modes \
            and not self.two_sided(doc.tokens[t.tok_lo])

    def two_sided(self, token: str) -> bool:
        """Whether ``token`` names a two-sided fight (اشتبك، المواجهات، معارك، باشتباكات)."""
        ph = self.ph
        word = ph._bare(token)
        if word not in ph._reciprocal and ph._fused_preposition(word, True):
            word = word[1:]     # مقتل جندي باشتباكات مع داعش
        return word in ph._reciprocal or (
            word.startswith(ph._article) and word[len(ph._article):] in ph._reciprocal)

    def _fell_in_fight(self, doc: Document, m: EventMention) -> None:
        """قتل جندي تركي في اشتباكات مع تنظيم داعش: a violent act whose clause says, within
        reach after it, that it fell in a fight with a side named after مع is that fight: those
        it names and that side are the actor, with no recipient."""
        t, tokens = m.trigger, doc.tokens
        fam = self.ph.res.families[t.family]
        if fam.type not in self._fight_types or fam.mode in self._not_fight_modes \
                or self.two_sided(tokens[t.tok_lo]) or not (m.actor or m.recipient):
            return
        end = min(doc.sentences[t.sentence].tok_hi, t.tok_hi + FIGHT_REACH)
        fight = next((i for i in range(t.tok_hi, end) if self.two_sided(tokens[i])), None)
        if fight is None:
            return
        side = next((e for e in doc.entities if e.sentence == t.sentence
                     and fight + 1 <= e.tok_lo - 1 <= fight + 3
                     and tokens[e.tok_lo - 1] == self._fight_with), None)
        if side is None:
            return
        parties = [e for e in m.actor + m.recipient if e.code != side.code]
        m.actor, m.recipient = parties + [side], []

    def _result(self, doc: Document, m: EventMention, ms: list[EventMention]) -> None:
        """غارات للطيران الروسي أسفرت عن مقتل نحو 15 قرويا، أسفرت غارات X عن مقتل …: an outcome
        after a verb of result (أسفر عن، أدى إلى، أوقع) is what the act named with that verb did:
        the outcome takes the act's doer, the act those who suffered it, where they name none."""
        lo = m.trigger.tok_lo
        verb = result_verb_before(doc, m.trigger, self.ph._bare, self._result_verbs)
        if verb is None:
            return
        families = self.ph.res.families
        kind = families[m.trigger.family].type
        acts = [c for c in ms if c is not m and families[c.trigger.family].type == kind
                and not self.is_outcome(doc, c.trigger)
                and verb - RESULT_REACH <= c.trigger.tok_lo < lo]
        if not acts:
            return
        act = min(acts, key=lambda c: abs(c.trigger.tok_lo - verb))
        if not _named(m.actor) and _named(act.actor):
            m.actor = [e for e in act.actor if e not in m.recipient]
        if not _named(act.recipient) and m.recipient and _named(m.recipient):
            act.recipient = [e for e in m.recipient if e not in act.actor]

    def _cause(self, doc: Document, m: EventMention,
               ms: list[EventMention]) -> EventMention | None:
        """The act with a named doer that ``m`` reports the outcome of: named after a cause
        preposition within reach after it (مقتل 30 عنصرا من داعش بقصف لطيران التحالف، قتل 15
        مدنيا في غارات للطيران الروسي)."""
        t = m.trigger
        families = self.ph.res.families
        for c in ms:
            lo = c.trigger.tok_lo
            if c is m or not 0 <= lo - t.tok_hi <= CAUSE_REACH or not _named(c.actor) \
                    or families[c.trigger.family].type != families[t.family].type:
                continue    # not an act of its kind (اعتقال X بتهمة …: the charge is no cause)
            word = self.ph._bare(doc.tokens[lo])
            before = self.ph._bare(doc.tokens[lo - 1]) if lo > 0 else ""
            if before in self.ph._cause_prepositions \
                    or self.ph._fused_preposition(word, True) is not None \
                    and word not in self.ph._not_prepositional:
                return c
        return None


def result_verb_before(doc: Document, t: TriggerMention, bare: Callable[[str], str],
                       verbs: frozenset[str]) -> int | None:
    """Where the verb of result (``verbs``: أسفر عن، أدى إلى) nearest before ``t`` stands in its
    sentence, within ``RESULT_REACH`` words; None where none does."""
    lo, first = t.tok_lo, doc.sentences[t.sentence].tok_lo
    return next((i for i in range(lo - 1, max(first, lo - RESULT_REACH) - 1, -1)
                 if bare(doc.tokens[i]) in verbs), None)
