"""The language packs shipped with the engine: complete, generic, merged with a fact base
key by key, and writing dates as each language does (cross-checked against CLDR)."""
from __future__ import annotations

import shutil

import pytest
import yaml

from bot.dates import format_date, parse_date
from bot.engine import Engine
from bot.factbase import load_knowledge
from bot.factbase import languages as packs
from bot.factbase.languages import PACKS, REFERENCE, placeholders
from bot.factbase.yamlfile import Reader

CODES = ["en", "kk", "ru", "sr", "sr-Cyrl"]


def pack(code: str) -> dict:
    return yaml.load((PACKS / f"{code}.yaml").read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)  # every scalar a string, as the bot reads them


def test_every_language_has_a_pack():
    assert packs.pack_codes() == CODES


@pytest.mark.parametrize("code", [c for c in CODES if c != REFERENCE and c != "sr-Cyrl"])
def test_a_pack_has_every_key_and_template_of_the_reference(code):
    reference, own = pack(REFERENCE), pack(code)
    assert set(reference) - {"letters"} <= set(own)
    assert set(own["templates"]) == set(reference["templates"])
    for key, text in own["templates"].items():
        assert placeholders(text) <= placeholders(reference["templates"][key]), key
    for key in ("intents", "modifiers", "pronouns", "grammar", "qualifiers"):
        assert set(own[key]) == set(reference[key]), key


def test_no_domain_in_the_packs(kb):
    """Nothing of Kazakhstan–Serbia: no name or alias of our fact base, no concept, none of
    our source's words in any pack, and no list or word that only our domain needs."""
    stemming = kb.stemming
    names = {stemming.stems(n) for e in kb.entities.values()
             for n in (*e.names.values(), *e.aliases, *e.demonyms)}
    for code in CODES:
        data = pack(code)
        assert "concepts" not in data and "outside" not in data, code
        words = [w for key in ("stopwords",) for w in data.get(key, [])] + \
            [w for key in ("intents", "modifiers", "pronouns", "grammar")
             for group in data.get(key, {}).values() for w in group]
        assert not [w for w in words if stemming.stems(w) in names], code
        text = yaml.safe_dump(data, allow_unicode=True).lower()
        for word in ("wikipedia", "википед", "vikiped", "уикипед", "vucic", "vučić", "вучич",
                     "missions", "embass", "посольств", "ambasad", "елшілік"):
            assert word not in text, (code, word)


def test_a_fact_base_file_extends_and_overrides_the_pack(kb):
    en = kb.language("en")
    assert "the" in en.stopwords            # from the pack
    assert "wikipedia" in en.stopwords      # from our languages/en.yaml
    assert en.templates["start"].startswith("Hello! I answer questions about {title}: visits")
    assert en.templates["dont_know"] == pack("en")["templates"]["dont_know"]
    ru = kb.language("ru")
    assert "в" in ru.grammar["place_before"] and "посольство" in ru.grammar["owner_before"]


def test_a_key_the_loader_does_not_know_flows_through(tmp_path, monkeypatch, knowledge_copy):
    """A newer pack brings `smalltalk` (a mapping of lists): a fact base extends it, with
    no change to the loader, and the engine finds it in `Language.vocabulary`."""
    shutil.copytree(PACKS, tmp_path / "packs")
    for code in ("en", "ru", "sr", "kk"):
        path = tmp_path / "packs" / f"{code}.yaml"
        path.write_text(path.read_text(encoding="utf-8") +
                        "\nsmalltalk:\n  greeting: [hello there]\nnow_words: [now]\n",
                        encoding="utf-8")
    monkeypatch.setattr(packs, "PACKS", tmp_path / "packs")
    en = knowledge_copy / "languages" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8") +
                  "\nsmalltalk:\n  greeting: [howdy]\nnow_words: [currently]\n", encoding="utf-8")
    kb = load_knowledge(knowledge_copy)
    assert kb.language("en").vocabulary["smalltalk"] == {"greeting": ("hello there", "howdy")}
    assert kb.language("en").vocabulary["now_words"] == ("now", "currently")
    assert kb.language("sr-Cyrl").vocabulary["smalltalk"] == {"greeting": ("хелло тхере",)}
    # and a fact base's file is held to the pack's shape for it
    en.write_text(en.read_text(encoding="utf-8").replace("greeting: [howdy]", "greeting: howdy"),
                  encoding="utf-8")
    en.write_text(en.read_text(encoding="utf-8").replace("now_words: [currently]",
                                                         "now_words: {a: b}"), encoding="utf-8")
    from bot.factbase import KnowledgeError
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(knowledge_copy)
    assert [str(p) for p in info.value.problems] == [
        f"languages/en.yaml:{_line(en, 'now_words')}: now_words: expected a list of words"]


def _line(path, key) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(key + ":"))


def test_an_old_style_fact_base_with_generic_lists_still_loads(kb, knowledge_copy, engine):
    """A languages/CODE.yaml that still carries the generic lists (what every language file
    held before the packs) extends the pack: the same words, the same answers."""
    for code in ("en", "ru", "sr", "kk"):
        full = {k: _plain(v) for k, v in kb.language(code).vocabulary.items()}
        (knowledge_copy / "languages" / f"{code}.yaml").write_text(
            yaml.safe_dump(full, allow_unicode=True), encoding="utf-8")
    old = load_knowledge(knowledge_copy)
    for code in CODES:
        assert old.language(code) == kb.language(code), code
    again = Engine(old)
    for question in ("When did Nazarbayev visit Belgrade?", "Где посольство Сербии?",
                     "Kada je Vučić posetio Astanu?", "Тоқаев Сербияға қашан барды?"):
        assert again.answer(question).text == engine.answer(question).text


def _plain(value):
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    return value


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("code, date, written", [
    ("en", "1996-12-10", "10 December 1996"),
    ("en", "2010-10-06/07", "6–7 October 2010"),
    ("en", "2016-11-30/12-02", "30 November – 2 December 2016"),
    ("en", "early 2015-06", "early June 2015"),
    ("en", "2018/2023", "2018 – 2023"),
    ("ru", "2017-06", "июнь 2017"),
    ("ru", "2017-06-09", "9 июня 2017"),
    ("ru", "early 2015-06", "в начале июня 2015"),
    ("ru", "2016-02/03", "февраль – март 2016"),
    ("sr", "2010-10-06/07", "6–7. oktobra 2010"),
    ("sr", "2017-06", "jun 2017"),
    ("sr-Cyrl", "2017-06", "јун 2017"),
    ("kk", "2024-11-18/19", "2024 ж. 18–19 қараша"),
    ("kk", "1996-12-10", "1996 ж. 10 желтоқсан"),
    ("kk", "2017-06", "2017 ж. маусым"),
    ("kk", "2016-11-30/12-02", "2016 ж. 30 қараша – 2 желтоқсан"),
    ("kk", "2015/2016", "2015 – 2016"),
])
def test_dates_as_each_language_writes_them(kb, code, date, written):
    assert format_date(parse_date(date), kb.language(code)) == written


#: Our pack → the CLDR locale whose month names and date order it follows.
CLDR = {"en": "en_GB", "ru": "ru", "sr": "sr_Latn", "sr-Cyrl": "sr_Cyrl", "kk": "kk"}


@pytest.mark.parametrize("code", CODES)
def test_month_names_match_cldr(kb, code):
    """Babel is a test dependency only: the bot reads its own tables (cold start)."""
    dates = pytest.importorskip("babel.dates")
    lang = kb.language(code)
    wide = list(dates.get_month_names("wide", "format", CLDR[code]).values())
    alone = list(dates.get_month_names("wide", "stand-alone", CLDR[code]).values())
    standalone = lang.months_standalone or lang.months
    assert [m.lower() for m in standalone] == [m.lower() for m in alone]
    if code.startswith("sr"):
        # Serbian writes a day with the genitive ("10. decembra"), which CLDR does not
        # list: it must be the nominative plus the genitive ending.
        assert all(g[:3] == n[:3] and g[-1] in "aа" and g != n
                   for g, n in zip(lang.months, [m.lower() for m in wide]))
    else:
        assert [m.lower() for m in lang.months] == [m.lower() for m in wide]


@pytest.mark.parametrize("code", CODES)
def test_date_order_matches_cldr(kb, code):
    """Year first where CLDR's long date puts it first (Kazakh), last elsewhere."""
    babel = pytest.importorskip("babel")
    pattern = babel.Locale.parse(CLDR[code]).date_formats["long"].pattern
    ours = kb.language(code).date_formats.get("day", "{day} {month} {year}")
    order = sorted("dMy", key=lambda c: pattern.index(c))
    assert sorted("dMy", key=lambda c: ours.index({"d": "{day}", "M": "{month}",
                                                    "y": "{year}"}[c])) == order


def test_the_reference_pack_reads_without_problems(tmp_path):
    reader = Reader(tmp_path)
    for code in CODES:
        packs._read_pack(reader, code)
    assert reader.problems == []


def _tiny(directory, language: str, languages: str = "") -> None:
    (directory / "languages").mkdir(parents=True)
    (directory / "meta.yaml").write_text(
        f"title: T\nsource: {{title: S}}\nlanguage: {language}\n{languages}", encoding="utf-8")
    (directory / "entities.yaml").write_text("- {id: astana, type: place, name: Astana}\n",
                                             encoding="utf-8")
    (directory / "facts.yaml").write_text(
        "- {id: f, kind: embassy, section: S, where: [astana], text: Srbija ima ambasadu.}\n",
        encoding="utf-8")
    (directory / "languages" / f"{language}.yaml").write_text(
        "concepts: {embassy: [ambasada]}\n", encoding="utf-8")


def test_stemming_is_chosen_by_language_from_the_packs(kb, tmp_path):
    """Each script's words go through the stemmer of the base's first language written in
    it: English for our Latin words, Serbian's own for a Serbian base."""
    assert kb.stemming.by_script == (("CYRILLIC", "russian"), ("LATIN", "english"))
    _tiny(tmp_path / "sr", "sr")
    serbian = load_knowledge(tmp_path / "sr")
    assert serbian.stemming.by_script == (("LATIN", "serbian"),)
    assert serbian.stemming.stem("ambasadi") == serbian.stemming.stem("ambasada")
    assert kb.stemming.stem("ambasadi") != kb.stemming.stem("ambasada")
    answer = Engine(serbian).answer("Šta je u ambasadi u Astani?")
    assert answer.facts == ("f",)


def test_a_stemmer_snowball_does_not_have_is_reported(tmp_path):
    _tiny(tmp_path / "sr", "sr")
    path = tmp_path / "sr" / "languages" / "sr.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "stemmer: serbo\n", encoding="utf-8")
    from bot.factbase import KnowledgeError
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(tmp_path / "sr")
    assert [str(p) for p in info.value.problems] == [
        "languages/sr.yaml:2: stemmer: 'serbo' is not a Snowball algorithm (english, russian, "
        "serbian, french, german, …) or 'none'"]
