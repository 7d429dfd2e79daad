"""`check` on a misspelt id: besides file:line, it names the id the author most likely
meant, for every kind of reference (who/where/tags, within/country, kind, part_of)."""
from __future__ import annotations

import pytest

from test_authoring import check, edit, line_of, scaffold  # noqa: F401 (fixture)


@pytest.mark.parametrize("file, old, new, message", [
    ("facts.yaml", "who: [maria_example]", "who: [maria_exampel]",
     "conductor_appointed: who 'maria_exampel' is not a known entity "
     "(did you mean 'maria_example'?)"),
    ("facts.yaml", "where: [riverton]", "where: [rivertown]",
     "choir_founded: where 'rivertown' is not a known entity (did you mean 'riverton'?)"),
    ("facts.yaml", "tags: [riverton_choir]", "tags: [riverton_choirs]",
     "conductor_appointed: tags 'riverton_choirs' is not a known entity or concept "
     "(did you mean 'riverton_choir'?)"),
    ("facts.yaml", "kind: founding", "kind: foundings",
     "kind 'foundings' is not a concept of the base language file (did you mean 'founding'?)"),
    ("entities.yaml", "within: riverton", "within: riverto",
     "riverton_choir: within 'riverto' is not a known entity (did you mean 'riverton'?)"),
])
def test_a_misspelt_reference_gets_a_hint(scaffold, file, old, new, message):  # noqa: F811
    edit(scaffold / file, old, new)
    code, problems = check(scaffold)
    assert (code, problems) == (1, [f"{file}:{line_of(scaffold / file, new)}: {message}"])


def test_a_misspelt_part_of_gets_a_hint(scaffold):  # noqa: F811
    facts = scaffold / "facts.yaml"
    edit(facts, "  tags: [riverton_choir]\n", "  tags: [riverton_choir]\n  part_of: choir_found\n")
    code, problems = check(scaffold)
    assert (code, problems) == (1, [
        f"facts.yaml:{line_of(facts, 'part_of: choir_found')}: conductor_appointed: part_of "
        "'choir_found' is not another fact (did you mean 'choir_founded'?)"])


def test_no_hint_where_nothing_is_close(scaffold):  # noqa: F811
    edit(scaffold / "facts.yaml", "who: [maria_example]", "who: [zzz]")
    code, problems = check(scaffold)
    assert code == 1 and problems[0].endswith("who 'zzz' is not a known entity")
