"""A yes/no question's object named by a word ("Did Kestria export *wine* to Belmora?")
must be said of the subject too: "Belmora mainly exports wine … while Kestria exports
timber … to Belmora" is no "Yes" to it, though it names Kestria, exporting and Belmora
(issue 8: Yes only when the facts decide it)."""
from __future__ import annotations

import pytest


def test_what_another_did_is_no_yes(fourth):
    answer = fourth.answer("Did Kestria export wine to Belmora?")
    assert (answer.answered, answer.facts, answer.nearest[:1]) == \
        (False, (), ("export_structure",))
    assert answer.text.split("\n")[0] == "The fact base does not say whether that is so."


@pytest.mark.parametrize("question", [
    "Did Kestria export timber to Belmora?",
    "Does Belmora export wine to Kestria?",
])
def test_what_the_subject_did_is_a_yes(fourth, question):
    answer = fourth.answer(question)
    assert (answer.answered, answer.facts) == (True, ("export_structure",))
    assert answer.text.startswith("Yes — ")


def test_a_word_said_after_the_subject_on_another_base(fifth):
    answer = fifth.answer("Did the Calvian parliament reject Marrin's proposal?")
    assert answer.text.startswith("Yes — 1899: ")
