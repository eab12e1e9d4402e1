"""Reading the ids of the documents a run read from its documents.jsonl."""

from __future__ import annotations

import json

import pytest

from biwaq_extract.dataset.document_ids import read_document_ids


@pytest.mark.parametrize("ids", [["a", 'quote "b"', "c"]])
def test_document_ids_in_file_order_skipping_damaged_lines(tmp_path, ids):
    path = tmp_path / "documents.jsonl"
    lines = [json.dumps({"id": i, "text": "Ein Text."}, ensure_ascii=False) for i in ids]
    lines.insert(1, '{"id": "broken')  # a truncated line names no document
    lines.append(json.dumps({"text": "ohne id", "id": "late"}))  # id not first: still read, just slower
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_document_ids(path) == [*ids, "late"]
    assert read_document_ids(tmp_path / "missing.jsonl") == []
