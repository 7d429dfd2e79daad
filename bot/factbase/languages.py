"""A fact base's languages: the pack shipped with the engine, extended by the fact base.

A pack (bot/packs/CODE.yaml) holds what any fact base in that language needs: question
words, modifiers, pronouns, grammar, words that carry no topic, month names, date
patterns and the bot's own sentences. A fact base's languages/CODE.yaml holds its domain:
concepts, their cue words, and words it adds or overrides. The merge is the same for
every key, so keys a newer pack brings flow through: lists are extended, mappings merged
with the fact base winning, single values replaced; month names, being positional, are
replaced whole.
"""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from ..model import Language
from ..text import DEFAULT, Stemming, scripts, snowball
from .translations import Transliterator
from .yamlfile import Reader, did_you_mean, line_of, strings_of

#: The packs shipped with the engine.
PACKS = Path(__file__).resolve().parents[1] / "packs"
#: The pack every other must match key for key: it says which templates are required.
REFERENCE = "en"
ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
#: Keys about the language itself, with their shape; `derive` is checked on its own.
OWN = {"language": "text", "name": "text", "letters": "text", "stemmer": "text",
       "fallback": "text", "derive": "derive"}
#: Keys that belong to a fact base rather than a pack.
DOMAIN = {"concepts": "groups", "outside": "words"}
#: Keys a pack may leave out (English needs neither).
OPTIONAL = {"months_standalone": "words", "date_formats": "texts"}
#: Keys whose groups a fact base may add to, not only extend: its concepts, and synonym
#: and kinds groups of its own language (see bot/synonyms.py).
OPEN_GROUPS = ("concepts", "synonyms", "kinds")
#: Grammar keys whose values name a position, not words: kept as written when a
#: language is derived by transliteration.
POSITIONS = ("owner_by_role",)
#: Lists where position means something (January first): replaced, never extended.
POSITIONAL = ("months", "months_standalone")


def pack_codes() -> list[str]:
    return sorted(p.stem for p in PACKS.glob("*.yaml"))


def load_languages(reader: Reader, root: Path, base: str, promised: Iterable[str],
                   promised_line: int = 0
                   ) -> tuple[dict[str, Language], dict[str, tuple[str, Transliterator]]]:
    """Every language of the fact base: the promised ones, the base one and those it has
    a file for. Returns them by code (in file-name order) and code → (source, table) for
    the derived ones, whose fact texts are transliterated too."""
    own_files = {p.stem: p for p in sorted((root / "languages").glob("*.yaml"))}
    codes = sorted({base, *promised, *own_files}, key=lambda c: f"{c}.yaml")
    reference = _read_pack(reader, REFERENCE) or {}
    shapes = {**OWN, **DOMAIN, **OPTIONAL,
              **{k: _shape(v) for k, v in reference.items() if k not in OWN}}
    merged: dict[str, dict[str, Any]] = {}
    files: dict[str, str] = {}
    raws: dict[str, Any] = {}
    for code in codes:
        pack = _read_pack(reader, code) if code != REFERENCE else reference
        path = own_files.get(code)
        if pack is None and path is None:
            reader.problem("meta.yaml", promised_line,
                           f"languages: {code!r} has no languages/{code}.yaml and no pack "
                           f"(packs: {', '.join(pack_codes())})")
            continue
        own: dict[str, Any] = {}
        if path is not None:
            files[code] = reader.name(path)
            raw = raws[code] = reader.load(path)
            own = _read_file(reader, files[code], raw, shapes, reference, code) \
                if raw is not None else {}
        files.setdefault(code, f"languages/{code}.yaml")
        merged[code] = merge(pack or {}, own)
    derived = _derive(reader, merged, files)
    languages = {}
    base_concepts = set((merged.get(base) or {}).get("concepts", {}))
    for code, data in merged.items():
        _check_merged(reader, files[code], data, reference, code, base, base_concepts,
                      raws.get(code))
        languages[code] = _language(code, data)
    for code, lang in languages.items():
        if lang.fallback and lang.fallback not in languages:
            reader.problem(files[code], line_of(raws.get(code), "fallback"),
                           f"fallback {lang.fallback!r} is not a language of "
                           f"the fact base{did_you_mean(lang.fallback, languages)}")
    return languages, derived


def stemming_for(languages: Mapping[str, Language], order: Iterable[str]) -> Stemming:
    """Each script's words go through the stemmer of the first language written in it."""
    chosen: dict[str, str] = {}
    for code in dict.fromkeys((*order, *languages)):
        lang = languages.get(code)
        if lang is None:
            continue
        for script in sorted(scripts(" ".join((*lang.months, *lang.stopwords)))):
            chosen.setdefault(script, lang.stemmer)
    return Stemming(tuple(sorted(chosen.items()))) if chosen else DEFAULT


def merge(pack: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """The pack, extended and overridden by a fact base's file (both already read)."""
    out = dict(pack)
    for key, value in own.items():
        out[key] = value if key in POSITIONAL else _merge_value(out.get(key), value)
    return out


def _merge_value(old: Any, new: Any) -> Any:
    if isinstance(old, tuple) and isinstance(new, tuple):
        return tuple(dict.fromkeys((*old, *new)))
    if isinstance(old, dict) and isinstance(new, dict):
        out = dict(old)
        for k, v in new.items():
            out[k] = _merge_value(out.get(k), v)
        return out
    return new


def _shape(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "words"
    if isinstance(value, dict):
        return "groups" if all(isinstance(v, (list, tuple)) for v in value.values()) else "texts"
    return "text"


def _read_pack(reader: Reader, code: str) -> dict[str, Any] | None:
    path = PACKS / f"{code}.yaml"
    if not path.is_file():
        return None
    raw = reader.load(path)
    if raw is None:
        return None
    return _read_file(reader, reader.name(path), raw, None, None, code)


def _read_file(reader: Reader, name: str, raw: Any, shapes: dict[str, str] | None,
               reference: Mapping[str, Any] | None, code: str) -> dict[str, Any]:
    """One language file, each value checked against the shape the reference pack gives
    its key and made immutable-friendly (lists become tuples)."""
    if not isinstance(raw, dict):
        reader.problem(name, line_of(raw), "expected a mapping")
        return {}
    written = str(raw.get("language", code))
    if written != code:
        reader.problem(name, line_of(raw, "language"),
                       f"language {written!r} does not match the file name {code!r}")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        key = str(key)
        line = line_of(raw, key)
        shape = shapes.get(key) if shapes is not None else (OWN.get(key) or _shape(value))
        if shape is None:
            reader.problem(name, line, f"unknown key {key!r}{did_you_mean(key, shapes or ())}")
            continue
        read = _read_value(reader, name, line, key, value, shape)
        if read is None:
            continue
        if key == "concepts" and shapes is not None:
            for gid in read:
                reader.origins[("concept", code, gid)] = (name, line_of(value, gid))
        if shape == "groups" and key not in OPEN_GROUPS and reference is not None:
            known = reference.get(key) or {}
            for gid in read:
                if gid not in known:
                    reader.problem(name, line_of(value, gid),
                                   f"{key}: {gid!r} is not one of {', '.join(known)}"
                                   f"{did_you_mean(gid, known)}")
        if key in POSITIONAL and len(read) != 12:
            reader.problem(name, line, f"{key}: expected 12 month names, January first")
            continue
        if key == "stemmer":
            try:
                snowball(read)
            except KeyError:
                reader.problem(name, line, f"stemmer: {read!r} is not a Snowball algorithm "
                               "(english, russian, serbian, french, german, …) or 'none'")
                continue
        out[key] = read
    return out


def _read_value(reader: Reader, name: str, line: int, key: str, value: Any,
                shape: str) -> Any:
    if shape == "text":
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
        reader.problem(name, line, f"{key}: expected text")
    elif shape == "words":
        words = strings_of(value)
        if words is not None:
            return words
        reader.problem(name, line, f"{key}: expected a list of words")
    elif shape == "groups":
        if not isinstance(value, dict):
            reader.problem(name, line, f"{key}: expected a mapping of id → words")
            return None
        out = {}
        for gid, words in value.items():
            listed = strings_of(words)
            if listed is None:
                reader.problem(name, line_of(value, gid), f"{key}.{gid}: expected a list of words")
                continue
            if not ID.match(str(gid)):
                reader.problem(name, line_of(value, gid), f"{key}: bad id {gid!r}")
            out[str(gid)] = listed
        return out
    elif shape == "texts":
        if isinstance(value, dict) and all(isinstance(v, (str, int, float)) for v in value.values()):
            return {str(k): str(v) for k, v in value.items()}
        reader.problem(name, line, f"{key}: expected a mapping of key → text")
    elif shape == "derive":
        table = value.get("transliterate") if isinstance(value, dict) else None
        if isinstance(value, dict) and isinstance(value.get("from"), str) and \
                isinstance(table, dict) and \
                all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            return {"from": value["from"], "transliterate": dict(table)}
        reader.problem(name, line, "derive: expected {from: LANGUAGE, transliterate: "
                       "{letters: letters}}")
    return None


def _derive(reader: Reader, merged: dict[str, dict[str, Any]], files: dict[str, str]
            ) -> dict[str, tuple[str, Transliterator]]:
    """Fill in each `derive: {from, transliterate}` language from its (merged) source."""
    derived: dict[str, tuple[str, Transliterator]] = {}
    for code, data in merged.items():
        spec = data.get("derive")
        if spec is None:
            continue
        source = spec["from"]
        if source not in merged or merged[source].get("derive"):
            reader.problem(files[code], 0, f"derive: {source!r} is not a language of the "
                           f"fact base to derive from{did_you_mean(source, merged)}")
            continue
        translit = Transliterator(spec["transliterate"])
        for cid in merged[source].get("concepts", {}):
            if origin := reader.origins.get(("concept", source, cid)):
                reader.origins.setdefault(("concept", code, cid), origin)
        words = {k: translit.deep(v) for k, v in merged[source].items() if k not in OWN}
        grammar = merged[source].get("grammar")
        if isinstance(grammar, dict) and isinstance(words.get("grammar"), dict):
            # A position ("owner_by_role: [after]") is no word of the language.
            words["grammar"].update({k: grammar[k] for k in POSITIONS if k in grammar})
        merged[code] = merge(words, data)
        derived[code] = (source, translit)
    return derived


def placeholders(template: str) -> set[str] | None:
    """The {names} a template uses; None when it is not a valid format string or a
    placeholder is more than a bare name ({count!r}, {a[0]}, {n:>3} could fail at run time)."""
    import string  # only here: cold start
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    names = set()
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            return None
        names.add(field)
    return names


def _check_merged(reader: Reader, file: str, data: dict[str, Any],
                  reference: Mapping[str, Any], code: str, base: str,
                  base_concepts: set[str], raw: Any) -> None:
    """What only the merged language shows: every template there and fillable, twelve
    months, concepts the base language defines."""
    if not data.get("months"):
        reader.problem(file, line_of(raw), "missing field 'months': twelve month names, "
                       "January first")
    at = line_of(raw, "templates")
    required = reference.get("templates") or {}
    templates = data.get("templates") or {}
    for key, text in required.items():
        if key not in templates:
            reader.problem(file, at, f"templates: missing {key!r} (the {REFERENCE} pack has "
                           f"{text!r}; translate it)")
            continue
        own = raw.get("templates") if isinstance(raw, dict) else None
        if not isinstance(own, dict) or key not in own:
            continue  # the packs' own templates are tested
        used = placeholders(templates[key])
        allowed = placeholders(text) or set()
        at_key = line_of(own, key)
        if used is None:
            reader.problem(file, at_key, f"templates.{key}: write placeholders as {{name}}, "
                           "and braces as {{ and }}")
        elif used - allowed:
            reader.problem(file, at_key, f"templates.{key}: unknown placeholder(s) "
                           f"{', '.join(sorted(used - allowed))} (this template can use: "
                           f"{', '.join(sorted(allowed)) or 'none'})")
    if code != base and not data.get("derive"):
        section = raw.get("concepts") if isinstance(raw, dict) else None
        for cid in data.get("concepts", {}):
            if cid not in base_concepts:
                reader.problem(file, line_of(section, cid), f"concepts: {cid!r} is not defined in "
                               f"languages/{base}.yaml{did_you_mean(cid, base_concepts)}")


def _language(code: str, data: dict[str, Any]) -> Language:
    def groups(key: str) -> Mapping[str, tuple[str, ...]]:
        return MappingProxyType(dict(data.get(key) or {}))

    return Language(
        code=code, name=str(data.get("name") or code), concepts=groups("concepts"),
        intents=groups("intents"), modifiers=groups("modifiers"), pronouns=groups("pronouns"),
        grammar=groups("grammar"), social=groups("social"), scope=groups("scope"),
        sequence=groups("sequence"), ordinals=groups("ordinals"), numbers=groups("numbers"),
        stopwords=tuple(data.get("stopwords") or ()),
        outside=tuple(data.get("outside") or ()), months=tuple(data.get("months") or ()),
        qualifiers=MappingProxyType(dict(data.get("qualifiers") or {})),
        templates=MappingProxyType(dict(data.get("templates") or {})),
        date_formats=MappingProxyType(dict(data.get("date_formats") or {})),
        months_standalone=tuple(data.get("months_standalone") or ()),
        fallback=data.get("fallback") or None, letters=str(data.get("letters") or ""),
        stemmer=str(data.get("stemmer") or "none"),
        vocabulary=MappingProxyType(dict(data)))
