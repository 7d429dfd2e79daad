"""Writing a fact base: `kazserb-bot new`, `check` on every mistake an author makes, and
front ends that never crash on a fact base that `check` passes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from test_cli import run

from bot.factbase.scaffold import FILES


@pytest.fixture
def scaffold(tmp_path) -> Path:
    target = tmp_path / "choir"
    result = run("new", str(target))
    assert result.returncode == 0, result.stderr
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(directory: Path) -> tuple[int, list[str]]:
    """Exit code and problems, each with the directory taken off."""
    result = run("check", "--knowledge", str(directory))
    lines = result.stderr.decode().splitlines()[1:]
    assert b"Traceback" not in result.stderr
    return result.returncode, [line.replace(f"{directory}/", "") for line in lines]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_new_writes_a_fact_base_that_passes_check_and_answers_its_examples(scaffold):
    assert sorted(str(p.relative_to(scaffold)) for p in scaffold.rglob("*.yaml")) == \
        sorted(FILES)
    result = run("check", "--knowledge", str(scaffold))
    assert result.returncode == 0 and result.stdout.decode() == \
        f"{scaffold}: OK – 3 entities, 2 facts, 1 language(s)\n"
    stdin = b"When was the Riverton Choir founded?\nWho conducts the Riverton Choir?\n" \
            b"When did the choir tour Japan?\n"
    replies = [json.loads(line) for line in run("--knowledge", str(scaffold), "ask", "--json",
                                                "-", stdin=stdin).stdout.decode().splitlines()]
    assert [r["facts"] for r in replies] == [["choir_founded"], ["conductor_appointed"], []]
    assert replies[2]["answer"] == \
        "I don't know that: the fact base has nothing about “tour”, “Japan”."
    # and the file holds only the domain: no question words, stop words, months, templates
    assert set(yaml.safe_load(FILES["languages/en.yaml"])) == {"language", "concepts", "outside"}


def test_new_refuses_a_directory_in_use(scaffold):
    result = run("new", str(scaffold))
    assert result.returncode == 2
    assert result.stderr.decode() == f"kazserb-bot: {scaffold} exists and is not an empty directory\n"


def test_help_names_the_fact_base(scaffold):
    out = run("--knowledge", str(scaffold), "--help").stdout.decode()
    assert "The Riverton Choir" in " ".join(out.split())
    assert "Kazakhstan" not in out
    ours = " ".join(run("--help").stdout.decode().split())
    assert "Answers questions about “Kazakhstan–Serbia relations”" in ours


def test_console_banner_help_and_about_name_the_fact_base(scaffold):
    out = run("console", "--knowledge", str(scaffold),
              stdin=b"/help\n/about\n/conductors\n/missions\n").stdout.decode()
    assert out.startswith("Ask a question about The Riverton Choir in plain words, for example:\n"
                          "  When was the Riverton Choir founded?\n")
    assert "/conductors – Who has conducted the choir\n" in out and "/missions –" not in out
    assert "About The Riverton Choir: the answers come from “The Riverton Choir – a short " \
           "history” by Riverton Town Library" in out
    assert "Conductors\n10 January 2015: Maria Example became the conductor" in out


# ------------------------------------------------------------------ check

def _missing_template(d: Path):
    """A language without a pack must bring every template the English pack has."""
    from bot.factbase.languages import PACKS
    templates = yaml.safe_load((PACKS / "en.yaml").read_text(encoding="utf-8"))["templates"]
    del templates["count"]
    (d / "languages" / "eo.yaml").write_text(
        "language: eo\nname: Esperanto\nmonths: [januaro, februaro, marto, aprilo, majo, "
        "junio, julio, aŭgusto, septembro, oktobro, novembro, decembro]\n" +
        yaml.safe_dump({"templates": templates}, allow_unicode=True), encoding="utf-8")
    return "languages/eo.yaml:4: templates: missing 'count' (the en pack has '{count} in all:'; translate it)"


def _bad_placeholder(d: Path):
    path = d / "languages" / "en.yaml"
    path.write_text(path.read_text(encoding="utf-8") +
                    "templates:\n  count: \"{n} facts:\"\n", encoding="utf-8")
    return (f"languages/en.yaml:{line_of(path, 'count:')}: templates.count: unknown "
            "placeholder(s) n (this template can use: count)")


def _placeholder_that_fails_at_run_time(d: Path):
    path = d / "languages" / "en.yaml"
    path.write_text(path.read_text(encoding="utf-8") +
                    "templates:\n  more: \"… and {count[0]} more\"\n", encoding="utf-8")
    return (f"languages/en.yaml:{line_of(path, 'more:')}: templates.more: write placeholders "
            "as {name}, and braces as {{ and }}")


def _unknown_example(d: Path):
    edit(d / "meta.yaml", "examples: [choir_founded,", "examples: [choir_funded,")
    return f"meta.yaml:{line_of(d / 'meta.yaml', 'examples:')}: examples: 'choir_funded' is " \
           "not a fact (did you mean 'choir_founded'?)"


def _unknown_list_concept(d: Path):
    edit(d / "meta.yaml", "kinds: [appointment]", "concepts: [apointment]")
    return f"meta.yaml:{line_of(d / 'meta.yaml', 'concepts: [apointment]')}: /conductors: " \
           "concepts: 'apointment' is not a concept (did you mean 'appointment'?)"


def _unknown_list_fact(d: Path):
    edit(d / "meta.yaml", "kinds: [appointment]", "facts: [nothing_here]")
    return f"meta.yaml:{line_of(d / 'meta.yaml', 'facts: [nothing_here]')}: /conductors: " \
           "facts: 'nothing_here' is not a fact"


def _list_named_like_a_command(d: Path):
    edit(d / "meta.yaml", "command: conductors", "command: help")
    return f"meta.yaml:{line_of(d / 'meta.yaml', 'command: help')}: lists: /help is already a command"


def _question_not_answered(d: Path):
    edit(d / "facts.yaml", "question: Who conducts the Riverton Choir?",
         "question: When was the Riverton Choir founded in Riverton?")
    return (f"facts.yaml:{line_of(d / 'facts.yaml', 'founded in Riverton?')}: conductor_appointed: "
            "its en question 'When was the Riverton Choir founded in Riverton?' is answered "
            "with choir_founded: name in it what the fact is tagged with (who, where, kind, "
            "tags), or tag the fact with what it names")


def _cue_word_hidden_by_outside(d: Path):
    edit(d / "languages" / "en.yaml", "founding: [found,", "founding: [tour, found,")
    return (f"languages/en.yaml:{line_of(d / 'languages' / 'en.yaml', 'founding:')}: "
            "concepts.founding: cue word 'tour' is read as an outside word (en), so it never "
            "means 'founding': remove one of the two")


def _unknown_language_key(d: Path):
    path = d / "languages" / "en.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "stopword: [choir]\n", encoding="utf-8")
    return f"languages/en.yaml:{line_of(path, 'stopword:')}: unknown key 'stopword' (did you mean 'stopwords'?)"


def _unknown_intent(d: Path):
    path = d / "languages" / "en.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "intents:\n  whenn: [at what time]\n",
                    encoding="utf-8")
    return (f"languages/en.yaml:{line_of(path, 'whenn')}: intents: 'whenn' is not one of clock, "
            "when, who, where, why, cause, how_many, what, about, day, name, measure "
            "(did you mean 'when'?)")


@pytest.mark.parametrize("mistake", [
    _missing_template, _bad_placeholder, _placeholder_that_fails_at_run_time, _unknown_example, _unknown_list_concept,
    _unknown_list_fact, _list_named_like_a_command, _question_not_answered,
    _cue_word_hidden_by_outside, _unknown_language_key, _unknown_intent])
def test_check_reports_each_mistake_with_file_and_line(scaffold, mistake):
    expected = mistake(scaffold)
    code, problems = check(scaffold)
    assert (code, problems) == (1, [expected])


def test_a_duplicate_key_hides_no_other_problem(scaffold):
    meta = scaffold / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "title: Again\n", encoding="utf-8")
    _unknown_example(scaffold)
    edit(scaffold / "facts.yaml", "date: 1998-09", "date: 1998-13")
    code, problems = check(scaffold)
    assert code == 1 and problems == [
        f"facts.yaml:{line_of(scaffold / 'facts.yaml', 'date: 1998-13')}: bad month in '1998-13'",
        f"meta.yaml:{line_of(meta, 'examples:')}: examples: 'choir_funded' is not a fact "
        "(did you mean 'choir_founded'?)",
        f"meta.yaml:{line_of(meta, 'title: Again')}: duplicate key 'title'"]


def test_an_alias_clash_from_a_translation_names_its_file_and_line(knowledge_copy):
    """Found only once translations are in: reported where the translation wrote it, with
    where the other entity's name is."""
    ru = knowledge_copy / "translations" / "ru.yaml"
    edit(ru, "aliases: [", "aliases: [Борис Тадич, ")
    entities = knowledge_copy / "entities.yaml"
    code, problems = check(knowledge_copy)
    at = line_of(ru, "aliases: [Борис Тадич, ")
    assert (code, problems[0]) == (1, (
        f"translations/ru.yaml:{at}: alias 'Борис Тадич' of 'kazakhstan' is also a name of "
        f"'boris_tadic' (entities.yaml:{line_of(entities, 'Борис Тадич')})"))
    # The Russian stemmer folds "Бориса Тадича" onto it as well: each where it is written.
    assert all(p.startswith("translations/ru.yaml:") and f"(translations/ru.yaml:{at})" in p
               for p in problems[1:])


# ------------------------------------------------------------------ front ends

def _minimal(d: Path) -> None:
    """The least a fact base can be: one entity, one fact, one concept, no examples, no
    lists, no source beyond a title."""
    shutil.rmtree(d)
    (d / "languages").mkdir(parents=True)
    (d / "meta.yaml").write_text("title: Tiny\nsource: {title: Notes}\nlanguage: en\n",
                                 encoding="utf-8")
    (d / "entities.yaml").write_text("- {id: ada, type: person, name: Ada}\n", encoding="utf-8")
    (d / "facts.yaml").write_text("- {id: ada_born, kind: birth, section: Life, who: [ada], "
                                  "date: 1815-12-10, text: Ada was born.}\n", encoding="utf-8")
    (d / "languages" / "en.yaml").write_text("concepts: {birth: [born, birth]}\n",
                                             encoding="utf-8")


def _russian_only(d: Path) -> None:
    """A base in another language than ours, with no English at all."""
    _minimal(d)
    (d / "meta.yaml").write_text("title: Крошка\nsource: {title: Заметки}\nlanguage: ru\n",
                                 encoding="utf-8")
    (d / "languages" / "en.yaml").unlink()
    (d / "languages" / "ru.yaml").write_text("concepts: {birth: [родилась, рождение]}\n",
                                             encoding="utf-8")
    edit(d / "facts.yaml", "Ada was born.", "Ада родилась.")


@pytest.mark.parametrize("make", [_minimal, _russian_only, lambda d: None])
def test_front_ends_never_crash_on_a_base_check_passes(scaffold, make, tmp_path):
    make(scaffold)
    assert run("check", "--knowledge", str(scaffold)).returncode == 0
    commands = ["", "   ", "/start", "/help", "/about", "/timeline", "/timeline 1815",
                "/timeline 1990-2000", "/timeline Ada", "/missions", "/conductors", "/language",
                "/language ru", "/language xx", "Who is Ada?", "When was Ada born?", "How many?",
                "When?", "What did she say?", "first", "x" * 2000, "/quit"]
    result = run("console", "--knowledge", str(scaffold),
                 stdin="\n".join(commands).encode())
    assert result.returncode == 0 and result.stderr == b""
    result = run("ask", "--knowledge", str(scaffold), "--json", "-",
                 stdin="\n".join(commands).encode())
    assert result.returncode == 0 and result.stderr == b""
    assert len(result.stdout.decode().splitlines()) == len(commands)
    questions = tmp_path / "set.yaml"
    questions.write_text('- {q: "Who is Ada?", expect: [Ada]}\n- {q: "What is the weather?", '
                         'abstain: true}\n', encoding="utf-8")
    result = run("eval", "--knowledge", str(scaffold), str(questions))
    assert b"Traceback" not in result.stderr and result.returncode in (0, 1)


def test_the_older_missions_field_still_works(scaffold):
    meta = scaffold / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text[:text.index("lists:")] + "missions: [appointment]\n", encoding="utf-8")
    code, problems = check(scaffold)
    assert (code, problems) == (1, [
        f"meta.yaml:{line_of(meta, 'missions:')}: missions: no title for /missions: declare it "
        "under lists: with a title and description (see SCHEMA.md), or give the "
        "missions_title template"])
    en = scaffold / "languages" / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8") + "templates:\n  missions_title: Conductors\n"
                  "  cmd_missions: The conductors\n", encoding="utf-8")
    out = run("console", "--knowledge", str(scaffold), stdin=b"/missions\n/help\n").stdout.decode()
    assert out.startswith("Conductors\n10 January 2015: Maria Example became the conductor")
    assert "/missions – The conductors\n" in out


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_a_second_fact_base_with_only_concepts_answers_and_declines_as_ours_does():
    """Two invented countries, English only, its language file nothing but concepts: it
    loads, passes check, answers its football questions (our `outside` list, which holds
    "football", stays ours) and declines what it has nothing about."""
    base = FIXTURES / "ruritania"
    assert set(yaml.safe_load((base / "languages" / "en.yaml").read_text(encoding="utf-8"))) \
        == {"concepts"}
    assert run("check", "--knowledge", str(base)).returncode == 0
    result = run("eval", "--knowledge", str(base), str(FIXTURES / "ruritania_questions.yaml"),
                 "--min-accuracy", "1", "--min-abstain", "1")
    assert result.returncode == 0, result.stdout.decode()
    assert "answerable 9/9 (100.0%), abstained 4/4 (100.0%)" in result.stdout.decode()
