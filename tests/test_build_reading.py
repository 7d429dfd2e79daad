"""The build reads fact texts with TermIndex.read: exactly what find(fuzzy=False) reads."""
from __future__ import annotations

import pytest

from bot.matching import Match, Term, TermIndex


@pytest.mark.parametrize("name", ["ours", "club", "second", "third", "fourth", "fifth", "sixth"])
def test_read_is_find_without_typos(name, engine, engine_of):
    eng = engine if name == "ours" else engine_of(name)
    texts = [t for f in eng.kb.facts for d in (f.texts, f.questions) for t in d.values()]
    texts += [t for e in eng.kb.entities.values() for t in e.descriptions.values()]
    assert texts
    for text in texts:
        assert eng.index.read(text) == eng.index.find(text, fuzzy=False), text


def test_a_word_read_once_is_read_again_after_a_phrase_starting_with_it():
    index = TermIndex()
    index.add("Silvane", Term("entity", "silvane"))
    first = index.read("the Silvane Star sails")
    assert [type(i) for i in first] == [type(first[0]), Match, type(first[0]), type(first[0])]
    index.add("Silvane Star", Term("entity", "silvane_star"))
    index.add("sails", Term("word", "w:sail", "en"))
    again = index.read("the Silvane Star sails")
    assert again == index.find("the Silvane Star sails", fuzzy=False)
    assert [m.ids for m in again if isinstance(m, Match)] == [("silvane_star",), ("w:sail",)]
