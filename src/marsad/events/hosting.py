"""Who is the guest of a meeting: the guest is the actor (ANNOTATION.md; PLOVER's visit).

* A meeting told from its host's office or home (``عقد الأمير محمد بن سلمان في مكتبه بجدة اليوم
  اجتماعاً ثنائياً مع وزير الدفاع الأميركي``، ``اجتمع الأمين العام، في مكتبه بمقر الأمانة، مع سفير
  ميانمار``، ``لقاء النائب الثاني للرئيس السوداني بمكتبه … وزير حقوق الإنسان اليمني``): the one
  whose office it is receives the other, so the other is the actor and the host the recipient:
  the role stage swaps them at the end, as for a verb of hosting (استقبل).
* The guest of a meeting verb may stand past commas, after the host's honorifics, the place
  and the time (``استقبل خادم الحرمين الشريفين الملك سلمان – حفظه الله – في مكتبه بقصر اليمامة
  اليوم، رئيس وزراء لبنان الأسبق سعد الحريري``): the first bare phrase of another side before
  the clause ends is the one met.

The words are the language's (``roles``: ``host_places``, ``counterpart_meetings``,
``apposition_reach``).
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.phrases import PhraseReader
from marsad.resources.tables import EventFamily

Roles = tuple[list[EntityMention], list[EntityMention]]


class MeetingHosts:
    """The guest and the host of a meeting, over the phrase rules ``ph``."""

    def __init__(self, ph: PhraseReader, stops: frozenset[str]):
        self.ph = ph
        roles = ph.lang.table("roles")
        norm = ph.lang.normalize_term
        #: a host's own place (مكتبه، مقره), after في or a fused ب
        self._host_places = frozenset(norm(w) for w in roles["host_places"])
        self._meetings = frozenset(roles["counterpart_meetings"])
        self._reach = int(roles["apposition_reach"])
        #: words that end the clause the guest may stand in
        self._stops = stops
        #: per document: the meetings whose subject hosts them in its own place
        self._hosted: set[int] = set()

    def sides(self, doc: Document, t: TriggerMention, fam: EventFamily, roles: Roles) -> Roles:
        """The guest of a meeting verb past commas; a host in its own place is noted, for the
        swap the role stage makes last (module docstring)."""
        actor, recipient = roles
        if fam.type not in self._meetings or not actor:
            return actor, recipient
        if not recipient and t.tense != "noun":
            recipient = self._guest_past_commas(doc, t, actor)
        if recipient and fam.frame != "hosting" and self._in_own_place(doc, actor, recipient):
            self._hosted.add(t.tok_lo)
        return actor, recipient

    def start(self) -> None:
        """A new document: no meeting of it read as hosted yet."""
        self._hosted = set()

    def hosted(self, t: TriggerMention) -> bool:
        """Whether ``t``'s subject hosts the meeting in its own place, so that, as for a verb
        of hosting, the role stage swaps host and guest last (the sentence's later acts go on
        with the host, the subject)."""
        return t.tok_lo in self._hosted

    def _in_own_place(self, doc: Document, host: list[EntityMention],
                      guest: list[EntityMention]) -> bool:
        """Whether a host place of the subject's (في مكتبه) stands between it and the guest."""
        if guest[0].tok_lo < host[-1].tok_hi:
            return False
        tokens = doc.tokens
        for i in range(host[-1].tok_hi, guest[0].tok_lo):
            word = self.ph._bare(tokens[i])
            fused = self.ph._fused_preposition(word, True)
            if word in self._host_places or fused and word[1:] in self._host_places:
                return True
        return False

    def _guest_past_commas(self, doc: Document, t: TriggerMention,
                           host: list[EntityMention]) -> list[EntityMention]:
        """The first bare phrase of another side after the subject of a meeting verb, past its
        asides and commas, before the clause ends."""
        if host[0].tok_lo < t.tok_hi:
            return []
        end = host[-1].tok_hi
        sent = doc.sentences[t.sentence]
        stop = next((i for i in range(end, min(end + self._reach, sent.tok_hi))
                     if doc.tokens[i] in self._stops or i in self.ph._in_trigger),
                    min(end + self._reach, sent.tok_hi))
        side = {e.code for e in host}
        later = [e for e in doc.entities if e.sentence == t.sentence and end <= e.tok_lo < stop]
        guest = next((k for k, e in enumerate(later) if e.code not in side
                      and self.ph._governor(doc, e) is None), None)
        return self.ph._chain_from(doc, later, guest) if guest is not None else []
