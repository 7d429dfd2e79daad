"""Smoke tests of the Telegram benchmarks (bench/telegram_*.py): they run and print figures.
The figures themselves are read by people (README), not asserted."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def bench(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                            timeout=120, cwd=REPO, env=ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_fault_scenarios_report_what_users_got():
    out = bench("bench.telegram_faults", "--only", "inline,raises")
    assert out.splitlines() == ["inline: inline answer is_personal=True",
                                "raises: a handler raises: the user got 1 message(s)"]


def test_memory_benchmark_reports_rss_by_chats():
    out = bench("bench.telegram_memory", "--chats", "1000", "--every", "1000")
    assert re.search(r"RSS by distinct chats: 0: \d+\.\d MB, 1,000: \d+\.\d MB$", out.strip())


def test_end_to_end_benchmark_compares_our_bot_with_the_bare_one():
    out = bench("bench.telegram_e2e", "--chats", "5", "--messages", "2", "--repeat", "1",
                "--rate", "0")
    assert re.fullmatch(
        r"end to end, burst, median of 1: ours [\d.]+ replies/s, bare [\d.]+ replies/s, "
        r"ratio \d+\.\d\d; latency p50/p99 ours [\d.]+/[\d.]+ ms, bare [\d.]+/[\d.]+ ms; "
        r"CPU per reply ours [\d.]+ ms, bare [\d.]+ ms; "
        r"exactly one reply each, no violations: True", out.strip()), out
