"""Pipeline stage: conflict words in sport reports are metaphors.

"خطف الهلال الفوز" (snatched the win), "هجمات الفريق" (the team's attacks), "سحق منافسه": in an
article whose words are plainly sport (data/grammar/sport.yaml), a conflict event stands only
when a security, armed or military actor takes part; cooperative and verbal events stay.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources

import yaml

from marsad.doc.document import Document
from marsad.doc.records import Event
from marsad.lang.ar.clitics import clitic_forms, token_cores
from marsad.lang.ar.normalize import normalize_term
from marsad.resources import Resources

_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY"})


@lru_cache(maxsize=1)
def sport_words() -> tuple[frozenset[str], int]:
    data = yaml.safe_load(importlib_resources.files("marsad.lang.ar").joinpath(
        "data", "sport.yaml").read_text("utf-8"))
    words = frozenset(normalize_term(w) for w in data["words"] if " " not in w)
    return frozenset(w[2:] if w.startswith("ال") else w for w in words), int(data["threshold"])


@lru_cache(maxsize=65536)
def _sport_cores(token: str) -> tuple[str, ...]:
    """The sport words a token is behind its clitics (for most tokens none: the one empty
    tuple, so the cache stays small)."""
    return tuple(token_cores(token) & sport_words()[0])


class SportFilter:
    def __init__(self, res: Resources) -> None:
        #: the types a sport report uses as metaphors (plover.yaml: conflict)
        self.conflict = res.vocabulary.types_with("conflict")
        self.words, self.threshold = sport_words()
        self.forms = clitic_forms(self.words)

    def __call__(self, doc: Document) -> Document:
        # reading the whole article for sport words pays only when there is a conflict event
        conflict = self.conflict
        if any(e.event_type in conflict for e in doc.events) and self._is_sport(doc):
            doc.events = [e for e in doc.events if e.event_type not in conflict or _forces(e)]
        return doc

    def _is_sport(self, doc: Document) -> bool:
        # only the tokens that can hold a sport word are taken apart, each distinct one once
        seen = frozenset().union(*map(_sport_cores, self.forms.intersection(doc.tokens)))
        return len(seen) >= self.threshold


def _forces(event: Event) -> bool:
    return any(e.sector in _FORCE_SECTORS or e.kind == "non_state_armed"
               for e in event.actor + event.recipient)
