"""A follow-up resolves against the previous answer: what it said, the person it has do
what is asked, the pivot of "before/after", the thing "it" is — and declines where
none of that holds (a wrong referent is worse than a decline)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

RURITANIA = Path(__file__).resolve().parent / "fixtures" / "ruritania"


@pytest.fixture(scope="module")
def ruritania():
    return Engine(load_knowledge(RURITANIA))


def _last(ask_in_turn, engine, questions):
    return ask_in_turn(engine, questions)[-1]


# --- what was just said, before its occasion ---------------------------------------

def test_who_attended_is_of_the_ceremony_just_told_not_its_visit(ask_in_turn, engine):
    answers = ask_in_turn(engine, ["Tell me about the Tesla street", "who attended?",
                                   "what did he talk about?"])
    assert answers[1].facts == ("tesla_street_inaugurated",)
    # "he" is the one the fact has talk (the mayor), not Vučić's 2018 request
    assert answers[2].facts == ("tesla_street_inaugurated",)


def test_who_attended_the_forum_just_told(ask_in_turn, norland):
    answers = ask_in_turn(norland, ["When was the second Business Forum held?",
                                    "who attended?", "and the forum after that?"])
    assert answers[1].facts == ("business_forum_2005",)
    assert answers[2].facts == ("business_forum_2012",)


def test_where_was_she_is_where_what_she_said_was_said(ask_in_turn, space):
    answer = _last(ask_in_turn, space, ["When did the Selene lander land?",
                                        "what did Velikova say?", "where was she?"])
    assert answer.facts == ("velikova_selene_statement",)


# --- before / after keep their pivot ----------------------------------------------

def test_and_after_is_after_the_same_pivot_not_the_same_visit_again(ask_in_turn, engine):
    answers = ask_in_turn(engine, ["When did Nikolić visit Kazakhstan?", "what did he say?",
                                   "and the visit before that?", "and after?"])
    assert answers[2].facts == ("osce_summit_2010",)
    assert answers[3].facts == ("nazarbayev_visit_2016",)


def test_and_before_after_the_next_mission(ask_in_turn, space):
    answer = _last(ask_in_turn, space, ["When did Aurora 4 launch?",
                                        "and the mission after that?", "and before?"])
    assert answer.facts == ("aurora_3_mission",)


def test_nothing_on_the_other_side_is_a_decline(ask_in_turn, engine):
    answer = _last(ask_in_turn, engine, ["When did Tadić visit Kazakhstan in 2010?",
                                         "and the visit after that?", "and before?"])
    assert not answer.answered and answer.facts == ()


# --- "it" and "and X?" ------------------------------------------------------------

def test_when_did_it_reach_the_moon_is_its_own_deed_not_the_launch(ask_in_turn, space):
    answer = _last(ask_in_turn, space, ["When did Nova 1 launch?", "where from?",
                                        "and when did it reach the Moon?"])
    assert answer.facts == ("nova_1_lunar_orbit",)


def test_and_x_names_its_own_thing_not_the_threads(ask_in_turn, fourth):
    answer = _last(ask_in_turn, fourth, ["When was the University of Water Studies opened?",
                                         "who was its first rector?",
                                         "and the joint master's programme?"])
    assert answer.facts == ("hydrology_masters",)


def test_and_when_was_the_protocol_signed_is_still_the_dams(ask_in_turn, fourth):
    answer = _last(ask_in_turn, fourth, ["When was the Hallen Dam built?", "who protested?",
                                         "and when was the protocol signed?"])
    assert answer.facts == ("hallen_protocol_signed",)


def test_who_announced_it_is_of_the_event_the_question_named(ask_in_turn, fifth):
    answers = ask_in_turn(fifth, ["When was the line electrified?", "who announced it?",
                                  "what did he say?"])
    assert answers[1].facts == ("electrification_announced",)
    assert answers[2].facts == ("seldane_quote",)


# --- whom "she" and "he" stand for -------------------------------------------------

def test_she_after_who_is_her_father_is_still_her(ask_in_turn, norland):
    answer = _last(ask_in_turn, norland, ["When did Elin Kvale visit Estavia?",
                                          "who is her father?", "what did she sign?"])
    assert answer.facts == ("cultural_agreement_2018",)


def test_he_after_a_declined_question_about_the_king_is_not_surely_the_visitor(
        ask_in_turn, ruritania):
    answer = _last(ask_in_turn, ruritania, [
        "When did Firefly visit Strelsau?", "how long did he stay?",
        "and when did the king come back the favour?", "where did he go?"])
    assert not answer.answered and answer.facts == ()


def test_he_after_a_declined_question_about_the_president(ask_in_turn, ruritania):
    answer = _last(ask_in_turn, ruritania, ["When did Elphberg visit Fredville?",
                                            "and when did the president come?",
                                            "where did he go?"])
    assert not answer.answered and answer.facts == ()


def test_and_his_brother_is_not_his_own_award_again(ask_in_turn, engine):
    answer = _last(ask_in_turn, engine, ["Кто такой Драгомир Карич?",
                                         "какую награду он получил?", "а его брат?"])
    assert not answer.answered and answer.facts == ()


# --- out of scope stays declined ---------------------------------------------------

@pytest.mark.parametrize("base, questions", [
    ("ours", ["When was the Tesla street opened?", "who attended?",
              "what did he say about Kosovo?"]),
    ("ours", ["When did Tokayev visit Serbia?", "who did he meet there?",
              "what did they sign?"]),
    ("ours", ["When was the visa agreement signed?", "who announced it?"]),
    ("second", ["When did Nova 1 launch?", "and when did it reach Mars?"]),
    ("second", ["When did the Selene lander touch down?", "what did Velikova say?",
                "where was she born?"]),
    ("third", ["Who is Sofia Varga?", "who is her father?", "what did she sign in 1999?"]),
    ("fifth", ["When was the line electrified?", "who opposed it?"]),
])
def test_out_of_scope_follow_ups_decline(ask_in_turn, engine_of, base, questions):
    answer = _last(ask_in_turn, engine_of(base), questions)
    assert not answer.answered and answer.facts == ()


# --- a thing the answer names in passing, or the thing the thread is on --------------

def test_that_monument_is_the_one_the_answer_names_in_passing(ask_in_turn, engine):
    answer = _last(ask_in_turn, engine, ["Tell me about the Tesla street", "who attended?",
                                         "what did he talk about?",
                                         "and where is that monument?"])
    assert answer.facts == ("jabayev_bust_unveiled",)


def test_where_did_it_first_meet_is_the_body_the_treaty_created(ask_in_turn, fifth):
    answer = _last(ask_in_turn, fifth, ["When was the Treaty of Brisca signed?",
                                        "who signed it?", "what did Benn say?",
                                        "what did it create?", "where did it first meet?"])
    assert answer.facts == ("commission_first_meeting",)


def test_where_is_it_is_where_the_thing_the_thread_is_on_stands(ask_in_turn, fourth):
    answer = _last(ask_in_turn, fourth, ["When was the University of Water Studies opened?",
                                         "who was its first rector?", "where is it?"])
    assert answer.facts == ("water_university_opened",)


def test_what_was_signed_during_that_visit_is_of_the_visit_just_told(ask_in_turn, fourth):
    answer = _last(ask_in_turn, fourth, ["What is the most recent visit in the article?",
                                         "and the one before that?",
                                         "and the one before that?",
                                         "what was signed during that visit?"])
    assert not answer.answered and answer.facts == ()


def test_his_third_visit_is_of_the_one_the_thread_asked_of(ask_in_turn, norland):
    answers = ask_in_turn(norland, ["When did Anders Kvale first visit Estavia?",
                                    "who did he meet?", "what did they sign?",
                                    "and his third visit?", "and his fifth visit?"])
    assert answers[3].facts == ("kvale_visit_2007",)
    assert not answers[4].answered and answers[4].facts == ()


def test_who_runs_it_is_of_the_thing_not_of_the_opening(ask_in_turn, fourth):
    answers = ask_in_turn(fourth, ["When was the ferry line opened?", "who runs it?"])
    assert answers[1].facts == ("marren_line_operator",)
    answer = _last(ask_in_turn, fourth, ["When was the ferry line opened?", "who built it?"])
    assert not answer.answered and answer.facts == ()
