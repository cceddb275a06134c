"""The country and place names the store needs, handed to it rather than read by it.

The store turns a country filter written as a name (``Iraq``, or in Arabic) into its ISO code,
writes English country names into ACLED-style CSV, and stores the English name of each
place's first-level division. Those names are the coder's resources; the store does not load
them but is handed a ``PlaceNames`` (``marsad.Store`` hands it marsad's own, from its country
table and gazetteer: ``marsad.api.ResourceNames``). Without one, a store knows codes only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class PlaceNames(Protocol):
    def country_code(self, value: str) -> str:
        """The ISO 3166-1 alpha-3 code for a code or a country's name; a value that names no
        country comes back upper-cased (it then matches nothing)."""
        ...

    def country_names(self) -> Mapping[str, str]:
        """ISO 3166-1 alpha-3 code → English name."""
        ...

    def admin1_name(self, country: str, code: str) -> str | None:
        """The English name of a first-level division from its GeoNames code (SYR 09 → Aleppo)."""
        ...


class CodesOnly:
    """No names: countries are filtered by code and exported as codes; places are stored
    without the name of their division."""

    def country_code(self, value: str) -> str:
        return value.strip().upper()

    def country_names(self) -> Mapping[str, str]:
        return {}

    def admin1_name(self, country: str, code: str) -> str | None:
        return None
