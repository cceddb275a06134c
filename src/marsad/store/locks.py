"""Who holds a store: waiting for PostgreSQL's advisory lock in the open, and naming the
process that holds a DuckDB file.

An ingest on PostgreSQL takes a session-level advisory lock. A second ingest used to wait for
it silently and for ever (a killed ingest whose session lingers holds it until the server
notices). Now it polls: it says once which server session holds the lock (process id,
application name, client, since when) and gives up after a timeout. marsad's own sessions name
themselves ``marsad pid N`` and, while they hold a lock, add the lock and the time it was taken.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from marsad.store.backends import LockTimeout

#: seconds between two attempts at a lock another session holds
POLL_SECONDS = 0.5

_HOLDER_SQL = """
SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state, a.state_change
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.classid::bigint = %s AND l.objid::bigint = %s
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""


def application_name() -> str:
    """How marsad's server sessions are named in ``pg_stat_activity``."""
    return f"marsad pid {os.getpid()}"


def acquire_advisory(con: Any, key: int, name: str, timeout: float | None,
                     waiting: Callable[[str], None] | None) -> None:
    """Take the advisory lock ``key``; while another session holds it, say who (once, and
    again when another holds it) and raise ``LockTimeout`` after ``timeout`` seconds."""
    started = time.monotonic()
    told: int | None = -1   # the holder last named (None: none found)
    while not con.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
        pid, holder = lock_holder(con, key)
        waited = time.monotonic() - started
        if timeout is not None and waited >= timeout:
            raise LockTimeout(f"gave up after {waited:.0f} s waiting for the store's {name} lock, "
                              f"held by {holder}; if that process is gone, end its session "
                              f"(SELECT pg_terminate_backend({pid or 'PID'})) and run again")
        if waiting is not None and pid != told:
            limit = f"; giving up after {timeout:.0f} s" if timeout is not None else ""
            waiting(f"waiting for the store's {name} lock, held by {holder}{limit}")
            told = pid
        time.sleep(POLL_SECONDS)
    _mark_holder(con, name)


def lock_articles(backend: Any, ids: list[str]) -> None:
    """Inside a transaction on PostgreSQL: take a transaction-level advisory lock on each
    article id (let go at commit), in the order of their keys, so that two transactions
    writing some of the same articles take turns on them and never wait for each other in a
    circle."""
    if ids:
        backend.fetch("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT "
                      "hashtextextended('marsad:article:' || id, 0) AS k "
                      "FROM unnest(?::text[]) AS id ORDER BY k) AS keys", [ids])


def release_advisory(con: Any, key: int) -> None:
    con.execute("SELECT pg_advisory_unlock(%s)", (key,))
    current = con.execute("SHOW application_name").fetchone()[0]
    if current.startswith(application_name() + " "):
        con.execute("SELECT set_config('application_name', %s, false)", (application_name(),))


def lock_holder(con: Any, key: int) -> tuple[int | None, str]:
    """The server process holding advisory lock ``key``, and that session in words."""
    unsigned = key & 0xFFFF_FFFF_FFFF_FFFF
    row = con.execute(_HOLDER_SQL, (unsigned >> 32, unsigned & 0xFFFF_FFFF)).fetchone()
    if row is None:
        return None, "a session that has just let it go"
    pid, app, client, started, state, changed = row
    where = f" from {client}" if client else ""
    return pid, (f"server process {pid} ('{app or 'no application name'}'{where}, connected "
                 f"since {_when(started)}, {state or 'unknown state'} since {_when(changed)})")


def _mark_holder(con: Any, name: str) -> None:
    """Add the lock and since when it is held to a marsad session's application name, for
    whoever waits for it."""
    current = con.execute("SHOW application_name").fetchone()[0]
    if current.startswith("marsad pid "):
        since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        marked = f"{application_name()} {name} since {since}"[:63]
        con.execute("SELECT set_config('application_name', %s, false)", (marked,))


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "an unknown time"
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


_DUCKDB_HOLDER_RE = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def duckdb_lock_holder(message: str) -> str | None:
    """The process DuckDB's lock error names, with its command line where the system shows it;
    None when the error is not about a lock."""
    match = _DUCKDB_HOLDER_RE.search(message)
    if match is None:
        return "another process" if "Could not set lock" in message else None
    pid = int(match.group("pid"))
    return f"process {pid} ({_command_line(pid) or match.group('program')})"


def _command_line(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            raw = f.read().split(b"\0")
    except OSError:
        return None
    words = [" ".join(w.decode("utf-8", "replace").split()) for w in raw if w]
    if len(words) > 1 and words[1].endswith("/marsad"):   # python /path/bin/marsad ingest …
        words = words[1:]
    if words:
        words[0] = os.path.basename(words[0])
    line = " ".join(words)
    return line if len(line) <= 400 else line[:399] + "…"
