"""An act another says is expected or scheduled stays future whatever the decision weighs.

"ومن المتوقع أن يواصل التحالف تقديم الدعم لشركائه", "من المقرر أن يلتقي الوزير نظيره": an
expectation or a schedule phrase that governs the clause after أن names an act not yet done.
The rules read it as future; the decision's modality model, trained on few such clauses, can
weigh the same words as a report. Here the rules' future holds when one of the language's
``expectation`` phrases (``function_words``) stands before the trigger in its sentence and is
followed at once by a complementizer, with no clause break between it and the trigger. Weaker
future cues (المقبل، خطة، مرتقب) are left to the model.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.records import Event
from marsad.doc.spans import EventMention
from marsad.resources import Resources


class Expectation:
    def __init__(self, resources: Resources):
        lang = resources.language
        assert lang is not None
        table = lang.table("function_words")
        norm = lang.normalize_term
        phrases = [tuple(norm(w).split()) for w in table["expectation"]]
        #: each phrase's first word, with و/ف in front too, → the rest of the phrase
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            for first in lang.syntax.with_conjunction(frozenset({p[0]})):
                self._phrases.setdefault(first, []).append(p[1:])
        self._that = frozenset(norm(w) for w in table["complementizers"])
        self._breaks = frozenset(norm(w) for w in table["clause_openers"]) | lang.clause_breaks

    def governs(self, doc: Document, event: Event,
                spans: dict[tuple[str, int, int], tuple[int, EventMention]]) -> bool:
        """Whether an expectation phrase governs the clause of ``event``'s trigger (its
        mention found in ``spans``, ``Document.trigger_spans``)."""
        ev = event.evidence[0] if event.evidence else None
        found = spans.get((ev.field, ev.trigger.start, ev.trigger.end)) if ev else None
        if found is None:
            return False
        at = found[1].trigger
        tokens, lo = doc.tokens, doc.sentences[at.sentence].tok_lo
        for i in range(at.tok_lo - 1, lo - 1, -1):
            if tokens[i] in self._breaks:
                return False
            for rest in self._phrases.get(tokens[i], ()):
                j = i + 1 + len(rest)
                if tuple(tokens[i + 1:j]) == rest and j < at.tok_lo and tokens[j] in self._that:
                    return True
        return False
