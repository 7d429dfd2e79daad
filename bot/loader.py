"""Loading a fact base directory and reporting every problem in it with file and line.

A fact base author needs all the problems at once, each where it is, rather than the
first traceback: so loading collects `Problem`s and raises one `KnowledgeError`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .dates import DateError, parse_date
from .model import Entity, Fact, KnowledgeBase, Language, Meta
from .text import stems

ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
ENTITY_TYPES = ("country", "person", "place", "organisation", "event", "award", "thing")
LANGUAGE_LISTS = ("intents", "modifiers", "pronouns", "grammar")
LANGUAGE_REQUIRED = ("language", "months", "templates")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The fact base cannot be used; `problems` says everything that is wrong and where."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))


class _Map(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    """PyYAML's safe loader, plus line numbers and a refusal of duplicate keys."""

    duplicate_keys: list[tuple[int, str]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Map:  # type: ignore[override]
        mapping = _Map()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark)
            if key in mapping:
                self.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[str(key)] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                            _LineLoader.construct_mapping)
# Dates stay strings: the fact base's own date syntax is richer than YAML's.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class _Reader:
    """Collects problems while the files are read."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def load(self, path: Path, required: bool = True) -> Any:
        name = str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)
        if not path.exists():
            if required:
                self.problem(name, 0, "missing file")
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, 0, f"cannot read: {exc}")
            return None
        loader = _LineLoader(text)
        loader.duplicate_keys = []
        try:
            data = loader.get_single_data()
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


def _line(item: Any, key: str | None = None) -> int:
    if isinstance(item, _Map):
        return item.key_lines.get(key, item.line) if key else item.line
    return 0


def _strings(value: Any) -> tuple[str, ...] | None:
    """A list of strings (a lone string counts as one), or None if it is not that."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    return None


def load_knowledge(directory: str | Path) -> KnowledgeBase:
    """Load and validate the fact base in `directory`; raise KnowledgeError on any problem."""
    root = Path(directory)
    reader = _Reader(root)
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), 0, "not a directory")])
    meta_raw = reader.load(root / "meta.yaml")
    entities_raw = reader.load(root / "entities.yaml")
    facts_raw = reader.load(root / "facts.yaml")
    language_files = sorted((root / "languages").glob("*.yaml"))
    if not language_files:
        reader.problem("languages", 0, "no language files (languages/*.yaml)")
    languages_raw = [(p, reader.load(p)) for p in language_files]
    if reader.problems:
        raise KnowledgeError(reader.problems)

    meta = _meta(reader, meta_raw)
    languages = _languages(reader, languages_raw, meta.language if meta else "en")
    base = languages.get(meta.language) if meta else None
    if meta and base is None:
        reader.problem("meta.yaml", _line(meta_raw, "language"),
                       f"no languages/{meta.language}.yaml for the base language")
    concepts = set(base.concepts) if base else set()
    entities = _entities(reader, entities_raw, meta.language if meta else "en", concepts)
    facts = _facts(reader, facts_raw, entities, concepts, meta.language if meta else "en")
    if reader.problems or meta is None:
        raise KnowledgeError(reader.problems)
    return KnowledgeBase(meta=meta, entities=entities, facts=tuple(facts.values()),
                         languages=languages)


def _meta(reader: _Reader, raw: Any) -> Meta | None:
    if not isinstance(raw, dict):
        reader.problem("meta.yaml", _line(raw), "expected a mapping")
        return None
    missing = [k for k in ("title", "source", "language") if not raw.get(k)]
    for key in missing:
        reader.problem("meta.yaml", raw.line, f"missing field {key!r}")
    source = raw.get("source") or {}
    if not isinstance(source, dict):
        reader.problem("meta.yaml", _line(raw, "source"), "source: expected a mapping")
        source = {}
    examples = _strings(raw.get("examples"))
    if examples is None:
        reader.problem("meta.yaml", _line(raw, "examples"), "examples: expected a list of strings")
    missions = _strings(raw.get("missions"))
    if missions is None:
        reader.problem("meta.yaml", _line(raw, "missions"), "missions: expected a list of ids")
    if missing:
        return None
    return Meta(title=str(raw["title"]), description=str(raw.get("description", "")),
                source={str(k): str(v) for k, v in source.items()},
                language=str(raw["language"]), examples=examples or (),
                missions=missions or ())


def _languages(reader: _Reader, raws: list[tuple[Path, Any]], base_code: str
               ) -> dict[str, Language]:
    languages: dict[str, Language] = {}
    base_raw = next((raw for path, raw in raws if path.stem == base_code), None)
    for path, raw in raws:
        name = f"languages/{path.name}"
        if not isinstance(raw, dict):
            reader.problem(name, _line(raw), "expected a mapping")
            continue
        for key in LANGUAGE_REQUIRED:
            if key not in raw:
                reader.problem(name, raw.line, f"missing field {key!r}")
        code = str(raw.get("language", path.stem))
        if code != path.stem:
            reader.problem(name, _line(raw, "language"),
                           f"language {code!r} does not match the file name {path.stem!r}")
        lists: dict[str, dict[str, tuple[str, ...]]] = {}
        for key in ("concepts",) + LANGUAGE_LISTS:
            section = raw.get(key) or {}
            if not isinstance(section, dict):
                reader.problem(name, _line(raw, key), f"{key}: expected a mapping")
                section = {}
            lists[key] = {}
            for cid, words in section.items():
                values = _strings(words)
                if values is None:
                    reader.problem(name, _line(section, cid), f"{key}.{cid}: expected a list of words")
                    continue
                if not ID.match(str(cid)):
                    reader.problem(name, _line(section, cid), f"{key}: bad id {cid!r}")
                lists[key][str(cid)] = values
            if isinstance(base_raw, dict) and raw is not base_raw:
                known = base_raw.get(key) or {}
                for cid in lists[key]:
                    if cid not in known:
                        reader.problem(name, _line(section, cid),
                                       f"{key}: {cid!r} is not defined in languages/{base_code}.yaml")
        months = _strings(raw.get("months"))
        if months is None or len(months) != 12:
            reader.problem(name, _line(raw, "months"), "months: expected 12 month names")
            months = ()
        templates = raw.get("templates") or {}
        if not isinstance(templates, dict):
            reader.problem(name, _line(raw, "templates"), "templates: expected a mapping")
            templates = {}
        if isinstance(base_raw, dict) and raw is not base_raw:
            for key in (base_raw.get("templates") or {}):
                if key not in templates:
                    reader.problem(name, _line(raw, "templates"), f"templates: missing {key!r}")
        words = {}
        for key in ("stopwords", "outside"):
            words[key] = _strings(raw.get(key))
            if words[key] is None:
                reader.problem(name, _line(raw, key), f"{key}: expected a list of words")
        formats = raw.get("date_formats") or {}
        qualifiers = raw.get("qualifiers") or {}
        languages[code] = Language(
            code=code, name=str(raw.get("name", code)), concepts=lists["concepts"],
            intents=lists["intents"], modifiers=lists["modifiers"],
            pronouns=lists["pronouns"], grammar=lists["grammar"], stopwords=words["stopwords"] or (),
            outside=words["outside"] or (), months=months,
            qualifiers={str(k): str(v) for k, v in qualifiers.items()},
            templates={str(k): str(v) for k, v in templates.items()},
            date_formats={str(k): str(v) for k, v in formats.items()})
    return languages


def _texts(value: Any, base: str) -> dict[str, str] | None:
    """A text field: a plain string (in the base language) or a mapping of language → text."""
    if isinstance(value, (str, int, float)) and str(value).strip():
        return {base: " ".join(str(value).split())}
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return {str(k): " ".join(v.split()) for k, v in value.items()}
    return None


def _entities(reader: _Reader, raw: Any, base: str, concepts: set[str]) -> dict[str, Entity]:
    file = "entities.yaml"
    entities: dict[str, Entity] = {}
    if not isinstance(raw, list):
        reader.problem(file, _line(raw), "expected a list of entities")
        return entities
    alias_owner: dict[tuple[str, ...], tuple[str, int]] = {}
    refs: list[tuple[int, str, str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, _line(item), "expected a mapping with id, type and name")
            continue
        line = item.line
        eid = item.get("id")
        for key in ("id", "type", "name"):
            if not item.get(key):
                reader.problem(file, line, f"missing field {key!r}")
        if not eid:
            continue
        eid = str(eid)
        if not ID.match(eid):
            reader.problem(file, _line(item, "id"), f"bad id {eid!r}: use a-z, 0-9 and _")
        if eid in entities or eid in concepts:
            reader.problem(file, _line(item, "id"), f"duplicate id {eid!r}")
        etype = str(item.get("type", ""))
        if etype and etype not in ENTITY_TYPES:
            reader.problem(file, _line(item, "type"),
                           f"unknown type {etype!r}: one of {', '.join(ENTITY_TYPES)}")
        names = _texts(item.get("name"), base)
        if item.get("name") and names is None:
            reader.problem(file, _line(item, "name"), "name: expected text")
        lists = {}
        for key in ("aliases", "demonyms"):
            values = _strings(item.get(key))
            if values is None:
                reader.problem(file, _line(item, key), f"{key}: expected a list of names")
            lists[key] = values or ()
        descriptions = _texts(item.get("description", ""), base) or {}
        for key in ("country", "within"):
            if item.get(key):
                refs.append((_line(item, key), eid, key, str(item[key])))
        surname = item.get("surname")
        entity = Entity(id=eid, type=etype, names=names or {base: eid},
                        aliases=lists["aliases"], demonyms=lists["demonyms"],
                        surname=str(surname) if surname else None,
                        country=str(item["country"]) if item.get("country") else None,
                        within=str(item["within"]) if item.get("within") else None,
                        descriptions=descriptions)
        entities.setdefault(eid, entity)
        own = {stems(n): n for n in (*entity.names.values(), *entity.aliases, *entity.demonyms)}
        for key, written in own.items():
            if key in alias_owner and alias_owner[key][0] != eid:
                other, other_line = alias_owner[key]
                reader.problem(file, _line(item, "aliases"),
                               f"alias {written!r} of {eid!r} is also a name of "
                               f"{other!r} (line {other_line})")
            elif key:
                alias_owner.setdefault(key, (eid, line))
    for line, eid, key, target in refs:
        if target not in entities:
            reader.problem(file, line, f"{eid}: {key} {target!r} is not a known entity")
    return entities


def _facts(reader: _Reader, raw: Any, entities: dict[str, Entity], concepts: set[str],
           base: str) -> dict[str, Fact]:
    file = "facts.yaml"
    facts: dict[str, Fact] = {}
    if not isinstance(raw, list):
        reader.problem(file, _line(raw), "expected a list of facts")
        return facts
    parents: list[tuple[int, str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, _line(item), "expected a mapping with id, kind, text and section")
            continue
        line = item.line
        for key in ("id", "kind", "text", "section"):
            if not item.get(key):
                reader.problem(file, line, f"missing field {key!r}")
        fid = str(item.get("id") or "")
        if not fid:
            continue
        if not ID.match(fid):
            reader.problem(file, _line(item, "id"), f"bad id {fid!r}: use a-z, 0-9 and _")
        if fid in facts:
            reader.problem(file, _line(item, "id"), f"duplicate fact id {fid!r}")
        kind = str(item.get("kind") or "")
        if kind and kind not in concepts:
            reader.problem(file, _line(item, "kind"),
                           f"kind {kind!r} is not a concept of the base language file")
        date = None
        if item.get("date") is not None:
            try:
                date = parse_date(str(item["date"]))
            except DateError as exc:
                reader.problem(file, _line(item, "date"), str(exc))
        refs: dict[str, tuple[str, ...]] = {}
        for key, allowed in (("who", entities), ("where", entities),
                             ("tags", {**entities, **dict.fromkeys(concepts)})):
            values = _strings(item.get(key))
            if values is None:
                reader.problem(file, _line(item, key), f"{key}: expected a list of ids")
                values = ()
            for ref in values:
                if ref not in allowed:
                    what = "entity" if key != "tags" else "entity or concept"
                    reader.problem(file, _line(item, key), f"{fid}: {key} {ref!r} is not a known {what}")
            refs[key] = values
        texts = _texts(item.get("text"), base)
        if item.get("text") and texts is None:
            reader.problem(file, _line(item, "text"), "text: expected text")
        questions = _texts(item.get("question", ""), base) or {}
        if item.get("part_of"):
            parents.append((_line(item, "part_of"), fid, str(item["part_of"])))
        facts.setdefault(fid, Fact(
            id=fid, kind=kind, texts=texts or {}, section=str(item.get("section", "")),
            date=date, who=refs["who"], where=refs["where"], tags=refs["tags"],
            part_of=str(item["part_of"]) if item.get("part_of") else None,
            questions=questions))
    for line, fid, parent in parents:
        if parent not in facts or parent == fid:
            reader.problem(file, line, f"{fid}: part_of {parent!r} is not another fact")
    return facts

