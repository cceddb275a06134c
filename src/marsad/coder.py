"""The coder: an article goes in, event records come out (contract §4).

The pipeline is a list of stages, each taking the document and returning it; resources are
loaded once and handed to the stages that need them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from marsad.annotate.actors import ActorResolver
from marsad.annotate.matches import LexiconMatcher
from marsad.annotate.places import PlaceResolver
from marsad.annotate.quantities import QuantityFinder
from marsad.annotate.times import TimeFinder
from marsad.annotate.triggers import TriggerFinder
from marsad.document import Document
from marsad.events.assemble import EventAssembler
from marsad.events.context import ContextTagger
from marsad.events.merge import EventMerger
from marsad.events.metaphor import SportFilter
from marsad.events.roles import RoleAssigner
from marsad.reading.article import Article
from marsad.records import Event
from marsad.resources import Resources, load_resources
from marsad.text.segment import Segmenter


class Coder:
    """Codes Arabic articles into PLOVER events. Build once, call many times."""

    def __init__(self, lexicons: Iterable[str] = (), resources: Resources | None = None):
        self.resources = resources or load_resources(tuple(str(p) for p in lexicons))
        res = self.resources
        self.stages: list[Any] = [
            Segmenter(),
            LexiconMatcher(res),
            ActorResolver(res),
            TriggerFinder(res),
            PlaceResolver(res),
            RoleAssigner(res),
            TimeFinder(),
            QuantityFinder(),
            EventAssembler(res),
            ContextTagger(),
            SportFilter(),
            EventMerger(res),
        ]

    def process(self, article: Article) -> Document:
        """Run every stage over the article and return the annotated document."""
        doc = Document.from_article(article)
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def code(self, article: Article) -> list[Event]:
        return self.process(article).events

    def code_article(self, record: Mapping[str, Any] | Article) -> list[Event]:
        """Code one article given as a contract §1 mapping (or an ``Article``)."""
        article = record if isinstance(record, Article) else Article.from_mapping(record)
        return self.code(article)

    def code_text(self, text: str, date: str | None = None, id: str | None = None,
                  title: str = "") -> list[Event]:
        return self.code_article({"text": text, "date": date, "id": id, "title": title})

    def code_many(self, records: Iterable[Mapping[str, Any] | Article]) -> Iterator[Event]:
        """Stream events from many articles; memory stays bounded by one article."""
        for record in records:
            yield from self.code_article(record)
