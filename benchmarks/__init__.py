"""Benchmarks of biwaq-extract: a generated corpus, timings per stage and a profile of the hot path."""
