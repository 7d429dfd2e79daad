"""The compiled form of a fact base: the built engine, kept in the user's cache.

Parsing and validating the YAML and building the index is most of a start, and grows with
the fact base (minutes at a thousand times ours). The built engine is pickled once, keyed
by what built it — the engine's own code and language packs, and the fact base's bytes —
and later starts read it back in a fraction of that time. A changed YAML file, or another
engine version, changes the key and so is rebuilt; a stale file is never read.

The cache lives in `$KAZSERB_BOT_CACHE`, else `$XDG_CACHE_HOME/kazserb-bot`, else
`~/.cache/kazserb-bot`, never inside the package; `KAZSERB_BOT_CACHE=off` turns it off.
It is the user's own, like Python's .pyc files: a pickle is only read from a directory
only its owner may write to.
"""
from __future__ import annotations

import copyreg
import gc
import hashlib
import logging
import mmap
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from .. import __version__
from ..text import building
from . import stored
from .answering import Engine

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]
#: What the fact base directory's files are: what a compiled form is built from.
_SOURCES = ("*.yaml", "*.yml")
#: A compiled file starts with this, then the pickle's length (8 bytes, little-endian).
_MAGIC = b"kazserb-bot compiled 2\n"


def _proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


# The model's read-only mappings are pickled as the dicts they wrap.
copyreg.pickle(MappingProxyType, lambda m: (_proxy, (dict(m),)))


@dataclass(frozen=True)
class Loaded:
    """A ready engine, and whether it came from the compiled form or was built now."""

    engine: Engine
    from_cache: bool


def cache_dir() -> Path | None:
    """Where compiled fact bases are kept; None when the cache is off."""
    configured = os.environ.get("KAZSERB_BOT_CACHE", "")
    if configured.lower() in ("off", "0", "no", "false"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kazserb-bot"


def engine_version() -> str:
    """The engine's code and language packs, hashed: a pickle is only good for the code
    that wrote it, and a change during development must not meet a stale cache."""
    digest = hashlib.blake2b(f"{__version__} {sys.version}".encode(), digest_size=16)
    for path in sorted((*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.yaml"))):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(directory: Path) -> str:
    """The fact base's files, names and bytes, with the engine version: the cache key."""
    digest = hashlib.blake2b(engine_version().encode(), digest_size=20)
    files = sorted({p for pattern in _SOURCES for p in directory.rglob(pattern)})
    for path in files:
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        with path.open("rb") as f:
            digest.update(hashlib.file_digest(f, "blake2b").digest())
    return digest.hexdigest()


def load_engine(directory: str | Path, cache: bool = True) -> Loaded:
    """The engine for a fact base: from its compiled form when one matches, else built
    from the YAML (raising KnowledgeError with every problem) and compiled for next time."""
    directory = Path(directory).resolve()
    path = compiled_path(directory) if cache else None
    engine = _read(path) if path is not None else None
    from_cache = engine is not None
    if engine is None:
        engine = build_engine(directory)
        if path is not None:
            _write(path, engine)
    # The fact base and its index live as long as the engine: keep the collector from
    # walking them again and again (its pauses were most of the p99 on large bases).
    gc.freeze()
    return Loaded(engine, from_cache)


def compiled_path(directory: Path) -> Path | None:
    """Where the compiled form of this fact base, as it is now, is kept (None: no cache)."""
    where = cache_dir()
    if where is None:
        return None
    directory = directory.resolve()
    return where / f"{_slot(directory)}-{content_key(directory)}.engine"


def store(path: Path | None, engine: Engine, on_disk: bool | None = None) -> Path | None:
    """Keep an engine as the compiled form at `path` (the benchmark times it): the
    `compiled_path` taken before the build started, as `load_engine` does, so that a file
    changed during a long build is not credited with an engine built from the old one.
    `on_disk`: whether its lexicon goes to SQLite (default: when it is large)."""
    if path is not None:
        _write(path, engine, on_disk)
    return path


def build_engine(directory: Path) -> Engine:
    """Load, validate and index; the collector is held off while millions of objects that
    will all live on are made (it was about 40 % of the time on large bases)."""
    from ..factbase.loader import load_knowledge  # only a build needs YAML
    with collector_off(), building():
        kb = load_knowledge(directory)
        # Where each name was written is for `check`, which always reads the YAML.
        return Engine(replace(kb, origins={}))


def _slot(directory: Path) -> str:
    """One compiled form per fact base directory: a new one replaces the old."""
    return hashlib.blake2b(str(directory).encode(), digest_size=6).hexdigest()


def _read(path: Path) -> Engine | None:
    """The engine of a compiled file: a header, the pickle, then the texts it refers to
    (see `stored`), which stay in the mapped file."""
    if not _private(path.parent):
        return None
    try:
        with collector_off(), path.open("rb") as f:
            head = f.read(len(_MAGIC) + 8)
            if len(head) < len(_MAGIC) + 8 or not head.startswith(_MAGIC):
                raise ValueError("not a compiled fact base of this version")
            size = int.from_bytes(head[len(_MAGIC):], "little")
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            reader = stored.Reader(stored.Blob(mapped, len(head) + size),
                                   str(path.with_suffix(".lexicon")))
            with reader.reading():
                engine = pickle.Unpickler(f).load()
            if f.tell() != len(head) + size:
                raise ValueError("the pickle does not end where its header says")
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: rebuild it
        log.warning("compiled fact base %s is unreadable (%s); rebuilding", path, exc)
        return None
    return engine if isinstance(engine, Engine) else None


def _private(directory: Path) -> bool:
    """The user's own directory, which nobody else may write to: a pickle runs code."""
    try:
        st = directory.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        log.warning("not reading compiled fact bases from %s: others may write to it", directory)
        return False
    return True


def _write(path: Path, engine: Engine, on_disk: bool | None = None) -> None:
    """Written aside and renamed, so a reader never sees half a file; a cache that cannot
    be written (read-only home, full disk) costs the next start time, nothing else. The
    collector is held off: writing makes millions of small objects (rows, the pickler's
    memo), and each collection would walk the whole engine (seconds on a large base)."""
    with collector_off():
        _write_file(path, engine, on_disk)


def _write_file(path: Path, engine: Engine, on_disk: bool | None) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent):
            return
        for old in path.parent.glob(path.name.split("-")[0] + "-*.*"):
            if old.suffix in (".engine", ".lexicon"):
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError as exc:
        log.warning("could not write the compiled fact base to %s: %s", path, exc)
        return
    if on_disk is None:
        on_disk = len(engine.index._phrases) > stored.ON_DISK_PHRASES
    lexicon = stored.Lexicon(engine.index) if on_disk else None
    writer = stored.Writer(lexicon)

    try:
        if lexicon is not None:  # before the file that refers to it
            lexicon.write(tmp + ".lexicon")
            os.replace(tmp + ".lexicon", path.with_suffix(".lexicon"))
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + bytes(8))
            pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = writer.dispatch_table()
            pickler.dump(engine)
            size = f.tell() - len(_MAGIC) - 8
            f.writelines(writer.parts)
            f.seek(len(_MAGIC))
            f.write(size.to_bytes(8, "little"))
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not write the compiled fact base to %s: %s", path, exc)
        Path(tmp).unlink(missing_ok=True)
        Path(tmp + ".lexicon").unlink(missing_ok=True)


class collector_off:
    """gc.disable() for a block, restoring what was there: for making many objects that
    will all live on, which the collector would otherwise walk again and again."""

    def __enter__(self) -> None:
        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()
