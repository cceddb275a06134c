"""Counts per period: clusters or mentions, operations and casualties, asserted by default."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.reading.article import Article


def _rows(frame):
    return {r["period"]: r for r in frame.to_dict("records")}


def test_monthly_trend_counts_clusters_once(reports_store):
    rows = _rows(reports_store.trends(by="month"))
    # March: the Dohuk strikes reported twice (one cluster), the protest and the demand
    assert (rows["2025-03"]["events"], rows["2025-03"]["mentions"]) == (3, 4)
    # the largest figure any report of the strikes gives
    assert rows["2025-03"]["killed"] == 7
    # April: arrests and aid; the expected visit is not asserted
    assert rows["2025-04"]["events"] == 2
    assert rows["2025-04"]["arrested"] == 12


def test_mentions_count_every_report(reports_store):
    rows = _rows(reports_store.trends(by="month", mentions=True, types=["ASSAULT"]))
    assert rows["2025-03"]["events"] == 2
    assert rows["2025-03"]["killed"] == 12


def test_other_modalities_count_only_when_asked(reports_store):
    rows = _rows(reports_store.trends(by="month", modalities=["asserted", "future"]))
    assert rows["2025-04"]["events"] == 3


def test_quiet_periods_are_zero_rows(reports_store):
    frame = reports_store.trends(by="week", countries=["IRQ"])
    assert frame["period"].iloc[0] == "2025-W09"
    assert frame["period"].iloc[-1] == "2025-W15"
    assert len(frame) == 7
    assert (frame["events"] == 0).sum() == 4


def test_operations_use_the_count_of_actions(store):
    text = ("قالت القيادة المركزية الأميركية إنها نفذت الشهر الماضي أكثر من 30 عملية ضد تنظيم "
            "داعش في سوريا.")
    store.ingest([Article("ops", text, "", date(2025, 11, 20))], jobs=1)
    rows = _rows(store.trends(by="month", types=["ASSAULT"]))
    assert rows["2025-10"]["operations"] == 30


@pytest.mark.parametrize("by, label", [("day", "2025-03-01"), ("week", "2025-W09"),
                                       ("month", "2025-03"), ("year", "2025")])
def test_period_labels(reports_store, by, label):
    assert reports_store.trends(by=by)["period"].iloc[0] == label


@pytest.mark.shared
def test_seed_month_trend_has_october(shared, store):
    store.ingest([str(shared / "seed")], date="2025-11-20", jobs=1)
    rows = _rows(store.trends(by="month", types=["ASSAULT"], countries=["SYR"]))
    assert rows["2025-10"]["operations"] == 22


def test_each_strike_of_a_two_strike_article_counts_its_dead_once(tmp_path):
    """A casualty figure belongs to one event: each strike keeps its own dead, and a sentence
    that totals them does not add them again (issue 12: one strike counted 52 dead)."""
    from marsad import Store

    text = ("قصفت الطائرات السعودية مدينة صعدة اليمنية أمس، ما أسفر عن مقتل 12 مدنيا.\n"
            "وقصفت الطائرات السعودية مدينة حجة، ما أدى إلى مقتل 8 أشخاص.\n"
            "وأعلن الجيش اليمني أن 20 شخصا قتلوا في الغارتين.")
    with Store(str(tmp_path / "events.duckdb")) as store:
        store.ingest([Article("two-strikes", text, "", date(2025, 3, 14))], jobs=1)
        rows = _rows(store.trends(by="month", types=["ASSAULT"]))
    assert rows["2025-03"]["killed"] == 12 + 8
