"""The project's own question set (tests/questions.yaml) and the shared development set.

Scored the way ../shared/eval/score.py scores: every expected string must appear in the
normalised answer; out-of-scope questions must be declined.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot import evaluate
from conftest import REPO, SHARED
from test_cli import COMMAND

QUESTIONS = Path(__file__).with_name("questions.yaml")


def judge(case: dict, answered: bool, text: str) -> bool:
    """score.py's verdict, through the same code `kazserb-bot eval` uses."""
    return evaluate.judge(case, answered, text)[0]


def score(engine, cases) -> tuple[float, float, list[str]]:
    right = total = abstained = oos = 0
    failures = []
    for case in cases:
        answer = engine.answer(case["q"])
        ok = judge(case, answer.answered, answer.text)
        if not ok:
            failures.append(f"[{case.get('tag')}] {case['q']!r} -> {answer.text[:120]!r}")
        if case.get("tag") == "ml":
            continue
        if case.get("abstain"):
            oos += 1
            abstained += ok
        else:
            total += 1
            right += ok
    return right / max(total, 1), abstained / max(oos, 1), failures


def test_own_question_set(engine):
    cases = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    assert len(cases) >= 100
    accuracy, abstain, failures = score(engine, [c for c in cases if c.get("tag") != "ml"])
    report = "\n".join(failures)
    assert accuracy >= 0.95, f"accuracy {accuracy:.1%}\n{report}"
    assert abstain >= 0.95, f"abstain {abstain:.1%}\n{report}"


ML_SETS = sorted(Path(__file__).parent.glob("questions_*.yaml"))
CONVERSATIONS = sorted(Path(__file__).parent.glob("conversations_*.yaml"))


@pytest.mark.parametrize("path", CONVERSATIONS, ids=[p.stem for p in CONVERSATIONS])
def test_conversations_in_each_language(engine, path):
    """Follow-ups in Russian, Serbian (both scripts) and Kazakh, turn by turn."""
    report = evaluate.evaluate(engine, evaluate.load_cases(path))
    failures = "\n".join(f"[{o.case.conversation}] {o.case.q!r} -> {o.answer[:100]!r}"
                         for o in report.outcomes if not o.ok)
    assert report.accuracy.share == 1.0, failures
    assert report.abstention.share >= 0.75, failures
    assert report.conversations.total == 4


@pytest.mark.skipif(not (SHARED / "eval").exists(), reason="no ../shared beside the repo")
def test_shared_conversations(engine):
    report = evaluate.evaluate(engine, evaluate.load_cases(
        SHARED / "eval" / "dev_conversations.yaml"))
    failures = "\n".join(f"[{o.case.conversation}] {o.case.q!r} -> {o.answer[:100]!r}"
                         for o in report.outcomes if not o.ok)
    assert report.accuracy.share >= 0.95 and report.abstention.share >= 0.95, failures


@pytest.mark.parametrize("path", ML_SETS, ids=[p.stem for p in ML_SETS])
def test_question_set_in_other_languages(engine, path):
    """Questions in Russian, Serbian (both scripts) and Kazakh, answered in kind."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    answerable = [c for c in cases if not c.get("abstain")]
    assert len(answerable) >= 10
    failures = []
    right = 0
    for case in cases:
        answer = engine.answer(case["q"])
        ok = judge(case, answer.answered, answer.text)
        right += ok
        if not ok:
            failures.append(f"{case['q']!r} -> {answer.text[:120]!r}")
        elif not case.get("abstain") and case.get("lang"):
            assert answer.language in (case["lang"], engine.kb.language(case["lang"]).fallback), \
                (case["q"], answer.language)
    assert right / len(cases) >= 0.9, "\n".join(failures)


def test_shared_multilingual_questions(engine):
    cases = [c for c in yaml.safe_load((SHARED / "eval" / "dev_questions.yaml").read_text(
        encoding="utf-8")) if c.get("tag") == "ml"] if SHARED.exists() else []
    for case in cases:
        answer = engine.answer(case["q"])
        assert judge(case, answer.answered, answer.text), (case["q"], answer.text)


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no ../shared beside the repo")
def test_shared_dev_set_through_the_cli():
    """The same run as the acceptance check: score.py driving `kazserb-bot ask --json -`."""
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--quiet",
         "--set", str(SHARED / "eval" / "dev_questions.yaml"),
         "--min-accuracy", "0.95", "--min-abstain", "0.95", "--", *COMMAND, "ask", "--json", "-"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
        env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stdout + result.stderr
