"""Running the bot: the application, its start-up, receiving (polling or webhook), its stop.

Start-up needs only `getMe` (retried until it succeeds or the token is refused); the
command menu and the webhook registration are retried in the background and never stop
the bot. A stop (SIGTERM, SIGINT) stops receiving, lets the replies in hand finish for
`Settings.grace` seconds, and leaves what is left in the store for the next start.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from types import MappingProxyType
from typing import Any, Awaitable, Callable
from urllib.parse import urlparse

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults

from .connections import ConnectionsRequest
from .handlers import BotState, add_handlers, set_commands
from .processor import PerChatProcessor
from .receiving import Fatal, Inbox, confirm, poll
from .sending import RetryingLimiter, StatusRequest
from .settings import SettingsError
from .store import SqlitePersistence
from .webhook import start_server

log = logging.getLogger(__name__)

#: Updates handled at once, and HTTP connections for sending: one connection per handler,
#: so a handler never waits for one. Each connection is its own pool of one
#: (`connections.py`), so more connections cost nothing per request; measured with
#: bench/telegram_e2e.py, 32/32 sent the most replies per second (16/16 and 64/64 fewer).
CONCURRENT_UPDATES, CONNECTIONS = 32, 32
#: Updates in hand (fetched, not yet answered) when sending is not throttled.
UNTHROTTLED_BACKLOG = 1000
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]


class _StoredChats(dict):
    """Chat data read from the store when a chat is first touched, not all at start-up."""

    def __init__(self, store: SqlitePersistence):
        super().__init__()
        self.store = store

    def __missing__(self, chat_id: int) -> dict:
        data = self.store.load_chat_data(chat_id) or {}
        self[chat_id] = data
        return data


class BotApplication(Application):
    """python-telegram-bot's Application, holding the bot's state, that keeps only busy
    chats' data in memory: PTB keeps every chat it has seen for the life of the process."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.state: BotState | None = None
        self._chat_data = _StoredChats(self.persistence)  # type: ignore[assignment]
        self.chat_data = MappingProxyType(self._chat_data)

    async def update_persistence(self) -> None:
        """Write what changed (PTB), then forget the chats that are written and idle."""
        await super().update_persistence()
        # PTB marks every user for a write even when user data is not stored, and then
        # never clears the marks: one id kept per user forever.
        if not self.persistence.store_data.user_data:  # type: ignore[union-attr]
            self._user_ids_to_be_updated_in_persistence.clear()
        keep = self._chat_ids_to_be_updated_in_persistence | self.update_processor.active_chats
        for chat_id in [c for c in self._chat_data if c not in keep]:
            del self._chat_data[chat_id]


def backlog(sends_per_second: float, grace: float) -> int:
    """Updates fetched ahead of the answers: what a stop's grace can answer."""
    if sends_per_second <= 0:
        return UNTHROTTLED_BACKLOG
    return max(CONCURRENT_UPDATES, int(sends_per_second * grace))


def build_application(state: BotState, store: SqlitePersistence) -> BotApplication:
    settings = state.settings
    timeouts = {"connect_timeout": 10.0, "read_timeout": 20.0, "write_timeout": 20.0,
                "pool_timeout": 10.0}
    builder = (ApplicationBuilder().application_class(BotApplication).token(settings.token)
               .updater(None).persistence(store)
               .request(ConnectionsRequest(CONNECTIONS, **timeouts))
               .get_updates_request(StatusRequest(connection_pool_size=1, **timeouts))
               .rate_limiter(RetryingLimiter(settings.max_sends_per_second))
               .concurrent_updates(PerChatProcessor(CONCURRENT_UPDATES))
               .defaults(Defaults(parse_mode=ParseMode.HTML,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True))))
    if settings.base_url:
        base = settings.base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    app: BotApplication = builder.build()  # type: ignore[assignment]
    app.state = state
    add_handlers(app)
    return app


def run(state: BotState, webhook_url: str | None = None, listen: str = "127.0.0.1",
        port: int = 8443) -> int:
    """Serve until stopped; 0 on a clean stop, 1 when Telegram refused the token."""
    if webhook_url and not state.settings.webhook_secret:
        raise SettingsError("webhook mode needs TELEGRAM_WEBHOOK_SECRET "
                            "(1–256 characters A-Z, a-z, 0-9, _ and -)")
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    store = SqlitePersistence(state.settings.state_dir)
    try:
        asyncio.run(_serve(state, store, webhook_url, listen, port))
    finally:
        store.close()
    if state.fatal:
        log.critical("%s; stopping.", state.fatal)
        return 1
    return 0


async def _serve(state: BotState, store: SqlitePersistence, webhook_url: str | None,
                 listen: str, port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    state.stop = stop.set
    app = build_application(state, store)
    if not await _until_connected(app, state, stop):
        return
    store.bind(app.bot.id)
    await app.initialize()
    await app.start()
    inbox = Inbox(store, app, backlog(state.settings.max_sends_per_second, state.settings.grace),
                  by_webhook=bool(webhook_url))
    app.update_processor.on_done = inbox.done  # type: ignore[attr-defined]
    tasks = [asyncio.create_task(inbox.run(), name="kazserb:inbox"),
             asyncio.create_task(_keep_trying("Setting the command menu", state, stop,
                                              lambda: set_commands(app, state)))]
    server = None
    if webhook_url:
        secret = state.settings.webhook_secret or ""
        try:
            server = start_server(inbox, secret, urlparse(webhook_url).path, listen, port)
            log.info("Receiving updates by webhook on %s:%d", listen, port)
        except OSError as exc:
            state.fatal = f"cannot listen on {listen}:{port} ({exc.strerror or exc})"
            stop.set()
        tasks.append(asyncio.create_task(_keep_trying(
            "Registering the webhook", state, stop, lambda: app.bot.set_webhook(
                webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES))))
    else:
        tasks.append(asyncio.create_task(_keep_trying(
            "Removing a webhook", state, stop, lambda: app.bot.delete_webhook())))
        tasks.append(asyncio.create_task(_poll(inbox, state, stop), name="kazserb:poll"))
        log.info("Receiving updates by polling")
    try:
        await stop.wait()
    finally:
        log.info("Stopping: answering what is in hand for up to %.0f s", state.settings.grace)
        if server is not None:
            server.stop()
        receiving = [t for t in tasks if t.get_name() == "kazserb:poll"]
        await _cancel(receiving)
        cut = await app.update_processor.close(state.settings.grace)  # type: ignore[attr-defined]
        await _cancel([t for t in tasks if t not in receiving])
        inbox.flush()
        left = store.pending_count()
        if left:
            log.info("%d update(s) left unanswered%s; the next start answers them", left,
                     f" ({cut} cut off by the grace)" if cut else "")
        if not webhook_url and not state.fatal:
            await confirm(inbox)
        await app.stop()
        await app.shutdown()


async def _poll(inbox: Inbox, state: BotState, stop: asyncio.Event) -> None:
    try:
        await poll(inbox, ALLOWED_UPDATES)
    except Fatal as exc:
        state.fatal = str(exc)
        stop.set()


async def _until_connected(app: Application, state: BotState, stop: asyncio.Event) -> bool:
    """getMe until it answers; False when stopped first or the token is refused."""
    delay = 1.0
    while not stop.is_set():
        try:
            await app.bot.initialize()
            return True
        except InvalidToken:
            state.fatal = "Telegram refused the bot token (revoked or wrong)"
            return False
        except TelegramError as exc:
            wait = _seconds(exc.retry_after) if isinstance(exc, RetryAfter) else delay
            log.warning("Cannot reach Telegram yet (%s); trying again in %.0f s", exc, wait)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), wait)
            delay = min(delay * 2, 30.0)
    return False


async def _keep_trying(what: str, state: BotState, stop: asyncio.Event,
                       call: Callable[[], Awaitable[Any]]) -> None:
    """An auxiliary call, retried in the background with backoff until it succeeds; a
    refusal Telegram would repeat (400) is logged once and given up."""
    delay = 1.0
    while True:
        try:
            await call()
            return
        except InvalidToken:
            state.fatal = "Telegram refused the bot token (revoked or wrong)"
            stop.set()
            return
        except BadRequest as exc:
            log.error("%s was refused by Telegram (%s); not trying again", what, exc)
            return
        except TelegramError as exc:
            wait = _seconds(exc.retry_after) if isinstance(exc, RetryAfter) else delay
            log.warning("%s failed (%s); trying again in %.0f s", what, exc, wait)
            await asyncio.sleep(wait)
            delay = min(delay * 2, 300.0)


async def _cancel(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
