"""The coder's resources: actor tables, event lexicon and grammar words, compiled once.

``load_resources()`` reads every data file of the package (plus the user's ``--lexicon`` files),
checks them, compiles one lexicon automaton and returns a frozen ``Resources``; it is cached per
process, so stages receive it through their constructors and nothing loads at import time.
"""

from __future__ import annotations

import importlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.doc.spans import PlaceRow, Term
from marsad.lang import Language, Morphology, language_package
from marsad.resources.lexicon import Lexicon
from marsad.resources.loader import DataFileError, DataSet, read_data, read_user_lexicon
from marsad.resources.models import DecisionModel, read_decision_model
from marsad.resources.offices import Office, read_offices
from marsad.resources.places import (
    country_rows,
    read_ambiguous,
    read_country_ids,
    read_outlets,
    read_places,
    with_press_names,
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
    read_plover,
    read_table,
)

RESOURCES_VERSION = "2026.11.1"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    def from_table(cls, data: dict[str, Any], lang: Language) -> Grammar:
        """The grammar words of the language's ``function_words`` table, normalized."""
        normalize_term = lang.normalize_term
        verb_phrase_forms = lang.morphology.verb_phrase_forms

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
    #: the trained keep-or-drop and modality model of candidate events (None: rules only)
    decision_model: DecisionModel | None = None
    language: Language | None = None    # set once built: the language these resources code
    offices: tuple[Office, ...] = ()    # named people's dated offices (people/offices.tsv)
    #: a news outlet's home country by the article's ``source`` (places/outlets.tsv)
    outlet_countries: dict[str, str] = field(default_factory=dict)


def vocabulary(language: str = "ar") -> Vocabulary:
    """PLOVER types, modes, sectors and codes, with the country codes of the shipped table and
    what the language's lexicons may say."""
    data = read_data(language)
    return _vocabulary(data, _language(data))


def _vocabulary(data: DataSet, lang: Language) -> Vocabulary:
    vocab = Vocabulary.from_yaml(data.text("plover"))
    fmt = lang.table("lexicon_format")
    vocab = vocab.with_lexicon_format(fmt["recipient_prepositions"], fmt["verb_example"])
    countries = [c.code for f in data.kind("actors") for c in read_table(f.text, f.path, vocab).rows
                 if isinstance(c, Country)]
    return vocab.with_countries(countries)


def check_file(path: Path) -> list[Problem]:
    """Every problem of a user lexicon file, as ``FILE:LINE: message``."""
    if not path.is_file():
        return [Problem(str(path), 0, "no such file")]
    try:
        lexicon = read_user_lexicon(str(path))
    except DataFileError as exc:
        return [Problem(str(path), 1, str(exc).split(": ", 1)[1])]
    return read_file(lexicon.text, lexicon.path, vocabulary()).problems


def language_of(resources: Resources) -> Language:
    """The language ``resources`` were built for (every stage asks for it this way)."""
    if resources.language is None:
        raise ValueError("resources without a language: build them with load_resources()")
    return resources.language


def load_resources(extra_lexicons: tuple[str, ...] = (), language: str = "ar") -> Resources:
    """Read, check and compile the resources for coding ``language`` (cached per process and
    per set of extra lexicon files).

    The compiled result is also cached on disk, keyed by the hash of every data file and of
    the code that compiles them, so later processes start without parsing or compiling; the
    cache is an optimisation only: a changed file changes the key, and an unreadable cache is
    rebuilt. The plain and the compiled (mypyc) build share one cache file: the classes in it
    pickle by name and fields, so either build loads what the other wrote
    (tests/test_compiled.py), and a pickle that would not load is simply rebuilt.
    ``UnsupportedLanguage`` when marsad has no package for ``language``.
    """
    # one cache entry per set of files, however the call spells it (f(), f(()), f(extra=()))
    return _load_resources(tuple(str(p) for p in extra_lexicons), language)


@lru_cache(maxsize=8)
def _load_resources(extra_lexicons: tuple[str, ...], language: str) -> Resources:
    language_package(language)
    try:
        data = read_data(language, extra_lexicons)
    except DataFileError as exc:
        raise LexiconError([Problem(exc.path, 0, str(exc).split(": ", 1)[1])]) from exc
    key = data.digest()[:16]
    # the language is built on every load (cheap), so that the cache never holds its tables
    lang = _language(data)
    cached = _read_cache(key)
    if cached is None:
        cached = _build(data, key, lang)
        _write_cache(key, cached)
    return replace(cached, language=lang)


def _language(data: DataSet) -> Language:
    """The ``Language`` of the data set, with its word tables parsed."""
    tables: dict[str, Any] = {}
    for f in data.language_tables():
        stem = f.name.split("/", 1)[1]
        tables[stem] = yaml.load(f.text, Loader=_LOADER) if f.path.endswith((".yaml", ".yml")) \
            else f.text
    module = importlib.import_module(language_package(data.language))
    lang: Language = module.language(tables)
    return lang


def _build(data: DataSet, key: str, lang: Language) -> Resources:
    vocab = _vocabulary(data, lang)
    actor_files = list(data.kind("actors"))
    event_files = list(data.kind("events"))
    problems: list[Problem] = []
    for f in event_files:   # the types and modes lexicons add, before any entry is read
        vocab, added = read_plover(f.text, f.path, vocab)
        problems += added
    tables = [read_table(f.text, f.path, vocab) for f in actor_files]
    tables += [read_events(f.text, f.path, vocab) for f in event_files]
    problems += [p for t in tables for p in t.problems]
    if problems:
        raise LexiconError(problems)
    rows = {kind: [r for t in tables if t.kind == kind for r in t.rows]
            for kind in ("countries", "actors", "sectors", "events")}
    people = read_offices(data.text("people/offices", ""), data.get("people/offices").path, vocab,
                          (a.id for a in rows["actors"]))
    if people.problems:
        raise LexiconError(list(people.problems))
    rows["actors"] += people.new_actors
    res = Resources(
        version=f"{RESOURCES_VERSION}+{key[:8]}",
        countries=tuple(rows["countries"]),
        actors=tuple(rows["actors"]),
        sectors=tuple(rows["sectors"]),
        families=tuple(rows["events"]),
        grammar=Grammar.from_table(lang.table("function_words"), lang),
        vocabulary=vocab,
        lexicon=Lexicon(lang.clitic_model),
        places=_gazetteer(data, rows["countries"]),
        ambiguous_places=read_ambiguous(data.text("places/ambiguous", ""), lang.normalize_term),
        offices=people.offices,
        outlet_countries=read_outlets(data.text("places/outlets", ""), data.get("places/outlets").path,
                                      (c.code for c in rows["countries"])),
        decision_model=_decision_model(data),
    )
    _fill_lexicon(res, lang)
    return res


def _decision_model(data: DataSet) -> DecisionModel | None:
    try:
        f = data.get("models/event_decision")
    except KeyError:
        return None
    return read_decision_model(f.text, f.path)


def _gazetteer(data: DataSet, countries: list[Country]) -> tuple[PlaceRow, ...]:
    places = with_press_names(read_places(data.text("places/cities"), "city"),
                              data.text("places/press_names", ""))
    places += read_places(data.text("places/admin1"), "admin1")
    names = {c.code: (c.name, c.names[0]) for c in countries}
    ids = read_country_ids(data.text("places/countries", ""))
    return tuple(places + country_rows(places, names, ids))


def cache_dir() -> Path:
    """Where compiled resources are kept: $MARSAD_CACHE_DIR, else the user's cache folder."""
    base = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "marsad")
    return Path(base)


#: compiled resources the cache keeps, the most recently used: one per lexicon set a user codes
#: with, and the build before an upgrade (each is some 10 MB; every data or code change makes a
#: new one, and the folder once grew to 8 GB on a developer's machine)
CACHE_KEEP = 8


def _read_cache(key: str) -> Resources | None:
    path = cache_dir() / f"resources-{key}.pickle"
    try:
        with path.open("rb") as fh:
            res = pickle.load(fh)
        os.utime(path)  # used now: the pruning keeps the most recently used
        return res if isinstance(res, Resources) else None
    except Exception:   # whatever stops a pickle loading (another build's classes, a torn file)
        return None


def _prune_cache(folder: Path, keep: int = CACHE_KEEP) -> None:
    """Remove all but the ``keep`` most recently used compiled resources of ``folder``."""
    dated = []
    for path in folder.glob("resources-*.pickle"):
        try:
            dated.append((path.stat().st_mtime, path))
        except OSError:
            continue    # removed by another process meanwhile
    for _, path in sorted(dated, reverse=True)[keep:]:
        path.unlink(missing_ok=True)


def _write_cache(key: str, res: Resources) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
            pickle.dump(res, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, folder / f"resources-{key}.pickle")
        _prune_cache(folder)
    except OSError:
        pass  # a read-only home is fine: the next process compiles again


def _fill_lexicon(res: Resources, lang: Language) -> None:
    lex = res.lexicon
    forms = lang.morphology
    # a nisba's form that is mostly another word (مجريات "the course of") names no country
    homographs = frozenset(lang.normalize_term(w) for w in lang.table("actors")["nisba_homographs"])
    for i, c in enumerate(res.countries):
        _add_all(lex, c.names, Term("actor", "country", i, "country"))
        _add_all(lex, c.capitals, Term("actor", "capital", i, "name"))
        _add_all(lex, (f for n in c.nisbas for f in forms.nisba_forms(n)
                       if lang.normalize_term(f) not in homographs),
                 Term("actor", "nisba", i, "noun"))
        _add_all(lex, c.people, Term("actor", "people", i, "noun"))
    for i, a in enumerate(res.actors):
        _add_all(lex, a.names, Term("actor", "actor", i, "name"))
    for i, s in enumerate(res.sectors):
        _add_all(lex, (f for w in s.words for f in forms.construct_variants(w)),
                 Term("actor", "sector", i, "noun"))
    for i, fam in enumerate(res.families):
        _add_family(lex, i, fam, lang)
    for i, place in enumerate(res.places):
        # countries are found through the actor layer; a region written by hand without a
        # GeoNames id (Darfur, the Golan) is not resolved: every place given out has an id
        if place.precision != "country" and place.geonames_id is not None:
            _add_all(lex, (n for n in place.names if _usable_place_name(n, place, forms)),
                     Term("place", "place", i, "name"))
    lex.compile()


def _add_family(lex: Lexicon, i: int, fam: EventFamily, lang: Language) -> None:
    """Verb heads go into the automaton alone; their literal words are checked in context,
    because subjects and clitics come between (قدمت الولايات المتحدة المساعدةَ، وقعتها)."""
    forms = lang.morphology
    for specs, voice in ((fam.verbs, None), (fam.passive, "passive")):
        for spec in specs:
            head, _, rest = spec.partition(" ")
            needs = tuple(lang.normalize_term(forms.without_pronoun(w)) for w in rest.split())
            past, present = forms.verb_phrase_forms(head)
            bare = "_bare" if fam.intransitive else ""     # حققها is no حقق في
            _add_all(lex, past, Term("trigger", "verb", i, "verb_past" + bare, voice or "past",
                                     needs=needs))
            _add_all(lex, present, Term("trigger", "verb", i, "verb_present" + bare,
                                        voice or "present", needs=needs))
    for noun in fam.nouns:
        _add_all(lex, forms.noun_forms(noun), Term("trigger", "noun", i, "noun", "noun"))
    for word in fam.participles:
        _add_all(lex, forms.participle_forms(word), Term("trigger", "noun", i, "participle", "noun"))


def _usable_place_name(name: str, place: PlaceRow, forms: Morphology) -> bool:
    """GeoNames lists fragments (الم، ري) and tiny places named like common words: a name needs
    three letters, and a three-letter name a city of 100,000 people or a province."""
    letters = forms.name_letters(name)
    if letters < 3:
        return False
    return letters > 3 or place.precision == "admin1" or place.population >= 100_000


def _add_all(lex: Lexicon, forms: Iterable[str], term: Term) -> None:
    for form in forms:
        lex.add(form, term)


__all__ = ["Resources", "Grammar", "language_of", "load_resources", "check_file", "LexiconError", "vocabulary"]
