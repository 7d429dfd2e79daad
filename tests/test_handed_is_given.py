""""Who handed Nazarbayev the Order of the Republic of Serbia?": "handed" (the pack's
thesaurus, with "handed over") is a giving, read as the fact base's award, and holds like
it — the giver the text names answers; a text that names none is no answer."""
import pytest


@pytest.mark.parametrize("question, fact", [
    ("who handed nazarbayev the order of the republic of serbia in astana?",
     "nazarbayev_order_of_serbia"),
    ("Who handed Vučić the Order of Friendship?", "vucic_order_of_friendship"),
])
def test_handed_is_a_giving(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_no_giver_named_is_no_answer(engine):
    answer = engine.answer("Who handed Nikolić the Order of Friendship?")
    assert (answer.answered, answer.facts) == (False, ())


def test_on_another_base(norland):
    answer = norland.answer("Who handed Lucian Varga the Order of the Polar Star?")
    assert (answer.answered, answer.facts) == (True, ("lucian_varga_polar_star",))
