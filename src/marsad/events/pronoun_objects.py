"""Whom an object pronoun on a speech or political verb stands for.

A verb of those types whose object is a pronoun (its written form is one of the family's verb
forms plus a pronoun suffix of the language) has as recipient the last party named before it, in
its sentence or the one before, that the pronoun agrees with: a feminine pronoun for a feminine
noun, a country or things, a masculine one for the rest, a plural or dual one for any. The
actor's own side (its capital, its officials) and the press are passed over. Not read: forms that
are also the family's verbal nouns (one word is "he refused it" and "his refusal") and resumptive
pronouns of relative clauses (an agreement that a state concluded). An object pronoun standing
apart right after the act (مطالبا إياه، متهمة إياها) is read the same way. The words are the language's
(``actors`` table); this module only reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.phrases import PhraseReader
from marsad.lang import Language
from marsad.resources.tables import EventFamily

#: how many words before the act a relative pronoun makes a pronoun after it resumptive
RELATIVE_REACH = 4


class PronounObjects:
    def __init__(self, ph: PhraseReader, lang: Language, families: Sequence[EventFamily],
                 verb_forms: Mapping[int, frozenset[str]]):
        words = lang.table("actors")
        norm = lang.normalize_term
        self.ph = ph
        self._verb_forms = verb_forms
        self._relatives = frozenset(norm(w) for w in lang.table("roles")["relative_pronouns"])
        #: pronoun suffixes, longest first
        self._suffixes = sorted((norm(w) for w in words["third_person_suffixes"]),
                                key=len, reverse=True)
        self._feminine = frozenset(norm(w) for w in words["feminine_pronouns"])
        self._plural = frozenset(norm(w) for w in words["plural_pronouns"])
        self._people_endings = tuple(norm(w) for w in words["people_endings"])
        #: the stem of an object pronoun standing apart (إياه، إياها)
        self._detached_stem = norm(words["detached_object_stem"])
        #: per family, its nouns' first words: a verb form that is one of them may be a noun
        self._noun_heads = {i: frozenset(norm(n.split()[0]) for n in fam.nouns)
                            for i, fam in enumerate(families) if i in verb_forms}

    def referent(self, doc: Document, t: TriggerMention, ents: list[EntityMention],
                 actor: list[EntityMention], by_sentence: Mapping[int, list[EntityMention]]
                 ) -> list[EntityMention]:
        """The party the object pronoun on ``t``'s verb stands for, or nothing."""
        suffix = self.object_suffix(doc, t)
        if suffix is None:
            return []
        return self._antecedent(doc, t, suffix, ents, actor, by_sentence)

    def after_preposition(self, doc: Document, t: TriggerMention, markers: frozenset[str],
                          ents: list[EntityMention], actor: list[EntityMention],
                          by_sentence: Mapping[int, list[EntityMention]]) -> list[EntityMention]:
        """اعتدت قوات الاحتلال عليهم، يجري التحقيق معه: a preposition that marks the act's
        recipient (``markers``) carrying a pronoun right after the act (or after its subject)
        stands for the last party named before it that the pronoun agrees with; not the resumptive pronoun of a
        relative clause (القرار الذي صادق عليه المجلس)."""
        tokens = doc.tokens
        lo = max(doc.sentences[t.sentence].tok_lo, t.tok_lo - RELATIVE_REACH)
        if t.tok_hi >= len(tokens) or any(w in self._relatives for w in tokens[lo:t.tok_lo]):
            return []     # التي ما يزال المتمردون يسيطرون عليها
        # right after the act, or after its subject (واعتدت قوات الاحتلال عليهم)
        at = actor[-1].tok_hi if actor and actor[0].tok_lo >= t.tok_hi else t.tok_hi
        suffix = self.marked_pronoun(doc, at, markers)
        if suffix is None:
            return []
        return self._antecedent(doc, t, suffix, ents, actor, by_sentence)

    def detached(self, doc: Document, t: TriggerMention, ents: list[EntityMention],
                 actor: list[EntityMention], by_sentence: Mapping[int, list[EntityMention]]
                 ) -> list[EntityMention]:
        """مطالبا إياه بوقف الاعتداءات، متهمة إياها: an object pronoun standing apart right
        after the act stands for the last party named before it that it agrees with."""
        suffix = self.marked_pronoun(doc, t.tok_hi, frozenset({self._detached_stem}))
        if suffix is None:
            return []
        return self._antecedent(doc, t, suffix, ents, actor, by_sentence)

    def possessor(self, doc: Document, t: TriggerMention, suffix: str,
                  ents: list[EntityMention], actor: list[EntityMention],
                  by_sentence: Mapping[int, list[EntityMention]]
                  ) -> tuple[list[EntityMention], list[EntityMention]]:
        """أفرجت السلطات عن الصحافية بعد يومين من احتجازها، قبل اعتقاله: a pronoun on an
        act's noun whose genitive is the one acted on stands for the last party named before it
        that it agrees with, even the phrase read as the act's subject before it (then no
        longer its actor); not the resumptive pronoun of a relative clause, nor where ل marks
        the one acted on after it (واتهامه لها: the pronoun is the doer)."""
        lo = max(doc.sentences[t.sentence].tok_lo, t.tok_lo - RELATIVE_REACH)
        if any(w in self._relatives for w in doc.tokens[lo:t.tok_lo]) \
                or t.tok_hi < len(doc.tokens) and self.ph._bare(doc.tokens[t.tok_hi])[:1] \
                == self.ph._possessive:
            return actor, []
        before = [e for e in actor if e.tok_hi <= t.tok_lo]
        found = self._antecedent(doc, t, suffix, ents, [e for e in actor if e not in before],
                                 by_sentence)
        return [e for e in actor if e not in found], found

    def people(self, word: str) -> bool:
        """Whether the word is a plural of a country's adjective (الفلسطينيين): its people."""
        return word in self.ph._nisbas and word.endswith(self._people_endings)

    def marked_pronoun(self, doc: Document, i: int, markers: frozenset[str]) -> str | None:
        """The pronoun suffix on the word at ``i`` if it is one of ``markers`` with a pronoun
        (عليهم، معه), else None."""
        word = doc.tokens[i] if i < len(doc.tokens) else ""
        return next((s for s in self._suffixes if word.endswith(s) and word[:-len(s)] in markers),
                    None)

    def _antecedent(self, doc: Document, t: TriggerMention, suffix: str,
                    ents: list[EntityMention], actor: list[EntityMention],
                    by_sentence: Mapping[int, list[EntityMention]]) -> list[EntityMention]:
        codes = {e.code for e in actor}
        earlier = [e for e in ents if e.tok_hi <= t.tok_lo][::-1] \
            + by_sentence.get(t.sentence - 1, [])[::-1]
        for e in earlier:
            if e in actor or e.sector == "MED" or e.code in codes:
                continue
            if self._agrees(doc, e, suffix):
                return [e]
        return []

    def object_suffix(self, doc: Document, t: TriggerMention) -> str | None:
        forms = self._verb_forms.get(t.family)
        word = self.ph._bare(doc.tokens[t.tok_lo])
        if not forms or word in forms or (t.tok_lo > 0
                                          and doc.tokens[t.tok_lo - 1] in self._relatives):
            return None
        suffix = next((s for s in self._suffixes if word.endswith(s) and word[:-len(s)] in forms),
                      None)
        if suffix is None or word[:-len(suffix)] in self._noun_heads.get(t.family, ()):
            return None
        return suffix

    def _agrees(self, doc: Document, e: EntityMention, suffix: str) -> bool:
        """Whether the pronoun can stand for ``e``: a plural one for any party, a feminine one
        only for a feminine noun or a country's name, a masculine one for the rest; a plural of
        a country's adjective (الفلسطينيين) is its people, for a plural one only. A noun's
        gender is read on its ending as written (the folded text writes ة like the ه of الله)."""
        if suffix in self._plural:
            return True
        if self.people(doc.tokens[e.tok_lo][len(e.prefix):]):
            return False
        feminine = self.ph._feminine(doc, e) or (e.kind == "state" and e.sector is None)
        return feminine == (suffix in self._feminine)
