"""Languages beyond the base one: scripts derived by transliteration, translated facts.

A fact base keeps each language's words in `languages/CODE.yaml` and its translated fact
texts and names in `translations/CODE.yaml`. A language in another script of the same
language (Serbian Cyrillic from Serbian Latin) is derived by a transliteration table in
its language file, so its words and texts are never written twice.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..model import Entity, Fact, Language
from ..text import Stemming
from .yamlfile import Reader, did_you_mean, line_of, strings_of

#: The fields a translations/CODE.yaml may have, and those of its entities and facts.
TRANSLATION_FIELDS = ("language", "title", "entities", "facts")
ENTITY_TRANSLATION = ("name", "description", "aliases")
FACT_TRANSLATION = ("text", "question")
#: What transliteration leaves alone: {placeholders} and /commands.
_PLACEHOLDER = re.compile(r"(\{[a-z_]+\}|/[a-z]+\b)")


class Transliterator:
    """Applies a letter table, longest keys first ("lj" before "l"); {placeholders} and
    /commands stay as they are."""

    def __init__(self, table: Mapping[str, str]):
        self.table = dict(table)
        keys = sorted(self.table, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(k) for k in keys)) if keys else None

    def __call__(self, text: str) -> str:
        if not self._pattern:
            return text
        parts = _PLACEHOLDER.split(text)
        return "".join(p if _PLACEHOLDER.fullmatch(p) else
                       self._pattern.sub(lambda m: self.table[m.group(0)], p) for p in parts)

    def deep(self, value: Any) -> Any:
        """Transliterate every string in a YAML value; mapping keys are ids and stay."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, (list, tuple)):
            return type(value)(self.deep(v) for v in value)
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def merge_translations(reader: Reader, root: Path, entities: dict[str, Entity],
                       facts: dict[str, Fact], languages: Mapping[str, Language],
                       derived: Mapping[str, tuple[str, Transliterator]]) -> dict[str, str]:
    """Add translated names, descriptions, aliases, fact texts and questions, in place;
    return the translated titles of the fact base."""
    titles: dict[str, str] = {}
    for path in sorted((root / "translations").glob("*.yaml")):
        raw = reader.load(path)
        name = f"translations/{path.name}"
        if raw is None:
            continue
        if not isinstance(raw, dict):
            reader.problem(name, line_of(raw), "expected a mapping with language, entities, facts")
            continue
        code = str(raw.get("language", path.stem))
        if code != path.stem or code not in languages:
            reader.problem(name, line_of(raw, "language"),
                           f"language {code!r} must match the file name and have a languages/ file")
            continue
        for key in raw:
            if key not in TRANSLATION_FIELDS:
                reader.problem(name, line_of(raw, key), f"unknown field {key!r}"
                               f"{did_you_mean(key, TRANSLATION_FIELDS)}")
        if isinstance(raw.get("title"), str):
            titles[code] = raw["title"]
        scripts = [t for source, t in derived.values() if source == code]
        _merge(reader, name, code, raw.get("entities") or {}, entities,
               ENTITY_TRANSLATION,
               lambda *args: _apply_entity(*args, scripts=scripts))
        _merge(reader, name, code, raw.get("facts") or {}, facts, FACT_TRANSLATION,
               _apply_fact)
    for code, (source, translit) in derived.items():
        if source in titles and code not in titles:
            titles[code] = translit(titles[source])
        for eid, e in entities.items():
            entities[eid] = replace(
                e, names=_derive(e.names, source, code, translit),
                descriptions=_derive(e.descriptions, source, code, translit))
        for fid, f in facts.items():
            facts[fid] = replace(f, texts=_derive(f.texts, source, code, translit),
                                 questions=_derive(f.questions, source, code, translit))
    return titles


def _merge(reader: Reader, file: str, code: str, section: Any, target: dict, fields: tuple,
           apply) -> None:
    if not isinstance(section, dict):
        reader.problem(file, line_of(section), "expected a mapping of id → fields")
        return
    for item_id, values in section.items():
        line = line_of(section, str(item_id))
        if item_id not in target:
            reader.problem(file, line, f"{item_id!r} is not an id of the fact base")
            continue
        if not isinstance(values, dict) or set(values) - set(fields):
            reader.problem(file, line, f"{item_id}: expected a mapping of {', '.join(fields)}")
            continue
        target[item_id] = apply(reader, file, line, code, target[item_id], values)


def _apply_entity(reader: Reader, file: str, line: int, code: str, e: Entity,
                  values: dict, scripts: list[Transliterator]) -> Entity:
    """Merge one entity's translation; its aliases also in every script derived from it."""
    aliases = strings_of(values.get("aliases"))
    if aliases is None:
        reader.problem(file, line, f"{e.id}: aliases: expected a list of names")
        aliases = ()
    aliases = (*aliases, *(t(a) for t in scripts for a in aliases))
    at = (file, line_of(values, "aliases") if "aliases" in values else line)
    for alias in aliases:
        reader.origins.setdefault(("name", e.id, alias), at)
    if isinstance(values.get("name"), str):
        reader.origins.setdefault(("name", e.id, values["name"]), (file, line_of(values, "name")))
    return replace(e, names=_with(e.names, code, values.get("name")),
                   descriptions=_with(e.descriptions, code, values.get("description")),
                   aliases=e.aliases + tuple(a for a in aliases if a not in e.aliases))


def _apply_fact(reader: Reader, file: str, line: int, code: str, f: Fact, values: dict) -> Fact:
    if values.get("question"):
        reader.origins[("question", f.id, code)] = (file, line_of(values, "question"))
    return replace(f, texts=_with(f.texts, code, values.get("text")),
                   questions=_with(f.questions, code, values.get("question")))


def _with(texts: Mapping[str, str], code: str, value: Any) -> dict[str, str]:
    out = dict(texts)
    if isinstance(value, str) and value.strip():
        out[code] = " ".join(value.split())
    return out


def _derive(texts: Mapping[str, str], source: str, code: str, translit: Transliterator
            ) -> dict[str, str]:
    out = dict(texts)
    if code not in out and source in out:
        out[code] = translit(out[source])
    return out


def check_coverage(reader: Reader, promised: Iterable[str], base: str,
                   languages: Mapping[str, Language], entities: Mapping[str, Entity],
                   facts: Mapping[str, Fact]) -> None:
    """Every language the fact base promises has every fact's text and question and every
    entity's name, itself or through its `fallback` language."""
    for code in promised:
        if code == base:
            continue
        if code not in languages:
            continue  # reported with the languages
        chain = fallback_chain(code, languages)
        file = f"translations/{code}.yaml"
        for f in facts.values():
            for what, texts in (("text", f.texts), ("question", f.questions)):
                if texts and not any(c in texts for c in chain):
                    reader.problem(file, 0, f"fact {f.id!r} has no {code} {what}")
        for e in entities.values():
            if not any(c in e.names for c in chain):
                reader.problem(file, 0, f"entity {e.id!r} has no {code} name")


def fallback_chain(code: str, languages: Mapping[str, Language]) -> tuple[str, ...]:
    """`code`, then its fallback languages in order (kk → ru), never looping."""
    chain = [code]
    while (lang := languages.get(chain[-1])) and lang.fallback and lang.fallback not in chain:
        chain.append(lang.fallback)
    return tuple(chain)


def alias_collisions(reader: Reader, entities: Mapping[str, Entity],
                     stemming: Stemming) -> None:
    """Names or aliases of one entity that are also another's, once translations and
    derived scripts are in, each reported where it was written."""
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    for e in entities.values():
        for written in dict.fromkeys((*e.names.values(), *e.aliases, *e.demonyms)):
            key = stemming.stems(written)
            if not key:
                continue
            other, other_written = owner.setdefault(key, (e.id, written))
            if other == e.id:
                continue
            here = reader.origins.get(("name", e.id, written), ("entities.yaml", 0))
            there = reader.origins.get(("name", other, other_written), ("entities.yaml", 0))
            mine, theirs = (e.id, written), (other, other_written)
            if here[0] == "entities.yaml" and there[0] != "entities.yaml":
                # Report it where the translation added it, which is what to fix.
                here, there, mine, theirs = there, here, theirs, mine
            reader.problem(here[0], here[1], f"alias {mine[1]!r} of {mine[0]!r} is also a name "
                           f"of {theirs[0]!r} ({there[0]}:{there[1]})")
