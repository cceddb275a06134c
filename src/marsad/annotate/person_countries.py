"""The country of a person the article describes by no office, and of "his/her country".

Two guesses of the entity stage (``annotate/entities.py``) that read the countries named around
a mention rather than its own words:

* a person with no description takes the country named nearest in their sentence, else in the
  sentence before, or the nationality stated right after one of their mentions; people named by
  a trade or a place (الأطباء اليمنيين، طلاب سعوديون) are no such country: a doctor of a stated
  nationality says nothing of the nationality of the man named beside him (training annotations,
  strict matches 1256 -> 1257, dev unchanged);
* بلادها، بلاده is the government of the nearest coded mention before it.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from marsad.annotate.coverage import SentenceOf, Taken, positions
from marsad.annotate.describe import NO_COUNTRY, Draft
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention
from marsad.resources import Resources

#: sectors of society: people of a trade, a faith or a place, not of a state's office
SOCIETY_SECTORS = frozenset({"CVL", "HLH", "EDU", "REF", "BUS", "MED", "REL"})


def new_mention(bare: Callable[[str], str], doc: Document, lo: int, hi: int, sentence: int,
                code: str, sector: str | None, ident: str, name: str, kind: str) -> EntityMention:
    """A mention over tokens ``lo``-``hi`` with its first token's proclitics as the prefix."""
    tok = doc.tokens[lo]
    prefix = tok[:len(tok) - len(bare(tok))]
    return EntityMention(doc.token_starts[lo], doc.token_ends[hi - 1], lo, hi, sentence,
                         prefix, code, sector, ident, name, kind)


class PersonCountries:
    """The two guesses (module docstring), built once per language."""

    def __init__(self, resources: Resources, own_words: frozenset[str]):
        lang = resources.language
        assert lang is not None
        self._bare = lang.without_conjunction
        self._cores = lang.token_cores
        self._own_words = own_words
        self._own_forms = lang.clitic_forms(own_words)
        self._countries = {c.code: c.name for c in resources.countries}
        self._nationality = frozenset(lang.normalize_term(w)
                                      for w in lang.table("actors")["nationality_words"])

    def near(self, doc: Document, people: list[Draft], mentions: list[EntityMention],
             nationalities: Container[int]) -> None:
        """For a person with no description, the country named nearest in their sentence,
        else in the sentence before (``Draft.near``); not people named by a nationality alone
        (مدير الجوازات … اللواء خلف الله الطويرقي … أوضاع اليمنيين: he is not Yemen's), but the
        nationality stated right after one of their mentions (الجاني قاسم الهلال - سوري الجنسية -)."""
        bare = [p for p in people if p.described is None and p.guessed is None and p.person is None]
        if not bare:
            return
        states: dict[int, list[EntityMention]] = {}
        for e in mentions:
            if e.kind == "state" and e.code not in NO_COUNTRY and e.sector not in SOCIETY_SECTORS \
                    and not (e.sector is None and e.start in nationalities):
                states.setdefault(e.sentence, []).append(e)
        stated = {e.tok_lo: e.code for e in mentions if e.kind == "state" and e.sector is None
                  and doc.tokens[e.tok_hi:e.tok_hi + 1] and doc.tokens[e.tok_hi] in self._nationality}
        for p in bare:
            first = p.mentions[0]
            own = next((stated[k] for m in p.mentions for k in range(m.tok_hi, m.tok_hi + 3)
                        if k in stated), None)
            near = states.get(first.sentence) or states.get(first.sentence - 1)
            if own is not None:
                p.near = own
            elif near:
                p.near = min(near, key=lambda e: abs(e.tok_lo - first.tok_lo)).code

    def own(self, doc: Document, mentions: list[EntityMention], taken: Taken,
            sentence_of: SentenceOf) -> list[EntityMention]:
        """بلادها، بلاده: the country of the nearest coded mention before it, in its sentence
        or the one before, speaking as its government."""
        found: list[EntityMention] = []
        if not any(w in doc.norm.text for w in self._own_words):
            return found
        states = sorted((e for e in mentions if e.code not in NO_COUNTRY and e.kind == "state"),
                        key=lambda e: e.tok_hi)
        k, last = 0, None
        for i in positions(doc.tokens, self._own_forms):
            tok = doc.tokens[i]
            while k < len(states) and states[k].tok_hi <= i:
                last, k = states[k], k + 1
            if i in taken or last is None \
                    or last.sentence < sentence_of[i] - 1 \
                    or not any(not tok.endswith(c) for c in self._cores(tok) & self._own_words):
                continue
            code = last.code
            name = f"{self._countries.get(code, code)} (government)"
            found.append(new_mention(self._bare, doc, i, i + 1, sentence_of[i], code, "GOV",
                                     f"{code.lower()}.gov", name, "state"))
        return found
