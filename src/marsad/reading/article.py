"""The article as the coder receives it (contract §1)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from marsad.lang.detect import detect_language

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
#: what no store can hold and no UTF-8 output can write: NUL (PostgreSQL text refuses it) and
#: a surrogate code point standing alone (JSON's "\ud800" decodes to one)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class ArticleError(ValueError):
    """A record that cannot be read as an article (missing text, bad date …)."""


class Origin(NamedTuple):
    """Where an article was read: a file and its line (``unit`` "line"), the n-th item of a
    JSON array (``unit`` "item") or the n-th row of a Parquet file (``unit`` "row"); ``line``
    is None for a whole file."""

    file: str
    line: int | None = None
    unit: str = "line"

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        if self.unit == "row":
            return f"{self.file}:row {self.line}"
        return f"{self.file}:{self.line}" if self.unit == "line" else f"{self.file} ({self.unit} {self.line})"


@dataclass(frozen=True)
class Article:
    """One article. Its text, title, source and url never hold a NUL or a lone surrogate: each
    is replaced one character for one (NUL by a space, a lone surrogate by U+FFFD), so that
    every offset into the given text is the same offset into the coded one; an id holding
    either is refused (``ArticleError``), since an id is what the article is found by."""

    id: str
    text: str
    title: str = ""
    date: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "ar"
    origin: Origin | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.date is not None and type(self.date) is not date:
            # Article(date="2015-08-06") as from_mapping reads it, not a string every stage
            # that counts days from publication would stumble on; a datetime keeps its day
            object.__setattr__(self, "date", parse_date(self.date))
        if _UNSTORABLE.search(self.id):
            raise ArticleError(f"'id' {self.id!r} holds {unstorable(self.id)}, which an id may not")
        for name in ("text", "title", "source", "url"):
            value = getattr(self, name)
            if value is not None and _UNSTORABLE.search(value):
                object.__setattr__(self, name, clean(value))

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any], origin: Origin | None = None) -> Article:
        """Build an article from a contract §1 object; raises ``ArticleError`` when unusable."""
        if not isinstance(record, Mapping):
            raise ArticleError(f"expected a JSON object, got {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise ArticleError("missing 'text'" if text is None else "'text' is not a string")
        title = _string(record, "title") or ""
        if not text.replace("\x00", " ").strip() and not title.replace("\x00", " ").strip():
            raise ArticleError("empty 'text'")
        article_id = _scalar(record, "id") or text_id(title + "\n" + text)
        language = _string(record, "language") or detect_language(title + " " + text)
        return cls(
            id=article_id,
            text=text,
            title=title,
            date=parse_date(record.get("date")),
            source=_scalar(record, "source"),
            url=_scalar(record, "url"),
            language=language,
            origin=origin,
        )


def clean(value: str) -> str:
    """``value`` with NUL replaced by a space and each lone surrogate by U+FFFD."""
    return _UNSTORABLE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", value)


def unstorable(value: str) -> str:
    """What of NUL and lone surrogates ``value`` holds, in words ("" when none)."""
    nul = value.count("\x00")
    lone = len(_UNSTORABLE.findall(value)) - nul
    said = [f"{nul} NUL character{'s' * (nul > 1)}" if nul else "",
            f"{lone} lone surrogate{'s' * (lone > 1)}" if lone else ""]
    return " and ".join(s for s in said if s)


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


def _string(record: Mapping[str, Any], name: str) -> str | None:
    """A field that must be a string when given (``title``, ``language``)."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise ArticleError(f"'{name}' is not a string: {_json(value)}")


def _scalar(record: Mapping[str, Any], name: str) -> str | None:
    """A field that may be a string or a number (``id``, ``source``, ``url``): a number is
    kept as its JSON text (123 → "123", true → "true"); a list or object is refused."""
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    raise ArticleError(f"'{name}' is a JSON {'array' if isinstance(value, list) else 'object'}, "
                       f"not a string or number: {_json(value)}")


def _json(value: Any) -> str:
    """A short JSON rendering of a refused value, for the message."""
    text = clean(json.dumps(value, ensure_ascii=False, default=str))
    return text if len(text) <= 60 else text[:57] + "…"
