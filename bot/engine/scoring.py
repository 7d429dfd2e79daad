"""Scoring many candidate facts at once: the inner loop of FactIndex._score, for the
common question whose every term is one id held plainly ("visit", "Kazakhstan").

On a large base a broad question ("What was the latest visit?") scores tens of thousands
of facts; a function call per fact and term (`_held`) and a tuple key per fact to sort
by were most of its time. The figures are the same floats, summed in the same order.
"""
from __future__ import annotations

import heapq
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..model import Fact

_SCORE = itemgetter(0)
#: One term: its weight, its one plain id (None: held otherwise, see `held`), how much the
#: fact's people's nationality counts, and the term's parts (FactIndex._parts).
Plain = tuple[float, "str | None", float, tuple]


def plain_scores(candidates: Iterable[Fact], profiles: Mapping, spec: Sequence[Plain],
                 total: float, when: bool, held: Callable[[tuple, object], float]
                 ) -> list[tuple[float, Fact]]:
    """(score, fact) for each candidate that shares something of the terms, as _score
    gives them: Σ weight × strength ÷ total, a tenth less for an undated fact where the
    question asks "when". A term of one plain id is read inline (as `held` reads it)."""
    out: list[tuple[float, Fact]] = []
    append = out.append
    if len(spec) == 1 and spec[0][1] is not None:
        ((w, tid, national, _),) = spec
        for fact in candidates:
            p = profiles[fact.id]
            score = w * max(p.about.get(tid, 0.0), p.located.get(tid, 0.0),
                            p.nationality.get(tid, 0.0) * national) / total
            if when and fact.date is None:
                score *= 0.9
            if score > 0:
                append((score, fact))
        return out
    for fact in candidates:
        p = profiles[fact.id]
        about, located, nationality = p.about.get, p.located.get, p.nationality.get
        score = sum([w * (max(about(tid, 0.0), located(tid, 0.0), nationality(tid, 0.0) * n)
                          if tid is not None else held(part, p))
                     for w, tid, n, part in spec]) / total
        if when and fact.date is None:
            score *= 0.9
        if score > 0:
            append((score, fact))
    return out


def dated_scores(candidates: Iterable[Fact], profiles: Mapping,
                 spec: Sequence[tuple[float, "tuple | None", "str | None", float, tuple | None]],
                 total: float, when: bool, held: Callable[[tuple, object], float]
                 ) -> list[tuple[float, Fact]]:
    """(score, fact) as _score gives them where the terms are mentions and dates: each
    term its weight, the date term (("year", (first, last)) or ("month", months); None
    for a mention), and for a mention its one plain id (None: held otherwise), its
    nationality factor and its parts. A date term holds as FactIndex._strength reads it;
    a fact that misses one scores half."""
    out: list[tuple[float, Fact]] = []
    append = out.append
    if len(spec) == 2 and spec[0][1] is None and spec[0][2] is not None and \
            spec[1][1] is not None and spec[1][1][0] == "year":
        # The commonest dated question, "What was signed in 1990?": one plain id and one
        # span of years, read inline (the same floats, summed in the same order).
        (w, _, tid, national, _), (w_year, (_, (first, last)), _, _, _) = spec
        for fact in candidates:
            p = profiles[fact.id]
            date = fact.date
            held_year = 0.0 if date is None else \
                1.0 if date.year <= last and (date.end_year or date.year) >= first else 0.0
            score = sum([w * max(p.about.get(tid, 0.0), p.located.get(tid, 0.0),
                                 p.nationality.get(tid, 0.0) * national),
                         w_year * held_year]) / total
            if held_year == 0:
                score *= 0.5  # a date the question gives is a condition, not a hint
            if when and date is None:
                score *= 0.9
            if score > 0:
                append((score, fact))
        return out
    for fact in candidates:
        p = profiles[fact.id]
        about, located, nationality = p.about.get, p.located.get, p.nationality.get
        date = fact.date
        strengths = [
            (max(about(tid, 0.0), located(tid, 0.0), nationality(tid, 0.0) * n)
             if tid is not None else held(part, p)) if term is None else
            0.0 if date is None else
            (1.0 if date.year <= term[1][1] and date.last_year >= term[1][0] else 0.0)
            if term[0] == "year" else
            (1.0 if {date.month, date.end_month} - {None} & term[1] else 0.0)
            for _, term, tid, n, part in spec]
        score = sum([t[0] * s for t, s in zip(spec, strengths)]) / total
        if any(s == 0 for t, s in zip(spec, strengths) if t[1] is not None):
            score *= 0.5  # a date the question gives is a condition, not a hint
        if when and date is None:
            score *= 0.9
        if score > 0:
            append((score, fact))
    return out


def rank(scored: list[tuple[float, Fact]], chronology: Mapping[str, int]) -> None:
    """Best first, ties in date order (as the key (-score, chronology) would sort them):
    two stable sorts, with no tuple made per fact."""
    scored.sort(key=lambda sf: chronology[sf[1].id])
    scored.sort(key=_SCORE, reverse=True)



class InDateOrder:
    """Facts by date rank (latest first when `latest`), equal ranks in the order given,
    as sorted() gives them; but read lazily, and afresh at each iteration: "the latest
    visit" of 17,000 usually holds among the first few, which a heap finds without
    sorting them all (heapq.nlargest(k, …) is sorted(…, reverse=True)[:k], ties too)."""

    __slots__ = ("facts", "rank", "latest")
    head = 16

    def __init__(self, facts: list[Fact], rank: Mapping[str, int], latest: bool):
        self.facts, self.rank, self.latest = facts, rank, latest

    def __iter__(self) -> Iterator[Fact]:
        rank = self.rank

        def key(f: Fact) -> int:
            return rank[f.id]
        pick = heapq.nlargest if self.latest else heapq.nsmallest
        first = pick(self.head, self.facts, key=key)
        yield from first
        if len(first) == self.head:
            yield from sorted(self.facts, key=key, reverse=self.latest)[self.head:]
