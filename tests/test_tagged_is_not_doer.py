"""A person a fact only tags, beside the people it names as taking part, is what it is
about, not who did it: "When was Isolde Marrin appointed?" is not answered by "Victor
Marrin, the son of Isolde Marrin, became director" (tagged with her)."""


def test_the_tagged_person_did_not_do_it(engine_of):
    answer = engine_of("fifth").answer("When was Isolde Marrin appointed chief engineer?")
    assert (answer.answered, answer.facts) == (False, ())


def test_the_one_who_did_it_still_answers(engine_of):
    answer = engine_of("fifth").answer("When was Victor Marrin appointed director?")
    assert (answer.answered, answer.facts) == (True, ("victor_director",))
