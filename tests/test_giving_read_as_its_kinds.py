""""Who *gave* Queen Maren the Order of the Golden Vine?" of a fact base whose words for
it are "awarded" and "received": a general word of giving it knows in none of its forms
is read as the kinds of giving it uses (the pack's `kinds: give`), so the giver is
found; someone it records no giving to is still declined."""


def test_the_giver_of_an_award(fourth):
    answer = fourth.answer("Who gave Queen Maren the Order of the Golden Vine?")
    assert (answer.answered, answer.facts) == (True, ("maren_golden_vine",))


def test_in_a_follow_up(fourth, ask_in_turn):
    answers = ask_in_turn(fourth, ["What award did Queen Maren receive in Belmora?",
                                   "who gave it to her?"])
    assert [(a.answered, a.facts) for a in answers] == [
        (True, ("maren_golden_vine",)), (True, ("maren_golden_vine",))]


def test_no_giving_recorded(fourth):
    answer = fourth.answer("Who gave Lars Hemming an award?")
    assert (answer.answered, answer.facts) == (False, ())
