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

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from marsad.doc.spans import Dateline, SentenceSpan
from marsad.doc.text import NormalizedText
from marsad.lang.affixes import Affixes
from marsad.lang.syntax import Syntax
from marsad.lang.time_grammar import TimeGrammar

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


def _any_phrase(sig: tuple, prefix: str, rest: str) -> bool:
    return True


@dataclass(frozen=True)
class CliticModel:
    """How the lexicon's matcher finds a lexicon word inside a token of the text.

    A frame signature is (layer, clitics, definite, lam_variant, t_variant) of a lexicon key;
    ``frame_ok`` says whether the letters before and after the key in a token fit it. The
    fields are module-level functions of the language's package, so the compiled lexicon
    that holds this model pickles by reference.
    """

    max_prefix: int     # the longest run of proclitics before a word
    max_suffix: int     # the longest enclitic after one
    frame_ok: Callable[[tuple, str, str], bool]
    #: the word, and the word less each enclitic it may end with
    enclitic_splits: Callable[[str], list[str]]
    #: a lexicon form (as written) and its kind of clitics → the keys it is found by, each
    #: with the frame flags it sets (``definite``, ``lam_variant``, ``t_variant``) and, where a
    #: key takes other clitics than its kind, its own kind (``clitics``)
    lexicon_keys: Callable[[str, str], list[tuple[str, dict[str, Any]]]]
    tokenize: Callable[[str], tuple[list[str], list[int], list[int]]]
    #: whether a key of several words fits the proclitics before its first word, given its
    #: frame signature and the rest of the key after the first word (Arabic: the head of a
    #: genitive takes no article)
    phrase_ok: Callable[[tuple, str, str], bool] = _any_phrase


def _no_forms(spec: str) -> list[str]:
    return []


@dataclass(frozen=True)
class Morphology:
    """How a language's lexicon entries, as written, become the forms the matcher looks for."""

    #: ``"past/present literal words"`` → (past phrases, present phrases)
    verb_phrase_forms: Callable[[str], tuple[list[str], list[str]]]
    noun_forms: Callable[[str], list[str]]          # a noun and its regular plurals and duals
    nisba_forms: Callable[[str], list[str]]         # an adjective of origin, every form
    construct_variants: Callable[[str], list[str]]  # a phrase, and it as the head of a genitive
    without_pronoun: Callable[[str], str]           # a literal object word, less its pronoun
    name_letters: Callable[[str], int]              # the letters of a name that count its length
    #: a participle (its masculine singular) and its gender, number and accusative forms
    participle_forms: Callable[[str], list[str]]
    #: a verb's forms whose ending is its (dual or plural) subject: a phrase after is its object
    subject_forms: Callable[[str], list[str]] = _no_forms
    #: a verb's third person masculine singular forms: a subject right after agrees with them
    masculine_forms: Callable[[str], list[str]] = _no_forms


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
    # how the lexicon is compiled from the language's entries and found in its text
    clitic_model: CliticModel
    morphology: Morphology
    # word-structure rules of the role and modality stages (clitics that mean a preposition,
    # a conjunction, the future)
    syntax: Syntax
    tables: Mapping[str, Any] = field(default_factory=dict)
    # what a match's clitics and marks say (matches, places, actors; the store's search)
    affixes: Affixes = Affixes()
    # numbers (digits and words) and the shapes of counts and unit nouns (quantity scanner)
    numbers: NumberGrammar | None = None
    quantity_words: QuantityMorphology | None = None
    # the time expressions, built from the tables (None: the language has none, no times found)
    time_grammar: Callable[[Mapping[str, Any]], TimeGrammar] | None = None
    # whether a place name opening a line is its dateline: (folded text, line start, place start,
    # place end); None: the language has no such headline datelines
    dateline_place: Callable[[str, int, int, int], bool] | None = None

    def table(self, name: str) -> Any:
        """The parsed data file ``name`` of this language (a KeyError names what is missing)."""
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"language {self.code!r} has no data file {name!r}") from None
