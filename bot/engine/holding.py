"""Whether a fact answers a question: it must hold everything the question names, in
the role it names it, and give what the question asks for (a date, a day, someone, a
name, a number). A fact that does not is at most the nearest thing the bot has.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Callable

from ..dates import chronological, sort_key
from ..model import Fact
from ..query import Mention, Query
from ..matching import Match
from ..text import Token, fold
from .index import _held
from .scoring import InDateOrder
from .weights import (ANSWER_THRESHOLD, ANSWER_TYPES, BROAD, CAUSE, IN_PASSING, IN_TEXT,
                      NAMED_TYPES, QUESTION_MEMO, REASON, TAGGED, TIE, TITLE_REACH,
                      TOLERATE, _CLOCK, _YEARLIKE)


def _like(a: str, b: str) -> bool:
    """Two stems of one word: the same, or one a letter longer (Russian "почетны" of
    "почетный", whose "й" folds to "и", and "почетн" of "почетным")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) == len(short) + 1 and long_.startswith(short)


def _nth(items: list, n: int) -> list:
    """The n-th of the items (-1: the last) as a list of one, or none."""
    if n > 0:
        return items[n - 1:n]
    return items[n:][:1] if len(items) >= -n else []


#: A number in a text, and where a clause ends for what it is the number of.
_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,]*")
_CLAUSE_END = re.compile(r"[;:]|\.\s")


class _ReadMemo(dict):
    """Texts of the fact base read through the index, for the next check: a few
    thousand (each some twenty phrases) are what the last questions checked."""

    limit = 1 << 12

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)


#: What _lacks asks of a mention (see Holding._checks): a plain word, a concept, a place,
#: a country as an owner (not asked "who"), a person who must take part.
_WORD, _CONCEPT, _PLACE, _OWNER, _PERSON = 1, 2, 4, 8, 16


@dataclass(frozen=True, slots=True)
class _Checks:
    """What _lacks asks of every fact, read off the question once."""

    #: The mentions a fact must hold: each with its parts (None: a context), whether it
    #: is one of two countries or more, and its flags.
    mentions: tuple[tuple[Mention, object, bool, int], ...]
    #: The people the question names, in its order.
    people: tuple[Mention, ...]
    #: An organisation named alone, asked "what is it?" (None: not such a question), and
    #: its ids.
    alone: Mention | None
    alone_ids: tuple[str, ...]
    #: The words of what is done, where the question asks who does it (see
    #: _asks_who_does): a fact that says only that it is not done does not say.
    negatable: tuple[Mention, ...]
    #: The topics the question names (not in passing), and of those the kinds of event.
    concepts: tuple[Mention, ...]
    events: tuple[Mention, ...]
    #: The kinds of event, where the question names a role and does not ask "when".
    role_events: tuple[Mention, ...]
    #: The plain words used loosely (a question that names much): see Telling._untold.
    loose: tuple[Mention, ...] = ()


class Holding:
    """Which facts hold a question, and which of those answer it."""

    def _read(self, text: str) -> list[Match | Token]:
        """A text of the fact base as the index reads it (no typo correction), kept:
        one fact's text is read by several checks and for many questions, and on a large
        base each reading looks its words up on disk. The index does not change once
        built, so neither does the reading."""
        memo = self.__dict__.get("_reads")
        if memo is None:
            memo = self.__dict__["_reads"] = _ReadMemo()
        found = memo.get(text)
        if found is None:
            found = memo[text] = self.index.find(text, fuzzy=False)
        return found

    def _select(self, query: Query, occasion: bool = False
                ) -> tuple[list[Fact], float, tuple[str, ...]]:
        """The facts that answer the query, best first; else none, with what the nearest
        fact lacks (the texts of the mentions it does not hold). `occasion`: with an
        ordinal, every fact of the n-th occasion, not only the one ranked best."""
        counted = self._end_as_ordinal(query)
        if counted is not None:
            return self._select(counted, occasion)
        among = self._could_hold(query)
        scored = self._score(query, dated=True, among=among)
        if query.ordinal or {"first", "latest"} & query.modifiers:
            margin = 1.0  # "the second launch" counts every launch the question holds
        else:
            margin = BROAD if query.modifiers or "how_many" in query.intents else TIE
        picked = self._first_or_latest(query, scored)
        if picked and picked[0]:
            return picked[0], picked[1], ()
        preferences = self._preferences(query)
        holding = self._holding(query, scored, margin, bool(preferences)) \
            if picked is None else []
        if not holding:
            if among is not None and not self._outranks_the_rest(query, scored):
                scored = self._score(query, dated=True)  # what the nearest of all lacks
            missing = self._lacks(query, scored[0][1]) if scored else ()
            return [], 0.0, missing
        holding = self._in_role(query, holding)
        for prefer in preferences:
            holding = [(s, f) for s, f in holding if prefer(f)] or holding
        if not holding:  # "When did he become president?": no fact says he did
            return [], 0.0, tuple(m.text for m in query.mentions if m.kind == "concept"
                                  and set(m.ids) & self._role_concepts)
        best = holding[0][0]
        chosen = [f for s, f in holding if s >= max(best - margin, ANSWER_THRESHOLD)]
        if query.own_first and "first" in query.modifiers:
            # "When did Meridian launch its first rocket?": only a fact that says so.
            owners = {i for _, i in query.bound if i in self.kb.entities}
            doing = {i for _, i in query.bound if i not in self.kb.entities}
            chosen = [f for f in chosen if self._says_first_of(f, query.own_first) or
                      self._owner_does(f, owners, doing)]
            if not chosen:
                return [], 0.0, tuple(m.text for m in query.mentions
                                      if m.ids == query.own_first)
        if "first" in query.modifiers:
            # An undated fact that says it came first ("relations first commenced when …")
            # answers "first" where no dated one says so.
            says = [f for f in chosen if self._says(f, "first")]
            if says and not any(f.date for f in says):
                return says[:1], best, ()
        if query.universal and {"first", "latest"} & query.modifiers and \
                "who" in query.intents and not any(m.role == "owner" or self._is_person(m)
                                                   for m in query.mentions):
            # "Who was the first person ever to walk in space (to visit Kazakhstan)?": the
            # first of all, which "the agency's first spacewalk" is not; only a fact that
            # says so answers. "The first ever Serbian president to …" is of some only.
            chosen = [f for f in chosen if self._says_universal(f)]
            if not chosen:
                return [], 0.0, ()
        chosen = self._of_kind(query, chosen)
        if query.ordinal:
            dated = sorted((f for f in chosen if f.date), key=chronological)
            counted_role = query.role if "who" in query.intents else \
                self._ordinal_role(query)
            if counted_role in self._role_concepts:
                # "the second director", "which was the third Serbian president to …":
                # the n-th person in the role, not the n-th event
                dated = self._first_in_role(replace(query, role=counted_role), dated)
            elif occasion:
                groups = self._counted_occasions(query, dated, chosen)
                return next(iter(_nth(groups, query.ordinal)), []), best, ()
            elif set(query.leading) - set(query.ordinal_of) and any(
                    i in self._kinds or (e := self.kb.entities.get(i)) and e.type == "event"
                    for i in query.ordinal_of):
                # "who opened the third Business Forum?": the ordinal names occasions
                return self._nth_occasion(query, holding), best, ()
            else:  # forum and visit: one
                dated = [g[0] for g in self._counted_occasions(query, dated, chosen)]
            chosen = _nth(dated, query.ordinal)
            if not chosen:  # "the second flood" where one is recorded
                return [], 0.0, (f"(recorded {len(dated)})",) if dated else \
                    (str(query.ordinal),)
        chosen = self._apply_modifiers(query, chosen)
        return chosen, best, ()

    def _could_hold(self, query: Query) -> set[str] | None:
        """The facts that have something of every thing the question names (None: it
        names none): no other holds it (see _lacks), so on a large base "Who visited
        Serbia?" scores the visits to Serbia, not every visit."""
        named = [m for m in query.mentions if m.kind == "entity" and not m.soft]
        return self._facts_of_each(named) if named else None

    def _outranks_the_rest(self, query: Query, scored: list[tuple[float, Fact]]) -> bool:
        """Whether the best of the facts that could hold the query (see _could_hold)
        outranks every other fact: each of those has nothing of one thing it names, so
        scores at most the weight of the rest."""
        terms, total = self._terms(query)
        named = [w for w, t in terms if isinstance(t, Mention) and t.kind == "entity"
                 and not t.soft]
        rest = (sum(w for w, _ in terms) - min(named)) / total
        return bool(scored) and scored[0][0] > rest + 1e-9

    def _preferences(self, query: Query) -> list[Callable[[Fact], bool]]:
        """What, of the facts that hold a question, is chosen where some of them have it:
        "How long is the tunnel?" a number of the question's own measure ("14.2
        kilometres long" before "four months"); "Why …?", "What caused …?" a text that
        states a cause (not the derailment's own fact); "Where is the Kazakh embassy?",
        naming no event, where it stands, which an undated fact says (not where someone
        once asked for one)."""
        out: list[Callable[[Fact], bool]] = []
        own = self._measures.own_words(query.text) if {"measure", "how_many"} & \
            query.intents else frozenset()
        if "measure" in query.intents and own:
            out.append(lambda f: any(self._measures.stated(t, c, frozenset(), own)
                                     for c, t in f.texts.items()))
        named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
        if named and ("measure" in query.intents or own):
            # "How long is the high-speed line?": not "the line includes the New Greyfell
            # Tunnel, which is 22.6 kilometres long", whose number is the tunnel's.
            out.append(lambda f: self._number_owned_by(f, named) is not False)
        if {"why", "cause"} & query.intents:
            out.append(lambda f: self._says(f, CAUSE))
        for m in query.mentions if "how_many" not in query.intents and not query.ordinal \
                else ():
            # "Tadić's 2010 *state visit*", "the *trade agency*": the one whose text says
            # so, before another of the concept (a summit; the embassy), where a cue of
            # several words ending in one that carries a topic, its head ("state visit";
            # not "heads of state", "был в"), says more than its concept; counted, all
            # of it counts.
            words = self.kb.stemming.tokens(m.text)
            if m.kind == "concept" and not m.soft and len(words) > 1 and \
                    (words[-1].folded,) not in self._stop_forms:
                out.append(lambda f, words=m.text: self._uses(f, words))
        deed = query.mentions[0] if query.mentions and "who" in query.intents else None
        if deed is not None and deed.kind == "concept" and not deed.soft and \
                any(self._is_person(m) and m.kind == "entity" and not m.text.startswith("(")
                    for m in query.mentions[1:]) and \
                self._deed_of_who(query, deed):
            # "Who succeeded Ingrid Halvorsen?": the text that says "succeeded", before
            # her own appointment (a word of the same topic); of a deed done to someone
            # only ("who visited Kazakhstan?" is also "Tadić was in Astana").
            out.append(lambda f, words=deed.text: any(
                self._uses(f, w) for w in self._same_meaning(words)))
        if query.intents == {"what"} and not query.yes_no:
            # "What does Kestria *export* to Belmora?": what the subject does by that
            # word, before the trade volume (a word of the same topic).
            for k, m in enumerate(query.mentions[:-1]):
                verb = query.mentions[k + 1]
                if m.kind == "entity" and verb.kind == "concept" and not verb.soft and \
                        self._after_auxiliary(query, m, active=True):
                    out.append(lambda f, words=verb.text: any(
                        self._uses(f, w) for w in self._same_meaning(words)))
                    break
        events = [m for m in query.mentions if m.kind == "concept" and not m.soft and
                  set(m.ids) & self._kinds]
        for m in query.mentions:
            if m.kind == "context":
                # "who attended?" after the street's naming during a visit: what was
                # just said, before the visit it was part of, where it says so in the
                # question's words ("who came with him on that trip?" is the visit's).
                out.append(lambda f, said=frozenset(m.ids): f.id in said and all(
                    f.kind in e.ids or self._uses(f, e.text) for e in events))
        aspect = self._aspect_asked(query)
        if aspect:  # "How did the strike end?": the fact that says it ended, first
            out.append(lambda f, asked=aspect[0]: asked in self._aspects(f))
        if "where" in query.intents and not (query.years or query.months) and not any(
                m.kind == "concept" and set(m.ids) & self._kinds for m in query.mentions):
            out.append(lambda f: not f.date)
        return out

    def _holding(self, query: Query, scored: list[tuple[float, Fact]], margin: float,
                 preferring: bool = False) -> list[tuple[float, Fact]]:
        """The scored facts (best first) that reach the threshold and lack nothing. Where
        only those within `margin` of the best are chosen — no ordinal counts them all, no
        role asked of a person drops some, no preference (see _preferences) reads below
        the best — the rest need not be read: "Who visited Serbia?" on a large base reads
        the few best visits, not every one."""
        every = margin >= 1.0 or query.ordinal or self._role_asked(query) is not None or \
            preferring
        holding: list[tuple[float, Fact]] = []
        for s, f in scored:
            if s < ANSWER_THRESHOLD or not every and holding and s < holding[0][0] - margin:
                break
            if not self._lacks(query, f):
                holding.append((s, f))
        return holding

    def _first_or_latest(self, query: Query, scored: list[tuple[float, Fact]]
                         ) -> tuple[list[Fact], float] | None:
        """"What was the latest visit?": what _select chooses, read in date order from the
        end asked for, so that on a large base the facts are checked for what they lack
        until the first that holds, not every one. ([], 0.0): no fact holds; None: the
        question is not only that (an ordinal, a role, "its first", "ever": see _select).
        """
        modifiers = {"first", "latest"} & query.modifiers
        if len(modifiers) != 1 or query.ordinal or query.universal or \
                query.own_first and "first" in modifiers or self._role_asked(query) is not None:
            return None
        above = [f for s, f in scored if s >= ANSWER_THRESHOLD]
        held: dict[str, bool] = {}

        def holds(fact: Fact) -> bool:
            if fact.id not in held:
                held[fact.id] = not self._lacks(query, fact)
            return held[fact.id]

        best = next((s for s, f in scored if s >= ANSWER_THRESHOLD and holds(f)), None)
        if best is None:
            return [], 0.0
        if "first" in modifiers:
            # An undated fact that says it came first ("relations first commenced …").
            says_first = self._saying.get("first", ())  # what _says reads, for each
            saying = [f for f in above if f.id in says_first]
            if not any(f.date and holds(f) for f in saying):
                says = [f for f in saying if holds(f)]  # none of them dated
                if says:
                    return says[:1], best
        rank = self._date_rank
        # Equal dates stay in score order, as min() and max() take the first of them.
        by_date = InDateOrder([f for f in above if f.date], rank, "latest" in modifiers)
        kinds = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & self._kinds
        if kinds:  # of the kind named, where some fact of it holds (see _of_kind)
            hit = next((f for f in by_date if f.kind in kinds and holds(f)), None)
            of_kind = [hit] if hit else [f for f in above if f.kind in kinds and holds(f)]
            if hit and "latest" in modifiers and self._only_its_first(query, hit, by_date,
                                                                      holds):
                return [], 0.0
            if of_kind:
                return of_kind, best
        hit = next((f for f in by_date if holds(f)), None)
        if hit and "latest" in modifiers and self._only_its_first(query, hit, by_date, holds):
            return [], 0.0
        return ([hit] if hit else [f for f in above if holds(f)]), best

    def _only_its_first(self, query: Query, hit: Fact, by_date: "InDateOrder",
                        holds: Callable[[Fact], bool]) -> bool:
        """"Where did the Joint Railway Commission last meet?": where the one occasion
        the fact base has of it says it was the first ("… first met in Dunmere"), the
        last is one the fact base does not record."""
        asked = tuple(i for m in query.mentions if m.kind == "concept" and not m.soft
                      for i in m.ids)
        if "measure" in query.intents:
            return False  # "how long did the spacewalk last?": "last" is no "latest"
        if not asked or not (self._says_first_of(hit, asked) or
                             hit.kind in asked and self._says_first_done(hit)):
            return False
        occasion = {hit.id, hit.part_of or hit.id}
        return not any(f.id not in occasion and (f.part_of or "") not in occasion and
                       holds(f) for f in by_date)

    @staticmethod
    def _occasions(dated: list[Fact], ranked: list[Fact]) -> list[list[Fact]]:
        """"Where was the second Business Forum held?": the facts in date order, grouped
        by occasion. A fact that was part of another one held is that occasion, not one
        of its own, and so is one of the same kind, date and thing ("the treaty was
        signed", "the treaty shared the cost": one signing); each occasion's facts are
        ranked as in `ranked` (best first)."""
        ids = {f.id for f in dated}
        rank = {f.id: i for i, f in enumerate(ranked)}
        groups: dict[str, list[Fact]] = {}
        same: dict[tuple, str] = {}  # (kind, date, tag) → the occasion's key
        for f in dated:
            key = f.part_of if f.part_of in ids else next(
                (same[f.kind, f.date, t] for t in f.tags if (f.kind, f.date, t) in same), f.id)
            for t in f.tags:
                same.setdefault((f.kind, f.date, t), key)
            groups.setdefault(key, []).append(f)
        return [sorted(members, key=lambda f: rank.get(f.id, len(rank)))
                for members in groups.values()]

    def _end_as_ordinal(self, query: Query) -> Query | None:
        """"What contracts were signed at the first Business Forum?", "who opened the
        last one?": "first" or "last" before a recurring event (a kind of event or an
        event the fact base names), with topic words before it that say what is asked
        of that occasion, counts the occasions as an ordinal does (see _nth_occasion):
        the contracts of the first forum, not the earliest contracts of any forum.
        None: the question is no such one."""
        end = {"first", "latest"} & query.modifiers
        if len(end) != 1 or query.ordinal or query.own_first or not query.end_of or \
                not set(query.end_leading) - set(query.end_of) or not any(
                    i in self._kinds or (e := self.kb.entities.get(i)) and e.type == "event"
                    for i in query.end_of):
            return None
        return replace(query, ordinal=1 if "first" in end else -1, ordinal_of=query.end_of,
                       leading=query.end_leading, modifiers=query.modifiers - end,
                       end_of=(), end_leading=())

    def _ordinal_role(self, query: Query) -> str | None:
        """The role an ordinal counts people in, where it stands before one that ends
        what it counts ("which was the third Serbian *president* to visit …", "… of
        Serbia"), not before one that qualifies another thing ("the second astronaut
        *group*")."""
        role = next((i for i in query.ordinal_of if i in self._role_concepts), None)
        at = next((k for k, m in enumerate(query.mentions) if m.kind == "concept" and
                   role in m.ids), None) if role else None
        if at is None:
            return None
        after = query.mentions[at + 1] if at + 1 < len(query.mentions) else None
        if after is None or after.kind == "entity" or set(after.ids) & self._kinds:
            return role
        return None

    def _counted_occasions(self, query: Query, dated: list[Fact], ranked: list[Fact]
                           ) -> list[list[Fact]]:
        """The occasions an ordinal counts: of exactly what it stands before. Where some
        facts are plainly of it (its kind or tag, or their occasion's: not "from Frostvik
        Cosmodrome" of "the second launch site"), only those; where some use the
        question's own word for it (or a word of the same meaning), only those ("the
        second flood" is not the derailment the fact base's "accident" also holds); and
        the facts that say "first" of it about the same person are its first occasion,
        however far apart they are dated ("made the agency's first spacewalk", "a medal
        for the first spacewalk")."""
        of = set(query.ordinal_of)
        if of:
            plain = [f for f in dated if self._plainly_about(f, of)]
            dated = plain or dated
            word = next((m for m in query.mentions if m.kind == "concept" and
                         set(m.ids) == of), None)
            if word is not None:
                own = [f for f in dated if self._uses_own_word(f, word)]
                dated = own or dated
                # "Frostvik Pad 2, a second launch pad": the n-th of another word of
                # the topic is of another series than "the third launch site".
                dated = [f for f in dated if not self._nth_of_other(f, word)] or dated
        groups = self._occasions(dated, ranked)
        if not of:
            return groups
        out: list[tuple[list[Fact], bool]] = []  # (occasion, says "first" of it)
        for g in groups:
            first = any(self._says_first_of(f, tuple(of)) for f in g)
            people = {i for f in g for i in f.who if (e := self.kb.entities.get(i)) and
                      e.type == "person"}
            into = next((h for h, said in out if first and said and
                         people & {i for f in h for i in f.who}), None)
            if into is None:
                out.append((list(g), first))
            else:
                into.extend(g)
        return [g for g, _ in out]

    def _plainly_about(self, fact: Fact, ids: set[str]) -> bool:
        """Whether the fact is of these (its kind, who, where or tags), or the occasion
        it was part of is."""
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        return any(f.kind in ids or ids & {*f.who, *f.where, *f.tags}
                   for f in (fact, parent) if f)

    def _uses_own_word(self, fact: Fact, word: Mention) -> bool:
        """Whether the fact's text, or its occasion's, uses the question's word for a
        topic or one the language pack gives the same meaning (`synonyms`). A word that
        is the topic's own name (its id or first cue word, or the same meaning) is what
        every fact of it is, whatever words its text uses ("the second accident", "the
        third trip")."""
        if self._names_concept(word):
            return True
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        return any(self._uses(f, w) for f in (fact, parent) if f
                   for w in self._same_meaning(word.text))

    def _nth_of_other(self, fact: Fact, word: Mention) -> bool:
        """True when the fact's text gives an ordinal ("first", "second") right before
        another cue of the question's topic than the question's word: one that neither
        holds that word ("state visit" of "visit") nor means the same. Read once."""
        key = (fact.id, "#nth of other " + word.text + "|" + ",".join(word.ids))
        if key not in self._said:
            self._said[key] = self._reads_nth_of_other(fact, word)
        return self._said[key]

    def _reads_nth_of_other(self, fact: Fact, word: Mention) -> bool:
        stems = self.kb.stemming.stems
        asked = [stems(w) for w in self._same_meaning(word.text)]
        found = self.index.find(fact.texts.get(self.kb.meta.language, ""), fuzzy=False)
        for item, after in zip(found, found[1:]):
            if not (isinstance(item, Match) and (item.kind == "ordinal" or
                                                 item.kind == "modifier" and
                                                 "first" in item.ids) and
                    isinstance(after, Match) and after.kind == "concept" and
                    set(after.ids) & set(word.ids)):
                continue
            said = tuple(w.stem for w in after.words)
            if not any(a and any(said[i:i + len(a)] == a for i in range(len(said)))
                       for a in asked):
                return True
        return False

    def _names_concept(self, word: Mention) -> bool:
        """Whether the question's word for a topic is the topic's own name: its id as
        words or its first cue, or a word of the same meaning (see _same_meaning)."""
        stems = self.kb.stemming.stems
        asked = {stems(w) for w in self._same_meaning(word.text)}
        concepts = self.kb.language(None).concepts
        return any(stems(i.replace("_", " ")) in asked or
                   any(stems(c) in asked for c in concepts.get(i, ())[:1])
                   for i in word.ids)

    def _gives_or_receives(self, m: Mention) -> bool:
        """Whether a word of the question is a verb of giving or receiving (the pack's
        `giving`, `receiving`): any fact of a giving says it in its own words, and which
        side the question puts someone on is checked as for any giving (Sides)."""
        grammar = self.index.grammar(None)
        words = grammar.get("giving", frozenset()) | grammar.get("receiving", frozenset())
        said = self.kb.stemming.tokens(m.text)
        return m.kind == "word" and bool(said) and all(t.folded in words for t in said)

    def _quotes_saying(self, fact: Fact, m: Mention, query: Query) -> bool:
        """Whether the question's word is one for saying (the packs' `saying`) and the
        fact's text quotes whom it asks of (the packs' `quote_marks`): a quotation is
        what was said, whatever verb brings it in ("The Mayor of Corvena, Petra
        Ionescu, called the statue “a gift …”"). Whom the question names (a person, or a
        role) must be the one the text names last before the quotation (with the words
        of their title right before them): not what the mayor said, asked of Stoica."""
        said = [t.folded for t in self.kb.stemming.tokens(m.text)]
        if not said or not all(w in self.index.grammar(None).get("saying", ()) for w in said):
            return False
        text = fact.texts.get(self.kb.meta.language, "")
        marks = {q for lang in self.kb.languages.values()
                 for q in lang.grammar.get("quote_marks", ())}
        at = min((i for q in marks if (i := text.find(q)) >= 0), default=-1)
        if at < 0:
            return False
        found = [item for item in self._read(text[:at]) if isinstance(item, Match)]
        people = [k for k, item in enumerate(found) if item.kind == "entity" and any(
            (e := self.kb.entities.get(i)) and e.type == "person" for i in item.ids)]
        if not people:
            return False
        speaker = set(found[people[-1]].ids)
        titles = {i for item in found[max(people[-1] - 4, 0):people[-1]]
                  if item.kind == "concept" for i in item.ids}
        for other in query.mentions:
            if other is m or other.kind not in ("entity", "concept"):
                continue
            if other.kind == "entity" and self._is_person(other) and not set(other.ids) & speaker:
                return False
            if other.kind == "concept" and set(other.ids) & self._role_concepts and \
                    not set(other.ids) & (titles | {r for i in speaker for r in self._roles(i)}):
                return False
        return True

    def _in_other_words(self, fact: Fact, m: Mention) -> bool:
        """Whether the fact's text says the question's word for a topic by another word of
        its group in the pack's `synonyms` ("led" — "chaired"), where the fact base reads
        the two as different topics or the text's word as none: the fact base's lists
        are its own, the thesaurus is the language's. One word of the question only."""
        if len(self.kb.stemming.tokens(m.text)) != 1:
            return False
        own = self.kb.stemming.stems(m.text)
        return any(self._has_word(fact, w) for w in self._same_meaning(m.text)[1:]
                   if " " not in w.strip() and self.kb.stemming.stems(w) != own)

    def _same_meaning(self, words: str) -> tuple[str, ...]:
        """The words, and the members of the pack's `synonyms` group they are in."""
        memo = self.__dict__.setdefault("_same_meaning_memo", {})
        if words not in memo:
            stems = self.kb.stemming.stems(words)
            groups = self.kb.language(None).vocabulary.get("synonyms") or {}
            found = [words]
            for members in groups.values():
                if any(self.kb.stemming.stems(w) == stems for w in members):
                    found.extend(members)
            memo[words] = tuple(dict.fromkeys(found))
        return memo[words]

    def _nth_occasion(self, query: Query, holding: list[tuple[float, Fact]]) -> list[Fact]:
        """"Who opened the third Business Forum?", "what was signed at the fourth one?":
        the n-th occasion is counted among those that hold what the ordinal's own words
        name (the forum), and must then hold the rest of the question (who opened it);
        else there is no answer, not the n-th of the forums someone opened."""
        lead = set(query.leading) - set(query.ordinal_of)  # "pick its second group": counts
        loose = replace(query, mentions=tuple(
            m for m in query.mentions if not (m.kind in ("concept", "word") and
                                              set(m.ids) <= lead)),
            intents=frozenset(), leading=())
        if not any(m.kind in ("entity", "concept") for m in loose.mentions):
            return []
        members, _, _ = self._select(loose, occasion=True)
        held = [f for _, f in holding]
        return [f for f in held if f in members][:1]

    def _lacks(self, query: Query, fact: Fact, telling: bool = True) -> tuple[str, ...]:
        """What of the question `fact` does not hold: mentions it is not about (a person
        must take part, not be named in passing), a year or month it is not in, a date
        or a participant it does not give when that is what is asked."""
        p = self._profiles[fact.id]
        out = []
        checks = self._checks(query)
        for m, parts, pair, flags in checks.mentions:
            if pair and not any(p.about.get(i, 0.0) or p.nationality.get(i, 0.0)
                                for i in m.ids):
                # "Did Aldmark and Calvera sign a treaty?": both take part, not just host.
                out.append(m.text)
                continue
            strength = _held(parts, p) if parts is not None else \
                self._strength(m, fact, p, query)
            if flags & _WORD and strength > 0 and self._only_as_title(fact, m, query):
                strength = 0.0  # "What did Serra compose?" of "the composer Joaquim Serra"
            if flags & _CONCEPT and fact.part_of and strength <= 0:
                parent = self.kb.fact(fact.part_of)  # "… during the 2018 visit"
                strength = 1.0 if parent and parent.kind in m.ids and \
                    self._did_the_occasion(query, m, parent) else 0.0
            if flags & _CONCEPT and strength <= 0 and self._quotes_saying(fact, m, query):
                strength = IN_TEXT  # "what did the mayor say?": "… called the statue “…”"
            if flags & _CONCEPT and strength <= 0 and self._in_other_words(fact, m):
                strength = IN_TEXT  # "who led the inquiry?": "the commission chaired by …"
            if flags & _WORD and strength <= 0 and self._gives_or_receives(m) and \
                    self._is_giving(fact):
                strength = IN_TEXT  # "What did Reyk receive?": "… presented Reyk with …"
            if flags & _PLACE and p.located and not any(
                    p.located.get(i, 0.0) for i in m.ids) and set(m.ids) & set(fact.who):
                strength = 0.0  # "in Serbia" is where it happened, not who took part
            if strength > 0 and m.kind == "entity" and m.role == "any" and p.located and \
                    self._elsewhere(query, fact, m):
                strength = 0.0  # "When did Vučić visit Belgrade?": not "the Mayors of Belgrade"
            if 0 < strength < TAGGED and flags & _PLACE and p.located and not any(
                    p.located.get(i, 0.0) for i in m.ids) and \
                    all(self.kb.entities[i].type == "place" for i in m.ids):
                strength = 0.0  # "… in Belgrade?": not of a street in Astana whose text names it
            if strength > 0 and flags & _PLACE and self._placed_elsewhere(query, fact, m):
                strength = 0.0  # "who met Osric in Lunsk?": not "met Osta in Oranta … to Lunsk"
            if flags & _OWNER and strength < TAGGED:
                strength = 0.0  # "Serbian presidents": the fact's people are, not a passer-by
            if flags & _PERSON and self._object_asked(query, m) and self._said_to_do(query, m, fact):
                strength = 0.0  # "Who succeeded Amsel?": not "Amsel succeeded Feld"
            if strength <= 0 or (flags & _PERSON and
                                 not self._owns_in(query, m, fact) and
                                 not self._takes_part(m.ids, fact, query) and
                                 not (self._relations_asked(query) and  # type: ignore
                                      self._owns_relative(query, m)) and  # type: ignore
                                 not self._on_side_asked(query, m, fact) and
                                 (not any(o is not m and self._takes_part(o.ids, fact, query)
                                          for o in checks.people) or
                                  self._after_auxiliary(query, m) and
                                  not set(m.ids) & self._sides(fact)[0])):
                # A person must take part; a second one may be named in passing ("what
                # did Vučić give Nazarbayev?"): the fact's text names the giver. Not the
                # one the question is said of ("what did *Stalin* say about Tito?"),
                # unless the text names them as who did it ("… awarded *by Vučić*").
                out.append(m.text)
        if not telling:  # a rival's (see Telling): what it is about, not what it gives
            return tuple(out)
        alone = checks.alone
        if alone is not None and all(i not in fact.who and i not in fact.tags
                                     for i in checks.alone_ids):
            # "What does the company Energoprojekt do?": an organisation named alone is
            # asked about as "what is it?", which a fact it does not take part in (near
            # which something happened, named in passing) does not say.
            out.append(alone.text)
        out.extend(self._subject_does_else(query, fact))  # "did Kestria recognise …?"
        if not query.direction:  # (a giving's sides are Sides' to read)
            out.extend(self._someone_else_did(query, fact))  # "when did Kazakhstan open …"
        out.extend(self._untold(query, fact, checks.loose))  # type: ignore[attr-defined]
        if checks.negatable and fact.id in self._negating:
            # "Which countries recognize South Ossetia?": a fact that says only that one
            # does *not* does not say who does.
            out.extend(m.text for m in checks.negatable if self._only_negated(fact, m))
        for span in query.years:
            if not (fact.date and fact.date.covers_year(*span)):
                out.append(str(span[0]) if span[0] == span[1] else f"{span[0]}–{span[1]}")
        if query.months and not (fact.date and {fact.date.month, fact.date.end_month}
                                 & query.months):
            out.append(self.kb.language(None).months[min(query.months) - 1])
        if "when" in query.intents and not fact.date:
            out.append("(date)")
        if "day" in query.intents and not (fact.date and fact.date.day) and \
                not self._states_day(fact):
            out.append("(day)")
        if query.title_asked and not any(self._gives_title(fact, i) for m in checks.people
                                         for i in m.ids):
            out.append("(title)")  # "What post did Mrkić hold?": a text that gives it
        if query.direction:
            out.extend(self._on_wrong_side(query, fact))
        out.extend(w for w in query.name_words if not self._has_word(fact, w))
        if "why" in query.intents and "cause" not in query.intents and not (
                self._says(fact, CAUSE) or self._says(fact, REASON)):
            out.append("(reason)")  # "Why was the Lantern Express withdrawn?": no why
        if "cause" in query.intents and not self._says(fact, CAUSE):
            out.append("(cause)")  # "What caused the flood?": not the flood's own fact
        aspect = self._aspect_asked(query)
        if aspect and self._aspects(fact) == {aspect[1]} and not (
                fact.date and (fact.date.end_year or fact.date.end_month or fact.date.end_day)):
            out.append(aspect[2])  # "When did it finish?": not "work on it started" (1911)
        dated = "when" in query.intents and bool(fact.date)
        if dated and query.mentions and all(m.kind == "word" for m in query.mentions) and \
                not self._says_aspect_asked(query, fact):
            # "When did the war end?": a date is of the event the fact is, which a
            # question naming only words of its text ("when the war came, …") does not
            # name — unless the text says what the question asks of them ("… signed the
            # treaty, ending the border dispute": when the quarrel ended).
            out.append(query.mentions[0].text)
        if dated or {"who", "where"} & query.intents:
            # A date answers "when" only for the event the fact is: what the question
            # names must be the fact's kind or tags, or its people's roles, not a word
            # of its text ("when did Kazakhstan open its embassy?" is not "a consulate of
            # its embassy opened"). So for "who": "who opened the Kazakh embassy?" is
            # not who opened that consulate; what a thing the fact names is counts too
            # ("whose bust …?" of "the bust of Jambyl Jabayev").
            roles = {c for i in fact.who for c in self._roles(i)}

            objects = {i for m in query.mentions if m.kind == "entity" for i in m.ids
                       if i in (*fact.who, *fact.tags)}

            def plain(m: Mention) -> bool:
                return any(p.about.get(i, 0.0) >= TAGGED or i in roles for i in m.ids) or \
                    self._done_to(fact, m, objects) or self._quotes_saying(fact, m, query) or \
                    not dated and any(
                        set(m.ids) & self._named_concepts(e)
                        for e in (*fact.who, *fact.where, *fact.tags) if e in self.kb.entities)
            concepts, events = checks.concepts, checks.events
            if dated:
                # Of the kinds of event named, one is enough ("when was it opened and who
                # attended?"); every other topic must be plainly the fact's.
                if events and not any(plain(m) for m in events):
                    out.append(events[0].text)
            if dated or "where" in query.intents:
                # A plain word the text has only as an aside ("…, founded by Bogoljub
                # Karić") is not what the fact's date or place is of, however loosely
                # it is used.
                out.extend(m.text for m in query.mentions if m.kind == "word" and
                           not m.soft and self._said_aside(fact, m))
            if not dated:  # the deed asked of ("who opened …") and the roles are the who-check's
                deed = query.mentions[0] if "who" in query.intents else None
                concepts = tuple(m for m in concepts if m is not deed
                                 and not set(m.ids) & self._role_concepts)
            out.extend(m.text for m in concepts if m not in events and not plain(m))
        if checks.role_events:
            # "Which president opened the embassy?": the one who did what the fact is,
            # not who asked for an embassy to be opened (a statement that says "open").
            events = checks.role_events
            if not any(fact.kind in m.ids or set(m.ids) & set(fact.tags) or (
                    fact.part_of and (parent := self.kb.fact(fact.part_of)) and
                    parent.kind in m.ids) or self._quotes_saying(fact, m, query) for m in events):
                out.append(events[0].text)
        if query.asked_types and not self._gives_kind(query, fact):
            out.append(query.asked_noun or "")  # "which countries …": one of them
        if "who" in query.intents and not self._gives_someone(query, fact, ANSWER_TYPES):
            out.append("(who)")
        if query.other and {"who", "name"} & query.intents and not any(
                m.kind == "context" or self._is_person(m)
                for m in (*query.mentions, *query.besides)):
            # "Who were the other members of the commission?": besides those the fact
            # names, which are all it has.
            out.append("(other)")
        if query.other and query.intents == {"what"} and not query.yes_no and not any(
                m.kind == "context" for m in query.mentions) and not self._names_other(
                    query, fact):
            # "Which other ships does the line run besides the Silvane Star?": a fact
            # whose only ship is the Silvane Star names no other.
            out.append("(other)")
        if query.besides and self._only_besides(query, fact):
            out.append("(other)")  # "… besides the visa agreement?": this is that one
        if "where" in query.intents and not self._gives_place(query, fact):
            out.append("(where)")
        if "name" in query.intents and not self._gives_someone(query, fact, NAMED_TYPES):
            out.append("(name)")
        if "clock" in query.intents and not any(
                _CLOCK.search(text) for text in fact.texts.values()):
            out.append("(time of day)")
        if "measure" in query.intents and not (self._states_measure(fact, query) and
                                               self._measure_of_named(fact, query)):
            out.append("(measure)")
        out.extend(self._lacks_first_holder(query, fact))
        out.extend(self._lacks_relation(query, fact))  # type: ignore[attr-defined]
        return tuple(out)

    def _aspect_asked(self, query: Query) -> tuple[str, str, str] | None:
        """Whether the question asks when something ended (`ending` words, no `beginning`
        ones) or began: (what it asks, the other, what to call it in a decline)."""
        def read() -> tuple[str, str, str] | None:
            aspects = self._aspects_of(query.text, None)
            if len(aspects) == 1:
                return ("ending", "beginning", "(end)") if "ending" in aspects else \
                    ("beginning", "ending", "(start)")
            return None
        return self._per_question(("#aspect", query.text), read)

    def _says_aspect_asked(self, query: Query, fact: Fact) -> bool:
        """Whether the fact's text itself says the beginning or end the question asks."""
        aspect = self._aspect_asked(query)
        if not aspect:
            return False
        code = self.kb.meta.language
        stemming = self.kb.stemming
        words = {stemming.stems(w)[0] for w in self.index.grammar([code]).get(aspect[0], ())
                 if stemming.stems(w)}  # by stem: "ending the dispute" says it ended
        return bool(words & set(stemming.stems(fact.texts.get(code, ""))))

    def _aspects(self, fact: Fact) -> set[str]:
        """Whether the fact's text (in the fact base's own language) says something began
        or ended — both where it names a span of years ("built between 2018 and 2023")."""
        key = (fact.id, "#aspects")
        if key not in self._said:
            code = self.kb.meta.language
            text = fact.texts.get(code, "")
            years = {t.folded for t in self.kb.stemming.tokens(text) if _YEARLIKE.match(t.folded)}
            self._said[key] = {"beginning", "ending"} if len(years) > 1 else \
                self._aspects_of(text, [code])
        return self._said[key]

    def _aspects_of(self, text: str, languages: list[str] | None) -> set[str]:
        """Which of the grammar's `beginning` and `ending` words the text uses, as written
        ("from both ends" is no ending)."""
        grammar = self.index.grammar(languages)
        # (a yes/no particle, Kazakh "ма" of "басталды ма", says no beginning alone)
        words = {t.folded for t in self.kb.stemming.tokens(text)} - \
            grammar.get("yes_no_particle", frozenset())
        # A word that also gives a reason (grammar `reason`: "over") says so only ending
        # its clause ("the strike was over."), not before what follows ("… over pay").
        folded = fold(text)
        reasons = grammar.get("reason", frozenset())

        def says(word: str) -> bool:
            return word not in reasons or bool(
                re.search(rf"\b{re.escape(word)}\b\s*(?:[^\w\s]|$)", folded))
        return {aspect for aspect in ("beginning", "ending")
                if any(says(w) for w in words & grammar.get(aspect, frozenset()))}

    def _did_the_occasion(self, query: Query, event: Mention, occasion: Fact) -> bool:
        """False when the question says someone did the kind of event ("did *Nazarbayev
        visit* …?") and they are not of the occasion a fact is part of: an order he was
        given during Vučić's visit is not his visit."""
        k = query.mentions.index(event)
        doer = query.mentions[k - 1] if k else None
        return not (doer and self._is_person(doer) and doer.role == "any" and
                    self._after_auxiliary(query, doer)) or bool(set(doer.ids) & set(occasion.who))

    def _elsewhere(self, query: Query, fact: Fact, m: Mention) -> bool:
        """True when a place the question names with a kind of event ("did Vučić *visit
        Belgrade*") is not where the fact's event was, only a topic of it ("the Mayors of
        Belgrade … visited Astana"): the event asked of happens at the place named."""
        located = self._profiles[fact.id].located
        return self._visited(query, m) and all(
            (e := self.kb.entities.get(i)) and e.type in ("place", "country") and
            not located.get(i) for i in m.ids)

    def _visited(self, query: Query, m: Mention) -> bool:
        """True when the mention is a place right after a kind of event, with at most an
        article between ("visit Belgrade", "посетио Нови Сад"), so the event's place."""
        def read() -> bool:
            k = query.mentions.index(m)
            event = query.mentions[k - 1] if k else None
            if not (event and event.kind == "concept" and set(event.ids) & self._kinds):
                return False
            if any(o is not m and o.kind == "entity" and o.role == "any" and all(
                    self.kb.entities[i].type in ("place", "country") for i in o.ids)
                   for o in query.mentions):
                return False  # "state visit serbia kazakhstan": between the two, either way
            last = self.kb.stemming.tokens(event.text)[-1:]
            if tuple(w.folded for w in last) in self._stop_forms:
                return False  # "spoke *about* the Jabayev Monument": a topic
            start = query.text.find(event.text)
            end = query.text.find(m.text, start + len(event.text)) if start >= 0 else -1
            between = {w.casefold() for w in query.text[start + len(event.text):end].split()}
            return end >= 0 and between <= self.index.grammar(None).get("articles", frozenset())
        return self._per_question(("#visited", query.text, m.text), read)

    def _lacks_first_holder(self, query: Query, fact: Fact) -> tuple[str, ...]:
        """"Who was the first Serbian prime minister to visit Kazakhstan?": the first of
        a role is someone in it who takes part in the fact (not the prime minister whom
        a Kazakh visitor met); and, asked who *was* the first of it, only a fact that
        says "first" of what the question names gives it, unless the record of what
        it names begins before (see _recorded_before): the earliest holder the fact
        base records need not be the first ("Reyk became director of the company",
        which the fact base only says exists)."""
        if "who" not in query.intents or query.ordinal or "first" not in query.modifiers:
            return ()
        if query.role is None:
            # "Who was the first Velusian in space?": a first of a nationality, no kind of
            # event to be the earliest of, is a milestone only a text that says so gives.
            asked = tuple(dict.fromkeys(i for m in query.mentions if not m.soft
                                        for i in m.ids))
            nationality = any(m.kind == "entity" and m.role == "owner" and all(
                self.kb.entities[i].type == "country" for i in m.ids if i in self.kb.entities)
                for m in query.mentions)
            events = any(m.kind == "concept" and set(m.ids) & self._kinds
                         for m in query.mentions)
            if nationality and not events and not self._says_first_of(fact, asked):
                return ("(first)",)
            return ()
        out: tuple[str, ...] = ()
        if query.role in self._role_concepts:
            countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                         m.role == "owner" and all(self.kb.entities[i].type == "country"
                                                   for i in m.ids)]
            named = {i for m in query.mentions for i in m.ids}
            if not any(i not in named and query.role in self._roles(i) and
                       all(self.kb.entities[i].country in c for c in countries)
                       for i in fact.who if i in self.kb.entities):
                out = ("(who)",)
        asked = tuple(dict.fromkeys(i for m in query.mentions if not m.soft for i in m.ids))
        if query.role_said and not self._says_first_of(fact, asked) and \
                not self._recorded_before(query, fact):
            out = (*out, "(first)")  # "the first Director-General", "the first … visit"
        return out

    def _recorded_before(self, query: Query, fact: Fact) -> bool:
        """Whether the record of what the question names (its things, places,
        organisations and countries; else of anything) begins before the fact, so that
        the earliest holder recorded is the first: a club whose founding is dated, not
        a company the fact base only says exists."""
        if not fact.date:
            return False
        named = [i for m in query.mentions if m.kind == "entity" for i in m.ids
                 if (e := self.kb.entities.get(i)) and e.type != "person"]
        here = self._date_rank[fact.id]
        if not named:  # the record of anything: its earliest occasion (Engine._record_ends)
            earliest = self._record_ends[0]
            return bool(earliest) and self._date_rank[earliest[0].id] < here
        return any(self._earliest_of(i) < here for i in named)

    def _earliest_of(self, entity: str) -> float:
        """The date rank of the earliest dated fact with the entity in its who, where or
        tags (inf: none), read once."""
        memo = self.__dict__.setdefault("_earliest_memo", {})
        if entity not in memo:
            memo[entity] = min((self._date_rank[f.id] for f in self._postings.get(entity, ())
                                if f.date and entity in (*f.who, *f.where, *f.tags)),
                               default=float("inf"))
        return memo[entity]

    def _checks(self, query: Query) -> "_Checks":
        """What _lacks asks of every fact it checks that depends on the question alone,
        read once per question (it checks hundreds of facts on a large base)."""
        memo = self.__dict__.get("_checks_memo")
        if memo is None:
            memo = self.__dict__["_checks_memo"] = {}
        hit = memo.get(id(query))
        if hit is not None and hit[0] is query:
            return hit[1]
        entities = self.kb.entities
        # A question that names little else asks about its plain words ("Who *founded*
        # Fiat?"); one that names much may use them loosely.
        # "The Polaris 1 satellite" is one thing named.
        thin = sum(1 for m in query.mentions if m.kind in ("entity", "concept")
                   and not m.soft and not m.apposed) <= 1
        countries = [m for m in query.mentions if m.kind == "entity" and m.role == "any" and
                     all(entities[i].type == "country" for i in m.ids)]
        asks_who = bool({"who", "name"} & query.intents)
        mentions = []
        loose = []
        for m in query.mentions:
            if m.soft or m.kind == "word" and not thin and not m.synonym and not asks_who \
                    and m.text != query.measured_word:  # "how much *power* …" is a condition
                if not m.soft and not self._aspects_of(m.text, None):
                    loose.append(m)
                continue  # a fact's plain word, a topic named in passing: no condition
                # (a synonym read as one is: the question chose that meaning)
            if m.kind == "word" and self._aspects_of(m.text, None):
                continue  # "… begin?": whether it began is the aspect's check (_aspects)
            flags = (_WORD if m.kind == "word" else 0) | \
                (_CONCEPT if m.kind == "concept" else 0) | \
                (_PLACE if m.kind == "entity" and m.role == "place" else 0) | \
                (_OWNER if m.kind == "entity" and m.role == "owner" and not asks_who and
                 all(entities[i].type == "country" for i in m.ids) else 0) | \
                (_PERSON if m.role != "agent" and self._is_person(m) else 0)
            mentions.append((m, None if m.kind == "context" else self._parts_of(m),
                             len(countries) > 1 and m in countries, flags))
        alone = query.mentions[0] if len(query.mentions) == 1 else None
        alone_ids = tuple(i for i in alone.ids if i in entities) if alone else ()
        if not (alone and alone.kind == "entity" and alone.role == "any" and
                query.intents <= {"what"} and not (query.years or query.months) and
                all(entities[i].type in IN_PASSING for i in alone_ids)):
            alone = None
        doing = tuple(m for m in query.mentions if m.kind in ("concept", "word") and not m.soft)
        concepts = tuple(m for m in query.mentions if m.kind == "concept" and not m.soft)
        events = tuple(m for m in concepts if set(m.ids) & self._kinds)
        role_events = events if "when" not in query.intents and any(
            m.kind == "concept" and set(m.ids) & self._role_concepts
            for m in query.mentions) else ()
        checks = _Checks(tuple(mentions), tuple(m for m in query.mentions if self._is_person(m)),
                         alone, alone_ids,
                         doing if doing and self._asks_who_does(query) else (),
                         concepts, events, role_events, tuple(loose))
        if len(memo) >= QUESTION_MEMO:
            memo.clear()
        memo[id(query)] = (query, checks)
        return checks

    def _done_to(self, fact: Fact, m: Mention, objects: set[str]) -> bool:
        """True when the fact's text says the question's concept of a thing the question
        names and the fact is about, its word right before the thing with only grammar
        words between: "Norland *opened a trade office*" is the opening of that office,
        "visited *the headquarters of the Meridian*" a visit to its headquarters, whatever
        kind of fact it is. Not a person or a country ("opened talks with Serbia")."""
        if not any((e := self.kb.entities.get(i)) and e.type not in ("person", "country")
                   for i in objects):
            return False  # nothing it could be done to: no text need be read
        about = self._profiles[fact.id].about
        if not any(i in about for i in m.ids):
            return False  # no text of it names the concept (what its profile has)
        key = (fact.id, "#done " + ",".join(m.ids) + "|" + ",".join(sorted(objects)))
        if key not in self._said:
            found = self._read(fact.texts.get(self.kb.meta.language, ""))
            done = False
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "concept" and
                        set(item.ids) & set(m.ids)):
                    continue
                for after in found[pos + 1:pos + 4]:
                    if isinstance(after, Match) and after.kind == "entity":
                        done = any(i in objects and (e := self.kb.entities.get(i)) and
                                   e.type not in ("person", "country") for i in after.ids)
                        break
                    if not (isinstance(after, Match) and after.kind == "stop"):
                        break
                if done:
                    break
            self._said[key] = done
        return self._said[key]

    def _asks_who_does(self, query: Query) -> bool:
        """A question for whoever does something: not yes/no, naming no person (what
        Masimov said about recognising is about the topic), not negated itself."""
        last = getattr(self, "_who_does_last", None)  # asked for every candidate fact
        if last is not None and last[0] is query:
            return last[1]
        negations = self.index.grammar(None).get("negation", frozenset())
        asks = not (query.yes_no or any(self._is_person(m) for m in query.mentions) or any(
            t.folded in negations for t in self.kb.stemming.tokens(query.text)))
        self._who_does_last = (query, asks)  # one assignment: safe across threads
        return asks

    def _only_negated(self, fact: Fact, m: Mention) -> bool:
        """True when the fact's texts use the words the question names this by, and only
        right after a negation ("did not recognize", "will not recognize"). Read once."""
        if fact.id not in self._negating:
            return False  # no text of it has a negation (noted while indexing)
        key = (fact.id, "#not " + m.text + "|" + ",".join(m.ids))
        if key not in self._said:
            asked = {self.kb.stemming.stems(m.text)} - {()}
            negations = self.index.grammar(None).get("negation", frozenset())
            seen = negated = 0
            for text in fact.texts.values():
                tokens = self.kb.stemming.tokens(text)
                stems = [t.stem for t in tokens]
                for phrase in asked:
                    for i in range(len(tokens) - len(phrase) + 1):
                        if tuple(stems[i:i + len(phrase)]) == phrase:
                            seen += 1
                            negated += any(t.folded in negations
                                           for t in tokens[max(i - 3, 0):i + len(phrase)])
            self._said[key] = bool(seen) and seen == negated
        return self._said[key]

    def _in_role(self, query: Query, holding: list[tuple[float, Fact]]
                 ) -> list[tuple[float, Fact]]:
        """"When did Reyvik become Director-General?": where the question gives a person
        a role, the facts whose text gives them that role, when some do (not the one in
        which he hands the post over)."""
        asked = self._role_asked(query)
        if asked is None:
            return holding
        roles, people = asked
        # (a role its text gives someone is a concept its profile has: no other is read)
        titled = [(s, f) for s, f in holding if not roles.isdisjoint(
            self._profiles[f.id].about) and any(
            roles & self._titled(f, taken=query.become).get(i, frozenset())
            for i in people[0].ids)]
        # "become": only a fact in which they take the role on answers; so does one that
        # gives them the role where the question says they had it by a word the texts use
        # as a title ("which mission did Brandt *command*?": not the one in which another
        # is "commander" and he is aboard).
        if self._says_title(query, people[0]) and not any(
                m is not people[0] and not m.soft and not set(m.ids) & roles
                for m in query.mentions):
            # "What did Moldan compose?" names only him and the verb: it asks what he
            # did in that role, which "the composer Andrei Moldan" does not say.
            verbs = {self.kb.stemming.stems(m.text) for m in query.mentions
                     if m.kind == "concept" and set(m.ids) & roles}
            return [(s, f) for s, f in titled if self._says_untitled(f, verbs)]
        return titled if query.become or self._says_title(query, people[0]) \
            else titled or holding

    def _role_asked(self, query: Query) -> tuple[set[str], list[Mention]] | None:
        """The roles a question gives the one person it names, and that person (as a
        list of one); None where it gives none, or asks who ("who was PM when Nazarbayev
        visited?" asks for someone else)."""
        if {"who", "name"} & query.intents:
            return None
        roles = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & \
            self._role_concepts
        people = [m for m in query.mentions if self._is_person(m)]
        return (roles, people) if roles and len(people) == 1 else None

    def _says_untitled(self, fact: Fact, verbs: set[tuple[str, ...]]) -> bool:
        """True when a text of the fact has the question's word for a role (by stem)
        other than as a title before a person's name ("Moldan composed …", not "the
        composer Andrei Moldan")."""
        key = (fact.id, "#untitled " + ",".join(" ".join(v) for v in sorted(verbs)))
        if key not in self._said:
            said = False
            for text in fact.texts.values():
                found = self._read(text)
                for pos, item in enumerate(found):
                    if not (isinstance(item, Match) and
                            tuple(w.stem for w in item.words) in verbs):
                        continue
                    after = pos + 1
                    while after < len(found) and isinstance(found[after], Match) and \
                            found[after].kind == "demonym":
                        after += 1
                    nxt = found[after] if after < len(found) else None
                    said = said or not (isinstance(nxt, Match) and nxt.kind == "entity" and
                                        any((e := self.kb.entities.get(i)) and
                                            e.type == "person" for i in nxt.ids))
            self._said[key] = said
        return self._said[key]

    def _says_title(self, query: Query, person: Mention) -> bool:
        """True when the question gives the person a role after naming them, by a word
        that the fact base's texts put before a person's name as a title ("commander
        Sana Orlova"): "did Brandt command …", not "President Tokayev visited …"."""
        if person.role == "owner" or not self._after_auxiliary(query, person):
            return False  # "Vučić's wife", "vucic wife": someone else's role
        after = query.mentions[query.mentions.index(person) + 1:]
        words = self._title_words
        return any(m.kind == "concept" and set(m.ids) & self._role_concepts and
                   self.kb.stemming.stems(m.text) in words for m in after)

    def _on_wrong_side(self, query: Query, fact: Fact) -> list[str]:
        """"What did Vučić give Nazarbayev?" is not answered by "Vučić was awarded … by
        Nazarbayev": who the question puts on which side of a giving (Sides)."""
        return self._wrong_sides(query, fact)  # type: ignore[attr-defined]

    def _sides(self, fact: Fact) -> tuple[set[str], set[str]]:
        """Who the fact's text, in the fact base's own language, has give and who
        receive what the fact is: a giver is named after `agent_before` ("… by Vučić")
        or right before the event's verb ("King Halvard III awarded …", "Kestria sent
        …"); a receiver right after it ("awarded Isolde Marrin"), before a `receiving`
        word ("Radu Petrescu received …") or a passive auxiliary ("Vučić was awarded"),
        or, in a giving, after `receiver_before` ("… the prize to Yara Hendriks"); a title
        between does not part them ("by President Nazarbayev")."""
        key = (fact.id, "#sides")
        if key not in self._said:
            grammar = self.index.grammar(None)
            marks = grammar.get("agent_before", frozenset())
            receiving = grammar.get("receiving", frozenset())
            passive = grammar.get("passive_auxiliary", frozenset())
            found = self._read(fact.texts.get(self.kb.meta.language, ""))

            def verb(item) -> bool:
                return isinstance(item, Match) and item.kind == "concept" and \
                    fact.kind in item.ids

            givers: set[str] = set()
            receivers: set[str] = set()
            giving = self._is_giving(fact)  # type: ignore[attr-defined]
            to = grammar.get("receiver_before", frozenset()) if giving else frozenset()
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "entity"):
                    continue
                before = self._before_name(found, pos, articles=False)
                marked = self._before_name(found, pos, articles=True)
                after = found[pos + 1:pos + 3]
                ids = set(item.ids)
                if isinstance(marked, Match) and marked.kind == "stop" and \
                        marked.words[-1].folded in marks or \
                        after and verb(after[0]) and after[0].words[0].folded not in receiving:
                    givers |= ids
                elif isinstance(marked, Match) and marked.kind == "stop" and \
                        marked.words[-1].folded in to:
                    receivers |= ids  # "presented the prize to Yara Hendriks"
                elif verb(before) or after and verb(after[0]) or len(after) == 2 and \
                        isinstance(after[0], Match) and after[0].kind == "stop" and \
                        after[0].words[-1].folded in passive and verb(after[1]):
                    receivers |= ids
            self._said[key] = (givers, receivers)
        return self._said[key]

    def _before_name(self, found: list, pos: int, articles: bool):
        """What comes before the name at `pos`, past a title or nationality ("by
        *President* Nazarbayev", "awarded *President* Rafael Osta") and, with `articles`,
        an article ("from *the* Republic of Kazakhstan")."""
        skip = self.index.grammar(None).get("articles", frozenset()) if articles else ()
        while pos > 0:
            item = found[pos - 1]
            if not (isinstance(item, Match) and (
                    item.kind == "demonym" or item.kind == "concept" and
                    set(item.ids) <= self._role_concepts or
                    item.kind == "stop" and all(w.folded in skip for w in item.words))):
                return item
            pos -= 1
        return None

    def _after_auxiliary(self, query: Query, m: Mention, active: bool = False) -> bool:
        """The mention is the subject of an auxiliary verb right before it ("did Brandt",
        "was Tokayev"): what follows is said of it. `active`: not a passive one ("was
        Kazakhstan asked …": `passive_auxiliary`), so the mention did what follows. Read
        once per question."""
        def read() -> bool:
            tokens = self.kb.stemming.tokens(query.text)
            name = [t.folded for t in self.kb.stemming.tokens(m.text)]
            grammar = self.index.grammar(None)
            auxiliaries = grammar.get("yes_no", frozenset())
            if active:
                auxiliaries = auxiliaries - grammar.get("passive_auxiliary", frozenset())
            return any([t.folded for t in tokens[i:i + len(name)]] == name and
                       tokens[i - 1].folded in auxiliaries for i in range(1, len(tokens)))
        return self._per_question(("#auxiliary", query.text, m.text, active), read)

    def _per_question(self, key: tuple, read: Callable[[], Any]) -> Any:
        """What `read` says of a question, read once however many facts ask, in a memo
        that questions cannot grow for ever (unlike `_said`, kept per fact)."""
        memo = self.__dict__.setdefault("_asked_memo", {})
        if key not in memo:
            if len(memo) >= QUESTION_MEMO:
                memo.clear()
            memo[key] = read()
        return memo[key]

    def _first_in_role(self, query: Query, dated: list[Fact]) -> list[Fact]:
        """"Who was the second Director-General?": of the facts in date order, the first
        that gives each new person in the role asked, so that the n-th is the n-th
        person, however many facts the first one has. Where some of the facts use the
        question's own word for the role, only those count: "Director-General", not the
        "director" of another body that the fact base's concept also holds."""
        word = next((m for m in query.mentions if m.kind == "concept" and
                     query.role in m.ids), None)
        if word is not None:
            dated = [f for f in dated if self._uses_own_word(f, word)] or dated
        named = {i for m in query.mentions for i in m.ids}
        # "the second Serbian president": someone of that country
        countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                     m.role == "owner" and all(self.kb.entities[i].type == "country"
                                               for i in m.ids)]
        seen: set[str] = set()
        out = []
        for fact in dated:
            titled = self._titled(fact)
            people = {i for i, roles in titled.items() if query.role in roles and
                      i not in named and all(self.kb.entities[i].country in c
                                             for c in countries)}
            if people and not people <= seen:
                out.append(fact)
            seen |= people
        return out

    def _titled(self, fact: Fact, taken: bool = False) -> dict[str, frozenset[str]]:
        """The people a fact's text gives a role, with it: "Director-General Ingrid
        Halvorsen" (a title), "Ingrid Halvorsen, … was appointed the first Director-General"
        (the person the text opens with, and the roles it names after them: `taken`, the
        role they take on, is only that), read once."""
        cache = self.__dict__.setdefault("_titled_cache", {})
        if (fact.id, taken) in cache:
            return cache[fact.id, taken]
        out: dict[str, set[str]] = {}
        text = fact.texts.get(self.kb.meta.language, "")
        found = self._read(text)
        people = [(pos, t.id) for pos, item in enumerate(found) if isinstance(item, Match)
                  for t in item.terms if t.kind == "entity" and
                  (e := self.kb.entities.get(t.id)) and e.type == "person"]
        owning = self.index.grammar([self.kb.meta.language]).get("owner_before", frozenset())
        titles: set[int] = set()  # where a title stands before a person's name
        for pos, person in people if not taken else ():
            back = pos - 1
            while back >= 0 and isinstance(found[back], Match) and pos - back < 4 and (
                    found[back].kind in ("demonym", "entity") or
                    found[back].kind == "stop" and back + 1 < pos and
                    found[back + 1].kind == "entity" and
                    all(w.folded in owning for w in found[back].words)):
                back -= 1  # "Kazakh President …", "President of Kazakhstan …"
            if back >= 0 and isinstance(found[back], Match):
                titles.add(back)
                out.setdefault(person, set()).update(
                    t.id for t in found[back].terms if t.kind == "concept")
        if not taken:
            cache[fact.id, "titles"] = {i: frozenset(c) & self._role_concepts
                                        for i, c in out.items()}
        if people and people[0][0] == 0:
            # The sentence's subject: it becomes what the sentence names after it, but
            # for another's title ("Vučić, … and Kazakh Prime Minister Sagintayev").
            out.setdefault(people[0][1], set()).update(
                t.id for k, item in enumerate(found[1:], 1) if isinstance(item, Match) and
                k not in titles for t in item.terms
                if t.kind == "concept" and t.id in self._role_concepts)
        cache[fact.id, taken] = {i: frozenset(c) & self._role_concepts for i, c in out.items()}
        return cache[fact.id, taken]

    @cached_property
    def _base_stops(self) -> frozenset[str]:
        """The fact base's own language's one-word stop words ("in", "of")."""
        return frozenset(w for w in map(fold, self.kb.language(self.kb.meta.language).stopwords)
                         if " " not in w)

    def _gives_title(self, fact: Fact, person: str) -> bool:
        """Whether the fact's text gives the person a post: a role before their name
        ("Kazakh Prime Minister Karim Masimov"), or the words their description opens
        with, a few words before their name ("State secretary in …" of Ivan Mrkić: "… by
        state secretary in the Serbian Foreign Ministry Ivan Mrkić")."""
        if person not in (*fact.who, *fact.tags):
            return False
        if self._titled(fact).get(person):
            return True
        key = (fact.id, "#post " + person)
        if key not in self._said:
            entity, base = self.kb.entities[person], self.kb.meta.language
            stems = self.kb.stemming.tokens
            lead: list[str] = []
            for t in stems(entity.descriptions.get(base, "")):
                if t.folded in self._base_stops and not lead:
                    continue  # "The …"
                if t.folded in self._base_stops or len(lead) == 3:
                    break  # "State secretary | in the Serbian Foreign Ministry"
                lead.append(t.stem)
            name = [t.stem for t in stems(entity.surname or entity.names.get(base, ""))][-1:]
            text = [t.stem for t in stems(fact.texts.get(base, ""))]
            found = self._read(fact.texts.get(base, ""))
            self._said[key] = bool(lead and name) and any(
                text[i:i + len(lead)] == lead and
                name[0] in text[i + len(lead):i + len(lead) + TITLE_REACH]
                for i in range(len(text))) or any(
                # "… named Milanka Karić honorary consul", "Reyk became director": a
                # post right after the name, a grammar word between at most
                isinstance(item, Match) and person in item.ids and
                self._post_at(found, pos + 1) for pos, item in enumerate(found))
        return self._said[key]

    def _titles_people(self, word: str) -> bool:
        """Whether the word is in people's names only, as a title: "King" of "King
        Halvard III" (a "district" of a place's name is not)."""
        stems = self.kb.stemming.stems(word)
        if len(stems) != 1:
            return False
        types = self._name_word_types.get(stems[0], set())
        return types == {"person"}

    @cached_property
    def _name_word_types(self) -> dict[str, set[str]]:
        """Stem of a word of an entity's names → the types of the entities it names."""
        out: dict[str, set[str]] = {}
        for e in self.kb.entities.values():
            for name in (*e.names.values(), *e.aliases):
                for t in self.kb.stemming.tokens(name):
                    out.setdefault(t.stem, set()).add(e.type)
        return out

    def _number_owned_by(self, fact: Fact, named: set[str]) -> bool | None:
        """Whether the first number of the fact's text (not a year) is of one of the named
        things: the nearest name before it in its sentence or clause, across commas
        ("… the New Greyfell Tunnel, which is 22.6 kilometres long" is the tunnel's).
        None: no name stands before it there."""
        key = (fact.id, "#number of")
        if key not in self._said:
            text = fact.texts.get(self.kb.meta.language, "")
            at = next((m.start() for m in _NUMBER.finditer(text)
                       if not _YEARLIKE.match(m.group(0))), None)
            owner = None
            if at is not None:
                before = _CLAUSE_END.split(text[:at])[-1]
                names = [item.ids for item in self._read(before)
                         if isinstance(item, Match) and item.kind == "entity"]
                owner = names[-1] if names else None
            self._said[key] = owner
        owner = self._said[key]
        return None if owner is None else bool(set(owner) & named)

    def _has_word(self, fact: Fact, word: str) -> bool:
        """Whether one of the fact's texts has the word (by stem), inside a name or not:
        "which king …" holds for "King Halvard III opened …" only."""
        stems = self.kb.stemming.stems(word)
        key = (fact.id, "#word " + " ".join(stems))
        if key not in self._said:
            self._said[key] = bool(stems) and any(
                stems[0] in {t.stem for t in self.kb.stemming.tokens(text)}
                for text in fact.texts.values())
        return self._said[key]

    def _post_at(self, found: list, pos: int) -> bool:
        """A concept that is no kind of event at `pos`, or after one grammar word that
        does not join another name ("and"): what the name before it is."""
        joining = self.index.grammar(None).get("span_and", frozenset())
        if pos < len(found) and isinstance(found[pos], Match) and found[pos].kind == "stop" \
                and not {w.folded for w in found[pos].words} & joining:
            pos += 1
        return pos < len(found) and isinstance(found[pos], Match) and \
            found[pos].kind == "concept" and not set(found[pos].ids) & self._kinds

    def _takes_part(self, people: tuple[str, ...], fact: Fact, query: Query) -> bool:
        """A person named in a question must take part in the fact (its `who` or tags), not
        only appear in its text; or take part in the occasion the fact was part of, when
        the question names that occasion ("the singers during Nazarbayev's visit")."""
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        occasion = parent is not None and any(
            parent.kind in m.ids for m in query.mentions if m.kind == "concept")
        # Asked in the fact's own kind of event ("when was Marrin *appointed*?"), a person
        # only tagged beside the people it names is what it is about, not who did it
        # ("Victor Marrin, the son of Isolde Marrin, became director").
        # Not where the question asks who the person is ("Who is Tamara in the context
        # of the 2017 visit?"): that says nothing of what she did.
        doers = fact.who if not self._who_is_asked(query) and any(
            fact.kind in m.ids for m in query.mentions if m.kind == "concept") and any(
            self.kb.entities[i].type == "person" for i in fact.who) else ()
        return any(i in (doers or (*fact.who, *fact.tags)) or
                   (occasion and i in parent.who) for i in people)

    def _owns_in(self, query: Query, m: Mention, fact: Fact) -> bool:
        """A person named as an owner ("when were *Nyberg's* symphonies recorded?") is
        whose thing it is, not who did it: a fact about them (`who` or `tags`) holds them
        though others did the deed ("the orchestra recorded the symphonies of Nyberg").
        So is one to whom the deed was done (see _object_asked), whom the text may name in
        passing ("Viktor Amsel succeeded Anton Feld")."""
        if m.role == "owner":
            return any(i in fact.who or i in fact.tags for i in m.ids)
        return self._object_asked(query, m)

    def _object_asked(self, query: Query, m: Mention) -> bool:
        """A person a "who" question names right after the kind of event it asks the
        doer of ("who succeeded *Anton Feld*?"): whom it was done to."""
        if "who" not in query.intents or m not in query.mentions or m.text.startswith("("):
            return False  # ("who did *he* meet?": the thread's person is who did it)
        at = query.mentions.index(m)
        return at > 0 and query.mentions[at - 1].kind == "concept" and \
            bool(set(query.mentions[at - 1].ids) & self._kinds)

    def _said_to_do(self, query: Query, m: Mention, fact: Fact) -> bool:
        """Whether the text has the person asked as whom it was done to (see
        _object_asked) right before the question's own word for the deed: the one who did
        it ("Viktor Amsel succeeded Anton Feld" is no answer to "who succeeded Amsel?")."""
        if m.text.startswith("("):  # a pronoun: the thread's person, not written so
            return False
        verb = query.mentions[query.mentions.index(m) - 1]
        stems = set(self.kb.stemming.stems(verb.text))
        key = (fact.id, "#said to do " + ",".join(m.ids) + "|" + ",".join(sorted(stems)))
        if key not in self._said:
            found = [self._read(text) for text in fact.texts.values()]
            self._said[key] = any(
                isinstance(item, Match) and set(m.ids) & set(item.ids) and
                isinstance(after, Match) and bool(stems & {w.stem for w in after.words})
                for read in found for item, after in zip(read, read[1:]))
        return self._said[key]

    def _who_is_asked(self, query: Query) -> bool:
        """"Who is Tamara …?", "who was Reyk?": a person named right after "who" and an
        auxiliary (`who_subject`, `yes_no`) is asked about, not said to do anything."""
        def read() -> bool:
            grammar = self.index.grammar(None)
            who = grammar.get("who_subject", frozenset())
            auxiliaries = grammar.get("yes_no", frozenset())
            tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
            for m in query.mentions:
                if not self._is_person(m) or m.text.startswith("("):
                    continue
                name = [t.folded for t in self.kb.stemming.tokens(m.text)]
                if any(tokens[i:i + len(name)] == name and tokens[i - 1] in auxiliaries and
                       tokens[i - 2] in who for i in range(2, len(tokens))):
                    return True
            return False
        return self._per_question(("#who is", query.text), read)

    def _not_a_title_in(self, question: str, stem: str) -> bool:
        """Whether the question does not put the word right before a person's name."""
        return self._per_question(("#title", question, stem), lambda: self._before_person(
            self.index.find(question), stem) is False)

    def _only_as_title(self, fact: Fact, m: Mention, query: Query) -> bool:
        """A plain word the question says of someone it names ("what did Serra
        *compose*?") that the fact's text has only right before a person's name, as what
        they are ("the Belmoran *composer* Joaquim Serra"), says nothing of what they did;
        unless the question puts it before a name too."""
        stems = self.kb.stemming.stems(m.text)
        at = query.mentions.index(m) if m in query.mentions else 0
        if len(stems) != 1 or not any(  # "did Serra compose": said of someone named
                self._is_person(o) and o.role != "owner" and self._after_auxiliary(query, o)
                for o in query.mentions[:at]):  # ("is Vučić's wife": his wife's, not his)
            return False
        if not self._not_a_title_in(query.text, stems[0]):
            return False
        key = (fact.id, "#title " + stems[0])
        if key not in self._said:
            found = self._read(fact.texts.get(self.kb.meta.language, ""))
            self._said[key] = self._before_person(found, stems[0]) is True
        return self._said[key]

    def _before_person(self, found: list, stem: str) -> bool | None:
        """Whether every use of the word (by stem) stands right before a person's name
        (a nationality or a name between), None where it is not used."""
        uses = [pos for pos, item in enumerate(found)
                if any(w.stem == stem for w in (item.words if isinstance(item, Match)
                                                else (item,)))]
        if not uses:
            return None
        def titled(pos: int) -> bool:
            for item in found[pos + 1:pos + 4]:
                if not isinstance(item, Match) or item.kind not in ("entity", "demonym"):
                    return False
                if any(t.kind == "entity" and (e := self.kb.entities.get(t.id)) and
                       e.type == "person" for t in item.terms):
                    return True
            return False
        return all(titled(pos) for pos in uses)

    def _only_besides(self, query: Query, fact: Fact) -> bool:
        """Whether the fact is what "besides X" sets aside: it holds X and, where X is a
        name, names nothing else of X's type ("besides Kosovo, which territories …" is
        answered by the fact naming Kosovo, Abkhazia and South Ossetia)."""
        if self._lacks(Query.naming(query.text, query.besides), fact):
            return False
        named = {i for m in (*query.mentions, *query.besides) for i in m.ids}
        types = {e.type for m in query.besides if m.kind == "entity" for i in m.ids
                 if (e := self.kb.entities.get(i))}
        return not any(e.type in types for i in self._profiles[fact.id].about
                       if i not in named and (e := self.kb.entities.get(i)))

    def _names_other(self, query: Query, fact: Fact) -> bool:
        """Whether the fact has someone or somewhere taking part that the question does
        not name: what "which other …" asks for."""
        named = {i for m in (*query.mentions, *query.besides) if m.kind == "entity"
                 for i in m.ids}
        return any(i not in named for i in (*fact.who, *fact.where))

    def _gives_place(self, query: Query, fact: Fact) -> bool:
        """A "where" question needs a place the question does not name already: "which
        cities did he see on his trip to Kazakhstan?" is not answered by "he visited
        Kazakhstan"."""
        named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
        p = self._profiles[fact.id]
        # (read until the first such place: a "where" question reads it of every fact)
        entities = self.kb.entities
        return any(s > 0 and i not in named for i, s in p.located.items()) or any(
            s >= IN_TEXT and i not in named and (e := entities.get(i)) and e.type == "place"
            for i, s in p.about.items())  # "Serbian President …" names no place

    def _states_measure(self, fact: Fact, query: Query) -> bool:
        """"How big/how long is …" is answered by a number in the text; "how long did it
        last", "how long was she director" (of a person) also by a span of dates."""
        asked = frozenset(query.measured) or self._measures.asked(query.text)
        lasting = query.duration or "duration" in asked and any(
            self._is_person(m) for m in query.mentions)  # "how long was X conductor?"
        if lasting and fact.date and (fact.date.end_day or fact.date.end_month or
                                      fact.date.end_year):
            return True  # (a person has no length: "how long" of them asks a span)
        if asked:  # "how high": a number with a word of height, in the text's language
            key = (fact.id, "#measure " + " ".join(sorted(asked)))
            if key not in self._said:
                self._said[key] = any(self._measures.stated(text, code, asked)
                                      for code, text in fact.texts.items())
            return self._said[key]
        # Tokens the index leaves unread: the digits of a name ("Nova 1") are not a size,
        # nor is a day next to its month ("went into labor on 9 June"), which the base
        # language's text reads (a translation's inflected month may not be).
        key = (fact.id, "#number")
        if key not in self._said:
            read = self._read(fact.texts.get(self.kb.meta.language, ""))
            self._said[key] = any(
                isinstance(t, Token) and t.folded[:1].isdigit() and not _YEARLIKE.match(t.folded)
                and not any(isinstance(n, Match) and n.kind == "month"
                            for n in read[max(k - 1, 0):k + 2])
                for k, t in enumerate(read))
        return self._said[key]

    def _measure_of_named(self, fact: Fact, query: Query) -> bool:
        """"How big is Zenda?", "what is the area of Astana?": some number of the measure
        asked (any that is no year nor day, where none is asked) is of a thing the
        question names (see _of_named): "… BK Tesla Park Astana, a 21-hectare housing
        project" is the park's area, not Astana's; "Fredville United beat … 3–1 in
        Zenda" no size of Zenda. Read in the base language's text."""
        named = {i for m in query.mentions if m.kind == "entity" and not m.soft
                 for i in m.ids}
        asked = frozenset(query.measured) or self._measures.asked(query.text)
        lasting = query.duration or "duration" in asked and any(
            self._is_person(m) for m in query.mentions)  # "how long was X conductor?"
        if not named or lasting and fact.date and (
                fact.date.end_day or fact.date.end_month or fact.date.end_year):
            return True
        concepts = {i for m in query.mentions if m.kind in ("concept", "word") and
                    not m.soft for i in m.ids}
        key = (fact.id, "#measure of " + " ".join(sorted(asked)) + "|" +
               ",".join(sorted(named)) + "|" + ",".join(sorted(concepts)))
        if key not in self._said:
            code = self.kb.meta.language
            text = fact.texts.get(code, "")
            months = frozenset(fold(m) for m in (*self.kb.language(code).months,
                                                 *self.kb.language(code).months_standalone))
            # a clause that names nothing ("he orbited the Earth 17 times in 26 hours")
            # says it of what the fact is about: its people and tags, not where it was
            about = named & {*fact.who, *fact.tags}
            self._said[key] = any(self._of_named(text, at, named, concepts, bool(about))
                                  for at in self._measures.spots(text, code, asked, months))
        return self._said[key]

    def _of_named(self, text: str, at: int, named: set[str], concepts: set[str],
                  about: bool) -> bool:
        """Whether a number is of what the question names: right after "X of" it is X's
        ("a staff of 140"), which must be a topic the question names; else the nearest
        name before it in its sentence or clause (across commas, not one after "in",
        "between" …) must be one of those named; where no name stands there, the fact
        must be `about` one of them, or a topic the question names stand there ("*The
        project* is worth around 500 million" is the project's, no size of the city it
        was built in)."""
        read = self._read(_CLAUSE_END.split(text[:at])[-1])
        grammar = self.index.grammar(None)
        of = grammar.get("owner_before", frozenset())
        words = [(w, item) for item in read for w in _words_of(item)]
        near = next((k for k in range(len(words) - 1, max(len(words) - 2, 0) - 1, -1)
                     if words[k][0].folded in of), None)
        if near and not self._measures.is_word(words[near - 1][0]):
            # "headquarters in Steinholm and *a staff of* 140": the staff's number
            owner = words[near - 1][1]
            return isinstance(owner, Match) and owner.kind in ("concept", "word") and \
                bool(set(owner.ids) & concepts)
        # A name after "in", "between", "from" … says where or between what, not whose
        # the number is: "the high-speed line cut the journey *between Teranzo and Kell
        # Hadar* to 3 hours 40 minutes" is the line's.
        aside = grammar.get("place_before", frozenset()) | grammar.get("range", frozenset()) \
            | grammar.get("agent_before", frozenset())
        joins = grammar.get("span_and", frozenset()) | grammar.get("articles", frozenset())
        names: list[tuple[str, ...]] = []
        for k, item in enumerate(read):
            if not (isinstance(item, Match) and item.kind == "entity"):
                continue
            j = k - 1
            while j >= 0 and (all(w.folded in joins for w in _words_of(read[j])) or
                              isinstance(read[j], Match) and read[j].kind == "entity"):
                j -= 1
            if not (j >= 0 and all(w.folded in aside for w in _words_of(read[j]))):
                names.append(item.ids)
        if names:
            return bool(set(names[-1]) & named)
        return about or any(isinstance(item, Match) and item.kind in ("concept", "word")
                            and set(item.ids) & concepts for item in read)

    def _states_day(self, fact: Fact) -> bool:
        """A day the text gives ("went into labor on 9 June") answers "on what day"."""
        key = (fact.id, "#day")
        if key not in self._said:
            self._said[key] = self._reads_day(fact)
        return self._said[key]

    def _reads_day(self, fact: Fact) -> bool:
        for code, text in fact.texts.items():
            months = {fold(m) for m in (*self.kb.language(code).months,
                                        *self.kb.language(code).months_standalone)}
            words = self.kb.stemming.tokens(text)
            if any(w.folded in months and any(n.folded.isdigit() and len(n.folded) <= 2
                                              for n in words[max(i - 1, 0):i + 2])
                   for i, w in enumerate(words)):
                return True
        return False

    def _gives_someone(self, query: Query, fact: Fact, kinds: frozenset[str]) -> bool:
        """A "who" question needs a participant the question does not name already: a
        person, organisation or country, or people by role ("five ministers") where it
        names no role itself ("who were the five ministers?" asks for more than that). A
        question for the names of a role ("the mayors' names") needs someone in it."""
        if any(m.choice for m in query.mentions):
            return True
        named = {i for m in query.mentions if m.kind in ("entity", "concept") for i in m.ids}
        asked = named & self._role_concepts
        if query.role_said and query.role not in self._role_concepts and \
                query.role not in self._kinds and not self._uses(fact, query.role_said):
            # "Who was the first ambassador?" of a fact about the embassy: a word of its
            # concept that no one bears, nor the fact calls anyone.
            return False
        if query.role in self._role_concepts and kinds is ANSWER_TYPES:
            # "Who was the ambassador?": someone in that role, or no answer; "Norland's
            # prime minister", "the Serbian president": someone of that country.
            countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                         m.role == "owner" and all(self.kb.entities[i].type == "country"
                                                   for i in m.ids)]
            # ("who led the inquiry?" of "the commission chaired by Greta Lund": a text
            # that says the role's deed in other words gives its people, untitled)
            said = any(m.kind == "concept" and query.role in m.ids and
                       self._in_other_words(fact, m) for m in query.mentions)
            # Where the text gives the role as someone's title, it is theirs, not an
            # untitled other's ("Vučić, … and Kazakh Prime Minister Sagintayev" names no
            # Serbian prime minister); one the text gives a title has that one
            # ("President Vučić" in 2018 is no prime minister), and one it names
            # untitled the roles of the fact's time (_roles_then).
            titles = self._titles_before_names(fact)
            holders = {i for i, roles in titles.items() if query.role in roles}
            return any(i not in named and self.kb.entities[i].type in kinds and
                       (query.role in (titles.get(i) or self._roles_then(i, fact)) and
                        (not holders or i in holders) or
                        said and i in fact.who and self.kb.entities[i].type == "person") and
                       all(self.kb.entities[i].country in c for c in countries)
                       for i in (*fact.who, *self._profiles[fact.id].about)
                       if i in self.kb.entities)
        countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                     m.role == "owner" and all(self.kb.entities[i].type == "country"
                                               for i in m.ids)]
        if query.role and countries and kinds is ANSWER_TYPES:
            # "Who was the first Kestrian ambassador to Belmora?" where ambassadors are a
            # kind of fact, not a title: the country whose envoy it is takes part in the
            # fact, not the Belmoran ambassador's, whose text names Kestria as well.
            parties = {i for i in fact.who if (e := self.kb.entities.get(i)) and
                       e.type == "country"}
            if parties and not all(c & parties for c in countries):
                return False
        if query.name_of and kinds is NAMED_TYPES and query.name_of not in self._role_concepts:
            return self._named_as(fact, query.name_of, named)
        p = self._profiles[fact.id]
        authors = self._authors_only(query, fact)  # "a design by …" of "who built"
        for key in p.about:
            if key in named or p.about[key] < IN_TEXT or key in authors or \
                    key not in self._text_names(fact) or \
                    key not in fact.who and self._only_owning(fact, key) and \
                    (e := self.kb.entities.get(key)) is not None and e.type != "person":
                continue
            e = self.kb.entities.get(key)
            if e and e.type == "country" and p.about[key] < TAGGED:
                continue  # "President of Kazakhstan Tokayev": a country in passing is no one
            if e and e.type in kinds and (kinds is not NAMED_TYPES or not asked or
                                          asked & self._roles(e.id)):
                return True
            if not asked and key in self._role_concepts and "person" in kinds and not any(
                    key in self._roles(i) for i in named if i in self.kb.entities):
                return True  # "five ministers" — unless it is the named person's own title
        return False

    def _only_owning(self, fact: Fact, key: str) -> bool:
        """Whether the fact's text names the entity only right after `owner_before`
        ("principal conductor *of the Varrow Philharmonic*"): whose post or thing it is,
        not someone who did anything — no answer to "who succeeded Feld?" (a person so
        named is one, "the son of Isolde Marrin": see _gives_someone)."""
        memo_key = (fact.id, "#only owning " + key)
        if memo_key not in self._said:
            grammar = self.index.grammar(None)
            of = grammar.get("owner_before", frozenset())
            articles = grammar.get("articles", frozenset())
            seen = owning = 0
            for text in fact.texts.values():
                words: list[str] = []
                for item in self._read(text):
                    if isinstance(item, Match) and key in item.ids:
                        words.append("")  # where the entity stands
                    elif isinstance(item, Match):
                        words.extend(w.folded for w in item.words)
                    else:
                        words.append(item.folded)
                for at, word in enumerate(words):
                    if word == "":
                        seen += 1
                        back = at - 1 - (at > 1 and words[at - 1] in articles)
                        owning += back >= 0 and words[back] in of
            self._said[memo_key] = bool(seen) and seen == owning
        return self._said[memo_key]

    def _titles_before_names(self, fact: Fact) -> dict[str, frozenset[str]]:
        """The roles the fact's text gives people as titles before their names ("Kazakh
        Prime Minister Bakhytzhan Sagintayev"), not as the sentence's subject."""
        self._titled(fact)
        return self.__dict__["_titled_cache"][fact.id, "titles"]

    def _roles_then(self, person: str, fact: Fact) -> frozenset[str]:
        """A person's roles at the time of a dated fact: all of them, less the titles the
        texts give them before their name only in other years, where the texts of its
        year give them one. In 2018 the texts call Vučić "President", so he is not the
        "Prime Minister" of the 2016 ones; an astronaut titled nowhere stays one."""
        roles = self._roles(person)
        if not fact.date:
            return roles
        key = (person, fact.date.year)
        cache = self.__dict__.setdefault("_roles_then_cache", {})
        if key not in cache:
            year = fact.date.year
            every: set[str] = set()
            then: set[str] = set()
            for f in self.kb.facts:
                titles = self._titles_before_names(f).get(person, frozenset())
                every |= titles
                if f.date and f.date.covers_year(year, year):
                    then |= titles
            cache[key] = roles - (every - then) if then else roles
        return cache[key]

    def _named_as(self, fact: Fact, asked: str, named: set[str]) -> bool:
        """"What was the name of the group …?": the fact's text names something the
        question does not right by that word ("the firm Energoprojekt", "the Aurora
        programme"), with at most grammar words or a nationality between."""
        key = (fact.id, "#named as " + asked + "|" + ",".join(sorted(named)))
        if key not in self._said:
            self._said[key] = any(self._named_in(self._read(text), asked,
                                                 named) for text in fact.texts.values())
        return self._said[key]

    def _named_in(self, found: list, asked: str, named: set[str]) -> bool:
        """`_named_as` in one text, read (in any of the fact's languages)."""
        def says(k: int) -> bool:  # a cue of it, or a name that ends in its word
            item = found[k]
            if not isinstance(item, Match):
                return False
            return asked in item.ids or asked.startswith("w:") and \
                item.words[-1].stem == asked[2:]

        def thin(k: int) -> bool:
            return isinstance(found[k], Match) and found[k].kind in ("stop", "demonym")

        def names(k: int) -> bool:
            item = found[k] if 0 <= k < len(found) else None
            return isinstance(item, Match) and item.kind == "entity" and any(
                i not in named and (e := self.kb.entities.get(i)) and
                e.type in NAMED_TYPES for i in item.ids)
        said = False
        for k in range(len(found)):
            if not says(k):
                continue
            after = k + 1
            while after < len(found) and after - k <= 3 and thin(after):
                after += 1
            said = said or names(k) or names(after) or names(k - 1)  # "Skadi rocket"
        return said

    def _says_universal(self, fact: Fact) -> bool:
        """True when the fact's text says "ever" (a `universal` word of its language)."""
        return any(t.folded in self.index.grammar([code]).get("universal", ())
                   for code, text in fact.texts.items()
                   for t in self.kb.stemming.tokens(text))

    def _uses(self, fact: Fact, words: str) -> bool:
        """True when one of the fact's texts has these words (by stem, in order)."""
        key = (fact.id, "#uses " + words)
        if key not in self._said:
            asked = self.kb.stemming.stems(words)
            self._said[key] = bool(asked) and any(
                all(_like(a, b) for a, b in zip(asked, stems[i:i + len(asked)]))
                for text in fact.texts.values()
                for stems in (self.kb.stemming.stems(text),)
                for i in range(len(stems) - len(asked) + 1))
        return self._said[key]

    def _of_kind(self, query: Query, facts: list[Fact]) -> list[Fact]:
        """"Vučić's first visit", "which president visited in 2015?": visits, not what
        happened during them, where the question names the kind of event."""
        kinds = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & self._kinds
        if not kinds:
            return facts
        return [f for f in facts if f.kind in kinds] or facts

    def _apply_modifiers(self, query: Query, chosen: list[Fact]) -> list[Fact]:
        dated = [f for f in chosen if f.date]
        if "first" in query.modifiers and dated:
            return [min(dated, key=lambda f: sort_key(f.date))]
        if "latest" in query.modifiers and dated:
            return [max(dated, key=lambda f: sort_key(f.date))]
        return chosen

    def _says(self, fact: Fact, modifier: str) -> bool:
        """True when the fact's text uses one of the modifier's words ("first"), in the
        text's language: noted while indexing (FactIndex._note_modifiers)."""
        return fact.id in self._saying.get(modifier, ())

    def _owner_does(self, fact: Fact, owners: set[str], doing: set[str]) -> bool:
        """True when the fact's text names the owner right before the question's verb,
        grammar words between ("*Serbia opened* an embassy"): the owner did it itself,
        so the one the fact base records is its first. "A rocket launched the lander,
        built with Meridian" is not Meridian's launch."""
        key = (fact.id, "#does " + ",".join(sorted(owners)) + "|" + ",".join(sorted(doing)))
        if key not in self._said:
            said = False
            for text in fact.texts.values():
                found = self._read(text)
                for pos, item in enumerate(found):
                    if not (isinstance(item, Match) and item.kind == "entity" and
                            set(item.ids) & owners):
                        continue
                    for after in found[pos + 1:pos + 3]:
                        if isinstance(after, Match) and after.kind == "concept":
                            said = said or bool(set(after.ids) & doing)
                            break
                        if not (isinstance(after, Match) and after.kind == "stop"):
                            break
            self._said[key] = said
        return self._said[key]

    def _says_first_of(self, fact: Fact, ids: tuple[str, ...]) -> bool:
        """True when the fact's text says "first" of what the question does: a first
        word, then within three words a cue of the same topic or the same plain word
        ("the agency's *first satellite*", "its *first* group", not "the first foreign
        astronaut" of a rocket)."""
        key = (fact.id, "#first of " + ",".join(ids))
        if key not in self._said:
            said = False
            for text in fact.texts.values():
                found = self._read(text)
                for pos, item in enumerate(found):
                    if isinstance(item, Match) and item.kind == "modifier" and \
                            "first" in item.ids and any(
                                isinstance(after, Match) and (set(after.ids) & set(ids) or
                                                              "w:" + after.words[-1].stem in ids)
                                for after in found[pos + 1:pos + 4]):
                        said = True
            self._said[key] = said
        return self._said[key]

    def _says_first_done(self, fact: Fact) -> bool:
        """True when the fact's text (in the fact base's language) says "first" right
        before a plain word, a verb of what the fact is: "the commission *first met*"."""
        found = self.index.find(fact.texts.get(self.kb.meta.language, ""), fuzzy=False)
        return any(isinstance(item, Match) and item.kind == "modifier" and
                   "first" in item.ids and isinstance(after, Match) and after.kind == "word"
                   for item, after in zip(found, found[1:]))

    def _is_person(self, m: Mention) -> bool:
        return m.kind == "entity" and all(
            self.kb.entities[i].type == "person" for i in m.ids if i in self.kb.entities)

    def _tolerates(self, query: Query) -> bool:
        """Whether a word the fact base does not know may be left unread. A question that
        names little besides it asks about it ("When was Tesla *born*?"); one that names
        enough of a fact to pin it down may just be worded in a way the fact base does
        not know ("What *commercial* pact came out of Tadić's 2010 trip?")."""
        if "when" in query.intents:
            # "When did the agreement come into *force*?": a date answers only for the
            # very event asked, and a word left unread may name another one.
            return False
        named = [m for m in query.mentions if m.kind in ("entity", "concept") and not m.soft]
        return len(query.unknown) == 1 and len(named) + len(query.years) >= TOLERATE


def _words_of(item) -> tuple:
    """The words of a read item: a match's, or the token itself."""
    return item.words if isinstance(item, Match) else (item,)
