"""Three readings that keep a fact from answering what it does not: "*its first* X" (a
milestone of the owner's own), "what are A and B *like*?" (a judgement), and a correctly
spelled word one replaced letter from a stop word ("small" is no "shall"). On two or
three fact bases each.
"""
from __future__ import annotations

import pytest


# ------------------------------------------------------------------- "its first X"

def test_its_first_is_not_the_earliest_fact_the_owner_is_in(space):
    # a Valkyr rocket launched the lander Meridian helped build; Aurora 6 had "the first
    # foreign astronaut": neither says Meridian's first rocket
    answer = space.answer("When did Meridian launch its first rocket?")
    assert (answer.answered, answer.facts) == (False, ())
    assert set(answer.nearest) == {"selene_launch", "aurora_6_mission"}


@pytest.mark.parametrize("base, question, fact", [
    ("second", "When did the agency launch its first satellite?", "polaris_1_launch"),  # says it
    ("ours", "When did Serbia open its first embassy in Kazakhstan?",  # Serbia opened it
     "serbian_embassy_opened"),
    ("third", "When did Norland open its first trade office?", "trade_office_1978"),
])
def test_its_first_is_answered_by_a_fact_that_says_it_or_the_owner_doing_it(
        engine_of, base, question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


# ----------------------------------------------------------------- "what … like?"

@pytest.mark.parametrize("base, question, nearest", [
    ("second", "What are relations between Velusia and Calvera like?",
     "velikova_porto_alva_visit"),
    ("ours", "What are relations between Kazakhstan and Serbia like?", "relations_established"),
])
def test_what_something_is_like_is_declined_with_the_nearest_facts(engine_of, base, question,
                                                                     nearest):
    engine = engine_of(base)
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (False, (), (nearest,))
    assert answer.text.splitlines()[0] == engine.kb.language("en").templates["social_opinion"]


# ------------------------------------------------------------- typos into stop words

@pytest.mark.parametrize("base, question, word", [
    ("second", "What is the mission statement of a small company?", "small"),  # ("a good": an opinion)
    ("ours", "What did Masimov say about small countries?", "small"),
])
def test_a_word_one_replaced_letter_from_a_stop_word_is_not_read_as_it(engine_of, base,
                                                                       question, word):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == \
        f"I don't know that: the fact base has nothing about “{word}”."


def test_a_stop_word_with_letters_swapped_is_still_corrected(engine):
    assert engine.answer("When did Tokayev visit Serbia wiht Vučić?").text == \
        engine.answer("When did Tokayev visit Serbia with Vučić?").text
