"""Results packed for the pipe from the extraction worker come back equal to the records the worker made."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from biwaq_extract.packed import pack, unpack
from biwaq_extract.records import DocumentResult, PlaceMention
from conftest import load_result

RESULT_FILES = ["esf-001.json", "esf-002.json", "esf-003.json", "esf-004.json"]


@pytest.mark.parametrize("name", RESULT_FILES)
def test_packed_result_comes_back_equal_through_pickle(name):
    result = load_result(name)
    packed = pickle.loads(pickle.dumps(pack(replace(result, document=None))))
    back = unpack(result.document, packed)
    assert back == result
    assert pickle.dumps(back) == pickle.dumps(result)  # same field order, same values, same types


@pytest.mark.parametrize("name", RESULT_FILES[:3])  # esf-004 failed validation: no records
def test_packed_result_is_smaller_than_the_records(name):
    result = replace(load_result(name), document=None)
    assert len(pickle.dumps(pack(result))) < len(pickle.dumps(result))


@pytest.mark.parametrize("odd", [
    lambda r: replace(r, places=list(r.places)),  # a list instead of a tuple
    lambda r: replace(r, dates=r.dates + (PlaceMention("Berlin", 0, 6, "Berlin", "city", "gazetteer"),)),
])
def test_packed_result_of_unexpected_shape_goes_as_the_record(odd):
    result = odd(load_result("esf-001.json"))
    packed = pack(result)
    assert isinstance(packed, DocumentResult)
    assert unpack(result.document, pickle.loads(pickle.dumps(packed))) == result
