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

YES, NO, OPEN = "yes", "no", "open"
MEANT = "meant"  # only meant, or the opposite: the fact is the answer, with no "yes"

# Clauses of a text: a sentence's end or a semicolon, not the dot of "T." or "1st.".
_CLAUSE = re.compile(r"(?<=[^\sA-ZА-ЯЁ][.!?])\s+|;\s*")


class Verdict:
    """The yes/no decision: what the question asserts read against what the fact says."""

    def _verdict(self, query: Query, fact: Fact) -> str | None:
        """YES, NO, OPEN (the fact does not decide it: decline), or None when the text
        gives no ground either way (the answer is the fact, without a "Yes")."""
        said = self._identity(query)
        if said is not None:
            return said
        read = self._read_assertion(query, fact)
        if read in (OPEN, NO):
            return read
        if read == MEANT:  # "intended to visit Expo 2017": the fact says so, no "yes"
            return None
        return YES if self._affirms(query, fact) else None

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
        first = min((self._at(tokens, m) for m in named), default=None)
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
    def _read_assertion(self, query: Query, fact: Fact) -> str | None:
        """Reads the fact's text (in the fact base's language) for each thing the
        question names besides its subject: named after the subject in one clause, with
        nothing between that negates it (NO) or makes it only an intention or its
        opposite (MEANT: the fact answers, with no "yes"); named only where the subject
        is not before it, it is said of someone else (OPEN). None when the text names
        none of them."""
        order = self._subject_first(query)
        if len(order) < 2:
            return None
        subject, rest = order[0], order[1:]
        code = self.kb.meta.language
        words = self._verdict_words(code)
        asked = {t.stem for t in self.kb.stemming.tokens(query.text)}
        negates = bool(asked & words.negation)
        # "Did Belmora vote against …?" asks of the opposite itself
        words = replace(words, negation=words.negation - asked, doubt=words.doubt - asked)
        clauses = [self._read(c) for c in _CLAUSE.split(fact.texts.get(code, "")) if c]
        verdicts = [self._told_of(set(subject.ids), set(m.ids), clauses, words)
                    for m in rest]
        if OPEN in verdicts:
            return OPEN
        if NO in verdicts:
            return MEANT if negates else NO  # ("Didn't X …?": no plain yes or no)
        return MEANT if MEANT in verdicts else None

    def _verdict_words(self, code: str) -> _Words:
        """The stems of a language's words that negate, that make a deed only meant or
        its opposite (`intention`, `opposite`), that join company or name the doer of a
        passive (`comitative`, `agent_before`: "… opened by Mihai Stoica"), and its
        pronouns; read once."""
        memo = self.__dict__.setdefault("_verdict_words_memo", {})
        if code not in memo:
            language = self.kb.language(code)

            def stems(*jobs: str) -> frozenset[str]:
                return frozenset(t.stem for job in jobs for w in language.grammar.get(job, ())
                                 for t in self.kb.stemming.tokens(w))
            memo[code] = _Words(
                negation=stems("negation"), doubt=stems("intention", "opposite"),
                company=stems("comitative", "agent_before"),
                pronouns=frozenset(fold(w) for job in ("person", "thing")
                                   for w in language.pronouns.get(job, ())))
        return memo[code]

    def _subject_first(self, query: Query) -> list[Mention]:
        """The entities the question names, in the order it names them; the previous
        answer's person stands where the question's pronoun does ("is *she* related to
        Dragomir?")."""
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
        person = {*self.index.grammar(None).get("female", ()), *self.index.grammar(None).get(
            "male", ())}
        placed: list[tuple[int, int, Mention]] = []
        for n, m in enumerate(query.mentions):
            if m.kind != "entity":
                continue
            at = next((i for i, t in enumerate(tokens) if t in person), None) \
                if m.text == "(previous person)" else self._at(tokens, m)
            if at is not None:
                placed.append((at, n, m))
        return [m for _, _, m in sorted(placed, key=lambda x: (x[0], x[1]))]

    def _at(self, tokens: list[str], m: Mention) -> int | None:
        """Where the question names this (its first word's place), if it does."""
        said = [t.folded for t in self.kb.stemming.tokens(m.text)]
        return next((i for i in range(len(tokens)) if said and tokens[i:i + len(said)] == said),
                    None)

    @staticmethod
    def _told_of(subject: set[str], thing: set[str], clauses: list[list], words: _Words
                 ) -> str | None:
        """What the clauses say of the subject and this thing: YES where it is named
        after the subject (or a pronoun opening a clause after one about the subject),
        or before it with a word of company between ("lifted off with … Ines Caldera");
        NO or OPEN by the words between; OPEN where it is named of others only. None
        where no clause names it, or none names the subject (a text of "a street named
        after Tesla" says nothing of who did what)."""
        found = named = False
        said: set[str] = set()
        topic = False
        for items in clauses:
            start: int | None = None
            first = items[0] if items else None
            if topic and first is not None and not (isinstance(first, Match) and
                                                    first.kind == "entity") and \
                    _words_of(first)[0].folded in words.pronouns:
                start = 0  # "He met President Rafael Osta …": the previous clause's subject
            between: list[str] = []
            since_thing: list[str] | None = None
            for item in items:
                ids = set(item.ids) if isinstance(item, Match) and item.kind == "entity" \
                    else set()
                if ids & thing:
                    found = True
                    if start is not None:
                        said.add(words.judge(between))
                    else:
                        since_thing = []
                if ids & subject:
                    named = True
                    if since_thing is not None and set(since_thing) & words.company:
                        said.add(words.judge(since_thing))
                    start, between = 0, []
                    continue
                stems = [w.stem for w in _words_of(item)]
                if start is not None:
                    between.extend(stems)
                if since_thing is not None:
                    since_thing.extend(stems)
            entities = [set(i.ids) for i in items if isinstance(i, Match) and
                        i.kind == "entity"]
            if entities:
                topic = bool(entities[0] & subject)
        if not named:
            return None
        for verdict in (YES, NO, MEANT):
            if verdict in said:
                return verdict
        return OPEN if found else None


@dataclass(frozen=True)
class _Words:
    """The words of the fact base's language that the reading needs, as stems."""

    negation: frozenset[str]
    doubt: frozenset[str]
    company: frozenset[str]
    pronouns: frozenset[str]

    def judge(self, between: list[str]) -> str:
        """What the words between the subject and the thing make of it."""
        words = set(between)
        return NO if words & self.negation else MEANT if words & self.doubt else YES


def _words_of(item) -> tuple:
    return item.words if isinstance(item, Match) else (item,)
