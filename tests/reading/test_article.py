"""The article as a Python caller builds it."""

from datetime import date, datetime

import pytest

from marsad.reading.article import Article, ArticleError


def test_a_date_given_as_iso_text_or_datetime_is_the_publication_day():
    text = "قصفت طائرات حربية مدينة حلب أمس."
    assert Article(id="a", text=text, date="2015-08-01").date == date(2015, 8, 1)
    assert Article(id="a", text=text, date=datetime(2015, 8, 1, 14, 30)).date == date(2015, 8, 1)
    with pytest.raises(ArticleError, match="not an ISO date"):
        Article(id="a", text=text, date="أمس")
