"""Languages as data: what the language-neutral stages need to know about a language.

A ``Language`` bundles one language's text layer (normalizer, tokenizer, sentence rules) with
its word tables, which are data files of its package (``lang/<code>/data/``) read through the
resources loader. The stages in ``annotate/`` and ``events/`` take everything language-specific
from it, so that a second language is a second package here, not an edit to every stage.

Which language codes an article is chosen by ``Article.language`` (detected from the script
when the input does not say): ``language_package(code)`` names the package, and an article in a
language without one is refused with ``UnsupportedLanguage``, never coded as "0 events".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Protocol

from marsad.doc.spans import Dateline, SentenceSpan
from marsad.doc.text import NormalizedText

#: Language codes marsad codes, and the package holding each one's rules and data.
PACKAGES: Mapping[str, str] = {"ar": "marsad.lang.ar"}


class UnsupportedLanguage(ValueError):
    """An article in a language marsad does not code (yet)."""

    def __init__(self, code: str):
        self.code = code
        supported = ", ".join(sorted(PACKAGES))
        super().__init__(f"language {code!r} is not coded by marsad (it codes: {supported})")


def language_package(code: str) -> str:
    """The package of the language ``code``; ``UnsupportedLanguage`` when there is none."""
    try:
        return PACKAGES[code]
    except KeyError:
        raise UnsupportedLanguage(code) from None


class ParsedNumber(NamedTuple):
    """A number read from tokens: its value, the token after it, and the letters of proclitics
    on its first token (left out of a span: ``وبـ20`` spans ``20``)."""

    value: int
    end: int
    skip: int


class NumberGrammar(Protocol):
    """A language's numbers, in digits and words (the quantity and time stages share it)."""

    #: every number word (normalized, without clitics), and those for one, two and "one of"
    words: frozenset[str]
    one: frozenset[str]
    two: frozenset[str]
    one_of: frozenset[str]

    def parse(self, toks: list[str], i: int) -> ParsedNumber | None: ...

    def parse_number(self, words: str) -> int | None: ...


class QuantityMorphology(Protocol):
    """How counts and unit nouns are written: the quantity scanner's tokenizer, the proclitic
    sets it strips (opaque to it), and the shapes of unit nouns."""

    clitics: tuple[str, ...]
    articles: tuple[str, ...]
    clitics_or_article: tuple[str, ...]
    bare: tuple[str, ...]
    enclitics: tuple[str, ...]

    def tokenize(self, text: str) -> tuple[list[str], list[int], list[int]]: ...

    def strip(self, word: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]: ...

    def clitic_len(self, prefix: str) -> int: ...

    def core_in(self, word: str, prefixes: tuple[str, ...],
                words: frozenset[str]) -> tuple[int, str] | None: ...

    def is_definite(self, word: str) -> bool: ...

    def starts_with_and(self, word: str) -> bool: ...

    def looks_like_noun(self, word: str) -> bool: ...

    def looks_like_nisba_plural(self, core: str) -> bool: ...

    def unit_forms(self, singulars: Iterable[str],
                   plurals: frozenset[str]) -> Iterator[tuple[str, str]]: ...


@dataclass(frozen=True)
class Language:
    """One language's text layer and word tables, handed to every stage that needs them.

    The functions are module-level functions of the language's package (so the object pickles
    by reference); ``tables`` maps each data file's name (its stem) to its parsed content.
    """

    code: str
    name: str
    normalize: Callable[[str], NormalizedText]
    normalize_term: Callable[[str], str]
    tokenize: Callable[[str], tuple[list[str], list[int], list[int]]]
    split_sentences: Callable[[str, int, int], list[SentenceSpan]]
    find_dateline: Callable[[str, int], Dateline | None]
    without_conjunction: Callable[[str], str]
    clause_breaks: frozenset[str]
    # the clitic model: the lookup form of a word, the cores a token can be once noun clitics
    # are taken off, and every token whose cores can hold one of a set of words
    word_core: Callable[[str], str]
    token_cores: Callable[[str], frozenset[str]]
    clitic_forms: Callable[[frozenset[str]], frozenset[str]]
    tables: Mapping[str, Any] = field(default_factory=dict)
    # numbers (digits and words) and the shapes of counts and unit nouns (quantity scanner)
    numbers: NumberGrammar | None = None
    quantity_words: QuantityMorphology | None = None

    def table(self, name: str) -> Any:
        """The parsed data file ``name`` of this language (a KeyError names what is missing)."""
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"language {self.code!r} has no data file {name!r}") from None
