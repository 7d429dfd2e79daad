"""What a fact's text says of the thing a question asks about: the question's own verb
(or predicate) must be what the text says there, not only a word of the same topic
somewhere in it. "Who met King Osric II in Lunsk?" is not answered by "He met President
Rafael Osta in Oranta and travelled by ferry to Lunsk": the meeting's own place is
another. "Who built Teranzo Central Station?" is not answered by "completed to a design
by the architect Paulo Vandre": he is named as the author of the design, not as whoever
built it, though the fact base files building and designing under one topic.
"""
from __future__ import annotations

import re

from ..model import Fact
from ..matching import Match
from ..query import Mention, Query

#: Where a text's sentence or clause ends, for what its verb is said with.
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
#: Where a clause ends inside a sentence: commas, colons, brackets, dashes.
_CLAUSE = re.compile(r"\s*[,:;()\u2013\u2014]\s*")


class Predicates:
    """Checks of a fact's text against the question's verb."""

    def _sentences(self, fact: Fact) -> tuple[list, ...]:
        """The fact's text in the fact base's language, sentence by sentence, read."""
        key = (fact.id, "#sentences")
        if key not in self._said:
            text = fact.texts.get(self.kb.meta.language, "")
            self._said[key] = tuple(self._read(s) for s in _SENTENCE.split(text) if s)
        return self._said[key]

    def _verbs_before(self, query: Query, m: Mention) -> tuple[Mention, ...]:
        """The topics and plain words the question names before the place `m`: what it
        says happened there ("who *met* King Osric II in Lunsk?")."""
        at = query.mentions.index(m) if m in query.mentions else 0
        return tuple(o for o in query.mentions[:at]
                     if o.kind in ("concept", "word") and not o.soft)

    def _placed_elsewhere(self, query: Query, fact: Fact, m: Mention) -> bool:
        """True when the place the question names with "in" (`m`, role "place") is not
        where the fact's text has what the question says happened there: every use of
        the question's verb in the text is followed, in its sentence, by another place
        after a `place_before` word ("met President Rafael Osta *in Oranta*"), one that
        is neither the place asked nor in it nor around it. A text that gives the verb no
        place of its own says nothing against it."""
        verbs = self._verbs_before(query, m)
        if not verbs:
            return False
        key = (fact.id, "#placed " + ",".join(i for v in verbs for i in v.ids) + "|" +
               ",".join(m.ids))
        if key not in self._said:
            self._said[key] = self._reads_elsewhere(fact, verbs, set(m.ids))
        return self._said[key]

    def _reads_elsewhere(self, fact: Fact, verbs: tuple[Mention, ...], asked: set[str]) -> bool:
        ids = {i for v in verbs for i in v.ids}
        before = self.index.grammar([self.kb.meta.language]).get("place_before", frozenset())
        uses = placed = 0
        for found in self._sentences(fact):
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind in ("concept", "word") and
                        set(item.ids) & ids):
                    continue
                uses += 1
                there = self._place_after(found, pos, before)
                if there is not None and not self._same_place(there, asked):
                    placed += 1
        return bool(uses) and uses == placed

    def _place_after(self, found: list, pos: int, before: frozenset[str]) -> set[str] | None:
        """The first place named after a `place_before` word after position `pos`."""
        for k in range(pos + 1, len(found) - 1):
            item = found[k]
            if not (isinstance(item, Match) and item.kind == "stop" and
                    item.words[-1].folded in before):
                continue
            at = k + 1  # past an article or a nationality: "in the Morvathi town of"
            while at < len(found) and at - k <= 4 and isinstance(found[at], Match) and \
                    found[at].kind in ("stop", "demonym", "word"):
                at += 1
            nxt = found[at] if at < len(found) else None
            if isinstance(nxt, Match) and nxt.kind == "entity":
                places = {i for i in nxt.ids if (e := self.kb.entities.get(i)) and
                          e.type in ("place", "country")}
                if places:
                    return places
        return None

    def _same_place(self, there: set[str], asked: set[str]) -> bool:
        """Whether a place of the text is the one asked, in it, or around it."""
        return any(self._within(t, a) or self._within(a, t) for t in there for a in asked)

    def _within(self, inner: str, outer: str) -> bool:
        seen: set[str] = set()
        place = inner
        while place and place not in seen:
            if place == outer:
                return True
            seen.add(place)
            e = self.kb.entities.get(place)
            if e is None:
                return False
            if e.country == outer:
                return True
            place = e.within or ""
        return False


    def _authors_only(self, query: Query, fact: Fact) -> frozenset[str]:
        """Who the fact's text names only as doing something else than the deed "who"
        asks for (see _reads_doers): "Who built Teranzo Central Station?" is not answered
        by "completed to a design by the architect Paulo Vandre", nor "who built BK
        Tesla Park?" by "Vučić … inaugurated the construction of BK Tesla Park"; "who
        designed it?" is. Read once per fact and deed."""
        deed = query.mentions[0] if query.mentions and "who" in query.intents else None
        if deed is None or deed.kind not in ("concept", "word") or deed.soft or \
                not self._deed_of_who(query, deed):
            return frozenset()
        return self._doers_elsewhere(query, fact, deed)

    def _doers_elsewhere(self, query: Query, fact: Fact, deed: Mention,
                         strict: bool = True) -> frozenset[str]:
        """_reads_doers, read once per fact and deed. `strict`: a verb of another topic
        is another deed."""
        twice = self._topic_said_twice(query, deed)
        key = (fact.id, "#doers " + deed.text + "|" + ",".join(deed.ids) + "|" +
               str(twice) + str(strict))
        if key not in self._said:
            self._said[key] = self._reads_doers(fact, deed, twice, strict)
        return self._said[key]

    def _topic_said_twice(self, query: Query, deed: Mention) -> bool:
        """Whether the question names the deed's topic by another word too, of another
        stem and not of its meaning (`synonyms`), as another's deed (a name's "'s" or a
        nationality before it): "did Kestria *recognise* Halmland's *claim*?" tells
        recognising from claiming, so a fact whose text has Kestria administer (a word of
        the same topic in the fact base) does not say it. "Who won the match?", "what
        award did she receive?" name one thing by two words of its topic."""
        if deed.kind != "concept":
            return False

        def owned(found: list, pos: int) -> bool:
            """Another's: "*Halmland's* claim", "*Kestrian* sovereignty"."""
            before = found[pos - 1] if pos else None
            after = self.index.grammar(None).get("owner_after", frozenset())
            return isinstance(before, Match) and (
                before.kind == "demonym" or before.kind == "stop" and
                before.words[-1].folded in after and pos > 1 and
                isinstance(found[pos - 2], Match) and found[pos - 2].kind == "entity")

        def read() -> bool:
            stems = self.kb.stemming.stems
            own = stems(deed.text)
            found = self.index.find(query.text)
            return any(isinstance(item, Match) and item.kind == "concept" and
                       set(item.ids) & set(deed.ids) and owned(found, pos) and
                       tuple(w.stem for w in item.words) != own and
                       not any(stems(w) == tuple(x.stem for x in item.words)
                               for w in self._same_meaning(deed.text))
                       for pos, item in enumerate(found))
        return self._per_question(("#said twice", query.text, deed.text), read)

    def _subject_does_else(self, query: Query, fact: Fact) -> tuple[str, ...]:
        """"Did Kestria recognise Halmland's claim?": the one a yes/no question is said
        of (right after its auxiliary) and the verb after them: a fact whose text shows
        them only doing another thing of that topic, where the question or the text tells
        the two apart ("administered by Kestria and claimed by Halmland"), does not say
        it: not "did Kestria claim the Skarn Islands?" either; nor one that has the
        deed's topic only as a tag (see _states_topic) and them not taking part."""
        if not query.yes_no or query.direction:
            return ()  # a giving's sides are Sides' to read
        for k, m in enumerate(query.mentions[:-1]):
            deed = query.mentions[k + 1]
            # (a verb of another topic shows nothing: a text may say the deed of them
            # through a pronoun, "Kazakhstan has opposed …; it does not recognise …")
            if m.kind == "entity" and m.role == "any" and deed.kind == "concept" and \
                    not deed.soft and self._after_auxiliary(query, m):
                if set(m.ids) & self._doers_elsewhere(query, fact, deed, strict=False) or \
                        not self._states_topic(fact, deed) and not set(m.ids) & set(fact.who):
                    return (deed.text,)
                return ()
        return ()

    def _someone_else_did(self, query: Query, fact: Fact) -> tuple[str, ...]:
        """"When did Kazakhstan open an embassy in Astana?": the one the question says did
        it (right after its auxiliary, the verb next) must be among those the text has do
        it — a name right before the verb's own word or a word of its topic, with no
        auxiliary between ("*Serbia opened* an embassy") — or a country of theirs
        ("Serbia" of "Vučić inaugurated"). A text that has no one do it that way (a
        passive, "was in Astana") says nothing against it."""
        agents = ("person", "country", "organisation")
        for k, m in enumerate(query.mentions[:-1]):
            deed = query.mentions[k + 1]
            if not (m.kind == "entity" and m.role == "any" and deed.kind in ("concept", "word")
                    and not deed.soft and self._after_auxiliary(query, m, active=True)):
                continue
            if not all((e := self.kb.entities.get(i)) and e.type in agents for i in m.ids):
                return ()  # "when did Frostvik Pad 2 open?": what opened, not who
            if query.yes_no:
                return ()  # (whose deed the text says, the verdict reads: Verdict)
            doers = {i for i in self._active_doers(fact, deed)
                     if (e := self.kb.entities.get(i)) and e.type in agents}
            asked = set(m.ids)
            countries = {e.country for i in asked if (e := self.kb.entities.get(i))}
            if not asked & (set(fact.who) | countries | self._text_names(fact)):
                # "Did Kazakhstan open an embassy in Astana?" of "Serbia has an embassy in
                # Astana": a place of the country is no deed of it
                return (m.text,)
            if doers and not asked & doers and not countries & doers and not any(
                    (e := self.kb.entities.get(i)) and e.country in asked for i in doers):
                return (deed.text,)  # (Tadić of "Serbia and Kazakhstan signed" did it)
            return ()
        return ()

    def _active_doers(self, fact: Fact, deed: Mention) -> frozenset[str]:
        """The names a text (in the fact base's language) has do the deed in the active
        voice: a clause that opens with them — nothing but names, titles, "of", "and"
        before its verb ("*Serbia* opened an embassy", "In Vask, *President Lidia Quenar
        and Prime Minister Jonna Tivel* signed") — and goes on with the deed's own word or
        a word of its topic. Read once per fact and deed."""
        key = (fact.id, "#active " + deed.text + "|" + ",".join(deed.ids))
        if key in self._said:
            return self._said[key]
        grammar = self.index.grammar([self.kb.meta.language])
        joins = grammar.get("span_and", frozenset()) | grammar.get("articles", frozenset()) | \
            grammar.get("owner_before", frozenset())
        stems = self.kb.stemming.stems
        asked = {stems(w) for w in self._same_meaning(deed.text)} - {()}
        topic = set(deed.ids) if deed.kind == "concept" else set()

        def is_deed(item) -> bool:
            return isinstance(item, Match) and item.kind in ("concept", "word") and (
                tuple(w.stem for w in item.words) in asked or bool(topic & set(item.ids)))

        def listed(item) -> bool:  # a name, a title, "of" or "and" of the subject
            return isinstance(item, Match) and (
                item.kind in ("entity", "demonym") or
                item.kind == "concept" and set(item.ids) <= self._role_concepts or
                item.kind == "stop" and item.words[-1].folded in joins)
        found: set[str] = set()
        text = fact.texts.get(self.kb.meta.language, "")
        for sentence in _SENTENCE.split(text):
            for clause in _CLAUSE.split(sentence):
                read = [i for i in self._read(clause) if isinstance(i, Match)]
                at = 0
                while at < len(read) and listed(read[at]):
                    at += 1
                if 0 < at < len(read) and is_deed(read[at]):
                    found.update(i for item in read[:at] if item.kind == "entity"
                                 for i in item.ids)
        self._said[key] = frozenset(found)
        return self._said[key]

    def _deed_of_who(self, query: Query, deed: Mention) -> bool:
        """Whether the deed is the verb "who" is the subject of, no auxiliary between
        ("who *built* …", "who first proposed …"), not a role asked ("who was the
        *architect* of …")."""
        def read() -> bool:
            grammar = self.index.grammar(None)
            subjects = grammar.get("who_subject", frozenset())
            auxiliaries = grammar.get("yes_no", frozenset()) | \
                grammar.get("passive_auxiliary", frozenset())
            tokens = [t.folded for t in self.kb.stemming.tokens(query.text)]
            said = [t.folded for t in self.kb.stemming.tokens(deed.text)][:1]
            at = next((i for i, t in enumerate(tokens) if t in subjects), None)
            end = next((i for i in range(len(tokens)) if said and tokens[i] == said[0]
                        and at is not None and i > at), None)
            return at is not None and end is not None and \
                not any(t in auxiliaries for t in tokens[at + 1:end])
        return self._per_question(("#deed of who", query.text, deed.text), read)

    def _reads_doers(self, fact: Fact, deed: Mention, twice: bool = False,
                     strict: bool = True) -> frozenset[str]:
        """The names of the text (in the fact base's language) each use of which shows
        them doing another thing than `deed`, and none the deed: the author of a thing
        ("*a design* by the architect Paulo Vandre": an article, a word that is not the
        deed nor of its meaning, `agent_before`), or the doer of a verb right after the
        name (past other names, titles, "and", auxiliaries: "Vučić, Karić and Sagintayev
        *inaugurated* the construction") or right before `agent_before` ("*chaired* by
        Greta Lund"), or the owner of the occasion the fact is part of ("during
        *Nazarbayev's visit*, a deal was signed": his visit, not the signing). A verb of the deed's topic is the deed, unless the question tells
        the deed from another word of it (`twice`, see _topic_said_twice) or the text
        has someone do the deed by its own word ("administered by Kestria and *claimed*
        by Halmland": Kestria did not claim); with `strict`, a verb of another topic is
        another deed. A name with no verb of its own ("Tadić was in Astana") shows
        nothing either way."""
        grammar = self.index.grammar([self.kb.meta.language])
        agents = grammar.get("agent_before", frozenset())
        articles = grammar.get("articles", frozenset())
        joins = grammar.get("span_and", frozenset())
        owning = grammar.get("owner_after", frozenset())  # "Nazarbayev*'s* visit"
        placing = grammar.get("place_before", frozenset()) | \
            grammar.get("receiver_before", frozenset())
        auxiliaries = grammar.get("passive_auxiliary", frozenset()) | \
            grammar.get("yes_no", frozenset())
        stems = self.kb.stemming.stems
        asked = {stems(w) for w in self._same_meaning(deed.text)} - {()}
        topic = set(deed.ids) if deed.kind == "concept" else set()

        def stop(item, words: frozenset[str]) -> bool:
            return isinstance(item, Match) and item.kind == "stop" and \
                item.words[-1].folded in words

        def title(item) -> bool:
            return isinstance(item, Match) and (
                item.kind in ("demonym", "entity") or
                item.kind == "concept" and set(item.ids) <= self._role_concepts)

        def work(item) -> bool:
            return isinstance(item, Match) and item.kind == "entity" and all(
                (e := self.kb.entities.get(i)) is not None and e.type == "thing"
                for i in item.ids)

        def own_word(verb) -> bool:
            return isinstance(verb, Match) and tuple(w.stem for w in verb.words) in asked

        # (name ids, its verbs, and whether it is named as the author of a thing)
        readings: list[tuple[tuple[str, ...], list, bool]] = []
        placed: set[str] = set()  # names right after "in", "to": places, receivers
        unplaced: set[str] = set()  # names also named elsewhere
        owned: set[int] = set()  # the occasion named as a name's own ("Tadić's visit")
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        occasion = parent.kind if parent else None
        for found in self._sentences(fact):
            for pos, item in enumerate(found):
                if not (isinstance(item, Match) and item.kind == "entity"):
                    continue
                back = pos - 1  # past a title, a nationality, an article: "by the architect"
                while back >= 0 and pos - back <= 3 and (
                        title(found[back]) or stop(found[back], articles) or
                        isinstance(found[back], Match) and found[back].kind == "word"):
                    back -= 1
                verbs, authored = [], False
                if back >= 1 and stop(found[back], agents):
                    verbs.append(found[back - 1])
                    # "a design by …", "the song Luckasta si ti by …": of a thing
                    authored = back >= 2 and stop(found[back - 2], articles) or \
                        work(found[back - 1])
                lead = pos - 1  # a subject: nothing but names, titles, "and" before it
                while lead >= 0 and (title(found[lead]) or stop(found[lead], joins | articles)):
                    lead -= 1
                ahead = pos + 1  # past the rest of a list of names and auxiliaries
                while ahead < len(found) and ahead - pos <= 8 and (
                        title(found[ahead]) or stop(found[ahead], joins | auxiliaries)):
                    ahead += 1
                if lead < 0 and ahead < len(found):
                    verbs.append(found[ahead])
                if pos > 0 and stop(found[pos - 1], placing):
                    placed.update(item.ids)  # "produced *in Serbia* to Kazakhstan": where
                else:
                    unplaced.update(item.ids)  # ("… to Kestria, while Kestria exports")
                if pos + 2 < len(found) and stop(found[pos + 1], owning) and \
                        isinstance(found[pos + 2], Match) and found[pos + 2].kind == "concept" \
                        and occasion in found[pos + 2].ids:  # (not "Serbia's position")
                    owned.add(id(found[pos + 2]))  # "during *Nazarbayev's visit*": his deed
                    verbs.append(found[pos + 2])
                readings.append((item.ids, verbs, authored))
        told = twice or any(own_word(v) for _, verbs, _ in readings for v in verbs)

        def verdict(verb, authored: bool) -> bool | None:
            """True: the deed; False: another deed; None: nothing shown."""
            if authored and work(verb):
                return False  # the author of a named work, not who did anything with it
            if not isinstance(verb, Match) or verb.kind not in ("concept", "word"):
                return None
            if own_word(verb):
                return True
            if authored:  # "a design by …": the deed only by its own word
                return False
            if verb.kind != "concept" or not topic:
                return None
            if topic & set(verb.ids):  # another word of the deed's topic
                return not told
            # (the occasion a name owns is all the text has them do: "during Tadić's
            # visit, Serbia and Kazakhstan signed" has him visit, not sign)
            return False if strict or id(verb) in owned else None

        other: set[str] = set()
        did: set[str] = set()
        for ids, verbs, authored in readings:
            said = {verdict(v, authored and k == 0) for k, v in enumerate(verbs)}
            if True in said:
                did.update(ids)
            elif False in said:
                other.update(ids)
        return frozenset((other | (placed - unplaced)) - did)

    def _states_topic(self, fact: Fact, deed: Mention) -> bool:
        """Whether the fact is of the deed's topic (its kind, or its occasion's) or its
        text says a word of it: a tag alone says what a fact is about, not what someone
        it only names did ("Did Halmland administer …?" is not "Belmora voted against
        the Halmland resolution", tagged as the dispute)."""
        parent = self.kb.fact(fact.part_of) if fact.part_of else None
        return any(f.kind in deed.ids for f in (fact, parent) if f) or \
            bool(set(deed.ids) & self._text_names(fact))

    def _text_names(self, fact: Fact) -> frozenset[str]:
        """The entities and topics the fact's text names (in any of its languages)."""
        key = (fact.id, "#text names")
        if key not in self._said:
            self._said[key] = frozenset(i for text in fact.texts.values()
                                        for item in self._read(text)
                                        if isinstance(item, Match) for i in item.ids)
        return self._said[key]

    def _said_aside(self, fact: Fact, word: Mention) -> bool:
        """True when the fact's text has `word` (a plain word of the question, no topic)
        only as an aside at the end of a sentence: a clause of no date of its own that
        opens with it after a comma, once the sentence has said what happened, with only
        names after it ("… expected to be built by the BK group, *founded* by Dragomir's
        brother, Bogoljub Karić."). It says what the thing last named is, not what
        happened on the fact's date: "When was the BK group founded?" is not dated by the
        inauguration the fact is. Between a subject and its verb ("The Hallen Protocol,
        signed in Doria by …, settled the dispute") it is the fact's own event."""
        key = (fact.id, "#aside " + ",".join(word.ids))
        if key not in self._said:
            ids = set(word.ids)
            text = fact.texts.get(self.kb.meta.language, "")
            uses = aside = 0
            for sentence in _SENTENCE.split(text):
                clauses = [c for c in _CLAUSE.split(sentence) if c]
                read = [self._read(c) for c in clauses]
                said = [any(isinstance(i, Match) and i.kind in ("concept", "word") for i in r)
                        for r in read]
                for k, found in enumerate(read):
                    at = [n for n, i in enumerate(found) if isinstance(i, Match) and
                          set(i.ids) & ids]
                    if not at:
                        continue
                    uses += 1
                    aside += at[0] == 0 and clauses[k][:1].islower() and \
                        not any(ch.isdigit() for ch in clauses[k]) and \
                        any(said[:k]) and not any(said[k + 1:])
            self._said[key] = bool(uses) and uses == aside
        return self._said[key]
