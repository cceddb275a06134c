"""Dask clusters for the tests: a ``LocalCluster`` of worker processes, and one started as a
real cluster is — a ``dask scheduler`` and ``dask worker`` processes from the command line, on
127.0.0.1, stopped afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

DASK = Path(sys.executable).parent / "dask"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def dask_command_line_cluster(workers: int = 2, timeout: float = 90) -> Iterator[str]:
    """The scheduler's address, once ``workers`` workers have joined it."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env,
              "start_new_session": True}
    processes = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port",
                                   str(port), "--dashboard-address", ":0", "--no-show"], **common)]
    try:
        for _ in range(workers):
            processes.append(subprocess.Popen(
                [str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--host", "127.0.0.1", "--no-dashboard"], **common))
        with Client(address, timeout=f"{timeout}s") as client:
            client.wait_for_workers(workers, timeout=timeout)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def command_line_cluster() -> Iterator[str]:
    """A scheduler and two workers started with the ``dask`` command line: its address."""
    with dask_command_line_cluster(workers=2) as address:
        yield address


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """A local cluster of two worker processes (one thread each), as ``--jobs 2`` starts."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    with Client(cluster) as client:
        yield client
    cluster.close()
