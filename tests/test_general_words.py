"""General words for the specific ones a fact base uses (the packs' `kinds`): "monarch"
is read as the king or queen a fact names, "decoration … bestowed" as an award, and
never the other way round, nor as a count of facts. Plain synonyms added with them, and
a question's word read as its group where the fact base knows its stem only through
another word ("headed" and the tunnel's "headings"). On three fact bases.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

from conftest import BASES


@pytest.mark.parametrize("base, question, fact", [
    # "monarch" as the title the fact base writes only in a name: "King Halvard III"
    ("fifth", "Which Morvathi monarch travelled on the first train?", "first_train"),
    ("fifth", "Which monarch awarded Isolde Marrin the Order of the Iron Crown?",
     "marrin_award"),
    # "bestowed", "conferred": whichever of award / give the fact base uses
    ("fifth", "What decoration was bestowed on Piet Darrow?", "darrow_award"),
    ("fourth", "What decoration was conferred on Queen Maren?", "maren_golden_vine"),
    # plain synonyms
    ("fourth", "Which Kestrian bard has a statue in Oranta?", "lindqvist_statue_unveiled"),
    ("third", "Who was Estavia's top diplomat at the 30th anniversary reception?",
     "anniversary_reception_2022"),
    ("third", "Which carrier started nonstop flights between Halvik and Corvena?",
     "direct_flights_2008"),
    ("ours", "When did Serbia's diplomatic outpost in Astana open its doors?",
     "serbian_embassy_opened"),
    # "headed": the base knows "head" only as the tunnel's "headings"; its chair holds
    ("fifth", "Who headed the Joint Railway Commission first?", "ferrant_chair"),
    ("fifth", "Which Calvian head of government rode on the first train in 1921?",
     "first_train"),
])
def test_a_general_or_other_word_is_read_as_the_one_the_fact_base_uses(
        engine_of, base, question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


@pytest.mark.parametrize("base, question, nearest", [
    # a king is a monarch, not an emperor: the kinds are not synonyms of one another
    ("fifth", "Which Morvathi emperor travelled on the first train?",
     ("first_train", "marrin_argument")),
    # a king of Morvath is no monarch of Calvia
    ("fifth", "Who was the monarch of Calvia?", ("treaty_cost", "centenary_stamp")),
    ("fifth", "Which Calvian monarch travelled on the first train?",
     ("first_train", "marrin_argument")),
    # "die" is not "death": the fact names Stalin's death, and Tito in it
    ("ours", "When did Tito die?", ("tito_stalin_split", "belgrade_declaration")),
])
def test_what_a_general_word_does_not_say_is_declined(engine_of, base, question, nearest):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts, answer.nearest) == (False, (), nearest)


def test_a_fact_base_adds_kinds_of_its_own(tmp_path: Path):
    question = "Which machine set a national speed record?"
    root = tmp_path / "fifth"
    shutil.copytree(BASES["fifth"], root)
    before = Engine(load_knowledge(root)).answer(question)
    assert (before.answered, before.facts) == (False, ())
    with (root / "languages" / "en.yaml").open("a", encoding="utf-8") as f:
        f.write("\nkinds:\n  machine: [locomotive]\n")
    after = Engine(load_knowledge(root)).answer(question)
    assert (after.answered, after.facts) == (True, ("speed_record",))


def test_died_is_read_as_killed(engine_of):
    """"How many workers died?" of "a flood killed 23 workers"; of someone no fact
    records the death of, still no answer."""
    fifth = engine_of("fifth")
    answer = fifth.answer("How many workers died in the Greyfell Tunnel flood?")
    assert (answer.answered, answer.facts, answer.text.splitlines()[0]) == \
        (True, ("tunnel_flood",), "23 in all:")
    answer = fifth.answer("When did Isolde Marrin die?")
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("base, question, fact", [
    ("third", "What did the 2010 accord change about entry permits for travellers?",
     "visa_agreement_2010"),
    ("fourth", "Who was the first laureate of the Lindqvist Prize?", "quell_first_winner"),
    # "him" is the songwriter the question asks for, not someone from before
    ("third", "Which Estavian songwriter has a street in Halvik named after him?",
     "moldan_street_2013"),
])
def test_more_general_words(engine_of, base, question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
