""""Who succeeded Ingrid Halvorsen?" is answered by the fact that says "succeeded", not
first by her own appointment (a word of the same topic); "Who was the first Velusian in
space?" only by a fact that says "first" of it, not by the earliest fact naming Velusia
(issue 8: what the question asks for must be what the fact gives)."""
from __future__ import annotations


def test_the_deed_in_the_questions_own_word_comes_first(space, engine):
    answer = space.answer("Who succeeded Ingrid Halvorsen?")
    assert (answer.answered, answer.facts) == (True, ("reyvik_appointed",))
    # not of a deed done to no one named: "was in Astana" is a visit too
    answer = engine.answer("Who visited Kazakhstan in 2010?")
    assert (answer.answered, answer.facts) == (True, ("tadic_visit_2010", "osce_summit_2010"))


def test_a_first_of_a_nationality_is_what_a_text_says(space):
    answer = space.answer("Who was the first Velusian in space?")
    assert (answer.answered, answer.facts) == (True, ("aurora_2_mission",))


def test_what_the_subject_does_in_the_questions_word_comes_first(fourth):
    # "export" is a word of the trade topic, as "bilateral trade … stood at" is
    answer = fourth.answer("What does Kestria export to Belmora?")
    assert (answer.answered, answer.facts) == (True, ("export_structure",))
