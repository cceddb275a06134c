"""``marsad.Store``: the event store with marsad's own coder and names wired in.

The store package does not import the coder, the executors or the resources (it is handed an
executor and a ``PlaceNames``); this is where they meet, for users and the command line.
``ResourceNames`` are the names of marsad's country table and gazetteer, loaded on first use
(opening a store to query it by country code reads no resources); it lives here rather than
in ``marsad.resources``, whose code is part of the resources' version.

>>> store = marsad.Store("events.duckdb")
>>> store.ingest(["news.jsonl"])                          # coded in this process
>>> store.ingest(["news.jsonl"], jobs=4, lexicons=["mine.yaml"])    # over 4 worker processes
>>> store.ingest(["news.jsonl"], executor=my_executor)   # any marsad.run.Executor
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from marsad.lang import Language
from marsad.resources import Resources, language_of, load_resources
from marsad.run import CoderSpec, make_executor
from marsad.store.backends import DEFAULT_DB
from marsad.store.ingest import IngestStats
from marsad.store.names import PlaceNames
from marsad.store.store import Store as StoreCore

if TYPE_CHECKING:
    from marsad.run import Executor


class Store(StoreCore):
    """The event store (``marsad.store.store.Store``) with marsad's country table and gazetteer
    for names and, unless an ``executor`` is given, marsad's coder: in this process, or over
    ``jobs`` worker processes, with the user's ``lexicons``."""

    def __init__(self, db: str = DEFAULT_DB, names: PlaceNames | None = None, *,
                 read_only: bool = False):
        super().__init__(db, names if names is not None else marsad_names(), read_only=read_only)

    def ingest(self, source: Any, date: str | None = None, *, executor: Executor | None = None,
               jobs: int = 1, lexicons: Iterable[str] = (), **options: Any) -> IngestStats:
        """Code and store articles (see ``marsad.store.store.Store.ingest`` for ``options``);
        ``jobs`` and ``lexicons`` make the executor when none is given."""
        if executor is None:
            executor = make_executor(jobs, CoderSpec(tuple(str(p) for p in lexicons)))
        return super().ingest(source, date, executor=executor, **options)


class ResourceNames:
    """Names from the country table and the gazetteer of ``resources`` (marsad's own by default)."""

    def __init__(self, resources: Resources | None = None):
        self._given = resources

    def __reduce__(self) -> tuple[Any, ...]:
        # marsad's own names travel as a recipe, built once in the process they arrive in
        # (a Dask worker writing into a store), never with the loaded gazetteer
        if self._given is None:
            return marsad_names, ()
        return ResourceNames, (self._given,)

    @cached_property
    def _resources(self) -> Resources:
        return self._given or load_resources()

    @cached_property
    def _language(self) -> Language:
        return language_of(self._resources)

    def country_code(self, value: str) -> str:
        """A code, an English name or a name in the resources' language, with or without its
        article (سوريا، السعودية، العراق) → ISO 3166-1 alpha-3."""
        codes = self._codes
        term = self._language.normalize_term(value)
        return codes.get(value.strip().upper()) or codes.get(term) \
            or codes.get(self._language.word_core(term)) or value.strip().upper()

    def country_names(self) -> Mapping[str, str]:
        return {c.code: c.name for c in self._resources.countries}

    def closest_country(self, value: str) -> str | None:
        """The code of the country a misspelt name or code most likely means (Yemn → YEM), or
        None when none is close."""
        term = self._language.normalize_term(value)
        for key in (value.strip().upper(), term, self._language.word_core(term)):
            match = difflib.get_close_matches(key, list(self._codes), n=1, cutoff=0.75)
            if match:
                return self._codes[match[0]]
        return None

    def admin1_name(self, country: str, code: str) -> str | None:
        return self._admin1.get((country, code))

    @cached_property
    def _codes(self) -> dict[str, str]:
        codes: dict[str, str] = {}
        for country in self._resources.countries:
            codes[country.code] = country.code
            codes[country.name.upper()] = country.code
            for name in country.names:
                codes.setdefault(self._language.normalize_term(name), country.code)
        return codes

    @cached_property
    def _admin1(self) -> dict[tuple[str, str], str]:
        return {(p.country, p.admin1): p.name for p in self._resources.places
                if p.precision == "admin1" and p.admin1}


@cache
def marsad_names() -> ResourceNames:
    """marsad's own names, shared by every store of the process (built once)."""
    return ResourceNames()
