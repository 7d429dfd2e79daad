"""Loading a fact base directory and reporting every problem in it with file and line.

A fact base author needs all the problems at once, each where it is, rather than the
first traceback: so loading collects `Problem`s and raises one `KnowledgeError`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..dates import DateError, parse_date
from ..model import BrowseList, Entity, Fact, KnowledgeBase, Meta
from .languages import load_languages, stemming_for
from .translations import Transliterator, alias_collisions, check_coverage, merge_translations
from .yamlfile import KnowledgeError, Problem, Reader, did_you_mean, line_of, strings_of

__all__ = ["KnowledgeError", "Problem", "load_knowledge"]

ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
ENTITY_TYPES = ("country", "person", "place", "organisation", "event", "award", "thing")
#: The fields each file's items may have (SCHEMA.md documents them; a test compares).
META_FIELDS = ("title", "description", "source", "language", "languages", "examples", "lists",
               "missions")
LIST_FIELDS = ("command", "title", "description", "concepts", "kinds", "facts")
ENTITY_FIELDS = ("id", "type", "name", "aliases", "demonyms", "surname", "country", "within",
                 "description")
FACT_FIELDS = ("id", "kind", "text", "section", "date", "who", "where", "tags", "part_of",
               "question")
#: Commands every front end has; a list may not take their names.
BUILT_IN = ("start", "help", "timeline", "about", "language", "quit", "exit", "reload", "stats")


def load_knowledge(directory: str | Path) -> KnowledgeBase:
    """Load and validate the fact base in `directory`; raise KnowledgeError on any problem.

    A file that cannot be read at all stops only what depends on it: every other file is
    still checked, so one run reports every problem.
    """
    root = Path(directory)
    reader = Reader(root)
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), 0, "not a directory")])
    meta_raw = reader.load(root / "meta.yaml")
    entities_raw = reader.load(root / "entities.yaml")
    facts_raw = reader.load(root / "facts.yaml")
    meta = _meta(reader, meta_raw) if meta_raw is not None else None
    base = meta.language if meta else "en"
    languages, derived = load_languages(reader, root, base, meta.languages if meta else (),
                                        line_of(meta_raw, "languages"))
    concepts = set(languages[base].concepts) if base in languages else set()
    if meta is not None:
        meta = replace(meta, lists=tuple(_legacy_titles(reader, b, languages) for b in meta.lists))
    entities = _entities(reader, entities_raw, base, concepts) \
        if entities_raw is not None else {}
    facts = _facts(reader, facts_raw, entities, concepts, base) if facts_raw is not None else {}
    readable = entities_raw is not None and facts_raw is not None
    stemming = stemming_for(languages, meta.languages if meta else ())
    if meta is not None and readable:
        _check_meta_ids(reader, meta_raw, meta, facts, concepts, set(entities))
        meta = replace(meta, lists=tuple(_titles(b, derived) for b in meta.lists))
    if readable:
        # What is checked against translated names and texts needs both files whole.
        titles = merge_translations(reader, root, entities, facts, languages, derived)
        if meta is not None:
            meta = replace(meta, titles=titles)
            check_coverage(reader, meta.languages, base, languages, entities, facts)
        alias_collisions(reader, entities, stemming)
    if reader.problems or meta is None or not readable:
        raise KnowledgeError(reader.problems)
    return KnowledgeBase(meta=meta, entities=entities, facts=tuple(facts.values()),
                         languages=languages, stemming=stemming, origins=dict(reader.origins))


def _meta(reader: Reader, raw: Any) -> Meta | None:
    if not isinstance(raw, dict):
        reader.problem("meta.yaml", line_of(raw), "expected a mapping")
        return None
    _unknown_fields(reader, "meta.yaml", raw, META_FIELDS)
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
    lists = _lists(reader, raw)
    if missing:
        return None
    return Meta(title=str(raw["title"]), description=str(raw.get("description", "")),
                source={str(k): str(v) for k, v in source.items()},
                language=str(raw["language"]), examples=examples or (),
                lists=lists, languages=promised or ())


def _unknown_fields(reader: Reader, file: str, item: Any, known: tuple[str, ...],
                    prefix: str = "") -> None:
    """A field the loader does not read is a typo more often than not ("alias:")."""
    for key in item:
        if key not in known:
            reader.problem(file, line_of(item, key),
                           f"{prefix}unknown field {key!r}{did_you_mean(key, known)}")


def _lists(reader: Reader, raw: Any) -> tuple[BrowseList, ...]:
    """`lists:` (and the older `missions: [concept ids]`, which is one such list)."""
    out: list[BrowseList] = []
    if raw.get("missions") is not None:
        ids = strings_of(raw["missions"])
        if ids is None:
            reader.problem("meta.yaml", line_of(raw, "missions"), "missions: expected a list of ids")
        reader.origins[("list", "missions")] = ("meta.yaml", line_of(raw, "missions"))
        out.append(BrowseList("missions", {}, {}, concepts=ids or ()))
    items = raw.get("lists") or []
    if not isinstance(items, list):
        reader.problem("meta.yaml", line_of(raw, "lists"), "lists: expected a list of commands")
        return tuple(out)
    base = str(raw.get("language") or "en")
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict):
            reader.problem("meta.yaml", line_of(raw, "lists"),
                           "lists: each entry is a mapping with command, title and concepts, "
                           "kinds or facts")
            continue
        command = str(item.get("command") or "")
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,31}", command):
            reader.problem("meta.yaml", line_of(item, "command"),
                           f"lists: command {command!r} must be 1-32 of a-z, 0-9, _ "
                           "(Telegram's rule), starting with a letter")
            continue
        if command in BUILT_IN or any(b.command == command for b in out):
            reader.problem("meta.yaml", line_of(item, "command"),
                           f"lists: /{command} is already a command")
            continue
        _unknown_fields(reader, "meta.yaml", item, LIST_FIELDS, "lists: ")
        texts = {}
        for key in ("title", "description"):
            texts[key] = _texts(item.get(key), base)
            if texts[key] is None:
                reader.problem("meta.yaml", line_of(item, key) if key in item else line,
                               f"lists: /{command} needs a {key}: text, or language → text")
        ids = {}
        for key in ("concepts", "kinds", "facts"):
            ids[key] = strings_of(item.get(key))
            if ids[key] is None:
                reader.problem("meta.yaml", line_of(item, key), f"lists: {key}: expected a list of ids")
        if not any(ids.values()):
            reader.problem("meta.yaml", line, f"lists: /{command} lists nothing: give concepts, "
                           "kinds or facts")
        reader.origins[("list", command)] = ("meta.yaml", line)
        for key in ("concepts", "kinds", "facts"):
            if key in item:
                reader.origins[("list", command, key)] = ("meta.yaml", line_of(item, key))
        out.append(BrowseList(command, texts["title"] or {}, texts["description"] or {},
                              concepts=ids["concepts"] or (), kinds=ids["kinds"] or (),
                              facts=ids["facts"] or ()))
    return tuple(out)


def _check_meta_ids(reader: Reader, raw: Any, meta: Meta, facts: dict[str, Fact],
                    concepts: set[str], entities: set[str]) -> None:
    """Every id meta.yaml names exists: examples, and what each list lists."""
    for example in meta.examples:
        if example not in facts:
            reader.problem("meta.yaml", line_of(raw, "examples"), f"examples: {example!r} is not "
                           f"a fact{did_you_mean(example, facts)}")
        elif not facts[example].questions:
            reader.problem("meta.yaml", line_of(raw, "examples"),
                           f"examples: fact {example!r} has no question")
    for b in meta.lists:
        before = len(reader.problems)
        at = reader.origins.get(("list", b.command), ("meta.yaml", 0))
        for key, known in (("concepts", concepts), ("kinds", concepts), ("facts", facts)):
            for ref in getattr(b, key):
                if ref in known:
                    continue
                file, line = reader.origins.get(("list", b.command, key), at)
                what = "fact" if key == "facts" else "concept"
                hint = did_you_mean(ref, known) or (
                    " (an entity: list its facts by concept or fact id)" if ref in entities else "")
                reader.problem(file, line, f"/{b.command}: {key}: {ref!r} is not a {what}{hint}")
        if facts and len(reader.problems) == before and not any(map(b.lists, facts.values())):
            reader.problem(*at, f"/{b.command} lists no fact")


def _legacy_titles(reader: Reader, b: BrowseList, languages: dict) -> BrowseList:
    """`missions: [ids]`, the older form: its words come from the language files'
    `missions_title` and `cmd_missions` templates."""
    if b.titles:
        return b
    titles = {c: l.templates["missions_title"] for c, l in languages.items()
              if "missions_title" in l.templates}
    descriptions = {c: languages[c].templates.get("cmd_missions", titles[c]) for c in titles}
    if not titles:
        file, line = reader.origins.get(("list", b.command), ("meta.yaml", 0))
        reader.problem(file, line, "missions: no title for /missions: declare it under "
                       "lists: with a title and description (see SCHEMA.md), or give the "
                       "missions_title template")
    return replace(b, titles=titles, descriptions=descriptions)


def _titles(b: BrowseList, derived: dict[str, tuple[str, Transliterator]]) -> BrowseList:
    """A derived script's title and description, transliterated from its source's."""
    def fill(texts: dict[str, str]) -> dict[str, str]:
        out = dict(texts)
        for code, (source, translit) in derived.items():
            if code not in out and source in out:
                out[code] = translit(out[source])
        return out
    return replace(b, titles=fill(dict(b.titles)), descriptions=fill(dict(b.descriptions)))


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
    refs: list[tuple[int, str, str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, line_of(item), "expected a mapping with id, type and name")
            continue
        line = item.line
        _unknown_fields(reader, file, item, ENTITY_FIELDS)
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
        if entities.setdefault(eid, entity) is entity:
            for key, names in (("name", entity.names.values()), ("aliases", entity.aliases),
                               ("demonyms", entity.demonyms)):
                at = ("entities.yaml", line_of(item, key) if key in item else line)
                for written in names:
                    reader.origins.setdefault(("name", eid, written), at)
    for line, eid, key, target in refs:
        if target not in entities:
            reader.problem(file, line, f"{eid}: {key} {target!r} is not a known entity"
                           + did_you_mean(target, entities))
    return entities


def _facts(reader: Reader, raw: Any, entities: dict[str, Entity], concepts: set[str],
           base: str) -> dict[str, Fact]:
    file = "facts.yaml"
    facts: dict[str, Fact] = {}
    if not isinstance(raw, list):
        reader.problem(file, line_of(raw), "expected a list of facts")
        return facts
    parents: list[tuple[int, str, str]] = []
    taggable = {**entities, **dict.fromkeys(concepts)}  # once: it was rebuilt for every fact
    for item in raw:
        if not isinstance(item, dict):
            reader.problem(file, line_of(item), "expected a mapping with id, kind, text and section")
            continue
        line = item.line
        _unknown_fields(reader, file, item, FACT_FIELDS)
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
                           f"kind {kind!r} is not a concept of the base language file"
                           + did_you_mean(kind, concepts))
        date = None
        if item.get("date") is not None:
            try:
                date = parse_date(str(item["date"]))
            except DateError as exc:
                reader.problem(file, line_of(item, "date"), str(exc))
        refs: dict[str, tuple[str, ...]] = {}
        for key, allowed in (("who", entities), ("where", entities),
                             ("tags", taggable)):
            values = strings_of(item.get(key))
            if values is None:
                reader.problem(file, line_of(item, key), f"{key}: expected a list of ids")
                values = ()
            for ref in values:
                if ref not in allowed:
                    what = "entity" if key != "tags" else "entity or concept"
                    reader.problem(file, line_of(item, key), f"{fid}: {key} {ref!r} is not a "
                                   f"known {what}" + did_you_mean(ref, allowed))
            refs[key] = values
        texts = _texts(item.get("text"), base)
        if item.get("text") and texts is None:
            reader.problem(file, line_of(item, "text"), "text: expected text")
        questions = _texts(item.get("question", ""), base) or {}
        for code in questions:
            reader.origins.setdefault(("question", fid, code), (file, line_of(item, "question")))
        if item.get("part_of"):
            parents.append((line_of(item, "part_of"), fid, str(item["part_of"])))
        facts.setdefault(fid, Fact(
            id=fid, kind=kind, texts=texts or {}, section=str(item.get("section", "")),
            date=date, who=refs["who"], where=refs["where"], tags=refs["tags"],
            part_of=str(item["part_of"]) if item.get("part_of") else None,
            questions=questions))
    for line, fid, parent in parents:
        if parent not in facts or parent == fid:
            reader.problem(file, line, f"{fid}: part_of {parent!r} is not another fact"
                           + did_you_mean(parent, set(facts) - {fid}))
    return facts

