"""The `kazserb-bot` command: ask, console, check, telegram, eval, new.

Thin: it reads arguments, loads the fact base once, and hands over to a front end.
Exit codes: 0 done, 1 the fact base has problems (or a threshold was missed),
2 bad usage, missing settings, or `new` into a directory that is not empty.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path
from typing import IO, Sequence

from .engine import Engine
from .engine.compiled import load_engine
from .factbase import KnowledgeError, Problem
from .model import Answer, Context


def default_knowledge() -> Path:
    """The fact base shipped with the package (installed), or the repository's (source)."""
    installed = Path(__file__).resolve().parent / "knowledge"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[1] / "knowledge"


def _subject(argv: Sequence[str]) -> str:
    """What `--help` says the bot answers about: the title of the fact base it would load.
    Read only for --help, so that other commands start no slower."""
    knowledge = default_knowledge()
    for i, arg in enumerate(argv):
        if arg == "--knowledge" and i + 1 < len(argv):
            knowledge = Path(argv[i + 1])
        elif arg.startswith("--knowledge="):
            knowledge = Path(arg.split("=", 1)[1])
    try:
        import yaml
        title = yaml.safe_load((knowledge / "meta.yaml").read_text(encoding="utf-8"))["title"]
        return f"“{title}” (from {knowledge})"
    except Exception:  # any unreadable fact base: --help must still work
        return f"the fact base in {knowledge}"


def _parser(subject: str = "a fact base") -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                        help="fact base directory (default: the one shipped with the bot)")
    parser = argparse.ArgumentParser(
        prog="kazserb-bot", parents=[common],
        description=f"Answers questions about {subject}.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question (or '-' for stdin)")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read one per line")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    ask.add_argument("--conversation", action="store_true",
                     help="with '-': consecutive lines are one conversation (follow-ups see "
                          "the previous answers); an empty line starts a new one")
    sub.add_parser("console", parents=[common], help="chat in the terminal, no token needed")
    sub.add_parser("check", parents=[common],
                   help="validate the fact base: every problem as file:line: message")
    new = sub.add_parser("new", help="write a minimal fact base to start from")
    new.add_argument("directory", metavar="DIR", type=Path, help="where (must not exist or be empty)")
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
                        help="score a question or conversation set with latencies")
    ev.add_argument("file", metavar="FILE",
                    help="question set (YAML list of q + expect/abstain) or conversation set "
                         "(list of id + turns, as dev_conversations.yaml)")
    ev.add_argument("--min-accuracy", type=float, metavar="X", help="exit 1 below this (0-1)")
    ev.add_argument("--min-abstain", type=float, metavar="X", help="exit 1 below this (0-1)")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; a reader that stops reading (`| head`) ends it quietly."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # Python would report the failed flush at exit: point stdout at nothing first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_help = any(a in ("-h", "--help") for a in argv)
    args = _parser(_subject(argv) if wants_help else "a fact base").parse_args(argv)
    if args.command == "new":
        from .factbase.scaffold import ScaffoldError, write_scaffold
        try:
            written = write_scaffold(args.directory)
        except ScaffoldError as exc:
            print(f"kazserb-bot: {exc}", file=sys.stderr)
            return 2
        print(f"Wrote {len(written)} files to {args.directory}. Next:\n"
              f"  kazserb-bot check --knowledge {args.directory}\n"
              f"  kazserb-bot console --knowledge {args.directory}")
        return 0
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
        if args.command == "check":  # always from the YAML: its problems, with lines
            from .factbase.loader import load_knowledge
            kb = load_knowledge(knowledge)
            engine = Engine(kb)
        else:
            engine = load_engine(knowledge).engine
            kb = engine.kb
    except KnowledgeError as exc:
        _report(knowledge, exc.problems)
        return 1
    if args.command == "check":
        from .factbase.authoring import authoring_problems
        problems = authoring_problems(kb, engine)
        if problems:
            _report(knowledge, problems)
            return 1
        print(f"{knowledge}: OK – {len(kb.entities)} entities, {len(kb.facts)} facts, "
              f"{len(kb.languages)} language(s)")
        return 0
    gc.freeze()  # `check` built its own engine; load_engine's is frozen already
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
    return _ask(engine, args.question, args.json, stdout, args.conversation)


def _report(knowledge: Path, problems: Sequence[Problem]) -> None:
    print(f"kazserb-bot: the fact base in {knowledge} has {len(problems)} problem(s):",
          file=sys.stderr)
    for problem in problems:
        print(f"{Path(knowledge) / problem.file}:{problem.line}: {problem.message}",
              file=sys.stderr)


def _ask(engine: Engine, words: list[str], as_json: bool, stdout: IO[str],
         conversation: bool = False) -> int:
    if words == ["-"]:
        context = Context()
        for raw in iter(sys.stdin.buffer.readline, b""):
            question = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if conversation and not question.strip():
                context = Context()  # an empty line ends the conversation; no reply
                continue
            answer = engine.answer(question, context)
            if conversation:
                context = answer.context
            stdout.write(_format(answer, as_json, engine) + "\n")
            stdout.flush()
        return 0
    if conversation:
        print("kazserb-bot: --conversation reads questions from stdin: use 'ask --conversation -'",
              file=sys.stderr)
        return 2
    stdout.write(_format(engine.answer(" ".join(words)), as_json, engine) + "\n")
    return 0


def _format(answer: Answer, as_json: bool, engine: Engine) -> str:
    if as_json:
        return json.dumps({
            "question": answer.question, "answered": answer.answered, "answer": answer.text,
            "confidence": answer.confidence, "facts": list(answer.facts),
            "nearest": list(answer.nearest),
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
