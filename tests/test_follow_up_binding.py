"""A follow-up is bound to the previous answer: one that names nothing to stand alone by
is about what that answer is about, and is declined when no fact of it answers — never
answered with another occasion's fact. Through answer() with the context it returns, on
the fifth base (an invented railway) and the fourth; asserted exactly."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def railway(engine_of):
    return engine_of("fifth")


def test_the_driver_of_a_derailment_no_fact_names_is_declined(railway, ask_in_turn):
    # The derailment names no driver; the one driver the base has set a speed record
    # elsewhere, 49 years before.
    happened, driver = ask_in_turn(railway, ["What happened near Dunmere in April 1988?",
                                             "who was the driver?"])
    assert (happened.answered, happened.facts) == (True, ("dunmere_derailment",))
    assert (driver.answered, driver.facts) == (False, ())
    assert driver.nearest == ("speed_record",)


def test_the_blame_for_the_flood_is_not_another_accidents_cause(railway, ask_in_turn):
    *_, stopped, blame = ask_in_turn(railway, [
        "What happened in the Greyfell Tunnel in early 1915?", "how long did work stop?",
        "who was to blame for the flood?"])
    assert (stopped.answered, stopped.facts) == (True, ("work_stopped",))
    assert (blame.answered, blame.facts) == (False, ())


def test_when_the_work_ended_is_the_works_date_not_the_statements(railway, ask_in_turn):
    # The statement is tagged with electrification; the work is an event of its own.
    *_, said, ended = ask_in_turn(railway, ["Who announced the electrification of the line?",
                                            "what did he say?",
                                            "when did the electrification work end?"])
    assert said.facts == ("seldane_quote",)
    # (the first electric train of October 1967 says no end of the work: the span first)
    assert (ended.answered, ended.facts) == (True, ("electrification_work",))


def test_a_question_about_the_threads_thing_found_across_the_record_still_answers(
        fourth, ask_in_turn):
    # The ship is the ferry line's, which the thread is about.
    *_, crossing, ship = ask_in_turn(fourth, ["When did the ferry line across Lake Marren open?",
                                              "how long does the crossing take?",
                                              "which is the largest ship of the line?"])
    assert crossing.facts == ("ferry_crossing",)
    assert (ship.answered, ship.facts) == (True, ("silvane_star_service",))


def test_the_same_question_with_no_thread_is_read_on_its_own(railway):
    answer = railway.answer("who was the driver?")
    assert (answer.answered, answer.facts) == (True, ("speed_record",))


def test_she_after_who_was_his_mother_is_the_mother_the_answer_names(railway, ask_in_turn):
    # The mother is named only in passing (a tag of her son's appointment), not as a doer.
    *_, mother, proposed = ask_in_turn(railway, ["Who founded the Brisca Railway Museum?",
                                                 "who was his mother?",
                                                 "what did she propose?"])
    assert mother.answered and "victor_director" in mother.facts
    assert (proposed.answered, proposed.facts) == (True, ("marrin_proposal",))


def test_who_he_met_there_what_they_signed_and_when_exactly(railway, ask_in_turn):
    # "meet" is also the fact base's word for a commission's meetings; "they" are the
    # two who met, and the treaty another occasion of theirs.
    visit, met, signed, when = ask_in_turn(railway, ["Who visited Teranzo in October 1907?",
                                                     "who did he meet there?",
                                                     "what did they sign?",
                                                     "when exactly?"])
    assert visit.facts == ("valling_visit",)
    assert (met.answered, met.facts) == (True, ("valling_visit",))
    assert (signed.answered, signed.facts) == (True, ("treaty_signed",))
    # "when exactly?" is the date of what was just said, not of what was said at it.
    assert (when.answered, when.facts) == (True, ("treaty_signed",))
    assert when.text.startswith("14 March 1908: ")


def test_they_are_not_people_where_the_previous_answer_names_one(railway, ask_in_turn):
    # One person is no "they": the plural stays the previous answer's thing.
    founded, signed = ask_in_turn(railway, ["Who founded the Brisca Railway Museum?",
                                            "what did they sign?"])
    assert founded.facts == ("museum_founded",)
    assert (signed.answered, signed.facts) == (False, ())


def test_it_stays_the_thing_the_thread_named(railway, ask_in_turn):
    # "who designed it?" names no thing of its own; "it" is still the viaduct, not the
    # firm that built it.
    *_, designed, arches = ask_in_turn(railway, ["Who built the Ammel Viaduct?",
                                                 "who designed it?",
                                                 "how many arches does it have?"])
    assert designed.facts == ("viaduct_built",)
    assert (arches.answered, arches.facts) == (True, ("viaduct_size",))
    assert arches.text.startswith("38 in all:")


def test_how_long_is_it_after_a_statement_about_the_thread_thing(railway, ask_in_turn):
    # The statement is about the high-speed line; "how long" asks its length, which the
    # statement does not give; the line's own fact does.
    *_, said, length = ask_in_turn(railway, ["When did the high-speed line open?",
                                             "who opened it?",
                                             "what did Oduya say?",
                                             "how long is it?"])
    assert said.facts == ("oduya_quote",)
    assert length.answered and length.facts[0] == "hs_length"


def test_its_seat_is_the_seat_of_what_the_answer_created(fourth, ask_in_turn):
    # The treaty (named) has no seat; the commission it created (what the answer is
    # about) has.
    *_, created, seat = ask_in_turn(fourth, ["When was the Silvane Waters Treaty signed?",
                                             "who signed it?",
                                             "what did it create?",
                                             "where does the commission have its seat?"])
    assert created.facts == ("waters_treaty",)
    assert (seat.answered, seat.facts) == (True, ("commission_seat",))


def test_what_caused_it_is_the_finding_about_that_occasion(railway, ask_in_turn):
    # The derailment's own fact gives no cause; the one undated finding about a
    # derailment near Dunmere does. The driver is still no fact's.
    *_, caused, driver = ask_in_turn(railway, ["What happened near Dunmere in April 1988?",
                                               "how many people were killed?",
                                               "what caused it?",
                                               "who was the driver?"])
    assert (caused.answered, caused.facts) == (True, ("derailment_cause",))
    assert (driver.answered, driver.facts) == (False, ())


def test_why_is_it_called_that_is_the_naming_of_the_threads_thing(railway, ask_in_turn):
    began, why = ask_in_turn(railway, ["When did the Lantern Express begin running?",
                                       "why is it called that?"])
    assert began.facts == ("lantern_express_began",)
    assert (why.answered, why.facts) == (True, ("lantern_name",))


def test_he_after_who_is_her_father_is_the_father_the_best_fact_names(norland, ask_in_turn):
    # The father is named only in the text of her visit; the next fact's co-signer is
    # no answer to "who is her father?".
    *_, father, first = ask_in_turn(norland, ["When did Elin Kvale visit Estavia?",
                                              "who is her father?",
                                              "when did he first visit Estavia?"])
    assert father.facts[0] == "elin_kvale_visit_2018"
    assert (first.answered, first.facts) == (True, ("kvale_visit_1999",))


def test_again_is_another_occasion_than_the_one_just_answered(norland, engine, ask_in_turn):
    first, again = ask_in_turn(norland, ["When did Elin Kvale first visit Estavia?",
                                         "when did she visit again?"])
    assert first.facts == ("elin_kvale_visit_2018",)
    assert (again.answered, again.facts) == (True, ("elin_kvale_visit_2025",))
    # Nazarbayev met them in Belgrade once: "again" is no fact's.
    for met, again in (("Who did Nazarbayev meet in Belgrade in 2016?", "when did they meet again?"),
                       ("Кого Назарбаев встретил в Белграде в 2016 году?",
                        "когда они снова встретились?")):
        visit, later = ask_in_turn(engine, [met, again])
        assert visit.facts == ("nazarbayev_visit_2016",)
        assert (later.answered, later.facts) == (False, ())


def test_what_was_agreed_after_a_visit_that_agreed_nothing_is_declined(engine, ask_in_turn):
    # No fact says anything was agreed during Tokayev's visit: not other years' deals.
    visit, agreed = ask_in_turn(engine, ["When did Tokayev visit Serbia?", "what was agreed?"])
    assert visit.facts == ("tokayev_visit_2024",)
    assert (agreed.answered, agreed.facts) == (False, ())
