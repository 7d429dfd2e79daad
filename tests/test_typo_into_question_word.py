"""A short word one letter longer than a question word is a word of its own, not a typo
of it ("died" is no "did"): read as "did" it would vanish, and "How many people died?"
would be answered with how many were displaced. A dropped or swapped letter is a typo."""


def test_a_real_word_is_not_read_as_a_question_word(fourth):
    answer = fourth.answer("How many people died in the 1987 flood?")
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == \
        "I don't know that: the fact base has nothing about “died”."


def test_a_dropped_letter_is_still_a_typo(engine_of):
    answer = engine_of("fifth").answer("wich firm built the amel viaduct?")
    assert (answer.answered, answer.facts) == (True, ("viaduct_built",))
