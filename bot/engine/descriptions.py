"""What an entity's description says of it, asked the other way round: "What is the
capital of Freedonia?" of Fredville, described as "The capital of Freedonia."; "Who is
the brother of Bogoljub Karić?" of Dragomir Karić, "Brother of Bogoljub Karić". The
question's words that no fact uses are read in the descriptions, where the facts do not
have them: the one entity whose description says all of them and names everything the
question names is the answer, shown as its name and description.
"""
from __future__ import annotations

from functools import cached_property

from ..matching import Match
from ..model import Answer, Context, Entity, Segment
from ..query import Mention, Query
from ..text import fold

#: What a question may ask of a description: what or who something is, where, its name.
_ASKS = frozenset({"what", "who", "where", "name"})


class Descriptions:
    """Answers from entities' descriptions, for words the facts do not use."""

    def _described_answer(self, query: Query, context: Context) -> Answer | None:
        """The entity whose description says every word of the question that no fact
        uses and names every entity the question names (and none of those is it);
        None where not exactly one does, or the question asks more than a description
        gives (a date, a count, whether, a comparison)."""
        if not query.unknown or not query.intents or query.intents - _ASKS or \
                query.yes_no or query.years or query.months or query.modifiers or \
                query.ordinal or query.scope or query.continues or query.pronouns or \
                any(w[:1].isupper() for w in query.unknown) or query.foreign:
            return None
        named = [m for m in query.mentions if not m.soft]
        if not named or any(m.kind != "entity" for m in named):
            return None
        code = self.kb.language(context.language).code
        asked = [self._forms(w) for w in query.unknown]
        mentioned = {i for m in named for i in m.ids}
        found = [e for i in sorted(self._near(mentioned) - mentioned)
                 if self._describes(e := self.kb.entities[i], code, asked, named)]
        if len(found) != 1:
            return None
        entity = found[0]
        line = (Segment(self.kb.text(entity.names, code), strong=True),
                Segment(f" – {self.kb.text(entity.descriptions, code)}"))
        person = entity.id if entity.type == "person" else context.person
        return Answer(question=query.text, answered=True, lines=(line,), confidence=1.0,
                      context=Context(person=person, language=context.language),
                      language=code)

    def _near(self, ids: set[str]) -> set[str]:
        """The entities a description of which may name these: those in them (a town's
        country, a museum's town) and those that share a fact with them. Not every
        entity, which a large fact base has tens of thousands of."""
        near = {i for eid in ids for i in self._belonging.get(eid, ())}
        for eid in ids:
            for fact in self._involving.get(eid, ()):
                near.update(i for i in (*fact.who, *fact.where, *fact.tags)
                            if i in self.kb.entities)
        return near

    @cached_property
    def _belonging(self) -> dict[str, tuple[str, ...]]:
        """Entity → the entities whose `country` or `within` it is."""
        out: dict[str, list[str]] = {}
        for e in self.kb.entities.values():
            for owner in {e.country, e.within} - {None}:
                out.setdefault(owner, []).append(e.id)
        return {k: tuple(v) for k, v in out.items()}

    def _forms(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The word's stems, and those of the words the packs give its meaning
        (`synonyms`) or its kinds (`kinds`: a "sibling" is a brother or a sister)."""
        vocabulary = self.kb.language(None).vocabulary
        words = [word, *self._same_meaning(word)]
        folded = fold(word)
        for group, members in (vocabulary.get("kinds") or {}).items():
            if folded == fold(group) or any(fold(w) == folded for w in
                                            (vocabulary.get("synonyms") or {}).get(group, ())):
                words.extend(members)
        stems = self.kb.stemming.stems
        return tuple(dict.fromkeys(stems(w) for w in words if stems(w)))

    def _describes(self, entity: Entity, code: str, asked: list[tuple[tuple[str, ...], ...]],
                   named: list[Mention]) -> bool:
        text = entity.descriptions.get(code) if entity.descriptions else None
        if not text:
            return False
        stems = self.kb.stemming.stems(text)

        def says(phrase: tuple[str, ...]) -> bool:
            return any(stems[i:i + len(phrase)] == phrase
                       for i in range(len(stems) - len(phrase) + 1))
        if not all(any(says(form) for form in forms) for forms in asked):
            return False
        ids = {i for item in self._read(text) if isinstance(item, Match) and
               item.kind in ("entity", "demonym") for i in item.ids}
        return all(set(m.ids) & ids for m in named)
