"""The one loader of marsad's data files, each listed by name, and the version that covers them.

Every data file the coder reads goes through ``read_data``: the package's PLOVER table, actor
and event lexicons and gazetteer (``marsad/resources/data/``), the language's word tables
(``marsad/lang/<code>/data/``) and the user's ``--lexicon`` files. Files are found by name
(``plover``, ``actors/countries``, ``ar/function_words``), never by their position in a list;
``DataSet.digest`` hashes every one of them with the code that compiles them, so the
``resources`` version written into each record changes whenever any of them does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

#: Single files of the package, by name: (package, path inside it).
PACKAGE_FILES = {
    "plover": ("marsad.resources", "data/plover.yaml"),
    "places/cities": ("marsad.resources", "data/places/cities.tsv"),
    "places/admin1": ("marsad.resources", "data/places/admin1.tsv"),
    "places/countries": ("marsad.resources", "data/places/countries.tsv"),
    "places/ambiguous": ("marsad.resources", "data/places/ambiguous.txt"),
    "places/press_names": ("marsad.resources", "data/places/press_names.tsv"),
    "places/outlets": ("marsad.resources", "data/places/outlets.tsv"),
    "people/offices": ("marsad.resources", "data/people/offices.tsv"),
    # trained by scripts/train_event_model.py; read by resources.models
    "models/event_decision": ("marsad.resources", "data/models/event_decision.json"),
}
#: Folders whose every file is a lexicon of one kind, named ``<kind>/<stem>``.
LEXICON_FOLDERS = {
    "actors": ("marsad.resources", "data/actors", (".tsv",)),
    "events": ("marsad.resources", "data/events", (".yaml", ".yml")),
}
#: A language's word tables: every file of ``marsad/lang/<code>/data/``, named ``<code>/<stem>``.
LANGUAGE_SUFFIXES = (".yaml", ".yml", ".tsv", ".txt")
#: The code that turns the files into the coder's resources, and the types its pickled result
#: is made of (the clitic model of ``marsad.lang``, the spans of ``marsad.doc``): part of the
#: version, as data is, so that a cached result never outlives the classes it was built with.
COMPILING_PACKAGES = ("marsad.resources", "marsad.lang", "marsad.doc")


class DataFileError(OSError):
    """A data file that cannot be read (a user's lexicon that is missing or not UTF-8)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        super().__init__(f"{path}: cannot read: {reason}")


@dataclass(frozen=True)
class DataFile:
    name: str       # how the coder asks for it: "plover", "actors/countries", "ar/contexts"
    path: str       # where it came from, for messages: "marsad/resources/data/plover.yaml"
    text: str
    user: bool = False      # a --lexicon file of the user's


@dataclass(frozen=True)
class DataSet:
    """The data files of one language, by name, with the user's lexicons after the package's."""

    language: str
    files: tuple[DataFile, ...]

    def get(self, name: str) -> DataFile:
        for f in self.files:
            if f.name == name:
                return f
        raise KeyError(f"no data file named {name!r}")

    def text(self, name: str, default: str | None = None) -> str:
        for f in self.files:
            if f.name == name:
                return f.text
        if default is None:
            raise KeyError(f"no data file named {name!r}")
        return default

    def kind(self, kind: str) -> Iterator[DataFile]:
        """The lexicons of one kind (``actors``, ``events``), the package's then the user's."""
        return (f for f in self.files if f.name.startswith(kind + "/"))

    def language_tables(self) -> Iterator[DataFile]:
        return self.kind(self.language)

    def digest(self, *extra_code_packages: str) -> str:
        """Hash of every file (name, path and text) and of the code that compiles them."""
        h = hashlib.sha1()
        for package in (*COMPILING_PACKAGES, f"marsad.lang.{self.language}", *extra_code_packages):
            root = importlib_resources.files(package)
            for entry in sorted(root.iterdir(), key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    h.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
        for f in self.files:
            h.update(f"{f.name}\0{f.path}\0".encode() + f.text.encode("utf-8", "surrogatepass") + b"\0")
        return h.hexdigest()


def read_data(language: str, extra_lexicons: tuple[str, ...] = ()) -> DataSet:
    """Every data file for coding ``language``, then the user's lexicons (``.tsv`` actors,
    ``.yaml`` events) in the order given."""
    files = [_package_file(name, package, path) for name, (package, path) in PACKAGE_FILES.items()]
    for kind, (package, folder, suffixes) in LEXICON_FOLDERS.items():
        files += _folder(kind, package, folder, suffixes)
    files += _folder(language, f"marsad.lang.{language}", "data", LANGUAGE_SUFFIXES)
    files += [read_user_lexicon(path) for path in extra_lexicons]
    return DataSet(language, tuple(files))


def read_user_lexicon(path: str) -> DataFile:
    """A user's ``--lexicon`` file, named by its kind (``.yaml`` events, else ``.tsv`` actors)
    and file name; ``DataFileError`` when it is missing or not UTF-8."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, str(exc)) from exc
    kind = "events" if path.endswith((".yaml", ".yml")) else "actors"
    return DataFile(f"{kind}/{Path(path).name}", path, text, user=True)


def _package_file(name: str, package: str, path: str) -> DataFile:
    text = importlib_resources.files(package).joinpath(path).read_text("utf-8")
    return DataFile(name, f"{package.replace('.', '/')}/{path}", text)


def _folder(kind: str, package: str, folder: str, suffixes: tuple[str, ...]) -> list[DataFile]:
    root = importlib_resources.files(package).joinpath(folder)
    entries = sorted((e for e in root.iterdir() if e.name.endswith(suffixes)), key=lambda e: e.name)
    return [DataFile(f"{kind}/{e.name.rsplit('.', 1)[0]}", f"{package.replace('.', '/')}/{folder}/{e.name}",
                     e.read_text("utf-8")) for e in entries]
