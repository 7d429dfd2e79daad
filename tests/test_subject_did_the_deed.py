"""The one a question says did something ("When did *Kazakhstan* open an embassy in
Astana?") must be among those the fact's text has do it ("*Serbia* opened an embassy in
Astana"), or their country: a fact of another's deed in the subject's country is no
answer, nor a yes (issue 8: a known name with a place it never had)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("base, question, nearest", [
    ("ours", "When did Kazakhstan open an embassy in Astana?", "serbian_embassy_opened"),
    ("ours", "Did Kazakhstan open an embassy in Astana?", "serbian_embassy_opened"),
    ("ours", "When did Serbia open a consulate in Belgrade?", "kazakh_consulate_belgrade"),
    ("ours", "When did Nikolić inaugurate the Tesla street?", "tesla_street_inaugurated"),
    ("fourth", "When did Belmora open its embassy in Oranta?", "kestria_embassy_opened"),
])
def test_another_doer_is_no_answer(engine, engine_of, base, question, nearest):
    answer = (engine if base == "ours" else engine_of(base)).answer(question)
    assert (answer.answered, answer.facts, nearest in answer.nearest) == (False, (), True)


@pytest.mark.parametrize("base, question, fact", [
    ("ours", "When did Serbia open an embassy in Astana?", "serbian_embassy_opened"),
    ("ours", "When did Kazakhstan open a consulate in Belgrade?", "kazakh_consulate_belgrade"),
    # a country of the doer, a doer of the country, a list of doers
    ("ours", "When did Serbia inaugurate a street in Astana?", "tesla_street_inaugurated"),
    ("ours", "When did Тадић sign the free trade agreement with Kazakhstan?",
     "free_trade_agreement_2010"),
    ("ours", "When did Kazakhstan sign a free trade agreement?", "free_trade_agreement_2010"),
    # a passive question: the subject is done to ("Vučić asked Kazakhstan …")
    ("ours", "Was Kazakhstan ever asked to open an embassy in Serbia?", "embassy_request_2018"),
    ("fourth", "When did Kestria open its embassy in Oranta?", "kestria_embassy_opened"),
])
def test_the_doer_or_its_country_is_answered(engine, engine_of, base, question, fact):
    answer = (engine if base == "ours" else engine_of(base)).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
