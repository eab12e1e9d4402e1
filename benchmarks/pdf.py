"""PDF reading speed: pages per second through the bounded PDF worker, next to extracting the same text.

    python -m benchmarks.pdf --repeat 25

Reads the printed test reports (tests/fixtures/pdf/*.pdf) `--repeat` times through one worker process,
then extracts the text they yield with the rule pipeline, and prints both as pages per second with their
ratio (measured in the same run, so the machine's speed cancels out).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python -m benchmarks.pdf --repeat 25")
    parser.add_argument("--repeat", type=int, default=25, help="passes over the fixture PDFs (default 25)")
    args = parser.parse_args(argv)

    from biwaq_extract.config import load_settings
    from biwaq_extract.extract import extract_document
    from biwaq_extract.nlp.model import load_pipeline
    from biwaq_extract.reading.pdf import PdfLimits, PdfWorker, read_pdf
    from biwaq_extract.records import Document

    paths = sorted(FIXTURES.glob("*.pdf"))
    limits = PdfLimits.from_settings(load_settings())
    with PdfWorker(limits) as worker:
        read_pdf(paths[0], limits, worker)  # the worker's start-up is not reading
        started = time.perf_counter()
        results = [read_pdf(p, limits, worker) for _ in range(args.repeat) for p in paths]
        reading = time.perf_counter() - started
    pages = sum(r.pages for r in results)
    nlp, _info = load_pipeline("blank")
    documents = [Document(str(i), r.text, published=r.published) for i, r in enumerate(results)]
    started = time.perf_counter()
    for document in documents:
        extract_document(nlp, document)
    extracting = time.perf_counter() - started
    print(f"{len(results)} PDFs, {pages} pages, {sum(len(r.text) for r in results):,} characters")
    print(f"{'step':<24}{'seconds':>9}{'pages/s':>10}")
    print(f"{'read PDF (worker)':<24}{reading:>9.2f}{pages / reading:>10.1f}")
    print(f"{'extract (rule pipeline)':<24}{extracting:>9.2f}{pages / extracting:>10.1f}")
    print(f"reading takes {reading / extracting:.2f}x the time of extracting the same pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
