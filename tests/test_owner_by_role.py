"""Whose role it is, without "of" or "'s": Russian and Serbian put the country after
the role word in the genitive ("президенты Сербии", "predsednici Srbije"), Kazakh
before it ("Сербия президенттері"). The other country named is then where they went:
Kazakh presidents' visits to Serbia do not answer which Serbian presidents visited
Kazakhstan."""
import pytest

SERBIAN_TO_KAZAKHSTAN = ("tadic_visit_2010", "nikolic_visit_2015", "vucic_visit_2017",
                         "vucic_visit_2018")
KAZAKH_TO_SERBIA = ("nazarbayev_visit_2016", "tokayev_visit_2024")


@pytest.mark.parametrize("question, facts", [
    ("Какие президенты Сербии посещали Казахстан?", SERBIAN_TO_KAZAKHSTAN),
    ("Koji predsednici Srbije su posetili Kazahstan?", SERBIAN_TO_KAZAKHSTAN),
    ("Сербия президенттері Қазақстанға барды ма?", SERBIAN_TO_KAZAKHSTAN),
    ("Когда президент Казахстана посетил Сербию?", KAZAKH_TO_SERBIA),
    ("Kada je predsednik Kazahstana posetio Srbiju?", KAZAKH_TO_SERBIA),
    ("Қазақстан президенті Сербияға қашан барды?", KAZAKH_TO_SERBIA),
])
def test_the_country_by_the_role_word_is_theirs(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_the_role_asked_in_english_holds(engine):
    # "which presidents" asks for presidents: not Vučić's 2016 visit as prime minister
    answer = engine.answer("Which presidents of Serbia visited Kazakhstan?")
    assert (answer.answered, answer.facts) == (True, SERBIAN_TO_KAZAKHSTAN)
