"""Sending to Telegram reliably: throttled, and retried where a retry cannot duplicate.

python-telegram-bot retries nothing it sends from handlers, and its AIORateLimiter
retries only 429s, pausing *every* chat while one waits. This limiter hooks into the
same place (every Bot API call except getUpdates) and, per request:

- throttles to `max_per_second` overall and 20 per minute per group (0 turns it off);
- waits out `429 Too Many Requests` for `retry_after` and sends again, holding up only
  that request, so other chats carry on;
- sends again with exponential backoff after a 5xx answer or a connection that failed
  before the request could have been read (refused, dropped without an answer, connect
  timeout): Telegram did not execute those;
- does not retry 4xx answers (Telegram will refuse again) nor read timeouts (the message
  may have been delivered, and a second send would answer twice).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, AsyncIterator, Callable, Coroutine

import httpx
from aiolimiter import AsyncLimiter
from telegram.error import (BadRequest, ChatMigrated, Conflict, EndPointNotFound, Forbidden,
                            InvalidToken, NetworkError, RetryAfter, TelegramError,
                            TimedOut)
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

#: Errors Telegram will answer the same way however often we ask.
FINAL = (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated, EndPointNotFound)
#: httpx errors raised before the server can have read the request.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout,
            httpx.RemoteProtocolError)


class RetryingLimiter(BaseRateLimiter[int]):
    """Throttles and retries Bot API calls; see the module docstring for the rules."""

    def __init__(self, max_per_second: float = 30, attempts: int = 6,
                 first_backoff: float = 0.5, max_backoff: float = 30.0,
                 max_retry_after: float = 120.0):
        self._overall = AsyncLimiter(max_per_second, 1) if max_per_second > 0 else None
        self._throttle = max_per_second > 0
        self._groups: dict[int, AsyncLimiter] = {}
        self.attempts = attempts
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after

    async def initialize(self) -> None:
        """Nothing to set up: limiters are made on demand."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list[dict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict | list[dict]:
        attempts = rate_limit_args or self.attempts
        backoff = self.first_backoff
        for attempt in range(1, attempts + 1):
            try:
                async with self._slot(data.get("chat_id")):
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == attempts:
                    raise
                wait = min(_seconds(exc.retry_after), self.max_retry_after) + 0.1
                log.info("%s: Telegram asked to wait %.1f s (attempt %d)", endpoint, wait, attempt)
                await asyncio.sleep(wait)
            except FINAL:
                raise
            except NetworkError as exc:
                if attempt == attempts or not _safe_to_resend(exc):
                    raise
                log.warning("%s failed (%s); sending again in %.1f s (attempt %d)",
                            endpoint, exc, backoff, attempt)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextlib.asynccontextmanager
    async def _slot(self, chat_id: Any) -> AsyncIterator[None]:
        """Wait for a sending slot: overall, and per group for group chats."""
        if not self._throttle or chat_id is None:
            yield
            return
        group = None
        with contextlib.suppress(TypeError, ValueError):
            if int(chat_id) < 0:
                group = self._groups.setdefault(int(chat_id), AsyncLimiter(20, 60))
        async with group or contextlib.nullcontext(), self._overall or contextlib.nullcontext():
            yield


def _safe_to_resend(exc: NetworkError) -> bool:
    """True when Telegram cannot have executed the request: a 5xx, or no connection."""
    if isinstance(exc, TimedOut):
        return isinstance(exc.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout))
    cause = exc.__cause__
    if cause is None or isinstance(cause, TelegramError):
        return True  # an HTTP error status (5xx), with or without a JSON body: not executed
    return isinstance(cause, NOT_SENT)


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
