"""The Telegram front end under restarts, crashes and hostile input: what users get.

`python -m bench.telegram_faults [--tree DIR] [--only NAME,...] [--out F]`

Each scenario runs `python -m bot telegram` (the code in DIR, default this repository)
against the local fake Bot API server (tests/fake_bot_api.py) and counts, for every
question sent, whether it was answered never, once or more than once. Run it with
`--tree` on an older checkout to get the "before" figures. Prints one line a scenario.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [p for p in (str(REPO), str(REPO / "tests")) if p not in sys.path]

from fake_bot_api import FakeBotApi  # noqa: E402

TREE = REPO
QUESTIONS = {"tokaev": "18–19 November 2024",
             "When did Tadić visit Kazakhstan?": "6–7 October 2010"}


class Bot:
    """`python -m bot telegram` from TREE, with its log in a temporary file."""

    def __init__(self, api: FakeBotApi, state: Path, *args: str, **env: str):
        self.log = tempfile.NamedTemporaryFile(suffix=".log", delete=False)
        environment = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
                       "TELEGRAM_API_BASE_URL": api.base_url, "PYTHONPATH": str(TREE),
                       "TELEGRAM_MAX_SENDS_PER_SECOND": "0", "BOT_STATE_DIR": str(state), **env}
        polls = len(api.calls("getUpdates"))
        self.process = subprocess.Popen([sys.executable, "-m", "bot", "telegram", *args],
                                        stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=self.log, env=environment, cwd=tempfile.gettempdir())
        self.api = api
        api.wait_for(lambda: len(api.calls("getUpdates")) > polls or api.webhook
                     or self.process.poll() is not None, timeout=30)

    @property
    def stderr(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def term(self, then_kill_after: float | None = None) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=then_kill_after or 30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def tally(api: FakeBotApi, chats: Sequence[int], questions: dict[str, str] = QUESTIONS
          ) -> dict[str, int]:
    counts = {"once": 0, "twice+": 0, "never": 0}
    for chat in chats:
        texts = [m.plain_text for m in api.sent_messages(chat)]
        for expected in questions.values():
            n = sum(expected in t for t in texts)
            counts["never" if n == 0 else "once" if n == 1 else "twice+"] += 1
    return counts


def settle(api: FakeBotApi, chats: Sequence[int], timeout: float = 60) -> None:
    """Wait until every question has a reply or the timeout passes, then a little more."""
    try:
        api.wait_for(lambda: tally(api, chats)["never"] == 0, timeout=timeout)
    except TimeoutError:
        pass
    time.sleep(1)


def burst(api: FakeBotApi, chats: Sequence[int]) -> None:
    for question in QUESTIONS:
        for chat in chats:
            api.send_text(chat, question)


# ---------------------------------------------------------------------- scenarios

def restart_keeps_state(tmp: Path) -> str:
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.send_text(1, "/language ru")
        api.send_text(1, "Когда Николич посетил Казахстан?")
        api.wait_for_messages(1, 2, timeout=20)
        bot.term()
        bot = Bot(api, tmp)
        api.send_text(1, "/missions")  # no question to tell the language: the choice
        api.send_text(1, "Что он сказал?")
        missions, follow_up = api.wait_for_messages(1, 4, timeout=20)[2:]
        bot.term()
    # Without its context, "What did he say?" lists every statement (Masimov's among them).
    context = "Николич заявил" in follow_up.plain_text and "Масимов" not in follow_up.plain_text
    language = "Белград" in missions.plain_text
    return (f"context after restart: {'kept' if context else 'lost'}; "
            f"language choice: {'kept' if language else 'lost'}")


def kill_9_mid_burst(tmp: Path) -> str:
    chats = range(1, 101)
    with FakeBotApi(latency=0.02) as api:
        bot = Bot(api, tmp)
        burst(api, chats)
        api.wait_for(lambda: len(api.sent_messages()) >= 50, timeout=60)
        bot.kill()
        at_kill = len(api.sent_messages())
        bot = Bot(api, tmp)
        settle(api, chats)
        bot.term()
        return f"200 questions, kill -9 at {at_kill} replies, restart: {tally(api, chats)}"


def sigterm_then_sigkill(tmp: Path) -> str:
    """600 questions, throttled at Telegram's 30/s; SIGTERM, SIGKILL 10 s later, restart."""
    chats = range(1, 301)
    with FakeBotApi() as api:
        bot = Bot(api, tmp, TELEGRAM_MAX_SENDS_PER_SECOND="30")
        burst(api, chats)
        api.wait_for(lambda: len(api.sent_messages()) >= 30, timeout=60)
        code = bot.term(then_kill_after=10)
        at_stop = len(api.sent_messages())
        bot = Bot(api, tmp, TELEGRAM_MAX_SENDS_PER_SECOND="30")
        settle(api, chats, timeout=60)
        bot.term()
        how = "stopped in time" if code is not None else "SIGKILLed"
        return (f"600 questions, SIGTERM (+SIGKILL after 10 s: {how}), {at_stop} replies "
                f"by then, restart: {tally(api, chats)}")


def poison_update(tmp: Path) -> str:
    chats = range(1, 11)
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.queue_update({"message": {"message_id": 5, "date": "yesterday",
                                      "chat": {"id": 999, "type": "private"}}})
        burst(api, chats)
        settle(api, chats, timeout=15)
        bot.term()
        log = bot.stderr
        return (f"1 bad update then 20 questions: {tally(api, chats)}; "
                f"tracebacks logged: {log.count('Traceback')}")


def drop_after_execute(tmp: Path) -> str:
    chats = range(1, 31)
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.fail_next("sendMessage", "drop", count=4, deliver=True)
        for chat in chats:
            api.send_text(chat, "tokaev")
        settle(api, chats, timeout=30)
        dropped = tally(api, chats, {"tokaev": QUESTIONS["tokaev"]})
        api.fail_next("sendMessage", 413)
        api.send_text(100, "tokaev")
        time.sleep(3)
        bot.term()
        tried = sum(1 for f in api.failed_requests if f.kind == "413")
        got = [m.plain_text[:40] for m in api.sent_messages(100)]
        return (f"30 questions, 4 sends executed then dropped: {dropped}; a send answered "
                f"413: tried {tried}×, then the user got {got}")


def set_my_commands_fails(tmp: Path) -> str:
    with FakeBotApi() as api:
        api.fail_next("setMyCommands", 502, count=None)
        bot = Bot(api, tmp)
        time.sleep(6)
        alive = bot.process.poll() is None
        if alive:
            api.send_text(1, "tokaev")
            try:
                api.wait_for_messages(1, 1, timeout=10)
            except TimeoutError:
                pass
        code = bot.term()
        tracebacks = bot.stderr.count("Traceback")
        return (f"setMyCommands always 502: {'still running' if alive else f'exited {code}'}, "
                f"answered {len(api.sent_messages(1))}/1, tracebacks {tracebacks}")


def webhook(tmp: Path) -> str:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hook"
    with FakeBotApi() as api:
        bot = Bot(api, tmp, "--webhook-url", url, "--port", str(port),
                  TELEGRAM_WEBHOOK_SECRET="s3cret")
        api.wait_for(lambda: api.webhook, timeout=30)
        time.sleep(1)
        before = bot.rss_mb()
        forged = [_post(port, "wrong", b"x" * 10_000_000) for _ in range(10)]
        after = bot.rss_mb()
        big = _post(port, "s3cret", b"{" + b" " * 100_000_000 + b"}", read_only_status=True)
        listening = _listening_on(port)
        bot.term()
        return (f"ten forged 10 MB posts: answered {sorted(set(forged))}, RSS "
                f"{before:.0f} → {after:.0f} MB; a 100 MB body: {big}; listening on "
                f"{listening}")


def inline_personal(tmp: Path) -> str:
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.inline_query("назарбаев", language_code="ru")
        api.wait_for(lambda: api.inline_answers, timeout=15)
        bot.term()
        return f"inline answer is_personal={api.inline_answers[0].params.get('is_personal')}"


def long_timeline_filter(tmp: Path) -> str:
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.send_text(1, "/timeline Республика Казахстан Республика Сербия", language_code="ru")
        first = api.wait_for_messages(1, 1, timeout=15)[0]
        rows = (first.reply_markup or {}).get("inline_keyboard", [])
        forward = [b for row in rows for b in row if b["text"] == "▶"]
        reached = 1
        for _ in range(3):
            if not forward:
                break
            api.press_button(1, first.message_id, forward[0]["callback_data"], strict=False)
            api.wait_for(lambda: len(api.edits) == reached, timeout=10)
            reached += 1
            message = api.message(1, first.message_id)
            forward = [b for b in message["reply_markup"]["inline_keyboard"][0]
                       if b["text"] == "▶"]
        bot.term()
        return f"/timeline with a 38-character Cyrillic filter: pages reached {reached} of 4"


def handler_raises(tmp: Path) -> str:
    with FakeBotApi() as api:
        bot = Bot(api, tmp)
        api.fail_next("sendMessage", 400, description="Bad Request: can't parse entities")
        api.send_text(1, "tokaev")
        time.sleep(3)
        bot.term()
        return f"a handler raises: the user got {len(api.sent_messages(1))} message(s)"


SCENARIOS: dict[str, Callable[[Path], str]] = {
    "restart": restart_keeps_state, "kill9": kill_9_mid_burst, "sigterm": sigterm_then_sigkill,
    "poison": poison_update, "drop": drop_after_execute, "commands": set_my_commands_fails,
    "webhook": webhook, "inline": inline_personal, "timeline": long_timeline_filter,
    "raises": handler_raises}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int, secret: str, body: bytes, read_only_status: bool = False) -> str:
    head = (f"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(head)
            try:
                s.sendall(body)
            except OSError:
                pass  # the server stopped reading: fine, its answer tells why
            answer = s.recv(200)
    except OSError as exc:
        return f"connection error {type(exc).__name__}"
    return answer.split(b"\r\n", 1)[0].decode("latin-1") or "closed without an answer"


def _listening_on(port: int) -> str:
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
    return ", ".join(line.split()[3] for line in out.stdout.splitlines()) or "?"


def main(argv: Sequence[str] | None = None) -> int:
    global TREE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=REPO, help="checkout whose bot/ to run")
    ap.add_argument("--only", default="", help="comma-separated scenarios: " + ",".join(SCENARIOS))
    ap.add_argument("--out", type=Path, help="also write the results as JSON")
    args = ap.parse_args(argv)
    TREE = args.tree.resolve()
    results = {}
    for name, scenario in SCENARIOS.items():
        if args.only and name not in args.only.split(","):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                results[name] = scenario(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a scenario that breaks is a result too
                results[name] = f"failed: {type(exc).__name__}: {exc}"[:300]
        print(f"{name}: {results[name]}", flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
