"""Reading YAML files of a fact base with line numbers, collecting problems as it goes.

A fact base author needs all the problems at once, each where it is: so readers collect
`Problem`s, and the loader raises one `KnowledgeError` with all of them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from . import flatyaml
from .problems import KnowledgeError, Problem


class LocatedMap(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


#: libyaml's parser where PyYAML was built with it (several times faster), else PyYAML's own.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, plus line numbers and a refusal of duplicate keys.

    Plain strings, mappings and lists, nearly all of a fact base, are built by one walk of
    the node tree (`_value`), not PyYAML's generic machinery: a third of a large base's
    load went there. Any other node (a number, null, an explicit tag) still goes to it."""

    duplicate_keys: list[tuple[int, str]]
    #: First characters a plain scalar must start with for a resolver to type it.
    _typed_starts: frozenset[str] = frozenset()

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def, override]
        if kind is yaml.ScalarNode and (not implicit[0] or value[:1] not in self._typed_starts) \
                and value:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)

    def construct_document(self, node: yaml.Node) -> Any:
        self._built: dict[yaml.Node, Any] = {}  # an alias is its anchor's object, built once
        try:
            return self._value(node)
        finally:
            self._built = {}

    def _value(self, node: yaml.Node) -> Any:
        kind, tag = node.__class__, node.tag
        if kind is yaml.ScalarNode:
            return node.value if tag == _STR else self.construct_object(node, deep=True)
        if node in self._built:
            return self._built[node]
        if kind is yaml.MappingNode and tag == _MAP:
            return self.construct_mapping(node)
        if kind is yaml.SequenceNode and tag == _SEQ:
            items = self._built[node] = []
            items.extend(self._value(child) for child in node.value)
            return items
        return self.construct_object(node, deep=True)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedMap:  # type: ignore[override]
        mapping = self._built[node] = LocatedMap()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        if any(key_node.tag == _MERGE for key_node, _ in node.value):
            self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self._value(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark)
            if key in mapping:
                self.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
            mapping[key] = self._value(value_node)
            mapping.key_lines[str(key)] = key_node.start_mark.line + 1
        return mapping


_STR, _MAP, _SEQ, _MERGE = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq", "merge"))
#: What a plain scalar of a file `flatyaml` reads may be: anything else goes to the loader.
_PLAIN_TAGS = (_STR, *(f"tag:yaml.org,2002:{t}" for t in ("int", "float", "null")))
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                            _LineLoader.construct_mapping)
# Dates stay strings: the fact base's own date syntax is richer than YAML's. So do yes,
# no, on and off: words in a word list (Serbian "on" is "he"), never booleans.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_LineLoader._typed_starts = frozenset(k for k, v in _LineLoader.yaml_implicit_resolvers.items()
                                      if v and k)


def _flat(text: str) -> Any:
    """The file read by `flatyaml` if it is only the lines that reads (a large fact base's
    entities and facts), with this loader's own reading of a number or null; else None."""
    loader: _LineLoader | None = None
    made: dict[str, Any] = {}

    def scalar(value: str) -> Any:
        nonlocal loader
        if value not in made:
            loader = loader or _LineLoader("")
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            if tag not in _PLAIN_TAGS:
                raise flatyaml.NotFlat(value)
            made[value] = value if tag == _STR else \
                loader.construct_object(yaml.ScalarNode(tag, value), deep=True)
        return made[value]

    def rest(line: int, lines: str) -> list | None:
        loader = _LineLoader("\n" * (line - 1) + lines)
        loader.duplicate_keys = []
        try:
            data = loader.get_single_data()
        except (yaml.YAMLError, RecursionError):
            return None
        finally:
            loader.dispose()
        return data if isinstance(data, list) and not loader.duplicate_keys else None

    try:
        return flatyaml.parse(text, LocatedMap, _LineLoader._typed_starts, scalar, rest)
    finally:
        if loader is not None:
            loader.dispose()


class Reader:
    """Collects problems while the files are read."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        #: Where names, aliases and questions were written: key → (file, line).
        self.origins: dict[tuple[str, ...], tuple[str, int]] = {}

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def name(self, path: Path) -> str:
        """How problems name a file: relative to the fact base, else in full (a pack)."""
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)

    def load(self, path: Path, required: bool = True) -> Any:
        name = self.name(path)
        if not path.exists():
            if required:
                self.problem(name, 0, "missing file")
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, 0, f"cannot read: {exc}")
            return None
        data = _flat(text)
        if data is not None:
            return data
        loader = _LineLoader(text)
        loader.duplicate_keys = []
        try:
            data = loader.get_single_data()
        except RecursionError:
            self.problem(name, 0, "bad YAML: nested too deeply")
            return None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 0
            what = getattr(exc, "problem", None) or str(exc)
            self.problem(name, line, f"bad YAML: {what}")
            return None
        finally:
            loader.dispose()
        for line, key in loader.duplicate_keys:
            self.problem(name, line, f"duplicate key {key!r}")
        return data


def line_of(item: Any, key: str | None = None) -> int:
    if isinstance(item, LocatedMap):
        return item.key_lines.get(key, item.line) if key else item.line
    return 0


def strings_of(value: Any) -> tuple[str, ...] | None:
    """A list of strings (a lone string counts as one), or None if it is not that."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    return None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'embassy'?)" for the nearest choice, else ""."""
    import difflib  # only when there is a problem to report: cold start
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
