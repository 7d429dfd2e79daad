""""How long was X principal conductor?" asks a span: a person has no length, so the
fact dated 1921/1934 answers though its text gives no number; "how long is the hall?"
(of a thing) still needs a number."""


def test_a_span_answers_how_long_of_a_person(engine_of):
    answer = engine_of("sixth").answer("How long was Anton Feld principal conductor?")
    assert (answer.answered, answer.facts) == (True, ("feld_tenure",))


def test_in_other_words(engine_of):
    answer = engine_of("sixth").answer("How long was Greta Holm concertmaster?")
    assert (answer.answered, answer.facts) == (True, ("holm_concertmaster",))
