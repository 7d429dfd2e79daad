"""Whether a fact says "yes" to a yes/no question, says "no", or leaves it open.

"Yes —" is a claim of its own: it must be what the fact says of the question's subject,
not of someone else it names ("Did Tamara Vučić go to Astana?" is not "Vučić was in
Astana … his wife Tamara went into labor"), not what someone only meant to do ("intended
to visit Expo 2017"), and not the opposite of it ("voted against"). A plain negation of
it is a "No —"; a question of who someone is ("Is Andrei Moldan Norlandic?") is decided by
the person's own country. What the texts cannot decide either way is a decline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..matching import Match
from ..model import Fact
from ..query import Mention, Query
from ..text import fold
from .weights import IN_TEXT, TAGGED

YES, NO, OPEN = "yes", "no", "open"
MEANT = "meant"  # only meant, or the opposite: the fact is the answer, with no "yes"
OTHER = "other"  # said of another doer: no answer
PLAIN = "plain"  # a YES whose words between name what was done

# Clauses of a text: a sentence's end or a semicolon, not the dot of "T." or "1st.".
_CLAUSE = re.compile(r"(?<=[^\sA-ZА-ЯЁ][.!?])\s+|;\s*")


class Verdict:
    """The yes/no decision: what the question asserts read against what the fact says."""

    def _verdict(self, query: Query, fact: Fact, person: str | None = None) -> str | None:
        """YES, NO, OPEN (the fact does not decide it: decline), or None when the text
        gives no ground either way (the answer is the fact, without a "Yes"). `person`
        is whom the conversation's "he"/"she" stands for."""
        said = self._identity(query)
        if said is not None:
            return said
        read, told = self._read_assertion(query, fact, person)
        if read in (OPEN, NO):
            return read
        if read == MEANT:  # "intended to visit Expo 2017": the fact says so, no "yes"
            return None
        return YES if self._plainly(query, fact, told) else None

    def _plainly(self, query: Query, fact: Fact, told: tuple[Mention, ...]) -> bool:
        """"Did Tokayev visit Serbia?" is a yes when the fact is plainly about all of it
        (each thing tagged, or named in its text where the reading found it said of the
        subject: "… met Prime Minister Jonas Eklund"), and states it without a negation
        ("does not recognise" is not a yes)."""
        p = self._profiles[fact.id]
        if any(self._strength(m, fact, p, query) < (IN_TEXT if m in told else TAGGED)
               for m in query.mentions if m.kind != "context"):
            return False
        # (whether a text of it has a negation was noted while indexing: _negating)
        return fact.id not in self._negating

    # --- "Is X Norlandic?", "Was she from Velusia?" -----------------------------------
    def _identity(self, query: Query) -> str | None:
        """A question of what country a person is of, and nothing else: the person's
        own `country` decides it, not a fact that names the country near them."""
        named = [m for m in query.mentions if m.kind != "context"]
        if len(named) != 2 or query.years or query.months or any(
                m.kind != "entity" for m in named):
            return None
        people = [m for m in named if self._all_of_type(m, "person")]
        lands = [m for m in named if m.role != "place" and self._all_of_type(m, "country")]
        if len(people) != 1 or len(lands) != 1 or people[0] is lands[0]:
            return None
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
        being = self.index.grammar(None).get("being", frozenset())
        first = min((at for m in named if (at := self._at(tokens, m)) is not None),
                    default=None)
        if first is None or not being & set(tokens[:first]):
            return None  # "Did X visit Norland?" asks of a deed, not of who X is
        countries = {self.kb.entities[i].country for i in people[0].ids} - {None}
        if len(countries) != 1:
            return None
        return YES if countries <= set(lands[0].ids) else OPEN

    def _all_of_type(self, m: Mention, kind: str) -> bool:
        return bool(m.ids) and all((e := self.kb.entities.get(i)) is not None and
                                   e.type == kind for i in m.ids)

    # --- the subject, what is said of it, and the words between ----------------------
    def _read_assertion(self, query: Query, fact: Fact, person: str | None
                        ) -> tuple[str | None, tuple[Mention, ...]]:
        """Reads the fact's text (in the fact base's language) for each thing the
        question names besides its subject: named after the subject in one clause, with
        nothing between that negates it (NO) or makes it only an intention or its
        opposite (MEANT: the fact answers, with no "yes"); named only where the subject
        is not before it, it is said of someone else (OPEN). None when the text names
        none of them. With it, the things it found said of the subject plainly (YES)."""
        order = self._subject_first(query, person)
        if len(order) < 2:
            return None, ()
        subject, rest = order[0], order[1:]
        if not subject.ids:
            return OPEN, ()  # "is she related to …?" with no one "she" stands for
        code = self.kb.meta.language
        words = self._verdict_words(code)
        asked = {t.stem for t in self.kb.stemming.tokens(query.text)}
        negates = bool(asked & words.negation)
        # "Did Belmora vote against …?" asks of the opposite itself
        mutual = bool(asked & (words.meeting | words.together))
        words = replace(words, negation=words.negation - asked, doubt=words.doubt - asked,
                        company=words.company | (words.meeting if mutual else frozenset()),
                        agent=frozenset() if asked & words.agent else words.agent)
        clauses = [self._read(self._fronted_places(c, code))
                   for c in _CLAUSE.split(fact.texts.get(code, "")) if c]
        someone = all((e := self.kb.entities.get(i)) is not None and e.type == "person"
                      for i in subject.ids)
        verbs = {i for m in query.mentions if m.kind == "concept" and not m.soft
                 for i in m.ids}
        asked_ids = frozenset(i for m in query.mentions if m.kind == "entity" for i in m.ids)
        tokens = self.kb.stemming.tokens

        def said(m: Mention) -> frozenset[str]:
            return frozenset(t.folded for t in tokens(m.text)) if m.ids else frozenset()
        # What is said of the subject by a word ("did Kestria export *wine* …?"): a
        # topic named after the question's verb, besides it.
        verb = next((m for m in query.mentions if m.kind == "concept" and not m.soft), None)
        objects = [m for m in query.mentions if m.kind in ("concept", "word") and
                   not m.soft and m is not verb and verb is not None and
                   query.mentions.index(m) > query.mentions.index(verb) and
                   not set(m.ids) & self._role_concepts]
        verdicts = [self._told_of(set(subject.ids), set(m.ids), clauses, words, someone,
                                  mutual, verbs, _Names(asked_ids, said(subject), said(m)))
                    for m in (*rest, *objects)]
        rest = [*rest, *objects]
        told = tuple(m for m, v in zip(rest, verdicts) if v == PLAIN)
        if OPEN in verdicts:
            return OPEN, told
        if NO in verdicts:
            return (MEANT if negates else NO), told  # ("Didn't X …?": no plain yes or no)
        return (MEANT if MEANT in verdicts else None), told

    def _fronted_places(self, clause: str, code: str) -> str:
        """A clause opened by only a place after a `place_before` word and a comma ("*In
        Varn*, the City Players staged …") is read with that place at its end, where it
        says where what its subject did happened."""
        head, comma, tail = clause.partition(",")
        if not comma or not tail.strip():
            return clause
        before = self.index.grammar([code]).get("place_before", frozenset())
        words = [i for i in self._read(head) if isinstance(i, Match)]
        if len(words) >= 2 and words[0].kind == "stop" and \
                words[0].words[-1].folded in before and words[-1].kind == "entity" and \
                all(i.kind in ("entity", "stop") for i in words[1:]):
            return f"{tail.strip()} {head.strip()}"
        return clause

    def _verdict_words(self, code: str) -> _Words:
        """The stems of a language's words that negate, that make a deed only meant or
        its opposite (`intention`, `opposite`), that join company, name the doer of a
        passive or a meeting (`comitative`, `agent_before`, `company`: "… opened by Mihai
        Stoica", "Ana Corvel … met Queen Maren"), and its pronouns; read once."""
        memo = self.__dict__.setdefault("_verdict_words_memo", {})
        if code not in memo:
            language = self.kb.language(code)

            def stems(*jobs: str) -> frozenset[str]:
                return frozenset(t.stem for job in jobs for w in language.grammar.get(job, ())
                                 for t in self.kb.stemming.tokens(w))
            memo[code] = _Words(
                negation=stems("negation"), doubt=stems("intention", "opposite"),
                company=stems("comitative", "agent_before"), meeting=stems("company"),
                together=stems("comitative"),
                joined=stems("span_and"), agent=stems("agent_before"),
                pronouns=frozenset(fold(w) for job in ("person", "thing")
                                   for w in language.pronouns.get(job, ())))
        return memo[code]

    def _subject_first(self, query: Query, person: str | None) -> list[Mention]:
        """The entities the question names, in the order it names them; where a subject
        pronoun comes first ("is *she* related to Dragomir?"), whom it stands for (the
        conversation's person, or no one: a mention with no ids) comes first."""
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
        pronouns = self._subject_pronouns()
        said = next((i for i, t in enumerate(tokens) if t in pronouns), None)
        placed: list[tuple[int, int, Mention]] = []
        for n, m in enumerate(query.mentions):
            if m.kind != "entity":
                continue
            at = said if m.text == "(previous person)" else self._at(tokens, m)
            if at is not None:
                placed.append((at, n, m))
        placed.sort(key=lambda x: (x[0], x[1]))
        if said is not None and placed and said < placed[0][0] and \
                placed[0][2].text != "(previous person)":
            placed.insert(0, (said, -1, Mention("entity", (person,) if person else (),
                                                "(previous person)")))
        return [m for _, _, m in placed]

    def _subject_pronouns(self) -> frozenset[str]:
        """"he", "she", "он", "ona": person pronouns that are neither only possessive
        nor only objects, in every language (read once)."""
        memo = self.__dict__.get("_subject_pronoun_memo")
        if memo is None:
            grammar = self.index.grammar(None)
            others = {fold(w) for job in ("possessive", "object_pronouns")
                      for w in grammar.get(job, ())}
            memo = frozenset(fold(w) for language in self.kb.languages.values()
                             for w in language.pronouns.get("person", ())) - others
            self.__dict__["_subject_pronoun_memo"] = memo
        return memo

    def _at(self, tokens: list[str], m: Mention) -> int | None:
        """Where the question names this (its first word's place), if it does."""
        said = [t.folded for t in self.kb.stemming.tokens(m.text)]
        return next((i for i in range(len(tokens)) if said and tokens[i:i + len(said)] == said),
                    None)

    def _told_of(self, subject: set[str], thing: set[str], clauses: list[list],
                 words: _Words, someone: bool, mutual: bool, verbs: set[str],
                 names: _Names) -> str | None:
        """What the clauses say of the subject and this thing. YES where the thing is
        named after the subject (or after a pronoun opening a clause that follows one
        about the subject); or before it, as the clause's first person or thing, with
        "with", "by", "and" between ("Aurora 6 lifted off … with … Ines Caldera",
        "… opened by Mihai Stoica"), or with any words between where the question asks
        of something done together (`mutual`: "meet", "sign … with"); right before it
        and joined by "and" ("Serbia and Kazakhstan signed"), in any clause. NO or MEANT by
        the words between; OPEN where it is named of others only. None where no clause
        names it, or none names the subject unless it is a person (a text of "a street
        named after Tesla" need not name the street; one of a person's deed names them).
        PLAIN is a YES where the words between also name what the question says was
        done (`verbs`, its concepts: "visited Halvik and *met* … Jonas Eklund"), or the
        question names nothing done ("is Elin Kvale related to Anders Kvale?")."""
        found = named = False
        said: set[str] = set()
        topic = False
        for items in clauses:
            first = items[0] if items else None
            start: int | None = None
            if topic and first is not None and not _entity_ids(first) and \
                    _words_of(first)[0].folded in words.pronouns:
                start = 0  # "He met President Rafael Osta …": the previous clause's subject
            between: list[str] = []
            done = done_since = False  # a concept of `verbs` named between
            since_thing: list[str] | None = None
            others = theirs = False  # someone else named before the thing: theirs
            for item in items:
                ids = _entity_ids(item) or (_topic_ids(item) & thing)
                if names.both(ids, item):
                    # "the Tito–Stalin split": one name the question names, made of both
                    found = named = True
                    said.add(YES)
                    start, between, done = 0, [], False
                    continue
                if ids & thing:
                    found = True
                    if start is not None:
                        said.add(_plain(words.judge(between), done or not verbs))
                    elif since_thing is None:
                        since_thing, theirs, done_since = [], others, False
                if ids & subject:
                    named = True
                    if since_thing is not None and (since_thing and set(since_thing) <=
                                                    words.joined or (
                            not theirs and (mutual or set(since_thing) & words.company))):
                        said.add(_plain(words.judge(since_thing, forward=False),
                                        done_since or not verbs))
                    start, between, done = 0, [], False
                    continue
                if ids & thing:
                    continue
                if ids and self._all_people(ids):
                    others = True
                stems = [w.stem for w in _words_of(item)]
                does = isinstance(item, Match) and item.kind == "concept" and \
                    bool(set(item.ids) & verbs)
                if start is not None:
                    between.extend(stems)
                    done = done or does
                if since_thing is not None:
                    since_thing.extend(stems)
                    done_since = done_since or does
            people = [set(i.ids) for i in items if isinstance(i, Match) and
                      i.kind == "entity"]
            if people:
                topic = bool(people[0] & subject)
        if not named:
            return OPEN if found and someone else None
        for verdict in (PLAIN, YES, NO, MEANT):
            if verdict in said:
                return verdict
        return OPEN if found else None  # (OTHER, or never after the subject)

    def _all_people(self, ids: set[str]) -> bool:
        return all((e := self.kb.entities.get(i)) is not None and e.type == "person"
                   for i in ids)


@dataclass(frozen=True)
class _Words:
    """The words of the fact base's language that the reading needs, as stems."""

    negation: frozenset[str]
    doubt: frozenset[str]
    company: frozenset[str]
    pronouns: frozenset[str]
    #: "met": before the subject, said of it only where the question asks of meeting.
    meeting: frozenset[str] = frozenset()
    #: "with": a question of something done together ("sign … with").
    together: frozenset[str] = frozenset()
    #: "and": "Elin Kvale and Sofia Varga signed" is said of both.
    joined: frozenset[str] = frozenset()
    #: "by": after the subject, names another doer ("administered by Kestria and
    #: claimed by Halmland") unless the question names a doer so itself.
    agent: frozenset[str] = frozenset()

    def judge(self, between: list[str], forward: bool = True) -> str:
        """What the words between the subject and the thing make of it."""
        words = set(between)
        if forward and set(between[-2:]) & self.agent:
            # "administered by Kestria and claimed *by* Halmland", "… by President X"
            return OTHER
        return NO if words & self.negation else MEANT if words & self.doubt else YES


@dataclass(frozen=True)
class _Names:
    """The question's own names: a text's name of one of them ("the Tito–Stalin split")
    that holds the words of both the subject and the thing names both at once."""

    asked: frozenset[str]
    subject: frozenset[str]
    thing: frozenset[str]

    def both(self, ids: set[str], item) -> bool:
        if not (ids & self.asked and self.subject and self.thing):
            return False
        written = {w.folded for w in _words_of(item)}
        return self.subject <= written and self.thing <= written


def _plain(verdict: str, done: bool) -> str:
    return PLAIN if verdict == YES and done else verdict


def _entity_ids(item) -> set[str]:
    """The entities a read phrase names: a name, or a country by its adjective."""
    return set(item.ids) if isinstance(item, Match) and item.kind in ("entity", "demonym") \
        else set()


def _topic_ids(item) -> set[str]:
    """The topics a read phrase names by a word ("wine"), for a thing asked by one."""
    return set(item.ids) if isinstance(item, Match) and item.kind in ("concept", "word") \
        else set()


def _words_of(item) -> tuple:
    return item.words if isinstance(item, Match) else (item,)
