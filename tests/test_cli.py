"""The command line as a user runs it: a subprocess, from another working directory."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: The installed entry point: tested once, for what an install ships (test_installed_...).
SCRIPT = Path(sys.executable).with_name("kazserb-bot")
#: The code under test is the working tree's, whatever is installed.
COMMAND = [sys.executable, "-m", "bot"]


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=60, env=env)


def test_ask_plain_text(tmp_path):
    result = run("ask", "When did Nazarbayev visit Belgrade?", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("23–25 August 2016: ")
    assert result.stderr == b""


def test_ask_json(tmp_path):
    result = run("ask", "--json", "What is the capital of France?", cwd=tmp_path)
    reply = json.loads(result.stdout)
    assert set(reply) == {"question", "answered", "answer", "confidence", "facts", "nearest",
                          "suggestions"}
    assert reply["answered"] is False and 1 <= len(reply["suggestions"]) <= 3


def test_ask_json_stdin_one_line_per_question(tmp_path):
    questions = ["tokaev", "", "qwerty uiop", "x" * 100_000, "When did Tadić visit Kazakhstan?"]
    stdin = ("\n".join(questions) + "\n").encode() + b"\xff\xfe\xc3 broken utf-8\n"
    result = run("ask", "--json", "-", stdin=stdin, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(replies) == 6
    assert [r["answered"] for r in replies] == [True, False, False, False, True, False]
    assert "6–7 October 2010" in replies[4]["answer"]


def test_ask_conversation_keeps_context_until_an_empty_line(tmp_path):
    stdin = "\n".join(["When did Nikolić visit Kazakhstan?", "What did he say?", "",
                       "What did he say?", "Kada je Tokajev posetio Srbiju?", "a Nazarbajev?"])
    result = run("ask", "--json", "--conversation", "-", stdin=(stdin + "\n").encode(),
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.decode().splitlines()]
    # One reply per question; the empty line starts afresh and prints nothing.
    assert [r["facts"] for r in replies] == [["nikolic_visit_2015"],
                                             ["nikolic_statement_2015"], [],
                                             ["tokayev_visit_2024"],
                                             ["nazarbayev_visit_2016"]]
    assert replies[2]["answered"] is False  # "he", with no one before
    assert "avgusta 2016" in replies[4]["answer"]  # Serbian, as asked


def test_ask_json_declines_show_the_nearest_facts_apart(tmp_path):
    result = run("ask", "--json", "When was Vučić awarded the Order of the Republic of Serbia?",
                 cwd=tmp_path)
    reply = json.loads(result.stdout)
    assert (reply["answered"], reply["facts"]) == (False, [])
    assert "nazarbayev_order_of_serbia" in reply["nearest"]


def test_console_over_a_pipe(tmp_path):
    stdin = "\n".join(["When did Nikolić visit Kazakhstan?", "What did he say?",
                       "/timeline 2016", "/timeline 2010-2011", "/timeline vucic",
                       "/missions", "/about", "/help", "/quit", "never read"]).encode()
    result = run("console", stdin=stdin, cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0 and result.stderr == b""
    assert ">" not in out.splitlines()[0]  # no prompt noise on a pipe
    assert "27–29 August 2015" in out and "friendship" in out
    assert "Timeline: 2016" in out and "14–16 November 2016" in out
    assert "Timeline: 2010-2011" in out and "27 June 2011" in out
    assert "Kazakhstan has an embassy in Belgrade" in out
    assert "CC BY-SA" in out and "/timeline" in out
    assert "never read" not in out


def test_console_ends_on_eof(tmp_path):
    result = run("console", stdin=b"tokaev", cwd=tmp_path)
    assert result.returncode == 0 and "2024" in result.stdout.decode()


def test_check_ok(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert "OK" in result.stdout.decode() and len(result.stdout.decode().splitlines()) == 1


@pytest.mark.skipif(not SCRIPT.exists(), reason="kazserb-bot is not installed in this venv")
def test_installed_entry_point_ships_the_whole_fact_base(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    installed = subprocess.run([str(SCRIPT), "check"], capture_output=True, cwd=tmp_path,
                               timeout=60, env=env)
    assert installed.returncode == 0, installed.stderr
    repo = run("check", "--knowledge", str(REPO / "knowledge"))
    assert installed.stdout.decode().split("OK")[1] == repo.stdout.decode().split("OK")[1]


def test_check_broken_fact_base(knowledge_copy):
    facts = knowledge_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "date: 2016-02", "date: February 2016", 1), encoding="utf-8")
    result = run("check", "--knowledge", str(knowledge_copy))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "facts.yaml:" in err and "bad date 'February 2016'" in err
    assert "Traceback" not in err
    # Every command refuses a broken fact base the same way.
    result = run("--knowledge", str(knowledge_copy), "ask", "tokaev")
    assert result.returncode == 1 and "bad date" in result.stderr.decode()


def test_another_fact_base_is_used(knowledge_copy):
    facts = knowledge_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "date: 2024-11-18/19", "date: 2025-03-01/02", 1), encoding="utf-8")
    result = run("ask", "--knowledge", str(knowledge_copy), "When did Tokayev visit Serbia?")
    assert "1–2 March 2025" in result.stdout.decode()


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["ask"], ["check", "--knowledge"]])
def test_bad_usage(args):
    result = run(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"usage:" in result.stderr


@pytest.mark.parametrize("args", [["console"], ["ask", "--json", "-"]])
def test_a_reader_that_stops_reading_ends_it_quietly(tmp_path, args):
    """`kazserb-bot console | head -1`: no traceback when the pipe closes."""
    process = subprocess.Popen([*COMMAND, *args], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    process.stdout.close()  # the reader is gone before the first reply
    _, err = process.communicate(b"When did Tokayev visit Serbia?\n" * 2000, timeout=60)
    assert (process.returncode, err.decode()) == (0, "")
