"""Batch processing: the NLP result cache, batches, date ranges, the document file, the local site, a whole run.

The Prefect flows in `pipelines/` wrap these steps in tasks; `biwaq run --no-prefect` runs them one after
another in its own process (`local_run`). Nothing in this package knows of Prefect.
"""
