"""Batch processing: the NLP result cache, batches, date filters, the document file and the local site.

The Prefect flows in `pipelines/` and `biwaq run --no-prefect` run the same steps from here; nothing in this
package knows of Prefect.
"""
