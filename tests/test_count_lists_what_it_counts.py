""""How many …" counts what the text counts, and shows what it counted: "its second group
of astronaut candidates, *four people*, among them Nils Åberg" is four, not the one person
it names; "3 in all" of Vučić's times in Astana lists the three visits, not also what
happened during one of them."""
from pathlib import Path
import shutil

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

CLUB = Path(__file__).resolve().parent / "fixtures" / "harbour_city"


def test_the_number_set_after_the_counted_word(space):
    answer = space.answer("How many astronauts were selected in 2015?")
    assert (answer.answered, answer.facts) == (True, ("astronaut_selection_2015",))
    assert answer.text.splitlines()[0] == "4 in all:"


@pytest.mark.parametrize("question", [
    "How many candidates were selected in 2015?",  # a cue of the fact's own kind
    "How many candidates were in the agency's second astronaut group?",
])
def test_the_counted_word_of_the_facts_kind(space, question):
    answer = space.answer(question)
    assert (answer.answered, answer.facts) == (True, ("astronaut_selection_2015",))
    assert answer.text.splitlines()[0] == "4 in all:"


def test_the_same_of_another_base(tmp_path):
    # a role counted ("managers"), a number after a comma, one of them named
    base = tmp_path / "club"
    shutil.copytree(CLUB, base)
    with open(base / "facts.yaml", "a", encoding="utf-8") as out:
        out.write("""- id: coaches_2012
  kind: appointment
  date: 2012-07
  section: Managers
  who: [tom_hale]
  tags: [manager]
  text: The club appointed its new youth team managers, three people, among them Tom Hale.
""")
    answer = Engine(load_knowledge(base)).answer("How many managers did the club appoint in 2012?")
    assert (answer.answered, answer.facts) == (True, ("coaches_2012",))
    assert answer.text.splitlines()[0] == "3 in all:"


def test_times_list_the_occasions_counted(engine):
    answer = engine.answer("How many times was Vučić in Astana?")
    assert answer.facts == ("vucic_visit_2016", "vucic_visit_2017", "vucic_visit_2018")
    lines = answer.text.splitlines()
    assert lines[0] == "3 in all:"
    assert [line.split(":")[0] for line in lines[1:]] == [
        "14–16 November 2016", "June 2017", "8–10 October 2018"]


def test_times_in_one_year(engine):
    answer = engine.answer("How many times was Tadić in Kazakhstan in 2010?")
    assert answer.facts == ("tadic_visit_2010", "osce_summit_2010")
    assert answer.text.splitlines()[0] == "2 in all:"
    assert len(answer.text.splitlines()) == 3
