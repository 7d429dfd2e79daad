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


def _base(root):
    from bot.engine import Engine
    from bot.factbase import load_knowledge
    (root / "languages").mkdir(parents=True)
    (root / "meta.yaml").write_text(
        "title: Mills\ndescription: Invented.\nsource: {title: invented, publisher: tests, "
        "url: https://example.org/m, licence: CC0, licence_url: https://example.org/l}\n"
        "language: en\nexamples: [mill_opened]\n", encoding="utf-8")
    (root / "entities.yaml").write_text("""\
- {id: ostland, type: country, name: Ostland}
- {id: varn, type: place, name: Varn, country: ostland}
- {id: kell, type: place, name: Kell, country: ostland}
- {id: dura_works, type: organisation, name: Dura Works}
- {id: anna_vell, type: person, name: Anna Vell}
""", encoding="utf-8")
    (root / "facts.yaml").write_text("""\
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
""", encoding="utf-8")
    (root / "languages" / "en.yaml").write_text(
        "concepts:\n  opening: [opened, opening, open]\n  relocation: [moved, move]\n",
        encoding="utf-8")
    return Engine(load_knowledge(root))


def test_the_same_on_a_base_of_another_domain(tmp_path):
    engine = _base(tmp_path / "kb")
    for question in ("When was Dura Works established?", "Where was Dura Works established?"):
        answer = engine.answer(question)
        assert (answer.answered, answer.facts) == (False, ()), question
    answer = engine.answer("Who established Dura Works?")
    assert (answer.answered, answer.facts) == (True, ("mill_opened",))
    answer = engine.answer("When did Dura Works move to Kell?")
    assert (answer.answered, answer.facts) == (True, ("works_moved",))
