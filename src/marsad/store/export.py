"""Exports of stored events: JSONL in the contract's shape, CSV in ACLED's columns, Parquet.

The CSV starts with ACLED's column names, so that scripts written for ACLED exports read it:
``event_type`` is the PLOVER category and ``sub_event_type`` its mode; ``actor1``/``actor2``
are the actors' and recipients' names; ``fatalities`` is the number killed, left empty where
no report gives one (an unknown is not a zero). marsad's own columns follow. The Parquet file
holds the flat view with real types (dates as dates, counts as nullable integers), and has as
many rows as ``marsad query`` returns for the same filters.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from marsad.store.queries import DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, Filters
from marsad.store.rows import EVIDENCE_SEPARATOR

if TYPE_CHECKING:
    import pandas as pd

    from marsad.store.store import Store

FORMATS = ("jsonl", "csv", "parquet")

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "source", "notes", "fatalities")
EXTRA_COLUMNS = ("event_id", "article_id", "cluster_id", "modality", "iso3", "time_precision",
                 "actor1_code", "actor2_code", "operations", "injured", "arrested", "url")


class ExportError(ValueError):
    pass


def write_export(store: Store, path: str, fmt: str, filters: Filters) -> int:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        count = 0
        with open(path, "w", encoding="utf-8") as out:
            for record in store.records(filters):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        return count
    frame = store.query(filters)
    if fmt == "csv":
        acled = acled_frame(frame, store.names.country_names())
        acled.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    else:
        write_parquet(frame, path)
    return len(frame)


def acled_frame(frame: pd.DataFrame, countries: Mapping[str, str]) -> pd.DataFrame:
    import pandas as pd

    def names(column: str) -> pd.Series:
        return frame[column].fillna("").str.replace(";", "; ", regex=False)

    def first_sentence(evidence: Any) -> str:
        return evidence.split(EVIDENCE_SEPARATOR, 1)[0] if isinstance(evidence, str) else ""

    out = pd.DataFrame({
        "event_date": frame["event_date"].dt.strftime("%Y-%m-%d"),
        "event_type": frame["event_type"],
        "sub_event_type": frame["mode"],
        "actor1": names("actor_names"),
        "actor2": names("recipient_names"),
        "country": frame["country"].map(lambda c: countries.get(c, c) if isinstance(c, str) else None),
        "admin1": frame["admin1"],
        "location": frame["location"],
        "latitude": frame["lat"],
        "longitude": frame["lon"],
        "source": frame["source"],
        "notes": frame["evidence"].map(first_sentence),
        "fatalities": frame["killed"],
        "event_id": frame["event_id"],
        "article_id": frame["article_id"],
        "cluster_id": frame["cluster_id"],
        "modality": frame["modality"],
        "iso3": frame["country"],
        "time_precision": frame["time_precision"],
        "actor1_code": names("actor_codes"),
        "actor2_code": names("recipient_codes"),
        "operations": frame["operations"],
        "injured": frame["injured"],
        "arrested": frame["arrested"],
        "url": frame["url"],
    })
    return out[list(ACLED_COLUMNS + EXTRA_COLUMNS)]


def write_parquet(frame: pd.DataFrame, path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def arrow_type(column: str) -> pa.DataType:
        if column in DATE_COLUMNS:
            return pa.date32()
        if column in INT_COLUMNS:
            return pa.int64()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    schema = pa.schema([(c, arrow_type(c)) for c in frame.columns])
    data = frame.copy()
    for column in DATE_COLUMNS:
        if column in data:
            data[column] = data[column].dt.date
    pq.write_table(pa.Table.from_pandas(data, schema=schema, preserve_index=False), path)

