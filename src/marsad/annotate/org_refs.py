"""An organisation named again by the head of its name alone: ``التنظيم`` after ``تنظيم داعش``.

News names a group once in full and then by the head noun of its name with the article
(التنظيم، الحركة، الجماعة، الحزب): ``أعلن تنظيم داعش … وقال التنظيم في بيان``. Such a head
alone is the organisation named last before it (anywhere earlier in the article) whose
dictionary names open with that head (or with the head after the article: المقاومة الشعبية), and
takes its code, sector and id; an armed sector word right before it (مسلحو المقاومة) is its
fighters, and so the organisation. A head that another word already covers (التنظيم الإرهابي:
a sector phrase of its own) is left as it is, and one with nothing named before it names
nothing. The head with no article and the next word of the name (لحزب العمال after حزب العمال
الكردستاني) are a shortened name, read the same way: with no such organisation named before
(حزب العمال البريطاني) they name none. A headline shortens the names its article gives in full:
there a head also points ahead, to the organisation named first with it after the headline
(المقاومة تسيطر على مطار عدن over أعلنت المقاومة الشعبية …). The heads are the language's
(``organisation_heads`` of the ``actors`` table).
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention
from marsad.resources import Resources

#: the kind of an armed sector word (مسلحون، مقاتلون): its fighters are the body named after it
ARMED = "non_state_armed"
#: the kind of the sentence that is the article's headline
TITLE = "title"


class OrganisationReferences:
    """Finds the heads alone and the organisations they point back to (look, then the
    entity stage writes)."""

    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        heads = frozenset(lang.normalize_term(w)
                          for w in lang.table("actors")["organisation_heads"])
        self._definite = lang.affixes.definite_prefix
        self._with_article = lang.affixes.with_article
        self._cores = lang.token_cores
        self._forms = heads
        self._endings = tuple(heads)       # a cheap test before the token's cores
        #: dictionary id → the heads its names open with (حركة of حركة حماس)
        self._heads: dict[str, frozenset[str]] = {}
        #: dictionary id → its names' first two words where more follow (a shortened name)
        self._pairs: dict[str, frozenset[tuple[str, str]]] = {}
        definite, without_article = lang.affixes.definite_word, lang.affixes.without_article
        for a in resources.actors:
            # the head as the name opens, or after its article (المقاومة الشعبية: مقاومة)
            firsts = [lang.normalize_term(n).split()[0] for n in a.names]
            found = frozenset(w for f in firsts for w in (f, without_article(f) if definite(f) else f)
                              if w in heads)
            if found:
                self._heads[a.id] = found
            # حزب العمال of حزب العمال الكردستاني
            pairs = frozenset((w[0], w[1]) for w in (lang.normalize_term(n).split()
                                                     for n in a.names)
                              if len(w) > 2 and w[0] in heads)
            if pairs:
                self._pairs[a.id] = pairs
        #: the second words of those pairs: a cheap test before a token's cores
        self._seconds = frozenset(w for pairs in self._pairs.values() for _, w in pairs)

    def find(self, doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
        """New mentions for the heads alone in ``doc`` that point back to one of ``mentions``."""
        named = sorted((e for e in mentions if e.id in self._heads), key=lambda e: e.tok_lo)
        if not named:
            return []
        covered = {t for e in mentions for t in range(e.tok_lo, e.tok_hi)}
        sentence_starts = [s.tok_lo for s in doc.sentences]
        ending = {e.tok_hi: e for e in mentions if e.tok_hi - e.tok_lo == 1}
        latest: dict[str, EntityMention] = {}     # head → the organisation named last with it
        # a headline shortens the names its article gives in full: there, a head also points
        # ahead, to the organisation named first with it after the headline
        title_end = doc.sentences[0].tok_hi if doc.sentences and doc.sentences[0].kind == TITLE \
            else 0
        ahead: dict[str, EntityMention] = {}
        for e in reversed([e for e in named if e.tok_lo >= title_end] if title_end else []):
            ahead.update(dict.fromkeys(self._heads[e.id], e))
        found, j = [], 0
        for i in range(0 if ahead else named[0].tok_hi, len(doc.tokens)):
            while j < len(named) and named[j].tok_hi <= i:
                latest.update(dict.fromkeys(self._heads[named[j].id], named[j]))
                j += 1
            before = {**ahead, **latest} if i < title_end else latest
            short, shortened = self._shortened(doc, i, before, covered, ending,
                                               sentence_starts)
            if shortened:
                found.extend([short] if short is not None else [])
                continue
            head, prefix = self._head_alone(doc.tokens[i]) if i not in covered else (None, "")
            if head is not None and head in before:
                fighters = ending.get(i)
                if fighters is not None and fighters.kind == ARMED \
                        and doc.tokens[i] == self._with_article(head):
                    _become(fighters, before[head], doc, i)   # مسلحو المقاومة: its fighters
                    continue
                sentence = max(bisect_right(sentence_starts, i) - 1, 0)
                found.append(_copy(before[head], doc, i, sentence, prefix))
        return found

    def _shortened(self, doc: Document, i: int, latest: dict[str, EntityMention],
                   covered: set[int], ending: dict[int, EntityMention], starts: list[int]
                   ) -> tuple[EntityMention | None, bool]:
        """The organisation named last with the head at token ``i`` when the head, with no
        article, and the next word are its name's first two (لحزب العمال after حزب العمال
        الكردستاني): a new mention of it over both, or the one-word phrase the second word
        was read as (العمال: workers) made that mention; and whether the head begins one."""
        if i in covered or i + 1 >= len(doc.tokens) or doc.tokens[i + 1] not in self._seconds:
            return None, False
        token, second = doc.tokens[i], doc.tokens[i + 1]
        for core in self._cores(token):
            prefix = token[:len(token) - len(core)]
            e = latest.get(core)
            if e is None or not token.endswith(core) or self._definite(prefix) \
                    or (core, second) not in self._pairs.get(e.id, ()):
                continue
            word = ending.get(i + 2)
            if i + 1 in covered and (word is None or word.tok_lo != i + 1):
                return None, False  # the second word begins a longer phrase of its own
            if word is not None:
                _become(word, e, doc, i + 1)
                word.start, word.tok_lo, word.prefix = doc.token_starts[i], i, prefix
                return None, True
            mention = _copy(e, doc, i, max(bisect_right(starts, i) - 1, 0), prefix)
            mention.end, mention.tok_hi = doc.token_ends[i + 1], i + 2
            return mention, True
        return None, False

    def _head_alone(self, tok: str) -> tuple[str | None, str]:
        """The head the token is, with the article before it (التنظيم، وللحركة), and the
        proclitics before the head; ``(None, "")`` if it is none."""
        if not tok.endswith(self._endings):
            return None, ""
        for core in self._cores(tok):
            prefix = tok[:len(tok) - len(core)]
            if core in self._forms and tok.endswith(core) and self._definite(prefix):
                return core, prefix
        return None, ""


def _become(fighters: EntityMention, e: EntityMention, doc: Document, i: int) -> None:
    """The armed sector word right before the head (مسلحو المقاومة، مقاتلي الحركة) runs over it
    and is the organisation's, as its fighters are it (the actor stage's rule for a named body
    right after them)."""
    fighters.end, fighters.tok_hi = doc.token_ends[i], i + 1
    fighters.code, fighters.sector, fighters.id = e.code, e.sector, e.id
    fighters.name, fighters.kind, fighters.country = e.name, e.kind, e.country


def _copy(e: EntityMention, doc: Document, i: int, sentence: int, prefix: str) -> EntityMention:
    """A mention of ``e``'s organisation at token ``i`` of ``sentence``."""
    return EntityMention(doc.token_starts[i], doc.token_ends[i], i, i + 1, sentence, prefix,
                         e.code, e.sector, e.id, e.name, e.kind, e.country)
