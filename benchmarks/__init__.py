"""Benchmarks: run by `make bench`; they print `BENCH <name> <value> <unit>` lines."""
