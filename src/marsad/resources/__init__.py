"""The coder's resources: actor tables, event lexicon and grammar words, compiled once.

``load_resources()`` reads every data file of the package (plus the user's ``--lexicon`` files),
checks them, compiles one lexicon automaton and returns a frozen ``Resources``; it is cached per
process, so stages receive it through their constructors and nothing loads at import time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import yaml

from marsad import __version__
from marsad.resources.inflect import nisba_forms, noun_forms, verb_phrase_forms
from marsad.resources.lexicon import Lexicon, Term
from marsad.resources.places import (
    PlaceRow,
    country_rows,
    read_ambiguous,
    read_country_ids,
    read_places,
)
from marsad.resources.tables import (
    Actor,
    Country,
    EventFamily,
    LexiconError,
    Problem,
    SectorWord,
    Vocabulary,
    read_events,
    read_file,
    read_table,
)
from marsad.text.normalize import normalize_term

RESOURCES_VERSION = "2026.11.1"
_DATA = "data"


@dataclass(frozen=True)
class Grammar:
    """Function words as sets of normalized tokens (and token tuples for phrases)."""

    speech: frozenset[str]
    speech_nouns: frozenset[str]
    source_phrases: frozenset[tuple[str, ...]]
    complementizers: frozenset[str]
    negation: frozenset[str]
    negation_verbs: frozenset[str]
    future: frozenset[tuple[str, ...]]
    hypothetical: frozenset[tuple[str, ...]]
    historical: frozenset[tuple[str, ...]]
    pledge: frozenset[tuple[str, ...]]
    passive_auxiliaries: frozenset[str]
    agent_markers: frozenset[tuple[str, ...]]
    clause_openers: frozenset[tuple[str, ...]]
    prepositions: frozenset[str]
    anonymous_source: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def from_yaml(cls, text: str) -> Grammar:
        data = yaml.safe_load(text)

        def words(name: str) -> frozenset[str]:
            return frozenset(normalize_term(w) for w in data.get(name, []))

        def phrases(name: str) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(normalize_term(w).split()) for w in data.get(name, []))

        def verbs(name: str) -> frozenset[str]:
            forms: set[str] = set()
            for spec in data.get(name, []):
                past, present = verb_phrase_forms(spec)
                forms.update(normalize_term(f) for f in past + present)
            return frozenset(forms)

        return cls(
            speech=verbs("speech_verbs"),
            speech_nouns=words("speech_nouns"),
            source_phrases=phrases("source_phrases"),
            complementizers=words("complementizers"),
            negation=words("negation"),
            negation_verbs=verbs("negation_verbs"),
            future=phrases("future"),
            hypothetical=phrases("hypothetical"),
            historical=phrases("historical"),
            pledge=phrases("pledge"),
            passive_auxiliaries=verbs("passive_auxiliaries"),
            agent_markers=phrases("agent_markers"),
            clause_openers=phrases("clause_openers"),
            prepositions=words("prepositions"),
            anonymous_source=phrases("anonymous_source"),
        )


@dataclass(frozen=True)
class Resources:
    version: str
    countries: tuple[Country, ...]
    actors: tuple[Actor, ...]
    sectors: tuple[SectorWord, ...]
    families: tuple[EventFamily, ...]
    grammar: Grammar
    vocabulary: Vocabulary
    lexicon: Lexicon
    places: tuple[PlaceRow, ...] = ()
    ambiguous_places: frozenset[str] = frozenset()


def _data_files(folder: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    root = importlib_resources.files("marsad.resources").joinpath(_DATA, folder)
    return sorted(
        (f"marsad/resources/{_DATA}/{folder}/{p.name}", p.read_text(encoding="utf-8"))
        for p in root.iterdir() if p.name.endswith(suffixes)
    )


def _read_data(name: str) -> str:
    return importlib_resources.files("marsad.resources").joinpath(_DATA, name).read_text("utf-8")


def vocabulary() -> Vocabulary:
    """PLOVER types, modes, sectors and codes, with the country codes of the shipped table."""
    vocab = Vocabulary.from_yaml(_read_data("plover.yaml"))
    codes: list[str] = []
    for path, text in _data_files("actors", (".tsv",)):
        table = read_table(text, path, vocab)
        if table.kind == "countries":
            codes.extend(c.code for c in table.rows)
    return vocab.with_countries(codes)


def check_file(path: Path) -> list[Problem]:
    """Every problem of a user lexicon file, as ``FILE:LINE: message``."""
    if not path.is_file():
        return [Problem(str(path), 0, "no such file")]
    return read_file(path, vocabulary()).problems


def load_resources(extra_lexicons: tuple[str, ...] = ()) -> Resources:
    """Read, check and compile all resources (cached per set of extra lexicon files).

    The compiled result is also cached on disk, keyed by the hash of every source file and
    the coder's version, so later processes start without parsing or compiling; the cache is
    an optimisation only: a changed file changes the key, and an unreadable cache is rebuilt.
    The plain and the compiled (mypyc) build share one cache file: ``Term`` and ``Lexicon``
    pickle by name and fields, so either build loads what the other wrote (tests/test_compiled.py),
    and a pickle that would not load is simply rebuilt.
    """
    # one cache entry per set of files, however the call spells it (f(), f(()), f(extra=()))
    return _load_resources(tuple(str(p) for p in extra_lexicons))


@lru_cache(maxsize=8)
def _load_resources(extra_lexicons: tuple[str, ...]) -> Resources:
    sources = _sources(extra_lexicons)
    digest = hashlib.sha1(__version__.encode())
    for module in ("__init__.py", "inflect.py", "lexicon.py", "places.py", "tables.py"):
        # the code that compiles the resources is part of the key, as the data is
        digest.update(importlib_resources.files("marsad.resources").joinpath(module).read_bytes())
    for path, text in sources:
        digest.update(path.encode() + b"\0" + text.encode("utf-8", "surrogatepass") + b"\0")
    key = digest.hexdigest()[:16]
    cached = _read_cache(key)
    if cached is not None:
        return cached
    res = _build(sources, key)
    _write_cache(key, res)
    return res


def _sources(extra_lexicons: tuple[str, ...]) -> list[tuple[str, str]]:
    files = [("marsad/resources/data/plover.yaml", _read_data("plover.yaml")),
             ("marsad/resources/data/grammar/function_words.yaml",
              _read_data("grammar/function_words.yaml"))]
    files += _data_files("actors", (".tsv",)) + _data_files("events", (".yaml", ".yml"))
    files += _data_files("places", (".tsv", ".txt"))
    for p in extra_lexicons:
        try:
            files.append((p, Path(p).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError([Problem(p, 0, f"cannot read: {exc}")]) from exc
    return files


def _build(sources: list[tuple[str, str]], key: str) -> Resources:
    vocab = Vocabulary.from_yaml(sources[0][1])
    place_files = {p.rsplit("/", 1)[-1]: t for p, t in sources[2:] if "/data/places/" in p}
    actor_files = [(p, t) for p, t in sources[2:]
                   if not p.endswith((".yaml", ".yml")) and "/data/places/" not in p]
    event_files = [(p, t) for p, t in sources[2:] if p.endswith((".yaml", ".yml"))]
    countries = [c.code for p, t in actor_files for c in read_table(t, p, vocab).rows
                 if isinstance(c, Country)]
    vocab = vocab.with_countries(countries)
    tables = [read_table(t, p, vocab) for p, t in actor_files]
    tables += [read_events(t, p, vocab) for p, t in event_files]
    problems = [p for t in tables for p in t.problems]
    if problems:
        raise LexiconError(problems)
    rows = {kind: [r for t in tables if t.kind == kind for r in t.rows]
            for kind in ("countries", "actors", "sectors", "events")}
    res = Resources(
        version=f"{RESOURCES_VERSION}+{key[:8]}",
        countries=tuple(rows["countries"]),
        actors=tuple(rows["actors"]),
        sectors=tuple(rows["sectors"]),
        families=tuple(rows["events"]),
        grammar=Grammar.from_yaml(sources[1][1]),
        vocabulary=vocab,
        lexicon=Lexicon(),
        places=_gazetteer(place_files, rows["countries"]),
        ambiguous_places=read_ambiguous(place_files.get("ambiguous.txt", "")),
    )
    _fill_lexicon(res)
    return res


def _gazetteer(files: dict[str, str], countries: list[Country]) -> tuple[PlaceRow, ...]:
    places = read_places(files.get("cities.tsv", ""), "city") if "cities.tsv" in files else []
    places += read_places(files["admin1.tsv"], "admin1") if "admin1.tsv" in files else []
    names = {c.code: (c.name, c.names[0]) for c in countries}
    ids = read_country_ids(files.get("countries.tsv", ""))
    return tuple(places + country_rows(places, names, ids))


def cache_dir() -> Path:
    """Where compiled resources are kept: $MARSAD_CACHE_DIR, else the user's cache folder."""
    base = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "marsad")
    return Path(base)


def _read_cache(key: str) -> Resources | None:
    path = cache_dir() / f"resources-{key}.pickle"
    try:
        with path.open("rb") as fh:
            res = pickle.load(fh)
        return res if isinstance(res, Resources) else None
    except Exception:   # whatever stops a pickle loading (another build's classes, a torn file)
        return None


def _write_cache(key: str, res: Resources) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, folder / f"resources-{key}.pickle")
    except OSError:
        pass  # a read-only home is fine: the next process compiles again


def _fill_lexicon(res: Resources) -> None:
    lex = res.lexicon
    for i, c in enumerate(res.countries):
        _add_all(lex, c.names, Term("actor", "country", i, "country"))
        _add_all(lex, c.capitals, Term("actor", "capital", i, "name"))
        _add_all(lex, (f for n in c.nisbas for f in nisba_forms(n)), Term("actor", "nisba", i, "noun"))
        _add_all(lex, c.people, Term("actor", "people", i, "noun"))
    for i, a in enumerate(res.actors):
        _add_all(lex, a.names, Term("actor", "actor", i, "name"))
    for i, s in enumerate(res.sectors):
        _add_all(lex, (f for w in s.words for f in _construct_variants(w)),
                 Term("actor", "sector", i, "noun"))
    for i, fam in enumerate(res.families):
        _add_family(lex, i, fam)
    for i, place in enumerate(res.places):
        # countries are found through the actor layer; a region written by hand without a
        # GeoNames id (Darfur, the Golan) is not resolved: every place given out has an id
        if place.precision != "country" and place.geonames_id is not None:
            _add_all(lex, (n for n in place.names if _usable_place_name(n, place)),
                     Term("place", "place", i, "name"))
    lex.compile()


def _add_family(lex: Lexicon, i: int, fam: EventFamily) -> None:
    """Verb heads go into the automaton alone; their literal words are checked in context,
    because subjects and clitics come between (قدمت الولايات المتحدة المساعدةَ، وقعتها)."""
    for specs, voice in ((fam.verbs, None), (fam.passive, "passive")):
        for spec in specs:
            head, _, rest = spec.partition(" ")
            needs = tuple(normalize_term(_without_pronoun(w)) for w in rest.split())
            past, present = verb_phrase_forms(head)
            _add_all(lex, past, Term("trigger", "verb", i, "verb_past", voice or "past", needs=needs))
            _add_all(lex, present, Term("trigger", "verb", i, "verb_present", voice or "present",
                                        needs=needs))
    for noun in fam.nouns:
        _add_all(lex, noun_forms(noun), Term("trigger", "noun", i, "noun", "noun"))


def _usable_place_name(name: str, place: PlaceRow) -> bool:
    """GeoNames lists fragments (الم، ري) and tiny places named like common words: a name needs
    three letters, and a three-letter name a city of 100,000 people or a province."""
    core = normalize_term(name)
    core = core[2:] if core.startswith("ال") else core
    letters = len(core.replace(" ", ""))
    if letters < 3:
        return False
    return letters > 3 or place.precision == "admin1" or place.population >= 100_000


def _without_pronoun(word: str) -> str:
    """``سفيره`` → ``سفير``: an object word is found with any pronoun, or none."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _add_all(lex: Lexicon, forms: Iterable[str], term: Term) -> None:
    for form in forms:
        lex.add(form, term)


def _construct_variants(phrase: str) -> list[str]:
    """``وزير الخارجية`` also as the construct ``وزير خارجية`` (before a country name)."""
    words = phrase.split()
    if len(words) > 1 and any(w.startswith("ال") for w in words[1:]):
        return [phrase, " ".join(words[:1] + [w[2:] if w.startswith("ال") else w for w in words[1:]])]
    return [phrase]


__all__ = ["Resources", "Grammar", "load_resources", "check_file", "LexiconError", "vocabulary"]
