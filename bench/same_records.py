"""Do two versions of the coder write the same records? And how much CPU does each spend?

    .venv/bin/python bench/same_records.py [--base /work/main/src] [--limit 1000] [--skip 0]
                                           [--rounds 1] [--passes 1] [--serial]
                                           [--profile out.prof]

Codes the same SaudiNewsNet articles with the sources of ``--base`` (run with ``PYTHONPATH``
set to it) and with this checkout's, each in a fresh process, writes every article's events as
the JSON lines ``marsad code`` writes (an exception is a line of its own), and compares them byte
for byte, naming the first article that differs. The resources' version is left out where it
alone differs: it hashes the code that compiles the resources too.

The CPU time of the coding (``time.process_time``, reading the corpus left out) is given for
each side: it holds better than wall time on a shared machine, and the two sides run side by
side (``--serial``: one after the other), so that the machine's load weighs on both alike.
``--rounds N`` runs them N times and gives the best of each; ``--passes N`` codes the articles N
times in each process and gives the best of the later passes too (the words' memos warm, as in a
long run). Only the first pass's records are compared. ``--profile`` writes a cProfile of this
checkout's coding. Not part of the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _code(corpus: str, limit: int, skip: int, out: str, profile: str | None,
          passes: int) -> dict:
    import marsad
    from marsad.reading.sources import read_articles

    coder = marsad.Coder()
    issues: list = []
    articles = []
    for n, article in enumerate(read_articles([corpus], issues.append)):
        if n >= skip + limit:
            break
        if n >= skip:
            articles.append(article)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    lines: list[str] = []
    cpus: list[float] = []
    for run in range(passes):
        cpu = 0.0
        for article in articles:
            if profiler and not run:
                profiler.enable()
            t = time.process_time()
            try:
                events = coder.code(article)
                error = None
            except Exception as exc:  # noqa: BLE001 -- an error is a record to compare too
                events, error = [], f"{type(exc).__name__}: {exc}"
            cpu += time.process_time() - t
            if profiler and not run:
                profiler.disable()
            if not run:
                lines.append(f"# {article.id}" + (f" ERROR {error}" if error else ""))
                lines.extend(json.dumps(e.to_dict(), ensure_ascii=False) for e in events)
        cpus.append(cpu)
    if profiler and profile:
        profiler.dump_stats(profile)
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the first pass meets every word for the first time; later ones find the memos warm
    return {"articles": len(articles), "cpu_s": cpus[0], "warm_s": min(cpus[1:], default=cpus[0]),
            "source": marsad.__file__}


def _start(src: Path, args: argparse.Namespace, out: str,
           profile: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, __file__, "--_child", "--corpus", args.corpus, "--limit", str(args.limit),
           "--skip", str(args.skip), "--out", out, "--passes", str(args.passes)]
    if profile:
        cmd += ["--profile", profile]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)


def _result(child: subprocess.Popen) -> dict:
    out, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"a coding process failed (exit {child.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def _pair(args: argparse.Namespace, base_out: str, new_out: str,
          profile: str | None) -> tuple[dict, dict]:
    """Both sides' runs, side by side (the load of a shared machine then weighs on both alike),
    or one after the other with ``--serial``."""
    base = _start(Path(args.base), args, base_out)
    if args.serial:
        b = _result(base)
        return b, _result(_start(HERE / "src", args, new_out, profile))
    new = _start(HERE / "src", args, new_out, profile)
    return _result(base), _result(new)


#: the resources' version in a record: a hash of the data files and of the code that compiles
#: them (``marsad.resources``, ``marsad.lang.ar``), so any edit there changes it in every record
_VERSION_RE = re.compile(r'"resources": "[^"]*"')


def _without_version(lines: list[str]) -> list[str]:
    return [_VERSION_RE.sub('"resources": "…"', x) for x in lines]


def _first_difference(a: list[str], b: list[str]) -> str:
    article = "?"
    for i, (x, y) in enumerate(zip(a, b)):
        if x.startswith("# "):
            article = x
        if x != y:
            at = next((j for j, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            lo = max(at - 150, 0)
            return f"line {i + 1} ({article}), at {at}:\n  base: {x[lo:at + 150]}\n  new:  {y[lo:at + 150]}"
    return f"one output is longer: {len(a)} against {len(b)} lines"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(HERE.parent / "shared" / "corpus" / "saudinewsnet"))
    parser.add_argument("--base", default="/work/main/src", help="the sources to compare with")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--skip", type=int, default=0, help="articles to pass over first")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--passes", type=int, default=1,
                        help="times each process codes the articles (the first is compared)")
    parser.add_argument("--serial", action="store_true",
                        help="run the two sides one after the other, not side by side")
    parser.add_argument("--profile", help="write a cProfile of this checkout's coding here")
    parser.add_argument("--out")
    parser.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        print(json.dumps(_code(args.corpus, args.limit, args.skip, args.out, args.profile,
                               args.passes)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base_out, new_out = f"{tmp}/base.jsonl", f"{tmp}/new.jsonl"
        base_cpu, new_cpu, base_warm, new_warm = [], [], [], []
        for r in range(args.rounds):
            b, n = _pair(args, base_out, new_out, args.profile if r == 0 else None)
            base_cpu.append(b["cpu_s"])
            new_cpu.append(n["cpu_s"])
            base_warm.append(b["warm_s"])
            new_warm.append(n["warm_s"])
            print(f"round {r + 1}: base {b['cpu_s']:.2f} s (again {b['warm_s']:.2f} s), "
                  f"new {n['cpu_s']:.2f} s (again {n['warm_s']:.2f} s) CPU "
                  f"over {n['articles']} articles", flush=True)
        a = Path(base_out).read_text(encoding="utf-8").splitlines()
        c = Path(new_out).read_text(encoding="utf-8").splitlines()
        versions = {m for x in a + c if not x.startswith("# ") for m in _VERSION_RE.findall(x)}
        if len(versions) > 1:
            print("resources versions differ (the code that compiles them changed): "
                  + ", ".join(sorted(versions)) + "; compared without them")
            a, c = _without_version(a), _without_version(c)
        digest = hashlib.sha256("\n".join(c).encode()).hexdigest()[:16]
        events = sum(not x.startswith("# ") for x in c)
        print(f"base {b['source']}\nnew  {n['source']}")
        k = 1000 / n["articles"]
        print(f"CPU per article, best of {args.rounds}: first pass base {k * min(base_cpu):.2f} ms, "
              f"new {k * min(new_cpu):.2f} ms, new/base = {min(new_cpu) / min(base_cpu):.3f}")
        if args.passes > 1:
            print(f"CPU per article, best of {args.rounds}, passes after the first: base "
                  f"{k * min(base_warm):.2f} ms, new {k * min(new_warm):.2f} ms, "
                  f"new/base = {min(new_warm) / min(base_warm):.3f}")
        if a == c:
            print(f"SAME: {len(c)} lines, {events} events, sha256 {digest}")
            return 0
        print("DIFFERENT: " + _first_difference(a, c))
        return 1


if __name__ == "__main__":
    sys.exit(main())
