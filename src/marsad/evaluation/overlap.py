"""Near copies: articles of one corpus that tell another article's story in its words.

Papers reprint agency copy, so a story of the evaluation sets (the real-news dev set, the
reserved articles) may stand in the corpus under another paper's address. Trained on such a
copy, the decision would be scored on text it has seen. Two articles are near copies when most
word ``n``-grams of the shorter are in the longer (containment, not Jaccard: a short item taken
whole into a longer report is a copy too). Words are the language's matching view, so spelling
variants, diacritics and tatweel do not hide a copy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from marsad.lang import Language

#: words per shingle: long enough that a shared formula (a title, a dateline) is not a copy
SHINGLE_WORDS = 6
#: the share of the shorter article's shingles found in the longer from which the two are copies
COPY_CONTAINMENT = 0.5


class NearCopy(NamedTuple):
    """``article`` copies ``reference``: ``shared`` shingles, ``containment`` of the shorter."""

    article: str
    reference: str
    shared: int
    containment: float


def shingles(text: str, lang: Language, n: int = SHINGLE_WORDS) -> frozenset[tuple[str, ...]]:
    """The ``n``-word runs of ``text``'s words (letters and digits only) in the matching view."""
    words = [w for w in lang.tokenize(lang.normalize(text).text)[0] if w.isalnum()]
    return frozenset(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def near_copies(articles: Iterable[tuple[str, str]], references: Mapping[str, str],
                lang: Language, threshold: float = COPY_CONTAINMENT) -> list[NearCopy]:
    """Every (article, reference) pair whose shingles overlap by ``threshold`` or more of the
    shorter one's, best first per article; ``articles`` and ``references`` give id and text."""
    refs = {ref: shingles(text, lang) for ref, text in references.items()}
    index: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
    for ref, grams in refs.items():
        for g in grams:
            index[g].append(ref)
    found: list[NearCopy] = []
    for article, text in articles:
        grams = shingles(text, lang)
        shared = Counter(ref for g in grams for ref in index.get(g, ()))
        for ref, count in shared.most_common():
            containment = count / min(len(grams), len(refs[ref]))
            if containment >= threshold:
                found.append(NearCopy(article, ref, count, round(containment, 3)))
    return found
