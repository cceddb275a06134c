"""Pipeline stage: organisations that no lexicon names, read from a head noun and its chain.

News names many bodies once, by an organisation's head noun and the genitives and adjectives
after it: ``الشبكة الدولية لحقوق الإنسان``، ``الوحدة الوطنية للأبحاث في جرائم الإرهاب``،
``لجنة متابعة مبادرة السلام العربية``، ``الهيئة السعودية للمهندسين``. No dictionary lists them,
and the role rules cannot pick what no mention covers. After the entity stage, a head noun of
the language's ``organisation_phrases`` (the ``actors`` table: each sector row of
``actors/sectors.tsv`` with its heads) that no mention covers opens a mention over the words
after it:

* **a named body after it**, in a genitive (``الأمانة العامة لمجلس التعاون``، ``قيادة التحالف
  العربي``، ``إدارة مصلحة سجون الاحتلال``), or joined to the head's chain by و (``هيئة التحقيق
  والادعاء العام``): the head is that body's office, and its mention now opens on the head, with
  the body's code (where a verb's subject stands, not in a genitive);
* **else a chain** of definite words and ``ل`` genitives (``لحقوق الإنسان``), after at most two
  nouns without the article in a construct (one after a weak head), ending on a country's
  adjective if one follows (``الهيئة السعودية للمهندسين``: Saudi Arabia's). The sector comes
  from the head's row (a party's head only with a country's adjective: ``country_heads``); an
  adjective of the international or Arab order in the chain (``الدولية``، ``العربية``) makes a
  state-like body an intergovernmental one; a body with no country of its own is placed later
  as any sector word is (``annotate/placing.py``);
* **a body right after a one-person title** (``رئيس الاتحاد الدولي لكرة القدم``) is where the
  title is held: the title's mention runs over it.

A head that also names things (وحدة "unity", مركز "centre", حركة "movement, traffic") is
``weak``: it needs two chain words, or a country's adjective (``الوحدة الوطنية`` alone is
national unity, ``الاتحاد للمطالبة`` a union's demand, not bodies). A chain stops at a clause
break, a preposition or a noun after one (``بالقرار``), a word the name reader never takes for a
name (a relative pronoun, a time word), a place noun after a head that is no office (``مركز
محافظة الأنبار`` is a place) and at any other mention.
"""

from __future__ import annotations

from marsad.annotate.actors import nationality_alone
from marsad.annotate.names import NameWords
from marsad.doc.document import Document
from marsad.doc.records import state_country
from marsad.doc.spans import EntityMention
from marsad.resources import Resources

#: the most words a chain runs over after its head
MAX_CHAIN = 6


class OrganisationPhrases:
    """Finds organisation phrases no mention covers and writes their mentions."""

    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        table = lang.table("actors")["organisation_phrases"]
        rows = {s.id: s for s in resources.sectors}
        norm = lang.normalize_term
        #: head (normalized) → the sector row it takes
        self._heads = {norm(w): rows[ident] for ident, words in table["heads"].items()
                       for w in words}
        self._weak = frozenset(norm(w) for w in table["weak_heads"])
        self._offices = frozenset(norm(w) for w in table["office_heads"])
        self._country_only = frozenset(norm(w) for w in table["country_heads"])
        wider = [norm(w) for w in table["international_adjectives"]]
        self._wider = frozenset(wider) | frozenset(lang.affixes.with_article(w) for w in wider)
        self._endings = tuple(self._heads)
        #: every token whose noun cores may hold a head (a superset: ``_head`` decides)
        self._forms = lang.clitic_forms(frozenset(self._heads))
        #: the document whose adjectives of origin were gathered, and their starts
        self._nisbas: tuple[Document | None, frozenset[int]] = (None, frozenset())
        #: مركز محافظة الأنبار is a place (a province's centre), مجلس محافظة بغداد a body
        self._place_nouns = frozenset(norm(w) for w in lang.table("places")["place_nouns"])
        self._cores = lang.token_cores
        self._definite = lang.affixes.definite_prefix
        self._definite_word = lang.affixes.definite_word
        self._governed = lang.affixes.governed_noun
        self._after_and = lang.affixes.after_and
        self._dative = lang.affixes.dative_prefix
        self._locative = lang.affixes.locative_prefix
        names = NameWords.from_table(lang.table("person_names"), lang, resources.grammar)
        chain_words = frozenset(norm(w) for w in table["chain_words"])
        self._stops = (names.not_names - names.group_nouns - chain_words) \
            | resources.grammar.prepositions | lang.clause_breaks \
            | frozenset(norm(w) for w in table["chain_stops"])
        self._titles = names.titles
        self._adjective_shaped = lang.affixes.adjective_shaped
        self._adjectives = chain_words | frozenset(norm(w) for w in table["definite_head_adjectives"])
        self._participle = tuple(norm(w) for w in table["participle_openings"])
        self._after_conjunction = lang.affixes.after_conjunction

    def __call__(self, doc: Document) -> Document:
        # the tokens that may be heads, found by set lookups: most articles hold a few
        forms = self._forms
        hits = [i for i, t in enumerate(doc.tokens) if t in forms]
        if not hits:
            return doc
        at = {e.tok_lo: e for e in doc.entities}
        covered = {t for e in doc.entities for t in range(e.tok_lo, e.tok_hi)}
        found: list[EntityMention] = []
        dropped: set[int] = set()
        h = 0
        for k, s in enumerate(doc.sentences):
            end = s.tok_lo
            while h < len(hits) and hits[h] < s.tok_hi:
                i = hits[h]
                h += 1
                head = self._head(doc.tokens[i]) if i >= end and i not in covered else None
                if head is not None:
                    end = self._phrase(doc, (i, s.tok_hi, k), head, at, found, dropped)
        self._nisbas = (None, frozenset())
        found = self._offices_of_titles(doc, found)
        if found or dropped:
            kept = [e for e in doc.entities if id(e) not in dropped]
            doc.entities = sorted(kept + found, key=lambda e: e.start)
        return doc

    def _offices_of_titles(self, doc: Document, found: list[EntityMention]
                           ) -> list[EntityMention]:
        """A body right after a one-person title is where the title is held (رئيس الاتحاد
        الدولي لكرة القدم، مسؤول كبير بحركة …): the title's mention runs over it, and a title
        with no country takes the body's code; the rest are mentions of their own."""
        ends = {(e.sentence, e.tok_hi): e for e in doc.entities}
        kept = []
        for m in found:
            t = ends.get((m.sentence, m.tok_lo))
            if t is None or self._after_conjunction(m.prefix) \
                    or not self._cores(doc.tokens[t.tok_lo]) & self._titles:
                kept.append(m)
                continue
            t.end, t.tok_hi = m.end, m.tok_hi
            if t.code == "UNK" and m.code != "UNK":
                t.code, t.country, t.kind, t.sector = m.code, m.country, m.kind, m.sector
        return kept

    def _head(self, tok: str) -> tuple[str, str] | None:
        """The head noun the token is and the proclitics before it, if it is one."""
        if not tok.endswith(self._endings):
            return None
        for core in self._cores(tok):
            if core in self._heads and tok.endswith(core):
                return core, tok[:len(tok) - len(core)]
        return None

    def _phrase(self, doc: Document, where: tuple[int, int, int], head: tuple[str, str],
                at: dict[int, EntityMention], found: list[EntityMention],
                dropped: set[int]) -> int:
        """Reads the phrase opening on the head at token ``i`` of sentence ``k`` (which ends
        before token ``hi``); returns the token after it."""
        (i, hi, k), (core, prefix) = where, head
        definite = self._definite(prefix)
        j, chain, bare = i + 1, 0, 0
        genitive = -1       # the chain word that opens a genitive with ل, if one does
        while j < hi and chain < MAX_CHAIN and (genitive < 0 or j - genitive <= 1):
            e = at.get(j)
            if e is not None and chain and self._joined(core, e):
                # هيئة التحقيق والادعاء العام: one body named by two offices joined by و
                e.start, e.tok_lo, e.prefix = doc.token_starts[i], i, prefix
                return e.tok_hi
            if e is not None:
                return self._before_mention(doc, (i, j, k), core, prefix, e, (chain, bare),
                                            found, dropped)
            tok = doc.tokens[j]
            # رئاسة الجمهورية والحكومة: a word joined by و opens another phrase
            if tok in self._stops or not tok.isalpha() \
                    or self._after_and(tok) and self._definite_word(tok) \
                    or core not in self._offices and tok in self._place_nouns:
                break
            if self._governed(tok) and not self._dative(tok):
                break       # بالقرار: a preposition's noun, the verb's, not the name's
            if self._definite_word(tok):
                if definite and genitive < 0 and not self._governed(tok) \
                        and not self._adjective(tok):
                    break   # وأدان المجلس التفجير: a definite head takes no genitive
                genitive = j if genitive < 0 and self._governed(tok) else genitive
            elif self._dative(tok) and j + 1 < hi and self._definite_word(doc.tokens[j + 1]) \
                    and chain and genitive < 0:
                genitive = j    # لحقوق الإنسان: its one genitive may follow
            elif definite or chain > bare or bare >= (1 if core in self._weak else 2) \
                    or self._dative(tok[:1]) or self._locative(tok[:1]):
                break       # منظمة تليق بجوهر: a construct's noun takes no preposition
            else:       # حزب الإصلاح، لجنة متابعة مبادرة السلام: a construct's nouns
                bare += 1
            chain += 1
            j += 1
        if not self._enough(core, chain, bare) or core in self._country_only:
            return i + 1
        found.append(self._mention(doc, (i, j, k), prefix, core, None))
        return j

    def _adjective(self, tok: str) -> bool:
        """A definite word that can describe the head before it: a nisba (الدولية), a
        participle in م (المستقلة), or a listed adjective (العامة، الحاكم)."""
        return self._adjective_shaped(tok) or tok in self._adjectives \
            or tok.startswith(self._participle) and len(tok) > 5

    def _nisba_at(self, doc: Document, start: int) -> bool:
        """Whether a country's adjective standing alone starts at ``start`` (its matches are
        gathered once per document, when a chain first meets a mention)."""
        if self._nisbas[0] is not doc:
            self._nisbas = (doc, frozenset(m.start for m in doc.matches if nationality_alone(m)))
        return start in self._nisbas[1]

    def _joined(self, core: str, e: EntityMention) -> bool:
        """An office's chain runs on, with و, into the mention of a sector word ``e``."""
        return core in self._offices and self._after_and(e.prefix) and e.sector is not None \
            and e.id.split(".")[0] != "person" and e.kind != "people"

    def _enough(self, core: str, chain: int, bare: int, adjective: bool = False) -> bool:
        """A strong head takes one chain word with the article (after at most two in a
        construct without it), a weak one two, or a country's adjective."""
        if chain - bare < 1 and not adjective:
            return False
        return core not in self._weak or chain >= 2 or adjective

    def _before_mention(self, doc: Document, where: tuple[int, int, int], core: str, prefix: str,
                        e: EntityMention, counts: tuple[int, int],
                        found: list[EntityMention], dropped: set[int]) -> int:
        """The head's chain meets the mention ``e`` at token ``j``: a country's adjective ends
        the phrase and gives its country; a named body or office in a genitive is the one
        the head is an office of; anything else ends the phrase where it is."""
        i, j, k = where
        chain, bare = counts
        # حزب الإصلاح اليمني: the adjective agrees with the phrase, definite by its last noun
        definite = self._definite(prefix) or chain > bare
        adjective = self._nisba_at(doc, e.start) or definite and e.kind == "state" \
            and e.sector is None and not self._dative(e.prefix)   # الهيئة السعودية
        if adjective and e.tok_hi - e.tok_lo == 1 \
                and definite == self._definite_word(doc.tokens[j]):
            if self._enough(core, chain, bare, adjective=True):
                dropped.add(id(e))
                found.append(self._mention(doc, (i, e.tok_hi, k), prefix, core, e.code))
                return e.tok_hi
            return i + 1
        # ل (للأمم المتحدة), or a construct after an indefinite phrase (قيادة التحالف); not و
        # nor ب, and no definite word after a definite one (اتهمت الأمانة العامة الحوثيين)
        genitive = not self._after_conjunction(e.prefix) and not self._locative(e.prefix) \
            and (self._dative(e.prefix) or not definite)
        # بقيادة التحالف "led by": a head after a preposition is no subject; a person after a
        # head is led (قيادة خادم الحرمين) or the head's name (اللجنة عبد الله), not its owner
        free = not self._locative(prefix) and not bare \
            and e.id.split(".")[0] != "person"
        if chain <= 2 and genitive and free and core in self._offices and e.kind != "people" \
                and not (e.kind == "state" and e.sector is None):
            e.start, e.tok_lo, e.prefix = doc.token_starts[i], i, prefix
            return e.tok_hi
        if self._enough(core, chain, bare) and core not in self._country_only:
            found.append(self._mention(doc, (i, j, k), prefix, core, None))
            return j
        return i + 1

    def _mention(self, doc: Document, where: tuple[int, int, int], prefix: str, core: str,
                 country: str | None) -> EntityMention:
        """The mention of a body over tokens ``lo`` to ``hi`` of sentence ``k``, coded by its
        head's row, the country of its chain (``country``) or an international adjective."""
        lo, hi, k = where
        row = self._heads[core]
        code, kind, home = row.code, row.kind, None
        if code == "NSA":
            home = country
        elif code == "UNK" and row.sector == "GOV" and any(
                w in self._wider for w in doc.tokens[lo + 1:hi]):
            code, kind = "IGO", "igo"
        elif code in ("UNK", "NGO") and country is not None:   # الجمعية العلمية السعودية
            code, kind, home = country, "state", state_country(country)
        return EntityMention(doc.token_starts[lo], doc.token_ends[hi - 1], lo, hi, k, prefix,
                             code, row.sector, row.id, row.name, kind, home)
