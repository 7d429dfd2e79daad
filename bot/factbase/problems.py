"""What is wrong with a fact base, and where: kept apart from the YAML reader so that a
start from the compiled form (bot/engine/compiled.py) can name them without loading it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The fact base cannot be used; `problems` says everything that is wrong and where."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))
