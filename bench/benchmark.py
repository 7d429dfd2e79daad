"""kazserb-bot benchmark: `python -m bench.benchmark [--sizes 10,100,1000] [--quick] [--out F]`.

Measures, on this machine, what issue 4 sets targets for, and prints a table and writes
it as JSON (bench-results.json):

1. engine latency per question, warm, p50/p99, over the project's question set
   (tests/questions.yaml), with its accuracy, beside
2. a naive baseline on the same questions: rapidfuzz extractOne over the facts'
   canonical questions with a cutoff (bench/baseline.py);
3. cold start of `kazserb-bot ask "…"` as a whole process (wall time, peak memory),
   and the fact base's load time (parse and validate, then build the index);
4. scaling: synthetic fact bases 10×, 100×, 1000× ours (bench/synthetic.py), each
   measured in its own process: load time, peak memory, and latency and accuracy on a
   fixed mix of questions about real entities, generated ones, and out-of-scope ones.

The end-to-end Telegram measurement of the issue (item 5) is not part of it yet.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: python bench/benchmark.py
    sys.path.insert(0, str(REPO))

from bench.synthetic import Probe, generate  # noqa: E402
from bot.cli import default_knowledge  # noqa: E402
from bot.evaluate import load_cases  # noqa: E402

QUESTION = "When did Nazarbayev visit Belgrade?"
#: Questions about real entities, which every synthetic base still holds.
REAL_PROBES = (
    Probe("When did Nazarbayev visit Belgrade?", "real", ("23-25 august 2016",)),
    Probe("When did Tadić visit Kazakhstan?", "real", ("6-7 october 2010",)),
    Probe("When did Tokayev visit Serbia?", "real", ("18-19 november 2024",)),
    Probe("When was the Serbian embassy in Astana opened?", "real", ("27 june 2011",)),
    Probe("Tell me about the Fiat agreement", "real", ("fiat",)),
    Probe("What did Masimov say in 2008?", "real", ("kosovo",)),
    Probe("Is there a Nikola Tesla street in Astana?", "real", ("ishim",)),
    Probe("How big is BK Tesla Park?", "real", (["21 hectare", "21-hectare"],)),
    Probe("Where is the Jambyl Jabayev bust?", "real", ("new belgrade",)),
    Probe("What medal did Dragomir Karic get?", "real", ("february 2016",)),
    Probe("When was the Belgrade declaration?", "real", ("2 june 1955",)),
    Probe("nazarbaev visit", "real", ("23-25 august 2016",)),
)
#: Questions the bot must decline at every size.
OOS_PROBES = tuple(Probe(q, "oos", abstain=True) for q in (
    "What is the capital of Germany?", "When did Vučić visit Russia?",
    "How tall is the Baiterek tower?", "qwerty uiop", "When did Tokayev visit China?",
    "Who won the 2018 FIFA World Cup?", "When did Nazarbayev visit Japan?",
    "How do I cook pasta carbonara?", "blorp fnargle wibble",
    "Who is the president of the United States?", "What is the speed of light?",
    "When did Nikolić visit Brazil?"))

#: The targets (issues 4 and 11) on this 2-core machine.
TARGETS = {"engine_p99_ms": 2.0, "engine_p99_ms_1000x": 2.0, "ready_s_1000x": 3.0,
           "ready_mb_1000x": 500.0, "build_s_1000x": 60.0, "cold_start_s": 0.25,
           "cold_start_mb": 40.0}


@dataclass(frozen=True)
class Settings:
    knowledge: Path
    questions: Path
    sizes: tuple[int, ...]
    rounds: int
    budget: float
    cold_runs: int
    timeout: float
    #: Seconds the whole run may take (0: no limit); a size that would run past it is
    #: stopped, and larger ones are skipped.
    deadline: float
    base_only: bool


# ------------------------------------------------------------------- processes

def bot_command() -> list[str]:
    """The installed console script if there is one, else `python -m bot`."""
    script = Path(sys.executable).with_name("kazserb-bot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO)}


def run_measured(cmd: Sequence[str], cwd: Path) -> dict:
    """Run a command to its end: its wall time, CPU time and its own peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "usage.json"
        proc = subprocess.run([sys.executable, "-S", str(REPO / "bench" / "launch.py"),
                               str(result), *cmd], stdin=subprocess.DEVNULL,
                              capture_output=True, cwd=cwd, env=_env(), timeout=120)
        if proc.returncode != 0 or not result.exists():
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                               f"{proc.stderr.decode(errors='replace')[-500:]}")
        return json.loads(result.read_text())


def cold_start(settings: Settings, cwd: Path) -> dict:
    """`kazserb-bot ask` from process start to exit, and what of it is Python and imports."""
    def runs(cmd: list[str]) -> dict:
        run_measured(cmd, cwd)  # the first run may write .pyc files: not a cold start
        measured = [run_measured(cmd, cwd) for _ in range(settings.cold_runs)]
        return {"wall_s_p50": round(statistics.median(m["wall_s"] for m in measured), 4),
                "wall_s_min": round(min(m["wall_s"] for m in measured), 4),
                "cpu_s_p50": round(statistics.median(m["cpu_s"] for m in measured), 4),
                "peak_mb": round(max(m["peak_mb"] for m in measured), 1),
                "runs": len(measured)}

    command = bot_command()
    ask = [*command, "ask", "--knowledge", str(settings.knowledge), QUESTION]
    building = os.environ.get("KAZSERB_BOT_CACHE")
    os.environ["KAZSERB_BOT_CACHE"] = "off"  # every start builds from the YAML
    try:
        first = runs(ask)
    finally:
        os.environ["KAZSERB_BOT_CACHE"] = building or ""
    return {"command": " ".join([Path(command[0]).name, *command[1:], "ask", repr(QUESTION)]),
            "ask": runs(ask), "ask_first": first,
            "python_only": runs([sys.executable, "-c", "pass"]),
            "imports_only": runs([sys.executable, "-c",
                                  "import bot.cli, bot.engine, bot.factbase, bot.render"])}


def run_worker(knowledge: Path, cases: list[dict], settings: Settings, workdir: Path,
               baselines: str, timeout: float | None = None) -> dict:
    """Measure one fact base as a first start (build: YAML → index → compiled form) and as
    every later start (serve: from the compiled form, then answer), each in a fresh
    process; keep the phases each finished in time."""
    timeout = settings.timeout if timeout is None else timeout
    started = time.perf_counter()
    result = _stage("build", knowledge, cases, settings, workdir, baselines, timeout)
    if "error" in result:
        return result
    left = max(timeout - (time.perf_counter() - started), 1.0)
    served = _stage("serve", knowledge, cases, settings, workdir, baselines, left)
    served["build_peak_mb"] = result.get("compile", {}).get("peak_mb")
    return {**result, **served, "baselines": served["baselines"]}


def _stage(stage: str, knowledge: Path, cases: list[dict], settings: Settings,
           workdir: Path, baselines: str, timeout: float) -> dict:
    cases_file = workdir / f"cases-{knowledge.name}.json"
    cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, "-m", "bench.worker", str(knowledge), str(cases_file),
           "--budget", str(settings.budget), "--rounds", str(settings.rounds),
           "--baselines", baselines, "--stage", stage]
    error, peak = None, None
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                            env=_env())
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
        if proc.returncode != 0:
            lines = stderr.decode(errors="replace").strip().splitlines()
            error = f"worker exited {proc.returncode}: {lines[-1] if lines else ''}"
    except subprocess.TimeoutExpired:
        peak = _peak_of(proc.pid)  # how big it had grown when it was stopped
        proc.kill()
        stdout, _ = proc.communicate()
        error = f"stopped after {timeout:.0f} s"
    result: dict[str, Any] = {"baselines": []}
    for line in stdout.decode(errors="replace").splitlines():
        phase = json.loads(line)
        name = phase.pop("phase")
        if name == "baseline":
            result["baselines"].append(phase)
        else:
            result[name] = phase
    if error:
        phases = ("load", "index", "compile") if stage == "build" else ("ready", "engine")
        during = next((p for p in phases if p not in result), "baseline")
        result["error"] = f"{error}, during {during}"
        if peak:
            result["stopped"] = {"peak_mb": round(peak, 1)}
    return result


def _peak_of(pid: int) -> float | None:
    """A running process's peak resident memory so far, in MB (Linux), else None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


# ------------------------------------------------------------------- the run

def our_base(settings: Settings, workdir: Path) -> dict:
    cases = [c.as_dict() for c in load_cases(settings.questions)]
    return run_worker(settings.knowledge, cases, settings, workdir, "wratio,token_set")


def scaling(settings: Settings, workdir: Path, deadline: float) -> list[dict]:
    """Our base, then each size; a size that ran out of time ends the series."""
    rows = [_row(1, settings.knowledge, ours_probe_run(settings, workdir), 0.0)]
    for factor in sorted(settings.sizes):
        left = deadline - time.perf_counter()
        if left < 15:
            rows.append({"factor": factor, "error": "skipped: the run's time is up (--deadline)"})
            continue
        started = time.perf_counter()
        base = generate(settings.knowledge, workdir / f"x{factor}", factor,
                        real=REAL_PROBES, oos=OOS_PROBES, base_only=settings.base_only)
        generated = time.perf_counter() - started
        print(f"  {factor}×: {base.entities} entities, {base.facts} facts generated in "
              f"{generated:.1f} s; measuring …", file=sys.stderr, flush=True)
        timeout = min(settings.timeout, max(deadline - time.perf_counter(), 1.0))
        run = run_worker(base.directory, [p.as_case() for p in base.probes], settings,
                         workdir, "wratio", timeout)
        rows.append(_row(factor, base.directory, run, generated))
        rows[-1].update(entities=base.entities, facts=base.facts)
        shutil.rmtree(base.directory, ignore_errors=True)
        if "stopped" in run.get("error", ""):
            deadline = 0.0  # a larger size would only take longer
    return rows


def ours_probe_run(settings: Settings, workdir: Path) -> dict:
    """Our own base on the scaling mix, so that the 1× row reads like the others."""
    probes = [*REAL_PROBES, *OOS_PROBES]
    return run_worker(settings.knowledge, [p.as_case() for p in probes], settings, workdir,
                      "wratio")


def _row(factor: int, directory: Path, run: dict, generated: float) -> dict:
    size = sum(p.stat().st_size for p in directory.rglob("*.yaml"))
    row: dict[str, Any] = {"factor": factor, "yaml_mb": round(size / 2**20, 2),
                           "generate_s": round(generated, 3)}
    if "load" in run:
        row.update(entities=run["load"]["entities"], facts=run["load"]["facts"],
                   load_s=run["load"]["seconds"])
    if "index" in run:
        row["index_s"] = run["index"]["seconds"]
        row["build_s"] = round(row["load_s"] + row["index_s"], 4)
    if "compile" in run:
        row.update(compile_s=run["compile"]["seconds"], compiled_mb=run["compile"]["mb"],
                   build_peak_mb=run["compile"]["peak_mb"])
    if "ready" in run:  # a later start: from the compiled form
        row.update(ready_s=run["ready"]["seconds"], ready_mb=run["ready"]["peak_mb"],
                   from_compiled=run["ready"]["from_cache"])
    if "engine" in run:
        e = run["engine"]
        row["engine"] = {k: e[k] for k in ("p50_ms", "p99_ms", "max_ms", "rounds", "samples",
                                            "per_tag", "slowest", "failures")}
        row["peak_mb"] = e["peak_mb"]
    if run["baselines"]:
        b = run["baselines"][0]
        row["baseline"] = {k: b[k] for k in ("name", "p50_ms", "p99_ms", "per_tag")}
    if "error" in run:
        row["error"] = run["error"]
        if "stopped" in run and "peak_mb" not in row:
            row["peak_mb"] = run["stopped"]["peak_mb"]
            row["error"] += f" (peak {row['peak_mb']:.0f} MB by then)"
    return row


def targets(results: dict) -> list[dict]:
    """Each target of the issue with the figure reached and whether it holds."""
    out = []

    def add(name: str, figure: float | None, limit: float, unit: str) -> None:
        out.append({"target": name, "limit": limit, "unit": unit, "figure": figure,
                    "met": None if figure is None else figure <= limit})

    warm = results["engine_warm"].get("engine", {})
    add("engine p99, our base", warm.get("p99_ms"), TARGETS["engine_p99_ms"], "ms")
    big = next((r for r in results["scaling"] if r["factor"] == 1000), {})
    add("engine p99, 1000×", big.get("engine", {}).get("p99_ms"),
        TARGETS["engine_p99_ms_1000x"], "ms")
    add("ready from compiled, 1000×", big.get("ready_s"), TARGETS["ready_s_1000x"], "s")
    add("ready from compiled peak, 1000×", big.get("ready_mb"), TARGETS["ready_mb_1000x"], "MB")
    add("first build (YAML → index), 1000×", big.get("build_s"), TARGETS["build_s_1000x"], "s")
    ask = results["cold_start"]["ask"]
    add("`ask` cold start wall", ask["wall_s_p50"], TARGETS["cold_start_s"], "s")
    add("`ask` cold start peak memory", ask["peak_mb"], TARGETS["cold_start_mb"], "MB")
    if results.get("telegram"):
        ratio = results["telegram"]["ratio"]
        out.append({"target": "Telegram replies/s ÷ bare bot", "limit": 0.9, "unit": "×",
                    "figure": ratio, "met": ratio >= 0.9, "at_least": True})
    return out


def _ratio(figure: float | None, reference: float | None) -> str:
    """A figure as a multiple of its reference measured in the same run."""
    return "-" if not figure or not reference else f"{figure / reference:.2f}×"


# ------------------------------------------------------------------- the table

def _pct(tally: dict | None) -> str:
    return f"{tally['right']}/{tally['total']}" if tally else "-"


def _fmt(value: Any, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def table(results: dict) -> str:
    """The report: every figure beside its reference from the same run, as a ratio (the
    FAQ baseline for the engine, a start that builds for one from the compiled form, the
    1× base for scale), since absolute times on a shared machine say little alone."""
    ours = results["engine_warm"]
    lines = [f"kazserb-bot benchmark – {results['meta']['machine']}", ""]
    e = ours.get("engine")
    if e:
        faq = ours["baselines"][0] if ours["baselines"] else {}
        lines += [f"Engine, warm, our base ({ours['ready']['entities']} entities, "
                  f"{ours['ready']['facts']} facts): {e['rounds']} rounds of "
                  f"{e['samples'] // e['rounds']} questions ({results['meta']['questions']}):",
                  f"  {'':34} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'answerable':>11} "
                  f"{'abstained':>10} {'p99 ÷ FAQ':>10}"]
        for name, m in [("kazserb-bot engine", e)] + [(b["name"], b) for b in ours["baselines"]]:
            lines.append(f"  {name:34} {m['p50_ms']:8.3f} {m['p99_ms']:8.3f} {m['max_ms']:8.3f} "
                         f"{m['accuracy']['share']:10.1%} {m['abstention']['share']:10.1%} "
                         f"{_ratio(m['p99_ms'], faq.get('p99_ms')):>10}")
    if "error" in ours:
        lines.append(f"  error: {ours['error']}")
    cold = results["cold_start"]
    ask, first = cold["ask"], cold["ask_first"]
    lines += ["", f"Cold start: `{cold['command']}` (median of {ask['runs']}):",
              f"  from the compiled form {ask['wall_s_p50']:.3f} s wall "
              f"({ask['cpu_s_p50']:.3f} s CPU), peak {ask['peak_mb']:.1f} MB; building from "
              f"the YAML {first['wall_s_p50']:.3f} s, {first['peak_mb']:.1f} MB "
              f"(compiled ÷ build: {_ratio(ask['wall_s_p50'], first['wall_s_p50'])})",
              f"  of which Python alone {cold['python_only']['wall_s_p50']:.3f} s / "
              f"{cold['python_only']['peak_mb']:.1f} MB, Python + imports "
              f"{cold['imports_only']['wall_s_p50']:.3f} s / "
              f"{cold['imports_only']['peak_mb']:.1f} MB",
              "",
              "Scaling (each size in fresh processes: a first start builds from the YAML and "
              "writes the compiled form; a later start reads it; mix: real / generated / "
              "out-of-scope):",
              f"  {'size':>5} {'facts':>6} {'YAML MB':>7} {'build s':>7} {'ready s':>7} "
              f"{'× 1×':>7} {'ready MB':>8} {'× 1×':>7} {'p50 ms':>7} {'p99 ms':>7} "
              f"{'÷ FAQ':>6} {'real':>6} {'gen':>6} {'oos':>6}"]
    one = next((r for r in results["scaling"] if r["factor"] == 1), {})
    for r in results["scaling"]:
        eng, base = r.get("engine", {}), r.get("baseline", {})
        tags = eng.get("per_tag", {})
        lines.append(
            f"  {str(r['factor']) + '×':>5} {_fmt(r.get('facts'), 'd'):>6} "
            f"{_fmt(r.get('yaml_mb')):>7} {_fmt(r.get('build_s')):>7} {_fmt(r.get('ready_s')):>7} "
            f"{_ratio(r.get('ready_s'), one.get('ready_s')):>7} "
            f"{_fmt(r.get('ready_mb'), '.0f'):>8} "
            f"{_ratio(r.get('ready_mb'), one.get('ready_mb')):>7} "
            f"{_fmt(eng.get('p50_ms')):>7} {_fmt(eng.get('p99_ms')):>7} "
            f"{_ratio(eng.get('p99_ms'), base.get('p99_ms')):>6} "
            f"{_pct(tags.get('real')):>6} {_pct(tags.get('generated')):>6} "
            f"{_pct(tags.get('oos')):>6}")
        if "error" in r:
            lines.append(f"        {r['factor']}×: {r['error']}")
    tg = results.get("telegram")
    if tg:
        ours, bare = tg["ours"], tg["bare"]
        lines += ["", f"Telegram, end to end against the local fake Bot API, {tg['mode']} "
                  f"(median of {tg['repeat']}, alternating):",
                  f"  {'':28} {'replies/s':>10} {'÷ bare':>7} {'p50 ms':>8} {'p99 ms':>8} "
                  f"{'CPU ms/reply':>13}"]
        for name, m in (("kazserb-bot", ours), ("bare python-telegram-bot", bare)):
            lines.append(f"  {name:28} {m['replies_per_second']:10.1f} "
                         f"{_ratio(m['replies_per_second'], bare['replies_per_second']):>7} "
                         f"{m['p50']:8.1f} {m['p99']:8.1f} {m['cpu_ms_per_reply']:13.2f}")
    lines += ["", "Targets (issues 4 and 11):"]
    for t in results["targets"]:
        mark = "not measured" if t["met"] is None else "met" if t["met"] else "MISSED"
        lines.append(f"  {t['target']:36} {'≥' if t.get('at_least') else '≤'} "
                     f"{t['limit']:g} {t['unit']:3} "
                     f"{_fmt(t['figure'], '.3f'):>9} {t['unit']:3} {mark}")
    return "\n".join(lines)


# ------------------------------------------------------------------- main

def _machine() -> str:
    return (f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, load average {_load():.2f}")


def _load() -> float:
    """Other work on the machine skews every figure: the 1-minute load average says how much."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return -1.0


def _git() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {"commit": git("rev-parse", "--short", "HEAD"),
            "engine_changed": bool(git("status", "--porcelain", "--", "bot"))}


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s) for s in text.split(",") if s.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes such as 10,100,1000, not {text!r}")
    if not sizes or min(sizes) < 2:
        raise argparse.ArgumentTypeError("sizes are factors of 2 or more")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=_sizes, default=None,
                    help="factors of our fact base to generate (default 10,100,1000; "
                         "--quick: 2,5)")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke test: small sizes, one round, one cold start")
    ap.add_argument("--out", type=Path, default=Path("bench-results.json"),
                    help="where to write the JSON (default bench-results.json)")
    ap.add_argument("--knowledge", type=Path, default=None, help="fact base (default: ours)")
    ap.add_argument("--questions", type=Path, default=REPO / "tests" / "questions.yaml",
                    help="question set for the warm latency and accuracy")
    ap.add_argument("--timeout", type=float, default=150.0,
                    help="seconds one size may take before it is stopped (default 150)")
    ap.add_argument("--deadline", type=float, default=180.0,
                    help="seconds the whole run may take, 0 for no limit (default 180): "
                         "the size running then is stopped, larger ones are skipped")
    ap.add_argument("--telegram", type=int, default=0, metavar="REPEAT",
                    help="also run bench.telegram_e2e's burst, ours beside the bare bot, "
                         "REPEAT times each (default 0: not run)")
    ap.add_argument("--base-language-only", action="store_true",
                    help="clones without translations (lighter; ours keeps them)")
    args = ap.parse_args(argv)
    settings = Settings(
        knowledge=(args.knowledge or default_knowledge()).resolve(),
        questions=args.questions.resolve(),
        sizes=args.sizes or ((2, 5) if args.quick else (10, 100, 1000)),
        rounds=1 if args.quick else 5, budget=0.5 if args.quick else 4.0,
        cold_runs=1 if args.quick else 5, timeout=args.timeout, deadline=args.deadline,
        base_only=args.base_language_only)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kazserb-bench-") as tmp:
        workdir = Path(tmp)
        # Compiled fact bases of this run only, never the user's: every process inherits it.
        os.environ["KAZSERB_BOT_CACHE"] = str(workdir / "compiled")
        print("engine and baseline on our base …", file=sys.stderr, flush=True)
        ours = our_base(settings, workdir)
        print("cold start …", file=sys.stderr, flush=True)
        cold = cold_start(settings, workdir)
        print("scaling …", file=sys.stderr, flush=True)
        deadline = started + settings.deadline if settings.deadline > 0 else float("inf")
        rows = scaling(settings, workdir, deadline)
        telegram = None
        if args.telegram:
            print("telegram …", file=sys.stderr, flush=True)
            from bench.telegram_e2e import compare
            telegram = compare(200, 5, 0.0, args.telegram)
    results: dict[str, Any] = {
        "meta": {"machine": _machine(), **_git(), "quick": args.quick,
                 "questions": str(settings.questions.relative_to(REPO))
                 if settings.questions.is_relative_to(REPO) else str(settings.questions),
                 "sizes": list(settings.sizes), "base_language_only": settings.base_only,
                 "seconds": None},
        "engine_warm": ours, "cold_start": cold,
        "load": {"parse_validate_s": ours.get("load", {}).get("seconds"),
                 "index_s": ours.get("index", {}).get("seconds"),
                 "compile_s": ours.get("compile", {}).get("seconds"),
                 "ready_s": ours.get("ready", {}).get("seconds")},
        "scaling": rows, "telegram": telegram,
    }
    results["baseline"] = ours.get("baselines", [])
    results["targets"] = targets(results)
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    results["meta"]["load_average_end"] = round(_load(), 2)
    print(table(results))
    print(f"\n({results['meta']['seconds']} s; JSON in {args.out})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
