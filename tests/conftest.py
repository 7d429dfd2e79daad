"""Shared fixtures: the shipped fact base, loaded once, and a way to copy it for breaking."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from bot.cli import default_knowledge
from bot.engine import Engine
from bot.factbase import load_knowledge

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# Compiled fact bases go to a cache of the test run's own, never the user's; every
# subprocess a test starts inherits it.
os.environ["KAZSERB_BOT_CACHE"] = tempfile.mkdtemp(prefix="kazserb-bot-test-cache-")


@pytest.fixture(scope="session")
def kb():
    return load_knowledge(default_knowledge())


@pytest.fixture(scope="session")
def engine(kb):
    return Engine(kb)


#: The other test bases, by short name: each written for another domain.
BASES = {"club": REPO / "tests" / "fixtures" / "harbour_city",
         "second": REPO / "tests" / "second_base" / "knowledge",
         "third": REPO / "tests" / "third_base" / "knowledge",
         "fourth": REPO / "tests" / "fourth_base" / "knowledge",
         "fifth": REPO / "tests" / "fifth_base" / "knowledge",
         "sixth": REPO / "tests" / "sixth_base" / "knowledge"}


@pytest.fixture(scope="session")
def engine_of(engine):
    """Engine of a test base by name ("second", "second_base"; "ours" or "" is ours),
    each built once per run."""
    built: dict[str, Engine] = {}

    def get(name: str) -> Engine:
        name = name.removesuffix("_base")
        if name in ("", "ours"):
            return engine
        if name not in built:
            built[name] = Engine(load_knowledge(BASES[name]))
        return built[name]
    return get


def _base_fixture(fixture: str, name: str):
    """A session fixture naming one test base's engine, as tests ask for it."""
    return pytest.fixture(scope="session", name=fixture)(lambda engine_of: engine_of(name))


club, space, norland, fourth, fifth = (_base_fixture(f, n) for f, n in (
    ("club", "club"), ("space", "second"), ("norland", "third"), ("fourth", "fourth"),
    ("fifth", "fifth")))


def write_base(root: Path, entities: str, facts: str, concepts: str, *,
               language: str = "en", title: str = "Invented") -> Path:
    """Writes a fact base of a few lines, as SCHEMA.md describes it, for one test: the
    entities and facts as YAML text, `concepts` as the body of languages/LANGUAGE.yaml."""
    (root / "languages").mkdir(parents=True)
    (root / "meta.yaml").write_text(
        f"title: {title}\nsource: {{title: invented}}\nlanguage: {language}\n",
        encoding="utf-8")
    (root / "entities.yaml").write_text(entities, encoding="utf-8")
    (root / "facts.yaml").write_text(facts, encoding="utf-8")
    (root / "languages" / f"{language}.yaml").write_text(concepts, encoding="utf-8")
    return root


@pytest.fixture
def small_base(tmp_path):
    """The engine of a fact base written for one test (arguments as `write_base`): the
    guard that a behaviour holds on a base of another domain, not only on ours."""
    def build(entities: str, facts: str, concepts: str, **meta) -> Engine:
        return Engine(load_knowledge(write_base(tmp_path / "kb", entities, facts, concepts,
                                                **meta)))
    return build


@pytest.fixture
def api():
    """A fresh local fake Bot API server (tests/fake_bot_api.py) for one test."""
    from fake_bot_api import FakeBotApi
    with FakeBotApi() as server:
        yield server


@pytest.fixture
def knowledge_copy(tmp_path) -> Path:
    """A writable copy of the shipped fact base, for tests that break it on purpose."""
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge(), target)
    return target


@pytest.fixture(scope="session")
def ask_in_turn():
    """Ask questions one after another, each with the context the answer before returned:
    a conversation through the engine's public answer()."""
    def ask(engine, questions):
        context, answers = None, []
        for question in questions:
            answer = engine.answer(question, context)
            answers.append(answer)
            context = answer.context
        return answers
    return ask
