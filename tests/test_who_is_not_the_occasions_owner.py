""""Who signed the Fiat deal?": a text that says "during Nazarbayev's visit to Belgrade, a
deal was signed on the export of Fiat automobiles produced in Serbia to Kazakhstan" names
no signer — Nazarbayev is the owner of the visit (his deed, not the signing), Serbia and
Kazakhstan are named as places ("in", "to"). Those who do the deed still answer."""
import pytest


@pytest.mark.parametrize("question", ["Who signed the Fiat deal?"])
def test_no_signer_is_named(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == (False, (), ("fiat_deal_2016",))


@pytest.mark.parametrize("question, fact", [
    ("Who signed the free trade agreement?", "free_trade_agreement_2010"),  # the countries
    ("Who visited Belgrade in 2016?", "nazarbayev_visit_2016"),
    ("Who opened an embassy in Astana?", "serbian_embassy_opened"),
])
def test_the_doers_still_answer(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


@pytest.mark.parametrize("question", [
    # "During Jonas Eklund's visit, an agreement on visa-free travel … was signed."
    "Who signed the visa-free travel agreement?",
    "Who signed the agreement on visa-free travel?",
])
def test_on_another_base(norland, question):
    answer = norland.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("base, question, nearest", [
    # yes/no: "During Tadić's visit, Serbia and Kazakhstan signed …" has him visit only
    ("ours", "Did Tadić sign the visa agreement?", "visa_agreement_2010"),
    ("ours", "Did Nazarbayev sign the Fiat deal?", "fiat_deal_2016"),
    ("third", "Did Jonas Eklund sign the visa-free travel agreement?", "visa_agreement_2010"),
])
def test_no_yes_for_the_occasions_owner(engine_of, base, question, nearest):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts, nearest in answer.nearest) == (False, (), True)


@pytest.mark.parametrize("question, fact", [
    ("Did Serbia sign a free trade agreement with Kazakhstan?", "free_trade_agreement_2010"),
    ("Did Nazarbayev visit Belgrade?", "nazarbayev_visit_2016"),
])
def test_a_yes_for_the_doers(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.text[:6]) == (True, (fact,), "Yes — ")
