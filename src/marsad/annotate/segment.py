"""Pipeline stage: sentences and tokens of a document, by its language's rules."""

from __future__ import annotations

from bisect import bisect_left

from marsad.doc.document import Document
from marsad.doc.spans import Sentence
from marsad.lang import Language


class Segmenter:
    """Splits the document into sentences and tokens (in the matching view)."""

    def __init__(self, language: Language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        norm = doc.norm
        doc.dateline = self.language.find_dateline(norm.folded, doc.body_start)
        skip = doc.dateline.end if doc.dateline else 0
        doc.tokens, doc.token_starts, doc.token_ends = self.language.tokenize(norm.text)
        starts = doc.token_starts
        to_normalized = norm.to_normalized
        sentences: list[Sentence] = []
        for i, (start, end, kind) in enumerate(self.language.split_sentences(norm.folded, doc.body_start, skip)):
            nstart = to_normalized(start)
            nend = max(nstart, to_normalized(end - 1) + 1) if end > start else nstart
            sentences.append(Sentence(
                i, start, end, nstart, nend, kind, bisect_left(starts, nstart), bisect_left(starts, nend),
            ))
        doc.sentences = sentences
        return doc
