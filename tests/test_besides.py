""""Which other ships … besides the Silvane Star?": what follows "besides" (except,
apart from; кроме; osim) is what the answer is not. A fact that is that thing, naming
nothing else of its type, is no answer; one that names it beside others still is."""
import pytest


def test_the_thing_set_aside_is_not_the_answer(fourth):
    answer = fourth.answer("Which other ships does the Marren Line operate besides the Silvane Star?")
    assert (answer.answered, answer.facts) == (False, ())


def test_a_name_inside_a_longer_name(fourth):
    # "the Silvane" is an alias of the river; "Silvane Star" (the ship) runs past it
    answer = fourth.answer("Who headed the Silvane commission between 2001 and 2013?")
    assert (answer.answered, answer.facts) == (True, ("marsal_chair",))


def test_someone_else_besides(engine):
    answer = engine.answer("Who else besides Tokayev visited Serbia?")
    assert (answer.answered, answer.facts) == (True, ("nazarbayev_visit_2016",))


def test_a_thing_set_aside_by_its_words(engine):
    answer = engine.answer("What other agreements did Serbia sign besides the visa agreement?")
    assert (answer.answered, answer.facts) == (True, ("free_trade_agreement_2010", "fiat_deal_2016"))


def test_a_fact_naming_others_beside_it_still_answers(engine):
    for question in ("Besides Kosovo, which territories did Masimov say Kazakhstan does not recognize?",
                     "Apart from Kosovo, which territories did Masimov say Kazakhstan does not recognize?"):
        answer = engine.answer(question)
        assert (answer.answered, answer.facts) == (True, ("masimov_kosovo_statement",))


@pytest.mark.parametrize("question", ["Кроме Токаева, кто ещё посещал Сербию?",
                                      "Osim Tokajeva, ko je još posetio Srbiju?"])
def test_besides_in_other_languages(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, ("nazarbayev_visit_2016",))
