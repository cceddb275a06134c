"""Asides between a verb's subject and the rest of its clause: an apposition or a relative
clause set off by commas or dashes (رفضت باكستان، الحليف الوثيق لواشنطن، نشر …) or a relative
clause right after the subject (ترفض تركيا التي تقاتل داعش، وتعتبرها واشنطن «شريكا»، …). The
role rules pass over them: the clause goes on after the aside.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from marsad.annotate.needed import COMMA, DASH

#: the most words an aside may take before the mark that closes it
ASIDE_REACH = 16


def aside_end(tokens: list[str], opener: int, end: int, coordinators: tuple[str, ...],
              relatives: Collection[str]) -> int | None:
    """The comma (or dash) closing an aside that opens at ``opener`` (a comma, a dash or a
    relative pronoun; not a conjunction such as عندما, which opens a clause of its own), before
    ``end``; None where no aside opens there."""
    if tokens[opener] not in (COMMA, DASH) and tokens[opener] not in relatives:
        return None
    if opener + 1 >= end or tokens[opener + 1][:1] in coordinators:
        return None
    close = _next_mark(tokens, opener, end)
    if close is None or tokens[opener + 1] not in relatives:
        return close
    # التي تقاتل داعش، وتعتبرها واشنطن «شريكا»، تركيا: a relative clause goes on over the
    # clauses joined to it by و
    while close + 1 < end and tokens[close + 1][:1] in coordinators:
        more = _next_mark(tokens, close, end)
        if more is None:
            break
        close = more
    return close


def _next_mark(tokens: list[str], opener: int, end: int) -> int | None:
    mark = DASH if tokens[opener] == DASH else COMMA     # the mark that opened the aside
    return next((j for j in range(opener + 2, min(end, opener + ASIDE_REACH)) if tokens[j] == mark),
                None)


def adverbial_clause(tokens: list[str], comma: int, coordinators: tuple[str, ...],
                     prepositions: Collection[str], bare: Callable[[str], str]) -> bool:
    """Whether the comma at ``comma`` is followed by و and a preposition (…التي شهدتها تركيا،
    ومنذ 20 يوليو، قتل 13 جنديا): a new clause opens on a fronted adverbial, and the phrase
    before the comma is not the subject of the verb after it."""
    nxt = tokens[comma + 1] if comma + 1 < len(tokens) else ""
    return nxt[:1] in coordinators and len(nxt) > 1 and bare(nxt) in prepositions
