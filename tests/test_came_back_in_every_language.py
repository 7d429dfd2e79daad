""""was he back in Belmora later?", "он вернулся в том же году?", "da li se vratio iste
godine?": coming back, right after an answer, is another occasion of the thread's
person — a word for it the fact base does not know is no unknown word, the subject
may go unsaid (Serbian), and "он" (also "it") is not the previous answer; "back then"
is no coming back. Through answer() with the context it returns, on our base and the
fourth; asserted exactly."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("first, then", [
    ("Когда Тадич впервые посетил Казахстан?", "он вернулся в том же году?"),
    ("Kada je Tadić prvi put posetio Kazahstan?", "da li se vratio iste godine?"),
])
def test_coming_back_is_his_later_visit(engine, ask_in_turn, first, then):
    visit, back = ask_in_turn(engine, [first, then])
    assert visit.facts == ("tadic_visit_2010",)
    assert (back.answered, back.facts) == (True, ("osce_summit_2010",))


@pytest.mark.parametrize("first, then", [
    ("Kada je Tokajev posetio Srbiju?", "da li se vratio?"),
    ("Когда Токаев посетил Сербию?", "а он вернулся?"),
])
def test_no_later_visit_is_declined(engine, ask_in_turn, first, then):
    _, back = ask_in_turn(engine, [first, then])
    assert (back.answered, back.facts) == (False, ())


def test_was_he_back_where_back_is_no_word_of_the_base(engine_of, ask_in_turn):
    fourth = engine_of("fourth")
    _, back = ask_in_turn(fourth, [
        "When did King Osric II make the first state visit to Belmora?",
        "was he back in Belmora later?"])
    assert back.text == "Yes — April 1989: King Osric II returned to Oranta to unveil the statue of Ada Lindqvist."


def test_back_then_is_that_time_not_coming_back(engine_of, ask_in_turn):
    norland = engine_of("third")
    visit, then = ask_in_turn(norland, ["When did Anders Kvale make his third visit to Estavia?",
                                        "what did he do back then?"])
    assert visit.facts == ("kvale_visit_2007",)
    assert then.answered and "kvale_visit_2007" in then.facts
