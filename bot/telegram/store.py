"""What the bot keeps across restarts, in one SQLite file: chats' state and the update inbox.

One bot token is served by one process (Telegram lets only one poller in, and sends at
most ~30 messages a second, far below what one process answers), so an embedded store
needs no server. It sits behind python-telegram-bot's `BasePersistence` interface, so a
deployment that runs webhook replicas can swap in a shared database.

- chat data (the conversation context, the language choice) and bot data (the /stats
  counters) are JSON; chats are read one at a time when they write again
  (`load_chat_data`), not all at start-up, so memory does not grow with the chats seen;
- the inbox holds every update from the moment it is fetched until it has been answered:
  Telegram is told to forget an update only once it is stored here, and a restart answers
  what is left (`pending`).

Writes that acknowledge an update to Telegram (`store_updates`) are synced to disk before
they return; the rest (an update done, chat data) are written at once but synced lazily
(SQLite WAL, synchronous=NORMAL): they survive a killed process, and a power cut can
lose at most the last moments of them – which answers those updates again, never loses one.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from telegram.ext import BasePersistence, PersistenceInput

log = logging.getLogger(__name__)

FILE_NAME = "kazserb-bot.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS chat_data (chat_id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bot_data (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inbox (
    update_id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (update_id) WHERE done = 0;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
#: Answered updates remembered (to skip them if Telegram sends them again), at least.
KEEP_DONE = 1000


def default_state_dir(env: dict[str, str] | os._Environ = os.environ) -> Path:
    """$XDG_DATA_HOME/kazserb-bot, else ~/.local/share/kazserb-bot."""
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kazserb-bot"


class StoreError(Exception):
    """The state directory or its database cannot be used; the message says which."""


class SqlitePersistence(BasePersistence[dict, dict, dict]):
    """python-telegram-bot persistence, and the durable update inbox, in one SQLite file."""

    def __init__(self, directory: Path, update_interval: float = 1.0):
        super().__init__(store_data=PersistenceInput(user_data=False, callback_data=False),
                         update_interval=update_interval)
        self.path = Path(directory) / FILE_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot use the state directory {self.path.parent}: {exc}") \
                from None

    # ------------------------------------------------------------------ chat and bot data

    async def get_chat_data(self) -> dict[int, dict]:
        """Nothing up front: chats are loaded one by one with `load_chat_data`."""
        return {}

    def load_chat_data(self, chat_id: int) -> dict | None:
        row = self._db.execute("SELECT data FROM chat_data WHERE chat_id = ?",
                               (chat_id,)).fetchone()
        return _loads(row[0]) if row else None

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        if not data:
            return
        self._write("INSERT OR REPLACE INTO chat_data VALUES (?, ?)",
                    (chat_id, json.dumps(data, ensure_ascii=False)))

    async def drop_chat_data(self, chat_id: int) -> None:
        self._write("DELETE FROM chat_data WHERE chat_id = ?", (chat_id,))

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        """Nothing to do: this process is the only writer."""

    async def get_bot_data(self) -> dict:
        row = self._db.execute("SELECT data FROM bot_data WHERE id = 1").fetchone()
        return (_loads(row[0]) or {}) if row else {}

    async def update_bot_data(self, data: dict) -> None:
        self._write("INSERT OR REPLACE INTO bot_data VALUES (1, ?)",
                    (json.dumps(data, ensure_ascii=False),))

    async def refresh_bot_data(self, bot_data: dict) -> None:
        """Nothing to do: this process is the only writer."""

    async def flush(self) -> None:
        """Nothing buffered: every write is committed as it is made."""

    def close(self) -> None:
        self._db.close()

    # The bot uses neither user data, callback data nor conversations.
    async def get_user_data(self) -> dict[int, dict]:
        return {}

    async def update_user_data(self, user_id: int, data: dict) -> None:
        """Not stored (store_data.user_data is off)."""

    async def drop_user_data(self, user_id: int) -> None:
        """Not stored."""

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        """Not stored."""

    async def get_callback_data(self) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        """Not stored (store_data.callback_data is off)."""

    async def get_conversations(self, name: str) -> dict:
        return {}

    async def update_conversation(self, name: str, key: tuple, new_state: object) -> None:
        """The bot has no ConversationHandler."""

    # ------------------------------------------------------------------ the update inbox

    def bind(self, bot_id: int) -> None:
        """Tie the inbox to one bot: update ids are per bot, so another bot's stored
        updates (a new token, the same directory) are dropped, not answered."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'bot_id'").fetchone()
        if row and row[0] != str(bot_id):
            dropped = self._db.execute("DELETE FROM inbox").rowcount
            log.warning("The state directory held updates of another bot; %d dropped", dropped)
        self._write("INSERT OR REPLACE INTO meta VALUES ('bot_id', ?)", (str(bot_id),))

    def store_updates(self, updates: Iterable[tuple[int, str]]) -> list[int]:
        """Store fetched updates (id, JSON text) durably; return the ids that are new.

        An update already stored – answered or still waiting – is not stored again: that is
        Telegram sending again what it had not been told was received.
        """
        new = []
        self._db.execute("PRAGMA synchronous=FULL")
        try:
            self._db.execute("BEGIN")
            for update_id, body in updates:
                cursor = self._db.execute("INSERT OR IGNORE INTO inbox (update_id, body) "
                                          "VALUES (?, ?)", (update_id, body))
                if cursor.rowcount:
                    new.append(update_id)
            self._db.execute("COMMIT")
        finally:
            self._db.execute("PRAGMA synchronous=NORMAL")
        return new

    def pending(self, limit: int, after: int | None = None) -> list[tuple[int, str]]:
        """Stored updates not yet answered, oldest first; only those above `after` when
        given, so that the caller does not read again, per answer, what it has in hand."""
        if after is None:
            return self._db.execute("SELECT update_id, body FROM inbox WHERE done = 0 "
                                    "ORDER BY update_id LIMIT ?", (limit,)).fetchall()
        return self._db.execute("SELECT update_id, body FROM inbox WHERE done = 0 AND "
                                "update_id > ? ORDER BY update_id LIMIT ?",
                                (after, limit)).fetchall()

    def pending_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM inbox WHERE done = 0").fetchone()[0]

    def next_offset(self) -> int | None:
        """The getUpdates offset that confirms everything stored."""
        row = self._db.execute("SELECT MAX(update_id) FROM inbox").fetchone()
        return row[0] + 1 if row and row[0] is not None else None

    def mark_done(self, *update_ids: int) -> None:
        """Record updates as answered, in one transaction however many they are."""
        if len(update_ids) == 1:
            self._write("UPDATE inbox SET done = 1 WHERE update_id = ?", update_ids)
            return
        self._db.execute("BEGIN")
        try:
            self._db.executemany("UPDATE inbox SET done = 1 WHERE update_id = ?",
                                 [(i,) for i in update_ids])
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def forget_done(self, below: int | None = None) -> None:
        """Drop answered updates Telegram will not send again: polling, those below a
        confirmed offset; webhook (`below` None), all but the newest KEEP_DONE, which
        recognise a delivery Telegram repeats because our 200 was lost."""
        if below is None:
            newest = self._db.execute("SELECT MAX(update_id) FROM inbox").fetchone()[0]
            if newest is None:
                return
            below = newest - KEEP_DONE
        self._write("DELETE FROM inbox WHERE done = 1 AND update_id < ?", (below,))

    def _write(self, sql: str, params: tuple) -> None:
        self._db.execute(sql, params)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        log.warning("A stored record is not valid JSON; starting that one afresh")
        return None
