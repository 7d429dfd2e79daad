"""`kazserb-bot new DIR`: a minimal fact base that passes `check` and answers its example
questions, with comments that teach the format (knowledge/SCHEMA.md has the rest).

The facts are invented, about an invented choir: replace them with your own.
"""
from __future__ import annotations

from pathlib import Path

FILES = {
    "meta.yaml": """\
# What this fact base is about and where its facts come from (shown by /about).
title: The Riverton Choir
description: When the choir was founded and who conducts it.
source:
  title: The Riverton Choir – a short history
  publisher: Riverton Town Library
  url: https://example.org/riverton-choir
  licence: CC BY 4.0
  licence_url: https://creativecommons.org/licenses/by/4.0/
# The language the facts are written in. The engine ships language packs for en, ru,
# sr, sr-Cyrl and kk: question words, stop words, months and the bot's sentences.
language: en
# Facts whose `question` /start and /help show as examples.
examples: [choir_founded, conductor_appointed]
# Browsing commands beyond /timeline: /conductors lists the facts of kind `appointment`.
lists:
  - command: conductors
    title: Conductors
    description: Who has conducted the choir
    kinds: [appointment]
""",
    "entities.yaml": """\
# Things a question can name. `aliases` are other spellings; an alias belongs to one
# entity only. Types: country, person, place, organisation, event, award, thing.
- id: riverton_choir
  type: organisation
  name: Riverton Choir
  aliases: [the choir, Riverton Singers]
  within: riverton
  description: A town choir founded in 1998.

- id: riverton
  type: place
  name: Riverton
  description: The town the choir sings in.

- id: maria_example
  type: person
  name: Maria Example
  surname: Example
  description: Conductor of the Riverton Choir since 2015.
""",
    "facts.yaml": """\
# One claim of the source per fact. `kind` is a concept of languages/en.yaml; who, where
# and tags are entity (or concept) ids; `question` must be answered by this very fact
# (`kazserb-bot check` asks it). Dates: YYYY, YYYY-MM, YYYY-MM-DD, ranges with /END.
- id: choir_founded
  kind: founding
  date: 1998-09
  section: History
  who: [riverton_choir]
  where: [riverton]
  question: When was the Riverton Choir founded?
  text: The Riverton Choir was founded in Riverton by twelve singers.

- id: conductor_appointed
  kind: appointment
  date: 2015-01-10
  section: People
  who: [maria_example]
  tags: [riverton_choir]
  question: Who conducts the Riverton Choir?
  text: Maria Example became the conductor of the Riverton Choir.
""",
    "languages/en.yaml": """\
# The domain words of English questions: concepts and the cue words that name them.
# Everything generic (question words, stop words, months, templates) comes from the
# engine's English pack; a list here extends the pack's, a template here replaces it.
language: en

concepts:
  founding: [found, founded, founding, foundation, start, started, formed, begin, began]
  appointment: [conductor, conducts, conduct, conducted, director, appointed, leads, leader]

# Words that name what this fact base knows nothing about: a question with one of them
# is declined even if it names something known ("When did the choir tour Japan?").
outside: [Japan, tour, tours]
""",
}


class ScaffoldError(Exception):
    """The directory cannot take a new fact base."""


def write_scaffold(directory: Path) -> list[Path]:
    """Write the files; refuse a directory that already holds anything."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} exists and is not an empty directory")
    written = []
    for name, text in FILES.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
