"""The browsing commands every front end offers: /timeline, /about, /help, /language,
and the lists a fact base declares in meta.yaml (ours: /missions).

They return lines, not text, so the console prints them and Telegram pages them.
"""
from __future__ import annotations

import re

from .dates import chronological, sort_key
from .engine import Engine
from .model import BrowseList, Fact, Line, Segment
from .query import parse

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–—]|\.\.)\s*(\d{4})\s*$|^\s*(\d{4})\s*$")


def timeline(engine: Engine, filter_text: str, language: str | None = None
             ) -> tuple[Line, list[Line]]:
    """Dated events in date order, optionally only a year, a span of years or a name.

    Returns the title line and the event lines; no events gives one explanatory line.
    """
    lang = engine.kb.language(language)
    title = lang.templates["timeline_title"]
    facts = _filter(engine, filter_text)
    label = filter_text.strip()
    header: Line = (Segment(f"{title}: {label}" if label else title, strong=True),)
    if not facts:
        return header, [(Segment(lang.templates["timeline_empty"].format(filter=label or "—")),)]
    return header, [engine.fact_line(f, lang.code) for f in facts]


def _filter(engine: Engine, filter_text: str) -> list[Fact]:
    dated = [f for f in engine.kb.facts if f.date]
    dated.sort(key=chronological)
    text = filter_text.strip()
    if not text:
        return dated
    years = _YEARS.match(text)
    if years:
        first = int(years.group(1) or years.group(3))
        last = int(years.group(2) or first)
        first, last = min(first, last), max(first, last)
        return [f for f in dated if f.date and f.date.covers_year(first, last)]
    query = parse(text, engine.index)
    if query.unknown or not (query.mentions or query.years):
        return []
    return [f for f in dated if engine.is_about(f, query)]


def browse_list(engine: Engine, command: str) -> BrowseList | None:
    """The list a command names, if the fact base declares one."""
    return next((b for b in engine.kb.meta.lists if b.command == command), None)


def listing(engine: Engine, browse: BrowseList, language: str | None = None
            ) -> tuple[Line, list[Line]]:
    """A declared list: standing facts first, then what happened, by date."""
    lang = engine.kb.language(language)
    facts = [f for f in engine.kb.facts if browse.lists(f)]
    facts.sort(key=lambda f: (f.date is not None, sort_key(f.date), f.id))
    return ((Segment(engine.kb.text(browse.titles, lang.code), strong=True),),
            [engine.fact_line(f, lang.code) for f in facts])


def commands(engine: Engine, language: str | None = None) -> list[tuple[str, str]]:
    """(command, what it does) for /help and Telegram's command menu, in that order."""
    kb = engine.kb
    templates = kb.language(language).templates
    code = kb.language(language).code
    return [("start", templates["cmd_start"]), ("help", templates["cmd_help"]),
            ("timeline", templates["cmd_timeline"].format(name=_example_name(engine, code))),
            *((b.command, kb.text(b.descriptions, code)) for b in kb.meta.lists),
            ("about", templates["cmd_about"]), ("language", templates["cmd_language"])]


def _example_name(engine: Engine, code: str) -> str:
    """A name to show as a /timeline filter: someone of the first example, else anyone."""
    kb = engine.kb
    ids = [i for fid in kb.meta.examples if (f := kb.fact(fid)) for i in (*f.who, *f.where)]
    entity = next((kb.entities[i] for i in (*ids, *kb.entities) if i in kb.entities), None)
    if entity is None:
        return "…"
    return kb.text(entity.names, code)


def about(engine: Engine, language: str | None = None) -> str:
    """Where the facts come from: the source's own title, address and licence."""
    meta = engine.kb.meta
    source = {"title": meta.title, "publisher": "", "url": "", "licence": "",
              "licence_url": "", **meta.source, "name": engine.kb.title(language)}
    return engine.kb.language(language).templates["about"].format(**source)


def help_text(engine: Engine, language: str | None = None, extra: tuple[tuple[str, str], ...] = ()
              ) -> str:
    """How to ask, the examples, and every command (`extra`: the front end's own)."""
    examples = "\n".join(f"  {q}" for q in engine.examples(language))
    lines = "\n".join(f"/{c} – {d}" for c, d in (*commands(engine, language), *extra)
                      if c != "start")
    return engine.kb.language(language).templates["help"].format(
        title=engine.kb.title(language), examples=examples, commands=lines)


def choose_language(engine: Engine, current: str | None, argument: str
                    ) -> tuple[str | None, str]:
    """`/language CODE`: the chosen language (None when nothing changes) and the reply,
    written in the language it leaves the conversation in."""
    kb = engine.kb
    wanted = argument.strip().lower()
    now = kb.language(current)
    if not wanted:
        options = ", ".join(f"{code} ({lang.name})" for code, lang in kb.languages.items())
        return None, now.templates["language_choose"].format(name=now.name) + " " + options
    for code, lang in kb.languages.items():
        if wanted in (code.lower(), lang.name.lower()):
            return code, lang.templates["language_set"].format(name=lang.name)
    return None, now.templates["language_unknown"].format(
        code=argument.strip(), codes=", ".join(kb.languages))
