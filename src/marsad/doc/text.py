"""A text's matching view and the map from its offsets back to the original's.

A language's normalizer (``marsad.lang.<code>.normalize``) makes it; the document and every
stage read it. The map is a short list of anchors (one per deleted run), so building it costs
nothing per character in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

#: HTML left inside article text: tags, comments and character references.
HTML_RE = re.compile(r"<(?:[a-zA-Z/!][^<>]{0,500})>|&(?:[a-zA-Z]{2,8}|#\d{1,6});")


@dataclass(frozen=True)
class NormalizedText:
    """The matching view of a text and the map from its offsets to the original's."""

    original: str
    folded: str
    text: str
    _norm_anchors: tuple[int, ...]
    _orig_anchors: tuple[int, ...]
    _marks: re.Pattern[str]     # letterless marks (diacritics) kept at a span's end

    def to_original(self, index: int) -> int:
        """Original offset of the character at ``index`` in the matching view."""
        k = bisect_right(self._norm_anchors, index) - 1
        return self._orig_anchors[k] + (index - self._norm_anchors[k])

    def to_normalized(self, index: int) -> int:
        """Offset in the matching view of the first kept character at or after ``index``."""
        k = bisect_right(self._orig_anchors, index) - 1
        n = self._norm_anchors[k] + (index - self._orig_anchors[k])
        nxt = self._norm_anchors[k + 1] if k + 1 < len(self._norm_anchors) else len(self.text) + 1
        return min(n, nxt, len(self.text))

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the matching-view span, trailing diacritics included."""
        if end <= start:
            o = self.to_original(start) if start < len(self.text) else len(self.original)
            return o, o
        o_start = self.to_original(start)
        o_end = self.to_original(end - 1) + 1
        original = self.original
        while o_end < len(original) and self._marks.match(original, o_end):
            o_end += 1
        return o_start, o_end
