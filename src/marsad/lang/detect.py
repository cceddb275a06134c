"""Which language an article is in, from its script, when the input does not say."""

from __future__ import annotations

import re

_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_LATIN_RE = re.compile("[A-Za-z]")


#: The share of Arabic among the letters of a sample from which a text is Arabic. Well under a
#: half: crawled Arabic pages carry Latin markup and code (CSS, scripts), while an English
#: text that quotes Arabic names stays far below it.
ARABIC_SHARE = 0.25


def detect_language(text: str) -> str:
    """``ar`` when at least a quarter of the letters of the first 2,000 characters are Arabic,
    else ``en`` (the only other script marsad tells apart yet)."""
    sample = text[:2000]
    arabic, latin = len(_ARABIC_RE.findall(sample)), len(_LATIN_RE.findall(sample))
    return "ar" if arabic >= ARABIC_SHARE * (arabic + latin) else "en"
