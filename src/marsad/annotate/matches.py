"""Pipeline stage: one automaton pass over the document for every lexicon."""

from __future__ import annotations

from dataclasses import replace

from marsad.document import Document
from marsad.resources import Resources
from marsad.resources.lexicon import Match


class LexiconMatcher:
    """Finds every lexicon form (actor and trigger layers) and keeps the best tiling per layer."""

    def __init__(self, resources: Resources):
        self.lexicon = resources.lexicon

    def __call__(self, doc: Document) -> Document:
        layers: dict[str, list[Match]] = {"actor": [], "trigger": [], "place": []}
        original = doc.norm.original
        tanween = "\u064b" in original
        for m in self.lexicon.find(doc.norm.text, doc.token_starts, doc.token_ends):
            if m.suffix and original[doc.norm.to_original(m.core_end)] == "ة":
                continue        # وزارة is not و + زار + ـه: a ة is never a pronoun
            if tanween and m.terms[0].layer == "trigger" and _has_tanween(doc, m) \
                    and any(t.kind == "verb" for t in m.terms):
                kept_terms = tuple(t for t in m.terms if t.kind != "verb")
                if not kept_terms:
                    continue    # أمراً، دعماً: tanween marks the noun, not the verb
                m = replace(m, terms=kept_terms)
            layers[m.terms[0].layer].append(m)  # the lexicon yields one match per layer
        doc.matches = [m for found in layers.values() for m in resolve_overlaps(found)]
        doc.matches.sort(key=lambda m: m.start)
        return doc


def _has_tanween(doc: Document, m: Match) -> bool:
    start, end = doc.norm.span_to_original(m.start, m.end)
    return "\u064b" in doc.norm.original[start:end]


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Longest core first, then fewest clitic letters, then leftmost; no two kept ones overlap."""
    ranked = sorted(
        matches,
        key=lambda m: (-(m.core_end - m.core_start), (m.end - m.start) - (m.core_end - m.core_start),
                       m.start),
    )
    kept: list[Match] = []
    taken = bytearray(max((m.end for m in matches), default=0))
    for m in ranked:
        if not any(taken[m.start:m.end]):
            kept.append(m)
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return kept
