"""A person named as the author of a named work ("the song Luckasta si ti *by* Miroslav
Ilić") did not do what the fact says was done with it: "Did Miroslav Ilić perform in
Belgrade?" is no "Yes" — the singers performed his song (issue 8: a known name with an
occasion it was never part of)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "Did Miroslav Ilić perform in Belgrade?",
    "Did Miroslav Ilic sing at the ceremony?",
    "Did Miroslav Ilić attend the bust ceremony?",
])
def test_the_author_is_not_said_to_do_it(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == \
        (False, (), ("jabayev_bust_unveiled",))


def test_who_did_it_is_still_answered(engine):
    answer = engine.answer("Who performed Luckasta si ti?")
    assert (answer.answered, answer.facts) == (True, ("jabayev_bust_unveiled",))


def test_the_same_on_a_base_of_another_domain(small_base):
    engine = small_base("""\
- {id: ostland, type: country, name: Ostland}
- {id: varn, type: place, name: Varn, country: ostland}
- {id: the_long_night, type: thing, name: The Long Night}
- {id: ivo_marek, type: person, name: Ivo Marek}
- {id: city_players, type: organisation, name: City Players}
""", """\
- id: play_staged
  kind: performance
  date: 1931-03-12
  section: Stage
  who: [city_players, ivo_marek]
  where: [varn]
  question: When did the City Players stage The Long Night?
  text: In Varn, the City Players staged the play The Long Night by Ivo Marek.
""", "concepts:\n  performance: [staged, stage, performed, perform, play, acted]\n")
    answer = engine.answer("Did Ivo Marek perform in Varn?")
    assert (answer.answered, answer.facts) == (False, ())
    answer = engine.answer("Did the City Players perform in Varn?")
    assert (answer.answered, answer.facts) == (True, ("play_staged",))
    assert answer.text.startswith("Yes — ")
