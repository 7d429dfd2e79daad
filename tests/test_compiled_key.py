"""The compiled form is keyed by the files as the build found them: a fact file changed
while a (long) build runs leaves the next start rebuilding, never served the engine built
from the old file under the new file's key."""
from __future__ import annotations

from pathlib import Path

import pytest

import bench.worker
import bot.factbase.loader
from bot.engine import compiled

QUESTION = "When did Nazarbayev visit Belgrade?"


def _changed_during_the_build(module, monkeypatch, facts: Path) -> None:
    """The fact file is edited right after the build has read it."""
    real = module.load_knowledge

    def load_then_edit(directory):  # type: ignore[no-untyped-def]
        kb = real(directory)
        facts.write_text(facts.read_text(encoding="utf-8").replace(
            "date: 2016-08-23/25", "date: 2017-08-23/25"), encoding="utf-8")
        return kb

    monkeypatch.setattr(module, "load_knowledge", load_then_edit)


@pytest.mark.parametrize("first_start", ["load_engine", "benchmark_build"])
def test_a_file_changed_during_the_build_is_rebuilt(knowledge_copy, tmp_path, monkeypatch,
                                                     first_start):
    monkeypatch.setenv("KAZSERB_BOT_CACHE", str(tmp_path / "cache"))
    facts = knowledge_copy / "facts.yaml"
    if first_start == "load_engine":
        _changed_during_the_build(bot.factbase.loader, monkeypatch, facts)
        first = compiled.load_engine(knowledge_copy)
        assert first.engine.answer(QUESTION).text.startswith("23–25 August 2016: ")
    else:
        _changed_during_the_build(bench.worker, monkeypatch, facts)
        bench.worker.build(knowledge_copy)
    monkeypatch.undo()
    monkeypatch.setenv("KAZSERB_BOT_CACHE", str(tmp_path / "cache"))
    assert "2017-08-23/25" in facts.read_text(encoding="utf-8")
    assert len(list((tmp_path / "cache").glob("*.engine"))) == 1

    later = compiled.load_engine(knowledge_copy)

    assert not later.from_cache
    assert later.engine.answer(QUESTION).text.startswith("23–25 August 2017: ")
