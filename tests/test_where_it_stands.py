""""Where is the Kazakh embassy?" names no event: it asks where the thing stands, which
an undated fact says — not where someone once asked for one, nor when it opened. A
Kazakh genitive ending ("Қазақстанның елшілігі") names whose embassy it is."""
import pytest


@pytest.mark.parametrize("question, facts", [
    ("Where is Kazakhstan's embassy?", ("kazakh_embassy_belgrade",)),
    ("Where is the embassy of Serbia?", ("serbian_embassy_astana",)),
    ("Где посольство Казахстана?", ("kazakh_embassy_belgrade",)),
    ("Gde se nalazi ambasada Kazahstana?", ("kazakh_embassy_belgrade",)),
    ("Где је амбасада Србије?", ("serbian_embassy_astana",)),
    ("Қазақстанның елшілігі қайда орналасқан?", ("kazakh_embassy_belgrade",)),
    ("Сербияның елшілігі қайда?", ("serbian_embassy_astana",)),
])
def test_where_a_thing_is(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_where_an_event_happened_is_still_dated(engine):
    answer = engine.answer("Where did Serbia open its embassy?")
    assert (answer.answered, answer.facts) == (True, ("serbian_embassy_opened",))
