"""Who a question puts on which side of a giving, read from its word order: "Who gave
Helena Marsk the order?" names the receiver and asks for the giver; "What did Tomas Reyk
give Isolde Marrin?" needs a giving between them; "and what did he give?" puts the
thread's person on the giving side; "the first Kazakh president to receive …" needs a
receiver of that country and role. A fact with the sides the other way round is no
answer: a decline is."""
import pytest


def _answered(engine, question):
    answer = engine.answer(question)
    return answer.answered, answer.facts


@pytest.mark.parametrize("base, question, facts", [
    # "Who gave X …?": X received it, the answer names who gave it
    ("space", "Who gave Erik Lindqvist the Order of the Northern Star?",
     ("lindqvist_northern_star",)),
    ("space", "Who gave Mara Velikova the Medal of Merit?", ("velikova_medal_of_merit",)),
    ("space", "Who gave the Halvorsen Prize to Yara Hendriks?", ("hendriks_halvorsen_prize",)),
    ("norland", "Who gave Sofia Varga the Order of the Polar Star?", ("sofia_varga_polar_star",)),
    ("norland", "Who awarded Anders Kvale the Order of the White Falcon?",
     ("kvale_white_falcon",)),
    ("norland", "Who awarded Lucian Varga the Order of the Polar Star?",
     ("lucian_varga_polar_star",)),  # "… by President Anders Kvale": past the title
    ("fifth", "Who awarded Isolde Marrin the Order of the Iron Crown?", ("marrin_award",)),
    ("fourth", "Who awarded Queen Maren the Order of the Golden Vine?", ("maren_golden_vine",)),
    ("engine", "Who awarded Vučić the Order of Friendship?", ("vucic_order_of_friendship",)),
    # "What did X give Y?": X gave, Y received
    ("space", "What did Helena Marsk give Erik Lindqvist?", ("lindqvist_northern_star",)),
    ("norland", "What did Mihai Stoica give Anders Kvale?", ("kvale_white_falcon",)),
    ("fifth", "What did King Halvard III give Isolde Marrin?", ("marrin_award",)),
    ("fifth", "What did Elena Castor give Tomas Reyk?", ("reyk_medal",)),
    ("fourth", "What did Marco Delune give Queen Maren?", ("maren_golden_vine",)),
    ("engine", "What did Nazarbayev give Vučić?", ("vucic_order_of_friendship",)),
    # "who awarded …?" asks for a giver: a fact that names none does not say
    ("fifth", "Who awarded the Order of the Iron Crown?", ("marrin_award",)),
    ("engine", "Who was the first Serbian president to receive the Order of Friendship?",
     ("nikolic_order_of_friendship",)),
    # the other languages, by the same word order
    ("engine", "Кто наградил Вучича орденом Дружбы?", ("vucic_order_of_friendship",)),
    ("engine", "Что Вучич вручил Назарбаеву?", ("nazarbayev_order_of_serbia",)),
    ("engine", "Что Назарбаев получил от Вучича?", ("nazarbayev_order_of_serbia",)),
    ("engine", "Šta je Vučić dodelio Nazarbajevu?", ("nazarbayev_order_of_serbia",)),
    ("engine", "Назарбаев не берді?", ("vucic_order_of_friendship",)),  # not what he got
    ("engine", "Назарбаев Вучичке не берді?", ("vucic_order_of_friendship",)),
    ("engine", "Whom did Vučić award?", ("nazarbayev_order_of_serbia",)),
    ("engine", "Who did Nazarbayev give an award to?", ("vucic_order_of_friendship",)),
    ("engine", "Who received the Order of Friendship from Nazarbayev?",
     ("vucic_order_of_friendship",)),  # not Nikolić's, which no one is said to give
    ("engine", "Koje odlikovanje je Nazarbajev dobio od Srbije?",
     ("nazarbayev_order_of_serbia",)),  # a country gives by its people: Vučić
])
def test_the_sides_asked(request, base, question, facts):
    assert _answered(request.getfixturevalue(base), question) == (True, facts)


@pytest.mark.parametrize("base, question", [
    # the one named as receiver gave it
    ("space", "Who gave Helena Marsk the Order of the Northern Star?"),
    ("norland", "Who gave Elin Kvale the Order of the Polar Star?"),
    ("norland", "Who gave the Order of the Polar Star to Elin Kvale?"),
    ("fifth", "Who awarded King Halvard III the Order of the Iron Crown?"),
    ("fourth", "Who awarded King Osric II the Order of the Silver Heron?"),
    ("engine", "Who awarded Nazarbayev the Order of Friendship?"),
    ("engine", "Кто наградил Назарбаева орденом Дружбы?"),
    # the one named as giver received it
    ("space", "What did Erik Lindqvist give Helena Marsk?"),
    ("norland", "What did Anders Kvale give Mihai Stoica?"),
    ("fourth", "What did Queen Maren give Marco Delune?"),
    # no giving at all: "appointed chief engineer, with Tomas Reyk as her deputy"
    ("fifth", "What did Tomas Reyk give Isolde Marrin?"),
    # the fact says who received it, not who gave it
    ("engine", "Who gave Tomislav Nikolić the Order of Friendship?"),
    # only Serbian presidents received it
    ("engine", "Who was the first Kazakh president to receive the Order of Friendship?"),
])
def test_the_other_side_is_no_answer(request, base, question):
    assert _answered(request.getfixturevalue(base), question) == (False, ())


def test_a_noun_after_a_name_is_no_giving(engine):
    # "Nikolić award": his award, not one he gave
    assert _answered(engine, "nikolic award") == (True, ("nikolic_order_of_friendship",))


def test_what_he_gave_in_a_follow_up(engine, ask_in_turn):
    # "he" is Nazarbayev, who gave Vučić the Order of Friendship and received another
    answers = ask_in_turn(engine, ["When did Nazarbayev visit Belgrade?",
                                   "and what did he give?", "who received it?"])
    assert [(a.answered, a.facts) for a in answers] == [
        (True, ("nazarbayev_visit_2016",)), (True, ("vucic_order_of_friendship",)),
        (True, ("vucic_order_of_friendship",))]


def test_what_he_received_in_a_follow_up(engine, ask_in_turn):
    answers = ask_in_turn(engine, ["When did Nazarbayev visit Belgrade?",
                                   "and what did he receive?", "who gave it to him?"])
    assert [(a.answered, a.facts) for a in answers][1:] == [
        (True, ("nazarbayev_order_of_serbia",)), (True, ("nazarbayev_order_of_serbia",))]


def test_what_she_received_in_a_follow_up(space, ask_in_turn):
    # not the prize she later presented to Yara Hendriks
    answers = ask_in_turn(space, ["When did Mara Velikova do a spacewalk?",
                                  "what did she receive?"])
    assert (answers[1].answered, answers[1].facts) == (True, ("velikova_medal_of_merit",))
