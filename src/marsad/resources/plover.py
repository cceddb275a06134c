"""PLOVER's event types as data: each type's modes and the properties the coder reads.

The shipped types are in ``data/plover.yaml``; a user's event lexicon may add modes to a type
or declare a new type in its ``plover:`` section (FORMAT.md). The stages ask the vocabulary
(``vocab.types_with("verbal")``, ``vocab.stated(...)``) instead of keeping their own sets of
type names, so that a new type or mode needs no change to the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

#: The properties a type may have, besides its modes (plover.yaml's header says what each means).
FLAGS = ("verbal", "conflict", "ahead")
DIRECTIONS = ("towards", "against")
#: the figures of people an event can be the cause of (``casualties:``)
CASUALTY_KINDS = ("killed", "injured", "arrested", "missing")
STANCES = ("pledge", "refusal")
#: what a type's entry may say besides its properties: one line on what it covers, and one per mode
TEXT_KEYS = ("description", "mode_descriptions")
TYPE_KEYS = frozenset({"modes", "directed", "casualties", "against_armed", *FLAGS, *STANCES,
                       *TEXT_KEYS})


@dataclass(frozen=True)
class Stated:
    """What an act under a stance (pledged, refused) is coded as: a type, and its mode (the
    default, or per mode of the act's own type)."""

    type: str
    mode: str | None = None
    modes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PloverType:
    name: str
    modes: tuple[str, ...] = ()
    verbal: bool = False
    conflict: bool = False
    directed: str | None = None
    pledge: Stated | None = None
    refusal: Stated | None = None
    description: str = ""
    mode_descriptions: Mapping[str, str] = field(default_factory=dict)
    casualties: frozenset[str] = frozenset()
    #: a speech act whose content is an act to come (a threat's threatened act)
    ahead: bool = False
    #: the modes in which a state's forces use the act on an armed group they fight (None: the
    #: type is not used so; an event of it without a mode counts as one of these)
    against_armed: frozenset[str] | None = None

    def aimed_at_armed(self, mode: str | None) -> bool:
        """Whether an act of this type and mode by a state's forces, aimed at no one named, is
        aimed at the armed group they fight (``against_armed``)."""
        return self.against_armed is not None and (mode is None or mode in self.against_armed)

    def stated(self, mode: str | None, stance: str | None) -> tuple[str, str | None, bool]:
        """(type, mode, converted) of an act of this type under ``stance``: a promised
        cooperative act is an AGREE, a refused one a REJECT, a promised hostile act a THREATEN
        (PLOVER: "the coder should always return the single event category")."""
        target = self.pledge if stance == "pledge" else self.refusal if stance == "refusal" \
            else None
        if target is None:
            return self.name, mode, False
        new_mode = target.modes.get(mode, target.mode) if mode is not None else target.mode
        return target.type, new_mode, target.type != self.name

    def with_modes(self, modes: tuple[str, ...]) -> PloverType:
        return replace(self, modes=self.modes + tuple(m for m in modes if m not in self.modes))


def parse_types(data: Any, known: Mapping[str, PloverType],
                problems: list[tuple[str, str]]) -> dict[str, PloverType]:
    """The types of a ``types:`` mapping, checked: an existing type (in ``known``) may only gain
    modes, a new one declares its properties. ``problems`` gets (type name, message) pairs."""
    if not isinstance(data, dict):
        problems.append(("", "'types' must map each PLOVER type to its modes and properties"))
        return {}
    parsed: dict[str, PloverType] = {}
    for name, spec in data.items():
        if isinstance(spec, list):      # the short form: a type and its modes
            spec = {"modes": spec}
        if not isinstance(name, str) or not name.isupper() or not isinstance(spec, dict):
            message = f"type {name!r} must be an upper-case name mapped to its modes and properties"
            problems.append((str(name), message))
            continue
        said: list[str] = []
        ptype = _parse_type(name, spec, known.get(name), said)
        problems.extend((name, p) for p in said)
        if ptype is not None and not said:
            parsed[name] = ptype
    everything = {**known, **parsed}
    for ptype in parsed.values():
        for stance in STANCES:
            target = getattr(ptype, stance)
            if target is not None:
                problems.extend((ptype.name, p) for p in _check_target(stance, target, ptype,
                                                                       everything))
    return parsed


def _parse_type(name: str, spec: dict, old: PloverType | None,
                problems: list[str]) -> PloverType | None:
    unknown = set(spec) - TYPE_KEYS
    if unknown:
        problems.append(f"{name}: unknown keys {', '.join(sorted(map(str, unknown)))} "
                        f"(a type has {', '.join(sorted(TYPE_KEYS))})")
    modes = spec.get("modes") or []
    if not isinstance(modes, list) or not all(isinstance(m, str) and m.strip() for m in modes):
        problems.append(f"{name}: 'modes' must be a list of names")
        modes = []
    if old is not None:
        if set(spec) - {"modes"}:
            problems.append(f"{name} is a PLOVER type already: a lexicon may add modes to it, "
                            "not change its properties")
        return old.with_modes(tuple(modes))
    for flag in FLAGS:
        if not isinstance(spec.get(flag, False), bool):
            problems.append(f"{name}: '{flag}' must be true or false")
    directed = spec.get("directed")
    if directed is not None and directed not in DIRECTIONS:
        problems.append(f"{name}: 'directed' must be {' or '.join(DIRECTIONS)}, not {directed!r}")
    stated = {s: _stated(spec.get(s), f"{name}: '{s}'", problems) for s in STANCES}
    description, mode_descriptions = _texts(name, spec, modes, problems)
    return PloverType(name, tuple(modes), bool(spec.get("verbal")), bool(spec.get("conflict")),
                      directed, stated["pledge"], stated["refusal"], description,
                      mode_descriptions, _casualties(name, spec.get("casualties"), problems),
                      bool(spec.get("ahead")),
                      _against_armed(name, spec.get("against_armed"), modes, problems))


def _casualties(name: str, kinds: Any, problems: list[str]) -> frozenset[str]:
    """The figures an event of the type can cause: a list of :data:`CASUALTY_KINDS`."""
    if kinds is None:
        return frozenset()
    if not isinstance(kinds, list) or not set(kinds) <= set(CASUALTY_KINDS):
        problems.append(f"{name}: 'casualties' must be a list of {', '.join(CASUALTY_KINDS)}")
        return frozenset()
    return frozenset(kinds)


def _against_armed(name: str, value: Any, modes: list[str],
                   problems: list[str]) -> frozenset[str] | None:
    """The modes of the type used on an armed group (``against_armed``): a list of its modes."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(m, str) and m in modes for m in value):
        problems.append(f"{name}: 'against_armed' must be a list of its modes")
        return None
    return frozenset(value)


def _texts(name: str, spec: dict, modes: list[str],
           problems: list[str]) -> tuple[str, dict[str, str]]:
    """A type's description and its modes' (for ``marsad types``; the coder reads neither)."""
    description = spec.get("description") or ""
    if not isinstance(description, str):
        problems.append(f"{name}: 'description' must be one line of text")
        description = ""
    described = spec.get("mode_descriptions") or {}
    if not isinstance(described, dict) or not all(isinstance(v, str) for v in described.values()):
        problems.append(f"{name}: 'mode_descriptions' must map a mode to one line of text")
        described = {}
    problems.extend(f"{name}: 'mode_descriptions' names {m!r}, which is not one of its modes"
                    for m in described if m not in modes)
    return " ".join(description.split()), {str(k): " ".join(v.split()) for k, v in described.items()}


def _stated(value: Any, where: str, problems: list[str]) -> Stated | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("type"), str) \
            or set(value) - {"type", "mode", "modes"}:
        problems.append(f"{where} must be {{type: TYPE, mode: MODE, modes: {{MODE: MODE}}}}")
        return None
    modes = value.get("modes") or {}
    if not isinstance(modes, dict):
        problems.append(f"{where}: 'modes' must map a mode to a mode")
        modes = {}
    return Stated(value["type"], value.get("mode"), {str(k): str(v) for k, v in modes.items()})


def _check_target(stance: str, target: Stated, ptype: PloverType,
                  types: Mapping[str, PloverType]) -> list[str]:
    where = f"{ptype.name}: '{stance}'"
    goal = types.get(target.type)
    if goal is None:
        return [f"{where}: {target.type!r} is not a PLOVER type"]
    problems = [f"{where}: {m!r} is not a mode of {goal.name}"
                for m in (target.mode, *target.modes.values()) if m is not None and m not in goal.modes]
    problems += [f"{where}: {m!r} is not a mode of {ptype.name}" for m in target.modes
                 if m not in ptype.modes]
    return problems
