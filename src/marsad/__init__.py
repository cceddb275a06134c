"""marsad (مرصد): Arabic news in, PLOVER political-event records out.

>>> import marsad
>>> coder = marsad.Coder()
>>> events = coder.code_text("هاجمت القوات التركية مواقع حزب العمال الكردستاني", date="2025-11-20")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from marsad.coder import Coder
    from marsad.records import Entity, Event, Place

__all__ = ["Coder", "Event", "Entity", "Place", "__version__"]


def __getattr__(name: str) -> Any:
    # Resources are heavy; importing marsad must stay cheap, so the API loads on first use.
    if name == "Coder":
        from marsad.coder import Coder

        return Coder
    if name in ("Event", "Entity", "Place"):
        from marsad import records

        return getattr(records, name)
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")
