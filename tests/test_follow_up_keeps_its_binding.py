"""A follow-up keeps its binding: "and X?" repeats the previous question's shape with X,
even where that question was declined (a visit stays a visit, asked of the same person);
"it", "she" and "he" are bound to what the thread is about and the answer must hold that
binding (the same person in the role asked, "she" not a man the fact base says is one);
a follow-up that cannot be bound asks who is meant. Through answer() with the context it
returns, on our base and the second, third and fifth; asserted exactly."""
from __future__ import annotations

WHO_IS_MEANT = "Who or what do you mean? Please name them."


def _got(answer) -> tuple[bool, tuple[str, ...]]:
    return answer.answered, answer.facts


def test_and_x_after_a_declined_visit_stays_a_visit(engine, ask_in_turn):
    signed, tito, khrushchev = ask_in_turn(engine, [
        "Who signed the Belgrade declaration?", "when did Tito visit Kazakhstan?",
        "and Khrushchev?"])
    assert _got(signed) == (True, ("belgrade_declaration",))
    assert _got(tito) == (False, ())
    # (not the declaration he signed: no visit of his is recorded)
    assert _got(khrushchev) == (False, ())
    assert khrushchev.nearest == ("belgrade_declaration",)


def test_who_went_with_him_keeps_to_the_visit_the_thread_is_on(engine, ask_in_turn):
    *_, then, company = ask_in_turn(engine, [
        "Tell me about Vučić's 2017 trip", "and in 2018?", "who went with him?"])
    assert then.facts[0] == "vucic_visit_2018"
    assert _got(company) == (True, ("vucic_visit_2018",))


def test_it_after_a_declined_and_x_is_the_thing_that_named(space, ask_in_turn):
    *_, said, commanded = ask_in_turn(space, [
        "Tell me about Aurora 4", "who said something about it?",
        "and what about Aurora 5?", "who commanded it?"])
    assert _got(said) == (False, ())
    assert _got(commanded) == (True, ("aurora_5_mission",))


def test_he_is_not_someone_who_only_watched_the_deed(space, ask_in_turn):
    *_, gave, again = ask_in_turn(space, [
        "Who flew Aurora 1?", "what award did he get?", "who gave it to him?",
        "and when did he fly again?"])
    assert _got(gave) == (True, ("lindqvist_northern_star",))
    # Marsk watched the Aurora 2 launch; Lindqvist never flew again.
    assert _got(again) == (False, ())


def test_and_the_second_time_is_still_hers(norland, ask_in_turn):
    visits, second, received, giver, father = ask_in_turn(norland, [
        "When did Sofia Varga visit Halvik?", "and the second time?",
        "what did she receive?", "who gave her that?", "and her father?"])
    assert _got(visits) == (True, ("sofia_varga_visit_2016", "sofia_varga_visit_2022"))
    assert _got(second) == (True, ("sofia_varga_visit_2022",))
    assert _got(received) == (True, ("sofia_varga_polar_star",))
    assert _got(giver) == (True, ("sofia_varga_polar_star",))
    # (her father is not she)
    assert (father.answered, father.text) == (False, WHO_IS_MEANT)


def test_and_where_after_a_declined_year_keeps_that_year(norland, ask_in_turn):
    *_, met, where = ask_in_turn(norland, [
        "When did Jonas Eklund visit Corvena?", "what was signed?",
        "who did he meet in 2011?", "and where?"])
    assert _got(met) == (False, ())
    # (not the 2010 Corvena agreement)
    assert _got(where) == (True, ("stoica_visit_2011",))


def test_that_after_a_declined_and_the_tunnel_is_not_the_viaduct(fifth, ask_in_turn):
    *_, length, tunnel, designer = ask_in_turn(fifth, [
        "Who designed the Ammel Viaduct?", "how long is it?", "and the tunnel?",
        "who designed that?"])
    assert _got(length) == (True, ("viaduct_size",))
    assert _got(tunnel) == (False, ())
    assert (designer.answered, designer.text) == (False, WHO_IS_MEANT)


def test_when_after_a_declined_and_to_darrow_is_not_marrins_date(fifth, ask_in_turn):
    received, _, darrow, when = ask_in_turn(fifth, [
        "Who received the Order of the Iron Crown?", "who gave it to her?",
        "and to Darrow?", "when?"])
    assert _got(received) == (True, ("marrin_award",))
    assert _got(darrow) == (False, ())
    assert _got(when) == (False, ())


def test_she_is_not_the_king(fifth, ask_in_turn):
    *_, train, she, he = ask_in_turn(fifth, [
        "What happened at the opening of the line?", "who was on the first train?",
        "what did she say?", "what did he say?"])
    assert _got(train) == (True, ("first_train",))
    # Castor, the one left, said nothing the fact base records
    assert _got(she) == (False, ())
    assert she.nearest[0] == "first_train"
    assert _got(he) == (True, ("halvard_quote",))


def test_she_after_an_answer_about_two_is_no_ones_quote(fifth, ask_in_turn):
    *_, opened, she = ask_in_turn(fifth, [
        "When was the Kell Hadar Agreement signed?", "who signed it?",
        "when was the line opened?", "what did she say?"])
    assert _got(opened) == (True, ("hs_opened",))
    assert _got(she) == (False, ())  # (not Oduya's)
    opened, she = ask_in_turn(fifth, ["When was the high-speed line opened?",
                                      "what did she say?"])
    assert _got(opened) == (True, ("hs_opened",))
    assert (she.answered, she.text) == (False, WHO_IS_MEANT)
    _, named = ask_in_turn(fifth, ["When was the high-speed line opened?",
                                   "what did Oduya say?"])
    assert _got(named) == (True, ("oduya_quote",))


def test_is_it_finished_asks_what_holds_now(engine, ask_in_turn):
    what, finished = ask_in_turn(engine, ["What is BK Tesla Park?", "is it finished?"])
    assert _got(what) == (True, ("bk_tesla_park_construction",))
    assert (finished.answered, finished.facts) == (False, ())
    assert finished.text.startswith("I can't say what is true now")
    alone = engine.answer("Is BK Tesla Park finished?")
    assert (alone.answered, alone.text) == (False, finished.text)
    # (a present question a standing fact answers, or one of what there is, stays answered)
    assert _got(engine.answer("Is there a Nikola Tesla street in Astana?")) == \
        (True, ("tesla_street_inaugurated",))
