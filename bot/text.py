"""Turning text into comparable word stems, the same way for questions and fact bases.

Case, diacritics ("Vučić" = "vucic") and word endings ("visited" = "visit",
"Белграде" = "Белград") are folded, so that one alias or cue word covers its
variants. Latin words go through the English stemmer, Cyrillic ones through the
Russian stemmer (close enough for Serbian and Kazakh endings as well).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\d{4}(?:\s*[-–—]\s*\d{4})\b|\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_STEMMERS = {"latin": snowballstemmer.stemmer("english"),
             "cyrillic": snowballstemmer.stemmer("russian")}
#: Letters NFKD does not take apart.
_FOLD = str.maketrans({"đ": "dj", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe",
                       "ß": "ss", "ı": "i", "ё": "е", "’": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Token:
    """A word of the input: as written, folded, and stemmed."""

    text: str
    folded: str
    stem: str


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics, keeping Cyrillic letters Cyrillic."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The stem of a folded word; numbers and one-letter words stay as they are."""
    if len(word) < 3 or word.isdigit():
        return word
    script = "cyrillic" if _CYRILLIC.search(word) else "latin"
    return _STEMMERS[script].stemWord(word)


def tokens(text: str) -> list[Token]:
    """Split text into word tokens; a year range such as "2010-2016" stays one token."""
    return [t for t in map(_token, _WORD.findall(text)) if t.folded]


@lru_cache(maxsize=1 << 18)
def _token(raw: str) -> Token:
    """One word, folded and stemmed; cached, as fact bases repeat their words a lot."""
    folded = fold(raw).replace("_", "")
    if "-" in raw or "–" in raw or "—" in raw:
        folded = re.sub(r"\s*[-–—]\s*", "-", folded)
    return Token(raw, folded, stem(folded))


def scripts(text: str) -> frozenset[str]:
    """The scripts a text's letters belong to ("LATIN", "CYRILLIC"), from Unicode names."""
    return frozenset(unicodedata.name(ch, "?").split(" ")[0] for ch in set(text)
                     if ch.isalpha())


@lru_cache(maxsize=1 << 18)
def stems(text: str) -> tuple[str, ...]:
    """The stems of a phrase, as the index keys it."""
    return tuple(t.stem for t in tokens(text))
