"""Trend plots (PNG or SVG) with Arabic labels that read right.

Matplotlib draws characters one by one in logical order and knows neither Arabic joining nor
the bidirectional algorithm, so an Arabic label would come out as separate letters running
left to right. Each label is reshaped into its joined presentation forms (arabic-reshaper) and
put into visual order (python-bidi) before it is drawn, in DejaVu Sans, which has those forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PLOT_SUFFIXES = (".png", ".svg")

_PERIOD_WORDS = {"day": "اليوم", "week": "الأسبوع", "month": "الشهر", "year": "السنة"}
_SERIES = (("events", "الأحداث", "#1f5f8b"), ("operations", "العمليات", "#d08c2f"),
           ("killed", "القتلى", "#a23b3b"))


class PlotError(ValueError):
    pass


def shape_arabic(text: str) -> str:
    """``text`` in the visual order and joined letter forms a left-to-right renderer needs."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def default_title(by: str) -> str:
    return f"عدد الأحداث حسب {_PERIOD_WORDS.get(by, by)}"


def plot_trends(frame: pd.DataFrame, path: str, by: str, title: str | None = None) -> None:
    if not path.lower().endswith(PLOT_SUFFIXES):
        raise PlotError(f"{path}: the plot is written as .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = "DejaVu Sans"
    plt.rcParams["svg.fonttype"] = "path"
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(frame) + 2), 4.2))
    try:
        x = list(range(len(frame)))
        ax.bar(x, frame["events"], color=_SERIES[0][2], label=shape_arabic(_SERIES[0][1]))
        for column, label, colour in _SERIES[1:]:
            if len(frame) and (frame[column] != frame["events"]).any() and frame[column].any():
                ax.plot(x, frame[column], marker="o", color=colour, label=shape_arabic(label))
        ax.set_xticks(x, list(frame["period"]), rotation=45 if len(frame) > 6 else 0, ha="right"
                      if len(frame) > 6 else "center")
        ax.set_title(shape_arabic(title or default_title(by)))
        ax.set_xlabel(shape_arabic(_PERIOD_WORDS.get(by, by)))
        ax.set_ylabel(shape_arabic("العدد"))
        ax.legend()
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
