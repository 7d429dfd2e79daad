""""a year later", "the year before", "godinu dana kasnije", "через год": the year after
(before) the previous answer's dates, as if the question named it, in every pack
language; with no dated answer before, who or what is meant is asked. Through answer()
with the context it returns, on our base; asserted exactly."""
from __future__ import annotations


def test_what_happened_a_year_later_is_the_next_years(engine, ask_in_turn):
    first, later = ask_in_turn(engine, ["When did Vučić first visit Astana?",
                                        "what happened a year later?"])
    assert first.facts == ("vucic_visit_2016",)
    assert (later.answered, later.facts) == (True, ("vucic_visit_2017",))


def test_a_year_later_than_the_last_event_is_declined(engine, ask_in_turn):
    first, later = ask_in_turn(engine, ["Kada je Tokajev posetio Srbiju?",
                                        "a šta se desilo godinu dana kasnije?"])
    assert first.facts == ("tokayev_visit_2024",)
    assert (later.answered, later.facts) == (False, ())


def test_the_year_before_with_nothing_that_year_is_declined(engine, ask_in_turn):
    _, before = ask_in_turn(engine, ["When did Nikolić visit Kazakhstan?",
                                     "what happened the year before?"])
    assert (before.answered, before.facts) == (False, ())


def test_russian_a_year_later_is_of_the_next_year(engine, ask_in_turn):
    _, later = ask_in_turn(engine, ["Когда Николич посетил Казахстан?",
                                    "а что было через год?"])
    assert later.answered and later.facts and \
        all(engine.kb.fact(i).date.year == 2016 for i in later.facts)


def test_kazakh_a_year_later_is_of_the_next_year(engine, ask_in_turn):
    _, later = ask_in_turn(engine, ["Николич Қазақстанға қашан барды?",
                                    "бір жылдан кейін не болды?"])
    assert later.answered and later.facts and \
        all(engine.kb.fact(i).date.year == 2016 for i in later.facts)


def test_a_year_later_with_nothing_before_asks_who_is_meant(engine):
    alone = engine.answer("What did Vučić sign a year later?")
    assert (alone.answered, alone.text) == (False, "Who or what do you mean? Please name them.")
