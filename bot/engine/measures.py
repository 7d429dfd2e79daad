"""Measures: which size a "how long/high/old …" question asks, and whether a fact's text
states it.

Any number is not a size: "How long is the tunnel?" is not answered by "a flood in the
tunnel killed 23 workers", nor "How high are the mountains?" by the length of a tunnel
under them. The language packs' `measures` name each measure's words (length: "long",
"kilometres"; height: "high", "tall"); a question asks the measures its words name, and
a text states one only with a number next to a word of it ("14.2 kilometres long",
"four months").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..model import KnowledgeBase
from ..text import Stemming, Token
from .weights import _YEARLIKE

#: How many words apart a number and its measure's word may be: "14.2 kilometres",
#: "64 kilometres long", "a height of 300 metres".
_NEAR = 3


@dataclass(frozen=True)
class Measures:
    """Language → measure → its words (as written and as stems); number words by language."""

    words: Mapping[str, Mapping[str, frozenset[str]]]
    numbers: Mapping[str, frozenset[str]]
    stemming: Stemming
    #: Every measure's words, in every language.
    every: frozenset[str]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "Measures":
        words: dict[str, dict[str, frozenset[str]]] = {}
        numbers: dict[str, frozenset[str]] = {}
        for code, lang in kb.languages.items():
            table = lang.vocabulary.get("measures") or {}
            words[code] = {m: frozenset(k for w in ws for t in kb.stemming.tokens(w)
                                        for k in (t.folded, t.stem))
                           for m, ws in table.items()}
            numbers[code] = frozenset(t.folded for ws in lang.numbers.values() for w in ws
                                      if len(ts := kb.stemming.tokens(w)) == 1 for t in ts)
        every = frozenset().union(*(ws for table in words.values() for ws in table.values()))
        return cls(words, numbers, kb.stemming, every)

    def asked(self, question: str) -> frozenset[str]:
        """The measures a question's words name, in any language: "long" is a length or
        a duration. None named: any number will do."""
        tokens = self.stemming.tokens(question)
        return frozenset(m for table in self.words.values() for m, ws in table.items()
                         if any(t.folded in ws or t.stem in ws for t in tokens))

    def own_words(self, question: str) -> frozenset[str]:
        """The question's words that name a measure ("long"), as written and as stems."""
        return frozenset(k for t in self.stemming.tokens(question)
                         if t.folded in self.every or t.stem in self.every
                         for k in (t.folded, t.stem))

    def stated(self, text: str, code: str, asked: frozenset[str],
               wanted: frozenset[str] | None = None) -> bool:
        """Whether the text gives a number with a word of one of the asked measures near
        it (or one of the `wanted` words: "how long is it?" is best answered by "…
        kilometres long"); with none asked, whether it gives a number that is not a year."""
        tokens = self.stemming.tokens(text)
        table = self.words.get(code, {})
        if wanted is None:
            wanted = frozenset().union(*(table.get(m, frozenset()) for m in asked))
        numbers = self.numbers.get(code, frozenset())
        for i, t in enumerate(tokens):
            if not self._number(t, numbers):
                continue
            if not wanted:
                return True
            if any(w.folded in wanted or w.stem in wanted
                   for w in tokens[max(i - _NEAR, 0):i + _NEAR + 1] if w is not t):
                return True
        return False

    @staticmethod
    def _number(token: Token, words: frozenset[str]) -> bool:
        return token.folded[:1].isdigit() and not _YEARLIKE.match(token.folded) or \
            token.folded in words
