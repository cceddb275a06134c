"""Tools for making the stand-off training corpus (training/README.md says how it was made).

    python scripts/annotate.py pick --out LIST --n 480        choose articles to annotate
    python scripts/annotate.py pick-rare --out LIST --n 150   articles with rarer event types
    python scripts/annotate.py show URL                       an article with numbered sentences
    python scripts/annotate.py convert DRAFT.jsonl OUT.jsonl  span texts -> stand-off offsets
    python scripts/annotate.py check FILE...                  resolve against the corpus, count
    python scripts/annotate.py copies FILE... [--drop]        near copies of dev or reserved stories
    python scripts/annotate.py agree FIRST SECOND             agreement of two annotations
    python scripts/annotate.py audit FILE... [--all]          types given to each trigger stem
    python scripts/annotate.py relabel EDITS.tsv [--dir DIR]  apply settled type/code edits

The corpus is read from ``$MARSAD_CORPUS`` (default ``../shared/corpus/saudinewsnet``).
Articles of ``reserved-ids.txt`` and of the real-news dev set are never picked nor accepted, nor
are other papers' near copies of them (``marsad.evaluation.overlap``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import re
import sys
from collections import Counter
from pathlib import Path

from marsad.evaluation.overlap import NearCopy, near_copies
from marsad.evaluation.standoff import (
    CorpusRecord,
    StandoffError,
    read_corpus,
    read_standoff,
    to_standoff,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = Path(os.environ.get("MARSAD_CORPUS", SHARED / "corpus" / "saudinewsnet"))
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"»”')]*\s+")


def corpus() -> dict[str, CorpusRecord]:
    cache = Path(os.environ.get("TMPDIR", "/tmp")) / "marsad-corpus.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    records = read_corpus(CORPUS)
    cache.write_bytes(pickle.dumps(records))
    return records


def excluded() -> set[str]:
    ids = set()
    for line in (SHARED / "eval" / "reserved-ids.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ids.add(line.strip())
    with open(SHARED / "eval" / "real-news.dev.jsonl", encoding="utf-8") as fh:
        ids.update(json.loads(line)["id"] for line in fh if line.strip())
    return ids


def sentences(content: str) -> list[tuple[int, str]]:
    """(start offset, sentence) for the content: lines, then sentence ends inside a line."""
    out = []
    pos = 0
    for line in content.split("\n"):
        start = pos
        pos += len(line) + 1
        cursor = 0
        for m in list(_SENTENCE_END.finditer(line)) + [None]:
            end = m.start() if m else len(line)
            piece = line[cursor:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append((start + cursor + lead, piece.strip()))
            if m:
                cursor = m.end()
    return out


def evaluation_copies(ids: list[str], records: dict[str, CorpusRecord]) -> list[NearCopy]:
    """The articles of ``ids`` that are near copies of a dev-set or reserved article."""
    from marsad.resources import load_resources
    lang = load_resources().language
    assert lang is not None
    refs = {}
    with open(SHARED / "eval" / "real-news.dev.jsonl", encoding="utf-8") as fh:
        for line in filter(str.strip, fh):
            art = json.loads(line)
            refs[art["id"]] = f"{art.get('title') or ''}\n{art['text']}"
    for url in excluded() - set(refs):
        if url in records:
            refs[url] = f"{records[url].title or ''}\n{records[url].content}"
    texts = ((i, f"{records[i].title or ''}\n{records[i].content}") for i in ids if i in records)
    return near_copies(texts, refs, lang)


def cmd_copies(args: argparse.Namespace) -> int:
    records = corpus()
    ids = [json.loads(line)["id"] for f in args.files
           for line in open(f, encoding="utf-8") if line.strip()]
    found = evaluation_copies(ids, records)
    for c in found:
        print(f"{c.containment:.2f}\t{c.shared}\t{c.article}\t{c.reference}")
    if found and args.drop:
        _drop(args.files, {c.article for c in found}, ROOT / "training" / "settled.tsv")
        return 0
    return 1 if found else 0


def _drop(files: list[str], ids: set[str], settled: Path) -> None:
    """Take the articles ``ids`` out of ``files`` and renumber the rows of ``settled`` that
    point below them (a row on a dropped article goes with it)."""
    moved: dict[str, dict[int, int | None]] = {}
    for f in files:
        lines = Path(f).read_text(encoding="utf-8").splitlines()
        kept, where = [], {}
        for n, line in enumerate(lines, 1):
            gone = bool(line.strip()) and json.loads(line)["id"] in ids
            where[n] = None if gone else len(kept) + 1
            kept += [] if gone else [line]
        if len(kept) < len(lines):
            Path(f).write_text("".join(k + "\n" for k in kept), encoding="utf-8")
            moved[Path(f).name] = where
    rows = []
    for row in settled.read_text(encoding="utf-8").splitlines():
        name, _, rest = row.partition(":")
        if row.startswith("#") or name not in moved:
            rows.append(row)
            continue
        line_no, _, tail = rest.partition(":")
        if (new := moved[name][int(line_no)]) is not None:
            rows.append(f"{name}:{new}:{tail}")
    settled.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    print(f"dropped {len(ids)} articles", file=sys.stderr)


def cmd_show(args: argparse.Namespace) -> int:
    rec = corpus().get(args.url)
    if rec is None:
        print(f"not in the corpus: {args.url}", file=sys.stderr)
        return 1
    print(f"id: {rec.url}\ndate: {rec.date}   source: {rec.source}\n")
    print(f"[0] {rec.title}")
    for n, (_, sent) in enumerate(sentences(rec.content), 1):
        print(f"[{n}] {sent}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    records, banned, bad = corpus(), excluded(), 0
    with open(args.draft, encoding="utf-8") as fh, open(args.out, "w", encoding="utf-8") as out:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                article = json.loads(raw)
                rec = records.get(article.get("id"))
                if rec is None:
                    raise StandoffError(f"{article.get('id')!r} is not in the corpus")
                if rec.url in banned:
                    raise StandoffError("reserved or dev-set article: never annotated for training")
                starts = [s for s, _ in sentences(rec.content)]
                line = to_standoff(article, rec, starts)
            except (StandoffError, json.JSONDecodeError, AttributeError, TypeError) as exc:
                print(f"{args.draft}:{lineno}: {exc}", file=sys.stderr)
                bad += 1
                continue
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 1 if bad else 0


def cmd_check(args: argparse.Namespace) -> int:
    records, banned = corpus(), excluded()
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    try:
        for art in read_standoff(args.files, records):
            if art["id"] in banned:
                raise StandoffError(f"{art['id']}: reserved or dev-set article")
            kinds[art["kind"]] += 1
            for ev in art["events"]:
                types[f"{ev['event_type']}/{ev.get('modality')}"] += 1
    except StandoffError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"articles: {sum(kinds.values())} {dict(kinds)}")
    print(f"events: {sum(types.values())}")
    for key, n in sorted(types.items()):
        print(f"  {key:28} {n}")
    return 0


def cmd_agree(args: argparse.Namespace) -> int:
    """Agreement of a second annotation with the first on the articles both annotated: the
    article's kind, and asserted events matched one-to-one by type within an article (the loose
    figure of ANNOTATION.md, the first annotation as the reference), with the actor and
    recipient codes compared on matched pairs taken in order."""
    first = _by_id(args.first)
    second = _by_id(args.second)
    both = sorted(set(first) & set(second))
    kinds = sum(first[i]["kind"] == second[i]["kind"] for i in both)
    tp = n_first = n_second = actor = recipient = 0
    for i in both:
        a, b = _asserted(first[i]), _asserted(second[i])
        n_first += sum(map(len, a.values()))
        n_second += sum(map(len, b.values()))
        for etype in set(a) & set(b):
            for x, y in zip(a[etype], b[etype]):
                tp += 1
                actor += _codes(x, "actor") == _codes(y, "actor")
                recipient += _codes(x, "recipient") == _codes(y, "recipient")
    f1 = 2 * tp / (n_first + n_second) if n_first + n_second else 0.0
    print(f"articles in both: {len(both)}; kind agrees: {kinds}")
    print(f"asserted events: first {n_first}, second {n_second}, matched by type {tp}: "
          f"loose F1 {f1:.3f}")
    if tp:
        print(f"on matched pairs: actor codes agree {actor / tp:.3f}, "
              f"recipient codes agree {recipient / tp:.3f}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """The types annotators gave each trigger stem, split stems first, with every event's
    place (file:line, event), type/mode/modality, trigger and sentence; ``--entities`` lists
    instead the entity texts given more than one code, or none. Disagreements between
    annotators show as a stem (or an entity) with two answers."""
    from marsad.lang.ar import normalize_term

    records = corpus()
    stems: dict[str, list[tuple[str, str, str, str]]] = {}
    entities: dict[str, list[tuple[str, str]]] = {}
    for path in args.files:
        for lineno, art in enumerate(read_standoff([path], records), 1):
            rec = records[art["id"]]
            for n, ev in enumerate(art["events"]):
                where = f"{Path(path).name}:{lineno}:{n}"
                for role in ("actor", "recipient"):
                    for ent in ev.get(role) or []:
                        if ent.get("text"):
                            key = normalize_term(ent["text"])
                            entities.setdefault(key, []).append(
                                (f"{ent.get('code')}/{ent.get('sector')}", where))
                if not ev.get("trigger"):
                    continue
                label = f"{ev['event_type']}/{ev.get('mode')}/{ev.get('modality')}"
                stems.setdefault(trigger_stem(ev["trigger"]), []).append(
                    (ev["event_type"], label, where,
                     f"{ev['trigger']} | {_sentence_of(rec, ev.get('trigger_span'))}"))
    if args.entities:
        return _audit_entities(entities)
    split = {k: v for k, v in stems.items() if len({t for t, *_ in v}) > 1}
    shown = stems if args.all else split
    print(f"{len(stems)} trigger stems, {len(split)} given more than one type")
    for key, evs in sorted(shown.items(), key=lambda kv: -len(kv[1])):
        types = Counter(t for t, *_ in evs)
        print(f"\n== {key}: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
        for _, label, where, text in sorted(evs, key=lambda e: e[1]):
            print(f"  {where:22} {label:34} {text}")
    return 0


def _audit_entities(entities: dict[str, list[tuple[str, str]]]) -> int:
    shown = {k: v for k, v in entities.items()
             if len({c.split("/")[0] for c, _ in v}) > 1 or any(c.startswith("None/") for c, _ in v)}
    print(f"{len(entities)} entity texts, {len(shown)} with more than one code or none")
    for key, uses in sorted(shown.items(), key=lambda kv: -len(kv[1])):
        codes = Counter(c for c, _ in uses)
        odd = [w for c, w in uses if c != codes.most_common(1)[0][0]]
        print(f"{key}: " + ", ".join(f"{c} {n}" for c, n in codes.most_common())
              + f"  (other: {' '.join(odd[:6])})")
    return 0


def cmd_relabel(args: argparse.Namespace) -> int:
    """Apply the settled edits of a TSV file (``training/settled.tsv``) to the stand-off
    files of ``--dir``: each row ``FILE:LINE:EVENT  FROM  TO  REASON`` where FROM and TO are
    ``TYPE/MODE/MODALITY`` (``None`` for an empty mode) or ``ROLE.N=CODE/SECTOR`` for the
    N-th entity of the actor or recipient list. A row whose FROM no longer matches is applied
    already (TO matches) or wrong (neither): the second is an error naming the row. Spans are
    never touched, so the file still resolves against the corpus."""
    folder = Path(args.dir)
    edits: dict[str, dict[int, list[tuple[int, str, str, str]]]] = {}
    rows = [r for r in Path(args.edits).read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]
    for n, text in enumerate(rows, 1):
        where, old, new, *_ = text.split("\t")
        name, line_no, event_no = where.rsplit(":", 2)
        edits.setdefault(name, {}).setdefault(int(line_no), []).append(
            (int(event_no), old, new, f"row {n}"))
    changed = bad = 0
    for name, by_line in sorted(edits.items()):
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        for lineno, items in by_line.items():
            article = json.loads(lines[lineno - 1])
            for event, old, new, label in items:
                ev = article["events"][event]
                state = _edit(ev, old, new)
                if state is None:
                    print(f"{args.edits} {label}: {name}:{lineno}:{event} is neither {old} nor {new}",
                          file=sys.stderr)
                    bad += 1
                changed += state is True
            lines[lineno - 1] = json.dumps(article, ensure_ascii=False)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} edits, {changed} applied now, {len(rows) - changed - bad} already applied")
    return 1 if bad else 0


def _edit(event: dict, old: str, new: str) -> bool | None:
    """True when ``old`` matched and ``new`` was written, False when ``new`` is there already,
    None when neither is."""
    if "=" in old:
        role, _, value = old.partition("=")
        name, index = role.split(".")
        entity = event[name][int(index)]
        current = f"{name}.{index}={entity.get('code')}/{entity.get('sector')}"
        if current == new:
            return False
        if current != old:
            return None
        code, sector = new.partition("=")[2].split("/")
        entity["code"], entity["sector"] = _none(code), _none(sector)
        return True
    current = f"{event['event_type']}/{event.get('mode')}/{event.get('modality')}"
    if current == new:
        return False
    if current != old:
        return None
    etype, mode, modality = new.split("/")
    event["event_type"], event["mode"], event["modality"] = etype, _none(mode), modality
    return True


def _none(value: str) -> str | None:
    return None if value == "None" else value


def trigger_stem(trigger: str) -> str:
    """The stem a trigger is grouped by: its head (first word of three letters or more) normalized, without clitics, as
    the shortest core of four letters or more that ``token_cores`` gives (بإطلاق سراح → اطلاق،
    والمساعدات → مساعدات), a final ه kept (زيارة → زياره, the ta marbuta as often as a pronoun)."""
    from marsad.lang.ar import normalize_term
    from marsad.lang.ar.clitics import token_cores

    tokens = normalize_term(trigger).split() or [trigger]
    head = next((t for t in tokens if len(t) > 2), tokens[0])   # past لم، تم، لن
    cores = [c for c in token_cores(head) if len(c) >= 4 and not head.endswith(c + "ه")]
    return min(cores, key=lambda c: (len(c), c)) if cores else head


def _sentence_of(rec: CorpusRecord, span: dict | None) -> str:
    if not span or span.get("field") != "text":
        return f"[0] {rec.title}"
    for n, (start, sent) in reversed(list(enumerate(sentences(rec.content), 1))):
        if start <= span["start"]:
            return f"[{n}] {sent}"
    return ""


def _by_id(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {line["id"]: line for line in map(json.loads, fh) if line}


def _asserted(article: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for event in article.get("events") or []:
        if event.get("modality") == "asserted":
            out.setdefault(event["event_type"], []).append(event)
    return out


def _codes(event: dict, role: str) -> frozenset[str]:
    return frozenset(str(e.get("code")) for e in event.get(role) or [])


def cmd_pick(args: argparse.Namespace) -> int:
    """Articles to annotate: war and politics first (articles the current coder finds at least
    two events in), a share of quiet candidates (none found), 300-3,000 characters, spread over
    dates and sources; seeded, so the list can be made again."""
    records, banned = corpus(), excluded()
    for done in args.skip:   # articles of an earlier list
        banned.update(Path(done).read_text(encoding="utf-8").split())
    counts: Counter[str] = Counter()
    with open(args.coded, encoding="utf-8") as fh:
        for line in fh:
            counts[json.loads(line)["article_id"]] += 1
    by_id = {_article_id(r): r for r in records.values()}
    seen_titles: set[str] = set()
    busy, quiet = [], []
    for aid, rec in sorted(by_id.items()):
        if rec.url in banned or not 300 <= len(rec.content) <= 3000 or rec.title in seen_titles:
            continue
        seen_titles.add(rec.title)
        (busy if counts[aid] >= 2 else quiet if counts[aid] == 0 else []).append(rec.url)
    rng = random.Random(args.seed)
    n_quiet = args.n // 6
    chosen = rng.sample(busy, args.n - n_quiet) + rng.sample(quiet, n_quiet)
    rng.shuffle(chosen)
    Path(args.out).write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(chosen)} articles ({n_quiet} quiet candidates) -> {args.out}")
    return 0


#: the types the first two rounds had fewest of (AGREE and REQUEST are counted, not sought)
RARE = ("AID", "REJECT", "CONCEDE", "RETREAT", "COOPERATE", "SANCTION", "THREATEN", "MOBILIZE",
        "PROTEST")


def cmd_pick_rare(args: argparse.Namespace) -> int:
    """Articles for the rarer types: of 6,000 eligible articles (300-2,500 characters, a title
    not taken yet) in a seeded order, those in which the coder's candidates (the decision's
    input, ``Coder(candidates=True)``) hold a rarer type (``RARE``, or ``--types``), until
    ``--n``; ``--min-candidates`` keeps only articles with that many candidates (two thirds of
    round 3 and three quarters of round 5 came out quiet; with four candidates or more, half). Homographs in sport
    and business articles come with them, as the negatives the decision needs.

    ``--keywords FILE`` picks by the text instead of the coder's types, for the types the coder
    rarely proposes (round 6): an article is kept when its title or text, normalized by
    ``marsad.lang.ar``, holds one of the file's phrases (one a line, ``#`` comments) at the start
    of a word (after the proclitics و ف ب ل ال), and the coder finds ``--min-candidates`` of any
    type; the types are then only counted."""
    from marsad.coder import Coder
    from marsad.reading.article import Article

    records, banned = corpus(), excluded()
    for done in args.skip:
        banned.update(Path(done).read_text(encoding="utf-8").split())
    seen_titles: set[str] = set()
    pool = []
    for url, rec in sorted(records.items()):
        if url in banned or not 300 <= len(rec.content) <= 2500 or rec.title in seen_titles:
            continue
        seen_titles.add(rec.title)
        pool.append(rec)
    random.Random(args.seed).shuffle(pool)
    coder, chosen, types = Coder(candidates=True), [], Counter[str]()
    wanted = set(args.types.split(",")) if args.types else set(RARE)
    keywords = _keyword_pattern(args.keywords) if args.keywords else None
    phrases: Counter[str] = Counter()
    for rec in pool[:6000]:
        if keywords is not None:
            from marsad.lang.ar import normalize_term

            hits = {m.group(1) for m in keywords.finditer(
                normalize_term(rec.title + "\n" + rec.content))}
            if not hits:
                continue
        article = Article.from_mapping({"id": rec.url, "title": rec.title, "text": rec.content,
                                        "date": rec.date or None, "source": rec.source})
        events = list(coder.code(article))
        found = {event.event_type for event in events}
        if (keywords is not None or found & wanted) and len(events) >= args.min_candidates:
            chosen.append(rec.url)
            types.update(found & (wanted | {"AGREE", "REQUEST"}))
            if keywords is not None:
                phrases.update(hits)
        if len(chosen) == args.n:
            break
    Path(args.out).write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(chosen)} articles -> {args.out}; candidates' types: {dict(types.most_common())}")
    if phrases:
        print(f"phrases: {dict(phrases.most_common())}")
    return 0


def _keyword_pattern(path: str) -> re.Pattern[str]:
    """The phrases of a keyword file, normalized, as one pattern that finds them at the start of
    a word (after و ف ب ل and the article), group 1 the phrase as written in the file's view."""
    from marsad.lang.ar import normalize_term

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SystemExit(f"--keywords {path}: {exc.strerror}") from None
    terms = sorted({normalize_term(line.split("#")[0]) for line in lines} - {""},
                   key=lambda t: (-len(t), t))
    if not terms:
        raise SystemExit(f"--keywords {path}: no phrase in the file")
    alternatives = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![^\W\d_])(?:[وف]?(?:[بل]|ال|بال|لل)?)({alternatives})")


def _article_id(rec: CorpusRecord) -> str:
    # the id marsad gives a corpus record: source + hash of the URL (reading/sources.py)
    return f"{rec.source}-{hashlib.sha1(rec.url.encode('utf-8')).hexdigest()[:16]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pick")
    p.add_argument("--coded", required=True, help="marsad code output (JSONL) over the corpus")
    p.add_argument("--out", required=True)
    p.add_argument("--n", type=int, default=480)
    p.add_argument("--seed", type=int, default=20151)
    p.add_argument("--skip", action="append", default=[], metavar="LIST",
                   help="leave out the articles of an earlier list")
    r = sub.add_parser("pick-rare")
    r.add_argument("--out", required=True)
    r.add_argument("--n", type=int, default=150)
    r.add_argument("--seed", type=int, default=20153)
    r.add_argument("--types", help="comma-separated types to seek (default: RARE)")
    r.add_argument("--keywords", metavar="FILE",
                   help="phrases (one a line): pick articles whose text holds one, of any type")
    r.add_argument("--min-candidates", type=int, default=0,
                   help="only articles with this many candidates or more (politics, not homographs)")
    r.add_argument("--skip", action="append", default=[], metavar="LIST",
                   help="leave out the articles of an earlier list")
    s = sub.add_parser("show")
    s.add_argument("url")
    c = sub.add_parser("convert")
    c.add_argument("draft")
    c.add_argument("out")
    k = sub.add_parser("check")
    k.add_argument("files", nargs="+")
    n = sub.add_parser("copies")
    n.add_argument("files", nargs="+")
    n.add_argument("--drop", action="store_true",
                   help="take the copies out of their files (training/settled.tsv follows)")
    g = sub.add_parser("agree")
    g.add_argument("first")
    g.add_argument("second")
    a = sub.add_parser("audit")
    a.add_argument("files", nargs="+")
    a.add_argument("--all", action="store_true", help="every stem, not only the split ones")
    a.add_argument("--entities", action="store_true", help="entity texts with split or no code")
    e = sub.add_parser("relabel")
    e.add_argument("edits", help="TSV: FILE:LINE:EVENT, FROM, TO, reason")
    e.add_argument("--dir", default=str(ROOT / "training" / "annotations"))
    args = parser.parse_args()
    commands = {"agree": cmd_agree, "pick": cmd_pick, "pick-rare": cmd_pick_rare, "show": cmd_show,
                "convert": cmd_convert, "check": cmd_check, "copies": cmd_copies, "audit": cmd_audit,
                "relabel": cmd_relabel}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
