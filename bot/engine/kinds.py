"""Whether a fact gives an entity of the type a question asks for: "Which *countries*
border Kazakhstan?", "which companies signed contracts?", "agreements with *other*
agencies". The types come from the fact base (an entity's `type`) and the words for them
from the language packs (`entity_types`); a fact's text may also name an entity by the
question's word ("the firm Energoprojekt").
"""
from __future__ import annotations

import re
from functools import cached_property

from ..matching import Match
from ..model import Fact
from ..query import Query
from .weights import IN_TEXT, TAGGED

#: Where a fact's text breaks into sentences (and into the clauses of a quotation).
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


class Kinds:
    """The entities of a type asked for that a fact gives, in the relation asked."""

    @cached_property
    def _subject(self) -> frozenset[str]:
        """What the fact base is about, as its title names it ("Kazakhstan–Serbia
        relations", "the Northern Lights Space Agency"): never "another" one."""
        titles = {self.kb.title(code) for code in self.kb.languages}
        return frozenset(i for title in titles for item in self.index.find(title, fuzzy=False)
                         if isinstance(item, Match) and item.kind == "entity"
                         for i in item.ids)

    def _gives_kind(self, query: Query, fact: Fact) -> bool:
        """True when the fact gives an entity of a type the question asks for that the
        question does not name (nor, for "other", the fact base's subject), by its type or
        by the question's word for it in the text; where the question's verb is only a
        plain word of the text ("border"), named in the same sentence as it."""
        named = {i for m in query.mentions if m.kind == "entity" for i in m.ids}
        if query.asked_other:
            named |= self._subject
        p = self._profiles[fact.id]
        found = set()
        for key, strength in (*p.about.items(), *p.located.items()):
            e = self.kb.entities.get(key)
            if e is None or key in named or strength < IN_TEXT or \
                    e.type not in query.asked_types:
                continue
            if e.type == "country" and strength < TAGGED:
                continue  # "President of Kazakhstan Tokayev": a country in passing
            found.add(key)
        noun = self.kb.stemming.stems(query.asked_noun or "")
        if not found and noun and not self._named_as(fact, "w:" + noun[-1], named):
            return False
        words = [m for m in query.mentions if m.kind == "word" and not m.soft]
        return not (found and words) or all(self._said_with(fact, m.ids, found)
                                            for m in words)

    def _said_with(self, fact: Fact, ids: tuple[str, ...], entities: set[str]) -> bool:
        """True when a sentence of the fact's text has one of the words (ids "w:STEM")
        and names one of the entities: "Kazakhstan did not recognize Kosovo … borders
        are defined" does not say Kosovo borders anything."""
        key = (fact.id, "#with " + ",".join(ids) + "|" + ",".join(sorted(entities)))
        if key not in self._said:
            stems = {i[2:] for i in ids if i.startswith("w:")}
            said = False
            for text in fact.texts.values():
                for sentence in _SENTENCE.split(text):
                    found = self._read(sentence)
                    if any(w.stem in stems for item in found for w in
                           (item.words if isinstance(item, Match) else (item,))) and \
                            any(isinstance(item, Match) and item.kind == "entity" and
                                set(item.ids) & entities for item in found):
                        said = True
                        break
                if said:
                    break
            self._said[key] = said
        return self._said[key]
