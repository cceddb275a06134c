"""Pipeline stage: the trained decision on each candidate event.

The rules before this stage propose candidates generously: every event word with a participant.
Many are not reports of an event (commentary, the content of a plan or a case, a sport
metaphor), and the rules' modality misses background and intent that the article only implies.
A model trained on whole annotated articles (``scripts/train_event_model.py``; the file is
``resources/data/models/event_decision.json``, read by the resources loader) looks at each
candidate's features (``events/features.py``) and

* drops it when its keep probability is under the model's threshold;
* gives it the modality the model finds most likely (asserted, historical, future,
  hypothetical, negated), or keeps the rules' modality where the file has no modality model.

The model learnt from whole articles: a text shorter than its ``min_sentences`` (a headline, a
single sentence, as in a sentence-level test set) is left to the rules.

Candidates include triggers without any participant (the assembler keeps them when a model
follows) and the words of the lexicons' ``candidate`` entries (``events/candidates.yaml``), in
documents of the model's ``min_sentences`` up. Without a model (``Resources.decision_model``
None, or ``Coder(decide=False)``) the stage passes the rules' records through untouched, as
before the model existed.
"""

from __future__ import annotations

from marsad.doc.document import Document
from marsad.doc.records import evolve
from marsad.events.features import CandidateFeatures
from marsad.resources import Resources
from marsad.resources.models import DecisionModel


class EventDecision:
    def __init__(self, resources: Resources, model: DecisionModel | None):
        self.model = model
        self.features = CandidateFeatures(resources) if model is not None else None

    def __call__(self, doc: Document) -> Document:
        model, features = self.model, self.features
        if model is None or features is None or not doc.events:
            return doc
        if doc.worded_sentences() < model.min_sentences:
            return doc      # the rules' records: no wider candidates were proposed here
        kept = []
        for event, feats in zip(doc.events, features.candidate_features(doc)):
            if model.keep_probability(feats) < model.threshold:
                continue
            modality = model.modality(feats, event.modality)
            kept.append(event if modality == event.modality else evolve(event, modality=modality))
        doc.events = kept
        return doc
