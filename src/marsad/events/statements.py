"""Who says what to whom: the rules of the role stage for statements and diplomacy.

``roles.py`` reads each act's clause; for the statement and diplomacy types (the ``roles``
table's ``subject_in_verb_types``) these rules then settle the speaker and the one addressed,
following ANNOTATION.md (REQUEST: the one asked; THREATEN: the threatened; CONSULT: the other
side of the meeting):

* an honorific with a pronoun right after a statement verb is its subject (وطالب معاليه
  المجتمع الدولي): the one titled before speaks, the phrase after is the one addressed;
* a statement joined by و after a comma to the sentence's verb of saying is the speaker's, and
  the one phrase after it its object (وأكد X أن قوات التحالف …، وطالب قوات التحالف بـ …);
* a word right after the speaker's pronoun (قالت سوريا إنها مستعدة لسحب قواتها من لبنان) has the
  speaker as subject, and the other side, not the speaker's own, as recipient;
* a participle of circumstance shares the main clause's subject (وأكد المتحدث …، مطالبا إيران),
  which goes on with the sentence before where it has none of its own (وأضاف: «…»، مطالبا);
  right after a reported statement verb it goes on with that verb's subject (قال المسؤول إن
  رئيس الأركان طالب …، مهددا: the general threatens);
* an act named as a noun after خلال / أثناء / عقب … with no doer of its own is the speaker's
  (قال أردوغان خلال زيارة إلى الصين، وخلال زيارة إلى إندونيسيا قال الرئيس), and so is a
  statement named as a noun in what a speaker says (مبيناً أن العقوبات ضد إيران ستعود);
* a participle of saying after the main clause (…، مبيناً أن …، مشيرا إلى أن …) reports what
  follows for the main clause's speaker, not for the last phrase before it;
* in a demand, a phrase after a verbal noun carrying ب/ل is what the demanded act concerns, not
  the one asked (طالبت X بمحاكمة الضباط); in a threat it is the one threatened (توعد بسحق X);
* a phrase of the subject's own side right after it is its title or name, not the one
  addressed, when a bare phrase of another side follows in the sentence (استقبل الشيخ محمد بن
  زايد ولي عهد أبوظبي … أمس وزير الخارجية السعودي);
* a meeting with one's counterpart has no host: both sides are the actor (التقى لافروف نظيره),
  but a promise to meet one (سيلتقي نظيره) is made to the counterpart;
* a sentence opened by a verb of saying with no subject of its own (وأضاف أن …، وتابع)
  goes on with the speaker of the sentence before: its clause is that speaker's, and so is a
  statement verb opening a sentence with no subject (قال الرئيس هادي … . وأشاد بـ …), not
  the subject of the clause that speaker reported; the sentence after such a statement goes on
  with the same speaker (… . ودعا الدول العربية … . وشدد على أن …، متهما).

The words are the language's (``roles``: ``circumstance_prepositions``, ``content_types``,
``threat_content_types``, ``counterpart_meetings``, ``said_types``, ``saying_participles``,
``apposition_reach``, ``honorific_pronouns``;
``actors``: ``counterparts``).
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, Sentence, TriggerMention
from marsad.events.hosting import MeetingHosts
from marsad.events.phrases import COMMA, PhraseReader
from marsad.events.speech import SpeechReader
from marsad.lang import Language
from marsad.resources.tables import EventFamily

Roles = tuple[list[EntityMention], list[EntityMention]]


class StatementReader:
    def __init__(self, ph: PhraseReader, speech: SpeechReader, lang: Language,
                 statements: frozenset[str], families: tuple[EventFamily, ...]):
        self.ph = ph
        self._families = families
        self.speech = speech
        self.statements = statements
        roles = lang.table("roles")
        norm = lang.normalize_term
        self._circumstance_words = lang.syntax.with_conjunction(
            frozenset(norm(w) for w in roles["circumstance_prepositions"]))
        self._content_types = frozenset(roles["content_types"])
        self._threat_types = frozenset(roles["threat_content_types"])
        self._reciprocal_meetings = frozenset(roles["counterpart_meetings"])
        self._said_types = frozenset(roles["said_types"])
        self._honorifics = frozenset(norm(w) for w in roles["honorific_pronouns"])
        #: how far past a subject's apposition the one addressed may stand, and what ends it
        self._apposition_reach = int(roles["apposition_reach"])
        self._apposition_stops = frozenset(
            ph._clause_verbs | lang.syntax.with_conjunction(frozenset(
                norm(w) for w in lang.table("function_words")["complementizers"])) | {".", ":"})
        self._counterparts = frozenset(norm(w) for w in lang.table("actors")["counterparts"])
        #: a meeting's guest and host (hosting.py)
        self.hosts = MeetingHosts(ph, self._apposition_stops)
        #: the types asked of the subject of a clause after أن (تأمل في أن ترفع واشنطن …)
        self._clause_request_types = frozenset(roles["clause_request_types"])
        self._plain_complementizers = ph.g.complementizers - ph._pronoun_complementizers
        #: per document: each sentence's phrases, and the speaker each sentence goes on with
        self._by_sentence: dict[int, list[EntityMention]] = {}
        self._speakers: dict[int, list[EntityMention]] = {}
        #: per document: the speaker a sentence opening on a statement verb went on with
        self._carried: dict[int, list[EntityMention]] = {}

    def start(self, by_sentence: dict[int, list[EntityMention]]) -> None:
        """A new document: its phrases by sentence."""
        self._by_sentence = by_sentence
        self.hosts.start()
        self._speakers = {}
        self._carried = {}

    # -- the speaker -----------------------------------------------------------------------
    def speaker_first(self, doc: Document, sent: Sentence, t: TriggerMention, fam: EventFamily,
                      ents: list[EntityMention], reporter: list[EntityMention],
                      pronoun_subject: bool, passive: bool, roles: Roles) -> Roles:
        """The statement joined to the verb of saying, the word after the speaker's pronoun
        (module docstring) and an obligation (يجب أن), over the roles its clause gave."""
        actor, recipient = roles
        if fam.type in self.statements and t.tense in ("past", "present") and not passive \
                and t.tok_hi < len(doc.tokens) and doc.tokens[t.tok_hi] in self._honorifics:
            # وطالب معاليه المجتمع الدولي: the honorific is the subject, the one titled before
            return [], [e for e in actor if e.tok_lo > t.tok_hi] or recipient
        if fam.type in self.statements and t.tense in ("past", "present") and not passive \
                and self._after_comma_and(doc, t):
            actor, recipient = self._speakers_next_statement(doc, sent, t, ents, actor, recipient)
        if t.tense == "noun" and pronoun_subject and reporter and self.opens_clause(doc, t):
            # the speaker's own (قواتها) is not whom the act concerns when another side is named
            own = {e.code for e in reporter}
            others = [e for e in actor + recipient if e not in reporter and e.code not in own]
            actor, recipient = reporter, others or [e for e in recipient if e not in reporter]
        if fam.frame == "obligation" and not actor:
            # قال هادي، إن أي حوارات … يجب أن تكون …: the obligation is the speaker's, even with
            # words between the verb of saying and it; the speaker is not the one obliged
            actor = self.speech.speaker(doc, sent, t, ents)
            recipient = [e for e in recipient if e not in actor]
        return actor, recipient

    def circumstance(self, doc: Document, sent: Sentence, siblings: list[EventMention],
                     t: TriggerMention, fam: EventFamily, ents: list[EntityMention],
                     after: list[EntityMention], roles: Roles,
                     previous: list[EntityMention]) -> Roles:
        """وأكد المتحدث …، مطالبا إيران بـ …: a participle of circumstance shares the main
        clause's subject (the speaker, else the subject of the nearest verb before it: هدد
        داعش …، فيما انتقد الوزير تركيا، داعيا إياها …; else the sentence's first actor); the
        phrase right after it is its object. A main clause with no subject of its own goes on
        with the sentence before: وأضاف: «…»، مشددا على ضرورة … is the speaker's of the sentence
        before, and so is a participle that opens its sentence (…. مطالبا الحكومة بـ …). With no
        subject found the phrase after it is still its object (… إنهم القوة الأساسية، متهمين عناصر
        الميليشيات الحوثية بالفرار: the militias are accused, not accusing)."""
        actor, recipient = roles
        if t.tense != "noun" or self.ph._bare(doc.tokens[t.tok_lo]) not in self.ph._circumstantial:
            return actor, recipient
        # the acts told before it, not inside a quotation closed since («…»، داعيا)
        told = [m for m in siblings if m.actor and m.trigger.tok_lo < t.tok_lo
                and not self.speech.quote_closed(doc, m.trigger, t)]
        main = self._reported_statement(doc, siblings, t) \
            or self._governing_speaker(doc, sent, t.tok_lo, ents) \
            or self._main_verb_subject(doc, told) or next(
            (m.actor for m in reversed(told) if m.trigger.tense != "noun"), []) \
            or next((m.actor for m in told), []) or (
            (self.speaker_before(doc, sent.index) or previous)
            if not any(w.isalpha() for w in doc.tokens[sent.tok_lo:t.tok_lo]) else [])
        obj = self.ph._first_chain(doc, after, bare=True, max_gap=1, start=t.tok_hi) \
            or self.ph._marked(doc, after, fam, allow_obj=False) or recipient
        if not main:    # no subject found: the phrase right after it is still not its doer
            return [e for e in actor if e not in obj], obj
        return main, [e for e in obj if e not in main]

    def _main_verb_subject(self, doc: Document, told: list[EventMention]) -> list[EntityMention]:
        """The subject of the nearest verb before the participle that is not in a clause an
        earlier verb governs through a complementizer: ونفى أردوغان الاتهامات بأن تركيا تساعد
        داعش، متهما «قوى سوداء» … is Erdogan's accusation, not Turkey's."""
        verbs = [m for m in told if m.trigger.tense != "noun"]
        comps, bare = self.ph.g.complementizers, self.ph._bare
        for k in range(len(verbs) - 1, -1, -1):
            lo = verbs[k - 1].trigger.tok_hi if k else None
            if lo is None or not any(w in comps or bare(w) in comps
                                     for w in doc.tokens[lo:verbs[k].trigger.tok_lo]):
                return verbs[k].actor
        return []

    def _reported_statement(self, doc: Document, siblings: list[EventMention],
                            t: TriggerMention) -> list[EntityMention]:
        """قال المسؤول إن رئيس الأركان الأمريكي طالب …، مهددا بإجراءات: a participle right
        after a reported statement verb goes on with that verb's subject, not the speaker's;
        after the quotation that holds the verb closes, it is the speaker's again."""
        last = next((m for m in reversed(siblings) if m.trigger.tok_lo < t.tok_lo), None)
        if last is None or last.trigger.tense not in ("past", "present") or not last.actor \
                or self._families[last.trigger.family].type not in self.statements \
                or not self.speech.in_what_is_said(doc, doc.sentences[t.sentence], last.trigger) \
                or self.speech.quote_closed(doc, last.trigger, t):
            return []
        return last.actor

    def _governing_speaker(self, doc: Document, sent: Sentence, at: int,
                           ents: list[EntityMention]) -> list[EntityMention]:
        """The subject of the verb of saying before the token ``at`` in its sentence, or, when
        that verb opens the sentence with no subject (وأضاف: «…»), the speaker of the sentence
        before."""
        speaker = self.speech.speaker_before_word(doc, sent, at, ents)
        verb = self.speech.opening_verb(doc, sent)
        if speaker or verb is None or verb >= at:
            return speaker
        return self.speaker_before(doc, sent.index)

    def occasion(self, doc: Document, sent: Sentence, t: TriggerMention, fam: EventFamily,
                 ents: list[EntityMention], roles: Roles, reporter: list[EntityMention]) -> Roles:
        """قال أردوغان خلال زيارة إلى الصين: an act named after خلال … with no doer of its own
        is the speaker's, before it or after it; so is a statement named as a noun in what a
        speaker says (مبينا أن العقوبات ضد إيران ستعود: the threat is the speaker's)."""
        actor, recipient = roles
        if not actor and reporter and t.tense == "noun" and fam.type in self._said_types \
                and not any(self.ph._reporting_source(doc, e) for e in reporter):
            return reporter, [e for e in recipient if e not in reporter]   # a source reports only
        if actor or t.tense != "noun" or fam.type not in self.statements \
                or t.tok_lo <= sent.tok_lo or doc.tokens[t.tok_lo - 1] not in self._circumstance_words:
            return actor, recipient
        actor = self.speech.speaker(doc, sent, t, ents) \
            or self.speech.speaker_after(doc, sent, t, ents)
        return actor, [e for e in recipient if e not in actor]

    # -- the speaker of the sentence before ------------------------------------------------
    def carried_reporter(self, doc: Document, sent: Sentence, left_edge: int,
                         reporter: list[EntityMention]) -> list[EntityMention]:
        """وأضاف أنه …: the clause after the complementizer of a verb of saying that opens the
        sentence with no subject is reported by the sentence before's speaker."""
        if reporter or left_edge <= sent.tok_lo:
            return reporter
        said = self.speech.saying_participle(doc, sent, left_edge)
        if said is not None:    # …، مبينا أن العقوبات ستعود: the main clause's speaker says it
            return self._governing_speaker(doc, sent, said, self._by_sentence.get(sent.index, []))
        verb = self.speech.opening_verb(doc, sent)
        if verb is None or verb >= left_edge - 1 \
                or any(w.isalpha() for w in doc.tokens[verb + 1:left_edge - 1]):
            return reporter     # وأفاد المصدر بأنه: a subject the phrases do not name
        return self.speaker_before(doc, sent.index)

    def carried_speaker(self, doc: Document, sent: Sentence, t: TriggerMention,
                        fam: EventFamily) -> list[EntityMention]:
        """وأشاد بـ …: a statement verb opening its sentence with no subject is the speaker's
        of the sentence before, when that one has a speaker."""
        if fam.type not in self.statements or t.tok_lo != sent.tok_lo:
            return []
        speaker = self.speaker_before(doc, sent.index)
        if speaker:     # ودعا الدول العربية … . وشدد على أن …: the next goes on with him too
            self._carried.setdefault(sent.index, speaker)
        return speaker

    def speaker_before(self, doc: Document, index: int) -> list[EntityMention]:
        """The speaker the sentence ``index`` goes on with: the sentence before's own, or the
        one that sentence went on with when it opens with a verb of saying of no subject."""
        if index <= 0:
            return []
        if index not in self._speakers:
            sent = doc.sentences[index - 1]
            self._speakers[index] = self.speech.own_speaker(
                doc, sent, self._by_sentence.get(index - 1, [])) or (
                self.speaker_before(doc, index - 1)
                if self.speech.opening_verb(doc, sent) is not None
                else self._carried.get(index - 1, []))
        return self._speakers[index]

    # -- the one addressed -----------------------------------------------------------------
    def addressed(self, doc: Document, t: TriggerMention, fam: EventFamily,
                  after: list[EntityMention], roles: Roles) -> Roles:
        """The content of a demand and of a threat, the one a hope expects to act, and a meeting
        of counterparts (module docstring)."""
        actor, recipient = roles
        recipient = self._past_the_apposition(doc, t, fam, after, actor, recipient)
        actor, recipient = self.hosts.sides(doc, t, fam, (actor, recipient))
        k = next((k for k, e in enumerate(actor) if k and not recipient and self.object_after_comma(
            doc, t, fam, e.tok_lo - 1, doc.sentences[t.sentence].tok_hi)), 0)
        if k:   # دعا الخبير …، المجلس البلدي بـ …: not a compound subject, a subject and its object
            actor, recipient = actor[:k], actor[k:]
        if fam.type in self._clause_request_types and not recipient:
            recipient = [e for e in self._clause_subject(doc, t, actor) if e not in actor]
        if fam.type in self._content_types and recipient and self._in_content(doc, recipient[0]):
            recipient = []
        if fam.frame == "hope" and not recipient:     # أمله في المرونة التي تبديها موسكو
            recipient = self._hoped_of(doc, t, actor)
        if fam.type in self._threat_types and not recipient and t.tense != "noun":
            recipient = next((self.ph._chain_from(doc, after, k) for k, e in enumerate(after)
                              if e not in actor and self._in_content(doc, e)), [])
        if fam.type in self._reciprocal_meetings and fam.mode != "visit" and actor and recipient \
                and t.stance != "pledge" and all(self._counterpart(doc, e) for e in recipient):
            actor, recipient = actor + recipient, []
        return actor, recipient

    def _hoped_of(self, doc: Document, t: TriggerMention, actor: list[EntityMention]
                  ) -> list[EntityMention]:
        """The party a hope expects to act: the first the hoped-for words name before a comma,
        however deep in them (في أن ترفع واشنطن، في المرونة التي تبديها موسكو)."""
        sent, tokens = doc.sentences[t.sentence], doc.tokens
        stop = next((i for i in range(t.tok_hi, sent.tok_hi) if tokens[i] == COMMA), sent.tok_hi)
        named = [e for e in doc.entities if e.sentence == t.sentence
                 and t.tok_hi <= e.tok_lo < stop and e not in actor]
        return self.ph._chain_from(doc, named, 0) if named else []

    def _past_the_apposition(self, doc: Document, t: TriggerMention, fam: EventFamily,
                             after: list[EntityMention], actor: list[EntityMention],
                             recipient: list[EntityMention]) -> list[EntityMention]:
        """استقبل الشيخ محمد بن زايد ولي عهد أبوظبي … أمس عادل الجبير: a phrase of the
        subject's own side right after it (or after a comma) is its title or its name, not the
        one addressed, when a phrase of another side stands bare later in the clause."""
        if fam.type not in self.statements or t.tense == "noun" or not actor or not recipient \
                or actor[0].tok_lo < t.tok_hi or not 0 <= recipient[0].tok_lo - actor[-1].tok_hi <= 1:
            return recipient
        side = {e.code for e in actor}
        if any(e.code not in side for e in recipient):
            return recipient
        # past commas too (…، أمس، في مقر الحكومة، وزير الدولة الإماراتي), not past a clause
        end = recipient[-1].tok_hi
        stop = next((i for i in range(end, min(end + self._apposition_reach, len(doc.tokens)))
                     if doc.tokens[i] in self._apposition_stops), end + self._apposition_reach)
        later = [e for e in self._by_sentence.get(t.sentence, []) if end <= e.tok_lo < stop
                 and e.code not in side and self.ph._governor(doc, e) is None]
        return self.ph._chain_from(doc, later, 0) if later else recipient

    def _clause_subject(self, doc: Document, t: TriggerMention,
                        actor: list[EntityMention]) -> list[EntityMention]:
        """تأمل في أن ترفع واشنطن اسمها، أكد ضرورة أن تعمل ميانمار، يطالب بأن يقر مجلس الوزراء:
        the subject of a clause after أن right after the act or its subject (one preposition may
        come between), right after أن or after the clause's verb; not where أن carries a pronoun."""
        tokens = doc.tokens
        i = actor[-1].tok_hi if actor and actor[0].tok_lo >= t.tok_hi else t.tok_hi
        end = doc.sentences[t.sentence].tok_hi
        if i < end and tokens[i] in self.ph.g.prepositions:
            i += 1
        if i >= end or tokens[i] not in self._plain_complementizers:
            return []
        ents = self._by_sentence.get(t.sentence, [])
        k = next((k for k, e in enumerate(ents) if not e.prefix and (e.tok_lo == i + 1 or (
            e.tok_lo == i + 2 and tokens[i + 1].isalpha() and i + 1 not in self.ph._in_entity))),
            None)
        return self.ph._chain_from(doc, ents, k) if k is not None else []

    # -- words -----------------------------------------------------------------------------
    def opens_clause(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the word stands right after the complementizer that carries its subject
        (فإنها دعت), not after a phrase of its own (وصفه بأنه «معركة» سمحت تركيا)."""
        if t.tok_lo == 0:
            return False
        return self.ph._bare(doc.tokens[t.tok_lo - 1]) in self.ph._pronoun_complementizers

    def complement_after_subject(self, doc: Document, t: TriggerMention, fam: EventFamily,
                                 comma: int, end: int) -> bool:
        """توعد الرئيس، بسحق «بوكو حرام»، …: after a statement's subject, a comma before a
        governed phrase (or an object and then a governed phrase) opens the statement's own
        complement, not an aside."""
        return fam.type in self.statements and 0 <= comma < end - 1 \
            and doc.tokens[comma] == COMMA and (self.ph._governed_next(doc.tokens[comma + 1])
                                                or self.object_after_comma(doc, t, fam, comma, end))

    def clause_goes_on(self, doc: Document, t: TriggerMention, fam: EventFamily, stop: int,
                       end: int) -> bool:
        """Whether the clause read from ``t`` goes on over the comma at ``stop``: a governed
        phrase after it (توعد الرئيس، بسحق …), a compound's next part on a partitive head (بين
        القوات التركية، وعناصر الحزب), the second side after بين (``_second_side``), or a
        statement's object after its long subject."""
        return doc.tokens[stop] == COMMA and stop + 1 < end and (
            self.ph._governed_next(doc.tokens[stop + 1]) or self.ph._joins(doc.tokens[stop:stop + 2])
            or self._second_side(doc, t, stop) or self.object_after_comma(doc, t, fam, stop, end))

    def _second_side(self, doc: Document, t: TriggerMention, comma: int) -> bool:
        """اشتباكات بين الجيش اليمني، والحوثيين: after بين and its first side, a phrase joined by
        و after the comma is the second side."""
        if self.ph._between not in doc.tokens[t.tok_hi:comma]:
            return False
        second = next((e for e in self._by_sentence.get(t.sentence, ()) if e.tok_lo == comma + 1),
                      None)
        return second is not None and second.prefix.startswith(self.ph._coordinators)

    def object_after_comma(self, doc: Document, t: TriggerMention, fam: EventFamily, comma: int,
                           end: int) -> bool:
        """ودعا الخبير الاجتماعي الدكتور عبدالرحمن كماس، المجلس البلدي بالارتقاء بالأداء: after
        the first comma of a statement that takes an object, a bare phrase followed by a governed
        word (ب، إلى) is the object the long subject before the comma left for later."""
        tokens = doc.tokens
        if tokens[comma] != COMMA or fam.type not in self.statements \
                or "obj" not in self.ph._recipient_markers[fam.recipient] \
                or COMMA in tokens[t.tok_hi:comma] or comma - 1 not in self.ph._in_entity:
            return False
        obj = next((e for e in self._by_sentence.get(t.sentence, ()) if e.tok_lo == comma + 1), None)
        return obj is not None and not obj.prefix and obj.tok_hi < end \
            and self.ph._governed_next(tokens[obj.tok_hi])

    def _after_comma_and(self, doc: Document, t: TriggerMention) -> bool:
        """Whether the verb opens a clause joined by و after a comma (…، وطالب …)."""
        return t.prefix[:1] in self.ph._coordinators and t.tok_lo > 0 \
            and doc.tokens[t.tok_lo - 1] == COMMA

    def _speakers_next_statement(self, doc: Document, sent: Sentence, t: TriggerMention,
                                 ents: list[EntityMention], actor: list[EntityMention],
                                 recipient: list[EntityMention]) -> Roles:
        """وأكد القميشي أن قوات التحالف تقوم بدور فعال، وطالب قوات التحالف بالاستمرار: not the
        subject of the clause reported in between; two phrases after the verb are a subject and
        an object of its own."""
        speaker = self.speech.speaker(doc, sent, t, ents)
        if not speaker or (actor and recipient and actor[0].tok_lo > t.tok_lo):
            return actor, recipient
        obj = actor if actor and actor[0].tok_lo > t.tok_lo else []
        return speaker, [e for e in recipient or obj if e not in speaker]

    def _in_content(self, doc: Document, e: EntityMention) -> bool:
        """Whether ``e`` is the genitive of a verbal noun that carries ب or ل (بتوقيف سليمان
        الأسد، لمحاسبة المسؤولين): the preposition is the noun's, not the phrase's; not a link
        to a leader or an owner (شبكة القاعدة بزعامة بن لادن)."""
        lo = e.tok_lo
        if lo == 0 or self.ph._preposition_clitics.get(e.prefix) or (lo - 1) in self.ph._in_entity:
            return False
        prev = doc.tokens[lo - 1]
        return prev not in self.ph._not_prepositional and prev not in self.ph._link_words \
            and self.ph._fused_preposition(prev, False) is not None

    def _counterpart(self, doc: Document, e: EntityMention) -> bool:
        """Whether the phrase opens on a word for one's counterpart (نظيره، بنظيره)."""
        word = self.ph._bare(doc.tokens[e.tok_lo])
        if self.ph._fused_preposition(word, True):
            word = word[1:]
        return word in self._counterparts
