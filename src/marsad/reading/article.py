"""The article as the coder receives it (contract §1)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from marsad.lang.detect import detect_language

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


class ArticleError(ValueError):
    """A record that cannot be read as an article (missing text, bad date …)."""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str = ""
    date: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "ar"

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any]) -> Article:
        """Build an article from a contract §1 object; raises ``ArticleError`` when unusable."""
        if not isinstance(record, Mapping):
            raise ArticleError(f"expected a JSON object, got {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise ArticleError("missing 'text'" if text is None else "'text' is not a string")
        title = record.get("title") or ""
        if not isinstance(title, str):
            raise ArticleError("'title' is not a string")
        if not text.strip() and not title.strip():
            raise ArticleError("empty 'text'")
        raw_id = record.get("id")
        article_id = str(raw_id) if raw_id not in (None, "") else text_id(title + "\n" + text)
        language = record.get("language") or detect_language(title + " " + text)
        return cls(
            id=article_id,
            text=text,
            title=title,
            date=parse_date(record.get("date")),
            source=_optional_str(record.get("source")),
            url=_optional_str(record.get("url")),
            language=str(language),
        )


def text_id(text: str) -> str:
    """Stable id of a text: the same text gets the same id on every run."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date(value: Any) -> date | None:
    """ISO date or datetime (``2015-08-06``, ``2015-08-06 01:29:20``) → date; None stays None."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE_RE.match(str(value))
    if not m:
        raise ArticleError(f"'date' is not an ISO date: {value!r}")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise ArticleError(f"'date' is not a valid date: {value!r}") from exc


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)
