"""Arabic answers to the stages' clitic and mark tests (``marsad.lang.affixes.Affixes``).

A match's prefix is the proclitics peeled off its core: conjunctions و ف, prepositions ب ك ل
and the article ال (``clitics.NOUN_PREFIXES``); its suffix is a pronoun (ـه، ـها، ـهم …).
"""

from __future__ import annotations

from marsad.lang.affixes import Affixes

_CONJUNCTIONS = ("و", "ف")
_TA_MARBUTA = "ة"
_FATHATAN = "\u064b"    # tanween on a final alif (أمراً، دعماً): only nouns take it


def closes_stem(letter: str) -> bool:
    """ة only ends a noun: وزارة is not و + زار + ـه, whatever the normalized text says."""
    return letter == _TA_MARBUTA


def marks_noun(text: str) -> bool:
    """Whether ``text`` carries tanween (fathatan), the mark of a noun (أمراً is no verb)."""
    return _FATHATAN in text


def conjunctions_only(prefix: str) -> bool:
    """The prefix is و/ف or nothing (لجنة is not ل + جنه: a name that is a word takes no ل)."""
    return not prefix.rstrip("وف")


def after_conjunction(prefix: str) -> bool:
    """The prefix opens with و or ف: what follows starts a new phrase."""
    return prefix.startswith(_CONJUNCTIONS)


def after_and(prefix: str) -> bool:
    """The prefix opens with و: the word is coordinated (مجريون ورومانيون)."""
    return prefix.startswith("و")


def locative_prefix(prefix: str) -> bool:
    """بـ before a name (ببغداد، وبالموصل) says where."""
    return prefix.endswith(("ب", "بال"))


def definite_prefix(prefix: str) -> bool:
    """The prefix ends with the article: ال، وال، بال، or لل (ل + ال)."""
    return prefix.endswith(("ال", "لل"))


def dative_prefix(prefix: str) -> bool:
    """ل after any conjunction (لمصر، وللرئيس): the preposition "to, for"."""
    return prefix.lstrip("وف").startswith("ل")


_GOVERNED_ARTICLES = ("بال", "كال", "لل")


def _article_at(token: str, articles: tuple[str, ...]) -> bool:
    """One of ``articles`` opens the token, after و or ف or not, with three letters or more of
    a word after it."""
    bare = token[1:] if token[:1] in _CONJUNCTIONS and len(token) > 5 else token
    return any(bare.startswith(a) and len(bare) - len(a) >= 3 for a in articles)


def governed_noun(token: str) -> bool:
    """بالتدخل، للهجوم، وكالأنشطة: ب، ل or ك with the article (ل + ال is written لل)."""
    return _article_at(token, _GOVERNED_ARTICLES)


def definite_word(token: str) -> bool:
    """التدخل، والهجوم، بالتدخل، للهجوم: the article, alone or after a preposition."""
    return _article_at(token, ("ال",) + _GOVERNED_ARTICLES)


#: the endings of a relative (nisba) adjective, normalized (ة is written ه): الدولي، الحوثية،
#: الحوثيون، الحوثيين، الأمريكيتان
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يات", "يتان", "يتين")


def adjective_shaped(token: str) -> bool:
    """الحوثيون، الدولية: a word of four letters or more with a nisba ending."""
    return len(token) >= 4 and token.endswith(_NISBA_ENDINGS)


def without_proclitic(token: str) -> str:
    """The token without a leading و، ف or ب (وبلدة → بلدة; two letters or fewer stay)."""
    return token[1:] if len(token) > 2 and token[0] in "وفب" else token


def without_article(core: str) -> str:
    """The core less its first two letters, where ال stands (المدينة → مدينة).

    The letters are dropped whatever they are, as the place stage always did (so صوريف reads
    as ريف and is taken for the word "countryside"); kept so that no record changes.
    """
    return core[2:]


def with_article(word: str) -> str:
    """The word with the article: السعودية for سعودية."""
    return "ال" + word


AFFIXES = Affixes(
    closes_stem=closes_stem,
    marks_noun=marks_noun,
    conjunctions_only=conjunctions_only,
    after_conjunction=after_conjunction,
    after_and=after_and,
    locative_prefix=locative_prefix,
    definite_prefix=definite_prefix,
    dative_prefix=dative_prefix,
    governed_noun=governed_noun,
    definite_word=definite_word,
    adjective_shaped=adjective_shaped,
    without_proclitic=without_proclitic,
    without_article=without_article,
    with_article=with_article,
)
