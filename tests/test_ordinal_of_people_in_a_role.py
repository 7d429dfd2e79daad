""""Which was the third Serbian president to visit Kazakhstan?": an ordinal before a
role (past the country that owns it) counts people in that role, each once, as "who
was the third …" does — not visits (Tadić came twice in 2010). A title written
"President of Kazakhstan Kassym-Jomart Tokayev" is the person's role like "Kazakh
President …". A role that qualifies another thing ("the second astronaut group") is
not what is counted."""
import pytest


@pytest.mark.parametrize("question, fact", [
    ("Which was the third Serbian president to visit Kazakhstan?", "vucic_visit_2017"),
    ("Which was the second Serbian president to visit Kazakhstan?", "nikolic_visit_2015"),
    ("Which was the first Serbian president to visit Kazakhstan?", "tadic_visit_2010"),
    # "President of Kazakhstan Kassym-Jomart Tokayev": a title with its country between
    ("Who was the second Kazakh president to visit Serbia?", "tokayev_visit_2024"),
    ("Which was the second Kazakh president to visit Serbia?", "tokayev_visit_2024"),
])
def test_the_nth_person_in_the_role(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_more_than_there_are(engine):
    answer = engine.answer("Which was the fourth Serbian president to visit Kazakhstan?")
    assert (answer.answered, answer.text.splitlines()[0]) == (
        False, "The fact base records only 3 of those.")


@pytest.mark.parametrize("question, fact", [
    # Lucian Varga came twice (2001, 2005) before Mihai Stoica
    ("Which was the second Estavian president to visit Norland?", "stoica_visit_2011"),
    ("Which was the third Estavian president to visit Norland?", "sofia_varga_visit_2016"),
])
def test_on_another_base(norland, question, fact):
    answer = norland.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_a_role_that_qualifies_another_thing(space):
    # the second group of astronauts, not the second astronaut's fact
    answer = space.answer("How many candidates were in the agency's second astronaut group?")
    assert (answer.answered, answer.facts) == (True, ("astronaut_selection_2015",))
