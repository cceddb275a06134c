"""Arabic inflection of lexicon entries: verbs from past/present stems, nisba adjectives, nouns.

Everything works on the spelling as written in the lexicon (with ى and ة), before
normalization, because the weak-final rules need to tell ى from ي and ا from ة.
Forms are the unvoweled written forms; the matcher adds clitics.
"""

from __future__ import annotations

from marsad.lang import Morphology
from marsad.lang.ar.normalize import normalize_term

_PRESENT_PREFIXES = ("ي", "ت", "ن", "أ")


def past_forms(stem: str) -> list[str]:
    """Written past-tense forms of a verb from its 3rd masculine singular (هاجم, التقى, دعا)."""
    if stem.endswith("ى"):
        base = stem[:-1]
        return [stem, base + "ت", base + "تا", base + "وا", base + "يا", base + "ين",
                base + "ينا", base + "يت", base + "يتم"]
    if stem.endswith("ا") and len(stem) <= 4:
        base = stem[:-1]
        return [stem, base + "ت", base + "تا", base + "وا", base + "ون", base + "ونا",
                base + "وت", base + "وتم"]
    # The masculine dual ـا of a three-letter stem is written like the accusative of its
    # verbal noun (أمرا، دعما، قصفا), which news uses far more: it is left out.
    dual = [stem + "ا"] if len(stem) > 3 else []
    return [stem, stem + "ت", stem + "تا", *dual, stem + "وا", stem + "ن", stem + "نا",
            stem + "تم", stem + "تن"]


def present_forms(stem: str) -> list[str]:
    """Written present-tense forms of a verb from its 3rd masculine singular (يهاجم, يلتقي, يدعو)."""
    if not stem or stem[0] != "ي":
        return [stem]
    core = stem[1:]
    forms = [p + core for p in _PRESENT_PREFIXES]
    if core.endswith("ي"):
        base = core[:-1]
        forms += ["ي" + base + "ون", "ي" + base + "وا", "ت" + base + "ون", "ت" + base + "ين",
                  "ي" + core + "ان", "ت" + core + "ان", "ي" + core + "ن"]
    elif core.endswith("و"):
        base = core[:-1]
        forms += ["ي" + base + "ون", "ي" + core + "ا", "ت" + base + "ون", "ت" + base + "ين",
                  "ي" + core + "ان", "ت" + core + "ان", "ي" + core + "ن"]
    elif core.endswith(("ى", "ا")):
        base = core[:-1]
        forms += ["ي" + base + "ون", "ي" + base + "وا", "ت" + base + "ون", "ي" + base + "يان",
                  "ت" + base + "يان"]
    else:
        for p in ("ي", "ت"):
            forms += [p + core + "ون", p + core + "وا", p + core + "ان", p + core + "ن"]
        forms.append("ت" + core + "ين")
    return forms


#: the hamza seats of alef and the alef maqsura, folded as the normalized text folds them
_ALEFS = str.maketrans("أإآى", "اااي")


def subject_forms(spec: str) -> list[str]:
    """The written forms of a verb (its first word, from ``"past/present …"``) whose ending is
    a dual or plural subject (طالبوا، دعوا، التقيا، يطالبون، يدعوان), or whose prefix is the first
    person (نطالب، ندعو، أطالب: the speaker of a quotation): the verb before its subject is
    singular and third person, so a phrase after such a form is its object, not its subject."""
    head = spec.strip().split(" ")[0]
    past, _, present = head.partition("/")
    forms = []
    if past.endswith("ى"):
        forms += [past[:-1] + e for e in ("وا", "يا", "تا")]
    elif past.endswith("ا") and len(past) <= 4:
        forms += [past[:-1] + e for e in ("وا", "تا")]
    elif past:
        forms += [past + "وا", past + "تا"] + ([past + "ا"] if len(past) > 3 else [])
    core = present[1:] if present.startswith("ي") else ""
    if core.endswith("ي") or core.endswith(("ى", "ا")):
        ends = [core[:-1] + "ون", core[:-1] + "وا", core[:-1] + "يان", core + "ان"]
    elif core.endswith("و"):
        ends = [core[:-1] + "ون", core + "ا", core + "ان"]
    elif core:
        ends = [core + "ون", core + "وا", core + "ان"]
    else:
        ends = []
    forms += [p + e for p in ("ي", "ت") for e in ends]
    # نطالب، ندعو; أطالب، أدعو only where أ + the stem can be no past (أطلق، أجرى) or passive
    # (أُدين) of another verb: a stem of four letters or more, or one ending in و
    firsts = [f"ن{core}"] + ([f"أ{core}"] if len(core) >= 4 or core.endswith("و") else [])
    return forms + [f for f in firsts if core and f.translate(_ALEFS) != past.translate(_ALEFS)]


def masculine_forms(spec: str) -> list[str]:
    """The third person masculine singular forms of a verb (its first word, from
    ``"past/present …"``: طالب، يطالب): a verb agrees in gender with a subject right after it,
    so a feminine noun after such a form (وطالب الحكومة) is its object, not its subject."""
    past, _, present = spec.strip().split(" ")[0].partition("/")
    return [f for f in (past, present) if f]


def verb_phrase_forms(spec: str) -> tuple[list[str], list[str]]:
    """Forms of ``"past/present literal words"`` → (past phrases, present phrases)."""
    head, _, rest = spec.strip().partition(" ")
    past, _, present = head.partition("/")
    tail = (" " + rest.strip()) if rest.strip() else ""
    pasts = [f + tail for f in past_forms(past)] if past else []
    presents = [f + tail for f in present_forms(present)] if present else []
    return pasts, presents


def nisba_forms(masculine: str) -> list[str]:
    """All forms of a nisba adjective from its masculine singular (أميركي → أميركية, أميركيون …).

    Each word of a multiword nisba (كوري شمالي) is inflected in step.
    """
    words = masculine.split()
    forms = []
    # ـو and ـي are the construct plural (فلسطينيو الضفة، مواطنيي)
    # ـا is the indefinite accusative (قاضيا أرجنتينيا)
    for suffix in ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات", "و", "ا"):
        forms.append(" ".join(w + suffix if w.endswith("ي") else w for w in words))
    return forms


#: words of a phrase that never take the article (إرسال مساعدات إلى، معربا عن قلق)
_NO_ARTICLE = frozenset({"عن", "على", "من", "في", "إلى", "مع", "ضد", "بين", "دون", "بدون", "غير",
                         "عدم"})


def noun_forms(noun: str) -> list[str]:
    """A noun and the plural and dual forms its ending makes regular (غارة → غارات، غارتين);
    a phrase as written and with its following words made definite, as a definite head
    or a definite genitive makes them (إرسال مساعدات → إرسال المساعدات، الغارات الجوية): the
    article of the first word is a proclitic the matcher reads itself."""
    if " " in noun:
        head, *rest = noun.split()
        definite = [w if w.startswith("ال") or w in _NO_ARTICLE else "ال" + w for w in rest]
        variant = " ".join([head, *definite])
        return [noun] if variant == noun else [noun, variant]
    if noun.endswith("ة"):
        stem = noun[:-1]
        return [noun, stem + "ات", stem + "تان", stem + "تين"]
    return [noun]


def participle_forms(masculine: str) -> list[str]:
    """A sound participle from its masculine singular, in every gender and number and in the
    accusative that news uses as a circumstantial (مندد → منددا، منددة، منددين، منددون،
    منددان، منددتان، منددات): ``مطالبا إياها``، ``متهمين الحكومة``. Weak-final participles
    (داع، ماض) are not sound: list their forms as nouns."""
    if " " in masculine or masculine.endswith(("ة", "ى")):
        return [masculine]
    return [masculine + s for s in ("", "ا", "ة", "ين", "ون", "ان", "تان", "تين", "ات")]


def construct_variants(phrase: str) -> list[str]:
    """``وزير الخارجية`` also as the construct ``وزير خارجية`` (before a country name)."""
    words = phrase.split()
    if len(words) > 1 and any(w.startswith("ال") for w in words[1:]):
        return [phrase, " ".join(words[:1] + [w[2:] if w.startswith("ال") else w for w in words[1:]])]
    return [phrase]


def without_pronoun(word: str) -> str:
    """``سفيره`` → ``سفير``: an object word is found with any pronoun, or none."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def name_letters(name: str) -> int:
    """The letters of a name without its article and spaces (الرقة → 3): how long a place
    name is, for telling a name from a fragment (الم، ري)."""
    core = normalize_term(name)
    core = core[2:] if core.startswith("ال") else core
    return len(core.replace(" ", ""))


MORPHOLOGY = Morphology(verb_phrase_forms, noun_forms, nisba_forms, construct_variants,
                        without_pronoun, name_letters, participle_forms, subject_forms,
                        masculine_forms)
