"""`kazserb-bot eval`, as a fact base author runs it: a subprocess, on question files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED
from test_cli import COMMAND, run

QUESTIONS = Path(__file__).with_name("questions.yaml")

SMALL = """\
- {tag: visit, q: "When did Nazarbayev visit Belgrade?", expect: ["23-25 august 2016"]}
- {tag: visit, q: "When did Tadić visit Kazakhstan?", expect: [["6–7 October 2010", "nowhere"]]}
- {tag: aggregate, q: "How many times did Vučić visit Astana?", expect: ["re:\\\\b(3|three)\\\\b"]}
- {tag: visit, q: "When did Tokayev visit Serbia?", expect: ["1 january 1900"]}
- {tag: oos, q: "What is the capital of Germany?", abstain: true}
- {tag: oos, q: "When did Tokayev visit Serbia?", abstain: true}
- {tag: ml, q: "Когда Назарбаев посетил Белград?", expect: ["2016"]}
"""


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_text_report(small, tmp_path):
    result = run("eval", str(small), cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    # Failures: where, what was expected, what came back.
    assert "FAIL line 4 [visit] 'When did Tokayev visit Serbia?': missing ['1 january 1900']" in out
    assert "expected [\"1 january 1900\"]" in out and "18–19 November 2024" in out
    assert "FAIL line 6 [oos]" in out and "answered an out-of-scope question" in out
    assert "line 1 " not in out  # a right answer is not listed
    # Per tag, with latency; then one summary line.
    table = {line.split()[0]: line.split() for line in out.splitlines() if " / " in line}
    assert table["visit"][1:4] == ["2", "/", "3"] and table["oos"][1:4] == ["1", "/", "2"]
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("eval: answerable 3/4 (75.0%), abstained 1/2 (50.0%), multilingual")
    assert "p50" in summary and "p99" in summary and "ms" in summary


def test_json_report(small, tmp_path):
    result = run("eval", "--json", str(small), cwd=tmp_path)
    report = json.loads(result.stdout)
    assert result.returncode == 0
    assert report["questions"] == 7
    assert report["accuracy"] == {"right": 3, "total": 4, "share": 0.75}
    assert report["abstention"] == {"right": 1, "total": 2, "share": 0.5}
    assert report["multilingual"]["total"] == 1  # reported apart, as score.py does
    assert set(report["per_tag"]) == {"visit", "aggregate", "oos", "ml"}
    assert 0 < report["latency_ms"]["p50"] <= report["latency_ms"]["p99"]
    failure = next(f for f in report["failures"] if f["tag"] == "visit")
    assert failure["expected"] == ["1 january 1900"] and failure["answered"] is True
    assert "18–19 November 2024" in failure["answer"] and failure["line"] == 4


def test_min_accuracy(small, tmp_path):
    assert run("eval", str(small), "--min-accuracy", "0.7", cwd=tmp_path).returncode == 0
    result = run("eval", str(small), "--min-accuracy", "0.8", cwd=tmp_path)
    assert result.returncode == 1
    assert "accuracy 75.0% < --min-accuracy 80.0%" in result.stderr.decode()
    result = run("eval", str(small), "--min-abstain", "0.9", cwd=tmp_path)
    assert result.returncode == 1 and "abstention 50.0%" in result.stderr.decode()


def test_own_question_set_passes_its_bar(tmp_path):
    result = run("eval", str(QUESTIONS), "--min-accuracy", "0.95", "--min-abstain", "0.95",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()[-2000:]


def test_another_fact_base(knowledge_copy, small):
    facts = knowledge_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "date: 2024-11-18/19", "date: 1900-01-01", 1), encoding="utf-8")
    report = json.loads(run("eval", "--json", "--knowledge", str(knowledge_copy),
                            str(small)).stdout)
    assert report["accuracy"]["right"] == 4


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("- {q: 'unclosed\n", "bad YAML"),
    ("q: just a mapping\n", "expected a list of questions"),
    ("", "expected a list of questions"),
    ("- {tag: visit, expect: ['x']}\n", "question 1: missing 'q'"),
    ("- {q: ok, expect: [x]}\n- {tag: visit, q: 'When?'}\n",
     ":2: question 2: missing 'expect' (or 'abstain: true')"),
    ("- {q: 'When?', expect: 1996}\n", "'expect' must be a non-empty list"),
    ("- {q: 'When?', expect: [[]]}\n", "'expect' must be a non-empty list"),
    ("- {q: 'When?', expect: ['re:(']}\n", "bad regular expression"),
    ("- {q: 'When?', abstain: maybe}\n", "'abstain' must be true or false"),
    ("- just a string\n", "expected a mapping"),
    (b"\xff\xfe- {q: x}", "cannot read"),
])
def test_broken_question_file(tmp_path, content, message):
    path = tmp_path / "questions.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("eval", str(path), cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert err.startswith("kazserb-bot eval: ") and message in err and str(path) in err
    assert result.stdout == b""


def test_eval_usage(small):
    result = run("eval")
    assert result.returncode == 2 and b"usage:" in result.stderr
    result = run("eval", str(small), "--min-accuracy", "95")
    assert result.returncode == 2 and b"between 0 and 1" in result.stderr


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no ../shared beside the repo")
def test_same_numbers_as_score_py(tmp_path):
    """The judging is score.py's: same counts on the shared development set."""
    dev = SHARED / "eval" / "dev_questions.yaml"
    report = json.loads(run("eval", "--json", str(dev), cwd=tmp_path).stdout)
    scored = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--quiet", "--set", str(dev),
         "--", *COMMAND, "ask", "--json", "-"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    summary = scored.stdout.strip().splitlines()[-1]
    acc, abst, ml = report["accuracy"], report["abstention"], report["multilingual"]
    assert f"answerable {acc['right']}/{acc['total']} " in summary
    assert f"abstained {abst['right']}/{abst['total']} " in summary
    assert f"multilingual {ml['right']}/{ml['total']}," in summary


CONVERSATION = """\
- id: c1
  turns:
    - {q: "When did Nikolić visit Kazakhstan?", expect: ["2015"]}
    - {q: "What did he say?", expect: ["friendship"]}
    - {q: "and did he go to Zagreb?", abstain: true}
- id: c2
  turns:
    - {q: "What did he say?", expect: ["friendship"]}
"""


def test_conversation_file(tmp_path):
    path = tmp_path / "talk.yaml"
    path.write_text(CONVERSATION, encoding="utf-8")
    result = run("eval", str(path), cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    # Turns see the turns before them; a new conversation starts afresh.
    assert out.strip().splitlines()[-1].startswith(
        "eval: answerable 2/3 (66.7%), abstained 1/1 (100.0%), multilingual 0/0, "
        "conversations fully right 1/2, ")
    assert "FAIL line 8 [c2] [turn] 'What did he say?': abstained" in out
    report = json.loads(run("eval", "--json", str(path), cwd=tmp_path).stdout)
    assert report["conversations"] == {"right": 1, "total": 2, "share": 0.5}
