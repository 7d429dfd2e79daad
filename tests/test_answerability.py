"""Answer only what a fact states: each kind of question real users ask, through answer().

Each case names the kind of question it stands for; the wording is one of many.
"""
from __future__ import annotations

import pytest

from bot.model import Context


def ask(engine, question, context=None):
    return engine.answer(question, context)


def chain(engine, *questions):
    """Ask questions as one conversation; return every answer."""
    context, answers = Context(), []
    for question in questions:
        answer = engine.answer(question, context)
        context = answer.context
        answers.append(answer)
    return answers


# ------------------------------------------------------------------ answered, and with what

@pytest.mark.parametrize("question, facts", [
    # a preamble or side clause is not part of the question
    ("so I'm writing an essay for school, who did Nazarbayev meet when he was in Belgrade?",
     ("nazarbayev_visit_2016",)),
    ("hi! quick one for a pub quiz tonight: which Kazakh poet has a bust in New Belgrade?",
     ("jabayev_bust_unveiled",)),
    # who told the asker is not part of the question either
    ("my dad says Tito and Stalin fell out in 1948, is that true?", ("tito_stalin_split",)),
    # "when" as a conjunction does not ask for a date
    ("Who was the Serbian prime minister when Nazarbayev visited Belgrade?",
     ("nazarbayev_visit_2016",)),
    # the day is in the text though the date is a month
    ("On which day did Tamara Vučić go into labour?", ("vucic_visit_2017",)),
    # ordinals count the events the question holds
    ("What was Vučić's second trip to Astana?", ("vucic_visit_2017",)),
    # the event next to another one, of the kind asked
    ("Which visit came right before Tokayev's trip to Serbia?", ("vucic_visit_2018",)),
    ("Which Serbian president visited Kazakhstan after Tadić?", ("nikolic_visit_2015",)),
    ("After Dragomir Karić's medal, who was the next person to receive a Kazakh award?",
     ("nikolic_order_of_friendship",)),
])
def test_answers_with_the_fact_that_states_it(engine, question, facts):
    answer = ask(engine, question)
    assert (answer.answered, answer.facts) == (True, facts), answer.text


@pytest.mark.parametrize("question, first, facts", [
    ("Which came first, the Tito–Stalin split or the Belgrade declaration?", "Earlier: 1948: ",
     ("tito_stalin_split", "belgrade_declaration")),
    ("Did Nikolić visit Kazakhstan before or after Serbia opened its embassy in Astana?",
     "After: 27–29 August 2015: ", ("nikolic_visit_2015", "serbian_embassy_opened")),
    ("Was the Jabayev bust unveiled before or after the Tesla street was opened in Astana?",
     "Before: 23–25 August 2016: ", ("jabayev_bust_unveiled", "tesla_street_inaugurated")),
    ("Who visited Serbia more recently, Nazarbayev or Tokayev?", "Later: 18–19 November 2024: ",
     ("nazarbayev_visit_2016", "tokayev_visit_2024")),
    ("Что было раньше: открытие посольства Сербии в Астане или визит Николича?",
     "Раньше: 27 июня 2011: ", ("serbian_embassy_opened", "nikolic_visit_2015")),
    # a name with an ending no alias lists ("Nikolićeva": Nikolić's)
    ("Šta je bilo ranije: otvaranje ambasade Srbije u Astani ili Nikolićeva poseta?",
     "Ranije: 27. juna 2011: ", ("serbian_embassy_opened", "nikolic_visit_2015")),
])
def test_comparisons_give_both_dates_and_the_verdict(engine, question, first, facts):
    answer = ask(engine, question)
    assert answer.answered and answer.facts == facts
    assert answer.text.startswith(first), answer.text
    assert len(answer.lines) == 2


@pytest.mark.parametrize("question, first_line", [
    ("How many ministers went with Vučić to Astana in October 2018?", "5 in all:"),
    ("How many times was Tadić in Kazakhstan in 2010?", "2 in all:"),
    ("How many Serbian presidents have paid visits to Kazakhstan?",
     "3: Boris Tadić, Tomislav Nikolić, Aleksandar Vučić."),
    # what the text lists right by the word counted ("the Mayors of Belgrade and Novi Sad")
    ("How many mayors travelled with Vučić to Astana in 2018?", "2 in all:"),
    ("How many territories did Masimov name that Kazakhstan does not recognize?", "3 in all:"),
    # a span of dates, or two years the text names
    ("How many days did Nikolić's 2015 visit to Kazakhstan last?", "3 days:"),
    ("How many years was BK Tesla Park expected to take to build?", "5 years:"),
])
def test_counts_say_the_number_of_what_is_counted(engine, question, first_line):
    answer = ask(engine, question)
    assert answer.answered and answer.text.splitlines()[0] == first_line, answer.text


def test_a_count_one_event_neither_states_nor_lists_is_declined(engine):
    answer = ask(engine, "How many singers were in the Kazakh group that performed in New Belgrade?")
    assert (answer.answered, answer.nearest) == (False, ("jabayev_bust_unveiled",))


def test_a_count_the_source_does_not_give_is_declined(engine):
    [_, answer] = chain(engine, "When did Serbia open its embassy in Astana?",
                        "How many people came to the ceremony?")
    assert (answer.answered, answer.facts, answer.nearest) == (
        False, (), ("serbian_embassy_opened",))
    assert answer.text.splitlines()[0] == "The fact base does not say how many."


def test_yes_no_questions_start_with_yes_only_when_the_fact_plainly_says_so(engine):
    yes = ask(engine, "Did Tokayev visit Serbia?")
    assert yes.answered and yes.text.startswith("Yes — 18–19 November 2024: ")
    # The fact says "does not recognise": no "Yes", the fact itself.
    told = ask(engine, "My teacher told me Nikolić went to Kazakhstan in 2015, is that right?")
    assert told.text.startswith("Yes — 27–29 August 2015: ")
    stance = ask(engine, "Does Kazakhstan recognise Kosovo?")
    assert stance.answered and not stance.text.startswith("Yes")
    assert "kosovo_stance" in stance.facts


# ------------------------------------------------------------------ declined, honestly

@pytest.mark.parametrize("question, nearest", [
    # a known person with an award they never received (they gave it)
    ("When was Vučić awarded the Order of the Republic of Serbia?", "nazarbayev_order_of_serbia"),
    # a known person with a topic no fact connects to them
    ("What did Nazarbayev say about Kosovo?", None),
    ("When did Tito visit Kazakhstan?", None),
    # a detail the source does not give
    ("Who were the five ministers who travelled with Vučić to Astana in 2018?", None),
    ("Who sculpted the bust of Jambyl Jabayev in New Belgrade?", "jabayev_bust_unveiled"),
    ("How long is the Nikola Tesla street in Astana?", None),
    ("On what exact day in June 2015 did Kazakhstan open its consulate in Belgrade?", None),
    # a time of day the source never gives
    ("At what time did the ceremony opening the Serbian embassy in Astana start?",
     "serbian_embassy_opened"),
    # a date the fact does not date
    ("When did Joseph Stalin die?", None),
    # something mentioned only in passing
    ("What is the OSCE?", "osce_summit_2010"),
    # other pairs of countries
    ("Does Serbia recognize Abkhazia and South Ossetia?", None),
    # whom a visitor met, where the fact names no one (his own title is not "someone")
    ("who did Tokayev meet in Serbia?", "tokayev_visit_2024"),
])
def test_declines_what_no_fact_states(engine, question, nearest):
    answer = ask(engine, question)
    assert (answer.answered, answer.facts) == (False, ()), answer.text
    if nearest:
        # What the fact base has is shown apart, marked as not the answer.
        assert nearest in answer.nearest
        assert answer.text.splitlines()[1] == engine.kb.language("en").templates["nearest"]


def test_a_decline_names_what_is_not_connected(engine):
    answer = ask(engine, "What did Nazarbayev say about Kosovo?")
    assert answer.text.splitlines()[0] == (
        "I don't have that: nothing in the fact base connects “Nazarbayev”, “say”, “Kosovo”.")


@pytest.mark.parametrize("question, kind", [
    ("Who is the current president of Kazakhstan?", "scope_present"),
    ("Will Tokayev visit Serbia again next year?", "scope_present"),
    ("What would happen if Kazakhstan recognized Kosovo?", "scope_hypothetical"),
    ("Is Milanka Karić still Kazakhstan's honorary consul today?", "scope_present"),
])
def test_present_future_and_hypothetical_questions_say_how_far_the_source_reaches(
        engine, question, kind):
    answer = ask(engine, question)
    templates = engine.kb.language("en").templates
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.text.splitlines()[0] == templates[kind].format(latest="18–19 November 2024")


def test_a_reported_future_is_not_the_asker_s_future(engine):
    answer = ask(engine, "Who said Kazakhstan will not recognize any new states?")
    assert answer.facts == ("masimov_kosovo_statement",)


@pytest.mark.parametrize("question, kind, language", [
    ("Hello there!", "greeting", "en"),
    ("Thanks, that was really helpful!", "thanks", "en"),
    ("who are you?", "identity", "en"),
    ("You are a stupid, useless bot.", "abuse", "en"),
    ("Do you think Vučić is a good president?", "opinion", "en"),
    ("Tell me a joke about Serbs and Kazakhs.", "joke", "en"),
    ("Привет!", "greeting", "ru"),
    ("Хвала ти, ћао!", "thanks", "sr-Cyrl"),
])
def test_small_talk_gets_a_reply_of_its_kind(engine, question, kind, language):
    answer = ask(engine, question)
    templates = engine.kb.language(language).templates
    expected = templates[f"social_{kind}"].format(title=engine.kb.title(language))
    assert (answer.answered, answer.facts, answer.language) == (False, (), language)
    assert answer.text.splitlines()[0] == expected
    assert answer.suggestions  # and what it can be asked


# ------------------------------------------------------------------ conversations

def test_follow_ups_walk_back_through_the_events(engine):
    answers = chain(engine, "Which visit is the most recent one in the article?",
                    "and the one before that?", "and the one before that?",
                    "why was it cut short?")
    assert [a.facts for a in answers] == [("tokayev_visit_2024",), ("vucic_visit_2018",),
                                          ("vucic_visit_2017",), ("vucic_visit_2017",)]


def test_a_follow_up_about_the_occasion_stays_on_it(engine):
    answers = chain(engine, "When did Vučić open the Nikola Tesla street in Astana?",
                    "who else was at the ceremony?", "what did he talk about?")
    assert answers[1].facts == ("tesla_street_inaugurated",)
    assert answers[1].context.person == "asset_issekeshev"
    assert answers[2].facts == ("tesla_street_inaugurated",)


def test_ellipsis_asks_the_previous_question_again(engine):
    answers = chain(engine, "Which Serbian president visited Kazakhstan in 2015?",
                    "and in 2010?", "and in 2019?")
    assert answers[0].facts == ("nikolic_visit_2015",)
    assert "Boris Tadić" in answers[1].text and answers[1].answered
    assert (answers[2].answered, answers[2].facts) == (False, ())


def test_and_did_someone_else_keeps_the_kind_of_event(engine):
    answers = chain(engine, "When was Vučić awarded the Order of Friendship?", "and nikolić?",
                    "and did Tokayev get anything?")
    assert answers[1].facts == ("nikolic_order_of_friendship",)
    assert (answers[2].answered, answers[2].facts) == (False, ())


def test_before_him_keeps_the_person_the_question_was_about(engine):
    answers = chain(engine, "What did Nikolić hope to find in Kazakhstan?",
                    "when was his visit?", "which serbian president visited after him?",
                    "and before him?")
    assert answers[2].facts == ("vucic_visit_2016",)
    assert "Boris Tadić" in answers[3].text


def test_that_year_and_there_are_the_previous_answer_s(engine):
    answers = chain(engine, "Tell me about Tadić's trip to Kazakhstan in October 2010",
                    "where was he in December of that year?")
    # An occasion comes with what happened during it.
    assert answers[0].facts == ("tadic_visit_2010", "free_trade_agreement_2010",
                                "visa_agreement_2010")
    assert answers[1].facts == ("osce_summit_2010",)
    answers = chain(engine, "Which Kazakh president came to Belgrade in August 2016?",
                    "who did he meet there?")
    assert answers[1].facts == ("nazarbayev_visit_2016",)


def test_a_pronoun_with_nothing_before_asks_who_is_meant(engine):
    answer = ask(engine, "What did he say?")
    assert (answer.answered, answer.text) == (
        False, engine.kb.language("en").templates["who_is_meant"])


def test_an_out_of_scope_turn_keeps_the_thread(engine):
    answers = chain(engine, "Who is Milanka Karić?", "is she Dragomir's wife?",
                    "when was she appointed?")
    assert answers[1].answered is False
    assert answers[2].facts == ("honorary_consul_2015",)


def test_follow_ups_in_the_language_they_are_written_in(engine):
    answers = chain(engine, "Does Kazakhstan recognise Kosovo?", "who said that?",
                    "а когда он это сказал?")
    assert answers[1].facts == ("masimov_kosovo_statement",)
    assert (answers[2].language, answers[2].facts) == ("ru", ("masimov_kosovo_statement",))


def test_a_superlative_mid_conversation_is_about_the_whole_record(engine):
    answers = chain(engine, "Which came first, the Tito–Stalin split or the Belgrade declaration?",
                    "Which visit is the most recent one in the article?")
    assert answers[1].facts == ("tokayev_visit_2024",)


def test_typos_are_corrected_into_the_question_s_own_language(engine):
    """An English "post" is no misspelt Serbian "pošto" (why), so the hearsay before
    "says" is still only who told the asker."""
    answer = ask(engine, "My friend wrote a blog post and says that Tito and Stalin split in "
                         "1948, is that true?")
    assert (answer.facts, answer.text.startswith("Yes — 1948: ")) == (("tito_stalin_split",), True)
