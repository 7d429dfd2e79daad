"""The naive baseline: a fuzzy FAQ matcher over the facts' canonical questions.

What a fact base author might build first: rapidfuzz's `process.extractOne` from the
question to the closest canonical question (`question:` in facts.yaml), answered with
that fact's date and text when the score reaches the cutoff, declined below it. It
shows what the engine's reading of a question buys, in accuracy and in time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rapidfuzz import fuzz, process, utils

from bot.dates import format_date
from bot.model import KnowledgeBase, pick

SCORERS: dict[str, Callable[..., float]] = {"wratio": fuzz.WRatio,
                                            "token_set": fuzz.token_set_ratio}
CUTOFF = 80.0


@dataclass(frozen=True)
class Reply:
    answered: bool
    text: str


class FuzzyFAQ:
    """extractOne over canonical questions, processed once (utils.default_process)."""

    def __init__(self, kb: KnowledgeBase, scorer: str = "wratio", cutoff: float = CUTOFF):
        self.name = f"fuzzy FAQ ({scorer}, cutoff {cutoff:g})"
        self._scorer = SCORERS[scorer]
        self._cutoff = cutoff
        code = kb.meta.language
        language = kb.language(code)
        facts = [f for f in kb.facts if f.questions]
        # The processor is applied here once per choice instead of on every call: same
        # scores as processor=utils.default_process, without redoing it per question.
        self._choices = [utils.default_process(pick(f.questions, code)) for f in facts]
        self._answers = [f"{format_date(f.date, language)}: {pick(f.texts, code)}" if f.date
                         else pick(f.texts, code) for f in facts]

    def answer(self, question: str) -> Reply:
        hit = process.extractOne(utils.default_process(question), self._choices,
                                 scorer=self._scorer, processor=None,
                                 score_cutoff=self._cutoff)
        if hit is None:
            return Reply(False, "")
        return Reply(True, self._answers[hit[2]])


__all__ = ["CUTOFF", "FuzzyFAQ", "Reply", "SCORERS"]
