"""Broad questions read through the fast paths of bot/engine/scoring.py: every term one id
held plainly (scored without a call per fact), and "the first/latest" read lazily in
date order. The answers are those of the full scan."""
from __future__ import annotations

import random

import pytest

from bot.engine.scoring import InDateOrder


@pytest.mark.parametrize("question, answer", [
    ("What was the latest visit?",
     "18–19 November 2024: President of Kazakhstan Kassym-Jomart Tokayev visited Serbia."),
    ("What was the earliest visit between the two countries?",
     "6–7 October 2010: Serbian President Boris Tadić conducted the first official state "
     "visit of a Serbian President to Kazakhstan."),
    ("Where is Kazakhstan's embassy?", "Kazakhstan has an embassy in Belgrade."),
    ("Who is the honorary consul?",
     "early June 2015: Kazakhstan named Milanka Karić honorary consul of Kazakhstan to Serbia."),
])
def test_broad_questions_keep_their_answers(engine, question: str, answer: str) -> None:
    reply = engine.answer(question)
    assert reply.answered
    assert reply.text.startswith(answer)


class _Fact:
    def __init__(self, fid: str) -> None:
        self.id = fid


@pytest.mark.parametrize("latest", [True, False])
def test_date_order_is_sorted_order_ties_kept(latest: bool) -> None:
    rng = random.Random(7)
    for _ in range(200):
        facts = [_Fact(str(i)) for i in range(rng.randint(0, 60))]
        rank = {f.id: rng.randint(0, 8) for f in facts}  # many equal dates
        order = InDateOrder(facts, rank, latest)
        expected = sorted(facts, key=lambda f: rank[f.id], reverse=latest)
        assert list(order) == expected
        assert list(order) == expected  # read again from the start
