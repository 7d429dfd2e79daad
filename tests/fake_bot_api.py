"""A local fake of the Telegram Bot API server for end-to-end tests.

The real python-telegram-bot ``Application`` talks to it over HTTP, exactly as it
talks to ``api.telegram.org``::

    with FakeBotApi() as api:
        app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
        api.send_text(42, "/start")
        ...                                    # run the bot
        api.wait_for_messages(42, 1)
        assert api.violations == []

Why a fake server and not mocks: PTB's own request encoding, retries, error mapping
and long polling are exercised for real, and the fake validates what the bot sends
the way Telegram does (HTML entities, message length, callback data size, ...), so
bugs that only show up against Telegram show up in tests.

Design: one background thread runs an asyncio loop with a small HTTP/1.1 server
(keep-alive, many concurrent long polls). All state lives behind one lock, so the
test-side methods are callable from any thread, synchronous or asynchronous code.
Standard library only.
"""

from __future__ import annotations

import asyncio
import copy
import http
import json
import re
import threading
import time
import urllib.parse
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

__all__ = [
    "DEFAULT_TOKEN",
    "BotApiError",
    "CallbackAnswer",
    "Edit",
    "FailedRequest",
    "FakeBotApi",
    "FloodLimits",
    "InlineAnswer",
    "RecordedRequest",
    "SentMessage",
    "parse_html",
    "parse_markdown",
    "parse_markdown_v2",
    "utf16_len",
]

T = TypeVar("T")
JSONDict = dict[str, Any]

DEFAULT_TOKEN = "1234567890:AAFakeTokenForKazserbEndToEndTests0"
DEFAULT_USERNAME = "kazserb_test_bot"
DEFAULT_GROUP_USER_ID = 100_001
"""Sender of group messages and inline queries when a test gives no user_id."""

MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID_BYTES = 64
MAX_INLINE_BUTTONS = 100
MAX_COMMANDS = 100

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
_CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
_CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first"
)

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
INLINE_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "web_app",
    "login_url",
    "callback_game",
    "pay",
    "copy_text",
)
UPDATE_MESSAGE_KEYS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)

# Form values are JSON-encoded by PTB unless they are strings, so a string-typed
# parameter must never be JSON-decoded (text "123" must stay a string).
STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "url",
        "next_offset",
        "action",
        "language_code",
        "secret_token",
        "ip_address",
        "switch_pm_text",
        "switch_pm_parameter",
        "emoji",
        "title",
        "description",
        "short_description",
        "name",
        "business_connection_id",
        "message_effect_id",
        "sticker",
        "photo",
        "document",
        "audio",
        "video",
        "voice",
        "animation",
        "video_note",
        "thumbnail",
        "question",
        "explanation",
        "performer",
        "address",
        "phone_number",
        "first_name",
        "last_name",
        "vcard",
        "payload",
        "provider_token",
        "currency",
        "start_parameter",
        "custom_title",
        "invite_link",
        "file_id",
        "web_app_query_id",
        "game_short_name",
        "certificate",
    }
)


# --------------------------------------------------------------------------- errors


class BotApiError(Exception):
    """An error answer of the Bot API; handlers raise it, the server serialises it."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None,
                 migrate_to_chat_id: int | None = None, violation: bool = True) -> None:
        super().__init__(description)
        self.violation = violation
        """False for a refusal the bot could not have foreseen (a chat gone or upgraded)."""
        self.status = status
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def payload(self) -> JSONDict:
        """The JSON body Telegram sends for this error."""
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        if self.migrate_to_chat_id is not None:
            body["parameters"] = {"migrate_to_chat_id": self.migrate_to_chat_id}
        return body


def _bad(description: str) -> BotApiError:
    return BotApiError(400, f"Bad Request: {description}")


class _EntityError(Exception):
    """A formatting error; becomes "Bad Request: can't parse entities: ..."."""


# --------------------------------------------------------------------------- text


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the unit Telegram uses for limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


class _TextBuilder:
    """Collects parsed text while tracking the UTF-16 position for entity offsets."""

    __slots__ = ("entities", "parts", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: list[JSONDict] = []

    def add(self, chunk: str) -> None:
        if chunk:
            self.parts.append(chunk)
            self.pos += utf16_len(chunk)

    def entity(self, kind: str, start: int, **extra: Any) -> None:
        if self.pos > start:
            self.entities.append({"type": kind, "offset": start, "length": self.pos - start, **extra})

    def result(self) -> tuple[str, list[JSONDict]]:
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), self.entities


_HTML_SPECIAL = re.compile(r"[<>&]")
_HTML_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
_HTML_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_HTML_ATTR = re.compile(
    r"""([A-Za-z_][A-Za-z0-9_:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_HTML_END_TAG = re.compile(r"</\s*([A-Za-z][A-Za-z0-9-]*)?\s*>")
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


def _html_entity_at(text: str, i: int, strict: bool = True) -> tuple[str, int]:
    """Decode the character entity at text[i] == '&'.

    Strict (the documented rule): anything but &lt; &gt; &amp; &quot; &#N; &#xH; is an
    error. Lenient (what Telegram's parser really does): such an '&' stays literal.
    """
    m = _HTML_ENTITY.match(text, i)
    if m is None:
        if not strict:
            return "&", i + 1
        raise _EntityError(
            f'Unescaped "&" or unsupported HTML entity at byte offset {_byte_offset(text, i)}; '
            'escape "&" as "&amp;"'
        )
    named, dec, hexa = m.groups()
    if named:
        return _HTML_NAMED[named], m.end()
    code = int(dec) if dec else int(hexa, 16)
    if not (0 < code <= 0x10FFFF) or 0xD800 <= code <= 0xDFFF:
        raise _EntityError(f"Invalid character entity at byte offset {_byte_offset(text, i)}")
    return chr(code), m.end()


def _html_unescape_attr(text: str, value: str, tag_index: int, strict: bool) -> str:
    out: list[str] = []
    i = 0
    while True:
        j = value.find("&", i)
        if j < 0:
            out.append(value[i:])
            return "".join(out)
        out.append(value[i:j])
        try:
            char, i = _html_entity_at(value, j, strict)
        except _EntityError:
            raise _EntityError(
                'Unescaped "&" or unsupported HTML entity in an attribute of the tag at byte '
                f"offset {_byte_offset(text, tag_index)}"
            ) from None
        out.append(char)


def _parse_start_tag(text: str, i: int, strict: bool) -> tuple[str, dict[str, str], int]:
    """Parse ``<name attr="v" ...>`` at text[i]; returns (name, attrs, index after '>')."""
    offset = _byte_offset(text, i)
    m = _HTML_TAG_NAME.match(text, i + 1)
    name = m.group().lower() if m else ""
    if m is None or name not in _HTML_TAGS:
        if m is None:
            # Telegram reads a bare "<" as the start of a tag with a junk name.
            k = i + 1
            while k < len(text) and not text[k].isspace() and text[k] != ">":
                k += 1
            name = text[i + 1 : k].lower()
        raise _EntityError(
            f'Unsupported start tag "{name}" at byte offset {offset} (escape a literal "<" as "&lt;")'
        )
    attrs: dict[str, str] = {}
    j = m.end()
    n = len(text)
    while True:
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            raise _EntityError(f"Unclosed start tag at byte offset {offset}")
        if text[k] == ">":
            return name, attrs, k + 1
        am = _HTML_ATTR.match(text, k)
        if am is None or k == j:
            raise _EntityError(
                f'Unexpected character "{text[k]}" in the tag "{name}" at byte offset {offset}'
            )
        raw = next((g for g in am.groups()[1:] if g is not None), "")
        attrs[am.group(1).lower()] = _html_unescape_attr(text, raw, i, strict)
        j = am.end()


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSONDict]]:
    """Parse Telegram HTML into (plain text, entities), raising on what Telegram refuses.

    Telegram's own parser (tdlib) keeps a stray "&" or ">" literally and lets ``<a>``
    without href link to its text; ``strict`` (default) follows the documented rule
    instead and refuses them, because such text breaks as soon as it happens to look
    like an entity.
    """
    b = _TextBuilder()
    # Frames: [tag, utf16 start, attrs, src index, pre language (set by an inner code)]
    stack: list[list[Any]] = []
    i = 0
    n = len(text)
    while i < n:
        m = _HTML_SPECIAL.search(text, i)
        if m is None:
            b.add(text[i:])
            break
        j = m.start()
        b.add(text[i:j])
        c = text[j]
        if c == "&":
            char, i = _html_entity_at(text, j, strict)
            b.add(char)
        elif c == ">":
            if strict:
                raise _EntityError(
                    f'Unescaped ">" at byte offset {_byte_offset(text, j)}; escape it as "&gt;"'
                )
            b.add(">")
            i = j + 1
        elif text.startswith("</", j):
            offset = _byte_offset(text, j)
            if not stack:
                raise _EntityError(f"Unexpected end tag at byte offset {offset}")
            em = _HTML_END_TAG.match(text, j)
            if em is None:
                raise _EntityError(f"Unclosed end tag at byte offset {offset}")
            name = (em.group(1) or "").lower()
            tag, start, attrs, _src, language = stack[-1]
            if name and name != tag:
                raise _EntityError(
                    f'Unmatched end tag at byte offset {offset}, expected "</{tag}>", '
                    f'found "</{name}>"'
                )
            stack.pop()
            if tag == "a" and not attrs.get("href"):
                attrs = {**attrs, "href": "".join(b.parts)[_utf16_index(b, start) :]}
            _close_html_entity(b, stack, tag, start, attrs, language)
            i = em.end()
        else:
            name, attrs, i = _parse_start_tag(text, j, strict)
            _check_html_attrs(text, j, name, attrs, strict)
            stack.append([name, b.pos, attrs, j, None])
    if stack:
        raise _EntityError(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    return b.result()


def _utf16_index(b: _TextBuilder, utf16_pos: int) -> int:
    """Python index into the built text of a UTF-16 position (for lenient <a>)."""
    built = "".join(b.parts)
    return len(built.encode("utf-16-le")[: utf16_pos * 2].decode("utf-16-le"))


def _check_html_attrs(text: str, i: int, name: str, attrs: dict[str, str], strict: bool) -> None:
    offset = _byte_offset(text, i)
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise _EntityError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
    if name == "a" and strict and not attrs.get("href"):
        raise _EntityError(f'Tag "a" must have a non-empty "href" attribute at byte offset {offset}')
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        raise _EntityError("Invalid custom emoji identifier specified")


def _close_html_entity(
    b: _TextBuilder,
    stack: list[list[Any]],
    tag: str,
    start: int,
    attrs: dict[str, str],
    language: str | None,
) -> None:
    kind = _HTML_TAGS[tag]
    if tag == "code" and stack and stack[-1][0] == "pre":
        # <pre><code class="language-x"> is one pre entity with a language.
        cls = attrs.get("class", "")
        if cls.startswith("language-"):
            stack[-1][4] = cls[len("language-") :]
        return
    if tag == "a":
        b.entity(kind, start, url=attrs["href"])
    elif tag == "tg-emoji":
        b.entity(kind, start, custom_emoji_id=attrs["emoji-id"])
    elif tag == "blockquote" and "expandable" in attrs:
        b.entity("expandable_blockquote", start)
    elif tag == "pre" and language:
        b.entity(kind, start, language=language)
    else:
        b.entity(kind, start)


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
}


def _md_code_end(text: str, i: int, fence: str) -> tuple[str, int]:
    """Find the closing fence from i; inside code, '\\' escapes '`' and '\\' only."""
    out: list[str] = []
    n = len(text)
    while i < n:
        if text[i] == "\\" and i + 1 < n and text[i + 1] in "`\\":
            out.append(text[i + 1])
            i += 2
        elif text.startswith(fence, i):
            return "".join(out), i
        else:
            out.append(text[i])
            i += 1
    return "".join(out), -1


def _add_quote(b: _TextBuilder, quote: list[Any], end: int) -> None:
    if end > quote[0]:
        kind = "expandable_blockquote" if quote[1] else "blockquote"
        b.entities.append({"type": kind, "offset": quote[0], "length": end - quote[0]})


def parse_markdown_v2(text: str) -> tuple[str, list[JSONDict]]:
    """Parse MarkdownV2 into (plain text, entities); unescaped reserved characters fail."""
    b = _TextBuilder()
    opened: dict[str, tuple[int, int]] = {}
    links: list[tuple[int, int, bool]] = []
    quote: list[Any] | None = None  # [start, expandable]
    line_end = 0
    at_line_start = True
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if at_line_start:
            at_line_start = False
            expandable = text.startswith("**>", i)
            if expandable or c == ">":
                if quote is None:
                    quote = [b.pos, expandable]
                i += 3 if expandable else 1
                continue
            if quote is not None:
                _add_quote(b, quote, line_end)
                quote = None
        if c == "\n":
            line_end = b.pos
            b.add("\n")
            at_line_start = True
            i += 1
        elif c == "\\":
            if i + 1 < n and 0 < ord(text[i + 1]) < 127:
                b.add(text[i + 1])
                i += 2
            else:
                raise _EntityError(
                    f"Character '\\' at byte offset {_byte_offset(text, i)} escapes nothing"
                )
        elif c == "`":
            if text.startswith("```", i):
                content, end = _md_code_end(text, i + 3, "```")
                if end < 0:
                    raise _EntityError(
                        f"Can't find end of Pre entity at byte offset {_byte_offset(text, i)}"
                    )
                language = None
                nl = content.find("\n")
                if nl >= 0 and (not content[:nl] or re.fullmatch(r"[\w#+.-]+", content[:nl])):
                    language = content[:nl] or None
                    content = content[nl + 1 :]
                start = b.pos
                b.add(content)
                if language:
                    b.entity("pre", start, language=language)
                else:
                    b.entity("pre", start)
                i = end + 3
            else:
                content, end = _md_code_end(text, i + 1, "`")
                if end < 0:
                    raise _EntityError(
                        f"Can't find end of Code entity at byte offset {_byte_offset(text, i)}"
                    )
                start = b.pos
                b.add(content)
                b.entity("code", start)
                i = end + 1
        elif c in "*_~" or text.startswith("||", i):
            if text.startswith("__", i):
                kind, width = "underline", 2
            elif text.startswith("||", i):
                kind, width = "spoiler", 2
            else:
                kind, width = {"*": "bold", "_": "italic", "~": "strikethrough"}[c], 1
            if (
                kind == "spoiler"
                and quote is not None
                and quote[1]
                and "spoiler" not in opened
                and text[i + 2 : i + 3] in ("", "\n")
            ):
                i += 2  # "||" closing an expandable blockquote
                continue
            if kind in opened:
                start, _src = opened.pop(kind)
                b.entity(kind, start)
            else:
                opened[kind] = (b.pos, i)
            i += width
        elif c == "[" or text.startswith("![", i):
            emoji = c == "!"
            links.append((b.pos, i, emoji))
            i += 2 if emoji else 1
        elif c == "]" and links:
            start, src, emoji = links.pop()
            if not text.startswith("(", i + 1):
                raise _EntityError(
                    f"Can't find URL of the link at byte offset {_byte_offset(text, src)}"
                )
            j = i + 2
            url: list[str] = []
            while j < n and text[j] != ")":
                if text[j] == "\\" and j + 1 < n:
                    url.append(text[j + 1])
                    j += 2
                else:
                    url.append(text[j])
                    j += 1
            if j >= n:
                raise _EntityError(
                    f"Can't find end of a URL at byte offset {_byte_offset(text, i + 1)}"
                )
            target = "".join(url)
            if emoji:
                m = re.fullmatch(r"tg://emoji\?id=(\d+)", target)
                if m is None:
                    raise _EntityError(f"Custom emoji URL must be tg://emoji?id=..., got {target!r}")
                b.entity("custom_emoji", start, custom_emoji_id=m.group(1))
            else:
                b.entity("text_link", start, url=target)
            i = j + 1
        elif c in _MDV2_RESERVED:
            raise _EntityError(
                f"Character '{c}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            j = i + 1
            while j < n and text[j] not in _MDV2_RESERVED and text[j] not in "\\\n|":
                j += 1
            b.add(text[i:j])
            i = j
    if quote is not None:
        _add_quote(b, quote, b.pos)
    if opened:
        kind, (_start, src) = min(opened.items(), key=lambda kv: kv[1][1])
        raise _EntityError(
            f"Can't find end of {_MDV2_NAMES[kind]} entity at byte offset {_byte_offset(text, src)}"
        )
    if links:
        raise _EntityError(
            f"Can't find end of TextUrl entity at byte offset {_byte_offset(text, links[0][1])}"
        )
    return b.result()


def parse_markdown(text: str) -> tuple[str, list[JSONDict]]:
    """Parse legacy Markdown (*bold* _italic_ `code` ```pre``` [text](url)); no nesting."""
    b = _TextBuilder()
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            b.add(text[i + 1])
            i += 2
        elif c in "*_" or c == "`":
            fence = "```" if text.startswith("```", i) else c
            end = text.find(fence, i + len(fence))
            if end < 0:
                raise _EntityError(
                    "Can't find end of the entity starting at byte offset "
                    f"{_byte_offset(text, i)}"
                )
            content = text[i + len(fence) : end]
            start = b.pos
            kind = {"*": "bold", "_": "italic", "`": "code", "```": "pre"}[fence]
            if fence == "```":
                nl = content.find("\n")
                language = content[:nl] if nl > 0 and " " not in content[:nl] else None
                if nl >= 0:
                    content = content[nl + 1 :]
                b.add(content)
                if language:
                    b.entity(kind, start, language=language)
                else:
                    b.entity(kind, start)
            else:
                b.add(content)
                b.entity(kind, start)
            i = end + len(fence)
        elif c == "[":
            close = text.find("](", i + 1)
            end = text.find(")", close + 2) if close >= 0 else -1
            if close < 0 or end < 0:
                raise _EntityError(
                    "Can't find end of the entity starting at byte offset "
                    f"{_byte_offset(text, i)}"
                )
            start = b.pos
            b.add(text[i + 1 : close])
            b.entity("text_link", start, url=text[close + 2 : end])
            i = end + 1
        else:
            b.add(c)
            i += 1
    return b.result()


def _strip_parsed(plain: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Trim surrounding whitespace like Telegram, shifting entities to match."""
    stripped = plain.strip()
    if stripped == plain:
        return plain, entities
    lead = utf16_len(plain[: len(plain) - len(plain.lstrip())])
    total = utf16_len(stripped)
    out: list[JSONDict] = []
    for e in entities:
        start = max(0, e["offset"] - lead)
        end = min(total, e["offset"] + e["length"] - lead)
        if end > start:
            out.append({**e, "offset": start, "length": end - start})
    return stripped, out


def parse_message_text(
    text: Any, parse_mode: Any = None, entities: Any = None, *, strict_html: bool = True
) -> tuple[str, list[JSONDict]]:
    """Validate a message text as Telegram does; returns what the user sees.

    Raises BotApiError(400) for unparsable markup, empty text and text over 4096
    UTF-16 code units after entity parsing.
    """
    if text is None or (isinstance(text, str) and not text.strip()):
        raise _bad("message text is empty")
    if not isinstance(text, str):
        text = json.dumps(text) if not isinstance(text, (int, float)) else str(text)
    mode = parse_mode.lower() if isinstance(parse_mode, str) and parse_mode else None
    try:
        if mode is None:
            plain, ents = text, _check_explicit_entities(entities, text)
        elif mode == "html":
            plain, ents = parse_html(text, strict=strict_html)
        elif mode == "markdownv2":
            plain, ents = parse_markdown_v2(text)
        elif mode == "markdown":
            plain, ents = parse_markdown(text)
        else:
            raise _bad(f"unsupported parse_mode {parse_mode!r}")
    except _EntityError as exc:
        raise _bad(f"can't parse entities: {exc}") from None
    plain, ents = _strip_parsed(plain, ents)
    if not plain:
        raise _bad("message text is empty")
    if utf16_len(plain) > MAX_MESSAGE_LENGTH:
        raise _bad("message is too long")
    return plain, ents


def _check_explicit_entities(entities: Any, text: str) -> list[JSONDict]:
    if entities is None:
        return []
    if not isinstance(entities, list):
        raise _bad("can't parse entities JSON object")
    size = utf16_len(text)
    for e in entities:
        if not (
            isinstance(e, dict)
            and isinstance(e.get("type"), str)
            and isinstance(e.get("offset"), int)
            and isinstance(e.get("length"), int)
            and e["offset"] >= 0
            and e["length"] > 0
            and e["offset"] + e["length"] <= size
        ):
            raise _bad(f"can't parse entities: invalid entity {e!r}")
    return [dict(e) for e in entities]


# --------------------------------------------------------------------------- markup


def _load_json_param(value: Any, what: str) -> Any:
    if isinstance(value, (str, bytes)):
        try:
            return json.loads(value)
        except ValueError:
            raise _bad(f"can't parse {what} JSON object") from None
    return value


def validate_reply_markup(markup: Any, *, inline_only: bool = False) -> JSONDict | None:
    """Check reply_markup like Telegram; returns the decoded markup (None when absent)."""
    if markup is None:
        return None
    markup = _load_json_param(markup, "reply keyboard markup")
    if not isinstance(markup, dict):
        raise _bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _validate_inline_keyboard(markup["inline_keyboard"])
    elif inline_only:
        raise _bad("inline keyboard expected")
    elif "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise _bad('Field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                label = button.get("text") if isinstance(button, dict) else button
                if not isinstance(label, str) or not label:
                    raise _bad("can't parse keyboard button: text must be a non-empty String")
    elif "remove_keyboard" in markup:
        if markup["remove_keyboard"] is not True:
            raise _bad('Field "remove_keyboard" must be true')
    elif "force_reply" in markup:
        if markup["force_reply"] is not True:
            raise _bad('Field "force_reply" must be true')
    else:
        raise _bad("can't parse reply keyboard markup JSON object")
    return markup


def _validate_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise _bad('can\'t parse inline keyboard: field "inline_keyboard" must be an Array of Arrays')
    total = 0
    for row in rows:
        for button in row:
            total += 1
            if not isinstance(button, dict):
                raise _bad(
                    "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                )
            label = button.get("text")
            if not isinstance(label, str) or not label.strip():
                raise _bad(
                    'can\'t parse inline keyboard button: Field "text" must be a non-empty String'
                )
            actions = [a for a in INLINE_BUTTON_ACTIONS if a in button]
            if not actions:
                raise _bad(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            if len(actions) > 1:
                raise _bad(
                    "can't parse inline keyboard button: exactly one of the optional fields "
                    f"must be used, got {', '.join(actions)}"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                if (
                    not isinstance(data, str)
                    or not data
                    or len(data.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES
                ):
                    raise _bad("BUTTON_DATA_INVALID")
            if "url" in button:
                _validate_button_url(button["url"])
            for key in ("switch_inline_query", "switch_inline_query_current_chat"):
                if key in button and not isinstance(button[key], str):
                    raise _bad(f'can\'t parse inline keyboard button: Field "{key}" must be a String')
    if total > MAX_INLINE_BUTTONS:
        raise _bad("reply markup is too long")


def _validate_button_url(url: Any) -> None:
    if not isinstance(url, str) or not url:
        raise _bad("inline keyboard button URL must be a non-empty String")
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return
    if scheme in ("tg", "ton"):
        return
    if not scheme and "." in url and " " not in url:
        return  # Telegram accepts "t.me/x" and prefixes http://
    raise _bad(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def _inline_buttons(markup: JSONDict | None) -> Iterable[JSONDict]:
    if markup and isinstance(markup.get("inline_keyboard"), list):
        for row in markup["inline_keyboard"]:
            yield from row


# --------------------------------------------------------------------------- records


class RecordedRequest(NamedTuple):
    """One Bot API call that reached the fake (not an injected fault)."""

    method: str
    params: JSONDict


@dataclass
class SentMessage:
    """A message the bot delivered with sendMessage."""

    chat_id: int | str
    message_id: int
    text: str
    """The ``text`` parameter exactly as the bot sent it (markup included)."""
    parse_mode: str | None
    reply_markup: JSONDict | None
    reply_to_message_id: int | None
    """From ``reply_to_message_id`` or ``reply_parameters.message_id``."""
    plain_text: str
    """What the user sees: text after entity parsing and trimming."""
    entities: list[JSONDict]
    params: JSONDict
    message: JSONDict
    """The Message JSON returned to the bot (a snapshot at send time)."""
    sent_at: float = field(default_factory=time.monotonic)


@dataclass
class Edit:
    """A successful editMessageText / editMessageReplyMarkup."""

    method: str
    chat_id: int | str | None
    message_id: int | None
    inline_message_id: str | None
    text: str | None
    parse_mode: str | None
    reply_markup: JSONDict | None
    plain_text: str | None
    params: JSONDict


@dataclass
class CallbackAnswer:
    """A successful answerCallbackQuery, with the message whose button was pressed."""

    callback_query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    chat_id: int | str | None
    message_id: int | None
    params: JSONDict


@dataclass
class InlineAnswer:
    """A successful answerInlineQuery."""

    inline_query_id: str
    query: str
    results: list[JSONDict]
    next_offset: str | None
    params: JSONDict


@dataclass
class FailedRequest:
    """A call answered with an injected fault, a block (403) or flood control (429).

    ``delivered`` is True only for "drop"/"timeout" faults created with deliver=True:
    the call took effect but the bot never saw the answer.
    """

    method: str
    params: JSONDict
    kind: str
    delivered: bool = False
    at: float = field(default_factory=time.monotonic)


@dataclass
class FloodLimits:
    """Opt-in flood control for sendMessage, answered with 429 like Telegram."""

    global_per_second: int | None = 30
    group_per_minute: int | None = 20
    chat_per_second: int | None = None
    group_per_second: int | None = None
    """Telegram's "about one message a second in a chat", as it enforces it in groups."""


@dataclass
class _Fault:
    method: str  # lower-case method name or "*"
    kind: str
    remaining: int | None
    retry_after: int
    delay: float
    deliver: bool
    description: str | None


_FAULT_DEFAULTS: dict[int, str] = {
    400: "Bad Request: injected fault",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: _CONFLICT_POLL,
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


# --------------------------------------------------------------------------- HTTP


@dataclass(slots=True)
class _HttpRequest:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool


@dataclass(slots=True)
class _Response:
    status: int
    body: bytes
    drop: bool = False


class _HttpError(Exception):
    pass


_MAX_HEADER_BYTES = 1 << 20
_MAX_BODY_BYTES = 64 << 20


def _json_response(status: int, payload: Any) -> _Response:
    return _Response(status, json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())


def _ok(result: Any) -> _Response:
    return _json_response(200, {"ok": True, "result": result})


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class _HttpProtocol(asyncio.Protocol):
    """Minimal HTTP/1.1 server connection: keep-alive, Content-Length or chunked bodies.

    Requests on one connection are answered in order; a slow (async) answer such as
    a long poll pauses processing of that connection only.
    """

    def __init__(self, api: FakeBotApi) -> None:
        self._api = api
        self._buf = bytearray()
        self._transport: asyncio.Transport | None = None
        self._task: asyncio.Task[_Response] | None = None
        self._closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._api._connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._closed = True
        self._api._connections.discard(self)
        if self._task is not None and not self._task.done():
            self._task.cancel()  # the client went away: stop its long poll or held fault

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()

    def data_received(self, data: bytes) -> None:
        self._buf += data
        if self._task is None:
            self._process()

    def _process(self) -> None:
        while not self._closed and self._task is None:
            try:
                request = self._parse()
            except _HttpError as exc:
                error = {"ok": False, "error_code": 400, "description": str(exc)}
                self._send(_json_response(400, error), False)
                return
            if request is None:
                return
            result = self._api._handle_http(request)
            if isinstance(result, _Response):
                self._send(result, request.keep_alive)
            else:
                task = asyncio.get_running_loop().create_task(result)
                self._task = task
                task.add_done_callback(lambda t, r=request: self._on_done(r, t))

    def _on_done(self, request: _HttpRequest, task: asyncio.Task[_Response]) -> None:
        self._task = None
        if task.cancelled():
            return
        exc = task.exception()
        response = task.result() if exc is None else self._api._internal_error(request, exc)
        self._send(response, request.keep_alive)
        self._process()

    def _send(self, response: _Response, keep_alive: bool) -> None:
        transport = self._transport
        if self._closed or transport is None:
            return
        if response.drop:
            self._closed = True
            transport.abort()
            return
        head = (
            f"HTTP/1.1 {response.status} {_reason(response.status)}\r\n"
            "Server: FakeBotApi\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(response.body)}\r\n"
            f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
        ).encode("latin-1")
        transport.write(head + response.body)
        if not keep_alive:
            self._closed = True
            transport.close()

    def _parse(self) -> _HttpRequest | None:
        buf = self._buf
        while buf[:2] == b"\r\n":
            del buf[:2]
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > _MAX_HEADER_BYTES:
                raise _HttpError("request header too large")
            return None
        lines = bytes(buf[:end]).decode("latin-1").split("\r\n")
        try:
            verb, target, version = lines[0].split(" ", 2)
        except ValueError:
            raise _HttpError("malformed request line") from None
        headers: dict[str, str] = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        pos = end + 4
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                line_end = buf.find(b"\r\n", pos)
                if line_end < 0:
                    return None
                try:
                    size = int(bytes(buf[pos:line_end]).split(b";")[0], 16)
                except ValueError:
                    raise _HttpError("malformed chunk size") from None
                pos = line_end + 2
                if size == 0:
                    trailer_end = buf.find(b"\r\n", pos)
                    while trailer_end > pos:  # skip trailer headers
                        pos = trailer_end + 2
                        trailer_end = buf.find(b"\r\n", pos)
                    if trailer_end < 0:
                        return None
                    pos = trailer_end + 2
                    break
                if len(buf) < pos + size + 2:
                    return None
                chunks.append(bytes(buf[pos : pos + size]))
                pos += size + 2
            body = b"".join(chunks)
        else:
            try:
                length = int(headers.get("content-length", "0") or 0)
            except ValueError:
                raise _HttpError("bad Content-Length") from None
            if length > _MAX_BODY_BYTES:
                raise _HttpError("request body too large")
            if len(buf) < pos + length:
                return None
            body = bytes(buf[pos : pos + length])
            pos += length
        del buf[:pos]
        connection = headers.get("connection", "").lower()
        keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
        return _HttpRequest(verb, target, headers, body, keep_alive)


def _parse_multipart(body: bytes, content_type: str) -> JSONDict:
    m = re.search(r'boundary=(?:"([^"]+)"|([^;\s]+))', content_type)
    if m is None:
        raise _bad("multipart body without boundary")
    delimiter = b"--" + (m.group(1) or m.group(2)).encode("latin-1")
    out: JSONDict = {}
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        if part.startswith(b"\r\n"):
            part = part[2:]
        if part.endswith(b"\r\n"):
            part = part[:-2]
        head, _, content = part.partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = re.search(r'\bname="([^"]*)"', disposition)
        if name is None:
            continue
        filename = re.search(r'\bfilename="([^"]*)"', disposition)
        if filename is not None:
            out[name.group(1)] = {
                "filename": filename.group(1),
                "content_type": headers.get("content-type", "application/octet-stream"),
                "data": content,
            }
        else:
            out[name.group(1)] = content.decode("utf-8")
    return out


def _decode_param(key: str, value: Any) -> Any:
    """Undo PTB's JSON encoding of non-string form values."""
    if isinstance(value, str) and key not in STRING_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def _clone(obj: T) -> T:
    return copy.deepcopy(obj)


# --------------------------------------------------------------------------- the fake


Handler = Callable[[JSONDict], Any]


class FakeBotApi:
    """A fake Telegram Bot API server for one bot token, running in a background thread.

    Start it with ``start()``/``stop()`` or as a context manager. Every public method is
    thread-safe; the ``wait_for*`` methods block the calling thread, their ``*_async``
    twins are for code running inside an event loop (e.g. next to a PTB Application).
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        username: str = DEFAULT_USERNAME,
        first_name: str = "KazSerb Test Bot",
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        single_poller: bool = True,
        flood_limits: FloodLimits | None = None,
        webhook_retry_delay: float = 0.2,
        strict_html: bool = True,
    ) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 1234567890
        self.username = username
        self.host = host
        self.port = port
        self.latency = latency
        """Seconds every call except getUpdates waits before it is handled (network delay)."""
        self.single_poller = single_poller
        """Like Telegram: a new getUpdates ends a pending one with 409 Conflict."""
        self.flood_limits = flood_limits
        self.webhook_retry_delay = webhook_retry_delay
        self.strict_html = strict_html
        """Refuse a stray "&", ">" and href-less <a> (documented rule; Telegram is laxer)."""
        self.bot_user: JSONDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._connections: set[_HttpProtocol] = set()
        self._wakers: set[asyncio.Future[None]] = set()
        self._poll_kick: asyncio.Future[None] | None = None
        self._stopped = False

        # Telegram-side state.
        self._updates: deque[JSONDict] = deque()
        self._next_update_id = 1
        self._delivered_update_ids: set[int] = set()
        self._chats: dict[int | str, JSONDict] = {}
        self._messages: dict[tuple[int | str, int], JSONDict] = {}
        self._next_message_id: dict[int | str, int] = {}
        self._inline_messages: dict[str, JSONDict] = {}
        self._callback_queries: dict[str, tuple[int | str | None, int | None]] = {}
        self._inline_queries: dict[str, str] = {}
        self._answered_queries: set[str] = set()
        self._next_query_id = 1
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._last_commands: list[JSONDict] = []
        self._bot_settings: dict[str, Any] = {}
        self._blocked: set[int | str] = set()
        self._gone: set[int | str] = set()
        self._migrated: dict[int, int] = {}
        self._webhook: JSONDict | None = None
        self._webhook_tasks: list[asyncio.Task[None]] = []
        self._in_flight: set[int] = set()
        self._webhook_error: tuple[int, str] | None = None
        self._flood_global: deque[float] = deque()
        self._flood_chat: dict[int | str, deque[float]] = {}

        # Records for assertions.
        self._requests: list[RecordedRequest] = []
        self._failed: list[FailedRequest] = []
        self._violations: list[str] = []
        self._sent: list[SentMessage] = []
        self._sent_by_chat: dict[int | str, list[SentMessage]] = {}
        self._edits: list[Edit] = []
        self._callback_answers: list[CallbackAnswer] = []
        self._inline_answers: list[InlineAnswer] = []
        self._chat_actions: list[tuple[int | str, str]] = []
        self._deleted: list[tuple[int | str, int]] = []
        self._webhook_deliveries: list[tuple[int, int | str]] = []
        self._faults: list[_Fault] = []
        self._unauthorized = 0
        self._conflicts = 0

        self._handlers: dict[str, Handler] = {}
        self._method_names: dict[str, str] = {"getupdates": "getUpdates"}  # lower -> canonical
        for name, handler in {
            "getMe": self._h_get_me,
            "logOut": self._h_true,
            "close": self._h_true,
            "deleteWebhook": self._h_delete_webhook,
            "setWebhook": self._h_set_webhook,
            "getWebhookInfo": self._h_get_webhook_info,
            "setMyCommands": self._h_set_my_commands,
            "getMyCommands": self._h_get_my_commands,
            "deleteMyCommands": self._h_delete_my_commands,
            "sendMessage": self._h_send_message,
            "editMessageText": self._h_edit_message_text,
            "editMessageReplyMarkup": self._h_edit_message_reply_markup,
            "deleteMessage": self._h_delete_message,
            "answerCallbackQuery": self._h_answer_callback_query,
            "answerInlineQuery": self._h_answer_inline_query,
            "sendChatAction": self._h_send_chat_action,
            "setMyDescription": self._setting_setter("description"),
            "setMyShortDescription": self._setting_setter("short_description"),
            "setMyName": self._setting_setter("name"),
            "setChatMenuButton": self._setting_setter("menu_button"),
            "getMyDescription": self._setting_getter("description"),
            "getMyShortDescription": self._setting_getter("short_description"),
            "getMyName": self._setting_getter("name"),
        }.items():
            self.add_method(name, handler)

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url(...)`` / ``Bot(base_url=...)``."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``base_file_url`` so file downloads never go to Telegram."""
        return f"http://{self.host}:{self.port}/file/bot"

    def start(self) -> FakeBotApi:
        """Start serving in a background thread; returns self once the port is bound."""
        if self._thread is not None:
            if self._stopped:
                raise RuntimeError("a stopped FakeBotApi cannot be restarted; create a new one")
            return self
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                server = loop.run_until_complete(
                    loop.create_server(
                        lambda: _HttpProtocol(self), self.host, self.port, backlog=2048
                    )
                )
            except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
                errors.append(exc)
                loop.close()
                ready.set()
                return
            self._server = server
            self.port = server.sockets[0].getsockname()[1]
            self._loop = loop
            ready.set()
            try:
                loop.run_forever()
            finally:
                tasks = asyncio.all_tasks(loop)
                for task in tasks:
                    task.cancel()
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
                loop.close()

        self._thread = threading.Thread(target=run, name=f"FakeBotApi-{self.username}", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("FakeBotApi did not start within 10 s")
        if errors:
            self._thread = None
            raise errors[0]
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close every connection (pending long polls included) and end the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or self._stopped:
            return
        self._stopped = True

        def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            for connection in list(self._connections):
                connection.abort()
            loop.stop()

        try:
            loop.call_soon_threadsafe(shutdown)
        except RuntimeError:
            pass
        thread.join(timeout)
        with self._cond:
            self._cond.notify_all()

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ test side: updates

    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        reply_to_bot_message_id: int | None = None,
        entities: list[JSONDict] | None = None,
        language_code: str | None = "en",
        username: str | None = None,
        first_name: str = "Test",
        last_name: str | None = None,
    ) -> JSONDict:
        """Queue a text message from a user; returns a copy of the Message JSON.

        Without ``entities``, a bot_command entity is added for a leading "/command"
        (up to the first whitespace) and a mention entity for each "@<bot username>",
        as Telegram clients do. chat_type "channel" produces a channel_post.
        """
        with self._cond:
            chat = self._ensure_chat(chat_id, chat_type, first_name, username, last_name)
            message: JSONDict = {
                "message_id": self._new_message_id(chat_id),
                "date": int(time.time()),
                "chat": chat,
                "text": text,
            }
            if chat_type == "channel":
                message["sender_chat"] = chat
            else:
                uid = user_id if user_id is not None else self._default_user_id(chat_id, chat_type)
                message["from"] = self._user(uid, first_name, username, last_name, language_code)
            found = entities if entities is not None else self._auto_entities(text)
            if found:
                message["entities"] = _clone(found)
            if reply_to_bot_message_id is not None:
                target = self._messages.get((chat_id, reply_to_bot_message_id))
                if target is None:
                    raise ValueError(f"no message {reply_to_bot_message_id} in chat {chat_id}")
                message["reply_to_message"] = self._nested(target)
            self._messages[(chat_id, message["message_id"])] = message
            self._enqueue({"channel_post" if chat_type == "channel" else "message": message})
            return _clone(message)

    def edit_text(self, chat_id: int, message_id: int, text: str) -> JSONDict:
        """Queue an edited_message: the user edited one of their earlier messages."""
        with self._cond:
            message = self._messages.get((chat_id, message_id))
            if message is None or message.get("from", {}).get("id") == self.bot_id:
                raise ValueError(f"no user message {message_id} in chat {chat_id}")
            message["text"] = text
            message["edit_date"] = int(time.time())
            entities = self._auto_entities(text)
            if entities:
                message["entities"] = entities
            else:
                message.pop("entities", None)
            self._enqueue({"edited_message": _clone(message)})
            return _clone(message)

    def press_button(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str,
        user_id: int | None = None,
        *,
        strict: bool = True,
        first_name: str = "Test",
        username: str | None = None,
    ) -> str:
        """Queue a callback_query for a button of a bot message; returns the query id.

        With ``strict`` the message's current inline keyboard must contain a button
        with this callback_data (a user can only press what is shown).
        """
        with self._cond:
            message = self._messages.get((chat_id, message_id))
            if message is None:
                raise ValueError(f"no message {message_id} in chat {chat_id}")
            if strict:
                if message.get("from", {}).get("id") != self.bot_id:
                    raise ValueError(f"message {message_id} in chat {chat_id} was not sent by the bot")
                shown = [b.get("callback_data") for b in _inline_buttons(message.get("reply_markup"))]
                if callback_data not in shown:
                    raise ValueError(
                        f"message {message_id} in chat {chat_id} has no button with "
                        f"callback_data {callback_data!r}; buttons: {shown}"
                    )
            chat_type = message["chat"].get("type", "private")
            uid = user_id if user_id is not None else self._default_user_id(chat_id, chat_type)
            query_id = self._new_query_id()
            self._callback_queries[query_id] = (chat_id, message_id)
            self._enqueue(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self._user(uid, first_name, username, None, "en"),
                        "message": self._nested(message),
                        "chat_instance": f"ci{chat_id}",
                        "data": callback_data,
                    }
                }
            )
            return query_id

    def inline_query(
        self,
        query: str,
        user_id: int = DEFAULT_GROUP_USER_ID,
        *,
        offset: str = "",
        chat_type: str | None = "sender",
        first_name: str = "Test",
        username: str | None = None,
        language_code: str = "en",
    ) -> str:
        """Queue an inline_query update; returns its id (answerable once)."""
        with self._cond:
            query_id = self._new_query_id()
            self._inline_queries[query_id] = query
            inline: JSONDict = {
                "id": query_id,
                "from": self._user(user_id, first_name, username, None, language_code),
                "query": query,
                "offset": offset,
            }
            if chat_type:
                inline["chat_type"] = chat_type
            self._enqueue({"inline_query": inline})
            return query_id

    def queue_update(self, update: JSONDict) -> int:
        """Queue any raw update (edited_message, sticker message, ...); returns update_id.

        Messages inside are remembered (so the bot can reply to or edit them), and
        callback/inline query ids become answerable.
        """
        with self._cond:
            update = _clone(update)
            for key in UPDATE_MESSAGE_KEYS:
                message = update.get(key)
                if isinstance(message, dict) and isinstance(message.get("chat"), dict):
                    chat = message["chat"]
                    self._chats.setdefault(chat["id"], chat)
                    mid = message.get("message_id")
                    if isinstance(mid, int):
                        self._messages[(chat["id"], mid)] = _clone(message)
                        nxt = self._next_message_id.get(chat["id"], 1)
                        self._next_message_id[chat["id"]] = max(nxt, mid + 1)
            callback = update.get("callback_query")
            if isinstance(callback, dict) and "id" in callback:
                msg = callback.get("message") or {}
                self._callback_queries[str(callback["id"])] = (
                    (msg.get("chat") or {}).get("id"),
                    msg.get("message_id"),
                )
            inline = update.get("inline_query")
            if isinstance(inline, dict) and "id" in inline:
                self._inline_queries[str(inline["id"])] = str(inline.get("query", ""))
            return self._enqueue(update)

    def block(self, chat_id: int) -> None:
        """Make sends to this chat fail with 403 "bot was blocked by the user"."""
        with self._cond:
            self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        with self._cond:
            self._blocked.discard(chat_id)

    def delete_chat(self, chat_id: int) -> None:
        """The chat no longer exists for the bot: every call naming it fails with
        400 "chat not found", as for a deleted account or a group the bot never saw."""
        with self._cond:
            self._gone.add(chat_id)

    def migrate(self, chat_id: int, *, user_id: int | None = None, announce: bool = True) -> int:
        """Upgrade a group to a supergroup; returns the supergroup's id.

        As in Telegram, every later call naming the old id fails with 400 "group chat was
        upgraded to a supergroup chat" and ``parameters.migrate_to_chat_id``; with
        ``announce`` the two service messages are queued: one in the old group
        (``migrate_to_chat_id``), then one in the supergroup (``migrate_from_chat_id``).
        """
        with self._cond:
            old = self._chats.get(chat_id)
            if old is None or old.get("type") != "group":
                raise ValueError(f"chat {chat_id} is not a known group")
            new_id = int(f"-100{abs(chat_id)}")
            new = {"id": new_id, "type": "supergroup", "title": old.get("title", "")}
            self._chats[new_id] = new
            uid = user_id if user_id is not None else DEFAULT_GROUP_USER_ID
            sender = self._user(uid, "Admin", None, None, "en")
            if announce:
                self._enqueue({"message": {"message_id": self._new_message_id(chat_id),
                                           "date": int(time.time()), "chat": old,
                                           "from": sender, "migrate_to_chat_id": new_id}})
                self._enqueue({"message": {"message_id": self._new_message_id(new_id),
                                           "date": int(time.time()), "chat": new,
                                           "from": sender, "migrate_from_chat_id": chat_id}})
            self._migrated[chat_id] = new_id
            return new_id

    # ------------------------------------------------------------------ test side: faults

    def fail_next(
        self,
        method: str,
        kind: str | int,
        count: int | None = 1,
        retry_after: int = 1,
        *,
        delay: float = 10.0,
        deliver: bool = False,
        description: str | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` ("*" = any) with a fault.

        kind: "429" (with parameters.retry_after), "502", "401", any other HTTP status
        code, "drop" (close the connection without an answer) or "timeout" (hold the
        call ``delay`` seconds, then drop it). ``count=None`` means until clear_faults().
        With ``deliver=True`` a "drop"/"timeout" call is executed first (the message is
        delivered) and only its answer is lost, as when Telegram's answer gets lost.
        Faulted calls go to ``failed_requests``, never to ``requests``/``sent_messages``.
        """
        kind = str(kind).lower()
        if kind not in ("drop", "timeout") and not (kind.isdigit() and 400 <= int(kind) <= 599):
            raise ValueError(f"unknown fault kind {kind!r}")
        with self._cond:
            self._faults.append(
                _Fault(method.lower(), kind, count, retry_after, delay, deliver, description)
            )

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()

    # ------------------------------------------------------------------ test side: records

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every call that reached the fake (including ones refused with 400), in order."""
        with self._lock:
            return list(self._requests)

    def calls(self, method: str) -> list[JSONDict]:
        """Params of every recorded call of ``method`` (case-insensitive)."""
        method = method.lower()
        with self._lock:
            return [r.params for r in self._requests if r.method.lower() == method]

    @property
    def failed_requests(self) -> list[FailedRequest]:
        with self._lock:
            return list(self._failed)

    @property
    def violations(self) -> list[str]:
        """"method: description" for every 400/404 answer and internal error of the fake."""
        with self._lock:
            return list(self._violations)

    def assert_no_violations(self) -> None:
        violations = self.violations
        if violations:
            raise AssertionError("Bot API violations:\n  " + "\n  ".join(violations))

    def sent_messages(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Messages delivered by sendMessage, in order (optionally of one chat)."""
        with self._lock:
            if chat_id is None:
                return list(self._sent)
            return list(self._sent_by_chat.get(chat_id, ()))

    def message(self, chat_id: int | str, message_id: int) -> JSONDict | None:
        """Current state (after edits) of any message the fake knows."""
        with self._lock:
            found = self._messages.get((chat_id, message_id))
            return _clone(found) if found is not None else None

    @property
    def edits(self) -> list[Edit]:
        with self._lock:
            return list(self._edits)

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        with self._lock:
            return list(self._callback_answers)

    @property
    def inline_answers(self) -> list[InlineAnswer]:
        with self._lock:
            return list(self._inline_answers)

    @property
    def chat_actions(self) -> list[tuple[int | str, str]]:
        with self._lock:
            return list(self._chat_actions)

    @property
    def deleted_messages(self) -> list[tuple[int | str, int]]:
        with self._lock:
            return list(self._deleted)

    @property
    def commands(self) -> list[JSONDict]:
        """Commands of the last successful setMyCommands (any scope)."""
        with self._lock:
            return _clone(self._last_commands)

    def commands_for(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        with self._lock:
            return _clone(self._commands.get(self._scope_key(scope, language_code), []))

    @property
    def webhook(self) -> JSONDict | None:
        """The current setWebhook parameters, or None when polling is allowed."""
        with self._lock:
            return _clone(self._webhook)

    @property
    def webhook_deliveries(self) -> list[tuple[int, int | str]]:
        """(update_id, HTTP status or error text) for every webhook POST attempt."""
        with self._lock:
            return list(self._webhook_deliveries)

    @property
    def unauthorized(self) -> int:
        """Number of calls made with a wrong token."""
        with self._lock:
            return self._unauthorized

    @property
    def conflicts(self) -> int:
        """Number of getUpdates ended by a newer getUpdates (two pollers at once)."""
        with self._lock:
            return self._conflicts

    def replies_by_chat(self) -> Counter[int | str]:
        """Delivered bot messages per chat."""
        with self._lock:
            return Counter({chat: len(msgs) for chat, msgs in self._sent_by_chat.items()})

    def replies_to(self, chat_id: int | str, message_id: int) -> list[SentMessage]:
        """Delivered bot messages sent as a reply to the given message."""
        with self._lock:
            return [
                m for m in self._sent_by_chat.get(chat_id, ()) if m.reply_to_message_id == message_id
            ]

    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by the bot (via offset or webhook 2xx)."""
        with self._lock:
            return len(self._updates)

    def delivered_update_ids(self) -> set[int]:
        """Ids of updates handed to the bot at least once."""
        with self._lock:
            return set(self._delivered_update_ids)

    def clear_records(self) -> None:
        """Forget recorded calls, answers and violations (state such as messages stays)."""
        with self._cond:
            for records in (
                self._requests,
                self._failed,
                self._violations,
                self._sent,
                self._edits,
                self._callback_answers,
                self._inline_answers,
                self._chat_actions,
                self._deleted,
                self._webhook_deliveries,
            ):
                records.clear()
            self._sent_by_chat.clear()

    # ------------------------------------------------------------------ test side: waiting

    def wait_for(
        self, predicate: Callable[[], T], timeout: float = 10.0, *, message: str | None = None
    ) -> T:
        """Block until ``predicate()`` is truthy and return its value; TimeoutError otherwise.

        Woken on every change of the fake's state. Do not call it from the event loop
        running the bot (it blocks that loop); use ``wait_for_async`` there.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_text(message, timeout))
                self._cond.wait(min(remaining, 0.1))

    async def wait_for_async(
        self,
        predicate: Callable[[], T],
        timeout: float = 10.0,
        *,
        interval: float = 0.005,
        message: str | None = None,
    ) -> T:
        """``wait_for`` for async code: polls without blocking the caller's event loop."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                value = predicate()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise TimeoutError(self._timeout_text(message, timeout))
            await asyncio.sleep(interval)

    def wait_for_messages(
        self, chat_id: int | str, count: int, timeout: float = 10.0
    ) -> list[SentMessage]:
        """Wait until the bot delivered at least ``count`` messages to the chat; returns all."""
        return self.wait_for(
            lambda: self._messages_if(chat_id, count),
            timeout,
            message=f"{count} bot message(s) in chat {chat_id}",
        )

    async def wait_for_messages_async(
        self, chat_id: int | str, count: int, timeout: float = 10.0
    ) -> list[SentMessage]:
        return await self.wait_for_async(
            lambda: self._messages_if(chat_id, count),
            timeout,
            message=f"{count} bot message(s) in chat {chat_id}",
        )

    def wait_for_updates_consumed(self, timeout: float = 10.0) -> None:
        """Wait until the bot confirmed every queued update."""
        self.wait_for(lambda: not self._updates, timeout, message="all updates confirmed")

    async def wait_for_updates_consumed_async(self, timeout: float = 10.0) -> None:
        await self.wait_for_async(lambda: not self._updates, timeout, message="all updates confirmed")

    def _messages_if(self, chat_id: int | str, count: int) -> list[SentMessage] | None:
        sent = self._sent_by_chat.get(chat_id, [])
        return list(sent) if len(sent) >= count else None

    def _timeout_text(self, message: str | None, timeout: float) -> str:
        with self._lock:
            recent = [f"{r.method} {r.params}" for r in self._requests[-8:]]
            return (
                f"timed out after {timeout} s waiting for {message or 'condition'}; "
                f"pending updates: {len(self._updates)}; violations: {self._violations[-5:]}; "
                f"failed: {[(f.method, f.kind) for f in self._failed[-5:]]}; "
                f"last requests: {recent}"
            )

    # ------------------------------------------------------------------ extension

    def add_method(self, name: str, handler: Handler) -> None:
        """Serve another Bot API method: ``handler(params) -> result`` or raise BotApiError.

        The handler runs on the server thread with the fake's lock held.
        """
        with self._cond:
            self._handlers[name.lower()] = handler
            self._method_names[name.lower()] = name

    # ------------------------------------------------------------------ internals: state

    def _enqueue(self, update: JSONDict) -> int:
        """Append an update (lock held) and wake long polls and webhook workers."""
        uid = update.get("update_id")
        if not isinstance(uid, int):
            uid = self._next_update_id
        self._next_update_id = max(self._next_update_id, uid + 1)
        update["update_id"] = uid
        self._updates.append(update)
        self._cond.notify_all()
        self._wake_soon()
        return uid

    def _wake_soon(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._wake_all)
        except RuntimeError:
            pass

    def _wake_all(self) -> None:
        wakers, self._wakers = self._wakers, set()
        for waker in wakers:
            if not waker.done():
                waker.set_result(None)

    def _new_message_id(self, chat_id: int | str) -> int:
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _new_query_id(self) -> str:
        qid = f"{self.bot_id % 100000}{self._next_query_id:08d}"
        self._next_query_id += 1
        return qid

    @staticmethod
    def _default_user_id(chat_id: int | str, chat_type: str) -> int:
        if chat_type == "private" and isinstance(chat_id, int):
            return chat_id
        return DEFAULT_GROUP_USER_ID

    @staticmethod
    def _user(
        user_id: int,
        first_name: str,
        username: str | None,
        last_name: str | None,
        language_code: str | None,
    ) -> JSONDict:
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        return user

    def _ensure_chat(
        self,
        chat_id: int | str,
        chat_type: str,
        first_name: str,
        username: str | None,
        last_name: str | None,
    ) -> JSONDict:
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                chat["first_name"] = first_name
                if last_name:
                    chat["last_name"] = last_name
                if username:
                    chat["username"] = username
            else:
                chat["title"] = f"Test {chat_type} {chat_id}"
            self._chats[chat_id] = chat
        return chat

    def _chat_for(self, chat_id: Any) -> tuple[int | str, JSONDict]:
        """Resolve a chat_id parameter; unknown numeric chats are invented on the fly."""
        if isinstance(chat_id, str):
            numeric = _int_or_none(chat_id)
            if numeric is not None:
                chat_id = numeric
            else:
                for chat in self._chats.values():
                    if chat_id.startswith("@") and chat.get("username") == chat_id[1:]:
                        return chat["id"], chat
                raise _bad("chat not found")
        if not isinstance(chat_id, int) or isinstance(chat_id, bool):
            raise _bad("chat not found")
        if chat_id in self._gone:
            raise BotApiError(400, "Bad Request: chat not found", violation=False)
        if chat_id in self._migrated:
            raise BotApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                              migrate_to_chat_id=self._migrated[chat_id], violation=False)
        chat = self._chats.get(chat_id)
        if chat is None:
            if chat_id > 0:
                chat = {"id": chat_id, "type": "private", "first_name": "User"}
            elif str(chat_id).startswith("-100"):
                chat = {"id": chat_id, "type": "supergroup", "title": f"Chat {chat_id}"}
            else:
                chat = {"id": chat_id, "type": "group", "title": f"Chat {chat_id}"}
            self._chats[chat_id] = chat
        return chat_id, chat

    def _auto_entities(self, text: str) -> list[JSONDict]:
        entities: list[JSONDict] = []
        command_end = 0
        if text.startswith("/"):
            m = re.match(r"/\S+", text)
            assert m is not None
            command_end = m.end()
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group())})
        mention = "@" + self.username
        for m in re.finditer(re.escape(mention) + r"(?![A-Za-z0-9_])", text, re.IGNORECASE):
            if m.start() >= command_end:
                entities.append(
                    {
                        "type": "mention",
                        "offset": utf16_len(text[: m.start()]),
                        "length": utf16_len(m.group()),
                    }
                )
        return entities

    @staticmethod
    def _nested(message: JSONDict) -> JSONDict:
        """Copy of a message for embedding (Telegram never nests replies deeper)."""
        nested = _clone(message)
        nested.pop("reply_to_message", None)
        return nested

    @staticmethod
    def _scope_key(scope: Any, language_code: Any) -> tuple[str, str]:
        scope = scope if isinstance(scope, dict) else {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(language_code or "")

    def _record_violation(self, method: str, description: str) -> None:
        self._violations.append(f"{method}: {description}")
        self._cond.notify_all()

    # ------------------------------------------------------------------ internals: HTTP

    def _handle_http(self, request: _HttpRequest) -> _Response | Awaitable[_Response]:
        """Route one request: token check, fault injection, then the method handler."""
        path, _, query = request.target.partition("?")
        if not path.startswith("/bot"):
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, _, method = urllib.parse.unquote(path[4:]).partition("/")
        if token != self.token:
            with self._cond:
                self._unauthorized += 1
                self._cond.notify_all()
            return _json_response(401, BotApiError(401, "Unauthorized").payload())
        canonical = self._method_names.get(method.lower())
        try:
            params = self._parse_params(request, query)
        except BotApiError as exc:
            with self._cond:
                self._requests.append(RecordedRequest(canonical or method, {}))
                self._record_violation(canonical or method, exc.description)
            return _json_response(exc.status, exc.payload())
        if canonical is None:
            with self._cond:
                self._requests.append(RecordedRequest(method, params))
                self._record_violation(method, "Not Found (unknown or unimplemented method)")
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        fault = self._take_fault(canonical)
        if fault is not None:
            return self._apply_fault(fault, canonical, params)
        if canonical == "getUpdates":
            self._record(canonical, params)
            return self._get_updates(params)
        if self.latency > 0:
            return self._delayed(canonical, params)
        self._record(canonical, params)
        return self._run(canonical, params)

    def _record(self, method: str, params: JSONDict) -> None:
        with self._cond:
            self._requests.append(RecordedRequest(method, params))
            self._cond.notify_all()

    async def _delayed(self, method: str, params: JSONDict) -> _Response:
        await asyncio.sleep(self.latency)
        self._record(method, params)
        return self._run(method, params)

    def _run(self, method: str, params: JSONDict) -> _Response:
        """Call a synchronous handler and turn its result or error into a response."""
        try:
            with self._cond:
                result = self._handlers[method.lower()](params)
                self._cond.notify_all()
        except BotApiError as exc:
            if exc.status in (400, 404) and exc.violation:
                with self._cond:
                    self._record_violation(method, exc.description)
            return _json_response(exc.status, exc.payload())
        except Exception as exc:  # noqa: BLE001 - a bug in the fake must not kill the server
            return self._internal_error_response(method, exc)
        return _ok(result)

    def _internal_error_response(self, method: str, exc: BaseException) -> _Response:
        with self._cond:
            self._record_violation(method, f"internal error in FakeBotApi: {exc!r}")
        return _json_response(
            500, {"ok": False, "error_code": 500, "description": f"Internal Server Error: {exc!r}"}
        )

    def _internal_error(self, request: _HttpRequest, exc: BaseException) -> _Response:
        return self._internal_error_response(request.target.rsplit("/", 1)[-1], exc)

    def _parse_params(self, request: _HttpRequest, query: str) -> JSONDict:
        raw: JSONDict = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        content_type = request.headers.get("content-type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        body = request.body
        if body:
            if mime == "application/json":
                try:
                    data = json.loads(body)
                except ValueError:
                    raise _bad("can't parse JSON body") from None
                if not isinstance(data, dict):
                    raise _bad("JSON body must be an object")
                for key, value in data.items():
                    raw[key] = _decode_param(key, value)
                return raw
            if mime in ("application/x-www-form-urlencoded", ""):
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise _bad("request body is not UTF-8") from None
                raw.update(urllib.parse.parse_qsl(text, keep_blank_values=True))
            elif mime == "multipart/form-data":
                raw.update(_parse_multipart(body, content_type))
            else:
                raise _bad(f"unsupported Content-Type {mime!r}")
        return {key: _decode_param(key, value) for key, value in raw.items()}

    # ------------------------------------------------------------------ internals: faults

    def _take_fault(self, method: str) -> _Fault | None:
        with self._cond:
            lowered = method.lower()
            for index, fault in enumerate(self._faults):
                if fault.method in ("*", lowered):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining <= 0:
                            del self._faults[index]
                    return fault
        return None

    def _apply_fault(
        self, fault: _Fault, method: str, params: JSONDict
    ) -> _Response | Awaitable[_Response]:
        delivered = fault.deliver and fault.kind in ("drop", "timeout")
        with self._cond:
            self._failed.append(FailedRequest(method, params, fault.kind, delivered))
            self._cond.notify_all()
        if fault.kind in ("drop", "timeout"):
            if delivered and method != "getUpdates":
                self._record(method, params)
                self._run(method, params)
            if fault.kind == "drop":
                return _Response(0, b"", drop=True)
            return self._hold_then_drop(fault.delay)
        status = int(fault.kind)
        if status == 429:
            error = BotApiError(
                429,
                fault.description or f"Too Many Requests: retry after {fault.retry_after}",
                retry_after=fault.retry_after,
            )
        else:
            description = fault.description or _FAULT_DEFAULTS.get(status, _reason(status))
            error = BotApiError(status, description)
        return _json_response(status, error.payload())

    @staticmethod
    async def _hold_then_drop(delay: float) -> _Response:
        await asyncio.sleep(delay)
        return _Response(0, b"", drop=True)

    # ------------------------------------------------------------------ internals: polling

    async def _get_updates(self, params: JSONDict) -> _Response:
        """Long polling: answer at once when updates wait, else when one arrives or time is up."""
        loop = asyncio.get_running_loop()
        offset = _int_or_none(params.get("offset")) or 0
        limit = _int_or_none(params.get("limit")) or 100
        limit = min(max(limit, 1), 100)
        try:
            timeout = float(params.get("timeout") or 0)
        except (TypeError, ValueError):
            timeout = 0.0
        allowed = params.get("allowed_updates")
        allowed_set = set(allowed) if isinstance(allowed, list) and allowed else None

        if self.single_poller and self._poll_kick is not None and not self._poll_kick.done():
            self._poll_kick.set_result(None)
            with self._cond:
                self._conflicts += 1
        kick: asyncio.Future[None] = loop.create_future()
        self._poll_kick = kick
        deadline = loop.time() + max(0.0, min(timeout, 3600.0))
        try:
            while True:
                with self._cond:
                    if self._webhook is not None:
                        return _json_response(409, BotApiError(409, _CONFLICT_WEBHOOK).payload())
                    batch = self._select_updates(offset, limit, allowed_set)
                    offset = 0  # confirm only once
                    if batch:
                        return _ok(batch)
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return _ok([])
                waker: asyncio.Future[None] = loop.create_future()
                self._wakers.add(waker)
                try:
                    await asyncio.wait(
                        (waker, kick), timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    self._wakers.discard(waker)
                    if not waker.done():
                        waker.cancel()
                if kick.done():
                    return _json_response(409, BotApiError(409, _CONFLICT_POLL).payload())
        finally:
            if self._poll_kick is kick:
                self._poll_kick = None

    def _select_updates(self, offset: int, limit: int, allowed: set[str] | None) -> list[JSONDict]:
        """Confirm updates below ``offset`` and return the next batch (lock held)."""
        updates = self._updates
        if offset > 0:
            while updates and updates[0]["update_id"] < offset:
                updates.popleft()
        elif offset < 0:
            while len(updates) > -offset:
                updates.popleft()
        if allowed is not None:
            kept = [u for u in updates if any(k in allowed for k in u if k != "update_id")]
            if len(kept) != len(updates):
                updates.clear()
                updates.extend(kept)
        batch = [updates[i] for i in range(min(limit, len(updates)))]
        for update in batch:
            self._delivered_update_ids.add(update["update_id"])
        if offset != 0:
            self._cond.notify_all()
        return batch

    # ------------------------------------------------------------------ internals: webhook

    def _start_webhook(self) -> None:
        loop = self._loop
        if loop is None:
            return
        self._stop_webhook()
        connections = int((self._webhook or {}).get("max_connections") or 40)
        self._webhook_tasks = [loop.create_task(self._webhook_worker()) for _ in range(connections)]

    def _stop_webhook(self) -> None:
        for task in self._webhook_tasks:
            task.cancel()
        self._webhook_tasks = []
        self._in_flight.clear()

    async def _webhook_worker(self) -> None:
        """Push pending updates to the webhook URL until each gets a 2xx answer."""
        loop = asyncio.get_running_loop()
        while True:
            with self._cond:
                hook = self._webhook
                update = None
                if hook is not None:
                    update = next(
                        (u for u in self._updates if u["update_id"] not in self._in_flight), None
                    )
                if update is not None:
                    self._in_flight.add(update["update_id"])
            if hook is None:
                return
            if update is None:
                waker: asyncio.Future[None] = loop.create_future()
                self._wakers.add(waker)
                try:
                    await waker
                finally:
                    self._wakers.discard(waker)
                continue
            uid = update["update_id"]
            body = json.dumps(update, ensure_ascii=False).encode()
            try:
                outcome: int | str = await self._post_webhook(hook, body)
            except (OSError, asyncio.TimeoutError, ValueError, IndexError) as exc:
                outcome = repr(exc)
            ok = isinstance(outcome, int) and 200 <= outcome < 300
            with self._cond:
                self._in_flight.discard(uid)
                self._webhook_deliveries.append((uid, outcome))
                if ok:
                    self._delivered_update_ids.add(uid)
                    try:
                        self._updates.remove(update)
                    except ValueError:
                        pass
                else:
                    message = f"Wrong response from the webhook: {outcome}"
                    self._webhook_error = (int(time.time()), message)
                self._cond.notify_all()
            if not ok:
                await asyncio.sleep(self.webhook_retry_delay)

    @staticmethod
    async def _post_webhook(hook: JSONDict, body: bytes) -> int:
        url = urllib.parse.urlsplit(hook["url"])
        if url.scheme != "http":
            raise ValueError("FakeBotApi delivers webhooks over plain http only")
        host = url.hostname or "127.0.0.1"
        port = url.port or 80
        path = (url.path or "/") + (f"?{url.query}" if url.query else "")
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
        try:
            head = (
                f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Content-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n"
            )
            if hook.get("secret_token"):
                head += f"X-Telegram-Bot-Api-Secret-Token: {hook['secret_token']}\r\n"
            writer.write(head.encode("latin-1") + b"\r\n" + body)
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), 10)
            return int(status_line.split()[1])
        finally:
            writer.close()

    # ------------------------------------------------------------------ method handlers
    # Handlers run on the server thread with the lock held; they raise BotApiError.

    def _h_true(self, params: JSONDict) -> bool:
        return True

    def _h_get_me(self, params: JSONDict) -> JSONDict:
        return dict(self.bot_user)

    def _setting_setter(self, key: str) -> Handler:
        def handler(params: JSONDict) -> bool:
            self._bot_settings[key] = params.get(key, params.get("menu_button"))
            return True

        return handler

    def _setting_getter(self, key: str) -> Handler:
        def handler(params: JSONDict) -> JSONDict:
            return {key: self._bot_settings.get(key) or ""}

        return handler

    def _h_delete_webhook(self, params: JSONDict) -> bool:
        self._webhook = None
        self._stop_webhook()
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _h_set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url")
        if not isinstance(url, str):
            raise _bad("url is empty")
        if not url:
            return self._h_delete_webhook(params)
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad("secret token contains unallowed characters")
        connections = _int_or_none(params.get("max_connections")) or 40
        if not 1 <= connections <= 100:
            raise _bad("bad webhook: max_connections must be between 1 and 100")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = {
            "url": url,
            "secret_token": secret,
            "max_connections": connections,
            "allowed_updates": params.get("allowed_updates"),
        }
        self._webhook_error = None
        self._start_webhook()
        if self._poll_kick is not None and not self._poll_kick.done():
            self._wake_all()
        return True

    def _h_get_webhook_info(self, params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": (self._webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook is not None:
            info["max_connections"] = self._webhook["max_connections"]
            if self._webhook.get("allowed_updates"):
                info["allowed_updates"] = self._webhook["allowed_updates"]
            if self._webhook_error is not None:
                info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    def _h_set_my_commands(self, params: JSONDict) -> bool:
        commands = _load_json_param(params.get("commands"), "commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        clean: list[JSONDict] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad("can't parse BotCommand JSON object")
            name = command.get("command")
            description = command.get("description")
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": name, "description": description})
        self._commands[self._scope_key(params.get("scope"), params.get("language_code"))] = clean
        self._last_commands = clean
        return True

    def _h_get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return _clone(
            self._commands.get(self._scope_key(params.get("scope"), params.get("language_code")), [])
        )

    def _h_delete_my_commands(self, params: JSONDict) -> bool:
        self._commands.pop(self._scope_key(params.get("scope"), params.get("language_code")), None)
        return True

    def _check_flood(self, chat_id: int | str, chat: JSONDict) -> None:
        """Sliding-window flood control (opt-in via ``flood_limits``), answered with 429."""
        limits = self.flood_limits
        if limits is None:
            return
        now = time.monotonic()
        history = self._flood_chat.setdefault(chat_id, deque())
        if chat.get("type") in ("group", "supergroup", "channel"):
            chat_limit, chat_window = limits.group_per_minute, 60.0
        else:
            chat_limit, chat_window = limits.chat_per_second, 1.0
        windows = [
            (self._flood_global, limits.global_per_second, 1.0),
            (history, chat_limit, chat_window),
        ]
        if chat.get("type") in ("group", "supergroup") and limits.group_per_second is not None:
            # The same history, its last second only (not trimmed: the minute needs it all).
            windows.append((deque(t for t in history if now - t < 1.0),
                            limits.group_per_second, 1.0))
        for times, limit, window in windows:
            while times and now - times[0] >= window:
                times.popleft()
            if limit is not None and len(times) >= limit:
                retry = max(1, int(window - (now - times[-limit])) + 1)
                raise BotApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        self._flood_global.append(now)
        history.append(now)

    def _reply_target(self, chat_id: int | str, params: JSONDict) -> tuple[int | None, JSONDict | None]:
        reply_id = _int_or_none(params.get("reply_to_message_id"))
        allow = bool(params.get("allow_sending_without_reply"))
        reply_parameters = params.get("reply_parameters")
        target_chat = chat_id
        if reply_parameters is not None:
            reply_parameters = _load_json_param(reply_parameters, "reply parameters")
            if not isinstance(reply_parameters, dict):
                raise _bad("can't parse reply parameters JSON object")
            reply_id = _int_or_none(reply_parameters.get("message_id"))
            allow = bool(reply_parameters.get("allow_sending_without_reply", allow))
            if reply_parameters.get("chat_id") is not None:
                target_chat, _ = self._chat_for(reply_parameters["chat_id"])
        if reply_id is None:
            return None, None
        target = self._messages.get((target_chat, reply_id))
        if target is None and not allow:
            raise _bad("message to be replied not found")
        return reply_id, target

    def _h_send_message(self, params: JSONDict) -> JSONDict:
        if params.get("chat_id") in (None, ""):
            raise _bad("chat_id is empty")
        chat_id, chat = self._chat_for(params["chat_id"])
        text = params.get("text")
        parse_mode = params.get("parse_mode")
        plain, entities = parse_message_text(
            text, parse_mode, params.get("entities"), strict_html=self.strict_html
        )
        markup = validate_reply_markup(params.get("reply_markup"))
        reply_id, reply_target = self._reply_target(chat_id, params)
        if chat_id in self._blocked:
            self._failed.append(FailedRequest("sendMessage", params, "blocked"))
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        try:
            self._check_flood(chat_id, chat)
        except BotApiError:
            self._failed.append(FailedRequest("sendMessage", params, "flood"))
            raise
        message: JSONDict = {
            "message_id": self._new_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": chat,
            "date": int(time.time()),
            "text": plain,
        }
        if entities:
            message["entities"] = entities
        if reply_target is not None:
            message["reply_to_message"] = self._nested(reply_target)
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._messages[(chat_id, message["message_id"])] = message
        snapshot = _clone(message)
        record = SentMessage(
            chat_id=chat_id,
            message_id=message["message_id"],
            text=text if isinstance(text, str) else str(text),
            parse_mode=parse_mode,
            reply_markup=markup,
            reply_to_message_id=reply_id,
            plain_text=plain,
            entities=entities,
            params=params,
            message=snapshot,
        )
        self._sent.append(record)
        self._sent_by_chat.setdefault(chat_id, []).append(record)
        return snapshot

    def _edit_target(
        self, params: JSONDict
    ) -> tuple[int | str | None, int | None, str | None, JSONDict]:
        """Find the message an edit refers to: (chat_id, message_id, inline_message_id, state)."""
        inline_id = params.get("inline_message_id")
        if inline_id:
            state = self._inline_messages.setdefault(str(inline_id), {})
            return None, None, str(inline_id), state
        if params.get("chat_id") in (None, ""):
            raise _bad("chat_id is empty")
        chat_id, _chat = self._chat_for(params["chat_id"])
        message_id = _int_or_none(params.get("message_id"))
        if message_id is None:
            raise _bad("message identifier is not specified")
        message = self._messages.get((chat_id, message_id))
        if message is None:
            raise _bad("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise _bad("message can't be edited")
        return chat_id, message_id, None, message

    def _h_edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        chat_id, message_id, inline_id, message = self._edit_target(params)
        text = params.get("text")
        plain, entities = parse_message_text(
            text, params.get("parse_mode"), params.get("entities"), strict_html=self.strict_html
        )
        markup = validate_reply_markup(params.get("reply_markup"), inline_only=True)
        if inline_id is None and "text" not in message:
            raise _bad("there is no text in the message to edit")
        if (
            message.get("text") == plain
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise _bad(_NOT_MODIFIED)
        message["text"] = plain
        if entities:
            message["entities"] = entities
        else:
            message.pop("entities", None)
        self._set_markup(message, markup)
        self._edits.append(
            Edit(
                "editMessageText",
                chat_id,
                message_id,
                inline_id,
                text if isinstance(text, str) else str(text),
                params.get("parse_mode"),
                markup,
                plain,
                params,
            )
        )
        return True if inline_id is not None else _clone(message)

    def _h_edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        chat_id, message_id, inline_id, message = self._edit_target(params)
        markup = validate_reply_markup(params.get("reply_markup"), inline_only=True)
        if message.get("reply_markup") == markup:
            raise _bad(_NOT_MODIFIED)
        self._set_markup(message, markup)
        self._edits.append(
            Edit(
                "editMessageReplyMarkup",
                chat_id,
                message_id,
                inline_id,
                None,
                None,
                markup,
                None,
                params,
            )
        )
        return True if inline_id is not None else _clone(message)

    @staticmethod
    def _set_markup(message: JSONDict, markup: JSONDict | None) -> None:
        message["edit_date"] = int(time.time())
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup

    def _h_delete_message(self, params: JSONDict) -> bool:
        chat_id, _chat = self._chat_for(params.get("chat_id"))
        message_id = _int_or_none(params.get("message_id"))
        if message_id is None or self._messages.pop((chat_id, message_id), None) is None:
            raise _bad("message to delete not found")
        self._deleted.append((chat_id, message_id))
        return True

    def _h_answer_callback_query(self, params: JSONDict) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._callback_queries or query_id in self._answered_queries:
            raise _bad(_QUERY_INVALID)
        text = params.get("text")
        if text is not None and utf16_len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad("MESSAGE_TOO_LONG")
        self._answered_queries.add(query_id)
        chat_id, message_id = self._callback_queries[query_id]
        self._callback_answers.append(
            CallbackAnswer(
                query_id,
                None if text is None else str(text),
                bool(params.get("show_alert")),
                params.get("url"),
                chat_id,
                message_id,
                params,
            )
        )
        return True

    def _h_answer_inline_query(self, params: JSONDict) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._inline_queries or query_id in self._answered_queries:
            raise _bad(_QUERY_INVALID)
        results = _load_json_param(params.get("results"), "results")
        if not isinstance(results, list):
            raise _bad("can't parse results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._validate_inline_result(result, seen)
        next_offset = params.get("next_offset")
        if next_offset is not None and len(str(next_offset).encode("utf-8")) > 64:
            raise _bad("NEXT_OFFSET_INVALID")
        button = params.get("button")
        if button is not None and not (isinstance(button, dict) and button.get("text")):
            raise _bad("can't parse inline query results button")
        self._answered_queries.add(query_id)
        self._inline_answers.append(
            InlineAnswer(
                query_id,
                self._inline_queries[query_id],
                results,
                None if next_offset is None else str(next_offset),
                params,
            )
        )
        return True

    def _validate_inline_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict):
            raise _bad("can't parse InlineQueryResult JSON object")
        result_id = result.get("id")
        if (
            not isinstance(result_id, str)
            or not 1 <= len(result_id.encode("utf-8")) <= MAX_INLINE_RESULT_ID_BYTES
        ):
            raise _bad("RESULT_ID_INVALID")
        if result_id in seen:
            raise _bad("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        kind = result.get("type")
        if kind not in INLINE_RESULT_TYPES:
            raise _bad(f"RESULT_TYPE_INVALID: {kind!r}")
        content = result.get("input_message_content")
        if kind == "article":
            if not isinstance(result.get("title"), str) or not result["title"].strip():
                raise _bad("RESULT_TITLE_EMPTY")
            if not isinstance(content, dict):
                raise _bad("input_message_content is required for an article")
        if isinstance(content, dict) and ("message_text" in content or kind == "article"):
            if "message_text" not in content and not any(
                k in content for k in ("latitude", "phone_number", "title", "payload")
            ):
                raise _bad("MESSAGE_EMPTY")
            if "message_text" in content:
                parse_message_text(
                    content["message_text"],
                    content.get("parse_mode"),
                    content.get("entities"),
                    strict_html=self.strict_html,
                )
        if "reply_markup" in result:
            validate_reply_markup(result["reply_markup"], inline_only=True)

    def _h_send_chat_action(self, params: JSONDict) -> bool:
        if params.get("chat_id") in (None, ""):
            raise _bad("chat_id is empty")
        chat_id, _chat = self._chat_for(params["chat_id"])
        action = params.get("action")
        if action not in CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        self._chat_actions.append((chat_id, str(action)))
        return True
