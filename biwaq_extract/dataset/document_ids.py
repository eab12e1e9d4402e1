"""The ids of the documents a run read, from its documents.jsonl, without parsing every document's text."""

from __future__ import annotations

import json
import re
from pathlib import Path

# documents.jsonl lines start with the id; reading only it spares parsing every document's text
_LEADING_ID = re.compile(r'^\{"id": ("(?:[^"\\]|\\.)*")')


def read_document_ids(path: Path) -> list[str]:
    """Ids in file order; a missing file has none, and a damaged line names no document and is skipped."""
    if not path.exists():
        return []
    ids = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                match = _LEADING_ID.match(line)
                ids.append(str(json.loads(match.group(1)) if match else json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
    return ids
