"""The filters of ``query``, ``trends`` and ``export``, checked before anything is selected.

A value that names no PLOVER type, mode, modality, country or actor can only be a typo: it is a
usage error that names the closest valid value (or lists the valid ones), not a quiet "0
events" (issue 13). Valid means known to marsad (the PLOVER vocabulary of plover.yaml, the
country table, the actor dictionary) or found in the store (what a user lexicon added).
"""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any

from marsad.store.queries import MODALITIES


class FilterError(ValueError):
    """A filter value that can select nothing; the message names the option and the value."""


def check_filters(args: argparse.Namespace, store: Any,
                  spell: Callable[[str], str] = lambda option: option) -> None:
    """Refuse a filter that can select nothing. ``spell`` names an option as the caller's
    user knows it (``marsad serve`` says ``type``, not ``--type``)."""
    known = _Known(store)
    _check(spell("--modality"), args.modalities, MODALITIES, str.lower)
    if args.since and args.until and args.since > args.until:
        raise FilterError(f"{spell('--since')} {args.since} is after {spell('--until')} "
                          f"{args.until}: no day is both")
    _check(spell("--type"), args.types, lambda: known.types, str.upper, "`marsad types` lists them")
    _check(spell("--mode"), args.modes, lambda: known.modes, str.lower, "`marsad types` lists them")
    for value in args.countries:
        _check_country(value, store, spell("--country"))
    for option, values in (("--actor", args.actors), ("--recipient", args.recipients)):
        _check(spell(option), values, lambda: known.actors, str.lower,
               "a country code (IRQ), NSA, IGO, NGO, UNK, or a dictionary id (usa.centcom)")


def _check(option: str, values: Iterable[str], valid: Iterable[str] | Callable[[], Iterable[str]],
           fold: Callable[[str], str], where: str = "") -> None:
    """Each value is one of ``valid`` once both are folded (upper- or lower-cased); the valid
    ones are only gathered when some value is given. ``valid`` may map each value to how it
    is shown in a hint."""
    values = list(values)
    if not values:
        return
    gathered = valid() if callable(valid) else valid
    shown = gathered if isinstance(gathered, Mapping) else {v: v for v in gathered}
    choices = {fold(v): text for v, text in shown.items()}
    for value in values:
        if fold(value.strip()) not in choices:
            raise FilterError(f"{option} {value}: {_hint(fold(value.strip()), choices, where)}")


def _hint(value: str, choices: dict[str, str], where: str) -> str:
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    if close:
        return f"unknown; did you mean {' or '.join(choices[c] for c in close)}?"
    if len(choices) <= 12:
        return f"unknown; one of {', '.join(sorted(choices.values()))}"
    return f"unknown ({where})" if where else "unknown"


def _check_country(value: str, store: Any, option: str = "--country") -> None:
    names = store.names
    known = names.country_names()
    if not known or names.country_code(value) in known:
        return          # a store handed no names knows codes only: any code may be stored
    if names.country_code(value) in store.stored_values("country"):
        return
    closest = getattr(names, "closest_country", lambda _: None)(value)
    hint = f"did you mean {known[closest]} ({closest})?" if closest in known \
        else "give an ISO code (IRQ), or an English or Arabic name"
    raise FilterError(f"{option} {value}: no such country; {hint}")


class _Known:
    """What a filter may name, gathered only when asked (the actor dictionary takes a moment)."""

    def __init__(self, store: Any):
        self.store = store

    @cached_property
    def _vocabulary(self) -> Any:
        from marsad.resources import vocabulary

        return vocabulary()

    @cached_property
    def types(self) -> set[str]:
        return set(self._vocabulary.types) | self.store.stored_values("event_type")

    @cached_property
    def modes(self) -> dict[str, str]:
        """Each mode, shown with its type (a mode name alone can mislead: strike is a PROTEST)."""
        types: dict[str, list[str]] = {}
        for ptype in self._vocabulary.types.values():
            for mode in ptype.modes:
                types.setdefault(mode, []).append(ptype.name)
        shown = {m: m for m in self.store.stored_values("mode")}
        return shown | {m: f"{m} ({', '.join(names)})" for m, names in types.items()}

    @cached_property
    def actors(self) -> set[str]:
        from marsad.resources import load_resources

        vocab = self._vocabulary
        return (set(vocab.codes) | set(vocab.countries) | {a.id for a in load_resources().actors}
                | self.store.stored_values("actor_id") | self.store.stored_values("code"))
