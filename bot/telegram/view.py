"""What the bot shows in Telegram: HTML messages within Telegram's limits, and buttons.

Kept apart from the handlers so the limits (4096 characters a message, 64 bytes of
callback data) are enforced in one place, and testable without a network.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Mapping, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..model import Language, Line, Segment, Suggestion
from ..render import line_html, line_text

#: Telegram's limit on a message's text after entity parsing, in UTF-16 code units.
MAX_TEXT = 4096
#: Telegram's limit on callback data, in bytes.
MAX_CALLBACK = 64
#: Events shown on one page of /timeline.
PAGE_LINES = 8
#: A button's label is cut to this many characters, so the keyboard stays readable.
BUTTON_LABEL = 60


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def callback(*parts: object) -> str | None:
    """Callback data from parts joined by ':', or None when it would exceed 64 bytes."""
    data = ":".join(str(p) for p in parts)
    return data if 0 < len(data.encode("utf-8")) <= MAX_CALLBACK else None


def chunks(lines: Sequence[Line], limit: int = MAX_TEXT) -> list[str]:
    """HTML messages of whole lines, each under Telegram's limit; an over-long line is cut
    between words (its bold runs stay whole, as they are short)."""
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for line in _fit(lines, limit):
        length = utf16_len(line_text(line)) + (1 if current else 0)
        if current and size + length > limit:
            messages.append("\n".join(current))
            current, size = [], 0
            length -= 1
        current.append(line_html(line))
        size += length
    if current:
        messages.append("\n".join(current))
    return messages or [""]


def _fit(lines: Sequence[Line], limit: int) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if utf16_len(line_text(line)) <= limit:
            out.append(line)
            continue
        piece: list[Segment] = []
        size = 0
        for segment in line:
            for word in _words(segment.text, limit):
                length = utf16_len(word)
                if piece and size + length > limit:
                    out.append(tuple(piece))
                    piece, size = [], 0
                piece.append(Segment(word, segment.strong))
                size += length
        if piece:
            out.append(tuple(piece))
    return out


def _words(text: str, limit: int) -> list[str]:
    """Split text after spaces, and hard-cut any single word longer than the limit."""
    out: list[str] = []
    for word in text.split(" "):
        word = word + " "
        while utf16_len(word) > limit:
            out.append(word[:limit // 2])
            word = word[limit // 2:]
        out.append(word)
    if out:
        out[-1] = out[-1][:-1]
    return [w for w in out if w]


def question_buttons(suggestions: Sequence[Suggestion]) -> InlineKeyboardMarkup | None:
    """One button per suggested question; pressing it asks that question."""
    rows = []
    for s in suggestions:
        data = callback("q", s.fact_id)
        if data:
            rows.append([InlineKeyboardButton(_label(s.question), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def example_buttons(examples: Sequence[str]) -> InlineKeyboardMarkup | None:
    rows = [[InlineKeyboardButton(_label(q), callback_data=callback("ex", i))]
            for i, q in enumerate(examples)]
    return InlineKeyboardMarkup(rows) if rows else None


def language_buttons(languages: Mapping[str, Language]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(lang.name, callback_data=callback(
        "lang", code))] for code, lang in languages.items() if callback("lang", code)])


@dataclass(frozen=True)
class Page:
    text: str
    markup: InlineKeyboardMarkup | None


def timeline_page(title: Line, lines: Sequence[Line], page: int, filter_text: str,
                  page_label: str) -> Page:
    """One page of a timeline, with ◀ ▶ buttons that carry the filter to the next page."""
    pages = paginate(lines)
    page = max(0, min(page, len(pages) - 1))
    label = page_label.format(page=page + 1, pages=len(pages))
    header = line_html(title) + (f" ({html.escape(label)})" if len(pages) > 1 else "")
    text = header + "\n" + "\n".join(line_html(line) for line in pages[page])
    buttons = []
    if page > 0:
        buttons.append(("◀", callback("tl", page - 1, filter_text)))
    if len(pages) > 1:
        buttons.append((f"{page + 1}/{len(pages)}", callback("nop")))
    if page < len(pages) - 1:
        buttons.append(("▶", callback("tl", page + 1, filter_text)))
    row = [InlineKeyboardButton(t, callback_data=d) for t, d in buttons if d]
    return Page(text, InlineKeyboardMarkup([row]) if row else None)


def paginate(lines: Sequence[Line], per_page: int = PAGE_LINES,
             budget: int = MAX_TEXT - 200) -> list[list[Line]]:
    """Pages of at most `per_page` lines and `budget` characters (room for the header)."""
    pages: list[list[Line]] = [[]]
    size = 0
    for line in _fit(lines, budget):
        length = utf16_len(line_text(line)) + 1
        if pages[-1] and (len(pages[-1]) == per_page or size + length > budget):
            pages.append([])
            size = 0
        pages[-1].append(line)
        size += length
    return pages


def _label(text: str) -> str:
    return text if len(text) <= BUTTON_LABEL else text[:BUTTON_LABEL - 1] + "…"
