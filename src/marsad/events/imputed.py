"""A wrong laid at its doer's door by the words that name it: rules of the role stage
(``roles.py``) for the lexicon's families of ``frame: imputed``.

Words such as يقف وراء، يتحمل المسؤولية، تورط X، ضالع، التدخل في شؤون name a wrong by its doer:
their subject, genitive or adjective of origin is the one the wrong is laid on, and the
accusation is the speaker's. So the event's recipient is that doer and its actor the one who
says it (ANNOTATION.md: an accusation of a specific wrong is ACCUSE, allege): in قال الوزير إن
طهران تقف وراء الهجوم, the minister accuses Tehran; in أكد الوزير أن على إيران أن تغير سياستها
القائمة على التدخل في شؤون الدول العربية, the minister accuses Iran, and the Arab states, whose
affairs are meddled in, are neither side.

* the doer is the phrase the clause rules found as the actor (the subject, the genitive of a
  one-word noun: تورط إيران، the adjective after it: تدخل إيراني), else the subject before a
  noun, in its clause or, its clause naming none, in its sentence (أن تغير إيران سياستها التي
  تكمن في التدخل في شؤون …);
* a phrase right after words that end on a preposition's genitive (التدخل في شؤون X) is the
  one wronged, not the doer: it is dropped;
* the actor is the speaker the clause is reported by, else the subject of the sentence's verb
  of saying, else the phrase before the doer that the sentence opens with (لمحت السلطات
  البحرينية إلى تورط إيران); none found, it is left for the role stage's last resorts.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, Sentence, TriggerMention
from marsad.events.phrases import PhraseReader
from marsad.events.speech import SpeechReader
from marsad.resources.tables import EventFamily

Roles = tuple[list[EntityMention], list[EntityMention]]

#: the frame name in the lexicon
FRAME = "imputed"


class ImputedWrongs:
    def __init__(self, ph: PhraseReader, speech: SpeechReader):
        self.ph = ph
        self.speech = speech

    def sides(self, doc: Document, sent: Sentence, t: TriggerMention, fam: EventFamily,
              ents: list[EntityMention], before: list[EntityMention],
              reporter: list[EntityMention], roles: Roles) -> Roles:
        """For words of the frame, the speaker as actor and the one the wrong is laid on as
        recipient; other words keep ``roles``."""
        actor, recipient = roles
        if fam.frame != FRAME:
            return actor, recipient
        if t.tok_hi - t.tok_lo > 1:    # التدخل في شؤون X: X is wronged, not the doer
            actor = [e for e in actor if e.tok_lo < t.tok_hi]
            recipient = [e for e in recipient if e.tok_lo < t.tok_hi or e.tok_lo > t.tok_hi + 1]
        # تدخل إيراني، تورط إيران: the phrase right after a one-word noun is its doer
        own = [e for e in actor + recipient if e.tok_lo == t.tok_hi] \
            if t.tense == "noun" and t.tok_hi - t.tok_lo == 1 else []
        doer = own or [e for e in actor if e not in reporter] or (self.ph._subject_before(
            doc, before or [e for e in ents if e.tok_hi <= t.tok_lo], t)
            if t.tense == "noun" else [])
        doer = [e for e in doer if e not in reporter]
        if not doer:
            return actor, recipient
        # لمحت السلطات البحرينية إلى تورط إيران: the subject before the doer lays the wrong
        speaker = reporter or self.speech.speaker(doc, sent, t, ents) or self.ph._subject_before(
            doc, [e for e in ents if e.tok_hi <= doer[0].tok_lo], None, end=doer[0].tok_lo)
        return [e for e in speaker if e not in doer], doer
