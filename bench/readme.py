"""The README's Performance tables, from the benchmark's JSON: `python -m bench.readme [F]`.

Figures are never typed into the README: this rewrites what lies between its
`<!-- benchmark:start -->` and `<!-- benchmark:end -->` markers from bench-results.json
(`python -m bench.benchmark --sizes 10,100,1000 --deadline 0 --timeout 1500 --telegram 3`).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Sequence

REPO = Path(__file__).resolve().parents[1]
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def _n(value: Any, spec: str = ".2f", unit: str = "") -> str:
    return "–" if value is None else f"{format(value, spec)}{unit}"


def _x(figure: float | None, reference: float | None) -> str:
    return "–" if not figure or not reference else f"{figure / reference:.2f}×"


def _mark(results: dict, name: str) -> str:
    t = next((t for t in results["targets"] if t["target"] == name), None)
    if t is None or t["met"] is None:
        return "not measured"
    sign = "≥" if t.get("at_least") else "≤"
    return f"{sign} {t['limit']:g} {t['unit']} {'✓' if t['met'] else '✗'}"


def tables(results: dict) -> str:
    """Markdown for the figures of one benchmark run, each beside its reference."""
    meta, warm = results["meta"], results["engine_warm"]
    e, faq = warm.get("engine", {}), (warm.get("baselines") or [{}])[0]
    cold = results["cold_start"]
    ask, first = cold["ask"], cold["ask_first"]
    out = [f"Run of commit `{meta['commit']}` on {meta['machine']} "
           f"({meta['seconds']:.0f} s).", "",
           "| | figure | reference, same run | ratio | target |",
           "| --- | --- | --- | --- | --- |"]
    if e:
        out.append(f"| engine, warm, our base ({e['samples']} answers) | p50 {e['p50_ms']:.2f} ms, "
                   f"p99 {e['p99_ms']:.2f} ms; {e['accuracy']['share']:.1%} answerable right, "
                   f"{e['abstention']['share']:.1%} declined | fuzzy FAQ p99 "
                   f"{faq.get('p99_ms', 0):.2f} ms; {faq.get('accuracy', {}).get('share', 0):.1%}"
                   f" / {faq.get('abstention', {}).get('share', 0):.1%} | "
                   f"{_x(e['p99_ms'], faq.get('p99_ms'))} | {_mark(results, 'engine p99, our base')} |")
    out.append(f"| `ask` cold start, from the compiled form | {ask['wall_s_p50']:.3f} s, "
               f"{ask['peak_mb']:.1f} MB | building from the YAML {first['wall_s_p50']:.3f} s, "
               f"{first['peak_mb']:.1f} MB | {_x(ask['wall_s_p50'], first['wall_s_p50'])} | "
               f"{_mark(results, '`ask` cold start wall')}, "
               f"{_mark(results, '`ask` cold start peak memory')} |")
    tg = results.get("telegram")
    if tg:
        ours, bare = tg["ours"], tg["bare"]
        out.append(f"| Telegram, 200 chats × 5 messages at once (median of {tg['repeat']}) | "
                   f"{ours['replies_per_second']:.0f} replies/s, p50 {ours['p50']:.0f} ms, "
                   f"p99 {ours['p99']:.0f} ms, {ours['cpu_ms_per_reply']:.2f} ms CPU a reply | "
                   f"bare python-telegram-bot {bare['replies_per_second']:.0f} replies/s, p99 "
                   f"{bare['p99']:.0f} ms, {bare['cpu_ms_per_reply']:.2f} ms CPU | "
                   f"{tg['ratio']:.2f}× | {_mark(results, 'Telegram replies/s ÷ bare bot')} |")
    rows = results["scaling"]
    one = next((r for r in rows if r["factor"] == 1), {})
    out += ["", "| size | facts | YAML | first build | ready from compiled | × 1× | ready peak | "
            "× 1× | p50 | p99 | p99 ÷ FAQ | real / generated / out-of-scope right |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        eng, base = r.get("engine", {}), r.get("baseline", {})
        tags = eng.get("per_tag", {})
        right = " · ".join(f"{t['right']}/{t['total']}" if t else "–" for t in
                           (tags.get("real"), tags.get("generated"), tags.get("oos")))
        out.append(
            f"| {r['factor']}× | {_n(r.get('facts'), ',d')} | {_n(r.get('yaml_mb'), '.1f', ' MB')} "
            f"| {_n(r.get('build_s'), '.1f', ' s')} | {_n(r.get('ready_s'), '.2f', ' s')} | "
            f"{_x(r.get('ready_s'), one.get('ready_s'))} | {_n(r.get('ready_mb'), '.0f', ' MB')} | "
            f"{_x(r.get('ready_mb'), one.get('ready_mb'))} | {_n(eng.get('p50_ms'), '.2f', ' ms')} | "
            f"{_n(eng.get('p99_ms'), '.2f', ' ms')} | {_x(eng.get('p99_ms'), base.get('p99_ms'))} "
            f"| {right} |" + (f" {r['error']}" if "error" in r else ""))
    out += ["", "Targets at 1000×: " + "; ".join(
        f"{name.split(',')[0]} {_mark(results, name)}" for name in (
            "ready from compiled, 1000×", "ready from compiled peak, 1000×",
            "first build (YAML → index), 1000×", "engine p99, 1000×")) + "."]
    return "\n".join(out)


def rewrite(readme: str, results: dict) -> str:
    if START not in readme or END not in readme:
        raise ValueError(f"the README has no {START} … {END} section")
    return re.sub(re.escape(START) + ".*?" + re.escape(END),
                  lambda _: f"{START}\n{tables(results)}\n{END}", readme, flags=re.S)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results", nargs="?", type=Path, default=Path("bench-results.json"))
    ap.add_argument("--readme", type=Path, default=REPO / "README.md")
    args = ap.parse_args(argv)
    try:
        results = json.loads(args.results.read_text(encoding="utf-8"))
        text = rewrite(args.readme.read_text(encoding="utf-8"), results)
    except (OSError, ValueError, KeyError) as exc:
        print(f"bench.readme: {exc}", file=sys.stderr)
        return 1
    args.readme.write_text(text, encoding="utf-8")
    print(f"{args.readme}: Performance tables rewritten from {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
