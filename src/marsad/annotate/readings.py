"""The further readings of a trigger that a trained event decision chooses between.

Where a decision reads the candidates (``annotate/triggers.py``), a trigger is proposed with
each reading its words may have: an act announced or carried on is also its promise (the type's
pledge: AGREE for the cooperative types, THREATEN for the hostile ones), and so is a hostile
act said ahead in a conditional or after قد (فسوف يتم التصدي لها، قد تشن هجمات); a cooperative
act negated right before it is also its refusal (REJECT); the candidate entries that say a
refusal (``negated: true``) are read only after a negation, and those of force said ahead
(``ahead: true``: ستبدأ بمحاربة، سنلاحق) only where they are said ahead, as their promise. The
words are the language's (``triggers`` table: ``refusal_candidate_negation``,
``continuation``, ``continuation_ahead``, ``future_particles``, ``future_governors``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from marsad.doc.document import Document
from marsad.doc.spans import TriggerMention
from marsad.resources import Grammar, Resources

_AHEAD_WINDOW = 8
#: how far before a verbal noun the future verb governing it may stand (ستبدأ «قريبا» بمحاربة)
_GOVERNOR_WINDOW = 3
_START = attrgetter("start")


class CandidateReadings:
    """The readings :class:`~marsad.annotate.triggers.TriggerFinder` adds to its triggers, and
    the phrase tests its modality shares with them. A part the finder holds, not a base class:
    the compiled build (mypyc) crashed building a finder whose base class set attributes the
    subclass declared."""

    def __init__(self, res: Resources, g: Grammar, bare: Callable[[str], str],
                 boundary_punct: frozenset[str], towards: frozenset[str],
                 refusal: frozenset[str], words: dict[str, frozenset[str]],
                 governors: Governors):
        self.res = res
        self.g = g
        self._bare = bare
        self._boundary_punct = boundary_punct
        self._towards = towards
        self._refusal = refusal
        self._maybe_refusal = words["refusal_candidate_negation"]
        self._continuation = words["continuation"]
        self._continuation_ahead = words["continuation_ahead"]
        self._future_particles = words["future_particles"]
        self._expectation = words["expectation"]
        self._qad = words["qad"]
        self._governors = governors
        #: candidate families read only right after a negation (لن نقبل، لا نسمح: refusals)
        self.negated_families = frozenset(
            i for i, f in enumerate(res.families) if f.negated)
        #: candidate families read only where said ahead (ستبدأ بمحاربة): promises and threats
        self.ahead_families = frozenset(i for i, f in enumerate(res.families) if f.ahead)

    # -- acts announced ahead ----------------------------------------------------------------
    def with_announced(self, doc: Document, triggers: list[TriggerMention]
                        ) -> list[TriggerMention]:
        """Each trigger, and after a cooperative act that may be one announced for later, its
        reading as a promise (the type's pledge: AGREE, as the annotators code an announced
        visit). News often tells a coming visit or meeting with no سـ and no pledge word, only
        a schedule word of the grammar's future list after the act (زيارة … الأسبوع المقبل،
        اجتماعه المرتقب); the words alone do not say whether it is announced or reported, so both
        readings are candidates and the decision chooses. (Every present-tense act, يزور
        الوزير تركيا, was tried as well: many more candidates, mostly today's visits, and
        cross-validated F1 0.604 → 0.591; present verbs after أن/كي and acts after a
        schedule cue before them, 0.608 → 0.604.) An act carried on is also read as its
        promise: a cooperative act after a word of continuation (مؤكدا استمرار الدعم، مواصلة
        بلاده تقديم المساعدات: AGREE), a hostile one after a continuation in the future
        (ستواصل استهداف، سنستمر في قصف: THREATEN)."""
        out: list[TriggerMention] = []
        for t in sorted(triggers, key=_START):
            if t.family in self.ahead_families:
                # read only where said ahead (``said_ahead``): the promise, never the act
                if t.modality != "negated" and not self._expected(doc, t):
                    out.append(t if t.stance == "pledge" else _pledge(t))
                continue
            out.append(t)
            if t.stance is None and (
                    (t.modality in ("asserted", "future") and self._pledged(doc, t))
                    or (t.modality == "hypothetical" and self._threatened(doc, t))) \
                    and not self._expected(doc, t):
                out.append(_pledge(t))
        return out

    def _expected(self, doc: Document, t: TriggerMention) -> bool:
        """A word of expectation, then a verb of continuing, before the act in its clause (من
        المتوقع أن يواصل التحالف تقديم الدعم): a forecast that something goes on, not the actor's
        promise (an expected arrival or vote, من المتوقع أن يصل الوزير, is an announced act the
        annotators code as AGREE, and keeps its reading)."""
        carried_on = False
        for i in range(t.tok_lo - 1, doc.sentences[t.sentence].tok_lo - 1, -1):
            tok = doc.tokens[i]
            if tok in self._boundary_punct:
                return False
            carried_on = carried_on or self._bare(tok) in self._continuation
            if tok in self._expectation:
                return carried_on
        return False

    def _threatened(self, doc: Document, t: TriggerMention) -> bool:
        """A hostile act said ahead in a conditional or after قد (في حال استمرار الهجمات فسوف
        يتم التصدي لها، قد تشن هجمات على مواقع التنظيم): the speaker's side holds the act out,
        a threat, as much as a conditional one; the decision tells them apart."""
        fam = self.res.families[t.family]
        return fam.type not in self._towards and self._pledgeable(t.family) \
            and self.said_ahead(doc, t.tok_lo, t.sentence, t.prefix, t.tense != "noun")

    def said_ahead(self, doc: Document, lo: int, sentence: int, prefix: str,
                   verb: bool, hi: int | None = None) -> bool:
        """Whether the act at tokens ``lo``-``hi`` is said ahead: a verb with the future
        prefix or right after قد (سنلاحق، قد تشن); an act a future verb governs
        (``governed_ahead``) or has right after it as its predicate (الرد سيكون قاسيا); an act
        right after a pledge (سوف، عازمون على، متعهدا ب)."""
        if verb and self._governors.marks_future(prefix):
            return True
        if self.governed_ahead(doc, lo, sentence):
            return True
        if hi is not None and hi < doc.sentences[sentence].tok_hi \
                and doc.tokens[hi] in self._governors.future:
            return True
        sent = doc.sentences[sentence]
        before = self.clause_tail(doc.tokens[max(sent.tok_lo, lo - 3):lo])
        if verb and before and before[-1] in self._qad:
            return True
        return self.has_phrase(before, self.g.pledge)

    def governed_ahead(self, doc: Document, lo: int, sentence: int) -> bool:
        """Whether a future verb governs the verbal noun at token ``lo`` from just before it,
        in its clause: ستبدأ «قريبا» بمحاربة، سيتم ترحيل، فسوف يتم التصدي، سنكثف الغارات.
        (The same verbs after قد, قد تشن ضربات, read as hypothetical, with شن، نفذ، وجه among
        the verbs: cross-validated F1 0.621 → 0.618.)"""
        sent = doc.sentences[sentence]
        tokens = doc.tokens
        gov = self._governors
        for i in range(lo - 1, max(sent.tok_lo, lo - _GOVERNOR_WINDOW) - 1, -1):
            tok = tokens[i]
            if tok in self._boundary_punct:
                return False
            if tok in gov.future or (tok in gov.present and i > sent.tok_lo
                                     and self._bare(tokens[i - 1]) in self._future_particles):
                return True
        return False

    def _pledged(self, doc: Document, t: TriggerMention) -> bool:
        if t.modality == "future" and self._pledgeable(t.family):
            return True     # من المقرر أن يتم فرض، سوف يتم توقيع: said ahead, maybe promised
        if self._promisable(t.family):
            return self._maybe_ahead(doc, t) or self.after_negation(
                doc, t.tok_lo, t.sentence, self._continuation | self._continuation_ahead)
        return self._pledgeable(t.family) and (
            self.after_negation(doc, t.tok_lo, t.sentence, self._continuation_ahead)
            or self._carried_on_after(doc, t))

    def _carried_on_after(self, doc: Document, t: TriggerMention) -> bool:
        """A continuation or a governing verb in the future just after the act, its predicate
        (العمليات العسكرية سوف تستمر، حملة شاملة وستستمر، العقوبات ستعود بشكل أقوى)."""
        sent = doc.sentences[t.sentence]
        after = doc.tokens[t.tok_hi:min(sent.tok_hi, t.tok_hi + 4)]
        bare = self._bare
        for i, tok in enumerate(after):
            if tok in self._boundary_punct:
                return False
            word = bare(tok)
            if word in self._continuation_ahead or tok in self._governors.future or (
                    word in self._future_particles and i + 1 < len(after)
                    and bare(after[i + 1]) in self._continuation):
                return True
        return False

    def _pledgeable(self, family: int) -> bool:
        """A type whose promise is another type (AID → AGREE, SANCTION → THREATEN)."""
        fam = self.res.families[family]
        return self.res.vocabulary.stated(fam.type, fam.mode, "pledge")[2]

    # -- acts refused --------------------------------------------------------------------------
    def with_refused(self, doc: Document, triggers: list[TriggerMention]
                      ) -> list[TriggerMention]:
        """Each trigger, and after a cooperative act negated right before it (لا نقبل، لم توافق،
        لا نتفاوض، عدم المشاركة), its reading as a refusal (the type's refusal: REJECT), as لن
        makes one in the rules. The same words are a denial of the act (لم يلتق الوزيران) as
        often as a refusal of it, so both readings are candidates and the decision chooses."""
        out: list[TriggerMention] = []
        for t in triggers:
            out.append(t)
            if t.modality == "negated" and t.stance is None and self._refusable(t.family) \
                    and self._negated_before(doc, t):
                out.append(TriggerMention(t.start, t.end, t.tok_lo, t.tok_hi, t.sentence,
                                          t.prefix, t.family, t.tense, "negated", "refusal"))
        return out

    def _refusable(self, family: int) -> bool:
        """A cooperative type whose refusal is another type (AGREE, CONSULT, AID → REJECT)."""
        fam = self.res.families[family]
        return fam.type in self._towards \
            and self.res.vocabulary.stated(fam.type, fam.mode, "refusal")[2]

    def _negated_before(self, doc: Document, t: TriggerMention) -> bool:
        """One of the refusal's negations in the two words before the trigger, in its clause."""
        return self.after_negation(doc, t.tok_lo, t.sentence, self._maybe_refusal)

    def after_negation(self, doc: Document, lo: int, sentence: int,
                        words: frozenset[str] | None = None) -> bool:
        """A negation (of ``words``, else any that may say a refusal: لن، لا، لم، عدم) in
        the two words before token ``lo``, in its clause (لن نقبل أبدا: an adverb after it);
        with other ``words``, one of them there (استمرار الدعم، ستواصل استهداف)."""
        if words is None:
            words = self._maybe_refusal | self._refusal
        sent = doc.sentences[sentence] if doc.sentences else None
        start = max(sent.tok_lo if sent is not None else 0, lo - 2)
        before = self.clause_tail(doc.tokens[start:lo])
        bare = self._bare
        return any(w in words or bare(w) in words for w in before)

    def _promisable(self, family: int) -> bool:
        """A cooperative type whose promise is another type (CONSULT, SUPPORT, AID → AGREE)."""
        fam = self.res.families[family]
        vocab = self.res.vocabulary
        return fam.type in self._towards and vocab.stated(fam.type, fam.mode, "pledge")[2]

    def _maybe_ahead(self, doc: Document, t: TriggerMention) -> bool:
        sent = doc.sentences[t.sentence]
        after = doc.tokens[t.tok_hi:min(sent.tok_hi, t.tok_hi + _AHEAD_WINDOW)]
        punct = self._boundary_punct
        for i, tok in enumerate(after):
            if tok in punct:
                after = after[:i]
                break
        return bool(after) and self.has_phrase(after, self.g.future)

    def clause_tail(self, tokens: list[str]) -> list[str]:
        """The tokens after the last clause punctuation."""
        punct = self._boundary_punct
        for i in range(len(tokens) - 1, -1, -1):
            if tokens[i] in punct:
                return tokens[i + 1:]
        return tokens

    def has_phrase(self, tokens: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
        """Whether a phrase occurs in ``tokens`` (a token may carry و/ف in front)."""
        first_words = heads(phrases)
        bare = self._bare
        for i, tok in enumerate(tokens):
            for first in (tok, bare(tok)):
                if first in first_words:
                    rest = tuple(tokens[i + 1:i + 3])
                    if any((first,) + rest[:n] in phrases for n in (0, 1, 2)):
                        return True
        return False


def _pledge(t: TriggerMention) -> TriggerMention:
    """The trigger read as its promise (its type's pledge: AGREE or THREATEN)."""
    return TriggerMention(t.start, t.end, t.tok_lo, t.tok_hi, t.sentence, t.prefix, t.family,
                          t.tense, "future", "pledge")


@dataclass(frozen=True)
class Governors:
    """The verbs that carry their tense to the verbal noun they govern (the ``triggers``
    table's ``future_governors``): their present forms, with a conjunction or not (after
    سوف), and their forms with the future prefix; and how a verb's proclitics say future."""

    present: frozenset[str]
    future: frozenset[str]
    marks_future: Callable[[str], bool]


@cache
def heads(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The first word of each phrase."""
    return frozenset(p[0] for p in phrases if p)
