""""When was the BK group founded?": a plain word the fact's text has only in an aside
at the end of a sentence ("… by the BK group, founded by Dragomir's brother, Bogoljub
Karić.") describes the thing last named; the fact's date is its own event's (the
inauguration), not that one's. Between a subject and its verb ("The Hallen Protocol,
drafted in Doria …, settled the dispute") the aside is still the fact's event."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

from conftest import BASES


@pytest.mark.parametrize("question", [
    "When was the BK group founded?",
    "When did Bogoljub Karić found the BK group?",
])
def test_an_aside_is_not_dated_by_the_fact(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (
        False, (), ("bk_tesla_park_construction",))


def test_the_facts_own_event_still_is(engine):
    answer = engine.answer("When was BK Tesla Park Astana inaugurated?")
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))


HALLEN = ("The Hallen Protocol, signed in Doria by Karin Holt and Ines Valcor, settled the "
          "dispute over the Hallen Dam;")


@pytest.mark.parametrize("text, answered", [
    # between the subject and its verb: the protocol's own drafting
    ("The Hallen Protocol, drafted in Doria by Karin Holt and Ines Valcor, settled the "
     "dispute over the Hallen Dam;", True),
    # at the end, after what happened: an aside about the protocol
    ("Karin Holt and Ines Valcor settled the dispute over the Hallen Dam with the Hallen "
     "Protocol, drafted in Doria;", False),
])
def test_on_another_base(tmp_path: Path, text, answered):
    root = tmp_path / "fourth"
    shutil.copytree(BASES["fourth"], root)
    facts = root / "facts.yaml"
    source = facts.read_text(encoding="utf-8")
    assert HALLEN in source
    facts.write_text(source.replace(HALLEN, text), encoding="utf-8")
    answer = Engine(load_knowledge(root)).answer("When was the Hallen Protocol drafted?")
    assert (answer.answered, answer.facts) == (
        (True, ("hallen_protocol_signed",)) if answered else (False, ()))
