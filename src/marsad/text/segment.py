"""Pipeline stage: sentences and tokens of a document."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from marsad.document import Document, Sentence
from marsad.text.sentences import find_dateline, split_sentences

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# split() with the token pattern in a group gives the spaces and the tokens in turn
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
#: Punctuation tokens that end a clause (a sentence's end is a boundary anyway).
CLAUSE_BREAKS = frozenset(",;:.?!()")


def without_conjunction(token: str) -> str:
    """A token without و/ف in front (وبحسب → بحسب); short tokens are left as they are."""
    return token[1:] if len(token) > 2 and token[0] in "وف" else token


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
        for i, span in enumerate(split_sentences(norm.folded, doc.body_start, skip)):
            nstart = norm.to_normalized(span.start)
            nend = max(nstart, norm.to_normalized(span.end - 1) + 1) if span.end > span.start else nstart
            doc.sentences.append(Sentence(
                i, span.start, span.end, nstart, nend, span.kind,
                bisect_left(starts, nstart), bisect_left(starts, nend),
            ))
        return doc
