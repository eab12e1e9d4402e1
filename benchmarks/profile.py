"""Profile the hot path (the full extraction over N generated articles) with pyinstrument.

    python -m benchmarks.profile --count 200 --html outputs/bench/profile.html
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from benchmarks.run import corpus_for


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Profile biwaq's extraction (load_pipeline('blank') + extract.process) with pyinstrument.",
        epilog="example: python -m benchmarks.profile --count 200 --html outputs/bench/profile.html",
    )
    parser.add_argument("--count", type=int, default=200, help="generated articles to profile (default 200)")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's interactive HTML here")
    parser.add_argument("--library", action="store_true", help="profile run_extract (tables, dataset, report) instead")
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        parser.error("pyinstrument is not installed: pip install -e '.[bench]'")

    from biwaq_extract.config import load_settings
    from biwaq_extract.reading.documents import read_documents
    from biwaq_extract.extract import process, run_extract
    from biwaq_extract.nlp.model import load_pipeline

    path, _ = corpus_for(args.count, 7)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp, info = load_pipeline("blank")
    settings = load_settings(None)
    profiler = Profiler(interval=0.001)
    profiler.start()
    if args.library:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            run_extract(path, Path(tmp), settings, nlp=nlp, info=info)
    else:
        for _ in process(nlp, read_documents(path), settings):
            pass
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
