"""The Telegram front end: thin handlers over the engine, run by polling or by webhook.

Each handler parses the update, asks the engine, and shows the answer with
`telegram_view`. Sending goes through `RetryingLimiter`, so handlers never retry by
hand. Chats are served concurrently; messages of one chat are answered in order, so a
follow-up ("What did he say?") always sees the answer before it.
"""
from __future__ import annotations

import asyncio
import functools
import gc
import html
import logging
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Awaitable, Callable
from urllib.parse import urlparse

from telegram import (BotCommand, InlineQueryResultArticle, InputTextMessageContent, Message,
                      Update)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler,
                          CommandHandler, ContextTypes, InlineQueryHandler, MessageHandler,
                          filters)

from . import browse
from .engine import Engine
from .factbase import KnowledgeError, load_knowledge
from .model import Answer, Context, Language, Segment
from .render import line_text
from .telegram_retry import RetryingLimiter
from .telegram_view import (chunks, example_buttons, language_buttons, question_buttons,
                            timeline_page)

log = logging.getLogger(__name__)

#: Updates handled at once, and HTTP connections for sending. Measured with
#: bench/telegram_e2e.py: httpcore scans its whole pool on every request, so a small pool
#: with a few dozen handlers in flight sends the most replies per second (about 2× what
#: 256 handlers on 64 connections did).
CONCURRENT_UPDATES, CONNECTIONS = 32, 8
#: The most inline results Telegram accepts in one answer.
MAX_INLINE_RESULTS = 50
POLLING_TASK = "Updater:start_polling:polling_task"
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


class SettingsError(ValueError):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    """What the Telegram front end needs, read once from the environment."""

    token: str
    base_url: str | None = None
    webhook_secret: str | None = None
    max_sends_per_second: float = 30.0
    admin_ids: frozenset[int] = frozenset()

    @classmethod
    def from_env(cls, env: dict[str, str] | os._Environ = os.environ) -> "Settings":
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather "
                                "and export TELEGRAM_BOT_TOKEN=...")
        try:
            rate = float(env.get("TELEGRAM_MAX_SENDS_PER_SECOND", "30") or 30)
        except ValueError:
            raise SettingsError("TELEGRAM_MAX_SENDS_PER_SECOND must be a number "
                                "(0 turns the limit off)") from None
        if rate < 0:
            raise SettingsError("TELEGRAM_MAX_SENDS_PER_SECOND must not be negative")
        try:
            admins = frozenset(int(a) for a in env.get("BOT_ADMIN_IDS", "").replace(",", " ")
                               .split())
        except ValueError:
            raise SettingsError("BOT_ADMIN_IDS must be Telegram user ids separated by commas") \
                from None
        return cls(token=token, base_url=env.get("TELEGRAM_API_BASE_URL") or None,
                   webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
                   max_sends_per_second=rate, admin_ids=admins)


@dataclass
class Stats:
    """Questions answered and unanswered since start, for /stats."""

    answered: int = 0
    unanswered: int = 0
    missed: Counter = field(default_factory=Counter)

    def record(self, answer: Answer) -> None:
        if answer.answered:
            self.answered += 1
        elif answer.question.strip():
            self.unanswered += 1
            self.missed[" ".join(answer.question.lower().split())[:200]] += 1


@dataclass
class BotState:
    """Shared by all handlers: the engine (swapped by /reload) and the counters."""

    engine: Engine
    knowledge: Path
    settings: Settings
    stats: Stats = field(default_factory=Stats)
    fatal: str | None = None


def _state(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    return context.bot_data["state"]


def _language(state: BotState, chat_context: Context) -> Language:
    return state.engine.kb.language(chat_context.language)


def _chat_context(context: ContextTypes.DEFAULT_TYPE, update: Update) -> Context:
    stored = context.chat_data.get("context") if context.chat_data is not None else None
    if stored is None:
        user = update.effective_user
        code = user.language_code if user else None
        known = _state(context).engine.kb.languages
        stored = Context(language=code if code in known else None)
    return stored


def in_order(handler: Handler) -> Handler:
    """Updates are handled concurrently, but one chat's one after the other, in order
    (asyncio.Lock is first come, first served), so a follow-up sees the answer before it."""
    @functools.wraps(handler)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.chat_data is None:
            return await handler(update, context)
        async with context.chat_data.setdefault("lock", asyncio.Lock()):
            return await handler(update, context)
    return wrapper


# ---------------------------------------------------------------------- answering

async def _ask(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer a question in the chat, with its context, and show it."""
    state = _state(context)
    chat_context = _chat_context(context, update)
    answer = state.engine.answer(question, chat_context)
    _remember(context, answer.context)
    state.stats.record(answer)
    await _send_answer(update, context, answer)


async def _send_answer(update: Update, context: ContextTypes.DEFAULT_TYPE,
                       answer: Answer) -> None:
    templates = _state(context).engine.kb.language(answer.language).templates
    lines = list(answer.lines)
    if answer.suggestions:
        lines.append((Segment(templates["did_you_mean"]),))
        markup = question_buttons(answer.suggestions)
    else:
        markup = question_buttons(answer.related)
    await _send(update, context, chunks(lines), markup)


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE, texts: list[str],
                markup=None) -> None:
    """Send HTML messages to the update's chat; the buttons go with the last one.

    In groups the first message replies to the question, so it is clear what it answers.
    """
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return
    reply_to = message.message_id if message and chat.type != ChatType.PRIVATE else None
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        await context.bot.send_message(
            chat_id=chat.id, text=text, parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
            reply_to_message_id=reply_to if i == 0 else None,
            allow_sending_without_reply=True, disable_web_page_preview=True)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A question in a private chat, or one addressed to the bot in a group."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await _ask(update, context, _without_mention(message, context.bot.username))


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo or voice message in a private chat: say what the bot can read."""
    state = _state(context)
    templates = _language(state, _chat_context(context, update)).templates
    await _send(update, context, [_escape(templates["only_text"])])


def _without_mention(message: Message, username: str | None) -> str:
    text = message.text or ""
    if username:
        text = text.replace(f"@{username}", " ").replace(f"@{username.lower()}", " ")
    return " ".join(text.split())


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        for entity, text in message.parse_entities(["mention", "text_mention"]).items():
            if text.lower() == f"@{username}" or (entity.user and entity.user.id == bot.id):
                return True
        return False


# ---------------------------------------------------------------------- commands

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    kb = state.engine.kb
    templates = _language(state, _chat_context(context, update)).templates
    language = _chat_context(context, update).language
    text = _escape(templates["start"].format(title=kb.title(language)))
    await _send(update, context, [text], example_buttons(
        state.engine.examples(_chat_context(context, update).language)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    language = _chat_context(context, update).language
    await _send(update, context, chunks([(Segment(line),) for line in
                                         browse.help_text(state.engine, language).splitlines()]))


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    text = browse.about(state.engine, _chat_context(context, update).language)
    await _send(update, context, [_escape(text)])


async def listing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A list the fact base declares in meta.yaml (/missions); other commands: nothing."""
    state = _state(context)
    words = (update.effective_message.text or "").split() if update.effective_message else []
    command = words[0][1:].split("@")[0].lower() if words else ""
    listed = browse.browse_list(state.engine, command)
    if listed is None:
        return
    title, lines = browse.listing(state.engine, listed, _chat_context(context, update).language)
    await _send(update, context, chunks([title, *lines]))


async def timeline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    filter_text = " ".join(context.args or [])[:100]
    page = _timeline_page(context, update, filter_text, 0)
    await _send(update, context, [page.text], page.markup)


def _timeline_page(context: ContextTypes.DEFAULT_TYPE, update: Update, filter_text: str,
                   page: int):
    state = _state(context)
    language = _chat_context(context, update).language
    title, lines = browse.timeline(state.engine, filter_text, language)
    label = state.engine.kb.language(language).templates["page"]
    return timeline_page(title, lines, page, filter_text, label)


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/language ru` sets the language of answers; `/language` offers them as buttons."""
    state = _state(context)
    current = _chat_context(context, update)
    code, reply = browse.choose_language(state.engine, current.language,
                                         " ".join(context.args or []))
    markup = None
    if code:
        _remember(context, replace(current, language=code))
    elif not context.args:
        markup = language_buttons(state.engine.kb.languages)
    await _send(update, context, [_escape(reply)], markup)


def _remember(context: ContextTypes.DEFAULT_TYPE, chat_context: Context) -> None:
    if context.chat_data is not None:
        context.chat_data["context"] = chat_context


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-read the fact base; a broken one is refused with its problems, the old one stays."""
    state = _state(context)
    if not await _is_admin(update, context):
        return
    templates = _language(state, _chat_context(context, update)).templates
    try:
        kb = await asyncio.to_thread(load_knowledge, state.knowledge)
        engine = await asyncio.to_thread(Engine, kb)
    except KnowledgeError as exc:
        problems = [Segment(str(p)) for p in exc.problems]
        await _send(update, context, chunks([(Segment(templates["reload_failed"]),),
                                             *((p,) for p in problems)]))
        return
    state.engine = engine
    gc.collect()
    gc.freeze()  # as at start-up: the new fact base lives on
    summary = f"{len(kb.entities)} entities, {len(kb.facts)} facts"
    await _send(update, context, [_escape(templates["reload_ok"].format(summary=summary))])


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    if not await _is_admin(update, context):
        return
    templates = _language(state, _chat_context(context, update)).templates
    lines = [(Segment(templates["stats"].format(
        answered=state.stats.answered, unanswered=state.stats.unanswered)),)]
    if state.stats.missed:
        lines.append((Segment(templates["stats_top"], strong=True),))
        lines += [(Segment(f"{n}× {q}"),) for q, n in state.stats.missed.most_common(10)]
    await _send(update, context, chunks(lines))


async def _is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    state = _state(context)
    user = update.effective_user
    if user and user.id in state.settings.admin_ids:
        return True
    templates = _language(state, _chat_context(context, update)).templates
    await _send(update, context, [_escape(templates["not_allowed"])])
    return False


# ---------------------------------------------------------------------- buttons, inline

async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press: a suggested question, an example, or a timeline page."""
    query = update.callback_query
    if query is None:
        return
    state = _state(context)
    kind, _, rest = (query.data or "").partition(":")
    question = None
    if kind == "q" and (fact := state.engine.kb.fact(rest)):
        question = state.engine.kb.text(fact.questions, _chat_context(context, update).language)
    elif kind == "ex" and rest.isdigit() and int(rest) < len(state.engine.kb.meta.examples):
        question = state.engine.examples(_chat_context(context, update).language)[int(rest)]
    elif kind == "tl":
        page, _, filter_text = rest.partition(":")
        if page.isdigit() and query.message:
            await query.answer()
            shown = _timeline_page(context, update, filter_text, int(page))
            try:
                await query.edit_message_text(shown.text, parse_mode=ParseMode.HTML,
                                              reply_markup=shown.markup)
            except BadRequest as exc:
                if "not modified" not in str(exc).lower():
                    raise
            return
    if kind == "lang" and rest in state.engine.kb.languages:
        await query.answer()
        code, reply = browse.choose_language(state.engine, None, rest)
        _remember(context, replace(_chat_context(context, update), language=code))
        await _send(update, context, [_escape(reply)])
        return
    if kind == "nop":
        await query.answer()
        return
    if question is None:
        templates = _language(state, _chat_context(context, update)).templates
        await query.answer(templates["expired"][:200])
        return
    await query.answer()
    await _ask(update, context, question)


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot nazarbayev` in any chat: the matching facts, each ready to send."""
    query = update.inline_query
    if query is None:
        return
    state = _state(context)
    engine = state.engine
    code = query.from_user.language_code if query.from_user else None
    chat_context = Context(language=code if code in engine.kb.languages else None)
    text = query.query.strip()
    answers = [engine.answer(text, chat_context)] if text else \
        [engine.answer(q, chat_context) for q in engine.examples(chat_context.language)]
    results = []
    seen: set[str] = set()
    for answer in answers:
        facts = [engine.kb.fact(f) for f in answer.facts]
        if not answer.answered:
            facts = [engine.kb.fact(s.fact_id) for s in answer.suggestions]
        for fact in facts:
            if fact is None or fact.id in seen or len(results) == MAX_INLINE_RESULTS:
                continue
            seen.add(fact.id)
            line = engine.fact_line(fact, answer.language)
            message = chunks([line])[0]
            title = engine.kb.text(fact.questions, answer.language) or fact.id
            results.append(InlineQueryResultArticle(
                id=fact.id[:64], title=title[:100],
                description=line_text(line)[:200],
                input_message_content=InputTextMessageContent(message,
                                                              parse_mode=ParseMode.HTML)))
    await query.answer(results, cache_time=60, is_personal=False)


# ---------------------------------------------------------------------- errors, lifecycle

async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with its traceback and carry on; the user never sees exception text."""
    if isinstance(context.error, InvalidToken):
        _state(context).fatal = "Telegram refused the bot token (revoked or wrong)"
        context.application.stop_running()
        return
    if update is None and isinstance(context.error, (NetworkError, RetryAfter)):
        # Fetching updates failed; python-telegram-bot tries again by itself.
        log.warning("Fetching updates failed (%s); trying again", context.error)
        return
    log.error("Error while handling an update (%s)", _describe(update), exc_info=context.error)


def _describe(update: object) -> str:
    if isinstance(update, Update):
        kinds = [k for k in ("message", "edited_message", "callback_query", "inline_query",
                             "channel_post") if getattr(update, k, None)]
        return f"update {update.update_id}: {', '.join(kinds) or 'other'}"
    return "no update"


async def _post_init(app: Application) -> None:
    state: BotState = app.bot_data["state"]
    kb = state.engine.kb
    for code in (None, *kb.languages):
        if code is not None and (code == kb.meta.language or "-" in code):
            continue  # Telegram's language codes are two letters; the default covers the base
        commands = [BotCommand(c, d[:256]) for c, d in browse.commands(state.engine, code)]
        await app.bot.set_my_commands(commands, language_code=code)
    asyncio.get_running_loop().create_task(_watch_polling(app), name="kazserb:watch-polling")


async def _watch_polling(app: Application) -> None:
    """python-telegram-bot stops polling for good on 401 but keeps the process alive and
    deaf: notice it and stop, so the process exits non-zero and a supervisor sees it."""
    for _ in range(100):
        task = next((t for t in asyncio.all_tasks() if t.get_name() == POLLING_TASK), None)
        if task:
            break
        await asyncio.sleep(0.05)
    else:
        return
    try:
        await task
    except InvalidToken:
        app.bot_data["state"].fatal = "Telegram refused the bot token (revoked or wrong)"
        app.stop_running()
    except (asyncio.CancelledError, TelegramError):
        pass


def build_application(state: BotState) -> Application:
    settings = state.settings
    builder = (ApplicationBuilder().token(settings.token)
               .rate_limiter(RetryingLimiter(settings.max_sends_per_second))
               .concurrent_updates(CONCURRENT_UPDATES)
               .post_init(_post_init)
               .connect_timeout(10).read_timeout(20).write_timeout(20)
               .pool_timeout(10).connection_pool_size(CONNECTIONS))
    if settings.base_url:
        base = settings.base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    app = builder.build()
    app.bot_data["state"] = state
    message = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    commands: list[tuple[str, Handler]] = [
        ("start", start), ("help", help_command), ("about", about),
        ("timeline", timeline), ("language", language), ("reload", reload), ("stats", stats)]
    for name, callback in commands:
        app.add_handler(CommandHandler(name, in_order(callback), filters=message))
    # The fact base's own lists (/missions), looked up when they come: /reload may change them.
    app.add_handler(MessageHandler(message & filters.COMMAND, in_order(listing)))
    app.add_handler(MessageHandler(message & private & filters.TEXT & ~filters.COMMAND,
                                   in_order(on_text)))
    app.add_handler(MessageHandler(message & groups & filters.TEXT & ~filters.COMMAND
                                   & _AddressedToBot(), in_order(on_text)))
    app.add_handler(MessageHandler(message & private & ~filters.TEXT & ~filters.COMMAND
                                   & ~filters.StatusUpdate.ALL, in_order(on_other)))
    app.add_handler(CallbackQueryHandler(in_order(on_button)))
    app.add_handler(InlineQueryHandler(inline_query))
    app.add_error_handler(on_error)
    return app


def run(state: BotState, webhook_url: str | None = None, listen: str = "0.0.0.0",
        port: int = 8443) -> int:
    """Serve until stopped; 0 on a clean stop, 1 when Telegram refused the token."""
    app = build_application(state)
    allowed = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
    try:
        if webhook_url:
            if not state.settings.webhook_secret:
                raise SettingsError("webhook mode needs TELEGRAM_WEBHOOK_SECRET "
                                    "(1–256 characters A-Z, a-z, 0-9, _ and -)")
            path = urlparse(webhook_url).path.lstrip("/")
            app.run_webhook(listen=listen, port=port, url_path=path, webhook_url=webhook_url,
                            secret_token=state.settings.webhook_secret,
                            allowed_updates=allowed)
        else:
            app.run_polling(allowed_updates=allowed)
    except InvalidToken:
        state.fatal = "Telegram refused the bot token (revoked or wrong)"
    if state.fatal:
        log.critical("%s; stopping.", state.fatal)
        return 1
    return 0


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
