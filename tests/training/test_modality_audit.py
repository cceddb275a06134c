"""scripts/modality_audit.py: the classes where the news period and background meet."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("modality_audit",
                                                  ROOT / "scripts" / "modality_audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_pluperfect_dated_weeks_back_is_listed() -> None:
    sentence = "وكان الكرواتي يعمل عند خطفه في 22 يوليو لدى شركة فرنسية."
    before = sentence[:sentence.index("خطفه")]
    assert _script().flags(sentence, before, "2015-07-22", "2015-08-07") == "KD"


def test_a_relative_clause_and_a_deed_after_baada_are_listed_but_the_plain_news_is_not() -> None:
    script = _script()
    relative = "أعربت الحكومة عن شجبها للعمل الإرهابي الذي استهدف مسجد قوات الطوارئ بعسير."
    after = "سيطرت المقاومة على الحوطة بعد معارك عنيفة مع الحوثيين."
    news = "قتل ثلاثة مدنيين أمس بعد تجدد المعارك في شرق أوكرانيا."
    assert script.flags(relative, relative[:relative.index("استهدف")], None, "2015-08-08") == "R"
    assert script.flags(after, after[:after.index("معارك")], None, "2015-08-06") == "B"
    assert script.flags(news, "", "2015-07-20", "2015-07-21") == ""
