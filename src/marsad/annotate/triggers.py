"""Pipeline stage: event triggers and the modality of each.

A trigger is a verb or noun of the event lexicon. Triggers inside a named actor (معارضة in
المعارضة السورية) are dropped; an event word that is the content of a verbal act (هدد بشن هجمات,
دعا إلى وقف إطلاق النار, أدان الهجوم) is the act's object, not a second event.

Modality follows PLOVER's auxiliary modes: negated (لم يهاجم, نفى أن …), future (سيهاجم,
من المتوقع أن, يعتزم), hypothetical (إذا, لو, في حال), historical (كان قد); intent or
commitment words (التزامها بمواصلة الدعم) make the act future rather than done.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from marsad.document import Document, TriggerMention
from marsad.resources import Resources
from marsad.resources.lexicon import Match, Term, token_cores, word_core
from marsad.text.normalize import normalize_term
from marsad.text.segment import CLAUSE_BREAKS
from marsad.text.segment import without_conjunction as _bare

#: Types whose event is a speech act; what follows it in its clause is its content.
VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE",
                          "REJECT", "THREATEN"})
_BOUNDARY_PUNCT = CLAUSE_BREAKS | {"-"}   # a dash also parts a verb from its object
_COMPLEMENT_WINDOW = 8
_MODALITY_WINDOW = 6
_KANA = frozenset({"كان", "كانت", "كانوا", "كانا", "كنا"})
_COMPLEMENT_MARKERS = frozenset({"علي", "ب", "الي", "ل", "عن", "من", "ان", "بان"})
_ADJUNCTS = frozenset({"خلال", "في", "بعد", "قبل", "اثناء", "عقب", "منذ", "بسبب", "رغم", "اثر",
                       "اليوم", "امس", "و"})
_NEEDS_WINDOW = 10
_NOUN_GOVERNORS = frozenset({"بناء", "تنفيذ", "بفضل", "لدعم", "بدعم", "وبدعم", "بطلب", "لطلب",
                             "اعانات", "مواصله", "بمواصله", "استمرار", "تقديم", "زياده", "انه",
                             "هذا", "هو", "هي", "ذلك"})


class TriggerFinder:
    def __init__(self, resources: Resources):
        self.res = resources
        g = self.g = resources.grammar
        #: family → its required words, for the few families that have any
        self._requires_of = {i: _normalized_words(f.requires)
                             for i, f in enumerate(resources.families) if f.requires}
        #: tokens that cut the window a needed word is looked for in
        self._window_stops = _BOUNDARY_PUNCT | g.complementizers
        # Every token that can start one of the modality phrases or be a negation verb, with
        # or without و/ف in front: a clause without any of them needs no phrase checks.
        self._modality_cues = _with_conjunction(
            _heads(g.hypothetical) | _heads(g.future) | _heads(g.pledge) | _heads(g.historical)
            | g.negation_verbs)
        self._anonymous_heads = _heads(g.anonymous_source)

    def __call__(self, doc: Document) -> Document:
        sentences = doc.sentences
        sent_starts = [s.nstart for s in sentences]
        token_starts = doc.token_starts
        named = bytearray(len(doc.norm.text) + 1)
        for e in doc.entities:
            if e.kind != "other" or e.tok_hi - e.tok_lo > 1:
                named[e.start:e.end] = b"\x01" * (e.end - e.start)
        triggers = doc.triggers
        for m in doc.matches:
            if m.terms[0].layer != "trigger":
                continue
            if named.find(0, m.start, m.end) < 0:
                continue  # معارضة inside المعارضة السورية is the actor, not an event
            lo = bisect_right(token_starts, m.start) - 1
            hi = bisect_right(token_starts, m.end - 1)
            sent = max(bisect_right(sent_starts, m.start) - 1, 0)
            if sentences and sentences[sent].kind == "heading":
                continue
            terms = m.terms
            if self._reads_as_noun(doc, m, lo):
                terms = tuple(t for t in terms if t.kind != "verb")
            term = self._choose(doc, terms, hi, sentences[sent].tok_hi if sentences else hi)
            if term is None or self._anonymous_source(doc, hi):
                continue
            triggers.append(TriggerMention(m.start, m.end, lo, hi, sent, m.prefix, term.ref,
                                           term.tense or "noun"))
        doc.triggers = self._drop_complements(doc)
        for t in doc.triggers:
            t.modality = self._modality(doc, t)
        return doc

    def _choose(self, doc: Document, terms: tuple[Term, ...], after: int,
                limit: int) -> Term | None:
        """The most specific term whose required words follow (قدم … المساعدة), else a bare one."""
        window = doc.tokens[after:min(limit, after + _NEEDS_WINDOW)]
        # the object of أعلن دعمه is not inside an embedded clause (أعلن أن قواتها قدمت الدعم)
        stops = self._window_stops
        if not stops.isdisjoint(window):
            window = window[:next(i for i, tok in enumerate(window) if tok in stops)]
        # the words' cores are only read for terms that need words after them (most need none)
        cores = [token_cores(tok) for tok in window] if any(t.needs for t in terms) else []
        present = frozenset().union(*cores)
        requires_of = self._requires_of
        best = None
        for term in terms:
            needs = term.needs
            if needs:
                first_core, first = _needed(needs)[0]
                if first_core not in present and first not in present:
                    continue
            if term.ref in requires_of:
                requires = requires_of[term.ref]
                if not any(_bare(tok) in requires or tok in requires for tok in window):
                    continue
            if needs and _in_order(needs, cores):
                if best is None or len(needs) > len(best.needs):
                    best = term
            elif not needs and best is None:
                best = term
        return best

    def _reads_as_noun(self, doc: Document, m: Match, lo: int) -> bool:
        """طلب، أمر، دعم are also their own verbal nouns. A bare three-letter past form is a
        verb only where a verb can stand: at a clause start or right after its subject."""
        core = doc.norm.text[m.core_start:m.core_end]
        if len(core) != 3 or m.suffix or m.prefix not in ("", "و", "ف") or lo == 0:
            return False
        if m.prefix:
            return False  # وطلب، فأمر: a conjunction opens a clause
        prev = doc.tokens[lo - 1]
        # بعد دعم، على طلب، في دعم، تنفيذ طلب: after a preposition or a governing noun
        return prev in self.g.prepositions or prev in _NOUN_GOVERNORS

    def _anonymous_source(self, doc: Document, after: int) -> bool:
        """رفض الكشف عن اسمه، طلب عدم ذكر اسمه: how a source is described, not an event."""
        if after >= len(doc.tokens) or doc.tokens[after] not in self._anonymous_heads:
            return False
        following = tuple(doc.tokens[after:after + 4])
        return any(following[:len(p)] == p for p in self.g.anonymous_source)

    def _drop_complements(self, doc: Document) -> list[TriggerMention]:
        """Drop an event word that is only the content or object of an earlier event verb."""
        in_entity: set[int] = set()     # filled the first time it is read
        kept: list[TriggerMention] = []
        for t in doc.triggers:
            if not any(self._is_complement(doc, h, t, in_entity) for h in kept
                       if h.sentence == t.sentence):
                kept.append(t)
        return kept

    def _is_complement(self, doc: Document, head: TriggerMention, t: TriggerMention,
                       in_entity: set[int]) -> bool:
        head_type = self.res.families[head.family].type
        if head_type == self.res.families[t.family].type:
            # شنت غارات: the noun is the verb's own object, one event not two
            return (head.tense != "noun" and t.tense == "noun" and t.tok_lo - head.tok_hi <= 3
                    and self._same_clause(doc, head.tok_hi, t.tok_lo))
        if head_type in VERBAL_TYPES:
            return self._same_clause(doc, head.tok_hi, t.tok_lo)
        if head.tense == "noun" or t.tense != "noun":
            return False
        # منعت الشرطة التظاهرة، استخدمت … لتفريق: the noun is the verb's object
        if not in_entity:
            for e in doc.entities:
                in_entity.update(range(e.tok_lo, e.tok_hi))
        between = [doc.tokens[i] for i in range(head.tok_hi, t.tok_lo) if i not in in_entity]
        if any(tok in _ADJUNCTS or tok in _BOUNDARY_PUNCT for tok in between):
            return False
        others = [tok for tok in between if tok not in _COMPLEMENT_MARKERS]
        return len(others) <= 1

    def _same_clause(self, doc: Document, lo: int, hi: int) -> bool:
        if hi - lo > _COMPLEMENT_WINDOW:
            return False
        return not any(tok in _BOUNDARY_PUNCT for tok in doc.tokens[lo:hi])

    def _modality(self, doc: Document, t: TriggerMention) -> str:
        sent = doc.sentences[t.sentence]
        clause = _clause_tail(doc.tokens[sent.tok_lo:t.tok_lo])
        before = clause[-_MODALITY_WINDOW:]    # the last words of the clause
        # the phrase and negation-verb checks below can only hit where a cue word is
        cued = not self._modality_cues.isdisjoint(clause)
        g = self.g
        if before[-1:] == ["لن"] or before[-2:-1] == ["لن"]:
            t.stance = "refusal"
            return "negated"
        if self._negated(before, t) or (cued and any(_bare(w) in g.negation_verbs for w in before)):
            return "negated"
        if t.tense == "present" and before[-1:] == ["قد"]:
            return "hypothetical"
        if t.tense == "past" and before[-1:] == ["قد"] and any(_bare(w) in _KANA for w in clause):
            return "historical"  # كانت القوات قد انسحبت: the pluperfect is background
        if cued and _has_phrase(clause, g.hypothetical):
            return "hypothetical"
        if cued and _has_phrase(clause, g.future):
            return "future"
        if (t.tense == "present" and "س" in t.prefix) or (cued and _has_phrase(before[-3:], g.pledge)):
            t.stance = "pledge"
            return "future"
        if cued and _has_phrase(before, g.historical):
            return "historical"
        return "asserted"

    def _negated(self, before: list[str], t: TriggerMention) -> bool:
        """لم يهاجم، لن يشارك، لم يتم اعتقال، ما هاجم (ما only right before a verb)."""
        near = before[-2:]
        if near[-1:] == ["ما"]:
            return t.tense != "noun"
        return any(w in self.g.negation and w != "ما" for w in near)


@cache
def _normalized_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_term(w) for w in words)


@cache
def _needed(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(core, word) of each word a term needs: computed once per term, not per match."""
    return tuple((word_core(w), w) for w in words)


@cache
def _with_conjunction(words: frozenset[str]) -> frozenset[str]:
    """The tokens whose ``_bare`` form or own form is one of ``words``: the words themselves
    and each with و/ف in front (``_bare`` strips those only from tokens of three letters up)."""
    return words | {c + w for w in words if len(w) >= 2 for c in "وف"}


def _in_order(words: tuple[str, ...], window: list[frozenset[str]]) -> bool:
    """Each needed word (by its core) in some later token of the window, in order."""
    i = 0
    for core, word in _needed(words):
        while i < len(window) and core not in window[i] and word not in window[i]:
            i += 1
        if i == len(window):
            return False
        i += 1
    return True


def _clause_tail(tokens: list[str]) -> list[str]:
    """The tokens after the last clause punctuation."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in _BOUNDARY_PUNCT:
            return tokens[i + 1:]
    return tokens


def _has_phrase(tokens: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether a phrase occurs in ``tokens`` (a token may carry و/ف in front)."""
    heads = _heads(phrases)
    for i, tok in enumerate(tokens):
        for first in (tok, _bare(tok)):
            if first in heads:
                rest = tuple(tokens[i + 1:i + 3])
                if any((first,) + rest[:n] in phrases for n in (0, 1, 2)):
                    return True
    return False


@cache
def _heads(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)
