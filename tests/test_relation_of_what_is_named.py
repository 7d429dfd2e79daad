"""What a question names in a relation must stand in that relation in the fact, not just
appear in its text (issue 8): what someone said *about* a topic is that topic ("spoke …
about the Jabayev Monument" is nothing about Nikola Tesla); "X's wife did E" is hers, not
X's; "who signed it *for* Kazakhstan?" asks for someone of Kazakhstan the text has sign;
"who founded the *locomotive depot*?" is not "founded the museum *in* the old locomotive
depot". A fact that does not is at most the nearest thing the bot has."""
import pytest


@pytest.mark.parametrize("base, question, facts", [
    # said about another topic
    ("ours", "What did Issekeshev say about Nikola Tesla?", ()),
    ("ours", "What did Issekeshev say about Vučić?", ()),
    ("ours", "Did Issekeshev speak about Nikola Tesla?", ()),
    ("ours", "Что Исекешев сказал о Николе Тесле?", ()),
    ("ours", "Šta je Isekešev rekao o Nikoli Tesli?", ()),
    ("ours", "Исекешев Никола Тесла туралы не айтты?", ()),
    ("second", "What did Lindqvist say about the Moon?", ()),
    ("ours", "What did Issekeshev say about the Jabayev Monument?", ("tesla_street_inaugurated",)),
    ("ours", "Что Исекешев говорил о памятнике Джабаеву?", ("tesla_street_inaugurated",)),
    ("ours", "Исекешев Жабаев ескерткіші туралы не айтты?", ("tesla_street_inaugurated",)),
    ("ours", "What did Masimov say about Kosovo?", ("masimov_kosovo_statement",)),
    ("second", "What did Reyvik say about Velikova?", ("reyvik_on_velikova",)),
])
def test_what_was_said_about(engine_of, base, question, facts):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


@pytest.mark.parametrize("base, question, facts", [
    # the one named by a relation to someone did it, not that someone
    ("ours", "Did Vučić's wife attend Expo 2017?", ()),
    ("ours", "Was Vučić's wife in Astana?", ()),
    ("ours", "When did Vučić's wife visit Astana?", ()),
    ("ours", "Посетила ли жена Вучича ЭКСПО-2017?", ()),
    ("ours", "Da li je supruga Vučića posetila Ekspo 2017?", ()),
    ("ours", "Вучичтің әйелі ЭКСПО-2017 көрмесіне барды ма?", ()),
    ("ours", "What was the name of Vučić's baby?", ()),
    ("third", "Did Lucian Varga's wife visit Halvik?", ()),
    ("third", "Did Lucian Varga's daughter visit Halvik?", ("sofia_varga_visit_2016",)),
    ("ours", "What is the name of Vučić's wife?", ("vucic_visit_2017",)),
    ("ours", "What is Vučić's wife's name?", ("vucic_visit_2017",)),
    ("ours", "Как зовут жену Вучича?", ("vucic_visit_2017",)),
    ("ours", "When did Vučić's wife go into labour?", ("vucic_visit_2017",)),
    ("ours", "Who is Tamara in the context of the 2017 visit?", ("vucic_visit_2017",)),
    ("fifth", "What is the name of Isolde Marrin's son?", ("victor_director",)),
    # a word for someone that the reading passes over ("father", a stop word of "my dad")
    ("fourth", "When did Queen Maren's father visit Belmora?", ()),
    ("third", "Did Elin Kvale's father visit Estavia?", ()),
    ("third", "When did Anders Kvale's daughter visit Estavia?", ("elin_kvale_visit_2018",)),
    # a title right before a name in English is no relative ("Mayor Issekeshev")
    ("ours", "What did Mayor Issekeshev talk about at the ceremony?",
     ("tesla_street_inaugurated",)),
])
def test_someone_named_by_their_relation(engine_of, base, question, facts):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


@pytest.mark.parametrize("base, question, facts", [
    # someone of the country asked for, whom the text has do the deed
    ("ours", "Who signed the FTA for Kazakhstan?", ()),
    ("ours", "Who signed the free trade agreement on behalf of Kazakhstan?", ()),
    ("ours", "Кто подписал соглашение о свободной торговле за Казахстан?", ()),
    ("ours", "Ko je potpisao sporazum o slobodnoj trgovini u ime Kazahstana?", ()),
    ("ours", "Who opened the embassy for Serbia?", ()),
    ("third", "Who signed the double taxation agreement for Estavia?", ()),
    ("ours", "Who signed the FTA?", ("free_trade_agreement_2010",)),
    ("ours", "Who signed the Belgrade declaration for Yugoslavia?", ("belgrade_declaration",)),
    ("second", "Who signed the Treaty of Steinholm for Aldmark?", ("treaty_of_steinholm_signed",)),
    ("second", "Who signed the Korvana Accord on behalf of Velusia?", ("korvana_accord_signed",)),
    ("third", "Who hosted the reception for Estavia?", ("anniversary_reception_2022",)),
    ("fifth", "Who signed the Treaty of Brisca for Calvia?", ("treaty_signed",)),
])
def test_done_for_a_country(engine_of, base, question, facts):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


@pytest.mark.parametrize("base, question, facts", [
    # what the deed was done to, not where it was done
    ("fifth", "Who founded the locomotive depot at Brisca?", ()),
    ("fifth", "Who founded the old depot?", ()),
    ("ours", "Who opened the firm Energoprojekt?", ()),
    ("third", "Who opened the Old Town of Corvena?", ()),
    ("third", "Who unveiled Liberty Park?", ()),
    ("second", "Who opened the Velusian capital?", ()),
    ("fifth", "Who founded the Brisca Railway Museum?", ("museum_founded",)),
    ("fifth", "Who founded the museum in the depot?", ("museum_founded",)),
    ("ours", "Who opened the consulate in Belgrade?", ("kazakh_consulate_belgrade",)),
    ("third", "Who unveiled the statue of Ivar Brekke?", ("brekke_statue_unveiled",)),
    # a deed the fact base does to places: visiting the headquarters there is a visit there
    ("second", "When did Mara Velikova visit Porto Alva?", ("velikova_porto_alva_visit",)),
    ("third", "When did Elin Kvale visit Corvena?", ("elin_kvale_visit_2018",)),
])
def test_done_to_not_where(engine_of, base, question, facts):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts) == (bool(facts), facts)


@pytest.mark.parametrize("base, question, nearest", [
    ("ours", "What did Issekeshev say about Nikola Tesla?", ("tesla_street_inaugurated",)),
    ("ours", "Did Vučić's wife attend Expo 2017?", ("vucic_visit_2017",)),
    ("ours", "Who signed the FTA for Kazakhstan?",
     ("free_trade_agreement_2010", "eurasian_union_support")),
    ("fifth", "Who founded the locomotive depot at Brisca?", ("museum_founded",)),
    # the wife who went into labor is what the visit is about, not one who visited
    ("ours", "Did Tamara Vučić visit Astana?", ("vucic_visit_2017",)),
])
def test_the_fact_is_offered_as_nearest(engine_of, base, question, nearest):
    answer = engine_of(base).answer(question)
    assert (answer.answered, answer.facts, answer.nearest) == (False, (), nearest)
