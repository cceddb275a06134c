"""List the annotated events whose modality the guideline's line between the news period and
background decides (training/README.md, "Background and news"): sentences opening with وكان/وكانت
(+ قد), a pluperfect كان قد, a trigger inside a relative clause (الذي/التي … قتل), في وقت سابق, a
deed named after بعد/عقب/إثر/منذ, a gold date more than 14 days before publication, and an
explicit year or month long before it.

    python scripts/modality_audit.py training/annotations/*.jsonl        # asserted and historical
    python scripts/modality_audit.py --dev ../shared/eval/real-news.dev.jsonl --counts

Each line: FILE:LINE:EVENT  flags  modality  type  trigger  date  published, then the sentence
(and the one before it with ``--context``). Flags: K opens with كان / pluperfect, R relative clause,
S في وقت سابق, B a deed named after بعد/عقب/إثر/منذ, D gold date > 14 days old, Y past year,
M month long before publication.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotate import corpus, sentences  # noqa: E402

_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
_OPENS_KANA = re.compile(r"^[\W\d]*و?(?:ف)?كان(?:ت|وا)?\s")
_PLUPERFECT = re.compile(r"(?:^|\s)و?كان(?:ت|وا|تا|ا)?\s+(?:\S+\s+){0,3}?قد\s")
_RELATIVE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي)\s+(?:\S+\s+){0,2}$")
_AFTER = re.compile(r"(?:^|\s)(?:و?(?:بعد|بعدما|عقب|إثر|اثر|منذ)|بعد\s+(?:أن|ان|أيام\s+من))\s+(?:\S+\s+){0,1}$")
_EARLIER = re.compile(r"في\s+وقت\s+سابق")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[01]\d)(?!\d)")
_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "اذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8,
    "اغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "ايلول": 9, "أكتوبر": 10, "اكتوبر": 10,
    "تشرين الأول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}
_MONTH = re.compile(r"(?:^|[\s/(،])(?:ب|و|في)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True))
                    + r")(?=[\s/)،.]|$)")


def flags(sentence: str, before: str, gold_end: str | None, published: str) -> str:
    """The classes the event falls in, given its sentence and the sentence up to its trigger."""
    s, b = _DIACRITICS.sub("", sentence), _DIACRITICS.sub("", before)
    pub = date.fromisoformat(published)
    out = ""
    if _OPENS_KANA.search(s) or _PLUPERFECT.search(b):
        out += "K"
    if _RELATIVE.search(b + " "):
        out += "R"
    if _AFTER.search(b + " "):
        out += "B"
    if _EARLIER.search(s):
        out += "S"
    if gold_end and _end_of(gold_end) < pub - timedelta(days=14):
        out += "D"
    if any(int(y) < pub.year for y in _YEAR.findall(s)):
        out += "Y"
    if any(2 <= (pub.month - _MONTHS[m]) % 12 <= 8 for m in _MONTH.findall(s)):
        out += "M"
    return out


def _end_of(value: str) -> date:
    """The last day of a gold date's end, which may be a year or a month only."""
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts[0] + parts[1] // 12, parts[1] % 12 + 1
        return date(year, month, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def _sentence_of(text: str, title: str, span: dict | None, trigger: str, index: int | None
                 ) -> tuple[int, list[str], int]:
    """(sentence index, all sentences with the title first, trigger offset in its sentence)."""
    split = sentences(text)
    sents = [title] + [s for _, s in split]
    if span and span.get("field") == "title":
        return 0, sents, span["start"]
    if span:
        for n, (start, _) in reversed(list(enumerate(split, 1))):
            if start <= span["start"]:
                return n, sents, span["start"] - start
    n = index if index is not None and index < len(sents) else 0
    return n, sents, max(sents[n].find(trigger or ""), 0)


def rows(articles):
    """(where, flags, event, sentence index, sentences, article date) for every event."""
    for where, art in articles:
        for k, ev in enumerate(art["events"]):
            trig = ev.get("trigger") or ""
            n, sents, off = _sentence_of(art["text"], art["title"], ev.get("trigger_span"), trig,
                                         ev.get("sentence_index"))
            end = (ev.get("date") or {}).get("end")
            yield f"{where}:{k}", flags(sents[n], sents[n][:off], end, art["date"]), ev, n, \
                sents, art["date"]


def training(paths):
    from marsad.evaluation.standoff import resolve
    records = corpus()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for lineno, raw in enumerate(fh, 1):
                if raw.strip():
                    yield f"{Path(path).name}:{lineno}", resolve(json.loads(raw), records)


def dev(path):
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                yield f"dev:{lineno}", json.loads(raw)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--dev", action="store_true", help="the files are gold articles with text")
    ap.add_argument("--counts", action="store_true", help="only counts per class and modality")
    ap.add_argument("--context", action="store_true", help="print the sentence before too")
    ap.add_argument("--modality", default="asserted,historical")
    args = ap.parse_args()
    wanted = set(args.modality.split(","))
    counts: Counter = Counter()
    for where, fl, ev, n, sents, pub in rows(dev(args.files[0]) if args.dev
                                            else training(args.files)):
        if not fl or ev["modality"] not in wanted:
            continue
        for c in fl:
            counts[c, ev["modality"]] += 1
        if args.counts:
            continue
        d = ev.get("date") or {}
        print(f"\n{where}\t{fl}\t{ev['modality']}\t{ev['event_type']}\t{ev.get('trigger')}\t"
              f"{d.get('start')}..{d.get('end')}\tpub {pub}\t[{n}]")
        if args.context and n > 1:
            print(f"   < {sents[n - 1]}")
        print(f"   > {sents[n]}")
    for (c, m), v in sorted(counts.items()):
        print(f"{c}\t{m}\t{v}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
