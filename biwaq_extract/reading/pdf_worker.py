"""The PDF worker process: reads one JSON request per line ({path, limits}) and answers with one JSON line.

Started by `reading.pdf.PdfWorker` with a capped address space; anything that goes wrong with one PDF
is answered as {"error": reason}; running out of memory ends the process, which the parent reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    from biwaq_extract.errors import DocumentError
    from biwaq_extract.reading.pdf import PdfLimits, extract_pdf_text, pdf_text_to_json

    for line in sys.stdin:
        request = json.loads(line)
        limits = PdfLimits(**request["limits"])
        try:
            answer = pdf_text_to_json(extract_pdf_text(Path(request["path"]), limits))
        except DocumentError as exc:
            answer = {"error": exc.reason}
        except MemoryError:
            answer = {"error": f"PDF needs more than {limits.max_memory_mb} MB to read"}
        except Exception as exc:  # noqa: BLE001 - any failure of the PDF library is this PDF's reason
            answer = {"error": f"PDF not readable: {type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
