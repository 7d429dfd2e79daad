"""Sending over several HTTP connections without paying httpcore's pool bookkeeping.

httpcore walks every connection of its pool (and every queued request) whenever a request
comes or goes, and asks each idle connection's socket whether it is readable: with 8
connections and a few dozen handlers that was a tenth of the bot's CPU per reply, and
more connections cost more. Here each connection is its own python-telegram-bot
`HTTPXRequest` with a pool of one, lent to one request at a time from a free list; the
pool of one has nothing to walk. The request's own behaviour (timeouts, error mapping,
`StatusRequest`'s 4xx rule) is the library's, unchanged.
"""
from __future__ import annotations

import asyncio
from typing import Any

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from .sending import StatusRequest

#: Seconds a request waits for a free connection before it fails as not sent (as httpx's
#: pool timeout: the sending limiter tries it again).
POOL_TIMEOUT = 10.0


class ConnectionsRequest(BaseRequest):
    """`connections` single-connection `StatusRequest`s behind one `BaseRequest`."""

    def __init__(self, connections: int, pool_timeout: float = POOL_TIMEOUT, **kwargs: Any):
        # One TLS context for all (as httpx makes by default): each costs ~10 ms to make.
        shared = {"verify": httpx.create_ssl_context(), **kwargs.pop("httpx_kwargs", {})}
        self._all = [StatusRequest(connection_pool_size=1, pool_timeout=pool_timeout,
                                   httpx_kwargs=shared, **kwargs)
                     for _ in range(connections)]
        # Last in, first out: a light load keeps reusing the same warm connections.
        self._free: asyncio.LifoQueue[StatusRequest] = asyncio.LifoQueue()
        for one in self._all:
            self._free.put_nowait(one)
        self._pool_timeout = pool_timeout

    @property
    def read_timeout(self) -> float | None:
        return self._all[0].read_timeout

    async def initialize(self) -> None:
        for one in self._all:
            await one.initialize()

    async def shutdown(self) -> None:
        for one in self._all:
            await one.shutdown()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE,
                         write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        one = await self._borrow(self._pool_timeout if isinstance(pool_timeout, DefaultValue)
                                 else pool_timeout)
        try:
            return await one.do_request(url, method, request_data, read_timeout=read_timeout,
                                        write_timeout=write_timeout,
                                        connect_timeout=connect_timeout)
        finally:
            self._free.put_nowait(one)

    async def _borrow(self, timeout: float | None) -> StatusRequest:
        try:
            return self._free.get_nowait()
        except asyncio.QueueEmpty:
            pass
        try:
            return await asyncio.wait_for(self._free.get(), timeout)
        except asyncio.TimeoutError:
            # As httpx reports it, so that the limiter knows it was not sent.
            raise TimedOut("Pool timeout: every connection is busy; the request was not "
                           "sent") from httpx.PoolTimeout("no free connection")
