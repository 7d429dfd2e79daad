""""Који председници Србије …?": a language derived by transliteration (sr-Cyrl from sr)
keeps a grammar position as written (`owner_by_role: [after]`), so "председници Србије"
are Serbia's presidents as in Latin script, not Kazakh visitors to Serbia."""


def test_position_kept(engine):
    assert engine.kb.language("sr-Cyrl").grammar.get("owner_by_role") == ("after",)


def test_serbian_presidents_in_cyrillic(engine):
    latin = engine.answer("Koji predsednici Srbije su posetili Kazahstan?")
    cyrillic = engine.answer("Који председници Србије су посетили Казахстан?")
    assert cyrillic.facts == latin.facts == (
        "tadic_visit_2010", "nikolic_visit_2015", "vucic_visit_2017", "vucic_visit_2018")
