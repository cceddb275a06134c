"""The arrested who are suspected of terrorism are coded as the armed side they are suspected of.

ANNOTATION.md codes terrorists and militants NSA, and the annotators code the people an arrest
names by a charge of terrorism that way too (اعتقلت السلطات 590 شخصا متهمين بالارتباط بتنظيم
داعش، تعتقل 851 شخصا بشبهة الانتماء لمنظمات إرهابية), while the arrested of an ordinary charge
stay civilians of their country. So a recipient of an arrest, a charge or a trial that is
people (persons, suspects, citizens) named as suspects or followed (or, within a few words,
preceded by the act's own words: وجهت اتهامات بالإرهاب لـ 15 شخصا), within a few words of its
clause, by a word of suspicion (بتهمة، بشبهة، للاشتباه، متهمين …) and a word of terrorism or an
armed group is an armed group (NSA) with the country it was placed in as its home (محاكمة
المتهمين بتفجير مسجد الإمام الصادق).

The words are the language's (``roles``: ``suspicion_cues``, ``terror_words``).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention
from marsad.lang import Language

#: how many words after the people the charge may stand
CHARGE_REACH = 10
_NOT_HOMES = frozenset({"UNK", "IGO", "NGO", "NSA"})


class SuspectReader:
    def __init__(self, lang: Language):
        table = lang.table("roles")
        norm = lang.normalize_term
        self._cues = frozenset(norm(w) for w in table["suspicion_cues"])
        self._terror = frozenset(norm(w) for w in table["terror_words"])
        self._bare = lang.without_conjunction

    def is_cue(self, token: str) -> bool:
        """Whether the word names a charge or a suspicion (بتهمة، بشبهة، للاشتباه)."""
        return self._bare(token) in self._cues

    def recode(self, doc: Document, recipient: list[EntityMention],
               act: int | None = None) -> list[EntityMention]:
        """``recipient`` with the people suspected of terrorism coded as an armed group;
        ``act``: where the act's words begin, which may name the charge (وجهت اتهامات بالإرهاب
        لـ 15 شخصا)."""
        return [_as_armed(e) if e.kind == "people" and self._suspected(doc, e, act) else e
                for e in recipient]

    def _suspected(self, doc: Document, e: EntityMention, act: int | None) -> bool:
        hi = min(doc.sentences[e.sentence].tok_hi, e.tok_hi + CHARGE_REACH)
        # the people may be named by the charge itself (محاكمة المتهمين بتفجير المسجد), and
        # the charge by the act's words before them (وجهت اتهامات بالإرهاب لـ …)
        lo = e.tok_lo if act is None or not 0 <= e.tok_lo - act <= CHARGE_REACH else act
        words = {self._bare(w) for w in doc.tokens[lo:hi]}
        if words.isdisjoint(self._cues):
            return False
        return not words.isdisjoint(self._terror) or any(
            o.code == "NSA" and e.tok_hi <= o.tok_lo < hi for o in doc.entities)


def _as_armed(e: EntityMention) -> EntityMention:
    home = e.code if e.code not in _NOT_HOMES else None
    return replace(e, code="NSA", sector="REB", kind="non_state_armed", country=home)
