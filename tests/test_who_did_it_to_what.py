""""Who opened the Kazakh embassy in Belgrade?": what the deed was done to must be what
the fact is about — tagged, or what a thing the fact names is ("the bust of Jambyl
Jabayev") — not a word of its text ("a consulate of its Hungarian *embassy*"). The deed
asked of ("opened", "основал") is the question's, not a topic."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("Who opened the consulate in Belgrade?", ("kazakh_consulate_belgrade",)),
    ("Whose bust was unveiled in New Belgrade?", ("jabayev_bust_unveiled",)),
    ("Who asked Kazakhstan to open an embassy?", ("embassy_request_2018",)),
    ("Кто основал группу BK, которая строит BK Tesla Park?", ("bk_tesla_park_construction",)),
])
def test_the_thing_the_fact_is_about(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("question", [
    "Who opened the Kazakh embassy in Belgrade?",
    "Who opened Kazakhstan's embassy in Belgrade?",
])
def test_a_word_of_the_text_is_not_what_was_done_to(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    # "headquarters" is no word of a launch's text, only of the visit to them
    ("Where is the headquarters of Meridian Space Organisation?", ("velikova_porto_alva_visit",)),
    ("Where is the headquarters of the Northern Lights Space Agency?", ("nlsa_founded",)),
])
def test_where_the_thing_asked_of_is(space, question, facts):
    answer = space.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)
