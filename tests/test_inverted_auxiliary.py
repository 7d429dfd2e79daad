"""A question puts the person pronoun between the auxiliary and the rest of a topic's
phrase: "was he back in Kazakhstan?" is the fact base's "was back" (a visit) said of
him, still a yes/no question; "was he in Corvena?" keeps "in" for the place. Through
answer() with the context it returns, on our base and the third; asserted exactly."""
from __future__ import annotations


def test_was_he_back_is_the_phrase_was_back_of_him(engine, ask_in_turn):
    first, back = ask_in_turn(engine, [
        "Which Serbian president was the first to make a state visit to Kazakhstan?",
        "was he back in Kazakhstan later that year?"])
    assert first.facts == ("tadic_visit_2010",)
    assert (back.answered, back.facts) == (True, ("osce_summit_2010",))
    assert back.text.startswith("Yes — 1–2 December 2010: Boris Tadić was in Astana")


def test_was_he_in_keeps_in_for_the_place(engine_of, ask_in_turn):
    norland = engine_of("third")
    trip, again = ask_in_turn(norland, ["When did Jonas Eklund visit Corvena?",
                                        "was he in Corvena again later?"])
    assert trip.text == "15–16 February 2010: Norlandic Prime Minister Jonas Eklund visited Corvena."
    assert again.answered and again.text.startswith("Yes — 10–11 October 2012:")
