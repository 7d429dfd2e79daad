"""Comparisons of two stated measures ("Which is longer, A or B?", "Is A longer than B?",
"How much shorter is A than B?") give both numbers and the verdict, each number the one
a fact states of that thing; counts are read from a number the text states of the word
asked, of a kind of it, or of the part the question names. Where one side is missing
the answer is a decline that says which."""
import pytest


def test_the_longer_of_two_tunnels(fifth):
    # the tunnel's 14.2 kilometres, not the "error of only nine centimetres" of its
    # headings; the new tunnel's 22.6 though its text is about the high-speed line
    answer = fifth.answer("Which is longer, the Greyfell Tunnel or the New Greyfell Tunnel?")
    assert (answer.answered, answer.facts) == (True, ("tunnel_length", "new_tunnel_length"))
    assert answer.text == (
        "Longer: New Greyfell Tunnel (22.6 kilometres; Greyfell Tunnel: 14.2 kilometres).\n"
        "The Greyfell Tunnel is 14.2 kilometres long and was the longest railway tunnel in "
        "either country until 2001.\n"
        "The high-speed line includes the New Greyfell Tunnel, which is 22.6 kilometres long.")


def test_a_yes_no_comparison_across_units(fifth):
    # 412 metres against 14.2 kilometres: the units compare, and the verdict is "No"
    answer = fifth.answer("Is the Ammel Viaduct longer than the Greyfell Tunnel?")
    assert (answer.answered, answer.facts) == (True, ("viaduct_size", "tunnel_length"))
    assert answer.text.split("\n")[0] == \
        "No — Longer: Greyfell Tunnel (14.2 kilometres; Ammel Viaduct: 412 metres)."


def test_how_much_shorter(fifth):
    answer = fifth.answer("How much shorter is the high-speed line than the original line?")
    assert (answer.answered, answer.facts) == (True, ("hs_length", "original_length"))
    assert answer.text.split("\n")[0] == \
        "Shorter by 84 kilometres: high-speed line (402 kilometres; original line: 486 kilometres)."


def test_durations_of_two_missions(space):
    # 26 hours against a 12-day mission (not the 17 orbits)
    answer = space.answer("Which was shorter, Aurora 1 or Aurora 3?")
    assert (answer.answered, answer.facts) == (True, ("aurora_1_mission", "aurora_3_mission"))
    assert answer.text.split("\n")[0] == "Shorter: Aurora 1 (26 hours; Aurora 3: 12-day)."


def test_one_side_missing_is_declined_with_what_is_known(fourth):
    answer = fourth.answer("Which is longer, the Silvane or the Hallen Dam?")
    assert (answer.answered, answer.facts, answer.nearest) == (False, (), ("silvane_length",))
    assert answer.text.split("\n")[0] == "The fact base does not give that for Hallen Dam."


@pytest.mark.parametrize("base, question, message", [
    # no height is stated of either
    ("fifth", "Which is higher, the Greyfell Tunnel or the Ammel Viaduct?",
     "The fact base gives that for neither of them."),
    # "older" was read as "order" (an award) before
    ("ours", "Which is older, Kazakhstan or Serbia?",
     "The fact base gives that for neither of them."),
    ("ours", "Что длиннее, визит Токаева или визит Вучича?",
     "В базе фактов этого нет ни для одного из них."),
    # longer than what?
    ("fifth", "Which tunnel is longer?", "I don't know that: the fact base has nothing on it."),
    # a speed record is stated, but no speed of the express
    ("fifth", "Which was faster, Piet Darrow or the Lantern Express?",
     "The fact base gives that for neither of them."),
])
def test_a_comparison_no_facts_state_is_declined(engine_of, base, question, message):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.split("\n")[0] == message


def test_a_word_sharing_a_comparatives_stem_is_not_one(engine):
    # Serbian "тежила" (weighed) shares its stem with "тежи" (heavier): still unknown
    answer = engine.answer("Колико је беба тежила?")
    assert (answer.answered, answer.facts) == (False, ())


def test_each_side_is_the_thing_named(fourth):
    # "a Kestrian trade agency operated from 1948" is of the same concept, but no embassy
    answer = fourth.answer("Which opened first, the Belmoran embassy or the Kestrian embassy?")
    assert (answer.answered, answer.facts) == \
        (True, ("belmora_embassy_opened", "kestria_embassy_opened"))
    assert answer.text == ("Earlier: October 1962: The Belmoran embassy in Vask opened.\n"
                           "Later: March 1963: Kestria opened its embassy in Oranta.")
    # and a consulate is no embassy
    answer = fourth.answer("Which opened first, the Belmoran consulate or the Kestrian consulate?")
    assert answer.facts == ("doria_consulate_opened", "lunsk_consulate_opened")


@pytest.mark.parametrize("base, question, count, fact", [
    # "troops" is read through its kinds: "600 soldiers"
    ("fourth", "How many troops did Kestria dispatch after the 1987 flood?", "600", "flood_aid"),
    # "fatalities" through "killing": "killing seven people", a number the text states
    # (it was declined, as no number of "fatalities" itself: test_general_words)
    ("fifth", "How many fatalities were there in the 1988 derailment?", "7",
     "dunmere_derailment"),
    ("fifth", "How many fatalities were there in the Greyfell Tunnel flood?", "23",
     "tunnel_flood"),  # "killed 23 workers"
    # the part in Kestria, and the whole where the question names no part
    ("fourth", "How many kilometres of the Silvane lie in Kestria?", "310", "silvane_length"),
    ("fourth", "How many kilometres long is the Silvane?", "812", "silvane_length"),
])
def test_a_count_the_text_states(engine_of, base, question, count, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
    assert answer.text.split("\n")[0] == f"{count} in all:"


@pytest.mark.parametrize("base, question", [
    ("fourth", "How many kilometres of the Silvane lie in Belmora?"),  # no part there
    # two numbers of minutes, neither a part of a place: which one is not to be guessed
    ("club", "How many minutes did the cup final last?"),
    ("fifth", "How many deaths did the Dunmere derailment cause?"),  # not "the 1988 derailment"
    ("fourth", "How many fatalities did the great Silvane flood cause?"),  # 40,000 displaced
])
def test_a_count_no_text_states_is_declined(engine_of, base, question):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_a_number_of_something_else_is_no_side(small_base):
    # "an error of only nine centimetres" is the error's, not the bridge's length
    engine = small_base("""\
- {id: ruritania, type: country, name: Ruritania}
- {id: zenda_bridge, type: place, name: Zenda Bridge, country: ruritania}
- {id: strelsau_bridge, type: place, name: Strelsau Bridge, country: ruritania}
""", """\
- id: zenda_halves
  kind: construction
  date: 1911-05-04
  section: Bridges
  tags: [zenda_bridge]
  question: When did the two halves of the Zenda Bridge meet?
  text: The two halves of the Zenda Bridge met with an error of only nine centimetres.
- id: strelsau_length
  kind: dimensions
  section: Bridges
  tags: [strelsau_bridge]
  question: How long is the Strelsau Bridge?
  text: The Strelsau Bridge is 300 metres long.
""", "concepts:\n  construction: [built, construction, met]\n  dimensions: [dimensions, size]\n")
    answer = engine.answer("Which is longer, the Zenda Bridge or the Strelsau Bridge?")
    assert (answer.answered, answer.facts, answer.nearest) == (False, (), ("strelsau_length",))
    assert answer.text.split("\n")[0] == "The fact base does not give that for Zenda Bridge."


def test_a_comparison_in_russian(small_base):
    engine = small_base("""\
- {id: ruritania, type: country, name: Руритания}
- {id: zenda_bridge, type: place, name: мост Зенда, aliases: [моста Зенда], country: ruritania}
- {id: strelsau_bridge, type: place, name: мост Стрелсау, aliases: [моста Стрелсау], country: ruritania}
""", """\
- id: zenda_length
  kind: dimensions
  section: Мосты
  tags: [zenda_bridge]
  question: Какой длины мост Зенда?
  text: Мост Зенда имеет длину 2,5 километра.
- id: strelsau_length
  kind: dimensions
  section: Мосты
  tags: [strelsau_bridge]
  question: Какой длины мост Стрелсау?
  text: Мост Стрелсау длиной 300 метров.
""", "concepts:\n  dimensions: [размеры, размер]\n", language="ru")
    answer = engine.answer("Что короче, мост Зенда или мост Стрелсау?")
    assert (answer.answered, answer.facts) == (True, ("zenda_length", "strelsau_length"))
    assert answer.text.split("\n")[0] == \
        "Короче: мост Стрелсау (300 метров; мост Зенда: 2,5 километра)."
    # "A короче, чем B?" is a verdict on A, across the comma
    answer = engine.answer("Мост Зенда короче, чем мост Стрелсау?")
    assert answer.text.split("\n")[0] == \
        "Нет — Короче: мост Стрелсау (300 метров; Мост Зенда: 2,5 километра)."
