"""The shapes answers take: cursors, JSON-safe rows, CSV, JSON Lines and GeoJSON."""

from __future__ import annotations

import base64
import csv
import io
import json
import math
from datetime import date, datetime
from typing import Any

from marsad.serve.params import unprocessable
from marsad.store.queries import PageKey


def encode_cursor(key: PageKey | None) -> str | None:
    """An opaque cursor for the page after ``key``: the key itself, URL-safe."""
    if key is None:
        return None
    day, article, event = key
    raw = json.dumps([day.isoformat() if day else None, article, event], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None) -> PageKey | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, article, event = json.loads(raw.decode("utf-8"))
        return (date.fromisoformat(day) if day else None, str(article), str(event))
    except (ValueError, TypeError, UnicodeDecodeError):
        raise unprocessable(f"cursor {cursor[:40]!r} is not one this API gave: pass the "
                            "next_cursor of the previous page, or none for the first") from None


def plain(value: Any) -> Any:
    """A database or pandas value as JSON has it: dates as ISO text, NaN and NA as null."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)) or hasattr(value, "isoformat"):
        try:
            return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
        except ValueError:      # pandas' NaT
            return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):      # numpy scalars
        return value.item()
    return value


def plain_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: plain(v) for k, v in row.items()}


def csv_text(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in plain_row(r).items()} for r in rows)
    return out.getvalue()


def jsonl_text(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


#: what each point of GET /v1/events.geojson carries
POINT_PROPERTIES = ("event_id", "article_id", "cluster_id", "event_type", "mode", "modality",
                    "event_date", "location", "country", "admin1", "location_precision",
                    "actor_codes", "recipient_codes", "operations", "killed", "injured",
                    "arrested", "confidence", "source", "title")


def feature_collection(rows: list[dict[str, Any]], truncated: bool) -> dict[str, Any]:
    """Events with a place as GeoJSON points (longitude first, as GeoJSON has it)."""
    features = [{"type": "Feature", "id": r["event_id"],
                 "geometry": {"type": "Point", "coordinates": [plain(r["lon"]), plain(r["lat"])]},
                 "properties": {k: plain(r.get(k)) for k in POINT_PROPERTIES}}
                for r in rows if plain(r.get("lat")) is not None and plain(r.get("lon")) is not None]
    return {"type": "FeatureCollection", "features": features, "truncated": truncated}
