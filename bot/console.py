"""The local console: the Telegram bot's conversation, in a terminal or over a pipe."""
from __future__ import annotations

from dataclasses import replace
from typing import IO, Iterable

from . import browse
from .engine import Engine
from .model import Context
from .render import line_text, plain


class ConsoleSession:
    """One conversation: remembers the context between questions, like a Telegram chat."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.context = Context()

    def handle(self, line: str) -> str | None:
        """The reply to one input line; None when the user asked to quit."""
        text = line.strip()
        if text.startswith("/"):
            command, _, argument = text[1:].partition(" ")
            command = command.split("@")[0].lower()
            if command in ("quit", "exit"):
                return None
            handler = getattr(self, f"cmd_{command}", None)
            if handler:
                return handler(argument)
            listed = browse.browse_list(self.engine, command)
            if listed:
                title, lines = browse.listing(self.engine, listed, self.context.language)
                return "\n".join(line_text(line) for line in (title, *lines))
        answer = self.engine.answer(text, self.context)
        self.context = answer.context
        title = self.engine.kb.language(answer.language).templates["did_you_mean"]
        return plain(answer, title)

    def cmd_help(self, _: str) -> str:
        templates = self.engine.kb.language(self.context.language).templates
        return browse.help_text(self.engine, self.context.language,
                                extra=(("quit", templates["cmd_quit"]),))

    def cmd_start(self, argument: str) -> str:
        return self.cmd_help(argument)

    def cmd_about(self, _: str) -> str:
        return browse.about(self.engine, self.context.language)

    def cmd_timeline(self, argument: str) -> str:
        title, lines = browse.timeline(self.engine, argument, self.context.language)
        return "\n".join(line_text(line) for line in (title, *lines))

    def cmd_language(self, argument: str) -> str:
        code, reply = browse.choose_language(self.engine, self.context.language, argument)
        if code:
            self.context = replace(self.context, language=code)
        return reply


def run(engine: Engine, stdin: IO[bytes], stdout: IO[str], interactive: bool) -> int:
    """Answer lines until EOF or /quit; with a pipe, print only the replies."""
    session = ConsoleSession(engine)
    if interactive:
        banner = engine.kb.language(None).templates["console_banner"]
        stdout.write(banner.format(title=engine.kb.title(None)) + "\n")
    for raw in _lines(stdin, stdout if interactive else None):
        reply = session.handle(raw)
        if reply is None:
            break
        stdout.write(reply + "\n\n" if interactive else reply + "\n")
        stdout.flush()
    return 0


def _lines(stdin: IO[bytes], prompt_to: IO[str] | None) -> Iterable[str]:
    while True:
        if prompt_to:
            prompt_to.write("> ")
            prompt_to.flush()
        try:
            raw = stdin.readline()
        except KeyboardInterrupt:
            return
        if not raw:
            return
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
