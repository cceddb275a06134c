"""What the role and modality stages ask of a language's word structure, beyond its word tables.

A language package provides one object with these rules (``Language.syntax``); the stages keep
no letter of the language in their code. Word lists are data (``lang/<code>/data/``); this is
only what a list cannot say: where a clitic sits on a token and what it means there.
"""

from __future__ import annotations

from typing import Protocol


class Syntax(Protocol):
    """The word-structure rules the stages in ``annotate/`` and ``events/`` read."""

    def with_conjunction(self, words: frozenset[str]) -> frozenset[str]:
        """Every token whose ``Language.without_conjunction`` form or own form is one of
        ``words``: a set to test tokens against before taking them apart."""
        ...

    def preposition_proclitic(self, token: str, with_article: bool = True) -> str | None:
        """The preposition fused to the front of ``token`` if it can carry one (Arabic بجهود →
        ب), else None; ``with_article=False`` leaves out a preposition before the article."""
        ...

    def marks_future(self, prefix: str) -> bool:
        """Whether a verb's proclitics make it future (Arabic سيهاجم)."""
        ...
