"""Exports of stored events: JSONL in the contract's shape, CSV in ACLED's columns, Parquet.

The CSV starts with ACLED's column names, so that scripts written for ACLED exports read it:
``event_type`` is the PLOVER category and ``sub_event_type`` its mode; ``actor1``/``actor2``
are the actors' and recipients' names (``actor1_code`` their codes: NSA for an armed group, as
ACLED keeps armed groups apart; ``actor1_country`` their states, an armed group's home state);
``fatalities`` is the number killed, left empty where
no report gives one (an unknown is not a zero). marsad's own columns follow. The Parquet file
holds the flat view with real types (dates as dates, counts as nullable integers), and has as
many rows as ``marsad query`` returns for the same filters.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from marsad.store.files import atomic_output, atomic_path
from marsad.store.queries import DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, Filters
from marsad.store.rows import EVIDENCE_SEPARATOR

if TYPE_CHECKING:
    import pandas as pd

    from marsad.store.store import Store

FORMATS = ("jsonl", "csv", "parquet")

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "source", "notes", "fatalities")
EXTRA_COLUMNS = ("event_id", "article_id", "cluster_id", "modality", "iso3", "time_precision",
                 "actor1_code", "actor2_code", "actor1_country", "actor2_country", "operations",
                 "injured", "arrested", "url")


class ExportError(ValueError):
    pass


def write_export(store: Store, path: str, fmt: str, filters: Filters) -> int:
    """Write the selection to ``path`` a batch at a time (memory does not grow with it), into
    a temporary file renamed into place once complete; the number of events written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        with atomic_path(path) as temporary:
            return write_parquet(store.query_batches(filters), temporary)
    with atomic_output(path) as out:
        if fmt == "jsonl":
            return write_jsonl(store.records(filters), out)
        return write_csv(store.query_batches(filters), store.names.country_names(), out)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(frames: Iterable[pd.DataFrame], countries: Mapping[str, str], out: IO[str]) -> int:
    count = 0
    for number, frame in enumerate(frames):
        acled_frame(frame, countries).to_csv(out, index=False, header=number == 0,
                                             quoting=csv.QUOTE_MINIMAL)
        count += len(frame)
    return count


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
        "actor1_country": names("actor_countries"),
        "actor2_country": names("recipient_countries"),
        "operations": frame["operations"],
        "injured": frame["injured"],
        "arrested": frame["arrested"],
        "url": frame["url"],
    })
    return out[list(ACLED_COLUMNS + EXTRA_COLUMNS)]


def write_parquet(frames: Iterable[pd.DataFrame], path: str) -> int:
    """The frames as one Parquet file, one row group per frame; the number of rows."""
    import pyarrow.parquet as pq

    count, writer = 0, None
    try:
        for frame in frames:
            table = arrow_table(frame)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
            count += len(frame)
    finally:
        if writer is not None:
            writer.close()
    return count


def arrow_table(frame: pd.DataFrame) -> Any:
    """A frame of the flat view as an Arrow table with real types (dates as dates)."""
    import pyarrow as pa

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
    return pa.Table.from_pandas(data, schema=schema, preserve_index=False)

