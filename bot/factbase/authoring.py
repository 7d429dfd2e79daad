"""Checks that need the engine: does the fact base answer its own questions, and can
every cue word be read as its concept? `kazserb-bot check` runs them after loading.

They are mistakes a loader cannot see in one file: a question whose words lead to
another fact, a cue word that a stop word, an outside word or a name reads first.
"""
from __future__ import annotations

from ..engine import Engine
from ..matching import Match
from ..model import Context, KnowledgeBase
from .yamlfile import Problem

#: How a kind of term is named in a message.
_KINDS = {"entity": "a name", "demonym": "a demonym", "outside": "an outside word",
          "intent": "a question word", "modifier": "a modifier", "month": "a month name",
          "pronoun": "a pronoun", "stop": "a stop word", "word": "a fact's word"}


def authoring_problems(kb: KnowledgeBase, engine: Engine | None = None) -> list[Problem]:
    engine = engine or Engine(kb)
    return sorted({*_unanswered_questions(kb, engine), *_shadowed_cue_words(kb, engine)})


def _unanswered_questions(kb: KnowledgeBase, engine: Engine) -> list[Problem]:
    """Every fact's `question`, in every language it is written in, leads back to it."""
    out = []
    for fact in kb.facts:
        for code, question in fact.questions.items():
            if code not in kb.languages:
                continue
            answer = engine.answer(question, Context(language=code))
            if fact.id in answer.facts:
                continue
            file, line = kb.origins.get(("question", fact.id, code), ("facts.yaml", 0))
            got = (f"with {', '.join(answer.facts)}" if answer.answered
                   else f"not at all ({answer.text.splitlines()[0]})")
            out.append(Problem(file, line, f"{fact.id}: its {code} question {question!r} is "
                               f"answered {got}: name in it what the fact is tagged with "
                               "(who, where, kind, tags), or tag the fact with what it names"))
    return out


def _shadowed_cue_words(kb: KnowledgeBase, engine: Engine) -> list[Problem]:
    """A concept's cue word that the index reads as something else never means it."""
    out = []
    for code, lang in kb.languages.items():
        for cid, words in lang.concepts.items():
            for word in words:
                found = engine.index.find(word, fuzzy=False)
                if len(found) == 1 and isinstance(found[0], Match) and \
                        any(t.kind == "concept" and t.id == cid for t in found[0].terms):
                    continue
                if not found or not isinstance(found[0], Match) or len(found) != 1:
                    continue  # a phrase whose words are read one by one: not hidden by one thing
                taken = found[0].terms[0]
                what = _KINDS.get(taken.kind, taken.kind)
                which = f" of {taken.id!r}" if taken.kind == "entity" else \
                    f" ({taken.lang})" if taken.lang else ""
                file, line = kb.origins.get(("concept", code, cid), (f"languages/{code}.yaml", 0))
                out.append(Problem(file, line, f"concepts.{cid}: cue word {word!r} is read as "
                                   f"{what}{which}, so it never means {cid!r}: remove one of "
                                   "the two"))
    return out
