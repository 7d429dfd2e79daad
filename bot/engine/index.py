"""What each fact is about, and the index that finds the facts a question could mean.

Built once per fact base: every alias, cue word and fact word in a phrase index, each
fact's profile (what it is about, where, whose), people's titles, and postings from each
term to its facts, weighted by rarity. Scoring a question is a sum over its terms.
"""
from __future__ import annotations

import math
from sys import intern
from collections import defaultdict
from itertools import islice
from operator import attrgetter
from typing import Iterable
from dataclasses import dataclass, field

from ..dates import chronological, sort_key
from ..matching import Match, Term, TermIndex
from ..model import Context, Fact, KnowledgeBase
from ..query import COMPARATIVE, Mention, Query
from ..synonyms import Synonyms
from ..text import scripts
from .measures import Measures
from .scoring import dated_scores, plain_scores, rank
from .weights import (ANSWER_THRESHOLD, CAUSE, CONTAINER, EXPLICIT, IN_PASSING, IN_TEXT,
                      NATIONALITY, OWNER, REASON, ROLE, SUGGESTION_POOL, SYNONYM, TAGGED,
                      UNKNOWN, WORD)


_FACT_ID = attrgetter("id")


@dataclass(slots=True)
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


#: A mention's ids as plain, as an owner country, as a place; its nationality factor.
_Parts = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], float]


def _held(parts: _Parts, p: _Profile) -> float:
    """How much of a mention a fact's profile holds: the best of its ids, as what the
    fact is about, where it is, or its people's nationality (see FactIndex._parts)."""
    plain, owned, placed, national = parts
    if not owned and not placed and len(plain) == 1:  # the most common: one id, plainly
        tid = plain[0]
        return max(p.about.get(tid, 0.0), p.located.get(tid, 0.0),
                   p.nationality.get(tid, 0.0) * national)
    about, located, nationality = p.about.get, p.located.get, p.nationality.get
    best = 0.0
    for tid in plain:
        best = max(best, about(tid, 0.0), located(tid, 0.0), nationality(tid, 0.0) * national)
    for tid in owned:
        best = max(best, about(tid, 0.0), nationality(tid, 0.0) * national)
    for tid in placed:
        best = max(best, about(tid, 0.0) * 0.3, located(tid, 0.0),
                   nationality(tid, 0.0) * national * 0.3)
    return best


def _has_any(p: _Profile, ids: tuple[str, ...]) -> bool:
    """Whether a fact's profile has one of the ids: whether their postings hold it."""
    return any(i in p.about or i in p.located or i in p.nationality for i in ids)


class Memo(dict):
    """A dict that starts again when full: what a running bot memoises per question word
    (a fact's text said "first"?) meets unboundedly many words."""

    limit = 1 << 16

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        if len(self) >= self.limit:
            self.clear()
        super().__setitem__(key, value)


class _PartsMemo(Memo):
    """Mentions of the last few questions, with their parts: a mention lives as long as
    its question is being answered, so a few thousand entries are plenty."""

    limit = 1 << 12


class FactIndex:
    """The fact base, indexed: profiles, postings, titles and scoring."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.index = TermIndex(kb.stemming)
        self._role_cache: dict[str, frozenset[str]] = {}
        #: Entity → the concepts its names open or end with: see _named_concepts.
        self._name_concepts: dict[str, frozenset[str]] = {}
        #: (fact, modifier or "#number") → whether its text says it ("first", a number),
        #: read once: see Holding._says and Holding._states_measure.
        self._said: dict[tuple[str, str], bool] = Memo()
        #: Person → the concepts the fact texts put before their name as a title
        #: ("President Boris Tadić", "Mayor of Astana Asset Issekeshev").
        self._titles: dict[str, set[str]] = defaultdict(set)
        #: The concepts that are kinds of event: "visit", "award" — what a question is about.
        self._kinds = frozenset(f.kind for f in kb.facts)
        self._index_vocabulary()
        self._measures = Measures.of(kb)
        self._title_candidates: dict[tuple[str, ...], set[str]] = {}
        #: The facts a text of which has a negation ("did not recognize"): only they can
        #: say something only negated (Holding._only_negated), which is not read otherwise.
        self._negating: set[str] = set()
        #: Modifier → the facts a text of which uses one of its words ("first"): read
        #: with the texts, so that no question reads thousands of texts (Holding._says).
        self._saying: dict[str, set[str]] = defaultdict(set)
        self._modifier_starts: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        self._fact_id = ""  # the fact whose texts are being read
        self._negations = self.index.grammar(None).get("negation", frozenset())
        #: The entities some fact's own question names (read with the fact's texts).
        self._asked_about: set[str] = set()
        self._profiles = {f.id: self._profile(f) for f in kb.facts}
        #: Person → the concepts their descriptions name, read with their leading ones.
        self._described: dict[str, frozenset[str]] = {}
        #: The concepts that are people's roles ("president", "minister"): titles, and
        #: what a person's description starts with ("Honorary consul of Kazakhstan …").
        self._role_concepts = frozenset(c for cs in self._titles.values() for c in cs) | \
            frozenset(c for e in kb.entities.values() if e.type == "person"
                      for c in self._leading_concepts(e)) - self._kinds
        #: The stems of every phrase that stands before a person's name as their title in
        #: a fact's text, in any language: "President", "commander", "Mayor of Astana".
        self._title_words = frozenset(
            k for k, ids in self._title_candidates.items() if ids & self._role_concepts)
        del self._title_candidates, self._fact_id, self._negations, self._modifier_starts
        self.__dict__.pop("_name_words", None)  # served the profiles only
        self._negating = frozenset(self._negating)
        self._saying = {m: frozenset(ids) for m, ids in self._saying.items()}
        for fact in kb.facts:
            for ref in fact.who:
                # What its people are (president, prime minister) is a little of what it
                # is about.
                for concept in self._roles(ref):
                    self._profiles[fact.id].add("about", concept, ROLE)
        del self._described
        #: Words the fact base does not use, read as those of their group it does.
        self._synonyms = Synonyms(self.index, kb)
        self.index.prepare()
        self._build_postings()
        #: Ties between languages go to the one the fact base lists first.
        self._language_order = {code: i for i, code in enumerate(dict.fromkeys(
            (*kb.meta.languages, *kb.languages)))}
        #: The scripts (Latin, Cyrillic…) each language's words are written in.
        self._scripts = {code: scripts(" ".join((*lang.stopwords, *lang.months)))
                         for code, lang in kb.languages.items()}
        self._children: dict[str, list[str]] = defaultdict(list)
        #: Entity → the facts it takes part in, is the place of or is tagged in, in date
        #: order: what "Who is X?" shows, read here rather than by a scan of every fact.
        involving: dict[str, list[Fact]] = defaultdict(list)
        for f in kb.facts:
            if f.part_of:
                self._children[f.part_of].append(f.id)
        for f in sorted(kb.facts, key=chronological):
            for ref in dict.fromkeys((*f.who, *f.where, *f.tags)):
                involving[ref].append(f)
        self._involving = {ref: tuple(facts) for ref, facts in involving.items()}
        #: Dated facts of each kind in date order, and each one's place there: next/previous.
        self._by_kind: dict[str, list[Fact]] = defaultdict(list)
        for f in sorted((f for f in kb.facts if f.date), key=chronological):
            self._by_kind[f.kind].append(f)
        #: Each fact's place in the fact base, for lists read from postings in that order.
        self._order = {f.id: i for i, f in enumerate(kb.facts)}
        #: Each fact's place in date order (see chronological): scored facts tie-break by it.
        self._chronology = {f.id: i for i, f in enumerate(sorted(kb.facts, key=chronological))}
        #: Each fact's date as a rank (the same date, the same rank; see sort_key): the
        #: first or latest of many facts, read without a date key built for each.
        keys = sorted({sort_key(f.date) for f in kb.facts})
        rank = {k: i for i, k in enumerate(keys)}
        self._date_rank = {f.id: rank[sort_key(f.date)] for f in kb.facts}
        self._position = {f.id: i for facts in self._by_kind.values() for i, f in enumerate(facts)}
        #: The latest dated event: how far the source reaches ("up to 18–19 November 2024").
        self._latest = max((f for f in kb.facts if f.date), key=chronological, default=None)
        self._concept_ids = frozenset(c for lang in kb.languages.values() for c in lang.concepts)
        #: Organisations and things no fact is about: in no fact's `who` or `where`, and
        #: named by no fact's own question ("the OSCE" of "the OSCE Summit").
        taking_part = {ref for f in kb.facts for ref in (*f.who, *f.where)}
        self._in_passing = frozenset(
            e.id for e in kb.entities.values() if e.type in IN_PASSING and e.id not in
            self._asked_about and e.id not in taking_part)
        del self._asked_about

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
                # "мая" stems to "ма": too short to stand for a month
                if all(len(t.stem) > 2 for t in self.kb.stemming.tokens(month)):
                    add(month, Term("month", str(number % 12 + 1), lang.code))
            for job, words in lang.grammar.items():
                self.index.add_grammar(job, words, lang.code)
            # "longer", "taller": no topic, but what a comparison of two things measures
            compared = [w for d in ("more", "less")
                        for ws in (lang.vocabulary.get(f"comparatives_{d}") or {}).values()
                        for w in ws]
            for word in compared:  # (read only as written: Query._comparatives_as_written)
                add(word, Term("stop", COMPARATIVE, lang.code))
            self.index.add_grammar("comparative", compared, lang.code)
            # "what is the *area* of …": a measure's words (see Query's _measure_named)
            self.index.add_grammar("measure_words", [
                w for ws in (lang.vocabulary.get("measures") or {}).values() for w in ws],
                lang.code)
            for kind, words in (lang.vocabulary.get("entity_types") or {}).items():
                # "which countries …": the words, as written and as stems
                stems = [s for w in words for s in self.kb.stemming.stems(w)]
                self.index.add_grammar("type:" + kind, [*words, *stems], lang.code)

    def _profile(self, fact: Fact) -> _Profile:
        p = _Profile()
        self._fact_id = fact.id
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
        for code, text in fact.texts.items():
            self._read_text(p, text, code)
        for code, text in fact.questions.items():
            self._asked_about.update(
                t.id for item in self._read_text(p, text, code, False) if isinstance(item, Match)
                for t in item.terms if t.kind == "entity")
        # So are the words of the names it mentions ("group" of "the BK group"), a little.
        # and the concepts its names say it is ("Frostvik Cosmodrome", "Frostvik spaceport":
        # a launch site), as little as a word of its text.
        for key in [k for k in (*p.about, *p.located) if k in self.kb.entities]:
            for word in self._name_words_of(key):
                p.add("about", word, IN_TEXT)
            for concept in self._named_concepts(key):
                p.add("about", concept, IN_TEXT)
        return p

    def _name_words_of(self, entity_id: str) -> tuple[str, ...]:
        """The words of an entity's names as terms ("w:group"), in the order they are
        written, read once per entity while building rather than once per fact."""
        cache = self.__dict__.setdefault("_name_words", {})
        words = cache.get(entity_id)
        if words is None:
            words = cache[entity_id] = tuple(dict.fromkeys(
                intern("w:" + token.stem) for name in self.kb.entities[entity_id].names.values()
                for token in self.kb.stemming.tokens(name)))
        return words

    def _named_concepts(self, entity_id: str) -> frozenset[str]:
        """The concepts a name or alias of an entity opens or ends with, as a whole cue
        ("Frostvik *launch site*", "*Order* of the Republic"), read once."""
        cache = self._name_concepts
        if entity_id not in cache:
            e = self.kb.entities[entity_id]
            found: set[str] = set()
            index = self.index
            for name in dict.fromkeys((*e.names.values(), *e.aliases)):
                words = self.kb.stemming.tokens(name)
                stems = [w.stem for w in words]
                n = len(words)
                for k in range(1, n):
                    for start, end in ((0, k), (n - k, n)):
                        key = tuple(stems[start:end])
                        if key not in index:  # most parts of a name are no phrase
                            continue
                        meanings = index.meanings(key, tuple(w.folded for w in words[start:end]))
                        if meanings and meanings[0].kind == "concept":
                            found.update(t.id for t in meanings)
            cache[entity_id] = frozenset(found)
        return cache[entity_id]

    def _leading_concepts(self, entity) -> set[str]:
        """The concepts a description opens with, before any other word of substance.
        The descriptions are read whole, once: what `_roles` reads of them (every concept
        they name) is kept for it (`_described`, while building)."""
        out: set[str] = set()
        described: set[str] = set()
        for text in entity.descriptions.values():
            leading = True
            for item in self.index.read(text):
                if not isinstance(item, Match):
                    leading = False
                    continue
                concepts = [t.id for t in item.terms if t.kind == "concept"]
                described.update(concepts)
                if leading and item.kind == "concept":
                    out.update(concepts)
                    leading = False
                elif item.kind not in ("stop", "demonym"):
                    leading = False
        self._described[entity.id] = frozenset(described)
        return out

    def _roles(self, entity_id: str) -> frozenset[str]:
        """A person's roles: the titles the texts give them, and the role concepts their
        descriptions name ("Foreign Minister of Kazakhstan in 2011"). Read once."""
        if entity_id not in self._role_cache:
            described = self.__dict__.get("_described", {}).get(entity_id)
            if described is None:
                described = frozenset(
                    term.id for text in self.kb.entities[entity_id].descriptions.values()
                    for item in self.index.read(text) if isinstance(item, Match)
                    for term in item.terms if term.kind == "concept")
            self._role_cache[entity_id] = frozenset(self._titles.get(entity_id, ())) | \
                (described & self._role_concepts)
        return self._role_cache[entity_id]

    def _read_text(self, p: _Profile, text: str, code: str, text_of_fact: bool = True
                   ) -> list:
        """What a fact's own text names counts a little (IN_TEXT); every other word of it
        becomes a term of its own ("song", "labor"), which counts less in a question (WORD)
        than a curated concept but, having no tagged form to prefer, fully where it is."""
        found = self.index.read(text)
        if text_of_fact and self._fact_id not in self._negating and any(
                w.folded in self._negations for item in found
                for w in (item.words if isinstance(item, Match) else (item,))):
            self._negating.add(self._fact_id)
        if text_of_fact:
            self._note_modifiers(found, code)
        for pos, item in enumerate(found):
            if isinstance(item, Match):
                # Only a person's name has a title before it; a phrase's terms are sorted
                # by kind, names first, so one that does not start with a name has none.
                if item.kind == "entity":
                    if code == self.kb.meta.language:
                        self._note_title(found, pos)
                    if text_of_fact:
                        self._note_title_words(found, pos)
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
                word = intern("w:" + item.stem)  # one string for all the facts that use it
                self.index.add(item.folded, Term("word", word, code))
                p.add("about", word, EXPLICIT)
        return found

    def _note_modifiers(self, found: list, code: str) -> None:
        """Note the modifiers ("first") whose words, in the text's language, the text
        uses as a run of stems, and whether it states a cause (`CAUSE`, the grammar's
        `cause` words: "caused by a broken rail"): see Holding._says."""
        starts = self._modifier_starts.get(code)
        if starts is None:
            starts = self._modifier_starts[code] = {}
            language = self.kb.language(code)
            for modifier, words in (*language.modifiers.items(),
                                    (CAUSE, language.grammar.get("cause", ())),
                                    (REASON, language.grammar.get("reason", ()))):
                for stems in {self.kb.stemming.stems(w) for w in words} - {()}:
                    starts.setdefault(stems[0], []).append((stems, modifier))
        stems = [w.stem for item in found
                 for w in (item.words if isinstance(item, Match) else (item,))]
        for i, stem in enumerate(stems):
            for phrase, modifier in starts.get(stem, ()):
                if tuple(stems[i:i + len(phrase)]) == phrase:
                    self._saying[modifier].add(self._fact_id)

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

    def _note_title_words(self, found: list, pos: int) -> None:
        """The words right before a person's name in a text of any language, as stems,
        with the concepts they mean ("President", "commander", "Mayor of Astana"): of
        these, the roles' are the words the texts use as titles (see _title_words)."""
        if not any(t.kind == "entity" and (e := self.kb.entities.get(t.id)) and
                   e.type == "person" for t in found[pos].terms):
            return
        back = pos - 1
        while back >= 0 and isinstance(found[back], Match) and pos - back < 4 and \
                found[back].kind in ("demonym", "entity"):
            back -= 1
        if back >= 0 and isinstance(found[back], Match):
            concepts = {t.id for t in found[back].terms if t.kind == "concept"}
            if concepts:
                key = tuple(w.stem for w in found[back].words)
                self._title_candidates.setdefault(key, set()).update(concepts)

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
        self._postings = dict(postings)

    def _candidates(self, terms: list[object], limit: int | None = None) -> list[Fact]:
        """The facts any of the terms leads to (through the postings), in the terms' order;
        with `limit`, the first that many (a common word's postings are not all read)."""
        found: dict[str, Fact] = {}

        def postings(key: str) -> Iterable[tuple[str, Fact]]:
            # The first `limit` of a term's facts hold all it can add to the first `limit`.
            facts = self._postings.get(key, ())
            if limit is not None:
                facts = list(islice(facts, limit))
            return zip(map(_FACT_ID, facts), facts)  # no Python loop: postings can be long

        for m in terms:
            if limit is not None and len(found) >= limit:
                break
            if isinstance(m, tuple):
                what, value = m
                keys = ([f"year:{y}" for y in range(value[0], min(value[1], value[0] + 200) + 1)]
                        if what == "year" else [f"month:{n}" for n in value])
                for key in keys:
                    found.update(postings(key))
            elif m.kind == "context":
                parents = {f.part_of or f.id for i in m.ids if (f := self.kb.fact(i))}
                children = (c for p in parents for c in self._children.get(p, ()))
                for i in (*m.ids, *parents, *children):
                    if fact := self.kb.fact(i):
                        found[fact.id] = fact
            else:
                for i in m.ids:
                    found.update(postings(i))
        return list(found.values())

    def _leads_to(self, term: object, fact: Fact) -> bool:
        """Whether the term's postings hold the fact (see _candidates), read off the fact."""
        if isinstance(term, tuple):
            return self._strength(term, fact, self._profiles[fact.id], None) > 0  # type: ignore
        if term.kind == "context":  # type: ignore[attr-defined]
            return any(f.id == fact.id for f in self._candidates([term]))
        p = self._profiles[fact.id]
        return any(i in p.about or i in p.located or i in p.nationality
                   for i in term.ids)  # type: ignore[attr-defined]

    def weight(self, term_id: str) -> float:
        """A term's rarity: the rarer, the more a fact that has it is the one meant."""
        found = self._postings.get(term_id)
        return math.log(1 + (len(self.kb.facts) or 1) / len(found)) if found else \
            math.log(1 + len(self.kb.facts) or 2)

    def _facts_of_each(self, mentions: list[Mention]) -> set[str]:
        """The facts each of the mentions leads to (through the postings): no other fact
        has something of all of them."""
        found: set[str] | None = None
        for m in sorted(mentions, key=lambda m: sum(len(self._postings.get(i, ())) for i in m.ids)):
            if found is not None and len(found) * len(m.ids) < sum(
                    len(self._postings.get(i, ())) for i in m.ids):
                # Fewer facts left than this mention has: a term's postings are the facts
                # whose profile has it, so read those few profiles, not all its postings
                # ("Tadić" leaves four facts; "Kazakhstan" has thousands on a large base).
                found = {fid for fid in found if _has_any(self._profiles[fid], m.ids)}
            else:
                ids = {fid for i in m.ids for fid in map(_FACT_ID, self._postings.get(i, ()))}
                found = ids if found is None else found & ids
            if not found:
                break
        return found or set()

    def _score(self, query: Query, via: list[Mention] | None = None, dated: bool = False,
               pool: int | None = None, among: set[str] | None = None
               ) -> list[tuple[float, Fact]]:
        """Facts that share a term with the query, best first, with their share of it.

        The facts found only through the question's commonest terms are not scored at all
        when those terms together weigh too little to make an answer: "visit" alone cannot
        answer "When did Tokayev visit Serbia?", so its postings are skipped. `via` names
        the terms whose facts to score instead. `dated`: only facts in the years the
        question gives are scored, since no other can answer it (see Holding._lacks) — on
        a large base, "What was signed in 1990?" scores that year's agreements, not all.
        `pool`: at most that many facts are scored, those of the rarest terms first (what
        is nearest to a question the bot cannot answer need not weigh every fact).
        `among`: only these facts are scored (the others could not answer, see _select).
        """
        terms, total = self._terms(query)
        leading: list[object] = list(via or [])
        if via is None:
            light = 0.0
            for w, term in sorted(terms, key=lambda wt: wt[0]):
                light += w
                if light >= ANSWER_THRESHOLD * total:
                    leading.append(term)
        out = []
        if pool is not None:
            leading.sort(key=lambda t: -next(w for w, term in terms if term is t))
        limits = [n for n in (pool, SUGGESTION_POOL if via is not None else None) if n]
        limit = min(limits) if limits else None
        if via is None and dated and query.years:
            # Only the years' facts can answer: read those (a few hundred at most) and keep
            # the ones a leading term leads to, rather than every fact of "agreement".
            in_years = {f.id: f for span in query.years for y in range(span[0], span[1] + 1)
                        if y - span[0] <= 200 for f in self._postings.get(f"year:{y}", ())}
            if set(query.years) <= {t[1] for t in leading if isinstance(t, tuple)
                                    and t[0] == "year"}:
                # A year of every fact read leads to it: no fact need be asked.
                candidates = list(in_years.values())
            else:
                ids = {f.id for f in self._candidates(leading)} if len(in_years) * 4 > sum(
                    len(self._postings.get(i, ())) for m in leading if not isinstance(m, tuple)
                    and m.kind != "context" for i in m.ids) else None
                # (a mention leads to the facts whose profile has one of its ids)
                named = [i for t in leading if not isinstance(t, tuple) and
                         t.kind != "context" for i in t.ids]
                others = [t for t in leading if isinstance(t, tuple) or t.kind == "context"]
                profiles = self._profiles
                if ids is None and len(named) == 1 and not others:  # the most common
                    tid = named[0]
                    candidates = [f for f in in_years.values()
                                  if tid in (p := profiles[f.id]).about or
                                  tid in p.located or tid in p.nationality]
                else:
                    candidates = [f for f in in_years.values() if (
                        f.id in ids if ids is not None else _has_any(profiles[f.id], named)
                        or any(self._leads_to(t, f) for t in others))]
        else:
            candidates = self._candidates(leading, limit)[:limit]
        if among is not None:
            candidates = [f for f in candidates if f.id in among]
        # Each term's ids read once, not again for every candidate (see _held).
        parts = [None if isinstance(t, tuple) or t.kind == "context" else self._parts(t)
                 for _, t in terms]
        dates = [i for i, (_, t) in enumerate(terms) if isinstance(t, tuple)]
        when = "when" in query.intents
        profiles = self._profiles
        weights = [w for w, _ in terms]
        read = list(zip((t for _, t in terms), parts))
        if not dates and all(part is not None for part in parts):
            # No date or context term: scored without a call per fact and term of one id.
            out = plain_scores(candidates, profiles, [
                (w, part[0][0] if not part[1] and not part[2] and len(part[0]) == 1 else None,
                 part[3], part) for w, part in zip(weights, parts)], total, when, _held)
            candidates = ()
        elif all(part is not None or isinstance(t, tuple) for t, part in read):
            # Years and months besides mentions: scored as below, with no call per fact
            # and date term (a dated question on a large base reads hundreds of facts).
            out = dated_scores(candidates, profiles, [
                (w, t, None, 0.0, None) if part is None else
                (w, None, part[0][0] if not part[1] and not part[2] and len(part[0]) == 1
                 else None, part[3], part) for w, (t, part) in zip(weights, read)],
                total, when, _held)
            candidates = ()
        for fact in candidates:
            p = profiles[fact.id]
            strengths = [_held(part, p) if part is not None else
                         self._strength(t, fact, p, query) for t, part in read]
            score = sum([w * s for w, s in zip(weights, strengths)]) / total
            if dates and any(strengths[i] == 0 for i in dates):
                score *= 0.5  # a date the question gives is a condition, not a hint
            if when and fact.date is None:
                score *= 0.9
            if score > 0:
                out.append((score, fact))
        rank(out, self._chronology)
        return out

    def _terms(self, query: Query) -> tuple[list[tuple[float, object]], float]:
        """What a fact is scored by: each term of the query with its weight, and the
        weight of all of it (what it does not know counts too)."""
        terms: list[tuple[float, object]] = []
        for m in query.mentions:
            if m.kind == "context":
                terms.append((2.0, m))
            else:
                factor = (WORD if m.kind == "word" else 1.0) * (SYNONYM if m.synonym else 1.0)
                terms.append((factor * max(self.weight(i) for i in m.ids), m))
        for span in query.years:
            terms.append((2.0, ("year", span)))
        if query.months:
            terms.append((1.5, ("month", query.months)))
        return terms, sum(w for w, _ in terms) + UNKNOWN * len(query.unknown) or 1.0

    def _parts(self, term: Mention) -> _Parts:
        """A mention's ids, by how a fact holds them (see _held): a country as an owner
        ("Serbian", "Serbia's") is a nationality, not a place; a country or a place as
        where ("in Serbia") is mostly a place."""
        plain, owned, placed = [], [], []
        for tid in term.ids:
            if term.role == "owner" and self.kb.entities[tid].type == "country":
                owned.append(tid)
            elif term.role == "place" and self.kb.entities[tid].type in ("country", "place"):
                placed.append(tid)
            else:
                plain.append(tid)
        return (tuple(plain), tuple(owned), tuple(placed),
                OWNER if term.role == "owner" else NATIONALITY)

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
        return _held(self._parts_of(term), p)

    def _parts_of(self, term: Mention) -> _Parts:
        """`_parts`, read once per mention rather than once per fact it is checked
        against (_lacks asks it of thousands of facts on a large base); kept by the
        mention's identity, with the mention itself, so a reused id never matches."""
        cache = self.__dict__.get("_parts_memo")
        if cache is None:
            cache = self.__dict__["_parts_memo"] = _PartsMemo()
        hit = cache.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        parts = self._parts(term)
        cache[id(term)] = (term, parts)
        return parts

    def is_about(self, fact: Fact, query: Query) -> bool:
        """True when the fact has something of every term of the query (for filters)."""
        p = self._profiles[fact.id]
        return all(self._strength(m, fact, p, query) > 0 for m in query.mentions) and \
            all(fact.date and fact.date.covers_year(*span) for span in query.years)
