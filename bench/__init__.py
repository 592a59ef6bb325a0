"""Benchmarks: `make bench` (python -m bench) prints one table with each budget beside it."""
