"""Receiving updates so that none is lost: stored before Telegram is told, answered from store.

python-telegram-bot's own poller confirms a batch to Telegram when it fetches the next one,
before the handlers have run, so a killed process loses what it had fetched; and one update
it cannot parse makes it fetch the same batch forever. Here:

- `poll` fetches raw updates, stores them durably (`SqlitePersistence.store_updates`),
  and only then confirms them, by asking for the next ones; it fetches no more than
  `Inbox.limit` updates ahead of the answers, so a stop's grace can answer what is in hand;
- `Inbox` hands stored updates to the application a bounded number at a time, oldest
  first (on start, what the last run left unanswered), and marks each one answered when
  the update processor reports it done; one that cannot be parsed is logged (at most one
  line a minute) and skipped, never retried;
- the webhook server (`webhook.py`) stores each update the same way before it answers 200.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
import warnings
from typing import Any

from telegram import Update
from telegram.error import (Conflict, EndPointNotFound, InvalidToken, NetworkError, RetryAfter,
                            TelegramError)
from telegram.ext import Application

from .store import SqlitePersistence

log = logging.getLogger(__name__)

#: Seconds a long poll waits for updates.
POLL_TIMEOUT = 10
#: Seconds between two log lines about skipped updates, and about failed polls.
LOG_EVERY = 60.0
#: Answers between two clean-ups of the inbox in webhook mode.
FORGET_EVERY = 500
# getUpdates is called raw (do_api_request), so that one bad update cannot fail the batch.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'")


class Fatal(Exception):
    """Telegram refused the token: nothing will work until an operator fixes it."""


class RateLimitedLog:
    """One log line per `every` seconds for a recurring condition, with a count of the rest."""

    def __init__(self, level: int, every: float = LOG_EVERY):
        self.level, self.every = level, every
        self._last = -every
        self._skipped = 0

    def __call__(self, message: str, *args: Any) -> None:
        now = time.monotonic()
        if now - self._last < self.every:
            self._skipped += 1
            return
        if self._skipped:
            message += f" ({self._skipped} more like it not logged)"
        self._last, self._skipped = now, 0
        log.log(self.level, message, *args)


class Inbox:
    """Stored updates on their way to the handlers; at most `limit` in hand at once."""

    def __init__(self, store: SqlitePersistence, app: Application, limit: int,
                 by_webhook: bool = False):
        self.store, self.app, self.limit = store, app, limit
        #: Polling forgets answered updates as their offset is confirmed; a webhook has no
        #: offset, so every FORGET_EVERY answers the oldest are forgotten.
        self.by_webhook = by_webhook
        self._answered = 0
        self._in_hand: set[int] = set()
        #: The newest update handed out (or skipped): the inbox is read on from there.
        self._after: int | None = None
        #: Updates parsed as they were fetched, not read back from the store.
        self._fresh: dict[int, dict] = {}
        #: Answered, not yet recorded: written together once per turn of the event loop.
        self._answered_ids: list[int] = []
        self._wake = asyncio.Event()
        self._room = asyncio.Event()
        self._skipped = RateLimitedLog(logging.WARNING)

    def add(self, raw: list[Any]) -> list[int]:
        """Store raw updates (as Telegram sent them) durably; returns their ids."""
        rows = []
        for item in raw:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int) or isinstance(update_id, bool):
                self._skipped("Skipped an update without an update_id")
                continue
            rows.append((update_id, json.dumps(item, ensure_ascii=False)))
        if rows:
            new = self.store.store_updates(rows)
            if len(self._fresh) < self.limit:
                by_id = {item.get("update_id"): item for item in raw if isinstance(item, dict)}
                self._fresh.update((i, by_id[i]) for i in new)
            if new and self._after is not None and min(new) <= self._after:
                # Older than what was handed out (a webhook delivery Telegram repeated
                # late): read the inbox again from there.
                self._after = min(new) - 1
            self._wake.set()
        return [r[0] for r in rows]

    def room(self) -> int:
        """How many more updates may be fetched: `limit` minus those stored unanswered."""
        self.flush()
        return self.limit - self.store.pending_count()

    async def wait_for_room(self) -> None:
        self._room.clear()
        await self._room.wait()

    def done(self, update: object) -> None:
        """Called by the update processor once an update has been handled."""
        if isinstance(update, Update):
            self._in_hand.discard(update.update_id)
            if not self._answered_ids:
                asyncio.get_running_loop().call_soon(self.flush)
            self._answered_ids.append(update.update_id)
        self._wake.set()
        self._room.set()

    def flush(self) -> None:
        """Record the answered updates in one write: one transaction per turn of the event
        loop, not one per answer. A kill before it answers those again, never loses one."""
        ids, self._answered_ids = self._answered_ids, []
        if not ids:
            return
        self._mark_done(*ids)
        before, self._answered = self._answered, self._answered + len(ids)
        if self.by_webhook and before // FORGET_EVERY != self._answered // FORGET_EVERY:
            self.store.forget_done()

    async def run(self) -> None:
        """Hand stored updates to the application, oldest first, until cancelled."""
        while True:
            self._wake.clear()
            self.flush()
            room = self.limit - len(self._in_hand)
            rows = self.store.pending(room, after=self._after) if room > 0 else []
            for update_id, body in rows:
                self._after = max(update_id, self._after if self._after is not None else -1)
                if update_id in self._in_hand:
                    continue
                update = self._parse(update_id, self._fresh.pop(update_id, None) or body)
                if update is None:
                    self._mark_done(update_id)
                    self._room.set()
                    continue
                self._in_hand.add(update_id)
                await self.app.update_queue.put(update)
            if room <= 0 or len(rows) < room:
                await self._wake.wait()

    def _parse(self, update_id: int, body: str | dict) -> Update | None:
        try:
            data = json.loads(body) if isinstance(body, str) else body
            update = Update.de_json(data, self.app.bot)
        except Exception as exc:  # noqa: BLE001 - any parse failure: skip, never retry
            self._skipped("Skipped update %d, which could not be read (%s: %s)", update_id,
                          type(exc).__name__, str(exc)[:200])
            return None
        return update

    def _mark_done(self, *update_ids: int) -> None:
        try:
            self.store.mark_done(*update_ids)
        except Exception as exc:  # noqa: BLE001 - answered anyway; at worst answered again
            log.error("Could not record update(s) %s as answered (%s)",
                      ", ".join(map(str, update_ids[:10])), exc)


async def poll(inbox: Inbox, allowed_updates: list[str]) -> None:
    """Long-poll getUpdates until cancelled; raises Fatal when the token is refused."""
    bot = inbox.app.bot
    offset = inbox.store.next_offset()
    backoff = 1.0
    warn = RateLimitedLog(logging.WARNING)
    while True:
        room = inbox.room()
        if room <= 0:
            await inbox.wait_for_room()
            continue
        kwargs: dict[str, Any] = {"limit": min(100, room), "timeout": POLL_TIMEOUT,
                                  "allowed_updates": allowed_updates}
        if offset is not None:
            kwargs["offset"] = offset
        try:
            raw = await bot.do_api_request("getUpdates", api_kwargs=kwargs,
                                           read_timeout=POLL_TIMEOUT + 10)
        except (InvalidToken, EndPointNotFound):
            raise Fatal("Telegram refused the bot token (revoked or wrong)") from None
        except RetryAfter as exc:
            wait = _seconds(exc.retry_after) + 0.5
            warn("Fetching updates: Telegram asked to wait %.0f s", wait)
            await asyncio.sleep(wait)
            continue
        except (NetworkError, Conflict, TelegramError) as exc:
            warn("Fetching updates failed (%s); trying again in %.0f s", exc, backoff)
            if isinstance(exc, Conflict) and "webhook" in str(exc).lower():
                await _remove_webhook(bot)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 1.5, 30.0)
            continue
        backoff = 1.0
        if offset is not None:
            inbox.store.forget_done(below=offset)
        ids = inbox.add(raw if isinstance(raw, list) else [])
        if ids:
            offset = max(ids) + 1


async def _remove_webhook(bot: Any) -> None:
    """A webhook was set while polling (by hand, or another deployment of this token):
    this process was started to poll, so it removes it again, keeping the updates it holds;
    else the bot would stay deaf. Best effort: the next conflict tries again."""
    log.warning("A webhook was set while this bot polls; removing it")
    try:
        await bot.delete_webhook()
    except TelegramError as exc:
        log.warning("Could not remove the webhook (%s)", exc)


async def confirm(inbox: Inbox) -> None:
    """At a stop: tell Telegram what is stored (one last getUpdates), best effort."""
    offset = inbox.store.next_offset()
    if offset is None:
        return
    try:
        raw = await inbox.app.bot.do_api_request(
            "getUpdates", api_kwargs={"offset": offset, "limit": 1, "timeout": 0},
            read_timeout=5)
        inbox.store.forget_done(below=offset)
        inbox.add(raw if isinstance(raw, list) else [])
    except TelegramError as exc:
        log.info("Could not confirm the last updates to Telegram (%s); they are stored and "
                 "will be recognised when they come again", exc)


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
