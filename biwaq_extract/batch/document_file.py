"""The parse step's document file: screened documents written to JSONL and read back by position."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biwaq_extract.batch.date_range import DateRange
from biwaq_extract.extract import screen
from biwaq_extract.reading.documents import read_documents
from biwaq_extract.records import Document, DocumentResult, QuarantineRecord

DOCUMENTS_NAME = "documents.jsonl"


class DocumentFile(Sequence):
    """Screened documents in a JSONL file, read back by position: the run keeps only their offsets, not their
    texts, so its memory does not grow with the input. Thread-safe for reading (each read opens the file)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.spans: list[tuple[int, int]] = []  # (offset, length) of each document's line
        self.ids: list[str] = []

    def write(self, documents: Iterable[Document]) -> DocumentFile:
        offset = 0
        with open(self.path, "wb") as fh:
            for document in documents:
                line = json.dumps(_document_data(document), ensure_ascii=False).encode("utf-8") + b"\n"
                fh.write(line)
                self.spans.append((offset, len(line)))
                self.ids.append(document.id)
                offset += len(line)
        return self

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        offset, length = self.spans[i]
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            return _document(json.loads(fh.read(length)))

    def __iter__(self) -> Iterator[Document]:
        with open(self.path, "rb") as fh:
            for _ in self.spans:
                yield _document(json.loads(fh.readline()))


def _document_data(document: Document) -> dict[str, Any]:
    data = dataclasses.asdict(document)
    data["published"] = document.published.isoformat() if document.published else None
    return data


def _document(data: dict[str, Any]) -> Document:
    published = data.get("published")
    return Document(**{**data, "published": dt.date.fromisoformat(published) if published else None,
                       "page_starts": tuple(data.get("page_starts") or ())})


@dataclass(frozen=True)
class Parsed:
    """Documents ready for NLP (in a file), and what could not even get there (read or validation failures)."""

    documents: DocumentFile
    failed: tuple[tuple[DocumentResult, QuarantineRecord], ...]
    out_of_range: int = 0


def parse_to_file(path: Path, settings: dict[str, Any], scratch: Path, start: dt.date | None = None,
                  end: dt.date | None = None) -> Parsed:
    """Read the crawl's articles (or any input `biwaq extract` reads), keep the date range, validate each; the
    valid ones go to a file in the `scratch` folder, streamed."""
    failed: list[tuple[DocumentResult, QuarantineRecord]] = []
    window = DateRange(start, end)

    def valid() -> Iterator[Document]:
        for item in window.keep(read_documents(Path(path), settings)):
            bad = screen(item, settings)
            if bad is not None:
                failed.append(bad)
                continue
            yield item

    documents = DocumentFile(Path(scratch) / DOCUMENTS_NAME).write(valid())
    return Parsed(documents, tuple(failed), window.dropped)
