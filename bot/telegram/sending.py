"""Sending to Telegram reliably: throttled, and retried where a retry cannot duplicate.

python-telegram-bot retries nothing it sends from handlers, and its AIORateLimiter
retries only 429s, pausing *every* chat while one waits. This limiter hooks into the
same place (every Bot API call except getUpdates) and, per request:

- throttles to `max_per_second` overall, and each group to 20 a minute and 1 a second
  (Telegram's "about one message a second in a chat", which it enforces in groups; a
  private chat may burst), 0 turns it off,
  counted as Telegram counts, over a sliding window: never more than that many sends in
  any second (minute), not merely on average, however late a send arrives;
- waits out `429 Too Many Requests` for `retry_after` and sends again, holding up only
  that request, so other chats carry on;
- sends again with exponential backoff after a 5xx answer or a connection that failed
  before the request left (refused, connect timeout, no free connection): Telegram did
  not execute those;
- never sends again what Telegram may have executed or will refuse again: a connection
  dropped after the request was written, a read or write time-out, any 4xx. A second send
  there could answer twice; at most once is the rule.

`StatusRequest` keeps the HTTP status of 4xx answers python-telegram-bot does not map
(413, 414, ...), which it would otherwise report like a 5xx.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from typing import Any, AsyncIterator, Callable, Coroutine

import httpx
from telegram.error import (BadRequest, ChatMigrated, Conflict, EndPointNotFound, Forbidden,
                            InvalidToken, NetworkError, RetryAfter, TelegramError)
from telegram.ext import BaseRateLimiter
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)

#: Errors Telegram will answer the same way however often we ask.
FINAL = (BadRequest, Forbidden, InvalidToken, Conflict, ChatMigrated, EndPointNotFound)
#: httpx errors raised before the request left: the server cannot have read it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: 4xx statuses python-telegram-bot turns into their own exceptions (429 is RetryAfter).
MAPPED_4XX = frozenset({400, 401, 403, 404, 409, 429})
#: Telegram counts sends as they arrive, and sends that left a window apart can arrive
#: closer together (a new connection delays the first ones): windows are this much longer.
WINDOW_MARGIN = 1.05
#: Group limiters kept before idle ones are dropped.
MAX_GROUP_LIMITERS = 1000


class Refused(BadRequest):
    """A 4xx answer python-telegram-bot has no exception for (413, 414, ...): final."""


class StatusRequest(HTTPXRequest):
    """HTTPXRequest that reports an unmapped 4xx as `Refused`, not as a retryable error."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         **timeouts: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, **timeouts)
        if 400 <= code < 500 and code not in MAPPED_4XX:
            raise Refused(f"HTTP {code} from the Bot API")
        return code, payload


class SlidingWindow:
    """At most `limit` sends in any `period` seconds as Telegram counts them, on arrival;
    `async with` waits for a free slot.

    Telegram counts a send when it arrives, some time between our sending it and its
    answer (later when a new connection must be opened first). So a send counts from the
    moment it leaves until `period` after its answer came: however late it arrived, no
    window of arrivals can hold more than `limit`.
    """

    __slots__ = ("limit", "period", "times", "in_flight", "_waiters")

    def __init__(self, limit: int, period: float):
        self.limit, self.period = limit, period * WINDOW_MARGIN
        #: When each answered send came back, oldest first.
        self.times: deque[float] = deque()
        self.in_flight = 0
        self._waiters: list[asyncio.Future[None]] = []

    def idle(self) -> bool:
        """True when nothing was sent within the window (the limiter can be forgotten)."""
        self._expire(time.monotonic())
        return not self.times and not self.in_flight

    def _expire(self, now: float) -> None:
        while self.times and now - self.times[0] >= self.period:
            self.times.popleft()

    async def __aenter__(self) -> None:
        while True:
            now = time.monotonic()
            self._expire(now)
            if len(self.times) + self.in_flight < self.limit:
                self.in_flight += 1
                return
            if self.times:
                await asyncio.sleep(self.times[0] + self.period - now)
                continue
            # Every slot is a send still in flight: wait for one to come back.
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    async def __aexit__(self, *exc: object) -> None:
        self.in_flight -= 1
        self.times.append(time.monotonic())
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


class RetryingLimiter(BaseRateLimiter[int]):
    """Throttles and retries Bot API calls; see the module docstring for the rules."""

    def __init__(self, max_per_second: float = 30, attempts: int = 6,
                 first_backoff: float = 0.5, max_backoff: float = 30.0,
                 max_retry_after: float = 120.0):
        self._throttle = max_per_second > 0
        # A fractional rate (0.5 a second) is the same count over a longer window.
        per_second = max(1, round(max_per_second)) if self._throttle else 1
        self._overall = SlidingWindow(per_second, per_second / max_per_second) \
            if self._throttle else None
        self._groups: dict[int, tuple[SlidingWindow, SlidingWindow]] = {}
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
                if not self._throttle:  # no slot to wait for: skip the context manager
                    return await callback(*args, **kwargs)
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
                group = self._groups.get(int(chat_id))
                if group is None:
                    if len(self._groups) >= MAX_GROUP_LIMITERS:
                        self._prune()
                    group = self._groups[int(chat_id)] = (SlidingWindow(20, 60),
                                                          SlidingWindow(1, 1))
        if group is None:
            async with self._overall or contextlib.nullcontext():
                yield
            return
        per_minute, per_second = group
        async with per_minute, per_second, self._overall or contextlib.nullcontext():
            yield


    def _prune(self) -> None:
        """Forget the limiters of groups that sent nothing within the last minute."""
        for chat_id, (per_minute, _) in list(self._groups.items()):
            if per_minute.idle():
                del self._groups[chat_id]


def _safe_to_resend(exc: NetworkError) -> bool:
    """True when Telegram cannot have executed the request: a 5xx, or no connection.

    Every 4xx is a `BadRequest`/`Refused`/... (FINAL) by the time it gets here, so an
    HTTP status without a network cause is a 5xx.
    """
    cause = exc.__cause__
    if cause is None or isinstance(cause, TelegramError):
        return True
    return isinstance(cause, NOT_SENT)


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
