"""Performance benchmark for kazserb-bot: `python -m bench.benchmark` (see benchmark.py)."""
