"""Per event family, the written forms of its verbs that the role rules read (``roles.py``).

* ``subject_forms``: the forms whose ending is a dual or plural subject (طالبوا، دعوا، يدعون):
  a verb before its subject is singular, so nothing after such a form is its subject;
* ``two_voiced_forms``: the forms of each verb a family lists both as active and as passive
  (unvocalized, قتل is also قُتل, so the clause decides the voice);
* ``masculine_forms``: the third person masculine singular forms (طالب، يطالب): a subject right
  after the verb agrees with it in gender, so a feminine noun there is its object;
* ``bare_forms``: every form of the verbs' first words as the lexicon inflects them, so that a
  token that is none of them carries a pronoun (أبرمته: the object is in the verb).
"""

from __future__ import annotations

from marsad.lang import Language
from marsad.resources.tables import EventFamily


def subject_forms(lang: Language, families: tuple[EventFamily, ...], types: frozenset[str]
                  ) -> dict[int, frozenset[str]]:
    """Per family of ``types``, the written forms of its verbs whose ending is a dual or
    plural subject."""
    found: dict[int, frozenset[str]] = {}
    for i, fam in enumerate(families):
        if fam.type not in types:
            continue
        forms = {lang.normalize_term(f) for v in fam.verbs
                 for f in lang.morphology.subject_forms(v)}
        if forms:
            found[i] = frozenset(forms)
    return found


def masculine_forms(lang: Language, families: tuple[EventFamily, ...], types: frozenset[str]
                    ) -> dict[int, frozenset[str]]:
    """Per family of ``types``, the third person masculine singular forms of its verbs, less
    those written like an event noun (طلب، دعم: "his request" has its doer after it)."""
    nouns = {lang.normalize_term(n.split()[0]) for fam in families for n in fam.nouns}
    found: dict[int, frozenset[str]] = {}
    for i, fam in enumerate(families):
        if fam.type not in types:
            continue
        forms = {lang.normalize_term(f) for v in fam.verbs
                 for f in lang.morphology.masculine_forms(v)} - nouns
        if forms:
            found[i] = frozenset(forms)
    return found


def bare_forms(lang: Language, families: tuple[EventFamily, ...], types: frozenset[str]
               ) -> dict[int, frozenset[str]]:
    """Per family of ``types``, every written form of its verbs' first words, no pronoun."""
    forms_of = lang.morphology.verb_phrase_forms
    return {i: frozenset(lang.normalize_term(f.split()[0]) for v in fam.verbs
                         for f in sum(forms_of(v), []))
            for i, fam in enumerate(families) if fam.type in types and fam.verbs}


def two_voiced_forms(lang: Language, families: tuple[EventFamily, ...]
                      ) -> dict[int, frozenset[str]]:
    """Per family, the forms of each verb it lists both as active and as passive: unvocalized,
    قتل is also قُتل, so the clause decides the voice."""
    forms_of = lang.morphology.verb_phrase_forms
    found: dict[int, frozenset[str]] = {}
    for i, fam in enumerate(families):
        heads = {v.split()[0] for v in fam.verbs} & {p.split()[0] for p in fam.passive}
        forms = {lang.normalize_term(f) for h in heads for f in sum(forms_of(h), [])}
        if forms:
            found[i] = frozenset(forms)
    return found
