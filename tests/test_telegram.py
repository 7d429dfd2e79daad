"""The Telegram bot end to end: `kazserb-bot telegram` as a process, against a local fake
Bot API server that validates requests as Telegram does (tests/fake_bot_api.py).
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from fake_bot_api import FakeBotApi, FloodLimits

REPO = Path(__file__).resolve().parents[1]
#: The working tree's code, whatever is installed.
COMMAND = [sys.executable, "-m", "bot"]
ADMIN = 777


class Bot:
    """A running bot process and what it logged."""

    def __init__(self, process: subprocess.Popen, log: Path):
        self.process = process
        self.log = log

    @property
    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)

    def kill(self) -> None:
        """kill -9: no chance to save or confirm anything."""
        self.process.kill()
        self.process.wait(timeout=30)


@contextlib.contextmanager
def running_bot(api: FakeBotApi, tmp_path: Path, *args: str, wait_ready: bool = True,
                command: list[str] = COMMAND, **env: str) -> Iterator[Bot]:
    log = tmp_path / f"bot-{time.monotonic_ns()}.log"
    environment = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
                   "TELEGRAM_API_BASE_URL": api.base_url, "BOT_ADMIN_IDS": str(ADMIN),
                   "TELEGRAM_MAX_SENDS_PER_SECOND": "0", "PYTHONPATH": str(REPO),
                   "BOT_STATE_DIR": str(tmp_path / "state"), **env}
    polls = len(api.calls("getUpdates"))
    with log.open("wb") as err:
        process = subprocess.Popen([*command, "telegram", *args], stdin=subprocess.DEVNULL,
                                   stdout=err, stderr=err, env=environment)
    bot = Bot(process, log)
    try:
        if wait_ready:
            api.wait_for(lambda: len(api.calls("getUpdates")) > polls or api.webhook, timeout=30,
                         message="bot did not start polling: " + bot.stderr[-2000:])
        yield bot
    finally:
        bot.stop()


@pytest.fixture
def bot(api, tmp_path):
    with running_bot(api, tmp_path) as running:
        yield running
    assert api.token not in running.stderr
    assert "Traceback" not in running.stderr, running.stderr


def last(api: FakeBotApi, chat: int, count: int = 1):
    return api.wait_for_messages(chat, count, timeout=15)[-1]


def replies(api: FakeBotApi, chat: int, already: int, table: list[tuple[str, str]]) -> None:
    """Send each text in turn; the reply to each must contain its expected string."""
    for n, (text, expected) in enumerate(table, start=already + 1):
        api.send_text(chat, text)
        assert expected in last(api, chat, n).plain_text, text


def buttons(message) -> list[dict]:
    markup = message.reply_markup or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def test_conversation(api, bot):
    chat = 1001
    api.send_text(chat, "/start")
    greeting = last(api, chat)
    assert "Kazakhstan–Serbia relations" in greeting.plain_text
    examples = buttons(greeting)
    assert examples and all(len(b["callback_data"].encode()) <= 64 for b in examples)
    api.wait_for(lambda: len(api.calls("setMyCommands")) == 4, timeout=15)
    assert [c["command"] for c in api.commands] == ["start", "help", "timeline", "missions",
                                                      "about", "language"]

    api.press_button(chat, greeting.message_id, examples[0]["callback_data"])
    answer = last(api, chat, 2)
    assert "23–25 August 2016" in answer.plain_text
    assert "<b>23–25 August 2016</b>" in answer.text and answer.parse_mode == "HTML"
    assert api.callback_answers

    api.send_text(chat, "When did Nikolić visit Kazakhstan?")
    assert "27–29 August 2015" in last(api, chat, 3).plain_text
    api.send_text(chat, "What did he say?")
    assert "friendship" in last(api, chat, 4).plain_text

    api.send_text(chat, "When did Vučić visit China?")
    declined = last(api, chat, 5)
    assert "China" in declined.plain_text
    options = buttons(declined)
    assert 1 <= len(options) <= 3
    api.press_button(chat, declined.message_id, options[0]["callback_data"])
    assert "Vučić" in last(api, chat, 6).plain_text

    replies(api, chat, 6, [("/missions", "Kazakhstan has an embassy in Belgrade"),
                           ("/about", "CC BY-SA"), ("/help", "/timeline")])
    api.assert_no_violations()


def test_timeline_pages_edit_in_place(api, bot):
    chat = 1002
    api.send_text(chat, "/timeline")
    first = last(api, chat)
    assert "10 December 1996" in first.plain_text and "page 1 of" in first.plain_text
    forward = [b for b in buttons(first) if b["text"] == "▶"][0]
    api.press_button(chat, first.message_id, forward["callback_data"])
    api.wait_for(lambda: api.edits, timeout=15)
    edited = api.message(chat, first.message_id)
    assert "10 December 1996" not in edited["text"] and "page 2 of" in edited["text"]
    back = [b for b in edited["reply_markup"]["inline_keyboard"][0] if b["text"] == "◀"][0]
    api.press_button(chat, first.message_id, back["callback_data"])
    api.wait_for(lambda: len(api.edits) == 2, timeout=15)
    assert "10 December 1996" in api.message(chat, first.message_id)["text"]

    api.send_text(chat, "/timeline 2016")
    page = last(api, chat, 2)
    assert "February 2016" in page.plain_text and "2018" not in page.plain_text
    replies(api, chat, 2, [("/timeline 2010-2011", "27 June 2011"),
                           ("/timeline vucic", "Vučić"), ("/timeline atlantis", "No events")])
    api.assert_no_violations()


def test_inline_query(api, bot):
    query_id = api.inline_query("nazarbayev")
    api.wait_for(lambda: api.inline_answers, timeout=15)
    answer = api.inline_answers[0]
    assert answer.inline_query_id == query_id
    assert 1 <= len(answer.results) <= 50
    texts = [r["input_message_content"]["message_text"] for r in answer.results]
    assert any("23–25 August 2016" in t for t in texts)
    api.inline_query("")
    api.wait_for(lambda: len(api.inline_answers) == 2, timeout=15)
    assert api.inline_answers[1].results
    api.assert_no_violations()


def test_group_chat(api, bot):
    group = -5001
    api.send_text(group, "When did Nazarbayev visit Belgrade?", chat_type="group")
    api.send_text(group, "/help@SomeOtherBot", chat_type="group")
    question = api.send_text(group, "@kazserb_test_bot when did Tadić visit Kazakhstan?",
                             chat_type="group")
    reply = last(api, group)
    assert "6–7 October 2010" in reply.plain_text
    assert reply.reply_to_message_id == question["message_id"]
    api.send_text(group, "/about@kazserb_test_bot", chat_type="group")
    assert "CC BY-SA" in last(api, group, 2).plain_text
    api.send_text(group, "and Tokayev?", chat_type="group",
                  reply_to_bot_message_id=reply.message_id)
    assert "2024" in last(api, group, 3).plain_text
    time.sleep(0.5)
    assert len(api.sent_messages(group)) == 3  # the unaddressed ones got no reply
    api.assert_no_violations()


def _ask_each(api: FakeBotApi, chats: list[int], question: str = "tokaev") -> None:
    for chat in chats:
        api.send_text(chat, question)
    api.wait_for(lambda: all(api.replies_by_chat()[c] >= 1 for c in chats), timeout=30)
    time.sleep(1)  # a second reply would show up now


@pytest.mark.parametrize("kind", ["429", "502", "500"])
def test_a_send_telegram_did_not_execute_is_sent_again(api, bot, kind):
    api.fail_next("sendMessage", kind, retry_after=1)
    chats = [2001, 2002, 2003]
    _ask_each(api, chats)
    assert [api.replies_by_chat()[c] for c in chats] == [1, 1, 1]
    assert [f.kind for f in api.failed_requests] == [kind]
    assert all("18–19 November 2024" in api.sent_messages(c)[0].plain_text for c in chats)
    api.assert_no_violations()


def test_a_drop_after_delivery_answers_once(api, bot):
    """Telegram executed the send, then the connection dropped: not sent again."""
    api.fail_next("sendMessage", "drop", deliver=True)
    chats = [2011, 2012]
    _ask_each(api, chats)
    assert [api.replies_by_chat()[c] for c in chats] == [1, 1]
    assert [(f.kind, f.delivered) for f in api.failed_requests] == [("drop", True)]
    assert "Traceback" not in bot.stderr
    api.assert_no_violations()


def test_an_unmapped_4xx_is_not_sent_again_and_the_user_gets_an_apology(api, tmp_path):
    with running_bot(api, tmp_path) as bot:
        api.fail_next("sendMessage", 413)
        api.send_text(2021, "tokaev")
        assert "something went wrong" in last(api, 2021).plain_text
        time.sleep(1)
        assert api.replies_by_chat()[2021] == 1
        assert [f.kind for f in api.failed_requests] == ["413"]
    # A refused send is a bug of the bot's: logged with its traceback, token redacted.
    assert "HTTP 413" in bot.stderr and api.token not in bot.stderr


def test_one_chat_waiting_out_a_429_does_not_hold_up_others(api, bot):
    api.fail_next("sendMessage", "429", retry_after=4)
    api.send_text(3001, "tokaev")
    api.wait_for(lambda: api.failed_requests, timeout=15)
    started = time.monotonic()
    api.send_text(3002, "tokaev")
    api.wait_for_messages(3002, 1, timeout=15)
    assert time.monotonic() - started < 3
    assert not api.sent_messages(3001)
    api.wait_for_messages(3001, 1, timeout=15)


def test_a_sticker_gets_told_the_bot_reads_text(api, bot):
    chat = 4001
    api.queue_update({"message": {"message_id": 900, "date": int(time.time()),
                                  "chat": {"id": chat, "type": "private"},
                                  "from": {"id": chat, "is_bot": False, "first_name": "T"},
                                  "sticker": {"file_id": "x", "file_unique_id": "y",
                                              "type": "regular", "width": 1, "height": 1,
                                              "is_animated": False, "is_video": False}}})
    assert "only read text" in last(api, chat).plain_text
    api.assert_no_violations()


def test_edits_and_channel_posts_get_no_reply(api, bot):
    chat = 4002
    sent = api.send_text(chat, "tokaev")
    last(api, chat)
    api.edit_text(chat, sent["message_id"], "When did Tadić visit Kazakhstan?")
    api.send_text(-100900, "When did Tadić visit Kazakhstan?", chat_type="channel")
    api.send_text(chat, "/about")  # answered after the two above, in order
    assert "CC BY-SA" in last(api, chat, 2).plain_text
    time.sleep(0.5)
    assert len(api.sent_messages(chat)) == 2 and api.sent_messages(-100900) == []


def test_a_huge_message_is_declined(api, bot):
    api.send_text(4003, "x" * 10_000)
    assert "too long" in last(api, 4003).plain_text


def test_an_unknown_button_is_answered_as_expired(api, bot):
    api.send_text(4004, "/start")
    first = last(api, 4004)
    api.press_button(4004, first.message_id, "q:no_such_fact", strict=False)
    api.wait_for(lambda: api.callback_answers, timeout=15)
    assert "expired" in (api.callback_answers[-1].text or "")
    time.sleep(0.5)
    assert len(api.sent_messages(4004)) == 1


def test_markup_and_control_characters_in_a_question_are_harmless(api, bot):
    api.send_text(4005, "<b>&amp; \x00 ✓ Вучић</b>")
    assert last(api, 4005).plain_text
    api.assert_no_violations()


def test_admin_commands(api, bot):
    api.send_text(5001, "/stats")
    assert "administrators" in last(api, 5001).plain_text
    api.send_text(5001, "/reload")
    assert "administrators" in last(api, 5001, 2).plain_text
    api.send_text(ADMIN, "qwerty uiop")
    api.send_text(ADMIN, "tokaev")
    api.send_text(ADMIN, "/stats")
    stats = last(api, ADMIN, 3).plain_text
    assert "1 answered" in stats and "qwerty uiop" in stats
    api.send_text(ADMIN, "/reload")
    assert "reloaded" in last(api, ADMIN, 4).plain_text


def test_reload_refuses_a_broken_fact_base(api, tmp_path, knowledge_copy):
    with running_bot(api, tmp_path, "--knowledge", str(knowledge_copy)) as bot:
        facts = knowledge_copy / "facts.yaml"
        facts.write_text(facts.read_text(encoding="utf-8").replace(
            "date: 2016-02", "date: Feb 2016", 1), encoding="utf-8")
        api.send_text(ADMIN, "/reload")
        reply = last(api, ADMIN).plain_text
        assert "kept the old one" in reply and "facts.yaml:" in reply
        api.send_text(ADMIN, "tokaev")
        assert "2024" in last(api, ADMIN, 2).plain_text
    assert bot.process.returncode == 0


def test_revoked_token_ends_the_process(api, tmp_path):
    with running_bot(api, tmp_path) as bot:
        api.fail_next("getUpdates", "401", count=None)
        code = bot.process.wait(timeout=30)
    assert code == 1
    assert "refused the bot token" in bot.stderr
    assert api.token not in bot.stderr


def test_sigterm_stops_cleanly(api, tmp_path):
    with running_bot(api, tmp_path) as bot:
        api.send_text(6001, "tokaev")
        last(api, 6001)
        assert bot.stop() == 0
    assert api.pending_updates() == 0


def test_missing_token_is_a_usage_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run([*COMMAND, "telegram"], capture_output=True, env=env, timeout=30)
    assert result.returncode == 2
    assert b"TELEGRAM_BOT_TOKEN" in result.stderr and len(result.stderr.splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode(api, tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hook"
    with running_bot(api, tmp_path, "--webhook-url", url, "--listen", "127.0.0.1",
                     "--port", str(port), TELEGRAM_WEBHOOK_SECRET="s3cret-Token"):
        api.wait_for(lambda: api.webhook and api.webhook.get("url") == url, timeout=30)
        api.send_text(7001, "tokaev")
        assert "2024" in last(api, 7001).plain_text
        request = urllib.request.Request(url, data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403


def test_languages(api, bot):
    """A Russian user is greeted and answered in Russian; /language switches; questions in
    Serbian (both scripts) and Kazakh are answered in kind; menus exist per language."""
    api.wait_for(lambda: len(api.calls("setMyCommands")) == 4, timeout=15)
    assert [c["command"] for c in api.commands_for(None, "ru")][:2] == ["start", "help"]
    assert api.commands_for(None, "ru")[0]["description"] != api.commands[0]["description"]
    chat = 8001
    api.send_text(chat, "/start", language_code="ru")
    greeting = last(api, chat)
    assert "Здравствуйте" in greeting.plain_text
    assert any("Назарбаев" in b["text"] for b in buttons(greeting))
    api.send_text(chat, "Когда Назарбаев посетил Белград?", language_code="ru")
    assert "23–25 августа 2016" in last(api, chat, 2).plain_text
    api.send_text(chat, "токаев", language_code="ru")
    assert "Токаев" in last(api, chat, 3).plain_text
    api.send_text(chat, "/language sr", language_code="ru")
    assert "jeziku" in last(api, chat, 4).plain_text
    api.send_text(chat, "/timeline 2016", language_code="ru")
    assert "avgust" in last(api, chat, 5).plain_text
    api.send_text(chat, "Gde je ambasada Srbije?", language_code="ru")
    assert "Astan" in last(api, chat, 6).plain_text
    api.send_text(chat, "Када су успостављени дипломатски односи?", language_code="ru")
    assert "децембра 1996" in last(api, chat, 7).plain_text
    api.send_text(chat, "Тоқаев Сербияға қашан барды?", language_code="ru")
    assert "2024" in last(api, chat, 8).plain_text
    api.send_text(chat, "/language", language_code="ru")
    choice = last(api, chat, 9)
    kazakh = [b for b in buttons(choice) if b["callback_data"] == "lang:kk"][0]
    api.press_button(chat, choice.message_id, kazakh["callback_data"])
    api.send_text(chat, "/missions", language_code="ru")
    assert "Белград" in last(api, chat, 11).plain_text
    api.assert_no_violations()


def test_receiving_survives_faults(api, bot):
    """getUpdates answered with 502, 429 and a dropped connection: the bot keeps polling
    and every message is answered once."""
    for kind in ("502", "429", "drop"):
        api.fail_next("getUpdates", kind, retry_after=1)
        api.wait_for(lambda: kind in {f.kind for f in api.failed_requests}, timeout=30)
    for chat in (9001, 9002):
        api.send_text(chat, "tokaev")
    api.wait_for(lambda: all(api.replies_by_chat()[c] for c in (9001, 9002)), timeout=40)
    time.sleep(0.5)
    assert api.replies_by_chat()[9001] == api.replies_by_chat()[9002] == 1
    assert {f.kind for f in api.failed_requests} >= {"502", "429", "drop"}


def test_another_fact_base_brings_its_own_commands(api, tmp_path):
    """The command menu, /help and the list commands follow the fact base's meta.yaml."""
    base = tmp_path / "choir"
    from bot.factbase.scaffold import write_scaffold
    write_scaffold(base)
    with running_bot(api, tmp_path, "--knowledge", str(base)) as running:
        chat = 1077
        replies(api, chat, 0, [("/start", "The Riverton Choir"),
                               ("/help", "/conductors – Who has conducted the choir"),
                               ("/conductors", "Maria Example became the conductor"),
                               ("/timeline", "1998"),
                               ("/about", "Riverton Town Library"),
                               ("Who conducts the Riverton Choir?", "10 January 2015")])
        assert [c["command"] for c in api.commands] == ["start", "help", "timeline",
                                                          "conductors", "about", "language"]
        api.assert_no_violations()
    assert "Traceback" not in running.stderr, running.stderr


def test_answers_with_html_characters_are_escaped(api, tmp_path, knowledge_copy):
    """A fact text with "&" and "<" reaches Telegram escaped (the fake refuses a stray one)."""
    facts = knowledge_copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count("Kassym-Jomart Tokayev visited Serbia.") == 1
    facts.write_text(text.replace("Kassym-Jomart Tokayev visited Serbia.",
                                  "Kassym-Jomart Tokayev visited Serbia & <Belgrade>."),
                     encoding="utf-8")
    with running_bot(api, tmp_path, "--knowledge", str(knowledge_copy)):
        api.send_text(10_001, "When did Tokayev visit Serbia?")
        reply = last(api, 10_001)
    assert "visited Serbia & <Belgrade>." in reply.plain_text
    assert "&amp; &lt;Belgrade&gt;" in reply.text
    api.assert_no_violations()


def test_one_chat_is_answered_in_order_while_its_first_reply_waits_out_a_429(api, bot):
    api.fail_next("sendMessage", "429", retry_after=2)
    chat = 10_002
    api.send_text(chat, "When did Nikolić visit Kazakhstan?")
    api.send_text(chat, "What did he say?")
    first, second = api.wait_for_messages(chat, 2, timeout=30)
    assert "27–29 August 2015" in first.plain_text and "friendship" not in first.plain_text
    assert "friendship" in second.plain_text
    assert [f.kind for f in api.failed_requests] == ["429"]


def test_the_throttle_keeps_under_telegrams_flood_limits(tmp_path):
    """45 chats at once with Telegram's flood control on: no 429 at all, one reply each."""
    with FakeBotApi(flood_limits=FloodLimits(global_per_second=30, group_per_minute=20)) \
            as api, running_bot(api, tmp_path, TELEGRAM_MAX_SENDS_PER_SECOND="25"):
        chats = list(range(11_001, 11_046))
        for chat in chats:
            api.send_text(chat, "tokaev")
        group = -11_000
        for _ in range(3):
            api.send_text(group, "/about@kazserb_test_bot", chat_type="group")
        api.wait_for(lambda: sum(api.replies_by_chat().values()) >= 48, timeout=60)
        time.sleep(0.5)
        assert [api.replies_by_chat()[c] for c in chats] == [1] * 45
        assert api.replies_by_chat()[group] == 3
        assert api.failed_requests == []


def test_timeline_pages_for_a_filter_too_long_for_callback_data(api, bot):
    chat = 10_003
    name = "Республика Казахстан Республика Сербия"  # 73 bytes: over the 64 of callback data
    api.send_text(chat, f"/timeline {name}", language_code="ru")
    first = last(api, chat)
    assert "страница 1 из 4" in first.plain_text
    forward = [b for b in buttons(first) if b["text"] == "▶"]
    assert len(forward) == 1 and len(forward[0]["callback_data"].encode()) <= 64
    for page in (2, 3, 4):
        api.press_button(chat, first.message_id, forward[0]["callback_data"])
        api.wait_for(lambda: len(api.edits) == page - 1, timeout=15)
        edited = api.message(chat, first.message_id)
        labels = [b["text"] for b in edited["reply_markup"]["inline_keyboard"][0]]
        assert f"{page}/4" in labels
        forward = [b for b in edited["reply_markup"]["inline_keyboard"][0] if b["text"] == "▶"]
    assert forward == []
    api.assert_no_violations()


def test_inline_results_are_personal(api, bot):
    api.inline_query("назарбаев", language_code="ru")
    api.wait_for(lambda: api.inline_answers, timeout=15)
    answer = api.inline_answers[0]
    assert answer.params["is_personal"] is True
    assert any("Назарбаев" in r["title"] for r in answer.results)


def test_reload_answers_from_the_new_fact_base(api, tmp_path, knowledge_copy):
    with running_bot(api, tmp_path, "--knowledge", str(knowledge_copy)):
        api.send_text(ADMIN, "When did Tokayev visit Serbia?")
        assert "18–19 November 2024" in last(api, ADMIN).plain_text
        facts = knowledge_copy / "facts.yaml"
        facts.write_text(facts.read_text(encoding="utf-8").replace(
            "date: 2024-11-18/19", "date: 2025-03-01/02", 1), encoding="utf-8")
        api.send_text(ADMIN, "/reload")
        assert "reloaded" in last(api, ADMIN, 2).plain_text
        api.send_text(ADMIN, "When did Tokayev visit Serbia?")
        assert "1–2 March 2025" in last(api, ADMIN, 3).plain_text


def test_a_conversation_of_every_kind_of_question(api, bot):
    """What a user types, through Telegram: small talk, a wrapped question, a near miss
    with the nearest facts shown apart, a comparison, a time-scope question and a chain of
    follow-ups, each answered as the engine answers it, one reply per message."""
    chat = 1090
    replies(api, chat, 0, [
        ("Hello there!", "I answer questions about Kazakhstan–Serbia relations"),
        ("so I'm writing an essay for school, who did Nazarbayev meet when he was in "
         "Belgrade?", "Aleksandar Vučić"),
        ("what was signed?", "Fiat"),
        ("What did Nazarbayev say about Kosovo?",
         "nothing in the fact base connects “Nazarbayev”, “say”, “Kosovo”"),
        ("Which came first, the Tito–Stalin split or the Belgrade declaration?",
         "Earlier: 1948"),
        ("Who is the current president of Kazakhstan?", "up to 18–19 November 2024"),
        ("Which visit is the most recent one in the article?", "Tokayev"),
        ("and the one before that?", "8–10 October 2018"),
        ("How many ministers went with him?", "5 in all"),
    ])
    near_miss = api.sent_messages(chat)[3]
    assert "What I have nearest (not an answer to that):" in near_miss.plain_text
    assert "December 2008" in near_miss.plain_text  # Masimov's statement, shown apart
    assert len(api.sent_messages(chat)) == 9
    api.assert_no_violations()


#: `python -m bot`, with a fact-base build that logs its start and end to $BUILD_LOG and,
#: in between, waits until the test writes a line to the FIFO $BUILD_GATE.
GATED_RELOAD = [sys.executable, "-c", """
import os, sys
import bot.telegram.reloading as reloading
real = reloading.build_engine
def gated(knowledge):
    with open(os.environ["BUILD_LOG"], "a") as log:
        log.write("start\\n")
    with open(os.environ["BUILD_GATE"]) as gate:
        gate.readline()
    engine = real(knowledge)
    with open(os.environ["BUILD_LOG"], "a") as log:
        log.write("end\\n")
    return engine
reloading.build_engine = gated
from bot.cli import main
sys.exit(main())
"""]


def test_questions_are_answered_while_a_reload_builds(api, tmp_path):
    """A slow /reload (its build held until the test lets it go): another chat's
    question is answered meanwhile, and a second /reload waits for the first build
    instead of building beside it."""
    log, gate = tmp_path / "builds.log", tmp_path / "gate"
    os.mkfifo(gate)
    with running_bot(api, tmp_path, command=GATED_RELOAD, BUILD_LOG=str(log),
                     BUILD_GATE=str(gate), BOT_ADMIN_IDS=f"{ADMIN} {ADMIN + 1}"):
        api.send_text(ADMIN, "/reload")
        api.wait_for(lambda: log.exists() and log.read_text() == "start\n", timeout=15)
        api.send_text(ADMIN + 1, "/reload")
        api.send_text(4242, "When did Tokayev visit Serbia?")
        assert "18–19 November 2024" in last(api, 4242).plain_text
        assert api.sent_messages(ADMIN) == [] and api.sent_messages(ADMIN + 1) == []
        assert log.read_text() == "start\n"
        with gate.open("w") as release:
            release.write("go\n")
        assert "reloaded" in last(api, ADMIN).plain_text
        api.wait_for(lambda: log.read_text() == "start\nend\nstart\n", timeout=15)
        assert api.sent_messages(ADMIN + 1) == []
        with gate.open("w") as release:
            release.write("go\n")
        assert "reloaded" in last(api, ADMIN + 1).plain_text
        assert log.read_text() == "start\nend\nstart\nend\n"
