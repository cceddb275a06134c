"""Pipeline stage: one automaton pass over the document for every lexicon."""

from __future__ import annotations

from operator import attrgetter

from marsad.doc.document import Document
from marsad.doc.spans import Match
from marsad.resources import Resources


class LexiconMatcher:
    """Finds every lexicon form (actor and trigger layers) and keeps the best tiling per layer."""

    def __init__(self, resources: Resources, candidates_from: int | None = None):
        assert resources.language is not None
        self.lexicon = resources.lexicon
        self.affixes = resources.language.affixes
        #: the candidate families (``TriggerFinder``'s): in a document where no trained
        #: decision reads them, a form only they know must not shadow a rule's shorter form
        #: (the candidate هجوما حادا over the rule's هجوم; رفضها over رفض + ـها)
        self._candidate_families = frozenset(
            i for i, f in enumerate(resources.families) if f.candidate)
        self._candidates_from = candidates_from

    def __call__(self, doc: Document) -> Document:
        layers: dict[str, list[Match]] = {"actor": [], "trigger": [], "place": []}
        original = doc.norm.original
        to_original = doc.norm.to_original
        closes_stem, marks_noun = self.affixes.closes_stem, self.affixes.marks_noun
        noun_marks = marks_noun(original)
        start = self._candidates_from
        ignored = self._candidate_families if start is None or doc.worded_sentences() < start \
            else frozenset()
        for m in self.lexicon.find(doc.norm.text, doc.token_starts, doc.token_ends, doc.tokens):
            if m.suffix and closes_stem(original[to_original(m.core_end)]):
                continue        # وزارة is not و + زار + ـه: a ة is never a pronoun
            if noun_marks and m.terms[0].layer == "trigger" \
                    and marks_noun(_original_text(doc, m)) and any(t.kind == "verb" for t in m.terms):
                kept_terms = tuple(t for t in m.terms if t.kind != "verb")
                if not kept_terms:
                    continue    # أمراً، دعماً: tanween marks the noun, not the verb
                m = m._replace(terms=kept_terms)
            if ignored and m.terms[0].layer == "trigger" \
                    and all(t.ref in ignored for t in m.terms):
                continue        # a candidate's form where no decision reads candidates
            layers[m.terms[0].layer].append(m)  # the lexicon yields one match per layer
        doc.matches = [m for found in layers.values() for m in resolve_overlaps(found)]
        doc.matches.sort(key=_START)
        return doc


def _original_text(doc: Document, m: Match) -> str:
    start, end = doc.norm.span_to_original(m.start, m.end)
    return doc.norm.original[start:end]


_START = attrgetter("start")


def _rank(m: Match) -> tuple[int, int, int]:
    core = m.core_end - m.core_start
    return -core, (m.end - m.start) - core, m.start


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Longest core first, then fewest clitic letters, then leftmost; no two kept ones overlap.

    Kept in order of start. Only matches that overlap, directly or through others, compete,
    so the ranking is done within each such cluster; most matches overlap nothing.
    """
    kept: list[Match] = []
    cluster: list[Match] = []
    reach = -1
    for m in sorted(matches, key=_START):
        if m.start >= reach:        # overlaps nothing before it: the cluster is complete
            if len(cluster) > 1:
                kept.extend(_best_tiling(cluster))
            else:
                kept.extend(cluster)
            cluster = [m]
            reach = m.end
        else:
            cluster.append(m)
            reach = max(reach, m.end)
    if len(cluster) > 1:
        kept.extend(_best_tiling(cluster))
    else:
        kept.extend(cluster)
    return kept


def _best_tiling(cluster: list[Match]) -> list[Match]:
    """The greedy choice by rank among overlapping matches, in order of start."""
    chosen: list[Match] = []
    for m in sorted(cluster, key=_rank):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    chosen.sort(key=_START)
    return chosen
