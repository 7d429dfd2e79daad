"""`kazserb-bot eval`: run a question set through the engine and say how it did.

For fact base authors, what `rasa test` is for Rasa users: after a change to the fact
base, one command shows accuracy per tag, the abstentions, every failure with what was
expected and what came back, and how long each question took. The question set has the
format of ../shared/eval/dev_questions.yaml, and answers are judged exactly as
../shared/eval/score.py judges them (re-implemented here: the package must not depend on
a file outside it), so a number here is the number the acceptance check will print.
"""
from __future__ import annotations

import json
import math
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Sequence

import yaml

from .engine import Engine
from .model import Context

#: Tags scored apart from accuracy: out-of-scope questions, and other languages.
OUT_OF_SCOPE, MULTILINGUAL = "oos", "ml"
_DASHES = re.compile(r"[\u2010-\u2015\u2212\-]+")


class QuestionSetError(ValueError):
    """The question file cannot be used; the message says where and why, in one line."""


# ------------------------------------------------------------------- judging (score.py)

def normalize(text: str) -> str:
    """Lower case, no diacritics, "đ" as "dj", every dash a "-", single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("đ", "dj")
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def item_holds(item: str | list, answer: str) -> bool:
    """One expected item: a list is "any of these", "re:" a regular expression."""
    if isinstance(item, list):
        return any(item_holds(alt, answer) for alt in item)
    if item.startswith("re:"):
        return re.search(item[3:], answer) is not None
    return normalize(item) in answer


def judge(case: dict, answered: bool, text: str) -> tuple[bool, str]:
    """Right or wrong, and why not: score.py's rules for one case and one reply."""
    answer = normalize(text)
    if case.get("abstain"):
        return (not answered), ("answered an out-of-scope question" if answered else "")
    if not answered:
        return False, "abstained"
    missing = [i for i in case["expect"] if not item_holds(i, answer)]
    return (not missing), (f"missing {missing}" if missing else "")


# ------------------------------------------------------------------- the question file

@dataclass(frozen=True)
class Case:
    """One question of the set, with the line it is on for messages."""

    q: str
    tag: str
    expect: tuple[Any, ...] = ()
    abstain: bool = False
    line: int = 0
    #: The conversation the case is a turn of (its id), or None for a lone question.
    conversation: str | None = None

    def as_dict(self) -> dict:
        return {"q": self.q, "tag": self.tag, "expect": list(self.expect),
                "abstain": self.abstain}


def load_cases(path: str | Path) -> list[Case]:
    """Read and check a question file; raise QuestionSetError saying what is wrong where."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionSetError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{path}: cannot read: {exc}") from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise QuestionSetError(f"{path}{where}: bad YAML: {what}") from None
    finally:
        loader.dispose()
    if not isinstance(data, list) or not data:
        raise QuestionSetError(f"{path}: expected a list of questions "
                               "({q: ..., expect: [...]} or {q: ..., abstain: true}) "
                               "or of conversations ({id: ..., turns: [...]})")
    if all(isinstance(raw, dict) and "turns" in raw for raw in data):
        return _conversations(path, node, data)
    lines = [item.start_mark.line + 1 for item in node.value]
    return [_case(path, n, line, raw) for n, (line, raw) in enumerate(zip(lines, data), 1)]


def _conversations(path: Path, node: yaml.Node, data: list) -> list[Case]:
    """A conversation file (the format of dev_conversations.yaml): its turns, in order,
    each a case that knows its conversation; a turn's tag is "oos" or "turn" unless set."""
    cases: list[Case] = []
    for number, (item, raw) in enumerate(zip(node.value, data), 1):
        cid = str(raw.get("id", number))
        turns = raw.get("turns")
        turn_nodes = next((v.value for k, v in item.value if k.value == "turns"), [])
        if not isinstance(turns, list) or not turns:
            raise QuestionSetError(f"{path}:{item.start_mark.line + 1}: conversation {cid}: "
                                   "'turns' must be a non-empty list of questions")
        for n, (turn_node, turn) in enumerate(zip(turn_nodes, turns), 1):
            if isinstance(turn, dict) and "tag" not in turn:
                turn = dict(turn, tag="oos" if turn.get("abstain") else "turn")
            case = _case(path, n, turn_node.start_mark.line + 1, turn)
            cases.append(Case(case.q, case.tag, case.expect, case.abstain, case.line, cid))
    return cases


def _case(path: Path, number: int, line: int, raw: Any) -> Case:
    where = f"{path}:{line}: question {number}"
    if not isinstance(raw, dict):
        raise QuestionSetError(f"{where}: expected a mapping with q and expect (or abstain)")
    q = raw.get("q")
    if not isinstance(q, str) or not q.strip():
        raise QuestionSetError(f"{where}: missing 'q' (the question text)")
    tag = raw.get("tag", "-")
    if not isinstance(tag, (str, int)):
        raise QuestionSetError(f"{where}: 'tag' must be a word")
    if raw.get("abstain") is True:
        return Case(q=q, tag=str(tag), abstain=True, line=line)
    if "abstain" in raw and raw["abstain"] not in (False, None):
        raise QuestionSetError(f"{where}: 'abstain' must be true or false")
    expect = raw.get("expect")
    if expect is None:
        raise QuestionSetError(f"{where}: missing 'expect' (or 'abstain: true')")
    if not isinstance(expect, list) or not expect or not all(_expect_item(i) for i in expect):
        raise QuestionSetError(f"{where}: 'expect' must be a non-empty list of strings "
                               "(a list inside it means any one of them)")
    bad = next((s for s in _strings(expect) if s.startswith("re:") and not _compiles(s[3:])), None)
    if bad is not None:
        raise QuestionSetError(f"{where}: bad regular expression {bad!r}")
    return Case(q=q, tag=str(tag), expect=tuple(expect), line=line)


def _expect_item(item: Any) -> bool:
    if isinstance(item, list):
        return bool(item) and all(isinstance(alt, str) for alt in item)
    return isinstance(item, str)


def _strings(expect: list) -> list[str]:
    return [s for i in expect for s in (i if isinstance(i, list) else [i])]


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


# ------------------------------------------------------------------- running

@dataclass(frozen=True)
class Outcome:
    """What happened to one question."""

    case: Case
    ok: bool
    why: str
    answered: bool
    answer: str
    seconds: float


@dataclass(frozen=True)
class Tally:
    right: int
    total: int

    @property
    def share(self) -> float:
        """Right / total; an empty group holds (as in score.py)."""
        return self.right / self.total if self.total else 1.0


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    def tally(self, keep: Callable[[str], bool]) -> Tally:
        chosen = [o for o in self.outcomes if keep(o.case.tag)]
        return Tally(sum(o.ok for o in chosen), len(chosen))

    @property
    def accuracy(self) -> Tally:
        """Answerable questions: every tag but out-of-scope and multilingual."""
        return self.tally(lambda t: t not in (OUT_OF_SCOPE, MULTILINGUAL))

    @property
    def abstention(self) -> Tally:
        return self.tally(lambda t: t == OUT_OF_SCOPE)

    @property
    def multilingual(self) -> Tally:
        return self.tally(lambda t: t == MULTILINGUAL)

    def per_tag(self) -> dict[str, Tally]:
        tags = sorted({o.case.tag for o in self.outcomes})
        return {tag: self.tally(lambda t, tag=tag: t == tag) for tag in tags}

    def latency_ms(self, q: float) -> float:
        return 1000 * percentile([o.seconds for o in self.outcomes], q)

    @property
    def conversations(self) -> Tally:
        """Conversations every turn of which is right (none: an empty tally)."""
        right: dict[str, bool] = {}
        for o in self.outcomes:
            if o.case.conversation is not None:
                right[o.case.conversation] = right.get(o.case.conversation, True) and o.ok
        return Tally(sum(right.values()), len(right))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a value that was really measured."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def evaluate(engine: Engine, cases: Sequence[Case]) -> Report:
    """Ask every question, timing each answer: a lone question on its own, a turn of a
    conversation with the context the previous turns left."""
    engine.answer(cases[0].q)  # warm-up: lazy indexes are built once, not in question 1
    outcomes = []
    clock = time.perf_counter
    context, current = Context(), None
    for case in cases:
        if case.conversation != current:
            context, current = Context(), case.conversation
        start = clock()
        answer = engine.answer(case.q, context if case.conversation is not None else None)
        seconds = clock() - start
        if case.conversation is not None:
            context = answer.context
        text = answer.text
        ok, why = judge(case.as_dict(), answer.answered, text)
        outcomes.append(Outcome(case, ok, why, answer.answered, text, seconds))
    return Report(tuple(outcomes))


# ------------------------------------------------------------------- reporting

def to_json(report: Report, source: str) -> dict:
    def tally(t: Tally) -> dict:
        return {"right": t.right, "total": t.total, "share": round(t.share, 4)}

    return {
        "file": source,
        "questions": len(report.outcomes),
        "conversations": tally(report.conversations),
        "accuracy": tally(report.accuracy),
        "abstention": tally(report.abstention),
        "multilingual": tally(report.multilingual),
        "false_abstentions": sum(1 for o in report.outcomes
                                 if not o.case.abstain and not o.answered),
        "per_tag": {tag: tally(t) for tag, t in report.per_tag().items()},
        "latency_ms": {"p50": round(report.latency_ms(50), 3),
                       "p99": round(report.latency_ms(99), 3),
                       "max": round(report.latency_ms(100), 3)},
        "failures": [{"line": o.case.line, "tag": o.case.tag, "q": o.case.q,
                      "conversation": o.case.conversation,
                      "expected": "abstain" if o.case.abstain else list(o.case.expect),
                      "why": o.why, "answered": o.answered, "answer": o.answer}
                     for o in report.outcomes if not o.ok],
    }


def write_text(report: Report, out: IO[str]) -> None:
    """Failures first (what was expected, what came back, and for a conversation the
    turns before), then the table, then a summary."""
    for i, o in enumerate(report.outcomes):
        if o.ok:
            continue
        expected = "to abstain" if o.case.abstain else json.dumps(list(o.case.expect),
                                                                   ensure_ascii=False)
        got = o.answer[:200].replace("\n", " | ")
        where = f" [{o.case.conversation}]" if o.case.conversation is not None else ""
        out.write(f"FAIL line {o.case.line}{where} [{o.case.tag}] {o.case.q!r}: {o.why}\n")
        before = [p for p in report.outcomes[:i] if p.case.conversation is not None
                  and p.case.conversation == o.case.conversation]
        for p in before:
            out.write(f"     after {p.case.q!r} -> {p.answer[:80].replace(chr(10), ' | ')}\n")
        out.write(f"     expected {expected}\n"
                  f"     got ({'answered' if o.answered else 'declined'}) {got}\n")
    by_tag: dict[str, list[float]] = defaultdict(list)
    for o in report.outcomes:
        by_tag[o.case.tag].append(o.seconds)
    out.write(f"\n{'tag':12} {'right':>5} / {'total':<5} {'share':>7} {'p50 ms':>8} {'p99 ms':>8}\n")
    for tag, t in report.per_tag().items():
        out.write(f"{tag:12} {t.right:5} / {t.total:<5} {t.share:7.1%} "
                  f"{1000 * percentile(by_tag[tag], 50):8.2f} "
                  f"{1000 * percentile(by_tag[tag], 99):8.2f}\n")
    acc, abst, ml = report.accuracy, report.abstention, report.multilingual
    out.write(f"eval: answerable {acc.right}/{acc.total} ({acc.share:.1%}), "
              f"abstained {abst.right}/{abst.total} ({abst.share:.1%}), "
              f"multilingual {ml.right}/{ml.total}, "
              + (f"conversations fully right {report.conversations.right}/"
                 f"{report.conversations.total}, " if report.conversations.total else "")
              + f"latency p50 {report.latency_ms(50):.2f} ms, p99 {report.latency_ms(99):.2f} ms "
              f"over {len(report.outcomes)} questions\n")


def run(engine: Engine, file: str | Path, out: IO[str], err: IO[str], *,
        min_accuracy: float | None = None, min_abstain: float | None = None,
        as_json: bool = False) -> int:
    """The `eval` command: 0 thresholds held, 1 one was missed, 2 the file is unusable."""
    for name, value in (("--min-accuracy", min_accuracy), ("--min-abstain", min_abstain)):
        if value is not None and not 0 <= value <= 1:
            err.write(f"kazserb-bot eval: {name} is a share between 0 and 1 (0.95), "
                      f"not {value:g}\n")
            return 2
    try:
        cases = load_cases(file)
    except QuestionSetError as exc:
        err.write(f"kazserb-bot eval: {exc}\n")
        return 2
    report = evaluate(engine, cases)
    if as_json:
        out.write(json.dumps(to_json(report, str(file)), ensure_ascii=False, indent=2) + "\n")
    else:
        write_text(report, out)
    missed = []
    if min_accuracy is not None and report.accuracy.share < min_accuracy:
        missed.append(f"accuracy {report.accuracy.share:.1%} < --min-accuracy {min_accuracy:.1%}")
    if min_abstain is not None and report.abstention.share < min_abstain:
        missed.append(f"abstention {report.abstention.share:.1%} < --min-abstain {min_abstain:.1%}")
    for line in missed:
        err.write(f"kazserb-bot eval: {line}\n")
    return 1 if missed else 0


__all__ = ["Case", "QuestionSetError", "Report", "evaluate", "judge", "load_cases",
           "normalize", "percentile", "run", "to_json"]
