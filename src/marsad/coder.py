"""The coder: an article goes in, event records come out (contract §4).

The pipeline is a list of stages, each taking the document and returning it; resources are
loaded once and handed to the stages that need them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from marsad.annotate.actors import ActorResolver
from marsad.annotate.entities import EntityLinker
from marsad.annotate.matches import LexiconMatcher
from marsad.annotate.org_phrases import OrganisationPhrases
from marsad.annotate.places import PlaceResolver
from marsad.annotate.placing import SectorPlacer
from marsad.annotate.quantities import QuantityFinder
from marsad.annotate.segment import Segmenter
from marsad.annotate.times import TimeFinder
from marsad.annotate.triggers import TriggerFinder
from marsad.doc.document import Document
from marsad.doc.records import Event
from marsad.doc.stage import Stage, StageError, stage_name
from marsad.events.accidents import AccidentFilter
from marsad.events.answers import AnsweredCharges
from marsad.events.assemble import EventAssembler
from marsad.events.captures import BattleCaptures
from marsad.events.context import ContextTagger
from marsad.events.decide import EventDecision
from marsad.events.destination import DestinationRecipients
from marsad.events.merge import EventMerger
from marsad.events.metaphor import SportFilter
from marsad.events.opponents import ImpliedOpponents
from marsad.events.roles import RoleAssigner
from marsad.lang import Language
from marsad.reading.article import Article
from marsad.resources import Resources, language_of, load_resources


def pipeline(res: Resources, decide: bool = True, candidates: bool = False) -> list[Stage]:
    """The stages, in order, for the language of ``res``.

    ``decide=False`` leaves the trained event decision out (the rules alone decide);
    ``candidates=True`` (training the decision) keeps the candidates it would decide on,
    those without participants included, and decides nothing."""
    lang = language_of(res)
    model = res.decision_model if decide and not candidates else None
    # documents of this many sentences up get the decision's wider candidates (None: none do)
    wide_from = 1 if candidates else model.min_sentences if model is not None else None
    roles = RoleAssigner(res)
    return [
        Segmenter(lang),
        LexiconMatcher(res, candidates_from=wide_from),
        ActorResolver(res),
        EntityLinker(res),
        OrganisationPhrases(res),
        TriggerFinder(res, candidates_from=wide_from),
        PlaceResolver(res),
        SectorPlacer(res),
        roles,
        AccidentFilter(res),
        TimeFinder(res),
        QuantityFinder(res),
        EventAssembler(res, bare_from=wide_from),
        ContextTagger(res),
        SportFilter(res),
        EventDecision(res, model=model),
        BattleCaptures(res),
        EventMerger(res),
        ImpliedOpponents(res, roles.outcomes.two_sided),
        DestinationRecipients(res),
        AnsweredCharges(res),
    ]


class Coder:
    """Codes articles into PLOVER events, each by its language's pipeline. Build once, call
    many times.

    ``resources`` are the default language's (Arabic); another language's pipeline is built on
    its first article, and an article in a language marsad does not code raises
    ``marsad.lang.UnsupportedLanguage``.
    """

    def __init__(self, lexicons: Iterable[str] = (), resources: Resources | None = None,
                 decide: bool = True, candidates: bool = False):
        self.lexicons = tuple(str(p) for p in lexicons)
        self.decide = decide
        self.candidates = candidates
        self.resources = resources or load_resources(self.lexicons)
        self.language = language_of(self.resources)
        self._pipelines: dict[str, tuple[Language, list[Stage]]] = {
            self.language.code: (self.language, pipeline(self.resources, decide, candidates)),
        }
        _freeze_loaded()

    @property
    def stages(self) -> list[Stage]:
        """The default language's stages, in order."""
        return self._pipelines[self.language.code][1]

    def _pipeline(self, code: str) -> tuple[Language, list[Stage]]:
        found = self._pipelines.get(code)
        if found is None:
            res = load_resources(self.lexicons, code)       # UnsupportedLanguage if none
            found = self._pipelines[code] = (language_of(res), pipeline(res, self.decide, self.candidates))
            _freeze_loaded()
        return found

    def process(self, article: Article) -> Document:
        """Run every stage over the article and return the annotated document."""
        lang, stages = self._pipeline(article.language)
        doc = Document.from_article(article, lang.normalize)
        for stage in stages:
            out = stage(doc)
            if not isinstance(out, Document):
                raise StageError(f"pipeline stage {stage_name(stage)} returned "
                                 f"{type(out).__name__}, not the Document it was given")
            doc = out
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


def _freeze_loaded() -> None:
    """Leave what is loaded now (the resources, some hundred thousand objects kept for the
    process's life) out of the cyclic garbage collector's full collections, which would walk
    them all, over and over, while articles are coded; loading leaves no garbage cycles that
    this would keep."""
    gc.freeze()
