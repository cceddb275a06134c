"""Where a trigger's needed words are looked for (``قدم … المساعدة``, ``عقد … اجتماعا``).

A multi-word term of the lexicons names its verb and the words that must follow it; they are
looked for in a short window of tokens after the verb, cut where the clause ends or an embedded
clause begins (the object of أعلن دعمه is not inside أعلن أن قواتها قدمت الدعم). News puts a
short aside between two commas inside the clause, most often the day or the source (عقد
الرئيس اليمني عبد ربه منصور هادي، أمس، اجتماعاً; شنت طائرات التحالف، فجر اليوم، غارات): the
first comma does not end the clause there, so the aside is passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

#: the longest aside between two commas that is passed over, in tokens
ASIDE = 3
COMMA = ","
#: the most tokens between two needed words after the first (an adjective: عن بالغ قلقه)
NEEDED_GAP = 2
#: a dash, which also sets an aside apart (رفضت المقاومة -في تصريح صحفي- الهجوم)
DASH = "-"


def needs_window(tokens: list[str], after: int, limit: int, size: int,
                 stops: AbstractSet[str]) -> list[str]:
    """Up to ``size`` tokens from ``after`` (not reaching ``limit``), cut at the first of
    ``stops`` that does not open a short aside (the module docstring)."""
    window = tokens[after:min(limit, after + size)]
    if stops.isdisjoint(window):
        return window
    kept: list[str] = []
    i = after
    while i < limit and len(kept) < size:
        tok = tokens[i]
        if tok in stops:
            close = _aside_end(tokens, i, limit, stops)
            if close is None:
                break
            i = close + 1
            continue
        kept.append(tok)
        i += 1
    return kept


def _aside_end(tokens: Sequence[str], i: int, limit: int, stops: AbstractSet[str]) -> int | None:
    """The index of the comma closing an aside opened by a comma at ``i``; None where the
    token at ``i`` is no comma, or no comma closes it within ``ASIDE`` tokens before another
    stop."""
    if tokens[i] != COMMA:
        return None
    for j in range(i + 2, min(limit, i + ASIDE + 2)):
        if tokens[j] in stops:
            return j if tokens[j] == COMMA else None
    return None


def in_order(needed: tuple[tuple[str, str], ...], window: list[frozenset[str]]) -> int:
    """Each needed word (by its core) in some later token of the window, in order; after the
    first, each within ``NEEDED_GAP`` tokens of the one before (أعرب عن بالغ قلقه), since the
    needed words are one phrase: وقعت أمس وفيها عدد من أفراد أسرة is no وقع في أسر. Where they
    are, the place in the window right after the last (at least 1), else 0."""
    i = 0
    for n, (core, word) in enumerate(needed):
        end = len(window) if n == 0 else min(len(window), i + NEEDED_GAP + 1)
        while i < end and core not in window[i] and word not in window[i]:
            i += 1
        if i == end:
            return 0
        i += 1
    return i


def excluded(excludes: frozenset[str], window: Sequence[str],
             cores: Callable[[str], frozenset[str]]) -> bool:
    """Whether the first word of the window is one a lexicon entry ``excludes`` (by its cores:
    its genitive, article and clitics aside): انفجار أسطوانة غاز, شنوا هجوما حادا."""
    return bool(excludes and window) and not excludes.isdisjoint(cores(window[0]))
