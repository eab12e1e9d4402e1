"""The NLP result cache: one SQLite file per extractor and model; damage costs re-extraction, never the run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import threading

import pytest

from biwaq_extract.records import Document, DocumentResult, ModelInfo
from biwaq_extract.batch.cache import NLPCache, RunResults

INFO = ModelInfo("blank:de", "3.8", False, (), "3.8")


def _documents(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f"Der {i}. Fachtag fand in Leipzig statt.", published=dt.date(2023, 1, 2)) for i in range(n)]


@pytest.mark.parametrize("n", [1, 250])
def test_cache_stores_a_batch_and_a_new_cache_object_reads_it(tmp_path, n):
    documents = _documents(n)
    writer = NLPCache.for_output(tmp_path, INFO)
    assert writer.put([DocumentResult(document=d) for d in documents]) == n
    writer.close()
    reader = NLPCache.for_output(tmp_path, INFO)  # another run: a fresh connection to the same file
    assert all(reader.has(d) for d in documents)
    assert (reader.hits, reader.path.name) == (n, f"{reader.extractor}--blank_de-3.8.sqlite".replace(":", "_"))


@pytest.mark.parametrize("damage", [b"this is not a database", b"SQLite format 3\x00" + b"\xff" * 200])
def test_cache_damaged_file_is_moved_aside_and_results_are_extracted_again(tmp_path, damage, caplog):
    cache = NLPCache.for_output(tmp_path, INFO)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(damage)
    document = _documents(1)[0]
    assert cache.get(document) is None  # no crash: a miss
    assert cache.put([DocumentResult(document=document)]) == 1
    assert cache.get(document) is not None
    assert cache.path.with_name(cache.path.name + ".damaged").read_bytes() == damage
    assert "unreadable" in caplog.text


@pytest.mark.parametrize("row", [b"not a pickle", pickle.dumps("a string, not a result")])
def test_cache_unreadable_row_is_a_miss(tmp_path, row):
    cache = NLPCache.for_output(tmp_path, INFO)
    document = _documents(1)[0]
    cache.put([DocumentResult(document=document)])
    with cache._lock:
        cache._connection().execute("UPDATE results SET result = ?", (row,))
    assert cache.get(document) is None
    assert not cache.has(document)


@pytest.mark.parametrize("threads", [4])
def test_cache_shared_between_threads_and_pickled_without_its_connection(tmp_path, threads):
    cache = NLPCache.for_output(tmp_path, INFO)
    documents = _documents(40)
    parts = [documents[i::threads] for i in range(threads)]
    workers = [threading.Thread(target=cache.put, args=([DocumentResult(document=d) for d in part],)) for part in parts]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    copy = pickle.loads(pickle.dumps(cache))  # as a task parameter would travel to another process
    assert all(copy.load(d) is not None for d in documents)
    assert cache.stored == 40


@pytest.mark.parametrize("n", [50])
def test_cache_full_raises_oserror_so_the_flow_keeps_results(tmp_path, n):
    """SQLite's 'database or disk is full' (here: the file may not grow) becomes an OSError, as a full disk does
    for files; the flow catches it and keeps the batch in memory."""
    cache = NLPCache.for_output(tmp_path, INFO)
    cache.put([DocumentResult(document=d) for d in _documents(1)])
    with cache._lock:
        db = cache._connection()
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OSError, match="not writable"):
        cache.put([DocumentResult(document=d) for d in _documents(n)])
    assert cache.stored == 1


@pytest.mark.parametrize("change", ["text", "published"])
def test_cache_key_follows_content(tmp_path, change):
    cache = NLPCache.for_output(tmp_path, INFO)
    doc = Document(id="a", text="Der Fachtag fand in Leipzig statt.", published=dt.date(2023, 1, 2))
    cache.put([DocumentResult(document=doc), DocumentResult(document=Document(id="bad", text="x"), error="boom")])
    renamed = dataclasses.replace(doc, id="b", url="https://example.invalid/b")
    assert cache.get(renamed).document == renamed  # same content under another id: reused, relabelled
    assert cache.get(Document(id="bad", text="x")) is None  # failures are never cached
    other = dataclasses.replace(doc, text=doc.text + " ") if change == "text" else dataclasses.replace(doc, published=dt.date(2024, 1, 2))
    assert cache.get(other) is None
    assert NLPCache.for_output(tmp_path, dataclasses.replace(INFO, version="3.9")).get(doc) is None


RUN_DOCUMENTS = [
    Document(id="a", text="Über 80 Teilnehmende „trafen“ sich\nin Köln.", url="https://example.invalid/a",
             title="Fachtag", published=dt.date(2019, 9, 25), source="articles.jsonl"),
    Document(id="b", text="Zeile\r\nmit CR und \u2028 Trenner", published=None),
    Document(id="c", text="", title=None),
]


@pytest.mark.parametrize("held_position", [1])
def test_cache_run_results_keep_no_text_and_give_it_back_from_the_cache(tmp_path, held_position):
    cache = NLPCache.for_output(tmp_path, INFO)
    cache.put([DocumentResult(document=d) for d in RUN_DOCUMENTS])
    failed = DocumentResult(document=RUN_DOCUMENTS[held_position], error="boom", error_stage="extract")
    entries = [RunResults.entry(d, None if i == held_position else cache.key(d)) for i, d in enumerate(RUN_DOCUMENTS)]
    results = RunResults(cache, entries, {held_position: failed})
    assert all(meta.text == "" for meta, _ in results.entries)
    assert [r.document for r in results] == RUN_DOCUMENTS
    assert results[held_position] is failed
    assert results.ids() == ["a", "b", "c"]
