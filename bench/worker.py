"""One measurement in a process of its own: `python -m bench.worker KNOWLEDGE CASES`.

Each fact base size is measured in fresh processes, so its peak memory is its own and no
cache from a smaller size helps a larger one: `--stage build` loads and indexes the YAML
as a first start does and writes the compiled form (into $KAZSERB_BOT_CACHE, which the
benchmark points at a directory of its own); `--stage serve` starts as every later start
does, from the compiled form, then answers. The worker prints one JSON line per phase as
soon as the phase ends (load, index, compile; ready, engine, baseline), so that when the
benchmark stops a worker that runs too long, the phases it finished are still reported.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from typing import Any, Callable

from dataclasses import replace
from pathlib import Path

from bot.engine import Engine
from bot.engine.compiled import collector_off, compiled_path, load_engine, store
from bot.evaluate import Case, Outcome, Report, judge, percentile
from bot.factbase import load_knowledge
from bot.text import building

from .baseline import FuzzyFAQ


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB.

    /proc's VmHWM counts only this program; ru_maxrss (the fallback) would also count the
    benchmark that forked it, as Linux carries the parent's size over into the child.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(phase: str, **values: Any) -> None:
    print(json.dumps({"phase": phase, "peak_mb": round(peak_mb(), 1), **values}), flush=True)


def _cases(path: str) -> list[Case]:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    return [Case(q=c["q"], tag=c.get("tag", "-"), expect=tuple(c.get("expect", ())),
                 abstain=bool(c.get("abstain"))) for c in raw]


def _summary(report: Report, samples: list[tuple[Case, float]], rounds: int) -> dict:
    def tally(t: Any) -> dict:
        return {"right": t.right, "total": t.total, "share": round(t.share, 4)}

    def ms(values: list[float], q: float) -> float:
        return round(1000 * percentile(values, q), 3)

    times = [s for _, s in samples]
    by_tag: dict[str, list[float]] = {}
    by_question: dict[str, float] = {}
    for case, took in samples:
        by_tag.setdefault(case.tag, []).append(took)
        by_question[case.q] = max(took, by_question.get(case.q, 0.0))
    slowest = sorted(by_question.items(), key=lambda qs: -qs[1])[:5]
    return {"rounds": rounds, "samples": len(times), "p50_ms": ms(times, 50),
            "p99_ms": ms(times, 99), "max_ms": ms(times, 100),
            "accuracy": tally(report.accuracy), "abstention": tally(report.abstention),
            "per_tag": {tag: {**tally(t), "p50_ms": ms(by_tag[tag], 50),
                              "p99_ms": ms(by_tag[tag], 99)}
                        for tag, t in report.per_tag().items()},
            "slowest": [{"q": q, "ms": round(1000 * s, 3)} for q, s in slowest],
            "failures": [{"q": o.case.q, "tag": o.case.tag, "why": o.why,
                          "answer": o.answer[:160]} for o in report.outcomes if not o.ok]}


def measure(answer: Callable[[str], tuple[bool, str]], cases: list[Case], budget: float,
            max_rounds: int) -> dict:
    """Answer once untimed (lazy set-up), then time whole rounds until the budget is spent.

    The first timed round is the one judged; every round's timings are samples.
    """
    answer(cases[0].q)
    samples: list[tuple[Case, float]] = []
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    rounds = 0
    clock = time.perf_counter
    while rounds < max_rounds and (rounds == 0 or clock() - started < budget):
        for case in cases:
            t0 = clock()
            answered, text = answer(case.q)
            took = clock() - t0
            samples.append((case, took))
            if rounds == 0:
                ok, why = judge(case.as_dict(), answered, text)
                outcomes.append(Outcome(case, ok, why, answered, text, took))
        rounds += 1
    return _summary(Report(tuple(outcomes)), samples, rounds)


def build(knowledge: Path) -> None:
    """A first start, phase by phase: parse and validate, index, write the compiled form
    (under the key of the files as the build found them)."""
    path = compiled_path(knowledge)
    with collector_off(), building():  # as bot.engine.compiled.build_engine does
        t0 = time.perf_counter()
        kb = load_knowledge(knowledge)
        emit("load", seconds=round(time.perf_counter() - t0, 4),
             entities=len(kb.entities), facts=len(kb.facts))
        t0 = time.perf_counter()
        engine = Engine(replace(kb, origins={}))
        emit("index", seconds=round(time.perf_counter() - t0, 4))
    t0 = time.perf_counter()
    store(path, engine)
    emit("compile", seconds=round(time.perf_counter() - t0, 4),
         mb=round(path.stat().st_size / 2**20, 1) if path and path.exists() else None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("knowledge")
    ap.add_argument("cases", help="JSON list of {q, tag, expect | abstain}")
    ap.add_argument("--budget", type=float, default=5.0, help="seconds of timed rounds")
    ap.add_argument("--rounds", type=int, default=5, help="at most this many timed rounds")
    ap.add_argument("--baselines", default="wratio", help="comma-separated scorers, or ''")
    ap.add_argument("--stage", choices=("build", "serve"), default="serve")
    args = ap.parse_args(argv)
    cases = _cases(args.cases)
    emit("start")
    if args.stage == "build":
        build(Path(args.knowledge))
        emit("done")
        return 0

    t0 = time.perf_counter()
    loaded = load_engine(args.knowledge)
    engine, kb = loaded.engine, loaded.engine.kb
    emit("ready", seconds=round(time.perf_counter() - t0, 4), from_cache=loaded.from_cache,
         entities=len(kb.entities), facts=len(kb.facts))

    def ask(question: str) -> tuple[bool, str]:
        reply = engine.answer(question)
        return reply.answered, reply.text

    emit("engine", **measure(ask, cases, args.budget, args.rounds))
    for scorer in filter(None, args.baselines.split(",")):
        t0 = time.perf_counter()
        faq = FuzzyFAQ(kb, scorer)
        built = time.perf_counter() - t0

        def lookup(question: str, faq: FuzzyFAQ = faq) -> tuple[bool, str]:
            reply = faq.answer(question)
            return reply.answered, reply.text

        emit("baseline", name=faq.name, scorer=scorer, build_seconds=round(built, 4),
             **measure(lookup, cases, args.budget, args.rounds))
    emit("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
