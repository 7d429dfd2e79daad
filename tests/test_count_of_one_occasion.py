""""How many companies attended the fourth business forum?": counted of one occasion the
question pins (by an ordinal, or the thread's), a word the fact base has no number for is
no "1 in all" — that would count the forum's one fact, not companies."""


def test_no_number_of_the_one_occasion(norland):
    answer = norland.answer("How many companies attended the fourth business forum?")
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == "The fact base does not say how many."


def test_in_a_follow_up(norland, ask_in_turn):
    answers = ask_in_turn(norland, ["Tell me about the second Business Forum",
                                    "how many companies?"])
    assert (answers[-1].answered, answers[-1].facts) == (False, ())


def test_the_number_stated(norland):
    answer = norland.answer("How many companies took part in the first forum?")
    assert (answer.answered, answer.facts) == (True, ("business_forum_2003",))
    assert answer.text.splitlines()[0] == "300 in all:"
