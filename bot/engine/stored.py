"""Texts kept in the compiled file and read when asked for, not held in memory.

A fact base's texts — every fact's text and question in every language, every entity's
names, aliases and description — are most of its memory (at a thousand times ours, half a
gigabyte of small strings and dicts), yet a question reads the texts of a handful of facts.
The compiled form writes each such mapping or tuple once, marshalled, after the pickle; a
start maps the file and gives each fact and entity a small proxy that decodes its texts
on access. The operating system pages in what is read and nothing else.
"""
from __future__ import annotations

import copyreg
import marshal
import mmap
import os
import pickle
import threading
from contextlib import contextmanager
from dataclasses import fields
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping, Sequence


class Blob:
    """The text part of a compiled file, mapped read-only."""

    __slots__ = ("_map", "_base")

    def __init__(self, mapped: mmap.mmap, base: int) -> None:
        self._map, self._base = mapped, base

    def read(self, start: int, end: int) -> Any:
        return marshal.loads(self._map[self._base + start:self._base + end])


class _Stored:
    """A value kept in the compiled file: where it is, decoded on each access."""

    __slots__ = ("_blob", "_start", "_end")

    def __init__(self, blob: Blob, start: int, end: int) -> None:
        self._blob, self._start, self._end = blob, start, end

    def _value(self) -> Any:
        return self._blob.read(self._start, self._end)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._value())


class StoredTexts(_Stored, Mapping[str, str]):
    """Language → text."""

    __slots__ = ()

    def __getitem__(self, code: str) -> str:
        return self._value()[code]

    def get(self, code: str, default: Any = None) -> Any:  # one decoding, not two
        return self._value().get(code, default)

    def __contains__(self, code: object) -> bool:
        return code in self._value()

    def __iter__(self) -> Iterator[str]:
        return iter(self._value())

    def __len__(self) -> int:
        return len(self._value())

    def items(self):  # type: ignore[override]
        return self._value().items()

    def values(self):  # type: ignore[override]
        return self._value().values()

    def keys(self):  # type: ignore[override]
        return self._value().keys()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._value() == dict(other)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (MappingProxyType, (self._value(),))


class StoredNames(_Stored, Sequence[str]):
    """A tuple of names (aliases)."""

    __slots__ = ()

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._value()[i]

    def __len__(self) -> int:
        return len(self._value())

    def __iter__(self) -> Iterator[str]:
        return iter(self._value())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (tuple, (self._value(),))


#: The fields of the model kept out of the pickle: (class name, field) → kind of value.
_LAZY = {("Fact", "texts"): "texts", ("Fact", "questions"): "texts",
         ("Entity", "names"): "texts", ("Entity", "descriptions"): "texts",
         ("Entity", "aliases"): "names"}
#: The compiled file being read, for the functions the pickle calls (one per thread).
_reading = threading.local()


class Writer:
    """Pickles an engine with its facts' and entities' texts written aside (`parts`, to
    follow the pickle) and, given a Lexicon, its index's large tables left to SQLite.

    It works through the pickler's dispatch table, so only facts, entities and the index
    cost a Python call: a hook called for each of the millions of objects was a third of
    the time it took to write a large base."""

    def __init__(self, lexicon: "Lexicon | None" = None) -> None:
        self.lexicon, self.parts, self.size = lexicon, [], 0

    def dispatch_table(self) -> dict:
        from ..matching import TermIndex
        from ..model import Entity, Fact
        table = dict(copyreg.dispatch_table)
        table[Fact] = table[Entity] = self._record
        if self.lexicon is not None:
            table[TermIndex] = self.lexicon.reduce
        return table

    def _record(self, obj: object):  # type: ignore[no-untyped-def]
        cls = type(obj)
        values, lazy = [], []
        for i, f in enumerate(fields(obj)):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            kind = _LAZY.get((cls.__name__, f.name))
            if kind and value:
                data = marshal.dumps(dict(value) if kind == "texts" else tuple(value))
                lazy.append((i, kind, self.size, self.size + len(data)))
                self.parts.append(data)
                self.size += len(data)
                value = None
            values.append(value)
        return (_rebuild, (cls, tuple(values), tuple(lazy)))


def _rebuild(cls, values: tuple, lazy: tuple):  # type: ignore[no-untyped-def]
    """A fact or entity as the pickle gives it, its texts read from the mapped file."""
    blob = _reading.reader.blob
    values = list(values)
    for i, kind, start, end in lazy:
        values[i] = (StoredTexts if kind == "texts" else StoredNames)(blob, start, end)
    return cls(*values)


class Reader:
    """What the pickle refers to: the texts after it, and the lexicon's SQLite file."""

    def __init__(self, blob: Blob, lexicon: str) -> None:
        self.blob, self.lexicon, self.db = blob, lexicon, None

    @contextmanager
    def reading(self) -> Iterator[None]:
        _reading.reader = self
        try:
            yield
        finally:
            del _reading.reader


# ------------------------------------------------------------- the lexicon on disk

#: A lexicon with more phrases than this is kept in SQLite beside the compiled file rather
#: than in memory: dict look-ups are faster, but at a thousand times ours its words, stems
#: and typo buckets were 550 MB of the heap. Ours (10,000 phrases) stays in memory.
ON_DISK_PHRASES = 50_000
#: Look-ups kept in memory per table (questions repeat their words).
_CACHED = 1 << 15
_MISSING = object()


def _key(key: object) -> str:
    return "\x1f".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _terms(value: bytes):  # type: ignore[no-untyped-def]
    from ..matching import Term
    return tuple(Term(*t) for t in marshal.loads(value))


def _phrase_row(key, terms):  # type: ignore[no-untyped-def]
    return _key(key), marshal.dumps(tuple((t.kind, t.id, t.lang) for t in terms))


#: Each table of a TermIndex the lexicon keeps → (SQLite table, column, decoding); a
#: column of None means the value is only whether it is there (a set). Three SQLite tables
#: hold the eight, one row per phrase, per stem and per word as written.
_VIEWS: dict[str, tuple[str, str, Any]] = {
    "phrases": ("phrases", "terms", _terms),
    "stems_known": ("stems", "1", None),
    "longest_from": ("stems", "longest", None),
    "name_words": ("stems", "name", None),
    "surface": ("words", "stem", None),
    "surface_langs": ("words", "langs", lambda v: frozenset(marshal.loads(v))),
    "one_word_names": ("words", "name", lambda v: tuple(v.split("\x1f"))),
    "buckets": ("buckets", "words", marshal.loads),
}
_SCHEMA = ("CREATE TABLE phrases (k TEXT PRIMARY KEY, terms BLOB) WITHOUT ROWID",
           "CREATE TABLE stems (k TEXT PRIMARY KEY, longest INT, name INT) WITHOUT ROWID",
           "CREATE TABLE words (k TEXT PRIMARY KEY, stem TEXT, langs BLOB, name TEXT) "
           "WITHOUT ROWID",
           "CREATE TABLE buckets (k TEXT PRIMARY KEY, words BLOB) WITHOUT ROWID",
           "CREATE TABLE stamp (v TEXT)")


class DiskTable:
    """One table of a TermIndex, read from the lexicon: a read-only dict (or set) that
    SQLite answers, keeping the answers it gave for the next question."""

    __slots__ = ("_db", "_sql", "_decode", "_cache")

    def __init__(self, db, view: str) -> None:  # type: ignore[no-untyped-def]
        table, column, self._decode = _VIEWS[view]
        self._db, self._sql = db, f"SELECT {column} FROM {table} WHERE k = ?"
        self._cache: dict[object, object] = {}

    def _find(self, key: object) -> object:
        found = self._cache.get(key, _MISSING)
        if found is _MISSING:
            row = self._db.execute(self._sql, (_key(key),)).fetchone()
            found = None if row is None or row[0] is None else \
                self._decode(row[0]) if self._decode else row[0]
            if len(self._cache) >= _CACHED:
                self._cache.clear()
            self._cache[key] = found
        return found

    def get(self, key: object, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is None else found

    def __getitem__(self, key: object) -> Any:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __reduce__(self):  # type: ignore[no-untyped-def]
        raise TypeError("a lexicon on disk is pickled by reference (see Lexicon)")


class Lexicon:
    """Writes the large tables of a TermIndex into an SQLite file, and tells the pickler
    to refer to them by name; on reading, they come back as DiskTables."""

    def __init__(self, index) -> None:  # type: ignore[no-untyped-def]
        buckets, stems_known = index._vocabulary()
        self.index = index
        self.tables: dict[str, object] = {
            "phrases": index._phrases, "longest_from": index._longest_from,
            "surface": index._surface, "surface_langs": index._surface_langs,
            "one_word_names": index._one_word_names, "buckets": buckets,
            "name_words": index._name_words, "stems_known": stems_known}
        #: Written into the file and into the pickle's references to it, with the file's
        #: size: a lexicon left by another build, or cut short, is never read as this one.
        self.stamp, self.size = os.urandom(8).hex(), 0

    def write(self, path: str) -> None:
        """Every table into a new SQLite file at `path`; its failures are OSErrors."""
        import sqlite3
        t = self.tables
        longest, names, langs = t["longest_from"], t["name_words"], t["surface_langs"]
        one_word = t["one_word_names"]
        Path(path).unlink(missing_ok=True)
        Path(path).touch(mode=0o600)  # the user's own, like the compiled file
        db = sqlite3.connect(path)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute("INSERT INTO stamp VALUES (?)", (self.stamp,))
            # Each table in key order: SQLite appends to its B-tree rather than inserting
            # into the middle of it (random order was most of writing a large base).
            db.executemany("INSERT INTO phrases VALUES (?, ?)", _in_order(
                _phrase_row(k, v) for k, v in t["phrases"].items()))  # type: ignore
            db.executemany("INSERT INTO stems VALUES (?, ?, ?)", _in_order(
                (stem, longest.get(stem), 1 if stem in names else None)  # type: ignore
                for stem in t["stems_known"]))  # type: ignore
            db.executemany("INSERT INTO words VALUES (?, ?, ?, ?)", _in_order(
                (word, stem, marshal.dumps(tuple(langs[word])),  # type: ignore
                 _key(one_word[word]) if word in one_word else None)  # type: ignore
                for word, stem in t["surface"].items()))  # type: ignore
            db.executemany("INSERT INTO buckets VALUES (?, ?)", _in_order(
                (_key(k), marshal.dumps(v)) for k, v in t["buckets"].items()))  # type: ignore
            db.commit()
        except sqlite3.Error as exc:
            raise OSError(f"could not write the lexicon: {exc}") from exc
        finally:
            db.close()
        self.size = os.path.getsize(path)

    def reduce(self, index):  # type: ignore[no-untyped-def]
        """The index without its large tables, which `_index` opens from the lexicon."""
        if index is not self.index:
            return object.__reduce_ex__(index, pickle.HIGHEST_PROTOCOL)
        names = {id(table): name for name, table in self.tables.items()}
        state = {k: v for k, v in vars(index).items() if id(v) not in names and k != "_vocab"}
        views = tuple((k, names[id(v)]) for k, v in vars(index).items() if id(v) in names)
        return (_index, (type(index), state, views, self.stamp, self.size))


def _in_order(rows: Iterable[tuple]) -> list[tuple]:
    """Rows sorted by their key (the first column) as SQLite orders TEXT: by code point,
    which is the order of its UTF-8 bytes."""
    return sorted(rows, key=itemgetter(0))


def _index(cls, state: dict, views: tuple, stamp: str, size: int):  # type: ignore[no-untyped-def]
    """A TermIndex whose large tables SQLite answers (see Lexicon.reduce)."""
    reader = _reading.reader
    if reader.db is None:
        reader.db = open_lexicon(reader.lexicon, stamp, size)
    index = cls.__new__(cls)
    vars(index).update(state)
    for attribute, view in views:
        setattr(index, attribute, DiskTable(reader.db, view))
    buckets, known = DiskTable(reader.db, "buckets"), DiskTable(reader.db, "stems_known")
    index._vocab = (buckets, known)
    return index


def open_lexicon(path: str, stamp: str, size: int):  # type: ignore[no-untyped-def]
    """The lexicon's SQLite file, read-only, shared by every thread that answers; a file
    that is not the one the pickle was written with raises ValueError."""
    import sqlite3
    if os.path.getsize(path) != size:
        raise ValueError(f"{path} is not the size it was written with")
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                         check_same_thread=False)
    if db.execute("SELECT v FROM stamp").fetchone() != (stamp,):
        db.close()
        raise ValueError(f"{path} belongs to another compiled file")
    return db
