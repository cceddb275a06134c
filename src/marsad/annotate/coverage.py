"""Which tokens of a document words already cover, asked token by token.

The entity stage (``annotate/entities.py``) asks, for the few tokens where a name may begin,
whether a lexicon word or a mention covers them; listing every covered token of every article
would cost more than all the asking. The trigger stage asks which characters names cover
(``named_marks``). Nothing here is language-specific.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, compress
from operator import attrgetter

from marsad.doc.document import Document
from marsad.doc.spans import Match

_START, _END = attrgetter("start"), attrgetter("end")
#: marks of ``named_marks``
NAMED, SECTOR_WORD = 1, 2


class Taken:
    """The tokens that the lexicon's words cover (a gazetteer place aside: كارولينا may be a
    name) or that ``extra`` lists, asked token by token without listing them: a bisect over
    the matches' starts and the furthest end reached so far, then a look at the few matches
    that reach the token."""

    __slots__ = ("_matches", "_reach", "_starts", "_tok_ends", "_tok_starts", "extra")
    _matches: list[Match]
    _starts: list[int]
    _reach: list[int]
    _tok_starts: list[int]
    _tok_ends: list[int]
    extra: set[int]

    def __init__(self, doc: Document, base: Taken | None = None) -> None:
        """The tokens ``doc``'s lexicon words cover; or, given ``base`` (of the same document),
        a copy of it to add to — made so, not with ``object.__new__``, which the compiled
        build's native classes refuse."""
        if base is not None:
            self._matches, self._starts, self._reach = base._matches, base._starts, base._reach
            self._tok_starts, self._tok_ends = base._tok_starts, base._tok_ends
            self.extra = set(base.extra)
            return
        self._matches = doc.matches         # in order of start (LexiconMatcher)
        self._starts = list(map(_START, doc.matches))
        self._reach = list(accumulate(map(_END, doc.matches), max))
        self._tok_starts, self._tok_ends = doc.token_starts, doc.token_ends
        self.extra = set()

    def __contains__(self, i: object) -> bool:
        if not isinstance(i, int):
            return False
        if i in self.extra:
            return True
        start = self._tok_starts[i]
        k = bisect_left(self._starts, self._tok_ends[i]) - 1
        while k >= 0 and self._reach[k] > start:
            m = self._matches[k]
            if m.end > start and m.terms[0].layer != "place":
                return True
            k -= 1
        return False

    def union(self, tokens: set[int], doc: Document) -> Taken:
        both = Taken(doc, self)
        both.extra |= tokens
        return both

    def update(self, tokens: range) -> None:
        self.extra.update(tokens)

class BareStarts:
    """The first tokens of the mentions with no preposition fused to them (السعودية, not
    للصحفيين): asked for the one token after a name, never listed."""

    __slots__ = ("_fused", "_starts", "_tokens")

    def __init__(self, doc: Document, fused: Callable[[str, bool], str | None]) -> None:
        self._starts = {e.tok_lo for e in doc.entities}
        self._tokens, self._fused = doc.tokens, fused

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and i in self._starts and not self._fused(self._tokens[i], True)

class SentenceOf:
    """The sentence of a token, by bisection (a document's sentences in token order)."""

    __slots__ = ("_los",)

    def __init__(self, doc: Document) -> None:
        self._los = [s.tok_lo for s in doc.sentences]

    def __getitem__(self, i: int) -> int:
        return max(bisect_right(self._los, i) - 1, 0)

def positions(tokens: list[str], words: frozenset[str]) -> list[int]:
    """The indices of the tokens that are one of ``words`` (a loop in C: most are none)."""
    return list(compress(range(len(tokens)), map(words.__contains__, tokens)))

def tokens_of(doc: Document, start: int, end: int) -> range:
    """The tokens a matching-view span covers."""
    lo = bisect_right(doc.token_starts, start) - 1
    hi = bisect_right(doc.token_starts, end - 1)
    return range(max(lo, 0), hi)


def named_marks(doc: Document, sector_ids: frozenset[str],
                place_before: Callable[[str], bool], name_before: Callable[[str], bool],
                day_part: Callable[[str, str], bool]) -> bytearray:
    """Per character of the matching view, ``NAMED`` where the words are no event's:
    inside an entity's name (معارضة in المعارضة السورية); inside a place name of several words
    (مكرمة, a royal grant, in مكة المكرمة: 211 candidates in 3,000 articles, none kept) or of
    one after a word that a place's name follows (``place_before``: مدينة تدمر, Palmyra, not
    "destroys"); in any match right after a particle that a name follows (``name_before``: علي
    بن أبي طالب, not "demanded"); in a one-word trigger that the word after it makes a time
    (``day_part``: فجر اليوم, dawn, not "blew up"). ``SECTOR_WORD`` inside a word of
    ``sector_ids`` that names a sector alone (متهمين: the accused), which the trigger stage
    still reads as a candidate's participle where a decision tells them apart (قالوا إنهم
    يقاتلون وحدهم، متهمين الميليشيات بالفرار); else 0."""
    named = bytearray(len(doc.norm.text) + 1)
    for e in doc.entities:
        if e.kind != "other" or e.tok_hi - e.tok_lo > 1:
            mark = SECTOR_WORD if e.tok_hi - e.tok_lo == 1 and e.id in sector_ids else NAMED
            named[e.start:e.end] = bytes((mark,)) * (e.end - e.start)
    tokens, starts = doc.tokens, doc.token_starts
    for m in doc.matches:
        layer = m.terms[0].layer
        if layer != "trigger" and layer != "place":
            continue
        first = bisect_right(starts, m.start) - 1
        one_word = bisect_right(starts, m.end - 1) == first + 1
        before = tokens[first - 1] if first > 0 else ""
        if layer == "place":
            marked = not one_word or bool(before) and place_before(before)
        else:
            marked = one_word and first + 1 < len(tokens) and day_part(tokens[first],
                                                                     tokens[first + 1])
        if marked or before and name_before(before):
            named[m.start:m.end] = bytes((NAMED,)) * (m.end - m.start)
    return named
