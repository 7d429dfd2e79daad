"""Words the source does not use for what it states: "scrap" visas (the pack's
`abolish` group), "set up" an embassy (our base's `opening`), Russian "спросил" (asked)."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("When did Kazakhstan scrap visas for Serbians?", ("visa_agreement_2010",)),
    ("When did Serbia set up a diplomatic mission in Kazakhstan?", ("serbian_embassy_opened",)),
    ("Что спросил Вучич у Казахстана в 2018 году?", ("embassy_request_2018",)),
])
def test_answered(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)
