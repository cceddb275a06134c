"""The store is handed its coder (an executor) and its names; it imports neither."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from marsad.store import StoreError
from marsad.store.store import Store as StoreCore

REPORTS = Path(__file__).parent / "data" / "reports.jsonl"

_STORE_ONLY = textwrap.dedent("""
    import json, sys
    from types import SimpleNamespace
    from marsad.store.store import Store

    class Stub:
        '''An executor that codes every article into one fixed record.'''
        versions = ("stub-coder", "stub-resources")

        def code(self, articles, render=False):
            for a in articles:
                record = {"event_id": a.id + "-e", "event_type": "PROTEST",
                          "location": {"geonames_id": 1, "country": "IRQ", "admin1": "01"}}
                yield SimpleNamespace(article_id=a.id, error=None, lines=(json.dumps(record),))

    store = Store(sys.argv[1])
    stats = store.ingest([sys.argv[2]], executor=Stub())
    store.export(sys.argv[1] + ".csv", "csv", countries=["irq"])
    rows = store.backend.fetch("SELECT coder_version, resources_version FROM articles")[1]
    forbidden = sorted(m for m in sys.modules if m.split(".")[:2] in (
        ["marsad", "coder"], ["marsad", "run"], ["marsad", "resources"], ["marsad", "annotate"],
        ["marsad", "events"]))
    print(json.dumps({"new": stats.new, "versions": sorted(set(map(tuple, rows))),
                      "forbidden": forbidden}))
""")


def test_the_store_codes_with_what_it_is_handed_and_imports_no_coder(tmp_path):
    out = subprocess.run([sys.executable, "-c", _STORE_ONLY, str(tmp_path / "s.duckdb"),
                          str(REPORTS)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result == {"new": 6, "versions": [["stub-coder", "stub-resources"]], "forbidden": []}


def test_a_store_handed_no_executor_says_what_to_pass(tmp_path):
    with StoreCore(str(tmp_path / "s.duckdb")) as store, \
            pytest.raises(StoreError, match="executor="):
        store.ingest([str(REPORTS)])


def test_marsad_store_takes_an_executor_of_ones_own(tmp_path, coder):
    import marsad
    from marsad.run import SerialExecutor

    with marsad.Store(str(tmp_path / "s.duckdb")) as store:
        stats = store.ingest([str(REPORTS)], executor=SerialExecutor(coder))
        assert (stats.new, stats.events) == (6, 7)
        row = store.query(countries=["العراق"], articles=["alpha-0410"]).iloc[0]
        assert (row["event_type"], row["country"]) == ("COERCE", "IRQ")
