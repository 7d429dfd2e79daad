""""how many passengers can it carry?" right after "The ferry Silvane Star, the largest
ship of the line …, entered service": "it" is first the thing that takes part in the
answer's fact (the ship), before the topics it is tagged with (the ferry line, which
"carried 410,000 passengers"). Through answer() with the context it returns, on the
fourth base; asserted exactly."""
from __future__ import annotations


def test_it_is_the_ship_not_its_line(engine_of, ask_in_turn):
    fourth = engine_of("fourth")
    ship, carry = ask_in_turn(fourth, ["which is the largest ship of the line?",
                                       "how many passengers can it carry?"])
    assert ship.facts == ("silvane_star_service",)
    assert (carry.answered, carry.facts) == (True, ("silvane_star_service",))
    assert carry.text.startswith("900 in all:")
