"""The question-answering engine: one instance per fact base, shared by every front end.

A question is read into a Query (names, topics, years, what it asks), every fact is
scored by how much of the question it covers, weighted by how rare each term is, and the
answer is composed from the best facts. A question with a word the fact base does not
know, or that no fact covers well enough, is declined with suggestions instead.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Mapping

from .dates import chronological, format_date, sort_key
from .matching import Match, Term, TermIndex
from .model import Answer, Context, Fact, KnowledgeBase, Line, Segment, Suggestion
from .query import PEOPLE, Mention, Query, parse, with_context
from .text import Token, fold, scripts

#: How strongly a fact is about a term, by where the term appears in the fact.
EXPLICIT, TAGGED, CONTAINER, NATIONALITY, IN_TEXT, ROLE = 1.0, 0.85, 0.98, 0.7, 0.6, 0.4
#: How well "Serbian" fits a fact about a Serbian person (a Serbian fact itself: 1.0).
OWNER = 0.9
#: Lowest share of the question a fact must cover to be given as an answer.
ANSWER_THRESHOLD = 0.5
#: Facts within this much of the best score are answered together.
TIE = 0.02
#: "first", "latest", "all": the earliest, latest or every fact within this much.
BROAD = 0.1
#: Weight of a word the fact base does not know: it leaves that much of the question uncovered.
UNKNOWN = 1.2
#: Weight of a fact's plain word against a curated concept of the same rarity.
WORD = 0.6
#: Questions longer than this are declined rather than read.
MAX_QUESTION = 1000
#: How many facts of the rarest thing named are ranked for suggestions, at most.
SUGGESTION_POOL = 300
#: The most facts a profile ("Who is X?") lists, and the most any answer lists.
PROFILE_FACTS, MAX_FACTS = 12, 30
#: How many things a question must name for one unknown word in it to be left unread.
TOLERATE = 4
#: How many nearest facts a decline shows, and the least share of the question they cover.
NEAREST, NEAREST_THRESHOLD = 2, 0.35
#: Small talk that is answered as such even when the message names a topic.
DISMISS = frozenset({"abuse", "opinion", "joke"})
#: Which small-talk reply wins when a message is several kinds at once.
SOCIAL_ORDER = ("abuse", "opinion", "joke", "identity", "capabilities", "thanks", "farewell",
                "greeting")
#: What can answer "who": people, organisations, countries (not places or things).
ANSWER_TYPES = frozenset({"person", "organisation", "country"})
#: Kinds of entity that a fact base may only mention: "What is X?" needs more than a tag.
IN_PASSING = frozenset({"organisation"})
#: What can answer "what is the name of …": anything named but a country or a place.
NAMED_TYPES = frozenset({"person", "organisation", "event", "award", "thing"})
_YEARLIKE = re.compile(r"^(1[89]|20)\d\d$")
#: "4,300" and "4 300" are one number.
_THOUSANDS = re.compile(r"(\d)[,\u00a0 ](\d{3})\b")


@dataclass
class _Profile:
    """What one fact is about: term → strength, as participant/topic and as location."""

    about: dict[str, float] = field(default_factory=dict)
    located: dict[str, float] = field(default_factory=dict)
    #: Countries of the fact's people: "Serbian president" means these fully.
    nationality: dict[str, float] = field(default_factory=dict)

    def add(self, table: str, key: str, strength: float) -> None:
        target = getattr(self, table)
        if strength > target.get(key, 0.0):
            target[key] = strength


class Engine:
    """Answers questions over one fact base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.index = TermIndex(kb.stemming)
        self._role_cache: dict[str, frozenset[str]] = {}
        #: Person → the concepts the fact texts put before their name as a title
        #: ("President Boris Tadić", "Mayor of Astana Asset Issekeshev").
        self._titles: dict[str, set[str]] = defaultdict(set)
        #: The concepts that are kinds of event: "visit", "award" — what a question is about.
        self._kinds = frozenset(f.kind for f in kb.facts)
        self._index_vocabulary()
        self._profiles = {f.id: self._profile(f) for f in kb.facts}
        #: The concepts that are people's roles ("president", "minister"): titles, and
        #: what a person's description starts with ("Honorary consul of Kazakhstan …").
        self._role_concepts = frozenset(c for cs in self._titles.values() for c in cs) | \
            frozenset(c for e in kb.entities.values() if e.type == "person"
                      for c in self._leading_concepts(e)) - self._kinds
        for fact in kb.facts:
            for ref in fact.who:
                # What its people are (president, prime minister) is a little of what it
                # is about.
                for concept in self._roles(ref):
                    self._profiles[fact.id].add("about", concept, ROLE)
        self.index.prepare()
        self._build_postings()
        #: Ties between languages go to the one the fact base lists first.
        self._language_order = {code: i for i, code in enumerate(dict.fromkeys(
            (*kb.meta.languages, *kb.languages)))}
        #: The scripts (Latin, Cyrillic…) each language's words are written in.
        self._scripts = {code: scripts(" ".join((*lang.stopwords, *lang.months)))
                         for code, lang in kb.languages.items()}
        self._children: dict[str, list[str]] = defaultdict(list)
        for f in kb.facts:
            if f.part_of:
                self._children[f.part_of].append(f.id)
        #: Dated facts of each kind in date order, and each one's place there: next/previous.
        self._by_kind: dict[str, list[Fact]] = defaultdict(list)
        for f in sorted((f for f in kb.facts if f.date), key=chronological):
            self._by_kind[f.kind].append(f)
        self._position = {f.id: i for facts in self._by_kind.values() for i, f in enumerate(facts)}
        self._concept_ids = frozenset(c for lang in kb.languages.values() for c in lang.concepts)
        #: Organisations and things no fact is about: in no fact's `who` or `where`, and
        #: named by no fact's own question ("the OSCE" of "the OSCE Summit").
        asked_about = {t.id for f in kb.facts for text in f.questions.values()
                       for item in self.index.find(text, fuzzy=False)
                       if isinstance(item, Match) for t in item.terms if t.kind == "entity"}
        self._in_passing = frozenset(
            e.id for e in kb.entities.values() if e.type in IN_PASSING and e.id not in
            asked_about and not any(e.id in (*f.who, *f.where) for f in kb.facts))

    # ----------------------------------------------------------------- building

    def _index_vocabulary(self) -> None:
        add = self.index.add
        for e in self.kb.entities.values():
            for name in (*e.names.values(), *e.aliases, *([e.surname] if e.surname else [])):
                add(name, Term("entity", e.id))
            for name in e.demonyms:
                add(name, Term("demonym", e.id))
        for lang in self.kb.languages.values():
            for kind, table in (("concept", lang.concepts), ("intent", lang.intents),
                                ("modifier", lang.modifiers), ("pronoun", lang.pronouns),
                                ("social", lang.social), ("scope", lang.scope),
                                ("sequence", lang.sequence), ("ordinal", lang.ordinals),
                                ("number", lang.numbers)):
                for cid, words in table.items():
                    for word in words:
                        add(word, Term(kind, cid, lang.code))
            for word in lang.stopwords:
                add(word, Term("stop", "", lang.code))
            for word in lang.outside:
                add(word, Term("outside", "", lang.code))
            for number, month in enumerate((*lang.months, *lang.months_standalone)):
                if all(len(t.stem) > 2 for t in self.kb.stemming.tokens(month)):  # "мая" stems to "ма"
                    add(month, Term("month", str(number % 12 + 1), lang.code))
            for job, words in lang.grammar.items():
                self.index.add_grammar(job, words, lang.code)

    def _profile(self, fact: Fact) -> _Profile:
        p = _Profile()
        entities = self.kb.entities
        p.add("about", fact.kind, EXPLICIT)
        for ref in fact.who:
            p.add("about", ref, EXPLICIT)
        for ref in (*fact.who, *fact.tags):
            p.add("about", ref, TAGGED)
            e = entities.get(ref)
            if e and e.country and e.type != "place":
                p.add("nationality", e.country, EXPLICIT)
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        # What happened during a visit happened where the visit was, unless it says.
        for ref in fact.where or (parent.where if parent else ()):
            self._locate(p, ref, EXPLICIT)
        # The words of a fact's own question are its words too: the question leads to it.
        for code, text in (*fact.texts.items(), *fact.questions.items()):
            self._read_text(p, text, code)
        # So are the words of the names it mentions ("group" of "the BK group"), a little.
        for key in [k for k in p.about if k in self.kb.entities]:
            for name in self.kb.entities[key].names.values():
                for token in self.kb.stemming.tokens(name):
                    p.add("about", "w:" + token.stem, IN_TEXT)
        return p

    def _leading_concepts(self, entity) -> set[str]:
        """The concepts a description opens with, before any other word of substance."""
        out: set[str] = set()
        for text in entity.descriptions.values():
            for item in self.index.find(text, fuzzy=False):
                if isinstance(item, Match) and item.kind == "concept":
                    out.update(t.id for t in item.terms if t.kind == "concept")
                    break
                if not (isinstance(item, Match) and item.kind in ("stop", "demonym")):
                    break
        return out

    def _roles(self, entity_id: str) -> frozenset[str]:
        """A person's roles: the titles the texts give them, and the role concepts their
        descriptions name ("Foreign Minister of Kazakhstan in 2011"). Read once."""
        if entity_id not in self._role_cache:
            described = frozenset(
                term.id for text in self.kb.entities[entity_id].descriptions.values()
                for item in self.index.find(text, fuzzy=False) if isinstance(item, Match)
                for term in item.terms if term.kind == "concept")
            self._role_cache[entity_id] = frozenset(self._titles.get(entity_id, ())) | \
                (described & self._role_concepts)
        return self._role_cache[entity_id]


    def _read_text(self, p: _Profile, text: str, code: str) -> None:
        """What a fact's own text names counts a little (IN_TEXT); every other word of it
        becomes a term of its own ("song", "labor"), which counts less in a question (WORD)
        than a curated concept but, having no tagged form to prefer, fully where it is."""
        found = self.index.find(text, fuzzy=False)
        for pos, item in enumerate(found):
            if isinstance(item, Match):
                if code == self.kb.meta.language:
                    self._note_title(found, pos)
                for term in item.terms:
                    if term.kind in ("entity", "demonym", "concept"):
                        p.add("about", term.id, IN_TEXT)
                    e = self.kb.entities.get(term.id) if term.kind == "entity" else None
                    if e and e.country and e.type == "person":
                        # "…met Prime Minister Aleksandar Vučić": a Serbian, in passing.
                        p.add("nationality", e.country, IN_TEXT)
                    elif term.kind == "word":
                        p.add("about", term.id, EXPLICIT)
            elif not item.folded.isdigit() and len(item.folded) > 1:
                self.index.add(item.folded, Term("word", "w:" + item.stem, code))
                p.add("about", "w:" + item.stem, EXPLICIT)

    def _note_title(self, found: list, pos: int) -> None:
        """A concept right before a person's name is their title: "President Boris Tadić",
        "Kazakh Foreign Minister Yerzhan Kazykhanov", "Mayor of Astana Asset Issekeshev"
        (a nationality, or "of" and a place, may stand between). Kinds of event are not
        titles."""
        people = [t.id for t in found[pos].terms if t.kind == "entity" and
                  (e := self.kb.entities.get(t.id)) and e.type == "person"]
        back = pos - 1
        while people and back >= 0 and isinstance(found[back], Match) and pos - back < 4 and (
                found[back].kind in ("entity", "demonym") or
                found[back].kind == "stop" and back + 1 < pos and
                found[back + 1].kind == "entity"):
            back -= 1
        if not people or back < 0 or not isinstance(found[back], Match):
            return
        concepts = {t.id for t in found[back].terms if t.kind == "concept"} - self._kinds
        for person in people:
            self._titles[person].update(concepts)

    def _locate(self, p: _Profile, place: str, strength: float) -> None:
        """A fact in New Belgrade is also in Belgrade and in Serbia, a little less."""
        seen = set()
        while place and place not in seen:
            seen.add(place)
            p.add("located", place, strength)
            e = self.kb.entities.get(place)
            if not e:
                break
            if e.country and e.country != place:
                p.add("located", e.country, CONTAINER)
            place, strength = e.within or "", CONTAINER

    def examples(self, language: str | None) -> list[str]:
        """The example questions, in the reader's language."""
        return [self.kb.text(self.kb.fact(f).questions, language) for f in self.kb.meta.examples]

    def language_of(self, query: Query, question: str, context: Context) -> str | None:
        """The language a question is written in: the one most of its words come from,
        its typical letters breaking ties, then the fact base's order of languages. With
        no such words ("токаев"), the conversation's language, else the first written in
        the question's script."""
        order = self._language_order
        if not query.votes:
            if context.language:
                return context.language
            written = scripts(question)
            fits = [c for c in self.kb.languages if written and written <= self._scripts[c]]
            return min(fits, key=order.get) if fits else None
        top = query.votes[0][1]
        tied = [code for code, n in query.votes if n == top]
        hits = {c: sum(ch in self.kb.language(c).letters for ch in question.lower()) for c in tied}
        return min(tied, key=lambda c: (-hits[c], c != context.language, order[c]))

    def _build_postings(self) -> None:
        """Term → the facts about it, so a question scores only the facts it could mean."""
        postings: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.kb.facts:
            p = self._profiles[fact.id]
            for key in {*p.about, *p.located, *p.nationality}:
                postings[key].append(fact)
            if fact.date:
                for year in range(fact.date.year, fact.date.last_year + 1):
                    postings[f"year:{year}"].append(fact)
                for month in {fact.date.month, fact.date.end_month} - {None}:
                    postings[f"month:{month}"].append(fact)
        n = len(self.kb.facts) or 1
        self._postings = dict(postings)
        self._weights = {k: math.log(1 + n / len(v)) for k, v in postings.items()}

    def _candidates(self, terms: list[object]) -> list[Fact]:
        """The facts any of the terms leads to (through the postings)."""
        found: dict[str, Fact] = {}
        for m in terms:
            if isinstance(m, tuple):
                what, value = m
                keys = ([f"year:{y}" for y in range(value[0], min(value[1], value[0] + 200) + 1)]
                        if what == "year" else [f"month:{n}" for n in value])
                for key in keys:
                    found.update((f.id, f) for f in self._postings.get(key, ()))
            elif m.kind == "context":
                parents = {f.part_of or f.id for i in m.ids if (f := self.kb.fact(i))}
                for i in (*m.ids, *parents, *(c for p in parents for c in self._children.get(p, ()))):
                    if fact := self.kb.fact(i):
                        found[fact.id] = fact
            else:
                for i in m.ids:
                    found.update((f.id, f) for f in self._postings.get(i, ()))
        return list(found.values())

    def weight(self, term_id: str) -> float:
        return self._weights.get(term_id, math.log(1 + len(self.kb.facts) or 2))

    # ----------------------------------------------------------------- answering

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
        if not question.strip():
            return self._decline(question, templates["empty_question"].format(
                example=next(iter(self.examples(context.language)), "")), context, ())
        if len(question) > MAX_QUESTION:
            return self._decline(question, templates["too_long"].format(limit=MAX_QUESTION),
                                 context, ())
        query = parse(question, self.index)
        context = replace(context, language=self.language_of(query, question, context))
        templates = self.kb.language(context.language).templates
        reply = self._small_talk(query, context) or self._out_of_time(query, context)
        if reply:
            return reply
        if query.foreign:
            return self._decline(question, _not_known(templates, query.foreign), context,
                                 query.mentions)
        if query.unknown and not self._tolerates(query):
            return self._decline(question, _not_known(templates, query.unknown), context,
                                 query.mentions, nearest=self._nearest(query))
        if query.continues:
            query = self._continue(query, context)
        if query.halves:
            return self._compare(query, context)
        if query.sequence:
            return self._next_to(query, context)
        if "person" in query.pronouns and not context.person and \
                not any(m.kind == "entity" for m in query.mentions):
            return self._decline(question, templates["who_is_meant"], context, ())
        query = self._resolve(query, context)
        if not query.named:
            if query.pronouns and not context.facts:
                return self._decline(question, templates["who_is_meant"], context, ())
            return self._decline(question, templates["dont_know"], context, ())
        profile = self._profile_answer(query, context) if query.bare else None
        if profile:
            return profile
        chosen, best, missing = self._follow_up(query, context) or self._select(query)
        if chosen and query.counted == PEOPLE and len(chosen) == 1 and \
                not self._stated_number(chosen[0], {PEOPLE}):
            # "How many people came?" of one event: a list of names is not a head count.
            return self._decline(question, templates["no_number"], context, query.mentions,
                                 nearest=tuple(chosen))
        if not chosen:
            return self._decline(question, self._missing_message(query, missing, templates),
                                 context, query.mentions, nearest=self._nearest(query))
        return self._compose(query, self._with_parts(query, chosen), best, context)

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
        return replace(query, mentions=tuple(mentions), years=years, intents=intents)

    def _tolerates(self, query: Query) -> bool:
        """Whether a word the fact base does not know may be left unread. A question that
        names little besides it asks about it ("When was Tesla *born*?"); one that names
        enough of a fact to pin it down may just be worded in a way the fact base does
        not know ("What *commercial* pact came out of Tadić's 2010 trip?")."""
        named = [m for m in query.mentions if m.kind in ("entity", "concept") and not m.soft]
        return len(query.unknown) == 1 and len(named) + len(query.years) >= TOLERATE

    def _resolve(self, query: Query, context: Context) -> Query:
        """Pronouns against the previous answer: "he", "that", and "at the time" / "that
        year" (the previous answer's years)."""
        query = with_context(query, context)
        if "place" in query.pronouns and not any(m.role == "place" for m in query.mentions):
            # "who did he meet there?": where the previous answer happened.
            places = tuple(dict.fromkeys(r for i in context.facts if (f := self.kb.fact(i))
                                         for r in f.where))[:1]
            if places:
                query = replace(query, mentions=query.mentions + (
                    Mention("entity", places, "(previous place)", "place"),))
        if "time" in query.pronouns and not query.years:
            dated = [f.date for i in context.facts if (f := self.kb.fact(i)) and f.date]
            if dated:
                first = min(d.year for d in dated)
                query = replace(query, years=((first, max(d.last_year for d in dated)),))
        return query

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
        if chosen:
            return chosen, best, missing
        # "what are the ministers' names?" about an occasion that does not give them: a
        # decline, not another occasion's ministers.
        slots = [self._lacks(near, f) for i in context.facts if (f := self.kb.fact(i))]
        if any(lack and all(part.startswith("(") for part in lack) for lack in slots):
            return [], 0.0, ("(detail)",)
        return None

    def _with_parts(self, query: Query, chosen: list[Fact]) -> list[Fact]:
        """"Tell me about Tadić's trip in October 2010": an occasion comes with what
        happened during it, when the question asks nothing more specific."""
        if len(chosen) != 1 or "about" not in query.intents or query.modifiers or query.ordinal:
            return chosen
        parts = [f for i in self._children.get(chosen[0].id, ())
                 if (f := self.kb.fact(i)) and not self._lacks(query, f)]
        return chosen + parts

    def _select(self, query: Query) -> tuple[list[Fact], float, tuple[str, ...]]:
        """The facts that answer the query, best first; else none, with what the nearest
        fact lacks (the texts of the mentions it does not hold)."""
        scored = self._score(query)
        holding = [(s, f) for s, f in scored if s >= ANSWER_THRESHOLD and
                   not self._lacks(query, f)]
        if not holding:
            missing = self._lacks(query, scored[0][1]) if scored else ()
            return [], 0.0, missing
        best = holding[0][0]
        if query.ordinal or {"first", "latest"} & query.modifiers:
            margin = 1.0  # "the second launch" counts every launch the question holds
        else:
            margin = BROAD if query.modifiers or "how_many" in query.intents else TIE
        chosen = [f for s, f in holding if s >= max(best - margin, ANSWER_THRESHOLD)]
        if "first" in query.modifiers:
            # An undated fact that says it came first ("relations first commenced when …")
            # answers "first" where no dated one says so.
            says = [f for f in chosen if self._says(f, "first")]
            if says and not any(f.date for f in says):
                return says[:1], best, ()
        chosen = self._of_kind(query, chosen)
        if query.ordinal:
            dated = sorted((f for f in chosen if f.date), key=chronological)
            chosen = dated[query.ordinal - 1:query.ordinal]
            if not chosen:
                return [], 0.0, (str(query.ordinal),)
        chosen = self._apply_modifiers(query, chosen)
        return chosen, best, ()

    def _compare(self, query: Query, context: Context) -> Answer:
        """"Which came first, A or B?", "Did A happen before or after B?": both events with
        their dates, and the verdict."""
        assert query.halves
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
            chosen = [f for f in chosen if f not in picked and f.date]
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
                      context=self._next_context(query, [a, b], context), language=code)

    def _next_to(self, query: Query, context: Context) -> Answer:
        """"Which visit came right before Tokayev's trip?", "and the one before that?": the
        nearest event on that side of the pivot that holds the rest of the question."""
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
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
            pivot = min((f for f in chosen if f.date), key=chronological, default=None)
        else:
            # "and before him?" after "who visited after him?" keeps that pivot.
            kept = self.kb.fact(context.pivot) if query.continues and context.pivot and \
                "person" in query.pronouns else None
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
        # Another kind of event may share the pivot's date ("what did he say after the
        # landing?" is what he said then); an event of the same kind must come after.
        def beyond(f: Fact) -> bool:
            key = sort_key(f.date)
            if f.kind != pivot.kind and (key == here or f.part_of == pivot.id):
                return True
            return key > here if after else key < here
        near = [f for f in self.kb.facts if f.date and f.id != pivot.id and beyond(f)
                and not others & set(f.who) and not self._lacks(rest, f)]
        # Events of the kind first; else ones tagged with it ("how were relations repaired
        # afterwards?": a declaration tagged with relations).
        found = [f for f in near if f.kind in kinds] or [f for f in near if kinds & set(f.tags)]
        if not found:
            return self._decline(query.text, templates["nothing_next" if after
                                                       else "nothing_before"],
                                 context, query.mentions, nearest=(pivot,))
        target = (min if after else max)(found, key=chronological)
        reply = self._compose(rest, [target], 1.0, context)
        return replace(reply, context=replace(reply.context, pivot=pivot.id))

    def _is_person(self, m: Mention) -> bool:
        return m.kind == "entity" and all(
            self.kb.entities[i].type == "person" for i in m.ids if i in self.kb.entities)

    def _lacks(self, query: Query, fact: Fact) -> tuple[str, ...]:
        """What of the question `fact` does not hold: mentions it is not about (a person
        must take part, not be named in passing), a year or month it is not in, a date
        or a participant it does not give when that is what is asked."""
        p = self._profiles[fact.id]
        out = []
        # A question that names little else asks about its plain words ("Who *founded*
        # Fiat?"); one that names much may use them loosely.
        thin = sum(1 for m in query.mentions if m.kind in ("entity", "concept")
                   and not m.soft) <= 1
        countries = [m for m in query.mentions if m.kind == "entity" and m.role == "any" and
                     all(self.kb.entities[i].type == "country" for i in m.ids)]
        for m in query.mentions:
            if m.soft or m.kind == "word" and not thin:
                continue  # a fact's plain word, a topic named in passing: no condition
            if len(countries) > 1 and m in countries and not any(
                    p.about.get(i, 0.0) or p.nationality.get(i, 0.0) for i in m.ids):
                # "Did Aldmark and Calvera sign a treaty?": both take part, not just host.
                out.append(m.text)
                continue
            strength = self._strength(m, fact, p, query)
            if m.kind == "concept" and fact.part_of and strength <= 0:
                parent = self.kb.fact(fact.part_of)  # "… during the 2018 visit"
                strength = 1.0 if parent and parent.kind in m.ids else 0.0
            if m.kind == "entity" and m.role == "place" and p.located and not any(
                    p.located.get(i, 0.0) for i in m.ids) and set(m.ids) & set(fact.who):
                strength = 0.0  # "in Serbia" is where it happened, not who took part
            if m.kind == "entity" and m.role == "owner" and strength < TAGGED and \
                    not {"who", "name"} & query.intents and \
                    all(self.kb.entities[i].type == "country" for i in m.ids):
                strength = 0.0  # "Serbian presidents": the fact's people are, not a passer-by
            if strength <= 0 or (m.role != "agent" and self._is_person(m) and
                                 not self._takes_part(m.ids, fact, query) and
                                 not any(o is not m and self._is_person(o) and
                                         self._takes_part(o.ids, fact, query)
                                         for o in query.mentions)):
                # A person must take part; a second one may be named in passing ("what
                # did Vučić give Nazarbayev?"): the fact's text names the giver.
                out.append(m.text)
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
        if "when" in query.intents and fact.date:
            # A date answers "when" only for the event the fact is: what the question
            # names must be the fact's kind or tags, or its people's roles, not a word
            # of its text ("when did Kazakhstan open its embassy?" is not "a consulate of
            # its embassy opened").
            roles = {c for i in fact.who for c in self._roles(i)}

            def plain(m: Mention) -> bool:
                return any(p.about.get(i, 0.0) >= TAGGED or i in roles for i in m.ids)
            # Of the kinds of event named, one is enough ("when was it opened and who
            # attended?"); every other topic must be plainly the fact's.
            concepts = [m for m in query.mentions if m.kind == "concept" and not m.soft]
            events = [m for m in concepts if set(m.ids) & self._kinds]
            if events and not any(plain(m) for m in events):
                out.append(events[0].text)
            out.extend(m.text for m in concepts if m not in events and not plain(m))
        if "who" in query.intents and not self._gives_someone(query, fact, ANSWER_TYPES):
            out.append("(who)")
        if "name" in query.intents and not self._gives_someone(query, fact, NAMED_TYPES):
            out.append("(name)")
        if "measure" in query.intents and not self._states_measure(fact, query):
            out.append("(measure)")
        return tuple(out)

    def _takes_part(self, people: tuple[str, ...], fact: Fact, query: Query) -> bool:
        """A person named in a question must take part in the fact (its `who` or tags), not
        only appear in its text; or take part in the occasion the fact was part of, when
        the question names that occasion ("the singers during Nazarbayev's visit")."""
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        occasion = parent is not None and any(
            parent.kind in m.ids for m in query.mentions if m.kind == "concept")
        return any(i in (*fact.who, *fact.tags) or (occasion and i in parent.who)
                   for i in people)

    def _states_measure(self, fact: Fact, query: Query) -> bool:
        """"How big/how long is …" is answered by a number in the text; "how long did it
        last" also by a span of days."""
        if query.duration and fact.date and (fact.date.end_day or fact.date.end_month or
                                             fact.date.end_year):
            return True
        # Tokens the index leaves unread: the digits of a name ("Nova 1") are not a size.
        return any(isinstance(t, Token) and t.folded[:1].isdigit() and
                   not _YEARLIKE.match(t.folded)
                   for text in fact.texts.values() for t in self.index.find(text, fuzzy=False))

    def _states_day(self, fact: Fact) -> bool:
        """A day the text gives ("went into labor on 9 June") answers "on what day"."""
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
        if query.role in self._role_concepts and kinds is ANSWER_TYPES:
            # "Who was the ambassador?": someone in that role, or no answer.
            return any(i not in named and query.role in self._roles(i)
                       for i in (*fact.who, *self._profiles[fact.id].about)
                       if i in self.kb.entities)
        p = self._profiles[fact.id]
        for key in p.about:
            if key in named or p.about[key] < IN_TEXT:
                continue
            e = self.kb.entities.get(key)
            if e and e.type in kinds and (kinds is not NAMED_TYPES or not asked or
                                          asked & self._roles(e.id)):
                return True
            if not asked and key in self._role_concepts and "person" in kinds:
                return True
        return False

    def _of_kind(self, query: Query, facts: list[Fact]) -> list[Fact]:
        """"Vučić's first visit", "which president visited in 2015?": visits, not what
        happened during them, where the question names the kind of event."""
        kinds = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & self._kinds
        if not kinds:
            return facts
        return [f for f in facts if f.kind in kinds] or facts

    def _nearest(self, query: Query) -> tuple[Fact, ...]:
        """What the fact base has nearest to a question it cannot answer."""
        query = replace(query, unknown=())
        scored = self._score(query) if query.mentions else []
        return tuple(f for s, f in scored[:NEAREST] if s >= NEAREST_THRESHOLD)

    def _missing_message(self, query: Query, missing: tuple[str, ...],
                         templates: Mapping[str, str]) -> str:
        named = [m.text for m in query.mentions if m.kind != "context"]
        if len(named) > 1 and missing:
            return templates["not_together"].format(
                parts=", ".join(f"“{w}”" for w in named[:4]))
        return _not_known(templates, query.unknown)

    def _score(self, query: Query, via: list[Mention] | None = None
               ) -> list[tuple[float, Fact]]:
        """Facts that share a term with the query, best first, with their share of it.

        The facts found only through the question's commonest terms are not scored at all
        when those terms together weigh too little to make an answer: "visit" alone cannot
        answer "When did Tokayev visit Serbia?", so its postings are skipped. `via` names
        the terms whose facts to score instead.
        """
        terms: list[tuple[float, object]] = []
        for m in query.mentions:
            if m.kind == "context":
                terms.append((2.0, m))
            else:
                factor = WORD if m.kind == "word" else 1.0
                terms.append((factor * max(self.weight(i) for i in m.ids), m))
        for span in query.years:
            terms.append((2.0, ("year", span)))
        if query.months:
            terms.append((1.5, ("month", query.months)))
        total = sum(w for w, _ in terms) + UNKNOWN * len(query.unknown) or 1.0
        leading: list[object] = list(via or [])
        if via is None:
            light = 0.0
            for w, term in sorted(terms, key=lambda wt: wt[0]):
                light += w
                if light >= ANSWER_THRESHOLD * total:
                    leading.append(term)
        out = []
        candidates = self._candidates(leading)
        if via is not None:
            candidates = candidates[:SUGGESTION_POOL]
        for fact in candidates:
            p = self._profiles[fact.id]
            strengths = [(w, self._strength(t, fact, p, query)) for w, t in terms]
            score = sum(w * s for w, s in strengths) / total
            if any(s == 0 and isinstance(t, tuple) for (_, s), (_, t) in zip(strengths, terms)):
                score *= 0.5  # a date the question gives is a condition, not a hint
            if "when" in query.intents and fact.date is None:
                score *= 0.9
            if score > 0:
                out.append((score, fact))
        out.sort(key=lambda sf: (-sf[0], chronological(sf[1])))
        return out

    def _strength(self, term: object, fact: Fact, p: _Profile, query: Query) -> float:
        if isinstance(term, tuple):
            what, value = term
            if fact.date is None:
                return 0.0
            if what == "year":
                return 1.0 if fact.date.covers_year(*value) else 0.0
            months = {fact.date.month, fact.date.end_month} - {None}
            return 1.0 if months & value else 0.0
        assert isinstance(term, Mention)
        if term.kind == "context":
            related = {fact.id, fact.part_of}
            if related & set(term.ids):
                return 1.0
            parents = {self.kb.fact(i).part_of for i in term.ids if self.kb.fact(i)}
            if fact.id in parents:
                return 0.9  # "that trip", after an answer about something during it
            return 0.8 if fact.part_of and fact.part_of in parents else 0.0
        best = 0.0
        for tid in term.ids:
            about = p.about.get(tid, 0.0)
            located = p.located.get(tid, 0.0)
            national = p.nationality.get(tid, 0.0) * (OWNER if term.role == "owner" else NATIONALITY)
            if term.role == "owner" and self.kb.entities[tid].type == "country":
                located = 0.0  # "Serbian", "Serbia's": a nationality, not a place
            elif term.role == "place" and self.kb.entities[tid].type in ("country", "place"):
                about, national = about * 0.3, national * 0.3  # "in Serbia": a place
            best = max(best, about, located, national)
        return best

    def is_about(self, fact: Fact, query: Query) -> bool:
        """True when the fact has something of every term of the query (for filters)."""
        p = self._profiles[fact.id]
        return all(self._strength(m, fact, p, query) > 0 for m in query.mentions) and \
            all(fact.date and fact.date.covers_year(*span) for span in query.years)

    def _apply_modifiers(self, query: Query, chosen: list[Fact]) -> list[Fact]:
        dated = [f for f in chosen if f.date]
        if "first" in query.modifiers and dated:
            return [min(dated, key=lambda f: sort_key(f.date))]
        if "latest" in query.modifiers and dated:
            return [max(dated, key=lambda f: sort_key(f.date))]
        return chosen

    def _says(self, fact: Fact, modifier: str) -> bool:
        """True when the fact's text uses one of the modifier's words ("first")."""
        for code, text in fact.texts.items():
            words = {self.kb.stemming.stems(w) for w in
                     self.kb.language(code).modifiers.get(modifier, ())}
            stems = self.kb.stemming.stems(text)
            if any(w and any(stems[i:i + len(w)] == w for i in range(len(stems)))
                   for w in words):
                return True
        return False

    # ----------------------------------------------------------------- composing

    def fact_line(self, fact: Fact, language_code: str | None) -> Line:
        """A fact as one answer line: its date in bold, then its text."""
        language = self.kb.language(language_code)
        text = self.kb.text(fact.texts, language_code)
        if fact.date is None:
            return (Segment(text),)
        return (Segment(format_date(fact.date, language), strong=True), Segment(": " + text))

    def _compose(self, query: Query, facts: list[Fact], best: float, context: Context) -> Answer:
        code = self.kb.language(context.language).code
        facts = sorted(facts, key=chronological)
        lines: list[Line] = []
        templates = self.kb.language(code).templates
        if "how_many" in query.intents:
            lines.extend(self._count(query, facts, code))
        shown = [self.fact_line(f, code) for f in facts[:MAX_FACTS]]
        if query.yes_no and not lines and self._affirms(query, facts[0]):
            shown[0] = (Segment(templates["affirm"]), *shown[0])
        lines.extend(shown)
        if len(facts) > MAX_FACTS:
            lines.append((Segment(templates["more"].format(count=len(facts) - MAX_FACTS)),))
            facts = facts[:MAX_FACTS]
        return Answer(question=query.text, answered=True, lines=tuple(lines),
                      confidence=round(min(best, 1.0), 3), facts=tuple(f.id for f in facts),
                      related=self._related(facts, code),
                      context=self._next_context(query, facts, context), language=code)

    def _affirms(self, query: Query, fact: Fact) -> bool:
        """"Did Tokayev visit Serbia?" is a yes when the fact is plainly about all of it,
        and states it without a negation ("does not recognise" is not a yes)."""
        p = self._profiles[fact.id]
        if any(self._strength(m, fact, p, query) < TAGGED for m in query.mentions
               if m.kind != "context"):
            return False
        negations = self.index.grammar(None).get("negation", frozenset())
        return not any(t.folded in negations for code, text in fact.texts.items()
                       for t in self.kb.stemming.tokens(text))

    def _count(self, query: Query, facts: list[Fact], code: str) -> list[Line]:
        """"How many …": events ("how many times", "how many visits"), people by role
        ("how many presidents"), or the number a fact's text states ("five ministers").
        No number is made up: when none is stated, there is no count line."""
        templates = self.kb.language(code).templates
        counted = query.counted
        if not counted or counted in self._kinds:
            # "How many times …": occasions, not what happened during them.
            ids = {f.id for f in facts}
            events = [f for f in facts if f.part_of not in ids]
            return [(Segment(templates["count"].format(count=len(events)), strong=True),)]
        stated = self._stated_number(facts[0], {counted}) if len(facts) == 1 else None
        if stated:
            return [(Segment(templates["count"].format(count=stated), strong=True),)]
        if counted == PEOPLE or counted in self._role_concepts:
            named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
            people = list(dict.fromkeys(
                i for f in facts for i in f.who if self.kb.entities[i].type == "person"
                and (counted == PEOPLE or counted in self._roles(i)) and i not in named))
            if people:
                names = ", ".join(self.kb.text(self.kb.entities[i].names, code) for i in people)
                return [(Segment(templates["count_people"].format(
                    count=len(people), names=names), strong=True),)]
        return []

    def _stated_number(self, fact: Fact, cues: set[str]) -> str | None:
        """A number the fact's text puts before a word of what is counted: "five
        ministers" → "5", "4,300 people" → "4300" (`PEOPLE`: the language's people words)."""
        words = {w for lang in self.kb.languages.values() for c in cues
                 for w in (lang.grammar.get("people", ()) if c == PEOPLE
                           else lang.concepts.get(c, ()))}
        stems = {t.stem for w in words for t in self.kb.stemming.tokens(w)}
        for code, text in fact.texts.items():
            found = self.kb.stemming.tokens(_THOUSANDS.sub(r"\1\2", text))
            numbers = self.kb.language(code).numbers
            for first, second in zip(found, found[1:]):
                if second.stem in stems:
                    if first.folded.isdigit():
                        return first.folded
                    for value, names in numbers.items():
                        if first.folded in {fold(n) for n in names}:
                            return value
        return None

    def _profile_answer(self, query: Query, context: Context) -> Answer | None:
        """"Who is X?", "tokaev": what the fact base says about one named entity."""
        if len(query.mentions) != 1 or query.years or query.months or query.modifiers \
                or query.unknown:
            return None
        mention = query.mentions[0]
        if mention.kind != "entity" or query.intents - {"what", "who", "about"}:
            return None
        code = self.kb.language(context.language).code
        passing = [eid for eid in mention.ids if eid in self._in_passing]
        if passing and len(passing) == len(mention.ids) and "who" not in query.intents:
            # "What is the OSCE?": the facts only tag it; they do not say what it is.
            name = self.kb.text(self.kb.entities[passing[0]].names, code)
            nearest = tuple(f for f in self.kb.facts if passing[0] in f.tags)[:NEAREST]
            return self._decline(query.text, self.kb.language(code).templates[
                "in_passing"].format(name=name), context, query.mentions, nearest=nearest)
        lines: list[Line] = []
        used: list[Fact] = []
        for eid in mention.ids:
            entity = self.kb.entities[eid]
            description = self.kb.text(entity.descriptions, code)
            lines.append((Segment(self.kb.text(entity.names, code), strong=True),
                          Segment(f" – {description}" if description else "")))
            facts = [f for f in self.kb.facts
                     if eid in (*f.who, *f.where, *f.tags)]
            facts.sort(key=chronological)
            used.extend(facts[:PROFILE_FACTS])
            lines.extend(self.fact_line(f, code) for f in facts[:PROFILE_FACTS])
        people = [i for i in mention.ids if self.kb.entities[i].type == "person"]
        next_context = Context(person=people[0] if len(people) == 1 else context.person,
                               facts=tuple(f.id for f in used), language=context.language)
        return Answer(question=query.text, answered=True, lines=tuple(lines), confidence=1.0,
                      facts=tuple(f.id for f in used), related=self._related(used, code),
                      context=next_context, language=code)

    def _related(self, facts: list[Fact], code: str) -> tuple[Suggestion, ...]:
        """Up to three questions one tap away: same occasion, then the next and previous."""
        if not facts:
            return ()
        shown = {f.id for f in facts}
        top = facts[0]
        root = top.part_of or top.id
        candidates = [root, *self._children.get(root, [])]
        same_kind = self._by_kind.get(top.kind, [])
        if top.id in self._position:
            i = self._position[top.id]
            candidates += [f.id for f in same_kind[i + 1:i + 2] + same_kind[max(i - 1, 0):i]]
        out: list[Suggestion] = []
        for fid in candidates:
            fact = self.kb.fact(fid)
            if fact and fid not in shown and fact.questions and \
                    all(s.fact_id != fid for s in out):
                out.append(Suggestion(self.kb.text(fact.questions, code), fid))
        return tuple(out[:3])

    def _next_context(self, query: Query, facts: list[Fact], context: Context) -> Context:
        """What a follow-up refers to: the person asked about or, for "who" questions,
        the person the answer gave; the facts given."""
        named = [i for m in query.mentions if m.kind == "entity" and not m.choice
                 for i in m.ids if self.kb.entities[i].type == "person"]
        people = [i for f in facts for i in f.who if self.kb.entities[i].type == "person"]
        if "who" in query.intents or any(m.choice for m in query.mentions):
            # "who else was there?": the new person, not the one already talked about.
            person = next((i for i in people if i not in named and i != context.person),
                          None) or next(iter(named), context.person)
        else:
            person = next(iter(named), None) or next(iter(people), context.person)
        topics = [f"{m.kind}|{m.role}|{','.join(m.ids)}|{m.text}" for m in query.mentions
                  if m.kind in ("concept", "entity") and not self._is_person(m)
                  and not m.text.startswith("(")]
        topics += [f"year||{first},{last}|" for first, last in query.years]
        return Context(person=person, facts=tuple(f.id for f in facts), language=context.language,
                       topics=tuple(topics), intents=tuple(sorted(query.intents)))

    def _decline(self, question: str, message: str, context: Context,
                 mentions: tuple[Mention, ...], nearest: tuple[Fact, ...] = ()) -> Answer:
        """"I don't have that", then what the fact base has nearest, marked as not the
        answer, then questions it can answer."""
        code = self.kb.language(context.language).code
        lines: list[Line] = [(Segment(message),)]
        if nearest:
            lines.append((Segment(self.kb.language(code).templates["nearest"]),))
            lines.extend(self.fact_line(f, code) for f in nearest)
        return Answer(question=question, answered=False, lines=tuple(lines),
                      confidence=0.0, nearest=tuple(f.id for f in nearest),
                      suggestions=self.suggest(mentions, code), context=context, language=code)

    def _small_talk(self, query: Query, context: Context) -> Answer | None:
        """Greetings, thanks, "who are you", insults, requests for opinions or jokes: a
        short reply in the asker's language, with questions the bot can answer."""
        kinds = query.social & DISMISS or (query.social if not query.named and not
                                           query.unknown and not query.foreign else set())
        if not kinds:
            return None
        kind = min(kinds, key=lambda k: (SOCIAL_ORDER.index(k) if k in SOCIAL_ORDER
                                         else len(SOCIAL_ORDER), k))
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        message = templates.get(f"social_{kind}", templates["dont_know"]).format(
            title=self.kb.title(code))
        return self._decline(query.text, message, context, query.mentions
                             if kind in DISMISS else ())

    def _out_of_time(self, query: Query, context: Context) -> Answer | None:
        """"now", "will", "would": the source records the past, up to its latest event."""
        if not query.scope:
            return None
        code = self.kb.language(context.language).code
        language = self.kb.language(code)
        kind = "hypothetical" if "hypothetical" in query.scope else "present"
        latest = max((f for f in self.kb.facts if f.date), key=lambda f: sort_key(f.date),
                     default=None)
        message = language.templates[f"scope_{kind}"].format(
            latest=format_date(latest.date, language) if latest and latest.date else "—")
        return self._decline(query.text, message, context, query.mentions)

    def suggest(self, mentions: tuple[Mention, ...], code: str) -> tuple[Suggestion, ...]:
        """Questions the bot can answer, close to what was asked where anything was known."""
        out: list[Suggestion] = []
        if any(m.kind != "context" for m in mentions):
            known = tuple(m for m in mentions if m.kind != "context")
            query = Query("", known, frozenset(), frozenset(), (), frozenset(), frozenset(), ())
            # The facts of the rarest thing named, ranked by everything named.
            rarest = max(known, key=lambda m: max(self.weight(i) for i in m.ids), default=None)
            for _, fact in self._score(query, via=[rarest]) if rarest else ():
                if fact.questions and all(s.fact_id != fact.id for s in out):
                    out.append(Suggestion(self.kb.text(fact.questions, code), fact.id))
                if len(out) == 3:
                    return tuple(out)
        for fid in self.kb.meta.examples:
            fact = self.kb.fact(fid)
            if len(out) < 3 and fact and all(s.fact_id != fid for s in out):
                out.append(Suggestion(self.kb.text(fact.questions, code), fid))
        return tuple(out)


def _end_key(fact: Fact) -> tuple[int, int, int]:
    """Where a fact's span ends, to order two events that start together."""
    d = fact.date
    return (d.last_year, d.end_month or d.month or 0, d.end_day or d.day or 0) if d else (0, 0, 0)


def _not_known(templates: Mapping[str, str], words: tuple[str, ...]) -> str:
    """"I don't know that", naming the words we could not place, if any."""
    if not words:
        return templates["dont_know"]
    return templates["dont_know_words"].format(words=", ".join(f"“{w}”" for w in words[:3]))
