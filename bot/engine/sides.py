"""The sides of a giving a question names: "Who gave *Helena Marsk* the order?" names
the one who received it and asks who gave it; "What did *Tomas Reyk* give *Isolde
Marrin*?" names both; "what did *he* receive?" puts the thread's person on one side. A
fact with them the other way round, or no giving at all, answers none of these.
"""
from __future__ import annotations

from functools import cached_property

from ..model import Fact
from ..query import Mention, Query
from .weights import ANSWER_TYPES

#: The sides: who gives, who receives.
GIVE, RECEIVE = "give", "receive"


class Sides:
    """Who a question puts on which side of a giving, and whether a fact agrees."""

    def _asked_sides(self, query: Query) -> tuple[tuple[Mention, str], ...]:
        """Each one the question names (a person, a country, an organisation, or the
        thread's person by a pronoun) with the side word order puts them on: after
        `agent_before` ("from", "by") a giver; right after a giving verb ("gave Helena
        Marsk", "наградил Назарбаева"), after `receiver_before` ("to her"), next to a
        receiving verb, or before a giving verb made passive ("was Vučić awarded") a
        receiver; right before a giving verb ("did Vučić give", "Вучич подарил"), or
        after an auxiliary, the side the verb says; a name with a `receiver_endings`
        ending ("Вучич*ке*") a receiver, and `verb_question_words` ("не") or such a name
        between a name and its verb do not part them. An object pronoun (`object_pronouns`:
        "him", "его") is no giver but after an agent word. Read once per question."""
        key = ("#asked_sides", query.text, tuple((m.text, m.ids) for m in query.mentions))
        return self._per_question(key, lambda: self._read_sides(query))  # type: ignore

    def _read_sides(self, query: Query) -> tuple[tuple[Mention, str], ...]:
        grammar = self.index.grammar(None)
        giving = grammar.get("giving", frozenset())
        receiving = grammar.get("receiving", frozenset())
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
        if not query.direction or not any(t in giving or t in receiving for t in tokens):
            return ()
        agents = grammar.get("agent_before", frozenset())
        to = grammar.get("receiver_before", frozenset())
        auxiliaries = grammar.get("yes_no", frozenset())
        passive = any(t in grammar.get("passive_auxiliary", frozenset()) for t in tokens)
        objects = grammar.get("object_pronouns", frozenset())
        nouns = grammar.get("giving_nouns", frozenset())

        gaps = grammar.get("verb_question_words", frozenset())
        endings = grammar.get("receiver_endings", frozenset())

        def dative(word: str) -> bool:
            return any(word.endswith(e) and len(word) > len(e) + 2 for e in endings)

        def side(start: int, end: int, pronoun: str | None = None) -> str | None:
            before = tokens[start - 1] if start else None
            if dative(tokens[end - 1]):
                return RECEIVE  # "Вучичке": to Vučić
            while end < len(tokens) and (tokens[end] in gaps or dative(tokens[end])):
                end += 1  # "Назарбаев (Вучичке) не берді?": what did Nazarbayev give
            after = tokens[end] if end < len(tokens) else None
            if before in agents:
                return GIVE
            if before in to or before in giving or before in receiving or \
                    after in receiving or pronoun in objects and after in giving:
                return RECEIVE
            if after in giving and not (after in nouns and before not in auxiliaries):
                return RECEIVE if passive else GIVE
            if before in auxiliaries:
                return query.direction
            return None

        out = []
        for m in query.mentions:
            if m.kind != "entity" or m.role == "owner" or not all(
                    (e := self.kb.entities.get(i)) and e.type in ANSWER_TYPES for i in m.ids):
                continue
            if m.text.startswith("("):  # the thread's person, by a pronoun
                said = {side(i, i + 1, t) for i, t in enumerate(tokens)
                        if t in self._person_pronouns} - {None}
            else:
                name = [t.folded for t in self.kb.stemming.tokens(m.text)]
                said = {side(i, i + len(name)) for i in range(len(tokens))
                        if name and tokens[i:i + len(name)] == name} - {None}
            if len(said) == 1:
                out.append((m, said.pop()))
        return tuple(out)

    @cached_property
    def _person_pronouns(self) -> frozenset[str]:
        """The one-word pronouns for a person, of every language ("he", "him", "его")."""
        return frozenset(t.folded for lang in self.kb.languages.values()
                         for p in lang.pronouns.get("person", ()) if " " not in p
                         for t in self.kb.stemming.tokens(p))

    def _is_giving(self, fact: Fact) -> bool:
        """A fact of a giving: its kind is named by a giving word, or its text (in the
        fact base's language) has a giving or receiving word ("was appointed chief
        engineer" has none; a match "won" is no giving unless its text says so)."""
        key = (fact.id, "#giving")
        if key not in self._said:
            grammar = self.index.grammar(None)
            giving = grammar.get("giving", frozenset())
            words = giving | grammar.get("receiving", frozenset())
            names = self.kb.language(None).concepts.get(fact.kind, ())
            text = fact.texts.get(self.kb.meta.language, "")
            self._said[key] = any(t.folded in giving for n in names
                                  for t in self.kb.stemming.tokens(n)) or \
                any(t.folded in words for t in self.kb.stemming.tokens(text))
        return self._said[key]

    def _wrong_sides(self, query: Query, fact: Fact) -> list[str]:
        """What the question names on a side the fact does not put them on: "Who gave
        Elin Kvale the order?" is not answered by "… awarded … by Elin Kvale", nor "What
        did Tomas Reyk give Isolde Marrin?" by her appointment; a who-question for the
        other side needs a fact that names someone there ("who gave it to her?" by one
        that says who did), of the country and role the question gives ("the first
        Kazakh president to receive …" is not a Serbian one)."""
        asked = self._asked_sides(query)
        named_kind = any(fact.kind in m.ids for m in query.mentions if m.kind == "concept")
        if not asked and not ("who" in query.intents and named_kind):
            return []
        if not named_kind and not self._is_giving(fact):
            return [asked[0][0].text]
        givers, receivers = ({i for i in side if (e := self.kb.entities.get(i)) and
                              e.type in ANSWER_TYPES} for side in self._sides(fact))
        out = []
        for m, side in asked:
            ids = set(m.ids)
            if side == GIVE and self._is_person(m):
                # "what did he give?": not an award the text gives no giver
                wrong = bool(ids & receivers) or bool(givers | receivers) and not ids & givers
            elif side == GIVE:  # "from Kazakhstan": a country gives by its people
                wrong = bool(ids & receivers) or bool(givers) and not ids & givers and \
                    not any(self.kb.entities[i].country in ids for i in givers)
            else:
                wrong = bool(ids & givers) and not ids & receivers or \
                    bool(receivers) and not ids & receivers
            if wrong:
                out.append(m.text)
        if "who" in query.intents and not out and self._is_giving(fact):
            out.extend(self._no_one_asked(query, fact, asked, givers, receivers))
        return out

    def _on_side_asked(self, query: Query, m: Mention, fact: Fact) -> bool:
        """The fact's text names `m` on the side of its giving the question puts them
        on ("and what did he give?" of "… awarded … by President Nazarbayev"): they take
        part, though only named in the text."""
        givers, receivers = self._sides(fact)
        return any(a == m and set(m.ids) & (givers if side == GIVE else receivers)
                   for a, side in self._asked_sides(query)) if query.direction else False

    def _who_asks(self, query: Query) -> str | None:
        """The side "who" asks for when a giving or receiving verb follows it: "*who
        gave* it to him?" the giver, "*who was awarded* …", "*who received* …" the
        receiver; None when no verb follows it."""
        grammar = self.index.grammar(None)
        giving = grammar.get("giving", frozenset())
        passive = grammar.get("passive_auxiliary", frozenset())
        tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
        for pos, word in enumerate(tokens[:-1]):
            if word not in grammar.get("who_subject", frozenset()):
                continue
            then = tokens[pos + 1:pos + 3]
            if then[0] in grammar.get("receiving", frozenset()) or \
                    len(then) == 2 and then[0] in passive and then[1] in giving:
                return RECEIVE
            if then[0] in giving:
                return GIVE
        return None

    def _no_one_asked(self, query: Query, fact: Fact, asked: tuple[tuple[Mention, str], ...],
                      givers: set[str], receivers: set[str]) -> list[str]:
        """"Who gave X …?" asks for the giver, "who received …?" (or "who gave … to
        whom") for the receiver: the side no one the question names is on. The fact must
        name someone there besides those named, of the question's country ("Kazakh
        president") and role when it gives them."""
        sides = {side for _, side in asked}
        wanted = self._who_asks(query) or (
            RECEIVE if sides == {GIVE} else GIVE if sides == {RECEIVE} else
            query.direction if not sides else None)
        if wanted is None:
            return []
        named = {i for m in query.mentions for i in m.ids}
        there = (receivers if wanted == RECEIVE else givers) - named
        countries = [set(m.ids) for m in query.mentions if m.kind == "entity" and
                     m.role == "owner" and all(
                         (e := self.kb.entities.get(i)) and e.type == "country" for i in m.ids)]
        role = query.role if query.role in self._role_concepts else None

        def fits(i: str) -> bool:
            entity = self.kb.entities.get(i)
            if entity is None:
                return False
            if role and countries and entity.type == "person" and \
                    not all(entity.country in c for c in countries):
                return False
            return role is None or entity.type != "person" or role in self._roles(i) or \
                role in self._titled(fact).get(i, frozenset())
        if any(fits(i) for i in there):
            return []
        return ["(receiver)" if wanted == RECEIVE else "(giver)"]
