"""Casualty figures: people killed, injured, arrested or missing, linked to their count.

The linker is language-neutral: its trigger words come from the data file ``casualties``, the
quantities from the scanner (``annotate/quantities.py``), word shapes from
``Language.quantity_words``.

Choices:

* A trigger (مقتل، قتل، لقي … حتفهم، استشهاد، أودى بحياة، إصابة، أصيب، جرح، اعتقال، القبض على،
  توقيف، احتجاز، فقدان …) takes the first count of people within three tokens after it (a bare
  number only right after it or after إلى/على/بلغ), else, for a verb, an unclaimed count of
  people just before it (``15 شخصا لقوا حتفهم``). A singular indefinite unit noun right after a
  noun trigger counts 1 (``مقتل جندي``). A casualty noun with a count (``15 قتيلا``,
  ``3 مفقودين``, ``عشرات القتلى``) is a casualty of its own; without one (``سقوط قتلى``) it gives
  count None.
* A count shared by two kinds (``مقتل وإصابة 30 شخصا``, ``30 قتيلا وجريحا``,
  ``عدد القتلى والجرحى``) gives both kinds with count None: the split is unknown.
* Left out: releases (``الإفراج عن 50 معتقلا``), infections (``إصابة 200 شخص بفيروس كورونا``),
  natural deaths (وفاة، توفي), executions and kidnappings; ``فقد`` counts only with a number
  (it is mostly the particle ف + قد). Ranges (``بين 10 و15``) are not read as ranges.
"""

from __future__ import annotations

from itertools import compress, count
from typing import NamedTuple

from marsad.annotate.figures import (
    CASUALTY_UNITS,
    PERSON_UNITS,
    PUNCT,
    FigureWords,
    Quantity,
    Spans,
    mention,
    normalized,
)
from marsad.doc.spans import CasualtyMention

_WINDOW = 3
_BACK_WINDOW = 2
_UNIT_ROLES = ("unit", "unit_def")


class Trigger(NamedTuple):
    lo: int
    hi: int
    skip: int
    kind: str
    role: str  # noun | verb | luqi (لقي … حتفهم) | unit (قتلى) | unit_def (القتلى)
    needs_count: bool


class _Context(NamedTuple):
    sp: Spans
    toks: list[str]
    q_at: dict[int, Quantity]
    q_end: dict[int, Quantity]
    stops: set[int]
    claimed: set[int]


class CasualtyLinker:
    """Finds casualty triggers in a sentence and links each to its count (:meth:`link`)."""

    def __init__(self, words: FigureWords):
        lang, data = words.lang, words.lang.table("casualties")
        self.words, self.morph = words, words.morph
        self.events = words.casualty_words
        self.needs_count = normalized(lang, data["needs_count"])
        self.luqi = normalized(lang, data["luqi"])
        self.death_stems = tuple(map(lang.normalize_term, data["death_stems"]))
        self.bridge = normalized(lang, data["bridge"])
        self.release = normalized(lang, data["release"])
        self.disease = normalized(lang, data["disease"])
        casualty_forms = frozenset(f for f, form in words.units.items()
                                   if form.unit in CASUALTY_UNITS)
        morph = self.morph
        #: The words a casualty trigger can be (:meth:`_trigger_at` tells which are): an event
        #: word or لقي behind clitics, a casualty noun behind clitics or the article. They are
        #: finitely many, so a sentence's tokens are tested with set operations instead of a
        #: call each.
        self.trigger_words = frozenset(
            {p + w for p in morph.clitics for w in frozenset(self.events) | self.luqi}
            | {p + w for p in morph.clitics_or_article for w in casualty_forms})

    def link(self, sp: Spans, toks: list[str], quantities: list[Quantity]) -> list[CasualtyMention]:
        """The casualties of one sentence, given its tokens and the quantities found in it."""
        if self.trigger_words.isdisjoint(toks) and not any(
                q.mention.unit in CASUALTY_UNITS for q in quantities):
            return []   # no trigger word and no count of casualty nouns: most sentences
        inside = {k for q in quantities for k in range(q.lo, q.hi)}
        triggers = self._triggers(toks, inside)
        stops = {t.lo for t in triggers} | {t.hi - 1 for t in triggers if t.role == "luqi"}
        ctx = _Context(sp, toks, {q.lo: q for q in quantities}, {q.hi: q for q in quantities},
                       stops, set())
        used: set[int] = set()
        out = self._from_triggers(ctx, self._group(toks, triggers), used)
        out += self._from_units(ctx, quantities, {t.lo: t for t in triggers}, used)
        return sorted(out, key=lambda c: (c.start, c.kind))

    # ----------------------------------------------------------------- triggers

    def _triggers(self, toks: list[str], inside: set[int]) -> list[Trigger]:
        found = []
        for i in compress(count(), map(self.trigger_words.__contains__, toks)):
            if i in inside:
                continue
            t = self._trigger_at(toks, i)
            if t is not None and not self._blocked(toks, t.lo, t.hi, t.kind):
                found.append(t)
        return found

    def _trigger_at(self, toks: list[str], i: int) -> Trigger | None:
        word = toks[i]
        luqi = self._luqi(toks, i)
        if luqi is not None:
            return luqi
        for prefix, core in self.morph.strip(word, self.morph.clitics):
            event = self.events.get(core)
            if event is not None:
                return Trigger(i, i + 1, self.morph.clitic_len(prefix), event.kind, event.role,
                               core in self.needs_count)
        hit = self.words.unit_lookup(word, loose=True)
        if hit is None or hit[0].unit not in CASUALTY_UNITS:
            return None
        role = "unit_def" if self.morph.is_definite(word[hit[1]:]) else "unit"
        return Trigger(i, i + 1, hit[1], CASUALTY_UNITS[hit[0].unit], role, False)

    def _luqi(self, toks: list[str], i: int) -> Trigger | None:
        """لقي/لقوا … حتفه/حتفهم/مصرعهم: killed, the count in between."""
        hit = self.morph.core_in(toks[i], self.morph.clitics, self.luqi)
        if hit is None:
            return None
        for j in range(i + 1, min(len(toks), i + 7)):
            if toks[j].startswith(self.death_stems):
                return Trigger(i, j + 1, hit[0], "killed", "luqi", False)
            if toks[j] in PUNCT:
                break
        return None

    def _blocked(self, toks: list[str], lo: int, hi: int, kind: str) -> bool:
        """A release is not an arrest; an infection is not an injury."""
        if kind == "arrested":
            return any(t in self.release or t[1:] in self.release for t in toks[max(lo - 3, 0):lo])
        if kind == "injured":
            return any(t in self.disease for t in toks[hi:hi + 6])
        return False

    def _group(self, toks: list[str], triggers: list[Trigger]) -> list[list[Trigger]]:
        """Triggers joined by و that share one count: مقتل وإصابة, القتلى والجرحى."""
        groups: list[list[Trigger]] = []
        for t in triggers:
            last = groups[-1] if groups else None
            if (last and t.lo == last[-1].hi and t.skip and self.morph.starts_with_and(toks[t.lo])
                    and t.kind not in {g.kind for g in last}
                    and (t.role in _UNIT_ROLES) == (last[-1].role in _UNIT_ROLES)):
                last.append(t)
            else:
                groups.append([t])
        return groups

    # ----------------------------------------------------------------- counts

    def _eligible(self, q: Quantity, gap: list[str]) -> bool:
        """Whether ``q`` can be the count of people a trigger ``gap`` tokens away refers to."""
        if q.role == "date":
            return False
        if q.role == "bare":
            return all(w in self.bridge for w in gap)
        return q.mention.unit is None or q.mention.unit in PERSON_UNITS

    def _singular_one(self, sp: Spans, toks: list[str], j: int) -> Quantity | None:
        """مقتل جندي: a singular indefinite person noun after a noun trigger is one."""
        hit = self.words.unit_lookup(toks[j], loose=False)
        if hit is None or hit[0].grammatical_number != "sg" or hit[0].unit not in PERSON_UNITS:
            return None
        return Quantity(j, j + 1, "counted", mention(sp, j, 0, j + 1, 1, None, hit[0].unit))

    def _forward(self, ctx: _Context, t: Trigger) -> Quantity | None:
        """The first eligible count within :data:`_WINDOW` tokens after the trigger."""
        if t.role == "unit":
            return None
        j, stop = (t.lo + 1, t.hi - 1) if t.role == "luqi" else (t.hi, len(ctx.toks))
        if t.role == "noun" and j < stop and j not in ctx.q_at:
            one = self._singular_one(ctx.sp, ctx.toks, j)
            if one is not None:
                return one
        gap: list[str] = []
        while j < stop and len(gap) <= _WINDOW:
            q = ctx.q_at.get(j)
            if q is not None:
                if q.lo not in ctx.claimed and self._eligible(q, gap):
                    return q
                gap.extend(ctx.toks[q.lo:q.hi])
                j = q.hi
                continue
            if ctx.toks[j] in PUNCT or j in ctx.stops:
                return None
            gap.append(ctx.toks[j])
            j += 1
        return None

    def _backward(self, ctx: _Context, t: Trigger) -> Quantity | None:
        """An unclaimed count of people just before a verb: ``15 شخصا لقوا حتفهم``."""
        j = t.lo
        for _ in range(_BACK_WINDOW + 1):
            q = ctx.q_end.get(j)
            if (q is not None and q.lo not in ctx.claimed and q.role != "bare"
                    and self._eligible(q, [])):
                return q
            j -= 1
            if j < 0 or ctx.toks[j] in PUNCT or j in ctx.stops:
                return None
        return None

    def _count_groups(self, ctx: _Context, groups: list[list[Trigger]]) -> list[Quantity | None]:
        """Each group's count: counts after their triggers first, then counts before a verb."""
        counts = []
        for group in groups:
            q = self._forward(ctx, group[-1])
            if q is not None:
                ctx.claimed.add(q.lo)
            counts.append(q)
        for k, group in enumerate(groups):
            if counts[k] is None and len(group) == 1 and group[0].role in ("verb", "luqi"):
                found = self._backward(ctx, group[0])
                counts[k] = found
                if found is not None:
                    ctx.claimed.add(found.lo)
        return counts

    # ----------------------------------------------------------------- casualties

    def _from_triggers(self, ctx: _Context, groups: list[list[Trigger]],
                       used: set[int]) -> list[CasualtyMention]:
        """Casualties from trigger words; ``used`` collects the counts they took over."""
        out: list[CasualtyMention] = []
        for group, q in zip(groups, self._count_groups(ctx, groups)):
            if len(group) > 1:  # one count for two kinds: the split is unknown
                out.extend(_casualty(ctx, t, None) for t in group)
                if q is not None:
                    used.add(q.lo)
                continue
            t = group[0]
            if q is None and t.needs_count:
                continue
            if q is not None and CASUALTY_UNITS.get(q.mention.unit or "") == t.kind:
                used.add(q.lo)
            out.append(_casualty(ctx, t, q))
        return out

    def _from_units(self, ctx: _Context, quantities: list[Quantity], triggers: dict[int, Trigger],
                    used: set[int]) -> list[CasualtyMention]:
        """Counts whose noun is a casualty word: ``15 قتيلا``, ``عشرات الجرحى``."""
        out = []
        for q in quantities:
            kind = CASUALTY_UNITS.get(q.mention.unit or "")
            if kind is None or q.lo in used or self._blocked(ctx.toks, q.lo, q.hi, kind):
                continue
            partner = triggers.get(q.hi)  # 30 قتيلا وجريحا: one count for both
            shared = (partner is not None and partner.role in _UNIT_ROLES
                      and partner.kind != kind and self.morph.starts_with_and(ctx.toks[q.hi]))
            m = q.mention
            out.append(CasualtyMention(m.start, m.end, m.text, kind,
                                       None if shared else m.count,
                                       None if shared else m.qualifier))
        return out


def _casualty(ctx: _Context, t: Trigger, q: Quantity | None) -> CasualtyMention:
    start, end = ctx.sp.starts[t.lo] + t.skip, ctx.sp.ends[t.hi - 1]
    n = qualifier = None
    if q is not None:
        start, end = min(start, q.mention.start), max(end, q.mention.end)
        n, qualifier = q.mention.count, q.mention.qualifier
    return CasualtyMention(start, end, ctx.sp.text[start:end], t.kind, n, qualifier)
