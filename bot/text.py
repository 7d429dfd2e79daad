"""Turning text into comparable word stems, the same way for questions and fact bases.

Case, diacritics ("Vučić" = "vucic") and word endings ("visited" = "visit",
"Белграде" = "Белград") are folded, so that one alias or cue word covers its
variants. Which Snowball stemmer a word goes through is a `Stemming`: the language
packs name their stemmer, and the first language of a fact base written in a script
decides for that script's words (a word does not say which language it is in).
"""
from __future__ import annotations

import re
import unicodedata
from operator import attrgetter
from sys import intern
from dataclasses import dataclass, field
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

import snowballstemmer

_WORD = re.compile(r"\d{4}(?:\s*[-–—]\s*\d{4})\b|\w+", re.UNICODE)
#: Letters NFKD does not take apart.
_FOLD = str.maketrans({"đ": "dj", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe",
                       "ß": "ss", "ı": "i", "ё": "е", "’": "'", "ʼ": "'"})


#: Latin and Cyrillic characters that every step of `fold` but lower-casing leaves as they
#: are: no decomposition, not a combining mark, not in _FOLD (nor do two of them compose;
#: tests/test_build_speed_paths.py checks every pair). A word of these alone, before and
#: after lower-casing, folds to its lower case.
_PLAIN = frozenset(
    ch for ch in map(chr, range(0x20, 0x530))
    if unicodedata.normalize("NFKD", ch) == ch == unicodedata.normalize("NFKC", ch)
    and not unicodedata.combining(ch) and ch.translate(_FOLD) == ch)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the input: as written, folded, and stemmed."""

    text: str
    folded: str
    stem: str


_FOLDED = attrgetter("folded")


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics, keeping Cyrillic letters Cyrillic."""
    if _PLAIN.issuperset(text):
        lowered = text.lower()
        if _PLAIN.issuperset(lowered):
            return lowered  # what the normalisations below leave as it is (most words)
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


@dataclass(frozen=True)
class Stemming:
    """Script ("LATIN", "CYRILLIC") → Snowball algorithm ("english", "russian"; "none"
    leaves words as they are). A script it does not name is not stemmed."""

    by_script: tuple[tuple[str, str], ...] = (("LATIN", "english"), ("CYRILLIC", "russian"))
    #: Word as written → Token; fact bases and questions repeat their words a lot.
    _cache: dict[str, Token] = field(default_factory=dict, compare=False, repr=False)
    #: While building only: short text → its tokens (see `tokens`, `building`).
    _phrases: dict[str, tuple[Token, ...]] = field(default_factory=dict, compare=False,
                                                    repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stemmers", {s: snowball(a) for s, a in self.by_script})

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Pickled as its settings: stemmers are remade, and the word cache starts empty
        (reading it back cost more memory and time than the words it saves: our base's
        12,000 words were 3 MB of a 40 MB start)."""
        return (Stemming, (self.by_script,))

    def tokens(self, text: str) -> list[Token]:
        """Split text into word tokens; a year range such as "2010-2016" stays one token.
        While building, a short text (a name, a cue word) is split once: names are read
        by the checks, the phrase index, the profiles and the synonyms alike."""
        phrases = self._phrases if _building and len(text) <= _PHRASE_CHARS else None
        if phrases is not None:
            found = phrases.get(text)
            if found is not None:
                return list(found)
            if not phrases:
                _memoising.append(self)
        get, make = self._cache.get, self.token
        out = [get(raw) or make(raw) for raw in _WORD.findall(text)]
        if not all(map(_FOLDED, out)):  # a word of underscores only: no word
            out = [token for token in out if token.folded]
        if phrases is not None:
            phrases[text] = tuple(out)
        return out

    def first(self, text: str) -> Token | None:
        """The first of `tokens(text)`, the rest unread (a long description's first word)."""
        for match in _WORD.finditer(text):
            token = self.token(match.group())
            if token.folded:
                return token
        return None

    def stems(self, text: str) -> tuple[str, ...]:
        """The stems of a phrase, as the index keys it."""
        return tuple(t.stem for t in self.tokens(text))

    def token(self, raw: str) -> Token:
        found = self._cache.get(raw)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT and not _building:
                self._cache.clear()  # a long-running bot meets unboundedly many words
            # Plain ASCII (most words of a large base) has nothing to normalise or strip.
            folded = (raw.lower() if raw.isascii() else fold(raw)).replace("_", "")
            if "-" in raw or "–" in raw or "—" in raw:
                folded = re.sub(r"\s*[-–—]\s*", "-", folded)
            found = self._cache[raw] = Token(raw, intern(folded), intern(self.stem(folded)))
        return found

    def stem(self, word: str) -> str:
        """The stem of a folded word; numbers and two-letter words stay as they are."""
        if len(word) < 3 or word.isdigit():
            return word
        stemmer = self._stemmers.get(script_of(word))  # type: ignore[attr-defined]
        return stemmer.stemWord(word) if stemmer else word


_CACHE_LIMIT = 1 << 18
#: While a fact base is built every word is met several times (names checked, then
#: indexed, texts read in every language): the cache is not bounded then.
_building = 0
#: The Stemmings that keep short texts' tokens while building (see `Stemming.tokens`):
#: emptied when the outermost build ends, so a running bot keeps none of it.
_memoising: list[Stemming] = []
#: How long a text may be to be kept there: names and cue words, not facts' texts (read
#: once each, and most of the memory).
_PHRASE_CHARS = 80


@contextmanager
def building() -> Iterator[None]:
    """Words are cached without bound for the block, and short texts' tokens kept: see
    `_building`, `Stemming.tokens`."""
    global _building
    _building += 1
    try:
        yield
    finally:
        _building -= 1
        if not _building:
            for stemming in _memoising:
                stemming._phrases.clear()
            _memoising.clear()


@lru_cache(maxsize=None)
def snowball(algorithm: str):  # type: ignore[no-untyped-def]
    """A Snowball stemmer by name, made once; None for "none"."""
    return None if algorithm == "none" else snowballstemmer.stemmer(algorithm)


#: What a text is read with when no fact base says otherwise.
DEFAULT = Stemming()


def script_of(word: str) -> str:
    """The script of a word's first letter ("LATIN", "CYRILLIC"), as Unicode names it."""
    first = word[0] if word[:1].isalpha() else next((ch for ch in word if ch.isalpha()), "")
    if not first:
        return ""
    code = ord(first)
    if code < 0x250:
        return "LATIN"
    if 0x400 <= code < 0x530:
        return "CYRILLIC"
    return unicodedata.name(first, "?").split(" ")[0]


def stem(word: str) -> str:
    return DEFAULT.stem(word)


def tokens(text: str) -> list[Token]:
    """`DEFAULT.tokens`: for text that belongs to no fact base."""
    return DEFAULT.tokens(text)


def scripts(text: str) -> frozenset[str]:
    """The scripts a text's letters belong to ("LATIN", "CYRILLIC"), from Unicode names."""
    return frozenset(unicodedata.name(ch, "?").split(" ")[0] for ch in set(text)
                     if ch.isalpha())


def stems(text: str) -> tuple[str, ...]:
    return DEFAULT.stems(text)
