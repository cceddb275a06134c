"""Running the coder over many articles: one seam, several ways to run it.

An ``Executor`` maps articles to ``Outcome``\\ s — the article's id, its events (or their JSON
lines) and an error if coding that article failed — in input order. What runs the coder is the
executor's business; the command line and the store only consume outcomes, and the store is
handed an executor rather than importing the coder.

- ``SerialExecutor`` codes in this process with a coder it is given.
- ``ProcessExecutor`` codes over worker processes. Each worker builds its coder once from a
  ``CoderSpec`` (a small picklable recipe: lexicon paths today, options later), chunks of
  articles travel in a bounded sliding window, and a worker that dies loses only the article
  that killed it. Workers die with their parent, even when it is killed with SIGKILL.
- ``make_executor(jobs, spec)`` picks one: ``jobs == 1`` codes in this process.

- ``DaskExecutor`` (``marsad.run.dask``) codes over a Dask cluster: a scheduler at
  ``tcp://HOST:PORT``, or a local cluster of worker processes. A worker plugin builds the coder
  once per worker from the spec; chunks of articles are tasks, their futures kept in a bounded
  window and read first in, first out; a task lost with its worker is coded again one article
  per task, so the article that kills a worker is the only one reported lost.
- ``make_executor(jobs, spec, executor=..., scheduler=...)`` picks one: ``jobs == 1`` codes in
  this process unless ``executor`` says ``dask``.
- ``code_partitions(executor, partitions, ...)`` codes the partitions of an input
  (``marsad.reading.partitions``): read and coded by the workers with Dask, read here and
  coded by the executor otherwise; ``write_partitions`` also hands each chunk to a sink (the
  batch Parquet output), on the workers with Dask; ``write_through(executor, articles, sink)``
  does so for articles given in Python.
"""

from __future__ import annotations

from marsad.run.base import (
    ClusterLost,
    Coded,
    CoderSpec,
    CoderVersions,
    CodesArticles,
    Executor,
    Outcome,
    Sink,
    Spec,
    code_chunk,
    code_one,
    code_partitions,
    default_jobs,
    render,
    write_partitions,
    write_through,
)
from marsad.run.process import ProcessExecutor
from marsad.run.serial import SerialExecutor

EXECUTORS = ("process", "dask")


def make_executor(jobs: int = 1, spec: Spec | None = None, executor: str = "process",
                  scheduler: str | None = None) -> Executor:
    """The executor for ``jobs`` workers: in this process for one, a process pool for more;
    with ``executor="dask"`` a Dask cluster (the scheduler at ``scheduler``, or a local
    cluster of ``jobs`` worker processes)."""
    spec = spec if spec is not None else CoderSpec()
    if executor == "dask" or scheduler:
        from marsad.run.dask import DaskExecutor

        return DaskExecutor(spec, max(1, jobs or default_jobs()), scheduler)
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}: one of {', '.join(EXECUTORS)}")
    if jobs <= 1:
        return SerialExecutor.from_spec(spec)
    return ProcessExecutor(spec, jobs)


__all__ = ["EXECUTORS", "ClusterLost", "Coded", "CoderSpec", "CoderVersions", "CodesArticles", "Executor", "Outcome",
           "ProcessExecutor", "SerialExecutor", "Sink", "Spec", "code_chunk", "code_one",
           "code_partitions", "default_jobs", "make_executor", "render", "write_partitions",
           "write_through"]
