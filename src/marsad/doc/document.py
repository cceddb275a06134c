"""The document that flows through the pipeline: each stage reads it and writes its layer.

Offsets on mentions are in the matching view (``doc.norm.text``); ``Document.original_span``
turns them into offsets into the article's title or text for the output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.doc.records import Event
from marsad.doc.spans import (
    CasualtyMention,
    Dateline,
    EntityMention,
    EventMention,
    Match,
    Participant,
    PlaceMention,
    QuantityMention,
    Sentence,
    TimeMention,
    TriggerMention,
)
from marsad.doc.text import NormalizedText
from marsad.reading.article import Article

TITLE_SEPARATOR = "\n\n"


@dataclass
class Document:
    article: Article
    text: str                               # title + separator + body (or the body alone)
    body_start: int
    norm: NormalizedText
    sentences: list[Sentence] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    token_ends: list[int] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    dateline: Dateline | None = None         # the wire dateline, split off the first sentence
    # a place opening the title or the lead as its dateline (الكويت: …), left in its sentence
    lead_dateline: Dateline | None = None
    matches: list[Match] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    triggers: list[TriggerMention] = field(default_factory=list)
    #: event words read as the object or content of another act (أدان الهجوم): no events of
    #: their own, but the role stage reads who did them (the condemnation is aimed at the doer)
    complements: list[TriggerMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: ``worded_sentences`` of the sentences and tokens it was counted over (several stages ask)
    _worded: tuple[list[Sentence], list[str], int, int, int] | None = field(
        default=None, repr=False, compare=False)

    def worded_sentences(self) -> int:
        """How many sentences hold a word (a token that starts with a letter or digit), not
        only punctuation or a stray mark."""
        sentences, toks = self.sentences, self.tokens
        last = self._worded
        # the lists are held, so a new list is never taken for them; one changed in place
        # (only the Segmenter writes them) would change its length
        if last is not None and last[0] is sentences and last[1] is toks \
                and last[2] == len(sentences) and last[3] == len(toks):
            return last[4]
        count = sum(any(toks[i][:1].isalnum() for i in range(s.tok_lo, s.tok_hi))
                    for s in sentences)
        self._worded = (sentences, toks, len(sentences), len(toks), count)
        return count

    def event_sentences(self) -> list[int]:
        """Indices of the sentences holding an event mention, with a participant or not: where
        the trained decision follows, a candidate with no participant is kept for it, and its
        time and figures are part of what it is judged by (1974 - مواجهات عنيفة …)."""
        return sorted({m.trigger.sentence for m in self.mentions})

    @classmethod
    def from_article(cls, article: Article,
                     normalize: Callable[[str], NormalizedText]) -> Document:
        """The document of ``article``, its text put in the matching view by ``normalize``
        (the article's language's normalizer)."""
        title = article.title.strip()
        if title:
            text = title + TITLE_SEPARATOR + article.text
            body_start = len(title) + len(TITLE_SEPARATOR)
        else:
            text, body_start = article.text, 0
        return cls(article, text, body_start, normalize(text))

    def original_span(self, nstart: int, nend: int) -> tuple[str, int, int]:
        """``(field, start, end)`` of a matching-view span in the article's title or text."""
        start, end = self.norm.span_to_original(nstart, nend)
        if start < self.body_start:
            return "title", start, min(end, self.body_start - len(TITLE_SEPARATOR))
        return "text", start - self.body_start, end - self.body_start

    def trigger_spans(self) -> dict[tuple[str, int, int], tuple[int, EventMention]]:
        """Each mention, with its index, by its trigger's ``original_span``: how a record finds
        the mention it was assembled from (its first evidence's field and trigger offsets)."""
        return {self.original_span(m.trigger.start, m.trigger.end): (k, m)
                for k, m in enumerate(self.mentions)}
