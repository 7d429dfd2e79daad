"""Loading and validating a fact base: YAML with lines, language packs, translations,
transliteration, and the authoring checks of `kazserb-bot check`.

Nothing here imports the engine except `authoring`, which asks it whether the fact base
answers its own questions.
"""
from .loader import load_knowledge
from .yamlfile import KnowledgeError, Problem

__all__ = ["KnowledgeError", "Problem", "load_knowledge"]
