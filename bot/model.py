"""The data model: what a fact base holds and what an answer carries.

Everything here is frozen, so a loaded fact base can be shared by every chat and every
thread without locks, and an answer can be rendered by any front end without surprises.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from types import MappingProxyType
from typing import Any, Mapping

from .text import DEFAULT, Stemming

#: Text in several languages, keyed by language code ("en", "ru", "sr", "sr-Cyrl", "kk").
Texts = Mapping[str, str]


@dataclass(frozen=True, order=True, slots=True)
class FuzzyDate:
    """A date as precise as the source is: a year, a month, a day, or a range of them.

    `qualifier` keeps the source's "early"/"mid"/"late" (as in "early June 2015").
    """

    year: int
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    qualifier: str | None = None

    @property
    def last_year(self) -> int:
        return self.end_year or self.year

    def covers_year(self, first: int, last: int) -> bool:
        """True when the date's span overlaps the years first..last."""
        return self.year <= last and self.last_year >= first


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a question can name: a country, person, place, organisation or thing."""

    id: str
    type: str
    names: Texts
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    surname: str | None = None
    country: str | None = None
    within: str | None = None
    descriptions: Texts = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Fact:
    """One claim of the source, with what it is about."""

    id: str
    kind: str
    texts: Texts
    section: str
    date: FuzzyDate | None = None
    who: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    part_of: str | None = None
    questions: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Language:
    """What one language contributes: question words, month names, answer templates."""

    code: str
    name: str
    concepts: Mapping[str, tuple[str, ...]]
    intents: Mapping[str, tuple[str, ...]]
    modifiers: Mapping[str, tuple[str, ...]]
    pronouns: Mapping[str, tuple[str, ...]]
    grammar: Mapping[str, tuple[str, ...]]
    stopwords: tuple[str, ...]
    #: Names and topics the fact base knows it has nothing about ("China", "currency").
    outside: tuple[str, ...]
    months: tuple[str, ...]
    qualifiers: Mapping[str, str]
    templates: Mapping[str, str]
    #: How a date reads, e.g. "{day} {month} {year}"; filled in by `dates.format_date`.
    date_formats: Mapping[str, str] = field(default_factory=dict)
    #: Month names for a month without a day, where the language inflects them
    #: (Russian "июнь 2017" but "9 июня 2017"); empty means `months`.
    months_standalone: tuple[str, ...] = ()
    #: Small talk by kind ("greeting", "thanks", "abuse", "opinion"…) → its phrases.
    social: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Time a question is set in beyond the source: "present", "future", "hypothetical".
    scope: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: "after"/"before" → the words that ask for the event next to another one.
    sequence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Position ("2", "3"…) → ordinal words ("second"); "first"/"latest" are modifiers.
    ordinals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Number ("2", "5"…) → number words ("two", "five"), for counts a fact's text states.
    numbers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Where texts missing in this language come from (Kazakh → Russian), before the base.
    fallback: str | None = None
    #: Letters typical of this language and not of its neighbours, for detecting it.
    letters: str = ""
    #: The Snowball algorithm its words are stemmed with ("english", "russian", "none").
    stemmer: str = "none"
    #: Every key of the merged language pack and fact base file, the named fields above
    #: included: what a newer engine reads without the loader knowing the key.
    vocabulary: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Meta:
    """What the fact base is about and where it comes from."""

    title: str
    description: str
    source: Mapping[str, str]
    language: str
    #: Fact ids whose questions serve as examples.
    examples: tuple[str, ...]
    #: Browsing commands beyond /timeline (`/missions`), in the order meta.yaml gives them.
    lists: tuple["BrowseList", ...] = ()
    #: Languages every fact and name must be available in (directly or by fallback).
    languages: tuple[str, ...] = ()
    #: The title in other languages (translations/CODE.yaml `title`).
    titles: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class BrowseList:
    """A command that lists facts: those whose kind or tags is one of `concepts`, whose
    kind is one of `kinds`, or whose id is in `facts`."""

    command: str
    titles: Texts
    descriptions: Texts
    concepts: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()

    def lists(self, fact: Fact) -> bool:
        return bool(set(self.concepts) & {fact.kind, *fact.tags}) or fact.kind in self.kinds \
            or fact.id in self.facts


@dataclass(frozen=True)
class KnowledgeBase:
    """A loaded, validated fact base."""

    meta: Meta
    entities: Mapping[str, Entity]
    facts: tuple[Fact, ...]
    languages: Mapping[str, Language]
    #: How words are stemmed, chosen from the languages' packs.
    stemming: Stemming = DEFAULT
    #: Where things were written, for reporting problems found after loading:
    #: ("fact", id, "question", language) → (file, line).
    origins: Mapping[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entities", MappingProxyType(dict(self.entities)))
        object.__setattr__(self, "languages", MappingProxyType(dict(self.languages)))
        object.__setattr__(self, "_facts_by_id", MappingProxyType({f.id: f for f in self.facts}))

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts_by_id.get(fact_id)  # type: ignore[attr-defined]

    def language(self, code: str | None) -> Language:
        return self.languages.get(code or "", None) or self.languages[self.meta.language]

    def chain(self, code: str | None) -> tuple[str, ...]:
        """Where a text in `code` is looked for: the language, its fallbacks, the base."""
        chain = [self.language(code).code]
        while (lang := self.languages.get(chain[-1])) and lang.fallback \
                and lang.fallback not in chain:
            chain.append(lang.fallback)
        return (*chain, self.meta.language)

    def title(self, code: str | None) -> str:
        return self.text({self.meta.language: self.meta.title, **self.meta.titles}, code)

    def text(self, texts: Texts, code: str | None) -> str:
        """`texts` in the reader's language, else the nearest one it falls back to."""
        return pick(texts, self.chain(code))


@dataclass(frozen=True)
class Segment:
    """A run of answer text; `strong` runs are shown in bold where the front end can."""

    text: str
    strong: bool = False


#: One line of an answer.
Line = tuple[Segment, ...]


@dataclass(frozen=True)
class Suggestion:
    """A question the bot can answer, offered as "did you mean" or "related"."""

    question: str
    fact_id: str


@dataclass(frozen=True)
class Context:
    """What a conversation remembers between questions, for "What did he say?"."""

    person: str | None = None
    facts: tuple[str, ...] = ()
    language: str | None = None
    #: What the last question named besides people, as "kind|role|id,id|text", and what it
    #: asked: "and Nikolić?" asks it again about someone else.
    topics: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    #: The event a "before/after" answer was next to: "and before him?" keeps it.
    pivot: str | None = None


def context_to_dict(ctx: Context) -> dict:
    """A conversation context as plain JSON-able data, for a store that outlives the process."""
    return {f.name: list(v) if isinstance(v := getattr(ctx, f.name), tuple) else v
            for f in fields(Context)}


def context_from_dict(data: dict) -> Context:
    """A stored context back, across engine upgrades: lists become tuples again, unknown keys
    are ignored and missing ones take their defaults."""
    known = {}
    for f in fields(Context):
        if f.name in data:
            value = data[f.name]
            known[f.name] = tuple(value) if isinstance(value, list) else value
        elif f.default is MISSING and f.default_factory is MISSING:  # type: ignore[misc]
            raise ValueError(f"stored context lacks {f.name!r}")
    return Context(**known)


@dataclass(frozen=True)
class Answer:
    """The engine's reply, independent of how a front end shows it."""

    question: str
    answered: bool
    lines: tuple[Line, ...]
    confidence: float = 0.0
    facts: tuple[str, ...] = ()
    #: A decline's nearest facts: what the fact base has, shown as not the answer.
    nearest: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    related: tuple[Suggestion, ...] = ()
    context: Context = field(default_factory=Context)
    language: str = "en"

    @property
    def text(self) -> str:
        return "\n".join("".join(s.text for s in line) for line in self.lines)


def pick(texts: Texts, languages: str | tuple[str, ...]) -> str:
    """The text in the first of `languages` that has one, else any."""
    for code in (languages,) if isinstance(languages, str) else languages:
        found = texts.get(code)  # one look-up: texts kept on disk decode on each
        if found is not None:
            return found
    return next(iter(texts.values()), "")
