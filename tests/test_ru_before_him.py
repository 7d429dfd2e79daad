"""Russian "до него" ("before him") is a sequence word, as "до этого" is: "а кто из
казахских президентов был там до него?" after Tokayev's visit asks for the visit before
his, not for what connects "(previous person)" and "(previous place)"."""


def test_before_him_in_russian(engine, ask_in_turn):
    answers = ask_in_turn(engine, ["Когда Токаев посетил Сербию?",
                                   "а кто из казахских президентов был там до него?"])
    assert [(a.answered, a.facts) for a in answers] == [
        (True, ("tokayev_visit_2024",)), (True, ("nazarbayev_visit_2016",))]


def test_before_him_of_a_serbian_president(engine, ask_in_turn):
    answers = ask_in_turn(engine, ["Когда Николич посетил Казахстан?",
                                   "кто из сербских президентов был там до него?"])
    assert [(a.answered, a.facts) for a in answers] == [
        (True, ("nikolic_visit_2015",)), (True, ("tadic_visit_2010",))]
