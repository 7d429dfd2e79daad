"""Thin handlers: parse the update, ask the engine, show the answer with `view`.

Sending goes through `sending.RetryingLimiter`, so handlers never retry by hand; the parse
mode and link previews come from python-telegram-bot's `Defaults`; one chat's updates
arrive one at a time (`processor`). A chat's conversation context is kept in its chat
data as plain data (`context_to_dict`), which the store keeps across restarts.
"""
from __future__ import annotations

import hashlib
import html
import logging
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Awaitable, Callable

from telegram import (BotCommand, InlineQueryResultArticle, InputTextMessageContent, Message,
                      ReplyParameters, Update)
from telegram.constants import ChatType
from telegram.error import (BadRequest, ChatMigrated, Forbidden, InvalidToken, NetworkError,
                            RetryAfter)
from telegram.ext import (CallbackQueryHandler, CommandHandler, ContextTypes,
                          InlineQueryHandler, MessageHandler, filters)

from .. import browse
from ..engine import Engine
from ..factbase import KnowledgeError
from ..model import (Answer, Context, Language, Line, Segment, context_from_dict,
                     context_to_dict)
from ..render import line_text
from .reloading import Reloader
from .settings import Settings
from .view import (callback, chunks, example_buttons, language_buttons, question_buttons,
                   timeline_page)

if TYPE_CHECKING:
    from telegram.ext import Application

log = logging.getLogger(__name__)

#: The most inline results Telegram accepts in one answer.
MAX_INLINE_RESULTS = 50
#: Distinct unanswered questions counted for /stats; beyond it the rarest are dropped.
MAX_MISSED = 500
#: Long /timeline filters a chat remembers for its ◀ ▶ buttons.
MAX_FILTERS = 20
#: Timelines kept ready (filter, language): each sorts every dated fact to build.
MAX_TIMELINES = 64
#: Callback query ids remembered as answered: far more than are handled at once.
MAX_ANSWERED = 1024
#: Refusals (lower-case, as PTB rewrites them) saying the chat cannot be written to: the
#: user is out of reach, as when blocked, so no apology is tried and no traceback logged.
UNREACHABLE = ("chat not found", "peer_id_invalid", "have no rights to send",
               "not enough rights to send", "topic_closed", "chat_write_forbidden")
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


@dataclass
class BotState:
    """Shared by all handlers: the engine (swapped by /reload) and the settings."""

    engine: Engine
    knowledge: Path
    settings: Settings
    fatal: str | None = None
    #: Asks the running bot to stop (set by `app.run`).
    stop: Callable[[], None] | None = None
    reloader: Reloader = field(default_factory=Reloader)
    #: Callback queries answered lately (ids, oldest first): see `_answer`.
    answered: OrderedDict[str, None] = field(default_factory=OrderedDict)
    #: browse.timeline's answers for this engine, newest use last.
    timelines: OrderedDict[tuple[str, str | None], tuple[Line, list[Line]]] = field(
        default_factory=OrderedDict)

    def swap(self, engine: Engine) -> None:
        """Answer from `engine` from now on; what was computed from the old one goes."""
        self.engine = engine
        self.timelines.clear()

    def timeline(self, filter_text: str, language: str | None) -> tuple[Line, list[Line]]:
        """browse.timeline, kept for the engine's life: the same pages are asked again and
        again (◀ ▶), and each build sorts every dated fact."""
        key = (filter_text, language)
        found = self.timelines.get(key)
        if found is None:
            found = self.timelines[key] = browse.timeline(self.engine, filter_text, language)
            if len(self.timelines) > MAX_TIMELINES:
                self.timelines.popitem(last=False)
        else:
            self.timelines.move_to_end(key)
        return found


def _state(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    return context.application.state  # type: ignore[attr-defined]


def _language(state: BotState, chat_context: Context) -> Language:
    return state.engine.kb.language(chat_context.language)


def _chat_context(context: ContextTypes.DEFAULT_TYPE, update: Update) -> Context:
    data = context.chat_data
    stored = data.get("context") if data is not None else None
    if isinstance(stored, dict):
        try:
            return context_from_dict(stored)
        except (TypeError, ValueError):
            log.warning("A stored conversation context could not be read; starting afresh")
    user = update.effective_user
    code = user.language_code if user else None
    known = _state(context).engine.kb.languages
    return Context(language=code if code in known else None)


def _remember(context: ContextTypes.DEFAULT_TYPE, chat_context: Context) -> None:
    if context.chat_data is not None:
        context.chat_data["context"] = context_to_dict(chat_context)


# ---------------------------------------------------------------------- statistics

def _record(context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
    """Count the answer for /stats, in bot data (kept by the store across restarts)."""
    stats = _stats(context)
    if answer.answered:
        stats["answered"] += 1
    elif answer.question.strip():
        stats["unanswered"] += 1
        missed = stats["missed"]
        key = " ".join(answer.question.lower().split())[:200]
        missed[key] = missed.get(key, 0) + 1
        if len(missed) > MAX_MISSED:
            # Keep the most frequent; a question asked once more than the rarest comes back.
            for rare, _ in sorted(missed.items(), key=lambda kv: kv[1])[:MAX_MISSED // 10]:
                del missed[rare]


def _stats(context: ContextTypes.DEFAULT_TYPE) -> dict:
    stats = context.bot_data.get("stats")
    if not isinstance(stats, dict):
        stats = context.bot_data["stats"] = {
            "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "answered": 0, "unanswered": 0, "missed": {}}
    return stats


# ---------------------------------------------------------------------- answering

async def _ask(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer a question in the chat, with its context, and show it."""
    state = _state(context)
    answer = state.engine.answer(question, _chat_context(context, update))
    _remember(context, answer.context)
    _record(context, answer)
    templates = state.engine.kb.language(answer.language).templates
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
    A group upgraded to a supergroup since the question came is answered there (Telegram
    refused the send, so sending again cannot answer twice).
    """
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return
    chat_id = chat.id
    reply_to = ReplyParameters(message.message_id, allow_sending_without_reply=True) \
        if message and chat.type != ChatType.PRIVATE else None
    for i, text in enumerate(texts):
        kwargs = {"text": text, "reply_markup": markup if i == len(texts) - 1 else None,
                  "reply_parameters": reply_to if i == 0 else None}
        try:
            await context.bot.send_message(chat_id=chat_id, **kwargs)
        except ChatMigrated as exc:
            chat_id = exc.new_chat_id
            await context.bot.send_message(chat_id=chat_id, **kwargs)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A question in a private chat, or one addressed to the bot in a group."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await _ask(update, context, _without_mention(message, context.bot.username))


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo or voice message in a private chat: say what the bot can read."""
    templates = _language(_state(context), _chat_context(context, update)).templates
    await _send(update, context, [_escape(templates["only_text"])])


async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its conversation goes on there (PTB moves chat data).

    Done on the supergroup's own service message, which comes before its first question,
    so that question already sees the moved context."""
    message = update.effective_message
    if message is not None and message.migrate_from_chat_id:
        context.application.migrate_chat_data(message=message)


def _without_mention(message: Message, username: str | None) -> str:
    text = message.text or ""
    if username:
        text = text.replace(f"@{username}", " ").replace(f"@{username.lower()}", " ")
    return " ".join(text.split())


class AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == bot.id:
            return True
        username = (bot.username or "").lower()
        kinds = ["mention", "text_mention"]
        mentions = message.parse_entities(kinds) if message.text is not None \
            else message.parse_caption_entities(kinds)
        for entity, text in mentions.items():
            if text.lower() == f"@{username}" or (entity.user and entity.user.id == bot.id):
                return True
        return False


# ---------------------------------------------------------------------- commands

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    language = _chat_context(context, update).language
    templates = state.engine.kb.language(language).templates
    text = _escape(templates["start"].format(title=state.engine.kb.title(language)))
    await _send(update, context, [text], example_buttons(state.engine.examples(language)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = browse.help_text(_state(context).engine, _chat_context(context, update).language)
    await _send(update, context, chunks([(Segment(line),) for line in text.splitlines()]))


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = browse.about(_state(context).engine, _chat_context(context, update).language)
    await _send(update, context, [_escape(text)])


async def listing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A list the fact base declares in meta.yaml (/missions); another command of ours
    gets the help, in a private chat or when addressed to us (`/x@bot`) in a group."""
    state = _state(context)
    words = (update.effective_message.text or "").split() if update.effective_message else []
    command, _, addressee = (words[0][1:] if words else "").partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return  # another bot's command, in a group
    listed = browse.browse_list(state.engine, command.lower())
    if listed is None:
        chat = update.effective_chat
        if addressee or (chat is not None and chat.type == ChatType.PRIVATE):
            await help_command(update, context)
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
    title, lines = state.timeline(filter_text, language)
    label = state.engine.kb.language(language).templates["page"]
    return timeline_page(title, lines, page, _filter_key(context, filter_text), label)


def _filter_key(context: ContextTypes.DEFAULT_TYPE, filter_text: str) -> str:
    """What the ◀ ▶ buttons carry for a filter: the filter itself when it fits in
    Telegram's 64 bytes of callback data, else '#' and a digest the chat remembers."""
    if callback("tl", 999, filter_text) or context.chat_data is None:
        return filter_text
    key = "#" + hashlib.blake2s(filter_text.encode("utf-8"), digest_size=8).hexdigest()
    remembered = context.chat_data.setdefault("filters", {})
    remembered.pop(key, None)
    remembered[key] = filter_text
    while len(remembered) > MAX_FILTERS:
        del remembered[next(iter(remembered))]
    return key


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


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-read the fact base; a broken one is refused with its problems, the old one stays.

    The new one is built aside (`reloading`): other chats are answered from the old one
    meanwhile; a second /reload waits for the first, then builds again.
    """
    state = _state(context)
    if not await _is_admin(update, context):
        return
    templates = _language(state, _chat_context(context, update)).templates
    try:
        engine = await state.reloader.build(state.knowledge)
    except KnowledgeError as exc:
        problems = [Segment(str(p)) for p in exc.problems]
        await _send(update, context, chunks([(Segment(templates["reload_failed"]),),
                                             *((p,) for p in problems)]))
        return
    state.swap(engine)
    summary = f"{len(engine.kb.entities)} entities, {len(engine.kb.facts)} facts"
    await _send(update, context, [_escape(templates["reload_ok"].format(summary=summary))])


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    if not await _is_admin(update, context):
        return
    templates = _language(state, _chat_context(context, update)).templates
    counted = _stats(context)
    lines = [(Segment(templates["stats"].format(
        since=counted["since"], answered=counted["answered"],
        unanswered=counted["unanswered"])),)]
    top = sorted(counted["missed"].items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    if top:
        lines.append((Segment(templates["stats_top"], strong=True),))
        lines += [(Segment(f"{n}× {q}"),) for q, n in top]
    await _send(update, context, chunks(lines))


async def _is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    state = _state(context)
    user = update.effective_user
    if user and user.id in state.settings.admin_ids:
        return True
    templates = _language(state, _chat_context(context, update)).templates
    await _send(update, context, [_escape(templates["not_allowed"])])
    return False


# ---------------------------------------------------------------------- buttons

async def on_question_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A suggested or related question: ask it."""
    engine = _state(context).engine
    fact = engine.kb.fact(update.callback_query.data.removeprefix("q:"))
    if fact is None:
        return await on_expired_button(update, context)
    await _answer(update, context)
    await _ask(update, context, engine.kb.text(fact.questions,
                                               _chat_context(context, update).language))


async def on_example_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    engine = _state(context).engine
    index = int(update.callback_query.data.removeprefix("ex:"))
    examples = engine.examples(_chat_context(context, update).language)
    if index >= len(examples):
        return await on_expired_button(update, context)
    await _answer(update, context)
    await _ask(update, context, examples[index])


async def on_timeline_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """◀ ▶ on a timeline: show that page in the same message."""
    query = update.callback_query
    page, _, key = query.data.removeprefix("tl:").partition(":")
    filter_text = key
    if key.startswith("#"):
        filter_text = (context.chat_data or {}).get("filters", {}).get(key)
    if filter_text is None or query.message is None:
        return await on_expired_button(update, context)
    await _answer(update, context)
    shown = _timeline_page(context, update, filter_text, int(page))
    try:
        await query.edit_message_text(shown.text, reply_markup=shown.markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def on_language_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    state = _state(context)
    code = update.callback_query.data.removeprefix("lang:")
    if code not in state.engine.kb.languages:
        return await on_expired_button(update, context)
    await _answer(update, context)
    code, reply = browse.choose_language(state.engine, None, code)
    _remember(context, replace(_chat_context(context, update), language=code))
    await _send(update, context, [_escape(reply)])


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE,
                  text: str | None = None) -> None:
    """Stop the button's spinner, and remember it: Telegram refuses a second answer, so an
    apology for an error after this one goes to the chat."""
    query = update.callback_query
    await query.answer(text)
    answered = _state(context).answered
    answered[query.id] = None
    if len(answered) > MAX_ANSWERED:
        answered.popitem(last=False)


async def on_page_number_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The page number between ◀ and ▶: nothing to do but stop the spinner."""
    await _answer(update, context)


async def on_expired_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button whose question, page or filter no longer exists."""
    templates = _language(_state(context), _chat_context(context, update)).templates
    await _answer(update, context, templates["expired"][:200])


# ---------------------------------------------------------------------- inline mode

async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot nazarbayev` in any chat: the matching facts, each ready to send.

    Results are personal: they are in the asking user's language, so Telegram must not
    serve them to the next user who types the same text.
    """
    query = update.inline_query
    engine = _state(context).engine
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
            title = engine.kb.text(fact.questions, answer.language) or fact.id
            results.append(InlineQueryResultArticle(
                id=fact.id[:64], title=title[:100], description=line_text(line)[:200],
                input_message_content=InputTextMessageContent(chunks([line])[0])))
    await query.answer(results, cache_time=60, is_personal=True)


# ---------------------------------------------------------------------- errors

async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error boundary: log with the traceback, and apologise to the user – unless
    the reply may already have reached them, or they cannot be reached."""
    error = context.error
    if isinstance(error, InvalidToken):
        state = _state(context)
        state.fatal = "Telegram refused the bot token (revoked or wrong)"
        if state.stop:
            state.stop()
        return
    if not isinstance(update, Update):
        log.warning("Background error: %s", error)
        return
    if isinstance(error, Forbidden) or (isinstance(error, BadRequest) and any(
            u in str(error).lower() for u in UNREACHABLE)):
        log.info("%s: the chat cannot be written to (%s)", _describe(update), error)
        return
    if isinstance(error, (NetworkError, RetryAfter)) and not isinstance(error, BadRequest):
        # Telegram was not reachable, or may have executed the send: not resent (see
        # sending.py), and no apology, which could be a second reply.
        log.warning("%s: Telegram did not confirm the reply, and it is not sent again, "
                    "as it may have arrived (%s)", _describe(update), error)
        return
    log.error("Error while handling %s", _describe(update), exc_info=error)
    await _apologise(update, context)


async def _apologise(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    try:
        templates = _language(_state(context), _chat_context(context, update)).templates
        query = update.callback_query
        if query is not None and query.id not in _state(context).answered:
            await _answer(update, context, templates["sorry"][:200])
        elif update.effective_chat is not None:
            await _send(update, context, [_escape(templates["sorry"])])
    except Exception as exc:  # noqa: BLE001 - the apology is best effort; logged, not raised
        log.warning("%s: the apology could not be sent either (%s)", _describe(update), exc)


def _describe(update: object) -> str:
    if isinstance(update, Update):
        kinds = [k for k in ("message", "edited_message", "callback_query", "inline_query",
                             "channel_post") if getattr(update, k, None)]
        return f"update {update.update_id} ({', '.join(kinds) or 'other'})"
    return "no update"


# ---------------------------------------------------------------------- wiring

def add_handlers(app: "Application") -> None:
    """Every command, message kind and button family, each routed to its handler."""
    message = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    commands: list[tuple[str, Handler]] = [
        ("start", start), ("help", help_command), ("about", about),
        ("timeline", timeline), ("language", language), ("reload", reload), ("stats", stats)]
    for name, callback_ in commands:
        app.add_handler(CommandHandler(name, callback_, filters=message))
    # The fact base's own lists (/missions), looked up when they come: /reload may change them.
    app.add_handler(MessageHandler(message & filters.COMMAND, listing))
    text = message & filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(text & private, on_text))
    app.add_handler(MessageHandler(text & groups & AddressedToBot(), on_text))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    app.add_handler(MessageHandler(message & ~filters.TEXT & ~filters.COMMAND
                                   & ~filters.StatusUpdate.ALL
                                   & (private | (groups & AddressedToBot())), on_other))
    buttons: list[tuple[str, Handler]] = [
        (r"^q:", on_question_button), (r"^ex:\d{1,3}$", on_example_button),
        (r"^tl:\d{1,4}:", on_timeline_button), (r"^lang:", on_language_button),
        (r"^nop$", on_page_number_button)]
    for pattern, callback_ in buttons:
        app.add_handler(CallbackQueryHandler(callback_, pattern=pattern))
    app.add_handler(CallbackQueryHandler(on_expired_button))
    app.add_handler(InlineQueryHandler(inline_query))
    app.add_error_handler(on_error)


async def set_commands(app: "Application", state: BotState) -> None:
    """The command menu, in each language Telegram can ask for."""
    kb = state.engine.kb
    for code in (None, *kb.languages):
        if code is not None and (code == kb.meta.language or "-" in code):
            continue  # Telegram's language codes are two letters; the default covers the base
        commands = [BotCommand(c, d[:256]) for c, d in browse.commands(state.engine, code)]
        await app.bot.set_my_commands(commands, language_code=code)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)

