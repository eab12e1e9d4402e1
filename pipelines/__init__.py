"""Prefect orchestration of biwaq-extract: thin flows and tasks over the library (which imports no Prefect)."""
