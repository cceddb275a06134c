"""Pipeline stage: sentences and tokens of a document, by its language's rules.

A sentence is cut into pieces of at most ``MAX_SENTENCE_TOKENS`` tokens. The later stages read
each trigger's clause and sentence (its subject, its modality, the nearest place and figure), so
their work grows with a sentence's length times its triggers: a run-on text with no full stop
(a crawler's page of lists, a 500,000-character line) would otherwise cost the square of its
length. The cap lies above the longest sentence of the 31,030 SaudiNewsNet articles (719
tokens), so real sentences are never cut; a longer one is cut after its last clause break (the
language's clause punctuation) in the second half of the window, else at the cap itself.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from marsad.doc.document import Document
from marsad.doc.spans import Sentence
from marsad.lang import Language

#: the most tokens a sentence may hold; a longer one is cut into pieces (see the docstring)
MAX_SENTENCE_TOKENS = 1000


class Segmenter:
    """Splits the document into sentences and tokens (in the matching view)."""

    def __init__(self, language: Language, max_tokens: int = MAX_SENTENCE_TOKENS):
        self.language = language
        self.max_tokens = max_tokens

    def __call__(self, doc: Document) -> Document:
        norm = doc.norm
        doc.dateline = self.language.find_dateline(norm.folded, doc.body_start)
        skip = doc.dateline.end if doc.dateline else 0
        doc.tokens, doc.token_starts, doc.token_ends = self.language.tokenize(norm.text)
        starts = doc.token_starts
        to_normalized = norm.to_normalized
        sentences: list[Sentence] = []
        for start, end, kind in self.language.split_sentences(norm.folded, doc.body_start, skip):
            nstart = to_normalized(start)
            nend = max(nstart, to_normalized(end - 1) + 1) if end > start else nstart
            sentence = Sentence(len(sentences), start, end, nstart, nend, kind,
                                bisect_left(starts, nstart), bisect_left(starts, nend))
            if sentence.tok_hi - sentence.tok_lo <= self.max_tokens:
                sentences.append(sentence)
            else:
                sentences.extend(self._cut(doc, sentence, len(sentences)))
        doc.sentences = sentences
        return doc

    def _cut(self, doc: Document, sent: Sentence, index: int) -> Iterator[Sentence]:
        """The pieces of a sentence longer than the cap, numbered on from ``index``."""
        lo = sent.tok_lo
        for cut in self._cuts(doc.tokens, sent.tok_lo, sent.tok_hi):
            yield self._piece(doc, sent, index, lo, cut)
            index, lo = index + 1, cut
        yield self._piece(doc, sent, index, lo, sent.tok_hi)

    def _cuts(self, tokens: list[str], lo: int, hi: int) -> Iterator[int]:
        """Where the pieces of tokens [lo, hi) end: after a clause break in the window's
        second half, else at the cap. Each token is looked at at most once."""
        breaks, cap = self.language.clause_breaks, self.max_tokens
        while hi - lo > cap:
            end = lo + cap
            lo = next((i + 1 for i in range(end - 1, lo + cap // 2 - 1, -1) if tokens[i] in breaks),
                      end)
            yield lo

    @staticmethod
    def _piece(doc: Document, sent: Sentence, index: int, lo: int, hi: int) -> Sentence:
        """The sentence of tokens [lo, hi) of ``sent``: its first piece starts where the
        sentence does, its last ends where it does, the others at their tokens."""
        nstart = sent.nstart if lo == sent.tok_lo else doc.token_starts[lo]
        nend = sent.nend if hi == sent.tok_hi else doc.token_ends[hi - 1]
        start = sent.start if lo == sent.tok_lo else doc.norm.to_original(nstart)
        end = sent.end if hi == sent.tok_hi else doc.norm.span_to_original(nstart, nend)[1]
        return Sentence(index, start, end, nstart, nend, sent.kind, lo, hi)
