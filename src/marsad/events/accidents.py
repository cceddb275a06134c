"""Pipeline stage: harm that no one inflicted is no event.

«لقي 4 أشخاص مصرعهم إثر اصطدام السيارة التي تقلهم بناقة»، «أدى انقلاب مركبة إلى مصرع شخص»، «لقي
خمسة أشخاص حتفهم إثر انهيار مبنى»، «حريق غابات أدى إلى تدمير أربعة مبان»: news tells the dead
of a road accident, a collapse or a flood with the words of a casualty report, and the role rules
read them as an attack by no one. By ANNOTATION.md an event is someone's act; these are
misfortunes. A mention of one of the language's ``accidents`` types (the ``accidents`` table,
``lang/ar/data/accidents.yaml``) is dropped where

* its word is a word of harm suffered (the ``casualties`` table's words of the killed and the
  injured, لقي … حتفه/مصرعه, or the ``accidents`` table's words of destruction), not of an act
  (هجوم، قصف، تفجير);
* it names no doer (an implied one aside);
* its sentence names an accident or a natural disaster, and no act of those types (a trigger,
  whether or not it became a mention of its own): «قتل ثلاثة جنود في هجوم إثر انهيار مبنى» and
  «انهيار مبنى جراء القصف» keep the attack and the deaths it caused.

Nor is a killing whose dead are animals (the table's ``animals``: قتل الصيادون نحو 250 حوتا، قتل
الحيوانات), whoever did it: hunting and culling are no political events.

It runs on the mentions, after the roles and before the records are made, so that the training
candidates and the decision see the same mentions.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.doc.document import Document
from marsad.doc.spans import TriggerMention
from marsad.lang import Language
from marsad.resources import Resources, language_of

#: how many words after a word of harm the animals it names may stand (قتل الصيادون في جزر فارو نحو
#: 250 حوتا)
ANIMAL_REACH = 8


def _cores(lang: Language, words: Iterable[str]) -> frozenset[str]:
    return frozenset(lang.word_core(lang.normalize_term(w)) for w in words)


class AccidentFilter:
    def __init__(self, resources: Resources):
        lang = language_of(resources)
        table = lang.table("accidents")
        self._lang = lang
        self._types = frozenset(table["types"])
        self._families = resources.families
        phrases: dict[str, set[tuple[str, ...]]] = {}
        for phrase in table["phrases"]:
            words = tuple(lang.word_core(lang.normalize_term(w)) for w in phrase.split())
            phrases.setdefault(words[0], set()).add(words[1:])
        self._phrases = {first: frozenset(rests) for first, rests in phrases.items()}
        #: every written form (with clitics) of a phrase's first word: the only tokens looked at
        self._first_forms = lang.clitic_forms(frozenset(phrases))
        casualties = lang.table("casualties")
        suffered = [w for kind in ("killed", "injured") for part in ("nouns", "verbs")
                    for w in casualties["events"][kind][part]]
        self._harm = _cores(lang, suffered + casualties["death_stems"] + table["destruction"])
        self._animals = _cores(lang, table["animals"])

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        harm = [m for m in doc.mentions if self._families[m.trigger.family].type in self._types
                and self._harm_word(doc, m.trigger)]
        if not harm:
            return doc
        misfortunes = {id(m) for m in harm if self._of_animals(doc, m.trigger)}
        suffered = [m for m in harm if not any(e.end > e.start for e in m.actor)]
        if suffered:    # an implied doer has no words
            acts = {t.sentence for t in doc.triggers + doc.complements
                    if self._families[t.family].type in self._types and not self._harm_word(doc, t)}
            misfortunes.update(id(m) for m in suffered if m.trigger.sentence not in acts
                               and self._names_accident(doc, m.trigger.sentence))
        if misfortunes:
            doc.mentions = [m for m in doc.mentions if id(m) not in misfortunes]
        return doc

    def _of_animals(self, doc: Document, t: TriggerMention) -> bool:
        """The killed are animals: the word right after the trigger (قتل الحيوانات), or the
        noun the first number after it in its clause counts (قتلوا نحو 250 حوتا)."""
        tokens, cores = doc.tokens, self._lang.token_cores
        end = min(doc.sentences[t.sentence].tok_hi, t.tok_hi + ANIMAL_REACH)
        if t.tok_hi < end and not self._animals.isdisjoint(cores(tokens[t.tok_hi])):
            return True
        numbers = self._lang.numbers
        if numbers is None:
            return False
        for j in range(t.tok_hi, end):
            if not any(c.isalnum() for c in tokens[j]):
                return False    # the clause ends at a mark
            found = numbers.parse(tokens, j)
            if found is not None:
                return found.end < len(tokens) \
                    and not self._animals.isdisjoint(cores(tokens[found.end]))
        return False

    def _harm_word(self, doc: Document, t: TriggerMention) -> bool:
        cores = self._lang.token_cores
        return any(not self._harm.isdisjoint(cores(doc.tokens[i])) for i in range(t.tok_lo, t.tok_hi))

    def _names_accident(self, doc: Document, sentence: int) -> bool:
        sent = doc.sentences[sentence]
        tokens, cores = doc.tokens, self._lang.token_cores
        for i in range(sent.tok_lo, sent.tok_hi):
            if tokens[i] not in self._first_forms:
                continue
            for first in cores(tokens[i]):
                for rest in self._phrases.get(first, ()):
                    ahead = tokens[i + 1:i + 1 + len(rest)]
                    if len(ahead) == len(rest) and all(
                            word in cores(tok) for word, tok in zip(rest, ahead)):
                        return True
        return False
