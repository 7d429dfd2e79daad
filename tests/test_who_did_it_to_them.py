""""Who succeeded Anton Feld?" asks for the one who did it to the person named after the
deed: the fact that says "Viktor Amsel succeeded Anton Feld" (naming Feld in passing),
not Feld's own tenure, whose only other "someone" is the orchestra named after "of"
(whose post it is); and "Who succeeded Viktor Amsel?" is not answered by the fact in
which Amsel did the succeeding."""
import pytest


@pytest.mark.parametrize("question, fact", [
    ("Who succeeded Anton Feld?", "amsel_tenure"),
    ("Who succeeded Mikael Storm?", "solheim_tenure"),
    ("Who succeeded Jonas Berg?", "varga_tenure"),
])
def test_the_one_who_did_it(engine_of, question, fact):
    answer = engine_of("sixth").answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


@pytest.mark.parametrize("question", ["Who succeeded Viktor Amsel?", "Who succeeded Lena Varga?"])
def test_not_the_fact_where_they_did_it(engine_of, question):
    answer = engine_of("sixth").answer(question)
    assert (answer.answered, answer.facts) == (False, ())
