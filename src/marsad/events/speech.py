"""Reported speech around an act: who says it and where a quotation opens.

``roles.py`` reads the act's clause; this module finds the people the clause is reported by:

* the subject of the verb of saying before a complementizer or a quotation (``قال X إن …``,
  ``X قال إن …``, ``قال X لوكالة الأنباء «…»``), which is the act's attribution, and its actor
  only when the embedded clause has no subject of its own (``قال X إنه هاجم``); never a phrase
  of what is said (``وقال إن «الأشخاص أنفسهم …»``: the verb's subject is dropped);
* the participle of saying that reports a clause (``مبيناً أن …``، ``مشيرا إلى أن …``);
* whether a verb of saying stands between a phrase and an act it names (``أعلنت الوزارة مقتل``:
  the ministry reports the death);
* the source a sentence cites (``بحسب X، وفقا لـ X، نقلا عن X``) and the words that cite it.

The words are the language's (``function_words``: verbs of saying, source phrases; ``roles``:
quotation marks).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, Sentence, TriggerMention
from marsad.events.phrases import PhraseReader
from marsad.lang import Language
from marsad.resources import Grammar


class SpeechReader:
    """The reported-speech rules of the role stage, over the phrase rules ``ph``."""

    def __init__(self, ph: PhraseReader, g: Grammar, lang: Language):
        self.ph = ph
        self.g = g
        # first words of source phrases and speech verbs: a cheap gate before the phrase checks
        self._source_heads = frozenset(p[0] for p in g.source_phrases)
        self._source_cues = lang.syntax.with_conjunction(
            self._source_heads | g.speech | ph._source_words_with_lam)
        self._quote_pattern = re.compile("[" + re.escape("".join(ph._quote_openers)) + "]")
        roles = lang.table("roles")
        closers = re.escape("".join(roles["quote_closers"]))
        word, n = f"[^{closers}\\s]+", int(roles["quoted_name_words"])
        #: a name in quote marks («داعش»، "بي كيه كيه"): a closing mark within a few words
        self._quoted_name = re.compile(rf"\s*{word}(?:\s+{word}){{0,{n - 1}}}\s*[{closers}]")
        self._closers = frozenset(roles["quote_closers"])
        roles_words = frozenset(lang.normalize_term(w) for w in roles["saying_participles"])
        #: مبينا أن، مشيرا إلى أن: participles of saying, and the words between one and what it says
        self._saying_participles = roles_words
        self._saying_links = frozenset(lang.normalize_term(w) for w in roles["saying_links"])
        self._seat_words = lang.syntax.with_conjunction(
            frozenset(lang.normalize_term(w) for w in roles["seat_words"]))
        #: per document: the tokens that open a quotation (``quotation_starts``)
        self._quote_opens: frozenset[int] = frozenset()

    def reported(self, doc: Document, lo: int, hi: int, subject: int) -> bool:
        """Whether a verb of saying stands between the subject and the act (الوزارة أعلنت
        مقتل) or right before the subject (أعلنت الوزارة مقتل): the subject said it."""
        speech = self.g.speech
        tokens = doc.tokens
        words = list(range(lo, hi)) + list(range(max(0, subject - 2), subject))
        return any(tokens[i] in speech or self.ph._bare(tokens[i]) in speech for i in words)

    def speaker(self, doc: Document, sent: Sentence, t: TriggerMention,
                 ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the first verb of saying in the sentence before ``t``."""
        return self.speaker_before_word(doc, sent, t.tok_lo, ents)

    def speaker_before_word(self, doc: Document, sent: Sentence, at: int,
                            ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the first verb of saying in the sentence before the token ``at``."""
        verb = self._speech_verb(doc, sent.tok_lo, at)
        if verb is None:
            return []
        said = self._content_start(doc, verb, at)
        chain = self.ph._first_chain(doc, [e for e in ents if verb < e.tok_lo < said],
                                     bare=True, max_gap=2, start=verb + 1)
        return chain or self.ph._subject_before(
            doc, [e for e in ents if e.tok_hi <= verb], None, end=verb)

    def in_what_is_said(self, doc: Document, sent: Sentence, t: TriggerMention) -> bool:
        """Whether ``t`` stands in what a verb of saying before it reports (قال إن X طالب)."""
        verb = self._speech_verb(doc, sent.tok_lo, t.tok_lo)
        return verb is not None and self._content_start(doc, verb, t.tok_lo) < t.tok_lo

    def quote_closed(self, doc: Document, said: TriggerMention, t: TriggerMention) -> bool:
        """Whether a quotation that holds ``said`` closes before ``t`` (…يرفضون الاتفاق»،
        داعيا المشرعين: what follows is the speaker's again); not a quoted name («داعش»)."""
        lo = doc.sentences[said.sentence].tok_lo
        if not any(lo <= k <= said.tok_lo for k in self._quote_opens):
            return False
        start, end = doc.norm.span_to_original(said.end, t.start)
        return any(c in self._closers for c in doc.text[start:end])

    def saying_participle(self, doc: Document, sent: Sentence, content: int) -> int | None:
        """The participle of saying that reports what begins at ``content`` (مبينا أن …،
        مشيرا إلى أن …، قائلا: «…»), if one stands right before it."""
        tokens, bare = doc.tokens, self.ph._bare
        for i in range(content - 1, max(sent.tok_lo, content - 4) - 1, -1):
            word = bare(tokens[i])
            if word in self._saying_participles or tokens[i] in self._saying_participles:
                return i
            if not (tokens[i] in self._saying_links or tokens[i] in self.g.complementizers
                    or word in self.g.complementizers or tokens[i] in (":", ",")):
                return None
        return None

    def speaker_after(self, doc: Document, sent: Sentence, t: TriggerMention,
                      ents: list[EntityMention]) -> list[EntityMention]:
        """The subject right after the first verb of saying in the sentence after ``t``
        (وخلال زيارة إلى إندونيسيا، قال الرئيس التركي …)."""
        verb = self._speech_verb(doc, t.tok_hi, sent.tok_hi)
        if verb is None:
            return []
        return self.ph._first_chain(doc, [e for e in ents if e.tok_lo > verb], bare=True,
                                    max_gap=2, start=verb + 1)

    def _content_start(self, doc: Document, verb: int, hi: int) -> int:
        """Where what the verb of saying reports begins: the first complementizer, colon or
        quotation after it (وقال إن «الأشخاص أنفسهم …»: the verb's subject is not in there)."""
        comps, bare = self.g.complementizers, self.ph._bare
        return next((i for i in range(verb + 1, hi) if i in self._quote_opens
                     or doc.tokens[i] == ":" or doc.tokens[i] in comps
                     or bare(doc.tokens[i]) in comps), hi)

    def _speech_verb(self, doc: Document, lo: int, hi: int) -> int | None:
        """The first verb of saying among tokens ``lo``–``hi`` (with or without و/ف), if any."""
        speech, bare = self.g.speech, self.ph._bare
        return next((i for i in range(lo, hi)
                     if doc.tokens[i] in speech or bare(doc.tokens[i]) in speech), None)

    def quotation_starts(self, doc: Document) -> frozenset[int]:
        """The tokens that open a quotation: the first token after an opening quote mark that
        a closing mark does not follow within a few words (those quote a name)."""
        starts = doc.token_starts
        found = set()
        for m in self._quote_pattern.finditer(doc.text):
            if self._quoted_name.match(doc.text, m.end()):
                continue    # أعلن تنظيم «داعش» مسؤوليته: a name, not a quotation
            k = bisect_left(starts, doc.norm.to_normalized(m.start()))
            if k < len(starts):
                found.add(k)
        self._quote_opens = frozenset(found)
        return self._quote_opens

    def reporter(self, doc: Document, sent: Sentence, comp: int,
                  ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the speech verb before a complementizer (قال X إن / X قال إن)."""
        speech_words = self.g.speech
        bare = self.ph._bare
        speech = next((i for i in range(comp - 1, max(sent.tok_lo, comp - 20) - 1, -1)
                       if bare(doc.tokens[i]) in speech_words or doc.tokens[i] in speech_words),
                      None)
        if speech is None:
            return []
        # not the seat in an apposition (المرصد ومقره بريطانيا، ومقرها في لندن)
        after = [e for e in ents if speech < e.tok_lo < comp and not self._seat_words.intersection(
            doc.tokens[max(speech, e.tok_lo - 2):e.tok_lo])]
        chain = self.ph._first_chain(doc, after, bare=True)
        if chain:
            return chain
        before = [e for e in ents if e.tok_hi <= speech and e.tok_lo >= sent.tok_lo]
        return self.ph._subject_before(doc, before, None, end=speech)

    def opening_verb(self, doc: Document, sent: Sentence) -> int | None:
        """The verb of saying that opens the sentence (وأضاف، وتابع، قال), if any."""
        return self._speech_verb(doc, sent.tok_lo, min(sent.tok_lo + 2, sent.tok_hi))

    def own_speaker(self, doc: Document, sent: Sentence, ents: list[EntityMention]
                    ) -> list[EntityMention]:
        """Who speaks in the sentence: the subject right after its first verb of saying (قال
        الرئيس هادي إن …) or before it (الرئيس قال إن …); none when the verb has no subject
        of its own (وأضاف أن …)."""
        verb = self._speech_verb(doc, sent.tok_lo, sent.tok_hi)
        if verb is None:
            return []
        chain = self.ph._first_chain(doc, [e for e in ents if e.tok_lo > verb], bare=True,
                                     max_gap=0, start=verb + 1)
        return chain or self.ph._subject_before(
            doc, [e for e in ents if e.tok_hi <= verb], None, near=True, end=verb)

    def sentence_source(self, doc: Document, sent: Sentence, ents: list[EntityMention],
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
            bare = tuple(self.ph._bare(tok) for tok in raw)  # وبحسب → بحسب (وفقا stays وفقا in raw)
            for window in (raw, bare):
                if any(window[-len(p):] == p for p in self.g.source_phrases if len(window) >= len(p)):
                    return [e]
                if e.prefix in self.ph._lam_prefixes and window \
                        and window[-1] in self.ph._source_words_with_lam:
                    return [e]
            if any(w in self.g.speech for w in bare[-2:]) and not self.ph._governor(doc, e) \
                    and not (e.tok_lo <= t.tok_lo < e.tok_hi):
                return [e]
        return []

    def saying_span(self, doc: Document, sent: Sentence, who: EntityMention) -> tuple[int, int]:
        """The words that cite the source together with it (أعلنت القيادة المركزية الأميركية)."""
        tokens = doc.tokens
        lo = who.tok_lo
        for i in range(who.tok_lo - 1, max(sent.tok_lo, who.tok_lo - 4) - 1, -1):
            bare = self.ph._bare(tokens[i])
            if bare in self.g.speech or bare in self._source_heads or bare == self.ph._source_relative:
                lo = i
            elif lo != who.tok_lo:
                break
        return doc.token_starts[lo], who.end
