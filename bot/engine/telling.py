"""Plain words that tell facts of one kind apart.

A question that names much may use its plain words loosely ("who was conducting the
orchestra in 1950?"), so such a word is no condition of an answer. But where the question
names a kind of event and another fact of that kind has the word and holds what else the
question names, the word is what tells the two apart: "When were Nyberg's *symphonies*
recorded?" is not answered by the recording whose text never says symphonies, only
because the question also names Nyberg and a recording. The fact base's texts are written
to tell facts apart (SCHEMA: "leave words that tell facts apart to the texts"). Not with
an ordinal: "the second *crewed* mission" counts the missions, not the word's.
"""
from __future__ import annotations

from ..model import Fact
from ..query import Mention, Query
from .index import _held


class Telling:
    """Which loose plain words of a question a fact of the named kind must hold."""

    def _untold(self, query: Query, fact: Fact, loose: tuple[Mention, ...]) -> list[str]:
        """The loose words (see Holding._checks) this fact lacks where another fact of
        its kind, a kind the question names, has them and holds what else the question names."""
        if not loose or query.ordinal or not any(
                fact.kind in m.ids for m in query.mentions if m.kind == "concept"
                and not m.soft):
            return []
        p = self._profiles[fact.id]  # type: ignore[attr-defined]
        return [m.text for m in loose if _held(self._parts_of(m), p) <= 0  # type: ignore
                and fact.kind in self._rival_kinds(query, m)]

    def _rival_kinds(self, query: Query, m: Mention) -> frozenset[str]:
        """The kinds of the other facts that have the word and hold the question but
        for its loose words (the word's postings), read once a question."""
        def read() -> frozenset[str]:
            return frozenset(
                f.kind for i in m.ids for f in self._postings.get(i, ())  # type: ignore
                if not self._lacks(query, f, telling=False))  # type: ignore[attr-defined]
        key = ("#rival kinds", query.text, m.ids, tuple(n.ids for n in query.mentions))
        return self._per_question(key, read)  # type: ignore[attr-defined]
