"""Arabic normalization for matching, with a map back to offsets in the original text.

Two views are made of an article's text:

* ``folded`` has exactly the length of the original: letters are folded one for one (hamza and
  alef forms, ى, ة, digits, Arabic punctuation, quotation marks, exotic spaces), so offsets into
  it are offsets into the original. Sentence splitting works on it.
* ``text`` (the matching view) additionally drops diacritics, tatweel and bidi/zero-width marks,
  turns quotation marks into spaces and squeezes runs of spaces, so that ``لتنظيم «داعش»`` and
  ``لتنظيـــم داعِش`` both read ``لتنظيم داعش``. Lexicons are normalized with the same function.

The map between the two is a short list of anchors (one per deleted run), so building it costs
nothing per character in Python.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_FOLD_PAIRS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ؤ": "ء", "ئ": "ء", "ک": "ك", "ڪ": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‹": '"', "›": '"',
    "‘": "'", "’": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "…": ".",
    "\t": " ", "\r": " ", "\f": " ", "\v": " ", "\u00a0": " ", "\u3000": " ", "\u202f": " ",
    "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
}
_FOLD_PAIRS.update({chr(0x2000 + i): " " for i in range(11)})            # en quad … hair space
_FOLD_PAIRS.update({chr(0x0660 + i): str(i) for i in range(10)})          # Arabic-Indic digits
_FOLD_PAIRS.update({chr(0x06F0 + i): str(i) for i in range(10)})          # Persian digits
_FOLD_PAIRS.update({chr(ord("A") + i): chr(ord("a") + i) for i in range(26)})

FOLD_TABLE = str.maketrans(_FOLD_PAIRS)

#: Marks that carry no letter: Arabic diacritics and Quranic marks, tatweel, bidi and
#: zero-width controls, soft hyphen, BOM.
MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c"
)
_MARK_RE = re.compile(f"[{MARKS}]")
# A run of marks, the second and later spaces of a run of spaces, and the optional و of
# ديموقراطية (spelled both ways in the press).
_DELETE_RE = re.compile(f"[{MARKS}]+|(?<= ) +|(?<=ديم)و(?=قراط)")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
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
        while o_end < len(original) and _MARK_RE.match(original, o_end):
            o_end += 1
        return o_start, o_end


def fold(text: str) -> str:
    """One-for-one folding (same length as ``text``); HTML markup becomes spaces."""
    folded = text.translate(FOLD_TABLE)
    if "<" in folded or "&" in folded:
        folded = HTML_RE.sub(lambda m: " " * (m.end() - m.start()), folded)
    return folded


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching and keep the way back to its offsets."""
    if _PRESENTATION_RE.search(text):
        return _normalize_with_presentation_forms(text)
    folded = fold(text)
    spaced = folded.replace('"', " ")
    pieces: list[str] = []
    norm_anchors = [0]
    orig_anchors = [0]
    last = 0
    n = 0
    for m in _DELETE_RE.finditer(spaced):
        pieces.append(spaced[last:m.start()])
        n += m.start() - last
        last = m.end()
        norm_anchors.append(n)
        orig_anchors.append(last)
    pieces.append(spaced[last:])
    return NormalizedText(text, folded, "".join(pieces), tuple(norm_anchors), tuple(orig_anchors))


def normalize_term(term: str) -> str:
    """Normalize a lexicon entry: the matching view, trimmed."""
    return normalize(term).text.strip()


def _normalize_with_presentation_forms(text: str) -> NormalizedText:
    """Slow path for text written in Arabic presentation forms (ﻻ ﷲ …), which expand."""
    out: list[str] = []
    norm_anchors = [0]
    orig_anchors = [0]
    n = 0
    folded_chars = []
    for i, ch in enumerate(text):
        if _PRESENTATION_RE.match(ch):
            expanded = fold(unicodedata.normalize("NFKC", ch))
            expanded = _MARK_RE.sub("", expanded).replace(" ", "") or ""
            folded_chars.append(expanded[:1] or " ")
        else:
            expanded = fold(ch)
            folded_chars.append(expanded)
            if expanded == '"':
                expanded = " "
            if _MARK_RE.match(expanded) or (expanded == " " and out and out[-1] == " "):
                expanded = ""
        if len(expanded) != 1:
            for j in range(len(expanded)):
                norm_anchors.append(n + j)
                orig_anchors.append(i)
            norm_anchors.append(n + len(expanded))
            orig_anchors.append(i + 1)
        out.extend(expanded)
        n += len(expanded)
    return NormalizedText(
        text, "".join(folded_chars), "".join(out), tuple(norm_anchors), tuple(orig_anchors)
    )
