"""What the bot says: answer lines, profiles, related questions, honest declines with
the nearest facts shown apart, small talk, and "the source does not reach that far".
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from ..dates import format_date
from ..model import Answer, Context, Fact, Line, Segment, Suggestion
from ..query import Mention, Query
from .weights import (DISMISS, MAX_FACTS, NEAREST, NEAREST_THRESHOLD, PROFILE_FACTS, SMALL_TALK_WORDS, SOCIAL_ORDER,
                      SUGGESTION_POOL)


class Replies:
    """Composing answers and declines."""

    def fact_line(self, fact: Fact, language_code: str | None) -> Line:
        """A fact as one answer line: its date in bold, then its text."""
        language = self.kb.language(language_code)
        text = self.kb.text(fact.texts, language_code)
        if fact.date is None:
            return (Segment(text),)
        # Dates repeat across facts and answers: each written once per language.
        memo = self.__dict__.get("_dates_written")
        if memo is None:
            memo = self.__dict__["_dates_written"] = {}
        key = (fact.date, language.code)
        written = memo.get(key)
        if written is None:
            if len(memo) >= 1 << 12:
                memo.clear()
            written = memo[key] = format_date(fact.date, language)
        return (Segment(written, strong=True), Segment(": " + text))

    def _compose(self, query: Query, facts: list[Fact], best: float, context: Context) -> Answer:
        code = self.kb.language(context.language).code
        rank = self._chronology  # the place of each in date order (see chronological)
        facts = sorted(facts, key=lambda f: rank[f.id])
        lines: list[Line] = []
        templates = self.kb.language(code).templates
        if query.yes_no and len(query.mentions) == 1 and query.mentions[0].kind == "entity" \
                and query.intents <= {"what"} and not (
                    query.years or query.months or query.pronouns or query.modifiers or
                    query.ordinal or query.halves or query.continues):
            # "Did Mihai Stoica get one too?": a name and words that carry nothing; a fact
            # that holds the name states no "yes" to what was asked.
            return self._decline(query.text, templates["dont_know"], context, query.mentions,
                                 nearest=tuple(facts[:NEAREST]))
        if "how_many" in query.intents:
            counted, occasions = self._counted(query, facts, code)
            lines.extend(counted)
            if occasions is not None:  # "3 in all": the three, not what happened during them
                kept = {f.id for f in occasions}
                facts = [f for f in facts if f.id in kept]
        said = None
        if query.yes_no and not lines:
            # A fact that says "yes" of what was asked comes first; one that says it of
            # someone else is no answer; none left: a decline, never a "No".
            verdicts = {f.id: self._verdict(query, f, context.person)
                        for f in facts[:MAX_FACTS]}
            kept = [f for f in facts if verdicts.get(f.id) != "open"]
            if not kept:
                # (the facts shown stay the thread: "what did he get?" after "is she
                # related to Dragomir?" is still about what those facts say)
                return self._decline(query.text, templates["undecided"], replace(
                    context, facts=tuple(f.id for f in facts[:NEAREST])), query.mentions,
                    nearest=tuple(facts[:NEAREST]))
            facts = sorted(kept, key=lambda f: verdicts.get(f.id) != "yes")
            said = verdicts.get(facts[0].id)
        shown = [self.fact_line(f, code) for f in facts[:MAX_FACTS]]
        if said in ("yes", "no"):
            shown[0] = (Segment(templates["affirm" if said == "yes" else "deny"]), *shown[0])
        lines.extend(shown)
        if len(facts) > MAX_FACTS:
            lines.append((Segment(templates["more"].format(count=len(facts) - MAX_FACTS)),))
            facts = facts[:MAX_FACTS]
        return Answer(question=query.text, answered=True, lines=tuple(lines),
                      confidence=round(min(best, 1.0), 3), facts=tuple(f.id for f in facts),
                      related=self._related(facts, code),
                      context=self._next_context(query, facts, context), language=code)

    def _profile_answer(self, query: Query, context: Context) -> Answer | None:
        """"Who is X?", "tokaev": what the fact base says about one named entity."""
        if len(query.mentions) != 1 or query.years or query.months or query.modifiers \
                or query.unknown:
            return None
        mention = query.mentions[0]
        if mention.kind != "entity" or query.intents - {"what", "who", "about"}:
            return None
        code = self.kb.language(context.language).code
        passing = [eid for eid in mention.ids if eid in self._in_passing]
        if passing and len(passing) == len(mention.ids) and "who" not in query.intents:
            # "What is the OSCE?": the facts only tag it; they do not say what it is.
            name = self.kb.text(self.kb.entities[passing[0]].names, code)
            nearest = self._involving.get(passing[0], ())[:NEAREST]
            return self._decline(query.text, self.kb.language(code).templates[
                "in_passing"].format(name=name), context, query.mentions, nearest=nearest)
        lines: list[Line] = []
        used: list[Fact] = []
        for eid in mention.ids:
            entity = self.kb.entities[eid]
            description = self.kb.text(entity.descriptions, code)
            lines.append((Segment(self.kb.text(entity.names, code), strong=True),
                          Segment(f" – {description}" if description else "")))
            facts = self._involving.get(eid, ())
            used.extend(facts[:PROFILE_FACTS])
            lines.extend(self.fact_line(f, code) for f in facts[:PROFILE_FACTS])
        people = [i for i in mention.ids if self.kb.entities[i].type == "person"]
        next_context = Context(person=people[0] if len(people) == 1 else context.person,
                               facts=tuple(f.id for f in used), language=context.language)
        return Answer(question=query.text, answered=True, lines=tuple(lines), confidence=1.0,
                      facts=tuple(f.id for f in used), related=self._related(used, code),
                      context=next_context, language=code)

    def _related(self, facts: list[Fact], code: str) -> tuple[Suggestion, ...]:
        """Up to three questions one tap away: same occasion, then the next and previous."""
        if not facts:
            return ()
        shown = {f.id for f in facts}
        top = facts[0]
        root = top.part_of or top.id
        candidates = [root, *self._children.get(root, [])]
        same_kind = self._by_kind.get(top.kind, [])
        if top.id in self._position:
            i = self._position[top.id]
            candidates += [f.id for f in same_kind[i + 1:i + 2] + same_kind[max(i - 1, 0):i]]
        out: list[Suggestion] = []
        for fid in candidates:
            fact = self.kb.fact(fid)
            if fact and fid not in shown and fact.questions and \
                    all(s.fact_id != fid for s in out):
                out.append(Suggestion(self.kb.text(fact.questions, code), fid))
        return tuple(out[:3])

    def _decline(self, question: str, message: str, context: Context,
                 mentions: tuple[Mention, ...], nearest: tuple[Fact, ...] = ()) -> Answer:
        """"I don't have that", then what the fact base has nearest, marked as not the
        answer, then questions it can answer."""
        code = self.kb.language(context.language).code
        lines: list[Line] = [(Segment(message),)]
        if nearest:
            lines.append((Segment(self.kb.language(code).templates["nearest"]),))
            lines.extend(self.fact_line(f, code) for f in nearest)
        return Answer(question=question, answered=False, lines=tuple(lines),
                      confidence=0.0, nearest=tuple(f.id for f in nearest),
                      suggestions=self.suggest(mentions, code), context=context, language=code)

    def _small_talk(self, query: Query, context: Context) -> Answer | None:
        """Greetings, thanks, "who are you", insults, requests for opinions or jokes: a
        short reply in the asker's language, with questions the bot can answer."""
        kinds = query.social & DISMISS or (query.social if not query.named and not
                                           query.foreign and (not query.unknown or
                                                              self._filler(query)) else set())
        if not kinds:
            return None
        kind = min(kinds, key=lambda k: (SOCIAL_ORDER.index(k) if k in SOCIAL_ORDER
                                         else len(SOCIAL_ORDER), k))
        code = self.kb.language(context.language).code
        templates = self.kb.language(code).templates
        message = templates.get(f"social_{kind}", templates["dont_know"]).format(
            title=self.kb.title(code))
        return self._decline(query.text, message, context, query.mentions
                             if kind in DISMISS else ())

    def _filler(self, query: Query) -> bool:
        """"thanks a *lot*", "cheers *mate*": a short message of small talk that asks
        nothing may have a word or two the fact base does not know; a question ("hi, who
        founded Rome?") or a longer message is read as one."""
        return not query.intents and len(query.unknown) <= 2 and \
            len(self.kb.stemming.tokens(query.text)) <= SMALL_TALK_WORDS

    def _out_of_time(self, query: Query, context: Context) -> Answer | None:
        """"now", "will", "would": the source records the past, up to its latest event."""
        if not query.scope:
            return None
        code = self.kb.language(context.language).code
        language = self.kb.language(code)
        kind = "hypothetical" if "hypothetical" in query.scope else "present"
        latest = self._latest
        message = language.templates[f"scope_{kind}"].format(
            latest=format_date(latest.date, language) if latest and latest.date else "—")
        return self._decline(query.text, message, context, query.mentions)

    def suggest(self, mentions: tuple[Mention, ...], code: str) -> tuple[Suggestion, ...]:
        """Questions the bot can answer, close to what was asked where anything was known."""
        out: list[Suggestion] = []
        if any(m.kind != "context" for m in mentions):
            known = tuple(m for m in mentions if m.kind != "context")
            query = Query("", known, frozenset(), frozenset(), (), frozenset(), frozenset(), ())
            # The facts of the rarest thing named, ranked by everything named.
            rarest = max(known, key=lambda m: max(self.weight(i) for i in m.ids), default=None)
            for _, fact in self._score(query, via=[rarest]) if rarest else ():
                if fact.questions and all(s.fact_id != fact.id for s in out):
                    out.append(Suggestion(self.kb.text(fact.questions, code), fact.id))
                if len(out) == 3:
                    return tuple(out)
        for fid in self.kb.meta.examples:
            fact = self.kb.fact(fid)
            if len(out) < 3 and fact and all(s.fact_id != fid for s in out):
                out.append(Suggestion(self.kb.text(fact.questions, code), fid))
        return tuple(out)

    def _nearest(self, query: Query) -> tuple[Fact, ...]:
        """What the fact base has nearest to a question it cannot answer."""
        query = replace(query, unknown=())
        scored = self._score(query, pool=SUGGESTION_POOL) if query.mentions else []
        return tuple(f for s, f in scored[:NEAREST] if s >= NEAREST_THRESHOLD)

    def _missing_message(self, query: Query, missing: tuple[str, ...],
                         templates: Mapping[str, str]) -> str:
        # (a synonym read as two words of the fact base, "premier", is named once)
        named = list(dict.fromkeys(m.text for m in query.mentions if m.kind != "context"))
        if missing == ("(cause)",):  # the event is there, what caused it is not
            return templates["no_cause"]
        if missing == ("(reason)",):
            return templates["no_reason"]
        if len(missing) == 1 and missing[0].startswith("(recorded "):  # an ordinal too far
            return templates["fewer_recorded"].format(count=missing[0][10:-1])
        people = [m.text for m in query.mentions if self._is_person(m)]
        if missing == ("(title)",) and people:  # someone is there, their post is not
            return templates["no_title"].format(name=people[0])
        if len(named) > 1 and missing:
            return templates["not_together"].format(
                parts=", ".join(f"“{w}”" for w in named[:4]))
        return _not_known(templates, query.unknown)


def _not_known(templates: Mapping[str, str], words: tuple[str, ...]) -> str:
    """"I don't know that", naming the words we could not place, if any."""
    if not words:
        return templates["dont_know"]
    return templates["dont_know_words"].format(words=", ".join(f"“{w}”" for w in words[:3]))
