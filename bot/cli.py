"""The `kazserb-bot` command: ask, console, check, telegram, eval.

Thin: it reads arguments, loads the fact base once, and hands over to a front end.
Exit codes: 0 done, 1 the fact base has problems (or a threshold was missed),
2 bad usage or missing settings.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path
from typing import IO, Sequence

from .engine import Engine
from .loader import KnowledgeError, load_knowledge
from .model import Answer


def default_knowledge() -> Path:
    """The fact base shipped with the package (installed), or the repository's (source)."""
    installed = Path(__file__).resolve().parent / "knowledge"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[1] / "knowledge"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                        help="fact base directory (default: the one shipped with the bot)")
    parser = argparse.ArgumentParser(
        prog="kazserb-bot", parents=[common],
        description="Answers questions about Kazakhstan–Serbia relations from a fact base.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question (or '-' for stdin)")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read one per line")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    sub.add_parser("console", parents=[common], help="chat in the terminal, no token needed")
    sub.add_parser("check", parents=[common], help="validate the fact base")
    tg = sub.add_parser("telegram", parents=[common],
                        help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    tg.add_argument("--webhook-url", metavar="URL",
                    help="receive updates by webhook at this public URL instead of polling")
    tg.add_argument("--listen", default="127.0.0.1", metavar="ADDR",
                    help="webhook: address to listen on (default 127.0.0.1, behind a reverse "
                         "proxy; 0.0.0.0 to expose it)")
    tg.add_argument("--port", type=int, default=8443, metavar="N",
                    help="webhook: port to listen on (default 8443)")
    tg.add_argument("--state-dir", type=Path, metavar="DIR",
                    help="where chats' state and unanswered updates are kept (default "
                         "$BOT_STATE_DIR, else ~/.local/share/kazserb-bot)")
    tg.add_argument("--grace", type=float, metavar="SECONDS",
                    help="on SIGTERM, answer what is in hand for this long (default "
                         "$BOT_SHUTDOWN_GRACE, else 8)")
    ev = sub.add_parser("eval", parents=[common],
                        help="score a question set (dev_questions.yaml format) with latencies")
    ev.add_argument("file", metavar="FILE", help="question set: YAML list of q + expect/abstain")
    ev.add_argument("--min-accuracy", type=float, metavar="X", help="exit 1 below this (0-1)")
    ev.add_argument("--min-abstain", type=float, metavar="X", help="exit 1 below this (0-1)")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    knowledge = getattr(args, "knowledge", None) or default_knowledge()
    settings = None
    if args.command == "telegram":
        from .telegram.settings import Settings, SettingsError
        try:
            settings = Settings.from_env(state_dir=args.state_dir, grace=args.grace)
        except SettingsError as exc:
            print(f"kazserb-bot: {exc}", file=sys.stderr)
            return 2
    try:
        kb = load_knowledge(knowledge)
    except KnowledgeError as exc:
        print(f"kazserb-bot: the fact base in {knowledge} has {len(exc.problems)} "
              "problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(f"{Path(knowledge) / problem.file}:{problem.line}: {problem.message}",
                  file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{knowledge}: OK – {len(kb.entities)} entities, {len(kb.facts)} facts, "
              f"{len(kb.languages)} language(s)")
        return 0
    engine = Engine(kb)
    # The fact base and its index live as long as the process: keep the garbage collector
    # from walking them again and again (its pauses were most of the p99 on large bases).
    gc.collect()
    gc.freeze()
    stdout = _utf8(sys.stdout)
    if args.command == "eval":
        from .evaluate import run as evaluate
        return evaluate(engine, args.file, stdout, sys.stderr, min_accuracy=args.min_accuracy,
                        min_abstain=args.min_abstain, as_json=args.json)
    if settings is not None:
        from .logs import setup_logging
        from .telegram.app import run as run_telegram
        from .telegram.handlers import BotState
        from .telegram.settings import SettingsError
        from .telegram.store import StoreError
        setup_logging(secrets=[settings.token, settings.webhook_secret or ""])
        state = BotState(engine=engine, knowledge=Path(knowledge), settings=settings)
        try:
            return run_telegram(state, webhook_url=args.webhook_url, listen=args.listen,
                                port=args.port)
        except (SettingsError, StoreError) as exc:
            print(f"kazserb-bot: {exc}", file=sys.stderr)
            return 2
    if args.command == "console":
        from .console import run
        return run(engine, sys.stdin.buffer, stdout, interactive=sys.stdin.isatty())
    return _ask(engine, args.question, args.json, stdout)


def _ask(engine: Engine, words: list[str], as_json: bool, stdout: IO[str]) -> int:
    if words == ["-"]:
        for raw in iter(sys.stdin.buffer.readline, b""):
            question = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            stdout.write(_format(engine.answer(question), as_json, engine) + "\n")
            stdout.flush()
        return 0
    stdout.write(_format(engine.answer(" ".join(words)), as_json, engine) + "\n")
    return 0


def _format(answer: Answer, as_json: bool, engine: Engine) -> str:
    if as_json:
        return json.dumps({
            "question": answer.question, "answered": answer.answered, "answer": answer.text,
            "confidence": answer.confidence, "facts": list(answer.facts),
            "suggestions": [s.question for s in answer.suggestions]}, ensure_ascii=False)
    from .render import plain
    return plain(answer, engine.kb.language(answer.language).templates["did_you_mean"])


def _utf8(stream: IO[str]) -> IO[str]:
    """Never die on a terminal that cannot show a character: replace it instead."""
    try:
        stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    return stream
