""""Yes —" only where the fact says it of the question's subject; "No —" where it plainly
negates it; a decline where the fact says it of someone else, or where the person's own
country contradicts "Is X Norlandic?"; the fact without a "Yes" where it only meant to, or
did the opposite. Through Engine.answer(), on every base and in four languages."""
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

UNDECIDED = {"en": "The fact base does not say whether that is so.",
             "ru": "В базе фактов не сказано, так ли это.",
             "sr": "Baza činjenica ne kaže da li je tako."}


@pytest.fixture(scope="module")
def base(engine_of):
    ruritania = Engine(load_knowledge(Path(__file__).parent / "fixtures" / "ruritania"))
    return lambda name: ruritania if name == "ruritania" else engine_of(name)


@pytest.mark.parametrize("name, question, nearest, language", [
    # said of someone else in the fact: Kazakhstan's stance (the wife who went into labor
    # takes no part in the visit: see tests/test_relation_of_what_is_named.py)
    ("ours", "Does Serbia recognize Kosovo?", ("kosovo_stance",), "en"),
    ("ours", "Признаёт ли Сербия Косово?", ("kosovo_stance",), "ru"),
    ("ours", "Da li Srbija priznaje Kosovo?", ("kosovo_stance",), "sr"),
    ("ours", "Did Nikolić visit Belgrade in 2016?", ("nikolic_order_of_friendship",), "en"),
    ("fifth", "Did Aurelio Benn visit Teranzo?", ("valling_visit",), "en"),
    ("ruritania", "Did Ruritania beat Fredville United?", ("match_1998",), "en"),
    # who someone is: their own country, not a fact that names the country near them
    ("third", "Is Andrei Moldan Norlandic?", ("moldan_street_2013",), "en"),
    ("second", "Was Ines Caldera Velusian?", ("aurora_6_training", "aurora_6_mission"), "en"),
    ("fifth", "Was Isolde Marrin Morvathi?", ("marrin_award", "chief_engineer"), "en"),
])
def test_what_the_fact_does_not_say_of_the_subject_is_declined(base, name, question,
                                                               nearest, language):
    answer = base(name).answer(question)
    assert (answer.answered, answer.facts, answer.nearest) == (False, (), nearest)
    assert answer.text.split("\n")[0] == UNDECIDED[language]


def test_another_doers_claim_is_declined(fourth):
    """"administered by Kestria and claimed by Halmland": Kestria recognises nothing (the
    verb check declines it before the yes/no reading, so it says what is not connected)."""
    answer = fourth.answer("Did Kestria recognise Halmland's claim?")
    assert (answer.answered, answer.facts, answer.nearest) == (
        False, (), ("skarn_status", "assembly_vote"))


@pytest.mark.parametrize("name, question, facts, first", [
    ("ours", "Did Kazakhstan recognize Abkhazia?", ("masimov_kosovo_statement",),
     "No — December 2008: Kazakh Prime Minister Karim Masimov stated:"),
    ("ours", "Қазақстан Косовоны мойындай ма?", ("masimov_kosovo_statement", "kosovo_stance"),
     "Жоқ — 2008 ж. желтоқсан:"),
    ("third", "Does Norland recognise Kalvaria's claim?", ("selmar_stance",),
     "No — Norland supports Estavia's territorial integrity"),
])
def test_a_plain_negation_is_a_no(base, name, question, facts, first):
    answer = base(name).answer(question)
    assert (answer.answered, answer.facts) == (True, facts)
    assert answer.text.startswith(first)


@pytest.mark.parametrize("name, question, fact, first", [
    ("ours", "Did Vučić visit Expo 2017?", "vucic_visit_2017",
     "June 2017: Serbian President Aleksandar Vučić was in Astana and intended to visit"),
    ("fourth", "Did Belmora vote for the Halmland resolution?", "assembly_vote",
     "2015: Belmora voted against the Halmland resolution"),
])
def test_only_meant_or_the_opposite_is_the_fact_without_a_yes(base, name, question, fact,
                                                             first):
    answer = base(name).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
    assert answer.text.startswith(first)


@pytest.mark.parametrize("name, question, fact, first", [
    ("ours", "Did Vučić go to Astana in 2017?", "vucic_visit_2017", "Yes — June 2017:"),
    ("ours", "Did Kazakhstan and Serbia sign a free trade agreement?",
     "free_trade_agreement_2010", "Yes — 6–7 October 2010:"),
    ("ours", "Is there a Nikola Tesla street in Astana?", "tesla_street_inaugurated",
     "Yes — 14–16 November 2016:"),
    ("ours", "Da li je Tokajev posetio Srbiju?", "tokayev_visit_2024",
     "Da — 18–19. novembra 2024:"),
    ("second", "Did Ines Caldera fly on Aurora 6?", "aurora_6_mission", "Yes — 14–24 June 2023:"),
    ("third", "Did Sofia Varga sign an agreement with Elin Kvale?", "cultural_agreement_2018",
     "Yes — 24–26 September 2018:"),
    ("third", "Is Andrei Moldan Estavian?", "moldan_street_2013", "Yes — 6 May 2013:"),
    ("fourth", "Did Queen Maren meet Ana Corvel?", "corvel_visit_2023", "Yes — June 2023:"),
    ("fourth", "Did King Osric II visit Lunsk?", "osric_visit_1979", "Yes — 11–14 September 1979:"),
    ("fourth", "Did Belmora vote against the Halmland resolution?", "assembly_vote",
     "Yes — 2015:"),
    ("fifth", "Did Rafael Oduya open the high-speed line?", "hs_opened", "Yes — 20 May 2001:"),
])
def test_what_the_fact_says_of_the_subject_stays_yes(base, name, question, fact, first):
    answer = base(name).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
    assert answer.text.startswith(first)


def test_she_is_the_conversations_person(engine):
    profile = engine.answer("Who is Milanka Karić?")
    answer = engine.answer("is she related to Dragomir?", profile.context)
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.split("\n")[0] == UNDECIDED["en"]
    assert answer.context.person == "milanka_karic"
    # the facts shown stay the thread
    assert answer.context.facts == ("dragomir_karic_medal", "bk_tesla_park_construction")
    when = engine.answer("when?", answer.context)
    assert (when.answered, when.facts) == (
        True, ("dragomir_karic_medal", "bk_tesla_park_construction"))
