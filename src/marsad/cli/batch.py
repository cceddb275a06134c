"""``marsad code … --out DIR --format parquet``: coded articles written as Parquet partitioned
by event month and source, by the workers themselves where the executor has workers of its own
(Dask, which also read their partitions of the input), else in this process
(``marsad.store.parts``, ``marsad.run.write_partitions``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from marsad.reading.sources import InputIssue, ReadOptions, id_issue

if TYPE_CHECKING:
    from marsad.run import Executor


def code_into_parts(args: argparse.Namespace, executor: Executor,
                    report: Callable[[InputIssue], None], options: ReadOptions,
                    stop: type[Exception]) -> None:
    """Code every article under ``args.paths`` into the folder ``args.out``; a failed article
    is reported by the file and line it was read at; ``stop`` (``--strict``) ends the run."""
    from marsad.api import ResourceNames
    from marsad.cli.progress import bar_for
    from marsad.reading.partitions import list_partitions
    from marsad.run import write_partitions
    from marsad.store.parts import ParquetParts

    sink = ParquetParts(args.out, ResourceNames, tuple(executor.versions))  # type: ignore[arg-type]
    progress = bar_for(args.paths, options, args.quiet)
    partitions = list_partitions(args.paths, report, options)
    count = 0
    try:
        for outcome, origin in write_partitions(executor, partitions, report, options, sink):
            count += 1
            if outcome.error:
                report(id_issue(outcome.article_id, origin, outcome.problem or ""))
            if progress:
                progress.advance(1, 0)
    except stop:
        pass
    finally:
        if progress:
            progress.close()
    if not args.quiet:
        print(f"marsad: {count} articles coded into {args.out}", file=sys.stderr)
