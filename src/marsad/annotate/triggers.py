"""Pipeline stage: event triggers and the modality of each.

A trigger is a verb or noun of the event lexicon. Triggers inside a named actor (معارضة in
المعارضة السورية) or a place's name of several words (مكرمة, a royal grant, in مكة المكرمة) are
dropped (where a decision reads the candidates, a word that names a sector
alone, متهمين "the accused", is still a candidate's participle: متهمين الميليشيات بالفرار);
an event word that is the content of a verbal act (هدد بشن هجمات, دعا إلى وقف إطلاق النار,
أدان الهجوم) is the act's object, not a second event.

Where a trained decision reads the candidates (documents of its ``min_sentences`` up), the
stage proposes every reading and the decision tells them apart: words of two types are a
candidate of each (أدان: ACCUSE, and the passive أُدين of SANCTION); an act set apart as
another's content is a candidate too where its sentence has no trigger of its type (the
condemned attack, the demanded release); a cooperative act with a schedule word after it
(زيارة … الأسبوع المقبل) is also read as its promise (AGREE), and so is an act said ahead or
carried on (من المتوقع أن يتم فرض، مواصلة تقديم المساعدات، العمليات سوف تستمر: AGREE or
THREATEN); a cooperative act negated right before it (لا نقبل، لم توافق) is also read as its
refusal (REJECT). Elsewhere the rules' one reading stands.

Modality follows PLOVER's auxiliary modes: negated (لم يهاجم, نفى أن …), future (سيهاجم,
من المتوقع أن, يعتزم), hypothetical (إذا, لو, في حال), historical (كان قد); intent or
commitment words (التزامها بمواصلة الدعم) make the act future rather than done, and a verbal
noun takes the future of the verb that governs it (سيتم اعتقال، ستبدأ بمحاربة). The content
of a threat (هدد التنظيم بقتل الرهائن) is an act to come.

The words these rules read are the language's (``triggers`` and ``function_words`` tables,
``Language.syntax``); the stage looks at the document first and writes its triggers, each with
its modality, once at the end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from marsad.annotate.contents import joined_content, second_verb
from marsad.annotate.coverage import NAMED, named_marks
from marsad.annotate.names import name_word_before
from marsad.annotate.needed import excluded, in_order, needs_window
from marsad.annotate.places import place_word_before
from marsad.annotate.readings import CandidateReadings, Governors
from marsad.annotate.readings import heads as _heads
from marsad.annotate.times import day_part_of_time
from marsad.doc.document import Document
from marsad.doc.spans import Match, Term, TriggerMention
from marsad.lang import Language
from marsad.resources import Grammar, Resources, language_of
from marsad.resources.tables import EventFamily

_COMPLEMENT_WINDOW = 8
_MODALITY_WINDOW = 6
_NEEDS_WINDOW = 10
#: tuples of terms whose first needed words ``TriggerFinder._firsts`` keeps
_FIRSTS_MAX = 1 << 15
#: in a family's ``requires``: a number (digits or a number word) among the words right after
#: the trigger (أسرت المقاومة 45 حوثيا، تم أسر أكثر من 50), within ``_NUMBER_REACH`` of them
ANY_NUMBER = "#"
_NUMBER_REACH = 4
#: a family's required words (empty: none required) and the words that exclude it
RequiredWords = tuple[frozenset[str], frozenset[str]]


def _lexicon_words(lang: Language, families: Sequence[EventFamily]
                   ) -> tuple[frozenset[str], dict[int, RequiredWords], frozenset[str]]:
    """The verbs' own past forms, each family's required and excluded words, and the number
    words."""
    past_heads = frozenset(lang.normalize_term(past) for f in families for v in f.verbs
                           if (past := v.split()[0].partition("/")[0]))
    requires_of = {i: (frozenset(w if w == ANY_NUMBER else lang.normalize_term(w)
                                 for w in f.requires),
                       frozenset(lang.word_core(lang.normalize_term(w)) for w in f.excludes))
                   for i, f in enumerate(families) if f.requires or f.excludes}
    numbers = lang.numbers.words if lang.numbers is not None else frozenset()
    return past_heads, requires_of, numbers


class TriggerFinder:
    def __init__(self, resources: Resources, candidates_from: int | None = None):
        self.res = resources
        #: families that only propose candidates to a trained decision: read only where one
        #: follows (documents of ``candidates_from`` sentences up), elsewhere no triggers
        self._candidate_families = frozenset(
            i for i, f in enumerate(resources.families) if f.candidate)
        self._candidates_from = candidates_from
        self._sector_ids = frozenset(s.id for s in resources.sectors)
        lang = language_of(resources)
        self._named_before = (place_word_before(lang), name_word_before(lang), day_part_of_time(lang))
        g = self.g = resources.grammar
        self._bare = lang.without_conjunction
        self._after_and = lang.affixes.after_and
        self._token_cores = lang.token_cores
        self._marks_future = lang.syntax.marks_future
        self._doubles_as_noun = lang.syntax.doubles_as_noun
        words = _word_sets(lang, lang.table("triggers"))
        self._past_auxiliaries = words["past_auxiliaries"]
        self._qad = words["qad"]
        self._refusal = words["refusal_negation"]
        self._verb_only_negation = words["verb_only_negation"]
        self._continuity = words["continuity_verbs"]
        self._complement_markers = words["complement_markers"]
        self._adjuncts = words["adjuncts"]
        self._noun_governors = words["noun_governors"]
        self._connectives = words["connective_pronouns"]
        #: (core, word) of each word a term needs: worked out once per term, not per match
        self._needed: Callable[[tuple[str, ...]], tuple[tuple[str, str], ...]] = lru_cache(
            maxsize=None)(lambda needs: tuple((lang.word_core(w), w) for w in needs))
        #: the lexicon verbs' own past forms (طلب، دعم), which may double as their verbal nouns;
        #: family → its required and excluded words (for the few that have any); number words
        self._past_heads, self._requires_of, self._number_words = _lexicon_words(
            lang, resources.families)
        #: punctuation that ends a clause here; a dash also parts a verb from its object
        self._boundary_punct = lang.clause_breaks | {"-"}
        #: tokens that cut the window a needed word is looked for in
        self._window_stops = self._boundary_punct | g.complementizers
        self._modality_cues = _modality_cues(lang, g)
        self._anonymous_heads = _heads(g.anonymous_source)
        #: types whose event is a speech act; what follows it in its clause is its content
        self._verbal_types = resources.vocabulary.types_with("verbal")
        #: cooperative types (directed towards their recipient): their acts can be promised
        self._towards = resources.vocabulary.directed("towards")
        self.readings = CandidateReadings(resources, g, self._bare, self._boundary_punct,
                                          self._towards, self._refusal, words,
                                          _governors(lang, lang.table("triggers")))
        #: speech acts whose content is an act to come (a threat's): it is proposed as future
        self._ahead_types = resources.vocabulary.types_with("ahead")
        #: id of a tuple of terms → (that tuple, ``_firsts`` of it)
        self._firsts_memo: dict[int, tuple[Sequence[Term], frozenset[str], tuple[Term, ...]]] = {}

    def __call__(self, doc: Document) -> Document:
        found, complements = self._drop_complements(doc, self._find(doc))
        triggers = [self._with_modality(doc, t) for t in found]
        if self._reads_candidates(doc):
            contents, to_come = self._contents(doc, found, complements)
            triggers = self.readings.with_announced(doc, triggers + contents) + to_come
            triggers = self.readings.with_refused(doc, triggers)
        doc.triggers = doc.triggers + triggers
        doc.complements = doc.complements + complements
        return doc

    def _reads_candidates(self, doc: Document) -> bool:
        """Whether a trained decision reads this document's candidates (then the candidate
        families count, and words get a candidate for each of their readings)."""
        start = self._candidates_from
        return start is not None and doc.worded_sentences() >= start

    # -- finding ------------------------------------------------------------------------------
    def _find(self, doc: Document) -> list[TriggerMention]:
        """Every lexicon trigger that stands as an event here, by the term it reads as."""
        sentences = doc.sentences
        sent_starts = [s.nstart for s in sentences]
        token_starts = doc.token_starts
        found: list[TriggerMention] = []
        wide = self._reads_candidates(doc)
        named = named_marks(doc, self._sector_ids if wide else frozenset(), *self._named_before)
        ignored = frozenset() if wide else self._candidate_families
        for m in doc.matches:
            if m.terms[0].layer != "trigger":
                continue
            if named.find(0, m.start, m.end) < 0:
                # معارضة inside المعارضة السورية is the actor, not an event; a word of a sector
                # alone (متهمين) may be a candidate's participle
                if named.find(NAMED, m.start, m.end) >= 0:
                    continue
                terms = tuple(t for t in m.terms if t.ref in self._candidate_families)
                if not terms:
                    continue
                m = m._replace(terms=terms)
            lo = bisect_right(token_starts, m.start) - 1
            hi = bisect_right(token_starts, m.end - 1)
            sent = max(bisect_right(sent_starts, m.start) - 1, 0)
            if sentences and sentences[sent].kind == "heading":
                continue
            terms = self._readable_terms(doc, m, lo, hi, sent, ignored)
            if not terms:
                continue
            if self._reads_as_noun(doc, m, lo) or self._reads_as_preposition(doc, m, hi):
                terms = tuple(t for t in terms if t.kind != "verb")
            limit = sentences[sent].tok_hi if sentences else hi
            chosen = self._choose_per_type(doc, terms, hi, limit) if wide \
                else [self._choose(doc, terms, hi, limit)]
            if chosen[0] is None or self._anonymous_source(doc, hi):
                continue
            found.extend(TriggerMention(m.start, m.end, lo, hi, sent, m.prefix, term.ref,
                                        term.tense or "noun") for term in chosen if term)
        return found

    def _readable_terms(self, doc: Document, m: Match, lo: int, hi: int, sent: int,
                        ignored: frozenset[int]) -> tuple[Term, ...]:
        """The match's terms less those of families that cannot be read here: the candidate
        families where no decision reads candidates, a negated act's family without its
        negation, a family of acts to come where nothing says the act is to come."""
        terms = m.terms
        readings = self.readings
        if ignored:
            return tuple(t for t in terms if t.ref not in ignored)
        if readings.negated_families and not readings.negated_families.isdisjoint(
                t.ref for t in terms) and not readings.after_negation(doc, lo, sent):
            return tuple(t for t in terms if t.ref not in readings.negated_families)
        if readings.ahead_families and not readings.ahead_families.isdisjoint(
                t.ref for t in terms) and not readings.said_ahead(
                doc, lo, sent, m.prefix, any(t.kind == "verb" for t in terms), hi):
            return tuple(t for t in terms if t.ref not in readings.ahead_families)
        return terms

    def _choose_per_type(self, doc: Document, terms: Sequence[Term], after: int, limit: int
                         ) -> list[Term | None]:
        """Where a decision reads the candidates, the words' reading of each type they have:
        the rules' choice first, then the best term of every other type (أدان الجرائم: the
        passive أُدين of SANCTION with its needed word, and ACCUSE; حذر من مغبة: THREATEN and
        the warning that is ACCUSE). The decision, not the lexicon, tells the senses apart."""
        first = self._choose(doc, terms, after, limit)
        families = self.res.families
        if first is None or all(families[t.ref].type == families[first.ref].type for t in terms):
            return [first]     # (with no term chosen from all, none is from a part)
        by_type: dict[str, list[Term]] = {}
        for term in terms:
            by_type.setdefault(families[term.ref].type, []).append(term)
        del by_type[families[first.ref].type]
        return [first, *(self._choose(doc, same, after, limit) for same in by_type.values())]

    def _choose(self, doc: Document, terms: Sequence[Term], after: int, limit: int) -> Term | None:
        """The most specific term whose required words follow (قدم … المساعدة), else a bare one."""
        window = needs_window(doc.tokens, after, limit, _NEEDS_WINDOW, self._window_stops)
        firsts, bare_terms = self._firsts(terms)
        # the words' cores are only read for terms that need words after them (most need none)
        token_cores = self._token_cores
        cores = list(map(token_cores, window)) if firsts else []
        present = frozenset().union(*cores)
        requires_of = self._requires_of
        if present.isdisjoint(firsts):
            # no term's first needed word follows (so it is for most matches): the first term
            # that needs no word after it and has its required words, as the loop below finds
            for term in bare_terms:
                if term.ref in requires_of and not self._has_required(requires_of[term.ref],
                                                                      window):
                    continue
                return term
            return None
        best = None
        for term in terms:
            needs = term.needs
            if needs:
                first_core, first = self._needed(needs)[0]
                if first_core not in present and first not in present:
                    continue
            required = requires_of.get(term.ref)
            if required and not self._has_required(required, window):
                continue
            end = in_order(self._needed(needs), cores) if needs else 0
            if end and required and excluded(required[1], window[end:end + 1], self._token_cores):
                continue    # شنوا هجوما حادا: the word after the needed ones excludes the term
            if end:
                if best is None or len(needs) > len(best.needs):
                    best = term
            elif not needs and best is None:
                best = term
        return best

    def _has_required(self, needed: RequiredWords, window: Sequence[str]) -> bool:
        """Whether a word a family requires is in the window after its trigger, or, where it
        requires a number, a number is among the first words of the window; and the word right
        after it is none it excludes (انفجار أسطوانة غاز: an accident)."""
        bare, requires = self._bare, needed[0]
        if excluded(needed[1], window, self._token_cores):
            return False    # the word right after the trigger, its genitive (انفجار الأسطوانة)
        if not requires or any(bare(tok) in requires or tok in requires for tok in window):
            return True
        return ANY_NUMBER in requires and any(
            any(c.isdigit() for c in tok) or bare(tok) in self._number_words
            for tok in window[:_NUMBER_REACH])

    def _firsts(self, terms: Sequence[Term]) -> tuple[frozenset[str], tuple[Term, ...]]:
        """The first word each term of ``terms`` needs after it (its core and its form), and
        the terms that need none, in order; worked out once per tuple of terms (the lexicon's
        own tuples come back match after match; the tuple is held, so its id stays its own)."""
        found = self._firsts_memo.get(id(terms))
        if found is None or found[0] is not terms:
            if len(self._firsts_memo) >= _FIRSTS_MAX:
                self._firsts_memo.clear()
            firsts = frozenset(w for t in terms if t.needs for w in self._needed(t.needs)[0])
            found = self._firsts_memo[id(terms)] = (
                terms, firsts, tuple(t for t in terms if not t.needs))
        return found[1], found[2]

    def _reads_as_noun(self, doc: Document, m: Match, lo: int) -> bool:
        """طلب، أمر، دعم are also their own verbal nouns: such a form is a verb only where a
        verb can stand, at a clause start or right after its subject."""
        core = doc.norm.text[m.core_start:m.core_end]
        if lo == 0 or core not in self._past_heads \
                or not self._doubles_as_noun(core, m.prefix, m.suffix):
            return False    # شنت (شنّ + ت) is a verb's ending, not a verbal noun
        prev = doc.tokens[lo - 1]
        if prev in self._connectives and lo > 1 and doc.tokens[lo - 2] in self.g.prepositions:
            return False    # إلى ذلك هدد: a connective opens the clause (triggers.yaml)
        # بعد دعم، على طلب، في دعم، تنفيذ طلب: after a preposition or a governing noun
        return prev in self.g.prepositions or prev in self._noun_governors

    def _reads_as_preposition(self, doc: Document, m: Match, hi: int) -> bool:
        """قبل، عبر، حول are also prepositions (before, via, about): such a verb form is a verb
        only with its subject's name right after it (قبل الحوثيون الهدنة) or a word its term
        needs (عبر عن); قبل ساعات من موعد سريان هدنة is "before"."""
        core = doc.norm.text[m.core_start:m.core_end]
        if m.suffix or core not in self.g.prepositions or hi >= len(doc.tokens):
            return False
        if any(e.tok_lo == hi for e in doc.entities):
            return False
        cores = self._token_cores(doc.tokens[hi])
        return not any(t.kind == "verb" and t.needs and not cores.isdisjoint(
            self._needed(t.needs)[0]) for t in m.terms)

    def _anonymous_source(self, doc: Document, after: int) -> bool:
        """رفض الكشف عن اسمه، طلب عدم ذكر اسمه: how a source is described, not an event."""
        if after >= len(doc.tokens) or doc.tokens[after] not in self._anonymous_heads:
            return False
        following = tuple(doc.tokens[after:after + 4])
        return any(following[:len(p)] == p for p in self.g.anonymous_source)

    def _contents(self, doc: Document, found: list[TriggerMention],
                  complements: list[TriggerMention]
                  ) -> tuple[list[TriggerMention], list[TriggerMention]]:
        """Where a decision reads the candidates, the acts set apart as another act's content
        or object are candidates too (أدان الهجوم على المسجد، طالب بالإفراج عن المعتقلين): the
        annotators code the condemned attack and the demanded release as events of their own
        wherever the article reports them. An event noun that is the object of its own type's
        verb (شنت غارات) stays one event: a content is proposed only where its sentence has no
        trigger of its type. The complements stay set apart too, for the roles of their head.
        The content of a threat (هدد التنظيم بقتل الرهائن) is an act to come, not one done: it
        is proposed as future, apart (second list), and not read again as a promise, which
        its head already is."""
        families = self.res.families
        told = {(t.sentence, families[t.family].type) for t in found}
        heads = [t for t in found if families[t.family].type in self._ahead_types]
        in_entity: set[int] = set()
        done: list[TriggerMention] = []
        to_come: list[TriggerMention] = []
        for c in complements:
            if (c.sentence, families[c.family].type) in told:
                continue
            if c.tense == "past" and not c.prefix and self._after_subject(doc, found, c):
                c = replace(c, tense="noun")    # انتقد الوزير دعم إيران: دَعْم, the verb's object
            c = self._with_modality(doc, c)
            if any(h.sentence == c.sentence and h.start < c.start
                   and self._is_complement(doc, h, c, in_entity) for h in heads):
                if c.modality == "asserted":
                    c = TriggerMention(c.start, c.end, c.tok_lo, c.tok_hi, c.sentence, c.prefix,
                                       c.family, c.tense, "future", None)
                to_come.append(c)
            else:
                done.append(c)
        return done, to_come

    @staticmethod
    def _after_subject(doc: Document, heads: list[TriggerMention], c: TriggerMention) -> bool:
        """Whether a verb and its subject, and nothing else, come right before ``c``: a past
        form there is no second verb but the first one's object, its verbal noun (انتقد
        الوزير دعم إيران للحوثيين: دَعْم)."""
        covered = {i for e in doc.entities if e.sentence == c.sentence
                   for i in range(e.tok_lo, e.tok_hi)}
        return any(h.sentence == c.sentence and h.tense in ("past", "present")
                   and h.tok_hi < c.tok_lo and covered.issuperset(range(h.tok_hi, c.tok_lo))
                   for h in heads)

    # -- complements --------------------------------------------------------------------------
    def _drop_complements(self, doc: Document, found: list[TriggerMention]
                          ) -> tuple[list[TriggerMention], list[TriggerMention]]:
        """Set apart an event word that is only the content or object of an earlier event
        verb: the triggers kept, and those set apart."""
        in_entity: set[int] = set()     # filled the first time it is read
        kept: list[TriggerMention] = []
        dropped: list[TriggerMention] = []
        heads: dict[int, list[TriggerMention]] = {}   # the kept triggers of each sentence
        last: TriggerMention | None = None
        for t in found:
            # a second type's reading of the words just read (_choose_per_type) is neither the
            # content of their first reading nor the head of what follows them
            second = last is not None and (last.start, last.end) == (t.start, t.end)
            same_sentence = heads.setdefault(t.sentence, [])
            if not joined_content(t, dropped, self._after_and) and not any(
                    self._is_complement(doc, h, t, in_entity, dropped) for h in same_sentence
                    if h.start != t.start or h.end != t.end):
                kept.append(t)
                if not second:
                    same_sentence.append(t)
            else:
                dropped.append(t)
            last = t
        return kept, dropped

    def _is_complement(self, doc: Document, head: TriggerMention, t: TriggerMention,
                       in_entity: set[int], set_apart: Sequence[TriggerMention] = ()) -> bool:
        head_type = self.res.families[head.family].type
        if head_type == self.res.families[t.family].type:
            # شنت غارات: the noun is the verb's own object, one event not two
            return (head.tense != "noun" and t.tense == "noun" and t.tok_lo - head.tok_hi <= 3
                    and self._same_clause(doc, head.tok_hi, t.tok_lo))
        if head_type in self._verbal_types:
            return not (self._after_and(t.prefix) and second_verb(head, t, set_apart)) \
                and self._same_clause(doc, head.tok_hi, t.tok_lo)
        if head.tense == "noun" or t.tense != "noun":
            return False
        # منعت الشرطة التظاهرة، استخدمت … لتفريق: the noun is the verb's object
        if not in_entity:
            for e in doc.entities:
                in_entity.update(range(e.tok_lo, e.tok_hi))
        # no adjunct or clause break between them, and at most one other word outside the
        # participants: read left to right, stopping at the first token that settles it
        tokens = doc.tokens
        others = 0
        for i in range(head.tok_hi, t.tok_lo):
            if i in in_entity:
                continue
            tok = tokens[i]
            if tok in self._adjuncts or tok in self._boundary_punct:
                return False
            if tok not in self._complement_markers:
                others += 1
                if others > 1:
                    return False
        return True

    def _same_clause(self, doc: Document, lo: int, hi: int) -> bool:
        if hi - lo > _COMPLEMENT_WINDOW:
            return False
        return not any(tok in self._boundary_punct for tok in doc.tokens[lo:hi])

    # -- modality -----------------------------------------------------------------------------
    def _with_modality(self, doc: Document, t: TriggerMention) -> TriggerMention:
        modality, stance = self._modality(doc, t)
        if modality == t.modality and stance == t.stance:
            return t    # the defaults: most triggers are asserted
        return TriggerMention(t.start, t.end, t.tok_lo, t.tok_hi, t.sentence, t.prefix, t.family,
                              t.tense, modality, stance)

    def _modality(self, doc: Document, t: TriggerMention) -> tuple[str, str | None]:
        """The trigger's mode, and its stance where the words say pledge or refusal."""
        sent = doc.sentences[t.sentence]
        clause = self.readings.clause_tail(doc.tokens[sent.tok_lo:t.tok_lo])
        before = clause[-_MODALITY_WINDOW:]    # the last words of the clause
        # the phrase and negation-verb checks below can only hit where a cue word is
        cued = not self._modality_cues.isdisjoint(clause)
        g = self.g
        bare = self._bare
        if not self._refusal.isdisjoint(before[-2:]):
            return "negated", "refusal"
        if self._negated(before, t) or (cued and any(bare(w) in g.negation_verbs for w in before)):
            return "negated", None
        after_qad = bool(before) and before[-1] in self._qad
        if t.tense == "present" and after_qad:
            return "hypothetical", None
        if t.tense == "past" and after_qad \
                and any(bare(w) in self._past_auxiliaries for w in clause):
            return "historical", None  # كانت القوات قد انسحبت: the pluperfect is background
        if cued and self.readings.has_phrase(clause, g.hypothetical):
            return "hypothetical", None
        if cued and self.readings.has_phrase(clause, g.future):
            return "future", None
        if t.tense == "noun" and self.readings.governed_ahead(doc, t.tok_lo, t.sentence):
            return "future", None   # ستبدأ بمحاربة، سيتم ترحيل: the future verb's tense
        if (t.tense == "present" and self._marks_future(t.prefix)) \
                or (cued and self.readings.has_phrase(before[-3:], g.pledge)):
            return "future", "pledge"
        if cued and self.readings.has_phrase(before, g.historical):
            return "historical", None
        return "asserted", None

    def _negated(self, before: list[str], t: TriggerMention) -> bool:
        """لم يهاجم، لن يشارك، لم يتم اعتقال، ما هاجم (ما only right before a verb)."""
        if any(self._bare(w) in self._continuity for w in before[-2:]):
            return False    # لا تزال ترفض: "still refuses", not a denial
        near = before[-2:]
        verb_only = self._verb_only_negation
        if near and near[-1] in verb_only:
            return t.tense != "noun"
        return any(w in self.g.negation and w not in verb_only for w in near)

def _governors(lang: Language, table: dict[str, Any]) -> Governors:
    """The ``future_governors`` verbs of the table, in the forms ``Governors`` holds."""
    present = frozenset(lang.normalize_term(form) for spec in table.get("future_governors", [])
                        for form in lang.morphology.verb_phrase_forms(spec)[1])
    syntax = lang.syntax
    return Governors(syntax.with_conjunction(present), syntax.future_forms(present),
                     syntax.marks_future)


def _modality_cues(lang: Language, g: Grammar) -> frozenset[str]:
    """Every token that can start one of the modality phrases or be a negation verb, with or
    without و/ف in front: a clause without any of them needs no phrase checks."""
    return lang.syntax.with_conjunction(
        _heads(g.hypothetical) | _heads(g.future) | _heads(g.pledge) | _heads(g.historical)
        | g.negation_verbs)


def _word_sets(lang: Language, table: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Each word list of a data table, normalized like the text."""
    return {name: frozenset(lang.normalize_term(w) for w in words)
            for name, words in table.items() if isinstance(words, list)}
