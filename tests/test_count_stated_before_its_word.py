""""How many passengers did the line carry in 2019?" of "4.1 million passengers": the
number the text writes before the counted word is the count, not "1" for the one fact;
a number of something else than the one named ("1.2 billion crowns" of the budget, not
of Aldmark's share) is no count of it."""


def test_the_number_as_written(fifth):
    answer = fifth.answer("How many passengers did the line carry in 2019?")
    assert answer.answered and answer.text.startswith("4.1 million in all:")


def test_of_the_one_named(fifth):
    answer = fifth.answer("How many visitors did the Brisca Railway Museum receive in 2011?")
    assert answer.answered and answer.text.startswith("48,000 in all:")


def test_not_of_another(space):
    answer = space.answer("How many crowns did Aldmark pay in 2015?")
    assert (answer.answered, answer.text.splitlines()[0]) == (
        False, "The fact base does not say how many.")
