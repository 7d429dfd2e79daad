""""What caused X?" is answered by a fact that states a cause ("caused by a broken rail"),
never by X's own fact; where no fact states one, the bot says it does not know what
caused it. A plain "why" prefers such a fact but may take a reason said otherwise."""
import pytest


@pytest.mark.parametrize("question", [
    "What caused the derailment near Dunmere?",
    "What was the cause of the Dunmere derailment?",
    "What led to the derailment near Dunmere?",
    "Why did the train derail near Dunmere?",
])
def test_the_fact_that_states_the_cause(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (True, ("derailment_cause",))


@pytest.mark.parametrize("question", [
    "What caused the Greyfell Tunnel flood?",
    "What was the cause of the flood in the Greyfell Tunnel?",
])
def test_no_fact_states_the_cause(fifth, question):
    answer = fifth.answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == "The fact base does not say what caused it."


def test_who_is_to_blame_needs_a_cause(fifth):
    answer = fifth.answer("Who was to blame for the flood in the Greyfell Tunnel?")
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, first_line", [
    ("What caused the Tito–Stalin split?", "The fact base does not say what caused it."),
    ("Что вызвало разрыв Тито и Сталина?", "Что стало причиной, в базе фактов не сказано."),
    ("Šta je izazvalo raskol Tito–Staljin?", "U bazi činjenica ne piše šta je to izazvalo."),
    ("Што је изазвало раскол Тито–Стаљин?", "У бази чињеница не пише шта је то изазвало."),
])
def test_the_event_is_no_cause_of_itself_in_any_language(engine, question, first_line):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == first_line


@pytest.mark.parametrize("question", [
    "What caused Vučić to cut his 2017 visit short?",
    "Šta je bio uzrok prekida Vučićeve posete 2017?",
    "Why did Vučić leave Astana early in 2017?",
])
def test_a_text_that_says_why(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, ("vucic_visit_2017",))


@pytest.mark.parametrize("base, question", [
    ("fifth", "Why was the Lantern Express withdrawn?"),   # "made its last run": no why
    ("fourth", "Why was the Hallen Dam built?"),
    ("ours", "Why did Tokayev visit Serbia in 2024?"),
])
def test_a_why_no_text_gives(engine_of, engine, base, question):
    answer = (engine if base == "ours" else engine_of(base)).answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == "The fact base does not say why."


@pytest.mark.parametrize("base, question, facts", [
    ("fifth", "Why were services on the line suspended in 1943?", ("war_suspension",)),
    ("fourth", "Why did Victor Lamas visit Doria in 2008?", ("lamas_visit_2008",)),
    ("ours", "Why was Tadić in Astana in December 2010?", ("osce_summit_2010",)),
])
def test_a_reason_said_otherwise(engine_of, engine, base, question, facts):
    answer = (engine if base == "ours" else engine_of(base)).answer(question)
    assert (answer.answered, answer.facts) == (True, facts)
