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
from typing import Any, Callable, Mapping

from marsad.doc.spans import Dateline, SentenceSpan
from marsad.doc.text import NormalizedText
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
    # the time expressions, built from the tables (None: the language has none, no times found)
    time_grammar: Callable[[Mapping[str, Any]], TimeGrammar] | None = None

    def table(self, name: str) -> Any:
        """The parsed data file ``name`` of this language (a KeyError names what is missing)."""
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"language {self.code!r} has no data file {name!r}") from None
