""""What did Vučić give Nazarbayev?" is not answered by "Vučić was awarded … by
Nazarbayev", nor "what did Vučić receive?" by the award he gave: the person the question
is said of must be on the side of the giving it asks about."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("What did Vučić award Nazarbayev?", ("nazarbayev_order_of_serbia",)),
    ("What did Vučić give Nazarbayev?", ("nazarbayev_order_of_serbia",)),
    ("Which order did Vučić receive from Nazarbayev?", ("vucic_order_of_friendship",)),
    ("What did Nazarbayev receive from Vučić?", ("nazarbayev_order_of_serbia",)),
])
def test_the_side_asked(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("question", [
    "What did Nikolić give Nazarbayev in 2016?",   # Nikolić was awarded, he gave nothing
    "When was Vučić awarded the Order of the Republic of Serbia?",  # he gave it
])
def test_the_other_side_is_no_answer(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_a_giver_before_the_verb(engine_of):
    fifth = engine_of("fifth")
    answer = fifth.answer("What did King Halvard III award Isolde Marrin?")
    assert (answer.answered, answer.facts) == (True, ("marrin_award",))
    answer = fifth.answer("What did Isolde Marrin award King Halvard III?")
    assert (answer.answered, answer.facts) == (False, ())


def test_received_is_no_giving(engine_of):
    # "Radu Petrescu received …": he stands before the verb, but as who received it
    answer = engine_of("third").answer("What medal did Radu Petrescu receive?")
    assert (answer.answered, answer.facts) == (True, ("petrescu_medal_2014",))


def test_the_one_it_is_said_of_takes_part(engine):
    # the Belgrade declaration names Stalin only as dead before it
    answer = engine.answer("What did Stalin say about Tito?")
    assert (answer.answered, answer.facts) == (False, ())
