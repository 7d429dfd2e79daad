""""What did Reyvik say after Aurora 4 landed?": where no fact is the landing itself,
the statement whose text says it came after the landing is the answer — not the next
statement after that one."""


def test_a_fact_that_says_it_came_after(space):
    answer = space.answer("What did Reyvik say after Aurora 4 landed?")
    assert (answer.answered, answer.facts) == (True, ("reyvik_aurora_4_statement",))


def test_the_next_event_after_a_fact_of_its_own(engine):
    answer = engine.answer("Which visit came right after Tadić's?")
    assert (answer.answered, answer.facts) == (True, ("nikolic_visit_2015",))
