"""Synonyms: a question's word the fact base does not use, read as a word of the same
meaning that it does use.

The language packs list groups of words and phrases that mean the same in ordinary
language (`synonyms`: "skipper", "captain", "commander"); a fact base's languages/*.yaml
may add groups. At build time each group is looked up once in the phrase index: its
first member the fact base knows as a concept cue or a name written so (not through a
stem another word shares), else as a plain word of its texts, is what the group's other
members are read as; where a member is a topic the fact base says it has nothing about
(`outside`), the others are too. The result is one small map, phrase of stems → what to read it as,
holding only members the fact base does not know at all.

A general word often stands for a more specific one the fact base uses instead: a
"monarch" is a king or a queen, a "decoration" an order or a medal. The packs' `kinds`
say so, directed: group id → the specific words and phrases. A synonyms group of the
same id gives the general words (else the id itself, as words); when the fact base knows
none of them, they are read as every one of the kinds it does know, at once (the
question's "monarch" holds for a fact of a king and for one of a queen), and never the
other way round: a "king" is not read as any monarch.

A question is read as usual first; then a run of words that is such a member, and that
the index left unread (unknown, or only guessed as a typo of another word), is replaced
by the member's reading, marked as a synonym: it weighs a little less than the word
itself (`SYNONYM` in engine/weights.py) and must hold like any other. A stop word, a
question word, a name or any word the fact base knows is never re-read, except a word it
knows only through a concept cue of the same stem that no member of the group is written
as ("headed", where the cue is the tunnel's "headings"): that is another word.
"""
from __future__ import annotations

from typing import Iterable

from .matching import Match, Term, TermIndex
from .model import KnowledgeBase
from .text import Token

#: Kinds of meaning a member may be read as: a topic the fact base says it has nothing
#: about ("outside": the question is declined), a name, a concept, a word of its texts.
_STRONG = ("entity", "concept")
_TARGETS = ("outside", *_STRONG, "word")


class Synonyms:
    """Phrase (stems) → (language, parts to read it as) for each language that has it
    (Russian and Kazakh share a script and a stemmer): each part the meanings of one
    phrase the fact base knows."""

    __slots__ = ("_map", "_longest", "_starts", "_shadowed", "_country_of", "_countries",
                 "_listed")

    def __init__(self, index: TermIndex, kb: KnowledgeBase) -> None:
        self._map: dict[tuple[str, ...],
                        tuple[tuple[str, tuple[tuple[Term, ...], ...], bool], ...]] = {}
        #: One word known only as a concept cue another word shares its stem with
        #: ("headed" and the cue "headings"): (stem, language) → (the group's words as
        #: written, what to read them as).
        self._shadowed: dict[tuple[str, str], tuple[frozenset[str],
                                                    tuple[tuple[Term, ...], ...]]] = {}
        written = _Written(index, kb)
        #: The one-word members of every group, as written (folded): words of the
        #: language, never typos of another word ("funded" is not "founded").
        self._listed: frozenset[str] = frozenset(
            w.folded for lang in kb.languages.values()
            for members in (lang.vocabulary.get("synonyms") or {}).values()
            for member in members if " " not in member.strip()
            for w in index.stemming.tokens(member))
        for code, lang in kb.languages.items():
            groups = lang.vocabulary.get("synonyms") or {}
            kinds = lang.vocabulary.get("kinds") or {}
            for gid, members in groups.items():
                self._add_group(index, written, code, members, kinds.get(gid, ()))
            for gid, specific in kinds.items():
                if gid not in groups:
                    self._add_group(index, written, code, (gid.replace("_", " "),), specific)
        #: The people read through a title in their name, with their country; the
        #: countries: "the monarch *of Calvia*" is none of another country's kings.
        self._country_of = {pid: kb.entities[pid].country for ids in written.titles().values()
                            for pid in ids}
        self._countries = frozenset(e.id for e in kb.entities.values() if e.type == "country")
        self._longest = max((len(k) for k in self._map), default=0)
        #: The first stems of those phrases: most words of a question start none.
        self._starts = frozenset(k[0] for k in self._map)

    def __len__(self) -> int:
        return len(self._map)

    def _add_group(self, index: TermIndex, written: "_Written", code: str,
                   members: Iterable[str], kinds: Iterable[str] = ()) -> None:
        # Members of one stem ("return", "returned") are one key; the fact base may
        # know it as any of them written so ("returned" a cue, "return" not).
        keyed: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for member in members:
            words = index.stemming.tokens(member)
            if words:
                keyed.setdefault(tuple(w.stem for w in words), []).append(
                    tuple(w.folded for w in words))
        readings = [(key, next((r for folded in forms
                                if (r := _reading(index, written, code, key, folded))), None))
                    for key, forms in keyed.items()]
        known = [r for _, r in readings if r]
        # A general word the fact base knows in none of its forms: its kinds it knows.
        target = _best(known) if known else _kinds(index, written, code, kinds)
        if target is None:
            return
        general = not known
        for key, _ in readings:
            if key in index:
                # known to the fact base as it is: never re-read, unless only as a cue
                # written otherwise that the group's reading is not
                if not general:
                    self._shadow(index, code, key, keyed[key], target)
                continue
            entries = self._map.get(key, ())
            if all(e[0] != code for e in entries):  # a word in two groups: the first
                self._map[key] = (*entries, (code, target, general))

    def _shadow(self, index: TermIndex, code: str, key: tuple[str, ...],
                forms: list[tuple[str, ...]], target: tuple[tuple[Term, ...], ...]) -> None:
        """Note a one-word member the fact base knows only through a concept cue of the
        same stem that no member of the group is written as ("headed" where the cue is
        "headings" and the group's reading "chair"): read as the group, not the cue."""
        if len(key) != 1 or len(target) != 1:
            return
        meant = index.meanings(key)
        if not meant or meant[0].kind != "concept" or set(meant) & set(target[0]):
            return
        cues = index.written(key, "concept")
        if any(form in cues for form in forms) or (key[0], code) in self._shadowed:
            return
        self._shadowed[(key[0], code)] = (frozenset(f[0] for f in forms), target)

    def _unshadow(self, item: Match | Token, allowed: set[str] | None) -> Match | Token:
        if not isinstance(item, Match) or item.kind != "concept" or len(item.words) != 1 \
                or item.corrected or item.synonym:
            return item
        word = item.words[0]
        for code in (allowed if allowed is not None else
                     {t.lang for t in item.terms if t.lang}):
            entry = self._shadowed.get((word.stem, code))
            if entry and word.folded in entry[0]:
                return Match(entry[1][0], item.words, synonym=True)
        return item

    def read(self, clause: list[Match | Token], languages: Iterable[str] | None
             ) -> list[Match | Token]:
        """The clause with each run of words that is a synonym the fact base does not
        know replaced by what it means, longest runs first. A word a group lists that
        was read as a typo of another word ("funded" as the cue "founded") is the word
        it is: read through its group, else unknown."""
        if self._listed and any(isinstance(item, Match) and item.corrected for item in clause):
            clause = [w for item in clause for w in (
                item.words if isinstance(item, Match) and item.corrected and
                len(item.words) == 1 and item.words[0].folded in self._listed else (item,))]
        if not (self._map or self._shadowed) or not clause:
            return clause
        allowed = set(languages) if languages is not None else None
        out: list[Match | Token] = []
        i, n = 0, len(clause)
        starts = self._starts
        while i < n:
            found = None
            if _words(clause[i])[0].stem not in starts:
                out.append(clause[i])
                i += 1
                continue
            stems: list[str] = []
            ends = []
            for j in range(i, n):
                stems.extend(w.stem for w in _words(clause[j]))
                if len(stems) > self._longest:
                    break
                ends.append((j + 1, tuple(stems)))
            for end, key in reversed(ends):
                entry = next((e for e in self._map.get(key, ())
                              if allowed is None or e[0] in allowed), None)
                if entry and _replaceable(clause[i:end], i):
                    found = end, entry
                    break
            if found is None:
                out.append(clause[i])
                i += 1
                continue
            end, (_, parts, general) = found
            words = tuple(w for item in clause[i:end] for w in _words(item))
            out.extend(Match(terms, words, synonym=True, general=general) for terms in parts)
            i = end
        if self._shadowed:  # after the runs: "head of government" is read as a phrase
            out = [self._unshadow(item, allowed) for item in out]
        if self._country_of:
            out = self._of_countries(out)
        return out

    def _of_countries(self, clause: list[Match | Token]) -> list[Match | Token]:
        """People read through a title ("monarch" as King Halvard III) narrowed to the
        countries the clause names ("Which *Morvathi* monarch …", "the monarch *of
        Calvia*"); none left, the word stays unread: a king of Morvath is no monarch
        of Calvia."""
        named = {i for item in clause if isinstance(item, Match) and not item.general and
                 item.kind in ("entity", "demonym") for i in item.ids if i in self._countries}
        if not named:
            return clause
        out: list[Match | Token] = []
        for item in clause:
            if isinstance(item, Match) and item.general and item.kind == "entity":
                keep = tuple(t for t in item.terms if self._country_of.get(t.id) in named)
                if not keep:
                    out.extend(item.words)
                    continue
                item = Match(keep, item.words, synonym=True, general=True)
            out.append(item)
        return out


class _Written:
    """Whether a concept's cue words or an entity's names include a phrase exactly as
    written (folded): a stem alone may belong to another word ("presided" and
    "president", "conferred" and "conference"). Read lazily, at build time only."""

    def __init__(self, index: TermIndex, kb: KnowledgeBase) -> None:
        self._index, self._kb = index, kb
        self._seen: dict[tuple[str, str, str | None], frozenset[tuple[str, ...]]] = {}
        self._titles: dict[str, tuple[str, ...]] | None = None

    def titled(self, phrase: str) -> tuple[str, ...]:
        """The people whose name or alias starts with a one-word phrase that their
        description starts with too ("King Halvard III", "King of Morvath …" for
        "king"): a title the fact base writes only in names. A given name ("Earl
        Warren") is no title: the description does not begin with it."""
        words = self._index.stemming.tokens(phrase)
        return self.titles().get(words[0].folded, ()) if len(words) == 1 else ()

    def titles(self) -> dict[str, tuple[str, ...]]:
        """Title word → the people it is the title of (see `titled`)."""
        if self._titles is None:
            titles: dict[str, list[str]] = {}
            tokens, first = self._index.stemming.tokens, self._index.stemming.first
            for eid, e in self._kb.entities.items():
                if e.type != "person":
                    continue
                said = {w.folded for d in e.descriptions.values() if (w := first(d))}
                for name in (*e.names.values(), *e.aliases):
                    words = tokens(name)
                    if len(words) > 1 and words[0].folded in said and \
                            eid not in titles.get(words[0].folded, ()):
                        titles.setdefault(words[0].folded, []).append(eid)
            self._titles = {k: tuple(v) for k, v in titles.items()}
        return self._titles

    def says(self, term: Term, folded: tuple[str, ...]) -> bool:
        key = (term.kind, term.id, term.lang)
        if key not in self._seen:
            if term.kind == "concept":
                phrases = self._kb.language(term.lang).concepts.get(term.id, ())
            elif term.kind == "outside":
                phrases = self._kb.language(term.lang).outside
            elif term.kind == "entity":
                e = self._kb.entities[term.id]
                phrases = (*e.names.values(), *e.aliases, *([e.surname] if e.surname else []))
            else:
                phrases = ()
            tokens = self._index.stemming.tokens
            self._seen[key] = frozenset(tuple(w.folded for w in tokens(p)) for p in phrases)
        return term.kind == "word" or folded in self._seen[key]


def _words(item: Match | Token) -> tuple[Token, ...]:
    return item.words if isinstance(item, Match) else (item,)


def _replaceable(items: list[Match | Token], start: int) -> bool:
    """Words the index left unread: unknown words (not names inside a sentence, not
    numbers) and typo guesses that are no names; stop words only inside a longer run. A
    run of two words of substance or more with a cue word in it ("go into orbit") is a
    phrase the index does not know: read as a longer known phrase would be. A word it
    knows alone is never re-read: a fact's own word ("chaired by") is better evidence
    than any synonym of it."""
    weak = substance = cues = 0
    for pos, item in enumerate(items, start):
        if isinstance(item, Match) and item.kind in ("stop", "pronoun") and len(items) > 1:
            continue  # "open *its* doors": a listed phrase's own words
        substance += 1
        if isinstance(item, Token):
            if item.folded.isdigit() or pos > 0 and item.text[:1].isupper():
                return False
            weak += 1
        elif item.synonym:
            return False
        elif item.corrected and item.kind not in ("entity", "demonym"):
            weak += 1
        elif item.kind == "concept" and len(items) > 1:
            cues += 1
        elif item.kind != "word" or len(items) == 1:
            return False
    # Words the fact base reads alone, all of them ("prime minister" as its two words):
    # nothing to read anew. A cue inside a longer phrase ("go" of "go into orbit"): the
    # phrase is read, as the index reads the longest phrase it knows.
    return weak > 0 or cues > 0 and substance > 1


def _reading(index: TermIndex, written: _Written, code: str, key: tuple[str, ...],
             folded: tuple[str, ...]) -> tuple[tuple[Term, ...], ...] | None:
    """What the fact base reads a member as: one phrase it knows (a cue or a name
    written so, or a word of its texts), or a phrase its texts have only word by word
    ("prime minister" as "prime" and "minister"), stop words in it carrying nothing.
    None if it does not know it so."""
    def of(k: tuple[str, ...], w: tuple[str, ...]) -> tuple[Term, ...]:
        terms = index.meanings(k, w) if k in index else ()
        return tuple(t for t in terms if t.lang in (None, code))

    whole = of(key, folded)
    if whole:
        if whole[0].kind not in _TARGETS:
            return None
        whole = tuple(t for t in whole if written.says(t, folded))
        return (whole,) if whole else None
    if len(key) == 1:
        return None
    parts = []
    for stem, word in zip(key, folded):
        terms = of((stem,), (word,))
        if terms and terms[0].kind == "stop":
            continue
        if not terms or terms[0].kind != "word":
            return None
        parts.append(terms)
    return tuple(parts) or None


def _kinds(index: TermIndex, written: _Written, code: str, kinds: Iterable[str]
           ) -> tuple[tuple[Term, ...], ...] | None:
    """What a general word is read as through its kinds: all those the fact base knows as
    one phrase, of the strongest kind of meaning among them (concepts, else names, else
    plain words: one mention holds any of them), as one part; a topic it has nothing
    about if every known kind is one, none if only some are (which is meant?); else the
    first kind it has word by word."""
    found = []
    for phrase in kinds:
        words = index.stemming.tokens(phrase)
        if words:
            r = _reading(index, written, code, tuple(w.stem for w in words),
                         tuple(w.folded for w in words))
            if r:
                found.append(r)
    singles = [t for r in found if len(r) == 1 for t in r[0]]
    for phrase in kinds:  # "King Halvard III", "Queen Maren": people it names so
        singles.extend(Term("entity", pid) for pid in written.titled(phrase))
    of_kind = {t.kind for t in singles}
    if "outside" in of_kind and of_kind != {"outside"}:
        return None
    for kind in ("outside", "concept", "entity", "word"):
        terms = tuple(dict.fromkeys(t for t in singles if t.kind == kind))
        if terms:
            return (terms,)
    return found[0] if found else None


def _best(readings: list[tuple[tuple[Term, ...], ...]]) -> tuple[tuple[Term, ...], ...] | None:
    """The group's reading: a topic the fact base has nothing about, if a member is one
    ("ballot" where "election" is outside it) unless another is a concept or a name (then
    none: the group is two things to this fact base); else its first member known as a
    concept or name, else as a plain word, else the first known word by word."""
    kinds_known = {r[0][0].kind for r in readings if len(r) == 1}
    if "outside" in kinds_known and kinds_known & set(_STRONG):
        return None  # a topic it has nothing about and one it has: which is meant?
    for kinds in (("outside",), _STRONG, ("word",)):
        for r in readings:
            if len(r) == 1 and r[0][0].kind in kinds:
                return r
    multi = [r for r in readings if len(r) > 1]
    return multi[0] if multi else None


__all__ = ["Synonyms"]
