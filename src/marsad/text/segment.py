"""Pipeline stage: sentences and tokens of a document."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from marsad.document import Document, Sentence
from marsad.text.sentences import find_dateline, split_sentences

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# split() with the token pattern in a group gives the spaces and the tokens in turn. ``\S`` in
# the second branch means the same as ``[^\w\s]`` there (a word character took the first) and is
# a cheaper test for the regex engine.
_TOKEN_SPLIT_RE = re.compile(r"(\w+|\S)")
#: Punctuation tokens that end a clause (a sentence's end is a boundary anyway).
CLAUSE_BREAKS = frozenset(",;:.?!()")


class _BareTokens(dict):
    """token → the token without و/ف in front, worked out on first use.

    Other stages ask for ~600 tokens per article; a dict lookup from C costs a third of a call
    to a Python function. The table is emptied when it grows past ``_BARE_TOKENS_MAX``.
    """

    def __missing__(self, token: str) -> str:
        if len(self) >= _BARE_TOKENS_MAX:
            self.clear()
        bare = self[token] = token[1:] if len(token) > 2 and token[0] in "وف" else token
        return bare


_BARE_TOKENS_MAX = 200_000

#: ``without_conjunction(token)``: the token without و/ف in front (وبحسب → بحسب); tokens of
#: two letters or fewer are left as they are.
without_conjunction = _BareTokens().__getitem__


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words and single punctuation marks of ``text``, with their start and end offsets."""
    # Spaces and tokens alternate in the split, so the offsets are the running sums of the
    # pieces' lengths: no match object and no Python call per token, which halves the cost.
    pieces = _TOKEN_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return pieces[1::2], offsets[1:-1:2], offsets[2::2]


class Segmenter:
    """Splits the document into sentences and tokens (in the matching view)."""

    def __call__(self, doc: Document) -> Document:
        norm = doc.norm
        doc.dateline = find_dateline(norm.folded, doc.body_start)
        skip = doc.dateline.end if doc.dateline else 0
        doc.tokens, doc.token_starts, doc.token_ends = tokenize(norm.text)
        starts = doc.token_starts
        to_normalized = norm.to_normalized
        sentences = doc.sentences
        for i, (start, end, kind) in enumerate(split_sentences(norm.folded, doc.body_start, skip)):
            nstart = to_normalized(start)
            nend = max(nstart, to_normalized(end - 1) + 1) if end > start else nstart
            sentences.append(Sentence(
                i, start, end, nstart, nend, kind, bisect_left(starts, nstart), bisect_left(starts, nend),
            ))
        return doc
