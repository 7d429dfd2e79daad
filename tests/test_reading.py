"""How questions are read and facts checked, on a third small base of another domain (an
invented football club, tests/fixtures/harbour_city) and on ours: each kind of question
through answer(), asserted exactly. The wording is one of many.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.factbase import load_knowledge

HERE = Path(__file__).parent


def _text(answer) -> str:
    return " | ".join("".join(s.text for s in line) for line in answer.lines)


# ------------------------------------------------------ what a name says its entity is

def test_a_name_that_says_what_its_entity_is_holds_that_concept(club):
    # "Riverside Stadium" is a stadium: "which ground" holds for the fact played there.
    answer = club.answer("At which ground did the club play its first match?")
    assert (answer.answered, answer.facts) == (True, ("first_match",))


# ------------------------------------------------------------ "how many" of a unit

@pytest.mark.parametrize("question, base, first_line", [
    # a number the text puts before the unit asked ("40 seconds after liftoff")
    ("How many seconds after liftoff did the Polaris 2 rocket explode?", "second", "40 in all:"),
    # "a crowd of 2,400": the number after what is counted
    ("How many spectators were at the first match?", "club", "2,400 in all:"),
])
def test_how_many_of_a_unit_is_the_number_the_text_states(engine_of, question, base,
                                                            first_line):
    answer = engine_of(base).answer(question)
    assert answer.answered
    assert _text(answer).split(" | ")[0] == first_line


@pytest.mark.parametrize("question", [
    # the text gives two numbers of minutes ("after 12 minutes", "lasted 2 hours 10
    # minutes"): which one is asked is not for the bot to guess
    "How many minutes did the cup final last?",
    "How many minutes after kick-off did Pavel Orsk score in the cup final?",
])
def test_how_many_of_a_unit_the_text_gives_twice_is_declined(club, question):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


# ------------------------------------------------------------------- people in roles

@pytest.mark.parametrize("question, facts", [
    # the n-th person in the role, not the n-th fact that names someone in it
    ("Who was the second manager of the club?", ("hale_appointed",)),
    ("Who was the first manager of the club?", ("berg_appointed",)),
    # "become": the fact in which they take the role on, not the one they hand it over in
    ("When did Anna Berg become manager?", ("berg_appointed",)),
    ("When did Tom Hale become manager?", ("hale_appointed",)),
])
def test_a_role_is_read_as_the_person_holding_it(club, question, facts):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_become_is_declined_when_no_fact_says_they_took_the_role_on(engine):
    # the facts call Nazarbayev president; none says when he became one
    answer = engine.answer("When did Nursultan Nazarbayev become president of Kazakhstan?")
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question", [
    "What was Tokayev's profession?",
    "Какая профессия у Токаева?",
])
def test_a_question_for_someone_s_profession_is_their_profile(engine, question):
    answer = engine.answer(question)
    assert answer.answered
    assert _text(answer).split(" | ")[0].startswith(("Kassym-Jomart Tokayev –",
                                                      "Касым-Жомарт Токаев –"))


# ------------------------------------------------------------------------ negation

def test_a_fact_that_says_one_does_not_is_no_answer_to_who_does(engine):
    # Masimov: Kazakhstan "does not recognize Abkhazia and South Ossetia"
    answer = engine.answer("Which countries recognize South Ossetia?")
    assert (answer.answered, answer.facts) == (False, ())
    assert answer.nearest == ("masimov_kosovo_statement",)


@pytest.mark.parametrize("question", [
    "What did Masimov say about recognizing Kosovo?",  # a person's words on the topic
    "Who said Kazakhstan will not recognize any new states?",  # the negation is asked
])
def test_a_negated_fact_still_answers_what_it_says(engine, question):
    answer = engine.answer(question)
    assert answer.answered
    assert "masimov_kosovo_statement" in answer.facts


# ------------------------------------------- what a question asks must be what the fact gives

@pytest.mark.parametrize("question, facts", [
    # the people a fact names are not "the others"
    ("Who were the managers of the club?", ("berg_appointed", "hale_appointed")),
    # a "where" question is answered by a place it does not name itself
    ("Where was the club founded?", ("club_founded",)),
    ("Where did the club play its first match?", ("first_match",)),
])
def test_what_a_fact_gives_answers(club, question, facts):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("question", [
    # "the other managers": besides those the fact names, and it names no one else
    "Who were the other managers of the club?",
    # "where in Harbour City" is not answered by "in Harbour City"
    "Where in Harbour City was the club founded?",
    # a word left unread in a "when" question may name another event than the fact's
    "When did Manager Anna Berg's youth academy of Harbour City FC get accredited?",
    # what the question says was done ("workers") must be the fact's, in a "who" question
    "Who were the workers at the club's youth academy?",
])
def test_what_a_fact_does_not_give_is_declined(club, question):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


# ---------------------------------------------- "how many people did it" of one fact

@pytest.mark.parametrize("question, base, first_line", [
    # the people the text names right by the question's verb, not the one named after
    ("How many people opened the stand at Riverside Stadium?", "club", "2: Anna Berg, Tom Hale."),
    ("How many people inaugurated the construction of BK Tesla Park?", "ours",
     "3: Aleksandar Vučić, Dragomir Karić, Bakhytzhan Sagintayev."),
])
def test_how_many_people_did_what_one_fact_says_counts_those_it_names_doing_it(
        club, engine, question, base, first_line):
    answer = (club if base == "club" else engine).answer(question)
    assert answer.answered and _text(answer).split(" | ")[0] == first_line, _text(answer)


# ------------------------------------------- "how many years between A and B?"

@pytest.mark.parametrize("question", [
    "How many years passed between the club's founding and the cup final?",
    "How many years after the club's founding was the cup final?",
])
def test_years_between_two_events_each_found_once(club, question):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (True, ("club_founded", "cup_final"))
    assert _text(answer).startswith("15 years: | 1 May 1990: ")


def test_days_between_two_events_each_found_once(club):
    answer = club.answer("How many days passed between the first match and the cup final?")
    assert (answer.answered, answer.facts) == (True, ("first_match", "cup_final"))
    assert _text(answer).startswith("5395 days: | 12 August 1990: ")


@pytest.mark.parametrize("question", [
    # one half unknown, or not found
    "How many years passed between the club's founding and the zorblax festival?",
    # "how long after A did B": B is before A
    "How long after the cup final was the club founded?",
])
def test_years_between_declines_unless_both_halves_found(club, question):
    assert not club.answer(question).answered


def test_years_between_diplomatic_relations_and_the_first_state_visit(engine):
    answer = engine.answer("How many years passed between the establishment of diplomatic "
                           "relations and the first Serbian presidential state visit to "
                           "Kazakhstan?")
    assert (answer.answered, answer.facts) == (True, ("relations_established",
                                                      "tadic_visit_2010"))
    assert _text(answer).startswith("14 years: | 10 December 1996: ")


# ----------------------------------- a role the question's verb gives the person asked

@pytest.mark.parametrize("question", [
    # Aurora 2 had "commander Sana Orlova and Jonas Brandt aboard"; Aurora 4 names no
    # commander: neither says Brandt commanded
    "Which mission did Jonas Brandt command?",
    "Did Jonas Brandt command Aurora 2?",
])
def test_a_role_said_of_the_person_asked_must_be_theirs_in_the_fact(space, question):
    answer = space.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_a_role_said_of_the_person_asked_answers_where_the_fact_gives_it(space):
    answer = space.answer("Which missions did Sana Orlova command?")
    assert (answer.answered, answer.facts) == (True, ("aurora_2_mission", "aurora_5_mission"))


def test_a_role_said_of_the_person_is_not_one_another_holds(club):
    # Anna Berg and Tom Hale opened the stand; it was named after Pavel Orsk, no manager.
    answer = club.answer("When did Pavel Orsk open the new stand as manager?")
    assert (answer.answered, answer.facts) == (False, ())
    answer = club.answer("Did Anna Berg open the academy as manager?")
    assert (answer.answered, answer.facts) == (True, ("academy_opened",))


# -------------------------------------- "who was the X?" of a concept that names no one

@pytest.mark.parametrize("question", [
    # a fact about the embassy says nothing of an ambassador
    "Who was the first Kazakh ambassador to Serbia?",
])
def test_who_was_the_x_needs_a_fact_that_calls_someone_so(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())


def test_who_was_the_x_of_another_base(club):
    # "a crowd of 2,400" at the first match: no spectator is named
    answer = club.answer("Who was the first spectator at Riverside Stadium?")
    assert (answer.answered, answer.facts) == (False, ())
    answer = club.answer("Who was the first manager?")
    assert (answer.answered, answer.facts) == (True, ("berg_appointed",))


# --------------------------------------------------- "which X came right after Y?"

@pytest.mark.parametrize("question, facts", [
    # "came after" is the order's verb, not a visit; a launch that ended in an explosion
    # is the launch after Polaris 1
    ("Which launch came right after Polaris 1?", ("polaris_2_explosion",)),
    ("Which crewed mission came just before Aurora 6?", ("aurora_5_mission",)),
])
def test_which_x_came_after_y_is_the_next_x(space, question, facts):
    answer = space.answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


def test_which_x_came_after_y_on_our_base(engine):
    answer = engine.answer("Which opening came just after the Serbian embassy opened?")
    assert (answer.answered, answer.facts) == (True, ("kazakh_consulate_belgrade",))


# ------------------------------------------------ a verb no fact says of the person

@pytest.mark.parametrize("base, question", [
    ("ours", "What did Nazarbayev answer?"),
    ("ours", "Šta je Nazarbajev odgovorio na to?"),
    ("space", "What did Reyvik answer?"),
])
def test_what_someone_answered_is_declined_where_no_fact_has_it(engine, space, base,
                                                                 question):
    answer = (engine if base == "ours" else space).answer(question)
    assert (answer.answered, answer.facts) == (False, ())


# --------------------------------------- "the X satellite" names one thing, not two

def test_a_concept_after_a_name_is_what_it_is_so_the_verb_must_hold(space):
    # "the Polaris 1 satellite" is one thing; what it was "used for" no fact says (the
    # word is another fact's), so the launch is no answer
    answer = space.answer("What was the Polaris 1 satellite used for?")
    assert (answer.answered, answer.facts) == (False, ())
    # a verb right after a name is no apposition
    answer = space.answer("What did Lindqvist say from space?")
    assert answer.answered


# ------------------------------------------- "the first person ever": the first of all

@pytest.mark.parametrize("base, question, facts", [
    # "the agency's first spacewalk", "the first state visit of a Serbian President":
    # the first of some, not of everyone
    ("space", "Who was the first person ever to walk in space?", None),
    ("ours", "Who was the first person ever to visit Kazakhstan?", None),
    # the question's own restriction, or none asked for
    ("ours", "Who was the first ever Serbian president to visit Kazakhstan?",
     ("tadic_visit_2010",)),
    ("space", "Who made the agency's first spacewalk?", ("velikova_spacewalk",)),
])
def test_the_first_ever_is_the_first_of_all(engine, space, base, question, facts):
    answer = (engine if base == "ours" else space).answer(question)
    assert (answer.answered, answer.facts) == ((True, facts) if facts else (False, ()))


# ------------------------------------------------------- ordinals count occasions

@pytest.mark.parametrize("question, fact", [
    # the tour for the second cup and the cup that was part of it are one occasion
    ("Where was the third Harbour Cup held?", "cup_2010"),
    ("Where was the second Harbour Cup held?", "cup_2006"),
    # what is asked of the third cup is no condition on which cups count
    ("Who presented the trophy at the third Harbour Cup?", "cup_2010"),
])
def test_an_ordinal_counts_occasions_not_their_parts(club, question, fact):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_an_ordinal_counts_an_occasion_and_its_inquiry_once(space):
    # The Polaris 2 explosion and the inquiry into it: one flight of the Skadi rocket.
    answer = space.answer("What happened with the third Skadi rocket?")
    assert (answer.answered, answer.facts) == (True, ("polaris_3_launch",))


# ------------------------------------------------- who told the asker is not the question

@pytest.mark.parametrize("question, fact", [
    # a statement put up for checking: the words before the first thing it names, none
    # of them known, are who said it
    ("my neighbour swears Tokayev went to Serbia in 2024, is that right?", "tokayev_visit_2024"),
    # a question word right after the teller ("a colleague who …") does not ask
    ("A colleague who teaches chemistry wants to know when Serbia opened its embassy in Astana",
     "serbian_embassy_opened"),
])
def test_a_hearsay_frame_the_pack_has_not_seen_is_chatter(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_a_name_in_the_frame_is_no_chatter(engine):
    answer = engine.answer("my neighbour swears Putin went to Belgrade in 2024, is that right?")
    assert (answer.answered, answer.facts) == (False, ())


# ------------------------------------------------------------------ synonyms

@pytest.mark.parametrize("base, question, facts", [
    # "inaugurated": the club base's "opened" (a concept cue)
    ("club", "Who inaugurated the new stand?", ("stand_opened",)),
    # "skipper": the space base's "commander" (a cue of its crew concept)
    ("space", "Who was the skipper of Aurora 2?", ("aurora_2_mission",)),
    # "premier": "Prime Minister", two plain words of the text; "bestow": "gave" (award)
    ("space", "Which decoration did the Velusian premier bestow on Velikova?",
     ("velikova_medal_of_merit",)),
    # "go into orbit", a phrase the base does not know though it knows "go": "orbit"
    ("space", "When did the agency's lunar probe go into orbit around the Moon?",
     ("nova_1_lunar_orbit",)),
    ("space", "Which foreign spacefarer from Calvera joined the Aurora 6 crew?",
     ("aurora_6_mission",)),
])
def test_a_word_the_base_does_not_use_is_read_as_its_synonym(club, space, base, question,
                                                              facts):
    answer = (club if base == "club" else space).answer(question)
    assert (answer.answered, answer.facts) == (True, facts)


@pytest.mark.parametrize("base, question", [
    # the synonym is read ("inaugurated": opening) but no opening was in 1995
    ("club", "Who inaugurated the academy in 1995?"),
    # "skipper" is read as the crew concept; Polaris 2 flew no crew
    ("space", "Who was the skipper of Polaris 2?"),
    # "premier" read as "prime minister" must hold like the words themselves: Reyvik's
    # decoration came from a president, his prize he gave himself
    ("space", "Which decoration did the premier bestow on Reyvik?"),
])
def test_a_synonym_makes_nothing_hold_that_does_not(club, space, base, question):
    answer = (club if base == "club" else space).answer(question)
    assert (answer.answered, answer.facts) == (False, ())


@pytest.mark.parametrize("question, word", [
    # "troops" and "petroleum" are synonyms of "military" and "oil", which our base lists
    # as topics it has nothing about: read so, the question is declined, where the one
    # unknown word among many named things was left unread and a visit given as answer
    ("Did Kazakh President Nazarbayev meet Serbian President Nikolić in Belgrade in 2016 "
     "about troops?", "troops"),
    ("What did Nazarbayev say about petroleum during his 2016 visit to Belgrade?",
     "petroleum"),
])
def test_a_synonym_of_a_topic_the_base_has_nothing_about_declines(engine, question, word):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert _text(answer) == f"I don't know that: the fact base has nothing about “{word}”."


def test_a_word_the_base_knows_is_not_read_as_a_synonym(club, space):
    # "chaired" is a word of the inquiry's text ("chaired by Greta Lund"); read as its
    # synonym "led" (a cue of the director concept) nothing would hold
    answer = space.answer("Who chaired the Polaris 2 inquiry?")
    assert (answer.answered, answer.facts) == (True, ("lund_inquiry_report",))
    # "boss" is in the English pack's synonyms, but the club base knows no member of its
    # group: still an unknown word
    answer = club.answer("When did the club's boss take over?")
    assert answer.answered is False


def test_a_fact_base_adds_synonym_groups_of_its_own(tmp_path):
    import shutil
    base = tmp_path / "club"
    shutil.copytree(HERE / "fixtures" / "harbour_city", base)
    question = "Was the club founded by dockers?"
    assert not Engine(load_knowledge(base)).answer(question).answered
    en = base / "languages" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8") +
                  "synonyms:\n  dock_workers: [dock workers, dockers]\n", encoding="utf-8")
    answer = Engine(load_knowledge(base)).answer(question)
    assert (answer.answered, answer.facts) == (True, ("club_founded",))


# ------------------------------- "how many X" in a word no fact uses: no number stated

@pytest.mark.parametrize("base, question", [
    ("club", "How many stewards worked at the cup final where Pavel Orsk scored against "
             "Northport Rovers?"),
    ("ours", "How many stewards were at the inauguration of BK Tesla Park construction "
             "with Vučić and Karić?"),
    ("third", "How many spectators were in Halvik Arena for the handball final?"),
])
def test_how_many_of_a_word_no_fact_uses_is_no_count_of_the_next_topic(
        club, engine, norland, base, question):
    answer = {"club": club, "ours": engine, "third": norland}[base].answer(question)
    assert (answer.answered, answer.facts) == (False, ())
    assert _text(answer).startswith("The fact base does not say how many."), _text(answer)


# ------------------------- "who was Norland's prime minister?": someone of that country

@pytest.mark.parametrize("base, question, facts, first", [
    ("third", "Who was Norland's prime minister in 1999?", (), None),
    ("third", "Who was Estavia's prime minister in 1999?", ("kvale_visit_1999",),
     "12–14 April 1999: Norlandic President Anders Kvale"),
    ("ours", "Who was Kazakhstan's prime minister in 2016?", (), None),
    ("ours", "Who was Serbia's prime minister in 2016?", ("vucic_visit_2016",),
     "14–16 November 2016: Serbian Prime Minister Aleksandar Vučić was in Astana."),
])
def test_a_role_owned_by_a_country_is_held_by_someone_of_it(
        engine, norland, base, question, facts, first):
    answer = {"ours": engine, "third": norland}[base].answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)
    if first:
        assert _text(answer).startswith(first), _text(answer)


# ---------- "how many people did X to Y": the text's verb by them must be done to Y

@pytest.mark.parametrize("base, question, first_line", [
    # he *opened* the Business Forum (while visiting): no count of who attended it
    ("third", "How many people attended the first Business Forum?", None),
    # what they did it to stands after a thing, not after another kind of event
    ("second", "How many people visited Porto Alva?", "1: Mara Velikova."),
    ("club", "How many people inaugurated the new stand at Riverside Stadium?",
     "2: Anna Berg, Tom Hale."),
])
def test_how_many_people_did_it_to_what_the_question_names(
        club, space, norland, base, question, first_line):
    answer = {"club": club, "second": space, "third": norland}[base].answer(question)
    assert answer.answered == bool(first_line), _text(answer)
    if first_line:
        assert _text(answer).split(" | ")[0] == first_line
    else:
        assert _text(answer).startswith("The fact base does not say how many."), _text(answer)


# ------------- "what does the company X do?" of an organisation only named in passing

@pytest.fixture(scope="module")
def club_with_a_brewery(tmp_path_factory):
    import shutil
    base = tmp_path_factory.mktemp("club") / "harbour_city"
    shutil.copytree(HERE / "fixtures" / "harbour_city", base)
    entities = base / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") +
                        "- {id: dockside_brewery, type: organisation, name: Dockside Brewery}\n",
                        encoding="utf-8")
    facts = base / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "at Riverside Stadium, before a crowd of 2,400.",
        "at Riverside Stadium, near the Dockside Brewery, before a crowd of 2,400."),
        encoding="utf-8")
    return Engine(load_knowledge(base))


@pytest.mark.parametrize("base, question, facts", [
    ("club", "What does the company Dockside Brewery do?", ()),
    ("ours", "What does the company Energoprojekt do?", ()),
    # one that takes part in a fact is what that fact says of it
    ("club", "What does Northport Rovers do?", ("first_match",)),
    ("ours", "What does BK Group do?", ("bk_tesla_park_construction",)),
])
def test_an_organisation_named_alone_must_take_part(club_with_a_brewery, engine, base,
                                                     question, facts):
    answer = (club_with_a_brewery if base == "club" else engine).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts), _text(answer)


# ------- "what was the name of the X?": a name the text gives right by its word for X

@pytest.mark.parametrize("base, question, facts", [
    # a group of singers performed: the text names no group
    ("ours", "What was the name of the group of Kazakh singers who performed Luckasta si ti?",
     ()),
    ("second", "What was the name of the pump that failed on Aurora 4?", ()),
    ("club", "What was the name of the crowd at the first match against Northport Rovers?", ()),
    # "the Skadi rocket", "the Selene lander": named right by the word
    ("second", "What was the name of the rocket that exploded with Polaris 2?",
     ("polaris_2_explosion",)),
    ("second", "What was the name of the lander built with the Meridian Space Organisation?",
     ("selene_launch",)),
])
def test_the_name_of_an_x_is_a_name_the_text_gives_the_x(engine, space, club, base,
                                                           question, facts):
    answer = {"ours": engine, "second": space, "club": club}[base].answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts), _text(answer)


# ------------- "did X get one too?": a name and words that carry nothing is no "yes"

@pytest.mark.parametrize("base, question, facts", [
    ("club", "Did Tom Hale get one too?", ()),
    ("ours", "Did Tokayev get one too?", ()),
    ("club", "Did Tom Hale open the new stand?", ("stand_opened",)),
    ("ours", "Did Tokayev visit Serbia?", ("tokayev_visit_2024",)),
])
def test_a_yes_no_question_that_names_only_someone_is_no_yes(club, engine, base, question,
                                                             facts):
    answer = (club if base == "club" else engine).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts), _text(answer)
    assert _text(answer).startswith("Yes — " if facts else "I don't know that: "), _text(answer)


def test_did_he_get_one_too_after_an_award_to_someone_else(norland):
    from bot.model import Context
    context = Context()
    for question in ("When was Sofia Varga awarded the Order of the Polar Star?",
                     "and Lucian Varga?"):
        answer = norland.answer(question, context)
        context = answer.context
    answer = norland.answer("did Mihai Stoica get one too?", context)
    assert (answer.answered, answer.facts) == (False, ()), _text(answer)


# ------------------------------------------- "how many" of a word that names no topic

@pytest.mark.parametrize("question, base, fact", [
    # the occasion's own part states it: "some 300 companies took part"
    ("How many companies took part in the first Business Forum?", "third",
     "business_forum_2003"),
    ("How many firms took part in the second Harbour Cup?", "club", "cup_2006"),
    ("How many firms took part in the 2006 tour?", "club", "cup_2006"),
])
def test_how_many_of_a_plain_noun_is_the_number_the_occasion_states(club, norland, question,
                                                                      base, fact):
    engine = club if base == "club" else norland
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
    assert _text(answer).split(":")[0] == ("300 in all" if base == "third" else "40 in all")


# ------------------------------------ "when" of a concept the text says of the thing

@pytest.mark.parametrize("base, question, fact", [
    # a history fact whose text says "Norland opened a trade office in Corvena"
    ("third_base", "When did Norland open a trade office in Corvena?", "trade_office_1978"),
    # "visited the headquarters of the Meridian Space Organisation"
    ("second_base", "When did Mara Velikova visit the Meridian headquarters?",
     "velikova_porto_alva_visit"),
])
def test_when_holds_a_concept_the_text_says_right_before_the_thing_asked(engine_of, base,
                                                                          question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


# ------------------------------------------------ the n-th day of a multi-day occasion

@pytest.mark.parametrize("question, facts", [
    # 10–16 July 2006: the sixth day is the 15th, when the cup (part of the tour) was played
    ("What happened on the sixth day of the 2006 tour?", ("cup_2006",)),
    ("Where was the club on the sixth day of its 2006 tour?", ("cup_2006",)),
    # nothing is dated the second day; a day past its end is none of it
    ("What happened on the second day of the 2006 tour?", ()),
    ("What happened on the 6th day of the first match?", ()),
])
def test_the_nth_day_of_an_occasion_is_what_is_dated_that_day_of_it(club, question, facts):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


def test_the_second_day_of_a_visit_on_our_base(engine):
    answer = engine.answer("What happened in Astana on the second day of Vučić's October "
                           "2018 visit?")
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))


# ---------------------------------- "before I …" leading the question is the asker's

@pytest.mark.parametrize("question, fact", [
    ("Before I fly to Astana, when did Serbia open its embassy?", "serbian_embassy_opened"),
    ("Before we start on Belgrade: who is Tokayev?", "tokayev_visit_2024"),
])
def test_before_the_asker_s_own_clause_is_no_sequence(engine, question, fact):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))


def test_before_the_asker_s_own_clause_names_nothing_asked(norland):
    # "forget" is a concept of the third base: the clause it is in is still chatter.
    answer = norland.answer("Before I forget, and this is a bit random: who was the first "
                          "Norlandic ambassador to Estavia?")
    assert (answer.answered, answer.facts) == (True, ("solberg_ambassador",))


# --------------------------- who held a role before (after) a person: the one next to them

@pytest.mark.parametrize("question, facts", [
    ("Who was manager before Tom Hale?", ("berg_appointed",)),
    ("Who was the manager after Anna Berg?", ("hale_appointed",)),
    ("Who was manager before Anna Berg?", ()),
])
def test_who_held_the_role_before_a_person(club, question, facts):
    answer = club.answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


@pytest.mark.parametrize("base, question, fact", [
    ("second_base", "Who headed the space agency before Reyvik?", "halvorsen_appointed"),
    # not the director of another agency, nor a president of another country
    ("second_base", "Who was Director-General after Reyvik?", "velikova_appointed"),
    ("", "Who was the Serbian president before Vučić?", "nikolic_visit_2015"),
    ("", "Who was president after Tadić?", "nikolic_visit_2015"),
])
def test_who_held_the_role_next_to_a_person_of_the_same_body_and_country(engine_of, base,
                                                                        question, fact):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (True, (fact,))
