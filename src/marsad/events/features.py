"""Features of a candidate event, for the trained event decision (``events/decide.py``).

Each candidate (an output record before merging) is described by binary features, strings that
name what is true of it: ``type=ASSAULT``, ``tense=noun``, ``prev1=…``, ``cue_before=future``.
Numbers are put in buckets (``days=3-14``). The features read:

* the trigger: its form in the matching view, without proclitics; its type and mode; its shape
  (past, present or passive verb, verbal noun; the future prefix and other proclitics, asked of
  the language's ``Syntax`` and ``Affixes``); the lexicon entry that proposed it; the words
  before and after it and the words of its sentence, each also conjoined with its type;
* where it stands: the title, the first body sentence, the sentence's index, and with its time;
* the rules' own reading: the modality and stance the trigger stage gave, and the modality cues
  it reads (the ``function_words`` lists of the language: negation, future, hypothetical,
  historical, pledge) in a window before and after the trigger, counted here again as features;
  background: a background word (منذ، العام الماضي، قبل 3 سنوات، ويذكر أن: the ``decision``
  table) or a year before the publication's anywhere in its sentence, a month it names before,
  in or after the publication's (في يناير in a July article), a relative pronoun or temporal
  conjunction just before it, a past auxiliary earlier in its clause;
  a reporting verb or noun before it; quotation marks around it; whether it lies inside another
  candidate's actor or recipient, or after a governing noun (a plan, a case, a draft: the
  ``decision`` table of the language);
* the record: actor and recipient (present, kind, sector), the resolved date's distance before
  publication, attribution, the rule coder's confidence, how many mentions it merges; its frame
  with its type and with its lexicon entry (which roles it names, the first actor's and
  recipient's kind and sector, whether they share a code: ``_frame``);
* the article: how many candidates (and how many of the candidate's type, whether the title has
  one of its type), the share of conflict types among them, and how many sport,
  business and culture words it has (``sport``, ``contexts`` and ``decision`` tables).

The stage that writes nothing here: ``candidate_features`` only looks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import compress, count
from operator import or_
from typing import Any

from marsad.annotate.times import TimeFinder
from marsad.doc.document import Document
from marsad.doc.records import Event
from marsad.doc.spans import EventMention
from marsad.events.word_features import WeighedWords, word_tables
from marsad.resources import Resources
from marsad.resources.models import DecisionModel

_WINDOW = 6         # tokens before the trigger read for cues
_AFTER = 3          # tokens after it
NUMBER = "#"        # in a cue phrase of the data files: any number in digits
_NOT_CUES = frozenset({"reporting", "governing"})
_DAY_BUCKETS = ((-1, "future"), (2, "0-2"), (14, "3-14"), (60, "15-60"), (365, "61-365"))
#: a publication date to measure an undated article's relative times by (``_undated_days``): how
#: far back أمس or الشهر الماضي lies does not depend on the day
SOME_DAY = date(2015, 7, 15)


class _TopicWords(dict):
    """token → how many topic words (sport, business, culture) it is behind its clitics; each
    distinct token worked out once, and only tokens that can hold a topic word are asked."""

    def __init__(self, topics: dict[str, frozenset[str]],
                 token_cores: Callable[[str], frozenset[str]]):
        super().__init__()
        self.topics = topics
        self.token_cores = token_cores

    def __missing__(self, token: str) -> tuple[str, ...]:
        cores = self.token_cores(token)
        found = self[token] = tuple(t for t, words in self.topics.items() if cores & words)
        return found


class CandidateFeatures:
    """Builds the features of every candidate event of a document.

    ``weighed_by`` (the decision's model) leaves out the words of a sentence that the model
    weighs neither alone nor with a type: they weigh nothing, most of a sentence's words are
    such, and its probabilities are the same to the last bit (the others are added in the same
    order). Training wants every feature and gives no model."""

    def __init__(self, resources: Resources, weighed_by: DecisionModel | None = None):
        lang = resources.language
        assert lang is not None
        self.res = resources
        #: each lexicon entry by its type, mode and first word: the forms of one entry (قتل،
        #: يقتل، مقتل، قتلى) share what they say of an event
        self.families = [f"{f.type}/{f.mode}/{(f.verbs + f.nouns + f.participles + ('',))[0]}"
                         + ("/candidate" if f.candidate else "") for f in resources.families]
        self.bare = lang.without_conjunction
        self.marks_future = lang.syntax.marks_future
        self.preposition = lang.syntax.preposition_proclitic
        self.after_conjunction = lang.affixes.after_conjunction
        self.breaks = lang.clause_breaks
        self.conflict = resources.vocabulary.types_with("conflict")
        self.times = TimeFinder(resources)
        self.normalize_term = lang.normalize_term
        table = lang.table("decision")
        norm = lang.normalize_term
        self.governing = frozenset(norm(w) for w in table["governing_nouns"])
        self.quotes = frozenset(table["quotes"])
        #: a token that can begin a cue (with or without و/ف in front) → (list, rest of phrase)
        self.begins = _cue_beginnings(resources, table, self.governing)
        self.subordinators, self.auxiliaries = _subordinators(lang, table)
        self.months = _month_names(lang)
        self.month_openers = frozenset(norm(w) for w in table.get("month_openers", []))
        self.opener_forms = lang.syntax.with_conjunction(self.month_openers)
        lists = {"sport": lang.table("sport")["words"],
                 "business": lang.table("contexts").get("economic", []),
                 "culture": table.get("culture", [])}
        # single words by their lookup form (الدوري → دوري); phrases are not read
        topics = {t: frozenset(lang.word_core(norm(w)) for w in ws if " " not in w)
                  for t, ws in lists.items()}
        self.topic_forms = lang.clitic_forms(frozenset().union(*topics.values()))
        self.topic_words = _TopicWords(topics, lang.token_cores)
        #: the sentence last asked about: its index, its words (their w=…, or with
        #: ``weighed_by`` the ranks of those weighed) and their w=… features
        self._last_sentence: tuple[int | None, list, list[str]] = (None, [], [])
        self._last_background: tuple[int | None, list[str]] = (None, [])
        #: the cues of each sentence of the document last asked about, by sentence index
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        self._typed_words: dict[str, list[str]] = {}
        self._word_features, self._typed_features = word_tables(
            weighed_by or resources.decision_model)
        #: the words the model weighs, alone or with a type (None: every word)
        self._weighed = WeighedWords(self._word_features, self._typed_features, self.bare,
                                     lang.syntax.with_conjunction) if weighed_by is not None \
            else None

    def candidate_features(self, doc: Document) -> list[list[str]]:
        """The features of each of ``doc.events``, in order, each feature once."""
        self._last_sentence, self._last_background = (None, [], []), (None, [])
        self._cues = {}
        article = self._article(doc)
        mentions = doc.trigger_spans()
        # token → the mentions whose actor or recipient covers it
        in_roles: dict[int, set[int]] = {}
        for k, m in enumerate(doc.mentions):
            for e in m.actor + m.recipient:
                for i in range(e.tok_lo, e.tok_hi):
                    in_roles.setdefault(i, set()).add(k)
        first_body = next((s.index for s in doc.sentences if s.kind != "title"), -1)
        types = Counter(e.event_type for e in doc.events)
        title_types = {e.event_type for e in doc.events
                       if any(ev.field == "title" for ev in e.evidence)}
        out = []
        for event in doc.events:
            feats = article + self._record(event, doc.article.date)
            feats += [f"same_type={_bucket(types[event.event_type], (1, 2, 4))}",
                      f"type_in_title={event.event_type in title_types}"]
            ev = event.evidence[0] if event.evidence else None
            found = mentions.get((ev.field, ev.trigger.start, ev.trigger.end)) if ev else None
            if found is not None:
                own, m = found
                feats += self._trigger(doc, m, event.event_type, first_body)
                feats.append(_where_when(feats))
                feats.append(f"entry={self.families[m.trigger.family]}|roles={_roles(event)}")
                feats += self._surroundings(doc, m, event.event_type)
                if in_roles.get(m.trigger.tok_lo, set()) - {own}:
                    feats.append("in_other_role")
            else:
                feats.append("no_mention")
            out.append(list(dict.fromkeys(feats)))     # each once, in a fixed order
        return out

    # -- the article -------------------------------------------------------------------------
    def _article(self, doc: Document) -> list[str]:
        n = len(doc.events)
        conflict = sum(e.event_type in self.conflict for e in doc.events)
        counts = dict.fromkeys(("sport", "business", "culture"), 0)
        words = self.topic_words
        for tok in self.topic_forms.intersection(doc.tokens):
            for topic in words[tok]:
                counts[topic] += 1
        feats = [f"ncand={_bucket(n, (1, 2, 4, 8, 16))}",
                 f"conflict_share={round(conflict / n, 1) if n else 0}"]
        feats += [f"{t}_words={_bucket(c, (0, 1, 3, 6))}" for t, c in counts.items()]
        return feats

    # -- the record --------------------------------------------------------------------------
    def _record(self, event: Event, published: date | None) -> list[str]:
        t = event.event_type
        feats = [f"type={t}", f"mode={t}/{event.mode}", f"rule_modality={event.modality}",
                 f"conf={round(event.confidence, 1)}", f"nevidence={min(len(event.evidence), 3)}",
                 f"days={self._days(event.time, published)}",
                 f"attribution={event.attribution is not None}"]
        for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
            if not parties:
                feats += [f"{role}=none", f"{t}|{role}=none"]
            for e in parties[:2]:
                feats += [f"{role}_kind={e.kind}", f"{role}_sector={e.sector}",
                          f"{role}_nsa={e.code == 'NSA'}"]
        feats += [f"context={c}" for c in event.context]
        return feats + _frame(event)

    def _days(self, time: dict | None, published: date | None) -> str:
        """``_days_before`` of the event's time; in an article without a publication date, of
        its relative expression read as if published on some day: الشهر الماضي is as far back
        in a dated article and an undated one, and the model learnt from dated ones."""
        resolved = self.undated_time(time) if published is None else None
        return _days_before(time, published) if resolved is None \
            else _days_before(resolved, SOME_DAY)

    def undated_time(self, time: dict | None) -> dict | None:
        """An unresolved relative time (an article without a publication date) resolved as if
        the article were published on ``SOME_DAY``; None for any other time."""
        if not time or time.get("anchor") != "unresolved" or not time.get("text"):
            return None
        found = self.times.find(self.normalize_term(time["text"]), SOME_DAY)
        if not found or found[0].start_date is None or found[0].end_date is None:
            return None
        return {"start": found[0].start_date.isoformat(), "end": found[0].end_date.isoformat(),
                "anchor": found[0].anchor, "precision": found[0].precision}

    # -- the trigger -------------------------------------------------------------------------
    def _trigger(self, doc: Document, m: EventMention, etype: str,
                 first_body: int) -> list[str]:
        t = m.trigger
        # the prefix is the trigger's proclitics as matched: the form after it is whole (وافق،
        # وعد، فرض begin with و/ف of their own, which without_conjunction would strip)
        form = doc.norm.text[t.start + len(t.prefix):t.end]
        shape = t.tense + ("+future" if self.marks_future(t.prefix) else "")
        fam = self.families[t.family]
        feats = [f"trigger={form}", f"trigger|type={form}|{etype}", f"tense={shape}",
                 f"entry={fam}",
                 f"type|tense={etype}|{shape}", f"stance={t.stance}",
                 f"rule|tense={t.modality}|{shape}",
                 f"prefix_conj={self.after_conjunction(t.prefix)}",
                 f"prefix_prep={self.preposition(doc.tokens[t.tok_lo], False) is not None}"]
        sents = doc.sentences
        sent = sents[t.sentence]
        where = ("title" if sent.kind == "title" else "first" if sent.index == first_body
                 else f"s{_bucket(sent.index, (2, 3, 5, 8, 12))}")
        # no relative place beside ``where``: the two partitions named the same sentences (the
        # lead is relpos 0 or 1 by the article's length) and split one weight into two of
        # opposite signs (relpos=0 -0.48, where=s<=2 +0.60), though the lead's out-of-fold keep
        # probability matched its keep rate (0.423 against 0.422)
        feats += [f"where={where}", f"type|where={etype}|{where}"]
        return feats

    def _surroundings(self, doc: Document, m: EventMention, etype: str) -> list[str]:
        t = m.trigger
        toks = doc.tokens
        sent = doc.sentences[t.sentence]
        lo = max(sent.tok_lo, t.tok_lo - _WINDOW)
        before = toks[lo:t.tok_lo]
        after = toks[t.tok_hi:min(sent.tok_hi, t.tok_hi + _AFTER)]
        bare = self.bare
        near = [f"prev{i}={bare(w)}" for i, w in enumerate(reversed(before[-2:]), 1)]
        near += [f"next{i}={bare(w)}" for i, w in enumerate(after[:2], 1)]
        # the same words with the type: قتل after حادث is a traffic death, after غارة an attack
        feats = near + [f"{etype}|{f}" for f in near]
        # the cues of each window, read off the sentence's cues (found once per sentence)
        cues = self._sentence_cues(doc, t.sentence)
        tail = t.tok_lo - len(_clause_tail(before, self.breaks))
        feats += [f"cue_before={c}" for c in sorted(_marks_in(cues, tail, t.tok_lo))
                  if c not in _NOT_CUES]
        feats += [f"cue_after={c}" for c in sorted(_marks_in(cues, t.tok_hi, t.tok_hi + len(after)))
                  if c not in _NOT_CUES]
        feats += self._sentence_words(doc, t.sentence, etype)
        head = toks[sent.tok_lo:t.tok_lo]
        feats += self._background(doc, m, before, head)
        if "reporting" in _marks_in(cues, sent.tok_lo, t.tok_lo):
            feats.append("reported")
        if sum(w in self.quotes for w in head) % 2:
            feats.append("in_quotes")
        if "governing" in _marks_in(cues, t.tok_lo - len(before[-3:]), t.tok_lo):
            feats.append("governed")
        return feats

    def _background(self, doc: Document, m: EventMention, before: list[str],
                    head: list[str]) -> list[str]:
        """What tells that the candidate is background to the news: a background word anywhere
        in its sentence, a year before the publication's in it (في أبريل 2014، 1976 - اعتقال),
        a subordinating word just before the trigger (الذي نفذه، بعد هجوم استهدف), a past
        auxiliary earlier in its clause (وكانت النيابة وجهت)."""
        t = m.trigger
        feats = list(self._sentence_background(doc, t.sentence))
        tail = _clause_tail(before, self.breaks)
        for kind in sorted({self.subordinators[tok] for tok in tail[-3:]
                            if tok in self.subordinators}):
            feats += [f"sub={kind}", f"sub|tense={kind}|{t.tense}"]
        bare = self.bare
        if any(bare(w) in self.auxiliaries for w in _clause_tail(head, self.breaks)):
            feats.append(f"aux_past|tense={t.tense}")
        return feats

    def _sentence_background(self, doc: Document, index: int) -> list[str]:
        """A background word in the sentence, and a year in it before (or in) the
        publication's; once per sentence, as ``_sentence_words``."""
        if self._last_background[0] != index:
            sent = doc.sentences[index]
            tokens = doc.tokens[sent.tok_lo:sent.tok_hi]
            cues = self._sentence_cues(doc, index)
            feats = ["sent_cue=background"] if any(c[2] == "background" for c in cues) else []
            published = doc.article.date
            if published is not None:
                years = {int(w) for w in compress(tokens, map(str.isdigit, tokens)) if len(w) == 4}
                years = {y for y in years if 1900 <= y <= published.year}
                if years:
                    feats.append("sent_year=" + ("before" if min(years) < published.year
                                                 else "same"))
                feats += [f"sent_month={m}" for m in self._months_named(tokens, published)]
            self._last_background = (index, feats)
        return self._last_background[1]

    def _months_named(self, tokens: list[str], published: date) -> list[str]:
        """Where the months the sentence names lie against the publication's month (before,
        same, after), for a month name after a day number or an opener of the ``decision``
        table (في يونيو، مطلع حزيران; not مارس the verb) and not followed by a year (a
        year is ``sent_year``'s): وكانت انتحارية فجرت نفسها في يناير is background in July
        though the time stage gives no date for a month alone."""
        found = set()
        bare, months = self.bare, self.months
        # the tokens after a number or a form of an opener, found in C (few are)
        before = tokens[:-1]
        for i in compress(count(1), map(or_, map(str.isdigit, before),
                                        map(self.opener_forms.__contains__, before))):
            prev = tokens[i - 1]
            if not (prev.isdigit() or bare(prev) in self.month_openers):
                continue
            # the month as written first: فبراير is no conjunction ف before براير
            word = tokens[i] if tokens[i] in months else bare(tokens[i])
            pair = f"{word} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
            number = months.get(pair) or months.get(word)
            if number is None:
                continue
            after = tokens[i + 1 + (pair in months):i + 3 + (pair in months)]
            if any(len(w) == 4 and w.isdigit() for w in after):
                continue
            found.add("before" if number < published.month
                      else "same" if number == published.month else "after")
        return sorted(found)

    def _sentence_words(self, doc: Document, index: int, etype: str) -> list[str]:
        """``w=…`` of each distinct word of the sentence, and each again with the candidate's
        type (``ASSAULT|w=…``: a word that makes one type's trigger an event says nothing of
        another's), made once per sentence and type (the last sentence asked is kept: a
        document's candidates come sentence by sentence)."""
        weighed = self._weighed
        if self._last_sentence[0] != index:
            sent = doc.sentences[index]
            tokens = doc.tokens[sent.tok_lo:sent.tok_hi]
            if weighed is None:
                words = map(self.bare, tokens)
                keys = list(map(self._word_features.__getitem__, sorted(set(words))))
                self._last_sentence = (index, keys, keys)
            else:
                ranks = weighed.ranks(tokens)
                self._last_sentence = (index, ranks, weighed.features(ranks))
            self._typed_words = {}
        typed = self._typed_words.get(etype)
        if typed is None:
            _, keys, own = self._last_sentence
            typed = self._typed_words[etype] = own + (
                list(map(self._typed_features[etype].__getitem__, keys)) if weighed is None
                else weighed.typed_features(keys, etype))
        return typed

    def _sentence_cues(self, doc: Document, index: int) -> list[tuple[int, int, str]]:
        """``(first token, end token, cue list)`` of each word or phrase of the sentence that is
        in a cue list (a phrase whole: من alone is no cue, من المتوقع is one; a ``#`` of a
        phrase is any number written in digits: قبل # سنوات is قبل 3 سنوات). Found once per
        sentence; the windows around each candidate read their cues off it (``_marks_in``)."""
        found = self._cues.get(index)
        if found is None:
            sent = doc.sentences[index]
            tokens = doc.tokens[sent.tok_lo:sent.tok_hi]
            begins, lo = self.begins, sent.tok_lo
            lists = list(map(begins.get, tokens))
            found = self._cues[index] = [
                (lo + i, lo + i + 1 + len(rest), kind)
                for i in compress(count(), lists) for kind, rest in lists[i]   # type: ignore[union-attr]
                if not rest or _phrase_at(tokens, i + 1, rest)]
        return found


def _roles(event: Event) -> str:
    """Which roles the candidate names: ``AR`` both, ``A-`` the actor only, ``-R``, ``--``."""
    return ("A" if event.actor else "-") + ("R" if event.recipient else "-")


def _frame(event: Event) -> list[str]:
    """The candidate's frame with its type: which roles it names, the kind and sector of the
    first actor and recipient, and whether they share a code (one party on both sides). A
    state's cable to another (بعث الملك … برقية تهنئة لفخامة الرئيس) is news where a حفل
    تهنئة with no one named is not; each role's features alone cannot weigh the pair."""
    t = event.event_type
    feats = [f"{t}|roles={_roles(event)}"]
    for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
        for e in parties[:1]:
            feats += [f"{t}|{role}_kind={e.kind}", f"{t}|{role}_sector={e.sector}"]
    if event.actor and event.recipient:
        same = bool({e.code for e in event.actor} & {e.code for e in event.recipient})
        feats += [f"same_code={same}", f"{t}|same_code={same}"]
    return feats


def _marks_in(cues: list[tuple[int, int, str]], lo: int, hi: int) -> set[str]:
    """The cue lists of the cues wholly inside tokens ``lo``…``hi`` (a phrase cut by the
    window's edge is none)."""
    return {kind for start, end, kind in cues if lo <= start and end <= hi}


def _phrase_at(tokens: list[str], i: int, rest: tuple[str, ...]) -> bool:
    """Whether ``rest`` is written at ``tokens[i:]``, its ``#`` matching a number in digits."""
    found = tuple(tokens[i:i + len(rest)])
    if found == rest:
        return True
    return NUMBER in rest and len(found) == len(rest) and all(
        w == r or (r == NUMBER and w.isdigit()) for w, r in zip(found, rest))


def _month_names(lang: Any) -> dict[str, int]:
    """Each month name of the language's calendar (one word or two: كانون الثاني) → its
    number, by its normalized spelling."""
    norm = lang.normalize_term
    return {norm(w): int(number) for variety in lang.table("calendar")["months"].values()
            for number, names in variety.items() for w in names}


def _subordinators(lang: Any, table: dict[str, Any]) -> tuple[dict[str, str], frozenset[str]]:
    """What subordinates a trigger to another deed: a relative pronoun or a temporal conjunction
    (first words, with و/ف in front, by kind); and the past auxiliaries (كان), whose clause is
    background even without قد (وكانت النيابة وجهت)."""
    norm = lang.normalize_term
    sub = {"relative": _phrases(table.get("relatives", []), norm),
           "temporal": _phrases(table.get("temporal", []), norm)}
    by_form = {form: kind for kind, ps in sorted(sub.items()) for p in ps
               for form in lang.syntax.with_conjunction(frozenset(p[:1]))}
    auxiliaries = frozenset(norm(w) for w in lang.table("triggers").get("past_auxiliaries", []))
    return by_form, auxiliaries


def _phrases(words: list[str], norm: Callable[[str], str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(norm(w).split()) for w in words)


def _clause_tail(tokens: list[str], breaks: frozenset[str]) -> list[str]:
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in breaks:
            return tokens[i + 1:]
    return tokens


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """``n`` as the first edge it does not pass (``<=2``), or past the last (``>16``)."""
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _cue_beginnings(resources: Resources, table: dict[str, Any], governing: frozenset[str]
                    ) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The cue words and phrases of each kind (negation, reporting, governing, future,
    hypothetical, historical, pledge, background) by the token that can begin them, with or
    without و/ف in front: token → ((kind, the rest of the phrase), …)."""
    lang, g = resources.language, resources.grammar
    assert lang is not None
    words = {"negation": g.negation | g.negation_verbs,
             "reporting": g.speech | g.speech_nouns, "governing": governing}
    phrases = {"future": g.future, "hypothetical": g.hypothetical,
               "historical": g.historical, "pledge": g.pledge,
               "background": _phrases(table.get("background", []), lang.normalize_term)}
    cues: list[tuple[str, tuple[str, ...]]] = [
        (kind, (w,)) for kind, ws in words.items() for w in ws]
    cues += [(kind, p) for kind, ps in phrases.items() for p in ps if p]
    begins: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, phrase in sorted(cues):
        for form in lang.syntax.with_conjunction(frozenset(phrase[:1])):
            begins.setdefault(form, []).append((kind, phrase[1:]))
    return {form: tuple(found) for form, found in begins.items()}


def _where_when(feats: list[str]) -> str:
    """``where`` with how far back the candidate's own time lies: a deed the lead dates is the
    news, one told late with no time of its own mostly the story retold."""
    where = next(f[6:] for f in feats if f.startswith("where="))
    days = next(f[5:] for f in feats if f.startswith("days="))
    return f"where|when={where}|{'/'.join(days.split('/')[:2])}"


def _days_before(time: dict | None, published: date | None) -> str:
    """How many days before publication the event's resolved date ends, in buckets, with the
    date's anchor and precision: twenty days before is background for a day (في 29 أيلول) but
    this article's news for a month (الشهر الماضي in a monthly summary)."""
    if not time or not published or not time.get("end"):
        return "none"
    try:
        days = (published - date.fromisoformat(time["end"])).days
    except ValueError:
        return "none"
    for edge, name in _DAY_BUCKETS:
        if days <= edge:
            return f"{name}/{time.get('anchor')}/{time.get('precision')}"
    return f">365/{time.get('anchor')}/{time.get('precision')}"
