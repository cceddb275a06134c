"""marsad (مرصد): Arabic news in, PLOVER political-event records out.

>>> import marsad
>>> coder = marsad.Coder()
>>> events = coder.code_text("هاجمت القوات التركية مواقع حزب العمال الكردستاني", date="2025-11-20")
>>> store = marsad.Store("events.duckdb")      # or a postgresql:// URL
>>> store.ingest(["news.jsonl"])
>>> store.trends(by="month", types=["ASSAULT"], countries=["SYR"])   # a pandas DataFrame
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from typing import TYPE_CHECKING, Any

from marsad.version import __version__

if TYPE_CHECKING:
    from marsad.api import Store
    from marsad.coder import Coder
    from marsad.doc.records import Entity, Event, Place

__all__ = ["Coder", "Event", "Entity", "Place", "Store", "__version__"]


def _runs_as() -> str:
    # Found without importing the coder: its module file is a C extension in a compiled build.
    spec = importlib.util.find_spec("marsad.coder")
    origin = (spec.origin if spec else None) or ""
    return "compiled" if origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) else "python"


#: "compiled" when the pipeline runs as mypyc extensions (``scripts/setup.sh --compiled``),
#: "python" otherwise.
RUNS_AS = _runs_as()


def __getattr__(name: str) -> Any:
    # Resources are heavy; importing marsad must stay cheap, so the API loads on first use.
    if name == "Coder":
        from marsad.coder import Coder

        return Coder
    if name == "Store":
        from marsad.api import Store

        return Store
    if name in ("Event", "Entity", "Place"):
        from marsad.doc import records

        return getattr(records, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
