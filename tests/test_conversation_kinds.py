"""Follow-ups by kind, on the fourth base (invented Belmora–Kestria relations, written
without reading the engine): what "it", "the dispute", "come back" and a question of
only topics refer to after the previous answer. Through answer() and the context it
returns; asserted exactly."""
from __future__ import annotations


def _got(answer):
    return answer.answered, answer.facts


def test_a_phrase_of_a_synonym_group_is_read_as_the_form_the_base_uses(fourth, ask_in_turn):
    # "come back" is in the pack's group of "return"; the base's cue is "returned",
    # which shares its stem with "return", the group's first member. Coming back is
    # another occasion than the visit the opening was part of (see test_coming_back).
    *_, back = ask_in_turn(fourth, ["Who opened the Kestrian Cultural Centre in Oranta?",
                                    "when did he come back?"])
    assert _got(back) == (True, ("osric_visit_1989",))


def test_it_is_a_topic_the_thread_named_in_passing(fourth, ask_in_turn):
    # "who runs it?" keeps Lake Marren as a topic in passing; "it" may still be it.
    _, runs = ask_in_turn(fourth, ["When did the ferry line across Lake Marren open?",
                                   "who runs it?"])
    assert _got(runs) == (True, ("marren_line_operator",))


def test_a_detail_the_occasion_lacks_is_what_an_undated_fact_says(fourth, ask_in_turn):
    # The opening gives no length; the crossing's standing length answers, not the
    # passengers of 2022 (another, dated occasion).
    _, crossing = ask_in_turn(fourth, ["When did the ferry line across Lake Marren open?",
                                       "how long does the crossing take?"])
    assert _got(crossing) == (True, ("ferry_crossing",))


def test_a_preposition_is_no_condition_of_a_who_question(fourth, ask_in_turn):
    _, protested = ask_in_turn(fourth, ["When was the Hallen Dam built?",
                                        "who protested against it?"])
    assert _got(protested) == (True, ("valcor_protest",))


def test_a_question_of_topics_only_is_about_what_the_thread_is_about(fourth, ask_in_turn):
    # "the dispute" after the protest against the dam: the dispute over the dam, which
    # the Hallen Protocol settled, not the one over the Skarn Islands.
    *_, settled, prepared = ask_in_turn(fourth, [
             "When was the Hallen Dam built?", "who protested against it?",
             "how was the dispute settled?", "who visited Oranta to prepare it?"])
    assert _got(settled) == (True, ("hallen_protocol_signed",))
    # "it": each thing the answer is about is tried (the protocol, the dam); one holds.
    assert _got(prepared) == (True, ("holt_visit_1997",))


def test_the_thread_is_no_way_round_a_detail_the_occasion_lacks(engine, ask_in_turn):
    # The visit names five ministers but not who; no topic of it makes it say so.
    *_, names = ask_in_turn(engine, [
             "What did Vučić, Dragomir Karić and Sagintayev inaugurate on 9 October 2018?",
             "where was that?", "who came with Vučić on that trip?",
             "what are the ministers' names?"])
    assert _got(names) == (False, ())
