"""A smoke test of the benchmark (bench/): it runs, and writes every section.

The full benchmark takes minutes and is not run by CI; this runs it at its smallest.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO
from test_cli import run

if str(REPO) not in sys.path:  # bench/ is not installed with the package: run from the repo
    sys.path.insert(0, str(REPO))
from bench.synthetic import generate  # noqa: E402
from bot.factbase import load_knowledge  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def test_quick_benchmark_writes_every_section(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.benchmark", "--quick", "--sizes", "2", "--out", str(out)],
        capture_output=True, text=True, timeout=120, cwd=REPO, env=ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Targets (issues 4 and 11)" in result.stdout and "Scaling" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"meta", "engine_warm", "baseline", "cold_start", "load", "scaling",
            "targets"} <= set(data)
    warm = data["engine_warm"]["engine"]
    assert 0 < warm["p50_ms"] <= warm["p99_ms"] and warm["samples"] >= 100
    assert warm["accuracy"]["total"] > 0
    assert [b["scorer"] for b in data["baseline"]] == ["wratio", "token_set"]
    assert all(0 < b["p50_ms"] and "accuracy" in b for b in data["baseline"])
    ask, first = data["cold_start"]["ask"], data["cold_start"]["ask_first"]
    assert 0 < ask["wall_s_p50"] < 30 and 5 < ask["peak_mb"] < 1000
    assert 0 < first["wall_s_p50"] < 30 and 5 < first["peak_mb"] < 1000
    assert data["load"]["parse_validate_s"] > 0 and data["load"]["index_s"] > 0
    assert data["load"]["compile_s"] > 0 and data["load"]["ready_s"] > 0
    rows = {r["factor"]: r for r in data["scaling"]}
    assert set(rows) == {1, 2}
    assert rows[2]["facts"] == 2 * rows[1]["facts"]
    assert rows[2]["entities"] == 2 * rows[1]["entities"]
    for row in rows.values():
        assert "error" not in row, row
        assert row["load_s"] > 0 and row["peak_mb"] > 0 and row["engine"]["p99_ms"] > 0
        # later starts read the compiled form the first start wrote
        assert row["from_compiled"] is True and row["ready_s"] > 0 and row["compiled_mb"] > 0
        assert "p50_ms" in row["baseline"]
    assert {"real", "oos"} <= set(rows[1]["engine"]["per_tag"])
    assert rows[2]["engine"]["per_tag"]["generated"]["total"] == 1
    assert {t["target"] for t in data["targets"]} == {
        "engine p99, our base", "engine p99, 1000×", "ready from compiled, 1000×",
        "ready from compiled peak, 1000×", "first build (YAML → index), 1000×",
        "`ask` cold start wall", "`ask` cold start peak memory"}
    ratios = [line for line in result.stdout.splitlines() if line.lstrip().startswith("2×")]
    assert len(ratios) == 1 and ratios[0].count("×") >= 3  # figures as ratios to 1×
    # The README's tables are written from this output, not typed.
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n<!-- benchmark:start -->\nold\n<!-- benchmark:end -->\nrest\n",
                      encoding="utf-8")
    written = subprocess.run([sys.executable, "-m", "bench.readme", str(out), "--readme",
                              str(readme)], capture_output=True, text=True, timeout=60,
                             cwd=REPO, env=ENV)
    assert written.returncode == 0, written.stderr
    text = readme.read_text(encoding="utf-8")
    assert "\nold\n" not in text and text.endswith("<!-- benchmark:end -->\nrest\n")
    ready = f"{rows[2]['ready_s']:.2f} s | {rows[2]['ready_s'] / rows[1]['ready_s']:.2f}× |"
    assert f"| 2× | 64 | " in text and ready in text


def test_synthetic_base_passes_check(tmp_path):
    base = generate(REPO / "knowledge", tmp_path / "x3", 3)
    real = load_knowledge(REPO / "knowledge")
    assert (base.entities, base.facts) == (3 * len(real.entities), 3 * len(real.facts))
    # The loader's checks pass; `check` also asks every question, and a clone's question
    # may fit the original as well: that is what the benchmark measures, not a defect.
    loaded = load_knowledge(base.directory)
    assert (len(loaded.entities), len(loaded.facts)) == (base.entities, base.facts)
    result = run("check", "--knowledge", str(base.directory))
    problems = result.stderr.decode().splitlines()[1:]
    assert problems and all("question" in p and "_x" in p for p in problems), problems[:3]
    text = (base.directory / "entities.yaml").read_text(encoding="utf-8")
    assert "aleksandar_vucic_x2" in text and "id: aleksandar_vucic\n" in text
    assert [p.kind for p in base.probes] == ["generated", "generated"]
