"""Exports: JSONL records, ACLED-style CSV, typed Parquet."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from marsad.store.export import ACLED_COLUMNS


def test_parquet_has_as_many_rows_as_the_query_and_real_types(reports_store, tmp_path):
    path = tmp_path / "events.parquet"
    assert reports_store.export(str(path), "parquet") == len(reports_store.query()) == 7
    table = pq.read_table(path)
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("killed").type == pa.int64()
    assert table.schema.field("lat").type == pa.float64()
    assert len(pd.read_parquet(path)) == 7
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{path}' WHERE event_type = 'ASSAULT'").fetchone()[0] == 2


def test_csv_has_acled_columns_and_opens_in_pandas(reports_store, tmp_path):
    path = tmp_path / "events.csv"
    reports_store.export(str(path), "csv", types=["ASSAULT"])
    frame = pd.read_csv(path)
    assert tuple(frame.columns[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    row = frame.sort_values("fatalities").iloc[0]
    assert (row["event_date"], row["event_type"], row["sub_event_type"], row["country"],
            row["admin1"], row["location"], row["fatalities"]) == \
        ("2025-03-01", "ASSAULT", "aerial", "Iraq", "Duhok", "Dihok", 5)
    assert "دهوك" in row["notes"]


def test_jsonl_export_is_contract_records(reports_store, tmp_path):
    path = tmp_path / "events.jsonl"
    assert reports_store.export(str(path), "jsonl", modalities=["future"]) == 1
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["event_type"] == "CONSULT" and record["modality"] == "future"
    assert {"event_id", "actor", "recipient", "location", "time", "evidence", "coder"} <= set(record)


def test_an_export_read_one_event_at_a_time_is_the_same_file(reports_store, tmp_path,
                                                             monkeypatch):
    """The export reads the flat rows a block of keys at a time; the block's size changes
    nothing in what is written (rows, order, columns, types)."""
    from marsad.store import backends

    whole = {}
    for fmt in ("csv", "jsonl", "parquet"):
        whole[fmt] = tmp_path / f"whole.{fmt}"
        assert reports_store.export(str(whole[fmt]), fmt) == 7
    monkeypatch.setattr(backends, "KEY_BLOCK", 1)
    for fmt in ("csv", "jsonl", "parquet"):
        path = tmp_path / f"blocks.{fmt}"
        assert reports_store.export(str(path), fmt) == 7
        if fmt == "parquet":
            assert pq.read_table(path).equals(pq.read_table(whole[fmt]))
            assert pq.ParquetFile(path).num_row_groups == 7
        else:
            assert path.read_text(encoding="utf-8") == whole[fmt].read_text(encoding="utf-8")
