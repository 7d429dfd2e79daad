"""A large fact base's flat lines are read without the YAML parser, exactly as it reads
them (values, types, lines); anything else — and every malformed file — is still the YAML
loader's, reported with file and line (bot/factbase/flatyaml.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.factbase import flatyaml
from bot.factbase.yamlfile import LocatedMap, Reader, _flat, _LineLoader

FLAT = """\
# a comment
- id: kazakhstan
  type: country
  name: {"en": "Kazakhstan", "ru": "Казахстан"}
  aliases: [Republic of Kazakhstan, Kazakstan, Cote d'Ivoire (old), Qazaq-stan]
  demonyms: ["Kazakh", "say \\"hi\\"", "a: b #c"]
  description: Has relations with Serbia (since 1996); an embassy, [sic] 10:30 a#b
  date: 1996-12-10
  year: 1948
  count: 12
  share: 1.5
  nothing: null
  words: [2016, null, n, yes, on]

- id: serbia
  name: "Serbia"
  aliases: []
  empty: {}
"""

#: Each of these, as an item's line, is not the flat shape: the YAML loader reads it.
OTHERS = [
    "  other: >-\n    folded over\n    two lines",
    "  other: a value # and a comment",
    "  other: 'single quoted'",
    "  other: [a, b, ]",
    "  other: [a,b]",
    "  other: [ a, b ]",
    '  other: {"en":"x"}',
    '  other: {"en": "\\u00e9"}',
    "  other:   two spaces",
    "  other: &anchor x",
    "  other: ~",
    "  other: 0x1F",
    "  other:\n    - a\n    - b",
]


def _yaml(text: str):
    loader = _LineLoader(text)
    loader.duplicate_keys = []
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, LocatedMap):
        return (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b)) and \
            all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return a == b


def test_flat_lines_are_read_without_the_parser_as_it_reads_them() -> None:
    assert flatyaml._pieces(FLAT.split("\n"), LocatedMap, _LineLoader._typed_starts,
                            lambda v: v) is not None
    flat = _flat(FLAT)
    assert flat is not None and _same(flat, _yaml(FLAT))
    assert flat[0]["year"] == 1948 and flat[0]["share"] == 1.5 and flat[0]["nothing"] is None
    assert flat[0]["words"] == [2016, None, "n", "yes", "on"]
    assert flat[0].key_lines["date"] == 8 and flat[1].line == 15


@pytest.mark.parametrize("line", OTHERS)
def test_an_item_of_another_shape_is_the_loaders_and_lines_stay_right(line: str) -> None:
    text = FLAT.replace("  type: country\n", "  type: country\n" + line + "\n")
    assert _same(_flat(text), _yaml(text))


@pytest.mark.parametrize("text", [
    "key: value\n- id: x\n",                       # not a list
    "---\n- id: x\n",                              # a document marker
    "- id: x\r\n  type: y\r\n",                    # other line breaks
    "- id: x\n  type: \ty\n",                      # a tab
    "\ufeff- id: x\n",                             # a byte-order mark
    "- id: y\n  a: &r [1]\n- id: x\n- id: z\n  a: *r\n",  # an alias across a flat item
])
def test_a_file_of_another_shape_is_read_whole_by_the_loader(text: str) -> None:
    assert _flat(text) is None


def _problems(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    reader = Reader(tmp_path)
    reader.load(tmp_path / "facts.yaml")
    return [(p.file, p.line, p.message) for p in reader.problems]


def test_a_duplicate_key_in_a_flat_item_is_reported_where_it_is(tmp_path: Path) -> None:
    text = FLAT.replace("  year: 1948\n", "  year: 1948\n  type: twice\n")
    assert _problems(tmp_path, text) == [("facts.yaml", 10, "duplicate key 'type'")]


def test_bad_yaml_among_flat_items_is_reported_with_its_line(tmp_path: Path) -> None:
    text = FLAT.replace("  year: 1948\n", "  year: [1948\n")
    found = _problems(tmp_path, text)
    assert len(found) == 1 and found[0][0] == "facts.yaml" and found[0][1] == 10
    assert found[0][2].startswith("bad YAML: ")
