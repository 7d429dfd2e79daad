"""Yes/no questions of how often: "Did Nazarbayev visit Serbia more than once?", "Has
Vučić been to Astana three times?". They are counts, not one fact's yes: the occasions
the fact base records are counted as for "how many times …?", and the answer is "Yes —"
only when that count reaches the number asked; fewer is no "No" (the source may not
record every occasion) but a decline that says how many it records. "Who visited most often?" ranks people by such
counts, which the engine does not do: it is declined, with the nearest facts. The words
(`times`, `once`, `twice`, `more_than`, `at_least`, `most_often`) come from the packs.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Answer, Context, Fact, Segment
from ..query import Query


class Repeats:
    """Counts asked as yes/no questions (see the module's docstring)."""

    def _repeat_words(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Each pack key's phrases, as folded words, in every language (read once)."""
        memo = self.__dict__.get("_repeat_memo")
        if memo is None:
            tokens = self.kb.stemming.tokens
            memo = {key: tuple(dict.fromkeys(
                tuple(t.folded for t in tokens(w)) for lang in self.kb.languages.values()
                for w in lang.grammar.get(key, ()) if tokens(w)))
                for key in ("times", "once", "twice", "more_than", "at_least", "again",
                            "most_often")}
            memo["numbers"] = tuple(dict.fromkeys(
                (tuple(t.folded for t in tokens(w)), int(n))
                for lang in self.kb.languages.values() for n, ws in lang.numbers.items()
                for w in ws if tokens(w) and n.isdigit()))
            self.__dict__["_repeat_memo"] = memo
        return memo

    def _times_asked(self, query: Query) -> tuple[int, bool] | None:
        """(N, strictly more) for a yes/no question that asks whether something happened
        N times or more ("three times", "twice", "at least twice") or more than N times
        ("more than once"); None for any other ("did he come once more?" is `again`)."""
        if not query.yes_no:
            return None
        words = self._repeat_words()
        said = [t.folded for t in self.kb.stemming.tokens(query.text)]

        def at(k: int, phrase: tuple[str, ...]) -> bool:
            return tuple(said[k:k + len(phrase)]) == phrase

        def ending_at(k: int, key: str) -> bool:  # a phrase of `key` right before k
            return any(k - len(p) >= 0 and at(k - len(p), p) for p in words[key])

        for k in range(len(said)):
            if any(at(j, p) for p in words["again"] for j in range(max(0, k - 3), k + 1)
                   if j + len(p) > k):
                continue  # "once more", "once again": another occasion, no count
            count = next((n for p, n in ((p, 1) for p in words["once"]) if at(k, p)), None) \
                or next((2 for p in words["twice"] if at(k, p)), None)
            if count is None and k + 1 < len(said) and any(at(k + 1, p) for p in words["times"]):
                count = int(said[k]) if said[k].isdigit() else next(
                    (n for p, n in words["numbers"] if len(p) == 1 and p[0] == said[k]), None)
            if count:
                return count, ending_at(k, "more_than") and not ending_at(k, "at_least")
        return None

    def _most_often(self, query: Query) -> bool:
        """"Which astronaut flew *most often*?": who did it more times than anyone, which
        no fact states and the engine does not rank; not to be read as "which astronaut
        flew?"."""
        said = [t.folded for t in self.kb.stemming.tokens(query.text)]
        return any(tuple(said[k:k + len(p)]) == p for p in self._repeat_words()["most_often"]
                   for k in range(len(said) - len(p) + 1))

    def _most_often_answer(self, question: str, query: Query, context: Context) -> Answer:
        """"Which Serbian leader visited Kazakhstan most often?": of the facts that hold
        the rest of the question, the occasions of each person each is about (the first
        person its text names, of the country and role asked, not named in the question),
        counted; one person with more than anyone else is the answer, with those
        occasions; a tie, or no one, is declined."""
        templates = self.kb.language(context.language).templates
        counting = replace(query, intents=query.intents | {"how_many"}, counted="",
                           counted_noun=None, modifiers=frozenset())
        chosen, best, _ = self._select(counting)
        countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                     m.role == "owner" and all(
                         (e := self.kb.entities.get(i)) and e.type == "country" for i in m.ids)]
        named = {i for m in query.mentions for i in m.ids}
        occasions: dict[str, dict[str, list[Fact]]] = {}
        for fact in chosen:
            person = self._first_person(fact)
            e = self.kb.entities.get(person or "")
            if e is None or person in named or not all(e.country in c for c in countries) \
                    or query.role in self._role_concepts and query.role not in self._roles(
                        person):
                continue
            occasions.setdefault(person, {}).setdefault(self._occasion_of(fact), []).append(fact)
        ranked = sorted(occasions.items(), key=lambda kv: -len(kv[1]))
        if not ranked or len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
            return self._decline(question, templates["no_most_often"], context,
                                 query.mentions, nearest=tuple(chosen[:3]) or
                                 self._nearest(query))
        person, facts = ranked[0]
        code = self.kb.language(context.language).code
        answer = self._compose(counting, [f for group in facts.values() for f in group],
                               best, context)
        head = templates["most_often"].format(
            name=self.kb.text(self.kb.entities[person].names, code), count=len(facts))
        return replace(answer, lines=((Segment(head, strong=True),), *answer.lines[1:]))

    def _first_person(self, fact: Fact) -> str | None:
        """The first person the fact's text (in the fact base's language) names: whom
        it is about."""
        for item in self._read(fact.texts.get(self.kb.meta.language, "")):
            for i in getattr(item, "ids", ()) if getattr(item, "kind", "") == "entity" else ():
                if (e := self.kb.entities.get(i)) and e.type == "person":
                    return i
        return None

    def _how_often(self, question: str, query: Query, context: Context,
                   asked: tuple[int, bool]) -> Answer:
        """The count of occasions against the number asked: "Yes — 3 in all:", or a
        decline that says how many the fact base records."""
        templates = self.kb.language(context.language).templates
        # ("at *least*" is no "last": the number is the pack's words', not a modifier)
        counting = replace(query, yes_no=False, intents=frozenset({"how_many"}), counted="",
                           counted_noun=None, modifiers=frozenset())
        counted = self._answer_query(question, counting, context)
        if not counted.answered:
            return counted
        facts = [f for i in counted.facts if (f := self.kb.fact(i))]
        roots = list(dict.fromkeys(self._occasion_of(f) for f in facts))
        occasions = len(roots)
        number, more = asked
        if occasions > number or occasions == number and not more:
            return replace(counted, lines=(
                (Segment(templates["affirm"] + templates["count"].format(count=occasions),
                         strong=True),), *counted.lines[1:]))
        return self._decline(question, templates["times_recorded"].format(count=occasions),
                             context, query.mentions,
                             nearest=tuple(f for i in roots if (f := self.kb.fact(i))))

    def _occasion_of(self, fact: Fact) -> str:
        """The occasion a fact is part of: the visit, not the street opened during it nor
        the two agreements signed then."""
        seen = {fact.id}
        while fact.part_of and fact.part_of not in seen:
            seen.add(fact.part_of)
            fact = self.kb.fact(fact.part_of) or fact
        return fact.id
