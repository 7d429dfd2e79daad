"""knowledge/SCHEMA.md documents every field the loader reads, and no field it does not:
the tables are compared with the loader's own lists, so the two cannot drift apart."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.factbase import languages, loader, translations

SCHEMA = Path(__file__).resolve().parents[1] / "knowledge" / "SCHEMA.md"


def tables() -> dict[str, list[dict[str, str]]]:
    """Section ("meta.yaml") → the rows of its tables, first cell's `fields` → row text."""
    out: dict[str, list[dict[str, str]]] = {}
    section = ""
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^## `([^`]+)`", line):
            section = m.group(1)
            out[section] = []
        elif line.startswith("| `") and section:
            cells = line.split("|")
            for name in re.findall(r"`([^`]+)`", cells[1]):
                out[section].append({"field": name, "row": line})
    return out


def fields(section: str) -> set[str]:
    return {row["field"] for row in tables()[section]}


def test_meta_and_list_fields():
    assert fields("meta.yaml") == set(loader.META_FIELDS) | set(loader.LIST_FIELDS)


def test_entity_and_fact_fields():
    assert fields("entities.yaml") == set(loader.ENTITY_FIELDS)
    assert fields("facts.yaml") == set(loader.FACT_FIELDS)


def test_language_file_fields():
    pack = yaml.safe_load((languages.PACKS / f"{languages.REFERENCE}.yaml").read_text(encoding="utf-8"))
    read = {*languages.OWN, *languages.DOMAIN, *languages.OPTIONAL, *pack}
    assert fields("languages/CODE.yaml") == read


def test_every_intent_modifier_pronoun_and_grammar_job_is_explained():
    pack = yaml.safe_load((languages.PACKS / f"{languages.REFERENCE}.yaml").read_text(encoding="utf-8"))
    rows = {row["field"]: row["row"] for row in tables()["languages/CODE.yaml"]}
    for key in ("intents", "modifiers", "pronouns", "grammar"):
        documented = set(re.findall(r"`([a-z_]+)`", rows[key].split("|")[2]))
        assert set(pack[key]) <= documented, key


def test_translation_fields():
    assert fields("translations/CODE.yaml") == set(translations.TRANSLATION_FIELDS)
