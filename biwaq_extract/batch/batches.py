"""Batches: how many documents go to one extraction batch, and splitting the work into even batches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from biwaq_extract.errors import SettingsError

# Batches per worker at most: with fast rule-only extraction a 32-document batch takes ~50 ms, as long as
# Prefect's own bookkeeping per task; bigger batches on large inputs keep that overhead small.
BATCHES_PER_WORKER = 4
# ...but no bigger than this: a finished batch's results are in memory until the run has stored them, so
# the batch size (times the batches in flight) bounds the run's memory. 500 rule-only results are ~15 MB;
# at 20,000 documents that is 40 tasks, ~2 s of Prefect bookkeeping in a ~100 s run.
MAX_BATCH_SIZE = 500


def default_batch_size(settings: Mapping[str, Any]) -> int:
    """`[extract] batch_size` of the settings: the batch size when the user chooses none.

    >>> default_batch_size({"extract": {"batch_size": 32}})
    32
    """
    value = settings.get("extract", {}).get("batch_size")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsError(f"[extract] batch_size must be a whole number of at least 1, not {value!r}")
    return value


def batch_size_for(n_documents: int, chosen: int | None, workers: int, default: int) -> int:
    """The batch size the user chose, else `default`, or more when that would give over
    BATCHES_PER_WORKER batches per worker, up to MAX_BATCH_SIZE.

    >>> batch_size_for(44, None, 2, 32), batch_size_for(2000, None, 2, 32), batch_size_for(2000, 10, 2, 32)
    (32, 250, 10)
    >>> batch_size_for(20000, None, 2, 32)
    500
    """
    if chosen is not None:
        return chosen
    return min(MAX_BATCH_SIZE, max(default, -(-n_documents // (BATCHES_PER_WORKER * workers))))


def batches(items: list, size: int) -> list[list]:
    """Consecutive slices of at most `size` items, as even as possible (34 by 32 is 17 + 17, not 32 + 2),
    so that parallel workers finish together.

    >>> batches([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> [len(b) for b in batches(list(range(34)), 32)]
    [17, 17]
    """
    if not items:
        return []
    count = -(-len(items) // size)
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + base + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out
