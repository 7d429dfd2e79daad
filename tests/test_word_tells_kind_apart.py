"""A plain word that another fact of the question's kind has tells the facts apart, even
in a question that names much: "When were Nyberg's *symphonies* recorded?" is not
answered by the recording whose text never says symphonies. And a person named as an
owner ("Nyberg's symphonies") is whose thing it is, not who did the deed."""


def test_the_word_picks_the_fact_that_says_it(engine_of):
    answer = engine_of("sixth").answer("When were Elsa Nyberg's symphonies recorded?")
    assert (answer.answered, answer.facts) == (True, ("nyberg_cycle",))


def test_with_all_and_the_owner_first(engine_of):
    answer = engine_of("sixth").answer(
        "When did the orchestra record all of Elsa Nyberg's symphonies?")
    assert (answer.answered, answer.facts) == (True, ("nyberg_cycle",))


def test_the_other_recording_still_answers_its_own_question(engine_of):
    answer = engine_of("sixth").answer("What was the orchestra's first recording?")
    assert (answer.answered, answer.facts) == (True, ("first_recording",))


def test_a_count_of_people_is_no_word_to_tell_apart(engine):
    answer = engine.answer("How many Serbian presidents have paid visits to Kazakhstan?")
    assert answer.answered and answer.text.startswith("3: ")
