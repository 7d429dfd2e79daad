"""Recognising the terms of a question: names, topic words, question words, years.

An index maps every known phrase (alias, cue word, fact word), as a tuple of stems, to
what it means. A question is read left to right taking the longest known phrase at each
word: exact dictionary look-ups, which cost the same however large the fact base is.
Only a word that is not in the vocabulary at all is corrected by fuzzy matching
(rapidfuzz, edit distance over words of similar length), so a typo costs one batch
look-up and a correct question none.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .text import DEFAULT, Stemming, Token

#: What a phrase can mean, most specific first: when one phrase means several kinds of
#: thing, the first kind in this order wins.
KINDS = ("entity", "demonym", "outside", "social", "scope", "intent", "modifier", "sequence",
         "ordinal", "month", "concept", "pronoun", "number", "stop", "word")


_RANK = {kind: i for i, kind in enumerate(KINDS)}


def _rank_of(term: "Term") -> int:
    return _RANK[term.kind]


@dataclass(frozen=True, slots=True)
class Term:
    """One meaning of a phrase: ("entity", "aleksandar_vucic"), ("intent", "when"), ..."""

    kind: str
    id: str
    #: The language whose word list the phrase comes from; None for names, good in all.
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in a question, with the words it covered and all it may mean."""

    terms: tuple[Term, ...]
    words: tuple[Token, ...]
    #: True when a word was taken for another by typo correction: no evidence of language.
    corrected: bool = False
    #: True when the words were read through a synonym group (bot/synonyms.py).
    synonym: bool = False
    #: True when a general word was read as the kinds of it the fact base uses ("monarch"
    #: as "king" or "queen"): no one thing, so not what "how many" counts.
    general: bool = False

    @property
    def kind(self) -> str:
        return self.terms[0].kind

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.id for t in self.terms))

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(t.lang for t in self.terms if t.lang)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


#: How many letters of an ending an inflected name may carry ("Nikolić|eva", "Тоқаев|тың").
NAME_ENDING = 4


def max_typos(word: str) -> int:
    """How many edits a word of this length may have and still be recognised."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


class TermIndex:
    """Phrase → meanings, and the vocabulary that typos are corrected against."""

    def __init__(self, stemming: Stemming = DEFAULT) -> None:
        self.stemming = stemming
        #: Most specific kind first.
        self._phrases: dict[tuple[str, ...], tuple[Term, ...]] = {}
        #: One object per distinct meaning: an entity has dozens of names.
        self._terms: dict[Term, Term] = {}
        self._language_sets: dict[frozenset, frozenset] = {}
        #: The longest phrase starting with each word: most words start none, or short ones.
        self._longest_from: dict[str, int] = {}
        #: Job → folded word → languages: owner markers ("of", "'s"), place and range words.
        self._grammar: dict[str, dict[str, set[str]]] = {}
        self._grammar_cache: dict[frozenset[str] | None, dict[str, frozenset[str]]] = {}
        #: Every folded word of every phrase, with its stem: what typos are corrected to.
        self._surface: dict[str, str] = {}
        self._vocab: tuple[dict[tuple[str, int], list[str]], set[str]] | None = None
        #: A one-word name as written, folded → its phrase key: for inflected forms.
        self._one_word_names: dict[str, tuple[str, ...]] = {}
        #: Folded word → the languages of the lists it comes from (None: a name).
        self._surface_langs: dict[str, frozenset[str | None]] = {}
        #: The stems of the words of names and of topics' phrases.
        self._name_words: set[str] = set()
        #: (phrase, kind) → the phrase as written in that kind's lists, folded: when one
        #: stem means two kinds of thing ("после" after, "послом" ambassador: both "посл"),
        #: the kind that lists the word exactly as written wins.
        self._forms: dict[tuple[tuple[str, ...], str], set[tuple[str, ...]]] = defaultdict(set)
        #: While building: word as written → what `read` reads it as, where that cannot
        #: depend on the words after it; and stem → those words (see `_forget_read`).
        self._read_memo: dict[str, Match | Token] = {}
        self._read_stems: dict[str, list[str]] = {}
        #: While building: the first two stems of every phrase of two words or more (a
        #: word followed by one that starts none with it starts no such phrase, see
        #: `_longest_at`).
        self._pairs: set[tuple[str, ...]] = set()

    def add(self, phrase: str, term: Term) -> None:
        # Called for every name and cue word of a fact base (hundreds of thousands at
        # scale): written for speed, with the same result as a plain reading of it.
        words = self.stemming.tokens(phrase)
        if not words:
            return
        key = tuple([w.stem for w in words])
        term = self._terms.setdefault(term, term)
        first, kind = key[0], term.kind
        if self.__dict__.get("_read_memo"):
            self._forget_read(first)
        entries = self._phrases.get(key)
        if entries is None:
            self._phrases[key] = (term,)
        elif term not in entries:
            self._phrases[key] = tuple(sorted((*entries, term), key=_rank_of))
        self._forms[(key, kind)].add(tuple([w.folded for w in words]))
        longest = self._longest_from
        if len(key) > longest.get(first, 0):
            longest[first] = len(key)
        if len(key) > 1 and (pairs := self.__dict__.get("_pairs")) is not None:
            pairs.add(key[:2])
        if kind in ("entity", "demonym") or kind == "concept" and len(key) > 1:
            self._name_words.update(key)
        if kind == "entity" and len(words) == 1:
            self._one_word_names[words[0].folded] = key
        lang, surface, surface_langs = term.lang, self._surface, self._surface_langs
        for w in words:
            folded = w.folded
            langs = surface_langs.get(folded)
            if langs is None or lang not in langs:  # else: nothing new (most words)
                langs = (langs or frozenset()) | {lang}
                surface_langs[folded] = self._language_sets.setdefault(langs, langs)
            if surface.setdefault(folded, w.stem) == w.stem:
                self._vocab = None

    def add_grammar(self, job: str, words: Iterable[str], language: str) -> None:
        self._grammar_cache.clear()
        for phrase in words:
            for token in self.stemming.tokens(phrase):
                self._grammar.setdefault(job, {}).setdefault(token.folded, set()).add(language)

    def grammar(self, languages: Iterable[str] | None) -> dict[str, frozenset[str]]:
        """Job → words, of the given languages only (all when None): "по" marks a place in
        Serbian but not in Russian."""
        key = frozenset(languages) if languages is not None else None
        if key not in self._grammar_cache:
            self._grammar_cache[key] = {
                job: frozenset(w for w, langs in words.items() if key is None or langs & key)
                for job, words in self._grammar.items()}
        return self._grammar_cache[key]

    def knows(self, word: Token) -> bool:
        """True for a word of a name or of a topic's phrase ("period" of "Informbiro
        period", "honorary" of "honorary consul"): not a topic alone, but not a word the
        fact base has never seen either."""
        return word.stem in self._name_words

    def written(self, phrase: tuple[str, ...], kind: str) -> frozenset[tuple[str, ...]]:
        """How the lists of a kind write a phrase, folded: "headings" for ("head",)."""
        return frozenset(self._forms.get((phrase, kind), ()))

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return phrase in self._phrases

    def meanings(self, phrase: tuple[str, ...], written: tuple[str, ...] = ()
                 ) -> tuple[Term, ...]:
        """What a phrase means: its most specific kind, unless another kind lists it
        exactly as `written` (folded words) and that one does not."""
        entries = self._phrases.get(phrase, ())
        if not entries or entries[0].kind == entries[-1].kind:
            return tuple(entries)  # one kind: nothing to choose (most phrases)
        best = entries[0].kind
        if written and written not in self._forms.get((phrase, best), ()):
            exact = next((t.kind for t in entries
                          if written in self._forms.get((phrase, t.kind), ())), None)
            best = exact or best
        return tuple(t for t in entries if t.kind == best)

    def find(self, text: str, fuzzy: bool = True,
             languages: Iterable[str] | None = None) -> list[Match | Token]:
        """The text's phrases in order; a word that means nothing comes back as a Token.

        `fuzzy` corrects typos (a fact's own text is read without it), into words of
        names or of `languages` only, when given: an English "post" is no Serbian "pošto".
        """
        words = self.stemming.tokens(text)
        allowed = {*languages, None} if languages is not None else None
        # A word that could not be corrected is None: no phrase holds it.
        fixed = [self.correct(w, allowed) for w in words] if fuzzy else [w.stem for w in words]
        n = len(words)
        out: list[Match | Token] = []
        i = 0
        while i < n:
            found = self._phrase_at(words, fixed, i, n, fuzzy)
            if found and len(found.words) > 1:
                # "the Silvane Star": where a name starts inside the phrase and runs past
                # it, the phrase stops before it ("the Silvane" is an alias too).
                for j in range(i + 1, i + len(found.words)):
                    longer = self._phrase_at(words, fixed, j, n, fuzzy)
                    if longer and longer.kind == "entity" and found.kind == "entity" and \
                            j + len(longer.words) > i + len(found.words):
                        found = self._phrase_at(words, fixed, i, j, fuzzy)
                        break
            inverted = self._inverted_at(words, fixed, i, n, fuzzy, found)
            if inverted:
                out.extend(inverted)
                i += sum(len(m.words) for m in inverted)
            elif found:
                out.append(found)
                i += len(found.words)
            else:
                name = self._inflected_name(words[i]) if fuzzy else None
                out.append(Match(tuple(self._phrases[name]), (words[i],), True)
                           if name else words[i])
                i += 1
        return out

    def _phrase_at(self, words: list[Token], fixed: list[str | None], i: int, end: int,
                   fuzzy: bool) -> Match | None:
        """The longest known phrase starting at word `i` and ending by `end`."""
        for size in range(min(self._longest_from.get(fixed[i], 0), end - i), 0, -1):
            key = tuple(fixed[i:i + size])
            if key in self._phrases and not self._asks_inside(key):
                corrected = [w for f, w in zip(key, words[i:i + size])
                             if f != w.stem] if fuzzy else []
                meanings = self.meanings(key, tuple(w.folded for w in words[i:i + size]))
                if any(w.text[:1].isupper() for w in corrected) and \
                        meanings[0].kind not in ("entity", "demonym"):
                    continue  # "NASA" is an unknown name, not a misspelt "was"
                return Match(meanings, tuple(words[i:i + size]), bool(corrected))
        return None

    def _inverted_at(self, words: list[Token], fixed: list[str | None], i: int, end: int,
                     fuzzy: bool, found: Match | None) -> list[Match] | None:
        """"was he back in Kazakhstan?", "were they in Lunsk?": a question puts the
        person pronoun between the auxiliary and the rest of a topic's phrase ("was
        back", "were in"); read as "he was back": the phrase (its auxiliary still
        first, so the question still asks yes or no), then the pronoun. Only where the
        auxiliary alone is no more than a stop word, and the phrase is a topic's (a
        concept), not a name."""
        if i + 2 >= end or found is not None and (len(found.words) > 1 or
                                                 found.kind != "stop"):
            return None
        pronoun = self._phrase_at(words, fixed, i + 1, i + 2, fuzzy)
        if pronoun is None or not any(t.kind == "pronoun" and t.id == "person"
                                      for t in pronoun.terms):
            return None
        rest_words = [*words[:i + 1], *words[i + 2:]]
        rest_fixed = [*fixed[:i + 1], *fixed[i + 2:]]
        phrase = self._phrase_at(rest_words, rest_fixed, i, end - 1, fuzzy)
        if phrase is None or len(phrase.words) < 2 or phrase.kind != "concept" or \
                phrase.words[1].folded in self.grammar(None).get("place_before", ()):
            return None  # ("was he in Lunsk?": "in" says where, whatever the occasion)
        return [phrase, pronoun]

    def _inflected_name(self, word: Token) -> tuple[str, ...] | None:
        """A one-word name with an ending the aliases do not list ("Nikolićeva",
        "Тоқаевтың"): the name it starts with, if exactly one does, with at most
        `NAME_ENDING` letters after it."""
        if not (word.text[:1].isupper() or not word.text.isascii()) or len(word.folded) < 5:
            return None
        found = {self._one_word_names[word.folded[:-cut]]
                 for cut in range(1, NAME_ENDING + 1)
                 if len(word.folded) - cut >= 4 and word.folded[:-cut] in self._one_word_names}
        return found.pop() if len(found) == 1 else None

    def _asks_inside(self, key: tuple[str, ...]) -> bool:
        """A topic's cue phrase that starts with a question word ("how many people" as a
        fact base's word for staff) gives way to the question word: it asks."""
        if len(key) < 2:
            return False
        kinds = {t.kind for t in self._phrases[key]}
        if not kinds <= {"concept", "word"}:
            return False
        return any(t.kind == "intent" for n in range(1, len(key))
                   for t in self._phrases.get(key[:n], ()))

    def correct(self, word: Token, languages: set[str | None] | None = None) -> str | None:
        """The word's stem if known, else the stem of the nearest known word (of
        `languages`, where given) within `max_typos` edits of it as written, else None."""
        buckets, stems_known = self._vocabulary()
        if word.stem in stems_known:
            return word.stem
        folded = word.folded
        limit = max_typos(folded)
        name_like = word.text[:1].isupper()
        if name_like:
            # A name we don't know must not become one we do by chance; an acronym or a
            # short name is taken as written ("NASA" is not "NLSA").
            limit = 0 if len(folded) <= 4 or word.text.isupper() else min(limit, 1)
        found: list[tuple[str, float]] = []
        for choices in _buckets_of(buckets, folded, limit) if limit else ():
            found += [(c, d) for c, d, _ in process.extract(
                folded, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
                if (languages is None or self._surface_langs[c] & languages) and
                not self._replaced_into_stop(folded, c)]
        if not found and 2 <= len(folded) <= _DROPPED_FROM:
            found = self._question_word_dropped(folded, buckets, languages)
        if not found:
            return None
        # Fewest edits first; among equals, the most similar overall ("nikolc" → "nikolic",
        # not "nikola"), then alphabetical, so the choice never depends on dict order.
        best = min(found, key=lambda cd: (cd[1], -fuzz.ratio(folded, cd[0]), cd[0]))
        if name_like and len({self._surface[c] for c, d in found if d == best[1]}) > 1:
            return None  # several names are as close: none of them is meant
        return self._surface[best[0]]

    def _question_word_dropped(self, folded: str, buckets: dict[tuple, list[str]],
                               languages: set[str | None] | None) -> list[tuple[str, float]]:
        """"wen", "wat", "hw": a word too short for typos is still a question word with
        one letter dropped, when that is all it can be (only question words are)."""
        out = []
        for c in buckets.get((folded[:1], len(folded) + 1), ()):
            meanings = self._phrases.get((self._surface[c],), ())
            kinds = {t.kind for t in meanings}
            if "intent" in kinds and kinds <= {"intent", "stop"} and \
                    any(c[:i] + c[i + 1:] == folded for i in range(len(c))) and \
                    (languages is None or self._surface_langs[c] & languages):
                out.append((c, 1.0))
        return out

    def _replaced_into_stop(self, folded: str, candidate: str) -> bool:
        """True when `candidate` is a stop word only and differs from the word by letters
        replaced, not dropped, doubled or swapped: a word one replaced letter from a
        stop word is a word of its own as often as a typo ("small" is no "shall", "lake"
        no "late", "world" no "would"), and reading it as a word of no topic would only
        erase what the asker wrote ("wiht", "frm" stay typos of "with", "from"). So is a
        short word a letter longer than a question word ("died" is no "did"); a letter
        dropped ("wich") or swapped ("waht") is a typo."""
        if sorted(candidate) == sorted(folded):
            return False
        meanings = self._phrases.get((self._surface[candidate],), ())
        if len(candidate) != len(folded):
            return len(candidate) < len(folded) <= 4 and bool(meanings) and \
                all(t.kind in ("stop", "intent") for t in meanings)
        return bool(meanings) and all(t.kind == "stop" for t in meanings)

    def prepare(self) -> None:
        """Build the typo vocabulary now, at start-up, rather than on the first typo; and
        keep what a phrase was written as only where one stem means several kinds of
        thing, the one place `meanings` reads it (it was a fifth of the index)."""
        self._vocabulary()
        several = {key for key, terms in self._phrases.items()
                   if len({t.kind for t in terms}) > 1}
        self._forms = defaultdict(set, {k: v for k, v in self._forms.items() if k[0] in several})
        # The interning tables served the build; the compiled form need not carry them.
        self._terms, self._language_sets = {}, {}
        self.__dict__.pop("_read_memo", None)
        self.__dict__.pop("_read_stems", None)
        self.__dict__.pop("_pairs", None)

    def _vocabulary(self) -> tuple[dict[tuple, list[str]], set[str]]:
        """Known words bucketed for fuzzy look-up (see `_buckets_of`), and all stems."""
        if self._vocab is None:
            # Lists, not sets: each known word is one key of _surface, and goes into a
            # bucket at most once (the three kinds of key never meet).
            buckets: dict[tuple, list[str]] = defaultdict(list)
            for word in self._surface:
                n = len(word)
                if n <= _SHORT + 2:
                    buckets[(word[:1], n)].append(word)
                if n > _SHORT - 2:
                    buckets[(word[:_PART],)].append(word)
                    buckets[(word[:1], word[-_PART:])].append(word)
            self._vocab = ({k: sorted(v) for k, v in buckets.items()},
                           {w for phrase in self._phrases for w in phrase})
        return self._vocab

    def read(self, text: str) -> list[Match | Token]:
        """`find(text, fuzzy=False)`, the same phrases, for reading a fact base's own texts
        while building (millions of words at scale): no typo machinery, the longest phrase
        at a word found without building its tuple at every length, and the rule for a
        name that starts inside a phrase tried only where the phrase is a name."""
        words = self.stemming.tokens(text)
        stems = [w.stem for w in words]
        n = len(stems)
        out: list[Match | Token] = []
        at, exact = self._longest_at, self._exact
        memo = self.__dict__.get("_read_memo")
        longest = self._longest_from
        i = 0
        while i < n:
            if memo is not None:
                # A word that starts no phrase of two words or more reads the same
                # wherever it stands: read once (see _forget_read).
                word = words[i]
                item = memo.get(word.text)
                if item is None and longest.get(word.stem, 0) <= 1:
                    item = exact(words, stems, i, 1) if (word.stem,) in self._phrases \
                        else word
                    memo[word.text] = item
                    self._read_stems.setdefault(word.stem, []).append(word.text)
                if item is not None:
                    out.append(item)
                    i += 1
                    continue
            size = at(stems, i, n)
            if not size:
                out.append(words[i])
                i += 1
                continue
            found: Match | None = exact(words, stems, i, size)
            if size > 1 and found.kind == "entity":  # type: ignore[union-attr]
                for j in range(i + 1, i + size):  # as in `find`: "the Silvane Star"
                    longer = at(stems, j, n)
                    if longer and j + longer > i + size and \
                            exact(words, stems, j, longer).kind == "entity":
                        size = at(stems, i, j)
                        found = exact(words, stems, i, size) if size else None
                        break
            if found is None:
                out.append(words[i])
                i += 1
            else:
                out.append(found)
                i += size
        return out

    def _forget_read(self, stem: str) -> None:
        """A phrase starting with `stem` was added: what `read` kept of its words is stale."""
        memo = self.__dict__.get("_read_memo")
        if memo:
            for raw in self._read_stems.pop(stem, ()):
                memo.pop(raw, None)

    def _longest_at(self, stems: list[str], i: int, end: int) -> int:
        """How many words the longest known phrase at word `i`, ending by `end`, has: what
        `_phrase_at` finds without typos (0: none)."""
        top = min(self._longest_from.get(stems[i], 0), end - i)
        if top > 1:
            pairs = self.__dict__.get("_pairs")
            if pairs is not None and (stems[i], stems[i + 1]) not in pairs:
                top = 1  # no phrase of two words or more starts here
        phrases = self._phrases
        while top > 1:
            key = tuple(stems[i:i + top])
            if key in phrases and not self._asks_inside(key):
                return top
            top -= 1
        return 1 if top == 1 and (stems[i],) in phrases else 0

    def _exact(self, words: list[Token], stems: list[str], i: int, size: int) -> Match:
        """The known phrase of `size` words at word `i`, as `_phrase_at` gives it."""
        key = tuple(stems[i:i + size])
        entries = self._phrases[key]
        meanings = tuple(entries) if entries[0].kind == entries[-1].kind else \
            self.meanings(key, tuple(w.folded for w in words[i:i + size]))
        return Match(meanings, tuple(words[i:i + size]))


#: Words up to this long are looked for among all words of their first letter and length;
#: longer ones among those that share their first `_PART` letters, or their first letter
#: and last `_PART`: one edit in a word of 7 or more letters leaves one of those intact, so
#: a base of a million names is searched a few thousand at a time, not tens of thousands.
_SHORT, _PART = 6, 3
#: How long (from two letters) a word may be that is read as a question word with one letter dropped, though
#: too short for typos otherwise ("wen", "wat").
_DROPPED_FROM = 3


def _buckets_of(buckets: dict[tuple, list[str]], folded: str, limit: int) -> list[list[str]]:
    """The buckets that hold every known word within `limit` edits of `folded` that
    shares its first letter (two edits at both ends of a long word may be missed)."""
    if len(folded) <= _SHORT:
        keys: list[tuple] = [(folded[:1], n) for n in
                             range(len(folded) - limit, len(folded) + limit + 1)]
    else:
        keys = [(folded[:_PART],), (folded[:1], folded[-_PART:])]
    found = [buckets[k] for k in keys if k in buckets]
    if len(found) == 2 and len(folded) > _SHORT:  # a word in both is searched once
        both = set(found[0])
        found[1] = [w for w in found[1] if w not in both]
    return found


__all__ = ["KINDS", "Match", "Term", "TermIndex", "max_typos"]
