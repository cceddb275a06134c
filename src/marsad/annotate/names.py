"""Person names the dictionary does not hold, found from how news writes them.

A name is a run of name words (not a function word, not a word another lexicon matched, not a
number) read in three places:

* after a one-person title: ``وزيرة الخارجية الكولومبية كارولينا باركو`` — any words up to the
  next boundary (punctuation, a function word, a matched word), at most four, the first of them
  neither definite nor a present-tense verb shape unless it is a known given name;
* after an honorific or a rank: ``اللواء جمعان الغامدي``، ``الجنرال ديمبسي``;
* from a given name of the language's list with at least one more name word after it:
  ``محمد الربيعي``، ``أنس منتصر طه``.

Each name gives the keys later mentions are known by: its last word (``باركو``، ``الغامدي``)
and a kunya as a pair (``أبو مالك``). The words are the language's (``person_names`` table);
this module only reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any

from marsad.lang import Language
from marsad.resources import Grammar

MAX_NAME_WORDS = 7
#: the words of a name that opens with a word of no list (a foreigner's, after a title)
MAX_UNKNOWN_NAME_WORDS = 3


def name_word_before(lang: Language) -> Callable[[str], bool]:
    """Whether a token is a particle that a name always follows (the ``person_names`` table's
    ``name_follows``: علي بن أبي طالب، بني عدوان), alone or after a conjunction (وابن). A
    particle of two letters is taken alone only: with a conjunction it is another word or a
    name's end (فال is Fall in مباكي فال دعا، وال a governor), and no other clitic is taken
    off (بابا is a pope or a father, not ب + أبا)."""
    words = frozenset(lang.normalize_term(w)
                      for w in lang.table("person_names").get("name_follows") or ())
    bare = lang.without_conjunction

    def before(token: str) -> bool:
        if token in words:
            return True
        word = bare(token)
        return len(word) > 2 and word in words
    return before


@dataclass(frozen=True)
class NameWords:
    """The ``person_names`` table, normalized like the text."""

    openers: frozenset[str]             # given names that may open a name on their own
    given: frozenset[str]               # every given-name word (word-like ones too)
    first_words: frozenset[str]         # the first word of each given name (عبد of عبد الله)
    particles: frozenset[str]           # words inside a name (بن، آل، أبو)
    kunya: dict[str, str]               # a kunya particle's forms → the key form (أبي → أبو)
    honorifics: dict[tuple[str, ...], str | None]   # rank or honorific words → sector
    titles: frozenset[str]              # one-person titles (وزير، الرئيس → رئيس)
    modifiers: frozenset[str]           # words between a title and its name (السابق)
    posted: frozenset[str]              # before the country a title is held in (إلى اليمن)
    not_names: frozenset[str]
    group_nouns: frozenset[str]         # not_names that an organisation's name may hold
    pronoun_hosts: frozenset[str]       # function words that carry a pronoun (إننا، عليه)
    own_country: frozenset[str]         # بلاد of بلادها

    @classmethod
    def from_table(cls, table: dict[str, Any], lang: Language, grammar: Grammar) -> NameWords:
        norm = lang.normalize_term

        def words(name: str) -> frozenset[str]:
            return frozenset(norm(w) for w in table.get(name) or ())

        def tokens(name: str) -> frozenset[str]:
            return frozenset(t for w in table.get(name) or () for t in norm(w).split())

        word_like = words("word_like_given_names")
        kunya = {norm(form): norm(key) for key, forms in (table.get("kunya_particles") or {}).items()
                 for form in forms}
        group_nouns = words("group_nouns")
        stops = (words("not_names") | group_nouns | grammar.prepositions | grammar.complementizers
                 | grammar.speech | grammar.negation | {w for p in grammar.clause_openers for w in p})
        return cls(
            openers=frozenset(w.split()[0] for w in words("given_names") if w not in word_like)
            - stops | frozenset(kunya),
            given=(tokens("given_names") | word_like) - tokens("name_particles") - stops,
            first_words=frozenset(w.split()[0] for w in words("given_names") | word_like) - stops,
            particles=tokens("name_particles"),
            kunya=kunya,
            honorifics={tuple(norm(k).split()): v for k, v in (table.get("honorifics") or {}).items()},
            titles=words("person_titles"), modifiers=words("title_modifiers"),
            posted=words("title_posts"), not_names=stops, group_nouns=group_nouns,
            pronoun_hosts=grammar.complementizers | grammar.prepositions,
            own_country=words("own_country_nouns"))


class NameReader:
    """Reads name runs in a document's tokens (``blocked``: tokens other lexicons matched)."""

    def __init__(self, words: NameWords, lang: Language):
        self.words = words
        self._bare = lang.without_conjunction
        self._cores = lang.token_cores
        self._definite_prefix = lang.affixes.definite_prefix
        self._dative = lang.affixes.dative_prefix
        self._honorific_heads = frozenset(h[0] for h in words.honorifics)
        self._enclitic_splits = lang.clitic_model.enclitic_splits
        self._fused = lang.syntax.preposition_proclitic

    def name_word(self, tok: str) -> bool:
        """A word that can be part of a name: letters only, no function word, bare or with a
        pronoun after it (إننا، عليه: a name takes no enclitic)."""
        w = self.words
        bare = self._bare(tok)
        return tok.isalpha() and len(tok) > 1 and tok not in w.not_names \
            and bare not in w.not_names and (bare in w.given or not any(
                s in w.pronoun_hosts for s in self._enclitic_splits(bare)[1:]))

    def run(self, tokens: list[str], lo: int, hi: int, blocked: Container[int]) -> int:
        """The end of the name words from ``lo`` (at most MAX_NAME_WORDS, not past ``hi``);
        ``lo`` when there are none. A word joined by و starts a new participant."""
        end = lo
        while end < hi and end - lo < MAX_NAME_WORDS and end not in blocked \
                and self.name_word(tokens[end]):
            tok = tokens[end]
            if end > lo and self._to_the(tok):
                break   # مشعل للعمرة: "for the", a phrase after the name, never inside it
            if end > lo and self._bare(tok) != tok and tok not in self.words.given and not (
                    end == lo + 1 and tokens[lo] in self.words.given
                    and self._bare(tok) not in self.words.given):
                break   # ومحمد، وزميلها: a new participant (but توماس ووكر is one name)
            end += 1
        while end > lo and tokens[end - 1] in self.words.particles:
            end -= 1            # a name never ends on بن or أبو
        return end

    def _title(self, tok: str) -> bool:
        """A one-person title behind its clitics (الأمين، والرئيس)."""
        return not self.words.titles.isdisjoint(self._cores(tok))

    def _to_the(self, tok: str) -> bool:
        """The token carries "to/for" and the article before its core (للعمرة، وللرئيس)."""
        return any(self._dative(p) and self._definite_prefix(p)
                   for p in (tok[:len(tok) - len(c)] for c in self._cores(tok) if tok.endswith(c)))

    def strict_run(self, tokens: list[str], lo: int, hi: int, blocked: Container[int]) -> int:
        """An Arab name's shape from ``lo``: given names, particles and the word after a
        particle, closed by a family name with the article (أنس منتصر طه، عبد الله بن عبد
        المحسن التركي، أبي مالك الشامي); a family name alone is one word."""
        end = self.run(tokens, lo, hi, blocked)
        if end == lo or self.definite(tokens[lo]):
            return min(end, lo + 1)
        k = lo + 1
        while k < end:
            bare, before = self._bare(tokens[k]), self._bare(tokens[k - 1])
            if bare in self.words.given or bare in self.words.particles \
                    or before in self.words.particles or before in self.words.kunya:
                k += 1
            else:
                # the family name: with the article (محمد الربيعي), or without it where a
                # title with the article follows (السفير محمد صبيح الأمين المساعد)
                k += 1 if self.definite(tokens[k]) or k + 1 < len(tokens) and self.definite(
                    tokens[k + 1]) and self._title(tokens[k + 1]) else 0
                break
        while k > lo + 1 and tokens[k - 1] in self.words.particles:
            k -= 1
        return k

    def after_honorific(self, tokens: list[str], lo: int, hi: int, blocked: Container[int]) -> int:
        """The name after an honorific or a known given name: the words up to a boundary where
        there are few of them (الجنرال مارتن ديمبسي), else the name's shape (``strict_run``)."""
        end = self.run(tokens, lo, hi, blocked)
        if end > lo and not self.definite(tokens[lo]) and end - lo <= MAX_UNKNOWN_NAME_WORDS \
                and self._boundary(tokens, end, hi, blocked):
            return end
        return self.strict_run(tokens, lo, hi, blocked)

    def after_title(self, tokens: list[str], lo: int, hi: int, blocked: Container[int],
                    named: Container[int]) -> int:
        """The name right after a title (or after its honorific), or ``lo`` when none.

        A name that opens with a word of no list must be short, end where a clause goes on
        (punctuation, a function word, a matched event word) and not carry the article; a
        word with the article after two of its words is the verb's object (انتقد الوزير رمطان
        لعمامرة التصريحات), and a word with ب or ل before a word with the article is a verbal
        noun's phrase, not a name (تعهد الرئيس بتقديم الدعم)."""
        start, _, honorific = self.skip_honorific(tokens, lo, hi)
        first = tokens[start] if start < hi else ""
        if first in self.words.given or first in self.words.particles or honorific:
            end = self.after_honorific(tokens, start, hi, blocked)
            return end if end > start else lo
        end = self.run(tokens, start, hi, blocked)
        if end == start or self.definite(first) or end - start > MAX_UNKNOWN_NAME_WORDS \
                or (end < hi and end in named) or not self._boundary(tokens, end, hi, blocked):
            return lo
        article = next((k for k in range(start + 1, end) if self.definite(tokens[k])), end)
        if article < end and self._fused(self._bare(first), False):
            return lo
        return article if article >= start + 2 else end

    def _boundary(self, tokens: list[str], end: int, hi: int, blocked: Container[int]) -> bool:
        """A name may end before ``end``: the sentence ends, a matched or function word, or a
        word joined by و, which starts a new participant (الرئيس اوهورو كينياتا وكبار
        المسؤولين)."""
        return end >= hi or end in blocked or not self.name_word(tokens[end]) \
            or self._bare(tokens[end]) != tokens[end]

    def skip_honorific(self, tokens: list[str], lo: int, hi: int) -> tuple[int, str | None, bool]:
        """Past an honorific at ``lo`` (الشيخ، اللواء الركن): (next token, sector, found)."""
        if lo >= hi or self._bare(tokens[lo]) not in self._honorific_heads:
            return lo, None, False
        for n in (2, 1):
            words = tuple(self._bare(t) for t in tokens[lo:lo + n])
            if len(words) == n and words in self.words.honorifics:
                return lo + n, self.words.honorifics[words], True
        return lo, None, False

    def standalone(self, tokens: list[str], lo: int, hi: int, blocked: Container[int]) -> int:
        """A name opened by a given name of the list, with one more name word at least."""
        first = self._bare(tokens[lo])
        second = tokens[lo + 1] if lo + 1 < hi else ""
        if first not in self.words.openers and not (
                first in self.words.given and second in self.words.openers):
            return lo           # ناصر محمد القميشي opens on a word-like name, then a given one
        bare = self._bare(second)
        if lo + 1 in blocked or not (bare in self.words.given or bare in self.words.particles
                                     or self.definite(second)):
            return lo           # what strict_run would find: no second name word
        end = self.strict_run(tokens, lo, hi, blocked)
        return end if end - lo >= 2 else lo

    def definite(self, tok: str) -> bool:
        """The word carries the article, with or without proclitics (الربيعي، للصحفيين)."""
        return any(c != tok and tok.endswith(c) and self._definite_prefix(tok[:len(tok) - len(c)])
                   for c in self._cores(tok))

    def keys(self, tokens: list[str]) -> frozenset[str]:
        """The words a later mention may name this person by: the last name word (باركو،
        الزياني), with the particle before it when there is one (بن لادن), and a kunya pair
        (أبو مالك)."""
        words = [self._bare(t) for t in tokens]
        found: set[str] = set()
        last = words[-1] if words else ""
        if len(last) > 2 and last not in self.words.particles and last not in self.words.not_names:
            before = words[-2] if len(words) > 1 else ""
            found.add(f"{before} {last}" if before in self.words.particles else last)
        for a, b in zip(words, words[1:]):
            if a in self.words.kunya:
                found.add(f"{self.words.kunya[a]} {b}")
        return frozenset(found)
