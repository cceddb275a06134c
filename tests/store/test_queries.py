"""Filters over stored events, from Python."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("criteria, expected", [
    ({"types": ["assault"]}, {"alpha-0301", "beta-0302"}),
    ({"modes": ["arrest"]}, {"alpha-0410"}),
    ({"actors": ["SAU"]}, {"gamma-0412"}),
    ({"actors": ["irq.police"]}, set()),                      # an id that is not there
    ({"recipients": ["SYR"]}, {"gamma-0412", "beta-0411"}),
    ({"countries": ["سوريا"]}, {"beta-0411"}),               # Arabic name of the place's country
    ({"countries": ["Iraq"], "types": ["PROTEST"]}, {"gamma-0320"}),
    ({"admin1": ["Nineveh"]}, {"alpha-0410"}),
    ({"since": "2025-04-11", "until": "2025-04-12"}, {"gamma-0412"}),
    ({"modalities": ["future"]}, {"beta-0411"}),
    ({"sources": ["beta"], "types": ["ASSAULT"]}, {"beta-0302"}),
])
def test_query_filters(reports_store, criteria, expected):
    assert set(reports_store.query(**criteria)["article_id"]) == expected


def test_actor_filter_takes_a_dictionary_id(reports_store):
    police = reports_store.query(modes=["arrest"])["actor_ids"].iloc[0]
    assert set(reports_store.query(actors=[police])["article_id"]) == {"alpha-0410"}


def test_text_search_ignores_diacritics_and_spelling_variants(reports_store):
    # الشُّرطة with diacritics and إ/ا variants finds the evidence "اعتقلت الشرطة العراقية"
    found = reports_store.query(text="اِعتقلت الشُّرطة")
    assert set(found["article_id"]) == {"alpha-0410"}


def test_query_rows_come_in_date_order_with_typed_columns(reports_store):
    frame = reports_store.query()
    assert list(frame["event_date"]) == sorted(frame["event_date"])
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert str(frame["killed"].dtype) == "Int64"


def test_records_are_the_coder_records(reports_store, coder):
    from marsad.reading.article import Article

    stored = list(reports_store.records(articles=["alpha-0410"]))
    article = Article.from_mapping({"id": "alpha-0410", "date": "2025-04-10", "source": "alpha",
                                    "title": "اعتقالات في الموصل",
                                    "text": "اعتقلت الشرطة العراقية اليوم 12 شخصا يشتبه في انتمائهم"
                                            " إلى تنظيم داعش في مدينة الموصل."})
    assert stored == [e.to_dict() for e in coder.code(article)]
