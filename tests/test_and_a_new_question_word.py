""""What did he get from Kazakhstan?" — "and when?": a follow-up that names nothing and
asks a new question word asks it of the answer just given, as "when?" does; it does not
ask the previous question's words again (which the 2018 Tesla Park fact also holds)."""


def test_and_when_of_the_answer_given(engine, ask_in_turn):
    answers = ask_in_turn(engine, ["who is Dragomir Karić?",
                                   "what did he get from Kazakhstan?", "and when?"])
    assert [(a.answered, a.facts) for a in answers[1:]] == [
        (True, ("dragomir_karic_medal",)), (True, ("dragomir_karic_medal",))]


def test_on_another_base(norland, ask_in_turn):
    answers = ask_in_turn(norland, ["What did Mihai Stoica give Anders Kvale?", "and when?"])
    assert [(a.answered, a.facts) for a in answers] == [
        (True, ("kvale_white_falcon",)), (True, ("kvale_white_falcon",))]


def test_the_same_question_word_still_repeats_the_question(engine, ask_in_turn):
    answers = ask_in_turn(engine, ["Which Serbian president visited Kazakhstan in 2015?",
                                   "and in 2010?"])
    assert answers[1].answered is True
    assert "Tadić" in answers[1].text
