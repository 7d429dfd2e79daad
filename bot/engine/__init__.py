"""The engine: reading a question, finding the facts that hold it, composing the answer.

`Engine(kb).answer(question, context)` is all a front end needs.
"""
from .answering import Engine

__all__ = ["Engine"]
