"""Texts kept in the compiled file and read when asked for, not held in memory.

A fact base's texts — every fact's text and question in every language, every entity's
names, aliases and description — are most of its memory (at a thousand times ours, half a
gigabyte of small strings and dicts), yet a question reads the texts of a handful of facts.
The compiled form writes each such mapping or tuple once, marshalled, after the pickle; a
start maps the file and gives each fact and entity a small proxy that decodes its texts
on access. The operating system pages in what is read and nothing else.
"""
from __future__ import annotations

import marshal
import mmap
import os
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping, Sequence


class Blob:
    """The text part of a compiled file, mapped read-only."""

    __slots__ = ("_map", "_base")

    def __init__(self, mapped: mmap.mmap, base: int) -> None:
        self._map, self._base = mapped, base

    def read(self, start: int, end: int) -> Any:
        return marshal.loads(self._map[self._base + start:self._base + end])


class StoredTexts(Mapping[str, str]):
    """Language → text, decoded from the compiled file on each access."""

    __slots__ = ("_blob", "_start", "_end")

    def __init__(self, blob: Blob, start: int, end: int) -> None:
        self._blob, self._start, self._end = blob, start, end

    def _texts(self) -> dict[str, str]:
        return self._blob.read(self._start, self._end)

    def __getitem__(self, code: str) -> str:
        return self._texts()[code]

    def get(self, code: str, default: Any = None) -> Any:  # one decoding, not two
        return self._texts().get(code, default)

    def __contains__(self, code: object) -> bool:
        return code in self._texts()

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts())

    def __len__(self) -> int:
        return len(self._texts())

    def items(self):  # type: ignore[override]
        return self._texts().items()

    def values(self):  # type: ignore[override]
        return self._texts().values()

    def keys(self):  # type: ignore[override]
        return self._texts().keys()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._texts() == dict(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._texts())

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (MappingProxyType, (self._texts(),))


class StoredNames(Sequence[str]):
    """A tuple of names (aliases), decoded from the compiled file on each access."""

    __slots__ = ("_blob", "_start", "_end")

    def __init__(self, blob: Blob, start: int, end: int) -> None:
        self._blob, self._start, self._end = blob, start, end

    def _names(self) -> tuple[str, ...]:
        return self._blob.read(self._start, self._end)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._names()[i]

    def __len__(self) -> int:
        return len(self._names())

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._names())

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (tuple, (self._names(),))


def stored_ids(kb) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """id() of each text mapping and alias tuple the compiled form keeps out of the pickle,
    with its kind: what `Writer.persistent_id` recognises."""
    out: dict[int, str] = {}
    for f in kb.facts:
        out.update((id(t), "texts") for t in (f.texts, f.questions) if t)
    for e in kb.entities.values():
        out.update((id(t), "texts") for t in (e.names, e.descriptions) if t)
        if e.aliases:
            out[id(e.aliases)] = "names"
    return out


class Collected:
    """What the pickle leaves out, appended as it goes: (kind, start, end) per object."""

    def __init__(self, ids: dict[int, str]) -> None:
        self.ids, self.parts, self.size = ids, [], 0
        self._seen: dict[int, tuple[str, int, int]] = {}
        #: The objects themselves, so that no id is reused while pickling.
        self._held: list[object] = []

    def persistent_id(self, obj: object) -> tuple[str, int, int] | None:
        kind = self.ids.get(id(obj))
        if kind is None:
            return None
        if id(obj) not in self._seen:
            data = marshal.dumps(dict(obj) if kind == "texts" else tuple(obj))  # type: ignore
            self._seen[id(obj)] = (kind, self.size, self.size + len(data))
            self.parts.append(data)
            self._held.append(obj)
            self.size += len(data)
        return self._seen[id(obj)]


class Reader:
    """What the pickle refers to: the texts after it, and the lexicon's SQLite file."""

    def __init__(self, blob: Blob, lexicon: str) -> None:
        self.blob, self.lexicon, self._db = blob, lexicon, None

    def persistent_load(self, pid: tuple) -> object:
        if pid[0] == "table":
            _, name, stamp, size = pid
            if self._db is None:
                self._db = open_lexicon(self.lexicon, stamp, size)
            return DiskTable(self._db, name)
        kind, start, end = pid
        return (StoredTexts if kind == "texts" else StoredNames)(self.blob, start, end)


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


#: Table → how its values are written and read back; `None`: a set (membership only).
_CODECS: dict[str, tuple[Any, Any] | None] = {
    "phrases": (lambda terms: marshal.dumps(tuple((t.kind, t.id, t.lang) for t in terms)),
                _terms),
    "longest_from": (marshal.dumps, marshal.loads),
    "surface": (marshal.dumps, marshal.loads),
    "surface_langs": (lambda langs: marshal.dumps(tuple(langs)),
                      lambda v: frozenset(marshal.loads(v))),
    "one_word_names": (marshal.dumps, marshal.loads),
    "buckets": (marshal.dumps, marshal.loads),
    "name_words": None,
    "stems_known": None,
}


class DiskTable:
    """One table of the lexicon: a read-only dict (or set) that SQLite answers, with the
    answers it gave kept for the next question."""

    __slots__ = ("_db", "_table", "_decode", "_cache")

    def __init__(self, db, table: str) -> None:  # type: ignore[no-untyped-def]
        codec = _CODECS[table]
        self._db, self._table = db, table
        self._decode = codec[1] if codec else None
        self._cache: dict[object, object] = {}

    def _find(self, key: object) -> object:
        found = self._cache.get(key, _MISSING)
        if found is _MISSING:
            row = self._db.execute(f"SELECT v FROM {self._table} WHERE k = ?",
                                   (_key(key),)).fetchone()
            found = None if row is None else True if self._decode is None \
                else self._decode(row[0])
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
    to refer to them by name; on reading, `open_tables` gives them back as DiskTables."""

    def __init__(self, index) -> None:  # type: ignore[no-untyped-def]
        buckets, stems_known = index._vocabulary()
        self.tables: dict[str, object] = {
            "phrases": index._phrases, "longest_from": index._longest_from,
            "surface": index._surface, "surface_langs": index._surface_langs,
            "one_word_names": index._one_word_names, "buckets": buckets,
            "name_words": index._name_words, "stems_known": stems_known}
        self.ids = {id(table): name for name, table in self.tables.items()}
        #: Written into the file and into the pickle's references to it, with the file's
        #: size: a lexicon left by another build, or cut short, is never read as this one.
        self.stamp, self.size = os.urandom(8).hex(), 0

    def write(self, path: str) -> None:
        """Every table into a new SQLite file at `path`; its failures are OSErrors."""
        import sqlite3
        Path(path).unlink(missing_ok=True)
        Path(path).touch(mode=0o600)  # the user's own, like the compiled file
        db = sqlite3.connect(path)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE stamp (v TEXT)")
            db.execute("INSERT INTO stamp VALUES (?)", (self.stamp,))
            for name, table in self.tables.items():
                db.execute(f"CREATE TABLE {name} (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
                codec = _CODECS[name]
                rows = ((_key(k), None) for k in table) if codec is None else \
                    ((_key(k), codec[0](v)) for k, v in table.items())  # type: ignore
                db.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows)
            db.commit()
        except sqlite3.Error as exc:
            raise OSError(f"could not write the lexicon: {exc}") from exc
        finally:
            db.close()
        self.size = os.path.getsize(path)

    def persistent_id(self, obj: object) -> tuple[str, str, str, int] | None:
        name = self.ids.get(id(obj))
        return ("table", name, self.stamp, self.size) if name else None


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
