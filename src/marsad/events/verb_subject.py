"""Which phrase after a verb can be its subject (VSO).

``roles.py`` takes the first phrase after an active verb that no preposition governs as its
subject. A phrase can stand bare after a verb and still belong to a prepositional phrase: the
genitive of a noun that carries its preposition, or of a construct noun after one

* ``رحب رودس بالهجمات التركية على داعش``: Turkey is whose the attacks are, not who welcomed;
* ``وأشاد بموقف دول التحالف العربي``: the coalition is whose the stand is, not who praised;
* ``أشاد بجهود قطر``: Qatar is praised.

Such a phrase is never the verb's subject (the subject, dropped, is found later: the sentence
before). The role stage still reads it as the object of the act the prepositional noun names
(``condemned.py``: the one praised or condemned is the doer of the deed).

Nor is the one an earlier act of the sentence was done to, told after that act and apart from
the verb (``وردا على مقتل هذين الشرطيين، يشن الجيش التركي غارات``: the policemen were killed,
the army strikes), or before a verb joined by و to that act (``قتل 13 مسلحا وأسر ثلاثة``).
A phrase right before a verb is its subject all the same (``اعتقلت الشرطة رجلا هاجم دورية``).

A verb after a relative clause that has a verb of its own is the main clause's, so its subject
may stand before the relative pronoun (``قوات الأمن التي انتشرت بأعداد كبيرة فرقت المظاهرة``):
the clause read for it does not end at that pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.annotate.describe import PERSON_PREFIX
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, TriggerMention
from marsad.events.phrases import COMMA, PhraseReader
from marsad.resources.tables import EventFamily


def in_prepositional_phrase(ph: PhraseReader, doc: Document, e: EntityMention) -> bool:
    """Whether ``e`` is the genitive of a noun that carries a preposition (بالهجمات التركية،
    بجهود قطر), right before it or through one construct noun (بموقف دول التحالف)."""
    tokens = doc.tokens
    first = doc.sentences[e.sentence].tok_lo
    for k in (1, 2):
        i = e.tok_lo - k
        if i < first or i in ph._in_entity or i in ph._in_trigger or not tokens[i].isalpha():
            return False     # a verb or an act right before: the phrase is its own
        word = tokens[i]
        if word in ph.g.prepositions:
            return False     # a separate preposition: the phrase's own governor says so
        if ph._fused_preposition(word, True) and word not in ph._not_prepositional:
            return True
        if k == 1 and word.startswith(ph._article):
            return False     # only a construct noun (no article) passes its genitive on
    return False


def not_sufferers(ph: PhraseReader, siblings: list[EventMention], t: TriggerMention,
                  families: Sequence[EventFamily],
                  before: list[EntityMention]) -> list[EntityMention]:
    """The phrases ``before`` a verb of an act people suffer (``families``: the lexicon's)
    less those an earlier such act of its sentence (``siblings``) was done to, after that act's
    word, unless right before the verb (module docstring)."""
    if t.tense == "noun" or families[t.family].type not in ph._passive_prone:
        return before
    joined = t.prefix[:1] in ph._coordinators
    suffered = [e for m in siblings if m.trigger.tok_hi <= t.tok_lo
                and families[m.trigger.family].type in ph._passive_prone for e in m.recipient
                if e.tok_lo >= m.trigger.tok_hi and (joined or e.tok_hi < t.tok_lo)]
    return [e for e in before if e not in suffered]


def main_after_relative(ph: PhraseReader, doc: Document, t: TriggerMention, at: int,
                        relatives: frozenset[str]) -> bool:
    """Whether the token ``at`` is a relative pronoun whose clause has a verb of its own before
    the verb ``t``, which then belongs to the main clause (module docstring)."""
    return doc.tokens[at] in relatives and t.tense in ("past", "present") \
        and t.prefix[:1] not in ph._coordinators \
        and any(j in ph._verb_words for j in range(at + 1, t.tok_lo))


def after_title_break(doc: Document, t: TriggerMention) -> bool:
    """Whether the trigger opens a headline's part after an ellipsis, which goes on with the
    first part's subject (أبو مازن يدعو لمراجعة العلاقات.. ويتهم كيري بالتقصير: Kerry is the
    one accused, not the accuser)."""
    toks = doc.tokens
    return doc.sentences[t.sentence].kind == "title" and toks[t.tok_lo - 2:t.tok_lo] == [".", "."]


def named_noun_between(ph: PhraseReader, doc: Document, t: TriggerMention, e: EntityMention,
                       time_words: frozenset[str]) -> bool:
    """Whether one definite noun that names no party the coder knows stands between an active
    verb and the definite phrase ``e`` after it: that noun is the verb's subject, so ``e`` is
    its object (ودعت الأمانة المجتمع الدولي إلى …، وطالب البيان المجتمع الدولي بـ …، كما حث
    الجانبان الحكومة العراقية على …). Not a word of time (هاجم اليوم الجيش …) nor a count (احتشد
    آلاف المواطنين), nor a noun whose adjective of origin ``e`` is (ودعا الرئيس المصري), nor
    before a person, whom the noun may title (واعتبر الدكتور الزياني)."""
    if e.tok_lo != t.tok_hi + 1 or f"{e.id}.".startswith(PERSON_PREFIX):   # "person", "person.…"
        return False
    i, tokens, article = t.tok_hi, doc.tokens, ph._article
    word, first = tokens[i], tokens[e.tok_lo]
    return word.isalpha() and word.startswith(article) and first.startswith(article) \
        and i not in ph._in_entity and i not in ph._in_trigger and not ph._is_partitive(word) \
        and ph._bare(word) not in time_words and first not in ph._nisbas


def charged_object(ph: PhraseReader, doc: Document, t: TriggerMention,
                   chain: list[EntityMention]) -> bool:
    """Whether ``chain``, the one phrase right after a verb of charging (the roles table's
    ``charging_verbs``), is followed by the charge's preposition: it is the one charged, and
    the verb's subject is dropped (كما اتهم حزب العمال الكردستاني وتنظيم الدولة بأن …، واتهمت
    إيران بدعم الإرهاب); with a phrase between (اتهم الجيش المتمردين بـ …), the first is the
    subject, and so is a phrase before a comma (اتهم الرئيس النيجيري، الولايات المتحدة بدعم …)."""
    tokens, end = doc.tokens, chain[-1].tok_hi
    return ph._bare(tokens[t.tok_lo]) in ph._charging and chain[0].tok_lo == t.tok_hi \
        and end < len(tokens) and len(tokens[end]) > 1 and tokens[end].startswith(ph._charge) \
        and COMMA not in tokens[t.tok_hi:end]
