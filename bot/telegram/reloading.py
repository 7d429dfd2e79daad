"""/reload without a pause: the new fact base is built aside and swapped in when ready.

Loading and indexing a large fact base takes seconds to minutes. The build runs in its
own thread, so the event loop goes on answering from the engine it has; only the finished
engine is swapped in (one assignment on the loop). Builds never overlap: a /reload that
comes while one is building waits for it, then builds again, so it sees the files as
they are when it is its turn. A broken fact base raises `KnowledgeError` and changes
nothing.

The thread is a daemon: a stop does not wait for a build that would outlast its grace.
"""
from __future__ import annotations

import asyncio
import contextlib
import threading
from pathlib import Path
from typing import Callable, TypeVar

from ..engine import Engine
from ..engine.compiled import load_engine

T = TypeVar("T")


def build_engine(knowledge: Path) -> Engine:
    """The fact base's engine: from its compiled form when the files have not changed,
    else loaded, validated and indexed (raises KnowledgeError when it is broken). It comes
    frozen for the collector, so a swap costs the loop no collection pass over it."""
    return load_engine(knowledge).engine


class Reloader:
    """One build at a time, off the event loop."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    @property
    def building(self) -> bool:
        return self._lock.locked()

    async def build(self, knowledge: Path) -> Engine:
        """A new engine for the fact base in `knowledge`, built in a thread; waits for a
        build already running first."""
        async with self._lock:
            # Looked up at call time, so a test can put a slower builder in its place.
            engine = await in_thread(lambda: build_engine(knowledge))
        return engine


async def in_thread(work: Callable[[], T]) -> T:
    """Run `work` in a daemon thread and wait for it without blocking the loop."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle_future(result: T | None, error: BaseException | None) -> None:
        if done.cancelled():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result, error = None, None
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting coroutine
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
            loop.call_soon_threadsafe(settle_future, result, error)

    threading.Thread(target=run, name="kazserb:reload", daemon=True).start()
    return await done
