""""When did Vučić visit Belgrade?", "who opened … in Belgrade?": a place the question
names right after a kind of event, or after "in", is where that event was, so a fact that
names the place only as a topic ("the Mayors of Belgrade … paid an official visit to
Astana") is no answer. A place after a word that takes a topic ("spoke about the Jabayev
Monument") stays a topic."""
import pytest


@pytest.mark.parametrize("question", [
    "When did Vučić visit Belgrade?",
    "Когда Вучич посетил Белград?",
    "Када је Вучић посетио Нови Сад?",
])
def test_a_place_named_only_as_a_topic_was_not_visited(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("When did Nazarbayev visit Belgrade?", ("nazarbayev_visit_2016",)),
    ("Когда Назарбаев посетил Белград?", ("nazarbayev_visit_2016",)),
    ("Who spoke about the Jabayev Monument at the Tesla street ceremony?",
     ("tesla_street_inaugurated",)),
])
def test_where_it_was(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_on_another_base(fifth):
    assert fifth.answer("When did Oskar Välling visit Teranzo?").facts == ("valling_visit",)


@pytest.mark.parametrize("question", [
    # the street is in Astana; its text names Belgrade only for another monument
    "Кто открыл улицу Теслы в Белграде?",
    "Who opened the Nikola Tesla street in Belgrade?",
])
def test_in_a_place_its_text_only_names(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, facts", [
    ("Who opened the Nikola Tesla street in Astana?", ("tesla_street_inaugurated",)),
    # a country after a noun says whose or where that thing is, not where it was asked
    ("Was Kazakhstan ever asked to open an embassy in Serbia?", ("embassy_request_2018",)),
])
def test_in_the_place_it_was(engine, question, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_a_country_visited_is_where_not_whose(engine):
    # Nazarbayev's visit was to Belgrade and Tokayev's to Serbia: Kazakh, not visitors
    answer = engine.answer("How many presidents visited Kazakhstan?")
    assert (answer.answered, answer.facts) == (True, (
        "tadic_visit_2010", "nikolic_visit_2015", "vucic_visit_2017", "vucic_visit_2018"))
    assert answer.text.splitlines()[0] == \
        "3: Boris Tadić, Tomislav Nikolić, Aleksandar Vučić."


def test_two_countries_after_the_event_are_either_way(engine):
    answer = engine.answer("first state visit serbia kazakhstan year")
    assert (answer.answered, answer.facts) == (True, ("tadic_visit_2010",))


def test_on_another_base_countries(fourth):
    answer = fourth.answer("How many times did Belmoran presidents visit Kestria?")
    assert answer.text.splitlines()[0] == "4 in all:"


@pytest.mark.parametrize("question, answered, facts", [
    # the order he was given during Vučić's visit to Astana is not his visit
    ("Did Nazarbayev visit Kazakhstan?", False, ()),
    ("What did Nazarbayev receive during the 2018 visit?", True,
     ("nazarbayev_order_of_serbia",)),
])
def test_the_doer_of_the_occasion(engine, question, answered, facts):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (answered, facts)
