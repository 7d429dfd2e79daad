"""Counts a text writes in words past twelve ("the first forty musicians") are counts:
the English pack's `numbers` go on to ninety and a hundred."""


def test_forty_is_a_count(engine_of):
    answer = engine_of("sixth").answer("How many musicians did Lindqvist pay for?")
    assert (answer.answered, answer.facts) == (True, ("lindqvist_salaries",))
    assert answer.text.startswith("40 in all")
