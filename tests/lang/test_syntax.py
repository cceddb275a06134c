"""The Arabic word-structure rules the role and modality stages read (Language.syntax)."""

import pytest

from marsad.lang.ar.syntax import SYNTAX


@pytest.mark.parametrize("token, with_article, preposition", [
    ("بجهود", True, "ب"),       # أشاد بجهود قطر
    ("لصالح", True, "ل"),       # لصالح إيران
    ("بالعراق", True, "ب"),
    ("بالعراق", False, None),   # the article after ب: not counted where the rule says so
    ("بين", True, None),        # three letters: too short to carry one
    ("قصف", True, None),
])
def test_a_preposition_fused_to_a_head_noun(token, with_article, preposition):
    assert SYNTAX.preposition_proclitic(token, with_article) == preposition


def test_words_with_conjunction_are_the_tokens_the_bare_form_reads():
    forms = SYNTAX.with_conjunction(frozenset({"بحسب", "ان"}))
    assert forms == {"بحسب", "وبحسب", "فبحسب", "ان", "وان", "فان"}
    assert SYNTAX.with_conjunction(frozenset({"ل"})) == {"ل"}   # one letter: never stripped


@pytest.mark.parametrize("prefix, future", [("س", True), ("وس", True), ("و", False), ("", False)])
def test_the_future_prefix(prefix, future):
    assert SYNTAX.marks_future(prefix) is future


@pytest.mark.parametrize("core, prefix, suffix, doubles", [
    ("طلب", "", "", True),      # طلب: the verb or its verbal noun
    ("طلب", "و", "", False),    # وطلب: a conjunction opens a clause, the verb
    ("طلب", "", "ه", False),    # طلبه
    ("هاجم", "", "", False),
])
def test_a_bare_three_letter_past_form_doubles_as_its_verbal_noun(core, prefix, suffix, doubles):
    assert SYNTAX.doubles_as_noun(core, prefix, suffix) is doubles


@pytest.mark.parametrize("written, passive", [
    ("قُتل", True),       # he was killed
    ("وقُتل", True),      # a conjunction in front
    ("وَقُتلوا", True),   # the conjunction with its own vowel
    ("فأُصيب", True),     # form IV: أُصيب
    ("اُعتقل", True),     # form VIII
    ("وُجد", True),       # و of the root, not a conjunction: وُجد, it was found
    ("قَتل", False),      # the active, voweled
    ("قتل", False),       # unvoweled: the voice is not written
    ("أَطلق", False),
    ("وجد", False),
])
def test_a_past_verb_written_with_the_damma_on_its_first_letter_is_passive(written, passive):
    assert SYNTAX.marks_passive(written) is passive
