"""Follow-ups: what a question means after the previous answer ("and nikolić?", "who
else was at the ceremony?", "that year", "there"), and what the next one will need.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Context, Fact
from ..query import Mention, Query, with_context


class Conversation:
    """What a follow-up refers to, and what an answer leaves for the next one."""

    def _continue(self, query: Query, context: Context) -> Query:
        """"and Nikolić?", "and in 2010?", "and did Tokayev get anything?": the previous
        question's topics and question words, with what this one names instead."""
        mentions = list(query.mentions)
        if any(m.kind == "concept" for m in mentions):
            return query  # "and when did she become director?" asks something new
        new_types = {self.kb.entities[i].type for m in mentions if m.kind == "entity"
                     for i in m.ids}
        new_concepts = False
        years = query.years
        for topic in context.topics:
            kind, role, ids, text = (topic.split("|", 3) + ["", "", "", ""])[:4]
            values = tuple(i for i in ids.split(",") if i)
            if kind == "year" and not years and len(values) == 2:
                years = ((int(values[0]), int(values[1])),)
            elif kind == "concept" and not new_concepts and \
                    all(v in self._concept_ids for v in values):
                mentions.append(Mention("concept", values, text, role or "any"))
            elif kind == "entity" and values and all(v in self.kb.entities for v in values) \
                    and not {self.kb.entities[v].type for v in values} & new_types:
                mentions.append(Mention("entity", values, text, role or "any"))
        if new_types and not any(m.kind == "concept" for m in mentions):
            # "and did Tokayev get anything?" after an award: still an award.
            kinds = {f.kind for i in context.facts if (f := self.kb.fact(i))}
            if len(kinds) == 1:
                mentions.append(Mention("concept", tuple(kinds), "(previous answer)",
                                        soft=False))
        intents = query.intents or frozenset(context.intents)
        return replace(query, mentions=tuple(mentions), years=years, intents=intents,
                       role=self._role_kept(query, mentions, intents))

    def _role_kept(self, query: Query, mentions: list[Mention],
                   intents: frozenset[str]) -> str | None:
        """"Who was the first Director-General?" — "and the second?": the role the
        previous question asked who held is still what is asked, so the second is the
        second person in it, not the second fact that names the role."""
        if query.role is not None or "who" not in intents:
            return query.role
        kept = mentions[len(query.mentions):]
        return next((i for m in kept if m.kind == "concept" for i in m.ids
                     if i in self._role_concepts), None)

    def _resolve(self, query: Query, context: Context) -> Query:
        """Pronouns against the previous answer: "he", "that", and "at the time" / "that
        year" (the previous answer's years)."""
        bound = self._bound(query)
        if bound:
            # "and when did Estavia open its embassy in Halvik?": "its" is Estavia's, not
            # the previous answer's.
            query = replace(query, pronouns=query.pronouns - bound)
        query = with_context(query, context, self._is_person)
        if "place" in query.pronouns and not any(m.role == "place" for m in query.mentions):
            # "who did he meet there?": where the previous answer happened.
            places = tuple(dict.fromkeys(r for i in context.facts if (f := self.kb.fact(i))
                                         for r in f.where))[:1]
            if places:
                query = replace(query, mentions=query.mentions + (
                    Mention("entity", places, "(previous place)", "place"),))
        if {"who", "name"} & query.intents and any(m.kind == "context" for m in query.mentions):
            # "what did he get from Kazakhstan?" — "who gave it to him?": what the thread
            # named already is no answer to "who"; it still ranks, as a topic in passing.
            named = {i for m in query.mentions for i in m.ids}
            for topic in context.topics:
                kind, role, ids, text = (topic.split("|", 3) + ["", "", "", ""])[:4]
                values = tuple(i for i in ids.split(",") if i)
                if kind == "entity" and values and not set(values) & named and \
                        all(v in self.kb.entities for v in values):
                    query = replace(query, mentions=query.mentions + (
                        Mention("entity", values, text, role or "any", soft=True),))
        if "time" in query.pronouns and not query.years:
            dated = [f.date for i in context.facts if (f := self.kb.fact(i)) and f.date]
            if dated:
                first = min(d.year for d in dated)
                query = replace(query, years=((first, max(d.last_year for d in dated)),))
        return query

    def _company_there(self, query: Query, context: Context
                       ) -> tuple[Query, tuple[list[Fact], float, tuple[str, ...]]] | None:
        """"who did he meet there?" right after an answer about an occasion, where no
        fact holds it as read: it asks who else took part in that occasion, as where
        "meet" is no word of the fact base. A word for meeting someone (the pack's
        `company`) that a fact base also has for a kind of event (a commission's
        meetings) is then not read as that event."""
        if not context.facts or "place" not in query.pronouns:
            return None
        words = self.kb.language(context.language).grammar.get("company", frozenset())
        tokens = self.kb.stemming.tokens
        met = [m for m in query.mentions if m.kind == "concept" and not m.soft and
               (said := [t.folded for t in tokens(m.text)]) and all(w in words for w in said)]
        if not met:
            return None
        near = replace(query, mentions=tuple(m for m in query.mentions if m not in met),
                       company=query.company + tuple(m.text for m in met))
        chosen, best, missing = self._select(near)
        return (near, (chosen, best, missing)) if chosen else None

    def _follow_up(self, query: Query, context: Context
                   ) -> tuple[list[Fact], float, tuple[str, ...]] | None:
        """"who else was at the ceremony?" right after an answer about one occasion means
        that occasion's ceremony: a question naming topics but no one tries the previous
        answer's occasion first."""
        if not context.facts or any(m.kind in ("entity", "context") for m in query.mentions) \
                or not any(m.kind == "concept" for m in query.mentions) \
                or query.modifiers or query.ordinal:
            return None  # "which visit is the most recent?" is about the whole record
        near = replace(query, mentions=query.mentions + (
            Mention("context", context.facts, "(previous answer)"),))
        chosen, best, missing = self._select(near)
        if chosen and self._of_kind_named(query, chosen):
            return chosen, best, missing
        if chosen:
            # "when did the electrification work end?" after Seldane's statement about
            # it: the work is an event of its own, not the statement tagged with it.
            return self._of_thread(query, context)
        # "what are the ministers' names?" about an occasion that does not give them: a
        # decline, not another occasion's ministers.
        slots = [self._lacks(near, f) for i in context.facts if (f := self.kb.fact(i))]
        if any(lack and all(part.startswith("(") for part in lack) for lack in slots):
            # "how long does the crossing take?" after the ferry line's opening: an
            # undated fact says what holds on every occasion, not on another one.
            chosen, best, missing = self._select(query)
            # (of what the thread is about: not another accident's cause)
            thread = self._thread_entities(context)
            standing = [f for f in chosen if not f.date and
                        (self._entities_of(f) | {f.kind}) & thread]
            if standing:
                return standing, best, missing
            return [], 0.0, ("(detail)",)
        return self._of_thread(query, context)

    def _of_kind_named(self, query: Query, chosen: list[Fact]) -> bool:
        """Whether the facts are of the kind of event a "when" question names, if it
        names one (or part of an occasion of that kind): the date of what was said about
        an event is not the event's."""
        if "when" not in query.intents:
            return True
        kinds = {i for m in query.mentions if m.kind == "concept" and not m.soft
                 for i in m.ids} & self._kinds
        return not kinds or any(
            f.kind in kinds or f.part_of and (parent := self.kb.fact(f.part_of)) and
            parent.kind in kinds for f in chosen)

    def _unbound(self, query: Query, context: Context
                 ) -> tuple[list[Fact], float, tuple[str, ...]]:
        """A question read on its own, in a conversation. One that names nothing to
        stand alone by (no name, no date, no "first" or "and X?") right after an answer
        — "who was the driver?" after a derailment, "who was to blame for the flood?"
        after a tunnel flood — is about what that answer is about: a fact found across
        the whole record answers it only where it shares a thing, place or person with
        the previous answer's occasion or the thread (not another derailment's cause,
        not another train's driver)."""
        chosen, best, missing = self._select(query)
        said = self._said_of(query, context, chosen)
        if said:
            return said, best, missing
        if {"when", "day"} & query.intents and all(m.kind == "context" for m in query.mentions):
            # "when?", "when exactly?": the date of what was just said, not of what
            # happened during it too.
            own = [f for f in chosen if f.id in context.facts]
            chosen = own or chosen
        if not chosen or not context.facts or query.continues or query.years or \
                query.months or query.modifiers or query.ordinal or \
                any(m.kind in ("entity", "context") for m in query.mentions):
            return chosen, best, missing
        thread = self._thread_entities(context)
        # (an event of the kind the thread is tagged with is what it is about: the
        # electrification work, after a statement about electrification)
        if any((self._entities_of(f) | {f.kind}) & thread for f in chosen):
            return chosen, best, missing
        return [], 0.0, ("(previous answer)",)

    def _said_of(self, query: Query, context: Context, chosen: list[Fact]) -> list[Fact]:
        """"what caused it?" right after an answer about a derailment: the answer again
        gives no cause; a fact that says something of that occasion — undated, about
        its place or thing, naming its kind of event (the finding that "the derailment
        near Dunmere was caused by a broken rail") — does, if there is one such fact;
        so does, for "why is it called that?", one about the thing the thread is about
        (that the Lantern Express was named after the lanterns)."""
        if not {"why", "cause"} & query.intents or \
                not any(m.kind == "context" for m in query.mentions) or \
                any(m.kind != "context" and not m.soft for m in query.mentions):
            return []
        previous = [f for i in context.facts if (f := self.kb.fact(i))]
        given = {i for f in previous for i in (f.id, f.part_of) if i}
        if not {f.id for f in chosen} <= given | {c for g in given
                                                  for c in self._children.get(g, ())}:
            return []  # (none chosen: the occasion itself gives no cause)
        occasions = [f for i in given if (f := self.kb.fact(i)) and f.date]
        things = set(self._thread_things(context, every=True))  # "why is it called that?"
        found = {g.id: g for f in occasions for i in self._entities_of(f)
                 for g in self._postings.get(i, ())
                 if not g.date and g.id not in given and g.kind != f.kind and
                 (self._profiles[g.id].about.get(f.kind, 0.0) > 0 and
                  self._entities_of(g) & self._entities_of(f) or
                  things & set(g.tags) & set(f.tags))}
        if "cause" in query.intents:  # a cause the fact states (see Holding._lacks)
            bare = replace(query, mentions=())
            found = {i: g for i, g in found.items() if not self._lacks(bare, g)}
        return list(found.values()) if len(found) == 1 else []

    def _not_again(self, query: Query, context: Context, chosen: list[Fact]) -> list[Fact]:
        """"when did they meet again?", "was he there again?": another occasion than the
        one just answered (the pack's `again`), so not the previous answer's facts nor
        their occasion, where it is one; none left is no answer."""
        if not chosen or not context.facts or not self._says_again(query, context):
            return chosen
        previous = [f for i in context.facts if (f := self.kb.fact(i))]
        roots = {f.part_of or f.id for f in previous}
        if len(roots) != 1:
            return chosen  # after two occasions, "again later" may be the second of them
        occasion = roots | {c for r in roots for c in self._children.get(r, ())}
        return [f for f in chosen if f.id not in occasion and f.part_of not in occasion]

    def _says_again(self, query: Query, context: Context) -> bool:
        words = self.kb.language(context.language).grammar.get("again", frozenset())
        tokens = self.kb.stemming.tokens
        said = " " + " ".join(t.folded for t in tokens(query.text)) + " "
        return any(f" {' '.join(t.folded for t in tokens(w))} " in said for w in words)

    def _entities_of(self, fact: Fact) -> set[str]:
        """What a fact is about: its things, places and people, its topics (a tag may be a
        concept: "ferry" for the ferry line), and for an undated fact, which says what
        holds of a standing thing, its kind. Not what the whole fact base is about, as
        its title names it, which nearly every fact has; not a dated fact's kind, which
        another occasion of that kind shares."""
        return {i for i in (*fact.who, *fact.where, *fact.tags, *(() if fact.date else
                                                                 (fact.kind,)))
                if i not in self._subject}

    def _thread_entities(self, context: Context) -> set[str]:
        """What the thread is about: the previous answer's facts, their occasion and
        its parts, and what the previous question named."""
        facts = [f for i in context.facts if (f := self.kb.fact(i))]
        roots = {f.part_of or f.id for f in facts}
        around = [f for r in roots for i in (r, *self._children.get(r, ()))
                  if (f := self.kb.fact(i))]
        out = {i for f in (*facts, *around) for i in self._entities_of(f)}
        for topic in context.topics:
            kind, _, ids, _ = (topic.split("|", 3) + ["", "", "", ""])[:4]
            if kind in ("entity", "person", "kept"):
                out.update(i for i in ids.split(",") if i in self.kb.entities)
        if context.person:
            out.add(context.person)
        return out

    def _of_thread(self, query: Query, context: Context
                   ) -> tuple[list[Fact], float, tuple[str, ...]] | None:
        """"how was the dispute settled?" after an answer about a protest against the
        Hallen Dam: the dispute over what the thread is about (a thing, event,
        organisation or place the previous question named, or its answer is about),
        where the previous answer itself does not hold it. Each such topic is tried
        alone; an answer only when they agree."""
        found: dict[tuple[str, ...], tuple[list[Fact], float, tuple[str, ...]]] = {}
        for topic in self._thread_things(context, every=True):
            near = replace(query, mentions=query.mentions + (
                Mention("entity", (topic,), self.kb.text(self.kb.entities[topic].names, None)),))
            chosen, best, missing = self._select(near)
            if chosen and not {f.id for f in chosen} & set(context.facts):
                # (the previous answer does not hold the question without a topic added)
                found.setdefault(tuple(f.id for f in chosen), (chosen, best, missing))
        return next(iter(found.values())) if len(found) == 1 else None

    def _bound(self, query: Query) -> frozenset[str]:
        """The pronoun kinds a possessive stands for a name or topic of the question itself:
        "its" after a thing, place or country ("Estavia … its embassy"), "his" after a
        person or a role ("the Mayor of Astana …, what was his surname?")."""
        out = set()
        for kind, i in query.bound:
            e = self.kb.entities.get(i)
            if kind == "thing" and e and e.type != "person" or \
                    kind == "person" and (e and e.type == "person" or i in self._role_concepts):
                out.add(kind)
        return frozenset(out)

    def _thread_things(self, context: Context, every: bool = False) -> list[str]:
        """What "it" and "the second one" may be: the things, events, organisations,
        awards and places the previous question named (not its people or countries);
        where it named none, the one such thing the previous answer's facts are about
        (their tags and participants, not where they happened), if there is only one
        (`every`: all of them, for a caller that tries each and wants them to agree).
        A thing kept from further back in the thread comes before those."""
        def fits(i: str) -> bool:
            e = self.kb.entities.get(i)
            return bool(e) and e.type not in ("person", "country")
        named = [i for topic in context.topics
                 for kind, _, ids, _ in [(topic.split("|", 3) + ["", "", "", ""])[:4]]
                 if kind == "entity" for i in ids.split(",") if fits(i)]
        if named:
            return list(dict.fromkeys(named))
        # "it" kept from further back (see _still_it), then what the answer is about
        kept = [i for topic in context.topics if topic.startswith("kept|")
                for i in topic.split("|", 3)[2].split(",") if fits(i)]
        about = list(dict.fromkeys(i for f in (self.kb.fact(i) for i in context.facts) if f
                                   for i in (*f.tags, *f.who) if fits(i)))
        if every:
            return list(dict.fromkeys(kept + about))
        return kept or (about if len(about) == 1 else [])

    def _nth_of_thread(self, query: Query, context: Context) -> Query:
        """"where was the second one held?" after an answer about the first Business
        Forum: the n-th of the one event (a thing that recurs) the previous answer is
        about, not the n-th of its own facts. With no such event, or several, the
        question is left as it is."""
        if not query.ordinal or not context.facts or \
                any(m.kind != "context" for m in query.mentions):
            return query
        things = [i for i in self._thread_things(context) if self.kb.entities[i].type == "event"]
        if len(things) != 1:
            return query
        name = self.kb.text(self.kb.entities[things[0]].names, None)
        return replace(query, mentions=(Mention("entity", (things[0],), name),))

    def _about_topic(self, query: Query, context: Context
                     ) -> tuple[Query, tuple[list[Fact], float, tuple[str, ...]]] | None:
        """"What did Greta Holm say about it?", "who built it?" after an answer none of
        whose facts holds the question: "it" is then what the thread is about (a thing,
        event, organisation, award or place the previous question named or the previous
        answer's facts are about), and what the question names itself must hold with it.
        Each such topic is tried alone; an answer only when they agree."""
        return self._about_thing(query, context) or self._by_them(query, context) or \
            self._company_there(query, context)

    def _about_thing(self, query: Query, context: Context
                     ) -> tuple[Query, tuple[list[Fact], float, tuple[str, ...]]] | None:
        """"it" as the one thing the thread is about (see _about_topic)."""
        if "thing" not in query.pronouns or not context.facts:
            return None
        own = tuple(m for m in query.mentions if m.kind != "context")
        if len(own) == len(query.mentions) or not any(
                m.kind in ("entity", "concept", "word") and not m.soft and
                not m.text.startswith("(") for m in own) and "measure" not in query.intents:
            # "when was that?": nothing of its own to hold with a topic; "how long is
            # it?" has: a fact must state a measure of the thing.
            return None
        named = {i for m in own if not m.soft for i in m.ids}  # not one named in passing
        candidates = [i for i in self._thread_things(context, every=True) if i not in named]
        found: dict[tuple[str, ...], tuple[Query, tuple[list[Fact], float, tuple[str, ...]]]] = {}
        for topic in candidates:
            near = replace(query, mentions=own + (
                Mention("entity", (topic,), self.kb.text(self.kb.entities[topic].names, None)),))
            chosen, best, missing = self._select(near)
            if chosen:
                found.setdefault(tuple(f.id for f in chosen), (near, (chosen, best, missing)))
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_them(self, query: Query, context: Context
                 ) -> tuple[Query, tuple[list[Fact], float, tuple[str, ...]]] | None:
        """"what did they sign?" after an answer about Välling meeting Benn, which
        holds no signing: "they" (a plural the pack's `plural_people` lists) are then
        the people of the previous answer, each of whom must take part in the fact;
        what the question names itself must hold with them."""
        if "thing" not in query.pronouns or not context.facts or \
                any(self._is_person(m) for m in query.mentions):
            return None
        plural = self.kb.language(context.language).grammar.get("plural_people", frozenset())
        if not any(t.folded in plural for t in self.kb.stemming.tokens(query.text)):
            return None
        people = list(dict.fromkeys(i for f in (self.kb.fact(i) for i in context.facts) if f
                                    for i in f.who if self.kb.entities[i].type == "person"))
        own = tuple(m for m in query.mentions if m.kind != "context")
        if len(people) < 2 or not any(m.kind in ("entity", "concept", "word") and not m.soft
                                      for m in own):
            return None
        near = replace(query, mentions=own + tuple(
            Mention("entity", (i,), self.kb.text(self.kb.entities[i].names, None))
            for i in people))
        chosen, best, missing = self._select(near)
        return (near, (chosen, best, missing)) if chosen else None

    def _with_parts(self, query: Query, chosen: list[Fact]) -> list[Fact]:
        """"Tell me about Tadić's trip in October 2010": an occasion comes with what
        happened during it, when the question asks nothing more specific."""
        if len(chosen) != 1 or "about" not in query.intents or query.modifiers or query.ordinal:
            return chosen
        parts = [f for i in self._children.get(chosen[0].id, ())
                 if (f := self.kb.fact(i)) and not self._lacks(query, f)]
        return chosen + parts

    def _next_context(self, query: Query, facts: list[Fact], context: Context) -> Context:
        """What a follow-up refers to: the person asked about or, for "who" questions,
        the person the answer gave; the facts given."""
        named = [i for m in query.mentions if m.kind == "entity" and not m.choice
                 for i in m.ids if self.kb.entities[i].type == "person"]
        people = [i for f in facts for i in f.who if self.kb.entities[i].type == "person"]
        if "who" in query.intents or any(m.choice for m in query.mentions):
            # "who else was there?": the new person, not the one already talked about;
            # "who was his mother?": one the answer names about him, not a doer of it.
            # "who is her father?": one the best fact's text names, before the doers of
            # the facts after it.
            given = [i for f in facts for i in (*f.who, *f.tags, *self._profiles[f.id].about)
                     if (e := self.kb.entities.get(i)) and e.type == "person"]
            person = next((i for i in given if i not in named and i != context.person),
                          None) or next(iter(named), context.person)
        else:
            person = next(iter(named), None) or next(iter(people), context.person)
        # A topic named in passing (the thread's, kept to rank "who gave it to him?") is
        # no topic of this question: "and Erik Vandahl?" next does not hold it.
        topics = [f"{m.kind}|{m.role}|{','.join(m.ids)}|{m.text}" for m in query.mentions
                  if m.kind in ("concept", "entity") and not self._is_person(m)
                  and not m.text.startswith("(") and not m.soft]
        topics += self._still_it(query, facts, context, topics)
        topics += [f"year||{first},{last}|" for first, last in query.years]
        # "who gave her a medal?" — "and when did she become director?": "she" may still
        # be the one asked about, not the one the answer gave.
        asked = next(iter(named), None) or (context.person if any(
            m.text == "(previous person)" for m in query.mentions) else None)
        if asked and asked != person:
            topics.append(f"person||{asked}|")
        return Context(person=person, facts=tuple(f.id for f in facts), language=context.language,
                       topics=tuple(topics), intents=tuple(sorted(query.intents)))

    def _still_it(self, query: Query, facts: list[Fact], context: Context,
                  topics: list[str]) -> list[str]:
        """"Who built the Ammel Viaduct?" — "who designed it?" — "how many arches does it
        have?": "it" stays the thing the thread named, while a follow-up that refers to
        the previous answer names no thing of its own and its answer is still about
        that thing (the facts given hold it). Kept apart ("kept|…") from what the last
        question named, which "it" is first."""
        if not any(m.kind == "context" for m in query.mentions) or \
                any(t.startswith("entity|") for t in topics):
            return []
        held = {i for f in facts for i in (*f.who, *f.where, *f.tags)}
        kept = []
        for topic in context.topics:
            kind, _, ids, _ = (topic.split("|", 3) + ["", "", "", ""])[:4]
            values = [i for i in ids.split(",") if i]
            if kind in ("entity", "kept") and values and set(values) & held and all(
                    (e := self.kb.entities.get(i)) and e.type not in ("person", "country")
                    for i in values):
                kept.append("kept|" + topic.split("|", 1)[1])
        return kept

    def _other_person(self, context: Context) -> str | None:
        """The person the previous question was about when its answer gave someone else:
        what "she" may mean when the person the answer gave does not fit."""
        for topic in context.topics:
            kind, _, ids, _ = (topic.split("|", 3) + ["", "", "", ""])[:4]
            if kind == "person" and ids in self.kb.entities and ids != context.person:
                return ids
        return None
