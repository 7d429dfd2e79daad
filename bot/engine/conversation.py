"""Follow-ups: what a question means after the previous answer ("and nikolić?", "who
else was at the ceremony?", "that year", "there"), and what the next one will need.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ..model import Context, Fact
from ..query import Mention, Query, with_context
from .index import _has_any


class Conversation:
    """What a follow-up refers to, and what an answer leaves for the next one."""

    def _continue(self, query: Query, context: Context) -> Query:
        """"and Nikolić?", "and in 2010?", "and did Tokayev get anything?": the previous
        question's topics and question words, with what this one names instead."""
        mentions = list(query.mentions)
        if any(m.kind == "concept" for m in mentions):
            return query  # "and when did she become director?" asks something new
        if not mentions and not query.years and not query.months and context.facts and \
                query.intents and not query.intents <= set(context.intents) and \
                self._answered_last(context):
            # "what did he get?" — "and when?": a new question word of the answer just
            # given, as "when?" is, not the previous question's words asked again
            return query
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
            elif kind == "named" and "person" not in new_types and not query.sequence and \
                    values and all(v in self.kb.entities for v in values):
                # "When did Sofia Varga visit Halvik?" — "and the second time?": hers
                mentions.append(Mention("entity", values, text, role or "any"))
        if new_types and not any(m.kind == "concept" for m in mentions) and \
                not any(m.kind == "word" and not m.soft for m in query.mentions):
            # "and did Tokayev get anything?" after an award: still an award; not "and
            # when did it reach the Moon?" after its launch, which says its own deed.
            kinds = {f.kind for i in context.facts if (f := self.kb.fact(i))}
            if len(kinds) == 1:
                mentions.append(Mention("concept", tuple(kinds), "(previous answer)",
                                        soft=False))
        intents = query.intents or frozenset(context.intents)
        return replace(query, mentions=tuple(mentions), years=years, intents=intents,
                       role=self._role_kept(query, mentions, intents))

    def _answered_last(self, context: Context) -> bool:
        """Whether the context's facts answered the last question: each year it named is
        one of theirs (after "who did he meet in 2011?" was declined they are still the
        answer before, and "and where?" asks of 2011)."""
        facts = [f for i in context.facts if (f := self.kb.fact(i))]
        for topic in context.topics:
            kind, _, ids = (topic.split("|", 3) + ["", "", ""])[:3]
            years = [int(v) for v in ids.split(",") if v.isdigit()]
            if kind == "year" and len(years) == 2 and not any(
                    f.date and f.date.covers_year(*years) for f in facts):
                return False
        return True

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
        query = self._again_of_thread(query, context)
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
        query = self._year_next_to(query, context)
        if "time" in query.pronouns and not query.years:
            dated = [f.date for i in context.facts if (f := self.kb.fact(i)) and f.date]
            if dated:
                first = min(d.year for d in dated)
                query = replace(query, years=((first, max(d.last_year for d in dated)),))
        return query

    def _year_next_to(self, query: Query, context: Context) -> Query:
        """"what happened a year later?", "did he come back the year after?", "godinu
        dana kasnije": the year after (before) the previous answer's dates (the packs'
        `year_after`/`year_before`), as if the question named it; the previous answer
        itself is then no answer. With no dated answer before, the words stay, and the
        question asks who or what is meant."""
        shift = {"year_after": 1, "year_before": -1}
        said = [shift[k] for k in shift if k in query.pronouns]
        dated = [f.date for i in context.facts if (f := self.kb.fact(i)) and f.date]
        if len(said) != 1 or query.years or not dated:
            return query
        year = max(d.last_year for d in dated) + 1 if said[0] > 0 else \
            min(d.year for d in dated) - 1
        return replace(query, years=((year, year),), pronouns=query.pronouns - set(shift),
                       mentions=tuple(m for m in query.mentions if m.kind != "context"))

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
        said = self._in_what_was_said(query, context)
        if said:
            return said
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
                query.months or query.modifiers or query.ordinal:
            return chosen, best, missing
        if any(m.kind in ("entity", "context") for m in query.mentions):
            return self._of_occasion(query, context, chosen), best, missing
        thread = self._thread_entities(context)
        # (an event of the kind the thread is tagged with is what it is about: the
        # electrification work, after a statement about electrification)
        if any((self._entities_of(f) | {f.kind}) & thread for f in chosen):
            return chosen, best, missing
        return [], 0.0, ("(previous answer)",)

    def _in_what_was_said(self, query: Query, context: Context
                          ) -> tuple[list[Fact], float, tuple[str, ...]] | None:
        """"what did he talk about?" right after the street's naming, whose text says the
        mayor who attended spoke about a monument; "where was she?" right after what
        she said at the landing: a question of "he" or "she" naming nothing else but
        a deed is asked of what was just said, where a fact given holds it (its
        doer is then the one the fact has do it), before the person's whole record.
        Not a deed the fact *is* ("when did she come back?" after her visit asks of
        another visit), nor one "again", a date, "first" or an ordinal places
        elsewhere; not "who" ("who was his mother?" is no doer of what was said)."""
        if not context.facts or query.continues or query.years or query.months or \
                query.modifiers or query.ordinal or query.other or \
                {"how_many", "who", "name"} & query.intents or \
                self._says_again(query, context) or \
                not any(m.text == "(previous person)" for m in query.mentions) or \
                any(m.kind != "concept" and m.text != "(previous person)" or m.soft
                    for m in query.mentions):
            return None
        kinds = {i for m in query.mentions if m.kind == "concept" for i in m.ids}
        own = [f for i in context.facts if (f := self.kb.fact(i))]
        if any(f.kind in kinds or f.part_of and (p := self.kb.fact(f.part_of)) and
               p.kind in kinds for f in own):
            return None
        near = replace(query, mentions=query.mentions + (
            Mention("context", context.facts, "(previous answer)"),))
        chosen, best, missing = self._select(near)
        kept = [f for f in chosen if f.id in context.facts]
        return (kept, best, missing) if kept and len(kept) == len(chosen) else None

    def _of_occasion(self, query: Query, context: Context, chosen: list[Fact]) -> list[Fact]:
        """"who went with him?" right after an answer about his 2018 visit: a "who" of a
        deed naming no one but "him" (nor a date, "other", "again" or "how many") keeps
        to the occasion the thread is on, where that holds it, not his other visits too."""
        if "who" not in query.intents or "how_many" in query.intents or query.other or \
                not any(m.kind == "concept" for m in query.mentions) or \
                any(m.kind != "concept" and m.text != "(previous person)" for m in query.mentions) \
                or self._says_again(query, context):
            return chosen  # (not "who was his mother?", "when did he come back?")
        roots = {f.part_of or f.id for i in context.facts if (f := self.kb.fact(i))}
        occasion = {*context.facts, *roots, *(c for r in roots for c in self._children.get(r, ()))}
        kept = [f for f in chosen if f.id in occasion]
        return kept or chosen

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
        # (nor, where it names a deed, the first such deed among them: "when did he fly
        # again?" after the award for his only flight is no answer with that flight)
        rank = self._date_rank
        # (the occasion the previous answer was part of is such a deed too: "was he back
        # …?" after what was signed during his visit)
        seen = [*chosen, *previous, *(f for r in roots if (f := self.kb.fact(r)))]
        kinds = {i for m in query.mentions if m.kind == "concept" and not m.soft
                 for i in m.ids} & self._kinds
        return [f for f in chosen if f.id not in occasion and f.part_of not in occasion and
                (not kinds or any(kinds & {g.kind, *g.tags} and g.id != f.id and g.date and
                                  f.date and rank[g.id] < rank[f.id] for g in seen))]

    def _doer_bound(self, query: Query, chosen: list[Fact]) -> list[Fact]:
        """"and when did he fly again?" after "who gave it to him?": "he", read from the
        thread, must be the one who did the deed asked (a kind of event the question
        names): not one who was only there, in a fact of another kind that is part of
        someone else's occasion of that kind (a visit to watch the launch of a mission
        she did not fly)."""
        if not any(m.text == "(previous person)" for m in query.mentions):
            return chosen
        people = {i for m in query.mentions if m.text == "(previous person)" for i in m.ids}
        kinds = {i for m in query.mentions if m.kind == "concept" and not m.soft
                 for i in m.ids} & self._kinds
        if not kinds:
            return chosen
        return [f for f in chosen if f.kind in kinds or not (
            (parent := self.kb.fact(f.part_of) if f.part_of else None) and
            kinds & {parent.kind, *parent.tags} and not people & set(parent.who))]

    def _says_again(self, query: Query, context: Context) -> bool:
        language = self.kb.language(context.language)
        words = language.grammar.get("again", frozenset())
        tokens = self.kb.stemming.tokens
        # (and the phrases the reading joined: "was back" of "was he back in …?")
        said = " " + " | ".join(" ".join(t.folded for t in tokens(text)) for text in (
            query.text, *(m.text for m in query.mentions))) + " "
        for phrase in (w for ws in language.pronouns.values() for w in ws):
            # ("what did he say back then?": "back" of a pronoun is no coming back)
            folded = " ".join(t.folded for t in tokens(phrase))
            if " " in folded:
                said = said.replace(f" {folded} ", " | ")
        return any(f" {' '.join(t.folded for t in tokens(w))} " in said for w in words)

    def _again_of_thread(self, query: Query, context: Context) -> Query:
        """"da li se vratio?", "он вернулся?", "did he come back?": coming back (the
        pack's `again`) asks of another occasion, so not of the previous answer as a
        thing ("он" is also "it"): of the thread's person, even where the language
        leaves the subject unsaid, unless the question names someone or something."""
        if not context.facts or not self._says_again(query, context) or \
                not any(m.kind == "context" for m in query.mentions):
            return query
        mentions = tuple(m for m in query.mentions if m.kind != "context")
        if context.person and not any(m.kind == "entity" for m in mentions):
            mentions += (Mention("entity", (context.person,), "(previous person)"),)
        return replace(query, mentions=mentions) if mentions else query

    def _again_is_known(self, query: Query, context: Context) -> Query:
        """"was he back in Belmora later?", "а он вернулся?": right after an answer, a
        word for coming back (the pack's `again`, one word) that the fact base does not
        know is no unknown word; it asks for another occasion (see _not_again)."""
        if not context.facts or not query.unknown:
            return query
        words = {t.folded for w in self.kb.language(context.language).grammar.get(
            "again", ()) if " " not in w.strip() for t in self.kb.stemming.tokens(w)}
        unknown = tuple(u for u in query.unknown if not all(
            t.folded in words for t in self.kb.stemming.tokens(u)))
        return query if len(unknown) == len(query.unknown) else \
            replace(query, unknown=unknown)

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
        if query.continues and not query.intents:
            # "and the joint master's programme?" names its own thing instead (not "and
            # when was the protocol signed?", which asks of the dam's)
            return None
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
                not m.text.startswith("(") for m in own) and "measure" not in query.intents \
                and not self._where_it_is(query, context.language):
            # "when was that?": nothing of its own to hold with a topic; "how long is
            # it?" has: a fact must state a measure of the thing; "where is it?" where
            # the thing is.
            return None
        named = {i for m in own if not m.soft for i in m.ids}  # not one named in passing
        # "it" is first the thing the thread named or kept (Nova 1, for "and when did
        # it reach the Moon?" after its launch), then each the answer is about.
        first = [i for i in self._thread_things(context) if i not in named]
        # (then the things that take part in the answer's facts, before their topics:
        # "how many passengers can it carry?" after the ferry Silvane Star entered the
        # service of the Marren Line is the ship's, not the line's)
        every = [i for i in self._thread_things(context, every=True) if i not in named]
        doing = [i for i in every if any(i in f.who for f in map(self.kb.fact, context.facts)
                                         if f)]
        for candidates in (first, doing, every):
            found: dict[tuple[str, ...],
                        tuple[Query, tuple[list[Fact], float, tuple[str, ...]]]] = {}
            for topic in candidates:
                near = replace(query, mentions=own + (Mention(
                    "entity", (topic,), self.kb.text(self.kb.entities[topic].names, None)),))
                chosen, best, missing = self._select(near)
                if chosen:
                    found.setdefault(tuple(f.id for f in chosen), (near, (chosen, best, missing)))
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return self._about_concept(query, context, own) or \
            self._named_in_passing(query, context, own, named)

    def _named_in_passing(self, query: Query, context: Context, own: tuple[Mention, ...],
                          named: set[str]) -> tuple[Query, tuple[list[Fact], float,
                                                              tuple[str, ...]]] | None:
        """"and where is that monument?" right after the street's naming, whose text
        says the mayor spoke about the Jabayev Monument: "that" is then a thing the
        previous answer's text names in passing (not its people or countries), where
        just one such thing gives an answer other than that answer."""
        asked = {i for m in own if m.kind == "concept" and not m.soft for i in m.ids}
        previous = [f for i in context.facts if (f := self.kb.fact(i))]
        kinds = {f.kind for f in previous} | {p.kind for f in previous if f.part_of and
                                              (p := self.kb.fact(f.part_of))}
        if not asked or asked & kinds or "what" not in context.intents or \
                {"when", "where", "who", "day"} & set(context.intents):
            # ("what was signed during that visit?": the visit just told; after "when
            # was the lander launched?" "it" stays the lander, and only an answer to
            # "what …?" is a thing the thread moves on to)
            return None
        given = set(context.facts)
        # (not where it happened: the museum's town is not named in passing)
        held = {i for f in previous for g in (f, self.kb.fact(f.part_of) if f.part_of else None)
                if g for i in g.where}
        passing = [i for f in previous for i in self._profiles[f.id].about
                   if i not in named and i not in held and i in self.kb.entities and
                   self.kb.entities[i].type not in ("person", "country")]
        found: dict[tuple[str, ...], tuple[Query, tuple[list[Fact], float, tuple[str, ...]]]] = {}
        for topic in dict.fromkeys(passing):
            near = replace(query, mentions=own + (Mention(
                "entity", (topic,), self.kb.text(self.kb.entities[topic].names, None)),))
            chosen, best, missing = self._select(near)
            if chosen and not {f.id for f in chosen} & given:
                found.setdefault(tuple(f.id for f in chosen), (near, (chosen, best, missing)))
        return next(iter(found.values())) if len(found) == 1 else None

    def _where_it_is(self, query: Query, code: str | None) -> bool:
        """"where is it?": "where" with a present auxiliary (the pack's
        `present_auxiliary`) asks where a thing stands, not where an event was."""
        words = self.kb.language(code).grammar.get("present_auxiliary", ())
        tokens = self.kb.stemming.tokens
        present = {t.folded for w in words for t in tokens(w)}
        return "where" in query.intents and query.intents <= {"where", "what"} and \
            any(t.folded in present for t in tokens(query.text))

    def _about_concept(self, query: Query, context: Context, own: tuple[Mention, ...]
                       ) -> tuple[Query, tuple[list[Fact], float, tuple[str, ...]]] | None:
        """"When was the line electrified?" — "who announced it?": where no thing of
        the thread is "it", the event the previous question named by a word for it (the
        electrification), if it names one, with what the question names itself; of
        two, the one that is not the deed the answer is ("who runs it?" after "When
        was the ferry line opened?" is of the ferry line, not of the opening)."""
        asked = {i for m in own if m.kind == "concept" for i in m.ids}
        named = [tuple(v for v in ids.split(",") if v) for topic in context.topics
                 for kind, _, ids, _ in [(topic.split("|", 3) + ["", "", "", ""])[:4]]
                 if kind == "concept"]
        named = [ids for ids in named if ids and all(v in self._concept_ids for v in ids)
                 and not set(ids) & asked]
        deeds = {f.kind for i in context.facts if (f := self.kb.fact(i))}
        if len(named) > 1:
            named = [ids for ids in named if not set(ids) & deeds]
        if len(named) != 1 or not any(m.kind in ("concept", "word") and not m.soft
                                      for m in own):
            return None
        near = replace(query, mentions=own + (Mention("concept", named[0], "(previous topic)"),))
        chosen, best, missing = self._select(near)
        thread = self._thread_entities(context) | set(named[0])
        roots = {f.part_of or f.id for i in context.facts if (f := self.kb.fact(i))}
        if not chosen or {f.id for f in chosen} & set(context.facts) or \
                not all(self._entities_of(f) & thread for f in chosen) or \
                any(f.kind in named[0] and f.date or f.part_of and f.part_of not in roots
                    for f in chosen):
            # (what was just said again is no answer to a new deed, nor what was
            # signed during another visit than "that visit")
            return None
        return near, (chosen, best, missing)

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
        extra: list[str] = []
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
            sex = self._asked_sex(query, context.language) if person not in named and \
                person != context.person else None
            if sex and person and self._sex_read(person) is None:
                extra.append(f"sex|{sex}|{person}|")
        else:
            # (a question that names no one keeps the thread's person where the answer
            # has them: "what was signed?" after Quenar's visit is still about her)
            person = next(iter(named), None) or (
                context.person if context.person in people else next(iter(people), context.person))
            among = list(dict.fromkeys(i for i in people if i != person))
            if not named and among and context.person not in people:
                # (see _person_meant: "she" may be another of them)
                extra.append(f"among||{','.join(among)}|")
        # A topic named in passing (the thread's, kept to rank "who gave it to him?") is
        # no topic of this question: "and Erik Vandahl?" next does not hold it.
        topics = [f"{m.kind}|{m.role}|{','.join(m.ids)}|{m.text}" for m in query.mentions
                  if m.kind in ("concept", "entity") and not self._is_person(m)
                  and not m.text.startswith("(") and not m.soft]
        topics += self._still_it(query, facts, context, topics) + extra
        said_of = next((m for m in query.mentions if m.kind == "entity" and not m.choice and
                        not m.soft and m.ids and self._is_person(m)), None)
        if said_of:  # "and the second time?" is still asked of her (see _continue)
            topics.append(f"named|{said_of.role}|{','.join(said_of.ids)}|{said_of.text}")
        topics += [f"year||{first},{last}|" for first, last in query.years]
        # "who gave her a medal?" — "and when did she become director?": "she" may still
        # be the one asked about, not the one the answer gave.
        asked = next(iter(named), None) or (context.person if any(
            m.text == "(previous person)" for m in query.mentions) else None)
        if not asked and person == context.person and not any(
                self._is_person(m) for m in query.mentions):
            # "who did he meet?" — "what did they sign?" — "and his third visit?": "his"
            # may still be the one the thread asked of, before the one he met.
            asked = self._other_person(context)
        if asked and asked != person:
            topics.append(f"person||{asked}|")
        return Context(person=person, facts=tuple(f.id for f in facts), language=context.language,
                       topics=tuple(topics), intents=tuple(sorted(query.intents)))

    def _after_decline(self, query: Query, context: Context) -> Context:
        """What a declined question leaves for the next one. One that asked of someone,
        something or a year the thread was not about starts a thread of its own:
        "and Khrushchev?" after the declined "when did Tito visit Kazakhstan?" asks that
        again, of Khrushchev (a visit stays a visit). Where it named a thing or person no
        fact of the previous answer has ("and the tunnel?" after the viaduct's length,
        "and to Darrow?"), that answer is no longer what "that" or "when?" refer to (see
        _unanswered_it). A question that named
        nothing new ("why?", "what did the mayor say?") leaves the thread as it was."""
        if self._someone_else(query, context):
            # "and when did the king come back the favour?", declined, after Firefly's
            # visit: "he" next may be the king; no longer surely Firefly.
            return replace(context, person=None)
        asked = self._continue(query, context) if query.continues else query

        def named(q: Query) -> list[Mention]:
            return [m for m in q.mentions if m.kind in ("concept", "entity", "word") and
                    not m.soft and not m.text.startswith("(")]
        roots = {f.part_of or f.id for i in context.facts if (f := self.kb.fact(i))}
        thread = {*context.facts, *roots, *(c for r in roots for c in self._children.get(r, ()))}
        profiles = [self._profiles[i] for i in thread if i in self._profiles]
        # (a word is a thing of its own only as the X of "and X?": "what was the baby's
        # *name*?" asks a detail of the thread)
        # ("is she Dragomir's wife?" is still asked of her: the one named is no new person)
        others = "person" in query.pronouns - self._bound(query)
        new = [m for m in named(query)
               if not (others and self._is_person(m)) and
               (m.kind == "entity" or m.kind == "word" and query.continues) and
               not set(m.ids) <= self._subject and not any(_has_any(p, m.ids) for p in profiles)]
        people = [i for m in named(query) if self._is_person(m) and not others for i in m.ids]
        spans = [(f.date.year, f.date.last_year) for i in thread
                 if (f := self.kb.fact(i)) and f.date]
        later = [y for y in query.years if not any(a <= y[0] and y[1] <= b for a, b in spans)]
        if not new and not later and people[:1] in ([], [context.person]):
            return context
        topics = [f"{m.kind}|{m.role}|{','.join(m.ids)}|{m.text}" for m in named(asked)
                  if not self._is_person(m) and (m.kind != "word" or query.continues)]
        topics += [f"year||{first},{last}|" for first, last in asked.years]
        return replace(context, person=next(iter(people), context.person),
                       facts=() if new else context.facts, topics=tuple(topics),
                       intents=tuple(sorted(asked.intents)), pivot=None)

    def _someone_else(self, query: Query, context: Context) -> bool:
        """Whether a question speaks of a person by a word for one ("the queen", "the
        woman": the pack's `female`/`male` words that are no pronouns; "the president",
        a title the fact base has only in people's names), naming no one and with no
        pronoun for the thread's person, where that person's names and description do
        not have the word: someone else than that person."""
        if not context.person or "person" in query.pronouns or \
                any(self._is_person(m) for m in query.mentions):
            return False
        tokens = self.kb.stemming.tokens
        code = context.language
        pronouns = {t.folded for w in self.kb.language(code).pronouns.get("person", ())
                    for t in tokens(w)}
        nouns = (self._sex_words(code, "female") | self._sex_words(code, "male")) - pronouns
        e = self.kb.entities.get(context.person)
        own = {t.stem for text in ((*e.names.values(), *e.aliases, *e.descriptions.values())
                                   if e else ()) for t in tokens(text)}
        return any((t.folded in nouns or self._titles_people(t.folded) or
                    t.stem in self._people_heads) and t.stem not in own
                   for t in tokens(query.text))

    @cached_property
    def _people_heads(self) -> frozenset[str]:
        """Stems of the first word of people's descriptions ("President of Freedonia",
        "King of Ruritania"), where no other kind of entity is named by it: words for
        someone's post."""
        tokens = self.kb.stemming.tokens
        of = {t.folded for lang in self.kb.languages.values()
              for w in lang.grammar.get("owner_before", ()) for t in tokens(w)}
        heads = {ts[0].stem for e in self.kb.entities.values() if e.type == "person"
                 for d in e.descriptions.values() if len(ts := tokens(d)) > 2 and
                 ts[1].folded in of and (ts[0].folded,) not in self._stop_forms}
        return frozenset(h for h in heads if self._name_word_types.get(h, {"person"}) ==
                         {"person"})

    def _unanswered_it(self, query: Query, context: Context) -> Query | None:
        """"who commanded it?" right after the declined "and what about Aurora 5?": "it"
        is the one thing that question named; after "and X?" named a thing only by a
        word ("and the tunnel?"), or several things, "it", "there" and "then" are bound
        to nothing (None: ask who is meant), not read across the whole record nor as the
        answer before."""
        unbound = query.pronouns - self._bound(query)
        if context.facts or not context.topics or not {"thing", "place", "time"} & unbound:
            return query
        things = self._thread_things(context)
        if any(t.startswith("word|") for t in context.topics):
            return None
        if not things:
            return query  # (nothing named to be "it": read as before, on its own)
        if unbound - {"thing", "person"} or len(things) != 1:
            return None
        name = self.kb.text(self.kb.entities[things[0]].names, None)
        return replace(query, pronouns=query.pronouns - {"thing"},
                       mentions=query.mentions + (Mention("entity", (things[0],), name),))

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

    def _person_meant(self, query: Query, context: Context) -> Context | None:
        """Whom "she" or "he" is bound to: the previous person, unless the fact base says
        that person is of the other sex ("what did she say?" after King Halvard III and
        Elena Castor rode the first train: Castor, the one left); after an answer about
        several people of whom the question named none (the line "opened by Oduya and
        Koller"), one whose sex the fact base gives as the pronoun's where the others'
        is unknown, and with none or several such, no one (None: ask who is meant)."""
        if "person" not in query.pronouns - self._bound(query) or not context.person or \
                any(self._is_person(m) for m in query.mentions):
            return context
        if self._relative_of(query, context.language):
            return None
        said = self._sex_said(query, context.language)
        if not said:
            return context
        among = [i for t in context.topics if t.startswith("among|")
                 for i in t.split("|", 3)[2].split(",") if i in self.kb.entities]
        asked = self._other_person(context)
        if self._sex(context.person, context) not in (None, said):
            answered = [i for f in (self.kb.fact(i) for i in context.facts) if f for i in f.who
                        if self.kb.entities[i].type == "person"]
            others = [p for p in dict.fromkeys([*answered, *([asked] if asked else [])])
                      if p != context.person and self._sex(p, context) in (None, said)]
            if len(others) != 1 and asked in others and self._sex(asked, context) == said:
                # "who is her father?" — "what did she sign?": "she" is still "her",
                # the one the question before was asked of.
                others = [asked]
            return replace(context, person=others[0]) if len(others) == 1 else None
        if not among:
            return context
        fits = [p for p in (context.person, *among) if self._sex(p, context) in (None, said)]
        known = [p for p in fits if self._sex(p, context) == said]
        chosen = fits if len(fits) == 1 else known if len(known) == 1 else []
        return replace(context, person=chosen[0]) if chosen else None

    def _relative_of(self, query: Query, code: str | None) -> bool:
        """"and her father?", "what did his wife say?": a pronoun that owns a word for a
        relative (of the pack's `female`/`male` words) the question does not read
        otherwise asks about that relative, not about the one "her" stands for; unless
        it asks who they are ("who was his mother?") or another pronoun of it stands for
        her ("when did she succeed her father?")."""
        if {"who", "name"} & query.intents:
            return False
        tokens = self.kb.stemming.tokens
        language = self.kb.language(code)
        pronouns = {t.folded for w in language.pronouns.get("person", ()) for t in tokens(w)}
        nouns = (self._sex_words(code, "female") | self._sex_words(code, "male")) - pronouns
        # (a word only found in some text, "брат", is not read otherwise)
        read = {t.folded for m in query.mentions if m.kind != "word" for t in tokens(m.text)}
        said = [t.folded for t in tokens(query.text)]
        owning = [i for i, (a, b) in enumerate(zip(said, said[1:]))
                  if a in pronouns and b in nouns and b not in read]
        # (not "when did she succeed her father?": "she" is still hers)
        return bool(owning) and all(i in owning for i, w in enumerate(said) if w in pronouns)

    def _asks_now(self, query: Query, facts: tuple[str, ...], code: str | None) -> bool:
        """"is it finished?", "Is BK Tesla Park finished?": opened by a present auxiliary
        (the pack's `present_auxiliary`) and ending in a word of a concept (an event), it asks
        whether that holds now; a dated fact (construction inaugurated in 2018) does
        not say so. Not "is it true that he visited Belgrade?", nor "is there …"."""
        words = self.kb.language(code).grammar.get("present_auxiliary", ())
        tokens = self.kb.stemming.tokens
        said = [t.folded for t in tokens(query.text)]
        if not query.yes_no or not said or said[0] not in {
                t.folded for w in words for t in tokens(w)}:
            return False
        content = [w for w in said[1:] if (w,) not in self._stop_forms]
        last = content[-1] if content else None
        ends = any(m.kind == "concept" and not m.soft and
                   [t.folded for t in tokens(m.text)][-1:] == [last] for m in query.mentions)
        return ends and all((f := self.kb.fact(i)) and f.date for i in facts)

    def _sex_said(self, query: Query, code: str | None) -> str | None:
        """"female" or "male", as the question's person pronoun says (the pack's words)."""
        language = self.kb.language(code)
        pronouns = {t.folded for w in language.pronouns.get("person", ())
                    for t in self.kb.stemming.tokens(w)}
        said = {t.folded for t in self.kb.stemming.tokens(query.text)} & pronouns
        found = [sex for sex in ("female", "male") if said & self._sex_words(code, sex)]
        return found[0] if len(found) == 1 else None

    def _sex_words(self, code: str | None, sex: str) -> set[str]:
        return {t.folded for w in self.kb.language(code).grammar.get(sex, ())
                for t in self.kb.stemming.tokens(w)}

    def _sex(self, person: str, context: Context | None = None) -> str | None:
        """What the fact base says a person is, "female" or "male", or None: by the first
        word of their name or description ("King …", "Daughter of …"), the word right
        before an "of" there ("…, daughter of Lucian Varga") or a pronoun in it; else
        what the question that gave them asked for ("who is her *father*?", see
        _asked_sex)."""
        told = next((t.split("|", 3)[1] for t in (context.topics if context else ())
                     if t.startswith("sex|") and t.split("|", 3)[2] == person), None)
        return self._sex_read(person) or told

    def _asked_sex(self, query: Query, code: str | None) -> str | None:
        """"who is her father?", "who was the queen?": the sex of whom a "who" question
        asks for, where its words for people of one sex (the pack's `female`/`male`,
        not its pronouns: "her" is the one asked of) are all of one."""
        if not {"who", "name"} & query.intents:
            return None
        tokens = self.kb.stemming.tokens
        pronouns = {t.folded for w in self.kb.language(code).pronouns.get("person", ())
                    for t in tokens(w)}
        said = {t.folded for t in tokens(query.text)} - pronouns
        found = [sex for sex in ("female", "male") if said & self._sex_words(code, sex)]
        return found[0] if len(found) == 1 else None

    def _sex_read(self, person: str) -> str | None:
        """See _sex: what the fact base itself says."""
        memo = self.__dict__.setdefault("_sexes", {})
        if person not in memo:
            e = self.kb.entities.get(person)
            tokens = self.kb.stemming.tokens
            grammar = self.kb.language(None).grammar
            of = {t.folded for w in grammar.get("owner_before", ()) for t in tokens(w)}
            said: set[str] = set()
            for text in (*(e.names.values() if e else ()), *(e.aliases if e else ()),
                         *(e.descriptions.values() if e else ())):
                words = [t.folded for t in tokens(text)]
                said.update(words[:1])
                said.update(w for w, after in zip(words, words[1:]) if after in of)
            words = [t.folded for d in (e.descriptions.values() if e else ()) for t in tokens(d)]
            pronouns = {t.folded for w in self.kb.language(None).pronouns.get("person", ())
                        for t in tokens(w)}
            said.update(w for w in words if w in pronouns)
            found = [sex for sex in ("female", "male") if said & self._sex_words(None, sex)]
            memo[person] = found[0] if len(found) == 1 else None
        return memo[person]

    def _other_person(self, context: Context) -> str | None:
        """The person the previous question was about when its answer gave someone else:
        what "she" may mean when the person the answer gave does not fit."""
        for topic in context.topics:
            kind, _, ids, _ = (topic.split("|", 3) + ["", "", "", ""])[:4]
            if kind == "person" and ids in self.kb.entities and ids != context.person:
                return ids
        return None
