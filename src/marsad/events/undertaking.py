"""An act noun governed by a verb of managing, undertaking or voicing: the verb's subject does it.

``تمكنت قوات عسكرية في مكان منفصل من قتل أربعة``، ``نجحت طائرات التحالف العربي في تدمير
مواقع``، ``أقدمت عناصر التمرد على زرع مئات الألغام``، ``عناصر الجيش الثالث تقوم بتمشيط المنطقة``،
``وأعرب الطرفان، في المقابل، عن إدانتهما``: the noun is the object of the verb through the
preposition the verb takes (or right after it: ``حاولوا التفاوض``), so the doer of the act is the
verb's subject — the first bare phrase between the verb and the noun (VSO), else the phrase
right before the verb (SVO). The verbs' own nouns do so too, their genitive the doer
(``بعد قيام مستوطنين بإحراق منزل``، ``أشاد بنجاح القوات في تحرير عدن``); after a preposition a
verb form is such a noun (``بتواصل الاشتباكات``), with no doer where no genitive follows it
right after it. Verbs of doing take their act as a plain object, and so do their nouns
(``عن تنفيذ التحالف ضربات جوية``، ``مع إطلاق الحوثيين قذائف``، ``أدان تنفيذ تنظيم داعش هجوما``).
The verbs and their prepositions are the language's (``roles.undertaking_verbs``); the role
stage asks only for an act noun with no actor of its own.

A request named by its noun and met or turned down (``وافقت إسرائيل على طلب مصر``، ``موقف المملكة
من قبول طلب الرئيس هادي``، ``رفضت الحكومة طلب واشنطن``) was made to the one who meets it: the
subject of the verb of response, found the same way (``roles.response_verbs``), is the request's
recipient (``AnsweredRequests``); its genitive is the one who asked.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.phrases import COMMA, PhraseReader
from marsad.resources.tables import EventFamily

#: how many words may stand between the verb and the act noun (its subject, a time, a place)
REACH = 8


class UndertakingVerbs:
    """The undertaking rule of the role stage, over the phrase rules ``ph``."""

    def __init__(self, ph: PhraseReader, table_name: str = "undertaking_verbs"):
        self.ph = ph
        lang = ph.lang
        norm = lang.normalize_term
        table = lang.table("roles")[table_name]
        #: verb form → the preposition it governs its act with ("" for none)
        self._verbs = {norm(form): norm(link) if link else "" for link, forms in table.items()
                       for form in forms}
        self._stops = (lang.clause_breaks - {COMMA}) | ph.g.complementizers
        self._fused = lang.syntax.preposition_proclitic
        self._prepositions = ph.g.prepositions
        #: words of time, which the reach does not count (نفذت أمس وعقب فجر اليوم غارات)
        self._time_words = frozenset(norm(w) for w in lang.table("roles")["time_after_subject"])

    def _governs_with(self, token: str) -> tuple[str | None, bool]:
        """The preposition the verb or verbal noun ``token`` governs its act with (None for
        another word), and whether it was read behind a preposition fused to it. The form as
        written first (وافق begins with a و of its own), then without و/ف, then without a
        fused preposition (بقيام X بـ …: a noun, never a verb)."""
        verbs = self._verbs
        bare = self.ph._bare(token)
        for form in (token, bare):
            if form in verbs:
                return verbs[form], False
        return (verbs.get(bare[1:]), True) if self._fused(bare, False) else (None, False)

    def _reach_start(self, tokens: list[str], sentence_start: int, first: int) -> int:
        """The first token a governing verb may stand at: ``REACH`` words before the act noun
        at ``first``, words of time not counted (نفذت طائرات التحالف في ساعة متأخرة من مساء
        أمس وعقب فجر اليوم الأحد غارات)."""
        i, left = first, REACH
        while i > sentence_start and left > 0:
            i -= 1
            if self.ph._bare(tokens[i]) not in self._time_words:
                left -= 1
        return i

    def doer(self, doc: Document, t: TriggerMention,
             before: list[EntityMention]) -> list[EntityMention]:
        """The subject of the verb that governs the act noun ``t``, among the phrases
        ``before`` it in its clause; none when no such verb stands before it."""
        if t.tense != "noun":
            return []
        link, first = self._link(doc, t)
        lo = self._reach_start(doc.tokens, doc.sentences[t.sentence].tok_lo, first)
        tokens = doc.tokens
        for i in range(first - 1, lo - 1, -1):
            governs, behind_preposition = self._governs_with(tokens[i])
            if i in self.ph._in_entity or governs != link:
                if i in self.ph._in_trigger or tokens[i] in self._stops:
                    return []
                continue
            # a word right after a preposition is a noun too (عن تنفيذ التحالف ضربات)
            behind_preposition = behind_preposition or i > lo and tokens[i - 1] in self._prepositions
            inside = [e for e in before if i < e.tok_lo and e.tok_hi <= first]
            subject = self.ph._first_chain(doc, inside, bare=True)
            if behind_preposition:
                # a verbal noun after a preposition (بقيام الشرطة بهدم، بتواصل الاشتباكات): its
                # genitive, right after it, is the doer; else there is none (بارتكاب جرائم حرب
                # في اليمن: not Yemen)
                return subject or (self.ph._chain_from(doc, inside, 0)
                                   if inside and inside[0].tok_lo == i + 1 else [])
            if subject or link == "" and inside:
                return subject      # واصل قصف المدينة: a phrase after the verb, no subject
            return self.ph._subject_before(doc, [e for e in before if e.tok_hi <= i], None,
                                           near=True, end=i)
        return []

    def _link(self, doc: Document, t: TriggerMention) -> tuple[str, int]:
        """The preposition before the noun (a word, or ب fused to it) and where the words
        before it end; "" and the noun's start where there is none."""
        tokens = doc.tokens
        fused = self.ph._fused_preposition(tokens[t.tok_lo], True)
        if fused or t.prefix[-1:] in self._verbs.values() and t.prefix:
            return fused or t.prefix[-1:], t.tok_lo
        prev = self.ph._bare(tokens[t.tok_lo - 1]) if t.tok_lo > 0 else ""
        if prev and prev in self._verbs.values():
            return prev, t.tok_lo - 1
        return "", t.tok_lo


class AnsweredRequests:
    """The one asked, for a request noun governed by a verb of meeting or refusing it."""

    def __init__(self, ph: PhraseReader):
        self.responders = UndertakingVerbs(ph, "response_verbs")
        #: the event types whose nouns are met so (طلب، مطالب، دعوة: REQUEST)
        self.types = frozenset(ph.lang.table("roles")["responded_types"])

    def asked(self, doc: Document, t: TriggerMention, fam: EventFamily,
              before: list[EntityMention], actor: list[EntityMention],
              recipient: list[EntityMention]) -> list[EntityMention]:
        """The subject of the verb that meets the request ``t``, other than the one who asked;
        else ``recipient``."""
        if fam.type not in self.types:
            return recipient
        return [e for e in self.responders.doer(doc, t, before) if e not in actor] or recipient
