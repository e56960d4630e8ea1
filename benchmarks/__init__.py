"""Benchmarks run by scripts/bench; each module has a `run()` that prints its figures."""
