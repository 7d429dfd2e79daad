"""The Telegram front end's settings, read once from the environment and the command line."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .store import default_state_dir

#: Seconds a stop (SIGTERM) waits for the replies in hand; under Docker's 10 s.
DEFAULT_GRACE = 8.0


class SettingsError(ValueError):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    """What the Telegram front end needs."""

    token: str
    base_url: str | None = None
    webhook_secret: str | None = None
    max_sends_per_second: float = 30.0
    admin_ids: frozenset[int] = frozenset()
    state_dir: Path = Path(".")
    grace: float = DEFAULT_GRACE

    @classmethod
    def from_env(cls, env: dict[str, str] | os._Environ = os.environ,
                 state_dir: Path | None = None, grace: float | None = None) -> "Settings":
        """From the environment; `state_dir` and `grace` (command-line options) win over
        BOT_STATE_DIR and BOT_SHUTDOWN_GRACE."""
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather "
                                "and export TELEGRAM_BOT_TOKEN=...")
        rate = _number(env, "TELEGRAM_MAX_SENDS_PER_SECOND", 30.0,
                       "a number (0 turns the limit off)")
        if grace is None:
            grace = _number(env, "BOT_SHUTDOWN_GRACE", DEFAULT_GRACE, "a number of seconds")
        if grace < 0:
            raise SettingsError("the shutdown grace must not be negative")
        try:
            admins = frozenset(int(a) for a in env.get("BOT_ADMIN_IDS", "").replace(",", " ")
                               .split())
        except ValueError:
            raise SettingsError("BOT_ADMIN_IDS must be Telegram user ids separated by commas") \
                from None
        directory = state_dir or (Path(env["BOT_STATE_DIR"]) if env.get("BOT_STATE_DIR")
                                  else default_state_dir(env))
        return cls(token=token, base_url=env.get("TELEGRAM_API_BASE_URL") or None,
                   webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
                   max_sends_per_second=rate, admin_ids=admins, state_dir=directory,
                   grace=grace)


def _number(env: dict[str, str] | os._Environ, name: str, default: float, what: str) -> float:
    try:
        value = float(env.get(name, "") or default)
    except ValueError:
        raise SettingsError(f"{name} must be {what}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    return value
