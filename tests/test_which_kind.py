""""Which X …?" and "with other X" where X is a type of entity (pack key `entity_types`):
a fact answers only with an entity of that type the question does not name (nor, for
"other", the fact base's subject), in the relation asked; on three fact bases.
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("base, question, nearest", [
    # Masimov names Kosovo and Abkhazia, and "borders" in another sentence: no country
    # is said to border Kazakhstan
    ("ours", "Which countries border Kazakhstan?", "masimov_kosovo_statement"),
    ("ours", "What countries border Kazakhstan?", "masimov_kosovo_statement"),
    # contracts were signed at the forum, but the fact names no company
    ("third", "Which companies signed contracts at the 2019 Business Forum?",
     "business_forum_2019"),
    # the agreements are with the agency the fact base is about: no other agency
    ("second", "Has the Meridian Space Organisation signed agreements with other agencies?",
     "meridian_cooperation_agreement"),
])
def test_no_entity_of_the_type_asked_is_no_answer(engine_of, base, question, nearest):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (False, (), (nearest,))


@pytest.mark.parametrize("base, question, fact", [
    ("ours", "Which company is the Jabayev bust near?", "jabayev_bust_unveiled"),
    ("ours", "With which state did Kazakhstan establish diplomatic relations in 1996?",
     "relations_established"),
    ("ours", "С какой страной Казахстан установил дипломатические отношения в 1996 году?",
     "relations_established"),
    ("ours", "Sa kojom državom je Kazahstan uspostavio diplomatske odnose 1996. godine?",
     "relations_established"),
    ("third", "Which company built the EstNor Link?", "estnor_link_inaugurated"),
    ("second", "Which town is Tallis Point Launch Complex near?", "tallis_point_opened"),
])
def test_an_entity_of_the_type_asked_answers(engine_of, base, question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_other_countries_are_besides_those_named(engine):
    answer = engine.answer("Which other territories besides Kosovo does Kazakhstan not "
                           "recognize?")
    assert (answer.answered, answer.facts[:1]) == (True, ("masimov_kosovo_statement",))


def test_the_other_country_is_one_of_those_named(engine):
    # "the other country": one of the pair, not an entity besides them
    answer = engine.answer("Who came to the other country earlier, Nazarbayev to Belgrade "
                           "or Vučić as prime minister to Astana?")
    assert answer.answered is True
