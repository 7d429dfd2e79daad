"""Guards against tuning the engine to one fact base and one wording.

Six question sets were written by teammates who never read the engine:
- `second_base/`: a fictional space agency's fact base (its language file holds only its
  concepts) with its own questions and conversations, written before any tuning;
- `third_base/`: a fictional Estavia–Norland relations fact base, written from SCHEMA.md
  alone, with its questions and conversations (`source.txt` is the article it was made of);
- `fourth_base/`: a fictional Belmora–Kestria relations fact base, written from SCHEMA.md
  alone, with its questions and conversations;
- `fifth_base/`: a fictional Calvia–Morvath railway fact base (a history: treaty,
  building, opening, records, accidents), written from SCHEMA.md alone with its
  questions and conversations before the engine was run on them (`source.txt`);
- `sixth_base/`: a fictional city orchestra's history (the Varrow Philharmonic:
  conductors' tenures, its hall, tours, recordings, agreements, awards), written from
  SCHEMA.md alone with its questions and conversations before the engine was run on them
  (`source.txt`);
- `heldout/`: new phrasings, of the kinds of ../shared/eval/dev_hard.yaml, over our base.

They are not yet at the project's 95 % bar; these floors are where the engine stands, so
that a change which reads questions worse on a base or wording it was not tuned to fails.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import evaluate

HERE = Path(__file__).parent


@pytest.mark.parametrize("base, name, accuracy, abstention", [
    ("second_base", "questions.yaml", 0.95, 1.0),
    ("second_base", "conversations.yaml", 0.96, 1.0),
    ("third_base", "questions.yaml", 0.91, 1.0),
    ("third_base", "conversations.yaml", 0.95, 1.0),
    ("fourth_base", "questions.yaml", 0.85, 0.89),
    ("fourth_base", "conversations.yaml", 0.94, 1.0),
    ("fifth_base", "questions.yaml", 0.82, 0.94),
    ("fifth_base", "conversations.yaml", 0.77, 0.66),
    ("sixth_base", "questions.yaml", 0.89, 0.87),
    ("sixth_base", "conversations.yaml", 0.88, 1.0),
    ("heldout", "questions.yaml", 0.90, 1.0),
    ("heldout", "conversations.yaml", 0.97, 1.0),
])
def test_sets_written_without_reading_the_engine(engine_of, base, name, accuracy, abstention):
    engine = engine_of(base if base.endswith("_base") else "ours")
    result = evaluate.evaluate(engine, evaluate.load_cases(HERE / base / name))
    failures = "\n".join(f"[{o.case.conversation or o.case.tag}] {o.case.q!r} -> "
                         f"{o.answer[:100]!r}" for o in result.outcomes if not o.ok)
    assert result.accuracy.share >= accuracy, failures
    assert result.abstention.share >= abstention, failures
