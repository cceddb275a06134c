"""Who fought over ground: the roles of taking a place (the event lexicon's ``frame:
territory``: سيطر على، تحرير، تطهير).

Annotators code a place taken as no party, and the side it is taken from as the one the act
was done to: ``تمكنت المقاومة من تحرير عدن من الحوثيين`` is the resistance's act against the
Houthis; where the sentence reports the fighting itself (بعد معارك عنيفة مع الحوثيين، اشتباكات)
it is a fight between the two, both the actor and no recipient (ANNOTATION.md, "Violence": both
sides fighting). So:

* the side the ground is taken from (من X, من قبضة X, من آخر تواجد لـ X) is not the doer, as
  من is after an attack (قصف من الطيران), but the other side: it is the recipient, or, in a
  sentence of fighting, it joins the actor and there is no recipient;
* a place after من is the whole the ground is part of (جانبا كبيرا من عدن), not a side;
* the doer of a verbal noun whose من-phrase was taken for it is the phrase before the noun;
* without such a side, a named place (عدن، صنعاء) is not the recipient, and in a sentence of
  fighting the other party named (سيطرت المقاومة على قاعدة العند بعد معارك عنيفة مع الحوثيين)
  is the fight's other side: it joins the actor (training annotations strict 1257 -> 1260).
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.phrases import PhraseReader

#: how many words may stand between من and the side after it (من قبضة تنظيم داعش)
ORIGIN_REACH = 3


class TerritoryReader:
    """The territory rules of the role stage, over the phrase rules ``ph``."""

    def __init__(self, ph: PhraseReader):
        self.ph = ph

    def sides(self, doc: Document, t: TriggerMention, before: list[EntityMention],
              after: list[EntityMention], actor: list[EntityMention],
              recipient: list[EntityMention]
              ) -> tuple[list[EntityMention], list[EntityMention]]:
        """Actor and recipient of taking ground at ``t`` (module docstring)."""
        # جانبا كبيرا من عدن: a place after من is the ground's whole, not a side
        k = next((k for k, e in enumerate(after)
                  if self._origin_before(doc, t, e) and not _names_a_place(doc, e)), None)
        if k is None:
            rest = [e for e in recipient if not _names_a_place(doc, e)]
            if rest and self._fighting(doc, t):     # … بعد معارك عنيفة مع الحوثيين
                return actor + [e for e in rest if e not in actor], []
            return actor, rest
        side = self.ph._chain_from(doc, after, k)
        doer = [e for e in actor if e not in side]
        if not doer and t.tense == "noun":
            doer = [e for e in self.ph._subject_before(doc, before, t, near=True)
                    if e not in side]
        if self._fighting(doc, t):
            return doer + side, []
        return doer, side

    def _fighting(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the sentence of ``t`` reports two-sided fighting (معارك، اشتباكات، مواجهات)."""
        sent = doc.sentences[t.sentence]
        art = self.ph._article
        for tok in doc.tokens[sent.tok_lo:sent.tok_hi]:
            word = self.ph._bare(tok)
            if word not in self.ph._reciprocal and self.ph._fused_preposition(word, True):
                word = word[1:]     # بعد مواجهات، باشتباكات
            if word.startswith(art):
                word = word[len(art):]
            if word in self.ph._reciprocal:
                return True
        return False

    def _origin_before(self, doc: Document, t: TriggerMention, e: EntityMention) -> bool:
        """Whether من stands at most ``ORIGIN_REACH`` words before ``e``, after the trigger."""
        lo = max(t.tok_hi, e.tok_lo - ORIGIN_REACH)
        return any(doc.tokens[i] == self.ph._origin for i in range(lo, e.tok_lo))


def _names_a_place(doc: Document, e: EntityMention) -> bool:
    return any(p.start <= e.start < p.end for p in doc.places)
