"""Coding in this process, with a coder built once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.reading.article import Article
from marsad.run import base
from marsad.run.base import CoderVersions, CodesArticles, Outcome, Spec, code_one


class SerialExecutor:
    """Codes article after article with the coder it is given. ``versions`` defaults to the
    versions of a ``marsad.Coder``; a stand-in coder must be given them."""

    def __init__(self, coder: CodesArticles, versions: CoderVersions | None = None):
        self.coder = coder
        self._versions = versions

    @classmethod
    def from_spec(cls, spec: Spec) -> SerialExecutor:
        return cls(spec.build(), spec.versions())

    @property
    def versions(self) -> CoderVersions:
        if self._versions is None:
            from marsad.version import __version__

            resources = self.coder.resources  # type: ignore[attr-defined]  # a marsad.Coder's
            self._versions = CoderVersions(__version__, resources.version)
        return self._versions

    def code(self, articles: Iterable[Article], render: bool = False) -> Iterator[Outcome]:
        for article in articles:
            outcome = code_one(self.coder, article)
            yield base.render(outcome) if render else outcome
