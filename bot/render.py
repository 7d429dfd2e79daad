"""Showing an answer: plain text for the console and the CLI, HTML for Telegram.

Answering and showing are kept apart so that every front end says the same thing.
"""
from __future__ import annotations

import html

from .model import Answer, Line


def line_text(line: Line) -> str:
    return "".join(s.text for s in line)


def line_html(line: Line) -> str:
    """One line in Telegram's HTML: everything escaped, strong runs in <b>."""
    return "".join(f"<b>{html.escape(s.text, quote=False)}</b>" if s.strong and s.text.strip()
                   else html.escape(s.text, quote=False) for s in line)


def plain(answer: Answer, suggestions_title: str = "") -> str:
    """The answer as plain text, with its suggestions listed below it."""
    out = [answer.text]
    if answer.suggestions:
        if suggestions_title:
            out.append(suggestions_title)
        out.extend(f"  - {s.question}" for s in answer.suggestions)
    return "\n".join(out)
