"""Property-based tests: whatever text comes in, the text layer and the coder do not raise,
offsets stay inside the text, and every span's text is the original slice."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.lang.ar.normalize import normalize
from marsad.reading.article import Article

ARABIC_BITS = ["داعش", "القوات", "الأمريكية", "هاجم", "اعتقلت", "«", "»", "،", "؟", ".", "\u0640",
               "\u064e", "\u200f", "٢٠١٥", "ﻻ", " ", "\n", "و", "لل", "ة", "أن", "قال", "ضد"]
arabicish = st.lists(st.one_of(st.sampled_from(ARABIC_BITS), st.text(max_size=5)), max_size=80).map("".join)
weird = st.one_of(
    st.text(max_size=300),
    arabicish,
    st.builds(lambda c, n: c * n, st.sampled_from([".", "!", "؟", "«", "-", "ـ", "\u064b"]),
              st.integers(1, 3000)),
    st.builds(lambda w, n: w * n, st.sampled_from(["داعش", "a", "٣"]), st.integers(1, 2000)),
)


@given(arabicish | st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_every_normalized_index_maps_inside_the_original(text):
    norm = normalize(text)
    for i in range(len(norm.text)):
        start, end = norm.span_to_original(i, i + 1)
        assert 0 <= start < end <= len(text)


@given(weird)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_coder_never_raises_and_spans_are_original_slices(coder, text):
    if not text.strip():
        return
    article = Article(id="h", text=text, title="")
    for event in coder.code(article):
        for entity in event.actor + event.recipient:
            assert 0 <= entity.start <= entity.end <= len(text)
            assert text[entity.start:entity.end] == entity.text
        for ev in event.evidence:
            trig = ev.trigger
            assert text[trig.start:trig.end] == trig.text


@pytest.mark.shared
def test_a_fixed_sample_of_real_articles_codes_without_error(coder, shared):
    from marsad.reading.sources import read_articles

    issues = []
    zips = sorted((shared / "corpus" / "saudinewsnet").glob("*.zip"))[:2]
    coded = spans = 0
    for i, article in enumerate(read_articles([str(z) for z in zips], issues.append)):
        if i % 10:
            continue
        for event in coder.code(article):
            for ev in event.evidence:
                source = article.title if ev.field == "title" else article.text
                assert source[ev.trigger.start:ev.trigger.end] == ev.trigger.text
                spans += 1
        coded += 1
    assert coded > 400 and spans > 100
