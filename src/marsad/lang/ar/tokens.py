"""The Arabic tokenizer: words and single punctuation marks of the matching view, with offsets,
and the conjunctions و/ف read off a token.
"""

from __future__ import annotations

import re
from itertools import accumulate

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# split() with the token pattern in a group gives the spaces and the tokens in turn. ``\S`` in
# the second branch means the same as ``[^\w\s]`` there (a word character took the first) and is
# a cheaper test for the regex engine. The Arabic letters in front of ``\w`` change nothing
# (they are word characters) but are tested by range before ``\w``'s Unicode lookup, which
# takes a third off the split of Arabic text.
_TOKEN_SPLIT_RE = re.compile(r"([\u0621-\u064a\w]+|\S)")
#: Punctuation tokens that end a clause (a sentence's end is a boundary anyway).
CLAUSE_BREAKS = frozenset(",;:.?!()")


class _BareTokens(dict):
    """token → the token without و/ف in front, worked out on first use.

    Other stages ask for ~600 tokens per article; a dict lookup from C costs a third of a call
    to a Python function. The table is emptied when it grows past ``_BARE_TOKENS_MAX``.
    """

    def __missing__(self, token: str) -> str:
        if len(self) >= _BARE_TOKENS_MAX:
            self.clear()
        bare = self[token] = token[1:] if len(token) > 2 and token[0] in "وف" else token
        return bare


_BARE_TOKENS_MAX = 200_000

#: ``without_conjunction(token)``: the token without و/ف in front (وبحسب → بحسب); tokens of
#: two letters or fewer are left as they are.
without_conjunction = _BareTokens().__getitem__


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words and single punctuation marks of ``text``, with their start and end offsets."""
    # Spaces and tokens alternate in the split, so the offsets are the running sums of the
    # pieces' lengths: no match object and no Python call per token, which halves the cost.
    pieces = _TOKEN_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return pieces[1::2], offsets[1:-1:2], offsets[2::2]
