"""The fact base loader and `check`: every problem reported with file and line."""
from __future__ import annotations

import pytest

from bot.factbase import KnowledgeError, load_knowledge


def problems(directory) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    return [str(p) for p in info.value.problems]


def test_shipped_fact_base_loads(kb):
    assert len(kb.facts) >= 30
    assert {"kazakhstan", "serbia", "aleksandar_vucic", "astana"} <= set(kb.entities)
    # Every fact says where in the source it comes from.
    assert all(f.section for f in kb.facts)


def test_no_alias_names_two_entities(kb):
    from bot.text import stems
    seen: dict = {}
    for e in kb.entities.values():
        for name in {stems(n) for n in (*e.names.values(), *e.aliases, *e.demonyms)}:
            assert seen.setdefault(name, e.id) == e.id, (name, e.id, seen[name])


def test_bad_yaml_is_reported_with_line(knowledge_copy):
    facts = knowledge_copy / "facts.yaml"
    lines = facts.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "  kind: [unclosed")
    facts.write_text("\n".join(lines), encoding="utf-8")
    found = problems(knowledge_copy)
    assert len(found) == 1 and found[0].startswith("facts.yaml:") and "bad YAML" in found[0]


def test_every_problem_is_reported_at_once(knowledge_copy):
    facts = knowledge_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    text = text.replace("date: 1996-12-10", "date: 1996-13-45", 1)
    text = text.replace("who: [boris_tadic]\n  where: [kazakhstan]", "who: [boris_tadich]\n  where: [kazakhstan]", 1)
    text = text.replace("- id: osce_summit_2010\n", "- id: tadic_visit_2010\n", 1)
    text += "\n- id: lonely_fact\n  kind: visit\n  section: History\n"
    facts.write_text(text, encoding="utf-8")
    found = "\n".join(problems(knowledge_copy))
    assert "bad month" in found
    assert "'boris_tadich' is not a known entity" in found
    assert "duplicate fact id 'tadic_visit_2010'" in found
    assert "missing field 'text'" in found
    # Renaming osce_summit_2010 orphans its translations: reported too, in the same run.
    assert "translations/ru.yaml:249: 'osce_summit_2010' is not an id of the fact base" in found
    for line in found.splitlines():
        file, number, _ = line.split(":", 2)
        assert file in ("facts.yaml", "translations/ru.yaml", "translations/sr.yaml",
                        "translations/kk.yaml") and int(number) > 0


def test_duplicate_alias_and_unknown_country(knowledge_copy):
    entities = knowledge_copy / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    text = text.replace("aliases: [Aleksandar Vucic,", "aliases: [Boris Tadic, Aleksandar Vucic,", 1)
    text = text.replace("country: kazakhstan\n  description: Mayor", "country: kazakstan\n  description: Mayor", 1)
    entities.write_text(text, encoding="utf-8")
    found = "\n".join(problems(knowledge_copy))
    assert "alias 'Boris Tadic' of 'aleksandar_vucic' is also a name of 'boris_tadic'" in found
    assert "country 'kazakstan' is not a known entity" in found


def test_duplicate_key_and_missing_file(knowledge_copy):
    meta = knowledge_copy / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\ntitle: Again\n", encoding="utf-8")
    (knowledge_copy / "entities.yaml").unlink()
    found = "\n".join(problems(knowledge_copy))
    assert "meta.yaml:" in found and "duplicate key 'title'" in found
    assert "entities.yaml:0: missing file" in found


def test_unsafe_yaml_is_refused(knowledge_copy):
    meta = knowledge_copy / "meta.yaml"
    meta.write_text("title: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    found = "\n".join(problems(knowledge_copy))
    assert "meta.yaml:1: bad YAML" in found


def test_not_a_directory(tmp_path):
    assert "not a directory" in problems(tmp_path / "nope")[0]


def test_a_missing_translation_is_reported(knowledge_copy):
    """meta.yaml promises Russian: a fact without a Russian text is a problem; Kazakh falls
    back to Russian, so a missing Kazakh text is not."""
    import yaml
    ru = knowledge_copy / "translations" / "ru.yaml"
    data = yaml.safe_load(ru.read_text(encoding="utf-8"))
    del data["facts"]["tokayev_visit_2024"]
    ru.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    kk = knowledge_copy / "translations" / "kk.yaml"
    data = yaml.safe_load(kk.read_text(encoding="utf-8"))
    del data["facts"]["relations_established"]
    kk.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = problems(knowledge_copy)
    assert found == ["translations/ru.yaml:0: fact 'tokayev_visit_2024' has no ru question",
                     "translations/ru.yaml:0: fact 'tokayev_visit_2024' has no ru text"]


def test_translation_of_an_unknown_fact_is_reported(knowledge_copy):
    sr = knowledge_copy / "translations" / "sr.yaml"
    sr.write_text(sr.read_text(encoding="utf-8") + "\n  no_such_fact: {text: x}\n",
                  encoding="utf-8")
    found = "\n".join(problems(knowledge_copy))
    assert "translations/sr.yaml:" in found and "'no_such_fact' is not an id" in found


def test_yaml_is_read_as_yaml_says_with_lines(tmp_path):
    """Plain strings, maps and lists take a fast path; anchors, merge keys, numbers, null,
    quoted look-alikes and recursive aliases must still read as PyYAML reads them."""
    from bot.factbase.yamlfile import Reader, line_of
    path = tmp_path / "f.yaml"
    path.write_text("base: &b {kind: visit, year: 2011}\n"
                    "fact:\n  <<: *b\n  where: [astana, '2012', 3.5, ~, no]\n"
                    "again: *b\nloop: &l [x, *l]\nempty:\n", encoding="utf-8")
    reader = Reader(tmp_path)
    data = reader.load(path)
    assert data["fact"] == {"kind": "visit", "year": 2011,
                            "where": ["astana", "2012", 3.5, None, "no"]}
    assert data["again"] is data["base"]
    assert data["loop"][1] is data["loop"]
    assert data["empty"] is None
    assert (line_of(data), line_of(data, "fact"), line_of(data["fact"], "where")) == (1, 2, 4)
    assert reader.problems == []


@pytest.mark.parametrize("depth", [500, 20000])  # deeper than Python's stack; than libyaml's
def test_deeply_nested_yaml_is_a_problem_not_a_crash(tmp_path, depth):
    from bot.factbase.yamlfile import Reader
    path = tmp_path / "f.yaml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    reader = Reader(tmp_path)
    assert reader.load(path) is None
    assert [p.file for p in reader.problems] == ["f.yaml"]
    assert reader.problems[0].message.startswith("bad YAML: ")
