"""A verb that only describes a thing the fact names ("the BK group, founded by
Dragomir's brother") is not what the fact is: its date and place are not that deed's, so
"when"/"where" of it is declined with the fact as nearest, while "who" is answered
(issue 8: a date the fact does not date is not the answer)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "When was BK group founded?",
    "Where was the BK group founded?",
    "what year was bk group founded",
])
def test_when_or_where_of_a_described_deed_is_declined(engine, question):
    answer = engine.answer(question)
    assert (answer.answered, answer.facts, answer.nearest[:1]) == \
        (False, (), ("bk_tesla_park_construction",))


def test_who_did_it_is_still_answered(engine):
    answer = engine.answer("Who founded the BK group?")
    assert (answer.answered, answer.facts) == (True, ("bk_tesla_park_construction",))


ENTITIES = """\
- {id: ostland, type: country, name: Ostland}
- {id: varn, type: place, name: Varn, country: ostland}
- {id: kell, type: place, name: Kell, country: ostland}
- {id: dura_works, type: organisation, name: Dura Works}
- {id: anna_vell, type: person, name: Anna Vell}
"""
FACTS = """\
- id: mill_opened
  kind: opening
  date: 1950-04-02
  section: Mills
  who: [dura_works, anna_vell]
  where: [varn]
  question: When did the Varn mill open?
  text: The Varn mill opened, a mill of Dura Works, established by Anna Vell.
- id: works_moved
  kind: relocation
  date: 1962
  section: Mills
  who: [dura_works]
  where: [kell]
  question: When did Dura Works move to Kell?
  text: Dura Works moved its offices to Kell.
"""
CONCEPTS = "concepts:\n  opening: [opened, opening, open]\n  relocation: [moved, move]\n"


def test_the_same_on_a_base_of_another_domain(small_base):
    engine = small_base(ENTITIES, FACTS, CONCEPTS)
    for question in ("When was Dura Works established?", "Where was Dura Works established?"):
        answer = engine.answer(question)
        assert (answer.answered, answer.facts) == (False, ()), question
    answer = engine.answer("Who established Dura Works?")
    assert (answer.answered, answer.facts) == (True, ("mill_opened",))
    answer = engine.answer("When did Dura Works move to Kell?")
    assert (answer.answered, answer.facts) == (True, ("works_moved",))
