"""Parallel coding keeps input order and survives a worker that dies."""

import os

from marsad.parallel import Outcome, code_in_order, code_one
from marsad.reading.article import Article

TEXTS = ["اعتقلت الشرطة العراقية ثلاثة مسلحين.", "قصفت الطائرات الروسية مواقع في إدلب.",
         "التقى وزير الخارجية المصري نظيره الأردني."]


def _articles(n):
    return [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)]) for i in range(n)]


def die_on_a7(article: Article) -> Outcome:
    if article.id == "a7":
        os._exit(3)  # the worker process dies, as an out-of-memory kill would end it
    return code_one(article)


def test_two_jobs_keep_input_order_and_code_like_one():
    serial = [(o.article_id, [e.event_type for e in o.events]) for o in code_in_order(_articles(40), 1)]
    parallel = [(o.article_id, [e.event_type for e in o.events])
                for o in code_in_order(_articles(40), 2, chunksize=3)]
    assert parallel == serial


def test_rendered_outcomes_are_the_json_records():
    import json

    [outcome] = list(code_in_order(_articles(1), 2, rendered=True))
    assert outcome.lines and json.loads(outcome.lines[0])["event_type"] == "COERCE"


def test_a_dying_worker_loses_only_its_article():
    outcomes = list(code_in_order(_articles(30), 2, chunksize=4, task=die_on_a7))
    assert [o.article_id for o in outcomes] == [f"a{i}" for i in range(30)]
    failed = [o.article_id for o in outcomes if o.error]
    assert failed == ["a7"]
    assert all(o.events for o in outcomes if o.article_id == "a8")
