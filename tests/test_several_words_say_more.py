""""Since when did Kestria have a *trade agency* in Oranta?": where a concept is named by
a cue of several words, the fact whose text says those words is the answer before others
of the concept only (the embassy, the first ambassador). A count counts all of them, as
the fact base's vocabulary has them ("How many state visits?")."""
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge


@pytest.mark.parametrize("base, question, facts", [
    ("fourth", "Since when did Kestria have a trade agency in Oranta?", ("trade_agency",)),
    ("fourth", "On which day did the ferry line open?", ("ferry_opened",)),
    ("fifth", "How long did the first train's journey take?", ("first_journey_time",)),
    ("engine", "Who is Kazakhstan's honorary consul in Serbia?", ("honorary_consul_2015",)),
])
def test_the_fact_that_says_the_words(request, base, question, facts):
    answer = request.getfixturevalue(base).answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_a_count_counts_the_concept():
    ruritania = Engine(load_knowledge(Path(__file__).parent / "fixtures" / "ruritania"))
    answer = ruritania.answer("How many state visits were there?")
    assert answer.answered and answer.text.startswith("2 in all")
