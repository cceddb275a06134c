"""Sentences and tokens (marsad.annotate.segment): a run-on sentence is cut into pieces of at
most ``MAX_SENTENCE_TOKENS`` tokens, so every per-sentence scan of the later stages is bounded
and the work per article grows with its length, not its square (issue 13, item 7)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from marsad.annotate.segment import MAX_SENTENCE_TOKENS
from marsad.reading.article import Article


@cache
def _real_sentences(shared) -> tuple[str, ...]:
    """Sentences of real SaudiNewsNet articles, without their full stop."""
    from marsad.reading.sources import read_articles

    zips = sorted((shared / "corpus" / "saudinewsnet").glob("*.zip"))[:1]
    found: list[str] = []
    for article in read_articles([str(z) for z in zips], lambda issue: None):
        for s in re.split(r"(?<=[.!؟])\s+", article.text):
            s = s.strip().rstrip(".!؟ ")
            if 40 < len(s) < 400 and "\n" not in s and "." not in s:
                found.append(s)
        if len(found) > 2000:
            break
    return tuple(found)


def _joined(sentences: tuple[str, ...], joiner: str, chars: int) -> str:
    out: list[str] = []
    size = 0
    for s in sentences:
        if size >= chars:
            break
        out.append(s)
        size += len(s) + len(joiner)
    return joiner.join(out)


def _article(sentences: tuple[str, ...], chars: int) -> str:
    """A long article of real sentences, five to a paragraph."""
    text = _joined(sentences, ". ", chars)
    return re.sub(r"((?:[^.]*\. ){5})", lambda m: m.group(1).rstrip() + "\n", text)


def _process(coder, text: str):
    return coder.process(Article.from_mapping({"id": "long", "text": text, "date": "2015-07-21"}))


@pytest.mark.shared
@pytest.mark.parametrize("joiner", ["، ", " و"])
def test_a_run_on_sentence_is_cut_into_capped_pieces(coder, shared, joiner):
    text = _joined(_real_sentences(shared), joiner, 60_000)
    doc = _process(coder, text)
    sizes = [s.tok_hi - s.tok_lo for s in doc.sentences]
    assert len(text) >= 60_000 and sum(sizes) == len(doc.tokens) > 3 * MAX_SENTENCE_TOKENS
    assert len(sizes) > 3 and max(sizes) <= MAX_SENTENCE_TOKENS
    for i, (s, t) in enumerate(zip(doc.sentences, doc.sentences[1:])):
        assert s.index == i and s.tok_hi == t.tok_lo and s.end <= t.start and s.nend <= t.nstart
    for s in doc.sentences[1:-1]:
        # the pieces inside run from their first token's start to their last token's end
        assert (s.nstart, s.nend) == (doc.token_starts[s.tok_lo], doc.token_ends[s.tok_hi - 1])
        assert doc.norm.span_to_original(s.nstart, s.nend) == (s.start, s.end)
    if joiner == "، ":
        # with clause punctuation in reach, a piece ends after it
        assert all(doc.tokens[s.tok_hi - 1] == "," for s in doc.sentences[:-1])


@pytest.mark.shared
def test_the_sentences_of_real_articles_are_not_cut(coder, shared):
    from marsad.reading.sources import read_articles

    zips = sorted((shared / "corpus" / "saudinewsnet").glob("*.zip"))[:1]
    longest = 0
    for article in read_articles([str(z) for z in zips], lambda issue: None):
        if article.language != coder.language.code:
            continue
        doc = coder.process(article)
        spans = coder.language.split_sentences(doc.norm.folded, doc.body_start,
                                               doc.dateline.end if doc.dateline else 0)
        assert [(s.start, s.end) for s in doc.sentences] == [(s.start, s.end) for s in spans]
        longest = max([longest] + [s.tok_hi - s.tok_lo for s in doc.sentences])
    assert 200 < longest < MAX_SENTENCE_TOKENS


def _lines_run(run: Callable[[], object]) -> int:
    """Lines of marsad's code executed by ``run``: a count of work that does not depend on the
    machine's speed (a timing test would)."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        count += 1
        return local

    def enter(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if "/marsad/" in frame.f_code.co_filename else None

    sys.settrace(enter)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _work_ratio(coder, shared, shape: str, joiner: str) -> float:
    """The lines run coding the text twice over against once."""
    sentences = _real_sentences(shared)
    text = _article(sentences, 40_000) if shape == "article" else _joined(sentences, joiner, 40_000)
    once, twice = (Article.from_mapping({"id": "long", "text": t, "date": "2015-07-21"})
                   for t in (text, text + joiner + text))
    coder.code(once)     # the caches (the lexicon's word memo) hold every word now
    small, large = (_lines_run(lambda a=a: coder.code(a)) for a in (once, twice))
    return large / small


# the .py sources' ratio, where this venv runs the compiled pipeline (its lines are not traced)
_SOURCES_RATIO = """
import pathlib, runpy, sys
import marsad
assert marsad.RUNS_AS == "python", marsad.RUNS_AS
test = runpy.run_path(sys.argv[1])
print(test["_work_ratio"](marsad.Coder(), pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4]))
"""


@pytest.mark.shared
@pytest.mark.parametrize("shape, joiner", [("article", "\n"), ("run-on", "، "), ("run-on", " و")])
def test_the_work_per_article_grows_linearly(coder, shared, shape, joiner):
    """The text twice over (one run-on sentence twice as long) takes twice the work: lines of
    code executed, not seconds."""
    import marsad

    if marsad.RUNS_AS != "compiled":
        ratio = _work_ratio(coder, shared, shape, joiner)
    else:
        src = Path(__file__).resolve().parents[2] / "src"
        child = subprocess.run([sys.executable, "-c", _SOURCES_RATIO, __file__, str(shared), shape,
                                joiner], env={**os.environ, "PYTHONPATH": str(src)},
                               capture_output=True, text=True, timeout=600)
        assert child.returncode == 0, child.stderr
        ratio = float(child.stdout)
    assert 1.9 < ratio < 2.2
