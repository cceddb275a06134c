"""What the command line's options accept, checked as they are parsed: counts that cannot be
negative, fractions, dates, and an argument parser whose errors are one line.

Every usage error reaches the user as one line ``marsad: …`` with the value at fault, and exit
status 2 (issue 13).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import NoReturn


class Parser(argparse.ArgumentParser):
    """argparse, with a usage error said in one line (and where the help is) instead of the
    usage block; subcommands' parsers are of this class too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"marsad: {message} (see `{self.prog} --help`)\n")


def at_least(minimum: int) -> Callable[[str], int]:
    """An integer option that must be ``minimum`` or more (``--limit 0``, ``--batch 1``)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum}")
        return number

    parse.__name__ = f"number >= {minimum}"
    return parse


def fraction(value: str) -> float:
    """A number from 0 to 1 (``--min-confidence``)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def seconds(value: str) -> float:
    """A duration in seconds, 0 or more (``--lock-timeout 1.5``)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"{value} is less than 0")
    return number


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def stderr_is_terminal() -> bool:
    """Whether a progress bar may be drawn: only for a person watching, never into a file."""
    return sys.stderr.isatty()
