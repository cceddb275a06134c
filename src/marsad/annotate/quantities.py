"""Counts in news: quantities (``أكثر من 22 عملية``) and, through the casualty linker, casualty
figures (``مقتل 15 شخصا``).

The scanner reads marsad's matching view (``normalize(text).text``), so its offsets are offsets
into the string passed in. It is language-neutral: numbers come from the language's number
grammar (``Language.numbers``), word shapes from ``Language.quantity_words``, and the words
(units, qualifiers, vague quantifiers, month names) from the data files ``quantities`` and
``calendar`` (month names), normalized once when the scanner is built.

Choices:

* A quantity is a number with a unit noun after it (``15 شخصا``, ``22 من عناصر التنظيم``,
  ``168 من الليبيريين``), a dual unit noun (``جنديين`` = 2), a singular unit + واحد (1), أحد/إحدى +
  unit (1), a partitive (``ثلاثة منهم``: unit None), a qualified number without a unit
  (``أكثر من 20``: unit None), or a vague quantifier. A bare number is not a quantity: ``2015``,
  ``في عام 2015``, ``15 مارس``, ``للمرة الثالثة``, ``الحادي عشر``; nor is a number before a noun
  outside the unit list (``9 مطلوبين``), though a casualty may take its count.
* Vague quantifiers — عشرات، مئات، آلاف، ملايين (with no number before them), عدد من، العديد من،
  عدة، بضعة — have count None and qualifier ``"unspecified"``: no guess at 10 or 100.
* Qualifier None means the count is given as exact.
* A ``-ين`` form that is also the unit's sound plural (مدنيين، مقاتلين، معتقلين) reads as the
  plural; only unambiguous duals (جنديين، قتيلين، غارتين, and every ``-ان`` form) mean 2.
"""

from __future__ import annotations

from itertools import compress, count
from operator import itemgetter
from typing import Any

from marsad.annotate.casualties import CasualtyLinker
from marsad.annotate.figures import FigureWords, Quantity, Spans, mention, normalized
from marsad.doc.document import Document
from marsad.doc.spans import CasualtyMention, QuantityMention
from marsad.lang import Language, ParsedNumber
from marsad.resources import Resources, language_of

__all__ = ["QuantityFinder", "QuantityScanner"]

_START, _UNIT_NOUN = 1, 2


def _qualifier_phrases(lang: Language,
                       spec: dict[str, Any]) -> tuple[tuple[tuple[str, ...], str], ...]:
    phrases = [(tuple(lang.normalize_term(p).split()), q) for q, ps in spec.items() for p in ps]
    return tuple(sorted(phrases, key=lambda item: -len(item[0])))


class QuantityScanner:
    """Every number and vague quantity of a sentence, left to right (:meth:`scan`)."""

    def __init__(self, words: FigureWords):
        lang, data = words.lang, words.lang.table("quantities")
        self.words, self.morph, self.numbers = words, words.morph, words.numbers
        self.pre_qualifiers = _qualifier_phrases(lang, data["pre_qualifiers"])
        self.post_qualifiers = _qualifier_phrases(lang, data["post_qualifiers"])
        self.pre_last_words = frozenset(w[-1] for w, _ in self.pre_qualifiers if len(w) > 1)
        # a one-word phrase behind clitics, as strip() splits them (the core has two letters)
        self.pre_one_forms = frozenset(
            p + w[0] for p in self.morph.clitics for w, _ in self.pre_qualifiers
            if len(w) == 1 and (not p or len(w[0]) > 1))
        self.post_first_words = frozenset(w[0] for w, _ in self.post_qualifiers)
        self.partitives = normalized(lang, data["partitives"])
        self.of = lang.normalize_term(data["of"])
        self.vague_heads = normalized(lang, data["vague_heads"])
        self.vague_need_unit = normalized(lang, data["vague_need_unit"])
        self.vague_need_of = normalized(lang, data["vague_need_of"])
        self.vague_all = self.vague_heads | self.vague_need_unit | self.vague_need_of
        self.amount_adjectives = normalized(lang, data["amount_adjectives"])
        self.particles = normalized(lang, data["particles"])
        # a number before a month name is a day of the month (15 مارس, 8 كانون الثاني): the
        # first word of every month name of every variety the calendar lists
        self.months = normalized(lang, [name.split()[0]
                                        for variety in lang.table("calendar")["months"].values()
                                        for names in variety.values() for name in names])
        self.event_words = frozenset(words.casualty_words)
        self.start_kinds = self._start_kinds()

    def _start_kinds(self) -> dict[str, int]:
        """The words without digits a quantity can start with: ``_START`` for a number, vague or
        one-of word behind clitics or the article (as ``strip`` splits it), ``_UNIT_NOUN`` for
        the rest of the singular or dual unit nouns behind them (``جنديين`` = 2, ``هجوم واحد``),
        which only :meth:`_noun_quantity` can read. They are finitely many, so a sentence's
        tokens are looked up in one dict rather than each going through a function and a cache
        of every word seen; a plural unit noun starts nothing and is left out."""
        nums, prefixes = self.numbers, self.morph.clitics_or_article
        start_words = nums.words | self.vague_all | nums.one_of | nums.one | nums.two
        nouns = {p + w: _UNIT_NOUN for p in prefixes for w, form in self.words.units.items()
                 if form.grammatical_number != "pl" and (not p or len(w) > 1)}
        return nouns | {p + w: _START for p in prefixes for w in start_words
                        if not p or len(w) > 1}

    def tokenize(self, text: str) -> tuple[list[str], Spans]:
        """Words, numbers (``1,500``, ``و20``, ``ال15``) and single punctuation marks."""
        toks, starts, ends = self.morph.tokenize(text)
        return toks, Spans(text, starts, ends)

    def scan(self, sp: Spans, toks: list[str]) -> list[Quantity]:
        """Every number and vague quantity, left to right, bare numbers included."""
        found: list[Quantity] = []
        floor = 0
        # what each token can start: a word from start_kinds, else _START for a token holding a
        # digit (as the tokenizer cuts them, it ends with one; True is 1, _START), else
        # nothing; all in C, without a Python call per token
        kinds = list(map(self.start_kinds.get, toks,
                         map(str.isdigit, map(itemgetter(-1), toks))))
        for i in compress(count(), kinds):
            if i < floor:
                continue    # inside the quantity found last
            if kinds[i] == _START:
                q = (self._number_quantity(sp, toks, i, floor)
                     or self._vague_quantity(sp, toks, i) or self._noun_quantity(sp, toks, i))
            else:
                q = self._noun_quantity(sp, toks, i)
            if q is not None:
                found.append(q)
                floor = q.hi
        return found

    # ----------------------------------------------------------------- numbers with units

    def _number_quantity(self, sp: Spans, toks: list[str], i: int,
                         floor: int) -> Quantity | None:
        parsed = self.numbers.parse(toks, i)
        if parsed is None:
            return self._one_of(sp, toks, i)
        unit = self._unit_after(toks, parsed.end)
        end = unit[1] if unit else parsed.end
        if unit is None and self._is_date(toks, i, parsed):
            return Quantity(i, end, "date",
                            mention(sp, i, parsed.skip, end, parsed.value, None, None))
        pre, post = self._qualifier_before(toks, i, floor), self._qualifier_after(toks, end)
        role = "counted" if unit else "bare"
        if role == "bare" and post is None and self._is_count_noun(toks, end):
            role, end = "noun", end + 1  # 9 مطلوبين: a count of something not in the unit list
        lo, skip = (pre[1], pre[2]) if pre else (i, parsed.skip)
        hi = post[1] if post else end
        qualifier = pre[0] if pre else post[0] if post else None
        m = mention(sp, lo, skip, hi, parsed.value, qualifier, unit[0] if unit else None)
        return Quantity(lo, hi, role, m)

    def _qualifier_before(self, toks: list[str], i: int,
                          floor: int) -> tuple[str, int, int] | None:
        """Qualifier phrase ending just before token ``i``: qualifier, first token, its
        prefix."""
        # every phrase ends with token i - 1: its last word, or a one-word phrase behind clitics
        if i - 1 < floor or (toks[i - 1] not in self.pre_last_words
                             and toks[i - 1] not in self.pre_one_forms):
            return None
        morph = self.morph
        for words, qualifier in self.pre_qualifiers:
            lo = i - len(words)
            if lo < floor or any(toks[lo + k] != w for k, w in enumerate(words) if k):
                continue
            skip = next((len(p) for p, core in morph.strip(toks[lo], morph.clitics)
                         if core == words[0]), None)
            if skip is not None:
                return qualifier, lo, skip
        return None

    def _qualifier_after(self, toks: list[str], j: int) -> tuple[str, int] | None:
        if j >= len(toks) or toks[j] not in self.post_first_words:
            return None
        for words, qualifier in self.post_qualifiers:
            if tuple(toks[j:j + len(words)]) == words:
                return qualifier, j + len(words)
        return None

    def _unit_after(self, toks: list[str], j: int) -> tuple[str | None, int] | None:
        """The unit after a number (``شخصا``, ``من عناصره``, ``منهم``) and the token after
        it."""
        if j >= len(toks):
            return None
        word = toks[j]
        if word in self.partitives:
            return None, j + 1
        hit = self.words.unit_lookup(word, loose=False)
        if hit is not None:
            return hit[0].unit, j + 1
        if word == self.of and j + 1 < len(toks):
            hit = self.words.unit_lookup(toks[j + 1], loose=True, suffixes=True)
            if hit is not None:
                return hit[0].unit, j + 2
        return None

    def _is_date(self, toks: list[str], i: int, parsed: ParsedNumber) -> bool:
        """A year (``2015``) or a day of a month (``15 مارس``) is no count."""
        tok = toks[i]
        if len(tok) == 4 and tok.isdigit() and 1900 <= parsed.value <= 2100:
            return True
        return parsed.end < len(toks) and toks[parsed.end] in self.months

    def _is_count_noun(self, toks: list[str], j: int) -> bool:
        """Whether the token after a number reads as its indefinite noun (``9 مطلوبين``)."""
        if j >= len(toks):
            return False
        word, morph = toks[j], self.morph
        return (morph.looks_like_noun(word) and word not in self.particles
                and morph.core_in(word, morph.clitics, self.event_words) is None)

    # ----------------------------------------------------------------- words without digits

    def _one_of(self, sp: Spans, toks: list[str], i: int) -> Quantity | None:
        """أحد الجنود, إحدى الغارات: one."""
        hit = self.morph.core_in(toks[i], self.morph.clitics, self.numbers.one_of)
        unit = (self.words.unit_lookup(toks[i + 1], loose=True, suffixes=True)
                if hit and i + 1 < len(toks) else None)
        if hit is None or unit is None:
            return None
        return Quantity(i, i + 2, "counted",
                        mention(sp, i, hit[0], i + 2, 1, None, unit[0].unit))

    def _vague_quantity(self, sp: Spans, toks: list[str], i: int) -> Quantity | None:
        """عشرات المدنيين, آلاف اللاجئين, عدد من عناصره, العديد من الهجمات, عدة غارات."""
        prefixes = self.morph.clitics_or_article
        hit = self.morph.core_in(toks[i], prefixes, self.vague_all)
        if hit is None:
            return None
        skip, head = hit
        j = i + 1
        if head in self.vague_heads and j < len(toks) and self.morph.core_in(
                toks[j], prefixes, self.vague_heads):
            j += 1  # عشرات الآلاف
        if head in self.vague_need_of:
            if j < len(toks) and toks[j] in self.amount_adjectives:
                j += 1  # عدد كبير من
            if j >= len(toks) or toks[j] != self.of:
                return None
            j += 1
        unit, j = self._vague_unit(toks, j)
        if unit is None and head in self.vague_need_unit:
            return None
        return Quantity(i, j, "vague", mention(sp, i, skip, j, None, "unspecified", unit))

    def _vague_unit(self, toks: list[str], j: int) -> tuple[str | None, int]:
        for at in (j, j + 1):
            if at >= len(toks) or (at > j and toks[j] != self.of):
                break
            hit = self.words.unit_lookup(toks[at], loose=True, suffixes=True)
            if hit is not None:
                return hit[0].unit, at + 1
        return None, j

    def _noun_quantity(self, sp: Spans, toks: list[str], i: int) -> Quantity | None:
        """A dual unit noun (``جنديين`` = 2, ``هجومين اثنين``) or a unit + واحد (1)."""
        hit = self.words.unit_lookup(toks[i], loose=True)
        if hit is None:
            return None
        form, skip = hit
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if form.grammatical_number == "du":
            n, hi = 2, i + 1 + (nxt in self.numbers.two)
        elif form.grammatical_number == "sg" and nxt in self.numbers.one:
            n, hi = 1, i + 2
        else:
            return None
        return Quantity(i, hi, "counted", mention(sp, i, skip, hi, n, None, form.unit))


class QuantityFinder:
    """Pipeline stage (after roles): the figures and casualty counts of the sentences that hold
    an event, with offsets in the document's matching view."""

    def __init__(self, res: Resources):
        words = FigureWords(language_of(res))
        self.scanner = QuantityScanner(words)
        self.linker = CasualtyLinker(words)

    def quantities(self, text: str) -> list[QuantityMention]:
        """Counted and vague quantities in ``text`` (marsad's matching view), in text order."""
        toks, sp = self.scanner.tokenize(text)
        return [q.mention for q in self.scanner.scan(sp, toks) if q.shown]

    def casualties(self, text: str) -> list[CasualtyMention]:
        """People killed, injured, arrested or missing in ``text`` (marsad's matching view)."""
        toks, sp = self.scanner.tokenize(text)
        return self.linker.link(sp, toks, self.scanner.scan(sp, toks))

    def figures(self, text: str) -> tuple[list[QuantityMention], list[CasualtyMention]]:
        """:meth:`quantities` and :meth:`casualties` from one tokenization and one scan."""
        toks, sp = self.scanner.tokenize(text)
        found = self.scanner.scan(sp, toks)
        return [q.mention for q in found if q.shown], self.linker.link(sp, toks, found)

    def __call__(self, doc: Document) -> Document:
        text = doc.norm.text
        quantities, casualties = list(doc.quantities), list(doc.casualties)
        for index in doc.event_sentences():
            sent = doc.sentences[index]
            piece, shift = text[sent.nstart:sent.nend], sent.nstart
            found, linked = self.figures(piece)
            quantities += [QuantityMention(q.start + shift, q.end + shift, q.text, q.count,
                                           q.qualifier, q.unit) for q in found]
            casualties += [CasualtyMention(c.start + shift, c.end + shift, c.text, c.kind,
                                           c.count, c.qualifier) for c in linked]
        doc.quantities, doc.casualties = quantities, casualties
        return doc
