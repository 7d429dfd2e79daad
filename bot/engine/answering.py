"""The question-answering engine: one instance per fact base, shared by every front end.

A question is read into a Query (its main clause, what it names and in which role, what it
asks, its shape), the facts it could mean are scored by how much of it they cover, and
only a fact that holds all of it and gives what is asked is an answer; anything else is an
honest decline that shows the nearest facts apart.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ..model import Answer, Context, Fact
from ..query import UNIT, Mention, Query, parse
from .comparing import Comparing
from .conversation import Conversation
from .descriptions import Descriptions
from .holding import Holding
from .index import FactIndex
from .kinds import Kinds
from .predicates import Predicates
from .relations import Relations
from .repeats import Repeats
from .replies import Replies, _not_known
from .shapes import Shapes
from .sides import Sides
from .telling import Telling
from .verdict import Verdict
from .weights import MAX_QUESTION


class Engine(FactIndex, Holding, Sides, Predicates, Kinds, Relations, Shapes, Comparing,
             Verdict, Conversation, Descriptions, Repeats, Replies, Telling):
    """Answers questions over one fact base."""

    def answer(self, question: str, context: Context | None = None) -> Answer:
        """Answer one question; never raises, whatever the text.

        Only a fact that holds everything the question names, in the role it names it,
        and that gives what the question asks for, is an answer. Anything else is an
        honest decline that says what is missing and shows the nearest facts apart.
        """
        context = context or Context()
        language = self.kb.language(context.language)
        templates = language.templates
        question = "".join(ch for ch in str(question) if ch.isprintable() or ch in "\n\t")
        if not any(ch.isalnum() for ch in question):  # "", "?", "...", "👍"
            return self._decline(question, templates["empty_question"].format(
                example=next(iter(self.examples(context.language)), "")), context, ())
        if len(question) > MAX_QUESTION:
            return self._decline(question, templates["too_long"].format(limit=MAX_QUESTION),
                                 context, ())
        query = parse(question, self.index, self._stop_forms, self._synonyms)
        context = replace(context, language=self.language_of(query, question, context))
        query = self._titles_named(self._title_asked(
            self._owned_by_role(query, context.language)))
        templates = self.kb.language(context.language).templates
        reply = self._small_talk(query, context) or self._out_of_time(query, context)
        if reply:
            return reply
        if self._most_often(query) and not query.unknown:  # "Which leader … most often?"
            return self._most_often_answer(question, query, context)
        if query.company and not (context.facts and {"place", "thing"} & query.pronouns):
            # "who did Velikova meet?" about no one occasion: the word is not read.
            query = replace(query, unknown=query.unknown + query.company)
        if query.evaluative:  # "what are relations … like?": no fact says
            return self._decline(question, templates["social_opinion"], context,
                                 query.mentions, nearest=self._nearest(query))
        if query.foreign:
            return self._decline(question, _not_known(templates, query.foreign), context,
                                 query.mentions)
        query = self._again_is_known(query, context)
        if query.unknown and not self._tolerates(query):
            # ("and when did the king come back the favour?": "he" next is not surely
            # the thread's person; see Conversation._someone_else)
            left = replace(context, person=None) if self._someone_else(query, context) \
                else context
            return self._described_answer(query, context) or self._decline(
                question, _not_known(templates, query.unknown), left, query.mentions,
                nearest=self._nearest(query))
        meant = self._person_meant(query, context)
        if meant is None:  # "what did she say?" after an answer about Oduya and Koller
            return self._decline(question, templates["who_is_meant"], context, ())
        reply = self._answer_query(question, query, meant)
        if not reply.answered and reply.context is meant:
            reply = replace(reply, context=context)  # (the thread's person stays for "he")
        other = self._other_person(context) if not reply.answered and \
            "person" in query.pronouns - self._bound(query) and context.person and \
            not any(self._is_person(m) for m in query.mentions) else None
        said = self._sex_said(query, context.language) if other else None
        if other and (meant.person != context.person or
                      said and self._sex(other) not in (None, said)):
            other = None  # ("she" is not a man the fact base says is one)
        if other:
            # "who gave her a medal?" — "and when did she become director?": "she" is
            # the one the answer gave, else the one the question was about.
            again = self._answer_query(question, query, replace(context, person=other))
            if again.answered:
                return again
        if not reply.answered and reply.context is context:
            reply = replace(reply, context=self._after_decline(query, context))
        if reply.answered and self._asks_now(query, reply.facts, context.language):
            return self._out_of_time(replace(query, scope=frozenset({"present"})), context)
        return reply

    def _asks_of_answer(self, query: Query, context: Context) -> bool:
        """"and where was that?", "a gde je to bilo?", "and why?": after an answer, an
        "and" that names nothing of its own (no name, topic, date, ordinal or "before")
        asks its question word of what was just said, not the previous question again
        with that word (whose own place, "Serbia", would leave no place to give)."""
        if any(t.startswith("year|") for t in context.topics):
            return False  # ("and where?" after "who did he meet in 2011?": in 2011)
        return bool(context.facts and query.intents) and not (
            query.mentions or query.years or query.months or query.ordinal or
            query.modifiers or query.sequence or query.halves or
            # ("and what happened the same year?": of that year, not of that answer)
            {"time", "year_after", "year_before"} & query.pronouns)

    def _owned_by_role(self, query: Query, code: str | None) -> Query:
        """"президенты Сербии", "predsednici Srbije", "Сербия президенттері": a country
        right after (`owner_by_role: [after]`, a genitive) or right before (`[before]`) a
        word for people's role is whose they are, as in "Serbian presidents"; the other
        country of "… visited Kazakhstan" is then where they went, not where they are from."""
        side = self.kb.language(code).grammar.get("owner_by_role", ())
        if not side:
            return query
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]

        def span(m: Mention) -> tuple[int, int] | None:
            said = [t.folded for t in self.kb.stemming.tokens(m.text)]
            at = next((i for i in range(len(tokens)) if said and
                       tokens[i:i + len(said)] == said), None)
            return None if at is None else (at, at + len(said))
        roles = [r for m in query.mentions if m.kind == "concept" and
                 set(m.ids) & self._role_concepts and (r := span(m))]
        mentions = []
        for m in query.mentions:
            where = span(m) if m.kind == "entity" and m.role == "any" and all(
                self.kb.entities[i].type == "country" for i in m.ids) else None
            if where and any(where[0] == r[1] if "after" in side else where[1] == r[0]
                             for r in roles):
                m = replace(m, role="owner")
            mentions.append(m)
        return replace(query, mentions=tuple(mentions))

    def _title_asked(self, query: Query) -> Query:
        """"What post did Masimov hold in 2008?": asked of someone named, the words that
        ask for a post are no topic a fact must have ("position" is no stance here); see
        Holding._gives_title. Of no one ("Belmora's position on …") they stay words of
        the question."""
        asked = query.title_asked
        if not asked:
            return query
        if not any(self._is_person(m) for m in query.mentions):
            return replace(query, title_asked=())
        return replace(query, mentions=tuple(m for m in query.mentions if m.text not in asked),
                       unknown=tuple(w for w in query.unknown if w not in asked))

    def _titles_named(self, query: Query) -> Query:
        """"Which *king* opened the line?": a word asked for right after "which" that the
        fact base has only in people's names, as a title, must be in the answer's text
        like any word of names (Query.name_words); "in which *district*" need not."""
        if not query.name_nouns:
            return query
        return replace(query, name_nouns=(), name_words=(
            *query.name_words, *filter(self._titles_people, query.name_nouns)))

    def _ends_of_record(self, query: Query) -> list[Fact]:
        """"What was the earliest event?", "what happened most recently?": naming nothing,
        asking only for the first or the latest, of the whole fact base: the earliest
        or latest dated occasion (its own fact, not one that was part of it)."""
        end = {"first", "latest"} & query.modifiers
        if len(end) != 1 or query.pronouns or query.halves or query.ordinal or \
                not query.intents <= {"what", "when", "about"}:
            return []
        earliest, latest = self._record_ends
        return list(latest if "latest" in end else earliest)

    @cached_property
    def _record_ends(self) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
        """The earliest and the latest dated occasion of the fact base (none: empty)."""
        rank = self._date_rank
        dated = [f for f in self.kb.facts if f.date and not f.part_of]
        if not dated:
            return (), ()
        first = min(dated, key=lambda f: rank[f.id])
        last = max(dated, key=lambda f: rank[f.id])
        return (first,), (last,)

    @cached_property
    def _stop_forms(self) -> frozenset[tuple[str, ...]]:
        """Every stop phrase of every language as written (folded words): a word that is a
        stop word only by its stem ("odgovorio", answered, of "odgovor", the bot's answer)
        is not one."""
        tokens = self.kb.stemming.tokens
        return frozenset(tuple(w.folded for w in tokens(word))
                         for lang in self.kb.languages.values() for word in lang.stopwords)

    def _answer_query(self, question: str, query: Query, context: Context) -> Answer:
        """A question read, against what the conversation refers to."""
        templates = self.kb.language(context.language).templates
        if query.continues and not self._asks_of_answer(query, context):
            query = self._continue(query, context)
        asked = self._times_asked(query)
        if asked:  # "Did Nazarbayev visit Serbia more than once?"
            return self._how_often(question, query, context, asked)
        compared = self._measures.compared(query.text, self.kb.language(
            context.language).code) if not query.sequence else None
        if compared and query.halves:  # "Which is longer, A or B?"
            return self._compare_measures(query, context, compared)
        if compared:  # "Which tunnel is longer?": longer than what?
            return self._decline(question, templates["dont_know"], context, query.mentions,
                                 nearest=self._nearest(query))
        if query.halves:
            return self._compare(query, context)
        if query.sequence:
            return self._next_to(query, context)
        if "person" in query.pronouns - self._bound(query) and not context.person and \
                not any(self._is_person(m) or m.kind == "concept" and
                        set(m.ids) & self._role_concepts for m in query.mentions):
            # (not "which songwriter has a street named after *him*?": the songwriter)
            return self._decline(question, templates["who_is_meant"], context, ())
        if "time" in query.pronouns - self._bound(query) and not context.facts and \
                not (query.years or query.months or "when" in query.intents) and not any(
                    m.soft or m.kind == "entity" and self._all_of_type(m, "event")
                    for m in query.mentions):
            # "my grandpa fought in ww2, did Kazakhstan and Yugoslavia have relations
            # then?": a time that neither the thread nor the message gives (a year, an
            # occasion: "when Nazarbayev visited Belgrade, …", "at the time of the
            # split") is no time to read the question in.
            return self._decline(question, templates["when_is_meant"], context, ())
        bound = self._unanswered_it(query, context)
        if bound is None:  # "who designed that?" after "and the tunnel?" was declined
            return self._decline(question, templates["who_is_meant"], context, ())
        query = self._nth_of_thread(self._resolve(bound, context), context)
        if {"year_after", "year_before"} & query.pronouns:
            # "what happened a year later?" than nothing dated: later than what?
            return self._decline(question, templates["who_is_meant"], context, ())
        if not query.named:
            if query.pronouns and not context.facts:
                return self._decline(question, templates["who_is_meant"], context, ())
            ends = self._ends_of_record(query)
            if ends:  # "What is the most recent event in the article?"
                return self._compose(query, ends, 1.0, context)
            return self._decline(question, templates["dont_know"], context, ())
        if query.nth_day:
            return self._nth_day(query, context)
        profile = self._profile_answer(query, context) if query.bare else None
        if profile:
            return profile
        chosen, best, missing = self._follow_up(query, context) or self._unbound(query, context)
        if not chosen:
            topical = self._about_topic(query, context)
            if topical:
                query, (chosen, best, missing) = topical
        chosen = self._doer_bound(query, self._not_again(query, context, chosen))
        code = self.kb.language(context.language).code
        if len(chosen) > 1 and query.counted and query.counted.startswith(UNIT) and \
                "how_many" in query.intents:
            # "How many kilometres long is the Silvane?": of the facts about it, the one
            # that states a number of the unit, where only one does.
            stating = [f for f in chosen if self._count(query, [f], code)]
            if len(stating) == 1:
                chosen = stating
        if chosen and (query.counted or query.counted_noun) and "how_many" in query.intents and \
                not self._count(query, chosen, self.kb.language(context.language).code):
            # "How many singers were in the group?", "how many tunnels does the railway
            # have?": facts that give no number, nor list what is counted, are no answer
            # to "how many".
            return self._decline(question, templates["no_number"], context, query.mentions,
                                 nearest=tuple(chosen))
        if not chosen:
            return self._decline(question, self._missing_message(query, missing, templates),
                                 context, query.mentions, nearest=self._nearest(query))
        stated = self._stated_noun(query, chosen) if query.counted == "" else None
        if stated:  # "how many companies took part?": the fact that says how many
            chosen = [stated[1]]
        return self._compose(query, self._with_parts(query, chosen), best, context)
