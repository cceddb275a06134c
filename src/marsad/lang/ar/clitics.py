"""The Arabic clitic model: which proclitics and enclitics a kind of word takes, and the cores a
token can be once they are taken off.

Proclitics و ف ب ك ل and the article ال (ل + ال → لل) come before nouns; و ف and the future س
before present-tense verbs; enclitic pronouns after nouns and verbs, none after names.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Any

from marsad.lang import CliticModel
from marsad.lang.ar.normalize import normalize_term
from marsad.lang.ar.tokens import tokenize

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل")
NAME_PREFIXES = frozenset(c + p for c, p in product(_CONJ, _PREP))
NOUN_PREFIXES = NAME_PREFIXES | frozenset(
    c + ("لل" if p == "ل" else p + "ال") for c, p in product(_CONJ, _PREP)
)
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
VERB_PAST_PREFIXES = frozenset(_CONJ)
VERB_PRESENT_PREFIXES = frozenset(c + m for c, m in product(_CONJ, ("", "س", "ل")))
# First and second person singular (ـي ـك) are left out: rare in news, and ـي would turn every
# nisba adjective (اجتماعي) into its noun (اجتماع) plus "my".
NOUN_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا"})
VERB_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني"})
MAX_PREFIX = 4
MAX_SUFFIX = 3

#: How a kind of word takes clitics: (prefixes, suffixes).
CLITIC_FRAMES = {
    "name": (NAME_PREFIXES, frozenset({""})),
    # Country names also take the article (بيرو / البيرو, إكوادور / الإكوادور).
    "country": (NOUN_PREFIXES, frozenset({""})),
    "noun": (NOUN_PREFIXES, NOUN_SUFFIXES),
    # A participle of circumstance (متهما إيران، خرجوا منددين) is indefinite: with the article it
    # is an adjective or a noun for people (المتهمين "the accused", القوات المنتشرة), no act.
    "participle": (NAME_PREFIXES, NOUN_SUFFIXES),
    # a phrase opening on the particle أن/إن (إن على X أن: an obligation) takes و ف ب ل but not
    # ك: كأن is another word ("as if"), and normalized it is كان, the verb (كان على متن الطائرة)
    "particle": (frozenset(c + p for c, p in product(_CONJ, ("", "ب", "ل"))), frozenset({""})),
    "verb_past": (VERB_PAST_PREFIXES, VERB_SUFFIXES),
    "verb_present": (VERB_PRESENT_PREFIXES, VERB_SUFFIXES),
    # a verb that takes no object pronoun in its sense (حقق في "investigated": حققها is
    # "achieved it"): the lexicon's ``intransitive`` entries
    "verb_past_bare": (VERB_PAST_PREFIXES, frozenset({""})),
    "verb_present_bare": (VERB_PRESENT_PREFIXES, frozenset({""})),
}

_ENCLITICS = NOUN_SUFFIXES | VERB_SUFFIXES


def enclitic_splits(word: str) -> list[str]:
    """The word, and the word less each enclitic it may end with (حكومتها → حكومت)."""
    return [word] + [word[:-j] for j in range(1, min(MAX_SUFFIX, len(word) - 1) + 1)
                     if word[-j:] in _ENCLITICS]


def frame_ok(sig: tuple, prefix: str, suffix: str) -> bool:
    """Whether prefix and suffix fit a frame signature (layer, clitics, definite, lam, t)."""
    _, clitics, definite, lam_variant, t_variant = sig
    prefixes, suffixes = CLITIC_FRAMES[clitics]
    if lam_variant:
        ok_prefix = prefix in LAM_PREFIXES
    elif definite:
        ok_prefix = prefix in NAME_PREFIXES
    else:
        ok_prefix = prefix in prefixes
    if not ok_prefix:
        return False
    if t_variant:
        return bool(suffix) and suffix in suffixes
    return suffix in suffixes


def word_core(word: str) -> str:
    """The form a lexicon word is looked up by: without the article (المساعدة → مساعده)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=65536)
def token_cores(token: str) -> frozenset[str]:
    """Every word a token can be once noun clitics are taken off: بالمساعدة → مساعده,
    مساعدتها → مساعده, اتفاقا → اتفاق."""
    cores = {token}
    n = len(token)
    for i in range(0, min(MAX_PREFIX, n - 2) + 1):
        if token[:i] not in NOUN_PREFIXES:
            continue
        for j in range(0, min(MAX_SUFFIX, n - i - 2) + 1):
            suffix = token[n - j:] if j else ""
            if suffix not in NOUN_SUFFIXES:
                continue
            core = token[i:n - j]
            cores.add(core)
            if suffix and core.endswith("ت"):
                cores.add(core[:-1] + "ه")      # مساعدت|ها → مساعده
        if token.endswith("ا") and not token.endswith(("ها", "نا")):
            cores.add(token[i:-1])              # the indefinite accusative: اتفاقا، طرقا
    return frozenset(cores)


def clitic_forms(words: frozenset[str]) -> frozenset[str]:
    """Every token whose ``token_cores`` can hold one of ``words``: a word with noun clitics
    around it, its ت form before a suffix (مساعدت|ها → مساعده), or its accusative with ا.
    A superset (some forms break token_cores' length limits), so a token outside it has none
    of the words among its cores and need not be taken apart: most tokens of an article."""
    stems = set(words)
    stems.update(w[:-1] + "ت" for w in words if w.endswith("ه"))
    forms = {p + stem + s for p in NOUN_PREFIXES for stem in stems for s in NOUN_SUFFIXES}
    forms.update(p + w + "ا" for p in NOUN_PREFIXES for w in words)
    return frozenset(forms)


#: the particles a lexicon phrase may open on (أن، إن, normalized)
_PARTICLES = frozenset({normalize_term("أن")})


def lexicon_keys(surface: str, clitics: str) -> list[tuple[str, dict[str, Any]]]:
    """The keys a lexicon form is found by, with the frame flags each sets: the normalized form
    (definite when it has the article: a name like الولايات المتحدة then takes no second one);
    a definite form also after the preposition ل, which swallows the article's alif
    (للولايات); a form in ة also as ت, the way it is written before a pronoun (حكومتها)."""
    key = normalize_term(surface)
    if len(key) < 2:
        return []
    # the article as written (الولايات), not a hamza that normalization flattens (ألماني → الماني)
    definite = surface.lstrip().startswith("ال") and key.startswith("ال") and len(key) > 3
    keys: list[tuple[str, dict[str, Any]]] = [(key, {"definite": definite})]
    if clitics in ("noun", "name") and key.split()[0] in _PARTICLES and " " in key:
        keys[0][1]["clitics"] = "particle"      # إن على، أن على (CLITIC_FRAMES)
    if definite:
        keys.append(("ل" + key[2:], {"definite": True, "lam_variant": True}))
    if surface.rstrip().endswith("ة") and clitics != "name":
        keys.append((key[:-1] + "ت", {"definite": definite, "t_variant": True}))
    return keys


#: the article among a word's proclitics (الـ، والـ، بالـ، للـ)
_WITH_ARTICLE = NOUN_PREFIXES - NAME_PREFIXES


def phrase_ok(sig: tuple, prefix: str, rest: str) -> bool:
    """An actor phrase whose first word, written without the article, heads a definite
    genitive (رئيس الحكومة، وزير الخارجية) is not found where that word has the article: in
    «ودعا الرئيس الحكومة إلى الاستقالة» الرئيس is one party and الحكومة another. (The trigger
    lexicon writes some noun-adjective phrases this way on purpose: هجوم العسكري for الهجوم
    العسكري.)"""
    return not (sig[0] == "actor" and not sig[2] and not sig[3] and prefix in _WITH_ARTICLE
                and rest.startswith(" ال"))


CLITIC_MODEL = CliticModel(MAX_PREFIX, MAX_SUFFIX, frame_ok, enclitic_splits, lexicon_keys,
                           tokenize, phrase_ok)
