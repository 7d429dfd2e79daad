"""The reference for the Telegram benchmark: a python-telegram-bot bot that does no work.

`python -m bench.telegram_bare` (TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL)

It replies to every text message with a fixed short text, with the library's own
defaults: its poller, its HTTP settings (HTTPXRequest, up to 256 connections), no
persistence, no rate limiter; updates are handled concurrently, 32 at a time as ours are.
What our bot costs over this is the price of the fact base, the store and the rest.

`concurrent_updates(True)` (256 at a time) is not the reference: with 256 requests in
flight httpcore's pool bookkeeping (a scan of every connection for every queued request)
makes it several times slower in a burst than 32 at a time – a weaker reference, not a
fairer one. BARE_CONCURRENT_UPDATES and BARE_CONNECTIONS try other settings;
BARE_TRANSPORT=ours sends over our bot's transport (bot/telegram/connections.py), to
tell what our transport saves from what the rest of our bot costs.
"""
from __future__ import annotations

import logging
import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

REPLY = "OK"


async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The fixed reply: the least a bot can do with a message."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(REPLY)


#: Updates handled at once, as in our bot (bot/telegram/app.py).
CONCURRENT_UPDATES = 32


def build(token: str, base_url: str | None, concurrent: int | bool = CONCURRENT_UPDATES,
          connections: int | None = None, our_transport: bool = False) -> Application:
    builder = Application.builder().token(token).concurrent_updates(concurrent)
    if our_transport:
        from bot.telegram.connections import ConnectionsRequest
        builder = builder.request(ConnectionsRequest(connections or CONCURRENT_UPDATES))
    elif connections:
        builder = builder.connection_pool_size(connections)
    if base_url:
        builder = builder.base_url(base_url)
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, reply))
    return app


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    concurrent = int(os.environ.get("BARE_CONCURRENT_UPDATES", "0")) or CONCURRENT_UPDATES
    connections = int(os.environ.get("BARE_CONNECTIONS", "0")) or None
    app = build(os.environ["TELEGRAM_BOT_TOKEN"], os.environ.get("TELEGRAM_API_BASE_URL"),
                concurrent, connections, os.environ.get("BARE_TRANSPORT") == "ours")
    app.run_polling(allowed_updates=[Update.MESSAGE])


if __name__ == "__main__":
    main()
