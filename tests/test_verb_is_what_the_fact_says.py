"""The question's own verb must be what the fact says of the thing asked about: a fact
that only names the thing, or says another deed of it, is no answer (issue 8)."""
from __future__ import annotations

import pytest


def _declined(engine, question: str) -> None:
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("base, question", [
    # "owns" is the verb, not the stop word "own" ("its own"): nothing says who owns them
    ("fourth", "Who owns the Silvane Star?"),
    ("fourth", "Who owns the Hallen Dam?"),
    ("fifth", "Who owns the Lantern Line?"),
    # "based" is no stop word (only "based on" is): the fact base has nothing about it
    ("fifth", "Where is the Joint Railway Commission based?"),
    # "study" is the verb ("studying" is chatter only as written)
    ("fifth", "Where did Isolde Marrin study?"),
    # a word of a pack synonyms group is no typo of a cue ("funded" is not "founded")
    ("fifth", "Who funded the railway?"),
])
def test_a_verb_read_as_a_stop_word_or_a_typo_still_holds(engine_of, base, question):
    _declined(engine_of(base), question)


def test_its_own_is_still_no_topic(engine):
    answer = engine.answer("When did Serbia open its own embassy in Astana?")
    assert (answer.answered, answer.facts) == (True, ("serbian_embassy_opened",))


def test_a_listed_word_the_fact_base_uses_still_answers(fourth):
    answer = fourth.answer("What does the Aldane–Vandahl Scholarship fund?")
    assert (answer.answered, answer.facts) == (True, ("scholarship_founded",))


@pytest.mark.parametrize("question", [
    "Who met King Osric II in Lunsk?",       # he met Osta in Oranta, then went to Lunsk
    "Who did King Osric II meet in Lunsk?",
])
def test_the_place_is_where_the_verb_happened(fourth, question):
    _declined(fourth, question)


def test_the_place_of_the_verb_answers(fourth, club):
    answer = fourth.answer("Who did King Osric II meet in Oranta?")
    assert (answer.answered, answer.facts) == (True, ("osric_visit_1979",))
    answer = club.answer("Where was the first Harbour Cup played?")
    assert (answer.answered, answer.facts) == (True, ("cup_2002",))


@pytest.mark.parametrize("question", [
    # Paulo Vandre is named as the author of the design, not as whoever built it
    "Who built Teranzo Central Station?",
])
def test_the_author_of_another_thing_is_not_the_doer(fifth, question):
    _declined(fifth, question)


@pytest.mark.parametrize("question, fact", [
    ("Who designed Teranzo Central Station?", "teranzo_station_built"),
    ("Who was the architect of Teranzo Central Station?", "teranzo_station_built"),
    # built by Halloran & Sons, to a design by Tomas Reyk: both are said
    ("Who built the Ammel Viaduct?", "viaduct_built"),
    ("Who designed the Ammel Viaduct?", "viaduct_built"),
    ("Who founded the Brisca Railway Museum?", "museum_founded"),
])
def test_the_doer_of_the_verb_answers(fifth, question, fact):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_a_who_answer_is_someone_the_text_names(fourth):
    # "was founded, named after the two foreign ministers": no founder is named
    _declined(fourth, "Who founded the Aldane–Vandahl Scholarship?")


@pytest.mark.parametrize("question", [
    "Did Kestria recognise Halmland's claim?",     # Kestria administers them
    "Does Halmland recognise Kestrian sovereignty over the Skarn Islands?",
    "Who recognised Halmland's claim to the Skarn Islands?",
    # the dispute is only a tag of the vote, whose text does not have Halmland do anything
    "Does Halmland administer the Skarn Islands?",
])
def test_another_deed_of_the_same_topic_is_no_yes(fourth, question):
    _declined(fourth, question)


def test_the_text_tells_claiming_from_administering(fourth):
    answer = fourth.answer("Did Kestria claim the Skarn Islands?")
    assert "skarn_status" not in answer.facts
    assert not answer.text.startswith("Yes")
    for question in ("Did Halmland claim the Skarn Islands?",
                     "Does Kestria administer the Skarn Islands?"):
        answer = fourth.answer(question)
        assert (answer.answered, answer.facts) == (True, ("skarn_status",))
        assert answer.text == ("Yes — The Skarn Islands are administered by Kestria and "
                               "claimed by Halmland.")


def test_a_stance_by_another_word_still_answers(engine):
    # "has taken Serbia's position": the support is said, by other words of the text
    answer = engine.answer("Does Kazakhstan support Serbia on the Kosovo issue?")
    assert (answer.answered, answer.facts) == (True, ("kosovo_stance",))
