"""The document that flows through the pipeline: each stage reads it and writes its layer.

Offsets on mentions are in the matching view (``doc.norm.text``); ``Document.original_span``
turns them into offsets into the article's title or text for the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from marsad.reading.article import Article
from marsad.text.normalize import NormalizedText

if TYPE_CHECKING:
    from marsad.records import Event
    from marsad.resources.lexicon import Match
    from marsad.text.sentences import Dateline

TITLE_SEPARATOR = "\n\n"


class Sentence(NamedTuple):
    """A sentence of the document (a named tuple: cheaper to make than a frozen dataclass)."""

    index: int          # type: ignore[assignment]  # shadows tuple.index, never used here
    start: int          # offsets into Document.text (original characters)
    end: int
    nstart: int         # offsets into the matching view
    nend: int
    kind: str           # title | heading | body
    tok_lo: int         # tokens [tok_lo, tok_hi) of Document.tokens
    tok_hi: int


@dataclass(slots=True)
class EntityMention:
    start: int          # matching-view offsets
    end: int
    tok_lo: int
    tok_hi: int
    sentence: int
    prefix: str         # proclitics on the first word (و ب ل …)
    code: str
    sector: str | None
    id: str
    name: str
    kind: str


@dataclass(slots=True)
class TriggerMention:
    start: int
    end: int
    tok_lo: int
    tok_hi: int
    sentence: int
    prefix: str
    family: int         # index into Resources.families
    tense: str          # past | present | passive | noun
    modality: str = "asserted"
    stance: str | None = None   # pledge (سيدعم، تعهد بـ) | refusal (لن يستقبل) | None


@dataclass(slots=True)
class EventMention:
    """A trigger with its participants, before it becomes an output record."""

    trigger: TriggerMention
    actor: list[EntityMention]
    recipient: list[EntityMention]
    confidence: float
    attribution: EntityMention | None = None
    attribution_span: tuple[int, int] | None = None


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
    dateline: Dateline | None = None
    matches: list[Match] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    triggers: list[TriggerMention] = field(default_factory=list)
    times: list[Any] = field(default_factory=list)         # annotate.times.TimeMention
    quantities: list[Any] = field(default_factory=list)    # annotate.quantities.QuantityMention
    casualties: list[Any] = field(default_factory=list)    # annotate.quantities.CasualtyMention
    places: list[Any] = field(default_factory=list)        # annotate.places.PlaceMention
    mentions: list[EventMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def event_sentences(self) -> list[int]:
        """Indices of the sentences holding an event mention with a participant."""
        return sorted({m.trigger.sentence for m in self.mentions if m.actor or m.recipient})

    @classmethod
    def from_article(cls, article: Article) -> Document:
        from marsad.text.normalize import normalize

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
