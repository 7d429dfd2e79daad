"""What a chat or the network can throw at a running bot, each answered as Telegram users
expect: the bot as a process against the fake Bot API server (tests/fake_bot_api.py)."""
from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request

import pytest

from fake_bot_api import FakeBotApi, FloodLimits
from test_telegram import bot, last, running_bot  # noqa: F401 - bot is a fixture

BOT = "@kazserb_test_bot"
TADIC = "When did Tadić visit Kazakhstan?"


def _no_more_replies(api: FakeBotApi, chat: int, count: int) -> None:
    time.sleep(1)  # a late extra reply would show up by now
    assert len(api.sent_messages(chat)) == count


def _mention(text: str) -> list[dict]:
    return [{"type": "mention", "offset": 0, "length": len(BOT)}] if text.startswith(BOT) else []


def _media(chat: int, chat_type: str, kind: str, caption: str | None = None) -> dict:
    """A message without text: a photo, sticker or voice note, with an optional caption."""
    media = {
        "photo": [{"file_id": "p", "file_unique_id": "pu", "width": 90, "height": 90}],
        "sticker": {"file_id": "s", "file_unique_id": "su", "type": "regular", "width": 1,
                    "height": 1, "is_animated": False, "is_video": False},
        "voice": {"file_id": "v", "file_unique_id": "vu", "duration": 3},
    }[kind]
    message = {"message_id": 700 + abs(chat) % 100, "date": int(time.time()),
               "chat": {"id": chat, "type": chat_type, **({"title": "G"} if chat < 0 else {})},
               "from": {"id": 4242, "is_bot": False, "first_name": "T"}, kind: media}
    if caption is not None:
        message["caption"] = caption
        if entities := _mention(caption):
            message["caption_entities"] = entities
    return {"message": message}


def test_a_group_upgraded_to_a_supergroup_keeps_its_conversation(api, bot):
    group = -6001
    api.send_text(group, f"{BOT} {TADIC}", chat_type="group")
    assert "6–7 October 2010" in last(api, group).plain_text
    supergroup = api.migrate(group)
    api.send_text(supergroup, f"{BOT} and after that?", chat_type="supergroup")
    assert "1–2 December 2010" in last(api, supergroup).plain_text
    api.assert_no_violations()


def test_a_question_asked_just_before_the_upgrade_is_answered_in_the_supergroup(api, bot):
    group = -6002
    api.send_text(group, f"{BOT} hello", chat_type="group")
    last(api, group)
    supergroup = api.migrate(group, announce=False)
    api.send_text(group, f"{BOT} {TADIC}", chat_type="group")  # on its way as it happened
    assert "6–7 October 2010" in last(api, supergroup).plain_text
    _no_more_replies(api, supergroup, 1)
    assert "Traceback" not in bot.stderr
    api.assert_no_violations()


def test_a_crash_after_the_button_spinner_stopped_still_apologises_in_the_chat(api, tmp_path):
    chat = 6101
    with running_bot(api, tmp_path) as bot:
        api.send_text(chat, "/start")
        greeting = last(api, chat)
        api.fail_next("sendMessage", 400, description="Bad Request: can't parse entities: "
                      "unsupported start tag \"x\" at byte offset 0")
        api.press_button(chat, greeting.message_id,
                         greeting.reply_markup["inline_keyboard"][0][0]["callback_data"])
        assert "something went wrong" in last(api, chat, 2).plain_text
        _no_more_replies(api, chat, 2)
    assert len(api.callback_answers) == 1
    assert api.violations == []  # no second answerCallbackQuery, which Telegram refuses
    assert "can't parse entities" in bot.stderr.lower()  # a bug of the bot's: logged with its traceback


def test_an_unknown_command_gets_the_help_and_another_bots_command_nothing(api, bot):
    chat, group = 6201, -6201
    api.send_text(chat, "/frobnicate")
    assert "/timeline" in last(api, chat).plain_text
    api.send_text(group, "/missions@SomeOtherBot", chat_type="group")
    api.send_text(group, "/frobnicate", chat_type="group")
    api.send_text(group, f"/missions@{BOT[1:]}", chat_type="group")
    assert "mission" in last(api, group).plain_text.lower()
    _no_more_replies(api, group, 1)
    api.assert_no_violations()


@pytest.mark.parametrize("chat, chat_type, kind, caption, replies", [
    (6301, "private", "sticker", None, 1),
    (6302, "private", "photo", None, 1),
    (6303, "private", "photo", "who is on this picture?", 1),
    (6304, "private", "voice", None, 1),
    (-6305, "group", "photo", f"{BOT} who is on this picture?", 1),
    (-6306, "group", "photo", "my holiday", 0),
    (-6307, "group", "sticker", None, 0),
])
def test_messages_without_text(api, bot, chat, chat_type, kind, caption, replies):
    api.queue_update(_media(chat, chat_type, kind, caption))
    api.send_text(chat, f"/about{BOT}" if chat < 0 else "/about", chat_type=chat_type)
    if replies:
        assert "only read text" in last(api, chat).plain_text
    assert "CC BY-SA" in last(api, chat, replies + 1).plain_text
    _no_more_replies(api, chat, replies + 1)
    api.assert_no_violations()


def test_a_chat_that_is_gone_costs_one_send_and_no_traceback(api, tmp_path):
    with running_bot(api, tmp_path) as bot:
        api.send_text(6401, "tokaev")
        last(api, 6401)
        api.delete_chat(6401)
        api.send_text(6401, "tokaev")
        api.send_text(6402, "tokaev")
        last(api, 6402)
        time.sleep(0.5)
    assert [r.method for r in api.failed_requests] == []
    attempts = [c for c in api.calls("sendMessage") if c.get("chat_id") == 6401]
    assert len(attempts) == 2  # the reply before, the one refused; no apology after it
    assert "chat not found" in bot.stderr.lower() and "Traceback" not in bot.stderr


def test_a_webhook_set_while_polling_is_removed_and_polling_goes_on(api, bot):
    request = urllib.request.Request(
        f"{api.base_url}{api.token}/setWebhook",
        data=urllib.parse.urlencode({"url": "https://127.0.0.1:9/elsewhere"}).encode())
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response)["result"] is True
    api.send_text(6501, "tokaev")
    assert "18–19 November 2024" in last(api, 6501).plain_text
    assert api.webhook is None and "webhook" in bot.stderr.lower()


def test_a_flood_in_one_group_keeps_to_one_message_a_second(tmp_path):
    """Five members ask at once where Telegram allows a group about one message a second."""
    limits = FloodLimits(global_per_second=30, group_per_minute=20, group_per_second=1)
    group = -6601
    with FakeBotApi(flood_limits=limits) as api, \
            running_bot(api, tmp_path, TELEGRAM_MAX_SENDS_PER_SECOND="25"):
        for user in range(5):
            api.send_text(group, f"{BOT} tokaev", chat_type="group", user_id=66_010 + user)
        replies = api.wait_for_messages(group, 5, timeout=30)
        time.sleep(0.5)
        assert len(api.sent_messages(group)) == 5
        assert all("18–19 November 2024" in r.plain_text for r in replies)
        assert api.failed_requests == []  # not one 429


def test_a_flood_from_one_chat_is_answered_once_each_in_order(api, bot):
    chat = 6701
    questions = [("tokaev", "18–19 November 2024"), (TADIC, "6–7 October 2010")] * 15
    for text, _ in questions:
        api.send_text(chat, text)
    got = api.wait_for_messages(chat, len(questions), timeout=60)
    _no_more_replies(api, chat, len(questions))
    assert [expected in r.plain_text for r, (_, expected) in zip(got, questions)] == \
        [True] * len(questions)
