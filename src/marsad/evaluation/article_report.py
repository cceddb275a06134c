"""The article scores as ``marsad evaluate`` shows them: one JSON object, a table, an error list.

The JSON object's keys are fixed (a figure that is not defined, such as a share over nothing,
is 0.0), so that scripts can compare runs::

    {"format": "article", "articles": 95, "quiet_articles": 20,
     "loose": COUNTS, "strict": COUNTS, "per_type": {"ASSAULT": {"loose": COUNTS, "strict": COUNTS}},
     "roles": {"matches": n, "actor_agree": n, "actor_share": x, "recipient_agree": n, ...},
     "place": {"agree": n, "both": n, "share": x}, "date": {...},
     "quiet": {"articles": n, "false_alarms": n, "articles_with_false_alarms": n},
     "modality": {GOLD: {PREDICTED: n}}}

where COUNTS is ``{"precision", "recall", "f1", "tp", "fp", "fn"}``.
"""

from __future__ import annotations

from typing import Any

from marsad.evaluation.articles import MODALITIES, ArticleScores, TypeScores


def _share(n: int, of: int) -> float:
    return round(n / of, 4) if of else 0.0


def _agreement(agree: int, both: int) -> dict[str, Any]:
    return {"agree": agree, "both": both, "share": _share(agree, both)}


def to_dict(scores: ArticleScores) -> dict[str, Any]:
    matches = scores.overall.loose.tp
    return {
        "format": "article",
        "articles": scores.articles,
        "quiet_articles": scores.quiet_articles,
        "loose": scores.overall.loose.to_dict(),
        "strict": scores.overall.strict.to_dict(),
        "per_type": {t: {"loose": s.loose.to_dict(), "strict": s.strict.to_dict()}
                     for t, s in sorted(scores.per_type.items())},
        "roles": {"matches": matches,
                  "actor_agree": scores.actor_agree,
                  "actor_share": _share(scores.actor_agree, matches),
                  "recipient_agree": scores.recipient_agree,
                  "recipient_share": _share(scores.recipient_agree, matches)},
        "place": _agreement(scores.place_agree, scores.place_both),
        "date": _agreement(scores.date_agree, scores.date_both),
        "quiet": {"articles": scores.quiet_articles,
                  "false_alarms": scores.quiet_false_alarms,
                  "articles_with_false_alarms": scores.quiet_articles_alarmed},
        "modality": {g: {p: scores.modality[(g, p)] for p in MODALITIES} for g in MODALITIES},
    }


def errors_dict(scores: ArticleScores) -> dict[str, Any]:
    return {"misses": scores.misses, "false_alarms": scores.false_alarms}


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
            for r in rows]


def _type_row(name: str, s: TypeScores) -> tuple[str, ...]:
    lo, st = s.loose, s.strict
    return (name, str(lo.tp + lo.fn), str(lo.tp + lo.fp), f"{lo.precision:.3f}", f"{lo.recall:.3f}",
            f"{lo.f1:.3f}", f"{st.precision:.3f}", f"{st.recall:.3f}", f"{st.f1:.3f}")


def _figures_table(scores: ArticleScores) -> list[str]:
    header = ("", "gold", "pred", "loose P", "loose R", "loose F1", "strict P", "strict R",
              "strict F1")
    rows: list[tuple[str, ...]] = [header, _type_row("overall", scores.overall)]
    rows += [_type_row(t, s) for t, s in sorted(scores.per_type.items())]
    lines = _columns(rows)
    lines.insert(2, "-" * len(lines[0]))
    return lines


def _modality_table(scores: ArticleScores) -> list[str]:
    rows: list[tuple[str, ...]] = [("gold \\ predicted", *MODALITIES)]
    rows += [(g, *(str(scores.modality[(g, p)]) for p in MODALITIES)) for g in MODALITIES]
    return _columns(rows)


def format_table(scores: ArticleScores) -> str:
    """The figures as plain-text tables and lines (asserted events; see the module docstring
    of ``marsad.evaluation.articles`` for what each one counts)."""
    d = to_dict(scores)
    roles, place, date, quiet = d["roles"], d["place"], d["date"], d["quiet"]
    lines = [f"{scores.articles} articles ({scores.quiet_articles} quiet); asserted events, "
             "matched one-to-one by type within an article", ""]
    lines += _figures_table(scores)
    lines += ["",
              f"roles on {roles['matches']} loose matches: actor agrees {roles['actor_agree']} "
              f"({roles['actor_share']:.3f}), recipient agrees {roles['recipient_agree']} "
              f"({roles['recipient_share']:.3f})",
              f"on {scores.overall.strict.tp} strict matches: place (country) agrees "
              f"{place['agree']}/{place['both']} ({place['share']:.3f}), date agrees "
              f"{date['agree']}/{date['both']} ({date['share']:.3f})",
              f"false alarms: {quiet['false_alarms']} asserted events predicted in "
              f"{quiet['articles_with_false_alarms']} of {quiet['articles']} quiet articles",
              "", "modality (events of any modality matched by type and sentence):"]
    lines += _modality_table(scores)
    return "\n".join(lines)


def _codes(codes: list[str]) -> str:
    return ",".join(codes) or "-"


def format_errors(scores: ArticleScores) -> str:
    """Each miss and each false alarm on two lines: what, then the sentence."""
    lines = []
    for kind, items in (("miss", scores.misses), ("false alarm", scores.false_alarms)):
        for e in items:
            lines.append(f"{kind}: {e['article']} s{e['sentence_index']} {e['event_type']} "
                         f"{_codes(e['actor'])} -> {_codes(e['recipient'])} "
                         f"trigger: {e['trigger'] or '-'}")
            if e["sentence"]:       # unknown for stand-off gold, which carries no sentences
                lines.append(f"    {' '.join(e['sentence'].split())}")
    return "\n".join(lines)
