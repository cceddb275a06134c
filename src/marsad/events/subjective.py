"""An event noun's genitive, and the subjective genitive: a verbal noun's genitive that did it.

The lexicon says whether an event noun's genitive is its doer or the one it is done to
(``genitive:``). Where it is the one acted on (مساندة الشعب السوري) but the act also marks its
recipient with ل right after the genitive, the genitive did it: دعم إيران للحوثيين، مساندة روسيا
لسوريا. So when the act is said with a verb and its noun (أكد الوزير دعم المملكة لليمن): the one
supported is the phrase after ل, not the genitive the verb reads as its object.

A verbal noun whose object is a direct one (قتل، اعتقال، استهداف) takes it after ل when its
genitive is the doer: اعتقال الشرطة التركية للصحفيين، استهداف إسرائيل للمدنيين، also past an
aside between dashes or commas (قتل سليمان الأسد - نجل ابن عم الرئيس - للعقيد). Only after a
definite genitive: after an indefinite one ل names its owner (مقتل قائد للحوثيين "a Houthi
commander"); and not for a noun of suffering (مقتل X: X died, none killed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.annotate.describe import PERSON_PREFIX
from marsad.annotate.needed import COMMA, DASH
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, TriggerMention
from marsad.events.asides import aside_end
from marsad.resources.tables import EventFamily

if TYPE_CHECKING:
    from marsad.events.phrases import PhraseReader


def lam_object(ph: PhraseReader, doc: Document, fam: EventFamily, at: int,
               ents: list[EntityMention]) -> list[EntityMention]:
    """The phrase at token ``at`` governed by ل where the act marks its recipient so."""
    if ph._possessive not in ph._recipient_markers[fam.recipient]:
        return []
    k = next((k for k, e in enumerate(ents) if e.tok_lo == at), None)
    if k is None or ph._governor(doc, ents[k]) != ph._possessive:
        return []
    return ph._chain_from(doc, ents, k)


def lam_patient(ph: PhraseReader, doc: Document, t: TriggerMention, fam: EventFamily,
                genitive: list[EntityMention], ents: list[EntityMention]) -> list[EntityMention]:
    """The one acted on after ل, where the genitive of a verbal noun with a direct object did
    the act (module docstring)."""
    tokens = doc.tokens
    if not _definite(ph, genitive[0]) or "obj" not in ph._recipient_markers[fam.recipient] \
            or ph._bare(tokens[t.tok_lo]) in ph._reported_outcomes:
        return []
    at = genitive[-1].tok_hi
    if at < len(tokens) and tokens[at] in (COMMA, DASH):
        close = aside_end(tokens, at, doc.sentences[t.sentence].tok_hi, ph._coordinators,
                          ph._relatives)
        at = close + 1 if close is not None else at
    # للصحفيين، or a rank carrying ل before a name (للعقيد حسان الشيخ)
    k = next((k for k, e in enumerate(ents) if at <= e.tok_lo <= at + 1), None)
    if k is None or ph._governor(doc, ents[k]) != ph._possessive:
        return []
    return ph._chain_from(doc, ents, k)


def genitive_doer(ph: PhraseReader, doc: Document, t: TriggerMention, fam: EventFamily,
                  genitive: list[EntityMention], ents: list[EntityMention]
                  ) -> tuple[bool, list[EntityMention]]:
    """Whether the genitive of an event noun whose genitive is the one acted on did the act,
    and who it was done to: the phrase ل marks after it (``lam_object``, ``lam_patient``); or,
    after a definite genitive, an object ل or the act's own preposition opens that names no
    party (استيلاء الحوثيين على مؤسسات الدولة، اعتقال الشرطة لخمسة من …، مداهمة قوات الأمن لمقر
    الحزب: the doer, none named acted on); not a noun of time, cause or manner there (اعتقال
    المتهم لمدة يومين، على خلفية القضية: the roles table's ``adverbial_after_genitive``), nor
    after a phrase the noun's own preposition governs (القبض على 27 من القرويين على …)."""
    marked = lam_object(ph, doc, fam, genitive[-1].tok_hi, ents) \
        or lam_patient(ph, doc, t, fam, genitive, ents)
    if marked:
        return True, marked
    at, tokens, markers = genitive[-1].tok_hi, doc.tokens, ph._recipient_markers[fam.recipient]
    definite = _definite(ph, genitive[0]) or any(   # قوات الأمن: definite by its own genitive
        tokens[i].startswith(ph._article) for i in range(genitive[0].tok_lo, genitive[0].tok_hi))
    if not definite or at + 1 >= doc.sentences[t.sentence].tok_hi or genitive[0].tok_lo != t.tok_hi \
            or ph._bare(tokens[t.tok_lo]) in ph._reported_outcomes:   # not القبض على 27 من …
        return False, []
    word, lam = tokens[at], ph._possessive
    if word in markers and word != lam:     # على: the noun after it
        word = tokens[at + 1]
    elif word.startswith(lam) and len(word) > 2 and (lam in markers or "obj" in markers):
        word = word[2:] if word.startswith(lam + lam) else word[1:]     # للمرة، لمدة
    else:
        return False, []
    core = word[len(ph._article):] if word.startswith(ph._article) else word
    return word.isalpha() and not {word, core} & ph._adverbial_after_genitive, []


def _definite(ph: PhraseReader, e: EntityMention) -> bool:
    """The article, a person's name (an unknown one's id is "person") or a country's name."""
    return e.prefix.endswith(ph._article) or f"{e.id}.".startswith(PERSON_PREFIX) \
        or (e.kind == "state" and e.sector is None)


def noun_genitive(ph: PhraseReader, doc: Document, t: TriggerMention, fam: EventFamily,
                  after: list[EntityMention]) -> list[EntityMention]:
    """The phrase right after an event noun that is its genitive (هجوم داعش، اعتقال ثلاثة)."""
    genitive = ph._first_chain(doc, after, bare=True, max_gap=1, start=t.tok_hi)
    if not genitive and fam.genitive == "recipient":    # مقتل 20 من عناصر داعش: the group
        genitive = ph._counted_genitive(doc, t.tok_hi, after, ph._reported_outcomes)
    if not genitive and fam.genitive == "actor" \
            and ph._possessive not in ph._recipient_markers[fam.recipient]:
        # هجوم لداعش، غارات للتحالف; not where ل marks the recipient (مساعدات للشعب اليمني)
        genitive = ph._lam_genitive(doc, t, after)
    return genitive


def supported_after_doer(ph: PhraseReader, doc: Document, t: TriggerMention, fam: EventFamily,
                         recipient: list[EntityMention], ents: list[EntityMention]
                         ) -> list[EntityMention]:
    """أكد الوزير دعم المملكة لليمن، جدد تأييد بلاده للحكومة الشرعية: the verb's object is the
    genitive of the act's noun (the supporter, the speaker's side) when ل marks a phrase right
    after it; the one supported is that phrase."""
    if not recipient or fam.genitive != "recipient":
        return recipient
    head = recipient[0].tok_lo - 1
    if head < t.tok_hi or head in ph._in_entity or not doc.tokens[head].isalpha() \
            or ph._governor(doc, recipient[0]) is not None:
        return recipient
    return lam_object(ph, doc, fam, recipient[-1].tok_hi, ents) or recipient
