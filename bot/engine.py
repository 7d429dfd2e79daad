"""The question-answering engine: one instance per fact base, shared by every front end.

A question is read into a Query (names, topics, years, what it asks), every fact is
scored by how much of the question it covers, weighted by how rare each term is, and the
answer is composed from the best facts. A question with a word the fact base does not
know, or that no fact covers well enough, is declined with suggestions instead.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Mapping

from .dates import chronological, format_date, sort_key
from .matching import Match, Term, TermIndex
from .model import Answer, Context, Fact, KnowledgeBase, Line, Segment, Suggestion
from .query import Mention, Query, parse, with_context
from .text import scripts

#: How strongly a fact is about a term, by where the term appears in the fact.
EXPLICIT, TAGGED, CONTAINER, NATIONALITY, IN_TEXT, ROLE = 1.0, 0.85, 0.98, 0.7, 0.6, 0.4
#: How well "Serbian" fits a fact about a Serbian person (a Serbian fact itself: 1.0).
OWNER = 0.9
#: Lowest share of the question a fact must cover to be given as an answer.
ANSWER_THRESHOLD = 0.6
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
        self._index_vocabulary()
        self._profiles = {f.id: self._profile(f) for f in kb.facts}
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
                                ("modifier", lang.modifiers), ("pronoun", lang.pronouns)):
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
        for ref in fact.where:
            self._locate(p, ref, EXPLICIT)
        for code, text in fact.texts.items():
            self._read_text(p, text, code)
        for ref in fact.who:
            # What its people are (president, prime minister) is a little of what it is about.
            for concept in self._roles(ref):
                p.add("about", concept, ROLE)
        return p

    def _roles(self, entity_id: str) -> frozenset[str]:
        """The concepts an entity's descriptions name, read once per entity."""
        if entity_id not in self._role_cache:
            self._role_cache[entity_id] = frozenset(
                term.id for text in self.kb.entities[entity_id].descriptions.values()
                for item in self.index.find(text, fuzzy=False) if isinstance(item, Match)
                for term in item.terms if term.kind == "concept")
        return self._role_cache[entity_id]


    def _read_text(self, p: _Profile, text: str, code: str) -> None:
        """What a fact's own text names counts a little (IN_TEXT); every other word of it
        becomes a term of its own ("song", "labor"), which counts less in a question (WORD)
        than a curated concept but, having no tagged form to prefer, fully where it is."""
        for item in self.index.find(text, fuzzy=False):
            if isinstance(item, Match):
                for term in item.terms:
                    if term.kind in ("entity", "demonym", "concept"):
                        p.add("about", term.id, IN_TEXT)
                    elif term.kind == "word":
                        p.add("about", term.id, EXPLICIT)
            elif not item.folded.isdigit() and len(item.folded) > 1:
                self.index.add(item.folded, Term("word", "w:" + item.stem, code))
                p.add("about", "w:" + item.stem, EXPLICIT)

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
        """Answer one question; never raises, whatever the text."""
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
        query = with_context(query, context)
        if query.foreign:
            return self._decline(question, _not_known(templates, query.foreign), context,
                                 query.mentions)
        if not query.mentions and not query.years and not query.months:
            return self._decline(question, templates["dont_know"], context, ())
        profile = self._profile_answer(query, context)
        if profile:
            return profile
        scored = self._score(query)
        best = scored[0][0] if scored else 0.0
        if best < ANSWER_THRESHOLD:
            return self._decline(question, _not_known(templates, query.unknown), context,
                                 query.mentions)
        margin = BROAD if query.modifiers else TIE
        chosen = [f for s, f in scored if s >= max(best - margin, ANSWER_THRESHOLD)]
        chosen = self._apply_modifiers(query, chosen)
        return self._compose(query, chosen, best, context)

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
            return 0.8 if fact.part_of and fact.part_of in parents else 0.0
        best = 0.0
        for tid in term.ids:
            about = p.about.get(tid, 0.0)
            located = p.located.get(tid, 0.0)
            national = p.nationality.get(tid, 0.0) * (OWNER if term.role == "owner" else NATIONALITY)
            if term.role == "owner":
                located *= 0.5  # "Serbian", "Serbia's": a nationality, not a place
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
            lines.append((Segment(templates["count"].format(count=len(facts)), strong=True),))
        lines.extend(self.fact_line(f, code) for f in facts[:MAX_FACTS])
        if len(facts) > MAX_FACTS:
            lines.append((Segment(templates["more"].format(count=len(facts) - MAX_FACTS)),))
            facts = facts[:MAX_FACTS]
        return Answer(question=query.text, answered=True, lines=tuple(lines),
                      confidence=round(min(best, 1.0), 3), facts=tuple(f.id for f in facts),
                      related=self._related(facts, code),
                      context=self._next_context(query, facts, context), language=code)

    def _profile_answer(self, query: Query, context: Context) -> Answer | None:
        """"Who is X?", "tokaev": what the fact base says about one named entity."""
        if len(query.mentions) != 1 or query.years or query.months or query.modifiers \
                or query.unknown:
            return None
        mention = query.mentions[0]
        if mention.kind != "entity" or query.intents - {"what", "who"}:
            return None
        code = self.kb.language(context.language).code
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
        person = next((i for m in query.mentions if m.kind == "entity" for i in m.ids
                       if self.kb.entities[i].type == "person"), None)
        if person is None:
            person = next((i for f in facts for i in f.who
                           if self.kb.entities[i].type == "person"), context.person)
        return Context(person=person, facts=tuple(f.id for f in facts), language=context.language)

    def _decline(self, question: str, message: str, context: Context,
                 mentions: tuple[Mention, ...]) -> Answer:
        code = self.kb.language(context.language).code
        return Answer(question=question, answered=False, lines=((Segment(message),),),
                      confidence=0.0, suggestions=self.suggest(mentions, code),
                      context=context, language=code)

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


def _not_known(templates: Mapping[str, str], words: tuple[str, ...]) -> str:
    """"I don't know that", naming the words we could not place, if any."""
    if not words:
        return templates["dont_know"]
    return templates["dont_know_words"].format(words=", ".join(f"“{w}”" for w in words[:3]))
