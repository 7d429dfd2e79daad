"""A fast reading of the one shape a large fact base file has: a list of flat mappings.

At a thousand times ours, entities.yaml and facts.yaml are 140 MB, and libyaml's parser,
with a node and two position objects for every scalar, was a sixth of a first build. Most
of such a file is lines of one shape:

    - id: kazakhstan
      name: {"en": "Kazakhstan", "ru": "Казахстан"}
      aliases: [Republic of Kazakhstan, Kazakstan]

`parse` reads exactly that — a top-level list of mappings, one `key: value` a line, each
value a plain scalar, a flow list of plain words, or JSON as `json.dumps` writes it (which
is valid YAML with the same meaning) — and gives what the YAML loader gives, lines and
all. Anything else in a file (another indentation, a comment after a value, a quoted
plain scalar, a tab, a duplicate key, a character YAML refuses) returns None, and the
whole file goes to the YAML loader: so a malformed file is reported as before, by it.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable


#: One item line: "- key: value" (a new mapping) or "  key: value" (its next key).
_LINE = re.compile(r"(- |  )([A-Za-z_][A-Za-z0-9_]{0,63}): (.*)")
#: A plain scalar as a value in block context: starts with a word character, has no
#: ": " or " #" (which YAML reads as a key or a comment), does not end with ":".
_PLAIN = re.compile(r"\w(?:(?!: | #)[^\t])*")
#: A flow list of plain scalars: words, spaces and a few marks, no quotes first, no
#: commas, brackets, colons or "#" inside.
_ITEM = r"\w(?:[\w .'’()/-]*[\w.'’()/-])?"
_FLOW = re.compile(rf"\[{_ITEM}(?:, {_ITEM})*\]")
#: What YAML would not read as the lines this module assumes, anywhere in a file: other
#: line breaks (carriage return, NEL, line and paragraph separators), tabs, a byte-order
#: mark, and the characters it refuses (its reader's NON_PRINTABLE).
_FOREIGN = re.compile("[^\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD"
                      "\U00010000-\U0010ffff]")

_dumps = json.JSONEncoder(ensure_ascii=False).encode
_loads = json.JSONDecoder().decode


class NotFlat(ValueError):
    """The file is not only lines of the one shape: the YAML loader reads it."""


def parse(text: str, mapping: type[dict], typed: frozenset[str],
          scalar: Callable[[str], Any], rest: Callable[[int, str], list | None]
          ) -> list | None:
    """The file's list of mappings, as the YAML loader builds it (`mapping`s with their
    `line` and `key_lines`); None when the file is not a list at its top (then only the
    YAML loader may read it). `scalar` is what the loader makes of a plain scalar whose
    first character is in `typed` (a number, null; NotFlat for anything but those).
    `rest(line, text)` is the loader's reading of the items of another shape (a text
    written as a block over several lines), the file's lines from `line` on: a list of
    them, or None when it finds a problem (then the loader reads the whole file)."""
    if _FOREIGN.search(text):
        return None
    lines = text.split("\n")
    try:
        pieces = _pieces(lines, mapping, typed, scalar)
    except NotFlat:
        return None
    if pieces is None:
        return None
    out: list = []
    runs = 0
    k = 0
    while k < len(pieces):
        if not isinstance(pieces[k], int):
            out.append(pieces[k])
            k += 1
            continue
        first = pieces[k]
        while k < len(pieces) and isinstance(pieces[k], int):
            k += 1
        last = pieces[k].line - 1 if k < len(pieces) else len(lines)
        runs += 1
        read = rest(first + 1, "\n".join(lines[first:last])) if runs <= _RUNS else None
        if read is None:
            return None
        out.extend(read)
    return out


#: Runs of items of another shape read apart, at most: each is read as its own YAML
#: document, after as many empty lines as come before it (so that its lines are right).
_RUNS = 64


def _pieces(lines: list[str], mapping: type[dict], typed: frozenset[str],
            scalar: Callable[[str], Any]) -> list | None:
    """The top-level items in order: a mapping read here, or the index of the first line
    of one the YAML loader is to read."""
    pieces: list = []
    current: dict | None = None  # the item being read here (None: it is the loader's)
    started = False
    plain, flow, line_re = _PLAIN.fullmatch, _FLOW.fullmatch, _LINE.fullmatch
    for index, line in enumerate(lines):
        if not line or line[0] == " " or line[0] == "#":
            stripped = line.lstrip(" ")
            if not stripped or stripped[0] == "#":
                continue  # a blank line or a comment line
            if current is None:
                if not started:
                    return None  # something before the first item: not a list
                continue  # a line of an item of the loader's
        elif line == "-" or line.startswith("- "):
            started = True
            current = mapping()
            current.line, current.key_lines = index + 1, {}
            pieces.append(current)
        else:
            return None  # not a list: "---", "key: value"
        if not started:
            return None
        found = line_re(line)
        value: Any = _NOT
        if found is not None:
            lead, key, raw = found.groups()
            raw = raw.rstrip(" ")
            if key[0] in typed:
                key = scalar(key)
            if raw and isinstance(key, str) and key not in current and \
                    (lead == "- ") == (not current):
                first = raw[0]
                if first == "[":
                    if raw.startswith('["') or raw == "[]":
                        value = _json(raw, index + 1, mapping)
                    elif flow(raw):
                        value = [w if w[0] not in typed else scalar(w)
                                 for w in raw[1:-1].split(", ")]
                elif first == "{" or first == '"':
                    value = _json(raw, index + 1, mapping)
                elif plain(raw) and raw[-1] != ":":
                    value = raw if first not in typed else scalar(raw)
        if value is _NOT:  # the whole item is the loader's
            if current is not None:
                pieces[-1] = current.line - 1
                current = None
            continue
        current[key] = value
        current.key_lines[key] = index + 1
    return pieces if started else None


_NOT = object()


def _json(raw: str, line: int, mapping: type[dict]) -> Any:
    """A JSON value exactly as `json.dumps` writes it (so ", " and ": " between items, no
    other escapes than its own), of strings only: what YAML reads it as."""
    if "\\u" in raw:  # an escaped code: json and YAML differ on some (surrogates)
        return _NOT
    try:
        value = _loads(raw)
    except ValueError:
        return _NOT
    if _dumps(value) != raw or not _strings_only(value):
        return _NOT
    return _located(value, line, mapping)


def _strings_only(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(map(_strings_only, value))
    if isinstance(value, dict):
        # YAML takes a key of a flow mapping only under 1024 characters.
        return all(len(k) < 1000 for k in value) and all(map(_strings_only, value.values()))
    return False


def _located(value: Any, line: int, mapping: type[dict]) -> Any:
    if isinstance(value, dict):
        out = mapping()
        out.line, out.key_lines = line, {}
        for k, v in value.items():
            out[k] = _located(v, line, mapping)
            out.key_lines[k] = line
        return out
    if isinstance(value, list):
        return [_located(v, line, mapping) for v in value]
    return value

