"""End to end: `kazserb-bot telegram` against the local fake Bot API server, many chats at once,
side by side with a bare python-telegram-bot bot that does no work (bench/telegram_bare.py).

`python -m bench.telegram_e2e [--chats 200] [--messages 5] [--repeat 3] [--out F]`

Two kinds of run, both with the sending limit off (TELEGRAM_MAX_SENDS_PER_SECOND=0) so the
bot's own capacity is measured, not Telegram's 30 per second:

- burst: every chat sends all its messages at once, all chats together: the bot's
  capacity in replies per second (latency here is mostly waiting in line);
- paced: the same messages arrive at a steady rate (default 200 a second, spread over the
  chats): the latency from an update being available to its reply reaching the server,
  p50/p99, at a load the bot can carry.

Both check that every message got exactly one reply and nothing Telegram would refuse was
sent. Each kind runs `--repeat` times, the bare bot and ours alternately (the machine is
noisy); the medians are printed, ours as a ratio to the bare bot's.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [p for p in (str(REPO), str(REPO / "tests")) if p not in sys.path]

from bench.benchmark import bot_command  # noqa: E402
from fake_bot_api import FakeBotApi  # noqa: E402

QUESTIONS = ("When did Nazarbayev visit Belgrade?", "What did he say?", "tokaev",
             "Where is Kazakhstan's embassy?", "When did Vučić visit China?",
             "Когда Назарбаев посетил Белград?", "/timeline 2016", "What happened in 2018?")


#: The bots compared: ours, and the reference that does nothing but reply.
BOTS = {"ours": lambda: [*bot_command(), "telegram"],
        "bare": lambda: [sys.executable, "-m", "bench.telegram_bare"]}


def measure(chats: int = 200, messages: int = 5, rate: float = 0.0, timeout: float = 120.0,
            bot_name: str = "ours") -> dict:
    """Run a bot (BOTS) against a fresh fake server and time `chats` × `messages`
    questions, sent all at once (rate 0) or at `rate` messages a second."""
    with FakeBotApi() as api, tempfile.TemporaryFile() as log, \
            tempfile.TemporaryDirectory() as state:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
               "TELEGRAM_API_BASE_URL": api.base_url, "TELEGRAM_MAX_SENDS_PER_SECOND": "0",
               "PYTHONPATH": str(REPO), "BOT_STATE_DIR": state}
        bot = subprocess.Popen(BOTS[bot_name](), env=env, cwd=REPO, stdin=subprocess.DEVNULL,
                               stdout=log, stderr=log)
        try:
            api.wait_for(lambda: api.calls("getUpdates"), timeout=30,
                         message="bot did not start")
            queued: dict[int, list[float]] = {}
            cpu = _cpu_seconds(bot.pid)
            start = time.monotonic()
            for i, (round_, chat) in enumerate((r, c) for r in range(messages)
                                               for c in range(1, chats + 1)):
                if rate:
                    time.sleep(max(0.0, start + i / rate - time.monotonic()))
                api.send_text(100_000 + chat, QUESTIONS[(chat + round_) % len(QUESTIONS)])
                queued.setdefault(100_000 + chat, []).append(time.monotonic())
            total = chats * messages
            api.wait_for(lambda: sum(api.replies_by_chat().values()) >= total,
                         timeout=timeout, message="not every message was answered")
            end = time.monotonic()
            cpu = _cpu_seconds(bot.pid) - cpu
            time.sleep(0.5)  # anything answered twice would show up now
        finally:
            bot.terminate()
            bot.wait(timeout=30)
        latencies = []
        for chat, times in queued.items():
            replies = sorted(m.sent_at for m in api.sent_messages(chat))
            latencies += [r - q for q, r in zip(times, replies)]
        counts = api.replies_by_chat()
        latencies.sort()
        return {
            "bot": bot_name,
            "mode": f"paced at {rate:g}/s" if rate else "burst",
            "chats": chats, "messages_per_chat": messages, "messages": total,
            "seconds": round(end - start, 3),
            "replies_per_second": round(total / (end - start), 1),
            "cpu_ms_per_reply": round(1000 * cpu / total, 2),
            "latency_ms": {"p50": round(1000 * statistics.median(latencies), 1),
                           "p99": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 1),
                           "max": round(1000 * latencies[-1], 1)},
            "exactly_one_reply_each": all(counts[c] == messages for c in queued),
            "violations": len(api.violations),
        }


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used: less noisy than its replies/s on a
    busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def compare(chats: int, messages: int, rate: float, repeat: int) -> dict:
    """Both bots, `repeat` times each, alternately; the medians, ours over the bare bot's."""
    runs: dict[str, list[dict]] = {"bare": [], "ours": []}
    for _ in range(repeat):
        for name in runs:
            runs[name].append(measure(chats, messages, rate, bot_name=name))
    median = {name: _median(found) for name, found in runs.items()}
    return {"mode": runs["ours"][0]["mode"], "repeat": repeat, "runs": runs, **median,
            "ratio": round(median["ours"]["replies_per_second"]
                           / median["bare"]["replies_per_second"], 2)}


def _median(runs: list[dict]) -> dict:
    def mid(get) -> float:
        return round(statistics.median(get(r) for r in runs), 1)
    return {"replies_per_second": mid(lambda r: r["replies_per_second"]),
            "cpu_ms_per_reply": round(statistics.median(r["cpu_ms_per_reply"] for r in runs), 2),
            "p50": mid(lambda r: r["latency_ms"]["p50"]),
            "p99": mid(lambda r: r["latency_ms"]["p99"]),
            "ok": all(r["exactly_one_reply_each"] and not r["violations"] for r in runs)}


def report(c: dict) -> str:
    ours, bare = c["ours"], c["bare"]
    return (f"end to end, {c['mode']}, median of {c['repeat']}: ours {ours['replies_per_second']}"
            f" replies/s, bare {bare['replies_per_second']} replies/s, ratio {c['ratio']:.2f}; "
            f"latency p50/p99 ours {ours['p50']}/{ours['p99']} ms, bare "
            f"{bare['p50']}/{bare['p99']} ms; CPU per reply ours {ours['cpu_ms_per_reply']} ms, "
            f"bare {bare['cpu_ms_per_reply']} ms; exactly one reply each, no violations: "
            f"{ours['ok'] and bare['ok']}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chats", type=int, default=200)
    ap.add_argument("--messages", type=int, default=5)
    ap.add_argument("--rate", type=float, default=200.0,
                    help="messages a second in the paced run (default 200; 0: no paced run)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each bot (default 3)")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    results = [compare(args.chats, args.messages, 0.0, args.repeat)]
    if args.rate:
        results.append(compare(args.chats, args.messages, args.rate, args.repeat))
    for c in results:
        print(report(c))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if all(c["ours"]["ok"] and c["bare"]["ok"] for c in results) else 1


if __name__ == "__main__":
    sys.exit(main())
