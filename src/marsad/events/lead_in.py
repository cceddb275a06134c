"""What may stand between a two-sided fight and the بين that names its sides.

One adjective (اشتباكات عنيفة بين …), a verb that says the fight took place with words of its
time (اشتباكات وقعت بين، مواجهات عنيفة دارت أمس بين، تدور معارك منذ أيام بين: the language's
``fight_lead_words``), or a place with its preposition (اندلعت معارك عنيفة في محافظة أبين بين
قوات الجيش والحوثيين، في ريف حلب الشمالي بين …): the sides after بين are still the fight's. Any
other words (another verb, a clause, a second noun) end the fight's phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from marsad.doc.document import Document

#: the most words a place phrase may take between the fight and بين (في محافظة صلاح الدين)
MAX_PLACE_WORDS = 5


def fight_lead_in(doc: Document, lo: int, hi: int, bare: Callable[[str], str],
                  place_prepositions: Collection[str],
                  lead_words: Collection[str] = ()) -> bool:
    """Whether tokens ``lo:hi`` (after the fight's trigger, before بين) leave بين the fight's;
    ``lead_words`` may open them, after one adjective or none."""
    if lead_words:
        lo = _past_lead_words(doc.tokens, lo, hi, bare, lead_words)
    if hi - lo <= 1:
        return True             # nothing, or one adjective
    if bare(doc.tokens[lo]) not in place_prepositions:
        lo += 1                 # an adjective, then the place phrase
    if hi - lo > MAX_PLACE_WORDS or lo >= hi or bare(doc.tokens[lo]) not in place_prepositions:
        return False
    # the place ends the phrase, or one adjective after it does (في ريف حلب الشمالي)
    start, ends = doc.token_starts[lo], (doc.token_ends[hi - 1], doc.token_ends[hi - 2])
    return any(start < p.start and p.end in ends for p in doc.places)


def _past_lead_words(tokens: list[str], lo: int, hi: int, bare: Callable[[str], str],
                     lead_words: Collection[str]) -> int:
    """Where the tokens after ``lo`` go on past the lead words that open them (one adjective
    may come first: مواجهات عنيفة دارت); ``lo`` where none do."""
    def lead(i: int) -> bool:
        return tokens[i] in lead_words or bare(tokens[i]) in lead_words

    k = lo + 1 if lo + 1 < hi and not lead(lo) and lead(lo + 1) else lo
    end = k
    while end < hi and lead(end):
        end += 1
    return end if end > k else lo
