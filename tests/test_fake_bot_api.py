"""Tests of the fake Bot API server itself, driven by a real python-telegram-bot ``Bot``.

They pin down the behaviour the bot's end-to-end tests rely on: Telegram-like
validation, long polling with offsets, and fault injection. Plain pytest; every
async part runs in ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import http.server
import json
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle
from telegram import InputTextMessageContent, Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler
from telegram.ext import ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

try:
    from fake_bot_api import FakeBotApi, FloodLimits, parse_html, parse_markdown_v2, utf16_len
except ImportError:  # collected as a package (tests/__init__.py present)
    from tests.fake_bot_api import FakeBotApi, FloodLimits, parse_html, parse_markdown_v2, utf16_len

T = TypeVar("T")
CHAT = 4242


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


def run_with_bot(
    api: FakeBotApi, body: Callable[[Bot], Awaitable[T]], *, read_timeout: float = 5.0
) -> T:
    """Run ``body(bot)`` with an initialised PTB Bot pointed at the fake."""

    async def main() -> T:
        request = HTTPXRequest(read_timeout=read_timeout, connect_timeout=2.0)
        async with Bot(api.token, base_url=api.base_url, request=request) as bot:
            return await body(bot)

    return asyncio.run(main())


def post_raw(
    api: FakeBotApi, method: str, body: bytes, content_type: str, token: str | None = None
) -> tuple[int, dict[str, Any]]:
    """Call the fake without PTB, to test encodings PTB never produces."""
    req = urllib.request.Request(
        f"{api.base_url}{token or api.token}/{method}",
        data=body,
        headers={"Content-Type": content_type},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


# --------------------------------------------------------------------------- basics


def test_get_me_and_base_url(api: FakeBotApi) -> None:
    assert api.base_url == f"http://127.0.0.1:{api.port}/bot"

    async def body(bot: Bot) -> None:
        me = await bot.get_me()
        assert me.username == "kazserb_test_bot"
        assert me.is_bot and me.supports_inline_queries and me.can_join_groups
        assert me.id == api.bot_id

    run_with_bot(api, body)
    assert api.requests[0].method == "getMe"
    assert api.violations == []


def test_wrong_token_is_401(api: FakeBotApi) -> None:
    async def main() -> None:
        bot = Bot("999:wrong", base_url=api.base_url)
        with pytest.raises(InvalidToken):
            await bot.get_me()

    asyncio.run(main())
    assert api.unauthorized == 1
    status, payload = post_raw(api, "getMe", b"", "application/x-www-form-urlencoded", token="1:bad")
    assert (status, payload) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})


def test_unknown_method_is_404_and_a_violation(api: FakeBotApi) -> None:
    status, payload = post_raw(api, "sendTelepathy", b"chat_id=1", "application/x-www-form-urlencoded")
    assert status == 404 and payload["error_code"] == 404 and payload["ok"] is False
    assert api.violations and api.violations[0].startswith("sendTelepathy:")


def test_json_and_multipart_bodies(api: FakeBotApi) -> None:
    status, payload = post_raw(
        api,
        "sendMessage",
        json.dumps({"chat_id": CHAT, "text": "123", "reply_markup": {"remove_keyboard": True}}).encode(),
        "application/json",
    )
    assert status == 200 and payload["result"]["text"] == "123"
    boundary = "XyZ"
    multipart = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n{CHAT}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nпривет\r\n'
        f"--{boundary}--\r\n"
    ).encode()
    status, payload = post_raw(api, "sendmessage", multipart, f"multipart/form-data; boundary={boundary}")
    assert status == 200 and payload["result"]["text"] == "привет"
    sent = api.sent_messages(CHAT)
    assert [m.text for m in sent] == ["123", "привет"]
    assert [m.message_id for m in sent] == [1, 2]
    assert isinstance(sent[0].params["chat_id"], int)


# --------------------------------------------------------------------------- validation


def test_send_message_valid_html(api: FakeBotApi) -> None:
    text = (
        '<b>Сәлем</b> &amp; <a href="https://example.com/?a=1&amp;b=2">link</a> &#128512; '
        "<tg-spoiler>x</tg-spoiler>"
    )

    async def body(bot: Bot) -> None:
        message = await bot.send_message(CHAT, text, parse_mode="HTML")
        assert message.text == "Сәлем & link 😀 x"
        assert message.message_id == 1
        assert message.from_user is not None and message.from_user.id == api.bot_id
        types = [e.type for e in message.entities]
        assert types == ["bold", "text_link", "spoiler"]
        assert message.entities[1].url == "https://example.com/?a=1&b=2"
        second = await bot.send_message(CHAT, "again")
        assert second.message_id == 2

    run_with_bot(api, body)
    sent = api.sent_messages(CHAT)
    assert sent[0].text == text and sent[0].parse_mode == "HTML"
    assert sent[0].plain_text == "Сәлем & link 😀 x"
    assert api.violations == []


@pytest.mark.parametrize(
    "bad",
    [
        "<b>unclosed",
        "1 < 2",
        "Tom & Jerry",
        "a > b",
        "<b><i>crossed</b></i>",
        "<div>nope</div>",
        "<span>no class</span>",
        "<a>no href</a>",
        "&nbsp;",
        "</b>",
    ],
)
def test_send_message_bad_html_is_refused(api: FakeBotApi, bad: str) -> None:
    async def body(bot: Bot) -> None:
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(CHAT, bad, parse_mode="HTML")

    run_with_bot(api, body)
    assert len(api.violations) == 1 and "can't parse entities" in api.violations[0]
    assert api.sent_messages() == []


def test_message_length_counts_after_parsing_in_utf16(api: FakeBotApi) -> None:
    async def body(bot: Bot) -> None:
        await bot.send_message(CHAT, "a" * 4096)
        await bot.send_message(CHAT, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
        await bot.send_message(CHAT, "&lt;" * 4096, parse_mode="HTML")
        await bot.send_message(CHAT, "a" * 4096 + "\n\n")  # trailing whitespace is trimmed
        for too_long in ("a" * 4097, "😀" * 2049):
            with pytest.raises(BadRequest, match="(?i)message is too long"):
                await bot.send_message(CHAT, too_long)
        with pytest.raises(BadRequest, match="(?i)message text is empty"):
            await bot.send_message(CHAT, "  <b> </b> ", parse_mode="HTML")

    run_with_bot(api, body)
    assert len(api.sent_messages(CHAT)) == 4
    assert len(api.violations) == 3


def test_callback_data_limit_is_64_bytes(api: FakeBotApi) -> None:
    def keyboard(data: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup([[InlineKeyboardButton("press", callback_data=data)]])

    async def body(bot: Bot) -> None:
        await bot.send_message(CHAT, "ok", reply_markup=keyboard("a" * 64))
        await bot.send_message(CHAT, "ok", reply_markup=keyboard("ж" * 32))  # 64 bytes
        for data in ("a" * 65, "ж" * 33):
            with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
                await bot.send_message(CHAT, "too big", reply_markup=keyboard(data))

    run_with_bot(api, body)
    assert len(api.sent_messages(CHAT)) == 2
    assert api.sent_messages(CHAT)[0].reply_markup == {
        "inline_keyboard": [[{"text": "press", "callback_data": "a" * 64}]]
    }
    assert len(api.violations) == 2


def test_reply_markup_shapes(api: FakeBotApi) -> None:
    def post(markup: Any) -> int:
        body = f"chat_id={CHAT}&text=x&reply_markup={json.dumps(markup)}".encode()
        return post_raw(api, "sendMessage", body, "application/x-www-form-urlencoded")[0]

    assert post({"keyboard": [["a", {"text": "b"}]], "resize_keyboard": True}) == 200
    assert post({"remove_keyboard": True}) == 200
    assert post({"inline_keyboard": [[{"text": "u", "url": "https://t.me/x"}]]}) == 200
    assert post({"inline_keyboard": [[{"text": "no action"}]]}) == 400
    assert post({"inline_keyboard": [[{"text": "two", "url": "https://x.y", "callback_data": "a"}]]}) == 400
    assert post({"inline_keyboard": [{"text": "not a row"}]}) == 400
    assert post({"inline_keyboard": [[{"callback_data": "no text"}]]}) == 400
    assert post({"weird": 1}) == 400
    assert len(api.violations) == 5


def test_markdown_v2_minimal() -> None:
    plain, entities = parse_markdown_v2(r"*жирный* _курсив_ `код` \. [ссылка](https://x.y/a\)b)")
    assert plain == "жирный курсив код . ссылка"
    assert [e["type"] for e in entities] == ["bold", "italic", "code", "text_link"]
    assert entities[-1]["url"] == "https://x.y/a)b"
    for bad in ("1.5", "*open", "a-b", "(x)"):
        with pytest.raises(Exception):
            parse_markdown_v2(bad)


def test_lenient_html_matches_telegram_parser() -> None:
    plain, entities = parse_html("AT&T > <a>https://x.y</a> &amp", strict=False)
    assert plain == "AT&T > https://x.y &amp"
    assert entities == [{"type": "text_link", "offset": 7, "length": 11, "url": "https://x.y"}]
    with pytest.raises(Exception, match="Unsupported start tag"):
        parse_html("1 < 2", strict=False)


def test_parse_html_offsets_are_utf16() -> None:
    plain, entities = parse_html("😀 <b>ж</b>")
    assert plain == "😀 ж" and utf16_len(plain) == 4
    assert entities == [{"type": "bold", "offset": 3, "length": 1}]


# --------------------------------------------------------------------------- edits and queries


def test_edits_callbacks_and_not_modified(api: FakeBotApi) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="page:2")]])

    async def body(bot: Bot) -> None:
        sent = await bot.send_message(CHAT, "page 1", reply_markup=markup)
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await bot.edit_message_text("page 1", CHAT, sent.message_id, reply_markup=markup)
        edited = await bot.edit_message_text("<i>page 2</i>", CHAT, sent.message_id, parse_mode="HTML")
        assert isinstance(edited, type(sent)) and edited.text == "page 2"
        assert edited.reply_markup is None  # no reply_markup given: keyboard removed
        await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=markup)
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await bot.edit_message_text("x", CHAT, 999)

        query_id = api.press_button(CHAT, sent.message_id, "page:2")
        updates = await bot.get_updates(timeout=0)
        query = updates[-1].callback_query
        assert query is not None and query.id == query_id and query.data == "page:2"
        assert query.message is not None and query.message.text == "page 2"
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query("nonexistent")
        with pytest.raises(BadRequest, match="(?i)message_too_long"):
            await bot.answer_callback_query(query_id, text="x" * 201)
        assert await bot.answer_callback_query(query_id, text="Done")
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query(query_id)  # only one answer per query

    run_with_bot(api, body)
    assert [e.method for e in api.edits] == ["editMessageText", "editMessageReplyMarkup"]
    answers = api.callback_answers
    assert len(answers) == 1 and answers[0].text == "Done" and answers[0].chat_id == CHAT
    assert len(api.violations) == 5
    with pytest.raises(ValueError):
        api.press_button(CHAT, 1, "page:3")  # no such button is shown


def test_inline_query_answers(api: FakeBotApi) -> None:
    def article(i: int, text: str = "hi", parse_mode: str | None = None) -> InlineQueryResultArticle:
        content = InputTextMessageContent(text, parse_mode=parse_mode)
        return InlineQueryResultArticle(str(i), f"title {i}", content)

    async def body(bot: Bot) -> None:
        query_id = api.inline_query("сәлем", user_id=7)
        update = (await bot.get_updates(timeout=0))[0]
        assert update.inline_query is not None and update.inline_query.query == "сәлем"
        with pytest.raises(BadRequest, match="(?i)results_too_much"):
            await bot.answer_inline_query(query_id, [article(i) for i in range(51)])
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.answer_inline_query(query_id, [article(1, "<b>x", "HTML")])
        with pytest.raises(BadRequest, match="(?i)result_id_duplicate"):
            await bot.answer_inline_query(query_id, [article(1), article(1)])
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_inline_query("12345", [article(1)])
        assert await bot.answer_inline_query(query_id, [article(i, "<b>ok</b>", "HTML") for i in range(50)])

    run_with_bot(api, body)
    answers = api.inline_answers
    assert len(answers) == 1 and len(answers[0].results) == 50 and answers[0].query == "сәлем"
    assert len(api.violations) == 4


def test_commands_and_webhook_methods(api: FakeBotApi) -> None:
    async def body(bot: Bot) -> None:
        assert await bot.set_my_commands([("start", "Бастау"), ("help", "Help")])
        assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
        with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
            await bot.set_my_commands([("Bad-Command", "x")])
        assert await bot.delete_webhook()
        info = await bot.get_webhook_info()
        assert info.url == "" and info.pending_update_count == 0
        assert await bot.send_chat_action(CHAT, "typing")
        assert await bot.delete_my_commands()
        assert await bot.get_my_commands() == ()
        assert await bot.close() and await bot.log_out()

    run_with_bot(api, body)
    assert api.commands == [
        {"command": "start", "description": "Бастау"},
        {"command": "help", "description": "Help"},
    ]
    assert api.chat_actions == [(CHAT, "typing")]


# --------------------------------------------------------------------------- polling


def test_get_updates_offset_and_entities(api: FakeBotApi) -> None:
    first = api.send_text(CHAT, "/start@kazserb_test_bot payload")
    api.send_text(-100123, "hi @kazserb_test_bot", chat_type="supergroup", user_id=55)

    async def body(bot: Bot) -> None:
        updates = await bot.get_updates(timeout=0)
        assert [u.update_id for u in updates] == [1, 2]
        command = updates[0].message
        assert command is not None and command.message_id == first["message_id"]
        assert command.entities[0].type == "bot_command" and command.entities[0].length == 23
        assert command.from_user is not None and command.from_user.id == CHAT
        mention = updates[1].message
        assert mention is not None and mention.entities[0].type == "mention"
        assert mention.chat.type == "supergroup" and mention.from_user.id == 55
        # Unconfirmed updates come again; an offset confirms and forgets them.
        assert len(await bot.get_updates(timeout=0)) == 2
        assert len(await bot.get_updates(offset=2, timeout=0)) == 1
        assert await bot.get_updates(offset=3, timeout=0) == ()
        assert await bot.get_updates(timeout=0) == ()

    run_with_bot(api, body)
    assert api.pending_updates() == 0
    assert api.delivered_update_ids() == {1, 2}


def test_long_poll_wakes_on_update_and_honours_timeout(api: FakeBotApi) -> None:
    async def body(bot: Bot) -> None:
        started = time.monotonic()
        assert await bot.get_updates(timeout=1) == ()
        assert 0.9 <= time.monotonic() - started < 2.0

        threading.Timer(0.2, api.send_text, args=(CHAT, "late")).start()
        started = time.monotonic()
        updates = await bot.get_updates(timeout=5)
        assert len(updates) == 1 and updates[0].message.text == "late"
        assert time.monotonic() - started < 1.5

    run_with_bot(api, body, read_timeout=3.0)


def test_second_poller_conflicts(api: FakeBotApi) -> None:
    async def body(bot: Bot) -> None:
        first = asyncio.create_task(bot.get_updates(timeout=3))
        await api.wait_for_async(lambda: len(api.calls("getUpdates")) == 1)
        await asyncio.sleep(0.05)
        # A second bot instance (PTB serialises getUpdates within one Bot).
        async with Bot(api.token, base_url=api.base_url) as other:
            assert await other.get_updates(timeout=0) == ()
        with pytest.raises(Conflict):
            await first

    run_with_bot(api, body)
    assert api.conflicts == 1


# --------------------------------------------------------------------------- faults


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_fault_429(api: FakeBotApi) -> None:
    api.fail_next("sendMessage", "429", retry_after=3)

    async def body(bot: Bot) -> None:
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(CHAT, "first")
        assert retry_seconds(caught.value) == 3
        await bot.send_message(CHAT, "second")

    run_with_bot(api, body)
    assert [m.text for m in api.sent_messages()] == ["second"]
    assert [(f.method, f.kind, f.delivered) for f in api.failed_requests] == [("sendMessage", "429", False)]
    assert [r.method for r in api.requests] == ["getMe", "sendMessage"]


@pytest.mark.parametrize(
    ("kind", "error"), [("502", NetworkError), ("drop", NetworkError), ("401", InvalidToken)]
)
def test_faults_are_not_delivered(api: FakeBotApi, kind: str, error: type[Exception]) -> None:
    api.fail_next("sendmessage", kind, count=2)

    async def body(bot: Bot) -> None:
        for _ in range(2):
            with pytest.raises(error) as caught:
                await bot.send_message(CHAT, "lost")
            assert not isinstance(caught.value, BadRequest)
        await bot.send_message(CHAT, "arrives")

    run_with_bot(api, body)
    assert [m.text for m in api.sent_messages()] == ["arrives"]
    assert [f.kind for f in api.failed_requests] == [kind, kind]
    assert api.violations == []


def test_fault_timeout_and_lost_answer(api: FakeBotApi) -> None:
    api.fail_next("sendMessage", "timeout", delay=2.0)
    api.fail_next("sendMessage", "drop", deliver=True)

    async def body(bot: Bot) -> None:
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT, "held")
        assert time.monotonic() - started < 1.5
        with pytest.raises(NetworkError):
            await bot.send_message(CHAT, "delivered, answer lost")
        await bot.send_message(CHAT, "normal")

    run_with_bot(api, body, read_timeout=0.3)
    assert [m.text for m in api.sent_messages()] == ["delivered, answer lost", "normal"]
    assert [(f.kind, f.delivered) for f in api.failed_requests] == [("timeout", False), ("drop", True)]


def test_fault_on_get_updates_loses_nothing(api: FakeBotApi) -> None:
    api.send_text(CHAT, "keep me")
    api.fail_next("getUpdates", "502")

    async def body(bot: Bot) -> None:
        with pytest.raises(NetworkError):
            await bot.get_updates(timeout=0)
        assert len(await bot.get_updates(timeout=0)) == 1

    run_with_bot(api, body)


def test_blocked_chat_is_403_not_violation(api: FakeBotApi) -> None:
    api.block(CHAT)

    async def body(bot: Bot) -> None:
        with pytest.raises(Exception, match="(?i)blocked"):
            await bot.send_message(CHAT, "x")

    run_with_bot(api, body)
    assert api.sent_messages() == [] and api.violations == []
    assert [f.kind for f in api.failed_requests] == ["blocked"]


# --------------------------------------------------------------------------- with a PTB Application


async def _start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(
        "<b>Hello</b>",
        parse_mode="HTML",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]]),
    )


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text, do_quote=True)


async def _more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text("More!")


def _application(api: FakeBotApi) -> Application:
    app = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .concurrent_updates(True)
        .build()
    )
    app.add_handler(CommandHandler("start", _start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE, _echo))
    app.add_handler(CallbackQueryHandler(_more))
    return app


def test_application_end_to_end(api: FakeBotApi) -> None:
    chats = range(1, 51)
    for chat in chats:
        api.send_text(chat, f"hello {chat}")
        api.send_text(chat, "/start")

    async def main() -> None:
        app = _application(api)
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            try:
                for chat in chats:
                    await api.wait_for_messages_async(chat, 2)
                menu = next(m for m in api.sent_messages(1) if m.reply_markup)
                api.press_button(1, menu.message_id, "more")
                await api.wait_for_async(lambda: api.edits)
            finally:
                await app.updater.stop()
                await app.stop()

    asyncio.run(main())
    api.assert_no_violations()
    assert all(count == 2 for count in api.replies_by_chat().values())
    for chat in chats:
        echo = api.replies_to(chat, 1)
        assert len(echo) == 1 and echo[0].plain_text == f"hello {chat}"
    assert api.edits[0].plain_text == "More!" and len(api.callback_answers) == 1
    assert api.pending_updates() == 0


def test_webhook_delivery(api: FakeBotApi) -> None:
    received: list[tuple[str | None, dict[str, Any]]] = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server API
            length = int(self.headers["Content-Length"])
            secret = self.headers.get("X-Telegram-Bot-Api-Secret-Token")
            received.append((secret, json.loads(self.rfile.read(length))))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        api.send_text(CHAT, "via webhook")

        async def body(bot: Bot) -> None:
            await bot.set_webhook(f"http://127.0.0.1:{server.server_port}/hook", secret_token="s3cret")
            with pytest.raises(Conflict):
                await bot.get_updates(timeout=0)

        run_with_bot(api, body)
        api.wait_for(lambda: api.pending_updates() == 0, timeout=5)
        assert received[0][0] == "s3cret" and received[0][1]["message"]["text"] == "via webhook"
        assert api.webhook_deliveries == [(1, 200)]
    finally:
        server.shutdown()
        server.server_close()


def test_throughput_smoke(api: FakeBotApi) -> None:
    """60 chats x 5 messages through a real Bot, in a few seconds at most."""

    async def body(bot: Bot) -> None:
        limit = asyncio.Semaphore(8)

        async def send(chat: int, i: int) -> None:
            async with limit:
                await bot.send_message(chat, f"m{i}")

        await asyncio.gather(*(send(chat, i) for chat in range(1, 61) for i in range(5)))

    async def main() -> None:
        request = HTTPXRequest(connection_pool_size=8)
        async with Bot(api.token, base_url=api.base_url, request=request) as bot:
            await body(bot)

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 5.0
    assert len(api.sent_messages()) == 300
    for chat in range(1, 61):
        assert sorted(m.text for m in api.sent_messages(chat)) == [f"m{i}" for i in range(5)]


def test_server_throughput_raw_keep_alive(api: FakeBotApi) -> None:
    """The server itself (not httpx) does thousands of calls per second over keep-alive."""
    body = b"chat_id=7&text=hi"
    request = (
        f"POST /bot{api.token}/sendMessage HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body

    async def client(count: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", api.port)
        for _ in range(count):
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            assert json.loads(await reader.readexactly(length))["ok"] is True
        writer.close()

    async def main() -> float:
        started = time.monotonic()
        await asyncio.gather(*(client(100) for _ in range(20)))
        return time.monotonic() - started

    elapsed = asyncio.run(main())
    assert len(api.sent_messages(7)) == 2000
    assert 2000 / elapsed > 500, f"only {2000 / elapsed:.0f} calls/s"


def test_flood_limits_answer_429() -> None:
    with FakeBotApi(flood_limits=FloodLimits(global_per_second=None, group_per_minute=3)) as api:

        async def body(bot: Bot) -> None:
            for i in range(3):
                await bot.send_message(-500, f"g{i}")
            with pytest.raises(RetryAfter):
                await bot.send_message(-500, "one too many")
            await bot.send_message(1, "private chats have their own budget")

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            run_with_bot(api, body)
        assert len(api.sent_messages(-500)) == 3
        assert [f.kind for f in api.failed_requests] == ["flood"]


def test_queue_update_and_edit_text(api: FakeBotApi) -> None:
    uid = api.queue_update(
        {
            "message": {
                "message_id": 10,
                "date": 1,
                "chat": {"id": CHAT, "type": "private", "first_name": "T"},
                "from": {"id": CHAT, "is_bot": False, "first_name": "T"},
                "sticker": {
                    "file_id": "f",
                    "file_unique_id": "u",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                },
            }
        }
    )
    api.send_text(CHAT, "typo")
    api.edit_text(CHAT, 11, "fixed")

    async def body(bot: Bot) -> None:
        updates = await bot.get_updates(timeout=0)
        assert updates[0].update_id == uid and updates[0].message.sticker is not None
        assert updates[1].message.message_id == 11  # numbering continues after a raw message
        assert updates[2].edited_message is not None and updates[2].edited_message.text == "fixed"
        reply = await bot.send_message(CHAT, "nice sticker", reply_to_message_id=10)
        assert reply.reply_to_message is not None and reply.reply_to_message.message_id == 10
        with pytest.raises(BadRequest, match="(?i)message to be replied not found"):
            await bot.send_message(CHAT, "x", reply_to_message_id=999)

    run_with_bot(api, body)
    assert [m.reply_to_message_id for m in api.replies_to(CHAT, 10)] == [10]


def test_wait_for_times_out_with_context(api: FakeBotApi) -> None:
    with pytest.raises(TimeoutError, match="1 bot message"):
        api.wait_for_messages(CHAT, 1, timeout=0.2)
