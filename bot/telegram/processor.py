"""Chats served concurrently, one chat's updates one after the other, in arrival order.

A follow-up ("What did he say?") must see the answer before it, so updates of one chat
wait for each other; other chats go on meanwhile. The per-chat lock lives here, not in
chat data (a stored lock would come back held after a restart), and is dropped when the
chat has nothing waiting, so memory does not grow with the number of chats.

Each update is reported to `on_done` once handled, which marks it answered in the inbox;
at shutdown `close` lets the updates in hand finish until a deadline, cancels the rest and
leaves them unanswered, so the next start answers them.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)


class _ChatLock:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class PerChatProcessor(BaseUpdateProcessor):
    """Up to `handlers` updates at once; one chat's in order (asyncio.Lock is FIFO)."""

    def __init__(self, handlers: int, on_done: Callable[[object], None] | None = None):
        # The base class's semaphore only bounds tasks waiting here (the inbox already
        # bounds how many updates are in hand); `handlers` bounds those really running, and
        # is taken after the chat's lock, so one busy chat cannot fill every slot.
        super().__init__(max_concurrent_updates=1 << 16)
        self._running = asyncio.Semaphore(handlers)
        self._chats: dict[Any, _ChatLock] = {}
        self._tasks: set[asyncio.Task] = set()
        self._closing = False
        self.on_done = on_done

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: `close` has ended the tasks."""

    @property
    def active_chats(self) -> set:
        """Chats with an update being handled or waiting."""
        return set(self._chats)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        chat = self._chats.get(key) if key is not None else None
        if key is not None and chat is None:
            chat = self._chats[key] = _ChatLock()
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        if chat is not None:
            chat.users += 1
        finished = False
        try:
            async with chat.lock if chat is not None else _NO_LOCK, self._running:
                if self._closing:
                    return
                await coroutine
                finished = True
        finally:
            if not finished:
                _close(coroutine)
            if chat is not None:
                chat.users -= 1
                if chat.users == 0:
                    del self._chats[key]
            if task is not None:
                self._tasks.discard(task)
            if finished and self.on_done is not None:
                self.on_done(update)

    async def close(self, grace: float) -> int:
        """Let updates in hand finish for up to `grace` seconds, then cancel the rest
        (they stay unanswered in the inbox); returns how many were cut off."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, grace)
        while self._tasks and (left := deadline - loop.time()) > 0:
            # New updates keep coming from the store meanwhile: answer them too.
            await asyncio.wait(set(self._tasks), timeout=left)
        self._closing = True
        left = set(self._tasks)
        for task in left:
            task.cancel()
        if left:
            await asyncio.wait(left, timeout=5)
        return len(left)


class _NoLock:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


_NO_LOCK = _NoLock()


def _chat_key(update: object) -> Any:
    """The chat an update belongs to; None (no ordering) for inline queries and the like."""
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


def _close(coroutine: Awaitable[Any]) -> None:
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()
