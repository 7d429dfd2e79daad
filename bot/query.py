"""Reading a question: what it names, what it asks for, and what it says that we don't know."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .matching import Match, TermIndex
from .model import Context
from .text import Token

#: Grammatical job ("owner_before", "place_before", "range") → the words that do it.
Grammar = dict[str, frozenset[str]]
_YEAR = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


@dataclass(frozen=True)
class Mention:
    """A topic the question names. `ids` are alternatives (a surname shared by three people).

    `role` is "owner" where the question names the country as the owner or nationality
    ("Serbian", "Kazakhstan's embassy"), "place" where it names where something happened
    ("in Serbia"), else "any".
    """

    kind: str
    ids: tuple[str, ...]
    text: str
    role: str = "any"


@dataclass(frozen=True)
class Query:
    text: str
    mentions: tuple[Mention, ...]
    intents: frozenset[str]
    modifiers: frozenset[str]
    years: tuple[tuple[int, int], ...]
    months: frozenset[int]
    pronouns: frozenset[str]
    #: Words we could not read: they make the question less likely to be answerable.
    unknown: tuple[str, ...]
    #: Names and topics we know nothing about ("China", "Baiterek"): the question is not ours.
    foreign: tuple[str, ...] = ()
    #: Language code → how many of the question's words come from that language's lists.
    votes: tuple[tuple[str, int], ...] = ()


def parse(text: str, index: TermIndex) -> Query:
    """Turn a question into a Query; never fails, whatever the text."""
    found = index.find(text)
    mentions: list[Mention] = []
    intents: set[str] = set()
    modifiers: set[str] = set()
    pronouns: set[str] = set()
    months: set[int] = set()
    years: list[tuple[int, int]] = []
    unknown: list[str] = []
    foreign: list[str] = []
    votes: Counter[str] = Counter()
    for item in found:
        if isinstance(item, Match) and item.kind not in ("entity", "demonym") \
                and not item.corrected:
            votes.update(item.languages)
    top = max(votes.values(), default=0)
    grammar = index.grammar([code for code, n in votes.items() if n == top] if top else None)
    last_entity = -9
    for pos, item in enumerate(found):
        if isinstance(item, Token):
            m = _YEAR.match(item.folded)
            if m:
                first = int(m.group(1))
                years.append((first, int(m.group(2) or first)))
            elif not item.folded.isdigit() and not _is_possessive_s(found, pos, grammar):
                # A capitalised word inside the sentence is a name: one we don't know.
                (foreign if pos > 0 and item.text[:1].isupper() else unknown).append(item.text)
            continue
        kind = item.kind
        if kind == "outside":
            foreign.append(item.text)
        if kind in ("entity", "demonym"):
            owner = kind == "demonym" or _is_possessive_s(found, pos + 1, grammar) \
                or _follows(found, pos, grammar, "owner_before")
            role = "owner" if owner else "place" if _follows(found, pos, grammar, "place_before") \
                else "any"
            mention = Mention("entity", item.ids, item.text, role)
            if _follows(found, pos, grammar, "alternative") and last_entity == pos - 2:
                # "Tokayev or Nazarbayev": one mention that either of them answers.
                previous = mentions.pop()
                mention = replace(previous, ids=tuple(dict.fromkeys(previous.ids + item.ids)),
                                  text=f"{previous.text} / {item.text}")
            mentions.append(mention)
            last_entity = pos
        elif kind in ("concept", "word"):
            mentions.append(Mention(kind, item.ids, item.text))
        elif kind == "intent":
            intents.update(item.ids)
        elif kind == "modifier":
            modifiers.update(item.ids)
        elif kind == "pronoun":
            pronouns.update(item.ids)
        elif kind == "month":
            months.update(int(i) for i in item.ids)
    if len(years) == 2 and years[0][0] == years[0][1] and years[1][0] == years[1][1] \
            and _says_range(found, grammar):
        years = [(min(years[0][0], years[1][0]), max(years[0][0], years[1][0]))]
    return Query(text=text, mentions=tuple(_dedupe(mentions)), intents=frozenset(intents),
                 modifiers=frozenset(modifiers), years=tuple(years), months=frozenset(months),
                 pronouns=frozenset(pronouns), unknown=tuple(unknown), foreign=tuple(foreign),
                 votes=tuple(votes.most_common()))


def with_context(query: Query, context: Context) -> Query:
    """Resolve "he", "that" and bare follow-ups ("Why?") against the previous answer."""
    mentions = list(query.mentions)
    has_entity = any(m.kind == "entity" for m in mentions)
    if "person" in query.pronouns and context.person and not has_entity:
        mentions.append(Mention("entity", (context.person,), "(previous person)"))
    bare = not mentions and not query.years and not query.months
    if context.facts and (("thing" in query.pronouns and not has_entity) or
                          (bare and (query.intents or query.modifiers))):
        mentions.append(Mention("context", context.facts, "(previous answer)"))
    if len(mentions) == len(query.mentions):
        return query
    return replace(query, mentions=tuple(mentions))


def _words(item: Match | Token | None) -> tuple[Token, ...]:
    return item.words if isinstance(item, Match) else (item,) if item else ()


def _is_possessive_s(found: list, pos: int, grammar: Grammar) -> bool:
    """'s after a name: "Kazakhstan's embassy" names the owner."""
    words = _words(found[pos] if 0 <= pos < len(found) else None)
    return len(words) == 1 and words[0].folded in grammar.get("owner_after", ())


def _follows(found: list, pos: int, grammar: Grammar, job: str) -> bool:
    """True when the word before is one with this grammatical job: "embassy *of* Serbia"
    names the owner, "opened *in* Serbia" the place."""
    words = _words(found[pos - 1] if pos > 0 else None)
    return bool(words) and words[-1].folded in grammar.get(job, ())


def _says_range(found: list, grammar: Grammar) -> bool:
    """"between 2010 and 2016", "from 2010 to 2016": two years that bound a range."""
    return any(w.folded in grammar.get("range", ()) for item in found for w in _words(item))


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[str, tuple[str, ...]], Mention] = {}
    for m in mentions:
        key = (m.kind, m.ids)
        if key not in seen or m.role == "owner":
            seen[key] = m
    return list(seen.values())
