"""What a question names in a relation must stand in that relation in the fact, not just
appear in its text: "What did Issekeshev say *about* Nikola Tesla?" is not answered by a
text where he "spoke … about the Jabayev Monument"; "Did *Vučić's wife* attend …?" not by
his visit; "Who signed the agreement *for Kazakhstan*?" not by "Serbia and Kazakhstan
signed"; "Who founded the *locomotive depot*?" not by "founded the museum *in* the old
locomotive depot". The grammar words (`topic_before`, `topic_after`, `behalf_before`,
`behalf_after`, `owner_after`, `owner_before`, `owner_by_role`, `place_before`) come from
the language packs.
"""
from __future__ import annotations

from ..matching import Match
from ..model import Fact
from ..query import Mention, Query
from .weights import QUESTION_MEMO

#: How far past a word of saying its "about" may stand ("spoke to the crowd about …").
_TOPIC_REACH = 6
#: How far before a word a place word makes it a place ("in the old locomotive depot").
_PLACE_REACH = 4
#: How many items of a text a run of names before or after a deed may span.
_RUN = 12


class Relations:
    """Checks of what a question names in a relation (see the module's docstring)."""

    def _spans(self, query: Query) -> tuple[list[str], list[tuple[Mention, int, int]]]:
        """The question's folded words, and where each mention named by its own words
        stands in them (a mention read from context has none)."""
        def read() -> tuple[list[str], list[tuple[Mention, int, int]]]:
            tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
            out = []
            cursor = 0  # mentions are in the question's order: "space travel … in space"
            for m in query.mentions:
                said = [t.folded for t in self.kb.stemming.tokens(m.text)]
                at = next((i for i in (*range(cursor, len(tokens)), *range(cursor))
                           if said and tokens[i:i + len(said)] == said), None)
                if at is not None:
                    out.append((m, at, at + len(said)))
                    cursor = at + len(said)
            return tokens, out
        return self._per_question(("#spans", query.text, query.mentions), read)

    def _lacks_relation(self, query: Query, fact: Fact) -> list[str]:
        """What the question names in a relation that the fact does not put it in."""
        asked = self._relations_asked(query)
        if asked is None:
            return []
        out: list[str] = []
        topics, relatives, behalf, where = asked
        if topics:
            out.extend(self._other_topic(query, fact))
        if relatives:
            out.extend(self._relative_did(query, fact))
        if behalf:
            out.extend(self._not_on_behalf(query, fact))
        if where:
            out.extend(self._only_where(query, fact))
        return out

    def _relations_asked(self, query: Query) -> tuple[bool, bool, bool, bool] | None:
        """Which of the relations the question names (a topic, a relative, a country
        done for, a thing done to), read once per question, as Holding._checks is: the
        check runs for every fact a question reads. None: none of them."""
        memo = self.__dict__.setdefault("_relations_memo", {})
        hit = memo.get(id(query))
        if hit is not None and hit[0] is query:
            return hit[1]
        where = bool({"who", "when"} & query.intents) and any(
            m.kind == "concept" and set(m.ids) & self._kinds for m in query.mentions)
        found = (bool(self._topics_asked(query)), bool(self._relatives_asked(query)),
                 bool(self._behalf_asked(query)), where)
        asked = found if any(found) else None
        if len(memo) >= QUESTION_MEMO:
            memo.clear()
        memo[id(query)] = (query, asked)  # (the query kept: its id is not reused)
        return asked

    # "What did X say about Y?" ------------------------------------------------------
    def _topics_asked(self, query: Query) -> tuple[tuple[Mention, Mention], ...]:
        """(the deed, its topic) for each mention right after a `topic_before` word
        that follows a concept, the saying ("say about Nikola Tesla"), or right before a
        `topic_after` one that a concept follows (Kazakh "Никола Тесла туралы … айтты").""" 
        def read() -> tuple[tuple[Mention, Mention], ...]:
            grammar = self.index.grammar(None)
            before = grammar.get("topic_before", frozenset())
            after = grammar.get("topic_after", frozenset())
            tokens, spans = self._spans(query)
            out = []
            for k, (m, start, end) in enumerate(spans):
                if m.kind not in ("entity", "concept", "word"):
                    continue
                if k and start and tokens[start - 1] in before:
                    deed = spans[k - 1][0]  # "say about Nikola Tesla"
                elif k + 1 < len(spans) and end < len(tokens) and tokens[end] in after:
                    deed = spans[k + 1][0]  # "Никола Тесла туралы не айтты"
                else:
                    continue
                if deed.kind == "concept":
                    out.append((deed, m))
            return tuple(out)
        return self._per_question(("#topics", query.text), read)

    def _other_topic(self, query: Query, fact: Fact) -> list[str]:
        """A fact that is not itself the saying asked of (a statement) and whose text
        says it only of another topic ("spoke … about the Jabayev Monument") does not
        say it about the question's."""
        out = []
        for deed, topic in self._topics_asked(query):
            if fact.kind in deed.ids or set(deed.ids) & set(fact.tags):
                continue
            said = self._said_about(fact, deed.ids)
            if said and not any(set(topic.ids) & ids for ids in said):
                out.append(topic.text)
        return out

    def _said_about(self, fact: Fact, deed: tuple[str, ...]) -> list[set[str]]:
        """What the fact's text (its base language) says the deed of, after a
        `topic_before` word: the ids of each such topic. Read once."""
        key = (fact.id, "#about " + ",".join(deed))
        if key not in self._said:
            before = self.index.grammar(None).get("topic_before", frozenset())
            found = self._read(fact.texts.get(self.kb.meta.language, ""))
            topics: list[set[str]] = []
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "concept" and
                        set(item.ids) & set(deed)):
                    continue
                for k in range(pos + 1, min(pos + 1 + _TOPIC_REACH, len(found))):
                    mark = found[k]  # ("about" may be read as a question word)
                    if isinstance(mark, Match) and mark.kind in ("stop", "intent") and \
                            mark.words[-1].folded in before:
                        nxt = next((x for x in found[k + 1:k + 4] if not (
                            isinstance(x, Match) and x.kind == "stop")), None)
                        if isinstance(nxt, Match):
                            topics.append(set(nxt.ids))
                        break
            self._said[key] = topics
        return self._said[key]

    # "Did X's wife attend …?" ---------------------------------------------------------
    def _owns_relative(self, query: Query, m: Mention) -> bool:
        """Whether the question names the person only as whose someone is ("Did Lucian
        Varga's daughter visit Halvik?"): she must take part, not he."""
        return any(owner == m for _, owner in self._relatives_asked(query))

    def _relatives_asked(self, query: Query) -> tuple[tuple[Mention, Mention], ...]:
        """The words for someone (a role, a `female` or `male` word) by a person named
        ("*wife* of Vučić", "Vučić's *wife*",
        Russian "*жена* Вучича", Kazakh "Вучичтің *әйелі*") in a question that names a
        kind of event ("посетила ли жена Вучича …"), or that a yes/no question opens with:
        that someone did it, not the person named."""
        def read() -> tuple[tuple[Mention, Mention], ...]:
            grammar = self.index.grammar(None)
            of = grammar.get("owner_before", frozenset())
            persons = grammar.get("female", frozenset()) | grammar.get("male", frozenset())
            genitive = self._owner_after_role(query)
            tokens, spans = self._spans(query)
            out = []
            for k, (m, start, end) in enumerate(spans):
                if m.kind not in ("word", "concept") or set(m.ids) & self._kinds or not (
                        set(m.ids) & self._role_concepts or
                        any(t in persons for t in tokens[start:end])):
                    continue  # someone ("wife", "daughter"), not "the end of Vučić's visit"
                prev = spans[k - 1] if k else None
                nxt = spans[k + 1] if k + 1 < len(spans) else None
                owned = prev and self._is_person(prev[0]) and prev[0].role == "owner" and \
                    prev[2] <= start <= prev[2] + 1  # "Vučić 's wife", "Вучичтің әйелі"
                of_whom = nxt and self._is_person(nxt[0]) and (
                    nxt[1] == end and genitive or  # "жена Вучича", not "King Elphberg"
                    nxt[1] == end + 1 and tokens[end] in of)
                if not (owned or of_whom):
                    continue
                first = spans[0][0] in (m, prev[0] if owned else None)
                if any(o.kind == "concept" and set(o.ids) & self._kinds for o, _, _ in spans) \
                        or query.yes_no and first:  # "was Vučić's wife at Expo 2017?"
                    out.append((m, prev[0] if owned else nxt[0]))
            out.extend(self._unread_relatives(query, tokens, spans, persons))
            return tuple(out)
        return self._per_question(("#relatives", query.text), read)

    def _owner_after_role(self, query: Query) -> bool:
        """Whether the question's language puts whose someone is right after the word
        for them (`owner_by_role: [after]`, Russian "жена Вучича"); in English a name
        right after such a word is theirs ("King Elphberg", "Mayor Issekeshev")."""
        if not query.votes:
            return False
        top = max(n for _, n in query.votes)
        return any("after" in self.kb.language(code).grammar.get("owner_by_role", ())
                   for code, n in query.votes if n == top)

    def _unread_relatives(self, query: Query, tokens: list[str],
                          spans: list[tuple[Mention, int, int]], persons: frozenset[str]
                          ) -> list[tuple[Mention, Mention]]:
        """"Did Elin Kvale's *father* visit Estavia?": a `female`/`male` word right after a
        person's `owner_after` word that the reading passed over (a stop word of the
        pack: "my dad says …") names a relative too, where the question names a kind of
        event."""
        after = self.index.grammar(None).get("owner_after", frozenset())
        taken = {i for _, start, end in spans for i in range(start, end)}
        if not any(o.kind == "concept" and set(o.ids) & self._kinds for o, _, _ in spans):
            return []
        out = []
        for m, _, end in spans:
            if self._is_person(m) and m.role == "owner" and end + 1 < len(tokens) and \
                    tokens[end] in after and tokens[end + 1] in persons and \
                    end + 1 not in taken:
                word = self.kb.stemming.tokens(tokens[end + 1])[0]
                out.append((Mention("word", ("w:" + word.stem,), word.text), m))
        return out

    def _relative_did(self, query: Query, fact: Fact) -> list[str]:
        """"Did Vučić's wife attend Expo 2017?": the one the text calls so ("his wife
        Tamara") must be one who did what the fact is (its `who`); a fact that names no
        one so does not say they did."""
        out = []
        for m, owner in self._relatives_asked(query):
            stems = {w.stem for w in self.kb.stemming.tokens(m.text)}
            called = self._called(fact, frozenset(stems), m.ids) - set(owner.ids)
            if not called & set(fact.who):
                out.append(m.text)
        return out

    def _called(self, fact: Fact, stems: frozenset[str], ids: tuple[str, ...]) -> set[str]:
        """The people a text of the fact names right next to the word (by stem, or a cue
        of its concept): "his wife Tamara", "Tamara, his wife". Read once."""
        key = (fact.id, "#called " + ",".join(sorted(stems)) + "|" + ",".join(ids))
        if key not in self._said:
            people: set[str] = set()
            for text in fact.texts.values():
                found = self._read(text)
                for pos, item in enumerate(found):
                    words = item.words if isinstance(item, Match) else (item,)
                    if not (any(w.stem in stems for w in words) or
                            isinstance(item, Match) and set(item.ids) & set(ids)):
                        continue
                    for near in (*found[pos + 1:pos + 3], *found[max(pos - 2, 0):pos]):
                        if isinstance(near, Match) and near.kind == "entity":
                            people |= {i for i in near.ids if (e := self.kb.entities.get(i))
                                       and e.type == "person"}
            self._said[key] = people
        return self._said[key]

    # "Who signed it for Kazakhstan?" --------------------------------------------------
    def _behalf_asked(self, query: Query) -> tuple[Mention, ...]:
        """The countries a "who" question asks someone for (`behalf_before`: "for
        Kazakhstan"; `behalf_after`: Kazakh "Қазақстан атынан")."""
        def read() -> tuple[Mention, ...]:
            if "who" not in query.intents:
                return ()
            grammar = self.index.grammar(None)
            before = grammar.get("behalf_before", frozenset())
            after = grammar.get("behalf_after", frozenset())
            of = grammar.get("owner_before", frozenset())  # "on behalf of Kazakhstan"
            tokens, spans = self._spans(query)
            return tuple(m for m, start, end in spans if m.kind == "entity" and all(
                (e := self.kb.entities.get(i)) and e.type == "country" for i in m.ids) and (
                    start and tokens[start - 1] in before or start > 1 and
                    tokens[start - 2] in before and tokens[start - 1] in of or
                    end < len(tokens) and tokens[end] in after))
        return self._per_question(("#behalf", query.text), read)

    def _not_on_behalf(self, query: Query, fact: Fact) -> list[str]:
        """"Who signed the FTA for Kazakhstan?" asks for someone of Kazakhstan: a fact
        whose only parties of it are the country itself ("Serbia and Kazakhstan signed")
        does not say who did."""
        asked = self._behalf_asked(query)
        if not asked:
            return []
        kinds = {i for m in query.mentions if m.kind == "concept" for i in m.ids} & self._kinds
        if not kinds:
            return []  # "who is the bookseller in Edda for Belmora?": no deed done for it
        if not (fact.kind in kinds or kinds & set(fact.tags)):
            # "who signed it for Kazakhstan?": only a fact that is the signing says who
            # signed, not a statement of support for a deal.
            return [asked[0].text]
        out = []
        named = {i for m in query.mentions for i in m.ids}
        doers = self._doers(fact, tuple(sorted(kinds)))
        for m in asked:
            of = set(m.ids)
            if not any(i not in named and (e := self.kb.entities.get(i)) and
                       e.type != "country" and e.country in of for i in doers):
                out.append(m.text)
        return out

    def _doers(self, fact: Fact, deeds: tuple[str, ...]) -> set[str]:
        """Who the fact's text (its base language) has do the deed: the names right
        before its word, past grammar words, titles, nationalities and other names
        ("Nikita Khrushchev and Tito signed", "Tomislav Nikolić was awarded"), or right
        after an `agent_before` word that follows it ("signed by …"). Read once."""
        key = (fact.id, "#doers " + ",".join(deeds))
        if key not in self._said:
            agents = self.index.grammar(None).get("agent_before", frozenset())
            found = self._read(fact.texts.get(self.kb.meta.language, ""))
            doers: set[str] = set()
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "concept" and
                        set(item.ids) & set(deeds)):
                    continue
                doers |= self._names_run(found, range(pos - 1, max(pos - 1 - _RUN, -1), -1))
                for k in range(pos + 1, min(pos + 1 + _RUN // 2, len(found))):
                    a = found[k]  # "signed in Doria by Karin Holt and Ines Valcor"
                    if isinstance(a, Match) and a.kind == "stop" and a.words[-1].folded in agents:
                        doers |= self._names_run(found, range(k + 1, min(k + 1 + _RUN,
                                                                           len(found))))
                        break
            self._said[key] = doers
        return self._said[key]

    def _names_run(self, found: list, positions: range) -> set[str]:
        """The names in a run of a text's items read in the given order, past grammar
        words, titles, nationalities and plain words ("The Calvian Prime Minister
        Aurelio Benn and the Morvathi Chancellor Oskar Välling"), up to anything else."""
        names: set[str] = set()
        for k in positions:
            b = found[k]
            if isinstance(b, Match) and b.kind == "entity":
                names |= set(b.ids)
            elif isinstance(b, Match) and not (
                    b.kind in ("stop", "demonym", "word") or
                    b.kind == "concept" and set(b.ids) <= self._role_concepts):
                break
        return names

    # "Who founded the locomotive depot?" ----------------------------------------------
    def _only_where(self, query: Query, fact: Fact) -> list[str]:
        """"Who founded the locomotive depot at Brisca?" asks what was founded: a word
        the question does not put after a place word that the fact's texts have only
        after one ("founded the museum *in* the old locomotive depot") is where the
        deed was done, not what it was done to. Only for "who" and "when" questions
        naming a kind of event."""
        if not {"who", "when"} & query.intents or not any(
                m.kind == "concept" and set(m.ids) & self._kinds for m in query.mentions):
            return []
        places = self.index.grammar(None).get("place_before", frozenset())
        tokens, spans = self._spans(query)
        out = []
        for k, (m, start, _) in enumerate(spans):
            if m.kind == "entity" and k and (self._done_at(fact, m, spans[k - 1], start) or
                                             self._placed_object(fact, m, spans[k - 1], start,
                                                                 tokens)):
                out.append(m.text)
            if m.kind != "word" or m.soft:
                continue  # (a plain word is never a tag: a thing tagged is named)
            if any(t in places for t in tokens[max(start - _PLACE_REACH, 0):start]):
                continue  # "a museum in the depot": the question puts it there too
            stems = frozenset(i[2:] for i in m.ids if i.startswith("w:"))
            if stems and self._in_place_only(fact, stems):
                out.append(m.text)
        return out

    def _in_place_only(self, fact: Fact, stems: frozenset[str]) -> bool:
        """Whether every use of the word (by stem) in the fact's texts stands within a
        place phrase: after a `place_before` word with only grammar words and plain
        words between. Read once; False where no text uses it."""
        key = (fact.id, "#in place " + ",".join(sorted(stems)))
        if key not in self._said:
            places = self.index.grammar(None).get("place_before", frozenset())
            seen = placed = 0
            for text in fact.texts.values():
                found = self._read(text)
                for pos, item in enumerate(found):
                    words = item.words if isinstance(item, Match) else (item,)
                    if not any(w.stem in stems for w in words):
                        continue
                    seen += 1
                    for back in range(pos - 1, max(pos - 1 - _PLACE_REACH, -1), -1):
                        b = found[back]
                        if isinstance(b, Match) and b.kind == "stop":
                            if b.words[-1].folded in places:
                                placed += 1
                                break
                            continue
                        if isinstance(b, Match) and b.kind not in ("word", "demonym"):
                            break
            self._said[key] = bool(seen) and seen == placed
        return self._said[key]

    def _done_at(self, fact: Fact, m: Mention, before: tuple[Mention, int, int],
                 start: int) -> bool:
        """"Who opened the firm Energoprojekt?": an organisation right after the deed
        asked of, with at most two words between, is what it was done to; a fact that
        has it only as where it happened ("a bust was uncovered … near the firm
        Energoprojekt") did not do it to the organisation. (A thing in `where` is
        where it stands: the statue unveiled.)"""
        deed, _, end = before
        if deed.kind != "concept" or not set(deed.ids) & self._kinds or start - end > 2:
            return False
        ids = [i for i in m.ids if (e := self.kb.entities.get(i)) and
               e.type == "organisation"]  # (a thing unveiled stands where it was)
        return bool(ids) and all(i in fact.where and i not in fact.who and
                                 i not in fact.tags for i in ids)

    def _placed_object(self, fact: Fact, m: Mention, before: tuple[Mention, int, int],
                       start: int, tokens: list[str]) -> bool:
        """"Who opened the Old Town of Corvena?", "who unveiled Liberty Park?": what the
        question puts right after the deed asked of is what it was done to; a text that
        has the deed's word done to something else and the thing named only after a
        place word ("opened its embassy *in* the Old Town", "unveiled a statue … *in*
        Liberty Park") says where it was done. Not of people or countries."""
        deed, _, end = before
        places = self.index.grammar(None).get("place_before", frozenset())
        if deed.kind != "concept" or not set(deed.ids) & self._kinds or start - end > 2 or \
                any(t in places for t in tokens[end:start]):
            return False
        ids = tuple(i for i in m.ids if (e := self.kb.entities.get(i)) and
                    e.type not in ("person", "country"))
        if not ids or any(i in fact.who or i in fact.tags for i in ids):
            return False
        if any(self.kb.entities[i].type == "place" for i in ids) and \
                self._done_to_places(deed.ids):
            return False  # "visited the headquarters … in Porto Alva" is a visit there
        key = (fact.id, "#placed " + ",".join(deed.ids) + "|" + ",".join(ids))
        if key not in self._said:
            found = self._read(fact.texts.get(self.kb.meta.language, ""))
            seen = placed = 0
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "entity" and
                        set(item.ids) & set(ids)):
                    continue
                seen += 1
                mark = next((k for k in range(pos - 1, max(pos - 1 - _PLACE_REACH, -1), -1)
                             if isinstance(found[k], Match) and found[k].kind == "stop" and
                             found[k].words[-1].folded in places), None)
                if mark is None:
                    continue
                deed_at = next((k for k in range(mark - 1, max(mark - 1 - _RUN, -1), -1)
                                if isinstance(found[k], Match) and found[k].kind == "concept"
                                and set(found[k].ids) & set(deed.ids)), None)
                done_to = next((x for x in found[deed_at + 1:mark] if isinstance(x, Match)
                                and x.kind in ("entity", "concept", "word")), None) \
                    if deed_at is not None else None
                if done_to is not None and not (done_to.kind == "entity" and any(
                        (e := self.kb.entities.get(i)) and e.type in ("place", "country")
                        for i in done_to.ids)):
                    placed += 1  # (not "visited Estavia, holding talks … in Corvena")
            self._said[key] = bool(seen) and seen == placed
        return self._said[key]

    def _done_to_places(self, deed: tuple[str, ...]) -> bool:
        """Whether the fact base's texts do the deed to places ("visited Estavia",
        "opened Tallis Point Launch Complex"): its word right before a place or a
        country, past grammar words. Then one done to something in a place may be done
        to the place too (a visit to the headquarters there). Read once per deed."""
        memo = self.__dict__.setdefault("_to_places_memo", {})
        if deed not in memo:
            done = False
            for fact in {f.id: f for i in deed for f in self._postings.get(i, ())}.values():
                found = self._read(fact.texts.get(self.kb.meta.language, ""))
                for pos, item in enumerate(found):
                    if not (isinstance(item, Match) and item.kind == "concept" and
                            set(item.ids) & set(deed)):
                        continue
                    after = next((x for x in found[pos + 1:pos + 4] if not (
                        isinstance(x, Match) and x.kind == "stop")), None)
                    done = isinstance(after, Match) and after.kind == "entity" and any(
                        (e := self.kb.entities.get(i)) and e.type in ("place", "country")
                        for i in after.ids)
                    if done:
                        break
                if done:
                    break
            memo[deed] = done
        return memo[deed]
