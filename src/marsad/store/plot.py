"""Trend plots (PNG or SVG): events per period, and the people killed, injured and arrested.

Two panels share the periods: the events (bars) and operations above, the people killed,
injured and arrested below, on a scale of their own (a month with 300 killed would otherwise
flatten a line of 12 events onto the axis). The title says the period and names the filters of
the selection. The words are the language's (``labels`` table).

Arabic must be drawn with its letters joined and right to left. Matplotlib 3.11 and later lay
text out with libraqm, which does both; older versions draw the characters one by one, left to
right, in logical order. A label reshaped (arabic-reshaper) and reordered (python-bidi) for the
older kind comes out backwards from the newer, so the plot asks the installed matplotlib how it
draws one of the language's labels (:func:`renderer_lays_out`) and reshapes the labels itself
only where matplotlib does not. The text is drawn in DejaVu Sans, which has the joined forms.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from marsad.store.queries import Filters

PLOT_SUFFIXES = (".png", ".svg")
FONT = "DejaVu Sans"
#: a filter's value is set apart from the words around it (Unicode's first-strong isolate): in
#: a right-to-left line the bidirectional algorithm would otherwise read 2025-03-01 as three
#: Arabic numbers and draw it 01-03-2025
_ISOLATE, _POP = "\u2068", "\u2069"

#: the plotted columns and their colours, by panel; their labels are the language's
_EVENTS = (("events", "#1f5f8b"), ("operations", "#d08c2f"))
_PEOPLE = (("killed", "#a23b3b"), ("injured", "#d9822b"), ("arrested", "#5b6770"))


class PlotError(ValueError):
    pass


def labels() -> Mapping[str, Any]:
    """The plot's words (periods, series, axes, title, filters) from the coder's language."""
    from marsad.resources import load_resources

    language = load_resources().language
    assert language is not None
    return language.table("labels")


# -- drawing right-to-left text ----------------------------------------------------------------
def glyph_outlines(text: str) -> list[bytes]:
    """The outlines of the glyphs matplotlib lays out for ``text``, left to right (blank ones
    left out): what it draws, independent of how a version names its glyphs."""
    from matplotlib.font_manager import FontProperties, findfont, get_font
    from matplotlib.textpath import TextToPath

    font = get_font(findfont(FontProperties(family=FONT)))
    font.set_size(TextToPath.FONT_SCALE, TextToPath.DPI)
    info, outlines, _ = TextToPath().get_glyphs_with_font(font, text)
    placed = sorted(((x, outlines[glyph]) for glyph, x, _, _ in info), key=lambda p: p[0])
    return [verts.tobytes() + codes.tobytes() for _, (verts, codes) in placed if len(verts)]


def joined_forms(text: str) -> list[tuple[str, ...]]:
    """The letters of ``text`` in their joined forms, in logical order: arabic-reshaper's
    presentation forms, an isolated one with its plain letter beside it (a shaping engine
    draws the plain letter's glyph, which a font may draw apart from the presentation form's)."""
    import arabic_reshaper

    forms: list[tuple[str, ...]] = []
    for c in arabic_reshaper.reshape(text):
        kind, *letters = unicodedata.decomposition(c).split() or [""]
        isolated = kind == "<isolated>" and len(letters) == 1
        forms.append((c, chr(int(letters[0], 16))) if isolated else (c,))
    return forms


def reads_right_to_left(drawn: list[bytes], text: str) -> bool:
    """Whether glyphs laid out left to right (:func:`glyph_outlines`) show ``text`` right to
    left: its joined forms from the last letter to the first."""
    options = [found for found in ({g for c in alternatives for g in glyph_outlines(c)}
                                   for alternatives in joined_forms(text)) if found][::-1]
    return len(drawn) == len(options) and all(g in o for g, o in zip(drawn, options))


@cache
def renderer_lays_out() -> bool:
    """Whether the installed matplotlib joins and orders right-to-left text itself: it draws
    one of the language's labels as that label's joined letter forms, the first rightmost."""
    probe = str(labels()["count"])
    return reads_right_to_left(glyph_outlines(probe), probe)


def display(text: str) -> str:
    """``text`` as matplotlib must be given it to draw it right: as it is where matplotlib lays
    out right-to-left text itself, else in joined forms and visual order, line by line."""
    if renderer_lays_out():
        return text
    import arabic_reshaper
    from bidi import get_display

    lines = (get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))
    # in visual order the isolates have done their work; a plain renderer would draw them
    return "\n".join(lines).replace(_ISOLATE, "").replace(_POP, "")


# -- the words ---------------------------------------------------------------------------------
def _period_word(by: str) -> str:
    return str(labels()["periods"].get(by, by))


def default_title(by: str) -> str:
    return str(labels()["title"]).format(period=_period_word(by))


def describe_filters(filters: Filters | None) -> str:
    """The filters of a selection in the language's words (``النوع: ASSAULT، البلد: IRQ``)."""
    if filters is None:
        return ""
    words = labels()
    names, separator = words["filters"], str(words["separator"])
    parts = []
    for field in dataclasses.fields(filters):
        value = getattr(filters, field.name)
        if value is None or value == ():
            continue
        shown = separator.join(map(str, value)) if isinstance(value, tuple) \
            else value.isoformat() if isinstance(value, date) else str(value)
        parts.append(f"{names.get(field.name, field.name)}: {_ISOLATE}{shown}{_POP}")
    return separator.join(parts)


# -- the figure --------------------------------------------------------------------------------
def trend_figure(frame: pd.DataFrame, by: str, title: str | None = None,
                 filters: Filters | None = None) -> Figure:
    """The two panels of a trend frame (``Store.trends``), titled, with their legends."""
    import matplotlib

    with matplotlib.rc_context({"font.family": FONT}):
        return _draw(frame, by, title or default_title(by), describe_filters(filters))


def _draw(frame: pd.DataFrame, by: str, title: str, filters: str) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    words = labels()
    series = words["series"]
    fig = Figure(figsize=(max(6.5, 0.45 * len(frame) + 2), 6.4))
    events, people = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    x = list(range(len(frame)))
    (column, colour), (other, other_colour) = _EVENTS
    events.bar(x, frame[column], color=colour, label=display(series[column]))
    if len(frame) and (frame[other] != frame[column]).any() and frame[other].any():
        events.plot(x, frame[other], marker="o", color=other_colour, label=display(series[other]))
    for column, colour in _PEOPLE:
        people.plot(x, frame[column], marker="o", color=colour, label=display(series[column]))
    events.set_ylabel(display(words["count"]))
    people.set_ylabel(display(words["people"]))
    people.set_xlabel(display(_period_word(by)))
    tilted = len(frame) > 6
    people.set_xticks(x, list(frame["period"]), rotation=45 if tilted else 0,
                      ha="right" if tilted else "center")
    for ax in (events, people):
        ax.legend(loc="best")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    events.set_ylim(bottom=0)
    # a line of zeros (no one injured) stays visible above the axis
    people.set_ylim(bottom=-0.04 * max(1, *(frame[c].max() for c, _ in _PEOPLE if len(frame))))
    fig.suptitle(display("\n".join(line for line in (title, filters) if line)))
    fig.tight_layout()
    return fig


def plot_trends(frame: pd.DataFrame, path: str, by: str, title: str | None = None,
                filters: Filters | None = None) -> None:
    if not path.lower().endswith(PLOT_SUFFIXES):
        raise PlotError(f"{path}: the plot is written as .png or .svg")
    import matplotlib

    figure = trend_figure(frame, by, title, filters)
    with matplotlib.rc_context({"svg.fonttype": "path"}):
        figure.savefig(path)
