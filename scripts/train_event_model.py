"""Train the event-decision model (``src/marsad/resources/data/models/event_decision.json``).

    .venv/bin/python scripts/train_event_model.py [--annotations 'training/annotations/*.jsonl']
        [--corpus ../shared/corpus/saudinewsnet] [--out PATH] [--trained YYYY-MM-DD]
    .venv/bin/marsad evaluate GOLD.jsonl    # then: how the shipped model codes a gold file

Needs the ``train`` extra (``pip install -e '.[train]'``: scikit-learn, lightgbm). Deterministic:
the same annotations give the same file (fixed folds, single-threaded learners, rounded weights).

Data. The stand-off training annotations are resolved against the corpus
(``marsad.evaluation.standoff.read_standoff``). Each article is coded with the decision stage
deciding nothing (``Coder(candidates=True)``: triggers without participants are kept too), up to
the stage's place in the pipeline: the records there, before merging, are the candidates.

Labels. A candidate matches a gold event of its article when both have the same event type and
either the candidate's sentence is the gold trigger's sentence or next to it (one before or
after), or one of the candidate's trigger spans overlaps the gold trigger span. The gold
trigger's sentence is the coder's sentence holding the gold trigger span (the annotation's own
``sentence_index`` is used only when the gold event has no trigger span). A matched candidate is
labelled "keep", with the modality of the gold event it matches (the first, in the gold order,
by trigger overlap, then by sentence); an unmatched candidate is labelled "not an event". Trigger
overlap with a gold event of another type is no match: the scorer counts types, so keeping such
a candidate is a false alarm.

Learning. Features are ``marsad.events.features.CandidateFeatures`` (strings), one-hot encoded
over those seen in at least three candidates (C = 0.3 for the keep model: on the first 196
articles, C 0.1-1 and a count of 1-5 gave CV F1 within 0.01 of each other). Two learners are
compared by 5-fold cross-validation, the articles in folds by a hash of their id (the same
whatever the candidates): logistic regression (scikit-learn, liblinear for the keep model, its
intercept scaled by 10 so that the penalty leaves the bias alone; lbfgs multinomial for
modality) and LightGBM gradient-boosted trees. Figures: precision, recall and F1 of the keep
decision per candidate (at probability 0.5); modality accuracy on the candidates
that are events; and the article-level figures of ``marsad evaluate``
(``marsad.evaluation.articles``: loose and strict precision, recall and F1 of asserted events,
matched one-to-one by type per article; false alarms in quiet articles) on the candidates kept,
given their modality (made historical where the decision stage makes it so by the event's
date: ``events/decide.py``'s ``dated_modality``) and merged as the coder merges them.

Choices. The keep threshold is chosen on the out-of-fold predictions of the shipped learner,
among 0.05, 0.10, ... 0.90: the best article-level F1 of asserted events among the thresholds
of precision >= 0.70 if one of them is within 0.01 of the best F1 overall, else the most precise
threshold within 0.01 of the best F1. Then a type threshold (``events/decide.py``: in an
article where some candidate reaches the threshold, the most probable candidate of each event
type is kept from the type threshold) and the threshold with it, the pair of best article F1
with no more false alarms in quiet articles than the single threshold. The model's modality
ships only when its out-of-fold article F1 beats the rules' modality with the same keep
decisions; otherwise the file has no modality model and the rules' modality stays. The
logistic model ships: it is evaluated in plain Python (a dictionary of weights, no learning
library imported by marsad); LightGBM is reported for comparison.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.coder import Coder  # noqa: E402
from marsad.doc.document import Document  # noqa: E402
from marsad.doc.records import Event, evolve  # noqa: E402
from marsad.evaluation.articles import ArticleScores, GoldArticle, score_article  # noqa: E402
from marsad.evaluation.standoff import read_corpus, read_standoff  # noqa: E402
from marsad.events.decide import EventDecision, dated_modality, keep  # noqa: E402
from marsad.events.features import CandidateFeatures  # noqa: E402
from marsad.events.merge import EventMerger  # noqa: E402
from marsad.reading.article import Article  # noqa: E402

DEFAULT_ANNOTATIONS = "training/annotations/*.jsonl"
DEFAULT_CORPUS = "../shared/corpus/saudinewsnet"
DEFAULT_OUT = "src/marsad/resources/data/models/event_decision.json"
MODALITIES = ("asserted", "historical", "future", "hypothetical", "negated")
MIN_PRECISION = 0.70
F1_SLACK = 0.01
#: the model decides in articles of this many sentences (title included) up; shorter texts
#: (a headline, one sentence) are unlike the whole articles it learnt from: the rules decide
MIN_SENTENCES = 3
FOLDS = 5
#: liblinear's intercept scale for the keep model (``Logistic.fit_keep``)
INTERCEPT_SCALING = 10.0


@dataclass
class Candidate:
    event: Event
    features: list[str]
    keep: bool
    modality: str | None


@dataclass
class ArticleData:
    id: str
    kind: str
    gold: list[dict[str, Any]]
    scored: GoldArticle         # the gold as marsad evaluate scores it
    candidates: list[Candidate] = field(default_factory=list)


# -- candidates and labels ---------------------------------------------------------------------
def candidate_docs(coder: Coder, gold: dict[str, Any]) -> Document:
    """The article coded up to the decision stage (its records then are the candidates)."""
    article = Article.from_mapping({k: gold.get(k) for k in ("id", "date", "title", "text",
                                                             "source")})
    doc = Document.from_article(article, coder.language.normalize)
    for stage in coder.stages:      # the training corpus is Arabic: the default pipeline
        if isinstance(stage, EventDecision):
            break
        doc = stage(doc)
    return doc


def gold_sentence(doc: Document, event: dict[str, Any]) -> int | None:
    span = event.get("trigger_span")
    if not span:
        idx = event.get("sentence_index")
        return idx if isinstance(idx, int) else None
    offset = span["start"] + (0 if span["field"] == "title" else doc.body_start)
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return s.index
    return None


def _overlaps(event: Event, span: dict[str, Any] | None) -> bool:
    if not span:
        return False
    return any(ev.field == span["field"] and ev.trigger.start < span["end"]
               and span["start"] < ev.trigger.end for ev in event.evidence)


def _near(doc: Document, event: Event, g: dict[str, Any]) -> bool:
    sent = event.evidence[0].sentence_index if event.evidence else None
    gs = gold_sentence(doc, g)
    return sent is not None and gs is not None and abs(gs - sent) <= 1


def label(doc: Document, event: Event, gold: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold event a candidate matches (the module docstring's rule), else None."""
    same_type = [g for g in gold if g.get("event_type") == event.event_type]
    for g in same_type:
        if _overlaps(event, g.get("trigger_span")):
            return g
    for g in same_type:
        if _near(doc, event, g):
            return g
    return None


def covered(doc: Document, g: dict[str, Any], events: list[Event]) -> bool:
    """Whether some candidate matches the gold event ``g`` by the labelling rule."""
    return any(e.event_type == g.get("event_type")
               and (_overlaps(e, g.get("trigger_span")) or _near(doc, e, g)) for e in events)


def candidate_recall(articles: Iterable[dict[str, Any]], show: str | None = None
                     ) -> dict[str, tuple[int, int]]:
    """Per type (and "all"): (gold events with a matching candidate, gold events). With
    ``show`` (a type, or "all"), print each missed gold event's trigger and sentence."""
    coder = Coder(candidates=True)
    counts: dict[str, list[int]] = {}
    for gold in articles:
        doc = candidate_docs(coder, gold)
        for g in gold.get("events") or []:
            kind = g.get("event_type") or "?"
            hit = covered(doc, g, doc.events)
            for key in (kind, "all"):
                row = counts.setdefault(key, [0, 0])
                row[0] += hit
                row[1] += 1
            if not hit and show in (kind, "all"):
                idx = gold_sentence(doc, g)
                sent = doc.sentences[idx] if idx is not None and idx < len(doc.sentences) \
                    else None
                text = doc.text[sent.start:sent.end] if sent is not None else ""
                print(f"MISS {kind} [{g.get('trigger')}] {gold['id']} s{idx}: {text}")
    return {k: (v[0], v[1]) for k, v in counts.items()}


def print_recall(recall: dict[str, tuple[int, int]]) -> None:
    print("candidate recall (gold events with a candidate of their type, by the label rule)")
    for kind, (hit, n) in sorted(recall.items(), key=lambda kv: (kv[0] == "all", -kv[1][1])):
        print(f"  {kind:10s} {hit:5d} / {n:5d}  {hit / n if n else 0.0:.3f}")


def build_data(articles: Iterable[dict[str, Any]]) -> list[ArticleData]:
    coder = Coder(candidates=True)
    features = CandidateFeatures(coder.resources)
    data = []
    for gold in articles:
        doc = candidate_docs(coder, gold)
        art = ArticleData(gold["id"], gold.get("kind", "conflict"), gold.get("events") or [],
                          GoldArticle.from_record(gold))
        for event, feats in zip(doc.events, features.candidate_features(doc)):
            match = label(doc, event, art.gold)
            art.candidates.append(Candidate(event, feats, match is not None,
                                            (match or {}).get("modality") or None))
        data.append(art)
    return data


# -- encoding ----------------------------------------------------------------------------------
def vocabulary(rows: Iterable[list[str]], min_count: int = 3) -> list[str]:
    counts = Counter(f for row in rows for f in set(row))
    return sorted(f for f, n in counts.items() if n >= min_count)


def encode(rows: list[list[str]], vocab: list[str]) -> Any:
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(vocab)}
    indptr, indices = [0], []
    for row in rows:
        cols = sorted({index[f] for f in row if f in index})
        indices += cols
        indptr.append(len(indices))
    return csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(rows), len(vocab)))


# -- learners ----------------------------------------------------------------------------------
class Logistic:
    name = "logistic"

    def __init__(self, c_keep: float = 0.3, c_modality: float = 1.0):
        self.c_keep, self.c_modality = c_keep, c_modality

    def fit_keep(self, x: Any, y: list[int]) -> Any:
        from sklearn.linear_model import LogisticRegression

        # liblinear penalizes the intercept as a weight: at its default scale (1) the bias was
        # pushed into the features every candidate has one of (nevidence=1 -0.50 while the
        # bias was -0.35), so that their weights read as penalties they were not
        return LogisticRegression(C=self.c_keep, solver="liblinear", max_iter=1000,
                                  intercept_scaling=INTERCEPT_SCALING).fit(x, y)

    def fit_modality(self, x: Any, y: list[str]) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.c_modality, solver="lbfgs", max_iter=2000).fit(x, y)


class Boosted:
    name = "lightgbm"

    @staticmethod
    def _params() -> dict[str, Any]:
        return dict(n_estimators=300, learning_rate=0.05, num_leaves=15, min_child_samples=5,
                    subsample=1.0, colsample_bytree=0.5, deterministic=True, n_jobs=1,
                    random_state=0, verbose=-1, force_row_wise=True)

    def fit_keep(self, x: Any, y: list[int]) -> Any:
        from lightgbm import LGBMClassifier

        return LGBMClassifier(**self._params()).fit(x.astype("float32"), y)

    def fit_modality(self, x: Any, y: list[str]) -> Any:
        from lightgbm import LGBMClassifier

        return LGBMClassifier(**self._params()).fit(x.astype("float32"), y)


def _predict_modality(model: Any, x: Any, rows: int) -> list[str]:
    if model is None:
        return ["asserted"] * rows
    if isinstance(model, str):
        return [model] * rows
    return [str(m) for m in model.predict(x)]


def fit(learner: Any, x: Any, cands: list[Candidate]) -> tuple[Any, Any]:
    keeper = learner.fit_keep(x, [int(c.keep) for c in cands])
    events = [i for i, c in enumerate(cands) if c.keep and c.modality]
    labels = [cands[i].modality for i in events]
    if len(set(labels)) > 1:
        modality = learner.fit_modality(x[events], labels)
    else:
        modality = labels[0] if labels else None
    return keeper, modality


def article_fold(article_id: str) -> int:
    """The fold of an article, from its id alone: the same article is in the same fold whatever
    the candidates (a fold balanced on candidate counts moved articles between folds whenever
    a lexicon change added candidates, and the figures moved by up to 0.01 with it)."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % FOLDS


def cross_validate(learner: Any, data: list[ArticleData], vocab: list[str]
                   ) -> list[tuple[float, str]]:
    """Out-of-fold (keep probability, modality) of every candidate, articles in folds."""
    cands = [c for a in data for c in a.candidates]
    folds = [article_fold(a.id) for a in data for _ in a.candidates]
    x = encode([c.features for c in cands], vocab)
    out: list[tuple[float, str]] = [(0.0, "asserted")] * len(cands)
    for k in range(FOLDS):
        test = [i for i, f in enumerate(folds) if f == k]
        train = [i for i, f in enumerate(folds) if f != k]
        if not test or not train:
            continue
        keeper, modality = fit(learner, x[train], [cands[i] for i in train])
        probs = keeper.predict_proba(x[test])[:, 1]
        mods = _predict_modality(modality, x[test], len(test))
        for i, p, m in zip(test, probs, mods):
            out[i] = (float(p), m)
    return out


# -- figures -----------------------------------------------------------------------------------
def candidate_figures(data: list[ArticleData], preds: list[tuple[float, str]],
                      threshold: float = 0.5) -> dict[str, float]:
    cands = [c for a in data for c in a.candidates]
    tp = sum(c.keep and p >= threshold for c, (p, _) in zip(cands, preds))
    fp = sum(not c.keep and p >= threshold for c, (p, _) in zip(cands, preds))
    fn = sum(c.keep and p < threshold for c, (p, _) in zip(cands, preds))
    events = [(c, m) for c, (_, m) in zip(cands, preds) if c.keep and c.modality]
    right = sum(c.modality == m for c, m in events)
    return {**_prf(tp, fp, fn), "modality_accuracy": round(right / len(events), 4) if events else 0.0,
            "modality_events": len(events)}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def article_figures(scores: ArticleScores) -> dict[str, Any]:
    """The article-level figures of ``marsad evaluate`` (``marsad.evaluation.articles``)."""
    loose, strict = scores.overall.loose, scores.overall.strict
    return {"loose": loose.to_dict(), "strict_f1": round(strict.f1, 4),
            "quiet_false_alarms": scores.quiet_false_alarms}


def decided(art: ArticleData, preds: list[tuple[float, str]], threshold: float,
            merger: EventMerger, type_threshold: float | None = None) -> list[Event]:
    """The article's records as the decision stage and the merger make them (``keep``)."""
    keeps = keep([c.event.event_type for c in art.candidates], [p for p, _ in preds],
                 threshold, type_threshold)
    published = art.scored.record.get("date")
    published = date.fromisoformat(published[:10]) if published else None
    modalities = [dated_modality(c.event, m, published) for c, (_, m) in zip(art.candidates, preds)]
    kept = [c.event if m == c.event.modality else evolve(c.event, modality=m)
            for c, m, k in zip(art.candidates, modalities, keeps) if k]
    doc = Document.__new__(Document)
    doc.events = kept
    return merger(doc).events


def threshold_table(data: list[ArticleData], preds: list[tuple[float, str]],
                    merger: EventMerger) -> list[tuple[float, dict[str, Any]]]:
    return [(t, article_scores(data, preds, t, merger))
            for t in [round(0.05 * k, 2) for k in range(1, 19)]]


def article_scores(data: list[ArticleData], preds: list[tuple[float, str]], threshold: float,
                   merger: EventMerger, type_threshold: float | None = None) -> dict[str, Any]:
    scores, start = ArticleScores(), 0
    for art in data:
        n = len(art.candidates)
        score_article(art.scored, decided(art, preds[start:start + n], threshold, merger,
                                          type_threshold), scores)
        start += n
    return article_figures(scores)


def choose_type_threshold(data: list[ArticleData], preds: list[tuple[float, str]],
                          chosen: tuple[float, dict[str, Any]], merger: EventMerger
                          ) -> tuple[float, float | None, dict[str, Any]]:
    """The pair (threshold, type threshold) of best article F1 among those with no more false
    alarms in quiet articles than the single ``chosen`` threshold (``events/decide.py``: the
    most probable candidate of each type, in an article where one candidate reaches the
    threshold, is kept from the type threshold); the threshold from 0.10 below the chosen one
    to 0.15 above it, the type threshold from 0.15 below it. The single threshold stays (type
    threshold None) when no pair beats its F1."""
    t0, fig0 = chosen
    best: tuple[float, float | None, dict[str, Any]] = (t0, None, fig0)
    for t in [round(t0 + 0.05 * k, 2) for k in range(-2, 4)]:
        for t1 in [round(0.05 * k, 2) for k in range(3, 18)]:
            if t1 >= t or not 0 < t <= 0.9:
                continue
            fig = article_scores(data, preds, t, merger, t1)
            print(f"  threshold {t:.2f} type threshold {t1:.2f}: loose P / R / F1 "
                  f"{fig['loose']['precision']:.3f} / {fig['loose']['recall']:.3f} / "
                  f"{fig['loose']['f1']:.4f}, quiet false alarms {fig['quiet_false_alarms']}",
                  flush=True)
            if (fig["quiet_false_alarms"] <= fig0["quiet_false_alarms"]
                    and fig["loose"]["f1"] > best[2]["loose"]["f1"]):
                best = (t, t1, fig)
    return best


def choose_threshold(table: list[tuple[float, dict[str, Any]]]) -> tuple[float, dict[str, Any]]:
    """The best F1 among thresholds of precision >= MIN_PRECISION when one of them is within
    F1_SLACK of the best F1 overall; else, among the thresholds within F1_SLACK of the best
    F1, the most precise (precision is what the dev target asks first)."""
    best = max(row[1]["loose"]["f1"] for row in table)
    near = [row for row in table if row[1]["loose"]["f1"] >= best - F1_SLACK]
    precise = [row for row in near if row[1]["loose"]["precision"] >= MIN_PRECISION]
    if precise:
        return max(precise, key=lambda row: (row[1]["loose"]["f1"], -row[0]))
    return max(near, key=lambda row: (row[1]["loose"]["precision"], -row[0]))


def modality_by_rules(data: list[ArticleData], preds: list[tuple[float, str]],
                      merger: EventMerger) -> dict[str, Any]:
    """The same keep probabilities with the rules' modality instead of the model's."""
    cands = [c for a in data for c in a.candidates]
    events = [c for c in cands if c.keep and c.modality]
    right = sum(c.modality == c.event.modality for c in events)
    ruled = [(p, c.event.modality) for (p, _), c in zip(preds, cands)]
    best = choose_threshold(threshold_table(data, ruled, merger))
    return {"modality_accuracy": round(right / len(events), 4) if events else 0.0,
            "threshold": best[0], "articles": best[1]}


def rules_only(data: list[ArticleData], merger: EventMerger) -> dict[str, Any]:
    """The rules' records: every candidate with a participant, the rules' modality."""
    preds = [(float(bool(c.event.actor or c.event.recipient)), c.event.modality)
             for a in data for c in a.candidates]
    return threshold_table(data, preds, merger)[0][1]


# -- export ------------------------------------------------------------------------------------
def export(keeper: Any, modality: Any, vocab: list[str], threshold: float,
           type_threshold: float | None, info: dict[str, Any]) -> dict[str, Any]:
    """The model file; ``modality`` None: no modality model (the rules' modality stays)."""
    kw = [round(float(w), 4) for w in keeper.coef_[0]]
    if modality is None:
        classes, bias, rows = [], [], [[] for _ in vocab]
    elif isinstance(modality, str):
        classes, bias = [modality], [0.0]
        rows = [[0.0] for _ in vocab]
    else:
        classes = [str(c) for c in modality.classes_]
        coef, bias = modality.coef_, [round(float(b), 4) for b in modality.intercept_]
        if len(classes) == 2:   # a binary model keeps one row: the second class's score
            coef = [[-w for w in coef[0]], list(coef[0])]
            bias = [-bias[0], bias[0]]
        rows = [[round(float(coef[k][j]), 4) for k in range(len(classes))] for j in range(len(vocab))]
    used = [j for j in range(len(vocab)) if kw[j] or any(rows[j])]
    return {"format": 1, "model": "event_decision", "learner": "logistic", **info,
            "threshold": threshold, "type_threshold": type_threshold,
            "min_sentences": MIN_SENTENCES, "features": [vocab[j] for j in used],
            "keep": {"bias": round(float(keeper.intercept_[0]), 4),
                     "weights": [kw[j] for j in used]},
            "modality": {"classes": classes, "bias": bias, "weights": [rows[j] for j in used]}
            if classes else None}


def data_info(paths: list[str], data: list[ArticleData]) -> dict[str, Any]:
    h = hashlib.sha1()
    for p in paths:
        h.update(Path(p).name.encode() + b"\0" + Path(p).read_bytes())
    cands = [c for a in data for c in a.candidates]
    return {"files": [Path(p).name for p in paths], "sha1": h.hexdigest()[:16],
            "articles": len(data), "gold_events": sum(len(a.gold) for a in data),
            "candidates": len(cands), "candidates_kept": sum(c.keep for c in cands)}


# -- the command -------------------------------------------------------------------------------
def train(paths: list[str], corpus: str, out: Path, trained: str,
          learners: list[Any], pair: tuple[float, float] | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    articles = list(read_standoff(paths, read_corpus(corpus)))
    data = build_data(articles)
    merger = EventMerger(Coder(decide=False).resources)
    vocab = vocabulary(c.features for a in data for c in a.candidates)
    info = data_info(paths, data)
    print(f"data: {json.dumps(info)}; {len(vocab)} features "
          f"({time.perf_counter() - t0:.1f}s)", flush=True)
    report: dict[str, Any] = {"rules_only": rules_only(data, merger)}
    print(f"rules only (no decision): {json.dumps(report['rules_only'])}", flush=True)
    chosen: tuple[float, dict[str, Any]] | None = None
    for learner in learners:
        t1 = time.perf_counter()
        preds = cross_validate(learner, data, vocab)
        table = threshold_table(data, preds, merger)
        best = choose_threshold(table)
        print(f"{learner.name}: threshold  loose P  loose R  loose F1  strict F1  quiet FA")
        for t, f in table:
            print(f"{learner.name}: {t:9.2f}  {f['loose']['precision']:7.3f}  "
                  f"{f['loose']['recall']:7.3f}  {f['loose']['f1']:8.3f}  {f['strict_f1']:9.3f}  "
                  f"{f['quiet_false_alarms']:8d}")
        report[learner.name] = {"candidates@0.5": candidate_figures(data, preds),
                                "threshold": best[0], "articles": best[1],
                                "seconds": round(time.perf_counter() - t1, 1)}
        print(f"{learner.name}: {json.dumps(report[learner.name])}", flush=True)
        if learner.name == "logistic":
            shipped = preds
            chosen, rule_modality = best, modality_by_rules(data, preds, merger)
            report["logistic+rules_modality"] = rule_modality
            print(f"logistic keep, rules' modality: {json.dumps(rule_modality)}", flush=True)
    assert chosen is not None, "the logistic learner is the one shipped: it must be compared"
    use_rules = rule_modality["articles"]["loose"]["f1"] >= chosen[1]["loose"]["f1"]
    cands = [c for a in data for c in a.candidates]
    if use_rules:
        chosen = (rule_modality["threshold"], rule_modality["articles"])
        shipped = [(p, c.event.modality) for (p, _), c in zip(shipped, cands)]
    threshold, type_threshold, figures = choose_type_threshold(data, shipped, chosen, merger)
    report["logistic+type_threshold"] = {"threshold": threshold,
                                         "type_threshold": type_threshold, "articles": figures}
    print(f"logistic, most probable of each type from the type threshold: "
          f"{json.dumps(report['logistic+type_threshold'])}", flush=True)
    if pair is not None:    # --pair: the thresholds given, the script's choice kept in the report
        threshold, type_threshold = pair
        figures = article_scores(data, shipped, threshold, merger, type_threshold)
        report["logistic+given_pair"] = {"threshold": threshold,
                                         "type_threshold": type_threshold, "articles": figures}
        print(f"logistic, the pair given: {json.dumps(report['logistic+given_pair'])}",
              flush=True)
    keeper, modality = fit(Logistic(), encode([c.features for c in cands], vocab), cands)
    cv = {k: (v if k == "rules_only" else {kk: vv for kk, vv in v.items() if kk != "seconds"})
          for k, v in report.items()}
    info = {"trained": trained, "data": info, "cv": cv,
            "modality_from": "rules" if use_rules else "model"}
    model = export(keeper, None if use_rules else modality, vocab, threshold, type_threshold,
                   info)
    out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: threshold {threshold}, type threshold {type_threshold}, "
          f"{len(model['features'])} features")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--annotations", default=str(ROOT / DEFAULT_ANNOTATIONS))
    ap.add_argument("--corpus", default=str(ROOT / DEFAULT_CORPUS))
    ap.add_argument("--out", default=str(ROOT / DEFAULT_OUT))
    ap.add_argument("--trained", default=date.today().isoformat(),
                    help="the date written into the model file (default: today)")
    ap.add_argument("--learners", default="logistic,lightgbm")
    ap.add_argument("--pair", nargs=2, type=float, metavar=("THRESHOLD", "TYPE_THRESHOLD"),
                    help="ship these thresholds instead of the pair the script chooses (both "
                         "are reported; training/README.md says when and why the shipped "
                         "model was trained with one)")
    ap.add_argument("--recall", nargs="?", const="", metavar="TYPE",
                    help="only measure candidate recall per type (no training); with a type "
                         "(or 'all'), also print each missed gold event's trigger and sentence")
    args = ap.parse_args(argv)
    paths = sorted(glob.glob(args.annotations))
    if not paths:
        print(f"no annotation files match {args.annotations}", file=sys.stderr)
        return 2
    if args.recall is not None:
        articles = read_standoff(paths, read_corpus(args.corpus))
        print_recall(candidate_recall(articles, args.recall or None))
        return 0
    known = {"logistic": Logistic(), "lightgbm": Boosted()}
    learners = [known[n] for n in args.learners.split(",")]
    train(paths, args.corpus, Path(args.out), args.trained, learners,
          tuple(args.pair) if args.pair else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
