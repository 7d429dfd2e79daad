"""Comparing two things by a measure each fact states: "Which is longer, the Greyfell
Tunnel or the New Greyfell Tunnel?", "Is A taller than B?".

Each side must be a number of the measure that a fact states *of that thing*, with its
unit: "the line includes the New Greyfell Tunnel, which is 22.6 kilometres long" is the
tunnel's length, not the line's, and "812 kilometres long, of which 310 kilometres lie
in Kestria" is the river's length, the 310 only a part of it. Where one side has no such
number (or two), or the units do not compare, the answer is a decline that says so.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..matching import Match
from ..model import Answer, Context, Fact, Line, Segment
from ..query import Query, with_context
from .measures import Value
from .weights import ANSWER_THRESHOLD

#: Where a clause ends: the name a number is of stands before it in its clause, across
#: commas ("…, which is 22.6 kilometres long"); a part of it follows it up to a comma.
_CLAUSE_END = re.compile(r"[;:]|\.\s")
_PART_END = re.compile(r"[,;:]|\.\s")


class Comparing:
    """Two things compared by a measure their facts state."""

    def _compare_measures(self, query: Query, context: Context,
                          compared: tuple[tuple[str, ...], str, str]) -> Answer:
        """Both numbers and the verdict: "Longer: the New Greyfell Tunnel (22.6
        kilometres; the Greyfell Tunnel: 14.2 kilometres)", then the two facts; "Is A
        longer than B?" starts with Yes or No."""
        assert query.halves
        measures, direction, word = compared
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        sides: list[tuple[Query, dict[str, tuple[Value, Fact]], list[Fact]]] = []
        for half in query.halves:
            half = with_context(replace(half, modifiers=frozenset(), intents=frozenset(
                {"measure"}), measured=measures), context)
            # every fact that holds the half and states a number of the measure, not only
            # the best ranked: which of them is of the thing is read in _measured
            # (what states no number of the measure is left unread: most facts)
            chosen = [f for _, f in self._holding(half, [
                (s, f) for s, f in self._score(half, dated=True, among=self._could_hold(half))
                if s >= ANSWER_THRESHOLD and self._states_measure(f, half)], 1.0)] \
                if half.named else []
            sides.append((half, self._measured(half, chosen, measures), chosen))
        (a_half, a, a_facts), (b_half, b, b_facts) = sides
        for measure in measures:
            if measure not in a or measure not in b:
                continue
            (va, fa), (vb, fb) = a[measure], b[measure]
            order = va.than(vb)
            if order is None:
                continue
            names = self._side_name(a_half, code), self._side_name(b_half, code)
            facts = _distinct((fa, fb))
            lines: list[Line] = []
            if order == 0:
                head = templates["compare_measure_same"].format(
                    name=names[0], other=names[1], value=va.written)
                first = False
            else:
                first = (order > 0) == (direction == "more")
                (wn, wv), (ln, lv) = ((names[0], va), (names[1], vb)) if first else \
                    ((names[1], vb), (names[0], va))
                by = wv.minus(lv) if "measure" in query.intents else None
                head = templates["compare_measure_by" if by else "compare_measure"].format(
                    word=word[:1].upper() + word[1:], name=wn, value=wv.written,
                    other=ln, other_value=lv.written, **({"difference": by} if by else {}))
            if query.than and query.intents <= {"what"}:  # "Is A longer than B?"
                head = templates["affirm" if first else "deny"] + head
            lines.append((Segment(head, strong=True),))
            lines.extend(self.fact_line(f, code) for f in facts)
            return Answer(question=query.text, answered=True, lines=tuple(lines),
                          confidence=1.0, facts=tuple(f.id for f in facts),
                          related=self._related(facts, code),
                          context=self._next_context(replace(query, mentions=(), years=()),
                                                     facts, context), language=code)
        # No measure both sides state in units that compare: what is known, apart.
        known = [f for side in (a, b) for _, f in side.values()]
        if a and b or not (a or b):
            message = templates["compare_missing_both"] if not (a or b) else \
                templates["dont_know"]
            nearest = tuple(_distinct(known) or _distinct(
                (*self._nearest(a_half)[:1], *self._nearest(b_half)[:1])))
        else:
            missing = b_half if a else a_half
            message = templates["compare_missing"].format(name=self._side_name(missing, code))
            nearest = tuple(_distinct(known))
        return self._decline(query.text, message, context, query.mentions, nearest=nearest)

    def _measured(self, half: Query, chosen: list[Fact], measures: tuple[str, ...]
                  ) -> dict[str, tuple[Value, Fact]]:
        """Measure → the one number of it the facts state of what the half names, with
        its fact; a measure with none, or with two that differ, is left out."""
        named = {i for m in half.mentions if m.kind == "entity" for i in m.ids}
        code = self.kb.meta.language
        found: dict[str, list[tuple[Value, Fact]]] = {}
        for fact in chosen:
            text = fact.texts.get(code, "")
            for measure in measures:
                for value in self._measures.values(text, code, measure):
                    if self._value_of(text, value, named):
                        found.setdefault(measure, []).append((value, fact))
        out: dict[str, tuple[Value, Fact]] = {}
        for measure, values in found.items():
            # "14.2 kilometres *long*" says what it measures, where numbers differ
            plain = [(v, f) for v, f in values if self._measures.named_by(
                f.texts.get(code, ""), v, code, measure)]
            for vs in (values, plain):
                if vs and all(v.than(vs[0][0]) == 0 for v, _ in vs):
                    out[measure] = vs[0]
                    break
        return out

    def _value_of(self, text: str, value: Value, named: set[str]) -> bool:
        """Whether a number is of what the half names: the nearest name before it in its
        clause is one of those (or there is none), and no place it does not name follows
        it before a comma ("of which 310 kilometres lie *in Kestria*" is a part)."""
        before = _CLAUSE_END.split(text[:value.start])[-1]
        found = self._read(before)
        grammar = self.index.grammar(None)
        of = grammar.get("owner_before", frozenset())
        articles = grammar.get("articles", frozenset())
        names = [k for k, item in enumerate(found)
                 if isinstance(item, Match) and item.kind == "entity"]
        if names:
            k = names[-1]
            j = k - 1
            while j >= 0 and all(w.folded in articles for w in _words(found[j])):
                j -= 1
            # "the ferry crossing *of Lake Marren* is 64 kilometres long" is the
            # crossing's; "the length of the Silvane" the Silvane's
            owned = j > 0 and any(w.folded in of for w in _words(found[j])) and \
                not any(self._measures.is_word(w) for w in _words(found[j - 1]))
            if not owned and not set(found[k].ids) & named:
                return False
        words = [w for item in found for w in _words(item)]
        at = next((k for k in range(len(words) - 1, max(len(words) - 3, 0) - 1, -1)
                   if words[k].folded in of), None)
        if at is not None and at > 0 and not self._measures.is_word(words[at - 1]):
            return False  # "an error of only nine centimetres" is the error's
        after = self._read(_PART_END.split(text[value.end:])[0])
        places = grammar.get("place_before", frozenset())
        entities = self.kb.entities
        return not any(
            isinstance(item, Match) and item.kind == "entity" and k and
            any(w.folded in places for w in _words(after[k - 1])) and
            any(i not in named and (e := entities.get(i)) and e.type in ("place", "country")
                for i in item.ids)
            for k, item in enumerate(after))  # "… lie *in Kestria*": a part of it

    def _side_name(self, half: Query, code: str) -> str:
        """What a half names, for the verdict: its own words, else its thing's name."""
        if half.said:
            return half.said
        for m in half.mentions:
            if m.kind == "entity" and m.ids and m.ids[0] in self.kb.entities:
                return self.kb.text(self.kb.entities[m.ids[0]].names, code)
        return " ".join(m.text for m in half.mentions if m.kind != "context") or "?"



def _distinct(facts) -> list[Fact]:
    """The facts, each once, in order (facts are not hashable)."""
    return list({f.id: f for f in facts}.values())


def _words(item) -> tuple:
    return item.words if isinstance(item, Match) else (item,)
