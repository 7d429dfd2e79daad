"""Telegram's limits enforced in one place (bot/telegram/view.py), and secrets kept out of
log records (bot/logs.py): checked without a network, exactly."""
from __future__ import annotations

import io
import logging

from fake_bot_api import parse_html, utf16_len
from bot.logs import REDACTED, RedactSecrets
from bot.model import Segment, Suggestion
from bot.telegram.view import (BUTTON_LABEL, MAX_CALLBACK, MAX_TEXT, callback, chunks,
                               question_buttons, timeline_page)


def plain(html_text: str) -> str:
    return parse_html(html_text)[0]


def test_chunks_stay_under_the_limit_counted_in_utf16_after_parsing():
    # Each line is 1000 units of text, but "&" is 5 characters once escaped, and "😀" two
    # UTF-16 units: the limit must be counted on what Telegram counts.
    lines = [(Segment("&" * 500 + "😀" * 250),) for _ in range(9)]
    messages = chunks(lines)
    assert [utf16_len(plain(m)) for m in messages] == [4003, 4003, 1000]
    assert "".join(plain(m).replace("\n", "") for m in messages) == ("&" * 500 + "😀" * 250) * 9


def test_an_over_long_line_is_cut_between_words_and_keeps_its_bold():
    line = (Segment("Date", strong=True), Segment(": " + "word " * 2000))
    messages = chunks([line])
    assert len(messages) == 3 and all(utf16_len(plain(m)) <= MAX_TEXT for m in messages)
    assert messages[0].startswith("<b>Date</b>: word")
    assert all(not m.endswith("wor") for m in messages)


def test_html_is_escaped():
    assert chunks([(Segment("a < b & c > d"), Segment("<i>", strong=True))]) == \
        ["a &lt; b &amp; c &gt; d<b>&lt;i&gt;</b>"]


def test_callback_data_is_at_most_64_bytes():
    assert callback("q", "x" * 62) == "q:" + "x" * 62
    assert callback("q", "x" * 63) is None
    assert callback("tl", 1, "Ж" * 29) == "tl:1:" + "Ж" * 29  # 5 + 58 bytes
    assert callback("tl", 1, "Ж" * 30) is None
    assert MAX_CALLBACK == 64


def test_buttons_have_short_labels_and_are_left_out_when_their_data_cannot_fit():
    markup = question_buttons([Suggestion("Q" * 100, "fact_a"), Suggestion("short", "f" * 70)])
    (button,), = markup.inline_keyboard
    assert button.text == "Q" * (BUTTON_LABEL - 1) + "…" and len(button.text) == BUTTON_LABEL
    assert button.callback_data == "q:fact_a"


def test_timeline_buttons_carry_the_page_and_the_filter_key():
    lines = [(Segment(f"event {i}"),) for i in range(20)]
    page = timeline_page((Segment("Timeline", strong=True),), lines, 1, "#abc", "page {page}")
    assert [(b.text, b.callback_data) for b in page.markup.inline_keyboard[0]] == \
        [("◀", "tl:0:#abc"), ("2/3", "nop"), ("▶", "tl:2:#abc")]
    assert "event 8" in page.text and "event 7" not in page.text


def test_secrets_are_redacted_from_message_arguments_and_tracebacks():
    token, secret = "123:AAsecret-token", "hook-secret"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets([token, secret]))
    logger = logging.getLogger("test_redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("POST https://api.telegram.org/bot%s/getMe", token)
        try:
            raise RuntimeError(f"header was {secret}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    out = stream.getvalue()
    assert token not in out and secret not in out
    assert f"/bot{REDACTED}/getMe" in out and f"header was {REDACTED}" in out
