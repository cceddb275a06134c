"""The subjective genitive: a verbal noun's genitive that did the act.

The lexicon says whether an event noun's genitive is its doer or the one it is done to
(``genitive:``). Where it is the one acted on (مساندة الشعب السوري) but the act also marks its
recipient with ل right after the genitive, the genitive did it: دعم إيران للحوثيين، مساندة روسيا
لسوريا.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention
from marsad.resources.tables import EventFamily

if TYPE_CHECKING:
    from marsad.events.phrases import PhraseReader


def lam_object(ph: PhraseReader, doc: Document, fam: EventFamily, at: int,
               ents: list[EntityMention]) -> list[EntityMention]:
    """The phrase at token ``at`` governed by ل where the act marks its recipient so."""
    if ph._possessive not in ph._recipient_markers[fam.recipient]:
        return []
    k = next((k for k, e in enumerate(ents) if e.tok_lo == at), None)
    if k is None or ph._governor(doc, ents[k]) != ph._possessive:
        return []
    return ph._chain_from(doc, ents, k)
