"""Questions of a shape beyond a lookup: a comparison of two events, the event next to
another ("the visit right before Tokayev's"), counts, and yes/no.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import cached_property
from datetime import date, timedelta

from ..dates import chronological, sort_key
from ..matching import Match
from ..model import Answer, Context, Fact, Line, Segment
from ..query import DAYS, PEOPLE, UNIT, YEARS, Query, with_context
from ..text import fold
from .weights import (ANSWER_THRESHOLD, ENUMERATION, QUESTION_MEMO, TAGGED, _THOUSANDS,
                      _YEARLIKE as _YEAR)


class Shapes:
    """Comparisons, the event before or after, counts and yes/no."""

    def _compare(self, query: Query, context: Context) -> Answer:
        """"Which came first, A or B?", "Did A happen before or after B?": both events with
        their dates, and the verdict."""
        assert query.halves
        if query.span:
            return self._span_apart(query, context)
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        picked: list[Fact] = []
        halves = list(query.halves)
        for i, half in enumerate(halves):
            other = halves[1 - i]
            if half.mentions and all(self._is_person(m) for m in half.mentions):
                # "Did Vučić get the order before or after Nikolić did?": Nikolić got it too.
                half = replace(half, mentions=half.mentions + tuple(
                    m for m in other.mentions if not self._is_person(m)
                    and m not in half.mentions))
            halves[i] = half
        for half in halves:
            half = with_context(replace(half, modifiers=frozenset(), intents=frozenset()),
                                context)
            chosen, _, _ = self._select(half) if half.named else ([], 0.0, ())
            chosen = self._saying_word(half, [f for f in chosen if f not in picked and f.date] +
                                       self._plainly_of(half, picked))
            if not chosen:
                return self._decline(query.text, self._missing_message(
                    half, ("?",), templates), context, query.mentions,
                    nearest=self._nearest(half))
            picked.append(min(chosen, key=chronological))
        a, b = picked
        order = (sort_key(a.date), _end_key(a)) , (sort_key(b.date), _end_key(b))
        lines: list[Line] = []
        if order[0] == order[1]:
            lines.append((Segment(templates["compare_same"], strong=True),))
            lines.extend(self.fact_line(f, code) for f in (a, b))
        elif query.sequence and not {"first", "latest"} & query.modifiers:
            verdict = templates["compare_before" if order[0] < order[1] else "compare_after"]
            lines.append((Segment(verdict + " "), *self.fact_line(a, code)))
            lines.append(self.fact_line(b, code))
        else:
            earlier, later = (a, b) if order[0] < order[1] else (b, a)
            if "latest" in query.modifiers and "first" not in query.modifiers:
                lines.append((Segment(templates["compare_later"] + " "),
                              *self.fact_line(later, code)))
                lines.append((Segment(templates["compare_earlier"] + " "),
                              *self.fact_line(earlier, code)))
            else:
                lines.append((Segment(templates["compare_earlier"] + " "),
                              *self.fact_line(earlier, code)))
                lines.append((Segment(templates["compare_later"] + " "),
                              *self.fact_line(later, code)))
        return Answer(question=query.text, answered=True, lines=tuple(lines), confidence=1.0,
                      facts=(a.id, b.id), related=self._related([a, b], code),
                      # A follow-up ("and where was that?") is about the two events, not
                      # about something that is both halves at once.
                      context=self._next_context(replace(query, mentions=(), years=()),
                                                 [a, b], context), language=code)

    def _saying_word(self, half: Query, chosen: list[Fact]) -> list[Fact]:
        """"Which opened first, the Belmoran embassy or the Kestrian one?": each side is
        the thing named, so where some facts of the topic (their kind or a tag) say its word
        in the question (or one of the same meaning), the others of it are other things of
        it: "a trade agency operated from 1948" is no embassy's opening, as _preferences
        prefers a fact that says a cue of several words. A fact of another kind that only
        mentions the word ("about his visit he said …") is no closer to it."""
        for m in half.mentions:
            if m.kind != "concept" or m.soft:
                continue
            def of_it(f: Fact, ids: set[str] = set(m.ids)) -> bool:
                return f.kind in ids or bool(ids & set(f.tags))
            ids = {f.id for f in chosen}

            def occasion(f: Fact) -> str:  # what a statement during a visit says is its
                return f.part_of if f.part_of in ids else f.id
            saying = {occasion(f) for f in chosen if of_it(f) and any(
                self._uses(f, w) for w in self._same_meaning(m.text))}
            if saying:
                chosen = [f for f in chosen if not of_it(f) or occasion(f) in saying]
        return chosen

    def _plainly_of(self, half: Query, picked: list[Fact]) -> list[Fact]:
        """"Which came first, the regatta or the ferry line?": every dated fact plainly
        about what a half names (each topic its kind, a tag or a participant, not a word
        of its text) counts, so that the earliest is the thing's first occasion (the
        line's opening), not the best-ranked fact about it (its passengers in 2022)."""
        if not half.named:
            return []
        return [f for s, f in self._score(half, dated=True, among=self._could_hold(half))
                if s >= ANSWER_THRESHOLD and f.date and f not in picked and
                not self._lacks(half, f) and all(
                    self._strength(m, f, self._profiles[f.id], half) >= TAGGED
                    for m in half.mentions if m.kind in ("entity", "concept"))]

    def _span_apart(self, query: Query, context: Context) -> Answer:
        """"How many years passed between A and B?", "how long after A did B happen?": the
        calendar years (or days) between the two events, with both. Each half must be one
        dated event; one not found, two found, or B not on the side of A the question
        says is no answer."""
        assert query.halves and query.span
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        picked: list[Fact] = []
        for half in query.halves:
            half = with_context(replace(half, intents=frozenset()), context)
            chosen, _, _ = self._select(half) if half.named else ([], 0.0, ())
            ids = {f.id for f in chosen}
            chosen = [f for f in chosen if f.part_of not in ids]  # the visit, not its parts
            if len(chosen) != 1 or not chosen[0].date or chosen[0] in picked:
                return self._decline(query.text, self._missing_message(
                    half, ("?",), templates), context, query.mentions,
                    nearest=self._nearest(half))
            picked.append(chosen[0])
        a, b = picked
        ka, kb = sort_key(a.date), sort_key(b.date)
        if query.span_order and (kb < ka if query.span_order == "after" else ka < kb):
            return self._decline(query.text, templates["dont_know"], context,
                                 query.mentions, nearest=(a, b))
        earlier, later = (a, b) if ka <= kb else (b, a)
        if query.span == DAYS:
            if not (earlier.date.day and later.date.day):
                return self._decline(query.text, templates["dont_know"], context,
                                     query.mentions, nearest=(a, b))
            count = (date(later.date.year, later.date.month, later.date.day) -
                     date(earlier.date.year, earlier.date.month, earlier.date.day)).days
        else:
            count = later.date.year - earlier.date.year
        head = templates["span_days" if query.span == DAYS else "span_years"]
        lines: list[Line] = [(Segment(head.format(count=count), strong=True),)]
        lines.extend(self.fact_line(f, code) for f in (earlier, later))
        return Answer(question=query.text, answered=True, lines=tuple(lines), confidence=1.0,
                      facts=(earlier.id, later.id), related=self._related([a, b], code),
                      context=self._next_context(query, [a, b], context), language=code)

    def _next_to(self, query: Query, context: Context) -> Answer:
        """"Which visit came right before Tokayev's trip?", "and the one before that?": the
        nearest event on that side of the pivot that holds the rest of the question."""
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        if query.pivot is not None and "who" in query.intents and \
                query.role in self._role_concepts and query.pivot.mentions and \
                all(self._is_person(m) for m in query.pivot.mentions):
            return self._in_role_next_to(query, context)
        if query.pivot is None and "who" in query.intents and \
                query.role in self._role_concepts and context.facts:
            # "Who was the second Director-General?" — "and the one after that?": the
            # next person in the role after the one the answer gave it.
            given = {i for f in (self.kb.fact(i) for i in context.facts) if f
                     for i, roles in self._titled(f).items() if query.role in roles}
            if given:
                return self._in_role_next_to(query, context, given)
        if query.pivot is not None:
            # "after Tadić" is after Tadić's event of the kind asked; "after Aurora 4" (an
            # event of its own) is after that.
            around = [m for m in query.mentions if not self._is_person(m)] \
                if all(self._is_person(m) for m in query.pivot.mentions) else []
            pivot_query = replace(query.pivot, mentions=query.pivot.mentions + tuple(
                m for m in around if m not in query.pivot.mentions))
            chosen, _, _ = self._select(pivot_query)
            if not chosen:
                chosen, _, _ = self._select(query.pivot)
            # "Which agreement was signed right after the Hallen Protocol?": the pivot is
            # the protocol's signing, an event of the kind asked, not the visit that
            # prepared it.
            asked = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & \
                self._kinds
            named = {i for m in query.pivot.mentions if m.kind == "concept"
                     for i in m.ids} & self._kinds
            if named and not any(f.kind in named for f in chosen):
                # "What did Reyvik say after Aurora 4 landed?": no landing is a fact of
                # its own, but what he said is one that says it came after it.
                rest = replace(query, sequence=None, pivot=None, modifiers=frozenset(),
                               intents=query.intents - {"when"})
                itself = [f for f in chosen if f.kind in asked and not self._lacks(rest, f)]
                if itself:
                    return self._compose(rest, itself, 1.0, context)
            chosen = [f for f in chosen if f.kind in asked] or chosen
            pivot = min((f for f in chosen if f.date), key=chronological, default=None)
        else:
            # "and before him?" after "who visited after him?" keeps that pivot.
            # "and the visit before that?" — "and after?": the other side of the same
            # pivot, not the next one from the answer just given (the same visit again).
            kept = self.kb.fact(context.pivot) if query.continues and context.pivot and (
                "person" in query.pronouns or self._turns_back(query, context)) else None
            pivot = kept or next((f for i in context.facts if (f := self.kb.fact(i)) and f.date),
                                 None)
        if pivot is None or pivot.date is None:
            message = templates["who_is_meant"] if query.pivot is None else \
                self._missing_message(query.pivot, ("?",), templates)
            return self._decline(query.text, message, context, query.mentions)
        rest = replace(query, sequence=None, pivot=None, modifiers=frozenset(),
                       intents=query.intents - {"when"})
        # The kind of event asked for is what the question names (its concepts must hold
        # anyway); else "the one before that" is one of the same kind, and "what happened
        # after the split?" anything that happened.
        named = {i for m in rest.mentions if m.kind == "concept" for i in m.ids}
        kinds = named & self._kinds or (set(self._kinds) if named or query.pivot is not None
                                        else {pivot.kind})
        here = sort_key(pivot.date)
        after = query.sequence == "after"
        # "Which president visited after Tadić?" asks for someone else.
        # "Which president visited after Tadić('s visit)?" asks for someone else; "what
        # visit came after Tadić's state visit?" may be his own next one.
        pivot_names = query.pivot.mentions if query.pivot else ()
        asks_person = "who" in query.intents or any(
            m.kind == "concept" and set(m.ids) & self._role_concepts for m in query.mentions)
        others = {i for m in pivot_names if self._is_person(m) for i in m.ids} \
            if pivot_names and (asks_person or all(self._is_person(m) for m in pivot_names)) \
            else set()
        if query.pivot is None and "who" in query.intents:
            # "who was the next president to visit?" after an answer about Tadić's
            # visit (or what was signed during it): someone other than its people.
            occasion = self.kb.fact(pivot.part_of) if pivot.part_of else None
            others = {i for f in (pivot, occasion) if f for i in f.who
                      if i in self.kb.entities and self.kb.entities[i].type == "person"}
        # Another kind of event may share the pivot's date ("what did he say after the
        # landing?" is what he said then); an event of the same kind must come after.
        def beyond(f: Fact) -> bool:
            key = sort_key(f.date)
            if f.id == pivot.part_of:
                return False  # the occasion the pivot was part of is not next to it
            if f.kind != pivot.kind and (key == here or f.part_of == pivot.id):
                return True
            return key > here if after else key < here
        # Only a fact of the kinds, or tagged with one, can be the answer: those are read
        # from the postings (in the fact base's order), not every fact, unless every kind
        # is asked for; what is cheap to check is checked before whether it holds.
        pool = self.kb.facts if kinds == self._kinds else sorted(
            {f.id: f for k in kinds for f in self._postings.get(k, ())}.values(),
            key=lambda f: self._order[f.id])
        near = [f for f in pool if f.date and f.id != pivot.id and (
            f.kind in kinds or kinds & set(f.tags)) and beyond(f) and not others & set(f.who)]
        # Events of the kind, or of another kind but tagged with it and no part of another
        # event ("the launch after Polaris 1": the launch that ended in an explosion);
        # else any tagged with it ("how were relations repaired afterwards?": a
        # declaration tagged with relations).
        found = [f for f in near if (f.kind in kinds or kinds & set(f.tags) and not f.part_of)
                 and not self._lacks(rest, f)] or \
            [f for f in near if kinds & set(f.tags) and not self._lacks(rest, f)]
        if not found:
            return self._decline(query.text, templates["nothing_next" if after
                                                       else "nothing_before"],
                                 context, query.mentions, nearest=(pivot,))
        target = (min if after else max)(found, key=chronological)
        reply = self._compose(rest, [target], 1.0, context)
        return replace(reply, context=replace(reply.context, pivot=pivot.id))

    def _turns_back(self, query: Query, context: Context) -> bool:
        """Whether the question asks the other side of the pivot than the answer just
        given lies on: "after" once that answer came before its pivot, or "before"
        once it came after."""
        pivot = self.kb.fact(context.pivot) if context.pivot else None
        given = next((f for i in context.facts if (f := self.kb.fact(i)) and f.date), None)
        if not pivot or not pivot.date or not given:
            return False
        earlier = sort_key(given.date) < sort_key(pivot.date)
        return earlier if query.sequence == "after" else not earlier

    def _in_role_next_to(self, query: Query, context: Context,
                         pivots: set[str] | None = None) -> Answer:
        """"Who headed the agency before Reyvik?", "who was manager after Anna Berg?": the
        person whose text gives them the role asked nearest before (after) the first fact
        that gives it the pivot person, in a fact of the same organisation where that one
        names one, else of the pivot's country where known; answered with the first fact that gives it them."""
        templates = self.kb.language(context.language).templates
        if pivots is None:
            pivots = {i for m in query.pivot.mentions for i in m.ids}
        # A text that gives someone the role names it, so its fact is in the role's
        # postings (its profile has what its texts name): those, not every fact, are read.
        dated = sorted((f for f in self._postings.get(query.role or "", ()) if f.date),
                       key=chronological)
        holders = [(f, i) for f in dated for i, roles in self._titled(f).items()
                   if query.role in roles]
        start = next((f for f, i in holders if i in pivots), None)
        if start is None:
            return self._decline(query.text, self._missing_message(
                query.pivot, (query.pivot.mentions[0].text,), templates)
                if query.pivot is not None else templates["who_is_meant"], context,
                query.mentions)
        here = sort_key(start.date)
        after = query.sequence == "after"
        # of the same body: the director of another agency did not follow him
        bodies = {i for i in start.who if (e := self.kb.entities.get(i)) and
                  e.type == "organisation"}
        # else of the same country: a Kazakh president is no Serbian one's predecessor
        countries = {self.kb.entities[i].country for i in pivots} - {None}
        side = [(f, i) for f, i in holders if i not in pivots and
                (sort_key(f.date) > here if after else sort_key(f.date) < here) and
                (bodies & set(f.who) if bodies else
                 not countries or self.kb.entities[i].country in countries)]
        if not side:
            return self._decline(query.text, templates["nothing_next" if after
                                                       else "nothing_before"],
                                 context, query.mentions, nearest=(start,))
        person = side[0][1] if after else side[-1][1]
        first = next(f for f, i in holders if i == person)
        rest = replace(query, sequence=None, pivot=None, modifiers=frozenset())
        reply = self._compose(rest, [first], 1.0, context)
        return replace(reply, context=replace(reply.context, pivot=start.id))

    def _nth_day(self, query: Query, context: Context) -> Answer:
        """"What happened on the second day of Vučić's October 2018 visit?": the occasion
        the rest of the question holds, a span of days; then the facts dated that one day
        of it that were part of it, or took place in its span with its people, and hold
        the question as well. A day past its end, or with nothing dated, is no answer."""
        templates = self.kb.language(context.language).templates
        rest = replace(query, nth_day=None)
        chosen, _, missing = self._select(rest)
        spans = [f for f in chosen if f.date and f.date.day and f.date.end_day]
        occasion = next((f for f in spans if not f.part_of), spans[0] if spans else None)
        if occasion is None:
            return self._decline(query.text, self._missing_message(rest, missing or ("?",),
                                                                   templates),
                                 context, query.mentions, nearest=tuple(chosen[:1]))
        d = occasion.date
        start = date(d.year, d.month, d.day)
        end = date(d.end_year or d.year, d.end_month or d.month, d.end_day)
        day = start + timedelta(days=query.nth_day - 1)
        people = {i for i in occasion.who if self.kb.entities[i].type == "person"}
        # (a fact of that day is among that year's: the postings, not every fact)
        found = [f for f in self._postings.get(f"year:{day.year}", ()) if f.id != occasion.id
                 and f.date and
                 f.date.day and not (f.date.end_day or f.date.end_month or f.date.end_year)
                 and date(f.date.year, f.date.month, f.date.day) == day and
                 (f.part_of == occasion.id or not f.part_of and people & set(f.who))
                 and not self._lacks(rest, f)] if day <= end else []
        if not found:
            return self._decline(query.text, templates["dont_know"], context,
                                 query.mentions, nearest=(occasion,))
        return self._compose(rest, found, 1.0, context)

    def _count(self, query: Query, facts: list[Fact], code: str) -> list[Line]:
        """"How many …": events ("how many times", "how many visits"), people by role
        ("how many presidents"), or the number a fact's text states ("five ministers").
        No number is made up: when none is stated, there is no count line."""
        return self._counted(query, facts, code)[0]

    def _counted(self, query: Query, facts: list[Fact], code: str
                 ) -> tuple[list[Line], list[Fact] | None]:
        """`_count`'s line, and where it counts occasions, the occasions it counted: the
        list shown is those ("3 in all" lists three visits, not also what happened
        during one of them)."""
        templates = self.kb.language(code).templates
        counted = query.counted
        own = {UNIT + w.stem for m in query.mentions if m.kind == "concept" and
               counted in m.ids for w in self.kb.stemming.tokens(m.text)[-1:]}
        if own and len(facts) == 1 and (stated := self._stated_number(facts[0], own) or
                                        self._apposed_number(facts[0], own)):
            # "How many helicopters were sent?": "12 helicopters", though the word is a
            # cue of the fact's kind, whose occasions would be counted otherwise.
            return [(Segment(templates["count"].format(count=stated), strong=True),)], None
        if not counted or counted in self._kinds and any(f.kind == counted and f.date
                                                         for f in facts):
            # Occasions are dated: "how many stations …", where "stations" is a cue of
            # undated facts' kind ("dimensions"), counts none of them.
            # "How many times …": occasions, not what happened during them.
            ids = {f.id for f in facts}
            events = [f for f in facts if f.part_of not in ids]
            stated = self._stated_noun(query, facts)
            if stated:
                return [(Segment(templates["count"].format(count=stated[0]),
                                 strong=True),)], None
            written = self._number_before(events[0], own) if len(events) == 1 and own \
                else None
            named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
            if written and named and self._number_owned_by(events[0], named) is not True:
                return [], None  # "How many crowns did Aldmark pay?": 1.2 billion is the budget
            if written:
                # "How many passengers did the line carry in 2019?": "4.1 million
                # passengers" is the number of them the text states, not 1.
                return [(Segment(templates["count"].format(count=written),
                                 strong=True),)], None
            if query.counted_noun and (len(events) == 1 and (query.ordinal or any(
                    m.kind == "context" for m in query.mentions)) or
                    self._names_entity_type(query.counted_noun, code)):
                # "How many companies attended the fourth forum?": of one occasion the
                # question pins, what it counts is not its one fact; "how many
                # countries are in the OSCE?": entities of a type are no occasions.
                return [], None
            return [(Segment(templates["count"].format(count=len(events)),
                             strong=True),)], events
        named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
        if counted in (DAYS, YEARS):
            ids = {f.id for f in facts}
            occasions = [f for f in facts if f.part_of not in ids]  # the visit, not its parts
            # Of two occasions ("the electrification work", "the first electric train"),
            # the one with a span of dates is what lasted.
            spans = {s for f in occasions if (s := self._span(f, counted))}
            head = templates["span_days" if counted == DAYS else "span_years"]
            return ([(Segment(head.format(count=spans.pop()), strong=True),)]
                    if len(spans) == 1 else []), None
        if len(facts) == 1:
            # The question's own word first ("14 stations"), then any of its concept's
            # ("five deputies" for "ministers") unless that concept is the fact's kind,
            # whose words are not all one thing ("486 kilometres" is no count of stations).
            stated = own and self._stated_number(facts[0], own) or \
                self._apposed_number(facts[0], own | {counted}) or \
                (None if own and facts[0].kind == counted else
                 self._stated_number(facts[0], {counted})) or (
                self._part_number(facts[0], counted, query) if counted.startswith(UNIT)
                else None) or (
                None if counted.startswith(UNIT) else  # minutes are not listed by name
                self._enumerated(facts[0], counted, named))
            if stated:
                return [(Segment(templates["count"].format(count=stated), strong=True),)], None
            people = self._people_in_role(facts[0], query, named) if counted == PEOPLE \
                else None
            if people:
                names = ", ".join(self.kb.text(self.kb.entities[i].names, code) for i in people)
                return [(Segment(templates["count_people"].format(
                    count=len(people), names=names), strong=True),)], None
        if counted in self._role_concepts or counted == PEOPLE and len(facts) > 1:
            named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
            people = list(dict.fromkeys(
                i for f in facts for i in f.who if self.kb.entities[i].type == "person"
                and (counted == PEOPLE or counted in self._roles(i)) and i not in named))
            if people:
                names = ", ".join(self.kb.text(self.kb.entities[i].names, code) for i in people)
                return [(Segment(templates["count_people"].format(
                    count=len(people), names=names), strong=True),)], None
        return [], None

    def _names_entity_type(self, stem: str, code: str) -> bool:
        """Whether `stem` is a word the pack has for a type of entity (`entity_types`:
        "countries", "companies"), which a count of the facts found does not count."""
        grammar = self.index.grammar([code])
        return any(stem in words for job, words in grammar.items() if job.startswith("type:"))

    def _stated_noun(self, query: Query, facts: list[Fact]) -> tuple[str, Fact] | None:
        """"How many companies took part in the first forum?" of one occasion: the number
        its fact, or one fact of what happened during it, states before the word counted
        ("some 300 companies"), with that fact; a word of no topic is not events."""
        if not query.counted_noun or len({f.part_of or f.id for f in facts}) != 1:
            return None
        ids = {f.id for f in facts}
        candidates = [*facts, *(
            p for i in dict.fromkeys(c for f in facts for c in self._children.get(f.id, ()))
            if i not in ids and (p := self.kb.fact(i)) and not self._lacks(query, p))]
        cues = {UNIT + query.counted_noun}
        found = [(n, f) for f in candidates  # "some 300 companies", "candidates, four people"
                 if (n := self._stated_number(f, cues) or self._apposed_number(f, cues))]
        return found[0] if len({n for n, _ in found}) == 1 else None

    def _people_in_role(self, fact: Fact, query: Query, named: set[str]) -> list[str]:
        """"How many people inaugurated the construction?" of one fact: the people its text
        names in the one sentence that says everything the question says of them (each of
        its concepts), besides those the question names. Read in the base language's text;
        none, or two such sentences, is no count."""
        concepts = {i for m in query.mentions if m.kind == "concept" for i in m.ids}
        text = fact.texts.get(self.kb.meta.language)
        if not concepts or not text:
            return []
        found: list[list[str]] = []
        for sentence in _SENTENCE.split(text):
            items = [item for item in self._read(sentence)
                     if isinstance(item, Match)]
            held = {i for item in items if item.kind == "concept" for i in item.ids}
            people = [at for at, item in enumerate(items) if item.kind == "entity" and
                      any(self.kb.entities[i].type == "person" for i in item.ids
                          if i in self.kb.entities)]
            cues = [at for at, item in enumerate(items) if item.kind == "concept"
                    and concepts & set(item.ids)]
            # The people are the ones who did it only when one of the question's words
            # stands right by them: "X and Y inaugurated", "inaugurated by X"; "the
            # ceremony was attended by the state secretary … X" does not count those who came.
            if not concepts <= held or not any(c - p == 1 or 0 < p - c <= 2
                                               for c in cues for p in people):
                continue
            # … and what the question names them doing it to is what the text says they
            # did it to: the nearest kind of event before it is one the question names
            # ("he *opened* the Business Forum" is no count of who *attended* it).
            if any(item.kind == "entity" and set(item.ids) & named and
                   (before := [b for b in items[:at] if b.kind == "concept" and
                               set(b.ids) & self._kinds]) and
                   not concepts & set(before[-1].ids)
                   for at, item in enumerate(items) if at not in people):
                continue
            found.append(list(dict.fromkeys(
                i for item in items if item.kind == "entity" for i in item.ids
                if i not in named and i in self.kb.entities
                and self.kb.entities[i].type == "person")))
        return found[0] if len(found) == 1 else []

    def _enumerated(self, fact: Fact, counted: str, named: set[str]) -> str | None:
        """How many things of one type the text lists right by a word of what is counted:
        "the Mayors of Belgrade and Novi Sad" → 2. Read in the base language's text."""
        code = self.kb.meta.language
        text = fact.texts.get(code)
        words = self._cue_stems({counted}, code)
        if not text or not words:
            return None
        found, position, at = self._read(text), 0, []
        for item in found:
            size = len(item.words) if isinstance(item, Match) else 1
            at.append((position, item))
            position += size
        cues = [p for p, item in at if any(w.stem in words for w in _words_of(item))]
        # "met President Nikolić and Prime Minister Vučić": another role's word between
        # the cue and a name makes that name someone else's.
        others = [p for p, item in at if p not in cues and isinstance(item, Match) and
                  item.kind == "concept" and set(item.ids) & self._role_concepts and
                  counted not in item.ids]
        near: dict[str, set[str]] = defaultdict(set)
        for p, item in at:
            if isinstance(item, Match) and item.kind == "entity" and \
                    any(-2 <= p - c <= ENUMERATION and not any(c < o < p for o in others)
                        for c in cues):
                for i in item.ids:
                    if i not in named and i in self.kb.entities:
                        near[self.kb.entities[i].type].add(i)
        most = max((len(v) for v in near.values()), default=0)
        return str(most) if most >= 2 else None

    def _span(self, fact: Fact, unit: str) -> int | None:
        """"How many days did the visit last?" — 27–29 August: 3; "how many years was he
        director?" — 1951–1963: 12; "how many years was it to take?" — "between 2018 and
        2023": 5."""
        d = fact.date
        if unit == DAYS and d and d.day and d.end_day and (d.end_month or d.month) == d.month \
                and (d.end_year or d.year) == d.year:
            return d.end_day - d.day + 1
        if unit == YEARS and d and d.end_year and d.end_year > d.year:
            return d.end_year - d.year
        if unit == YEARS:
            years = sorted({int(t.folded) for t in self.kb.stemming.tokens(
                fact.texts.get(self.kb.meta.language, "")) if _YEAR.match(t.folded)})
            if len(years) == 2:
                return years[1] - years[0]
        return None

    def _cue_stems(self, cues: set[str], code: str | None = None) -> set[str]:
        """The stems of the words that name these concepts (or `PEOPLE`), in every
        language or in `code`'s."""
        units = {c[len(UNIT):] for c in cues if c.startswith(UNIT)}
        if units:
            return units.union(*(self._kind_stems.get(u, ()) for u in units))
        memo = self.__dict__.setdefault("_cue_stems_memo", {})  # the packs' words only
        key = (frozenset(cues), code)
        if key not in memo:
            if len(memo) >= QUESTION_MEMO:
                memo.clear()
            memo[key] = frozenset(self._stems_of_cues(cues, code))
        return set(memo[key])

    @cached_property
    def _kind_stems(self) -> dict[str, frozenset[str]]:
        """A general word's stem → the stems of its kinds (the packs' `kinds`: "troops" →
        "soldiers"; "fatalities" → "killed"): "how many troops …" is counted by "600
        soldiers", a number the text states of a kind of what is asked."""
        tokens = self.kb.stemming.tokens
        out: dict[str, set[str]] = defaultdict(set)
        for lang in self.kb.languages.values():
            groups = lang.vocabulary.get("synonyms") or {}
            for gid, specific in (lang.vocabulary.get("kinds") or {}).items():
                kinds = {t.stem for w in specific if len(ts := tokens(w)) == 1 for t in ts}
                for word in groups.get(gid, (gid.replace("_", " "),)):
                    if len(ts := tokens(word)) == 1:
                        out[ts[0].stem] |= kinds
        return {k: frozenset(v) for k, v in out.items()}

    def _stems_of_cues(self, cues: set[str], code: str | None) -> set[str]:
        languages = [self.kb.language(code)] if code else list(self.kb.languages.values())
        words = {w for lang in languages for c in cues
                 for w in (lang.grammar.get("people", ()) if c == PEOPLE
                           else lang.concepts.get(c, ()))}
        return {t.stem for w in words for t in self.kb.stemming.tokens(w)}

    def _stated_number(self, fact: Fact, cues: set[str]) -> str | None:
        """A number the fact's text puts before a word of what is counted: "five
        ministers" → "5", "4,300 people" → "4,300", as the text writes it (`PEOPLE`: the
        language's people words)."""
        number = self._bare_number(fact, cues)
        if number is None or not number.isdigit():
            return number
        for text in fact.texts.values():  # as the text writes it: "410,000", not "410000"
            written = re.search(r"(?<!\d)" + r"[,.\u00a0 ]?".join(number) + r"(?!\d)", text)
            if written:
                return written.group(0)
        return number

    def _apposed_number(self, fact: Fact, cues: set[str]) -> str | None:
        """"its second group of astronaut candidates, *four people*, among them …": the
        number a text sets after a comma right behind a word of what is counted (and at
        most two more words), before a word of people or of the counted thing, as the
        text writes it — the count of them, of which the people it names are some."""
        stems = self._cue_stems(cues)
        for code, text in fact.texts.items():
            people = self._cue_stems({PEOPLE}, code) | stems
            numbers = self._number_words(code)
            words = [(m.start(), m.end(), self.kb.stemming.token(m.group()))
                     for m in _WORD_AT.finditer(text)]
            for at, (_, end, t) in enumerate(words):
                if t.stem not in stems:
                    continue
                for k in range(at, min(at + 3, len(words) - 2)):
                    gap = text[words[k][1]:words[k + 1][0]]
                    if gap.strip() == ",":
                        number, noun = words[k + 1][2], words[k + 2][2]
                        if (number.folded.isdigit() and not _YEAR.match(number.folded) or
                                number.folded in numbers) and noun.stem in people and \
                                text[words[k + 1][1]:words[k + 2][0]].strip() == "":
                            return numbers.get(number.folded, number.text)
                        break
                    if gap.strip():
                        break
        return None

    def _part_number(self, fact: Fact, unit: str, query: Query) -> str | None:
        """"The Silvane is 812 kilometres long, of which 310 kilometres lie in Kestria":
        of two numbers of the unit, where the clause (up to a comma) of one puts it in a
        place ("… lie *in Kestria*"), the one in the place the question puts it in
        ("how many kilometres … lie in Kestria?"), or, where the question puts it in
        none, the one of the clause that puts it in none (the whole: "how many kilometres
        long is the Silvane?"). Read in the base language's text; two clauses that say
        no place ("scored after 12 minutes; lasted 2 hours 10 minutes"), or two numbers
        left, are no answer."""
        code = self.kb.meta.language
        text = fact.texts.get(code, "")
        stems = self._cue_stems({unit})
        named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
        places = {i for m in query.mentions if m.kind == "entity" and m.role == "place"
                  for i in m.ids}
        numbers = self._number_words(code)
        within = self.kb.language(code).grammar.get("place_before", ())
        said: list[tuple[list[str], set[str]]] = []
        for clause in _PART.split(text):
            words = self.kb.stemming.tokens(_THOUSANDS.sub(r"\1\2", clause))
            found = [first.folded if first.folded.isdigit() else numbers[first.folded]
                     for at, (first, second) in enumerate(zip(words, words[1:]))
                     if second.stem in stems and
                     (first.folded.isdigit() or first.folded in numbers) and
                     not (at and words[at - 1].folded.isdigit())]  # "2 hours 10 minutes"
            if not found:
                continue
            read = self._read(clause)
            parts = {i for k, item in enumerate(read) if k and isinstance(item, Match) and
                     item.kind == "entity" and any(w.folded in within
                                                   for w in _words_of(read[k - 1]))
                     for i in item.ids if (e := self.kb.entities.get(i)) and
                     e.type in ("place", "country")}
            said.append((found, parts))
        if not any(parts for _, parts in said):
            return None
        kept = {n for found, parts in said for n in found
                if (places <= parts and parts <= named if places else not parts)}
        if len(kept) != 1:
            return None
        number = kept.pop()
        written = re.search(r"(?<!\d)" + r"[,.\u00a0 ]?".join(number) + r"(?!\d)", text)
        return written.group(0) if written else number

    def _number_before(self, fact: Fact, cues: set[str]) -> str | None:
        """The number a text of the fact writes up to two words before a word of what is
        counted, as written ("4.1 million" of "4.1 million passengers")."""
        stems = self._cue_stems(cues)
        for text in fact.texts.values():
            for t in self.kb.stemming.tokens(text):
                if t.stem in stems:
                    found = re.search(r"(\d[\d.,]*(?:\s+[^\W\d]+){0,2}?)\s+" +
                                      re.escape(t.text) + r"\b", text)
                    if found:
                        return found.group(1)
        return None

    def _bare_number(self, fact: Fact, cues: set[str]) -> str | None:
        """`_read_number`, read once per fact and cues (the texts and packs say it)."""
        key = (fact.id, "#bare " + ",".join(sorted(cues)))
        if key not in self._said:
            self._said[key] = self._read_number(fact, cues)  # type: ignore[assignment]
        return self._said[key]  # type: ignore[return-value]

    def _read_number(self, fact: Fact, cues: set[str]) -> str | None:
        stems = self._cue_stems(cues)
        unit = any(c.startswith(UNIT) for c in cues)
        kinds = stems - {c[len(UNIT):] for c in cues if c.startswith(UNIT)}
        for code, text in fact.texts.items():
            found = self.kb.stemming.tokens(_THOUSANDS.sub(r"\1\2", text))
            numbers = self._number_words(code)
            if unit and sum(t.stem in stems for t in found) > 1:
                continue  # "scored after 12 minutes; lasted 100 minutes": which one?
            grammar = self.kb.language(code).grammar
            articles = {*grammar.get("articles", ()), *grammar.get("place_before", ()),
                        *grammar.get("agent_before", ())}
            for at, (first, second) in enumerate(zip(found, found[1:])):
                if second.stem in stems and _YEAR.match(first.folded) and at and \
                        found[at - 1].folded in articles:
                    continue  # "the 1988 derailment", "by 2005 musicians …": no count
                if second.stem in stems:
                    if first.folded.isdigit() and at and found[at - 1].folded.isdigit():
                        return found[at - 1].folded + "." + first.folded  # "22.6 km"
                    if unit and at >= 2 and found[at - 2].folded.isdigit():
                        continue  # "4 hours 10 minutes" is not 10 minutes
                    if first.folded.isdigit():
                        return first.folded
                    if first.folded in numbers:
                        return numbers[first.folded]
                if unit and first.stem in kinds and at + 2 < len(found) and \
                        not second.stem in stems and (
                            second.folded.isdigit() and not _YEAR.match(second.folded)
                            or second.folded in numbers):
                    # "killing seven people": a number right after a kind of what is
                    # counted that is a verb, before the word it counts
                    return numbers.get(second.folded, second.folded)
            of = self.kb.language(code).grammar.get("owner_before", ())
            for cue, between, number in zip(found, found[1:], found[2:]):
                # "a staff of 140", "a crowd of 4,300"
                if cue.stem in stems and between.folded in of and number.folded.isdigit() \
                        and not _YEAR.match(number.folded):
                    return number.folded
        return None

    def _number_words(self, code: str) -> dict[str, str]:
        """A language's number words, folded → the number ("five" → "5"), read once."""
        cache = self.__dict__.setdefault("_numbers_by_language", {})
        if code not in cache:
            words: dict[str, str] = {}
            for value, names in self.kb.language(code).numbers.items():
                for name in names:
                    words.setdefault(fold(name), value)
            cache[code] = words
        return cache[code]


#: A word or a number as written, with where it stands ("4,300" one number).
_WORD_AT = re.compile(r"\d+(?:[.,]\d{3})*|\w+")
#: Where a clause ends, for the part a number is of ("…, of which 310 kilometres …").
_PART = re.compile(r"[,;:]|\.\s")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁЂЈЉЊЋЏӘҒҚҢӨҰҮҺІ])")


def _end_key(fact: Fact) -> tuple[int, int, int]:
    """Where a fact's span ends, to order two events that start together."""
    d = fact.date
    return (d.last_year, d.end_month or d.month or 0, d.end_day or d.day or 0) if d else (0, 0, 0)


def _words_of(item) -> tuple:
    return item.words if isinstance(item, Match) else (item,)
