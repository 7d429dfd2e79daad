"""Nothing lost across restarts, crashes and bad input: the bot as a process, stopped and
killed, against the fake Bot API server (which keeps its state across the bot's runs)."""
from __future__ import annotations

import time

import pytest

from fake_bot_api import FakeBotApi
from test_telegram import ADMIN, last, running_bot

#: Handlers running at once: the most replies a crash can catch in flight.
IN_FLIGHT = 32
QUESTIONS = {"tokaev": "18–19 November 2024",
             "When did Tadić visit Kazakhstan?": "6–7 October 2010"}


def answered(api: FakeBotApi, chats: list[int]) -> dict[str, int]:
    """How many (chat, question) pairs got no reply, one, or more than one."""
    counts = {"never": 0, "once": 0, "twice or more": 0}
    for chat in chats:
        texts = [m.plain_text for m in api.sent_messages(chat)]
        for expected in QUESTIONS.values():
            n = sum(expected in t for t in texts)
            counts["never" if n == 0 else "once" if n == 1 else "twice or more"] += 1
    return counts


def burst(api: FakeBotApi, chats: list[int]) -> None:
    for question in QUESTIONS:
        for chat in chats:
            api.send_text(chat, question)


def test_a_restart_keeps_the_language_the_context_and_the_counters(api, tmp_path):
    chat = 20_001
    with running_bot(api, tmp_path) as bot:
        api.send_text(chat, "/language ru")
        last(api, chat)
        api.send_text(chat, "Когда Николич посетил Казахстан?")
        assert "27–29 августа 2015" in last(api, chat, 2).plain_text
        api.send_text(ADMIN, "qwerty uiop")
        last(api, ADMIN)
        assert bot.stop() == 0
    with running_bot(api, tmp_path) as bot:
        api.send_text(chat, "/missions")  # no question to tell the language: the choice
        assert "Белград" in last(api, chat, 3).plain_text
        api.send_text(chat, "Что он сказал?")
        follow_up = last(api, chat, 4).plain_text
        # "He" is still Nikolić: without the context, every statement would be listed.
        assert "Николич заявил" in follow_up and "Масимов" not in follow_up
        api.send_text(ADMIN, "/stats")
        stats = last(api, ADMIN, 2).plain_text
        assert "2 answered, 1 unanswered" in stats and "1× qwerty uiop" in stats, stats
    assert bot.process.returncode == 0
    assert "Traceback" not in bot.stderr


def test_kill_9_mid_burst_loses_nothing(tmp_path):
    """100 chats × 2 questions, kill -9 after about 50 replies, start again: every question
    answered; only replies in flight at the kill can come twice."""
    chats = list(range(21_001, 21_101))
    with FakeBotApi(latency=0.02) as api:
        with running_bot(api, tmp_path) as bot:
            burst(api, chats)
            api.wait_for(lambda: len(api.sent_messages()) >= 50, timeout=60)
            bot.kill()
        before = answered(api, chats)
        assert before["never"] > 0  # the kill did land mid-burst
        with running_bot(api, tmp_path):
            api.wait_for(lambda: answered(api, chats)["never"] == 0, timeout=60)
            time.sleep(1)
        after = answered(api, chats)
    assert after["never"] == 0
    assert after["twice or more"] <= IN_FLIGHT, (before, after)
    assert after["once"] + after["twice or more"] == 200
    assert api.pending_updates() == 0


def test_sigterm_answers_within_the_grace_and_leaves_the_rest_for_the_next_start(tmp_path):
    """A throttled bot with a short grace cannot answer 60 questions before it stops:
    it stops in time, and the next start answers the rest."""
    chats = list(range(22_001, 22_031))
    with FakeBotApi() as api:
        with running_bot(api, tmp_path, "--grace", "1",
                         TELEGRAM_MAX_SENDS_PER_SECOND="10") as bot:
            burst(api, chats)
            api.wait_for(lambda: len(api.sent_messages()) >= 5, timeout=30)
            assert bot.stop() == 0
        before = answered(api, chats)
        assert before["never"] > 0
        assert "left unanswered" in bot.stderr
        with running_bot(api, tmp_path):
            api.wait_for(lambda: answered(api, chats)["never"] == 0, timeout=60)
            time.sleep(1)
        after = answered(api, chats)
    assert after["never"] == 0 and after["once"] + after["twice or more"] == 60
    assert after["twice or more"] <= IN_FLIGHT


def test_a_bad_update_is_skipped_and_logged_once(api, tmp_path):
    with running_bot(api, tmp_path) as bot:
        for _ in range(3):
            api.queue_update({"message": {"message_id": 5, "date": "yesterday",
                                          "chat": {"id": 23_001, "type": "private"}}})
        api.send_text(23_002, "tokaev")
        assert "2024" in last(api, 23_002).plain_text
        api.wait_for(lambda: api.pending_updates() == 0, timeout=30)
    assert bot.stderr.count("could not be read") == 1
    assert "Traceback" not in bot.stderr
    assert api.sent_messages(23_001) == []


@pytest.mark.parametrize("method, what", [("setMyCommands", "Setting the command menu"),
                                          ("deleteWebhook", "Removing a webhook")])
def test_failing_start_up_calls_do_not_stop_the_bot(api, tmp_path, method, what):
    """Dropped connections (which the sender does not resend itself) on auxiliary calls:
    retried in the background, while the bot answers."""
    api.fail_next(method, "drop", count=2)
    with running_bot(api, tmp_path) as bot:
        api.send_text(24_001, "tokaev")
        assert "2024" in last(api, 24_001).plain_text
        api.wait_for(lambda: api.calls(method), timeout=30)
        assert bot.process.poll() is None
    assert bot.stderr.count(f"{what} failed") == 2
    assert "Traceback" not in bot.stderr
    assert bot.process.returncode == 0


def test_an_unreachable_telegram_at_start_is_waited_for(api, tmp_path):
    api.fail_next("getMe", "drop", count=2)
    with running_bot(api, tmp_path) as bot:
        api.send_text(24_002, "tokaev")
        assert "2024" in last(api, 24_002).plain_text
    assert "Cannot reach Telegram yet" in bot.stderr and "Traceback" not in bot.stderr


def test_another_bots_stored_updates_are_not_answered(tmp_path):
    """Update ids are per bot: a new token on the same state directory starts afresh."""
    chats = list(range(25_001, 25_041))
    with FakeBotApi(latency=0.02) as api:
        with running_bot(api, tmp_path) as bot:
            burst(api, chats)
            api.wait_for(lambda: len(api.sent_messages()) >= 5, timeout=60)
            bot.kill()
        assert answered(api, chats)["never"] > 0
    with FakeBotApi(token="987654321:AAAnotherBotsTokenForTheSameStateDir") as other:
        with running_bot(other, tmp_path) as bot:
            other.send_text(25_100, "tokaev")
            assert "2024" in last(other, 25_100).plain_text
            time.sleep(1)
            assert [m.chat_id for m in other.sent_messages()] == [25_100]
    assert "held updates of another bot" in bot.stderr
