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

from marsad.doc.text import HTML_RE, NormalizedText

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
# str.translate looks every character up in a dict; a chain of str.replace over the pairs that
# occur is several times faster on Arabic text and gives the same string.
_FOLD_CHAIN = tuple(_FOLD_PAIRS.items())

#: Marks that carry no letter: Arabic diacritics and Quranic marks, tatweel, bidi and
#: zero-width controls, soft hyphen, BOM.
MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c"
)
_MARK_RE = re.compile(f"[{MARKS}]")
# What the matching view drops: runs of marks, the second and later spaces of a run of spaces,
# and the optional و of ديموقراطية (spelled both ways in the press). Three plain searches are
# much faster than one pattern with look-behinds; their spans never overlap.
# ``[M][M]*`` rather than ``[M]+``: a pattern that opens with a character set lets the regex
# engine skip to the next candidate in a tight loop instead of trying a match at every
# character (a third of the cost on article text).
_MARKS_RUN_RE = re.compile(f"[{MARKS}][{MARKS}]*")
_SPACES_RE = re.compile("  +")
_DEMOCRACY = "ديموقراط"
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def fold(text: str) -> str:
    """One-for-one folding (same length as ``text``); HTML markup becomes spaces."""
    return _fold(text, _has_presentation_forms(text))


def _fold(text: str, presentation: bool) -> str:
    folded = text
    for old, new in _FOLD_CHAIN:
        if old in folded:
            folded = folded.replace(old, new)
    if "<" in folded or "&" in folded:
        folded = HTML_RE.sub(lambda m: " " * (m.end() - m.start()), folded)
    if presentation:
        folded = _PRESENTATION_RE.sub(lambda m: _PRESENTATION_SINGLE.get(m.group(), m.group()), folded)
    return folded


def _has_presentation_forms(text: str) -> bool:
    """Whether ``text`` holds Arabic presentation forms (rare: text copied out of old PDFs).

    They all lie in U+FB50-U+FEFC, so the high byte of their UTF-16 code unit is FB to FE.
    Encoding to UTF-16 and four byte searches cost a sixth of scanning the text with the
    character-class regex, which then only runs to confirm (a low byte can be FB-FE too).
    """
    units = text.encode("utf-16-le", "surrogatepass")
    return ((b"\xfb" in units or b"\xfc" in units or b"\xfd" in units or b"\xfe" in units)
            and _PRESENTATION_RE.search(text) is not None)


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching and keep the way back to its offsets."""
    # Folding keeps presentation forms where they are (ligatures expand only below), and the
    # markup it blanks holds none that matter, so one test on ``text`` serves both steps.
    presentation = _has_presentation_forms(text)
    folded = _fold(text, presentation)
    spaced = folded.replace('"', " ")
    edits = _deletions(spaced)
    if presentation:
        edits = sorted(edits + _expansions(spaced))
    pieces: list[str] = []
    norm_anchors = [0]
    orig_anchors = [0]
    last = 0
    n = 0
    for start, end, replacement in edits:
        pieces.append(spaced[last:start])
        n += start - last
        for j in range(1, len(replacement)):   # ﻻ → لا: the extra letters point at the ligature
            norm_anchors.append(n + j)
            orig_anchors.append(start)
        pieces.append(replacement)
        n += len(replacement)
        last = end
        norm_anchors.append(n)
        orig_anchors.append(last)
    pieces.append(spaced[last:])
    return NormalizedText(text, folded, "".join(pieces), tuple(norm_anchors), tuple(orig_anchors),
                          _MARK_RE)


def _presentation_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Arabic presentation forms: the letters they stand for, one for one where NFKC gives one
    letter, and the expansions of ligatures (ﻻ → لا, ﷲ → الله)."""
    single: dict[str, str] = {}
    multi: dict[str, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]:
        ch = chr(cp)
        letters = "".join(c for c in unicodedata.normalize("NFKC", ch).translate(FOLD_TABLE)
                          if not _MARK_RE.match(c) and c != " ")
        if len(letters) == 1:
            single[ch] = letters
        elif letters:
            multi[ch] = letters
    return single, multi


_PRESENTATION_SINGLE, _PRESENTATION_MULTI = _presentation_tables()


def _expansions(spaced: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _PRESENTATION_MULTI[m.group()])
            for m in _PRESENTATION_RE.finditer(spaced) if m.group() in _PRESENTATION_MULTI]


def _deletions(spaced: str) -> list[tuple[int, int, str]]:
    spans = [m.span() for m in _MARKS_RUN_RE.finditer(spaced)]
    # Runs of spaces are few: str.find skips to them far faster than a regex scan.
    at = spaced.find("  ")
    while at >= 0:
        run = _SPACES_RE.match(spaced, at)
        end = run.end() if run else at + 2
        spans.append((at + 1, end))
        at = spaced.find("  ", end)
    at = spaced.find(_DEMOCRACY)
    while at >= 0:
        spans.append((at + 3, at + 4))
        at = spaced.find(_DEMOCRACY, at + 1)
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), "")
        else:
            merged.append((start, end, ""))
    return merged


def normalize_term(term: str) -> str:
    """Normalize a lexicon entry: the matching view, trimmed."""
    return normalize(term).text.strip()
