"""Reading and checking the lexicon files (format: resources/data/FORMAT.md).

Every problem is reported as ``FILE:LINE: message`` so that a user can fix their own lexicon.
Reading never stops at the first problem: a check lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from marsad.resources.plover import PloverType, parse_types

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
COUNTRY_COLUMNS = ("code", "name", "names", "capitals", "nisba", "people")
ACTOR_COLUMNS = ("id", "code", "sector", "kind", "country", "name", "names")
SECTOR_COLUMNS = ("id", "sector", "code", "kind", "name", "words")
TABLE_KINDS = {COUNTRY_COLUMNS: "countries", ACTOR_COLUMNS: "actors", SECTOR_COLUMNS: "sectors"}
#: The recipient marker of a direct object; the others are the language's prepositions.
DIRECT_OBJECT = "obj"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class LexiconError(ValueError):
    """A lexicon file has problems; ``problems`` lists each with its file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    capitals: tuple[str, ...]
    nisbas: tuple[str, ...]
    people: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    code: str
    sector: str | None
    kind: str
    country: str | None
    name: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class SectorWord:
    id: str
    sector: str
    code: str
    kind: str
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class EventFamily:
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    verbs: tuple[str, ...]
    passive: tuple[str, ...]
    nouns: tuple[str, ...]
    recipient: tuple[str, ...]
    genitive: str
    source: str
    requires: tuple[str, ...] = ()
    frame: str | None = None
    #: only a candidate for the trained event decision: the rules alone never code it
    candidate: bool = False
    #: participles by their masculine singular (مندد): read as nouns, in every form
    participles: tuple[str, ...] = ()
    #: a candidate only right after a negation (لن نقبل، لا نسمح): the act's refusal
    negated: bool = False
    #: a candidate only where it is said ahead (ستبدأ بمحاربة، سنلاحق، سوف يتم التصدي): the
    #: act's promise (its type's pledge), never the act itself
    ahead: bool = False
    #: its verbs take no object pronoun in this sense (حقق في "investigated": حققها "achieved it")
    intransitive: bool = False
    #: words that, right after the trigger, give it another sense (انفجار أسطوانة غاز)
    excludes: tuple[str, ...] = ()


@dataclass
class Table:
    kind: str
    path: str
    rows: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Vocabulary:
    """What a lexicon may refer to: PLOVER types (with their modes and properties), contexts,
    sectors, codes, kinds."""

    types: dict[str, PloverType]
    contexts: frozenset[str]
    sectors: frozenset[str]
    codes: frozenset[str]
    kinds: frozenset[str]
    countries: frozenset[str] = frozenset()
    #: what an entry's ``recipient`` may list (the language's lexicon_format table)
    recipient_markers: frozenset[str] = frozenset({DIRECT_OBJECT})
    verb_example: str = "past/present"

    @classmethod
    def from_yaml(cls, text: str) -> Vocabulary:
        data = yaml.load(text, Loader=_LOADER)
        problems: list[tuple[str, str]] = []
        types = parse_types(data["types"], {}, problems)
        if problems:
            raise ValueError("plover.yaml: " + "; ".join(p for _, p in problems))
        return cls(
            types=types,
            contexts=frozenset(data["contexts"]),
            sectors=frozenset(data["sectors"]),
            codes=frozenset(data["codes"]),
            kinds=frozenset(data["kinds"]),
        )

    def with_countries(self, codes: Iterable[str]) -> Vocabulary:
        return replace(self, countries=frozenset(codes))

    def with_lexicon_format(self, prepositions: Iterable[str], verb_example: str) -> Vocabulary:
        """The vocabulary with what the language's event lexicons may say."""
        return replace(self, recipient_markers=frozenset({DIRECT_OBJECT, *prepositions}),
                       verb_example=verb_example)

    def with_types(self, types: dict[str, PloverType]) -> Vocabulary:
        """The vocabulary with the types (new, or old ones with more modes) of a lexicon."""
        return replace(self, types={**self.types, **types})

    def types_with(self, flag: str) -> frozenset[str]:
        """The types that have a property (``verbal``, ``conflict``)."""
        return frozenset(name for name, t in self.types.items() if getattr(t, flag))

    def directed(self, direction: str) -> frozenset[str]:
        """The types directed ``towards`` or ``against`` their recipient."""
        return frozenset(name for name, t in self.types.items() if t.directed == direction)

    def stated(self, event_type: str, mode: str | None,
               stance: str | None) -> tuple[str, str | None, bool]:
        """(type, mode, converted) of an act under a stance (``PloverType.stated``)."""
        return self.types[event_type].stated(mode, stance)


def read_table(text: str, path: str, vocab: Vocabulary) -> Table:
    """Parse one TSV actor table; its header line decides which kind it is."""
    lines = text.splitlines()
    header_no, header = _header(lines)
    kind = TABLE_KINDS.get(header) if header else None
    table = Table(kind or "unknown", path)
    if kind is None or header is None:
        expected = " | ".join("\t".join(cols) for cols in TABLE_KINDS)
        table.problems.append(Problem(path, header_no or 1,
                                      f"header must be one of: {expected}"))
        return table
    parse_row: Callable[[dict[str, str], Vocabulary, list[str]], Any] = \
        {"countries": _country, "actors": _actor, "sectors": _sector}[kind]
    first_line: dict[str, int] = {}
    for no, line in enumerate(lines[header_no:], start=header_no + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(header):
            table.problems.append(Problem(path, no, f"expected {len(header)} tab-separated "
                                                    f"columns ({', '.join(header)}), found {len(cells)}"))
            continue
        problems: list[str] = []
        row = parse_row(dict(zip(header, cells)), vocab, problems)
        key = row.code if kind == "countries" else row.id
        if key in first_line:
            problems.append(f"duplicate {key!r} (first on line {first_line[key]})")
        table.problems.extend(Problem(path, no, p) for p in problems)
        if not problems:
            first_line[key] = no
            table.rows.append(row)
    return table


def read_events(text: str, path: str, vocab: Vocabulary) -> Table:
    """Parse one YAML event-lexicon file: a list of entries, or a mapping with the entries under
    ``events`` and the PLOVER types they add under ``plover`` (read by ``read_plover``, whose
    types ``vocab`` must already hold)."""
    table = Table("events", path)
    parsed = _parse_yaml(text, path, table.problems)
    if parsed is None:
        return table
    root, data = parsed
    if isinstance(root, yaml.MappingNode):
        unknown = set(data) - {"plover", "events"}
        if unknown:
            table.problems.append(Problem(path, root.start_mark.line + 1, "unknown keys: "
                                          f"{', '.join(sorted(map(str, unknown)))} (a lexicon "
                                          "is a list of entries, or has 'plover' and 'events')"))
        root, data = _value_node(root, "events"), data.get("events")
        if root is None or data is None:
            return table
    if not isinstance(root, yaml.SequenceNode):
        table.problems.append(Problem(path, root.start_mark.line + 1, "expected a list of entries"))
        return table
    for node, item in zip(root.value, data):
        line = node.start_mark.line + 1
        problems: list[str] = []
        family = _event_family(item, f"{path}:{line}", vocab, problems)
        table.problems.extend(Problem(path, line, p) for p in problems)
        if family is not None and not problems:
            table.rows.append(family)
    return table


def read_plover(text: str, path: str, vocab: Vocabulary) -> tuple[Vocabulary, list[Problem]]:
    """``vocab`` with the types of an event lexicon's ``plover:`` section (new modes of a type,
    or new types), and the problems of that section; a file without one changes nothing."""
    parsed = _parse_yaml(text, path, [])
    if parsed is None or not isinstance(parsed[0], yaml.MappingNode) \
            or not isinstance(parsed[1], dict) or "plover" not in parsed[1]:
        return vocab, []
    node, section = _value_node(parsed[0], "plover"), parsed[1]["plover"]
    assert node is not None
    if not isinstance(section, dict) or set(section) != {"types"}:
        return vocab, [Problem(path, node.start_mark.line + 1,
                               "'plover' must hold 'types': PLOVER types and their modes")]
    lines = {str(k.value): k.start_mark.line + 1
             for k, _ in getattr(_value_node(node, "types"), "value", [])}
    said: list[tuple[str, str]] = []
    types = parse_types(section["types"], vocab.types, said)
    problems = [Problem(path, lines.get(name, node.start_mark.line + 1), message)
                for name, message in said]
    return vocab.with_types(types), problems


def _parse_yaml(text: str, path: str, problems: list[Problem]) -> tuple[Any, Any] | None:
    """(node tree for line numbers, data) of a YAML file; None when it is empty or invalid."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(path, (mark.line + 1) if mark else 1, f"invalid YAML: {exc}"))
        return None
    return None if root is None else (root, data)


def _value_node(mapping: Any, key: str) -> Any:
    return next((v for k, v in mapping.value if k.value == key), None)


def _header(lines: list[str]) -> tuple[int, tuple[str, ...] | None]:
    for no, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            return no, tuple(c.strip() for c in line.split("\t"))
    return 0, None


def _names(cell: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in cell.split("|") if n.strip())


def _need(row: dict[str, str], column: str, problems: list[str]) -> str:
    value = row[column]
    if not value:
        problems.append(f"'{column}' is empty")
    return value


def _check_code(code: str, vocab: Vocabulary, problems: list[str], column: str = "code") -> None:
    if code and code not in vocab.codes and code not in vocab.countries:
        if not (len(code) == 3 and code.isalpha() and code.isupper() and not vocab.countries):
            problems.append(f"'{column}' {code!r} is neither a country code nor one of "
                            f"{', '.join(sorted(vocab.codes))}")


def _country(row: dict[str, str], vocab: Vocabulary, problems: list[str]) -> Country:
    code = _need(row, "code", problems)
    if code and not (len(code) == 3 and code.isalpha() and code.isupper()):
        problems.append(f"'code' {code!r} is not an ISO 3166-1 alpha-3 code")
    if not _names(row["names"]):
        problems.append("'names' is empty")
    return Country(code, row["name"], _names(row["names"]), _names(row["capitals"]),
                   _names(row["nisba"]), _names(row["people"]))


def _actor(row: dict[str, str], vocab: Vocabulary, problems: list[str]) -> Actor:
    _need(row, "id", problems)
    code = _need(row, "code", problems)
    _check_code(code, vocab, problems)
    if row["country"]:
        _check_code(row["country"], vocab, problems, "country")
    _check_sector(row["sector"], vocab, problems)
    _check_kind(row["kind"], vocab, problems)
    if not _names(row["names"]):
        problems.append("'names' is empty")
    return Actor(row["id"], code, row["sector"] or None, row["kind"], row["country"] or None,
                 row["name"], _names(row["names"]))


def _sector(row: dict[str, str], vocab: Vocabulary, problems: list[str]) -> SectorWord:
    _need(row, "id", problems)
    _check_sector(_need(row, "sector", problems), vocab, problems)
    _check_code(_need(row, "code", problems), vocab, problems)
    _check_kind(row["kind"], vocab, problems)
    if not _names(row["words"]):
        problems.append("'words' is empty")
    return SectorWord(row["id"], row["sector"], row["code"], row["kind"], row["name"],
                      _names(row["words"]))


def _check_sector(sector: str, vocab: Vocabulary, problems: list[str]) -> None:
    if sector and sector not in vocab.sectors:
        problems.append(f"unknown sector {sector!r}")


def _check_kind(kind: str, vocab: Vocabulary, problems: list[str]) -> None:
    if kind not in vocab.kinds:
        problems.append(f"'kind' must be one of {', '.join(sorted(vocab.kinds))}, not {kind!r}")


def _str_list(value: Any, name: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"'{name}' must be a list of non-empty strings")
        return ()
    return tuple(v.strip() for v in value)


def _event_family(item: Any, source: str, vocab: Vocabulary,
                  problems: list[str]) -> EventFamily | None:
    if not isinstance(item, dict):
        problems.append("each entry must be a mapping with at least 'type'")
        return None
    unknown = set(item) - {"type", "mode", "context", "cameo", "verbs", "passive", "nouns",
                           "participles", "recipient", "genitive", "requires", "frame", "candidate", "negated",
                           "ahead", "intransitive", "excludes", "note"}
    if unknown:
        problems.append(f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
    etype = item.get("type")
    if etype not in vocab.types:
        problems.append(f"'type' must be a PLOVER type, not {etype!r}")
        return None
    mode = item.get("mode")
    if mode is not None and mode not in vocab.types[etype].modes:
        problems.append(f"mode {mode!r} is not a mode of {etype} "
                        f"({', '.join(vocab.types[etype].modes) or 'it has none'})")
    context = _str_list(item.get("context"), "context", problems)
    for c in context:
        if c not in vocab.contexts:
            problems.append(f"unknown context {c!r}")
    verbs = _str_list(item.get("verbs"), "verbs", problems)
    passive = _str_list(item.get("passive"), "passive", problems)
    _check_verbs(verbs + passive, vocab, problems)
    nouns = _str_list(item.get("nouns"), "nouns", problems)
    participles = _str_list(item.get("participles"), "participles", problems)
    if not (verbs or nouns or passive or participles):
        problems.append("an entry needs 'verbs', 'nouns' or 'participles'")
    recipient = _str_list(item.get("recipient"), "recipient", problems)
    for r in recipient:
        if r not in vocab.recipient_markers:
            problems.append(f"recipient marker {r!r} is not one of "
                            f"{', '.join(sorted(vocab.recipient_markers))}")
    genitive = item.get("genitive") or "actor"
    if genitive not in ("actor", "recipient"):
        problems.append(f"'genitive' must be actor or recipient, not {genitive!r}")
    requires = _str_list(item.get("requires"), "requires", problems)
    frame = item.get("frame")
    if frame not in (None, "obligation", "territory", "imputed", "hosting", "hope"):
        problems.append(f"'frame' must be obligation, territory, imputed, hosting, hope or absent, "
                        f"not {frame!r}")
    cameo = item.get("cameo")
    candidate, negated, ahead = _candidate_flags(item, etype, mode, vocab, problems)
    return EventFamily(etype, mode, context, str(cameo) if cameo is not None else None, verbs,
                       passive, nouns, recipient, genitive, source, requires, frame,
                       candidate, participles, negated, ahead,
                       _flag(item, "intransitive", problems),
                       _str_list(item.get("excludes"), "excludes", problems))


def _candidate_flags(item: dict[str, Any], etype: str, mode: str | None, vocab: Vocabulary,
                     problems: list[str]) -> tuple[bool, bool, bool]:
    """An entry's ``candidate``, ``negated`` and ``ahead`` flags, checked together: the last
    two say a reading only the trained decision makes (a refusal, a promise)."""
    candidate, negated = _flag(item, "candidate", problems), _flag(item, "negated", problems)
    if negated and not candidate:
        problems.append("'negated: true' needs 'candidate: true' (only the trained decision "
                        "reads a refusal from a negated act)")
    ahead = _flag(item, "ahead", problems)
    if ahead and not candidate:
        problems.append("'ahead: true' needs 'candidate: true' (only the trained decision "
                        "reads a promise or threat from an act said ahead)")
    if ahead and not vocab.stated(etype, mode, "pledge")[2]:
        problems.append(f"'ahead: true' needs a type whose promise is another type "
                        f"(plover.yaml 'pledge'); {etype} has none")
    return candidate, negated, ahead


def _flag(item: dict[str, Any], key: str, problems: list[str]) -> bool:
    """A true/false key of an entry (false when absent)."""
    value = item.get(key, False)
    if not isinstance(value, bool):
        problems.append(f"'{key}' must be true or false, not {value!r}")
        return False
    return value


def _check_verbs(specs: tuple[str, ...], vocab: Vocabulary, problems: list[str]) -> None:
    for spec in specs:
        head = spec.split()[0]
        if head.count("/") != 1:
            problems.append(f"verb {spec!r} must start with past/present "
                            f"(e.g. {vocab.verb_example})")


def read_file(text: str, path: str, vocab: Vocabulary) -> Table:
    """Check any lexicon file by its extension (``.tsv`` actor table, ``.yaml`` event lexicon)."""
    if path.endswith((".yaml", ".yml")):
        vocab, problems = read_plover(text, path, vocab)
        table = read_events(text, path, vocab)
        table.problems[:0] = problems
        return table
    return read_table(text, path, vocab)
