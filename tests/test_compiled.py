"""The compiled fact base, as a user meets it: the second start reads the built engine
from the cache; a changed, broken or damaged fact base or cache is never served stale."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def ask(knowledge: Path, cache: Path | str, question: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KAZSERB_BOT_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "--knowledge",
                           str(knowledge), question], capture_output=True, timeout=60, env=env)


def compiled(cache: Path) -> list[str]:
    return sorted(p.suffix for p in cache.glob("*")) if cache.exists() else []


def test_second_start_reads_the_compiled_form(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    first = ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    assert compiled(cache) == [".engine"]
    written = next(cache.glob("*.engine"))
    written.touch()
    stamp = written.stat().st_mtime_ns
    second = ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    assert (second.returncode, second.stderr) == (0, b"")
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert json.loads(second.stdout)["facts"] == ["nazarbayev_visit_2016"]
    assert next(cache.glob("*.engine")).stat().st_mtime_ns == stamp  # read, not rebuilt


def test_a_changed_fact_base_is_rebuilt(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    before = {p.name for p in cache.glob("*.engine")}
    facts = knowledge_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("date: 2016-08-23/25",
                                                               "date: 2017-08-23/25"),
                     encoding="utf-8")
    reply = json.loads(ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?").stdout)
    assert reply["answer"].startswith("23–25 August 2017: ")
    after = {p.name for p in cache.glob("*.engine")}
    assert len(after) == 1 and after != before  # the old form is replaced, not kept


def test_a_broken_fact_base_is_reported_even_with_a_compiled_form(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    facts = knowledge_copy / "facts.yaml"
    lines = facts.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("kind:"))
    lines[at] = lines[at].split(":")[0] + ": no_such_kind"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    assert result.returncode == 1
    assert f"facts.yaml:{at + 1}: kind 'no_such_kind' is not a concept" in result.stderr.decode()


def test_a_damaged_compiled_form_is_rebuilt_quietly(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    damaged = next(cache.glob("*.engine"))
    damaged.write_bytes(damaged.read_bytes()[:1000])
    result = ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    assert result.returncode == 0
    assert json.loads(result.stdout)["facts"] == ["nazarbayev_visit_2016"]
    assert damaged.stat().st_size > 1000


def test_the_cache_can_be_turned_off(knowledge_copy, tmp_path):
    result = ask(knowledge_copy, "off", "When did Nazarbayev visit Belgrade?")
    assert json.loads(result.stdout)["facts"] == ["nazarbayev_visit_2016"]
    assert not (Path.home() / "off").exists() and not Path("off").exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_others_may_write_to_is_not_read(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    planted = next(cache.glob("*.engine"))
    planted.write_bytes(b"not a pickle anyone should load")
    cache.chmod(0o777)
    result = ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    assert result.returncode == 0
    assert json.loads(result.stdout)["facts"] == ["nazarbayev_visit_2016"]
    assert planted.read_bytes() == b"not a pickle anyone should load"


def test_a_start_from_the_compiled_form_reads_no_yaml(knowledge_copy, tmp_path):
    cache = tmp_path / "cache"
    ask(knowledge_copy, cache, "When did Nazarbayev visit Belgrade?")
    script = ("import sys; from bot.cli import main; "
              f"main(['ask', '--knowledge', {str(knowledge_copy)!r}, 'tokaev']); "
              "print('yaml' in sys.modules, 'bot.factbase.loader' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KAZSERB_BOT_CACHE": str(cache)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.stdout.splitlines()[-1] == "False False", result.stderr


# A large fact base keeps its lexicon (phrases, words, typo buckets) in SQLite beside the
# compiled file, and every compiled form keeps its texts in the file, not in memory. Ours
# is small enough for neither, so `store(..., on_disk=True)` puts it on disk as 1000× ours.

QUESTIONS = ("When did Nazarbayev visit Belgrade?", "Who is Boris Tadić?",
             "Kada je Nazarbajev posetio Beograd?", "Когда Назарбаев посетил Белград?",
             "when did nazarbaev vist belgrade", "What did Nazarbayev say about Kosovo?",
             "Which awards did Vučić receive?", "hello")


def _on_disk(knowledge: Path, cache: Path, monkeypatch):
    from bot.engine import compiled as module
    monkeypatch.setenv("KAZSERB_BOT_CACHE", str(cache))
    path = module.compiled_path(knowledge)
    built = module.build_engine(knowledge.resolve())
    module.store(path, built, on_disk=True)
    return module, built


def test_a_lexicon_on_disk_answers_as_the_one_in_memory(knowledge_copy, tmp_path, monkeypatch):
    module, built = _on_disk(knowledge_copy, tmp_path / "cache", monkeypatch)
    assert compiled(tmp_path / "cache") == [".engine", ".lexicon"]
    loaded = module.load_engine(knowledge_copy)
    assert loaded.from_cache
    assert type(loaded.engine.index._phrases).__name__ == "DiskTable"  # SQLite answers
    for question in QUESTIONS:
        assert loaded.engine.answer(question) == built.answer(question), question
    first = loaded.engine.kb.fact("nazarbayev_visit_2016")
    assert dict(first.texts) == dict(built.kb.fact("nazarbayev_visit_2016").texts)
    assert tuple(loaded.engine.kb.entities["boris_tadic"].aliases) == \
        tuple(built.kb.entities["boris_tadic"].aliases)


@pytest.mark.parametrize("damage", ["delete", "truncate", "replace"])
def test_a_damaged_lexicon_is_rebuilt_not_served(knowledge_copy, tmp_path, monkeypatch, damage):
    cache = tmp_path / "cache"
    module, built = _on_disk(knowledge_copy, cache, monkeypatch)
    lexicon = next(cache.glob("*.lexicon"))
    if damage == "delete":
        lexicon.unlink()
    elif damage == "truncate":
        with lexicon.open("r+b") as f:
            f.truncate(lexicon.stat().st_size // 2)
    else:  # another build's lexicon, of the same size and layout
        other = tmp_path / "other"
        _on_disk(knowledge_copy, other, monkeypatch)
        monkeypatch.setenv("KAZSERB_BOT_CACHE", str(cache))
        lexicon.write_bytes(next(other.glob("*.lexicon")).read_bytes())
    loaded = module.load_engine(knowledge_copy)
    assert not loaded.from_cache
    assert loaded.engine.answer(QUESTIONS[0]) == built.answer(QUESTIONS[0])


def test_what_holding_memoises_per_question_word_stays_bounded(kb, monkeypatch):
    """A long-running bot meets unboundedly many question words: the per-(fact, word)
    memo of holding checks starts again when full, and answers do not change."""
    from bot.engine import Engine
    from bot.engine.index import Memo
    questions = ["Who was the first Serbian ambassador to Kazakhstan?",
                 "When did Nazarbayev first visit Belgrade?", "What did Masimov say about Kosovo?",
                 "How many times did Vučić visit Kazakhstan?", "Who did not recognize Kosovo?",
                 "Which agreements were signed in 2016?"] * 2
    unbounded = [Engine(kb).answer(q) for q in questions]
    monkeypatch.setattr(Memo, "limit", 3)
    engine = Engine(kb)
    sizes = []
    bounded = []
    for q in questions:
        bounded.append(engine.answer(q))
        sizes.append(len(engine._said))
    assert bounded == unbounded
    assert max(sizes) <= 3 and max(sizes) > 0
