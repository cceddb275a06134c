"""Pipeline stage: who did it and to whom, from Arabic clause structure.

For each trigger the clause around it is read:

* active verb: a subject before the verb (SVO) or the first bare noun phrase after it (VSO) is
  the actor; the recipient is the next phrase introduced the way the verb governs it (a direct
  object, or على / ضد / مع / إلى / ب / ل …);
* passive verb or ``تم`` + verbal noun: the phrase after it is the recipient, the actor is the
  one after ``من قبل`` / ``على يد`` if any;
* noun: the genitive after it is the actor or recipient as the lexicon says (هجوم X / اعتقال X),
  and the subject of the clause is the actor;
* reported speech (``X قال إن Y هاجم Z``): the embedded clause is read on its own, X is kept as
  the attribution; when the embedded clause has no subject (``قال X إنه هاجم``), X is the actor;
* a verb with no subject anywhere takes the subject of the previous sentence.

Phrases joined by و are one compound participant (PLOVER's convention).
"""

from __future__ import annotations

from functools import cache

from marsad.document import Document, EntityMention, EventMention, Sentence, TriggerMention
from marsad.resources import Resources
from marsad.resources.tables import EventFamily
from marsad.text.normalize import normalize_term
from marsad.text.segment import CLAUSE_BREAKS as _PUNCT_BOUNDARY
from marsad.text.segment import without_conjunction as _bare

_PREPOSITION_CLITICS = {"ب": "ب", "ل": "ل", "لل": "ل", "بال": "ب", "وب": "ب", "ول": "ل",
                        "ولل": "ل", "وبال": "ب", "فب": "ب", "فل": "ل", "ك": "ك", "كال": "ك"}
_DIRECTED_ANY = frozenset({"الي", "ل", "علي", "ضد", "مع"})
_TOWARDS = frozenset({"الي", "ل", "مع"})
_AGAINST = frozenset({"علي", "ضد", "مع"})
# Words that begin with ب or ل of their own (not a preposition)
_NOT_PREPOSITIONAL = frozenset({"بيان", "بلده", "بلدات", "بلاد", "بعض", "بعد", "بين", "بلغ", "بدء",
                                "بدا", "بداء", "بقيه", "لجنه", "لقاء", "لواء", "لدي", "لكن", "ليس"})
_BELONGING = frozenset({"تابع", "تابعه", "التابع", "التابعه", "تابعين", "التابعين"})
_PARTITIVE_HEADS = frozenset({"عناصر", "عنصرا", "عنصر", "اعضاء", "عضوا", "افراد", "فردا", "مقاتلي",
                              "مقاتلين", "مسلحي", "عدد", "عددا", "بعض", "احد", "اثنين", "ثلاثه",
                              "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات",
                              "مءات", "الاف", "قاده", "قيادي", "قياديا", "قياديين"})
# Words that tie a phrase to the one before it (شبكة القاعدة بزعامة بن لادن): not an object.
_LINK_WORDS = frozenset({"بزعامه", "بقياده", "برءاسه", "التابع", "التابعه", "الموالي", "المواليه",
                         "الموالين", "المدعوم", "المدعومه", "زعيم", "زعيمها", "زعيمه", "قاءد",
                         "ممثل", "باسم", "المتحدث", "الناطق"})
_DIRECTED = {**{t: _TOWARDS for t in ("AGREE", "SUPPORT", "AID", "CONSULT", "COOPERATE",
                                      "CONCEDE", "RETREAT")},
             **{t: _AGAINST for t in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST",
                                      "THREATEN", "ACCUSE")}}
_PRONOUN_COMPLEMENTIZERS = frozenset({"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم"})


class RoleAssigner:
    def __init__(self, resources: Resources):
        self.res = resources
        g = resources.grammar
        self.g = g
        self.openers = {p for p in g.clause_openers if len(p) == 1}
        # first words of source phrases and speech verbs: a cheap gate before the phrase checks
        self._source_heads = frozenset(p[0] for p in g.source_phrases)
        self._source_cues = _with_conjunction(self._source_heads | g.speech | {"وفقا", "طبقا"})
        # Tokens that can end a clause looking left from a trigger (a complementizer, a clause
        # opener, punctuation but the comma), with or without و/ف: every other token is passed
        # over without the detailed checks of _clause_start.
        opener_words = frozenset(p[0] for p in self.openers)
        self._left_stops = (_with_conjunction(g.complementizers | opener_words)
                            | (_PUNCT_BOUNDARY - {","}))
        self._right_stops = _PUNCT_BOUNDARY | g.complementizers | opener_words

    def __call__(self, doc: Document) -> Document:
        self._in_entity = in_entity = set[int]()
        for e in doc.entities:
            in_entity.update(range(e.tok_lo, e.tok_hi))
        by_sentence: dict[int, list[EntityMention]] = {}
        for e in doc.entities:
            by_sentence.setdefault(e.sentence, []).append(e)
        subjects: dict[int, list[EntityMention]] = {}
        for t in doc.triggers:
            if t.sentence not in subjects:
                subjects[t.sentence] = self._sentence_subject(doc, by_sentence.get(t.sentence - 1, []), [])
            previous_subject = subjects[t.sentence]
            ents = by_sentence.get(t.sentence, [])
            mention = self._assign(doc, t, ents, previous_subject)
            if not mention.actor and mention.recipient and t.tense == "noun":
                # قدمت قواتها المشورة خلال 22 عملية ضد داعش: the sentence's agent runs the operations
                agent = next((m.actor for m in reversed(doc.mentions)
                              if m.trigger.sentence == t.sentence and m.actor
                              and m.trigger.tok_lo < t.tok_lo and m.trigger.tense != "noun"), [])
                mention.actor = [e for e in agent if e not in mention.recipient]
            doc.mentions.append(mention)
        return doc

    # -- one trigger ---------------------------------------------------------------------
    def _assign(self, doc: Document, t: TriggerMention, ents: list[EntityMention],
                previous: list[EntityMention]) -> EventMention:
        fam = self.res.families[t.family]
        sent = doc.sentences[t.sentence]
        left_edge, reporter, pronoun_subject = self._clause_start(doc, sent, t, ents)
        right_edge = self._clause_end(doc, sent, t)
        before = [e for e in ents if left_edge <= e.tok_lo and e.tok_hi <= t.tok_lo]
        after = [e for e in ents if e.tok_lo >= t.tok_hi and e.tok_lo < right_edge]
        passive = t.tense == "passive" or (t.tense == "noun" and self._after_passive_aux(doc, t))
        actor: list[EntityMention] = []
        recipient: list[EntityMention] = []
        confidence = 0.6
        if fam.frame == "obligation":
            # X قال إن على Y أن …، Y يجب أن …: X asks it of Y
            actor = reporter
            recipient = self._first_chain(doc, after, bare=False, max_gap=0, start=t.tok_hi) \
                or self._subject_before(doc, before, t) or self._first_chain(doc, after, bare=True)
        elif passive:
            agent = self._agent(doc, t, after)
            actor = agent
            recipient = self._first_chain(doc, [e for e in after if e not in agent], bare=True)
        elif t.tense == "noun":
            actor, recipient = self._noun_roles(doc, t, fam, before, after)
        else:
            subject = self._subject_before(doc, before, t)
            if subject:
                actor = subject
                rest = after
            elif pronoun_subject and reporter:
                actor, rest = reporter, after  # قالت سويسرا إنها طردت دبلوماسيين روسيين
            else:
                actor = self._first_chain(doc, after, bare=True)
                rest = [e for e in after if e.tok_lo >= (actor[-1].tok_hi if actor else t.tok_hi)]
            recipient = self._marked(doc, rest, fam, after_tok=actor[-1].tok_hi
                                     if actor and actor[-1].tok_lo > t.tok_lo else t.tok_hi)
            confidence = 0.75
        if not actor and reporter and (pronoun_subject or t.tense != "noun"):
            actor = reporter
        if not actor and t.tense in ("past", "present") and not passive and t.tok_lo - left_edge <= 1:
            actor = previous  # وأضاف، وهاجم …: a clause-initial verb continues the last subject
            confidence -= 0.15
        if actor and recipient and _same_codes(actor, recipient):
            recipient = []
        mention = EventMention(t, actor, recipient, round(confidence, 2))
        source = reporter[:1] or self._sentence_source(doc, sent, ents, t)
        if source:
            mention.attribution = source[0]
            mention.attribution_span = self._saying_span(doc, sent, source[0])
        return mention

    def _noun_roles(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    before: list[EntityMention], after: list[EntityMention],
                    ) -> tuple[list[EntityMention], list[EntityMention]]:
        actor: list[EntityMention] = []
        recipient: list[EntityMention] = []
        genitive = self._first_chain(doc, after, bare=True, max_gap=1, start=t.tok_hi)
        if not genitive and fam.genitive == "actor":
            # انتحاري من تنظيم داعش، هجوم من جانب المسلحين: من + actor right after the noun
            origin = [e for e in after if e.tok_lo == t.tok_hi + 1 and doc.tokens[t.tok_hi] == "من"]
            genitive = self._chain_from(doc, after, after.index(origin[0])) if origin else []
        if genitive:
            if fam.genitive == "recipient":
                recipient = genitive
            else:
                actor = genitive
        rest = [e for e in after if not genitive or e.tok_lo >= genitive[-1].tok_hi]
        if not recipient:
            recipient = self._marked(doc, rest, fam, allow_obj=False)
        if not actor:
            actor = self._subject_before(doc, before, t, near=True)
        return actor, recipient

    # -- clause edges ----------------------------------------------------------------------
    def _clause_start(self, doc: Document, sent: Sentence, t: TriggerMention,
                      ents: list[EntityMention]) -> tuple[int, list[EntityMention], bool]:
        """Left edge of the trigger's clause, and the reporter if the clause is reported speech."""
        tokens = doc.tokens
        stops = self._left_stops
        for i in range(t.tok_lo - 1, sent.tok_lo - 1, -1):
            tok = tokens[i]
            if tok not in stops:
                continue
            if tok in self.g.complementizers or _bare(tok) in self.g.complementizers:
                reporter = self._reporter(doc, sent, i, ents)
                return i + 1, reporter, _bare(tok) in _PRONOUN_COMPLEMENTIZERS
            if tok == ":":
                speaker = [e for e in ents if e.tok_hi == i and e.tok_lo <= sent.tok_lo + 1]
                if speaker:  # الجيش الأميركي: ساعدنا … — a quoted headline
                    return i + 1, self._subject_before(doc, speaker, None, end=i), True
            if tok in _PUNCT_BOUNDARY and tok not in ",":
                return i + 1, [], False
            if (tok,) in self.g.clause_openers or (_bare(tok),) in self.g.clause_openers:
                return i + 1, [], False
        return sent.tok_lo, [], False

    def _clause_end(self, doc: Document, sent: Sentence, t: TriggerMention) -> int:
        tokens = doc.tokens
        stops = self._right_stops
        for i in range(t.tok_hi, sent.tok_hi):
            if tokens[i] in stops:
                return i
        return sent.tok_hi

    def _reporter(self, doc: Document, sent: Sentence, comp: int,
                  ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the speech verb before a complementizer (قال X إن / X قال إن)."""
        speech = next((i for i in range(comp - 1, max(sent.tok_lo, comp - 12) - 1, -1)
                       if _bare(doc.tokens[i]) in self.g.speech or doc.tokens[i] in self.g.speech), None)
        if speech is None:
            return []
        after = [e for e in ents if speech < e.tok_lo < comp]
        chain = self._first_chain(doc, after, bare=True)
        if chain:
            return chain
        before = [e for e in ents if e.tok_hi <= speech and e.tok_lo >= sent.tok_lo]
        return self._subject_before(doc, before, None, end=speech)

    def _sentence_source(self, doc: Document, sent: Sentence, ents: list[EntityMention],
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
            bare = tuple(_bare(tok) for tok in raw)   # وبحسب → بحسب (but وفقا stays وفقا in raw)
            for window in (raw, bare):
                if any(window[-len(p):] == p for p in self.g.source_phrases if len(window) >= len(p)):
                    return [e]
                if e.prefix in ("ل", "لل") and window[-1:] in (("وفقا",), ("طبقا",)):
                    return [e]
            if any(w in self.g.speech for w in bare[-2:]) and not self._governor(doc, e) \
                    and not (e.tok_lo <= t.tok_lo < e.tok_hi):
                return [e]
        return []

    def _saying_span(self, doc: Document, sent: Sentence, who: EntityMention) -> tuple[int, int]:
        """The words that cite the source together with it (أعلنت القيادة المركزية الأميركية)."""
        tokens = doc.tokens
        lo = who.tok_lo
        for i in range(who.tok_lo - 1, max(sent.tok_lo, who.tok_lo - 4) - 1, -1):
            bare = _bare(tokens[i])
            if bare in self.g.speech or bare in self._source_heads or bare == "ما":
                lo = i
            elif lo != who.tok_lo:
                break
        return doc.token_starts[lo], who.end

    # -- phrases ---------------------------------------------------------------------------
    def _governor(self, doc: Document, e: EntityMention) -> str | None:
        """The preposition governing a phrase: a separate word before it or a proclitic."""
        prev = doc.tokens[e.tok_lo - 1] if e.tok_lo > 0 else ""
        clitic = _PREPOSITION_CLITICS.get(e.prefix)
        if clitic:
            # قافلة تابعة للأمم المتحدة: the owner stands for what belongs to it
            return None if clitic == "ل" and prev in _BELONGING else clitic
        if e.tok_lo > 0:
            if prev == "من" and e.tok_lo > 1 and _is_partitive(doc.tokens[e.tok_lo - 2]):
                return None  # عناصر من تنظيم داعش، 168 من الليبيريين: the members are the group
            if prev in self.g.prepositions:
                return prev
            if len(prev) > 3 and prev[0] in "بل" and prev[1:3] != "ال" and (e.tok_lo - 1) not in self._in_entity \
                    and prev not in _NOT_PREPOSITIONAL:
                return prev[0]  # أشاد بجهود قطر، لصالح إيران: the head noun carries the preposition
            if prev == "قبل" and e.tok_lo > 1 and doc.tokens[e.tok_lo - 2] == "من":
                return "من قبل"
            # في جزيرة قبرص، إلى مدينة حلب: a preposition, one head noun, then the name
            if e.tok_lo > 1 and doc.tokens[e.tok_lo - 2] in self.g.prepositions and prev.isalpha() \
                    and not _PREPOSITION_CLITICS.get(prev[:1]):
                return doc.tokens[e.tok_lo - 2]
        return None

    def _first_chain(self, doc: Document, ents: list[EntityMention], bare: bool,
                     max_gap: int | None = None, start: int | None = None) -> list[EntityMention]:
        for k, e in enumerate(ents):
            if max_gap is not None and start is not None and e.tok_lo - start > max_gap:
                return []
            if bare and self._governor(doc, e):
                continue
            return self._chain_from(doc, ents, k)
        return []

    def _chain_from(self, doc: Document, ents: list[EntityMention], k: int) -> list[EntityMention]:
        """``X و Y``, ``X وY``, ``X، Y و Z``: a compound participant."""
        chain = [ents[k]]
        for e in ents[k + 1:]:
            gap = doc.tokens[chain[-1].tok_hi:e.tok_lo]
            joined = (not gap and e.prefix.startswith("و")) or gap in (["و"], [","])
            if not joined:
                break
            chain.append(e)
        return chain

    def _subject_before(self, doc: Document, before: list[EntityMention], t: TriggerMention | None,
                        near: bool = False, end: int | None = None) -> list[EntityMention]:
        """The nearest bare phrase before the trigger, taken with the compound it closes."""
        bare = [e for e in before if not self._governor(doc, e)]
        if not bare:
            return []
        last = bare[-1]
        limit = end if end is not None else (t.tok_lo if t else last.tok_hi)
        if near and limit - last.tok_hi > 4:
            return []
        idx = before.index(last)
        start = idx
        while start > 0:
            prev = before[start - 1]
            gap = doc.tokens[prev.tok_hi:before[start].tok_lo]
            if (not gap and before[start].prefix.startswith("و")) or gap in (["و"], [","]):
                start -= 1
            else:
                break
        return before[start:idx + 1]

    def _marked(self, doc: Document, ents: list[EntityMention], fam: EventFamily,
                allow_obj: bool = True, after_tok: int | None = None) -> list[EntityMention]:
        markers = _markers(fam.recipient)
        ents = [e for e in ents if self._object_position(doc, e, e.tok_lo - 2)]
        for k, e in enumerate(ents):
            gov = self._governor(doc, e)
            if gov is None and "obj" in markers and allow_obj:
                return self._chain_from(doc, ents, k)
            if gov is not None and gov in markers:
                return self._chain_from(doc, ents, k)
            if gov in ("ل", None) and e.tok_lo > 1 and doc.tokens[e.tok_lo - 2] in markers:
                return self._chain_from(doc, ents, k)  # على مواقع لحزب العمال
            if gov == "ل" and "obj" in markers and allow_obj and e.tok_lo > 1 \
                    and (e.tok_lo - 1) not in self._in_entity \
                    and doc.tokens[e.tok_lo - 1] not in self.g.prepositions \
                    and doc.tokens[e.tok_lo - 2] not in self.g.prepositions \
                    and self._governor_of_token(doc, e.tok_lo - 1) is None:
                return self._chain_from(doc, ents, k)  # قصفت مواقعَ لتنظيم داعش: the owner

        # The lexicon's markers missed: a phrase the act is directed at, by the act's polarity
        directed = _DIRECTED.get(fam.type, _DIRECTED_ANY)
        for k, e in enumerate(ents):
            if self._governor(doc, e) in directed:
                return self._chain_from(doc, ents, k)
        return []

    def _governor_of_token(self, doc: Document, i: int) -> str | None:
        """Whether token i itself sits in a prepositional phrase (في مواقع …)."""
        tok = doc.tokens[i]
        if tok[:1] in "بل" and len(tok) > 3 and tok not in _NOT_PREPOSITIONAL:
            return tok[0]
        return doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1] in self.g.prepositions else None

    def _object_position(self, doc: Document, e: EntityMention, after_tok: int | None) -> bool:
        """A bare phrase is not the object when a link word ties it to an actor before it
        (شبكة القاعدة بزعامة بن لادن, قوات حفظ السلام التابعة للأمم المتحدة)."""
        if after_tok is None:
            return True
        for i in range(max(after_tok, e.tok_lo - 2), e.tok_lo):
            if doc.tokens[i] in _LINK_WORDS and i > 0 and (i - 1) in self._in_entity:
                return False
        return True

    def _agent(self, doc: Document, t: TriggerMention,
               after: list[EntityMention]) -> list[EntityMention]:
        for k, e in enumerate(after):
            lo = e.tok_lo
            window = tuple(doc.tokens[max(0, lo - 2):lo])
            if any(window[-len(p):] == p for p in self.g.agent_markers if len(window) >= len(p)):
                return self._chain_from(doc, after, k)
        return []

    def _after_passive_aux(self, doc: Document, t: TriggerMention) -> bool:
        prev = doc.tokens[t.tok_lo - 1] if t.tok_lo > 0 else ""
        return _bare(prev) in self.g.passive_auxiliaries

    def _sentence_subject(self, doc: Document, ents: list[EntityMention],
                          fallback: list[EntityMention]) -> list[EntityMention]:
        actors = [m.actor for m in doc.mentions if m.actor and m.trigger.sentence == ents[0].sentence] \
            if ents else []
        if actors:
            return actors[0]
        bare = [e for e in ents if not self._governor(doc, e)]
        return self._chain_from(doc, bare, 0) if bare else fallback


@cache
def _with_conjunction(words: frozenset[str]) -> frozenset[str]:
    """The tokens whose ``_bare`` form or own form is one of ``words``: the words themselves
    and each with و/ف in front (``_bare`` strips those only from tokens of three letters up)."""
    return words | {c + w for w in words if len(w) >= 2 for c in "وف"}


def _is_partitive(token: str) -> bool:
    return token.isdigit() or token in _PARTITIVE_HEADS


@cache
def _markers(recipient: tuple[str, ...]) -> frozenset[str]:
    """The family's recipient markers, normalized like the text (على → علي)."""
    return frozenset(m if m == "obj" else normalize_term(m) for m in (recipient or ("obj",)))


def _same_codes(a: list[EntityMention], b: list[EntityMention]) -> bool:
    return {e.id for e in a} == {e.id for e in b}
