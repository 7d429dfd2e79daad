"""Loading and validating a fact base: YAML with lines, language packs, translations,
transliteration, and the authoring checks of `kazserb-bot check`.

Nothing here imports the engine except `authoring`, which asks it whether the fact base
answers its own questions. The loader (and PyYAML with it) is imported when first used:
a start from the compiled form never needs it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .problems import KnowledgeError, Problem

if TYPE_CHECKING:
    from .loader import load_knowledge

__all__ = ["KnowledgeError", "Problem", "load_knowledge"]


def __getattr__(name: str) -> Any:
    if name == "load_knowledge":
        from .loader import load_knowledge
        return load_knowledge
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
