""""Who was the mayor of Belgrade in 2018?": someone in the role asked is a person (or an
organisation or country), not a town whose description names its mayor; a fact that
says only "the Mayors of Belgrade and Novi Sad" names no one."""
import pytest


@pytest.mark.parametrize("question", [
    "Who was the mayor of Belgrade in 2018?",
    "Кто был мэром Белграда в 2018 году?",
    "Ko je bio gradonačelnik Beograda 2018?",
    "Who was the mayor of Novi Sad?",
])
def test_a_role_no_one_bears_is_declined(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_someone_in_the_role(engine):
    answer = engine.answer("Who is the mayor of Astana mentioned?")
    assert (answer.answered, answer.facts) == (True, ("tesla_street_inaugurated",))
