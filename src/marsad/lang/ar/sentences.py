"""Sentence splitting for Arabic news, on the one-for-one folded text (original offsets).

Lines are always boundaries (headlines, section headings and paragraphs stand on lines of their
own). Inside a line a sentence ends at ``. ! ?`` (؟ is folded to ?) followed by a space, a
closing quotation mark or the end, except after an initial or a known abbreviation (د. م.
U.S.) and inside numbers (3.5). A wire dateline at the start of the body
(``دمشق - (أ ف ب) -``, ``الرياض - واس``, ``سبق- وكالات:``) is split off so that its place name is
not read as the subject of the first sentence.
"""

from __future__ import annotations

import re

from marsad.doc.spans import Dateline, SentenceSpan
from marsad.lang.ar.normalize import normalize_term

# ``[.!?][.!?]*`` rather than ``[.!?]+``: a pattern that opens with a character set lets the
# regex engine skip to the next candidate in a tight loop instead of trying a match at every
# character (a third of the cost).
_END_RE = re.compile(r"[.!?][.!?]*(?:[\"')\]]+)?(?=\s|$)")
# The last word before a full stop, read backwards: an anchored match on the reversed text
# costs a tenth of searching forwards for ``(\w+)\W*$``, which retries at every position.
_LAST_WORD_REVERSED_RE = re.compile(r"\W*(\w+)")
_ABBREVIATIONS = frozenset({"mr", "mrs", "dr", "st", "no", "vs", "etc", "jr", "sr", "inc", "co"})
_LETTER = r"[^\W\d_]"
_DATELINE_RE = re.compile(
    rf"^[ ]*(?P<place>{_LETTER}+(?:[ ]{_LETTER}+){{0,2}})[ ]*"
    rf"(?:[-:][ ]*\((?P<agency>[^()\n]{{1,30}})\)[ ]*[-:]?|\((?P<agency2>[^()\n]{{1,30}})\)[ ]*[-:]"
    rf"|-[ ]*(?P<agency3>{_LETTER}+(?:[ ]{_LETTER}+){{0,2}})[ ]*(?:[:-]|(?=\n)|$)|-[ ]*(?=\n))[ ]*"
)
# News agencies and outlets that follow a dash in a dateline (written as the press writes them)
_AGENCIES = frozenset(normalize_term(a).replace(".", "") for a in (
    "واس|وكالات|أ ف ب|أ.ف.ب|رويترز|د ب أ|أ ش أ|سانا|قنا|وام|كونا|بنا|الأناضول|سبق|الشرق الأوسط|"
    "الحياة|الجزيرة|الجزيرة نت|الوطن|عكاظ|اليوم|المدينة|الرياض|يو بي آي|شينخوا|أ ب|أسوشيتد برس|"
    "إم بي سي|بي بي سي|العربية|الخليج|فرانس برس").split("|"))
HEADING_MAX_WORDS = 12
# A place that opens the title or the body's first line as its dateline: "الكويت: …",
# "بغداد - …", or a source and then the place alone on the line ("عين اليوم – جاكرتا").
_DASHES = r"\-–—"
_BEFORE_LEAD_PLACE_RE = re.compile(
    rf"[^\S\n]*(?:{_LETTER}+(?:[ ]{_LETTER}+){{0,2}}[^\S\n]*[{_DASHES}][^\S\n]*)?")
_AFTER_LEAD_PLACE_RE = re.compile(
    rf"[^\S\n]*(?P<cut>[:{_DASHES}])[^\S\n]*(?=[^\W\d_]|[(«\"])|[^\S\n]*[:{_DASHES}]?[^\S\n]*(?:\n|$)")


def find_dateline(folded: str, body_start: int) -> Dateline | None:
    """The wire dateline at the start of the body, if there is one."""
    first_line_end = folded.find("\n", body_start)
    line = folded[body_start:] if first_line_end < 0 else folded[body_start:first_line_end + 1]
    m = _DATELINE_RE.match(line)
    if not m:
        return None
    agency = m.group("agency") or m.group("agency2") or m.group("agency3")
    if m.group("agency3") and normalize_term(agency).replace(".", "") not in _AGENCIES:
        return None
    return Dateline(
        body_start + m.start(), body_start + m.end(),
        body_start + m.start("place"), body_start + m.end("place"),
    )


def dateline_place(folded: str, line_start: int, place_start: int, place_end: int) -> bool:
    """Whether the place name at ``place_start:place_end`` is the dateline of the line that
    starts at ``line_start``: the line opens with it and a colon or a dash follows it before the
    news (``الكويت: أعلنت …``, ``بغداد - …``), or it stands alone on the line, after a source
    and a dash (``عين اليوم – جاكرتا``)."""
    before = _BEFORE_LEAD_PLACE_RE.fullmatch(folded, line_start, place_start)
    if before is None:
        return False
    after = _AFTER_LEAD_PLACE_RE.match(folded, place_end)
    if after is None:
        return False
    if folded[line_start:place_start].strip():
        # after a source the place ends the line: "قال مراسلنا - إن …" is no dateline
        return after.group("cut") is None
    return True


def split_sentences(folded: str, body_start: int, skip_until: int = 0) -> list[SentenceSpan]:
    """Sentence spans over ``folded`` (title lines before ``body_start``)."""
    spans: list[SentenceSpan] = []
    append = spans.append
    pos = 0
    for line in folded.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if not line or line.isspace():
            continue
        start = max(line_start, skip_until) if line_start < skip_until < pos else line_start
        line_end = pos - 1
        if line_start < body_start:
            pieces = [(start, line_end)]
            kind = "title"
        else:
            pieces = _split_line(folded, start, line_end)
            kind = "heading" if len(pieces) == 1 and _looks_like_heading(folded, *pieces[0]) else "body"
        for piece_start, piece_end in pieces:
            # trimmed of the spaces around it; an empty span is dropped
            text = folded[piece_start:piece_end]
            stripped = text.lstrip()
            if stripped:
                piece_start += len(text) - len(stripped)
                append(SentenceSpan(piece_start, piece_start + len(stripped.rstrip()), kind))
    # A heading introduces body text: a short line with nothing after it is the text itself.
    for i in range(len(spans) - 1, -1, -1):
        if spans[i].kind != "heading":
            if spans[i].kind == "body":
                break
            continue
        spans[i] = SentenceSpan(spans[i].start, spans[i].end, "body")
    return spans


def _split_line(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    last = start
    for m in _END_RE.finditer(folded, start, end):
        dot = m.start()
        if folded[dot] == "." and _is_abbreviation(folded, last, dot):
            continue
        pieces.append((last, m.end()))
        last = m.end()
    if last < end and not folded[last:end].isspace():
        pieces.append((last, end))
    return pieces


def _is_abbreviation(folded: str, start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` follows an initial or an abbreviation."""
    m = _LAST_WORD_REVERSED_RE.match(folded[max(start, dot - 24):dot][::-1])
    if not m:
        return False
    word = m.group(1)[::-1]
    if len(word) == 1 and not word.isdigit():
        return True
    return word in _ABBREVIATIONS or folded[dot + 2: dot + 3] == "."


def _looks_like_heading(folded: str, start: int, end: int) -> bool:
    piece = folded[start:end].strip()
    return bool(piece) and piece[-1] not in ".!?:," and len(piece.split()) <= HEADING_MAX_WORDS
