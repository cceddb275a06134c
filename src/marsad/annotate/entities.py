"""Pipeline stage: who is who in an article — every participant followed through it.

The actor stage codes each mention from its own words; a person, though, is coded "by the office
or side the article gives them, wherever in the article that is said" (contract, ENTITY). This
stage links the mentions of one person into a participant (``Document.participants``) and codes
every mention from the participant's description:

* **A title and its name** are one mention: ``وزيرة الخارجية الكولومبية كارولينا باركو`` (a name
  the dictionary lacks, read by ``annotate/names.py``), ``وزير الدفاع خالد العبيدي`` (a title with
  no country and a known person). So are an honorific and a name (``اللواء جمعان الغامدي``) and a
  given name with a family name (``محمد الربيعي``). A new name's title may follow it, after a
  comma (``محمد الربيعي، عضو مجلس محافظة بغداد``) or, for an office in a named organisation, right
  after it (``الدكتور محمد العيسى الأمين العام لرابطة العالم الإسلامي``). A known person's family
  name alone after another's given names is that name's end (``سليمان هلال الأسد``: the
  president's cousin, known by given and family name, not by الأسد, which stays the president's).
* **Later mentions** join it: the family name alone (``باركو``، ``والزياني``), a kunya
  (``أبو مالك`` after ``أبي مالك الشامي``), the definite title alone (``الوزيرة`` after a minister:
  the nearest one before it with the same title word), and "his/her country" (``بلادها``: the
  country of the nearest participant before it, as its government).
* **An organisation** named again by the head of its name alone (``التنظيم`` after ``تنظيم
  داعش``) is the one named last with that head (``annotate/org_refs.py``).
* **The code** comes from the description: a title with a country (``الكولومبية``) first; else, for
  a person of the dictionary, the office they held on the article's publication date
  (``resources/offices.py``: "بوش" is USA GOV in 2004 and USA without sector in 2015); else the
  country the actor stage guessed for a title without one; else what the mention had. Every
  mention of the participant without a country of its own takes that code, sector, id and name.

Dictionary people are the actors whose id starts with ``person.``; the words are the language's
``person_names`` table.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container

from marsad.annotate.actors import nationality_alone
from marsad.annotate.coverage import BareStarts, SentenceOf, Taken, positions, tokens_of
from marsad.annotate.describe import NO_COUNTRY, PERSON_PREFIX, Describer, Draft, merge_by_name
from marsad.annotate.names import NameReader, NameWords
from marsad.annotate.org_refs import OrganisationReferences
from marsad.annotate.person_countries import PersonCountries, new_mention
from marsad.doc.document import Document
from marsad.doc.spans import EntityMention
from marsad.resources import Resources

APPOSITION_GAP = 6


class EntityLinker:
    """Links mentions into participants and codes each mention by its participant."""

    def __init__(self, resources: Resources):
        assert resources.language is not None
        lang = resources.language
        self.res = resources
        self.words = NameWords.from_table(lang.table("person_names"), lang, resources.grammar)
        self.reader = NameReader(self.words, lang)
        self._cores = lang.token_cores
        self._bare = lang.without_conjunction
        self._after_conjunction = lang.affixes.after_conjunction
        self._definite = lang.affixes.definite_prefix
        self._definite_word = lang.affixes.definite_word
        self._with_article = lang.affixes.with_article
        self._fused = lang.syntax.preposition_proclitic
        self._word_core = lang.word_core
        self._sector_ids = frozenset(s.id for s in resources.sectors)
        self._describer = Describer(resources, self._sector_ids)
        self._organisations = OrganisationReferences(resources)
        w = self.words
        #: the tokens a new name can open with (most tokens of an article cannot)
        # a name opens on an honorific, a given name that may open one, or a word-like given
        # name before one (ناصر محمد); the first word of a given name of two (عبد of عبد الله)
        self._name_starts = lang.syntax.with_conjunction(
            frozenset(words[0] for words in w.honorifics) | w.openers | w.first_words)
        self._title_forms = lang.clitic_forms(w.titles)
        self._person_refs = frozenset(i for i, a in enumerate(resources.actors)
                                      if a.id.startswith(PERSON_PREFIX))
        #: each known person's name words, and each two written together (عبداللطيف)
        self._person_words: dict[str, frozenset[str]] = {}
        for a in resources.actors:
            if a.id.startswith(PERSON_PREFIX):
                words = [lang.normalize_term(n).split() for n in a.names]
                self._person_words[a.id] = self._person_words.get(a.id, frozenset()).union(
                    *words, *(("".join(w[k:k + 2]) for k in range(len(w) - 1)) for w in words))
        self._particle_tokens = lang.syntax.with_conjunction(w.particles | frozenset(w.kunya))
        self._countries = PersonCountries(resources, w.own_country)
        #: a country's adjective as a family name is written (التركي)
        self._family_nisbas = frozenset(lang.normalize_term(lang.affixes.with_article(n))
                                        for c in resources.countries for n in c.nisbas)
        g = resources.grammar
        #: words that end a title phrase: a new clause or a speech verb comes between
        self._barriers = lang.syntax.with_conjunction(
            g.speech | g.complementizers | {w for p in g.clause_openers for w in p}) \
            | (lang.clause_breaks - {","})

    def __call__(self, doc: Document) -> Document:
        # a place of the gazetteer is no bar to a name (كارولينا باركو): the actor and event
        # words are, and what a name covers is no place (``_drop_places_in``)
        blocked = Taken(doc)
        titles = {e.tok_lo: self._title_word(doc, e) for e in doc.entities}
        people, mentions, names = self._titled_and_named(doc, blocked, titles)
        sentence_of = SentenceOf(doc)
        people += self._new_names(doc, blocked.union(names, doc), mentions, names, sentence_of)
        people = merge_by_name(people)
        self._bare_names(doc, people, blocked.union(names, doc), mentions, names, sentence_of)
        self._titles_after_names(doc, people, titles)
        self._titles_alone(doc, people, titles)
        self._countries.near(doc, people, mentions,
                             {m.start for m in doc.matches if nationality_alone(m)})
        day = doc.article.date
        doc.participants = [self._describer.code(p, day) for p in people]
        mentions += self._countries.own(doc, mentions, blocked.union(names, doc), sentence_of)
        mentions += self._organisations.find(doc, mentions)
        doc.entities = sorted(mentions, key=lambda e: e.start)
        doc.matches = _drop_places_in(doc, names)
        return doc

    # -- first mentions --------------------------------------------------------------------
    def _titled_and_named(self, doc: Document, blocked: Taken, titles: dict[int, str | None]
                          ) -> tuple[list[Draft], list[EntityMention], set[int]]:
        """The actor stage's mentions, a title joined to the name after it; a participant for
        each that names or titles one person; and the tokens of the names read."""
        people_at = {m.start: self.res.actors[m.terms[0].ref].id for m in doc.matches
                     if m.terms[0].ref in self._person_refs and m.terms[0].kind == "actor"}
        starts = sorted(people_at)
        named = {t for e in doc.entities for t in range(e.tok_lo, e.tok_hi)}
        # the mentions a name may not run into: a new subject or object (يزور السعودية), not a
        # phrase with a preposition (للصحفيين)
        bare_named = BareStarts(doc, self._fused)
        names: set[int] = set()
        people: list[Draft] = []
        out: list[EntityMention] = []
        ents = doc.entities
        i = 0
        while i < len(ents):
            e = ents[i]
            title = titles.get(e.tok_lo)
            person = _person_within(people_at, starts, e)
            if title is not None and person is None:
                i, person, keys = self._name_after(doc, ents, i, blocked, bare_named, names)
            elif person is not None:
                self._lineage(doc, e, blocked.union(named, doc), names)
                keys = self.reader.keys(doc.tokens[e.tok_lo:e.tok_hi])
            else:
                keys = frozenset()
            out.append(e)
            i += 1
            if person is None and (title is None or (not keys and e.id in self._sector_ids)):
                continue    # a title alone without a country of its own: _titles_alone
            p = Draft([e], set(keys), title, person=person)
            if title is not None:
                self._describer.describe(p, e)
            people.append(p)
        return people, out, names

    def _lineage(self, doc: Document, e: EntityMention, taken: Taken, names: set[int]) -> None:
        """A dictionary name goes on with its lineage: محمد بن نايف بن عبدالعزيز."""
        if e.tok_hi < len(doc.tokens) and doc.tokens[e.tok_hi] in self.words.particles:
            hi = doc.sentences[e.sentence].tok_hi
            end = self.reader.run(doc.tokens, e.tok_hi, hi, taken)
            if end > e.tok_hi:
                names.update(range(e.tok_hi, end))
                e.end, e.tok_hi = doc.token_ends[end - 1], end

    def _title_word(self, doc: Document, e: EntityMention) -> str | None:
        """The one-person title the mention opens with (وزيرة of وزيرة الخارجية), if any."""
        tok = doc.tokens[e.tok_lo] if e.tok_lo < e.tok_hi else ""
        if tok not in self._title_forms or e.id.startswith(PERSON_PREFIX):
            return None
        found = self._cores(tok) & self.words.titles
        return min(found) if found else None

    def _name_after(self, doc: Document, ents: list[EntityMention], i: int, blocked: Taken,
                    named: Container[int], names: set[int]) -> tuple[int, str | None, frozenset[str]]:
        """Joins the title ``ents[i]`` to the name after it (a dictionary person's mention or
        name words); returns the index of the last mention used, the person's id and keys."""
        e = ents[i]
        lo = self._past_modifiers(doc, e.tok_hi)
        post = ents[i + 1] if i + 1 < len(ents) else None
        if post is not None and post.tok_lo == lo + 1 and doc.tokens[lo] in self.words.posted \
                and post.kind == "state" and post.sector is None and post.sentence == e.sentence:
            # مبعوث الأمم المتحدة إلى اليمن إسماعيل ولد الشيخ: the country it is held in
            found = self._holder(doc, ents, i, i + 1, self._past_modifiers(doc, post.tok_hi),
                                 blocked, named, names)
            if found[1] is not None or found[2]:
                return found
        return self._holder(doc, ents, i, i, lo, blocked, named, names)

    def _holder(self, doc: Document, ents: list[EntityMention], i: int, used: int, lo: int,
                blocked: Taken, named: Container[int], names: set[int]
                ) -> tuple[int, str | None, frozenset[str]]:
        """``_name_after`` from token ``lo``, where ``ents[i + 1:used + 1]`` are part of the
        title: the name there joined to the title ``ents[i]``, or none (``used`` unmoved)."""
        e = ents[i]
        nxt = ents[used + 1] if used + 1 < len(ents) and ents[used + 1].sentence == e.sentence \
            else None
        if nxt is not None and nxt.id.startswith(PERSON_PREFIX) and \
                self.reader.skip_honorific(doc.tokens, lo, nxt.tok_lo)[0] == nxt.tok_lo \
                and not self._after_conjunction(nxt.prefix):
            e.end, e.tok_hi = nxt.end, nxt.tok_hi
            return used + 1, nxt.id, self.reader.keys(doc.tokens[nxt.tok_lo:nxt.tok_hi])
        sent = doc.sentences[e.sentence]
        end = self.reader.after_title(doc.tokens, lo, sent.tok_hi, blocked, named)
        if end == lo:
            return i, None, frozenset()
        start = self.reader.skip_honorific(doc.tokens, lo, end)[0]
        if end - start > 1 and self._family_nisba(doc, end, ents[used + 1:used + 2]):
            end, used = end + 1, used + 1   # …عبد الله بن عبد المحسن التركي (_new_name_at)
        e.end, e.tok_hi = doc.token_ends[end - 1], end
        names.update(range(start, end))
        return used, None, self.reader.keys(doc.tokens[start:end])

    def _past_modifiers(self, doc: Document, i: int) -> int:
        while i < len(doc.tokens) and doc.tokens[i] in self.words.modifiers:
            i += 1
        return i

    def _new_names(self, doc: Document, taken: Taken, mentions: list[EntityMention],
                   names: set[int], sentence_of: SentenceOf) -> list[Draft]:
        """People the actor stage did not see: an honorific and a name, a given name and more."""
        people: list[Draft] = []
        by_sentence: dict[int, list[EntityMention]] = {}
        for m in doc.entities:
            by_sentence.setdefault(m.sentence, []).append(m)
        after = 0       # the end of the last name read
        last = len(doc.tokens) - 1
        for i in positions(doc.tokens, self._name_starts):
            if i < after or i == last or i in taken or (i + 1) in taken:
                continue        # a name has a word after its first, and neither is matched
            p = self._new_name_at(doc, i, sentence_of[i], taken, mentions, names)
            if p is None:
                continue
            title = self._apposition(doc, p.mentions[0], by_sentence.get(sentence_of[i], []))
            if title is not None:
                self._describer.describe(p, title)
            people.append(p)
            after = p.mentions[0].tok_hi
        return people

    def _new_name_at(self, doc: Document, i: int, sentence: int, taken: Taken,
                     mentions: list[EntityMention], names: set[int]) -> Draft | None:
        """A person named from token ``i`` (after an honorific, or opening on a given name)."""
        tokens = doc.tokens
        hi = doc.sentences[sentence].tok_hi
        start, sector, honorific = self.reader.skip_honorific(tokens, i, hi)
        if honorific:
            end = self.reader.after_honorific(tokens, start, hi, taken)
        else:
            end = self.reader.standalone(tokens, i, hi, taken)
        if end <= start:
            return None
        keys = None
        family = self._family_nisba(doc, end, mentions) if end - start > 1 else None
        if end - start > 1 and family is None:
            family = self._family_name(doc, start, end, mentions)
            # سليمان هلال الأسد: known by his given and family names, not by the family name
            # alone, which is the known person's (الأسد is Bashar)
            keys = {" ".join(tokens[start:end + 1]), f"{tokens[start]} {tokens[end]}"} \
                if family is not None else None
        if family is not None:      # عبد الله بن عبد المحسن التركي: a family name
            mentions.remove(family)
            end += 1
        e = new_mention(self._bare, doc, i, end, sentence, "UNK", sector, "person", "person",
                        "other")
        mentions.append(e)
        names.update(range(start, end))
        return Draft([e], keys or set(self.reader.keys(tokens[start:end])), sector=sector)

    def _family_nisba(self, doc: Document, i: int, mentions: list[EntityMention]
                      ) -> EntityMention | None:
        """The mention at token ``i`` when it is a country's adjective alone in the masculine
        singular with the article (التركي، المصري): after a name, a family name."""
        if i >= len(doc.tokens) or doc.tokens[i] not in self._family_nisbas:
            return None
        return next((e for e in mentions if e.tok_lo == i and e.tok_hi == i + 1
                     and e.sector is None), None)     # rare: the token is a country's adjective

    def _family_name(self, doc: Document, start: int, i: int, mentions: list[EntityMention]
                     ) -> EntityMention | None:
        """The mention at token ``i`` when it names a known person by one word with the
        article (الأسد، القذافي): after a name whose first word is none of that person's, the
        family name of another of the family (سليمان هلال الأسد, not Bashar al-Assad; but
        عبداللطيف بن راشد الزياني is al-Zayani)."""
        tok = doc.tokens[i] if i < len(doc.tokens) else ""
        if self._with_article(self._word_core(tok)) != tok:
            return None
        known = next((e for e in mentions if e.tok_lo == i and e.tok_hi == i + 1
                      and e.id.startswith(PERSON_PREFIX)), None)
        first = self._bare(doc.tokens[start])
        return None if known is None or first in self._person_words.get(known.id, ()) else known

    def _apposition(self, doc: Document, name: EntityMention, ents: list[EntityMention]
                    ) -> EntityMention | None:
        """The title phrase a new name stands in apposition to: one ending at most
        APPOSITION_GAP words before it with nothing but name-like words, prepositions and one
        comma between (أمير جبهة النصرة في منطقة القلمون أبي مالك الشامي، قائد المقاومة في
        المحافظة، الشيخ …), or one right after it and a comma (محمد الربيعي، عضو مجلس محافظة
        بغداد), or a definite office in a named organisation right after it (محمد العيسى الأمين
        العام لرابطة العالم الإسلامي); a one-person title word opens it or stands just before it."""
        tokens = doc.tokens
        for k in range(len(ents) - 1, -1, -1):
            e = ents[k]
            if e.tok_hi <= name.tok_lo and name.tok_lo - e.tok_hi <= APPOSITION_GAP \
                    and self._titled(doc, e) and self._only_linking(tokens[e.tok_hi:name.tok_lo]):
                # النائبة عن التحالف المدني … شروق العبايجي: the title before the phrase it
                # governs is the one the name stands for
                return next((t for t in ents[:k] if e.tok_lo - 2 <= t.tok_lo < e.tok_lo
                             and self._title_word(doc, t) is not None), e)
        after = next((e for e in ents if e.tok_lo >= name.tok_hi), None)
        if after is not None and name.tok_hi < len(tokens) and tokens[name.tok_hi] == ",":
            if after.tok_lo - name.tok_hi <= 2 and self._titled(doc, after):
                return after
        if after is not None and after.tok_lo == name.tok_hi and after.code in ("IGO", "NGO") \
                and self._definite_word(tokens[after.tok_lo]) \
                and self._title_word(doc, after) is not None:
            return after    # الدكتور محمد العيسى الأمين العام لرابطة العالم الإسلامي
        return None

    def _titled(self, doc: Document, e: EntityMention) -> bool:
        """A one-person title opens the mention or is one of the two words before it."""
        words = doc.tokens[max(e.tok_lo - 2, 0):e.tok_lo + 1]
        return any(self._cores(w) & self.words.titles for w in words)

    def _only_linking(self, gap: list[str]) -> bool:
        return gap.count(",") <= 1 and not any(w in self._barriers for w in gap)

    # -- later mentions --------------------------------------------------------------------
    def _bare_names(self, doc: Document, people: list[Draft], taken: Taken,
                    mentions: list[EntityMention], names: set[int], sentence_of: SentenceOf
                    ) -> None:
        """A participant's family name or kunya alone, anywhere in the article."""
        by_key: dict[str, list[Draft]] = {}
        for p in people:
            for k in p.keys:
                by_key.setdefault(k, []).append(p)
        if not by_key:
            return
        tokens = doc.tokens
        for i in self._key_candidates(doc, by_key):
            tok = tokens[i]
            family = self._family_nisba(doc, i, mentions) if i in taken else None
            if i in taken and family is None:
                continue
            key, width, core = self._key_at(tokens, i, by_key)
            if key is None or any(t in taken for t in range(i + 1, i + width)):
                continue
            if family is not None:      # التركي after الدكتور عبد الله … التركي: the person
                mentions.remove(family)
            p = _nearest(by_key[key], i)
            e = new_mention(self._bare, doc, i, i + width, sentence_of[i], "UNK", None, "person",
                            "person", "other")
            e.prefix = tok[:len(tok) - len(core)]
            p.mentions.append(e)
            mentions.append(e)
            taken.update(range(i, i + width))
            names.update(range(i, i + width))

    def _key_candidates(self, doc: Document, by_key: dict[str, list[Draft]]) -> list[int]:
        """The tokens that may open a key: where the keys' last words stand in the text (and
        the word before, for a key of two words: بن لادن، أبو مالك)."""
        text, starts = doc.norm.text, doc.token_starts
        found: set[int] = set()
        for key in by_key:
            word = self._word_core(key.split()[-1])
            pair = " " in key
            at = text.find(word)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.update((i - 1, i) if pair else (i,))
                at = text.find(word, at + len(word))
        return sorted(i for i in found if i >= 0)

    def _key_at(self, tokens: list[str], i: int, by_key: dict[str, list[Draft]]
                ) -> tuple[str | None, int, str]:
        """The participant key a mention at token ``i`` names, its width in tokens and the
        first token's core (the token less its proclitics)."""
        bare = self._bare(tokens[i])
        if i + 1 < len(tokens) and (bare in self.words.particles or bare in self.words.kunya):
            pair = f"{self.words.kunya.get(bare, bare)} {tokens[i + 1]}"
            return (pair, 2, bare) if pair in by_key else (None, 0, "")
        for core in sorted(self._cores(tokens[i]), key=len, reverse=True):
            if not tokens[i].endswith(core):
                continue
            if core in by_key:
                return core, 1, core
            definite = self._with_article(core)
            if definite in by_key and self._definite(tokens[i][:len(tokens[i]) - len(core)]):
                return definite, 1, core
        return None, 0, ""

    def _titles_after_names(self, doc: Document, people: list[Draft],
                            titles: dict[int, str | None]) -> None:
        """A title without a country of its own that follows a person's name with more titles
        between (الأمير محمد بن نايف ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية), or
        continues the chain of titles that follows it (``_chained``), is more of the same
        person's description."""
        owner = {id(e): p for p in people for e in p.mentions}
        prev: EntityMention | None = None       # the last mention of a participant so far
        for e in doc.entities:
            if id(e) in owner:
                prev = e
                continue
            if e.id not in self._sector_ids or prev is None or prev.sentence != e.sentence:
                continue
            title = titles.get(e.tok_lo) is not None
            gap = doc.tokens[prev.tok_hi:e.tok_lo]
            if self._chained(doc, owner[id(prev)], e, title) or title and gap \
                    and e.tok_lo - prev.tok_hi <= APPOSITION_GAP \
                    and any(self._cores(w) & self.words.titles for w in gap) \
                    and self._only_linking(gap):
                owner[id(prev)].mentions.append(e)
                owner[id(e)] = owner[id(prev)]

    def _chained(self, doc: Document, draft: Draft, e: EntityMention, title: bool) -> bool:
        """Whether a sector phrase right after the last title of a person's chain of titles
        is more of it: the genitive of that title (النائب الثاني لرئيس | مجلس الوزراء), or a
        title after two the chain already took (… لرئيس مجلس الوزراء | وزير الدفاع). Right after
        the name itself a title may be a verb's object (استقبل الرئيس هادي وزير الخارجية)."""
        last = draft.mentions[-1]
        if last is draft.mentions[0] or e.tok_lo != last.tok_hi:
            return False
        return bool(self._cores(doc.tokens[last.tok_hi - 1]) & self.words.titles) \
            or title and len(draft.mentions) > 2

    def _titles_alone(self, doc: Document, people: list[Draft],
                      titles: dict[int, str | None]) -> None:
        """A definite title with no country of its own (الوزيرة، الرئيس) is the nearest
        participant before it with the same title word; one with the country of that
        participant's description (الوزير الألماني) is that participant too."""
        held = {id(e) for p in people for e in p.mentions}
        order = sorted((p for p in people if p.title is not None), key=lambda p: p.mentions[0].tok_lo)
        latest: dict[tuple[str, str | None], Draft] = {}
        k = 0
        for e in doc.entities:
            while k < len(order) and order[k].mentions[0].tok_lo < e.tok_lo:
                p = order[k]
                latest[(p.title or "", None)] = p
                if p.described is not None:
                    latest[(p.title or "", p.described.code)] = p
                k += 1
            title = titles.get(e.tok_lo)
            if title is None or id(e) in held or not self._definite(e.prefix):
                continue
            own = e.id not in self._sector_ids and e.code not in NO_COUNTRY
            found = latest.get((title, e.code if own else None))
            if found is not None:
                found.mentions.append(e)



def _person_within(people_at: dict[int, str], starts: list[int], e: EntityMention) -> str | None:
    """The dictionary person whose name starts inside the mention, if one does."""
    k = bisect_right(starts, e.start - 1)
    return people_at[starts[k]] if k < len(starts) and starts[k] < e.end else None


def _drop_places_in(doc: Document, names: set[int]) -> list:
    """The document's matches less the gazetteer's inside a person's name."""
    if not names:
        return doc.matches
    lo, hi = doc.token_starts[min(names)], doc.token_ends[max(names)]
    return [m for m in doc.matches
            if m.terms[0].layer != "place" or m.end <= lo or m.start >= hi
            or not set(tokens_of(doc, m.start, m.end)) <= names]


def _nearest(people: list[Draft], tok: int) -> Draft:
    """The participant first named nearest before ``tok``, else the first named after it."""
    before = [p for p in people if p.mentions[0].tok_lo < tok]
    if before:
        return max(before, key=lambda p: p.mentions[0].tok_lo)
    return min(people, key=lambda p: p.mentions[0].tok_lo)
