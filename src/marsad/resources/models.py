"""Trained models shipped as data: read, checked and evaluated in plain Python.

The event-decision model (``data/models/event_decision.json``, written by
``scripts/train_event_model.py``) is two linear models over binary features (strings such as
``type=ASSAULT`` or ``prev1=…``): a logistic keep model, whose probability is compared with the
file's threshold, and a multinomial (softmax) modality model (null when training found the
rules' modality better: the stage then keeps it). A feature the file does not know
weighs nothing. No learning library is imported at run time: the weights are a dictionary.

Format 1::

    {"format": 1, "model": "event_decision", "learner": "logistic", "trained": "YYYY-MM-DD",
     "data": {...}, "threshold": 0.5, "type_threshold": 0.3, "min_sentences": 3,
     "features": [NAME, ...],
     "keep": {"bias": B, "weights": [W per feature]},
     "modality": {"classes": [CLASS, ...], "bias": [B per class],
                  "weights": [[W per class] per feature]} | null,
     "cv": {...}}
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import reduce
from itertools import repeat
from operator import add
from typing import Any

MODEL_FORMAT = 1


class ModelFileError(ValueError):
    """A model file that marsad cannot use (wrong format version, missing parts)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
class DecisionModel:
    """Keep-or-drop and modality of a candidate event, from its features."""

    threshold: float
    keep_bias: float
    keep_weights: dict[str, float]
    classes: tuple[str, ...]
    modality_bias: tuple[float, ...]
    modality_weights: dict[str, tuple[float, ...]]
    #: the bar for the most probable candidate of each event type in an article where some
    #: candidate reaches ``threshold`` (None: ``threshold`` for every candidate; optional in
    #: the file)
    type_threshold: float | None = None
    #: texts of fewer sentences with words in them (a headline, one sentence) are not what the
    #: model learnt from (``Document.worded_sentences``)
    min_sentences: int = 1
    trained: str = ""
    info: dict[str, Any] = field(default_factory=dict)

    def interned(self) -> DecisionModel:
        """The same model with its feature names interned (``sys.intern``): a feature made
        interned (``events/features.py`` does so for the words of a sentence) is then found
        by identity, not compared letter by letter."""
        return replace(self, keep_weights={sys.intern(f): w for f, w in self.keep_weights.items()},
                       modality_weights={sys.intern(f): r for f, r in self.modality_weights.items()})

    def keep_probability(self, features: Iterable[str]) -> float:
        """``features``: each once (as the training one-hot encoding counts them)."""
        # a feature the file does not know weighs 0.0 (the same sum, in C: a candidate has some
        # hundred features, its sentence's words among them)
        score = self.keep_bias + sum(map(self.keep_weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-score)) if score > -60 else 0.0

    def modality(self, features: Iterable[str], rules: str) -> str:
        """The most likely modality class (ties to the earlier class); ``rules`` (the rules'
        modality) where the file has no modality model, training having found the rules
        better."""
        if not self.classes:
            return rules
        # the rows of the features the file knows, found and kept in C (a row is never empty:
        # it has a weight per class); each class's score is then its bias plus their weights
        # added in the features' order, as one loop over them would
        rows = list(filter(None, map(self.modality_weights.get, features)))
        scores = [reduce(add, column, bias) for bias, column in zip(self.modality_bias, zip(*rows))] \
            if rows else list(self.modality_bias)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]


def read_decision_model(text: str, path: str) -> DecisionModel | None:
    """The model in ``text`` (a format-1 JSON file); None for an empty file."""
    if not text.strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelFileError(path, f"not JSON: {exc}") from None
    if data.get("format") != MODEL_FORMAT:
        raise ModelFileError(path, f"format {data.get('format')!r}; this marsad reads "
                                   f"format {MODEL_FORMAT}: retrain with scripts/train_event_model.py")
    try:
        return _decision_model(data)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelFileError(path, f"malformed event-decision model: {exc!r}") from None


def _decision_model(data: dict[str, Any]) -> DecisionModel:
    names = data["features"]
    keep = data["keep"]
    mod = data["modality"] or {"classes": [], "bias": [], "weights": [[] for _ in names]}
    if len(keep["weights"]) != len(names) or len(mod["weights"]) != len(names):
        raise ValueError("weights and features differ in length")
    classes = tuple(mod["classes"])
    if any(len(row) != len(classes) for row in mod["weights"]) or len(mod["bias"]) != len(classes):
        raise ValueError("a modality row does not have one weight per class")
    return DecisionModel(
        threshold=float(data["threshold"]),
        type_threshold=None if data.get("type_threshold") is None
        else float(data["type_threshold"]),
        keep_bias=float(keep["bias"]),
        keep_weights={n: float(w) for n, w in zip(names, keep["weights"]) if w},
        classes=classes,
        modality_bias=tuple(float(b) for b in mod["bias"]),
        modality_weights={n: tuple(float(w) for w in row)
                          for n, row in zip(names, mod["weights"]) if any(row)},
        min_sentences=int(data.get("min_sentences", 1)),
        trained=str(data.get("trained", "")),
        info={k: data[k] for k in ("learner", "data", "cv") if k in data},
    )
