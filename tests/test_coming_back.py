""""did he come back?", "was he back in Kazakhstan?", "a on se vratio?": coming back is
another occasion than the one just answered (the packs' `again`), never that one again
dressed as a yes; none left is a decline. Through answer() with the context it returns,
on our base and the fourth; asserted exactly."""
from __future__ import annotations


def test_did_he_come_back_is_not_the_visit_just_answered(engine, ask_in_turn):
    visit, back = ask_in_turn(engine, ["When did Tokayev visit Serbia?", "did he come back?"])
    assert visit.facts == ("tokayev_visit_2024",)
    assert (back.answered, back.facts) == (False, ())


def test_did_he_come_back_gives_the_later_occasion_only(engine, ask_in_turn):
    _, back = ask_in_turn(engine, ["When did Tadić first visit Kazakhstan?", "did he come back?"])
    assert (back.answered, back.facts) == (True, ("osce_summit_2010",))
    assert back.text.startswith("Yes — 1–2 December 2010:")


def test_was_he_back_after_what_was_signed_on_his_visit(engine, ask_in_turn):
    *_, back = ask_in_turn(engine, [
        "Which Serbian president was the first to make a state visit to Kazakhstan?",
        "what did the two countries sign then?", "was he back in Kazakhstan later that year?"])
    assert (back.answered, back.facts) == (True, ("osce_summit_2010",))


def test_when_did_he_come_back_is_the_return_alone(engine_of, ask_in_turn):
    fourth = engine_of("fourth")
    first, back = ask_in_turn(fourth, [
        "When did King Osric II make the first state visit to Belmora?",
        "when did he come back?"])
    assert back.text == "April 1989: King Osric II returned to Oranta to unveil the statue of Ada Lindqvist."
