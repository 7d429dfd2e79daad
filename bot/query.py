"""Reading a question: its main clause, what it names and in which role, what it asks for,
and the shape of the question (a comparison, "the one after X", small talk, "now").

A message is cut into clauses at sentence punctuation and commas. The main clause is the
one with the question (the last clause ending in "?", widened backwards while it names
nothing of its own: "…, is that true?"); the clauses before it are a preamble whose
unknown words ("so I'm writing an essay") are chatter, not part of the question. What
the question names still counts wherever it stands.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .matching import Match, TermIndex
from .model import Context
from .text import Token

#: Grammatical job ("owner_before", "place_before", "range") → the words that do it.
Grammar = dict[str, frozenset[str]]
_YEAR = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
#: What "how many people", "how many days", "how many years" count.
PEOPLE, DAYS, YEARS = "@people", "@days", "@years"
#: "how many seconds": a unit, counted as "@unit:" and the unit's stem.
UNIT = "@unit:"
#: The id of a comparative word's stop term ("longer"): see _comparatives_as_written.
COMPARATIVE = "@comparative"
#: Where a message breaks into clauses: sentence ends, colons, semicolons, commas and
#: dashes between spaces (not the dash of "Tito–Stalin" or "2010-2016").
_CLAUSE = re.compile(r"(?<=[?!;:,])|\s[-–—]+\s|[()]")
_SENTENCE = re.compile(r"(?<=[.…])\s+")
#: A capital letter alone before a full stop: an initial of a name ("Rufus T.").
_INITIAL = re.compile(r"(?:^|\s)([^\W\d_])\.$")


@dataclass(frozen=True)
class Mention:
    """A topic the question names. `ids` are alternatives (a surname shared by three people).

    `role` is "owner" where the question names the country as the owner or nationality
    ("Serbian", "Kazakhstan's embassy"), "place" where it names where something happened
    ("in Serbia"), "agent" for a giver or doer ("from Nazarbayev", "by Vučić"), else
    "any". `choice` marks "Tokayev or Nazarbayev": the answer is one of them, not someone
    else.
    """

    kind: str
    ids: tuple[str, ...]
    text: str
    role: str = "any"
    choice: bool = False
    #: Named in passing (a topic in a preamble: "a school report on space travel, …"):
    #: it ranks facts but is no condition on them.
    soft: bool = False
    #: A concept right after a name ("the Polaris 1 *satellite*"): it says what the named
    #: thing is rather than naming another topic.
    apposed: bool = False
    #: Read through a synonym group ("skipper" as the fact base's "commander"): it
    #: weighs a little less than the word itself.
    synonym: bool = False


@dataclass(frozen=True)
class Query:
    text: str
    mentions: tuple[Mention, ...]
    intents: frozenset[str]
    modifiers: frozenset[str]
    years: tuple[tuple[int, int], ...]
    months: frozenset[int]
    pronouns: frozenset[str]
    #: Words we could not read: they make the question less likely to be answerable.
    unknown: tuple[str, ...]
    #: Names and topics we know nothing about ("China", "Baiterek"): the question is not ours.
    foreign: tuple[str, ...] = ()
    #: Language code → how many of the question's words come from that language's lists.
    votes: tuple[tuple[str, int], ...] = ()
    #: Small talk kinds in the message ("greeting", "thanks", "abuse", "opinion"…).
    social: frozenset[str] = frozenset()
    #: Time the main clause is set in beyond the record: "present", "future", "hypothetical".
    scope: frozenset[str] = frozenset()
    #: "after"/"before": the question asks for the event next to `pivot`.
    sequence: str | None = None
    #: What "after …"/"before …" names; None for "the one before that" (the last answer).
    pivot: Query | None = None
    #: 2 for "second", 3 for "third"…
    ordinal: int | None = None
    #: A question answered by yes or no ("Did Tokayev visit Serbia?").
    yes_no: bool = False
    #: "Which came first, A or B?", "Did A happen before or after B?": A and B, read alone.
    halves: tuple[Query, Query] | None = None
    #: "How many years passed between A and B?", "how long after A did B happen?": the
    #: unit (`DAYS` or `YEARS`) the two `halves` are counted apart in.
    span: str | None = None
    #: With `span`: "after" or "before" when the question says which of the halves is
    #: later ("how long after A did B …": B is after A); None for "between A and B".
    span_order: str | None = None
    #: "Which is *longer*, A or B?": the measures the two `halves` are compared in, which
    #: each half's fact must state a number of (set by the engine; empty: any, or none).
    measured: tuple[str, ...] = ()
    #: Of each of `halves`, its own words as written ("the ferry crossing of Lake Marren").
    said: str = ""
    #: "Is A longer *than* B?": the halves compared are A and B, and the verdict is on A.
    than: bool = False
    #: Nothing but names and the words of "who is …?" ("Who is Tokayev?", "tokaev").
    bare: bool = False
    #: "How many ministers…": the concept counted; "" for "how many times" (events).
    counted: str | None = None
    #: With `counted` "" (events): the stem of a word of no topic right after "how many"
    #: ("how many *companies* took part?"): a number one fact states before it is the count.
    counted_noun: str | None = None
    #: "How much *power* does Kestria send?": the word of no topic right after a measure
    #: question's words, as written — what is measured, which the fact must say.
    measured_word: str | None = None
    #: "on the *second day* of Vučić's October 2018 visit": the day of an occasion asked
    #: (an ordinal right before a `days` word), instead of an `ordinal` of events.
    nth_day: int | None = None
    #: "and Nikolić?", "what about 2010?": the previous question again, with this changed.
    continues: bool = False
    #: "how long did it last?": a duration, which a span of dates gives.
    duration: bool = False
    #: "Who was the Serbian president …?": the role the answer must hold (a concept id).
    role: str | None = None
    #: With `role`, the words that name it where the question asks who *is* it ("who was
    #: the first ambassador?"), not who did it ("who made the first spacewalk?").
    role_said: str | None = None
    #: "the first person *ever* to …": the first of all, not of the fact base's subject.
    universal: bool = False
    #: "When did Reyvik become Director-General?": the role named is taken on, not held.
    become: bool = False
    #: "Who were the *other* members?": someone besides those named (or answered before).
    other: bool = False
    #: "… besides the Silvane Star?": what the answer must not be (a fact that holds
    #: these is the one the asker already has); they are no condition of it.
    besides: tuple[Mention, ...] = ()
    #: "who did he *meet* there?": words of being with someone that the fact base does not
    #: know; taking part in the same occasion says it, so only about one occasion.
    company: tuple[str, ...] = ()
    #: "When did Estavia open *its* embassy?", "the Mayor of Astana, what was *his*
    #: surname?": (pronoun kind, id) for each name or topic read before a possessive
    #: pronoun, which it may stand for instead of the previous answer.
    bound: tuple[tuple[str, str], ...] = ()
    #: "Who *opened* the third Business Forum?": the topic words read before the ordinal in
    #: its clause, which may say what is asked of the n-th occasion, not which ones count;
    #: `ordinal_of`, the ids of what the ordinal's own words name first (the forum).
    leading: tuple[str, ...] = ()
    ordinal_of: tuple[str, ...] = ()
    #: "What was the name of the *group* …": the id of the topic or plain word for what
    #: is named, which the answer's name must stand by in the fact's text ("the group
    #: X", "X group").
    name_of: str | None = None
    #: "When did Meridian launch *its first* rocket?": the first of the owner's own, a
    #: milestone only a fact that says "first" of it gives (not the earliest recorded):
    #: the ids of what "first" is said of (the rocket).
    own_first: tuple[str, ...] = ()
    #: "What contracts were signed at the *first* Business Forum?", "… the *last* one":
    #: the ids of what "first" or "last" (a modifier) stands before, and the topic words
    #: read before it in its clause, as `ordinal_of` and `leading` are for an ordinal.
    end_of: tuple[str, ...] = ()
    end_leading: tuple[str, ...] = ()
    #: "What are relations between Velusia and Calvera *like*?": what something is like,
    #: a judgement no fact gives.
    evaluative: bool = False
    #: "Which *countries* border …?", "with *other agencies*": the entity types (pack key
    #: `entity_types`) the question asks for, the word that names them as written, and
    #: whether it asks for others than those named (and than the fact base's subject).
    asked_types: tuple[str, ...] = ()
    asked_noun: str | None = None
    #: "*What post* did Masimov hold?", "in *what capacity* …": a `which` word and a word
    #: for someone's post (`title_nouns`), as written: what is asked (Engine._title_asked).
    title_asked: tuple[str, ...] = ()
    #: Words the fact base has only inside names, read alone ("which *king* opened …",
    #: of "King Halvard III"): no topic, but the answer's text must have them.
    name_words: tuple[str, ...] = ()
    #: Such words right after a `which` word ("which *king*", "in which *district*"): what
    #: is asked for, which the answer need not call so, unless it is a person's title.
    name_nouns: tuple[str, ...] = ()
    #: "What did Vučić *give* …?" ("give") or "what did he *receive*", "*was* he awarded"
    #: ("receive"): which side of a giving the one the question is said of is on.
    direction: str | None = None
    asked_other: bool = False

    @classmethod
    def naming(cls, text: str, mentions: tuple[Mention, ...]) -> "Query":
        """A question that only names these ("besides Kosovo": what is set aside)."""
        return cls(text=text, mentions=mentions, intents=frozenset(), modifiers=frozenset(),
                   years=(), months=frozenset(), pronouns=frozenset(), unknown=())

    @property
    def named(self) -> bool:
        """True when the question names anything at all: a topic, a year or a month."""
        return bool(self.mentions or self.years or self.months)


@dataclass
class _Reading:
    """What a run of words says, collected while reading it."""

    mentions: list[Mention] = field(default_factory=list)
    intents: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    pronouns: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    years: list[tuple[int, int]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    company: list[str] = field(default_factory=list)
    bound: list[str] = field(default_factory=list)
    leading: list[str] = field(default_factory=list)
    ordinal_at: int | None = None
    foreign: list[str] = field(default_factory=list)
    name_words: list[str] = field(default_factory=list)
    name_nouns: list[str] = field(default_factory=list)
    social: set[str] = field(default_factory=set)
    scope: set[str] = field(default_factory=set)
    ordinal: int | None = None
    counted: str | None = None
    counted_noun: str | None = None
    nth_day: int | None = None
    role: str | None = None
    role_said: str | None = None
    name_of: str | None = None
    own_first: int | None = None
    end_at: int | None = None
    end_leading: list[str] = field(default_factory=list)


def parse(text: str, index: TermIndex,
          stop_forms: frozenset[tuple[str, ...]] | None = None, synonyms=None) -> Query:
    """Turn a question into a Query; never fails, whatever the text.

    With `stop_forms` (every stop phrase as written, folded), a stop phrase found only
    through its stem is read as the words it is, not skipped: "odgovorio" (answered)
    shares its stem with the stop word "odgovor" (an answer) but is no stop word."""
    parts = _clauses(text)
    votes: Counter[str] = Counter()
    for part in parts:  # the language first, from the words as written
        for item in index.find(part, fuzzy=False):
            if isinstance(item, Match) and item.kind not in ("entity", "demonym"):
                votes.update(item.languages)
    top = max(votes.values(), default=0)
    ours = [code for code, n in votes.items() if n == top] if top else None
    clauses = [found for part in parts if (found := index.find(part, languages=ours))]
    if synonyms is not None:  # words the fact base does not use, read as those it does
        clauses = [synonyms.read(c, ours) for c in clauses]
    grammar_of = index.grammar
    grammar = grammar_of(ours)
    if stop_forms is not None:
        endings = grammar_of(ours).get("verb_endings", frozenset())
        written = frozenset(t.stem for w in grammar_of(ours).get("stops_as_written", ())
                            for t in index.stemming.tokens(w))
        if endings or written:
            clauses = [_stops_as_written(c, stop_forms, endings, written) for c in clauses]
    clauses = [_relatives_of_names(_comparatives_as_written(c, grammar), grammar)
               for c in clauses]
    clauses, excluded = _without_besides(clauses, grammar)
    main = _main_clause(clauses, grammar)
    preamble = [item for clause in clauses[:main] for item in clause]
    body = [item for clause in clauses[main:] for item in clause]
    known = index.knows
    query = _query(text, preamble, body, grammar, votes, known)
    if excluded:
        query = replace(query, besides=_query(text, [], excluded, grammar, votes,
                                              known).mentions)
    if not query.yes_no and any(_words(c[0])[0].folded in grammar.get("yes_no", ())
                                for c in clauses[main + 1:] if c and _words(c[0])):
        # "Nikolić went there in 2015, is that right?"; "my uncle swears Kvale went there
        # in 2003, is that right?": a statement put up for checking, whose words before
        # the first thing it names, none known, are who said it.
        lead = next((k for k, item in enumerate(body) if isinstance(item, Match) and
                     item.kind in ("entity", "demonym", "concept")), 0)
        frame = body[:lead]
        if lead and query.unknown and all(
                isinstance(i, Token) and not i.text[:1].isupper() or  # not a name: "Putin"
                isinstance(i, Match) and (i.kind == "stop" or _words(i)[0].folded in
                                          grammar.get("hearsay_that", ())) for i in frame) \
                and any(isinstance(i, Token) for i in frame):
            preamble, body = preamble + body[:lead], body[lead:]
            query = _query(text, preamble, body, grammar, votes, known)
        query = replace(query, yes_no=True)
    span = _span_halves(text, clauses[:main], clauses[main:], grammar, query, known)
    if span:
        return span
    found = _halves(text, clauses[:main], clauses[main:], grammar, query, known)
    if found:
        # "A before or after B?" asks for a verdict on A; "which came first" for the order.
        halves, flank, than = found
        return replace(query, halves=halves, sequence=flank, than=than)
    return _with_pivot(text, clauses, main, grammar, query, known)


def _without_besides(clauses: list[list], grammar: Grammar) -> tuple[list[list], list]:
    """The clauses with each "besides X" (`besides`: "besides", "except", "apart from")
    cut out, X being the name after it or its run of topic words, and what was cut:
    "which other ships … besides the Silvane Star?" names the ship the answer is not."""
    words = grammar.get("besides", frozenset())
    kept, excluded = [], []
    for clause in clauses:
        at = next((k for k, item in enumerate(clause) if not (
            isinstance(item, Match) and item.kind in ("entity", "demonym")) and
            any(w.folded in words for w in _words(item))), None)
        if at is None:
            kept.append(clause)
            continue
        end = at + 1  # the thing named: up to its name, or its run of topic words
        while end < len(clause) and isinstance(clause[end], Match) and \
                clause[end].kind == "stop":
            end += 1
        while end < len(clause) and not (isinstance(clause[end], Match) and
                                         clause[end].kind in ("stop", "intent")):
            end += 1
            if isinstance(clause[end - 1], Match) and \
                    clause[end - 1].kind in ("entity", "demonym"):
                break
        excluded.extend(clause[at + 1:end])
        kept.append(clause[:at] + clause[end:])
    return [c for c in kept if c] if excluded else clauses, excluded


def _relatives_of_names(found: list, grammar: Grammar) -> list:
    """A stop word for someone (`female`, `male`: "mother", "brother") owned by a name —
    right after it and `owner_after` ("Queen Maren's *mother*") or before `owner_before`
    and it ("the *mother* of Queen Maren") — names that person, whom a fact must state:
    it is read as the word it is (a word of the fact base's texts, else unknown), not
    dropped as the chatter it is elsewhere ("my mother asked me …")."""
    persons = grammar.get("female", frozenset()) | grammar.get("male", frozenset())
    after, before = grammar.get("owner_after", frozenset()), grammar.get("owner_before",
                                                                          frozenset())
    articles = grammar.get("articles", frozenset())

    def name(k: int) -> bool:
        return 0 <= k < len(found) and isinstance(found[k], Match) and \
            found[k].kind == "entity"

    def stop(k: int, words: frozenset[str]) -> bool:
        return 0 <= k < len(found) and isinstance(found[k], Match) and \
            found[k].kind == "stop" and found[k].words[-1].folded in words

    out: list = []
    for k, item in enumerate(found):
        if isinstance(item, Match) and item.kind == "stop" and len(item.words) == 1 and \
                item.words[0].folded in persons and not item.corrected and (
                    stop(k - 1, after) and name(k - 2) or
                    stop(k + 1, before) and (name(k + 2) or stop(k + 2, articles) and
                                             name(k + 3))):
            other = tuple(t for t in item.terms if t.kind != "stop")
            out.extend((Match(other, item.words),) if other else item.words)
        else:
            out.append(item)
    return out


def _comparatives_as_written(found: list, grammar: Grammar) -> list:
    """A comparative word ("longer", Serbian "teži") is a stop word only as written: one
    that merely shares its stem ("težila", weighed) is the word it is."""
    written = grammar.get("comparative", frozenset())
    out: list = []
    for item in found:
        if isinstance(item, Match) and item.kind == "stop" and \
                item.ids == (COMPARATIVE,) and \
                not all(w.folded in written for w in item.words):
            out.extend(item.words)
        else:
            out.append(item)
    return out


def _stops_as_written(found: list, stop_forms: frozenset[tuple[str, ...]],
                      endings: frozenset[str], written: frozenset[str] = frozenset()) -> list:
    # `written`: the stems of the stop words that are stop words only as written
    """A stop word matched by stem alone whose written form is a listed stop word plus an
    ending that makes it another word (the pack's "verb_endings": "odgovor|io", answered,
    not the bot's answer), or another form of a stop word that is one only as written
    (`stops_as_written`: "its *own*", not "who *owns*", "*owned*"), is read as the word
    it is: what else the fact base reads it as (a word of its texts), else unknown; also
    where it was reached as a typo, since a script's stemmer may be another language's
    (Latin "odgovorio" under an English one). Other inflections ("formal|ly") and typos
    corrected into stop words stay stops."""
    out: list = []
    for item in found:
        folded = item.words[0].folded if isinstance(item, Match) else ""
        if isinstance(item, Match) and item.kind == "stop" and len(item.words) == 1 and \
                (folded,) not in stop_forms and (
                    any(folded.endswith(e) and (folded[:-len(e)],) in stop_forms
                        for e in endings) or
                    item.words[0].stem in written):
            other = tuple(t for t in item.terms if t.kind != "stop")
            if other and not item.corrected:
                out.append(Match(other, item.words))
            else:
                out.extend(item.words)
        else:
            out.append(item)
    return out


def _clauses(text: str) -> list[str]:
    """The message cut at clause punctuation; a full stop ends a clause only before a
    capital letter ("…in 1955. What was it?", not "2018. godine") and not after an
    initial ("Rufus T. Firefly")."""
    out: list[str] = []
    for part in _CLAUSE.split(text):
        if not part or not part.strip():
            continue
        pieces = _SENTENCE.split(part)
        current = pieces[0]
        for piece in pieces[1:]:
            initial = _INITIAL.search(current)
            if piece[:1].isupper() and not (initial and initial.group(1).isupper()):
                out.append(current)
                current = piece
            else:
                current += " " + piece
        out.append(current)
    return out


def _main_clause(clauses: list[list], grammar: Grammar) -> int:
    """Index of the clause the question starts in: the last one that asks (ends in "?",
    or holds a question word), widened backwards while it names nothing of its own."""
    if len(clauses) < 2:
        return 0
    asking = [i for i, c in enumerate(clauses) if _asks(c, grammar)]
    main = asking[-1] if asking else len(clauses) - 1
    while main > 0 and not any(_names(item) for item in clauses[main]):
        main -= 1
    return main


def _asks(clause: list, grammar: Grammar) -> bool:
    first = _words(clause[0]) if clause else ()
    return any(isinstance(i, Match) and i.kind == "intent" for i in clause) or \
        bool(first and first[0].folded in grammar.get("yes_no", ()))


def _names(item: Match | Token) -> bool:
    if isinstance(item, Token):
        return bool(_YEAR.match(item.folded)) or item.text[:1].isupper()
    return item.kind in ("entity", "demonym", "concept", "word", "month", "outside")


def _query(text: str, preamble: list, body: list, grammar: Grammar,
           votes: Counter[str], known=lambda token: False) -> Query:
    """Read the preamble for what it names only, and the main clause for everything."""
    r = _Reading()
    _read(_drop_hearsay(preamble, grammar), grammar, r, chatter=True)
    _read(_drop_hearsay(body, grammar), grammar, r, chatter=False, known=known)
    years = r.years
    if len(years) == 2 and years[0][0] == years[0][1] and years[1][0] == years[1][1] \
            and _says_range(body, grammar):
        years = [(min(years[0][0], years[1][0]), max(years[0][0], years[1][0]))]
    first = _words(body[0]) if body else ()
    opening = _words(preamble[0] if preamble else body[0]) if preamble or body else ()
    continues = bool(opening) and opening[0].folded in grammar.get("continuation", ()) or \
        any(w.folded in grammar.get("continuation_particle", ())
            for item in body for w in _words(item))
    if continues and len(opening) == 1 and len(body) > 1 and not preamble:
        first = _words(body[1])  # "and did Tokayev get anything?"
    polite = bool(body) and isinstance(body[0], Match) and body[0].kind == "stop" and \
        len(first) > 1  # "could you tell me how much …?" asks how much, not whether
    yes_no = bool(first and first[0].folded in grammar.get("yes_no", ()) and not polite) or any(
        w.folded in grammar.get("yes_no_particle", ()) for item in body for w in _words(item))
    plain = grammar.get("profile", frozenset())
    bare = all(isinstance(i, Match) and i.kind in ("entity", "demonym") or
               all(w.folded in plain for w in _words(i)) for i in body)
    asked = _asked_kind(body, grammar)
    said = [w.folded for item in body for w in _words(item)]
    evaluative = bool(said and said[-1] in grammar.get("evaluative_end", ()) and
                      isinstance(body[0], Match) and body[0].kind == "intent")
    if not r.intents - {"what"} and _measure_named(body, grammar):
        r.intents.add("measure")  # "What is the *area of* Astana?" asks a measure of it
    return Query(text=text, mentions=tuple(_dedupe(r.mentions)), intents=frozenset(r.intents),
                 modifiers=frozenset(r.modifiers), years=tuple(years),
                 months=frozenset(r.months), pronouns=frozenset(r.pronouns),
                 unknown=tuple(r.unknown), foreign=tuple(r.foreign),
                 votes=tuple(votes.most_common()), social=frozenset(r.social),
                 scope=frozenset(r.scope), ordinal=r.ordinal, yes_no=yes_no,
                 bare=bare, counted=r.counted, counted_noun=r.counted_noun,
                 measured_word=_measured_word(body),
                 nth_day=r.nth_day,
                 continues=continues, name_of=r.name_of,
                 duration=any(w.folded in grammar.get("duration", ()) or
                              w.stem in grammar.get("duration", ())
                              for item in body for w in _words(item)),
                 role=r.role, role_said=r.role_said, company=tuple(r.company), bound=tuple(dict.fromkeys(r.bound)),
                 leading=tuple(dict.fromkeys(r.leading)),
                 ordinal_of=_ordinal_of(r.mentions, r.ordinal_at),
                 other=any(w.folded in grammar.get("other", ()) for item in body
                           for w in _words(item)),
                 become=any(w.folded in grammar.get("become", ()) for item in body
                            for w in _words(item)),
                 universal=any(w.folded in grammar.get("universal", ()) for item in body
                               for w in _words(item)),
                 asked_types=asked[0], asked_noun=asked[1], asked_other=asked[2],
                 title_asked=_title_asked(body, grammar), name_words=tuple(r.name_words),
                 name_nouns=tuple(r.name_nouns), direction=_direction(said, grammar),
                 evaluative=evaluative,
                 own_first=r.mentions[r.own_first].ids if r.own_first is not None and
                 r.own_first < len(r.mentions) else (),
                 end_of=r.mentions[r.end_at].ids if r.end_at is not None and
                 r.end_at < len(r.mentions) else (),
                 end_leading=tuple(dict.fromkeys(r.end_leading)))


def _measure_named(found: list, grammar: Grammar) -> bool:
    """"*What is the area of* Astana?", "what was the length of the tunnel?", "Какова
    площадь Астаны?", "Астананың ауданы қандай?": a question whose words, grammar words
    aside, open with "what" (or a `which` word) and then a word of a measure (the packs'
    `measures`) that an owner word ("of") or a name follows, or end with a name, such a
    word and "what", asks that measure of what it names."""
    measures, of = grammar.get("measure_words", frozenset()), grammar.get("owner_before",
                                                                          frozenset())

    def what(item) -> bool:
        return isinstance(item, Match) and item.kind == "intent" and "what" in item.ids \
            or bool(_words(item)) and _words(item)[0].folded in grammar.get("which", ())

    def measure(item) -> bool:
        return bool(_words(item)) and _words(item)[-1].folded in measures

    def name(item) -> bool:
        return isinstance(item, Match) and item.kind in ("entity", "demonym")

    content = [(k, item) for k, item in enumerate(found)
               if not (isinstance(item, Match) and item.kind == "stop")]
    if len(content) < 3:
        return False
    (_, a), (at, b), (_, c) = content[:3]
    if what(a) and measure(b) and (name(c) or at + 1 < len(found) and
                                   _words(found[at + 1])[:1] and
                                   _words(found[at + 1])[0].folded in of):
        return True
    (_, a), (_, b), (_, c) = content[-3:]
    return name(a) and measure(b) and what(c)


def _measured_word(found: list) -> str | None:
    """"How much *power* …": a word of no topic right after the words that ask a
    measure, as written."""
    for item, after in zip(found, found[1:]):
        if isinstance(item, Match) and item.kind == "intent" and "measure" in item.ids and \
                isinstance(after, Match) and after.kind == "word":
            return after.text
    return None


def _direction(said: list[str], grammar: Grammar) -> str | None:
    """"give" for "what did Vučić *give* …?", "receive" for "what did he *receive*?" and
    for a giving word made passive ("*was* Vučić *awarded* …"); None for neither."""
    if any(w in grammar.get("receiving", ()) for w in said):
        return "receive"
    if any(w in grammar.get("giving", ()) for w in said):
        passive = grammar.get("passive_auxiliary", frozenset())
        return "receive" if any(w in passive for w in said) else "give"
    return None


def _title_asked(found: list, grammar: Grammar) -> tuple[str, ...]:
    """"*What post* did Masimov hold?", "*Какую должность* …", "in *what capacity* …": a
    `which` word right before a word of `title_nouns` asks for someone's post."""
    which, nouns = grammar.get("which", frozenset()), grammar.get("title_nouns", frozenset())
    for item, after in zip(found, found[1:]):
        said, then = _words(item), _words(after)
        if said and then and said[-1].folded in which and then[0].folded in nouns:
            return item.text, after.text
    return ()


def _ordinal_of(mentions: list[Mention], at: int | None) -> tuple[str, ...]:
    """The ids of what an ordinal counts: the first thing named after it, past a
    country or a name that owns it ("the third *Serbian* president": presidents)."""
    if at is None or at >= len(mentions):
        return ()
    while at + 1 < len(mentions) and mentions[at].kind == "entity" and \
            mentions[at].role == "owner" and mentions[at + 1].kind == "concept":
        at += 1
    return mentions[at].ids


def _asked_kind(found: list, grammar: Grammar) -> tuple[tuple[str, ...], str | None, bool]:
    """"Which countries border …?", "what companies …", "which other territories …",
    "agreements with other agencies": a `which` word or an `other` word right before a
    word that names a type of entity (the pack's `entity_types`, read as grammar jobs
    "type:TYPE"), nationalities or "other" between, asks for entities of that type.
    Returns the types, the word as written, and whether others are asked for."""
    types = {job[5:]: words for job, words in grammar.items() if job.startswith("type:")}
    which, other = grammar.get("which", frozenset()), grammar.get("other", frozenset())
    for pos, item in enumerate(found):
        words = _words(item)
        if not words or words[0].folded not in which | other or \
                isinstance(item, Match) and item.kind == "intent" and len(words) > 1:
            continue  # "which city" asks "where" already
        before = _words(found[pos - 1])[-1:] if pos else ()
        if words[0].folded not in which and before and \
                before[0].folded in grammar.get("articles", ()):
            continue  # "the other country": one of those named, not others
        others = words[-1].folded in other
        at = pos + 1
        while at < len(found) and (isinstance(found[at], Match) and
                                   found[at].kind == "demonym" or
                                   _words(found[at])[:1] and
                                   _words(found[at])[0].folded in other):
            others = others or _words(found[at])[0].folded in other
            at += 1  # "which Serbian companies", "which other territories"
        if at >= len(found) or not (words[0].folded in which or others):
            continue
        noun = _words(found[at])[-1] if _words(found[at]) else None
        asked = tuple(sorted(t for t, ws in types.items()
                             if noun and (noun.folded in ws or noun.stem in ws)))
        if asked:
            return asked, noun.text, others
    return (), None, False


def _read(found: list, grammar: Grammar, r: _Reading, chatter: bool,
          known=lambda token: False) -> None:
    """Collect what the words say into `r`. In `chatter` (a preamble) only what they name
    counts: unknown words, small talk and time words there are not the question's."""
    last_entity = -9
    start = len(r.mentions)  # what this run of words names, for "its" to stand for
    own = _askers_own(found, grammar)
    for pos, item in enumerate(found):
        if pos in own:
            continue
        if isinstance(item, Token):
            if not chatter and r.counted == "" and _after_how_many(found, pos) and \
                    not item.folded.isdigit():
                # "How many *spectators* …" in a word no fact uses: what is counted is
                # a unit no text states a number of, not the next topic named.
                r.counted = UNIT + item.stem
            m = _YEAR.match(item.folded)
            if m:
                first = int(m.group(1))
                r.years.append((first, int(m.group(2) or first)))
            elif item.folded.isdigit():
                continue  # a day of a month, a number: no topic ("the one with 5 ministers")
            elif not chatter and pos > 0 and item.folded in grammar.get("company", ()):
                r.company.append(item.text)
            elif not chatter and not _is_possessive_s(found, pos, grammar) \
                    and not (known(item) and not item.text[:1].isupper()):
                # A capitalised word inside the sentence is a name: one we don't know.
                (r.foreign if pos > 0 and item.text[:1].isupper() else r.unknown).append(item.text)
            elif not chatter and known(item) and not item.text[:1].isupper():
                # "who was the *king* …", "which *king* …": see Query.name_words
                asked = pos and _words(found[pos - 1])[-1:] and \
                    _words(found[pos - 1])[-1].folded in grammar.get("which", ())
                (r.name_nouns if asked else r.name_words).append(item.text)
            continue
        kind = item.kind
        if item.general and not chatter and r.counted == "" and _after_how_many(found, pos):
            # "How many *fatalities* …" read as "killed": a number the text states of
            # the word itself, not the facts of what it was read as.
            r.counted = UNIT + _words(item)[-1].stem
        if kind == "outside":
            r.foreign.append(item.text)
        elif kind in ("entity", "demonym"):
            owner = kind == "demonym" or _is_possessive_s(found, pos + 1, grammar) \
                or _follows(found, pos, grammar, "owner_before") \
                or _ends_owning(item, grammar)
            role = "owner" if owner else "place" if _follows(found, pos, grammar, "place_before") \
                else "agent" if _follows(found, pos, grammar, "agent_before") else "any"
            mention = Mention("entity", item.ids, item.text, role, synonym=item.synonym)
            if _follows(found, pos, grammar, "alternative") and last_entity == pos - 2 \
                    and r.mentions and r.mentions[-1].kind == "entity":
                # "Tokayev or Nazarbayev": one mention that either of them answers.
                previous = r.mentions.pop()
                mention = replace(previous, ids=tuple(dict.fromkeys(previous.ids + item.ids)),
                                  text=f"{previous.text} / {item.text}", choice=True)
            r.mentions.append(mention)
            last_entity = pos
        elif r.counted == "" and kind in ("word", "ordinal") and _after_how_many(found, pos):
            # "How many seconds…", "how many minutes…": a unit whose number the text
            # states ("40 seconds after liftoff"), not a topic nor "the second".
            r.counted = UNIT + _words(item)[-1].stem
        elif kind in ("concept", "word"):
            # "the Polaris 1 satellite": an article, a name, the concept ("did Lindqvist
            # say" is a verb after a name)
            apposed = kind == "concept" and last_entity == pos - 1 and pos > 1 and \
                isinstance(found[pos - 1], Match) and found[pos - 1].kind == "entity" and \
                any(w.folded in grammar.get("articles", ()) for w in _words(found[pos - 2]))
            r.mentions.append(Mention(kind, item.ids, item.text, soft=chatter,
                                      apposed=apposed, synonym=item.synonym))
            before = [b for b in found[:pos] if not (isinstance(b, Match) and b.kind == "stop")]
            if not chatter and r.name_of is None and before and \
                    isinstance(before[-1], Match) and before[-1].kind == "intent" and \
                    "name" in before[-1].ids:
                r.name_of = item.ids[0]  # "the name of the group": a group is named
            owners = frozenset(k for k in range(pos) if isinstance(found[k], Match) and
                               found[k].kind == "entity" and
                               _is_possessive_s(found, k + 1, grammar))
            if kind == "concept" and r.role is None and _after_who_is(found, pos, owners=owners):
                r.role = item.ids[0]
                if _after_who_is(found, pos, grammar.get("profile", frozenset()),
                                 grammar.get("articles", frozenset())):
                    r.role_said = item.text
            if r.counted == "" and kind == "concept" and r.counted_noun is None:
                r.counted = item.ids[0]
        elif kind == "intent":
            joining = grammar.get("conjunction_intents", frozenset())
            if r.intents and r.mentions and set(item.ids) <= joining:
                continue  # "who was PM *when* Nazarbayev visited?": "when" joins, not asks
            r.intents.update(item.ids)
            if "how_many" in item.ids and r.counted is None:
                r.counted = ""  # the next topic named is what is counted
        elif kind in ("ordinal", "modifier") and not chatter and pos + 1 < len(found) and \
                (kind == "ordinal" or "first" in item.ids) and \
                isinstance(found[pos + 1], Match) and found[pos + 1].kind == "stop" and \
                _words(found[pos + 1])[0].folded in grammar.get("days", ()):
            # "the second (first) day of the visit": a day of it, not the n-th of events
            r.nth_day = int(item.ids[0]) if kind == "ordinal" else 1
        elif kind == "modifier" and "measure" in r.intents and pos == len(found) - 1 and \
                all(w.folded in grammar.get("duration", ()) for w in _words(item)):
            pass  # "how long did the visit *last*?": a verb of duration, not the latest
        elif kind == "modifier":
            r.modifiers.update(item.ids)
            if not chatter and "first" in item.ids and pos > 0 and \
                    _words(found[pos - 1])[-1:] and \
                    _words(found[pos - 1])[-1].folded in grammar.get("possessive", ()):
                r.own_first = len(r.mentions)  # "its first rocket": what comes next
            if not chatter and {"first", "latest"} & set(item.ids) and r.end_at is None and \
                    pos > 0 and _words(found[pos - 1])[-1:] and \
                    _words(found[pos - 1])[-1].folded in grammar.get("articles", ()) and \
                    pos + 1 < len(found) and isinstance(found[pos + 1], Match) and \
                    found[pos + 1].kind in ("entity", "concept", "demonym", "word"):
                # "the first Business Forum", not "relations first began" nor "the
                # first to visit Belgrade" (the first person to)
                r.end_leading = [i for m in r.mentions[start:] if m.kind in ("concept", "word")
                                 and not m.soft for i in m.ids]
                r.end_at = len(r.mentions)
        elif kind == "pronoun":
            r.pronouns.update(item.ids)
            if not chatter and _words(item)[-1].folded in grammar.get("possessive", ()):
                # "Estavia … its embassy": a name before it in the clause may be its owner.
                r.bound.extend((kind_, i) for kind_ in item.ids for m in r.mentions[start:]
                               if m.kind in ("entity", "concept") for i in m.ids)
        elif kind == "month":
            r.months.update(int(i) for i in item.ids)
        elif kind == "ordinal":
            r.ordinal = int(item.ids[0])
            if not chatter:
                r.leading = [i for m in r.mentions[start:] if m.kind in ("concept", "word")
                             and not m.soft for i in m.ids]
                r.ordinal_at = len(r.mentions)
        elif kind == "stop" and r.counted == "" and _words(item)[0].folded in \
                grammar.get("people", ()):
            r.counted = PEOPLE  # "how many people …": persons, not events
        elif kind == "stop" and r.counted == "" and _words(item)[0].folded in \
                grammar.get("days", ()) | grammar.get("years", ()):
            # "how many days/years …": a span, which dates give
            r.counted = DAYS if _words(item)[0].folded in grammar.get("days", ()) else YEARS
        elif kind == "stop" and r.counted == "" and r.counted_noun is None and \
                _after_how_many(found, pos):
            r.counted_noun = _words(item)[-1].stem  # "how many companies …"
        elif chatter:
            continue
        elif kind == "social":
            r.social.update(item.ids)
        elif kind == "scope":
            auxiliary = len(item.words) == 1 and \
                item.words[0].folded in grammar.get("scope_auxiliary", ())
            # "Will he…?", "How many flats will it have?", not "who said it will…".
            if not auxiliary or not any(isinstance(i, Match) and i.kind in ("entity", "demonym")
                                        for i in found[:pos]):
                r.scope.update(item.ids)


def _after_how_many(found: list, pos: int) -> bool:
    """The word right after "how many"."""
    before = found[pos - 1] if pos > 0 else None
    return isinstance(before, Match) and before.kind == "intent" and "how_many" in before.ids


def _after_who_is(found: list, pos: int, copula: frozenset[str] | None = None,
                  articles: frozenset[str] = frozenset(),
                  owners: frozenset[int] = frozenset()) -> bool:
    """"Who was the (Serbian) president …": the concept follows "who" with nothing but
    grammar words and nationalities between. With `copula` (the words of "who is X?"),
    only where those between are all such words, an article among them: "who was *the*
    first ambassador" says what someone is; "who made the first spacewalk", "who is
    building it", Serbian "ko je otpevao" ("is" may be an auxiliary) do not. `owners`:
    the positions of names an owner's "'s" follows ("who was Norland's prime minister"),
    which stand there as a nationality does."""
    said = False
    for at in range(pos - 1, -1, -1):
        item = found[at]
        if not isinstance(item, Match):
            return False
        if item.kind == "intent":
            # (a language with no articles says what someone is with the word right
            # after "who": Russian "кто *скульптор* бюста?")
            return "who" in item.ids and (copula is None or said or
                                          not articles and at == pos - 1)
        if at in owners and copula is None:
            continue
        if item.kind not in ("stop", "demonym", "ordinal", "modifier"):
            return False  # "who was the (second, first) …"
        if copula is not None and item.kind == "stop":
            if not all(w.folded in copula for w in item.words):
                return False
            said = said or any(w.folded in articles for w in item.words)
    return False


def _askers_own(found: list, grammar: Grammar) -> set[int]:
    """Positions of what the asker calls their own ("hello *my friend*", "*my friend Anna*
    asked …"): a word after `asker_own` that is no name, and a name the fact base does
    not know right after it. No fact is about them."""
    mine = grammar.get("asker_own", frozenset())
    out: set[int] = set()
    for pos in range(1, len(found)):
        words = _words(found[pos - 1])
        item = found[pos]
        if not (words and words[-1].folded in mine) or \
                isinstance(item, Match) and item.kind not in ("concept", "word"):
            continue
        out.add(pos)
        after = found[pos + 1] if pos + 1 < len(found) else None
        if isinstance(after, Token) and after.text[:1].isupper():
            out.add(pos + 1)
    return out


def _drop_hearsay(found: list, grammar: Grammar) -> list:
    """"my dad says …", "my teacher mentioned that …": who told the asker is not part of
    the question. Words before a hearsay word that name nothing and ask nothing go, with
    the hearsay word and a "that" after it."""
    for pos, item in enumerate(found):
        words = _words(item)
        if not (words and words[0].folded in grammar.get("hearsay", ())):
            continue
        before = found[:pos]
        opening = next((i for i in before if not (isinstance(i, Match) and i.kind == "stop")),
                       None)
        if not before or any(isinstance(i, Match) and i.kind in ("entity", "demonym")
                             for i in before) or \
                isinstance(before[-1], Match) and before[-1].kind == "pronoun" and \
                any(isinstance(i, Match) and i.kind == "intent" for i in before) or \
                isinstance(opening, Match) and opening.kind == "intent" and \
                set(opening.ids) - {"what"}:
            # "Who said…", "Masimov said…", "what *he* asked": the saying is the question;
            # "a friend *who* studies economics wants to know…": a question word after
            # the teller is not.
            return found
        rest = found[pos + 1:]
        while rest and _words(rest[0]) and \
                _words(rest[0])[0].folded in grammar.get("hearsay_that", ()):
            rest = rest[1:]
        if not any(isinstance(i, Match) and i.kind in ("entity", "demonym", "concept")
                   for i in rest):
            return found  # "what did the article say?": nothing after it to ask
        return rest
    return found


def _halves(text: str, preamble: list[list], body: list[list], grammar: Grammar,
            query: Query, known) -> tuple[tuple[Query, Query], str | None, bool] | None:
    """"Which came first, A or B?", "Did A happen before or after B?": the two events,
    each read with what the rest of the question says (the clauses around them)."""
    # "Which is *longer*, A or B?", "is A longer *than* B?": two things, each with a
    # number of what the comparative word measures.
    comparing = any(w.folded in grammar.get("comparative", ()) for c in (*preamble, *body)
                    for i in c for w in _words(i))
    if not ({"first", "latest"} & query.modifiers or comparing or
            any(_is_sequence(i) for c in body for i in c)):
        return None
    than = grammar.get("than", frozenset()) if comparing else frozenset()
    splitting = grammar.get("alternative", frozenset()) | than
    for ci, clause in enumerate(body):
        for pos, item in enumerate(clause):
            words = _words(item)
            if not (len(words) == 1 and words[0].folded in splitting):
                continue
            left, right = clause[:pos], clause[pos + 1:]
            joined, lead = ci, preamble
            if not pos and words[0].folded in than and (ci or preamble):
                # "A короче, чем B?": A is the clause before the comma
                if ci:
                    left, joined = body[ci - 1], ci - 1
                else:
                    left, lead = preamble[-1], preamble[:-1]
            # "before or after": the words around "or" ask; they belong to neither event.
            flank = left[-1].ids[0] if left and _is_sequence(left[-1]) else None
            while left and _is_sequence(left[-1]):
                left = left[:-1]
            while right and _is_sequence(right[0]):
                right = right[1:]
            if not any(_names(i) for i in left) or not any(_names(i) for i in right):
                continue
            shared = [i for c in (*lead, *body[:joined], *body[ci + 1:]) for i in c]
            return (replace(_query(text, [], shared + left, grammar, Counter(), known),
                            said=_own_words(text, left)),
                    replace(_query(text, [], shared + right, grammar, Counter(), known),
                            said=_own_words(text, right))), flank, words[0].folded in than
    return None


def _own_words(text: str, items: list) -> str:
    """A half's words as the question writes them, without the question's words and
    grammar around them ("Is *the New Greyfell Tunnel* longer": "New Greyfell Tunnel")."""
    def framing(item) -> bool:
        return isinstance(item, Match) and item.kind in ("stop", "intent", "modifier")
    start, end = 0, len(items)
    while start < end and framing(items[start]):
        start += 1
    while end > start and framing(items[end - 1]):
        end -= 1
    words = [w.text for item in items[start:end] for w in _words(item)]
    found = re.search(r"\W+".join(map(re.escape, words)), text) if words else None
    return found.group(0) if found else " ".join(words)


def _span_halves(text: str, preamble: list[list], body: list[list], grammar: Grammar,
                 query: Query, known) -> Query | None:
    """"How many years passed between A and B?" (or "A and B between", where the word
    follows), "How many years after A was B?", "How long after A did B happen?": the two
    events, each read with the other clauses, without the words that ask ("how many
    years", "passed"); None when the question is not of that shape."""
    if not body:
        return None
    clause = body[0]
    frame = grammar.get("span_frame", frozenset())

    def first(item) -> str:
        words = _words(item)
        return words[0].folded if len(words) == 1 else ""

    def asks(item) -> bool:
        return isinstance(item, Match) and item.kind == "intent" or first(item) in frame \
            or first(item) in grammar.get("days", ()) | grammar.get("years", ())

    unit = query.counted if query.counted in (DAYS, YEARS) else None
    how_long = [pos for pos, item in enumerate(clause) if isinstance(item, Match)
                and item.kind == "intent" and "measure" in item.ids]
    shared = [i for c in (*preamble, *body[1:]) for i in c]
    left = right = None
    order = None
    between = [p for p, i in enumerate(clause) if first(i) in grammar.get("span_between", ())]
    joins = [p for p, i in enumerate(clause) if first(i) in grammar.get("span_and", ())]
    if unit and len(between) == 1 and len(joins) == 1:
        b, j = between[0], joins[0]
        if b < j:  # "between A and B"
            left, right = clause[b + 1:j], clause[j + 1:]
        else:  # Kazakh "A мен B арасында": the word after both
            left, right = clause[:j], clause[j + 1:b]
    elif (unit or how_long) and not between:
        # "how many years / how long after A did B …": the sequence word right after what
        # asks, the event it names up to the verb's auxiliary, and the other event after.
        s = 0  # past what asks at the start: "how many years", "how long"
        while s < len(clause) and asks(clause[s]):
            s += 1
        if 0 < s < len(clause) and _is_sequence(clause[s]):
            aux = [p for p in range(s + 1, len(clause))
                   if first(clause[p]) in grammar.get("span_auxiliary", ())]
            if len(aux) == 1:
                left, right = clause[s + 1:aux[0]], clause[aux[0] + 1:]
                order = clause[s].ids[0]  # type: ignore[union-attr]
                unit = unit or YEARS
    if left is None or right is None:
        return None
    left = [i for i in left if not asks(i)]
    right = [i for i in right if not asks(i)]
    if not any(_names(i) for i in left) or not any(_names(i) for i in right):
        return None
    halves = (_query(text, [], shared + left, grammar, Counter(), known),
              _query(text, [], shared + right, grammar, Counter(), known))
    if halves[0].unknown or halves[1].unknown:
        return None  # a word we do not know in an event: not read as one
    said = {item.text for item in clause if first(item) in frame}  # "passed": asks
    return replace(query, halves=halves, span=unit, span_order=order, sequence=None,
                   unknown=tuple(u for u in query.unknown if u not in said))


def _with_pivot(text: str, clauses: list[list], main: int, grammar: Grammar,
                query: Query, known) -> Query:
    """"Which visit came right before Tokayev's trip?", "and the one before that?": the
    first "before"/"after" word and what it names up to the end of its clause."""
    # "after X", "before X" name the pivot; "the next president", "the previous one" name
    # what is asked, next to the last answer. The first pivot word wins.
    targets = grammar.get("sequence_target", frozenset())
    order = sorted(((ci, pos) for ci, clause in enumerate(clauses)
                    for pos, item in enumerate(clause) if _is_sequence(item)),
                   key=lambda cp: _words(clauses[cp[0]][cp[1]])[0].folded in targets)
    if query.counted and query.counted.startswith(UNIT):
        return query  # "how many seconds after liftoff…": a number the text states
    for ci, pos in order:
        clause, item = clauses[ci], clauses[ci][pos]
        if _words(item)[0].folded in targets:
            if ci < main:
                continue
            return replace(query, sequence=item.ids[0], pivot=None)  # type: ignore[union-attr]
        direction = item.ids[0]  # type: ignore[union-attr]
        pivot_items = [i for i in clause[pos + 1:] if not _is_sequence(i)]
        rest = [i for c in clauses[:ci] for i in c] + clause[:pos] + \
            [i for c in clauses[ci + 1:] for i in c]
        if ci < main:
            rest = [i for c in clauses[main:] for i in c]
        if ci < main and pivot_items and \
                _words(pivot_items[0])[0].folded in grammar.get("speakers", ()):
            # "before I forget, …": the asker's own clause, which names nothing asked
            # and is no question about order
            clauses = clauses[:ci] + clauses[ci + 1:]
            main -= 1
            query = replace(_query(text, [i for c in clauses[:main] for i in c],
                                   [i for c in clauses[main:] for i in c], grammar,
                                   Counter(dict(query.votes)), known),
                            yes_no=query.yes_no)
            return _with_pivot(text, clauses, main, grammar, query, known)
        pivot = _query(text, [], pivot_items, grammar, Counter(), known)
        if not pivot.named and ci < main:
            continue  # "before I forget, …": chatter, not a question about order
        if not pivot.named:
            return replace(query, sequence=direction, pivot=None)
        outer = _query(text, [], rest, grammar, Counter(), known)
        return replace(outer, votes=query.votes, sequence=direction, pivot=pivot,
                       social=query.social, scope=query.scope,
                       unknown=query.unknown, foreign=query.foreign)
    return query


def _is_sequence(item: Match | Token) -> bool:
    return isinstance(item, Match) and item.kind == "sequence"


def with_context(query: Query, context: Context, is_person=None) -> Query:
    """Resolve "he", "that" and bare follow-ups ("Why?") against the previous answer.

    With `is_person` (Mention → bool), "he" is the previous person unless the question
    names a person itself: "was he in Corvena again?" names a place, and the visit must
    still be his."""
    mentions = list(query.mentions)
    has_entity = any(m.kind == "entity" for m in mentions)
    named_person = any(is_person(m) for m in mentions) if is_person else has_entity
    if "person" in query.pronouns and context.person and not named_person:
        mentions.append(Mention("entity", (context.person,), "(previous person)"))
    bare = not mentions and not query.years and not query.months
    if context.facts and ("thing" in query.pronouns or
                          ("place" in query.pronouns and not has_entity and not mentions) or
                          (bare and (query.intents or query.modifiers))):
        mentions.append(Mention("context", context.facts, "(previous answer)"))
    if len(mentions) == len(query.mentions):
        return query
    return replace(query, mentions=tuple(mentions))


def _words(item: Match | Token | None) -> tuple[Token, ...]:
    return item.words if isinstance(item, Match) else (item,) if item else ()


def _ends_owning(item: Match, grammar: Grammar) -> bool:
    """A name with a genitive ending (`owner_endings`: Kazakh "Қазақстан|ның елшілігі",
    Kazakhstan's embassy) names the owner."""
    last = item.words[-1].folded
    return any(last.endswith(e) and len(last) > len(e) + 2
               for e in grammar.get("owner_endings", ()))


def _is_possessive_s(found: list, pos: int, grammar: Grammar) -> bool:
    """'s after a name: "Kazakhstan's embassy" names the owner."""
    words = _words(found[pos] if 0 <= pos < len(found) else None)
    return len(words) == 1 and words[0].folded in grammar.get("owner_after", ())


def _follows(found: list, pos: int, grammar: Grammar, job: str) -> bool:
    """True when the word before is one with this grammatical job: "embassy *of* Serbia"
    names the owner, "opened *in* Serbia" the place."""
    words = _words(found[pos - 1] if pos > 0 else None)
    return bool(words) and words[-1].folded in grammar.get(job, ())


def _says_range(found: list, grammar: Grammar) -> bool:
    """"between 2010 and 2016", "from 2010 to 2016": two years that bound a range."""
    return any(w.folded in grammar.get("range", ()) for item in found for w in _words(item))


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[str, tuple[str, ...]], Mention] = {}
    for m in mentions:
        key = (m.kind, m.ids)
        if key not in seen or m.role == "owner":
            seen[key] = m
    return list(seen.values())
