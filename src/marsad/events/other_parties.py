"""The other party of an act where its clause names it by a pronoun, by agreement or elsewhere
in its sentence: rules of the role stage (``roles.py``), which reads the clause first.

* a feminine phrase right after a masculine statement verb (وطالب الحكومة الإسرائيلية، ودعا
  الدول العربية، ودعا قيادة المقاومة: a feminine head outside the phrase it governs) is its
  object, since a verb agrees in gender with the subject that follows it;
* a verb joined by و to an earlier verb shares its subject, unless its object is a pronoun, on
  the verb or after the act's preposition following the phrase after the verb (واتهمها الرئيس
  الفلسطيني، واعتدت قوات الاحتلال عليهم), or it does not agree with that subject: a masculine
  singular form (واعتقل، وهاجم) after a feminine subject (القوات، الطائرات) has the phrase
  after it as its own subject (هاجمت القوات مواقع المتمردين واعتقل الجيش خمسة منهم);
* an object pronoun on the verb (رفضته) or after the preposition that marks the act's recipient
  (واعتدت القوات عليهم، يجري التحقيق معه) stands for the last party named before it
  (``pronoun_objects.py``);
* a statement's or meeting's noun carrying a pronoun (خلال لقائه القنصل الأميركي) has the
  phrase after it as the one met and the speaker as its other party; a reception's pronoun
  (خلال استقباله X) is the host, X the guest, unless the noun follows في (وجد في استقباله X:
  X received him);
* a call received (تلقى X - حفظه الله - اتصالا من Y) is made to the receiving verb's subject;
* a charge named after an act (اعتقلت الشرطة خمسة أشخاص بتهمة …) is against the act's
  recipient, by its actor; those charged with terrorism are an armed group (``suspects.py``);
* an adjective of origin that ends the actor's phrase (شرطة ولاية نيوجيرسي الأمريكية) is not
  the recipient; a recipient with the actor's codes is dropped only when it is the actor named
  again by the same words: two officials of one side (دعا الرئيس المصري وزير الخارجية المصري)
  are two parties.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.spans import EntityMention, EventMention, Sentence, TriggerMention
from marsad.events.phrases import PhraseReader
from marsad.events.pronoun_objects import PronounObjects
from marsad.events.speech import SpeechReader
from marsad.events.suspects import SuspectReader
from marsad.events.verb_forms import bare_forms, masculine_forms
from marsad.lang import Language
from marsad.resources.tables import EventFamily

Roles = tuple[list[EntityMention], list[EntityMention]]

#: how many words before a received act (اتصالا هاتفيا) its receiving verb may stand: a long
#: subject with its titles and an aside comes between
RECEIVER_REACH = 20
#: the types whose people recipients may be suspects of terrorism (suspects.py): an arrest,
#: and a charge or a trial
SUSPECT_TYPES = frozenset({"COERCE", "ACCUSE"})


class OtherParties:
    def __init__(self, ph: PhraseReader, speech: SpeechReader, lang: Language,
                 families: tuple[EventFamily, ...], statements: frozenset[str]):
        self.ph = ph
        self.speech = speech
        self.statements = statements
        self.suspects = SuspectReader(lang)
        #: per family, the verb forms whose subject right after them is masculine (طالب، يطالب)
        self._masculine = masculine_forms(lang, families, statements)
        #: per family of any type, its verbs' third person masculine singular forms
        self._masculine_verbs = {
            i: frozenset(lang.normalize_term(f) for v in fam.verbs
                         for f in lang.morphology.masculine_forms(v))
            for i, fam in enumerate(families) if fam.verbs}
        #: whom an object pronoun on a speech or political verb stands for (pronoun_objects.py)
        self.objects = PronounObjects(ph, lang, families, bare_forms(lang, families, statements))
        self._third_person = frozenset(lang.normalize_term(w)
                                       for w in lang.table("actors")["third_person_suffixes"])
        #: وجد في استقباله مسؤولين: the words before a reception noun whose pronoun is the guest
        self._welcomed = frozenset(lang.normalize_term(w)
                                   for w in lang.table("roles")["guest_reception_words"])
        #: احتجازه، إطلاق سراحه: the types whose act's noun may carry the one acted on as a pronoun
        self._possessed_patient = frozenset(lang.table("roles")["possessed_patient_types"])
        #: per document: the enclitic on each trigger's word, by the trigger's start
        self._trigger_suffixes: dict[int, str] = {}

    def start(self, doc: Document) -> None:
        """Reads what the rules need of a new document."""
        self._trigger_suffixes = {m.start: m.suffix for m in doc.matches
                                  if m.terms and m.terms[0].layer == "trigger"}

    def disagrees(self, doc: Document, t: TriggerMention, e: EntityMention) -> bool:
        """Whether the phrase right after a masculine form of the verb is feminine, so cannot
        be its subject (a verb agrees in gender with the subject that follows it); so is a
        feminine head the lexicon leaves out of the phrase it governs (ودعا قيادة المقاومة)."""
        if self.ph._bare(doc.tokens[t.tok_lo]) not in self._masculine.get(t.family, ()):
            return False
        if e.tok_lo == t.tok_hi:
            return self.ph._feminine(doc, e)
        head = t.tok_hi
        return e.tok_lo == head + 1 and doc.tokens[head].isalpha() \
            and head not in self.ph._in_entity and head not in self.ph._in_trigger \
            and doc.tokens[head] not in self.ph.g.prepositions \
            and self.ph._fused_preposition(doc.tokens[head], True) is None \
            and self.ph.feminine_word(doc, head)

    def disagreeing_subject(self, doc: Document, t: TriggerMention, fam: EventFamily,
                            after: list[EntityMention], earlier: list[EntityMention]
                            ) -> Roles | None:
        """هاجمت القوات مواقع المتمردين واعتقل الجيش خمسة منهم: a verb joined by و whose
        masculine singular form does not agree with the earlier verb's feminine subject
        (``earlier``) has the phrase right after it as its own subject, and its object marked
        after that; None where the subject may be shared."""
        if not earlier or earlier[0].tok_lo > t.tok_lo \
                or self.ph._bare(doc.tokens[t.tok_lo]) not in self._masculine_verbs.get(t.family, ()) \
                or not self.ph._feminine(doc, earlier[0]):
            return None
        own = self.ph._first_chain(doc, after, bare=True)
        if not own or own[0].tok_lo != t.tok_hi:
            return None
        rest = [e for e in after if e.tok_lo >= own[-1].tok_hi]
        return own, self.ph._marked(doc, rest, fam, after_tok=own[-1].tok_hi)

    def own_subject(self, doc: Document, t: TriggerMention, fam: EventFamily,
                    after: list[EntityMention]) -> Roles | None:
        """واتهمها الرئيس الفلسطيني، واعتدت قوات الاحتلال عليهم: a verb joined by و whose
        object is a pronoun, on the verb or after the preposition that directs the act right
        after the phrase that follows the verb, has that phrase as its own subject, not the
        earlier verb's (the pronoun is read later); None otherwise."""
        own = self.ph._first_chain(doc, after, bare=True)
        if not own or own[0].tok_lo != t.tok_hi:
            return None
        # a preposition that directs the act (على، ضد), not one of its source: وطردت الفصائل منها
        markers = self.ph._recipient_markers[fam.recipient] \
            & self.ph._directed.get(fam.type, self.ph._directed_any)
        if self.objects.object_suffix(doc, t) is None \
                and self.objects.marked_pronoun(doc, own[-1].tok_hi, markers) is None:
            return None
        return own, []

    def pronouns(self, doc: Document, t: TriggerMention, fam: EventFamily,
                 ents: list[EntityMention], by_sentence: dict[int, list[EntityMention]],
                 passive: bool, roles: Roles) -> Roles:
        """The recipient an object pronoun stands for, on the verb or after its preposition;
        on the noun of an act done to people (احتجازه), the pronoun is the one it is done to."""
        actor, recipient = roles
        if not recipient and t.tense == "noun" and fam.genitive == "recipient" \
                and fam.type in self._possessed_patient \
                and self._trigger_suffixes.get(t.start) in self._third_person:
            return self.objects.possessor(doc, t, self._trigger_suffixes[t.start], ents,
                                          actor, by_sentence)
        if passive:
            return actor, recipient
        if t.tense in ("past", "present"):
            recipient = self.objects.referent(doc, t, ents, actor, by_sentence) or recipient
        return actor, recipient or self.objects.after_preposition(
            doc, t, self.ph._recipient_markers[fam.recipient], ents, actor, by_sentence) \
            or self.objects.detached(doc, t, ents, actor, by_sentence)

    def possessed_act(self, doc: Document, sent: Sentence, t: TriggerMention, fam: EventFamily,
                      ents: list[EntityMention], subjects: list[list[EntityMention]],
                      roles: Roles) -> Roles:
        """وأكد عباس خلال لقائه القنصل الأميركي، لدى استقباله وفدا: a statement's or a
        meeting's noun carrying a pronoun has its genitive in the pronoun, so the phrase right
        after it is its object; the pronoun stands for the clause's subject (the speaker, else
        ``subjects`` in turn: the sentence's earlier actor, the subject before, the subject of
        the sentence before), the other party."""
        actor, recipient = roles
        if t.tense != "noun" or fam.type not in self.statements or recipient \
                or not actor or actor[0].tok_lo < t.tok_hi or t.tok_hi - t.tok_lo != 1 \
                or self._trigger_suffixes.get(t.start) not in self._third_person \
                or not all(self.ph._bare(w) in self.ph._after_passive_subject    # لقائه أمس X
                           for w in doc.tokens[t.tok_hi:actor[0].tok_lo]):
            return actor, recipient
        owner = self.speech.speaker(doc, sent, t, ents) or next((s for s in subjects if s), [])
        owner = [e for e in owner if e not in actor]
        if owner and fam.frame == "hosting" and doc.tokens[t.tok_lo - 1] not in self._welcomed:
            # خلال استقباله X: the pronoun is the host (the role stage swaps host and visitor
            # last); وجد في استقباله X: X received him
            return owner, actor
        return (actor, owner) if owner else (actor, recipient)

    def receiver(self, doc: Document, t: TriggerMention, ents: list[EntityMention],
                 before: list[EntityMention]) -> list[EntityMention]:
        """تلقى الملك اتصالا هاتفيا من X، الملك يتلقى اتصالا من X: the receiving verb's subject
        (after it, else before it), when the act right after that verb is ``t``; the subject
        may be long and carry an aside (تلقى خادم الحرمين الشريفين الملك سلمان - حفظه الله -
        اتصالا), which ends the clause that ``before`` covers, so the sentence's phrases
        (``ents``) are read."""
        first = max(doc.sentences[t.sentence].tok_lo, t.tok_lo - RECEIVER_REACH)
        verb = next((i for i in range(t.tok_lo - 1, first - 1, -1)
                     if self.ph._bare(doc.tokens[i]) in self.ph._receiving_verbs), None)
        if verb is None or self.ph._in_trigger.intersection(range(verb + 1, t.tok_lo)):
            return []
        between = [e for e in ents if verb < e.tok_lo and e.tok_hi <= t.tok_lo]
        if between:
            return self.ph._first_chain(doc, between, bare=True)
        return self.ph._subject_before(doc, [e for e in before if e.tok_hi <= verb], None,
                                       end=verb)

    def charge(self, doc: Document, siblings: list[EventMention], t: TriggerMention,
               fam: EventFamily, roles: Roles) -> Roles:
        """اعتقلت الشرطة خمسة أشخاص بتهمة الاتجار: a charge named after an act (بتهمة، بشبهة)
        is against the act's recipient, by its actor; the people of an arrest, a charge or a
        trial suspected of terrorism are an armed group."""
        actor, recipient = roles
        if not recipient and t.tense == "noun" and self.suspects.is_cue(doc.tokens[t.tok_lo]):
            prior = next((m for m in reversed(siblings)
                          if m.trigger.tok_lo < t.tok_lo and m.recipient), None)
            if prior is not None:
                actor, recipient = prior.actor or actor, prior.recipient
        if fam.type in SUSPECT_TYPES:
            # 590 شخصا متهمين بالارتباط بداعش، وجهت اتهامات بالإرهاب لـ 15 شخصا
            recipient = self.suspects.recode(doc, recipient, t.tok_lo)
        return actor, recipient

    def other_party(self, doc: Document, fam: EventFamily, actor: list[EntityMention],
                    recipient: list[EntityMention], after: list[EntityMention]
                    ) -> list[EntityMention]:
        """The recipient, less the actor named again (``same_party``); an adjective of origin
        that ends the actor's phrase (اعتقلت شرطة ولاية نيوجيرسي الأمريكية شابا) gives way to the
        marked phrase after it."""
        if self._ends_actor(doc, actor, recipient):
            e = recipient[0]
            return self.ph._marked(doc, [x for x in after if x.tok_lo >= e.tok_hi], fam,
                                   after_tok=e.tok_hi)
        return [] if self.same_party(doc, actor, recipient) else recipient

    def same_party(self, doc: Document, actor: list[EntityMention],
                   recipient: list[EntityMention]) -> bool:
        """Whether the recipient is the actor named again (وطيران التحالف يقصف …، وشن طيران
        التحالف): the same entries by the same words."""
        if {e.id for e in actor} != {e.id for e in recipient}:
            return False
        words = {self._words(doc, e) for e in actor}
        return any(self._words(doc, e) in words for e in recipient)

    def _ends_actor(self, doc: Document, actor: list[EntityMention],
                    recipient: list[EntityMention]) -> bool:
        """Whether the recipient is one definite adjective of a country (الأمريكية, not its
        people) after the actor, with only the indefinite nouns and names of a genitive chain
        between: the actor's head has no article (شرطة), so the words after it are its
        genitives, and the adjective describes one of them, not a party of its own."""
        if len(recipient) != 1 or not actor or recipient[0].tok_hi - recipient[0].tok_lo != 1:
            return False
        e, art, tokens = recipient[0], self.ph._article, doc.tokens
        word = tokens[e.tok_lo]
        chain = tokens[actor[-1].tok_hi - 1:e.tok_lo]
        return e.prefix in ("", art) and word.startswith(art) and word in self.ph._nisbas \
            and not self.objects.people(word) and actor[-1].tok_hi <= e.tok_lo \
            and e.tok_lo - actor[-1].tok_hi <= 3 and e.sentence == actor[-1].sentence \
            and not self.ph._in_trigger.intersection(range(actor[-1].tok_hi, e.tok_lo)) \
            and all(w.isalpha() and not w.startswith(art) and w not in self.ph.g.prepositions
                    for w in chain)

    def _words(self, doc: Document, e: EntityMention) -> tuple[str, ...]:
        return tuple(self.ph._bare(w) for w in doc.tokens[e.tok_lo:e.tok_hi])
