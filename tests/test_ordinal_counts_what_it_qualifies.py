"""An ordinal, "first" or "last" counts occasions of exactly what it stands before — the
noun with its modifiers, in the question's own word where the fact base's concept lumps
several things — among the facts that hold the rest of the question; where fewer are
recorded than it asks, or the earliest record need not be the first, it declines."""
import pytest


def facts(answer):
    return answer.answered, answer.facts


# --- the n-th of a role counts the people in it, by the question's own word ---------

@pytest.mark.parametrize("question, expected", [
    ("Who was the first Director-General?", ("halvorsen_appointed",)),
    ("Who was the second Director-General?", ("reyvik_appointed",)),
    # not Rafael Ondo, "director of the Meridian Space Organisation"
    ("Who was the third Director-General?", ("velikova_appointed",)),
])
def test_nth_holder_of_a_role(space, question, expected):
    assert facts(space.answer(question)) == (True, expected)


def test_no_fourth_director_general(space):
    answer = space.answer("Who was the fourth Director-General?")
    assert facts(answer) == (False, ())
    assert answer.text.startswith("The fact base records only 3 of those.")


def test_role_follow_ups_count_people_in_the_role(space, ask_in_turn):
    answers = ask_in_turn(space, ["Who was the first Director-General?", "and the second?",
                                  "and the one after that?", "and the one after that?"])
    assert [facts(a) for a in answers] == [
        (True, ("halvorsen_appointed",)), (True, ("reyvik_appointed",)),
        (True, ("velikova_appointed",)), (False, ())]


# --- "the first <role> to …": a holder who takes part, a fact that says "first" ----

def test_first_of_a_role_takes_part(engine):
    # not Nazarbayev's visit to Belgrade, where he met Prime Minister Vučić
    assert facts(engine.answer("Who was the first Serbian prime minister to visit "
                               "Kazakhstan?")) == (True, ("vucic_visit_2016",))
    # the Order went to Nikolić, a Serbian president
    assert facts(engine.answer("Who was the first Kazakh president to receive the Order of "
                               "Friendship?")) == (False, ())


def test_first_of_a_role_said_first(engine):
    assert facts(engine.answer("Who was the first Serbian president to visit Kazakhstan?")) \
        == (True, ("tadic_visit_2010",))


def test_earliest_director_recorded_is_not_the_first(fifth, club):
    # the fact base only says the company exists: its first director may predate Reyk
    assert facts(fifth.answer("Who was the first director of the Morvath Railway Company?")) \
        == (False, ())
    assert facts(fifth.answer("Who was the first chair of the Joint Railway Commission?")) \
        == (True, ("ferrant_chair",))
    # a club whose founding is recorded: its earliest manager recorded is its first
    assert facts(club.answer("Who was the first manager of the club?")) == \
        (True, ("berg_appointed",))


# --- occasions plainly of the thing counted -----------------------------------------

def test_launch_sites_are_the_sites_not_launches_from_them(space):
    assert facts(space.answer("Which was the second launch site?")) == \
        (True, ("tallis_point_opened",))
    # "Frostvik Pad 2, a second launch pad at Frostvik Cosmodrome" is no third site
    answer = space.answer("Which was the third launch site?")
    assert facts(answer) == (False, ())
    assert answer.text.startswith("The fact base records only 2 of those.")


def test_a_medal_for_the_first_spacewalk_is_no_second_spacewalk(space):
    answer = space.answer("Where did Mara Velikova make her second spacewalk?")
    assert facts(answer) == (False, ())
    assert answer.text.startswith("The fact base records only 1 of those.")
    assert facts(space.answer("Where did Mara Velikova make her first spacewalk?")) == \
        (True, ("velikova_spacewalk",))
    # "last" of "how long did it last?" is no "latest"
    assert facts(space.answer("How long did Velikova's spacewalk last?")) == \
        (True, ("velikova_spacewalk",))


def test_the_question_word_where_the_concept_lumps_several(fifth):
    # the base's "accident" also holds the 1988 derailment; only one flood is recorded
    answer = fifth.answer("When did the second flood happen?")
    assert facts(answer) == (False, ())
    assert answer.text.startswith("The fact base records only 1 of those.")
    assert facts(fifth.answer("When did the first flood happen?")) == (True, ("tunnel_flood",))
    # the concept's own word counts all of it
    assert facts(fifth.answer("What was the second accident?")) == \
        (True, ("dunmere_derailment",))


@pytest.mark.parametrize("question, expected", [
    ("What was Vučić's second trip to Astana?", ("vucic_visit_2017",)),
    ("What was Vučić's third visit to Astana?", ("vucic_visit_2018",)),
])
def test_a_word_of_the_same_meaning_counts_all_of_them(engine, question, expected):
    assert facts(engine.answer(question)) == (True, expected)


# --- "the first/last <event>" with something asked of it -----------------------------

def test_contracts_of_the_first_forum_are_not_the_fourths(norland):
    assert facts(norland.answer("What contracts were signed at the first Business Forum?")) \
        == (False, ())
    assert facts(norland.answer("What contracts were signed at the fourth Business Forum?")) \
        == (True, ("business_forum_2019",))
    assert facts(norland.answer("What contracts were signed at the last Business Forum?")) \
        == (True, ("business_forum_2019",))


def test_who_opened_the_first_and_the_last_forum(norland):
    assert facts(norland.answer("Who opened the first Business Forum?")) == \
        (True, ("business_forum_2003",))
    # the fourth forum's opening is not recorded
    assert facts(norland.answer("Who opened the last Business Forum?")) == (False, ())


def test_last_meeting_is_not_the_one_that_was_the_first(fifth):
    assert facts(fifth.answer("Where did the Joint Railway Commission last meet?")) == \
        (False, ())
    assert facts(fifth.answer("Where did the Joint Railway Commission first meet?")) == \
        (True, ("commission_first_meeting",))
    assert facts(fifth.answer("When did the Lantern Express make its last run?")) == \
        (True, ("lantern_last_run",))
