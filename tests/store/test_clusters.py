"""Cross-article deduplication."""

from __future__ import annotations

from datetime import date

from marsad.store.clusters import DEFAULT_WINDOW_DAYS, Mention, cluster_mentions


def _mention(event_id, article, day, actors=("TUR",), recipients=("TUR",), country="IRQ",
             admin1="08", gid=95446, precision="city", source=None, granularity="day"):
    return Mention(event_id, article, source or article, "ASSAULT", "asserted", day, granularity,
                   frozenset(actors), frozenset(recipients), country, admin1, gid, precision)


def _groups(mentions, window=DEFAULT_WINDOW_DAYS):
    return sorted(sorted(m.event_id for m in c.members) for c in cluster_mentions(mentions, window))


def test_reports_of_one_strike_from_two_outlets_cluster(reports_store):
    clusters = reports_store.clusters(min_sources=2)
    assert len(clusters) == 1
    row = clusters.iloc[0]
    assert (row["event_type"], row["n_mentions"], row["n_sources"]) == ("ASSAULT", 2, 2)


def test_days_apart_within_the_window_cluster_and_beyond_do_not():
    a = _mention("a", "art1", date(2025, 3, 1))
    b = _mention("b", "art2", date(2025, 3, 3))
    c = _mention("c", "art3", date(2025, 3, 5))
    assert _groups([a, b, c]) == [["a", "b"], ["c"]]


def test_different_cities_or_countries_are_different_events():
    a = _mention("a", "art1", date(2025, 3, 1))
    b = _mention("b", "art2", date(2025, 3, 1), gid=99532, admin1="15")
    c = _mention("c", "art3", date(2025, 3, 1), country="SYR", admin1=None, gid=163843,
                 precision="country")
    assert _groups([a, b, c]) == [["a"], ["b"], ["c"]]


def test_a_country_level_report_joins_a_city_level_one():
    a = _mention("a", "art1", date(2025, 3, 1))
    b = _mention("b", "art2", date(2025, 3, 1), admin1=None, gid=99237, precision="country")
    assert _groups([a, b]) == [["a", "b"]]


def test_unknown_parties_are_compatible_but_different_ones_are_not():
    a = _mention("a", "art1", date(2025, 3, 1))
    b = _mention("b", "art2", date(2025, 3, 1), actors=())
    c = _mention("c", "art3", date(2025, 3, 1), actors=("IRN",))
    assert _groups([a, b, c]) == [["a", "b"], ["c"]]


def test_two_events_of_one_article_never_merge():
    a = _mention("a", "art1", date(2025, 3, 1))
    b = _mention("b", "art1", date(2025, 3, 1))
    assert _groups([a, b]) == [["a"], ["b"]]


def test_a_month_summary_does_not_join_a_day_report():
    a = _mention("a", "art1", date(2025, 3, 1), granularity="month")
    b = _mention("b", "art2", date(2025, 3, 1))
    assert _groups([a, b]) == [["a"], ["b"]]


def test_clusters_do_not_depend_on_input_order():
    ms = [_mention(str(i), f"art{i}", date(2025, 3, 1 + i % 4), actors=(("TUR",), ())[i % 2])
          for i in range(12)]
    assert _groups(ms) == _groups(list(reversed(ms)))
