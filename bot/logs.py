"""Logging for the long-running bot, with secrets kept out of every line.

httpx logs each request URL, and the Bot API puts the token in the URL; python-telegram-bot
puts it in some errors too. Quieting httpx is not enough on its own (a DEBUG run, a
traceback), so a filter on the handler rewrites any record that contains a secret.
"""
from __future__ import annotations

import logging
import sys
from typing import Iterable

REDACTED = "[REDACTED]"


class RedactSecrets(logging.Filter):
    """Replace each secret by [REDACTED] in the message, its arguments and its traceback."""

    def __init__(self, secrets: Iterable[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if any(s in message or s in (record.exc_text or "") for s in self.secrets):
            record.msg, record.args = self._clean(message), ()
            record.exc_text = self._clean(record.exc_text or "") or None
            record.exc_info = None if record.exc_text else record.exc_info
        return True


def setup_logging(secrets: Iterable[str], level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
