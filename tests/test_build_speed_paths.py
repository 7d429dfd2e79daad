"""The build's fast paths read exactly what the plain paths read: the short-text token
memo (kept only while building), the lower-casing fold of plain letters, and the
two-word prefixes that let TermIndex.read skip phrase look-ups."""
from __future__ import annotations

import unicodedata

import pytest

from bot import text
from bot.matching import Match, Term, TermIndex
from bot.text import Stemming, building, fold


def _slow_fold(word: str) -> str:
    """`fold` as it reads without its fast path."""
    word = unicodedata.normalize("NFKC", word).lower().translate(text._FOLD)
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def test_plain_letters_fold_as_the_normalisations_do():
    plain = sorted(text._PLAIN)
    assert len(plain) > 500
    for ch in plain:
        assert fold(ch) == _slow_fold(ch), ch
    # No two plain letters compose into one (else a word of them would not be plain).
    for a in plain:
        for b in plain:
            assert unicodedata.normalize("NFC", a + b) == a + b, (a, b)


@pytest.mark.parametrize("word", ["Vučić", "Белграде", "ЙОШКАР", "ёлка", "Тоқаев", "Qazaqstan",
                                  "İstanbul", "ΟΔΟΣ", "Straße", "Ǆemal", "и\u0306", "Đorđe",
                                  "Karić's", "naïve", "café", "Ænima", "ﬁne"])
def test_fold_of_any_word_is_the_slow_fold(word):
    assert fold(word) == _slow_fold(word)


def test_every_word_of_our_base_folds_as_before(engine):
    words = {w for f in engine.kb.facts for d in (f.texts, f.questions) for t in d.values()
             for w in text._WORD.findall(t)}
    words |= {w for e in engine.kb.entities.values() for n in (*e.names.values(), *e.aliases)
              for w in text._WORD.findall(n)}
    assert len(words) > 1000
    assert [w for w in words if fold(w) != _slow_fold(w)] == []


def test_short_texts_are_kept_while_building_and_dropped_after():
    stemming = Stemming()
    with building():
        first = stemming.tokens("the Silvane Star")
        assert stemming._phrases == {"the Silvane Star": tuple(first)}
        again = stemming.tokens("the Silvane Star")
        assert again == first and again is not first  # a list of its own
        again.append(again[0])  # changing it changes nothing kept
        assert stemming.tokens("the Silvane Star") == first
        with building():  # an inner build does not drop what the outer one keeps
            stemming.tokens("Astana")
        assert set(stemming._phrases) == {"the Silvane Star", "Astana"}
        long = "word " * 40
        assert len(stemming.tokens(long)) == 40
        assert long not in stemming._phrases  # a fact's text is read once: not kept
    assert stemming._phrases == {}
    assert text._memoising == []
    stemming.tokens("the Silvane Star")
    assert stemming._phrases == {}  # not kept outside a build


def test_kept_tokens_drop_a_word_of_underscores_as_before():
    stemming = Stemming()
    with building():
        assert [t.text for t in stemming.tokens("a _ b__ __ c")] == ["a", "b__", "c"]
        assert [t.text for t in stemming.tokens("a _ b__ __ c")] == ["a", "b__", "c"]


def test_read_skips_no_phrase_that_starts_with_two_words():
    index = TermIndex()
    index.add("the", Term("stop", "", "en"))
    index.add("the Silvane", Term("entity", "silvane"))
    index.add("the Silvane Star", Term("entity", "silvane_star"))
    index.add("Star", Term("word", "w:star", "en"))
    for sentence in ("the Silvane Star sails", "the the Silvane", "the star", "the"):
        assert index.read(sentence) == index.find(sentence, fuzzy=False), sentence
    found = index.read("the the Silvane Star")
    assert [m.ids for m in found if isinstance(m, Match)] == [("",), ("silvane_star",)]


@pytest.mark.parametrize("question", ["What agreements were signed in 1990?",
                                      "What happened in 2016?", "Who visited Serbia in 2010?",
                                      "What was signed in 2011?", "Where was Tokayev in 2024?"])
def test_one_id_and_a_year_score_as_every_term_read_one_by_one(engine, question):
    from bot.engine.index import _held
    from bot.engine.scoring import dated_scores
    from bot.query import parse
    query = parse(question, engine.index, engine._stop_forms, engine._synonyms)
    terms, total = engine._terms(query)
    parts = [None if isinstance(t, tuple) else engine._parts(t) for _, t in terms]
    spec = [(w, t, None, 0.0, None) if part is None else
            (w, None, part[0][0] if not part[1] and not part[2] and len(part[0]) == 1 else None,
             part[3], part) for (w, t), part in zip(terms, parts)]
    facts = list(engine.kb.facts)
    expected = []
    for fact in facts:  # FactIndex._score's loop for any term
        p = engine._profiles[fact.id]
        strengths = [_held(part, p) if part is not None else
                     engine._strength(t, fact, p, query) for (_, t), part in zip(terms, parts)]
        score = sum([w * s for (w, _), s in zip(terms, strengths)]) / total
        if any(s == 0 for (_, t), s in zip(terms, strengths) if isinstance(t, tuple)):
            score *= 0.5
        if "when" in query.intents and fact.date is None:
            score *= 0.9
        if score > 0:
            expected.append((score, fact))
    got = dated_scores(facts, engine._profiles, spec, total, "when" in query.intents, _held)
    assert got == expected
    assert got
