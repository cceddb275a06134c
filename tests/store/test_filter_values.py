"""Filters that can select nothing are refused, and a limit of 0 is no row (issue 13, items 11
and 12), on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.store import Filters


def test_filters_that_select_nothing_are_refused():
    with pytest.raises(ValueError, match="maybe"):
        Filters(modalities=("maybe",))
    with pytest.raises(ValueError, match="after"):
        Filters(since=date(2025, 5, 1), until=date(2025, 3, 1))
    with pytest.raises(ValueError, match="between 0 and 1"):
        Filters(min_confidence=1.5)
    assert Filters(modalities=("Asserted",), since=date(2025, 3, 1), until=date(2025, 3, 1))


def test_limit_zero_is_no_row_and_a_negative_limit_is_refused(reports_store):
    assert len(reports_store.query(limit=0)) == 0
    assert list(reports_store.records(limit=0)) == []
    assert len(reports_store.query(limit=2)) == 2 and len(reports_store.query()) == 7
    with pytest.raises(ValueError, match="negative"):
        reports_store.query(limit=-5)


def test_stored_values_name_what_a_filter_can_find(reports_store):
    assert "ASSAULT" in reports_store.stored_values("event_type")
    assert "aerial" in reports_store.stored_values("mode")
    assert "IRQ" in reports_store.stored_values("country")
    assert {"pkk", "irq.cop"} <= reports_store.stored_values("actor_id")
    assert "TUR" in reports_store.stored_values("code")
    with pytest.raises(ValueError):
        reports_store.stored_values("text; DROP TABLE events")
