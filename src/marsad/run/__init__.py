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

Adding a distributed executor (Dask, issue 15) is one more class with the same ``code`` and
``versions``:

- the coder is built once per worker: a ``distributed.WorkerPlugin`` whose ``setup`` calls
  ``spec.build()`` (the spec is what crosses the network, never a coder or its resources);
- tasks are chunks of articles run by ``code_chunk`` with the worker's coder, so a failing
  article becomes that article's ``Outcome.error`` and never fails its task;
- order: futures kept in a bounded deque and their results yielded first-in first-out, as
  ``ProcessExecutor`` does with its pool's futures;
- a task lost with its worker (``KilledWorker``) is treated as ``BrokenProcessPool`` is here:
  its chunk is resubmitted one article per task, and the article that kills a worker is
  reported as failed;
- ``versions`` comes from ``spec.versions()`` on the client, before any task runs.
"""

from __future__ import annotations

from marsad.run.base import (
    CoderSpec,
    CoderVersions,
    CodesArticles,
    Executor,
    Outcome,
    Spec,
    code_chunk,
    code_one,
    default_jobs,
    render,
)
from marsad.run.process import ProcessExecutor
from marsad.run.serial import SerialExecutor


def make_executor(jobs: int = 1, spec: Spec | None = None) -> Executor:
    """The executor for ``jobs`` workers: in this process for one, a process pool for more."""
    spec = spec if spec is not None else CoderSpec()
    if jobs <= 1:
        return SerialExecutor.from_spec(spec)
    return ProcessExecutor(spec, jobs)


__all__ = ["CoderSpec", "CoderVersions", "CodesArticles", "Executor", "Outcome", "ProcessExecutor",
           "SerialExecutor", "Spec", "code_chunk", "code_one", "default_jobs", "make_executor",
           "render"]
