""""How many presidents met Nazarbayev in Belgrade?": names listed after a word for the
role counted are counted only up to another role's word ("President Nikolić and Prime
Minister Vučić" is not two presidents); where nothing else gives the count, it is not
made up."""


def test_another_title_ends_the_list(engine):
    answer = engine.answer("How many presidents met Nazarbayev in Belgrade?")
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == "The fact base does not say how many."


def test_a_list_under_one_title(engine):
    answer = engine.answer("How many mayors travelled with Vučić in 2018?")
    assert (answer.answered, answer.facts) == (True, ("vucic_visit_2018",))
    assert answer.text.splitlines()[0] == "2 in all:"
