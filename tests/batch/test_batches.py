"""Batch sizes and even batches."""

from __future__ import annotations

import pytest

from biwaq_extract.batch.batches import batch_size_for, batches, default_batch_size
from biwaq_extract.config import load_settings
from biwaq_extract.errors import SettingsError


@pytest.mark.parametrize("n, size, sizes", [(5, 2, [2, 2, 1]), (34, 32, [17, 17]), (0, 4, []), (3, 10, [3])])
def test_batches_are_even(n, size, sizes):
    got = batches(list(range(n)), size)
    assert [len(b) for b in got] == sizes and sum(got, []) == list(range(n))


@pytest.mark.parametrize("environ, n, chosen, expected", [
    ({}, 44, None, 32),  # the shipped default
    ({"BIWAQ_EXTRACT__BATCH_SIZE": "8"}, 44, None, 8),  # the settings decide the default...
    ({"BIWAQ_EXTRACT__BATCH_SIZE": "8"}, 44, 3, 3),  # ...and --batch-size wins over them
    ({}, 2000, None, 250),  # large inputs: about 4 batches per worker (2 workers)
])
def test_batches_default_size_comes_from_the_settings(environ, n, chosen, expected):
    default = default_batch_size(load_settings(environ=environ))
    assert batch_size_for(n, chosen, 2, default) == expected


@pytest.mark.parametrize("value", [0, "32", True])
def test_batches_bad_default_size_is_a_settings_error(value):
    with pytest.raises(SettingsError, match="batch_size"):
        default_batch_size({"extract": {"batch_size": value}})
