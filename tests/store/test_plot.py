"""The trend plot (marsad.store.plot): what is drawn, read back from the renderer.

The labels are checked as the renderer lays them out, glyph by glyph, not as code points: a
label is right when its glyphs, read from the right, are its letters' joined forms in order
(issue 13, item 10: with a matplotlib that shapes Arabic itself, reshaping it first drew every
word backwards).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date

import arabic_reshaper
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.textpath import TextToPath

from marsad.store.plot import labels, trend_figure
from marsad.store.queries import Filters


def _glyphs(text: str, prop: FontProperties) -> list[bytes]:
    """The outlines of the glyphs laid out for ``text``, left to right (blanks left out)."""
    font = get_font(findfont(prop))
    font.set_size(TextToPath.FONT_SCALE, TextToPath.DPI)
    info, outlines, _ = TextToPath().get_glyphs_with_font(font, text)
    placed = sorted(((x, outlines[glyph]) for glyph, x, _, _ in info), key=lambda p: p[0])
    return [verts.tobytes() + codes.tobytes() for _, (verts, codes) in placed if len(verts)]


def _right_to_left(label: str, prop: FontProperties) -> list[set[bytes]]:
    """The glyphs a right-to-left label shows, left to right: its letters' joined forms
    (arabic-reshaper's presentation forms, each laid out alone) from the last to the first.
    An isolated form may be drawn as its plain letter's glyph (a shaping engine does so), so
    either is right there."""
    forms = []
    for c in arabic_reshaper.reshape(label):
        kind, *letters = unicodedata.decomposition(c).split() or [""]
        plain = chr(int(letters[0], 16)) if kind == "<isolated>" and len(letters) == 1 else c
        glyphs = set(_glyphs(c, prop)) | set(_glyphs(plain, prop))
        if glyphs:
            forms.append(glyphs)
    return forms[::-1]


def _holds(drawn: list[bytes], expected: list[set[bytes]]) -> bool:
    """Whether the expected glyphs stand side by side somewhere in the drawn ones."""
    n = len(expected)
    return any(all(g in options for g, options in zip(drawn[i:i + n], expected))
               for i in range(len(drawn) - n + 1))


@pytest.fixture
def drawn(monkeypatch) -> Iterator[list[tuple[str, FontProperties]]]:
    """Every string the Agg renderer is asked to draw, with its font."""
    calls: list[tuple[str, FontProperties]] = []
    draw_text = RendererAgg.draw_text

    def record(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # type: ignore[no-untyped-def]
        calls.append((s, prop))
        return draw_text(self, gc, x, y, s, prop, angle, ismath, mtext)

    monkeypatch.setattr(RendererAgg, "draw_text", record)
    yield calls


def _render(frame, by="month", filters=None):  # type: ignore[no-untyped-def]
    fig = trend_figure(frame, by, filters=filters)
    FigureCanvasAgg(fig).draw()
    return fig


def test_every_arabic_label_is_drawn_right_to_left_with_joined_letters(reports_store, drawn):
    words = labels()
    _render(reports_store.trends(by="month"))
    expected = [words["count"], words["people"], words["periods"]["month"],
                words["title"].format(period=words["periods"]["month"]),
                *(words["series"][s] for s in ("events", "killed", "injured", "arrested"))]
    assert drawn
    prop = drawn[0][1]
    seen = [_glyphs(s, p) for s, p in drawn]
    for label in expected:
        wanted = _right_to_left(label, prop)
        assert any(len(g) == len(wanted) and _holds(g, wanted) for g in seen), \
            f"{label!r} is not drawn right to left"


def test_killed_injured_and_arrested_have_their_own_panel(reports_store):
    words = labels()["series"]
    fig = _render(reports_store.trends(by="month"))
    events, people = fig.axes
    assert len(events.patches) == 2                 # March and April
    lines = {line.get_label(): list(line.get_ydata()) for line in people.get_lines()}
    drawn = {label: lines[label] for label in lines if not label.startswith("_")}
    assert len(drawn) == 3 and not events.get_lines()
    frame = reports_store.trends(by="month")
    by_count = {tuple(v): k for k, v in drawn.items()}
    for column in ("killed", "injured", "arrested"):
        assert tuple(frame[column]) in by_count, column
    assert {words["killed"], words["injured"], words["arrested"]} \
        == {_logical(label) for label in drawn}


def _logical(label: str) -> str:
    """A label as marsad wrote it, whether or not it was reshaped for an older matplotlib."""
    from bidi import get_display

    from marsad.store.plot import renderer_lays_out

    if renderer_lays_out():
        return label
    return next(w for w in labels()["series"].values()
                if get_display(arabic_reshaper.reshape(w)) == label)


def test_the_title_names_the_filters(reports_store, drawn):
    words = labels()
    filters = Filters(types=("ASSAULT",), countries=("IRQ",), since=date(2025, 3, 1),
                      modalities=("asserted",))
    fig = _render(reports_store.trends(by="month", filters=filters), filters=filters)
    title = fig.get_suptitle()
    for value in ("ASSAULT", "IRQ", "2025-03-01", "asserted"):
        assert value in title
    prop = drawn[0][1]
    seen = [_glyphs(s, p) for s, p in drawn]
    # the date reads left to right inside the right-to-left line (not 01-03-2025)
    date_glyphs = [{g} for g in _glyphs("2025-03-01", prop)]
    assert any(_holds(g, date_glyphs) for g in seen)
    for name in ("types", "countries", "since", "modalities"):
        assert any(_holds(g, _right_to_left(words["filters"][name], prop)) for g in seen), name



def test_the_png_and_the_svg_are_written(reports_store, tmp_path):
    for suffix in ("png", "svg"):
        path = tmp_path / f"trend.{suffix}"
        reports_store.plot_trends(str(path), by="month", types=["ASSAULT"])
        assert path.stat().st_size > 1000
