"""Which event word is an act of its own and which is only the content of another.

The trigger stage sets apart an event word that is the content or object of an earlier event
word of its clause (دعا إلى وقف القتال: the call is the event, the ceasefire its content). Two
words decide the edges of that content here:

* a verb joined by و to a call, in its tense, is the sentence's second act (ودعا … واتهم);
* a verbal noun joined by و right after a content noun is content too, however far the act it
  is the content of (يتوعد حفتر وأعضاء مجلس النواب بالذبح والقتل والتهجير).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.doc.spans import TriggerMention


def second_verb(head: TriggerMention, t: TriggerMention,
                set_apart: Sequence[TriggerMention]) -> bool:
    """Whether ``t``, joined by و, is a verb in the tense of the verb ``head``: the
    sentence's second act, not the content of the first (ودعا إلى الحوار واتهم إسرائيل
    بالتقصير; يدعو … ويتهم). A call's content is a verbal noun or an أن clause; a word that
    reads as a past verb after a verbal noun set apart as the content is another verbal noun
    joined to it (هدد بقصف المدن وقتل المدنيين)."""
    return (head.tense == t.tense and t.tense in ("past", "present")
            and not any(head.tok_hi <= c.tok_lo and c.tok_hi <= t.tok_lo for c in set_apart))


def joined_content(t: TriggerMention, set_apart: Sequence[TriggerMention],
                   after_and: Callable[[str], bool]) -> bool:
    """Whether the verbal noun ``t`` is joined by و right after the last word set apart as
    content (``after_and`` tells a prefix opening with و)."""
    last = set_apart[-1] if set_apart else None
    return last is not None and t.tense == "noun" and last.sentence == t.sentence \
        and 0 <= t.tok_lo - last.tok_hi <= 1 and after_and(t.prefix)
