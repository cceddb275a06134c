"""Pipeline stage: sentences and tokens of a document."""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.document import Document, Sentence
from marsad.text.sentences import find_dateline, split_sentences

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
#: Punctuation tokens that end a clause (a sentence's end is a boundary anyway).
CLAUSE_BREAKS = frozenset(",;:.?!()")


def without_conjunction(token: str) -> str:
    """A token without و/ف in front (وبحسب → بحسب); short tokens are left as they are."""
    return token[1:] if len(token) > 2 and token[0] in "وف" else token


class Segmenter:
    """Splits the document into sentences and tokens (in the matching view)."""

    def __call__(self, doc: Document) -> Document:
        norm = doc.norm
        doc.dateline = find_dateline(norm.folded, doc.body_start)
        skip = doc.dateline.end if doc.dateline else 0
        found = list(_TOKEN_RE.finditer(norm.text))
        # map over the C methods: no Python frame per token
        doc.token_starts = starts = list(map(re.Match.start, found))
        doc.token_ends = list(map(re.Match.end, found))
        doc.tokens = list(map(re.Match.group, found))
        for i, span in enumerate(split_sentences(norm.folded, doc.body_start, skip)):
            nstart = norm.to_normalized(span.start)
            nend = max(nstart, norm.to_normalized(span.end - 1) + 1) if span.end > span.start else nstart
            doc.sentences.append(Sentence(
                i, span.start, span.end, nstart, nend, span.kind,
                bisect_left(starts, nstart), bisect_left(starts, nend),
            ))
        return doc
