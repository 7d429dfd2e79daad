"""Loading a fact base directory and reporting every problem in it with file and line.

A fact base author needs all the problems at once, each where it is, rather than the
first traceback: so loading collects `Problem`s and raises one `KnowledgeError`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .dates import DateError, parse_date
from .model import Entity, Fact, KnowledgeBase, Language, Meta
from .text import stems
from .translations import (alias_collisions, check_coverage, derive_languages,
                           merge_translations)
from .yamlfile import KnowledgeError, Problem, Reader, line_of, strings_of

__all__ = ["KnowledgeError", "Problem", "load_knowledge"]

ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
ENTITY_TYPES = ("country", "person", "place", "organisation", "event", "award", "thing")
LANGUAGE_LISTS = ("intents", "modifiers", "pronouns", "grammar", "social", "scope", "sequence",
                  "ordinals", "numbers")
LANGUAGE_REQUIRED = ("language", "months", "templates")


def load_knowledge(directory: str | Path) -> KnowledgeBase:
    """Load and validate the fact base in `directory`; raise KnowledgeError on any problem."""
    root = Path(directory)
    reader = Reader(root)
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
    languages_raw, derived = derive_languages(reader, languages_raw)

    meta = _meta(reader, meta_raw)
    languages = _languages(reader, languages_raw, meta.language if meta else "en")
    base = languages.get(meta.language) if meta else None
    if meta and base is None:
        reader.problem("meta.yaml", line_of(meta_raw, "language"),
                       f"no languages/{meta.language}.yaml for the base language")
    concepts = set(base.concepts) if base else set()
    entities = _entities(reader, entities_raw, meta.language if meta else "en", concepts)
    facts = _facts(reader, facts_raw, entities, concepts, meta.language if meta else "en")
    for example in meta.examples if meta else ():
        if example not in facts or not facts[example].questions:
            reader.problem("meta.yaml", line_of(meta_raw, "examples"),
                           f"examples: {example!r} is not a fact with a question")
    if reader.problems or meta is None:
        raise KnowledgeError(reader.problems)
    meta = replace(meta, titles=merge_translations(reader, root, entities, facts, languages,
                                                   derived))
    check_coverage(reader, meta.languages, meta.language, languages, entities, facts)
    if not reader.problems:
        for message in alias_collisions(entities):
            reader.problem("translations", 0, message)
    if reader.problems:
        raise KnowledgeError(reader.problems)
    return KnowledgeBase(meta=meta, entities=entities, facts=tuple(facts.values()),
                         languages=languages)


def _meta(reader: Reader, raw: Any) -> Meta | None:
    if not isinstance(raw, dict):
        reader.problem("meta.yaml", line_of(raw), "expected a mapping")
        return None
    missing = [k for k in ("title", "source", "language") if not raw.get(k)]
    for key in missing:
        reader.problem("meta.yaml", raw.line, f"missing field {key!r}")
    source = raw.get("source") or {}
    if not isinstance(source, dict):
        reader.problem("meta.yaml", line_of(raw, "source"), "source: expected a mapping")
        source = {}
    examples = strings_of(raw.get("examples"))
    if examples is None:
        reader.problem("meta.yaml", line_of(raw, "examples"), "examples: expected a list of fact ids")
    promised = strings_of(raw.get("languages"))
    if promised is None:
        reader.problem("meta.yaml", line_of(raw, "languages"), "languages: expected a list of codes")
    missions = strings_of(raw.get("missions"))
    if missions is None:
        reader.problem("meta.yaml", line_of(raw, "missions"), "missions: expected a list of ids")
    if missing:
        return None
    return Meta(title=str(raw["title"]), description=str(raw.get("description", "")),
                source={str(k): str(v) for k, v in source.items()},
                language=str(raw["language"]), examples=examples or (),
                missions=missions or (), languages=promised or ())


def _languages(reader: Reader, raws: list[tuple[Path, Any]], base_code: str
               ) -> dict[str, Language]:
    languages: dict[str, Language] = {}
    base_raw = next((raw for path, raw in raws if path.stem == base_code), None)
    for path, raw in raws:
        name = f"languages/{path.name}"
        if not isinstance(raw, dict):
            reader.problem(name, line_of(raw), "expected a mapping")
            continue
        for key in LANGUAGE_REQUIRED:
            if key not in raw:
                reader.problem(name, line_of(raw), f"missing field {key!r}")
        code = str(raw.get("language", path.stem))
        if code != path.stem:
            reader.problem(name, line_of(raw, "language"),
                           f"language {code!r} does not match the file name {path.stem!r}")
        lists: dict[str, dict[str, tuple[str, ...]]] = {}
        for key in ("concepts",) + LANGUAGE_LISTS:
            section = raw.get(key) or {}
            if not isinstance(section, dict):
                reader.problem(name, line_of(raw, key), f"{key}: expected a mapping")
                section = {}
            lists[key] = {}
            for cid, words in section.items():
                values = strings_of(words)
                if values is None:
                    reader.problem(name, line_of(section, cid), f"{key}.{cid}: expected a list of words")
                    continue
                if not ID.match(str(cid)):
                    reader.problem(name, line_of(section, cid), f"{key}: bad id {cid!r}")
                lists[key][str(cid)] = values
            # Grammar jobs are the language's own ("ли" marks a question in Russian only).
            if isinstance(base_raw, dict) and raw is not base_raw and key != "grammar":
                known = base_raw.get(key) or {}
                for cid in lists[key]:
                    if cid not in known:
                        reader.problem(name, line_of(section, cid),
                                       f"{key}: {cid!r} is not defined in languages/{base_code}.yaml")
        months = strings_of(raw.get("months"))
        if months is None or len(months) != 12:
            reader.problem(name, line_of(raw, "months"), "months: expected 12 month names")
            months = ()
        standalone = strings_of(raw.get("months_standalone"))
        if standalone is None or len(standalone) not in (0, 12):
            reader.problem(name, line_of(raw, "months_standalone"),
                           "months_standalone: expected 12 month names")
            standalone = ()
        templates = raw.get("templates") or {}
        if not isinstance(templates, dict):
            reader.problem(name, line_of(raw, "templates"), "templates: expected a mapping")
            templates = {}
        if isinstance(base_raw, dict) and raw is not base_raw:
            for key in (base_raw.get("templates") or {}):
                if key not in templates:
                    reader.problem(name, line_of(raw, "templates"), f"templates: missing {key!r}")
        words = {}
        for key in ("stopwords", "outside"):
            words[key] = strings_of(raw.get(key))
            if words[key] is None:
                reader.problem(name, line_of(raw, key), f"{key}: expected a list of words")
        formats = raw.get("date_formats") or {}
        qualifiers = raw.get("qualifiers") or {}
        languages[code] = Language(
            code=code, name=str(raw.get("name", code)), concepts=lists["concepts"],
            intents=lists["intents"], modifiers=lists["modifiers"],
            pronouns=lists["pronouns"], grammar=lists["grammar"], social=lists["social"],
            scope=lists["scope"], sequence=lists["sequence"], ordinals=lists["ordinals"],
            numbers=lists["numbers"], stopwords=words["stopwords"] or (),
            outside=words["outside"] or (), months=months,
            qualifiers={str(k): str(v) for k, v in qualifiers.items()},
            templates={str(k): str(v) for k, v in templates.items()},
            date_formats={str(k): str(v) for k, v in formats.items()},
            months_standalone=standalone,
            fallback=str(raw["fallback"]) if raw.get("fallback") else None,
            letters=str(raw.get("letters") or ""))
    for code, lang in languages.items():
        if lang.fallback and lang.fallback not in languages:
            reader.problem(f"languages/{code}.yaml", 0,
                           f"fallback {lang.fallback!r} is not a language of the fact base")
    return languages


def _texts(value: Any, base: str) -> dict[str, str] | None:
    """A text field: a plain string (in the base language) or a mapping of language → text."""
    if isinstance(value, (str, int, float)) and str(value).strip():
        return {base: " ".join(str(value).split())}
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return {str(k): " ".join(v.split()) for k, v in value.items()}
    return None


def _entities(reader: Reader, raw: Any, base: str, concepts: set[str]) -> dict[str, Entity]:
    file = "entities.yaml"
    entities: dict[str, Entity] = {}
    if not isinstance(raw, list):
        reader.problem(file, line_of(raw), "expected a list of entities")
        return entities
    alias_owner: dict[tuple[str, ...], tuple[str, int]] = {}
    refs: list[tuple[int, str, str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, line_of(item), "expected a mapping with id, type and name")
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
            reader.problem(file, line_of(item, "id"), f"bad id {eid!r}: use a-z, 0-9 and _")
        if eid in entities or eid in concepts:
            reader.problem(file, line_of(item, "id"), f"duplicate id {eid!r}")
        etype = str(item.get("type", ""))
        if etype and etype not in ENTITY_TYPES:
            reader.problem(file, line_of(item, "type"),
                           f"unknown type {etype!r}: one of {', '.join(ENTITY_TYPES)}")
        names = _texts(item.get("name"), base)
        if item.get("name") and names is None:
            reader.problem(file, line_of(item, "name"), "name: expected text")
        lists = {}
        for key in ("aliases", "demonyms"):
            values = strings_of(item.get(key))
            if values is None:
                reader.problem(file, line_of(item, key), f"{key}: expected a list of names")
            lists[key] = values or ()
        descriptions = _texts(item.get("description", ""), base) or {}
        for key in ("country", "within"):
            if item.get(key):
                refs.append((line_of(item, key), eid, key, str(item[key])))
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
                reader.problem(file, line_of(item, "aliases"),
                               f"alias {written!r} of {eid!r} is also a name of "
                               f"{other!r} (line {other_line})")
            elif key:
                alias_owner.setdefault(key, (eid, line))
    for line, eid, key, target in refs:
        if target not in entities:
            reader.problem(file, line, f"{eid}: {key} {target!r} is not a known entity")
    return entities


def _facts(reader: Reader, raw: Any, entities: dict[str, Entity], concepts: set[str],
           base: str) -> dict[str, Fact]:
    file = "facts.yaml"
    facts: dict[str, Fact] = {}
    if not isinstance(raw, list):
        reader.problem(file, line_of(raw), "expected a list of facts")
        return facts
    parents: list[tuple[int, str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, line_of(item), "expected a mapping with id, kind, text and section")
            continue
        line = item.line
        for key in ("id", "kind", "text", "section"):
            if not item.get(key):
                reader.problem(file, line, f"missing field {key!r}")
        fid = str(item.get("id") or "")
        if not fid:
            continue
        if not ID.match(fid):
            reader.problem(file, line_of(item, "id"), f"bad id {fid!r}: use a-z, 0-9 and _")
        if fid in facts:
            reader.problem(file, line_of(item, "id"), f"duplicate fact id {fid!r}")
        kind = str(item.get("kind") or "")
        if kind and kind not in concepts:
            reader.problem(file, line_of(item, "kind"),
                           f"kind {kind!r} is not a concept of the base language file")
        date = None
        if item.get("date") is not None:
            try:
                date = parse_date(str(item["date"]))
            except DateError as exc:
                reader.problem(file, line_of(item, "date"), str(exc))
        refs: dict[str, tuple[str, ...]] = {}
        for key, allowed in (("who", entities), ("where", entities),
                             ("tags", {**entities, **dict.fromkeys(concepts)})):
            values = strings_of(item.get(key))
            if values is None:
                reader.problem(file, line_of(item, key), f"{key}: expected a list of ids")
                values = ()
            for ref in values:
                if ref not in allowed:
                    what = "entity" if key != "tags" else "entity or concept"
                    reader.problem(file, line_of(item, key), f"{fid}: {key} {ref!r} is not a known {what}")
            refs[key] = values
        texts = _texts(item.get("text"), base)
        if item.get("text") and texts is None:
            reader.problem(file, line_of(item, "text"), "text: expected text")
        questions = _texts(item.get("question", ""), base) or {}
        if item.get("part_of"):
            parents.append((line_of(item, "part_of"), fid, str(item["part_of"])))
        facts.setdefault(fid, Fact(
            id=fid, kind=kind, texts=texts or {}, section=str(item.get("section", "")),
            date=date, who=refs["who"], where=refs["where"], tags=refs["tags"],
            part_of=str(item["part_of"]) if item.get("part_of") else None,
            questions=questions))
    for line, fid, parent in parents:
        if parent not in facts or parent == fid:
            reader.problem(file, line, f"{fid}: part_of {parent!r} is not another fact")
    return facts

