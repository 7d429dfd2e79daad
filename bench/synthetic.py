"""Synthetic fact bases N times the size of ours, for the scaling benchmark.

A base of factor N is our real base, unchanged, plus N-1 clones of it. In clone k every
word that belongs to a name (of a country, person, place, organisation, award, event) is
replaced by an invented word built from syllables, the same real word always by the same
invented word within a clone ("Karić" stays a surname the three Karić clones share), and
every year is shifted. Words of the language file ("president", "visit", "of") are kept,
so clones read like more of the same kind of facts:

    Serbian President Boris Tadić conducted the first official state visit ...
    Dakomet President Relutik Bavozan conducted the first official state visit ...

Invented words are checked against everything the real base knows and against each other
by their stems (Latin and Cyrillic), so aliases stay unique and `kazserb-bot check` passes.
Real entities and facts are still there, so questions about them stay answerable.
"""
from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from bot.dates import format_date
from bot.factbase import load_knowledge
from bot.model import Entity, Fact, FuzzyDate, KnowledgeBase, Language, pick
from bot.text import fold, stems

_ONSETS = "bdgklmnprtvz"
_VOWELS = "aeiou"
#: Word endings no English or Russian snowball rule strips (no "-ed", "-er", "-ом", "-ет"):
#: an invented word is its own stem in both scripts, so no stemmer call is needed.
_CODAS = "kpbgz"
_WORDS = (len(_ONSETS) * len(_VOWELS)) ** 3 * len(_CODAS)
_STRIDE = 7919  # prime, coprime with _WORDS: walks every word once, in a scattered order
_TOKEN = re.compile(r"\w+", re.UNICODE)
_YEAR = re.compile(r"^(19|20)\d\d$")
_TO_CYRILLIC = str.maketrans("bdgklmnprtvzaeiou", "бдгклмнпртвзаеиоу")
_TO_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ё": "e",
             "ж": "zh", "з": "z", "и": "i", "й": "y", "ј": "j", "к": "k", "л": "l", "љ": "lj",
             "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
             "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
             "щ": "sc", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
             "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h"}


@lru_cache(maxsize=None)
def _key(word: str) -> str:
    """A word as one script: Cyrillic spelled in Latin, folded ("Вучић" = "Vučić" = "vucic")."""
    return "".join(_TO_LATIN.get(c, c) for c in fold(word))


def _cased(word: str, like: str) -> str:
    if len(like) > 1 and like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


class _Words:
    """Invented words, each new one unlike every known word and every earlier one."""

    def __init__(self, reserved: set[tuple[str, ...]], seed: int):
        self._reserved = reserved
        self._next = seed % _WORDS
        self._left = _WORDS

    def new(self) -> str:
        while self._left:
            n = self._next
            self._next = (self._next + _STRIDE) % _WORDS
            self._left -= 1
            syllables = []
            for _ in range(3):
                n, i = divmod(n, len(_ONSETS) * len(_VOWELS))
                syllables.append(_ONSETS[i // len(_VOWELS)] + _VOWELS[i % len(_VOWELS)])
            word = "".join(syllables) + _CODAS[n % len(_CODAS)]
            if (word,) not in self._reserved and (word.translate(_TO_CYRILLIC),) not in self._reserved:
                return word
        raise RuntimeError("out of invented words")


#: A text cut into what a clone keeps ("lit"), shifts ("year") and renames ("name").
_Part = tuple[str, str, bool]


class _Rewriter:
    """How each real text splits into parts; computed once, shared by every clone."""

    def __init__(self, name_words: set[str]):
        self.name_words = name_words
        self._cache: dict[str, tuple[_Part, ...]] = {}

    def parts(self, text: str) -> tuple[_Part, ...]:
        cached = self._cache.get(text)
        if cached is None:
            out: list[_Part] = []
            last = 0
            for m in _TOKEN.finditer(text):
                token = m.group(0)
                out.append(("lit", text[last:m.start()], False))
                last = m.end()
                key = _key(token)
                if token.isdigit() and _YEAR.match(token):
                    out.append(("year", token, False))
                elif not token.isdigit() and key in self.name_words:
                    # The clone of a word written in Cyrillic is written in Cyrillic.
                    out.append((key, token, key != fold(token)))
                else:
                    out.append(("lit", token, False))
            out.append(("lit", text[last:], False))
            cached = self._cache[text] = tuple(p for p in out if p[1])
        return cached


class _Clone:
    """Clone k: its name words, its year shift, and how it rewrites a text."""

    def __init__(self, k: int, rewriter: _Rewriter, words: _Words):
        self.k = k
        self.shift = 4 * (k % 11 - 5)  # whole leap cycles: 29 February stays a date
        self._rewriter = rewriter
        self._words = words
        self._map: dict[str, str] = {}

    def id(self, ref: str) -> str:
        return f"{ref}_x{self.k}"

    def word(self, key: str) -> str:
        if key not in self._map:
            self._map[key] = self._words.new()
        return self._map[key]

    def text(self, text: str) -> str:
        out = []
        for what, token, cyrillic in self._rewriter.parts(text):
            if what == "lit":
                out.append(token)
            elif what == "year":
                out.append(str(int(token) + self.shift))
            else:
                new = self.word(what)
                out.append(_cased(new.translate(_TO_CYRILLIC) if cyrillic else new, token))
        return "".join(out)

    def date(self, date: FuzzyDate) -> FuzzyDate:
        return FuzzyDate(date.year + self.shift, date.month, date.day,
                         date.end_year + self.shift if date.end_year else None,
                         date.end_month, date.end_day, date.qualifier)


@dataclass(frozen=True)
class Probe:
    """A question of the scaling mix, with what a right answer contains (score.py rules)."""

    q: str
    kind: str  # "real", "generated" or "oos"
    expect: tuple = ()
    abstain: bool = False

    def as_case(self) -> dict:
        case = {"q": self.q, "tag": self.kind}
        return {**case, "abstain": True} if self.abstain else {**case, "expect": list(self.expect)}


@dataclass(frozen=True)
class SyntheticBase:
    directory: Path
    factor: int
    entities: int
    facts: int
    probes: tuple[Probe, ...]


# ------------------------------------------------------------------- writing YAML

def _q(value: str) -> str:
    """A YAML scalar: JSON strings are valid double-quoted YAML."""
    return json.dumps(value, ensure_ascii=False)


def _texts(texts: dict[str, str], base: str) -> str:
    if set(texts) == {base}:
        return _q(texts[base])
    return "{" + ", ".join(f"{_q(k)}: {_q(v)}" for k, v in texts.items()) + "}"


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def date_text(date: FuzzyDate) -> str:
    """A FuzzyDate in the fact base's own syntax (the end written out in full)."""
    def part(year: int, month: int | None, day: int | None) -> str:
        return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")

    text = part(date.year, date.month, date.day)
    if date.end_year is not None:
        text += "/" + part(date.end_year, date.end_month, date.end_day)
    return f"{date.qualifier} {text}" if date.qualifier else text


def _entity_yaml(e: Entity, base: str) -> str:
    lines = [f"- id: {e.id}", f"  type: {e.type}", f"  name: {_texts(dict(e.names), base)}"]
    if e.surname:
        lines.append(f"  surname: {_q(e.surname)}")
    if e.aliases:
        lines.append(f"  aliases: {_list(e.aliases)}")
    if e.demonyms:
        lines.append(f"  demonyms: {_list(e.demonyms)}")
    for key in ("country", "within"):
        if getattr(e, key):
            lines.append(f"  {key}: {getattr(e, key)}")
    if e.descriptions:
        lines.append(f"  description: {_texts(dict(e.descriptions), base)}")
    return "\n".join(lines) + "\n"


def _fact_yaml(f: Fact, base: str) -> str:
    lines = [f"- id: {f.id}", f"  kind: {f.kind}", f"  section: {_q(f.section)}"]
    if f.date:
        lines.append(f"  date: {date_text(f.date)}")
    for key in ("who", "where", "tags"):
        if getattr(f, key):
            lines.append(f"  {key}: [{', '.join(getattr(f, key))}]")
    if f.part_of:
        lines.append(f"  part_of: {f.part_of}")
    if f.questions:
        lines.append(f"  question: {_texts(dict(f.questions), base)}")
    lines.append(f"  text: {_texts(dict(f.texts), base)}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- cloning

def _vocabulary(kb: KnowledgeBase) -> set[tuple[str, ...]]:
    """Stems of every word of every language file: these words are never replaced."""
    out: set[tuple[str, ...]] = set()
    for lang in kb.languages.values():
        phrases = [*lang.stopwords, *lang.outside, *lang.months]
        for table in (lang.concepts, lang.intents, lang.modifiers, lang.pronouns, lang.grammar):
            phrases += [w for words in table.values() for w in words]
        out.update((s,) for p in phrases for s in stems(p))
    return out


def _surfaces(e: Entity) -> list[str]:
    return [*e.names.values(), *e.aliases, *e.demonyms, *([e.surname] if e.surname else [])]


def _clone_entity(e: Entity, c: _Clone) -> Entity:
    names = {}
    for code, name in e.names.items():
        new = c.text(name)
        if new == name:  # no name word in it: give it one, so it stays unique
            word = c.word("#" + e.id).capitalize()
            new = f"{word.translate(_TO_CYRILLIC) if _key(name) != fold(name) else word} {name}"
        names[code] = new
    own = set(names.values())

    def fresh(values: Iterable[str]) -> tuple[str, ...]:
        out = []
        for v in values:
            new = c.text(v)
            if new != v and new not in own:
                own.add(new)
                out.append(new)
        return tuple(out)

    return Entity(id=c.id(e.id), type=e.type, names=names, aliases=fresh(e.aliases),
                  demonyms=fresh(e.demonyms),
                  surname=c.text(e.surname) if e.surname else None,
                  country=c.id(e.country) if e.country else None,
                  within=c.id(e.within) if e.within else None,
                  descriptions={k: c.text(v) for k, v in e.descriptions.items()})


def _clone_fact(f: Fact, c: _Clone, entities: set[str]) -> Fact:
    def ref(r: str) -> str:
        return c.id(r) if r in entities else r  # concept ids stay

    return Fact(id=c.id(f.id), kind=f.kind, texts={k: c.text(v) for k, v in f.texts.items()},
                section=f.section, date=c.date(f.date) if f.date else None,
                who=tuple(map(ref, f.who)), where=tuple(map(ref, f.where)),
                tags=tuple(map(ref, f.tags)), part_of=c.id(f.part_of) if f.part_of else None,
                questions={k: c.text(v) for k, v in f.questions.items()})


def _base_only(kb: KnowledgeBase, source: Path) -> KnowledgeBase:
    """Our base without its translations: names, aliases and texts of the base language."""
    base = kb.meta.language
    raw = yaml.load((source / "entities.yaml").read_text(encoding="utf-8"),
                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    own = {str(e["id"]): tuple(str(a) for a in e.get("aliases") or ()) for e in raw}

    def only(texts: dict) -> dict:
        return {base: texts[base]} if base in texts else dict(texts)

    entities = {i: replace(e, names=only(dict(e.names)), aliases=own.get(i, e.aliases),
                           descriptions=only(dict(e.descriptions)))
                for i, e in kb.entities.items()}
    facts = tuple(replace(f, texts=only(dict(f.texts)), questions=only(dict(f.questions)))
                  for f in kb.facts)
    return replace(kb, entities=entities, facts=facts)


def generate(source: Path, target: Path, factor: int, *, seed: int = 1,
             real: Iterable[Probe] = (), oos: Iterable[Probe] = (),
             generated_probes: int = 24, base_only: bool = False) -> SyntheticBase:
    """Write a fact base `factor` times ours into `target`; return it with its question mix.

    The mix is `real` questions (about entities that still exist), questions about
    generated facts (each a clone's own canonical question, expecting the clone's date),
    and `oos` questions (to be declined). With `base_only`, clones are written in the
    base language only and the copy promises no other language (meta.yaml `languages`):
    a lighter base, for when the translations would make the largest size too slow.
    """
    kb = load_knowledge(source)
    full = kb
    if base_only:
        kb = _base_only(kb, source)
    base = kb.meta.language
    language: Language = kb.language(base)
    vocabulary = _vocabulary(kb)
    name_words = {_key(t) for e in full.entities.values() for s in _surfaces(e)
                  for t in _TOKEN.findall(s) if not t.isdigit()}
    name_words = {w for w in name_words if stems(w) and (stems(w)[0],) not in vocabulary}
    reserved = vocabulary | {(s,) for e in full.entities.values() for v in _surfaces(e)
                             for s in stems(v)}
    reserved |= {(s,) for f in full.facts for t in f.texts.values() for s in stems(t)}
    words = _Words(reserved, seed * 104729)
    rewriter = _Rewriter(name_words)

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.md"))
    if base_only:
        meta = target / "meta.yaml"
        meta.write_text(re.sub(r"(?m)^languages:.*$", f"languages: [{base}]",
                               meta.read_text(encoding="utf-8")), encoding="utf-8")
    # Only questions that name something: a clone's "When were relations established?"
    # is the same question as ours, and could be any clone's.
    probe_facts = [f for f in kb.facts if f.questions and f.date and any(
        _key(t) in name_words for q in f.questions.values() for t in _TOKEN.findall(q))]
    rng = random.Random(seed)
    sampled = sorted(rng.sample(range(1, factor), min(factor - 1, generated_probes))) \
        if factor > 1 else []
    probes: list[Probe] = [*real]
    entity_ids = set(kb.entities)
    n_entities, n_facts = len(kb.entities), len(kb.facts)
    with open(target / "entities.yaml", "a", encoding="utf-8") as ents, \
            open(target / "facts.yaml", "a", encoding="utf-8") as facts:
        ents.write("\n# --- generated clones ---\n")
        facts.write("\n# --- generated clones ---\n")
        for k in range(1, factor):
            clone = _Clone(k, rewriter, words)
            ents.writelines(_entity_yaml(_clone_entity(e, clone), base)
                            for e in kb.entities.values())
            cloned = [_clone_fact(f, clone, entity_ids) for f in kb.facts]
            facts.writelines(_fact_yaml(f, base) for f in cloned)
            n_entities += len(kb.entities)
            n_facts += len(cloned)
            if k in sampled:
                real_fact = probe_facts[sampled.index(k) % len(probe_facts)]
                fact = next(f for f in cloned if f.id == clone.id(real_fact.id))
                assert fact.date is not None
                probes.append(Probe(q=pick(fact.questions, base), kind="generated",
                                    expect=(format_date(fact.date, language),)))
    probes.extend(oos)
    return SyntheticBase(target, factor, n_entities, n_facts, tuple(probes))


__all__ = ["Probe", "SyntheticBase", "date_text", "generate"]
