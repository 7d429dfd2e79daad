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

import re
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
    #: Language → a comparative word, folded ("longer") → the measures it compares, in
    #: the pack's order, and "more" or "less" (`comparatives_more`, `comparatives_less`).
    comparatives: Mapping[str, Mapping[str, tuple[tuple[str, ...], str]]]
    #: Language → a unit, folded and as a stem ("kilometres") → its size (`unit_sizes`).
    sizes: Mapping[str, Mapping[str, int]]
    #: Language → number word (folded) → its value ("seven" → 7).
    valued: Mapping[str, Mapping[str, int]]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "Measures":
        words: dict[str, dict[str, frozenset[str]]] = {}
        numbers: dict[str, frozenset[str]] = {}
        comparatives: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {}
        sizes: dict[str, dict[str, int]] = {}
        valued: dict[str, dict[str, int]] = {}
        tokens = kb.stemming.tokens
        for code, lang in kb.languages.items():
            table = lang.vocabulary.get("measures") or {}
            words[code] = {m: frozenset(k for w in ws for t in tokens(w)
                                        for k in (t.folded, t.stem))
                           for m, ws in table.items()}
            numbers[code] = frozenset(t.folded for ws in lang.numbers.values() for w in ws
                                      if len(ts := tokens(w)) == 1 for t in ts)
            valued[code] = {ts[0].folded: int(n) for n, ws in lang.numbers.items()
                            if n.isdigit() for w in ws if len(ts := tokens(w)) == 1}
            own = comparatives[code] = {}
            for direction in ("more", "less"):
                for m, ws in (lang.vocabulary.get(f"comparatives_{direction}") or {}).items():
                    for w in ws:
                        for t in tokens(w)[-1:]:
                            had = own.get(t.folded, ((), direction))
                            if had[1] == direction and m not in had[0]:
                                own[t.folded] = ((*had[0], m), direction)
            sizes[code] = {}
            for size, units in (lang.vocabulary.get("unit_sizes") or {}).items():
                for unit in units:
                    ts = tokens(unit)
                    if ts:
                        sizes[code].setdefault(" ".join(t.folded for t in ts), int(size))
                        sizes[code].setdefault(" ".join(t.stem for t in ts), int(size))
        every = frozenset().union(*(ws for table in words.values() for ws in table.values()))
        return cls(words, numbers, kb.stemming, every, comparatives, sizes, valued)

    def compared(self, text: str, code: str) -> tuple[tuple[str, ...], str, str] | None:
        """"Which is *longer*, A or B?": the measures the question's comparative word (in
        its language) compares, "more" or "less", and the word as written; None: none."""
        table = self.comparatives.get(code, {})
        for t in self.stemming.tokens(text):
            found = table.get(t.folded)
            if found:
                return found[0], found[1], t.text
        return None

    def is_word(self, token: Token) -> bool:
        """Whether a word is one of a measure's ("length of 14 km", not "error of 9 cm")."""
        return token.folded in self.every or token.stem in self.every

    def named_by(self, text: str, value: "Value", code: str, measure: str) -> bool:
        """Whether a word of the measure that is no unit stands within three words of
        the number ("14.2 kilometres *long*", "a *length* of 14.2 kilometres")."""
        table = self.words.get(code, {}).get(measure, frozenset())
        sizes = self.sizes.get(code, {})
        near = self.stemming.tokens(text[:value.start])[-_NEAR:] + \
            self.stemming.tokens(text[value.end:])[:_NEAR]
        return any((t.folded in table or t.stem in table) and
                   t.folded not in sizes and t.stem not in sizes for t in near)

    def values(self, text: str, code: str, measure: str) -> list["Value"]:
        """Each number of the text with a unit of the measure right after it ("14.2
        kilometres", "a 12-day mission", "412 metres"), where it stands in the text."""
        table = self.words.get(code, {}).get(measure, frozenset())
        sizes = self.sizes.get(code, {})
        valued = self.valued.get(code, {})
        found = [(m.start(), m.end(), self.stemming.token(m.group()))
                 for m in _TOKEN.finditer(text)]
        out: list[Value] = []
        for i, (start, _, t) in enumerate(found):
            number = _number(t.folded) if t.folded[:1].isdigit() else valued.get(t.folded)
            if number is None:
                continue
            for size in (2, 1):  # "square kilometres" before "kilometres"
                unit = found[i + 1:i + 1 + size]
                if len(unit) < size or unit[-1][2].folded not in table and \
                        unit[-1][2].stem not in table:
                    continue
                said = " ".join(u[2].folded for u in unit)
                stem = " ".join(u[2].stem for u in unit)
                if size == 2 and said not in sizes and stem not in sizes:
                    continue
                if _YEARLIKE.match(t.folded) and unit[0][0] - found[i][1] > 1:
                    break  # "in 2001 kilometres …" is no length
                out.append(Value(start, unit[-1][1], number, stem, sizes.get(said, sizes.get(stem)),
                                 text[start:unit[-1][1]], text[unit[0][0]:unit[-1][1]],
                                 _decimals(t.folded)))
                break
        return out

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

    def spots(self, text: str, code: str, asked: frozenset[str],
              months: frozenset[str] = frozenset()) -> list[int]:
        """Where each number `stated` reads as one of the asked measures stands in the
        text (with none asked, each number that is no year, nor a day next to one of
        the `months`: "opened on 27 June" is no size)."""
        table = self.words.get(code, {})
        wanted = frozenset().union(*(table.get(m, frozenset()) for m in asked))
        numbers = self.numbers.get(code, frozenset())
        found = [(m.start(), self.stemming.token(m.group())) for m in _TOKEN.finditer(text)]
        out: list[int] = []
        for i, (start, t) in enumerate(found):
            if not self._number(t, numbers):
                continue
            near = [w for _, w in found[max(i - _NEAR, 0):i + _NEAR + 1] if w is not t]
            if wanted and any(w.folded in wanted or w.stem in wanted for w in near) or \
                    not asked and not any(w.folded in months
                                          for _, w in found[max(i - 1, 0):i + 2]):
                out.append(start)
        return out

    @staticmethod
    def _number(token: Token, words: frozenset[str]) -> bool:
        return token.folded[:1].isdigit() and not _YEARLIKE.match(token.folded) or \
            token.folded in words


@dataclass(frozen=True)
class Value:
    """A number of a measure a text states: where it stands, the number, its unit (as
    stems), the unit's size if the pack gives one, and the words as written."""

    start: int
    end: int
    number: float
    unit: str
    size: int | None
    written: str
    #: The unit as written ("kilometres"), and how many decimals the number has.
    unit_written: str = ""
    decimals: int = 0

    def than(self, other: "Value") -> int | None:
        """-1, 0 or 1 as this is less, as much or more than `other`; None where the
        units do not compare (no size for one, and not the same unit)."""
        if self.size is not None and other.size is not None:
            a, b = self.number * self.size, other.number * other.size
        elif self.unit == other.unit:
            a, b = self.number, other.number
        else:
            return None
        return (a > b) - (a < b)

    def minus(self, other: "Value") -> str | None:
        """How much more this is than `other`, in this one's unit as written ("8.4
        kilometres"); None where the units do not compare."""
        if self.unit == other.unit:
            difference, decimals = self.number - other.number, max(self.decimals,
                                                                    other.decimals)
        elif self.size is not None and other.size is not None:
            difference = (self.number * self.size - other.number * other.size) / self.size
            decimals = max(self.decimals, other.decimals, 2)
        else:
            return None
        number = f"{abs(difference):.{decimals}f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        return f"{number} {self.unit_written}"


#: A word or a number as written ("22.6", "410,000"), with where it stands.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+")


def _decimals(written: str) -> int:
    """How many decimals a number as written has ("22.6": 1; "410,000": 0)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written):
        return 0
    parts = re.split(r"[.,]", written)
    return len(parts[-1]) if len(parts) > 1 else 0


def _number(written: str) -> float | None:
    """"22.6" → 22.6, "410,000" → 410000, "22,6" → 22.6; None where it reads as neither."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written):
        return float(written.replace(",", ""))
    try:
        return float(written.replace(",", "."))
    except ValueError:
        return None
