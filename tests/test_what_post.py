""""What post did X hold?": asked of someone named, the words that ask for a post are
no topic of their own ("position" is no stance here); the answer is a fact whose text
gives that person a post — a title before the name, the words their description opens
with, or a post right after the name — and where none does, the bot says so."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("What post did Masimov hold in 2008?", ("masimov_kosovo_statement",)),
    ("Какую должность занимал Масимов в 2008 году?", ("masimov_kosovo_statement",)),
    ("Koju funkciju je obavljao Masimov?", ("masimov_kosovo_statement",)),
    ("Мәсімов қандай лауазымда болды?", ("masimov_kosovo_statement",)),
    # the description's opening words, a few words before the name
    ("What position did Ivan Mrkić hold when he attended the embassy opening?",
     ("serbian_embassy_opened",)),
    ("Koju funkciju je imao Ivan Mrkić?", ("serbian_embassy_opened",)),
    # a post right after the name
    ("What role does Milanka Karić have?", ("honorary_consul_2015",)),
])
def test_a_fact_that_gives_the_post(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("question, first_line", [
    ("What post did Tito hold?", "The fact base does not say what post Tito held."),
    ("What position did Bogoljub Karić hold?",
     "The fact base does not say what post Bogoljub Karić held."),
    ("Какую должность занимал Тито?",
     "Какую должность занимал(а) Тито, в базе фактов не сказано."),
])
def test_no_fact_gives_the_post(engine, question, first_line):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == first_line


def test_a_country_position_is_a_stance(engine):
    answer = engine.answer("What position does Kazakhstan take on Kosovo?")
    assert (answer.answered, answer.facts) == (True, ("kosovo_stance",))


def test_on_another_fact_base(engine_of):
    fifth = engine_of("fifth")
    answer = fifth.answer("What position did Elena Castor hold?")
    assert (answer.answered, answer.facts) == (True, ("first_train",))
    answer = fifth.answer("What post did Piet Darrow hold?")  # "The driver Piet Darrow"
    assert (answer.answered, answer.facts) == (True, ("speed_record",))
